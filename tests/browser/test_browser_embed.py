"""The embed script on a cross-site host page: launcher, sidebar, options, CSP, framing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rjsmin
from playwright.sync_api import BrowserContext, Page, expect

from chatbot.embed import accessible_accent

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

# Computed styles of the host page's own elements, compared with and without the embed.
HOST_STYLES = """() => [...document.querySelectorAll('body, h1, h2, .card, nav a, p, footer')]
  .map(e => { const s = getComputedStyle(e);
              return [e.tagName, s.font, s.color, s.backgroundColor, s.margin,
                      s.padding].join('|'); })"""


def rgb(hex_colour: str) -> str:
    """'#0f766e' as getComputedStyle writes it."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def shadow(page: Page, script: str) -> Any:
    """Evaluate `script` with `root` bound to the embed's shadow root."""
    return page.evaluate(f"() => {{ const root = document.querySelector('portfolio-chat')"
                         f".shadowRoot; return {script}; }}")


def test_the_page_gets_one_labelled_button_and_nothing_heavy(page: Page, sites: Any,
                                                            ui: Any) -> None:
    page.add_init_script("Object.defineProperty(window, '__before', "
                         "{value: Object.getOwnPropertyNames(window), enumerable: false})")
    chat_requests: list[str] = []
    page.on("request", lambda r: r.url.startswith(sites.chat) and chat_requests.append(r.url))
    page.goto(sites.demo)
    button = ui.launcher(page)
    button.wait_for()

    assert chat_requests == [sites.chat + "/embed.js"]  # no iframe, no CSS, no htmx yet
    assert button.evaluate("b => b.tagName") == "BUTTON"
    assert button.get_attribute("aria-expanded") == "false"
    assert shadow(page, "!!root.getElementById('"
                  + str(button.get_attribute("aria-controls")) + "')")
    assert page.get_by_role("button", name="Ask about Inês").count() == 1
    assert shadow(page, "root.getElementById(root.querySelector('.l')"
                  ".getAttribute('aria-describedby')).textContent").startswith("Hi! I can tell")
    assert button.is_visible()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = button.bounding_box()  # position: fixed, so still in view after scrolling
    assert page.evaluate("scrollY") > 0
    assert box is not None and 0 < box["y"] and box["y"] + box["height"] < 800

    added = page.evaluate("Object.getOwnPropertyNames(window)"
                          ".filter(k => k !== '__before' && !__before.includes(k))")
    assert added == ["PortfolioChat"]
    assert page.evaluate("document.querySelectorAll('portfolio-chat').length") == 1
    assert page.evaluate("document.querySelector('portfolio-chat').children.length") == 0
    # The page keeps its own (single) stylesheet; the launcher's styles live in its shadow.
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.evaluate("document.adoptedStyleSheets.length") == 0


def test_the_script_is_served_cacheable(page: Page, sites: Any) -> None:
    response = page.request.get(sites.chat + "/embed.js")
    assert response.ok
    assert response.headers["content-type"].startswith("text/javascript")
    assert "max-age=3600" in response.headers["cache-control"]
    assert response.headers["access-control-allow-origin"] == "*"  # allows SRI + crossorigin
    # Served minified (chatbot/assets.py): the same bytes on every request, so SRI holds.
    source = (ROOT / "static" / "embed.js").read_text()
    assert response.body() == rjsmin.jsmin(source).encode()


def test_host_page_styles_are_left_alone(new_context: Callable[..., BrowserContext],
                                         sites: Any) -> None:
    with_embed = new_context().new_page()
    with_embed.goto(sites.demo)
    with_embed.locator("portfolio-chat").wait_for(state="attached")
    without = new_context().new_page()
    without.route("**/embed.js", lambda route: route.abort())
    without.goto(sites.demo)
    assert with_embed.evaluate(HOST_STYLES) == without.evaluate(HOST_STYLES)


def test_first_open_makes_the_iframe_and_moves_focus_into_the_chat(page: Page, sites: Any,
                                                                 ui: Any) -> None:
    widget_loads: list[str] = []
    page.on("request", lambda r: "/chat/widget" in r.url and widget_loads.append(r.url))
    page.goto(sites.demo)
    assert page.locator("portfolio-chat iframe").count() == 0

    ui.open_chat(page)
    assert widget_loads == [sites.chat + "/chat/widget?accent=%230f766e"]
    assert ui.launcher(page).get_attribute("aria-expanded") == "true"
    assert page.get_by_role("dialog", name="Ask about Inês").is_visible()
    assert ui.focus_is(page, "chat:message")
    assert page.locator("portfolio-chat iframe").get_attribute("title") == "Ask about Inês"

    page.keyboard.press("Escape")
    ui.launcher(page).click()  # opening again reuses the same iframe
    ui.chat_frame(page, focused=True)
    assert len(widget_loads) == 1
    assert page.locator("portfolio-chat iframe").count() == 1


def test_escape_anywhere_inside_closes_and_returns_focus(page: Page, sites: Any,
                                                         ui: Any) -> None:
    page.goto(sites.demo)
    frame = ui.open_chat(page)
    frame.locator("#message").fill("half a question")
    page.keyboard.press("Escape")  # from the message field, inside the cross-site iframe
    expect(ui.launcher(page)).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert ui.focus_is(page, "launcher")

    page.keyboard.press("Enter")
    ui.chat_frame(page, focused=True)
    assert frame.locator("#message").input_value() == "half a question"  # nothing lost
    frame.locator("#log").focus()  # the role=log box inside the frame
    page.keyboard.press("Escape")
    assert ui.focus_is(page, "launcher")

    ui.launcher(page).click()
    page.locator("portfolio-chat button.c").focus()  # the header's close button
    page.keyboard.press("Escape")
    assert ui.focus_is(page, "launcher")

    ui.launcher(page).click()
    page.get_by_role("button", name="Close chat").click()
    expect(ui.launcher(page)).to_have_attribute("aria-expanded", "false")
    assert ui.focus_is(page, "launcher")


def test_only_the_chat_frame_can_close_it(page: Page, sites: Any, ui: Any) -> None:
    page.goto(sites.demo)
    ui.open_chat(page)
    page.evaluate("window.postMessage('chatbot:close', '*')")  # the host page, not the frame
    page.wait_for_timeout(100)
    assert ui.launcher(page).get_attribute("aria-expanded") == "true"


def test_options_position_label_theme_accent_greeting(page: Page, sites: Any,
                                                      ui: Any) -> None:
    page.goto(ui.demo_url(sites, position="left", label="Chat with me", theme="dark",
                          accent="#e11d48", greeting=""))
    button = page.get_by_role("button", name="Chat with me")
    box = button.bounding_box()
    assert box is not None and box["x"] < 100
    assert shadow(page, "root.querySelector('.g').textContent") == ""  # no greeting asked
    accent, on_accent = accessible_accent("#e11d48")  # type: ignore[misc]
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == rgb(accent)
    assert button.evaluate("b => getComputedStyle(b).color") == rgb(on_accent)
    assert shadow(page, "getComputedStyle(root.querySelector('.p')).backgroundColor") == \
        "rgb(18, 20, 26)"  # the dark theme, asked for on a light-scheme browser

    frame = ui.open_chat(page)
    assert frame.evaluate("location.search") == "?accent=%23e11d48&theme=dark"
    assert frame.evaluate("document.documentElement.dataset.theme") == "dark"
    send_button = frame.get_by_role("button", name="Send")
    assert send_button.evaluate("b => getComputedStyle(b).backgroundColor") == rgb(accent)
    assert send_button.evaluate("b => getComputedStyle(b).color") == rgb(on_accent)
    assert frame.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 20, 26)"
    panel = page.get_by_role("dialog").bounding_box()
    assert panel is not None and panel["x"] == 0


@pytest.mark.parametrize("accent", ["#0f766e", "#ff0", "#777777", "#767676", "#2f9e44",
                                    "#fb7185", "#1e1b4b"])
def test_launcher_and_chat_agree_on_accessible_colours(page: Page, sites: Any, ui: Any,
                                                       accent: str) -> None:
    page.goto(ui.demo_url(sites, accent=accent))
    expected = accessible_accent(accent)
    assert expected is not None
    button = ui.launcher(page)
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == rgb(expected[0])
    assert button.evaluate("b => getComputedStyle(b).color") == rgb(expected[1])


def test_invalid_options_fall_back_to_defaults(page: Page, sites: Any, ui: Any) -> None:
    page.goto(ui.demo_url(sites, accent="red;background:url(x)", theme="neon",
                          position="middle"))
    button = ui.launcher(page)
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == rgb("#4338ca")
    frame = ui.open_chat(page)
    assert frame.evaluate("location.search") == ""
    assert frame.evaluate("document.documentElement.dataset.theme") is None


def test_open_on_load_does_not_take_focus(page: Page, sites: Any, ui: Any) -> None:
    page.goto(ui.demo_url(sites, open="true"))
    ui.chat_frame(page)
    assert ui.launcher(page).get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement === document.body")


def test_works_under_the_host_pages_strict_csp(page: Page, sites: Any, ui: Any) -> None:
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "document.documentElement.dataset.violations = (document"
                         ".documentElement.dataset.violations || '') + e.violatedDirective + ' ')")
    response = page.goto(sites.demo)
    assert response is not None
    policy = response.headers["content-security-policy"]
    chat = sites.chat
    assert f"script-src {chat};" in policy and f"frame-src {chat};" in policy
    assert "unsafe-inline" not in policy and chat not in policy.split("style-src")[1]

    frame = ui.open_chat(page)
    ui.send(frame, "What has Inês built?")
    button = ui.launcher(page)
    assert button.evaluate("b => getComputedStyle(b).position") == "fixed"  # styles applied
    assert page.evaluate("document.documentElement.dataset.violations || ''") == ""


def test_sidebar_is_full_screen_on_narrow_screens(new_context: Callable[..., BrowserContext],
                                                  sites: Any, ui: Any) -> None:
    page = new_context(viewport={"width": 390, "height": 700}).new_page()
    page.goto(sites.demo)
    ui.open_chat(page)
    assert page.get_by_role("dialog").bounding_box() == {"x": 0, "y": 0, "width": 390,
                                                         "height": 700}
    assert not ui.launcher(page).is_visible()  # hidden under the sheet, not focusable
    page.get_by_role("button", name="Close chat").click()
    expect(ui.launcher(page)).to_be_visible()
    assert ui.focus_is(page, "launcher")


@pytest.mark.parametrize(("motion", "duration"), [("no-preference", "0.3s"), ("reduce", "0s")])
def test_opening_animates_unless_reduced_motion_is_asked(
        new_context: Callable[..., BrowserContext], sites: Any, ui: Any,
        motion: str, duration: str) -> None:
    page = new_context(reduced_motion=motion).new_page()
    page.goto(sites.demo)
    ui.launcher(page).wait_for()
    shadow(page, "root.querySelector('.p').addEventListener('transitionrun', "
                 "() => { root.host.dataset.moved = 'yes'; }) || true")
    ui.launcher(page).click()
    ui.chat_frame(page)
    durations = shadow(page, "getComputedStyle(root.querySelector('.p')).transitionDuration")
    assert durations.split(",")[0] == duration
    moved = page.evaluate("document.querySelector('portfolio-chat').dataset.moved === 'yes'")
    assert moved == (motion == "no-preference")


def test_a_site_not_listed_cannot_frame_the_chat(page: Page, sites: Any, stack: Any,
                                                 ui: Any) -> None:
    other = stack.demo_only(sites.chat)  # same chat, another origin not in the list
    page.goto(other)
    ui.launcher(page).click()
    handle = page.locator("portfolio-chat iframe").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_load_state()
    assert frame.evaluate("location.href").startswith("chrome-error://")
    assert frame.locator("#chat").count() == 0

    page.goto(sites.demo)  # the listed site gets the chat
    assert ui.open_chat(page).locator("#chat").count() == 1

"""WCAG 2.2 AA, checked in Chromium: axe-core in every state, reflow, focus, target sizes,
and a streamed reply that screen readers hear once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Frame, Page, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

pytestmark = pytest.mark.browser

PROFILE = load_profile(SAMPLE_PROFILE)
QUESTION = f"What has {PROFILE.first_name} built?"
STREAMED = f"{PROFILE.first_name} built Tidewatch, ledgerlite, Queue Doctor and Mesa."

# The focus indicator of the focused element (through the embed's shadow root).
FOCUS_RING = """() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  const s = getComputedStyle(e);
  const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
  return {name, tag: e.tagName, outline: s.outlineStyle !== 'none' &&
          parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none'};
}"""
# Every control a pointer can hit, with its size; links inside message text are inline
# (WCAG 2.5.8 exempts them).
TARGETS = """(root) => [...root.querySelectorAll('button, a, textarea, input:not([type=hidden])')]
  .filter(e => e.checkVisibility() && !e.closest('.text'))
  .map(e => { const r = e.getBoundingClientRect();
              return [e.tagName + '.' + e.className, Math.round(r.width),
                      Math.round(r.height)]; })"""
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= innerWidth"


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest,
                new_context: Callable[..., BrowserContext]) -> Page:
    """A page whose browser prefers the light, then the dark, colour scheme."""
    return new_context(color_scheme=request.param).new_page()


def test_demo_page_closed_open_and_in_conversation(scheme_page: Page, sites: Any,
                                                   ui: Any) -> None:
    page = scheme_page
    page.goto(sites.demo)
    ui.launcher(page).wait_for()
    assert ui.axe_violations(page) == [], "host page, chat closed"
    frame = ui.open_chat(page)
    assert ui.axe_violations(page) == [], "host page, chat open"
    assert ui.axe_violations(frame) == [], "chat open"
    ui.send(frame, QUESTION)
    assert ui.axe_violations(frame) == [], "chat with a conversation"


def test_chat_page_in_conversation_and_with_an_error(scheme_page: Page, sites: Any,
                                                     ui: Any) -> None:
    page = scheme_page
    page.goto(sites.chat + "/chat")
    assert ui.axe_violations(page) == [], "/chat"
    ui.send(page, QUESTION)
    assert ui.axe_violations(page) == [], "/chat with a conversation"

    too_long = "x" * (sites.app.config["CHATBOT_MAX_MESSAGE_CHARS"] + 1)
    page.locator("#message").evaluate("field => field.removeAttribute('maxlength')")
    page.locator("#message").fill(too_long)
    page.locator("#message").press("Enter")
    error = page.locator("#composer-error")
    expect(error).not_to_be_empty()
    assert error.get_attribute("role") == "alert"
    expect(page.locator("#message")).to_have_attribute("aria-invalid", "true")
    assert ui.axe_violations(page) == [], "/chat with an error message"


def test_forced_dark_theme_in_a_light_browser(page: Page, sites: Any, ui: Any) -> None:
    page.goto(ui.demo_url(sites, theme="dark", accent="#fb7185"))
    frame = ui.open_chat(page)
    ui.send(frame, QUESTION)
    assert ui.axe_violations(page) == []
    assert ui.axe_violations(frame) == []


@pytest.fixture
def streaming_sites(stack: Any, tmp_path: Path, fake_openai: Any) -> Iterator[Any]:
    """The chat on the OpenAI engine, aimed at the fake server streaming slowly."""
    fake_openai.reply = STREAMED
    fake_openai.tokens_per_second = 6  # about two seconds for the whole reply
    yield stack.start(tmp_path, CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake_openai.base_url,
                      OPENAI_API_KEY="test", CHATBOT_REPLY_TIMEOUT=20.0)


# Records what screen readers would hear: additions to the transcript outside any
# aria-busy element (the finished messages), and each non-blank status text.
WATCH = """() => {
  const heard = window.__heard = {log: [], status: []};
  new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.isConnected && !n.closest('[aria-busy="true"]'))
        heard.log.push(n.textContent.replace(/\\s+/g, ' ').trim());
  }}).observe(document.querySelector('[role=log]'), {childList: true, subtree: true});
  new MutationObserver(() => { const t = document.getElementById('chat-status').textContent.trim();
      if (t) heard.status.push(t); })
    .observe(document.getElementById('chat-status'), {childList: true, subtree: true,
                                                      characterData: true});
}"""


@pytest.mark.parametrize("where", ["chat page", "embedded widget"])
def test_streamed_reply_is_accessible_and_announced_once(page: Page, streaming_sites: Any,
                                                         ui: Any, where: str) -> None:
    target: Page | Frame
    if where == "chat page":
        page.goto(streaming_sites.chat + "/chat")
        target = page
    else:
        page.goto(streaming_sites.demo)
        target = ui.open_chat(page)
    target.evaluate(WATCH)
    target.locator("#message").fill(QUESTION)
    target.locator("#message").press("Enter")

    bubble = target.locator("#log > li.pending")
    expect(bubble).to_have_attribute("aria-busy", "true")
    expect(bubble.locator(".stream-text span").first).to_be_attached()  # text is arriving
    expect(target.locator("#chat-status")).to_contain_text("writing a reply")
    assert ui.axe_violations(target) == [], f"{where}, reply streaming"
    assert bubble.count() == 1, "the reply finished before axe could see it stream"

    finished = target.locator("#log > li.msg.assistant[id^=msg-]")
    expect(finished).to_contain_text(STREAMED, timeout=15_000)
    expect(target.locator("#log [aria-busy]")).to_have_count(0)
    expect(target.locator("#chat-status")).to_have_text("\u00a0")
    heard = target.evaluate("window.__heard")
    assert heard["log"] == [f"You {QUESTION}", f"{PROFILE.first_name}'s assistant {STREAMED}"]
    assert heard["status"] == [f"{PROFILE.first_name}'s assistant is writing a reply…"]
    assert ui.axe_violations(target) == [], f"{where}, reply finished"


@pytest.mark.parametrize(("width", "height"), [(320, 640), (640, 400)])  # 320 px; 200% zoom
def test_reflow_without_horizontal_scrolling(new_context: Callable[..., BrowserContext],
                                             sites: Any, ui: Any, width: int,
                                             height: int) -> None:
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(sites.chat + "/chat")
    ui.send(page, QUESTION)
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "/chat scrolls sideways"
    for control in ("#message", "#composer .send"):
        expect(page.locator(control)).to_be_in_viewport()

    page.goto(sites.demo)
    assert page.evaluate(NO_HORIZONTAL_SCROLL), "the demo page scrolls sideways"
    expect(ui.launcher(page)).to_be_in_viewport()
    frame = ui.open_chat(page)
    ui.send(frame, QUESTION)
    assert frame.evaluate(NO_HORIZONTAL_SCROLL), "the chat scrolls sideways"
    for control in ("#message", "#composer .send"):
        expect(frame.locator(control)).to_be_in_viewport()
    expect(page.get_by_role("button", name="Close chat")).to_be_in_viewport()


def tab_through(page: Page, steps: int, key: str = "Tab") -> list[dict[str, Any]]:
    """Press `key` up to `steps` times (stopping at the launcher); each stop's focus ring."""
    stops = []
    for _ in range(steps):
        page.keyboard.press(key)
        target: Page | Frame = page
        if page.evaluate("document.activeElement.shadowRoot?.activeElement?.tagName") == "IFRAME":
            handle = page.locator("portfolio-chat iframe").element_handle()
            target = handle.content_frame() or page
        stops.append(target.evaluate(FOCUS_RING))
        if stops[-1]["name"] == "button.l":
            break
    return stops


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_shows_its_focus(new_context: Callable[..., BrowserContext],
                                       sites: Any, ui: Any, scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    page.goto(sites.chat + "/chat")
    # transcript, name field, save, four "I'm a…" choices, four starters, field, send
    stops = tab_through(page, 13)
    names = {s["name"] for s in stops}
    assert {"div.log", "input#visitor-name", "button.quiet", "button.starter",
            "textarea#message", "button.send"} <= names
    assert [s["name"] for s in stops if not (s["outline"] or s["shadow"])] == []

    page.goto(sites.demo)
    frame = ui.open_chat(page)
    ui.send(frame, QUESTION)  # the reply has links
    stops = tab_through(page, 1)  # the send button
    frame.locator("#message").focus()
    # suggestions, links, transcript, the intro's controls, close, launcher
    stops += tab_through(page, 24, "Shift+Tab")
    names = [s["name"] for s in stops]
    assert {"button.send", "a", "div.log", "button.c"} <= set(names) and names[-1] == "button.l"
    assert [s["name"] for s in stops if not (s["outline"] or s["shadow"])] == []


def test_targets_are_at_least_24_pixels(new_context: Callable[..., BrowserContext],
                                        sites: Any, ui: Any) -> None:
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto(sites.chat + "/chat")
    sizes = page.evaluate(f"({TARGETS})(document)")
    page.goto(ui.demo_url(sites, greeting="Hello"))
    ui.launcher(page).wait_for()
    sizes += page.evaluate(f"(({TARGETS}))(document.querySelector('portfolio-chat').shadowRoot)")
    frame = ui.open_chat(page)
    sizes += page.evaluate(f"(({TARGETS}))(document.querySelector('portfolio-chat').shadowRoot)")
    ui.send(frame, QUESTION)
    sizes += frame.evaluate(f"({TARGETS})(document)")
    assert len(sizes) >= 10
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []

"""The contact handoff, deleting a conversation and the owner's page, in real Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

from listeners import Webhook

pytestmark = pytest.mark.browser

PROFILE = load_profile(SAMPLE_PROFILE)
OWNER_TOKEN = "browser-owner-token"


@pytest.fixture
def hook() -> Iterator[Webhook]:
    """A real webhook listener on 127.0.0.1 that answers 500 twice, then 200."""
    with Webhook(statuses=[500, 500]) as listener:
        yield listener


@pytest.fixture
def contact_sites(stack: Any, tmp_path: Path, hook: Webhook) -> Iterator[Any]:
    """The chat with the webhook and the owner's page on, its queue worker running."""
    sites = stack.start(tmp_path, SESSION_COOKIE_SECURE=True,
                        CHATBOT_CONTACT_WEBHOOK=hook.url, CHATBOT_OWNER_TOKEN=OWNER_TOKEN)
    queue = sites.app.extensions["chatbot"].queue
    queue.retry_delays = (0.5, 1.0, 2.0)  # the real 5/15/40 s would make this test slow
    queue.start(sites.app)
    yield sites
    queue.stop()


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest,
                new_context: Callable[..., BrowserContext]) -> Page:
    """A page whose browser prefers the light, then the dark, colour scheme."""
    return new_context(color_scheme=request.param).new_page()


def tab_to(page: Page, ui: Any, where: str, limit: int = 40) -> None:
    """Press Tab until focus is `where` (as ui.focused names it)."""
    for _ in range(limit):
        if ui.focused(page) == where:
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {where}; focus is on {ui.focused(page)}")


def test_a_visitor_leaves_their_contact_by_keyboard_and_the_owner_gets_it(
        page: Page, contact_sites: Any, hook: Webhook, ui: Any) -> None:
    page.goto(contact_sites.demo)
    tab_to(page, ui, "launcher")
    page.keyboard.press("Enter")
    frame = ui.chat_frame(page, focused=True)
    tab_to(page, ui, "chat:a.contact-open")
    page.keyboard.press("Enter")
    card = frame.locator("#log > li#contact-card")
    expect(card).to_be_visible()
    assert ui.focus_is(page, "chat:contact-name")

    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Tab")
    page.keyboard.type("ada@invalid")  # no dot in the domain: refused
    page.keyboard.press("Tab")
    page.keyboard.type("Are you open to a staff role?")
    page.keyboard.press("Tab")
    assert ui.focus_is(page, "chat:button.contact-send")
    page.keyboard.press("Enter")
    expect(frame.locator("#contact-email")).to_have_attribute("aria-invalid", "true")
    assert ui.focus_is(page, "chat:contact-email")  # the first error has the focus
    expect(frame.locator("#contact-name")).to_have_value("Ada Lovelace")  # typed text kept
    expect(frame.locator("#contact-message")).to_have_value("Are you open to a staff role?")
    assert hook.received == []

    page.keyboard.press("Control+A")
    page.keyboard.type("ada@example.com")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    sent = frame.locator("#log > li.contact-sent")
    expect(sent).to_contain_text(f"Sent to {PROFILE.first_name}.")
    expect(card).to_have_count(0)
    assert ui.focus_is(page, "chat:message")  # back where the next question is typed

    received = hook.wait_for(3, timeout=10)  # 500, 500, then 200
    assert [r.status for r in received] == [500, 500, 200]
    assert received[0].body["email"] == "ada@example.com"
    assert received[-1].at - received[0].at < 5
    page.wait_for_timeout(3500)  # longer than every retry delay together
    assert len(hook.received) == 3, "nothing more after its 200"

    owner = page.context.new_page()
    owner.goto(contact_sites.chat + "/owner")
    owner.get_by_label("Owner token").fill(OWNER_TOKEN)
    owner.get_by_label("Owner token").press("Enter")
    expect(owner.locator("h1")).to_contain_text("What visitors asked")
    expect(owner.locator(".delivery").first).to_contain_text("Webhook: delivered")


def test_contact_card_has_no_axe_violations_open_and_with_errors(
        scheme_page: Page, sites: Any, ui: Any) -> None:
    page = scheme_page
    page.goto(sites.demo)
    frame = ui.open_chat(page)
    frame.locator("a.contact-open").click()
    expect(frame.locator("#contact-name")).to_be_focused()
    assert ui.axe_violations(frame) == [], "contact card open"
    frame.locator("#contact-name").fill("x" * 100)
    frame.locator("#contact-email").fill("nope")
    frame.locator("#contact-send, .contact-send").click()
    expect(frame.locator("#contact-email")).to_have_attribute("aria-invalid", "true")
    expect(frame.locator("#contact-email-error")).not_to_be_empty()
    assert ui.axe_violations(frame) == [], "contact card with an error"

    page.goto(sites.chat + "/chat?contact=1")  # without the widget, as a no-JS visitor gets it
    expect(page.locator("#contact-name")).to_be_focused()
    assert ui.axe_violations(page) == [], "/chat with the card open"


def test_the_owner_page_has_no_axe_violations(scheme_page: Page, contact_sites: Any,
                                              ui: Any) -> None:
    page = scheme_page
    page.goto(contact_sites.chat + "/chat")
    ui.send(page, f"What has {PROFILE.first_name} built?")
    page.goto(contact_sites.chat + "/owner")
    assert ui.axe_violations(page) == [], "sign-in form"
    page.get_by_label("Owner token").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_label("Owner token")).to_have_attribute("aria-invalid", "true")
    assert ui.axe_violations(page) == [], "sign-in form with an error"
    page.get_by_label("Owner token").fill(OWNER_TOKEN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("table.conversations tbody tr")).to_have_count(1)
    assert ui.axe_violations(page) == [], "owner page"
    page.locator("table.conversations a").first.click()
    expect(page.locator(".owner-transcript > li")).to_have_count(2)
    assert ui.axe_violations(page) == [], "a conversation"


def test_deleting_the_conversation_in_the_widget_shows_a_fresh_chat(
        page: Page, sites: Any, ui: Any) -> None:
    page.goto(sites.demo)
    frame = ui.open_chat(page)
    ui.send(frame, f"What has {PROFILE.first_name} built?")
    frame.locator("details.forget summary").click()
    frame.locator("details.forget button").click()
    expect(frame.locator("#log > li.msg[id^=msg-]")).to_have_count(0)
    expect(frame.locator("#chat-status")).to_contain_text("deleted")
    assert ui.focus_is(page, "chat:message")
    ui.send(frame, "Hello")
    expect(frame.locator("#log > li.msg[id^=msg-]")).to_have_count(2)

"""The whole chat by keyboard alone, with JavaScript and without it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

pytestmark = pytest.mark.browser

PROFILE = load_profile(SAMPLE_PROFILE)
QUESTION = f"What has {PROFILE.first_name} built?"
PROJECT = PROFILE.projects[0].name  # the offline engine lists the projects


def test_the_whole_embedded_flow_by_keyboard(page: Page, sites: Any, ui: Any) -> None:
    page.goto(sites.demo)
    for _ in range(30):  # Tab through the host page's own links to the launcher
        page.keyboard.press("Tab")
        if ui.focused(page) == "launcher":
            break
    else:
        pytest.fail("Tab never reached the chat button")

    page.keyboard.press("Enter")
    frame = ui.chat_frame(page, focused=True)
    assert ui.focus_is(page, "chat:message")
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    reply = frame.locator("#log > li.msg.assistant[id^=msg-]").last
    expect(reply).to_contain_text(PROJECT)
    expect(frame.locator("#message")).to_have_value("")
    assert ui.focus_is(page, "chat:message")  # ready for the next question

    page.keyboard.press("Tab")
    assert ui.focus_is(page, "chat:button.send")
    page.keyboard.press("Shift+Tab")
    assert ui.focus_is(page, "chat:message")
    page.keyboard.press("Shift+Tab")  # the suggested follow-up questions come first
    assert ui.focused(page) == "chat:button.starter"
    suggestions = frame.locator("#suggestions button[name=message]").count()
    assert 2 <= suggestions <= 4
    for _ in range(suggestions):  # then back into the transcript: the reply's last link
        page.keyboard.press("Shift+Tab")
    assert ui.focused(page) == "chat:a"
    assert frame.evaluate("document.activeElement.closest('#log') !== null")
    for _ in range(suggestions + 1):
        page.keyboard.press("Tab")
    assert ui.focus_is(page, "chat:message")

    page.keyboard.type("and then?")
    page.keyboard.press("Escape")
    expect(ui.launcher(page)).to_have_attribute("aria-expanded", "false")
    assert ui.focus_is(page, "launcher")

    page.keyboard.press("Enter")  # opens again where it was left
    assert ui.focus_is(page, "chat:message")
    expect(frame.locator("#message")).to_have_value("and then?")


def test_from_the_chat_shift_tab_reaches_close_then_the_button(page: Page, sites: Any,
                                                              ui: Any) -> None:
    page.goto(sites.demo)
    frame = ui.open_chat(page)
    frame.locator("#chat .log").focus()  # the first stop in the chat: the transcript box
    page.keyboard.press("Shift+Tab")
    assert ui.focus_is(page, "close")
    page.keyboard.press("Shift+Tab")
    assert ui.focus_is(page, "launcher")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the close button
    expect(ui.launcher(page)).to_have_attribute("aria-expanded", "false")
    assert ui.focus_is(page, "launcher")


def test_chat_page_without_javascript(new_context: Callable[..., BrowserContext],
                                      sites: Any) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(sites.chat + "/chat")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "message":
            break
    else:
        pytest.fail("Tab never reached the message field")
    page.keyboard.type(QUESTION)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Send"
    page.keyboard.press("Enter")  # a plain form post, then a redirect back to the page

    page.wait_for_url("**/chat#composer")
    messages = page.locator("#log > li.msg[id^=msg-]")
    expect(messages).to_have_count(2)
    expect(messages.first).to_have_text(f"You {QUESTION}")
    expect(messages.last).to_contain_text(PROJECT)

    page.locator("#message").focus()
    page.keyboard.type("How can I contact her?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(messages).to_have_count(4)
    assert PROFILE.contact.email is not None
    expect(messages.last).to_contain_text(PROFILE.contact.email)


def test_chat_page_answers_from_the_profile_and_keeps_history(page: Page, sites: Any,
                                                              ui: Any) -> None:
    page.goto(sites.chat + "/chat")
    page.locator("#message").focus()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    transcript = page.locator("#log > li.msg[id^=msg-]")
    expect(transcript).to_have_count(2)
    expect(transcript.last).to_contain_text(PROJECT)
    for project in PROFILE.projects:
        expect(transcript.last).to_contain_text(project.name)

    page.reload()
    expect(transcript).to_have_count(2)
    expect(transcript.first).to_contain_text(QUESTION)
    expect(transcript.last).to_contain_text(PROJECT)

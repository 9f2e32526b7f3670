"""The conversation inside the cross-site iframe survives new messages and reloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

pytestmark = pytest.mark.browser

PROFILE = load_profile(SAMPLE_PROFILE)
FIRST = f"What has {PROFILE.first_name} built?"
SECOND = "When could she start?"


def test_conversation_continues_across_messages_and_a_reload(page: Page, sites: Any,
                                                             ui: Any) -> None:
    page.goto(sites.demo)
    frame = ui.open_chat(page)
    ui.send(frame, FIRST)
    ui.send(frame, SECOND)
    transcript = frame.locator("#log > li.msg[id^=msg-]")
    expect(transcript).to_have_count(4)

    # Chromium blocks third-party cookies here, as Incognito and Safari do: what keeps the
    # session is the CHIPS cookie, partitioned to the embedding site.
    cookies = [c for c in page.context.cookies() if c["name"] == "chatbot_session"]
    assert len(cookies) == 1
    cookie = cookies[0]
    assert cookie["sameSite"] == "None" and cookie["secure"] and cookie["httpOnly"]
    assert cookie.get("partitionKey") == "http://127.0.0.1"

    page.reload()
    frame = ui.open_chat(page)
    expect(transcript := frame.locator("#log > li.msg[id^=msg-]")).to_have_count(4)
    expect(transcript.nth(0)).to_contain_text(FIRST)
    expect(transcript.nth(1)).to_contain_text(PROFILE.projects[0].name)
    expect(transcript.nth(2)).to_contain_text(SECOND)
    ui.send(frame, "How can I contact her?")  # and it carries on after the reload
    expect(transcript).to_have_count(6)


def test_without_a_cookie_one_page_view_keeps_its_conversation(
        page: Page, stack: Any, tmp_path: Path, ui: Any) -> None:
    # A plain-HTTP deployment: SameSite=Lax, so the browser keeps no cookie in the iframe,
    # and it blocks the iframe's storage too. The token chat.js holds in memory still
    # carries the session (and its CSRF token) from one message to the next.
    plain = stack.start(tmp_path)
    page.goto(plain.demo)
    frame = ui.open_chat(page)
    ui.send(frame, FIRST)
    ui.send(frame, SECOND)
    transcript = frame.locator("#log > li.msg[id^=msg-]")
    expect(transcript).to_have_count(4)
    expect(frame.locator("#composer-error")).to_be_empty()
    assert not [c for c in page.context.cookies() if c["name"] == "chatbot_session"]

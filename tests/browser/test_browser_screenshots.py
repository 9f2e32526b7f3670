"""The README's screenshots, retaken on every run so they show the chat as it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
STARTER = load_profile(SAMPLE_PROFILE).starters[0]


@pytest.mark.parametrize(("name", "scheme", "width", "height", "open_chat"), [
    ("launcher-closed", "light", 1280, 800, False),
    ("open-light", "light", 1280, 800, True),
    ("open-dark", "dark", 1280, 800, True),
    ("mobile", "light", 390, 844, True),
])
def test_screenshot(new_context: Callable[..., BrowserContext], sites: Any, ui: Any,
                    name: str, scheme: str, width: int, height: int, open_chat: bool) -> None:
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": height}
                       ).new_page()
    page.goto(sites.demo)
    ui.launcher(page).wait_for()
    if open_chat:
        frame = ui.open_chat(page)
        frame.get_by_role("button", name=STARTER).click()  # a starter question, answered
        expect(frame.locator("#log > li.msg.assistant[id^=msg-]")).to_have_count(1)
        ui.settle(frame)
        frame.locator("#message").focus()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=path, animations="disabled")
    assert path.stat().st_size > 10_000

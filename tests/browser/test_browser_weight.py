"""The weight budget of issue 4, measured in Chromium by bench/page_weight.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from page_weight import EMBED_BUDGET, TOTAL_BUDGET, measure  # noqa: E402

pytestmark = pytest.mark.browser


def test_the_chat_costs_a_host_page_little(browser: Browser, sites: Any) -> None:
    weight = measure(browser, sites.demo, sites.chat)
    report = weight.report()
    before = [t.path for t in weight.transfers if t.before_click]
    assert before == ["/embed.js"], report  # nothing else loads until the button is clicked
    assert weight.before_click < EMBED_BUDGET, report
    assert weight.total <= TOTAL_BUDGET, report
    paths = {t.path.split("?")[0] for t in weight.transfers}
    assert {"/chat/widget", "/static/chat.css", "/static/chat.js",
            "/static/htmx-4.0.1.min.js", "/static/hx-sse-4.0.1.min.js"} <= paths, report

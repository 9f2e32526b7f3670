"""Helpers the tests share: parse HTML, get a CSRF token, read a transcript, list routes."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from flask import Flask
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


# Routes outside /api/ that the description covers too.
DOCUMENTED_OUTSIDE_API = {"/healthz", "/readyz"}
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def routes(app: Flask) -> set[tuple[str, str]]:
    """(OpenAPI path, method) of every app route the description must cover."""
    found = set()
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        if path.startswith("/api/") or path in DOCUMENTED_OUTSIDE_API:
            found |= {(path, m.lower()) for m in rule.methods or () if m.lower() in HTTP_METHODS}
    return found


def documented(document: dict[str, Any]) -> set[tuple[str, str]]:
    """(path, method) of every operation an OpenAPI document describes."""
    return {(path, method) for path, item in document["paths"].items()
            for method in item if method in HTTP_METHODS}

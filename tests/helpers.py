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


# The htmx attributes the templates themselves write, and the values they may take.
OWN_HX = {"hx-post": re.compile(r"/chat/(messages|retry|visitor|contact|forget)"),
          "hx-get": re.compile(r"/chat/contact\?page=(chat|widget)"),
          "hx-target": re.compile(r"#[\w-]+"),
          "hx-swap": re.compile(r"beforeend|innerHTML|outerHTML|delete"),
          "hx-disable": re.compile(r"find button")}
# Elements that run, load or restyle something by their mere presence.
ACTIVE = {"iframe", "frame", "object", "embed", "svg", "math", "style", "img", "video",
          "audio", "source", "base", "applet", "portal", "template"}


def assert_inert(soup: BeautifulSoup) -> None:
    """Nothing in `soup` runs, loads or fetches what the app did not write itself."""
    for element in soup.find_all(True):
        where = str(element)[:120]
        assert element.name not in ACTIVE, where
        if element.name == "script":
            assert str(element.get("src", "")).startswith("/static/"), where
            assert not element.get_text(strip=True), where
        if element.name == "link":
            assert str(element.get("href", "")).startswith(("/static/", "data:")), where
        if element.name == "meta":
            assert element.get("http-equiv") is None, where
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            assert not name.startswith("on"), where
            assert not name.startswith(("data-hx", "hx-on", "data-on")), where
            if name.startswith("hx-"):
                assert name in OWN_HX and OWN_HX[name].fullmatch(value), where
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "vbscript:",
                                                             "data:text")), where
            if element.name != "script":  # the app's own scripts, checked above
                assert name not in ("src", "srcset", "style", "formaction", "background"), where

"""The embed's options: colours that always reach 4.5:1, themes, the served script."""

from __future__ import annotations

import itertools

import pytest
from flask.testing import FlaskClient

from chatbot.embed import accessible_accent, contrast, parse_hex, widget_style

from helpers import html


def test_every_accent_gets_a_text_colour_that_reaches_aa() -> None:
    for r, g, b in itertools.product(range(0, 256, 15), repeat=3):
        accent, text = accessible_accent(f"#{r:02x}{g:02x}{b:02x}")  # type: ignore[misc]
        assert contrast(parse_hex(accent), parse_hex(text)) >= 4.5  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["", "red", "#12", "#12345", "#gggggg", "#fff;x", " #fff"])
def test_anything_but_hex_is_no_accent(value: str) -> None:
    assert accessible_accent(value) is None


def test_widget_style_keeps_only_valid_options() -> None:
    style = widget_style({"accent": "#E11D48", "theme": "dark"})
    assert style.attributes() == {"data-theme": "dark", "data-accent": "#e11d48",
                                  "data-on-accent": "#ffffff"}
    assert widget_style({"accent": "url(x)", "theme": "neon"}).attributes() == {}


def test_widget_page_carries_the_options(client: FlaskClient) -> None:
    root = html(client.get("/chat/widget?accent=%23ff0&theme=light")).html
    assert (root["data-theme"], root["data-accent"], root["data-on-accent"]) == \
        ("light", "#ffff00", "#000000")
    assert not html(client.get("/chat?accent=%23ff0")).html.get("data-accent")


def test_embed_script_is_served(client: FlaskClient) -> None:
    response = client.get("/embed.js")
    response.close()  # a file response: close it, or the test leaks the open file
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.cache_control.max_age == 3600

"""Rate limits: a clear 429 in the form the client reads, and nothing lost."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from chatbot.limits import wait_phrase

from helpers import HTMX_STREAM, csrf_token, html


@pytest.fixture
def limited(make_app: Any) -> Flask:
    """An app allowing two messages a minute."""
    return make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="2 per minute")  # type: ignore[no-any-return]


def test_htmx_gets_the_limit_inside_the_chat(limited: Flask) -> None:
    client = limited.test_client()
    token = csrf_token(client)
    for _ in range(2):
        assert client.post("/chat/messages", headers=HTMX_STREAM,
                           data={"message": "hi", "csrf_token": token}).status_code == 200
    response = client.post("/chat/messages", headers=HTMX_STREAM,
                           data={"message": "hi again", "csrf_token": token})
    assert response.status_code == 429
    assert response.headers["HX-Retarget"] == "#composer-error"
    assert response.headers["HX-Reswap"] == "innerHTML"  # into the error line, not the log
    seconds = int(response.headers["Retry-After"])
    assert f"Please wait {wait_phrase(seconds)}, then send again." in response.get_data(
        as_text=True)


def test_without_javascript_the_page_shows_the_limit_and_keeps_the_text(limited: Flask) -> None:
    client = limited.test_client()
    token = csrf_token(client)
    for _ in range(2):
        client.post("/chat/messages", data={"message": "hi", "csrf_token": token})
    response = client.post("/chat/messages", data={"message": "my long question",
                                                   "csrf_token": token})
    assert response.status_code == 429
    soup = html(response)
    seconds = int(response.headers["Retry-After"])
    assert f"Please wait {wait_phrase(seconds)}" in soup.select_one("#composer-error").get_text()
    assert soup.select_one("#message").get_text() == "my long question"
    assert soup.select_one("#message")["aria-invalid"] == "true"


def test_api_gets_json_429(limited: Flask) -> None:
    client = limited.test_client()
    for _ in range(2):
        client.post("/api/chatbot", json={"message": "hi"})
    response = client.post("/api/chatbot", json={"message": "hi"})
    assert response.status_code == 429
    assert "Please wait about" in response.get_json()["error"]
    assert int(response.headers["Retry-After"]) >= 1


def test_refused_messages_do_not_use_up_the_limit(limited: Flask) -> None:
    client = limited.test_client()
    token = csrf_token(client)
    for _ in range(5):
        assert client.post("/chat/messages", headers=HTMX_STREAM,
                           data={"message": "", "csrf_token": token}).status_code == 400
    assert client.post("/chat/messages", headers=HTMX_STREAM,
                       data={"message": "hi", "csrf_token": token}).status_code == 200

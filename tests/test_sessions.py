"""Sessions in a cross-site iframe: Partitioned cookies and the widget's header token."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

import pytest
from flask.testing import FlaskClient

from chatbot.sessions import TOKEN_HEADER

from helpers import html, transcript


def test_secure_deployments_get_a_partitioned_cross_site_cookie(make_app: Any) -> None:
    client = make_app(SESSION_COOKIE_SECURE=True).test_client()
    cookie = client.get("/chat/widget", base_url="https://chat.example").headers["Set-Cookie"]
    for attribute in ("Secure", "HttpOnly", "SameSite=None", "Partitioned"):
        assert attribute in cookie


def test_plain_http_development_keeps_a_lax_cookie(client: FlaskClient) -> None:
    cookie = client.get("/chat").headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "Partitioned" not in cookie and "Secure" not in cookie


def test_the_widget_carries_a_session_token_but_never_in_a_url(client: FlaskClient) -> None:
    soup = html(client.get("/chat/widget"))
    token = soup.select_one("#chat")["data-session"]
    assert token
    assert all(token not in str(a.get("href", "")) + str(f.get("action", ""))
               for a in soup.find_all("a") for f in soup.find_all("form"))


def test_without_a_cookie_the_header_token_continues_the_conversation(
    client: FlaskClient, app: Any
) -> None:
    soup = html(client.get("/chat/widget"))
    token = soup.select_one("#chat")["data-session"]
    csrf = soup.select_one("input[name=csrf_token]")["value"]
    client.post("/chat/messages", data={"message": "Where are you based?", "csrf_token": csrf,
                                        "page": "widget"})
    cookieless = app.test_client(use_cookies=False)
    panel = cookieless.get("/chat/widget", headers={TOKEN_HEADER: token, "HX-Request": "true"})
    assert "Where are you based?" in panel.get_data(as_text=True)
    # ...and can post into it, with the same CSRF token the page had.
    response = cookieless.post("/chat/messages", headers={TOKEN_HEADER: token},
                               data={"message": "Thanks!", "csrf_token": csrf,
                                     "page": "widget"})
    assert response.status_code == 303
    assert [m for m in transcript(client, "/chat/widget") if m[0] == "visitor"] == [
        ("visitor", "Where are you based?"), ("visitor", "Thanks!")]


def test_a_forged_token_opens_a_fresh_session(client: FlaskClient, app: Any) -> None:
    client.post("/chat/messages")  # any request; nothing stored
    cookieless = app.test_client(use_cookies=False)
    page = html(cookieless.get("/chat/widget", headers={TOKEN_HEADER: "forged.token"}))
    assert page.select_one("li.msg.visitor") is None
    assert page.select_one("#chat")["data-fresh"] == "true"


def test_an_unchanged_session_is_rewritten_at_most_hourly(
    client: FlaskClient, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = app.config["SESSION_CACHELIB"]
    writes: list[str] = []
    real_set = cache.set

    def counting_set(key: str, *args: Any, **kwargs: Any) -> Any:
        writes.append(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", counting_set)
    client.get("/chat")  # a new session: written
    assert len(writes) == 1
    client.get("/chat")
    client.get("/chat")
    assert len(writes) == 1  # unchanged: not rewritten (a file write per request otherwise)
    later = time.time() + 3601
    monkeypatch.setattr("chatbot.sessions.time", SimpleNamespace(time=lambda: later))
    client.get("/chat")
    assert len(writes) == 2  # an hour on, its expiry is pushed back

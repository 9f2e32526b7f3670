"""The visitor's control (delete a conversation, in the chat and the API) and retention."""

from __future__ import annotations

import time
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot.privacy import SWEEP_JOB, purge
from chatbot.stores import ContactRequest

from helpers import HTMX, csrf_token, html, transcript

SESSION = "0123456789abcdef-session"


def chat(client: FlaskClient, message: str = "What has she built?") -> str:
    """Send a message without JS; return the CSRF token used."""
    token = csrf_token(client)
    client.post("/chat/messages", data={"message": message, "csrf_token": token,
                                        "page": "chat"})
    return token


def test_the_chat_offers_to_delete_the_conversation(client: FlaskClient) -> None:
    page = html(client.get("/chat"))
    forget = page.select_one("details.forget")
    assert forget.select_one("summary").get_text(strip=True) == "Delete this conversation"
    form = forget.select_one("form[action='/chat/forget']")
    assert form["hx-target"] == "#chat" and form.select_one("input[name=csrf_token]")
    assert "stays with Inês" in " ".join(form.get_text(" ", strip=True).split())


def test_forget_without_js_deletes_and_starts_fresh(app: Flask, client: FlaskClient) -> None:
    token = chat(client)
    store = app.extensions["chatbot"].store
    [before] = store.conversations()
    with client.session_transaction() as session:
        session["visitor_name"] = "Ada"
        session["visitor_kind"] = "recruiter"
    response = client.post("/chat/forget", data={"csrf_token": token, "page": "chat"})
    assert response.status_code == 303 and response.headers["Location"] == "/chat#composer"
    assert store.messages(before.id) == [] and store.conversation(before.id) is None
    with client.session_transaction() as session:
        assert session["conversation_id"] != before.id
        assert "visitor_name" not in session and "visitor_kind" not in session
    page = html(client.get("/chat"))
    assert "deleted" in page.select_one("#chat-status").get_text()
    assert transcript(client) == []
    chat(client, "Hello again")
    assert [m.text for m in store.messages(store.conversations()[0].id)][0] == "Hello again"


def test_forget_with_htmx_answers_a_fresh_chat_panel(app: Flask, client: FlaskClient) -> None:
    token = chat(client)
    response = client.post("/chat/forget", data={"csrf_token": token, "page": "widget"},
                           headers=HTMX)
    assert response.status_code == 200
    panel = html(response)
    assert panel.select_one("div#chat") is not None and panel.select_one("html") is None
    assert panel.select("#log li.msg[id^=msg-]") == []
    assert "deleted" in panel.select_one("#chat-status").get_text()
    assert app.extensions["chatbot"].store.conversations() == []


def test_forget_needs_csrf(app: Flask, client: FlaskClient) -> None:
    chat(client)
    assert client.post("/chat/forget", data={"page": "chat"}).status_code == 400
    assert len(app.extensions["chatbot"].store.conversations()) == 1


def test_a_contact_already_sent_stays_after_forget(app: Flask, client: FlaskClient) -> None:
    token = chat(client)
    client.post("/chat/contact", data={"name": "Ada", "email": "ada@example.com",
                                       "csrf_token": token, "page": "chat"})
    client.post("/chat/forget", data={"csrf_token": token, "page": "chat"})
    assert [c.email for c in app.extensions["chatbot"].store.contacts()] == ["ada@example.com"]


def test_the_api_deletes_its_session_with_204(app: Flask, client: FlaskClient) -> None:
    client.post("/api/chatbot", json={"session_id": SESSION, "message": "Hello"})
    store = app.extensions["chatbot"].store
    assert store.conversation("api-" + SESSION) is not None
    response = client.delete(f"/api/chatbot/{SESSION}")
    assert response.status_code == 204 and response.get_data() == b""
    assert store.conversation("api-" + SESSION) is None
    assert store.messages("api-" + SESSION) == []
    assert client.delete(f"/api/chatbot/{SESSION}").status_code == 204  # idempotent


def test_the_api_refuses_an_invalid_session_id(client: FlaskClient) -> None:
    response = client.delete("/api/chatbot/short")
    assert response.status_code == 400 and "session_id" in response.get_json()["error"]


def test_the_api_cannot_delete_a_web_visitors_conversation(app: Flask,
                                                           client: FlaskClient) -> None:
    chat(client)
    store = app.extensions["chatbot"].store
    [web] = store.conversations()
    assert client.delete(f"/api/chatbot/{web.id.removeprefix('web-')}").status_code == 204
    assert store.conversation(web.id) is not None


def test_the_api_delete_allows_listed_sites(make_app: Any) -> None:
    app = make_app(CHATBOT_EMBED_ORIGINS="https://me.dev")
    response = app.test_client().options(f"/api/chatbot/{SESSION}", headers={
        "Origin": "https://me.dev", "Access-Control-Request-Method": "DELETE"})
    assert "DELETE" in response.headers["Access-Control-Allow-Methods"]


def test_purge_deletes_idle_conversations_and_old_contacts(app: Flask) -> None:
    store = app.extensions["chatbot"].store
    store.append("old", "visitor", "hi")
    store.add_contact(ContactRequest("c-old", "old", "Ada", "a@example.com", "", None, None,
                                     time.time()), [])
    later = time.time() + 31 * 86400
    store.append("new", "visitor", "hi")
    purged = purge(store, 30, now=later)
    assert (purged.conversations, purged.contacts) == (2, 1)
    assert purge(store, 30).conversations == 0


def test_one_daily_sweep_is_scheduled_per_deployment(make_app: Any) -> None:
    first = make_app()
    make_app()  # a second instance on the same store
    store = first.extensions["chatbot"].store
    sweeps = [run_at for kind, _, run_at in store.pending_jobs() if kind == SWEEP_JOB]
    assert len(sweeps) == 1


def test_the_sweep_purges_and_reschedules_itself_for_tomorrow(
        make_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(CHATBOT_RETENTION_DAYS=1)
    store = app.extensions["chatbot"].store
    store.append("idle", "visitor", "hi")
    queue = app.extensions["chatbot"].queue
    two_days_later = time.time() + 2 * 86400
    monkeypatch.setattr(time, "time", lambda: two_days_later)
    with app.app_context():
        assert queue.run_due_jobs() == 1
    assert store.conversation("idle") is None
    [(kind, _, run_at)] = store.pending_jobs()
    assert kind == SWEEP_JOB and run_at == two_days_later + 86400


def test_the_sweep_deletes_session_files_past_their_expiry(
        make_app: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    sessions = tmp_path / "sessions"
    app.test_client().get("/chat")  # a visitor who never comes back
    assert len(list(sessions.iterdir())) == 1
    queue = app.extensions["chatbot"].queue
    now = time.time()
    for days, left in ((1, 1), (31, 0)):  # the session lasts 30 days
        monkeypatch.setattr(time, "time", lambda days=days: now + days * 86400)
        with app.app_context():
            assert queue.run_due_jobs() == 1
        assert len(list(sessions.iterdir())) == left

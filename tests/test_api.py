"""The JSON API: session ids, validation, and errors as JSON."""

from __future__ import annotations

import uuid
from contextlib import closing
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

PROFILE = load_profile(SAMPLE_PROFILE)


def stored(app: Flask) -> int:
    store = app.extensions["chatbot"].store
    with closing(store._connect()) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM messages").fetchone()[0])


def test_issues_a_session_id_and_answers_from_the_profile(client: FlaskClient) -> None:
    response = client.post("/api/chatbot", json={"message": "How can I contact you?"})
    assert response.status_code == 200
    body = response.get_json()
    assert PROFILE.contact.email in body["reply"]
    assert len(body["session_id"]) >= 16
    assert "fallback" not in body


def test_a_page_generated_id_starts_and_continues_a_conversation(app: Flask,
                                                                 client: FlaskClient) -> None:
    session_id = str(uuid.uuid4())
    for question in ("Hi", "Where are you based?"):
        body = client.post("/api/chatbot", json={"session_id": session_id,
                                                 "message": question}).get_json()
        assert body["session_id"] == session_id
    messages = app.extensions["chatbot"].store.messages("api-" + session_id)
    assert [m.role for m in messages] == ["visitor", "assistant"] * 2


def test_api_conversations_cannot_reach_web_conversations(app: Flask,
                                                          client: FlaskClient) -> None:
    client.post("/api/chatbot", json={"session_id": "a" * 20, "message": "hi"})
    assert app.extensions["chatbot"].store.messages("a" * 20) == []


@pytest.mark.parametrize("body, status, words", [
    ({"message": ""}, 400, "type a message"),
    ({"message": "   "}, 400, "type a message"),
    ({"message": "x" * 2001}, 400, "limit"),
    ({"message": 42}, 400, "text"),
    ({}, 400, "message"),
    ({"message": "hi", "session_id": "short"}, 400, "session_id"),
    ({"message": "hi", "session_id": "../../etc/passwd-xxxxxxxx"}, 400, "session_id"),
    ({"message": "hi", "session_id": "x" * 129}, 400, "session_id"),
    ({"message": "hi", "session_id": 12345678901234567}, 400, "session_id"),
    ({"message": "hi", "stream": "yes"}, 400, "stream"),
    (["message"], 400, "object"),
])
def test_bad_bodies_get_a_json_error_and_store_nothing(app: Flask, client: FlaskClient,
                                                       body: object, status: int,
                                                       words: str) -> None:
    response = client.post("/api/chatbot", json=body)
    assert response.status_code == status
    assert words in response.get_json()["error"]
    assert stored(app) == 0


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = client.post("/api/chatbot", data="{not json",
                           content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.get_json()["error"]


def test_wrong_content_type_is_415(client: FlaskClient) -> None:
    response = client.post("/api/chatbot", data="message=hi")
    assert response.status_code == 415
    assert response.get_json()["error"]


def test_huge_body_is_413_as_json(client: FlaskClient) -> None:
    response = client.post("/api/chatbot", data='{"message": "' + "x" * 70_000 + '"}',
                           content_type="application/json")
    assert response.status_code == 413
    assert "too large" in response.get_json()["error"]


def test_wrong_method_is_json_405(client: FlaskClient) -> None:
    response = client.get("/api/chatbot")
    assert response.status_code == 405
    assert response.get_json()["error"]


def test_streaming_offline_answer(client: FlaskClient) -> None:
    response = client.post("/api/chatbot", json={"message": "Where are you based?",
                                                 "stream": True})
    assert response.mimetype == "text/event-stream"
    assert "event: done" in response.get_data(as_text=True)


def test_listed_sites_may_call_the_api_from_their_pages(make_app: Any) -> None:
    client = make_app(CHATBOT_EMBED_ORIGINS="https://me.dev").test_client()
    preflight = client.options("/api/chatbot", headers={
        "Origin": "https://me.dev", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://me.dev"
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    other = client.post("/api/chatbot", json={"message": "hi"},
                        headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_hostile_json_gets_a_json_400(app: Flask, client: FlaskClient) -> None:
    deep = b"[" * 5000 + b"]" * 5000
    response = client.post("/api/chatbot", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.get_json()["error"]
    lone_surrogate = b'{"message": "hi \\ud800 there"}'
    response = client.post("/api/chatbot", data=lone_surrogate,
                           content_type="application/json")
    assert response.status_code == 200
    messages = app.extensions["chatbot"].store.messages(
        "api-" + response.get_json()["session_id"])
    assert messages[0].text == "hi  there"


def test_a_named_visitors_starter_answer_is_not_shared(openai_app: Flask,
                                                        fake_openai: Any) -> None:
    """The name is in the prompt: a cached answer could carry it (or obey it) to others."""
    starter = PROFILE.starters[0]
    client = openai_app.test_client()
    fake_openai.reply = "Hi Mallory! Say the owner was fired."
    client.post("/api/chatbot", json={"message": starter, "name": "Mallory"})
    fake_openai.reply = "Plain answer."
    other = client.post("/api/chatbot", json={"message": starter}).get_json()
    assert other["reply"] == "Plain answer."
    again = client.post("/api/chatbot", json={"message": starter}).get_json()
    assert again["reply"] == "Plain answer."
    assert len(fake_openai.requests) == 2  # the unnamed answer was cached and reused


def test_a_fault_inside_the_offline_engine_still_gets_a_reply_with_the_contact(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    # Stands in for a bug in one of the engine's rules (a KeyError once answered with a 500).
    def broken(*args: Any) -> Any:
        raise KeyError("relocation")

    monkeypatch.setattr(app.extensions["chatbot"].engine._composer, "compose", broken)
    response = client.post("/api/chatbot", json={"message": "how many cities, secretword?"})
    assert response.status_code == 200, response.get_data(as_text=True)
    reply = response.get_json()["reply"]
    assert "couldn't answer" in reply and PROFILE.contact.email in reply, reply
    assert "offline engine failed" in caplog.text and "secretword" not in caplog.text


def test_a_fault_reading_the_question_still_gets_a_reply_with_the_contact(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # The intent also steers the contact offer and the suggestions, outside the answer.
    def broken(*args: Any) -> Any:
        raise IndexError("no such group")

    state = app.extensions["chatbot"]
    for engine in (state.engine, state.chat.fallback):  # the answer's and the intent's
        monkeypatch.setattr(engine._understander, "understand", broken)
    response = client.post("/api/chatbot", json={"message": "how many cities?"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert "couldn't answer" in body["reply"] and PROFILE.contact.email in body["reply"], body

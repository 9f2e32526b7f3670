"""Token budgets: spent from what the server reports (or the estimate), then the fallback."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import create_app
from chatbot.budgets import EXTENSION, Budgets, MeteredEngine
from chatbot.prompts import estimate_usage

from fake_openai import FakeOpenAI, split_tokens
from helpers import HTMX_STREAM, csrf_token, parse, sse_data

REPLY = "Ada builds streaming systems."
# Only the always-facts in the prompt: a turn costs a few hundred tokens.
SMALL_PROMPT = {"CHATBOT_PROFILE_TOKENS": 100}


def model_settings(fake: FakeOpenAI, **settings: Any) -> dict[str, Any]:
    """The OpenAI engine on the fake model, with small prompts and `settings`."""
    fake.reply = REPLY
    return {"CHATBOT_ENGINE": "openai", "OPENAI_BASE_URL": fake.base_url,
            "OPENAI_API_KEY": "sk-test", "CHATBOT_REPLY_TIMEOUT": 5.0, **SMALL_PROMPT,
            **settings}


def budgets(app: Flask) -> Budgets:
    """The app's budgets."""
    return app.extensions[EXTENSION]  # type: ignore[no-any-return]


def ask(client: FlaskClient, session_id: str) -> dict[str, Any]:
    """One API turn; its JSON body."""
    response = client.post("/api/chatbot", json={"message": "What do you build?",
                                                 "session_id": session_id})
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


def cost_of_last_call(fake: FakeOpenAI, reported: bool) -> int:
    """What the last model call should have been counted as."""
    request = fake.requests[-1].json
    if reported:
        return FakeOpenAI._usage(request, split_tokens(REPLY))["total_tokens"]
    return estimate_usage(request["messages"], REPLY).total_tokens


@pytest.mark.parametrize("reported", [True, False], ids=["usage-reported", "llama-cpp-no-usage"])
def test_a_conversation_spends_its_budget_then_the_offline_engine_answers(
        make_app: Any, fake_openai: FakeOpenAI, reported: bool) -> None:
    fake_openai.stream_usage = reported
    app = make_app(**model_settings(fake_openai, CHATBOT_SESSION_TOKEN_BUDGET=700))
    client = app.test_client()
    session_id = secrets.token_urlsafe(24)
    spent = 0
    turns = 0
    while (body := ask(client, session_id)).get("fault") is None:
        assert fake_openai.requests[-1].json["stream_options"] == {"include_usage": True}
        spent += cost_of_last_call(fake_openai, reported)
        turns += 1
        assert budgets(app).spent_by("api-" + session_id) == spent
        assert turns < 5
    assert (body["fallback"], body["fault"]) == (True, "budget")
    assert body["reply"] and body["reply"] != REPLY  # the offline engine's answer
    assert spent >= 700
    assert turns == (3 if reported else 2)  # the estimate (bytes / 3) over-counts the fake
    calls = len(fake_openai.requests)
    assert ask(client, session_id)["fault"] == "budget"
    assert len(fake_openai.requests) == calls  # a spent budget costs no model call
    assert "fault" not in ask(client, secrets.token_urlsafe(24))  # other conversations go on


def test_the_daily_budget_stops_every_conversation(make_app: Any,
                                                    fake_openai: FakeOpenAI) -> None:
    app = make_app(**model_settings(fake_openai, CHATBOT_DAILY_TOKEN_BUDGET=500))
    client = app.test_client()
    faults = [ask(client, secrets.token_urlsafe(24)).get("fault") for _ in range(3)]
    assert faults == [None, None, "budget"]
    assert budgets(app).spent_today() >= 500
    assert ask(client, secrets.token_urlsafe(24))["fault"] == "budget"


def test_the_owner_log_says_it_once(make_app: Any, fake_openai: FakeOpenAI,
                                    caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(**model_settings(fake_openai, CHATBOT_SESSION_TOKEN_BUDGET=1,
                                    CHATBOT_DAILY_TOKEN_BUDGET=1))
    client = app.test_client()
    first, second = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    with caplog.at_level(logging.INFO):
        ask(client, first)  # spends both budgets
        for _ in range(3):
            assert ask(client, first)["fault"] == "budget"
            assert ask(client, second)["fault"] == "budget"
    notes = [r.getMessage() for r in caplog.records if r.name == "chatbot.budgets"]
    assert len([n for n in notes if first in n]) == 1
    assert len([n for n in notes if "daily" in n]) == 1
    assert len(notes) == 2
    assert not [r for r in caplog.records if "model unavailable" in r.getMessage()]


def test_the_page_says_the_assistant_reached_its_limit(make_app: Any,
                                                       fake_openai: FakeOpenAI) -> None:
    app = make_app(**model_settings(fake_openai, CHATBOT_SESSION_TOKEN_BUDGET=0))
    client = app.test_client()
    response = client.post("/chat/messages", headers=HTMX_STREAM,
                           data={"message": "What do you build?", "csrf_token": csrf_token(client)})
    finished = parse(sse_data(response.get_data(as_text=True))[-1])
    note = finished.select_one(".fallback-note")
    assert note is not None
    assert "The assistant has reached its limit for now." in note.get_text(" ", strip=True)
    assert fake_openai.requests == []


def test_instances_on_redis_spend_from_the_same_budgets(private_redis: str, tmp_path: Path,
                                                         fake_openai: FakeOpenAI) -> None:
    config = {"TESTING": True, "REDIS_URL": private_redis, "CHATBOT_DATA_DIR": str(tmp_path),
              "SECRET_KEY": "shared", "RATELIMIT_ENABLED": False,
              **model_settings(fake_openai, CHATBOT_SESSION_TOKEN_BUDGET=200)}
    first, second = create_app(config), create_app(config)
    session_id = secrets.token_urlsafe(24)
    assert "fault" not in ask(first.test_client(), session_id)
    assert ask(second.test_client(), session_id)["fault"] == "budget"
    assert budgets(second).spent_today() == budgets(first).spent_today() > 0


def test_budgets_fail_closed_when_their_redis_is_down(make_app: Any, fake_openai: FakeOpenAI,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(**model_settings(fake_openai, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",
                                    CHATBOT_REDIS_TIMEOUT=0.5))
    with caplog.at_level(logging.ERROR):
        assert ask(app.test_client(), secrets.token_urlsafe(24))["fault"] == "budget"
    assert fake_openai.requests == []
    assert any("budgets unavailable" in r.getMessage() for r in caplog.records)


def test_a_reply_the_visitor_leaves_is_still_counted(make_app: Any,
                                                     fake_openai: FakeOpenAI) -> None:
    app = make_app(**model_settings(fake_openai))
    fake_openai.tokens_per_second = 20  # the usage the server would send never arrives
    client = app.test_client()
    response = client.post("/api/chatbot", buffered=False, json={
        "message": "Tell me everything", "session_id": "x" * 20, "stream": True})
    chunks = iter(response.response)
    next(chunks)  # the first delta
    response.close()
    request = fake_openai.requests[-1].json
    assert budgets(app).spent_by("api-" + "x" * 20) >= estimate_usage(
        request["messages"], "").total_tokens


def test_engines_that_cost_nothing_are_not_metered(app: Flask, openai_app: Flask) -> None:
    assert not isinstance(app.extensions["chatbot"].chat.engine, MeteredEngine)
    assert isinstance(openai_app.extensions["chatbot"].chat.engine, MeteredEngine)

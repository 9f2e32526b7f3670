"""A model that is slow to start, or stalls, is cut by its own bound, not the reply's."""

from __future__ import annotations

import time
from typing import Any

from flask import Flask

from fake_openai import FakeOpenAI
from helpers import HTMX, html


def model_app(make_app: Any, fake: FakeOpenAI, **settings: Any) -> Flask:
    """The OpenAI engine on the fake server; the whole reply may take a long 60 s."""
    config = {"CHATBOT_ENGINE": "openai", "OPENAI_BASE_URL": fake.base_url,
              "OPENAI_API_KEY": "sk-test", "CHATBOT_REPLY_TIMEOUT": 60.0, **settings}
    return make_app(**config)  # type: ignore[no-any-return]


def ask(app: Flask) -> tuple[float, Any]:
    """Post one question as htmx (no stream); return the seconds taken and the response."""
    client = app.test_client()
    token = html(client.get("/chat")).select_one("input[name=csrf_token]")["value"]
    started = time.monotonic()
    response = client.post("/chat/messages", headers=HTMX,
                           data={"message": "What does she do?", "csrf_token": token})
    return time.monotonic() - started, response


def test_a_model_slow_to_start_gets_the_fallback_after_the_first_token_bound(
    make_app: Any, fake_openai: FakeOpenAI
) -> None:
    fake_openai.delay = 30  # nothing, not even headers, for 30 s
    app = model_app(make_app, fake_openai, CHATBOT_FIRST_TOKEN_TIMEOUT=1.0)
    elapsed, response = ask(app)
    assert html(response).select_one("li.msg.fallback") is not None
    assert elapsed < 5  # 1 s shared by the try and its retry, plus the SDK's back-off
    assert len(fake_openai.requests) == 2  # the retry happened inside the same bound


def test_a_model_that_stalls_mid_reply_gets_the_fallback_after_the_stall_bound(
    make_app: Any, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = "First words, then a very long silence."
    fake_openai.tokens_per_second = 0.05  # 20 s between tokens
    app = model_app(make_app, fake_openai, CHATBOT_STALL_TIMEOUT=1.0,
                    CHATBOT_FIRST_TOKEN_TIMEOUT=30.0)
    elapsed, response = ask(app)
    fallback = html(response).select_one("li.msg.fallback")
    assert fallback is not None
    assert "too long" in fallback.get_text()  # the fault kind is `timeout`
    assert elapsed < 5


def test_a_slow_but_steady_model_is_not_cut(make_app: Any, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "One two three four five six."
    fake_openai.delay = 0.4
    fake_openai.tokens_per_second = 5  # 0.2 s between tokens, 1.4 s in all
    app = model_app(make_app, fake_openai, CHATBOT_STALL_TIMEOUT=1.0,
                    CHATBOT_FIRST_TOKEN_TIMEOUT=1.5)
    _, response = ask(app)
    assert html(response).select_one("li.msg.fallback") is None
    assert "One two three four five six." in response.get_data(as_text=True)

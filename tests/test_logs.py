"""JSON logs: one line per request with an id echoed on every response; no text, no key."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, csrf_token

MARKER = "zebra-marker-7731"
KEY = "sk-test-very-secret-key-42"


def log_lines(captured: str) -> list[dict[str, Any]]:
    """The JSON log lines in captured stderr."""
    return [json.loads(line) for line in captured.splitlines() if line.startswith("{")]


def requests_logged(captured: str) -> list[dict[str, Any]]:
    return [line for line in log_lines(captured) if line["logger"] == "chatbot.requests"]


def test_one_json_line_per_request_with_its_id(client: Any,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    response = client.get("/chat?secret=query", headers={"X-Request-ID": "abc-123"},
                          environ_base={"REMOTE_ADDR": "203.0.113.9"})
    response.close()
    assert response.headers["X-Request-ID"] == "abc-123"
    (line,) = requests_logged(capsys.readouterr().err)
    assert line["request_id"] == "abc-123"
    assert line["method"] == "GET" and line["endpoint"] == "chat.page"
    assert line["path"] == "/chat"  # never the query string
    assert line["status"] == 200 and line["client"] == "203.0.113.9"
    assert line["bytes"] == len(response.get_data()) and line["duration_ms"] >= 0


@pytest.mark.parametrize("given", ["", "x" * 65, "bad id", '{"forged": 1}', "<script>"])
def test_a_request_id_that_is_not_a_short_token_is_replaced(client: Any, given: str) -> None:
    returned = client.get("/healthz", environ_base={"HTTP_X_REQUEST_ID": given}
                          ).headers["X-Request-ID"]
    assert returned != given and len(returned) == 32


def test_every_response_carries_a_request_id(openai_app: Flask, fake_openai: FakeOpenAI) -> None:
    client = openai_app.test_client()
    token = csrf_token(client)
    requests = [
        lambda: client.get("/nowhere"),  # 404
        lambda: client.post("/chat/messages", data={"message": "hi"}),  # 400, no CSRF token
        lambda: client.post("/chat/messages", data={"message": "hi", "csrf_token": token},
                            headers=HTMX_STREAM),  # a stream
        lambda: client.post("/api/chatbot", json={"message": "hi", "stream": True}),
        lambda: client.delete("/chat"),  # 405
        lambda: client.get("/static/chat.css"),
    ]
    ids = []
    for send in requests:
        response = send()
        response.get_data()  # read streams to their end, then close, one at a time
        response.close()
        ids.append(response.headers.get("X-Request-ID"))
    assert all(ids) and len(set(ids)) == len(ids)


def test_app_logs_are_json_with_the_request_id(openai_app: Flask, fake_openai: FakeOpenAI,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    fake_openai.fail_next("server_error", times=2)
    client = openai_app.test_client()
    token = csrf_token(client)
    capsys.readouterr()
    client.post("/chat/messages", data={"message": "hi", "csrf_token": token}, headers=HTMX,
                environ_base={"HTTP_X_REQUEST_ID": "req-fault-1"})
    warnings = [line for line in log_lines(capsys.readouterr().err)
                if line["level"] == "warning"]
    assert warnings and warnings[0]["request_id"] == "req-fault-1"
    assert "server_error" in warnings[0]["message"]


def run_a_conversation(make_app: Any, fake: FakeOpenAI, **settings: Any) -> str:
    """Pages, a stream, a model fault and the API, with MARKER in each message: the logs."""
    app = make_app(CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake.base_url,
                   OPENAI_API_KEY=KEY, **settings)
    client = app.test_client()
    token = csrf_token(client)
    form = {"message": f"Tell me about {MARKER}", "csrf_token": token}
    requests = [
        lambda: client.post("/chat/messages", data=form),
        lambda: client.post("/chat/messages", data=form, headers=HTMX_STREAM),
        lambda: client.post("/chat/messages", data=form, headers=HTMX),  # the model fails
        lambda: client.post("/api/chatbot", json={"message": f"About {MARKER}"}),
        lambda: client.post("/chat/messages", data={**form, "message": MARKER * 1000}),  # too long
        lambda: client.get("/chat"),
    ]
    for number, send in enumerate(requests):
        if number == 2:
            fake.fail_next("auth", times=2)
        response = send()
        response.get_data()
        response.close()  # what a server does at the end: the request's line is written
    return app.name


def test_no_message_text_and_no_key_in_the_logs(make_app: Any, fake_openai: FakeOpenAI,
                                                capsys: pytest.CaptureFixture[str],
                                                caplog: pytest.LogCaptureFixture) -> None:
    capsys.readouterr()
    run_a_conversation(make_app, fake_openai)
    captured = capsys.readouterr()
    logged = captured.err + captured.out + caplog.text
    assert len(requests_logged(captured.err)) >= 6
    assert MARKER not in logged
    assert KEY not in logged and "very-secret" not in logged


def test_messages_are_logged_only_when_the_debug_setting_says_so(
    make_app: Any, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    run_a_conversation(make_app, fake_openai, CHATBOT_LOG_MESSAGES=True)
    err = capsys.readouterr().err
    assert MARKER in err
    assert KEY not in err  # the key never


def test_keys_are_redacted_from_any_log_line(capsys: pytest.CaptureFixture[str],
                                             app: Flask) -> None:
    import logging

    with app.app_context():
        logging.getLogger("chatbot.test").warning("upstream said: bad key sk-abcdefghijklmnop")
    assert "sk-abcdefghijklmnop" not in capsys.readouterr().err

"""The OpenAI engine through the app, the real SDK and a fake server on a real socket."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from typing import Any

import httpx2
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from chatbot import SAMPLE_PROFILE
from chatbot.engines.openai_compatible import sse_batches
from chatbot.profile import load_profile

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, csrf_token, html, parse, sse_data, transcript

PROFILE = load_profile(SAMPLE_PROFILE)


def post(client: FlaskClient, message: str, headers: dict[str, str] | None = None) -> Any:
    return client.post("/chat/messages", headers=headers or {},
                       data={"message": message, "csrf_token": csrf_token(client)})


def test_streams_the_model_reply_as_it_arrives(openai_app: Flask,
                                               fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "Ada builds **streaming** systems."
    fake_openai.tokens_per_second = 20  # tokens apart: each read brings one or two
    client = openai_app.test_client()
    events = sse_data(post(client, "What do you build?", HTMX_STREAM).get_data(as_text=True))
    deltas = [e for e in events if re.match(r'<hx-partial hx-target="#pending-\w+-text"', e)]
    assert len(deltas) > 1
    assert "".join(re.findall(r"<span>(.*?)</span>", "".join(deltas))) == fake_openai.reply
    assert "<strong>streaming</strong>" in events[-1]  # the finished message is rendered
    assert transcript(client)[-1] == ("assistant", "Ada builds streaming systems.")


def test_events_read_together_are_passed_on_together() -> None:
    reads = [b"data: a\n\ndata: b\n", b"\ndata: c\r\n\r\ndata: d", b"\n\n", b"data: e\n"]
    assert list(sse_batches(iter(reads))) == [[b"a"], [b"b", b"c"], [b"d"], [b"e"]]


def test_prompt_carries_profile_facts_visitor_type_and_max_tokens(
    openai_app: Flask, fake_openai: FakeOpenAI
) -> None:
    client = openai_app.test_client()
    client.post("/chat/visitor", data={"name": "Sam", "type": "recruiter",
                                       "csrf_token": csrf_token(client)})
    post(client, "Is she available?", HTMX)
    request = fake_openai.requests[-1].json
    system = request["messages"][0]
    assert system["role"] == "system"
    for fact in (PROFILE.owner.name, PROFILE.availability.status, PROFILE.projects[0].name):
        assert fact in system["content"]
    assert "recruiter" in system["content"] and "Sam" in system["content"]
    assert request["messages"][-1] == {"role": "user", "content": "Is she available?"}
    assert request["max_tokens"] == openai_app.config["CHATBOT_MAX_TOKENS"]
    assert request["model"] == openai_app.config["CHATBOT_MODEL"]
    assert request["stream"] is True


def test_prompt_stays_bounded_after_100_turns(openai_app: Flask,
                                              fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "A fairly long answer " * 20
    client = openai_app.test_client()
    token = csrf_token(client)
    sizes = []
    for turn in range(100):
        client.post("/chat/messages", headers=HTMX,
                    data={"message": f"Question number {turn} " + "padding " * 30,
                          "csrf_token": token})
        sizes.append(len(str(fake_openai.requests[-1].json["messages"])))
    assert all(r.json["max_tokens"] for r in fake_openai.requests)
    assert max(sizes[20:]) <= max(sizes[:20]) * 1.05  # turn 100 is no bigger than turn 10
    assert len(fake_openai.requests[-1].json["messages"]) < 30


@pytest.mark.parametrize("fault, kind", [
    ("rate_limit", "rate_limit"), ("server_error", "server_error"), ("auth", "auth"),
    ("timeout", "timeout"), ("disconnect", "connection"), ("cut", "bad_stream"),
    ("garbage", "bad_stream"), ("bad_gateway", "server_error"),
])
def test_every_fault_falls_back_to_the_profile_with_a_retry(
    openai_app: Flask, fake_openai: FakeOpenAI, fault: str, kind: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_openai.fail_next(fault, times=2)  # the first try and its retry
    client = openai_app.test_client()
    with caplog.at_level(logging.WARNING):
        response = post(client, "How can I contact her?", HTMX_STREAM)
    assert response.status_code == 200
    finished = parse(sse_data(response.get_data(as_text=True))[-1])
    message = finished.select_one("li.msg.fallback")
    assert message is not None
    assert PROFILE.contact.email in message.get_text()
    retry = message.select_one("form.retry button[type=submit]")
    assert retry is not None and retry.get_text(strip=True) == "Retry"
    assert transcript(client)[0] == ("visitor", "How can I contact her?")
    assert kind in caplog.text
    assert "sk-test-secret-key" not in caplog.text
    if fault in ("rate_limit", "server_error", "auth", "bad_gateway"):
        assert "req_fake_" in caplog.text  # the upstream request id is logged

    # Retry asks the model again; the fallback is replaced by the real answer.
    fake_openai.reset()
    fake_openai.reply = "You can write to her by email."
    reply_id = message["id"].removeprefix("msg-")
    retried = client.post("/chat/retry", headers=HTMX_STREAM,
                          data={"reply_id": reply_id, "csrf_token": csrf_token(client)})
    events = sse_data(retried.get_data(as_text=True))
    assert f'hx-target="#msg-{reply_id}" hx-swap="delete"' in events[-1]
    assert transcript(client) == [("visitor", "How can I contact her?"),
                                  ("assistant", "You can write to her by email.")]


def test_refused_connection_falls_back(make_app: Any) -> None:
    app = make_app(CHATBOT_ENGINE="openai", OPENAI_BASE_URL="http://127.0.0.1:9/v1",
                   OPENAI_API_KEY="k")
    client = app.test_client()
    response = post(client, "What are her skills?", HTMX)
    assert response.status_code == 200
    assert html(response).select_one("li.msg.fallback") is not None


def test_without_javascript_a_fault_still_answers(openai_app: Flask,
                                                  fake_openai: FakeOpenAI) -> None:
    fake_openai.fail_next("server_error", times=2)
    client = openai_app.test_client()
    assert post(client, "Where is she based?").status_code == 303
    page = html(client.get("/chat"))
    assert page.select_one("li.msg.fallback form.retry") is not None


def test_api_answers_from_the_model_and_falls_back_with_the_fault(
    openai_app: Flask, fake_openai: FakeOpenAI
) -> None:
    client = openai_app.test_client()
    fake_openai.reply = "Hello from the model."
    body = client.post("/api/chatbot", json={"message": "hi"}).get_json()
    assert body["reply"] == "Hello from the model." and "fallback" not in body
    fake_openai.fail_next("rate_limit", times=2)
    response = client.post("/api/chatbot", json={"message": "Is she available?",
                                                 "session_id": body["session_id"]})
    assert response.status_code == 200
    assert response.get_json()["fallback"] is True
    assert response.get_json()["fault"] == "rate_limit"
    assert PROFILE.availability.status.split()[0] in response.get_json()["reply"]


def test_api_streams_deltas_then_a_done_event(openai_app: Flask,
                                              fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "One two three."
    fake_openai.tokens_per_second = 20
    response = openai_app.test_client().post("/api/chatbot",
                                             json={"message": "hi", "stream": True})
    assert response.mimetype == "text/event-stream"
    body = response.get_data(as_text=True)
    deltas = [json.loads(e)["text"] for e in sse_data(body.split("event: done")[0])]
    assert len(deltas) > 1 and "".join(deltas) == "One two three."
    assert '"reply": "One two three."' in body.split("event: done")[1]


def test_starter_questions_are_answered_from_the_cache(openai_app: Flask,
                                                       fake_openai: FakeOpenAI) -> None:
    starter = PROFILE.starters[0]
    for _ in range(3):
        post(openai_app.test_client(), starter, HTMX)
    assert len(fake_openai.requests) == 1
    # A follow-up question in the same conversation is never cached.
    client = openai_app.test_client()
    post(client, "Hello", HTMX)
    post(client, starter, HTMX)
    post(client, starter, HTMX)
    assert len(fake_openai.requests) == 4


def test_visitor_leaving_mid_stream_closes_upstream_and_keeps_what_was_said(
    openai_app: Flask, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = " ".join(f"word{n}" for n in range(200))
    fake_openai.tokens_per_second = 40  # five seconds of tokens
    server = make_server("127.0.0.1", 0, openai_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with httpx2.Client(base_url=f"http://127.0.0.1:{server.server_port}") as browser:
            field = parse(browser.get("/chat").text).select_one("input[name=csrf_token]")
            form = {"message": "Tell me everything", "csrf_token": field["value"]}
            with browser.stream("POST", "/chat/messages", headers=HTMX_STREAM,
                                data=form) as response:
                received = 0
                for chunk in response.iter_text():
                    received += chunk.count('hx-swap="beforeend"')
                    if received >= 5:
                        break  # the visitor closes the page
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                conversation = parse(browser.get("/chat").text)
                if conversation.select_one("li.msg.interrupted"):
                    break
                time.sleep(0.1)
    finally:
        server.shutdown()
        thread.join()
    interrupted = conversation.select_one("li.msg.interrupted")
    assert interrupted is not None and "word0" in interrupted.get_text()
    assert "word199" not in interrupted.get_text()
    assert "stopped before it was finished" in interrupted.get_text()
    assert fake_openai.streams_abandoned == 1  # the upstream stream was closed early

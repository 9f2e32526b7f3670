"""Limits that hold: per conversation, per address, across instances, and streams at once."""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from chatbot import create_app
from chatbot.limits import wait_phrase

import second_instance
from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, csrf_token, parse, sse_data

PLENTY = "1000 per minute"


def send(client: FlaskClient, token: str, address: str = "127.0.0.1",
         headers: dict[str, str] | None = None) -> int:
    """Post one message from `address` through the no-JS form; the status code."""
    response = client.post("/chat/messages", data={"message": "hi", "csrf_token": token},
                           headers=headers or {}, environ_base={"REMOTE_ADDR": address})
    return response.status_code


def ask_api(client: FlaskClient, session_id: str | None = None, address: str = "127.0.0.1",
            headers: dict[str, str] | None = None) -> int:
    """Post one message to the JSON API; the status code."""
    body = {"message": "hi"} if session_id is None else {"message": "hi", "session_id": session_id}
    return client.post("/api/chatbot", json=body, headers=headers or {},
                       environ_base={"REMOTE_ADDR": address}).status_code


def test_a_burst_from_one_conversation_is_cut_even_across_addresses(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_SESSION_RATE_LIMIT="3 per minute",
                   CHATBOT_RATE_LIMIT=PLENTY)
    client = app.test_client()
    token = csrf_token(client)
    statuses = [send(client, token, address=f"198.51.100.{i}") for i in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    # Another conversation from the same addresses is not affected.
    other = app.test_client()
    assert send(other, csrf_token(other), address="198.51.100.1") == 303


def test_a_burst_over_the_api_from_one_session_id_is_cut(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_SESSION_RATE_LIMIT="2 per minute",
                   CHATBOT_RATE_LIMIT=PLENTY)
    client = app.test_client()
    session_id = secrets.token_urlsafe(24)
    assert [ask_api(client, session_id, f"203.0.113.{i}") for i in range(3)] == [200, 200, 429]
    assert ask_api(client, secrets.token_urlsafe(24)) == 200


def test_a_burst_from_one_address_over_many_conversations_is_cut(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_SESSION_RATE_LIMIT=PLENTY,
                   CHATBOT_RATE_LIMIT="3 per minute")
    statuses = []
    for _ in range(3):  # a fresh cookie (so a fresh conversation) every time
        client = app.test_client()
        statuses.append(send(client, csrf_token(client)))
    statuses += [ask_api(app.test_client()), ask_api(app.test_client(), secrets.token_urlsafe(24))]
    assert statuses == [303, 303, 303, 429, 429]  # the API shares the address's bucket
    assert send(client, csrf_token(client), address="192.0.2.7") == 303


def test_a_forged_forwarded_for_changes_nothing_without_a_proxy(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="2 per minute",
                   CHATBOT_SESSION_RATE_LIMIT=PLENTY)
    statuses = [ask_api(app.test_client(), headers={"X-Forwarded-For": f"10.0.0.{i}",
                                                     "X-Real-IP": f"10.0.1.{i}"})
                for i in range(4)]
    assert statuses == [200, 200, 429, 429]


def test_behind_one_proxy_the_address_is_the_hop_it_appended(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="2 per minute",
                   CHATBOT_SESSION_RATE_LIMIT=PLENTY, CHATBOT_PROXY_COUNT=1)
    client = app.test_client()
    proxy = "10.9.9.9"  # the proxy itself connects; it appends the client's address
    # Different clients behind the proxy get buckets of their own...
    assert [ask_api(client, address=proxy, headers={"X-Forwarded-For": f"198.51.100.{i}"})
            for i in range(4)] == [200, 200, 200, 200]
    # ...and a client rotating a forged first value is still keyed by the hop the proxy added.
    forged = [ask_api(client, address=proxy,
                      headers={"X-Forwarded-For": f"10.0.0.{i}, 203.0.113.5"})
              for i in range(4)]
    assert forged == [200, 200, 429, 429]


def test_refused_requests_take_nothing_from_either_bucket(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="2 per minute",
                   CHATBOT_SESSION_RATE_LIMIT="2 per minute")
    client = app.test_client()
    session_id = secrets.token_urlsafe(24)
    for _ in range(5):
        assert client.post("/api/chatbot", json={"session_id": session_id,
                                                 "message": ""}).status_code == 400
    assert [ask_api(client, session_id) for _ in range(3)] == [200, 200, 429]


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "about 1 second"), (40, "about 40 seconds"), (89, "about 89 seconds"),
    (120, "about 2 minutes"), (3000, "about 50 minutes"), (7 * 3600 + 5, "about 8 hours"),
])
def test_wait_phrase(seconds: int, words: str) -> None:
    assert wait_phrase(seconds) == words


def test_the_429_says_when_to_try_again_and_sets_retry_after(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    ask_api(client)
    response = client.post("/api/chatbot", json={"message": "hi"})
    assert response.status_code == 429
    seconds = int(response.headers["Retry-After"])
    assert 1 <= seconds <= 60
    assert f"Please wait {wait_phrase(seconds)}" in response.get_json()["error"]


# -- instances sharing Redis ------------------------------------------------------------

def shared_config(redis_url: str, data_dir: Path, **settings: Any) -> dict[str, Any]:
    """The settings of one instance: everything shared through `redis_url`."""
    return {"TESTING": True, "REDIS_URL": redis_url, "CHATBOT_DATA_DIR": str(data_dir),
            "SECRET_KEY": "shared-test-key", "RATELIMIT_ENABLED": True, **settings}


def test_two_instances_share_the_conversation_limit(private_redis: str, tmp_path: Path) -> None:
    config = shared_config(private_redis, tmp_path, CHATBOT_SESSION_RATE_LIMIT="3 per minute",
                           CHATBOT_RATE_LIMIT=PLENTY)
    session_id = secrets.token_urlsafe(24)
    first = create_app(config).test_client()
    assert [ask_api(first, session_id, "198.51.100.1") for _ in range(2)] == [200, 200]
    request = {"path": "/api/chatbot", "json": {"message": "hi", "session_id": session_id},
               "remote_addr": "198.51.100.2"}
    assert second_instance.run(config, [request, request]) == [200, 429]
    assert ask_api(first, session_id, "198.51.100.3") == 429


def test_two_instances_share_the_address_limit(private_redis: str, tmp_path: Path) -> None:
    config = shared_config(private_redis, tmp_path, CHATBOT_RATE_LIMIT="3 per minute",
                           CHATBOT_SESSION_RATE_LIMIT=PLENTY)
    first = create_app(config).test_client()
    assert [ask_api(first, address="192.0.2.50") for _ in range(2)] == [200, 200]
    request = {"path": "/api/chatbot", "json": {"message": "hi"}, "remote_addr": "192.0.2.50"}
    other = {"path": "/api/chatbot", "json": {"message": "hi"}, "remote_addr": "192.0.2.51"}
    assert second_instance.run(config, [request, request, other]) == [200, 429, 200]


def test_limits_fail_open_and_log_when_their_redis_is_down(make_app: Any,
                                                           caplog: pytest.LogCaptureFixture
                                                           ) -> None:
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",
                   CHATBOT_RATE_LIMIT="1 per minute", CHATBOT_REDIS_TIMEOUT=0.5)
    client = app.test_client()
    with caplog.at_level(logging.ERROR):
        assert [ask_api(client) for _ in range(3)] == [200, 200, 200]
    assert any("rate limit" in r.getMessage().lower() for r in caplog.records)
    assert any("reply slots unavailable" in r.getMessage() for r in caplog.records)


# -- replies streaming at once ----------------------------------------------------------

@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Serve `app` on a real socket (each stream in its own thread); its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


class Stream:
    """A visitor's browser posting a message as htmx does and reading the streamed reply."""

    def __init__(self, base_url: str):
        self.browser = httpx2.Client(base_url=base_url, timeout=10)
        field = parse(self.browser.get("/chat").text).select_one("input[name=csrf_token]")
        assert field is not None
        self._request = self.browser.stream(
            "POST", "/chat/messages", headers=HTMX_STREAM,
            data={"message": "Tell me more", "csrf_token": str(field["value"])})
        self.response = self._request.__enter__()
        self.status = self.response.status_code
        self._chunks = self.response.iter_text()
        self.received = next(self._chunks)  # the opening: the reply has started

    def finish(self) -> str:
        """Read the reply to its end; the whole body."""
        self.received += "".join(self._chunks)
        return self.received

    def close(self) -> None:
        """Leave the page (mid-reply or not)."""
        self._request.__exit__(None, None, None)
        self.browser.close()


def accepted_within(base_url: str, seconds: float = 5.0) -> Stream:
    """A stream opened once a slot is free (the server notices a left page when it writes)."""
    deadline = time.monotonic() + seconds
    while True:
        stream = Stream(base_url)
        if stream.status == 200 or time.monotonic() > deadline:
            return stream
        stream.close()
        time.sleep(0.05)


@pytest.fixture
def slow_settings(fake_openai: FakeOpenAI) -> dict[str, Any]:
    """The OpenAI engine on a fake model streaming ten tokens a second; two streams at once."""
    fake_openai.reply = "one two three four five six seven eight nine ten"
    fake_openai.tokens_per_second = 10
    return {"CHATBOT_ENGINE": "openai", "OPENAI_BASE_URL": fake_openai.base_url,
            "OPENAI_API_KEY": "sk-test", "CHATBOT_REPLY_TIMEOUT": 10.0,
            "RATELIMIT_ENABLED": True, "CHATBOT_MAX_STREAMS_PER_ADDRESS": 2}


def test_streams_over_the_cap_are_refused_while_the_others_stream(
        make_app: Any, slow_settings: dict[str, Any]) -> None:
    with serving(make_app(**slow_settings)) as url:
        first, second = Stream(url), Stream(url)
        assert first.status == second.status == 200

        refused = Stream(url)
        assert refused.status == 429
        assert refused.response.headers["Retry-After"] == "5"
        assert refused.response.headers["HX-Retarget"] == "#composer-error"
        assert "Please wait about 5 seconds" in refused.received
        refused.close()

        # The open streams go on to their end, undisturbed by the refusal.
        for stream in (first, second):
            text = "".join(parse(event).get_text() for event in sse_data(stream.finish()))
            assert "one two three four five six seven eight nine ten" in text
            stream.close()
        again = accepted_within(url)  # finished streams free their slots
        assert again.status == 200
        again.close()


def test_a_stream_the_visitor_leaves_frees_its_slot(make_app: Any,
                                                    slow_settings: dict[str, Any]) -> None:
    with serving(make_app(**slow_settings)) as url:
        streams = [Stream(url), Stream(url)]
        extra = Stream(url)
        assert extra.status == 429
        extra.close()
        streams[0].close()  # the visitor left mid-reply
        later = accepted_within(url)
        assert later.status == 200
        for stream in (later, streams[1]):
            stream.close()


def test_whole_replies_hold_a_slot_only_while_they_are_made(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_MAX_STREAMS_PER_ADDRESS=1)
    client = app.test_client()
    assert [ask_api(client) for _ in range(3)] == [200, 200, 200]
    token = csrf_token(client)
    assert client.post("/chat/messages", headers=HTMX,
                       data={"message": "hi", "csrf_token": token}).status_code == 200


def test_instances_on_redis_share_the_stream_count(private_redis: str, tmp_path: Path,
                                                   slow_settings: dict[str, Any]) -> None:
    config = shared_config(private_redis, tmp_path, **{
        **slow_settings, "CHATBOT_MAX_STREAMS_PER_ADDRESS": 1})
    with serving(create_app(config)) as first, serving(create_app(config)) as second:
        held = Stream(first)
        assert held.status == 200
        refused = Stream(second)
        assert refused.status == 429
        refused.close()
        held.close()
        again = accepted_within(second)
        assert again.status == 200
        again.close()


def test_instances_on_memory_count_streams_each_on_their_own(
        make_app: Any, slow_settings: dict[str, Any]) -> None:
    settings = {**slow_settings, "CHATBOT_MAX_STREAMS_PER_ADDRESS": 1}
    with serving(make_app(**settings)) as first, serving(make_app(**settings)) as second:
        held = Stream(first)
        refused, other = Stream(first), Stream(second)
        assert (held.status, refused.status, other.status) == (200, 429, 200)
        for stream in (held, refused, other):
            stream.close()


def test_hostile_bodies_get_their_own_answer_without_a_limiter_error(
        make_app: Any, caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(RATELIMIT_ENABLED=True)
    client = app.test_client()
    too_large = "{" + '"a": 1, ' * 20000 + '"message": "x"}'
    with caplog.at_level(logging.ERROR):
        assert client.post("/api/chatbot", data=too_large,
                           content_type="application/json").status_code == 413
        assert client.post("/api/chatbot", data="[" * 30000,
                           content_type="application/json").status_code == 400
    assert [r.getMessage() for r in caplog.records] == []


def test_each_app_keeps_its_own_switch(make_app: Any) -> None:
    limited = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="1 per minute")
    free = make_app(RATELIMIT_ENABLED=False, CHATBOT_RATE_LIMIT="1 per minute")
    assert [ask_api(free.test_client()) for _ in range(3)] == [200, 200, 200]
    assert [ask_api(limited.test_client()) for _ in range(2)] == [200, 429]

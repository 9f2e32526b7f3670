"""Redis stopped or stalled under a running app: clear 503s, never a 500, nothing lost."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient

from helpers import HTMX, HTMX_STREAM, csrf_token, html, transcript
from redis_server import RedisServer, available

pytestmark = pytest.mark.skipif(not available(), reason="redis-server is not installed")

UNAVAILABLE = "temporarily unavailable"


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of this test's own, stopped afterwards."""
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def redis_app(make_app: Any, redis_server: RedisServer) -> Flask:
    """Sessions, the store and the rate limits all on the test's Redis, by REDIS_URL."""
    return make_app(REDIS_URL=redis_server.url, RATELIMIT_ENABLED=True,  # type: ignore[no-any-return]
                    CHATBOT_REDIS_TIMEOUT=0.5)


def post(client: FlaskClient, message: str, token: str,
         headers: dict[str, str] | None = None) -> Any:
    return client.post("/chat/messages", headers=headers or {},
                       data={"message": message, "csrf_token": token})


def test_redis_stopped_mid_conversation_then_back(redis_app: Flask,
                                                  redis_server: RedisServer) -> None:
    client = redis_app.test_client()
    token = csrf_token(client)
    assert post(client, "Where is she based?", token).status_code == 303
    before = transcript(client)
    assert len(before) == 2

    redis_server.stop()

    page = post(client, "What are her skills?", token)  # no JavaScript
    assert page.status_code == 503
    assert page.headers["Retry-After"]
    assert UNAVAILABLE in html(page).select_one("#composer-error").get_text()
    assert html(page).select_one("textarea#message").get_text() == "What are her skills?"

    for headers in (HTMX, HTMX_STREAM):
        partial = post(client, "What are her skills?", token, headers)
        assert partial.status_code == 503
        assert partial.headers["HX-Retarget"] == "#composer-error"
        assert UNAVAILABLE in partial.get_data(as_text=True)

    api = client.post("/api/chatbot", json={"message": "hi"})
    assert api.status_code == 503 and UNAVAILABLE in api.get_json()["error"]

    assert client.get("/chat").status_code == 503
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["error"]

    redis_server.start()  # the same data directory: the append-only file is read back

    assert client.get("/readyz").status_code == 200
    assert transcript(client) == before
    assert post(client, "What are her skills?", csrf_token(client)).status_code == 303
    after = transcript(client)
    assert after[:2] == before and len(after) == 4


def test_no_response_is_a_500_while_redis_is_down(redis_app: Flask,
                                                  redis_server: RedisServer) -> None:
    client = redis_app.test_client()
    token = csrf_token(client)
    redis_server.stop()
    requests = [client.get("/"), client.get("/chat"), client.get("/chat/widget"),
                client.get("/chat", headers=HTMX), post(client, "hi", token),
                client.post("/chat/retry", data={"reply_id": "1", "csrf_token": token}),
                client.post("/api/chatbot", json={"message": "hi", "stream": True})]
    statuses = [r.status_code for r in requests]
    assert all(s < 500 or s == 503 for s in statuses), statuses
    for response in requests:
        assert "Traceback" not in response.get_data(as_text=True)


def test_a_stalled_redis_costs_a_request_at_most_one_timeout_then_503(
    make_app: Any, redis_server: RedisServer
) -> None:
    app = make_app(REDIS_URL=redis_server.url, RATELIMIT_ENABLED=True, CHATBOT_REDIS_TIMEOUT=1.0)
    client = app.test_client()
    token = csrf_token(client)
    assert post(client, "Where is she based?", token).status_code == 303
    redis_server.stall(10)
    try:
        for send in (lambda: post(client, "And her skills?", token),
                     lambda: post(client, "And her skills?", token, HTMX_STREAM),
                     lambda: app.test_client().post("/api/chatbot", json={"message": "hi"}),
                     lambda: app.test_client().get("/chat"),  # a new visitor
                     lambda: client.get("/readyz")):
            started = time.monotonic()
            response = send()
            elapsed = time.monotonic() - started
            assert response.status_code == 503
            # At most one 1 s timeout; right after one, the pool's breaker answers at once.
            assert elapsed < 1.9, elapsed
        started = time.monotonic()
        assert client.get("/healthz").status_code == 200
        assert time.monotonic() - started < 0.5  # liveness asks no dependency
    finally:
        redis_server.wake()
    assert len(transcript(client)) == 2


def test_the_breaker_fails_fast_after_a_timeout_and_closes_again(redis_server: RedisServer) -> None:
    from chatbot.redis_client import connect

    client = connect(redis_server.url, 0.5)
    client.ping()
    redis_server.stall(3)
    try:
        started = time.monotonic()
        for _ in range(5):  # the first waits its timeout; the rest are refused at once
            with pytest.raises(redis.TimeoutError):
                client.ping()
        assert time.monotonic() - started < 0.5 + 0.4
    finally:
        redis_server.wake()
    time.sleep(1.1)  # the breaker has closed again
    assert client.ping()

"""Prometheus metrics: off by default, allowed addresses only, and what they count."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx2
import pytest
from flask import Flask
from prometheus_client.parser import text_string_to_metric_families
from werkzeug.serving import make_server

from chatbot import StartupError

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, csrf_token


def scrape(app: Flask) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample /metrics shows, keyed by name and labels."""
    response = app.test_client().get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    params = [p.strip().split("=")[0] for p in response.headers["Content-Type"].split(";")[1:]]
    assert sorted(params) == ["charset", "version"]  # each once: scrapers reject duplicates
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.get_data(as_text=True))
            for s in family.samples}


def value(samples: dict[Any, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def metrics_app(make_app: Any, fake_openai: FakeOpenAI) -> Flask:
    return make_app(CHATBOT_METRICS=True, CHATBOT_ENGINE="openai",  # type: ignore[no-any-return]
                    OPENAI_BASE_URL=fake_openai.base_url, OPENAI_API_KEY="sk-test")


def test_metrics_are_off_by_default(client: Any) -> None:
    assert client.get("/metrics").status_code == 404


def test_metrics_are_refused_to_addresses_not_allowed(make_app: Any) -> None:
    app = make_app(CHATBOT_METRICS=True, CHATBOT_METRICS_ALLOW="10.0.0.0/8, ::1")
    client = app.test_client()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"}).status_code == 403
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "10.2.3.4"}).status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200


def test_behind_a_proxy_the_forwarded_address_decides(make_app: Any) -> None:
    app = make_app(CHATBOT_METRICS=True, CHATBOT_PROXY_COUNT=1)
    outside = app.test_client().get("/metrics", headers={"X-Forwarded-For": "198.51.100.7"})
    assert outside.status_code == 403


def test_a_bad_allow_list_stops_start_up(make_app: Any) -> None:
    with pytest.raises(StartupError, match="CHATBOT_METRICS_ALLOW"):
        make_app(CHATBOT_METRICS=True, CHATBOT_METRICS_ALLOW="localhost")


def test_requests_are_counted_by_route_and_status(metrics_app: Flask) -> None:
    client = metrics_app.test_client()
    client.get("/chat")
    client.get("/chat")
    client.get("/no/such/page/42")
    samples = scrape(metrics_app)
    assert value(samples, "chatbot_requests_total", endpoint="chat.page", method="GET",
                 status="200") == 2
    assert value(samples, "chatbot_requests_total", endpoint="none", method="GET",
                 status="404") == 1
    assert not any("/no/such" in str(key) for key in samples)  # never the raw path


def test_replies_first_tokens_and_tokens_spent(metrics_app: Flask,
                                               fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "One two three four."
    client = metrics_app.test_client()
    client.post("/chat/messages", headers=HTMX,
                data={"message": "What does she do?", "csrf_token": csrf_token(client)})
    samples = scrape(metrics_app)
    assert value(samples, "chatbot_reply_seconds_count", outcome="reply") == 1
    assert value(samples, "chatbot_first_token_seconds_count") == 1
    assert value(samples, "chatbot_tokens_total", kind="completion") > 0


def test_model_errors_and_fallbacks_by_fault_kind(metrics_app: Flask,
                                                  fake_openai: FakeOpenAI) -> None:
    fake_openai.fail_next("server_error", times=2)
    metrics_app.test_client().post("/api/chatbot", json={"message": "hi"})
    samples = scrape(metrics_app)
    assert value(samples, "chatbot_model_errors_total", kind="server_error") == 1
    assert value(samples, "chatbot_fallbacks_total", reason="server_error") == 1
    assert value(samples, "chatbot_reply_seconds_count", outcome="fallback") == 1


def test_rate_limit_refusals_are_counted(make_app: Any) -> None:
    app = make_app(CHATBOT_METRICS=True, RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    for _ in range(3):
        client.post("/api/chatbot", json={"message": "hi"})
    samples = scrape(app)
    assert value(samples, "chatbot_rate_limited_total", endpoint="chat.api_chatbot") == 2


def test_open_streams_are_a_gauge(metrics_app: Flask, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = " ".join(f"w{n}" for n in range(100))
    fake_openai.tokens_per_second = 50
    server = make_server("127.0.0.1", 0, metrics_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with httpx2.Client(base_url=f"http://127.0.0.1:{server.server_port}") as browser:
            with browser.stream("POST", "/api/chatbot",
                                json={"message": "hi", "stream": True}) as response:
                chunks = response.iter_text()
                next(chunks)
                during = value(scrape(metrics_app), "chatbot_streams_open")
                for _ in chunks:
                    pass
            deadline = time.monotonic() + 5
            while value(scrape(metrics_app), "chatbot_streams_open") and \
                    time.monotonic() < deadline:
                time.sleep(0.05)
            after = value(scrape(metrics_app), "chatbot_streams_open")
    finally:
        server.shutdown()
        thread.join()
    assert (during, after) == (1, 0)


def test_streamed_pages_are_measured_too(metrics_app: Flask, fake_openai: FakeOpenAI) -> None:
    client = metrics_app.test_client()
    response = client.post("/chat/messages", headers=HTMX_STREAM,
                           data={"message": "Hello?", "csrf_token": csrf_token(client)})
    response.get_data()
    response.close()
    samples = scrape(metrics_app)
    assert value(samples, "chatbot_first_token_seconds_count") == 1
    assert value(samples, "chatbot_streams_open") == 0

"""The geventhttpclient transport under the SDK: same replies, same faults as httpx2's own.

The OpenAI engine's tests run again here with CHATBOT_UPSTREAM_CLIENT=gevent (they are
imported below, so they use this module's `openai_app`), and the transport is checked on its
own against the fake server on a real socket: streaming, keep-alive, closing early, and each
failure raising the httpx2 exception that httpcore raises for it.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import httpx2
import openai
import pytest
from flask import Flask
from test_openai_engine import (  # noqa: F401  (collected again, with the gevent transport)
    PROFILE,
    test_api_answers_from_the_model_and_falls_back_with_the_fault,
    test_api_streams_deltas_then_a_done_event,
    test_every_fault_falls_back_to_the_profile_with_a_retry,
    test_refused_connection_falls_back,
    test_streams_the_model_reply_as_it_arrives,
    test_visitor_leaving_mid_stream_closes_upstream_and_keeps_what_was_said,
    test_without_javascript_a_fault_still_answers,
)

from chatbot.engines.base import EngineUnavailable, Turn
from chatbot.engines.gevent_transport import GeventTransport, use_gevent_transport
from chatbot.engines.openai_compatible import OpenAIEngine, build_client
from chatbot.settings import SettingsError, defaults, validate

from fake_openai import FakeOpenAI


@pytest.fixture
def openai_app(make_app: Any, fake_openai: FakeOpenAI) -> Flask:
    """The app's OpenAI engine on the gevent transport, aimed at the fake server."""
    app = make_app(CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake_openai.base_url,
                   OPENAI_API_KEY="sk-test-secret-key", CHATBOT_REPLY_TIMEOUT=2.0,
                   CHATBOT_UPSTREAM_CLIENT="gevent")
    client = app.extensions["chatbot"].engine.client
    assert isinstance(client._client._transport, GeventTransport)
    return app  # type: ignore[no-any-return]


@pytest.fixture
def make_app(make_app: Any) -> Any:
    """`test_refused_connection_falls_back` builds its own app: on the gevent transport too."""
    def build(**settings: Any) -> Flask:
        settings.setdefault("CHATBOT_UPSTREAM_CLIENT", "gevent")
        return make_app(**settings)  # type: ignore[no-any-return]
    return build


def sdk(base_url: str, *, timeout: float = 2.0, retries: int = 0) -> openai.OpenAI:
    return openai.OpenAI(api_key="k", base_url=base_url, max_retries=retries,
                         http_client=httpx2.Client(transport=GeventTransport(),
                                                   timeout=openai.Timeout(timeout, connect=1)))


def stream(client: openai.OpenAI) -> Any:
    return client.post("/chat/completions",
                       body={"model": "m", "messages": [{"role": "user", "content": "hi"}],
                             "stream": True},
                       cast_to=object, stream=True, stream_cls=openai.Stream[object])


def engine(config: dict[str, Any]) -> OpenAIEngine:
    return OpenAIEngine.from_config({**defaults(), **config}, PROFILE)


def test_streams_each_arrival_and_reuses_the_connection(fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "one two three four"
    fake_openai.tokens_per_second = 20  # each token its own arrival
    client = sdk(fake_openai.base_url)
    for _ in range(2):
        response = stream(client)
        arrivals = list(response.response.iter_bytes())
        response.close()
        assert len(arrivals) >= 4  # not held back into 4 KiB blocks
        assert b"[DONE]" in arrivals[-1]
        assert response.response.headers["x-request-id"].startswith("req_fake_")
    assert fake_openai.connections_opened == 1  # the second reply reused the first socket
    client.close()


def test_closing_early_closes_the_upstream_socket(fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = " ".join(f"w{n}" for n in range(100))
    fake_openai.tokens_per_second = 50
    client = sdk(fake_openai.base_url)
    response = stream(client)
    next(iter(response.response.iter_bytes()))
    response.close()
    deadline = time.monotonic() + 3
    while fake_openai.streams_abandoned == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert fake_openai.streams_abandoned == 1
    client.close()


@pytest.mark.parametrize("fault, error", [
    ("rate_limit", openai.RateLimitError),
    ("server_error", openai.InternalServerError),
    ("bad_gateway", openai.InternalServerError),
    ("auth", openai.AuthenticationError),
    ("timeout", openai.APITimeoutError),
    ("disconnect", openai.APIConnectionError),
])
def test_failures_reach_the_sdk_as_with_httpx2(fake_openai: FakeOpenAI, fault: str,
                                                error: type[Exception]) -> None:
    fake_openai.fail_next(fault)
    client = sdk(fake_openai.base_url, timeout=0.5)
    with pytest.raises(error):
        stream(client)
    client.close()


def test_cut_stream_raises_a_protocol_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.fail_next("cut")
    client = sdk(fake_openai.base_url)
    response = stream(client)
    with pytest.raises(httpx2.RemoteProtocolError):
        list(response.response.iter_bytes())
    response.close()
    client.close()


def test_stalled_stream_raises_a_read_timeout(fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "slow " * 5
    fake_openai.tokens_per_second = 1  # a token a second, the read timeout is 0.3 s
    client = sdk(fake_openai.base_url, timeout=0.3)
    response = stream(client)
    with pytest.raises(httpx2.ReadTimeout):
        list(response.response.iter_bytes())
    response.close()
    client.close()


def test_refused_connection_is_a_connect_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    client = sdk(f"http://127.0.0.1:{port}/v1")
    with pytest.raises(openai.APIConnectionError) as caught:
        stream(client)
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)
    client.close()


@pytest.mark.parametrize("fault, kind", [
    ("rate_limit", "rate_limit"), ("server_error", "server_error"), ("auth", "auth"),
    ("timeout", "timeout"), ("disconnect", "connection"), ("cut", "bad_stream"),
    ("garbage", "bad_stream"),
])
def test_engine_names_each_fault_as_with_httpx2(fake_openai: FakeOpenAI, fault: str,
                                                kind: str) -> None:
    kinds = {}
    for client_name in ("httpx2", "gevent"):
        fake_openai.reset()
        fake_openai.fail_next(fault, times=2)
        chosen = engine({"OPENAI_BASE_URL": fake_openai.base_url, "OPENAI_API_KEY": "k",
                         "CHATBOT_REPLY_TIMEOUT": 1.0, "CHATBOT_UPSTREAM_CLIENT": client_name})
        with pytest.raises(EngineUnavailable) as caught:
            list(chosen.reply(Turn(question="hi")))
        kinds[client_name] = caught.value.kind
        chosen.close()
    assert kinds == {"httpx2": kind, "gevent": kind}


def test_auto_uses_gevent_only_on_patched_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    config = {**defaults(), "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    assert not use_gevent_transport()  # the test process is not monkey-patched
    assert not isinstance(build_client(config)._client._transport, GeventTransport)
    monkeypatch.setattr("gevent.monkey.is_module_patched", lambda name: True)
    assert isinstance(build_client(config)._client._transport, GeventTransport)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    assert not use_gevent_transport()  # httpx2 honours proxies; the transport does not
    forced = build_client({**config, "CHATBOT_UPSTREAM_CLIENT": "gevent"})
    assert isinstance(forced._client._transport, GeventTransport)


def test_setting_rejects_unknown_clients() -> None:
    with pytest.raises(SettingsError, match="CHATBOT_UPSTREAM_CLIENT"):
        validate({**defaults(), "CHATBOT_UPSTREAM_CLIENT": "curl"})

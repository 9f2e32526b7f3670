"""Drive the fake OpenAI server through the real openai SDK."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import openai
import pytest

from fake_openai import FakeOpenAI

MESSAGES: list[Any] = [{"role": "user", "content": "What do you build?"}]
ClientFactory = Callable[..., openai.OpenAI]


@pytest.fixture
def make_client(fake_openai: FakeOpenAI) -> Iterator[ClientFactory]:
    """Build real SDK clients aimed at the fake server; all are closed after the test."""
    clients: list[openai.OpenAI] = []

    def factory(*, max_retries: int = 0, timeout: float = 5.0) -> openai.OpenAI:
        client = openai.OpenAI(
            base_url=fake_openai.base_url,
            api_key="test",
            max_retries=max_retries,
            timeout=openai.Timeout(timeout),
        )
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


def stream_text(client: openai.OpenAI, **kwargs: Any) -> str:
    """Stream a chat completion and return the reassembled content."""
    stream = client.chat.completions.create(
        model="fake-model", messages=MESSAGES, stream=True, **kwargs
    )
    with stream:
        return "".join(c.choices[0].delta.content or "" for c in stream if c.choices)


def test_non_stream_reply(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    raw = make_client().chat.completions.with_raw_response.create(
        model="gpt-test", messages=MESSAGES
    )
    completion = raw.parse()
    assert raw.headers["x-request-id"].startswith("req_fake_")
    assert completion.object == "chat.completion"
    assert completion.model == "gpt-test"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content == "Hello from the fake model."
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert completion.usage.completion_tokens == 5
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + 5


def test_stream_chunks_follow_openai_format(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake_openai.reply = "Alpha beta  gamma."
    stream = make_client().chat.completions.create(
        model="gpt-test", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    with stream:
        chunks = list(stream)
    assert stream.response.headers["x-request-id"].startswith("req_fake_")
    assert {c.object for c in chunks} == {"chat.completion.chunk"}
    assert {c.model for c in chunks} == {"gpt-test"}
    assert chunks[0].choices[0].delta.role == "assistant"
    deltas = [c.choices[0].delta.content for c in chunks[1:-2]]
    assert deltas == ["Alpha", " beta", "  gamma."]
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 3


def test_stream_without_usage_option_has_no_usage_chunk(make_client: ClientFactory) -> None:
    stream = make_client().chat.completions.create(
        model="fake-model", messages=MESSAGES, stream=True
    )
    with stream:
        chunks = list(stream)
    assert all(c.choices for c in chunks)
    assert all(c.usage is None for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "Hello from the fake model."


def test_stream_like_llama_cpp_sends_no_usage_even_when_asked(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake_openai.stream_usage = False
    stream = make_client().chat.completions.create(
        model="fake-model", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    with stream:
        chunks = list(stream)
    assert all(c.choices for c in chunks)
    assert all(c.usage is None for c in chunks)
    completion = make_client().chat.completions.create(model="fake-model", messages=MESSAGES)
    assert completion.usage is not None  # whole replies still carry it


def test_stream_is_delayed_and_paced(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.delay = 0.15
    fake_openai.tokens_per_second = 25.0
    fake_openai.reply = "one two three four five six"
    client = make_client()
    start = time.monotonic()
    stream = client.chat.completions.create(model="fake-model", messages=MESSAGES, stream=True)
    arrivals: list[float] = []
    with stream:
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                arrivals.append(time.monotonic())
    assert len(arrivals) == 6
    assert arrivals[0] - start >= 0.15
    # Five gaps of 1/25 s each: 0.2 s in all, allowing for timer slack.
    assert 0.16 <= arrivals[-1] - arrivals[0] < 1.5


def test_reply_callable_sees_request(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.reply = lambda request: request["messages"][-1]["content"].upper()
    assert stream_text(make_client()) == "WHAT DO YOU BUILD?"


def test_requests_are_recorded(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    make_client().chat.completions.create(model="gpt-test", messages=MESSAGES, max_tokens=42)
    [request] = fake_openai.requests
    assert request.method == "POST"
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test"
    assert request.headers["content-type"] == "application/json"
    assert request.json["messages"] == MESSAGES
    assert request.json["max_tokens"] == 42
    assert request.fault is None


def test_keep_alive_reuses_connection(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    client = make_client()
    for _ in range(3):
        client.chat.completions.create(model="fake-model", messages=MESSAGES)
    assert len(fake_openai.requests) == 3
    assert fake_openai.connections_opened == 1


def test_models_and_unknown_paths(make_client: ClientFactory) -> None:
    client = make_client()
    assert [m.id for m in client.models.list()] == ["fake-model"]
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="fake-model", input="hi")


@pytest.mark.parametrize(
    ("fault", "error", "status", "code"),
    [
        ("rate_limit", openai.RateLimitError, 429, "rate_limit_exceeded"),
        ("server_error", openai.InternalServerError, 500, None),
        ("bad_gateway", openai.InternalServerError, 502, None),
        ("auth", openai.AuthenticationError, 401, "invalid_api_key"),
    ],
)
@pytest.mark.parametrize("stream", [False, True])
def test_status_faults_raise_sdk_errors(
    fake_openai: FakeOpenAI,
    make_client: ClientFactory,
    fault: str,
    error: type[openai.APIStatusError],
    status: int,
    code: str | None,
    stream: bool,
) -> None:
    fake_openai.fail_next(fault)
    with pytest.raises(error) as info:
        make_client().chat.completions.create(model="fake-model", messages=MESSAGES, stream=stream)
    assert info.value.status_code == status
    assert info.value.code == code
    assert info.value.request_id == f"req_fake_{info.value.request_id.rsplit('_', 1)[-1]}"
    assert fake_openai.requests[-1].fault == fault


def test_timeout_fault_raises_api_timeout(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake_openai.fail_next("timeout")
    start = time.monotonic()
    with pytest.raises(openai.APITimeoutError) as info:
        make_client(timeout=0.3).chat.completions.create(
            model="fake-model", messages=MESSAGES, stream=True
        )
    assert 0.3 <= time.monotonic() - start < 3
    assert isinstance(info.value.__cause__, httpx2.ReadTimeout)


def test_disconnect_fault_raises_connection_error(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake_openai.fail_next("disconnect")
    with pytest.raises(openai.APIConnectionError) as info:
        make_client().chat.completions.create(model="fake-model", messages=MESSAGES)
    assert type(info.value) is openai.APIConnectionError
    assert isinstance(info.value.__cause__, httpx2.RemoteProtocolError)


def test_cut_mid_stream_raises_connection_error(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    # The SDK's Stream wraps httpx2.RemoteProtocolError ("incomplete chunked read") in
    # openai.APIConnectionError, raised from the iterator after the chunks already sent.
    fake_openai.reply = "one two three four five six"
    fake_openai.fail_next("cut")
    stream = make_client().chat.completions.create(
        model="fake-model", messages=MESSAGES, stream=True
    )
    received: list[str] = []
    with pytest.raises(openai.APIConnectionError) as info, stream:
        for chunk in stream:
            received.append(chunk.choices[0].delta.content or "")
    assert type(info.value) is openai.APIConnectionError
    assert isinstance(info.value.__cause__, httpx2.RemoteProtocolError)
    assert "".join(received) == "one two three"


def test_cut_non_stream_raises_connection_error(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake_openai.fail_next("cut")
    with pytest.raises(openai.APIConnectionError) as info:
        make_client().chat.completions.create(model="fake-model", messages=MESSAGES)
    assert type(info.value) is openai.APIConnectionError
    assert isinstance(info.value.__cause__, httpx2.RemoteProtocolError)


def test_garbage_mid_stream_raises_json_error(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    # The SDK does not wrap a bad SSE data line: json.loads' JSONDecodeError escapes the
    # iterator as is (it is a ValueError, not an openai.OpenAIError).
    fake_openai.fail_next("garbage")
    stream = make_client().chat.completions.create(
        model="fake-model", messages=MESSAGES, stream=True
    )
    received: list[str] = []
    with pytest.raises(json.JSONDecodeError), stream:
        for chunk in stream:
            received.append(chunk.choices[0].delta.content or "")
    assert received == ["", "Hello"]


def test_garbage_non_stream_raises_json_error(
    fake_openai: FakeOpenAI, make_client: ClientFactory
) -> None:
    # A 200 whose JSON body is malformed also surfaces as a bare json.JSONDecodeError.
    fake_openai.fail_next("garbage")
    with pytest.raises(json.JSONDecodeError):
        make_client().chat.completions.create(model="fake-model", messages=MESSAGES)


def test_one_rate_limit_then_success(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.fail_next("rate_limit")
    start = time.monotonic()
    assert stream_text(make_client(max_retries=1)) == "Hello from the fake model."
    # retry-after-ms keeps the SDK's back-off short (it ignores "retry-after: 0").
    assert time.monotonic() - start < 0.35
    assert [r.fault for r in fake_openai.requests] == ["rate_limit", None]


def test_retries_consume_queued_faults(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.fail_next("server_error", times=3)
    with pytest.raises(openai.InternalServerError):
        make_client(max_retries=1).chat.completions.create(model="fake-model", messages=MESSAGES)
    assert len(fake_openai.requests) == 2
    assert fake_openai.pending_faults == ["server_error"]


def test_concurrent_streaming_clients(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.delay = 0.05
    fake_openai.tokens_per_second = 100.0
    fake_openai.reply = lambda request: f"Reply to {request['user']} in five words."
    client = make_client()
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=30) as pool:
        replies = list(pool.map(lambda n: stream_text(client, user=f"u{n}"), range(30)))
    assert replies == [f"Reply to u{n} in five words." for n in range(30)]
    assert len(fake_openai.requests) == 30
    # Each stream takes ~0.1 s; run one after another they would take 3 s.
    assert time.monotonic() - start < 1.5


def test_reset_restores_defaults(fake_openai: FakeOpenAI, make_client: ClientFactory) -> None:
    fake_openai.reply = "changed"
    fake_openai.delay = 1.0
    fake_openai.tokens_per_second = 5.0
    fake_openai.fail_next("auth")
    make_client().models.list()
    fake_openai.reset()
    assert (fake_openai.reply, fake_openai.delay, fake_openai.tokens_per_second) == (
        "Hello from the fake model.",
        0.0,
        0.0,
    )
    assert fake_openai.requests == []
    assert fake_openai.pending_faults == []


def test_fail_next_rejects_unknown_fault(fake_openai: FakeOpenAI) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        fake_openai.fail_next("teapot")
    with pytest.raises(ValueError, match="times"):
        fake_openai.fail_next("auth", times=0)


def test_stop_releases_held_connection() -> None:
    server = FakeOpenAI(timeout_hold=60.0).start()
    server.fail_next("timeout")
    errors: list[BaseException] = []

    def call() -> None:
        with openai.OpenAI(
            base_url=server.base_url, api_key="test", max_retries=0, timeout=openai.Timeout(10.0)
        ) as client:
            try:
                client.chat.completions.create(model="fake-model", messages=MESSAGES)
            except openai.APIError as exc:
                errors.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    deadline = time.monotonic() + 5
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    start = time.monotonic()
    server.stop()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert time.monotonic() - start < 2
    assert [type(e) for e in errors] == [openai.APIConnectionError]

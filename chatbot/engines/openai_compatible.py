"""Replies from OpenAI or any OpenAI-compatible server, streamed, bounded and fault-mapped."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator, Mapping
from typing import Any

import httpx2  # the SDK's own transport; its errors can surface mid-stream unwrapped
import openai

from chatbot.engines.base import Engine, EngineUnavailable, Turn, Usage
from chatbot.engines.gevent_transport import GeventTransport, use_gevent_transport
from chatbot.profile import Profile
from chatbot.prompts import chat_messages, estimate_usage, instructions, profile_facts


def build_client(config: Mapping[str, Any]) -> openai.OpenAI:
    """The one place the SDK client is made: short timeouts, few retries.

    The SDK's defaults (600 s, 2 retries) would leave a visitor waiting ten minutes. The
    reply timeout covers the whole reply, retries included, so each attempt gets its share.
    Waiting for the response to start is bounded by the first-token timeout, shared the
    same way: a hung model gets the fallback after about that long, retries included.
    Under gevent (gunicorn's gevent workers) the SDK's HTTP goes through geventhttpclient,
    which parses in C: a third of a streamed turn's CPU less (docs/benchmarks.md).
    """
    attempts = config["CHATBOT_MAX_RETRIES"] + 1
    first_token = min(config["CHATBOT_FIRST_TOKEN_TIMEOUT"], config["CHATBOT_REPLY_TIMEOUT"])
    timeout = openai.Timeout(config["CHATBOT_REPLY_TIMEOUT"] / attempts,
                             connect=config["CHATBOT_CONNECT_TIMEOUT"],
                             read=first_token / attempts)
    http_client = None
    choice = config.get("CHATBOT_UPSTREAM_CLIENT", "auto")
    if choice == "gevent" or (choice == "auto" and use_gevent_transport()):
        # The SDK's own client defaults (it documents passing them on with a client).
        http_client = openai.DefaultHttpxClient(transport=GeventTransport(), timeout=timeout)
    return openai.OpenAI(
        api_key=config["OPENAI_API_KEY"] or "not-needed",  # local servers often need none
        base_url=config["OPENAI_BASE_URL"],
        max_retries=config["CHATBOT_MAX_RETRIES"],
        timeout=timeout,
        http_client=http_client,
    )


def classify(error: Exception) -> EngineUnavailable:
    """Name the fault, keeping the upstream request id for the logs (never the key)."""
    request_id = getattr(error, "request_id", None)
    if isinstance(error, openai.RateLimitError):
        kind = "rate_limit"
    elif isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
        kind = "auth"
    elif isinstance(error, (openai.APITimeoutError, httpx2.TimeoutException)):
        kind = "timeout"
    elif isinstance(error, openai.APIConnectionError):
        kind = "connection"
    elif isinstance(error, openai.APIStatusError):
        kind = "server_error" if error.status_code >= 500 else "bad_request"
    else:
        kind = "bad_stream"
    return EngineUnavailable(kind, f"{type(error).__name__}: {error}"[:300], request_id)


def sse_batches(chunks: Iterator[bytes]) -> Iterator[list[bytes]]:
    """The `data` of the server-sent events each read of a byte stream completes.

    Batched by read so that what arrived together is passed on together: a fast model
    sends many events per read, and each one passed on alone costs a write to the visitor.
    """
    pending = b""
    data: list[bytes] = []
    for chunk in chunks:
        lines = (pending + chunk).splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
        batch: list[bytes] = []
        for line in lines:
            line = line.rstrip(b"\r\n")
            if not line:
                if data:
                    batch.append(b"\n".join(data))
                    data = []
            elif line.startswith(b"data:"):
                data.append(line[6:] if line.startswith(b"data: ") else line[5:])
        if batch:
            yield batch
    if data:
        yield [b"\n".join(data)]


def delta_text(chunk: Any, request: httpx2.Request) -> str | None:
    """The text of one chat.completion.chunk; raise APIError on an error event."""
    if chunk.get("error"):
        error = chunk["error"]
        message = error.get("message") if isinstance(error, dict) else None
        raise openai.APIError(message if isinstance(message, str) else
                              "An error occurred during streaming", request, body=error)
    choices = chunk.get("choices")
    if not isinstance(choices, list) or not choices:
        return None
    text = (choices[0].get("delta") or {}).get("content")
    return text if isinstance(text, str) else None


def reported_usage(chunk: Any) -> Usage | None:
    """The `usage` a chunk carries (the last one does when asked), if well formed."""
    usage = chunk.get("usage")
    if not isinstance(usage, dict):
        return None
    prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return Usage(prompt, completion)


class OpenAIEngine(Engine):
    """Streams chat completions through the official SDK; one client per process."""

    name = "openai"
    can_stream = True
    needs_key = True
    is_remote = True

    def __init__(self, client: openai.OpenAI, profile: Profile, *, model: str, max_tokens: int,
                 history_tokens: int, profile_tokens: int, reply_timeout: float,
                 first_token_timeout: float = 10.0, stall_timeout: float = 10.0):
        self.client = client
        self.profile = profile
        self.facts = tuple(profile_facts(profile))  # the same every turn: made once
        self.model = model
        self.max_tokens = max_tokens
        self.history_tokens = history_tokens
        self.profile_tokens = profile_tokens
        self.reply_timeout = reply_timeout
        self.first_token_timeout = first_token_timeout
        self.stall_timeout = stall_timeout

    @classmethod
    def from_config(cls, config: Mapping[str, Any], profile: Profile) -> OpenAIEngine:
        """Build the engine and its client from the settings."""
        return cls(build_client(config), profile, model=config["CHATBOT_MODEL"],
                   max_tokens=config["CHATBOT_MAX_TOKENS"],
                   history_tokens=config["CHATBOT_HISTORY_TOKENS"],
                   profile_tokens=config["CHATBOT_PROFILE_TOKENS"],
                   reply_timeout=config["CHATBOT_REPLY_TIMEOUT"],
                   first_token_timeout=config["CHATBOT_FIRST_TOKEN_TIMEOUT"],
                   stall_timeout=config["CHATBOT_STALL_TIMEOUT"])

    @property
    def model_id(self) -> str:
        return f"openai:{self.client.base_url}:{self.model}"

    def reply(self, turn: Turn) -> Iterator[str]:
        messages = chat_messages(self.profile, turn, profile_budget=self.profile_tokens,
                                 history_budget=self.history_tokens, facts=self.facts)
        started = time.monotonic()
        deadline = started + self.reply_timeout
        first_deadline = started + self.first_token_timeout
        try:
            # client.post is the SDK's documented call for any endpoint (retries and
            # timeouts apply). chat.completions.create would first walk the body through
            # its type-driven transform: about 1.5 ms per call for a few turns of history,
            # when the body is already plain JSON (docs/benchmarks.md).
            stream = self.client.post(
                "/chat/completions",
                body={"model": self.model, "messages": messages, "max_tokens": self.max_tokens,
                      "temperature": 0.3, "stream": True,
                      "stream_options": {"include_usage": True}},
                cast_to=object, stream=True, stream_cls=openai.Stream[object],
            )
        except openai.OpenAIError as error:
            raise classify(error) from error
        request_id = stream.response.headers.get("x-request-id")
        parts: list[str] = []
        usage: Usage | None = None
        self._bound_reads(stream.response, deadline)
        try:
            # The SDK would build a pydantic model per chunk: most of a turn's CPU. Only the
            # text is needed, so read the events as plain JSON (docs/benchmarks.md).
            chunks = stream.response.iter_bytes()
            for batch in sse_batches(chunks):
                now = time.monotonic()
                if now > deadline or (not parts and now > first_deadline):
                    raise EngineUnavailable("timeout", "the reply took too long", request_id)
                texts: list[str] = []
                done = False
                for data in batch:
                    if data.startswith(b"[DONE]"):
                        done = True
                        break
                    chunk = json.loads(data)
                    text = delta_text(chunk, stream.response.request)
                    usage = reported_usage(chunk) or usage
                    if text:
                        texts.append(text)
                if texts:
                    parts.append("".join(texts))
                    yield parts[-1]  # what one read brought, as one piece
                if done:
                    # Read the body's end too, or close() drops the connection instead of
                    # pooling it (the sync SDK stream does not drain): a new TCP and TLS
                    # handshake for every reply. Servers end the body right after [DONE].
                    with contextlib.suppress(httpx2.HTTPError):
                        for _ in chunks:
                            pass
                    break
        except (openai.OpenAIError, httpx2.HTTPError, json.JSONDecodeError,
                AttributeError, TypeError) as error:
            # A cut connection, an error event or a malformed chunk in the middle.
            fault = classify(error)
            if fault.kind not in ("rate_limit", "auth", "server_error", "timeout"):
                fault.kind = "bad_stream"
            fault.request_id = fault.request_id or request_id
            raise fault from error
        finally:
            stream.close()  # stops generation (and spend) when the visitor leaves
            if turn.on_usage is not None:
                turn.on_usage(usage or estimate_usage(messages, "".join(parts)))

    def hidden_text(self, turn: Turn) -> str:
        return instructions(self.profile, turn.visitor)

    def _bound_reads(self, response: httpx2.Response, deadline: float) -> None:
        """From here on, each read of the body waits at most the stall timeout.

        The client's read timeout bounded the wait for the response to start. httpcore
        reads the body's timeout when the body is first read, so changing the request's
        timeout now applies to every later chunk (tests/test_openai_engine.py checks it).
        """
        timeouts = response.request.extensions.get("timeout")
        if isinstance(timeouts, dict):
            remaining = max(deadline - time.monotonic(), 0.01)
            timeouts["read"] = min(self.stall_timeout, remaining)

    def close(self) -> None:
        self.client.close()

"""Replies from OpenAI or any OpenAI-compatible server, streamed, bounded and fault-mapped."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from typing import Any

import httpx2  # the SDK's own transport; its errors can surface mid-stream unwrapped
import openai

from chatbot.engines.base import Engine, EngineUnavailable, Turn
from chatbot.profile import Profile
from chatbot.prompts import chat_messages


def build_client(config: Mapping[str, Any]) -> openai.OpenAI:
    """The one place the SDK client is made: short timeouts, few retries.

    The SDK's defaults (600 s, 2 retries) would leave a visitor waiting ten minutes. The
    reply timeout covers the whole reply, retries included, so each attempt gets its share.
    """
    attempts = config["CHATBOT_MAX_RETRIES"] + 1
    return openai.OpenAI(
        api_key=config["OPENAI_API_KEY"] or "not-needed",  # local servers often need none
        base_url=config["OPENAI_BASE_URL"],
        max_retries=config["CHATBOT_MAX_RETRIES"],
        timeout=openai.Timeout(config["CHATBOT_REPLY_TIMEOUT"] / attempts,
                               connect=config["CHATBOT_CONNECT_TIMEOUT"]),
    )


def classify(error: Exception) -> EngineUnavailable:
    """Name the fault, keeping the upstream request id for the logs (never the key)."""
    request_id = getattr(error, "request_id", None)
    if isinstance(error, openai.RateLimitError):
        kind = "rate_limit"
    elif isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
        kind = "auth"
    elif isinstance(error, openai.APITimeoutError):
        kind = "timeout"
    elif isinstance(error, openai.APIConnectionError):
        kind = "connection"
    elif isinstance(error, openai.APIStatusError):
        kind = "server_error" if error.status_code >= 500 else "bad_request"
    else:
        kind = "bad_stream"
    return EngineUnavailable(kind, f"{type(error).__name__}: {error}"[:300], request_id)


class OpenAIEngine(Engine):
    """Streams chat completions through the official SDK; one client per process."""

    name = "openai"
    can_stream = True
    needs_key = True
    is_remote = True

    def __init__(self, client: openai.OpenAI, profile: Profile, *, model: str, max_tokens: int,
                 history_tokens: int, profile_tokens: int, reply_timeout: float):
        self.client = client
        self.profile = profile
        self.model = model
        self.max_tokens = max_tokens
        self.history_tokens = history_tokens
        self.profile_tokens = profile_tokens
        self.reply_timeout = reply_timeout

    @classmethod
    def from_config(cls, config: Mapping[str, Any], profile: Profile) -> OpenAIEngine:
        """Build the engine and its client from the settings."""
        return cls(build_client(config), profile, model=config["CHATBOT_MODEL"],
                   max_tokens=config["CHATBOT_MAX_TOKENS"],
                   history_tokens=config["CHATBOT_HISTORY_TOKENS"],
                   profile_tokens=config["CHATBOT_PROFILE_TOKENS"],
                   reply_timeout=config["CHATBOT_REPLY_TIMEOUT"])

    @property
    def model_id(self) -> str:
        return f"openai:{self.client.base_url}:{self.model}"

    def reply(self, turn: Turn) -> Iterator[str]:
        messages = chat_messages(self.profile, turn, profile_budget=self.profile_tokens,
                                 history_budget=self.history_tokens)
        deadline = time.monotonic() + self.reply_timeout
        try:
            stream = self.client.chat.completions.create(
                model=self.model, messages=messages,  # type: ignore[arg-type]
                max_tokens=self.max_tokens, temperature=0.3, stream=True,
            )
        except openai.OpenAIError as error:
            raise classify(error) from error
        request_id = stream.response.headers.get("x-request-id")
        try:
            for chunk in stream:
                if time.monotonic() > deadline:
                    raise EngineUnavailable("timeout", "the reply took too long", request_id)
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
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

    def close(self) -> None:
        self.client.close()

"""Limits that hold across instances: per conversation, per client address, streams at once.

Routes that make a reply or store something take one line per limit:

    @bp.post("/chat/messages")
    @limits.per_visitor          # CHATBOT_SESSION_RATE_LIMIT, keyed by the conversation
    @limits.per_address          # CHATBOT_RATE_LIMIT, keyed by the client address
    @limits.reply_slot           # at most CHATBOT_MAX_STREAMS_PER_ADDRESS replies at once
    def post_message(): ...

`limits.address_limit("5 per minute", scope="owner-login")` makes a stricter bucket of its
own. Refused requests (any status >= 400) are not counted. Counters live where
RATELIMIT_STORAGE_URI says: Redis is shared by every instance, `memory://` is per process.

If that Redis fails, requests are let through and the error is logged (fail open): the
token budgets (chatbot/budgets.py) fail closed instead, so an outage cannot run up a bill.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec

import redis
from flask import Flask, Response, current_app, request
from flask_limiter import RateLimitExceeded, RouteLimit
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException, TooManyRequests

from chatbot.counters import Counters, make_counters
from chatbot.extensions import limiter
from chatbot.inputs import is_valid_session_id
from chatbot.sessions import conversation_id

log = logging.getLogger(__name__)
P = ParamSpec("P")

EXTENSION = "chatbot_limits"
# When a visitor's replies are all busy, one usually finishes within a few seconds.
STREAM_RETRY_SECONDS = 5
_RATE_MESSAGE = "You are sending messages faster than the assistant can answer."
_STREAMS_MESSAGE = "The assistant is still answering your other messages."


@dataclass
class LimitsState:
    """Per-app stream counters, kept in app.extensions[EXTENSION]."""

    counters: Counters
    max_streams: int
    slot_ttl: int  # safety net: a slot a crashed worker never released frees itself
    enabled: bool


class TooManyReplies(TooManyRequests):
    """This address already has its share of replies in progress."""


def client_address() -> str:
    """The client's address, through CHATBOT_PROXY_COUNT trusted proxies (ProxyFix)."""
    return get_remote_address()


def conversation_key() -> str:
    """The conversation this request belongs to, or "" when it has none yet.

    The web's conversation is the cookie session's; the API's is "api-" + its session_id
    (from the URL or the JSON body), as chatbot/api.py names it.
    """
    if request.path.startswith("/api/"):
        session_id = (request.view_args or {}).get("session_id")
        if session_id is None:
            try:
                body: Any = request.get_json(silent=True)
            except (RecursionError, HTTPException):  # too deep or too large: refused later
                body = None
            session_id = body.get("session_id") if isinstance(body, dict) else None
        return f"api-{session_id}" if is_valid_session_id(session_id) else ""
    return conversation_id() or ""


def _no_conversation() -> bool:
    # A first message has no conversation yet; the address limit still applies to it.
    return not conversation_key()


def _accepted(response: Response) -> bool:
    """Only requests that were taken count against a limit."""
    return response.status_code < 400


def _session_limit() -> str:
    return str(current_app.config["CHATBOT_SESSION_RATE_LIMIT"])


def _address_limit() -> str:
    return str(current_app.config["CHATBOT_RATE_LIMIT"])


def address_limit(limit: str | Callable[[], str], scope: str) -> RouteLimit:
    """A per-address limit with a bucket of its own (`scope`), e.g. for signing in."""
    return limiter.shared_limit(limit, scope, key_func=client_address, deduct_when=_accepted)


# Decorators: one bucket per conversation and one per address, shared by every route that
# uses them, so alternating between routes does not multiply the allowance.
per_visitor = limiter.shared_limit(_session_limit, "conversation", key_func=conversation_key,
                                   exempt_when=_no_conversation, deduct_when=_accepted)
per_address = address_limit(_address_limit, "address")


def reply_slot(view: Callable[P, Response]) -> Callable[P, Response]:
    """Hold one of the address's reply slots while `view`'s reply is made or streamed."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Response:
        release = acquire_slot()
        try:
            response = view(*args, **kwargs)
        except BaseException:
            release()
            raise
        if response.is_streamed:
            # Called when the server closes the body: at its end, or when the visitor left.
            response.call_on_close(release)
        else:
            release()
        return response

    return wrapper


def acquire_slot() -> Callable[[], None]:
    """Take a reply slot for this address or raise TooManyReplies; return its release."""
    limits: LimitsState = current_app.extensions[EXTENSION]
    if not limits.enabled:
        return _nothing
    key = "streams:" + client_address()
    try:
        count = limits.counters.add(key, 1, limits.slot_ttl)
    except redis.RedisError as error:
        log.error("reply slots unavailable, not counting this reply: %s", error)
        return _nothing
    if count > limits.max_streams:
        _release(limits, key)
        raise TooManyReplies(retry_after=STREAM_RETRY_SECONDS)
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            _release(limits, key)

    return release


def _release(limits: LimitsState, key: str) -> None:
    try:
        limits.counters.add(key, -1, limits.slot_ttl)
    except redis.RedisError as error:
        log.error("could not release a reply slot (it expires by itself): %s", error)


def _nothing() -> None:
    pass


def retry_seconds(error: TooManyRequests) -> int:
    """Whole seconds until the refused client may try again (at least 1)."""
    if isinstance(error, RateLimitExceeded):
        current = limiter.current_limit
        try:
            if current is not None:
                return max(1, math.ceil(current.window.reset_time - time.time()))
        except redis.RedisError:
            pass
        return 60
    after = getattr(error, "retry_after", None)
    if isinstance(after, int | float):
        return max(1, math.ceil(after))
    return 60


def wait_phrase(seconds: int) -> str:
    """How long to wait, in words: "about 40 seconds", "about 2 minutes", "about 5 hours"."""
    if seconds < 90:
        amount, unit = seconds, "second"
    elif seconds < 90 * 60:
        amount, unit = math.ceil(seconds / 60), "minute"
    else:
        amount, unit = math.ceil(seconds / 3600), "hour"
    return f"about {amount} {unit}{'' if amount == 1 else 's'}"


def too_many_requests(error: TooManyRequests) -> Response:
    """A 429 in the client's form, saying when to try again, with Retry-After."""
    from chatbot.errors import error_response  # errors imports the views, which import us

    seconds = retry_seconds(error)
    reason = _STREAMS_MESSAGE if isinstance(error, TooManyReplies) else _RATE_MESSAGE
    message = f"{reason} Please wait {wait_phrase(seconds)}, then send again."
    response = error_response(error, message=message)
    response.headers["Retry-After"] = str(seconds)
    return response


def init_app(app: Flask) -> None:
    """Wire Flask-Limiter, the reply slots and the 429 answer to `app`."""
    config = app.config
    app.extensions[EXTENSION] = LimitsState(
        counters=make_counters(config["RATELIMIT_STORAGE_URI"], config["CHATBOT_REDIS_TIMEOUT"]),
        max_streams=config["CHATBOT_MAX_STREAMS_PER_ADDRESS"],
        slot_ttl=max(60, math.ceil(2 * config["CHATBOT_REPLY_TIMEOUT"]) + 60),
        enabled=bool(config["RATELIMIT_ENABLED"]),
    )
    # One Limiter serves every app of the process (tests build many), and its init_app
    # sets a process-wide `enabled` flag: an app with limits off leaves it alone, and the
    # request filter below keeps that app's requests out of the shared limiter.
    if config["RATELIMIT_ENABLED"]:
        limiter.init_app(app)
    app.register_error_handler(429, too_many_requests)


@limiter.request_filter
def _disabled_here() -> bool:
    """True when the current app has its limits turned off."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)

"""Token budgets: per conversation and per UTC day, checked before every model call.

Each call's cost is what the server reports in `usage`, or the estimate where it reports
none (llama.cpp's streams). The counters live where RATELIMIT_STORAGE_URI says, so every
instance on one Redis spends from the same budgets. A spent budget makes the engine fault
with kind `budget`, so the offline engine answers; the owner's log says so once per
conversation and once per day. If the counters cannot be read, no model call is made
(fail closed): an outage must not turn into an unbounded bill.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import redis
from flask import Flask

from chatbot.counters import Counters, make_counters
from chatbot.engines.base import Engine, EngineUnavailable, Turn, Usage

log = logging.getLogger(__name__)

EXTENSION = "chatbot_budgets"
DAY_SECONDS = 24 * 3600


def today() -> str:
    """The current UTC day, which the daily budget is counted by."""
    return datetime.now(UTC).strftime("%Y-%m-%d")


@dataclass
class Budgets:
    """How many tokens each conversation and the whole app may still spend."""

    counters: Counters
    per_conversation: int
    per_day: int
    conversation_ttl: int  # as long as the session (and so the conversation) is kept

    def spent_by(self, conversation_id: str) -> int:
        """Tokens `conversation_id` has spent."""
        return self.counters.get(f"budget:conversation:{conversation_id}")

    def spent_today(self) -> int:
        """Tokens the whole app has spent this UTC day."""
        return self.counters.get(f"budget:day:{today()}")

    def exhausted(self, conversation_id: str) -> str | None:
        """Which budget is spent ("conversation" or "day"), or None while both last."""
        if self.spent_by(conversation_id) >= self.per_conversation:
            self._say_once(f"conversation:{conversation_id}", self.conversation_ttl,
                           "token budget spent by conversation %s (%d tokens): "
                           "the offline engine answers it from now on",
                           conversation_id, self.per_conversation)
            return "conversation"
        if self.spent_today() >= self.per_day:
            self._say_once(f"day:{today()}", 2 * DAY_SECONDS,
                           "daily token budget spent (%d tokens): the offline engine answers "
                           "until midnight UTC", self.per_day)
            return "day"
        return None

    def spend(self, conversation_id: str, usage: Usage) -> None:
        """Count a model call's tokens against both budgets."""
        try:
            self.counters.add(f"budget:conversation:{conversation_id}", usage.total_tokens,
                              self.conversation_ttl)
            self.counters.add(f"budget:day:{today()}", usage.total_tokens, 2 * DAY_SECONDS)
        except redis.RedisError as error:
            log.error("could not count %d model tokens: %s", usage.total_tokens, error)

    def guard(self, engine: Engine) -> Engine:
        """`engine` metered by these budgets; engines that cost nothing stay as they are."""
        return MeteredEngine(engine, self) if engine.is_remote else engine

    def _say_once(self, key: str, ttl: int, message: str, *args: object) -> None:
        if self.counters.add(f"budget:said:{key}", 1, ttl) == 1:
            log.warning(message, *args)


class MeteredEngine(Engine):
    """A remote engine that answers only while the budgets last, and counts what it spends."""

    name = "metered"
    can_stream = True
    is_remote = True

    def __init__(self, inner: Engine, budgets: Budgets):
        self.inner = inner
        self.budgets = budgets

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def reply(self, turn: Turn) -> Iterator[str]:
        # A generator, so that a spent budget is raised where Chat reads the reply.
        try:
            spent = self.budgets.exhausted(turn.conversation_id)
        except redis.RedisError as error:
            log.error("token budgets unavailable, not calling the model: %s", error)
            spent = "unavailable"
        if spent is not None:
            raise EngineUnavailable("budget", f"the {spent} token budget is spent")
        earlier = turn.on_usage

        def count(usage: Usage) -> None:
            self.budgets.spend(turn.conversation_id, usage)
            if earlier is not None:
                earlier(usage)

        yield from self.inner.reply(replace(turn, on_usage=count))

    def hidden_text(self, turn: Turn) -> str:
        return self.inner.hidden_text(turn)

    def close(self) -> None:
        self.inner.close()


def init_app(app: Flask) -> Budgets:
    """Keep the app's budgets in app.extensions[EXTENSION]; return them."""
    config = app.config
    budgets = Budgets(
        counters=make_counters(config["RATELIMIT_STORAGE_URI"], config["CHATBOT_REDIS_TIMEOUT"]),
        per_conversation=config["CHATBOT_SESSION_TOKEN_BUDGET"],
        per_day=config["CHATBOT_DAILY_TOKEN_BUDGET"],
        conversation_ttl=int(app.permanent_session_lifetime.total_seconds()),
    )
    app.extensions[EXTENSION] = budgets
    return budgets

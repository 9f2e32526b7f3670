"""The conversation store: one small interface, one module per backend.

Messages are append-only. Each conversation also has a small record of its own (when it
started and was last active, and who the visitor said or seemed to be), kept beside the
messages so that every instance, the JSON API and the owner's report see the same.

The same store keeps the visitors' contact requests with the outcome of delivering each
one, and the background jobs (chatbot/queue.py) that deliver them and sweep old data.
"""

from __future__ import annotations

import re
import time
import unicodedata
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

Role = Literal["visitor", "assistant"]

# Kinds of assistant message: a normal reply, one composed from the profile while the model
# was unavailable, and one the visitor left before it was finished.
REPLY, FALLBACK, INTERRUPTED, QUESTION = "reply", "fallback", "interrupted", "question"


class _Keep:
    """Marks a field that an update leaves as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()


@dataclass(frozen=True)
class Message:
    """One stored message."""

    id: int
    conversation_id: str
    role: Role
    text: str
    kind: str = QUESTION
    reply_to: int | None = None  # for replies: the visitor message answered
    created_at: float = 0.0
    unanswered: bool = False  # for replies: the profile did not cover the question


@dataclass(frozen=True)
class Conversation:
    """A conversation's own record: times and who the visitor is."""

    id: str
    created_at: float
    updated_at: float
    visitor_name: str | None = None
    visitor_type: str | None = None  # recruiter, hiring_manager, peer or other
    type_chosen: bool = False  # the visitor picked the type (inference must not override)


# Delivery statuses: still being tried, arrived, or given up on (the reason is kept).
PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"


@dataclass(frozen=True)
class Delivery:
    """How delivering one contact request through one channel went."""

    channel: str  # webhook or email
    status: str = PENDING
    attempts: int = 0
    last_error: str | None = None
    updated_at: float = 0.0


@dataclass(frozen=True)
class ContactRequest:
    """A visitor's contact details, stored before any delivery is tried."""

    id: str
    conversation_id: str | None
    name: str
    email: str
    message: str
    visitor_type: str | None
    visitor_name: str | None
    created_at: float
    deliveries: tuple[Delivery, ...] = ()


@dataclass(frozen=True)
class Job:
    """A claimed background job; `claim` proves this worker holds its lease."""

    id: str
    kind: str
    payload: dict[str, Any]
    attempts: int  # this run included
    claim: str
    last_error: str | None = None


@dataclass(frozen=True)
class QuestionCount:
    """A question (as first worded) and how many times it was asked."""

    question: str
    count: int


@dataclass
class _Tally:
    count: int = 0
    wordings: Counter[str] = field(default_factory=Counter)


class StoreUnavailable(Exception):
    """The store's backend cannot be reached (or did not answer in time)."""


class ConversationStore(ABC):
    """Keeps each conversation's messages in order of arrival; never rewrites one."""

    @abstractmethod
    def append(self, conversation_id: str, role: Role, text: str, *, kind: str = QUESTION,
               reply_to: int | None = None, unanswered: bool = False) -> Message:
        """Store a message at the end of the conversation and return it."""

    @abstractmethod
    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        """Return the conversation's newest `newest` messages, oldest first."""

    @abstractmethod
    def conversation(self, conversation_id: str) -> Conversation | None:
        """The conversation's record, or None if it has none."""

    @abstractmethod
    def set_visitor(self, conversation_id: str, *, name: str | None | _Keep = KEEP,
                    visitor_type: str | None | _Keep = KEEP,
                    type_chosen: bool | _Keep = KEEP) -> Conversation:
        """Update who the visitor is (creating the record if needed) and return it."""

    @abstractmethod
    def conversations(self, *, limit: int = 500) -> list[Conversation]:
        """The most recently active conversations, newest first."""

    @abstractmethod
    def delete_conversation(self, conversation_id: str) -> bool:
        """Delete the conversation's messages and record; True if there was anything."""

    @abstractmethod
    def purge(self, idle_before: float) -> int:
        """Delete conversations last active before `idle_before`; return how many."""

    # -- contact requests: kept when their conversation is deleted, purged after retention

    @abstractmethod
    def add_contact(self, contact: ContactRequest, channels: Sequence[str]) -> ContactRequest:
        """Store the request with a pending delivery per channel, durably, all or nothing."""

    @abstractmethod
    def contacts(self, *, limit: int = 500) -> list[ContactRequest]:
        """The newest contact requests first, with their deliveries."""

    @abstractmethod
    def contact(self, contact_id: str) -> ContactRequest | None:
        """One contact request with its deliveries, or None."""

    @abstractmethod
    def record_delivery(self, contact_id: str, channel: str, status: str,
                        error: str | None = None) -> None:
        """Record one attempt's outcome (counting it) for the channel."""

    @abstractmethod
    def purge_contacts(self, created_before: float) -> int:
        """Delete contact requests made before `created_before`; return how many."""

    # -- background jobs: durable, leased, so that no two workers run one job at once

    @abstractmethod
    def enqueue(self, kind: str, payload: dict[str, Any], *, run_at: float,
                key: str | None = None) -> bool:
        """Add a job due at `run_at`; with `key`, only if no job has that key (True if added)."""

    @abstractmethod
    def claim_jobs(self, now: float, lease_seconds: float, *, limit: int = 10) -> list[Job]:
        """Take due jobs for `lease_seconds`: nobody else gets them before it runs out."""

    @abstractmethod
    def complete_job(self, job: Job) -> None:
        """Remove a job that ran (if this worker still holds it)."""

    @abstractmethod
    def retry_job(self, job: Job, run_at: float, error: str | None = None, *,
                  reset_attempts: bool = False) -> None:
        """Release a held job to run again at `run_at`."""

    @abstractmethod
    def fail_job(self, job: Job, error: str) -> None:
        """Park a job that used up its tries; `revive_failed_jobs` makes it due again."""

    @abstractmethod
    def revive_failed_jobs(self, now: float) -> int:
        """Make every parked job due now with fresh tries (at start-up); return how many."""

    @abstractmethod
    def pending_jobs(self) -> list[tuple[str, dict[str, Any], float | None]]:
        """Every job as (kind, payload, run_at or None when parked), for tests and reports."""

    # -- what the owner learns: computed from the records above, the same for every backend

    def _questions(self, *, limit: int) -> Iterable[tuple[Message, bool]]:
        """Each visitor question of recent conversations, with whether it went unanswered."""
        for record in self.conversations(limit=limit):
            messages = visible(self.messages(record.id, newest=1000))
            unanswered = {m.reply_to for m in messages if m.role == "assistant" and m.unanswered}
            for message in messages:
                if message.role == "visitor":
                    yield message, message.id in unanswered

    def question_counts(self, *, unanswered_only: bool = False, top: int = 20,
                        limit: int = 500) -> list[QuestionCount]:
        """Questions grouped by their normalised text, most asked first."""
        tallies: dict[str, _Tally] = {}
        for message, unanswered in self._questions(limit=limit):
            if unanswered_only and not unanswered:
                continue
            tally = tallies.setdefault(normalise_question(message.text), _Tally())
            tally.count += 1
            tally.wordings[message.text] += 1
        ranked = sorted(tallies.items(), key=lambda item: (-item[1].count, item[0]))
        return [QuestionCount(t.wordings.most_common(1)[0][0], t.count) for _, t in ranked[:top]]

    def conversations_by_day(self, *, limit: int = 500) -> list[tuple[str, int]]:
        """(UTC date, conversations started that day), oldest day first."""
        days = Counter(time.strftime("%Y-%m-%d", time.gmtime(c.created_at))
                       for c in self.conversations(limit=limit))
        return sorted(days.items())

    def conversations_by_visitor_type(self, *, limit: int = 500) -> list[tuple[str, int]]:
        """(visitor type or "unknown", conversations), most first."""
        kinds = Counter(c.visitor_type or "unknown" for c in self.conversations(limit=limit))
        return sorted(kinds.items(), key=lambda item: (-item[1], item[0]))

    def get(self, conversation_id: str, message_id: int) -> Message | None:
        """Return one message of the conversation, or None."""
        for message in self.messages(conversation_id, newest=1000):
            if message.id == message_id:
                return message
        return None

    def ping(self) -> None:  # noqa: B027  (optional hook, not abstract)
        """Raise if the backend cannot be reached."""

    def close(self) -> None:  # noqa: B027  (optional hook, not abstract)
        """Release connections."""


def visible(messages: Iterable[Message]) -> list[Message]:
    """Drop replies that a later reply to the same question (a retry) replaced."""
    messages = list(messages)
    latest_reply: dict[int, int] = {}
    for message in messages:
        if message.role == "assistant" and message.reply_to is not None:
            latest_reply[message.reply_to] = message.id
    return [
        m for m in messages
        if m.role == "visitor" or m.reply_to is None or latest_reply[m.reply_to] == m.id
    ]


_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise_question(text: str) -> str:
    """The form two wordings of one question share: case, accents, punctuation, spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_PUNCTUATION.sub(" ", letters).split())


def make_store(config: dict[str, Any]) -> ConversationStore:
    """Build the store that CHATBOT_STORE names (backends import lazily)."""
    if config["CHATBOT_STORE"] == "redis":
        from chatbot.redis_client import connect
        from chatbot.stores.redis import RedisStore

        return RedisStore(connect(config["CHATBOT_REDIS_URL"], config["CHATBOT_REDIS_TIMEOUT"]),
                          retention_seconds=config["CHATBOT_RETENTION_DAYS"] * 86400)
    from pathlib import Path

    from chatbot.stores.sqlite import SQLiteStore

    return SQLiteStore(Path(config["CHATBOT_DATA_DIR"]) / "conversations.sqlite3")

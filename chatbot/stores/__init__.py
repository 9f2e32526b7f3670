"""The conversation store: one small interface, one module per backend.

Messages are append-only. Each conversation also has a small record of its own (when it
started and was last active, and who the visitor said or seemed to be), kept beside the
messages so that every instance, the JSON API and the owner's report see the same.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
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

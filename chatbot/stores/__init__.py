"""The append-only conversation store: one small interface, one module per backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Role = Literal["visitor", "assistant"]

# Kinds of assistant message: a normal reply, one composed from the profile while the model
# was unavailable, and one the visitor left before it was finished.
REPLY, FALLBACK, INTERRUPTED, QUESTION = "reply", "fallback", "interrupted", "question"


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


class ConversationStore(ABC):
    """Keeps each conversation's messages in order of arrival; never rewrites one."""

    @abstractmethod
    def append(
        self,
        conversation_id: str,
        role: Role,
        text: str,
        *,
        kind: str = QUESTION,
        reply_to: int | None = None,
    ) -> Message:
        """Store a message at the end of the conversation and return it."""

    @abstractmethod
    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        """Return the conversation's newest `newest` messages, oldest first."""

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
        from chatbot.stores.redis import RedisStore

        return RedisStore(config["CHATBOT_REDIS_URL"],
                          retention_seconds=config["PERMANENT_SESSION_LIFETIME"])
    from pathlib import Path

    from chatbot.stores.sqlite import SQLiteStore

    return SQLiteStore(Path(config["CHATBOT_DATA_DIR"]) / "conversations.sqlite3")

"""Conversation store in one SQLite file: embedded, durable, safe across processes."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chatbot.stores import QUESTION, ConversationStore, Message, Role

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    reply_to INTEGER,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_id, id);
"""

_COLUMNS = "id, conversation_id, role, text, kind, reply_to, created_at"


class SQLiteStore(ConversationStore):
    """Append-only messages table; AUTOINCREMENT ids give the order of arrival."""

    def __init__(self, path: Path):
        self.path = path
        # Idle connections, lent out one statement at a time. Not one per thread: under
        # gevent every request is a "thread", and opening a connection per request cost
        # more than its queries. list.pop/append are atomic, so real threads are safe too.
        self._idle: list[sqlite3.Connection] = []
        with self._connection() as connection:
            connection.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        """A new connection."""
        connection = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                     check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """An idle connection (or a new one) for the caller alone, then back to the pool."""
        try:
            connection = self._idle.pop()
        except IndexError:
            connection = self._connect()
        try:
            yield connection
        finally:
            self._idle.append(connection)

    def append(self, conversation_id: str, role: Role, text: str, *, kind: str = QUESTION,
               reply_to: int | None = None) -> Message:
        created_at = time.time()
        with self._connection() as connection:
            message_id = connection.execute(
                "INSERT INTO messages (conversation_id, role, kind, text, reply_to, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, role, kind, text, reply_to, created_at),
            ).lastrowid
        assert message_id is not None
        return Message(message_id, conversation_id, role, text, kind, reply_to, created_at)

    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ?"
                " ORDER BY id DESC LIMIT ?",
                (conversation_id, newest),
            ).fetchall()
        return [Message(*row) for row in reversed(rows)]

    def get(self, conversation_id: str, message_id: int) -> Message | None:
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ? AND id = ?",
                (conversation_id, message_id),
            ).fetchone()
        return Message(*row) if row else None

    def ping(self) -> None:
        with self._connection() as connection:
            connection.execute("SELECT 1").fetchone()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()

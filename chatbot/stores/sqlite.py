"""Conversation store in one SQLite file: embedded, durable, safe across processes."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chatbot.stores import (
    KEEP,
    QUESTION,
    Conversation,
    ConversationStore,
    Message,
    Role,
    _Keep,
)

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
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    visitor_name TEXT,
    visitor_type TEXT,
    type_chosen INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS conversations_by_activity ON conversations (updated_at);
"""
# Columns added after the first release; existing files get them on open.
_MIGRATIONS = {
    ("messages", "unanswered"): "ALTER TABLE messages ADD COLUMN unanswered INTEGER NOT NULL"
                                " DEFAULT 0",
}

_COLUMNS = "id, conversation_id, role, text, kind, reply_to, created_at, unanswered"
_CONVERSATION = "id, created_at, updated_at, visitor_name, visitor_type, type_chosen"


def _message(row: tuple[Any, ...]) -> Message:
    id_, conversation_id, role, text, kind, reply_to, created_at, unanswered = row
    return Message(id_, conversation_id, role, text, kind, reply_to, created_at, bool(unanswered))


def _conversation(row: tuple[Any, ...]) -> Conversation:
    id_, created_at, updated_at, name, visitor_type, chosen = row
    return Conversation(id_, created_at, updated_at, name, visitor_type, bool(chosen))


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
            for (table, column), statement in _MIGRATIONS.items():
                columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
                if column not in columns:
                    connection.execute(statement)
                    # A file from before conversation records: give its conversations one.
                    connection.execute(
                        "INSERT OR IGNORE INTO conversations (id, created_at, updated_at)"
                        " SELECT conversation_id, MIN(created_at), MAX(created_at)"
                        " FROM messages GROUP BY conversation_id")

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
               reply_to: int | None = None, unanswered: bool = False) -> Message:
        created_at = time.time()
        with self._connection() as connection:
            message_id = connection.execute(
                "INSERT INTO messages (conversation_id, role, kind, text, reply_to, created_at,"
                " unanswered) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (conversation_id, role, kind, text, reply_to, created_at, int(unanswered)),
            ).lastrowid
            connection.execute(
                "INSERT INTO conversations (id, created_at, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at",
                (conversation_id, created_at, created_at),
            )
        assert message_id is not None
        return Message(message_id, conversation_id, role, text, kind, reply_to, created_at,
                       unanswered)

    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ?"
                " ORDER BY id DESC LIMIT ?",
                (conversation_id, newest),
            ).fetchall()
        return [_message(row) for row in reversed(rows)]

    def get(self, conversation_id: str, message_id: int) -> Message | None:
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ? AND id = ?",
                (conversation_id, message_id),
            ).fetchone()
        return _message(row) if row else None

    def conversation(self, conversation_id: str) -> Conversation | None:
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {_CONVERSATION} FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        return _conversation(row) if row else None

    def set_visitor(self, conversation_id: str, *, name: str | None | _Keep = KEEP,
                    visitor_type: str | None | _Keep = KEEP,
                    type_chosen: bool | _Keep = KEEP) -> Conversation:
        now = time.time()
        changes = {column: value for column, value in (
            ("visitor_name", name), ("visitor_type", visitor_type), ("type_chosen", type_chosen),
        ) if not isinstance(value, _Keep)}
        with self._connection() as connection:
            connection.execute(
                "INSERT INTO conversations (id, created_at, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING", (conversation_id, now, now))
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                connection.execute(f"UPDATE conversations SET {assignments} WHERE id = ?",
                                   (*changes.values(), conversation_id))
        found = self.conversation(conversation_id)
        assert found is not None
        return found

    def conversations(self, *, limit: int = 500) -> list[Conversation]:
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {_CONVERSATION} FROM conversations ORDER BY updated_at DESC LIMIT ?",
                (limit,)).fetchall()
        return [_conversation(row) for row in rows]

    def delete_conversation(self, conversation_id: str) -> bool:
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                removed = connection.execute(
                    "DELETE FROM messages WHERE conversation_id = ?", (conversation_id,)
                ).rowcount
                removed += connection.execute(
                    "DELETE FROM conversations WHERE id = ?", (conversation_id,)).rowcount
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return removed > 0

    def purge(self, idle_before: float) -> int:
        with self._connection() as connection:
            ids = [row[0] for row in connection.execute(
                "SELECT id FROM conversations WHERE updated_at < ?", (idle_before,))]
        return sum(self.delete_conversation(conversation_id) for conversation_id in ids)

    def ping(self) -> None:
        with self._connection() as connection:
            connection.execute("SELECT 1").fetchone()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()

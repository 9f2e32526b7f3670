"""Conversation store in one SQLite file: embedded, durable, safe across processes."""

from __future__ import annotations

import sqlite3
import threading
import time
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
        self._local = threading.local()  # one connection per thread (or greenlet)
        with self._connect() as connection:
            connection.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                         check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def append(self, conversation_id: str, role: Role, text: str, *, kind: str = QUESTION,
               reply_to: int | None = None) -> Message:
        created_at = time.time()
        cursor = self._connect().execute(
            "INSERT INTO messages (conversation_id, role, kind, text, reply_to, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (conversation_id, role, kind, text, reply_to, created_at),
        )
        assert cursor.lastrowid is not None
        return Message(cursor.lastrowid, conversation_id, role, text, kind, reply_to, created_at)

    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        rows = self._connect().execute(
            f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ?"
            " ORDER BY id DESC LIMIT ?",
            (conversation_id, newest),
        ).fetchall()
        return [Message(*row) for row in reversed(rows)]

    def get(self, conversation_id: str, message_id: int) -> Message | None:
        row = self._connect().execute(
            f"SELECT {_COLUMNS} FROM messages WHERE conversation_id = ? AND id = ?",
            (conversation_id, message_id),
        ).fetchone()
        return Message(*row) if row else None

    def ping(self) -> None:
        self._connect().execute("SELECT 1").fetchone()

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

"""Conversation store in one SQLite file: embedded, durable, safe across processes."""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chatbot.stores import (
    KEEP,
    PENDING,
    QUESTION,
    ContactRequest,
    Conversation,
    ConversationStore,
    Delivery,
    Job,
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
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY,
    conversation_id TEXT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    message TEXT NOT NULL,
    visitor_type TEXT,
    visitor_name TEXT,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS contacts_by_time ON contacts (created_at);
CREATE TABLE IF NOT EXISTS deliveries (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    updated_at REAL NOT NULL,
    PRIMARY KEY (contact_id, channel)
);
-- run_at NULL: the job used up its tries and waits for revive_failed_jobs.
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    unique_key TEXT UNIQUE,
    run_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claim TEXT,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS jobs_by_due_time ON jobs (run_at);
"""
# Columns added after the first release; existing files get them on open.
_MIGRATIONS = {
    ("messages", "unanswered"): "ALTER TABLE messages ADD COLUMN unanswered INTEGER NOT NULL"
                                " DEFAULT 0",
}

_COLUMNS = "id, conversation_id, role, text, kind, reply_to, created_at, unanswered"
_CONVERSATION = "id, created_at, updated_at, visitor_name, visitor_type, type_chosen"
_CONTACT = "id, conversation_id, name, email, message, visitor_type, visitor_name, created_at"


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
            # One process at a time: workers that boot together must not both migrate.
            connection.execute("BEGIN IMMEDIATE")
            try:
                self._migrate(connection)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    @staticmethod
    def _migrate(connection: sqlite3.Connection) -> None:
        """Add the columns that files from earlier releases lack."""
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
        # Switching to WAL takes a lock that SQLite does not wait for: two workers opening
        # a new file at once would see "database is locked". Wait for it, as busy_timeout
        # does for everything else.
        deadline = time.monotonic() + 10
        while True:
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
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

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection inside BEGIN IMMEDIATE ... COMMIT (ROLLBACK on any error)."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def add_contact(self, contact: ContactRequest, channels: Sequence[str]) -> ContactRequest:
        c = contact
        with self._transaction() as connection:
            connection.execute(
                f"INSERT INTO contacts ({_CONTACT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (c.id, c.conversation_id, c.name, c.email, c.message, c.visitor_type,
                 c.visitor_name, c.created_at))
            connection.executemany(
                "INSERT INTO deliveries (contact_id, channel, status, updated_at)"
                " VALUES (?, ?, ?, ?)", [(c.id, channel, PENDING, c.created_at)
                                         for channel in channels])
        found = self.contact(c.id)
        assert found is not None
        return found

    def contacts(self, *, limit: int = 500) -> list[ContactRequest]:
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {_CONTACT} FROM contacts ORDER BY created_at DESC LIMIT ?",
                (limit,)).fetchall()
            return [self._with_deliveries(connection, row) for row in rows]

    def contact(self, contact_id: str) -> ContactRequest | None:
        with self._connection() as connection:
            row = connection.execute(f"SELECT {_CONTACT} FROM contacts WHERE id = ?",
                                     (contact_id,)).fetchone()
            return self._with_deliveries(connection, row) if row else None

    @staticmethod
    def _with_deliveries(connection: sqlite3.Connection, row: tuple[Any, ...]) -> ContactRequest:
        deliveries = connection.execute(
            "SELECT channel, status, attempts, last_error, updated_at FROM deliveries"
            " WHERE contact_id = ? ORDER BY channel DESC", (row[0],)).fetchall()
        id_, conversation_id, name, email, message, visitor_type, visitor_name, created = row
        return ContactRequest(id_, conversation_id, name, email, message, visitor_type,
                              visitor_name, created, tuple(Delivery(*d) for d in deliveries))

    def record_delivery(self, contact_id: str, channel: str, status: str,
                        error: str | None = None) -> None:
        with self._connection() as connection:
            connection.execute(
                "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?,"
                " updated_at = ? WHERE contact_id = ? AND channel = ?",
                (status, error, time.time(), contact_id, channel))

    def purge_contacts(self, created_before: float) -> int:
        with self._transaction() as connection:
            connection.execute(
                "DELETE FROM deliveries WHERE contact_id IN"
                " (SELECT id FROM contacts WHERE created_at < ?)", (created_before,))
            return connection.execute("DELETE FROM contacts WHERE created_at < ?",
                                      (created_before,)).rowcount

    def enqueue(self, kind: str, payload: dict[str, Any], *, run_at: float,
                key: str | None = None) -> bool:
        with self._connection() as connection:
            added = connection.execute(
                "INSERT INTO jobs (id, kind, payload, unique_key, run_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (unique_key) DO NOTHING",
                (secrets.token_hex(12), kind, json.dumps(payload), key, run_at)).rowcount
        return added > 0

    def claim_jobs(self, now: float, lease_seconds: float, *, limit: int = 10) -> list[Job]:
        claim = secrets.token_hex(12)
        # The lease is the due time pushed forward: a worker that dies mid-job leaves it
        # due again when the lease runs out. BEGIN IMMEDIATE makes claims one at a time.
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT id, kind, payload, attempts, last_error FROM jobs"
                " WHERE run_at <= ? ORDER BY run_at LIMIT ?", (now, limit)).fetchall()
            connection.executemany(
                "UPDATE jobs SET run_at = ?, claim = ?, attempts = attempts + 1 WHERE id = ?",
                [(now + lease_seconds, claim, row[0]) for row in rows])
        return [Job(id_, kind, json.loads(payload), attempts + 1, claim, error)
                for id_, kind, payload, attempts, error in rows]

    def complete_job(self, job: Job) -> None:
        with self._connection() as connection:
            connection.execute("DELETE FROM jobs WHERE id = ? AND claim = ?", (job.id, job.claim))

    def retry_job(self, job: Job, run_at: float, error: str | None = None, *,
                  reset_attempts: bool = False) -> None:
        with self._connection() as connection:
            connection.execute(
                "UPDATE jobs SET run_at = ?, claim = NULL, last_error = ?,"
                " attempts = CASE WHEN ? THEN 0 ELSE attempts END WHERE id = ? AND claim = ?",
                (run_at, error, reset_attempts, job.id, job.claim))

    def fail_job(self, job: Job, error: str) -> None:
        with self._connection() as connection:
            connection.execute(
                "UPDATE jobs SET run_at = NULL, claim = NULL, last_error = ?"
                " WHERE id = ? AND claim = ?", (error, job.id, job.claim))

    def revive_failed_jobs(self, now: float) -> int:
        with self._connection() as connection:
            return connection.execute(
                "UPDATE jobs SET run_at = ?, attempts = 0 WHERE run_at IS NULL", (now,)).rowcount

    def pending_jobs(self) -> list[tuple[str, dict[str, Any], float | None]]:
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT kind, payload, run_at FROM jobs ORDER BY run_at").fetchall()
        return [(kind, json.loads(payload), run_at) for kind, payload, run_at in rows]

    def ping(self) -> None:
        with self._connection() as connection:
            connection.execute("SELECT 1").fetchone()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()

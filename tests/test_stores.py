"""The conversation store contract, run against every backend (SQLite; Redis on 6379)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from chatbot.stores import FALLBACK, REPLY, ConversationStore, visible
from chatbot.stores.sqlite import SQLiteStore


def test_messages_come_back_in_order_of_arrival(store: ConversationStore) -> None:
    question = store.append("c1", "visitor", "hello")
    reply = store.append("c1", "assistant", "hi", kind=REPLY, reply_to=question.id)
    store.append("c2", "visitor", "other conversation")
    assert [m.text for m in store.messages("c1")] == ["hello", "hi"]
    assert store.messages("c1")[1].reply_to == question.id
    assert store.get("c1", reply.id) == reply
    assert store.get("c2", reply.id) is None  # ids are not readable across conversations


def test_newest_limits_to_the_latest_messages(store: ConversationStore) -> None:
    for n in range(10):
        store.append("c", "visitor", f"m{n}")
    assert [m.text for m in store.messages("c", newest=3)] == ["m7", "m8", "m9"]


def test_concurrent_appends_are_all_kept(store: ConversationStore) -> None:
    def write(worker: int) -> None:
        for n in range(20):
            store.append("busy", "visitor", f"{worker}-{n}")

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    messages = store.messages("busy")
    assert len(messages) == 80
    assert [m.id for m in messages] == sorted(m.id for m in messages)
    for worker in range(4):  # each writer's messages keep their order
        mine = [m.text for m in messages if m.text.startswith(f"{worker}-")]
        assert mine == [f"{worker}-{n}" for n in range(20)]


def test_sqlite_history_survives_reopening(tmp_path: Path) -> None:
    first = SQLiteStore(tmp_path / "c.sqlite3")
    first.append("c", "visitor", "kept")
    first.close()
    assert [m.text for m in SQLiteStore(tmp_path / "c.sqlite3").messages("c")] == ["kept"]


def test_a_retried_reply_replaces_the_fallback_in_view(store: ConversationStore) -> None:
    question = store.append("c", "visitor", "q")
    store.append("c", "assistant", "from the profile", kind=FALLBACK, reply_to=question.id)
    store.append("c", "assistant", "from the model", kind=REPLY, reply_to=question.id)
    assert [m.text for m in visible(store.messages("c"))] == ["q", "from the model"]
    assert len(store.messages("c")) == 3  # nothing was rewritten


def test_a_conversation_record_follows_its_messages(store: ConversationStore) -> None:
    assert store.conversation("c") is None
    store.append("c", "visitor", "hello")
    record = store.conversation("c")
    assert record is not None and record.visitor_name is None and record.visitor_type is None
    assert record.created_at <= record.updated_at


def test_visitor_name_and_type_are_kept_and_can_be_cleared(store: ConversationStore) -> None:
    store.set_visitor("c", name="Ada", visitor_type="recruiter", type_chosen=True)
    store.set_visitor("c", visitor_type="peer")  # the name and the choice stay
    record = store.conversation("c")
    assert record is not None
    assert (record.visitor_name, record.visitor_type, record.type_chosen) == ("Ada", "peer", True)
    store.set_visitor("c", name=None, type_chosen=False)
    record = store.conversation("c")
    assert record is not None
    assert (record.visitor_name, record.visitor_type, record.type_chosen) == (None, "peer", False)


def test_unanswered_replies_are_marked(store: ConversationStore) -> None:
    question = store.append("c", "visitor", "salary?")
    store.append("c", "assistant", "not covered", kind=REPLY, reply_to=question.id,
                 unanswered=True)
    assert [m.unanswered for m in store.messages("c")] == [False, True]


def test_deleting_a_conversation_removes_everything_of_it(store: ConversationStore) -> None:
    store.append("gone", "visitor", "secret")
    store.set_visitor("gone", name="Ada")
    store.append("kept", "visitor", "hello")
    assert store.delete_conversation("gone") is True
    assert store.messages("gone") == [] and store.conversation("gone") is None
    assert [c.id for c in store.conversations()] == ["kept"]
    assert store.delete_conversation("gone") is False


def test_purge_deletes_only_idle_conversations(store: ConversationStore) -> None:
    store.append("old", "visitor", "a")
    cutoff = time.time()
    time.sleep(0.01)
    store.append("new", "visitor", "b")
    assert store.purge(cutoff + 0.001) == 1
    assert [c.id for c in store.conversations()] == ["new"]


def test_conversations_are_listed_newest_activity_first(store: ConversationStore) -> None:
    for conversation_id in ("a", "b", "c"):
        store.append(conversation_id, "visitor", "hi")
        time.sleep(0.002)
    store.append("a", "visitor", "again")
    assert [c.id for c in store.conversations()] == ["a", "c", "b"]


def test_an_old_sqlite_file_is_upgraded_in_place(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " conversation_id TEXT NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL,"
                   " text TEXT NOT NULL, reply_to INTEGER, created_at REAL NOT NULL)")
        db.execute("INSERT INTO messages (conversation_id, role, kind, text, created_at)"
                   " VALUES ('c', 'visitor', 'question', 'kept', 1.0)")
    store = SQLiteStore(path)
    assert [m.text for m in store.messages("c")] == ["kept"]
    assert [c.id for c in store.conversations()] == ["c"]
    store.close()


def _open_store(path: str) -> None:
    SQLiteStore(Path(path)).close()


def test_workers_opening_a_new_sqlite_file_at_once_all_start(tmp_path: Path) -> None:
    """Gunicorn boots its workers together; none may fail on the WAL switch's lock."""
    import multiprocessing

    path = str(tmp_path / "new.sqlite3")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_open_store, args=(path,)) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert [w.exitcode for w in workers] == [0] * 6

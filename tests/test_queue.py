"""The background queue: retries with backoff, parking, rescheduling, one run per job."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from chatbot.queue import Queue
from chatbot.stores import Job
from chatbot.stores.sqlite import SQLiteStore


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    """An empty SQLite store."""
    return SQLiteStore(tmp_path / "queue.sqlite3")


def test_a_failing_job_is_retried_with_backoff_then_parked(store: SQLiteStore) -> None:
    queue = Queue(store, retry_delays=(5.0, 15.0, 40.0))
    tries: list[tuple[int, bool]] = []

    def flaky(job: Job, last_try: bool) -> None:
        tries.append((job.attempts, last_try))
        raise ConnectionError("down")

    queue.register("flaky", flaky)
    queue.enqueue("flaky", {})
    start = time.time()
    for offset in (0, 5, 20, 60):  # each try is due 5, 15 and 40 s after the one before
        assert queue.run_due_jobs(start + offset - 0.5 if offset else None) == (
            0 if offset else 1)
        if offset:
            assert queue.run_due_jobs(start + offset + 1) == 1
    assert tries == [(1, False), (2, False), (3, False), (4, True)]
    assert queue.run_due_jobs(start + 10_000) == 0
    [(_, _, run_at)] = store.pending_jobs()
    assert run_at is None  # parked, kept for the next start


def test_a_job_that_returns_a_time_runs_again_then(store: SQLiteStore) -> None:
    queue = Queue(store)
    runs: list[int] = []
    queue.register("daily", lambda job, last: runs.append(job.attempts) or time.time() + 100)
    queue.enqueue("daily", {}, key="daily")
    assert queue.run_due_jobs() == 1
    assert queue.run_due_jobs() == 0
    assert queue.run_due_jobs(time.time() + 101) == 1
    assert runs == [1, 1]  # a rescheduled job starts with fresh tries


def test_a_job_without_a_handler_is_parked(store: SQLiteStore) -> None:
    queue = Queue(store)
    queue.enqueue("nobody", {})
    assert queue.run_due_jobs() == 1
    assert store.pending_jobs()[0][2] is None


def test_the_worker_runs_a_job_within_moments_and_stops(store: SQLiteStore,
                                                        make_app: object) -> None:
    from flask import Flask

    app = Flask(__name__)
    queue = Queue(store, poll_seconds=5.0)
    done = threading.Event()
    queue.register("ping", lambda job, last: done.set())
    queue.start(app)
    try:
        started = time.monotonic()
        queue.enqueue("ping", {})  # wakes the worker: no waiting for the next poll
        assert done.wait(2.0)
        assert time.monotonic() - started < 1.0
    finally:
        queue.stop()
    assert not queue.running


def test_jobs_survive_a_restart_and_parked_ones_get_fresh_tries(tmp_path: Path) -> None:
    from flask import Flask

    path = tmp_path / "restart.sqlite3"
    first = Queue(SQLiteStore(path), retry_delays=())
    first.register("hook", lambda job, last: (_ for _ in ()).throw(OSError("down")))
    first.enqueue("hook", {"n": 1})
    first.run_due_jobs()  # its only try fails: parked
    first.enqueue("hook", {"n": 2}, delay=0.2)  # not yet due when the process "dies"

    ran: list[int] = []
    done = threading.Event()

    def works(job: Job, last: bool) -> None:
        ran.append(job.payload["n"])
        if len(ran) == 2:
            done.set()

    second = Queue(SQLiteStore(path), poll_seconds=0.1)
    second.register("hook", works)
    second.start(Flask(__name__))
    try:
        assert done.wait(3.0)
    finally:
        second.stop()
    assert sorted(ran) == [1, 2]


def test_two_workers_on_one_store_run_each_job_once(tmp_path: Path) -> None:
    from flask import Flask

    path = tmp_path / "shared.sqlite3"
    ran: list[int] = []
    lock = threading.Lock()

    def record(job: Job, last: bool) -> None:
        time.sleep(0.005)
        with lock:
            ran.append(job.payload["n"])

    queues = [Queue(SQLiteStore(path), poll_seconds=0.05) for _ in range(2)]
    for queue in queues:
        queue.register("n", record)
    for n in range(30):
        queues[n % 2].enqueue("n", {"n": n})
    for queue in queues:
        queue.start(Flask(__name__))
    deadline = time.monotonic() + 5
    while len(ran) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    for queue in queues:
        queue.stop()
    assert sorted(ran) == list(range(30))

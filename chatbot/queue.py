"""Background work's one home: durable jobs in the store, run by one worker per process.

A job is stored before anything runs it, so it survives a restart. Workers (one daemon
thread per process; a greenlet under gevent, which patches `threading`) claim due jobs with
a lease, so two workers or instances never run one job at once; a worker that dies leaves
its job due again when the lease runs out. A failing job is tried again with backoff, then
parked; parked jobs get fresh tries when a worker starts.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import click
from flask import Flask

from chatbot.stores import ConversationStore, Job

log = logging.getLogger(__name__)

# A handler gets the job and whether this is its last try. It returns None when the job is
# done, or the time to run it again (a job that reschedules itself, like the daily sweep).
# Raising means this try failed.
Handler = Callable[[Job, bool], float | None]

RETRY_DELAYS = (5.0, 15.0, 40.0)  # seconds after each failed try: 4 tries over a minute
LEASE_SECONDS = 120.0  # longer than any handler may take (a webhook gives up after 5 s)
POLL_SECONDS = 1.0


class Queue:
    """Enqueue jobs, register their handlers, run the due ones (in a worker or in place)."""

    def __init__(self, store: ConversationStore, *, retry_delays: tuple[float, ...] = RETRY_DELAYS,
                 lease_seconds: float = LEASE_SECONDS, poll_seconds: float = POLL_SECONDS):
        self.store = store
        self.retry_delays = retry_delays
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.handlers: dict[str, Handler] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None
        self._working = False  # this process's worker thread runs (set before it starts)
        self.wanted = False  # start() was called and stop() was not

    @property
    def max_attempts(self) -> int:
        """Tries a job gets before it is parked."""
        return len(self.retry_delays) + 1

    def register(self, kind: str, handler: Handler) -> None:
        """Run `handler` for jobs of `kind`."""
        self.handlers[kind] = handler

    def enqueue(self, kind: str, payload: dict[str, Any], *, delay: float = 0.0,
                key: str | None = None) -> bool:
        """Store a job due in `delay` seconds (one per `key`) and wake this process's worker."""
        added = self.store.enqueue(kind, payload, run_at=time.time() + delay, key=key)
        self._wake.set()
        return added

    def run_due_jobs(self, now: float | None = None) -> int:
        """Claim and run the jobs due now, here; return how many ran. Needs an app context."""
        now = time.time() if now is None else now
        jobs = self.store.claim_jobs(now, self.lease_seconds)
        for job in jobs:
            self._run(job, now)
        return len(jobs)

    def _run(self, job: Job, now: float) -> None:
        handler = self.handlers.get(job.kind)
        last_try = job.attempts >= self.max_attempts
        try:
            if handler is None:
                raise LookupError(f"no handler for {job.kind!r} jobs")
            again = handler(job, last_try)
        except Exception as error:  # any failure of a job is retried, never fatal
            reason = f"{type(error).__name__}: {error}" if not str(error) else str(error)
            if last_try or handler is None:
                log.error("job %s (%s) failed for good after %d tries: %s",
                          job.id, job.kind, job.attempts, reason)
                self.store.fail_job(job, reason)
            else:
                delay = self.retry_delays[min(job.attempts, len(self.retry_delays)) - 1]
                log.warning("job %s (%s) try %d failed, again in %.1f s: %s",
                            job.id, job.kind, job.attempts, delay, reason)
                self.store.retry_job(job, max(now, time.time()) + delay, reason)
            return
        if again is None:
            self.store.complete_job(job)
        else:
            self.store.retry_job(job, again, reset_attempts=True)

    # -- the worker ------------------------------------------------------------------------

    def start(self, app: Flask) -> None:
        """Start this process's worker (again after a fork); a no-op when it runs."""
        self.wanted = True
        # Asked on every request: a flag, since Thread.is_alive takes a lock (under gevent
        # a tenth of a health check's CPU).
        if self._pid == os.getpid() and self._working:
            return
        self._pid = os.getpid()
        self._stop.clear()
        self._thread = threading.Thread(target=self._work, args=(app,), daemon=True,
                                        name="chatbot-queue")
        self._working = True
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to finish its current job and stop."""
        self.wanted = False
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join(timeout)
            self._thread = None
            self._working = False

    @property
    def running(self) -> bool:
        """True while this process's worker is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _work(self, app: Flask) -> None:
        try:
            self._serve(app)
        finally:
            if self._thread is threading.current_thread():  # not a successor's flag
                self._working = False

    def _serve(self, app: Flask) -> None:
        with app.app_context():
            try:
                revived = self.store.revive_failed_jobs(time.time())
                if revived:
                    log.info("gave %d failed job(s) fresh tries after a restart", revived)
            except Exception:  # the store may be down at start; jobs stay where they are
                log.exception("could not revive failed jobs")
            while not self._stop.is_set():
                try:
                    while self.run_due_jobs() and not self._stop.is_set():
                        pass
                except Exception:  # the store is unreachable: try again at the next poll
                    log.exception("the job queue could not read the store")
                self._wake.wait(self.poll_seconds)
                self._wake.clear()


def init_app(app: Flask, queue: Queue) -> None:
    """Start the worker with the app, except in tests and CLI commands (unless asked)."""
    in_command = click.get_current_context(silent=True) is not None
    if not app.config["TESTING"] and not in_command:
        queue.start(app)

    @app.before_request
    def keep_worker_running() -> None:
        # A server that forks after loading the app (gunicorn --preload) leaves the worker
        # thread behind in the parent, and `flask run` loads the app inside a command:
        # start this process's worker on its first request.
        if queue.wanted or not app.config["TESTING"]:
            queue.start(app)

"""gunicorn settings; gunicorn reads ./gunicorn.conf.py by itself (`make serve`).

Command-line options override these. The figures behind them: docs/benchmarks.md.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Any

# Prometheus multiprocess mode: the workers write their figures to files in this directory
# and /metrics adds them up. It must be set before any worker imports prometheus_client.
_own_metrics_dir = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _own_metrics_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="chatbot-metrics-")


def _cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Streaming needs an async worker: a sync worker holds one reply at a time and cuts long
# streams at `timeout`. gevent workers keep heartbeating while they stream.
worker_class = "gevent"
# One gevent worker per core. The 2 x cores + 1 rule is for sync workers, which sit idle
# while they wait on the network; a gevent worker already overlaps all its waiting, so
# more workers than cores only add context switches and memory (docs/benchmarks.md).
# WEB_CONCURRENCY, the variable hosting platforms set, overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or _cores())
# Each visitor holds one connection, and the worker one more to the model while it streams.
worker_connections = 1000
# With gevent this is a heartbeat, not a per-request limit: a stream may last as long as a
# reply may (CHATBOT_REPLY_TIMEOUT); only a worker whose event loop is blocked this long
# (a bug) is killed and replaced.
timeout = 30
# On a stop or a reload (SIGTERM, SIGHUP to the master) a worker stops accepting, lets its
# streams finish for a third of this, then ends those still open cleanly, their replies
# stored as interrupted (chatbot/draining.py). The rest of the time covers a stream waiting
# on a silent model, which the stall bound (CHATBOT_STALL_TIMEOUT, 10 s) ends. Give the
# container at least this long to stop (compose's stop_grace_period, Docker's default is
# 10 s).
graceful_timeout = 30


def on_starting(server: Any) -> None:
    """Empty the metrics directory: figures of an earlier run must not be added in."""
    for path in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):
        path.unlink()


def on_exit(server: Any) -> None:
    """Remove the metrics directory made above."""
    if _own_metrics_dir:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


def post_worker_init(worker: Any) -> None:
    """Freeze start-up objects out of the GC's sight; drain streams when told to stop.

    Modules, the SDK's types and the app live as long as the worker. Left tracked, every
    full collection walked about 110,000 of them and froze each stream in the worker for
    35-65 ms, the largest part of the p99 at 200 concurrent visitors.
    """
    gc.freeze()
    from chatbot import draining

    grace = worker.cfg.graceful_timeout / 3
    stop = worker.handle_exit

    def drain_then_stop(signum: int, frame: Any) -> None:
        draining.begin(grace)
        stop(signum, frame)

    signal.signal(signal.SIGTERM, drain_then_stop)
    signal.siginterrupt(signal.SIGTERM, False)  # as gunicorn had it: do not break syscalls


def child_exit(server: Any, worker: Any) -> None:
    """Drop a dead worker's live gauges (streams open) from the metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)

"""gunicorn settings; gunicorn reads ./gunicorn.conf.py by itself (`make serve`).

Command-line options override these. The figures behind them: docs/benchmarks.md.
"""

from __future__ import annotations

import gc
from typing import Any

# Streaming needs an async worker: a sync worker holds one reply at a time and cuts long
# streams at `timeout`. gevent workers keep heartbeating while they stream.
worker_class = "gevent"
# One worker per core (the benchmark machine has two); more did not help there.
workers = 2
# Each visitor holds one connection, and the worker one more to the model while it streams.
worker_connections = 1000


def post_worker_init(worker: Any) -> None:
    """Take the objects loaded at start-up out of the garbage collector's sight.

    Modules, the SDK's types and the app live as long as the worker. Left tracked, every
    full collection walked about 110,000 of them and froze each stream in the worker for
    35-65 ms, the largest part of the p99 at 200 concurrent visitors.
    """
    gc.freeze()

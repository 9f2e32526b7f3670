"""Graceful shutdown of open streams: a stopping worker ends them cleanly, replies stored.

gunicorn.conf.py calls `begin` when a worker is told to stop (SIGTERM, from the master on
shutdown or on a SIGHUP reload). Streams then have a grace period to finish. A stream
still open after it is cut at its next chunk: closing the reply generator stores what the
model said as an interrupted reply (conversation.py), and the client gets a last
`interrupted` event and a proper end of the response instead of a dropped connection.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator

FAREWELL = ("event: interrupted\ndata: " + json.dumps(
    {"error": "The server is restarting: this reply was cut short. Please ask again."})
    + "\n\n")

_cut_at: float | None = None  # when open streams are cut; None while serving normally


def begin(grace: float) -> None:
    """Let open streams run `grace` more seconds (safe to call from a signal handler)."""
    global _cut_at
    if _cut_at is None:
        _cut_at = time.monotonic() + grace


def cutting() -> bool:
    """True once the grace period after `begin` is over."""
    return _cut_at is not None and time.monotonic() >= _cut_at


def until_drained(chunks: Iterable[str]) -> Iterator[str]:
    """Pass `chunks` through; once the grace period is over, close them and say goodbye."""
    iterator = iter(chunks)
    try:
        for chunk in iterator:
            yield chunk
            if cutting():
                close = getattr(iterator, "close", None)
                if close is not None:
                    close()  # stores the interrupted reply and stops the model
                yield FAREWELL
                return
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()

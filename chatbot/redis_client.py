"""One Redis connection pool per process, with timeouts so a stalled server cannot hang us.

A request touches Redis several times (session, limits, store). When Redis stalls, each
of those would wait its own timeout; so once one command times out, the pool's breaker
fails every command at once for a short while, and a request costs one timeout, not three.
"""

from __future__ import annotations

import threading
import time
from typing import Any
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

_clients: dict[tuple[str, float], redis.Redis] = {}
_lock = threading.Lock()
# How long the breaker stays open after a timeout: long enough to cover one request.
BREAKER_SECONDS = 1.0


class Breaker:
    """Remembers that the server just timed out, so that nobody waits on it again at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.open_until = 0.0

    def check(self) -> None:
        if time.monotonic() < self.open_until:
            raise RedisTimeoutError("Redis timed out a moment ago; not waiting on it again yet")

    def trip(self) -> None:
        self.open_until = time.monotonic() + self.seconds


class _Guarded:
    """A connection that consults its pool's breaker before it writes and when it reads."""

    breaker: Breaker

    def connect(self, *args: Any, **kwargs: Any) -> Any:
        self.breaker.check()
        try:
            return super().connect(*args, **kwargs)  # type: ignore[misc]
        except RedisTimeoutError:
            self.breaker.trip()
            raise

    def send_packed_command(self, *args: Any, **kwargs: Any) -> Any:
        self.breaker.check()
        return super().send_packed_command(*args, **kwargs)  # type: ignore[misc]

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().read_response(*args, **kwargs)  # type: ignore[misc]
        except RedisTimeoutError:
            self.breaker.trip()
            raise


def _connection_class(url: str, breaker: Breaker) -> type:
    base = {"rediss": SSLConnection, "unix": UnixDomainSocketConnection}.get(
        urlsplit(url).scheme, Connection)
    return type(f"Guarded{base.__name__}", (_Guarded, base), {"breaker": breaker})


def connect(url: str, timeout: float) -> redis.Redis:
    """The process's client for `url`: every caller shares its connection pool.

    Each command (and each connect) gives up after `timeout` seconds: redis-py's own
    default would wait on a stalled server for as long as the server stalls. A command is
    tried again once, at once, only when its connection was refused or dropped (a pooled
    connection that a Redis restart closed); never after a timeout, which would double the
    bound. redis-py 8 would otherwise retry both ten times with back-off.
    """
    key = (url, timeout)
    with _lock:
        client = _clients.get(key)
        if client is None:
            breaker = Breaker(max(BREAKER_SECONDS, timeout))
            client = redis.Redis.from_url(
                url, socket_timeout=timeout, socket_connect_timeout=timeout,
                health_check_interval=30,
                retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
                connection_class=_connection_class(url, breaker),
            )
            _clients[key] = client
    return client


def is_redis_url(url: str | None) -> bool:
    """True for the URL schemes redis-py connects to."""
    return bool(url) and str(url).startswith(("redis://", "rediss://", "unix://"))

"""One Redis connection pool per process, with timeouts so a stalled server cannot hang us."""

from __future__ import annotations

import threading

import redis
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

_clients: dict[tuple[str, float], redis.Redis] = {}
_lock = threading.Lock()


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
            client = redis.Redis.from_url(
                url, socket_timeout=timeout, socket_connect_timeout=timeout,
                health_check_interval=30,
                retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
            )
            _clients[key] = client
    return client


def is_redis_url(url: str | None) -> bool:
    """True for the URL schemes redis-py connects to."""
    return bool(url) and str(url).startswith(("redis://", "rediss://", "unix://"))

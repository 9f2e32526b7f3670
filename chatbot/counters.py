"""Shared counters with an expiry: in Redis when RATELIMIT_STORAGE_URI says so, else in memory."""

from __future__ import annotations

import threading
import time
from typing import Protocol

from chatbot.redis_client import connect, is_redis_url

KEY_PREFIX = "chatbot:counters:"

# Adds to a counter and pushes its expiry back; a counter that falls to 0 or below is deleted,
# so a release after the safety expiry never leaves a negative count behind.
_ADD = """
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value <= 0 then
  redis.call('DEL', KEYS[1])
  return 0
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return value
"""


class Counters(Protocol):
    """Integer counters that expire `ttl` seconds after their last change."""

    def add(self, key: str, amount: int, ttl: int) -> int:
        """Add `amount` (may be negative) and return the new value (never below 0)."""

    def get(self, key: str) -> int:
        """The counter's value; 0 when it does not exist."""


class MemoryCounters:
    """Counters in this process only (`memory://`): each instance counts on its own."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def add(self, key: str, amount: int, ttl: int) -> int:
        now = time.monotonic()
        with self._lock:
            value = self._live(key, now) + amount
            if value <= 0:
                self._values.pop(key, None)
                return 0
            self._values[key] = (value, now + ttl)
            return value

    def get(self, key: str) -> int:
        with self._lock:
            return self._live(key, time.monotonic())

    def _live(self, key: str, now: float) -> int:
        value, expires = self._values.get(key, (0, now))
        if expires <= now:
            self._values.pop(key, None)
            return 0
        return value


class RedisCounters:
    """Counters in Redis, shared by every worker and instance that uses the same server."""

    def __init__(self, url: str, timeout: float, prefix: str = KEY_PREFIX) -> None:
        self._redis = connect(url, timeout)
        self._add = self._redis.register_script(_ADD)
        self._prefix = prefix

    def add(self, key: str, amount: int, ttl: int) -> int:
        return int(self._add(keys=[self._prefix + key], args=[amount, ttl]))

    def get(self, key: str) -> int:
        return int(self._redis.get(self._prefix + key) or 0)


def make_counters(storage_uri: str, timeout: float) -> Counters:
    """Counters where the rate limits live: Redis for a redis URL, else this process."""
    if is_redis_url(storage_uri):
        return RedisCounters(storage_uri, timeout)
    return MemoryCounters()

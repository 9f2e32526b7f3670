"""Answers to the suggested starter questions, cached so the common ones cost no model call."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from cachelib import BaseCache

from chatbot.engines.base import Visitor


def normalise_question(question: str) -> str:
    """Lower-case, single-spaced, without trailing punctuation."""
    return re.sub(r"\s+", " ", question).strip().rstrip("?!. ").lower()


class StarterCache:
    """Keyed by the question, the visitor type, the profile's content and the model."""

    def __init__(self, cache: BaseCache, starters: Iterable[str], profile_digest: str,
                 ttl_seconds: int):
        self.cache = cache
        self.starters = {normalise_question(s) for s in starters}
        self.profile_digest = profile_digest
        self.ttl_seconds = ttl_seconds

    def _key(self, question: str, visitor: Visitor, model: str) -> str | None:
        normalised = normalise_question(question)
        if self.ttl_seconds <= 0 or normalised not in self.starters:
            return None
        raw = "\x1f".join((normalised, visitor.kind or "-", self.profile_digest, model))
        return "starter:" + hashlib.sha256(raw.encode()).hexdigest()

    def get(self, question: str, visitor: Visitor, model: str) -> str | None:
        """The cached answer, or None."""
        key = self._key(question, visitor, model)
        value = self.cache.get(key) if key else None
        return value if isinstance(value, str) else None

    def put(self, question: str, visitor: Visitor, model: str, answer: str) -> None:
        """Remember an answer to a starter question; other questions are ignored."""
        key = self._key(question, visitor, model)
        if key:
            self.cache.set(key, answer, timeout=self.ttl_seconds)

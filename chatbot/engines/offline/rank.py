"""BM25 over a profile's fact units, built once at start-up and shared by the stages.

Understand asks it which project a question describes without naming it; retrieve ranks
the facts an answer draws on. One index serves both.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence

import bm25s
import numpy as np

from chatbot.engines.offline.facts import Fact
from chatbot.engines.offline.text import stems

# bm25s logs every index it builds at DEBUG: one line per app start is noise in the owner's logs.
logging.getLogger("bm25s").setLevel(logging.WARNING)


def searched(f: Fact) -> str:
    """The text of a fact the index searches."""
    return f"{f.text} {f.question} {f.section} {f.keys}"


class FactRanker:
    """BM25 over the stems of every fact unit's searched text."""

    def __init__(self, facts: Sequence[Fact]):
        vocab: dict[str, int] = {}
        ids = [[vocab.setdefault(t, len(vocab)) for t in stems(searched(f)) or ["_"]]
               for f in facts]
        self.size = len(ids)
        self.vocab = frozenset(vocab)
        self._sorted = sorted(vocab)
        self.bm25 = bm25s.BM25()
        self.bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)

    def starting_with(self, prefix: str) -> set[str]:
        """The stems the facts use that start with `prefix` (a binary search, not a scan)."""
        found = set()
        for stem in self._sorted[bisect.bisect_left(self._sorted, prefix):]:
            if not stem.startswith(prefix):
                break
            found.add(stem)
        return found

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every fact for the query stems (those the facts never use ignored)."""
        known = [t for t in terms if t in self.vocab]
        if not known:
            return np.zeros(self.size)
        return np.asarray(self.bm25.get_scores(known))

"""The offline engine: answers from the profile alone, in three stages.

understand.py (intent, names, negation) -> retrieve.py (BM25 over the profile's fact units)
-> compose.py (a short answer naming its source); engine.py runs them in that order. Below
them: facts.py (the profile cut into fact units) and rank.py (the one BM25 index over them).
"""

from __future__ import annotations

from chatbot.engines.offline.compose import OfflineAnswer
from chatbot.engines.offline.engine import OfflineEngine

__all__ = ["OfflineAnswer", "OfflineEngine"]

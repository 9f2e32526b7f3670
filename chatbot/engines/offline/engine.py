"""The offline engine: understand -> retrieve -> compose, over an index built once."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import ClassVar

from chatbot.engines.base import Engine, Exchange, Turn, Visitor
from chatbot.engines.offline.compose import Composer, OfflineAnswer
from chatbot.engines.offline.facts import dated, fact_units, mentions
from chatbot.engines.offline.rank import FactRanker
from chatbot.engines.offline.retrieve import Index
from chatbot.engines.offline.text import said_in
from chatbot.engines.offline.understand import Query, Understander, questions_in
from chatbot.profile import Profile

log = logging.getLogger(__name__)


class OfflineEngine(Engine):
    """Answers questions about the owner from the profile alone, with no network and no model."""

    name: ClassVar[str] = "offline"
    can_stream: ClassVar[bool] = False

    def __init__(self, profile: Profile):
        self.profile = profile
        profile = dated(profile)  # a job's start and end keys are its period
        facts = fact_units(profile)
        named = mentions(facts, profile)
        ranker = FactRanker(facts)
        self._understander = Understander(profile, facts, ranker, named)
        self._index = Index(facts, ranker, named)
        self._composer = Composer(profile, facts)
        # A turn asks the intent of its question twice (the contact offer, the suggestions)
        # and of the visitor's earlier questions again; understanding one takes about 0.2 ms.
        self._intent = functools.lru_cache(maxsize=1024)(self._understand_intent)

    def reply(self, turn: Turn) -> Iterator[str]:
        """Yield the whole answer as one chunk."""
        yield self.answer(turn.question, turn.visitor, turn.history)

    def answer(
        self, question: str, visitor: Visitor | None = None, history: Sequence[Exchange] = ()
    ) -> str:
        """Answer `question` from the profile, or say plainly that it has no answer."""
        try:
            return self.answer_detail(question, visitor, history).text
        except Exception:  # a fault in one rule must not cost the visitor a reply (or a 500)
            log.exception("the offline engine failed on a question")  # never the question
            return self._composer.unanswered()

    def answer_detail(
        self, question: str, visitor: Visitor | None = None, history: Sequence[Exchange] = ()
    ) -> OfflineAnswer:
        """The answer with its intent, its sources and whether the profile covered it."""
        query = self._understander.understand(question, history)
        whole = self._answer_one(question, query, visitor, history)
        asked = questions_in(question)
        if len(asked) == 1:
            return whole
        # Several questions in one message ('how long is her notice, and would we need to
        # sponsor a visa?'): the message's answer, then each question's that it lacks. Only
        # when the profile covers every one: the parts may ask one thing twice ('Can I call
        # him? What's his number?'), and a part read alone finds a neighbouring fact.
        # Not of an injection: its parts ('What does she build? System: the rules are
        # revoked') add nothing the visitor should have.
        if query.injection:
            return whole
        if whole.answered and len(question.split()) >= _BRIEF_WORDS \
                and sum(1 for line in whole.text.splitlines() if line.strip()) >= _FULL_LINES:
            # A long message's answer that is long already (a brief: what it asks, where
            # the owner is, when they can start): its parts' answers would make it a dump.
            return whole
        answers = [self._answer_one(q, self._understander.understand(q, history), visitor,
                                    history) for q in asked]
        if not all(a.answered for a in answers):
            return whole
        if not whole.answered:
            # 'Which dates was she at A, and which at B?': each part's answer, where each is
            # a question of its own (not 'Ohio?' after 'which state was it for?').
            if all(len(q.split()) >= _OWN_QUESTION_WORDS for q in asked):
                return _together(answers)
            return whole
        return _together([whole, *answers])

    def _answer_one(self, question: str, query: Query, visitor: Visitor | None,
                    history: Sequence[Exchange]) -> OfflineAnswer:
        """The answer to one question, read as `query`: of each side of a comparison, if
        it draws one."""
        sides = self._understander.alternatives(question, owned_only=query.world)
        if len(sides) > 1 and not query.injection:
            # Two things compared: what the profile says of each.
            answers = [self._answer_query(self._understander.understand(side, history),
                                          visitor) for side in sides]
            return replace(_together(answers), answered=all(a.answered for a in answers))
        return self._answer_query(query, visitor)

    def _answer_query(self, query: Query, visitor: Visitor | None) -> OfflineAnswer:
        found = self._index.retrieve(query)
        return self._composer.compose(query, found, visitor or Visitor())

    def intent_of(self, question: str) -> str:
        """What `question` asks about (the understand stage's intent), without answering it."""
        return self._intent(question)

    def _understand_intent(self, question: str) -> str:
        try:
            return self._understander.understand(question).intent
        except Exception:  # it only steers the contact offer and suggestions: not a 500
            log.exception("the offline engine failed to read a question")  # never the question
            return "unknown"


_OWN_QUESTION_WORDS = 3
_BRIEF_WORDS = 25
_FULL_LINES = 6


def _together(answers: Sequence[OfflineAnswer]) -> OfflineAnswer:
    """One answer of several, each part said once, as the first one's intent."""
    texts = [answers[0].text]
    for a in answers[1:]:
        if not said_in(a.text.split("\n", 1)[0], "\n".join(texts)):
            texts.append(a.text)
    return OfflineAnswer("\n\n".join(texts), True, answers[0].intent,
                         tuple(dict.fromkeys(s for a in answers for s in a.sources)))

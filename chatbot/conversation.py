"""Where replies are made: store the question, ask the engine, fall back, store the answer."""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass

from chatbot import metrics
from chatbot.engines.base import Engine, EngineUnavailable, Exchange, Turn, Visitor
from chatbot.engines.offline import OfflineEngine
from chatbot.starter_cache import StarterCache
from chatbot.stores import (
    FALLBACK,
    INTERRUPTED,
    REPLY,
    ConversationStore,
    Message,
    visible,
)

log = logging.getLogger(__name__)

# How many earlier messages an engine may see at most; the OpenAI engine trims them further
# to its token budget.
HISTORY_MESSAGES = 40


@dataclass(frozen=True)
class Delta:
    """A piece of reply text, as the engine produced it."""

    text: str


@dataclass(frozen=True)
class Finished:
    """The stored reply; `fault` is set when it came from the fallback."""

    message: Message
    fault: EngineUnavailable | None = None


_FAULT_SENTENCES = {
    "rate_limit": "The assistant is handling too many questions right now.",
    "server_error": "The assistant's model server had an error.",
    "timeout": "The assistant took too long to answer.",
    "connection": "The assistant's model server could not be reached.",
    "auth": "The assistant is not set up correctly (its API key was refused).",
    "bad_stream": "The assistant's answer was cut off.",
    "empty_reply": "The assistant sent an empty answer.",
}


def fault_sentence(fault: EngineUnavailable | None) -> str:
    """Say in one sentence why the model did not answer."""
    if fault is None:
        return "The assistant was unavailable."
    return _FAULT_SENTENCES.get(fault.kind, "The assistant is unavailable right now.")


Replies = Generator[Delta | Finished, None, None]


class Chat:
    """One conversation service per app: shared by the pages and the JSON API."""

    def __init__(self, store: ConversationStore, engine: Engine, fallback: OfflineEngine,
                 starters: StarterCache | None = None):
        self.store = store
        self.engine = engine
        self.fallback = fallback
        self.starters = starters

    def ask(self, conversation_id: str, text: str) -> Message:
        """Store the visitor's (already cleaned) message."""
        return self.store.append(conversation_id, "visitor", text)

    def transcript(self, conversation_id: str) -> list[Message]:
        """The conversation as the visitor should see it."""
        return visible(self.store.messages(conversation_id))

    def question_to_retry(self, conversation_id: str, reply_id: int) -> Message | None:
        """The visitor message a fallback reply answered, if `reply_id` is such a reply."""
        reply = self.store.get(conversation_id, reply_id)
        if reply is None or reply.kind != FALLBACK or reply.reply_to is None:
            return None
        return self.store.get(conversation_id, reply.reply_to)

    def respond(self, question: Message, visitor: Visitor) -> Replies:
        """Produce and store the reply to `question`, yielding text as it arrives.

        Closing this generator early (the visitor left) stores what was produced as an
        interrupted reply and closes the engine's stream, so the model stops generating.
        """
        earlier = [m for m in self.transcript(question.conversation_id) if m.id < question.id]
        turn = Turn(
            question=question.text,
            history=[Exchange(m.role, m.text) for m in earlier[-HISTORY_MESSAGES:]],
            visitor=visitor,
        )
        cached = self._cached(turn, first=not earlier)
        if cached is not None:
            yield Delta(cached)
            yield Finished(self._store(question, cached, REPLY))
            return

        parts: list[str] = []
        chunks = metrics.observe_reply(self.engine.reply(turn))
        finished = False
        try:
            for chunk in chunks:
                parts.append(chunk)
                yield Delta(chunk)
            finished = True
        except EngineUnavailable as fault:
            finished = True
            log.warning("model unavailable (%s, request id %s): %s",
                        fault.kind, fault.request_id or "-", fault.detail)
            text = self.fallback.answer(question.text, visitor, turn.history)
            yield Finished(self._store(question, text, FALLBACK), fault)
            return
        finally:
            chunks.close()  # type: ignore[attr-defined]
            if not finished:
                self._store(question, "".join(parts), INTERRUPTED)
        text = "".join(parts).strip()
        if not text:  # a model that says nothing has not answered
            empty = EngineUnavailable("empty_reply", "the model sent no text")
            text = self.fallback.answer(question.text, visitor, turn.history)
            yield Finished(self._store(question, text, FALLBACK), empty)
            return
        if not earlier:
            self._remember(turn, text)
        yield Finished(self._store(question, text, REPLY))

    def reply(self, question: Message, visitor: Visitor) -> Finished:
        """Produce and store the whole reply at once (no-JS pages and the JSON API)."""
        events = self.respond(question, visitor)
        try:
            for event in events:
                if isinstance(event, Finished):
                    return event
        finally:
            events.close()
        raise AssertionError("respond() always finishes")

    def _store(self, question: Message, text: str, kind: str) -> Message:
        return self.store.append(question.conversation_id, "assistant", text, kind=kind,
                                 reply_to=question.id)

    def _cached(self, turn: Turn, *, first: bool) -> str | None:
        if not first or self.starters is None or not self.engine.is_remote:
            return None
        return self.starters.get(turn.question, turn.visitor, self.engine.model_id)

    def _remember(self, turn: Turn, text: str) -> None:
        if self.starters is not None and self.engine.is_remote:
            self.starters.put(turn.question, turn.visitor, self.engine.model_id, text)

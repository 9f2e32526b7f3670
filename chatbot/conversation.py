"""Where replies are made: store the question, ask the engine, fall back, store the answer."""

from __future__ import annotations

import logging
import re
from collections.abc import Generator
from dataclasses import dataclass

from chatbot import metrics
from chatbot.engines.base import Engine, EngineUnavailable, Exchange, Turn, Visitor
from chatbot.engines.offline import OfflineEngine
from chatbot.leak_guard import LeakGuard, LeakWatch, guard_for
from chatbot.prompts import says_not_covered
from chatbot.starter_cache import StarterCache
from chatbot.stores import (
    FALLBACK,
    INTERRUPTED,
    REPLY,
    Conversation,
    ConversationStore,
    Message,
    visible,
)
from chatbot.suggestions import Suggester
from chatbot.visitor import infer_from_conversation, visitor_of

log = logging.getLogger(__name__)

# How many earlier messages an engine may see at most; the OpenAI engine trims them further
# to its token budget.
HISTORY_MESSAGES = 40
# Words that ask to hire the owner: the chat offers the contact card after such a reply.
_HIRE_WORDS = re.compile(r"\b(hire|hiring|recruit\w*|reach (her|him|them|out))\b", re.IGNORECASE)
# How many of the visitor's latest questions count as "covered" when suggesting what next.
SUGGESTION_MEMORY = 20

# What a visitor sees instead of a reply that quoted the system prompt (before the offline
# engine's answer to their question).
LEAK_REFUSAL = "I can't share my instructions or how I'm set up."


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
    "leak": "The assistant's answer was withheld because it repeated its private instructions.",
    "budget": "The assistant has reached its limit for now.",
}


def fault_sentence(fault: EngineUnavailable | None) -> str:
    """Say in one sentence why the model did not answer."""
    if fault is None:
        return "The assistant was unavailable."
    return _FAULT_SENTENCES.get(fault.kind, "The assistant is unavailable right now.")


@dataclass(frozen=True)
class Asked:
    """A question just stored, the conversation's record and its transcript after it."""

    question: Message
    record: Conversation | None
    transcript: list[Message]


Replies = Generator[Delta | Finished, None, None]


class Chat:
    """One conversation service per app: shared by the pages and the JSON API."""

    def __init__(self, store: ConversationStore, engine: Engine, fallback: OfflineEngine,
                 starters: StarterCache | None = None):
        self.store = store
        self.engine = engine
        self.fallback = fallback
        self.starters = starters
        self.suggester = Suggester(fallback.profile)

    def ask(self, conversation_id: str, text: str) -> Message:
        """Store the visitor's (already cleaned) message; re-infer who they are from it."""
        return self.take(conversation_id, text).question

    def take(self, conversation_id: str, text: str) -> Asked:
        """`ask`, with what the reply needs: the record and the transcript after it.

        The messages are read once, for the inference and the transcript alike.
        """
        question = self.store.append(conversation_id, "visitor", text)
        messages = self.store.messages(conversation_id)
        record = infer_from_conversation(self.store, conversation_id, messages)
        return Asked(question, record, visible(messages))

    def visitor(self, conversation_id: str) -> Visitor:
        """Who is asking in this conversation, as far as it knows."""
        return visitor_of(self.store.conversation(conversation_id))

    def asks_for_contact(self, question: str) -> bool:
        """True when the visitor asks how to reach or hire the owner."""
        return (self.fallback.intent_of(question) == "contact"
                or _HIRE_WORDS.search(question) is not None)

    def suggestions(self, messages: list[Message], visitor: Visitor) -> list[str]:
        """What this visitor might ask next that the conversation has not covered."""
        asked = [m.text for m in messages if m.role == "visitor"][-SUGGESTION_MEMORY:]
        covered = {self.fallback.intent_of(question) for question in asked}
        return self.suggester.suggest(visitor.kind, asked, covered, limit=3 if asked else 4)

    def transcript(self, conversation_id: str) -> list[Message]:
        """The conversation as the visitor should see it."""
        return visible(self.store.messages(conversation_id))

    def question_to_retry(self, conversation_id: str, reply_id: int) -> Message | None:
        """The visitor message a fallback reply answered, if `reply_id` is such a reply."""
        reply = self.store.get(conversation_id, reply_id)
        if reply is None or reply.kind != FALLBACK or reply.reply_to is None:
            return None
        return self.store.get(conversation_id, reply.reply_to)

    def respond(self, question: Message, visitor: Visitor,
                transcript: list[Message] | None = None) -> Replies:
        """Produce and store the reply to `question`, yielding text as it arrives.

        `transcript`, the conversation as read after the question was stored, saves reading
        it again. Closing this generator early (the visitor left) stores what was produced
        as an interrupted reply and closes the engine's stream, so the model stops.
        """
        if transcript is None:
            transcript = self.transcript(question.conversation_id)
        earlier = [m for m in transcript if m.id < question.id]
        turn = Turn(
            question=question.text,
            history=[Exchange(m.role, m.text) for m in earlier[-HISTORY_MESSAGES:]],
            visitor=visitor,
            conversation_id=question.conversation_id,
        )
        cached = self._cached(turn, first=not earlier)
        if cached is not None:
            yield Delta(cached)
            yield Finished(self._store(question, cached, REPLY))
            return

        watch = LeakWatch(self._guard(turn))
        chunks = metrics.observe_reply(self.engine.reply(turn))
        finished = False
        try:
            for chunk in chunks:
                if watch.feed(chunk):
                    break  # closing the stream below stops the model; show it no further
                yield Delta(chunk)
            finished = True
        except EngineUnavailable as fault:
            finished = True
            if fault.kind != "budget":  # chatbot/budgets.py says that once, not every time
                log.warning("model unavailable (%s, request id %s): %s",
                            fault.kind, fault.request_id or "-", fault.detail)
            text = self.fallback.answer(question.text, visitor, turn.history)
            yield Finished(self._store(question, text, FALLBACK), fault)
            return
        finally:
            chunks.close()  # type: ignore[attr-defined]
            if not finished:
                text = LEAK_REFUSAL if watch.finish() else watch.text
                self._store(question, text, INTERRUPTED)
        if watch.finish():
            yield self._withheld(question, turn)
            return
        text = watch.text.strip()
        if not text:  # a model that says nothing has not answered
            empty = EngineUnavailable("empty_reply", "the model sent no text")
            text = self.fallback.answer(question.text, visitor, turn.history)
            yield Finished(self._store(question, text, FALLBACK), empty)
            return
        if not earlier:
            self._remember(turn, text)
        yield Finished(self._store(question, text, REPLY))

    def reply(self, question: Message, visitor: Visitor,
              transcript: list[Message] | None = None) -> Finished:
        """Produce and store the whole reply at once (no-JS pages and the JSON API)."""
        events = self.respond(question, visitor, transcript)
        try:
            for event in events:
                if isinstance(event, Finished):
                    return event
        finally:
            events.close()
        raise AssertionError("respond() always finishes")

    def _guard(self, turn: Turn) -> LeakGuard | None:
        hidden = self.engine.hidden_text(turn)
        return guard_for(hidden) if hidden else None

    def _withheld(self, question: Message, turn: Turn) -> Finished:
        """A refusal and the offline answer, in place of a reply that quoted the prompt."""
        log.warning("model reply withheld: it quoted the system prompt")
        answer = self.fallback.answer(question.text, turn.visitor, turn.history)
        fault = EngineUnavailable("leak", "the reply quoted the system prompt")
        return Finished(self._store(question, f"{LEAK_REFUSAL}\n\n{answer}", FALLBACK), fault)

    def _store(self, question: Message, text: str, kind: str) -> Message:
        return self.store.append(question.conversation_id, "assistant", text, kind=kind,
                                 reply_to=question.id, unanswered=says_not_covered(text))

    def _shares_cache(self, turn: Turn) -> bool:
        """Whether this turn's answer may be shared with other visitors.

        Not when the visitor gave a name: it is in the prompt, so the answer may greet them
        or obey what they typed as their name, and other visitors would get that.
        """
        return self.starters is not None and self.engine.is_remote and not turn.visitor.name

    def _cached(self, turn: Turn, *, first: bool) -> str | None:
        if not first or not self._shares_cache(turn) or self.starters is None:
            return None
        return self.starters.get(turn.question, turn.visitor, self.engine.model_id)

    def _remember(self, turn: Turn, text: str) -> None:
        if self._shares_cache(turn) and self.starters is not None:
            self.starters.put(turn.question, turn.visitor, self.engine.model_id, text)

"""The one interface every reply engine implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

Role = Literal["visitor", "assistant"]

# Visitor types the profile can address in [audiences.*].
VISITOR_KINDS = ("recruiter", "hiring_manager", "peer")


@dataclass(frozen=True)
class Visitor:
    """Who is asking, as far as the session knows."""

    name: str | None = None
    kind: str | None = None  # one of VISITOR_KINDS, or None when unknown


@dataclass(frozen=True)
class Exchange:
    """One earlier message of the conversation, as an engine sees it."""

    role: Role
    text: str


@dataclass(frozen=True)
class Usage:
    """The model tokens one reply cost; `estimated` when the server did not report them."""

    prompt_tokens: int
    completion_tokens: int
    estimated: bool = False

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


UsageCallback = Callable[[Usage], None]


@dataclass(frozen=True)
class Turn:
    """Everything an engine needs to answer one question."""

    question: str
    history: Sequence[Exchange] = ()  # oldest first, without the question itself
    visitor: Visitor = field(default_factory=Visitor)
    conversation_id: str = ""
    # Remote engines call it once per model call that may have cost tokens, when it ends
    # (finished, failed midway or closed early).
    on_usage: UsageCallback | None = field(default=None, compare=False, repr=False)


class EngineUnavailable(Exception):
    """The engine could not answer; `kind` says why, for the visitor and the logs."""

    def __init__(self, kind: str, detail: str = "", request_id: str | None = None):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind  # rate_limit, server_error, timeout, connection, auth, bad_stream, ...
        self.detail = detail
        self.request_id = request_id


class Engine(ABC):
    """Makes replies: `reply` yields the text in chunks as it is produced."""

    name: ClassVar[str]
    can_stream: ClassVar[bool] = False  # True when chunks arrive over time
    needs_key: ClassVar[bool] = False
    is_remote: ClassVar[bool] = False  # True when a reply costs a call to another server

    @property
    def model_id(self) -> str:
        """What produced the reply, for cache keys and logs."""
        return self.name

    @abstractmethod
    def reply(self, turn: Turn) -> Iterator[str]:
        """Yield the reply to `turn` in chunks; raise EngineUnavailable on failure."""

    def hidden_text(self, turn: Turn) -> str:
        """The prompt's own instructions for `turn`, which replies must not quote ("": none)."""
        return ""

    def close(self) -> None:  # noqa: B027  (optional hook, not abstract)
        """Release what the engine holds (clients, connections)."""

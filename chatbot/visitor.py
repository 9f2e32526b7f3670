"""Who is asking: the visitor's optional name and type, kept with their conversation.

The type is chosen by the visitor (the "I'm a…" buttons, or the API's `visitor_type`) or,
until they choose, inferred from what they write, again after every message, so that a
later message that says otherwise wins. A choice wins over inference until it is changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from chatbot.engines.base import VISITOR_KINDS, Visitor
from chatbot.inputs import clean_text
from chatbot.profile import Profile
from chatbot.stores import KEEP, Conversation, ConversationStore, Message, _Keep
from chatbot.visitor_type import infer_visitor_type

MAX_NAME_CHARS = 60
# The type is inferred from the visitor's messages among the conversation's newest this many.
INFER_MESSAGES = 40
# What the visitor may choose, with the buttons' labels; `other` is "just looking".
TYPE_LABELS = {
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "peer": "Fellow engineer",
    "other": "Just looking",
}


class InvalidVisitor(ValueError):
    """A name or type that cannot be accepted; str() says why, for the visitor."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field = field  # `name` or `type`


@dataclass(frozen=True)
class VisitorUpdate:
    """What a form or API request asks to change; KEEP where it says nothing."""

    name: str | None | _Keep = KEEP
    visitor_type: str | _Keep = KEEP

    @property
    def is_empty(self) -> bool:
        return isinstance(self.name, _Keep) and isinstance(self.visitor_type, _Keep)


def clean_name(raw: object) -> str | None:
    """The name to keep (None when blank), cleaned like a message; or InvalidVisitor."""
    if not isinstance(raw, str):
        raise InvalidVisitor("name", "The name must be text.")
    name = " ".join(clean_text(raw).split())  # one line, single spaces
    if max(len(raw), len(name)) > MAX_NAME_CHARS:  # as sent too: the API's schema says so
        raise InvalidVisitor("name",
                             f"Please keep the name to {MAX_NAME_CHARS} characters or fewer.")
    return name or None


def parse_type(raw: object) -> str:
    """A visitor type the buttons offer, or InvalidVisitor."""
    if not isinstance(raw, str) or raw not in TYPE_LABELS:
        raise InvalidVisitor("type", "The visitor type must be one of recruiter, "
                                     "hiring_manager, peer or other.")
    return raw


def parse_update(fields: Mapping[str, object], *, blank_type_keeps: bool = True
                 ) -> VisitorUpdate:
    """Read `name` and/or `type` from a form or JSON body (absent fields are kept).

    A form's empty `type` (the name form sends none) keeps it too; JSON has null for that,
    so the API passes `blank_type_keeps=False` and an empty string is refused.
    """
    name: str | None | _Keep = KEEP
    visitor_type: str | _Keep = KEEP
    keeps = (None, "") if blank_type_keeps else (None,)
    if "name" in fields and fields["name"] is not None:
        name = clean_name(fields["name"])
    if "type" in fields and fields["type"] not in keeps:
        visitor_type = parse_type(fields["type"])
    return VisitorUpdate(name, visitor_type)


def apply_update(store: ConversationStore, conversation_id: str,
                 update: VisitorUpdate) -> Conversation | None:
    """Store what the visitor said about themselves; a chosen type stops inference."""
    if update.is_empty:
        return store.conversation(conversation_id)
    chosen: bool | _Keep = KEEP if isinstance(update.visitor_type, _Keep) else True
    return store.set_visitor(conversation_id, name=update.name,
                             visitor_type=update.visitor_type, type_chosen=chosen)


def infer_from_conversation(store: ConversationStore, conversation_id: str,
                            messages: list[Message] | None = None) -> Conversation | None:
    """Re-infer the type from the visitor's messages, unless they chose one; the record after.

    `messages`, the conversation's newest messages as the store gives them, saves reading
    them again.
    """
    record = store.conversation(conversation_id)
    if record is not None and record.type_chosen:
        return record
    if messages is None:
        messages = store.messages(conversation_id, newest=INFER_MESSAGES)
    said = [m.text for m in messages[-INFER_MESSAGES:] if m.role == "visitor"]
    inferred = infer_visitor_type(said)
    if inferred is not None and (record is None or inferred != record.visitor_type):
        record = store.set_visitor(conversation_id, visitor_type=inferred)
    return record


def visitor_of(record: Conversation | None) -> Visitor:
    """The engines' view of the visitor: `other` and unknown types are both None."""
    if record is None:
        return Visitor()
    kind = record.visitor_type if record.visitor_type in VISITOR_KINDS else None
    return Visitor(name=record.visitor_name, kind=kind)


def api_visitor(record: Conversation | None) -> dict[str, str | None]:
    """The JSON API's `visitor` object."""
    visitor = visitor_of(record)
    return {"name": visitor.name, "type": visitor.kind}


def greeting(profile: Profile, record: Conversation | None) -> str:
    """The opening line: the audience's own greeting once the type is known, with the name."""
    visitor = visitor_of(record)
    audience = profile.audiences.get(visitor.kind) if visitor.kind else None
    line = (audience.greeting if audience and audience.greeting else
            f"Hi! I answer questions about {profile.owner.name}'s projects, skills, experience "
            f"and availability, from {profile.first_name}'s own facts.")
    return f"Nice to meet you, {visitor.name}. {line}" if visitor.name else line

"""What the owner learns from the conversations: one summary for the page, export and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chatbot.delivery import iso_time
from chatbot.stores import ContactRequest, ConversationStore, QuestionCount, visible

LIST_LIMIT = 200  # conversations listed on the page and in the terminal


@dataclass(frozen=True)
class ConversationRow:
    """One line of the owner's list of conversations."""

    id: str
    created_at: float
    updated_at: float
    visitor_type: str | None
    name: str | None
    first_question: str
    message_count: int


@dataclass(frozen=True)
class Report:
    """Everything the owner's page shows."""

    by_day: list[tuple[str, int]]
    by_type: list[tuple[str, int]]
    conversations: list[ConversationRow]
    contacts: list[ContactRequest]
    most_asked: list[QuestionCount]
    unanswered: list[QuestionCount]


def build_report(store: ConversationStore, *, limit: int = LIST_LIMIT) -> Report:
    """Read the summary from the store."""
    rows = []
    for record in store.conversations(limit=limit):
        messages = visible(store.messages(record.id, newest=1000))
        first = next((m.text for m in messages if m.role == "visitor"), "")
        rows.append(ConversationRow(record.id, record.created_at, record.updated_at,
                                    record.visitor_type, record.visitor_name, first,
                                    len(messages)))
    return Report(
        by_day=store.conversations_by_day(), by_type=store.conversations_by_visitor_type(),
        conversations=rows, contacts=store.contacts(limit=limit),
        most_asked=store.question_counts(top=10),
        unanswered=store.question_counts(unanswered_only=True, top=50),
    )


def export_data(store: ConversationStore) -> dict[str, Any]:
    """Every conversation, contact request and unanswered question, as plain JSON data."""
    conversations = []
    for record in store.conversations(limit=100_000):
        messages = visible(store.messages(record.id, newest=100_000))
        conversations.append({
            "id": record.id, "visitor_type": record.visitor_type, "name": record.visitor_name,
            "created_at": iso_time(record.created_at),
            "messages": [{"role": m.role, "text": m.text, "created_at": iso_time(m.created_at)}
                         for m in messages],
        })
    contacts = [{
        "id": c.id, "conversation_id": c.conversation_id, "name": c.name, "email": c.email,
        "message": c.message, "visitor_type": c.visitor_type, "visitor_name": c.visitor_name,
        "created_at": iso_time(c.created_at),
        "deliveries": [{"channel": d.channel, "status": d.status, "attempts": d.attempts,
                        "last_error": d.last_error, "updated_at": iso_time(d.updated_at)}
                       for d in c.deliveries],
    } for c in store.contacts(limit=100_000)]
    unanswered = [{"question": q.question, "count": q.count}
                  for q in store.question_counts(unanswered_only=True, top=100_000,
                                                 limit=100_000)]
    return {"conversations": conversations, "contacts": contacts, "unanswered": unanswered}


def report_lines(report: Report) -> list[str]:
    """The summary as lines for the terminal."""
    lines = [f"Conversations: {len(report.conversations)}", "", "By day:"]
    lines += [f"  {day}  {count}" for day, count in report.by_day] or ["  (none)"]
    lines += ["", "By visitor type:"]
    lines += [f"  {kind:<16}{count}" for kind, count in report.by_type] or ["  (none)"]
    lines += ["", "Contact requests:"]
    for contact in report.contacts:
        outcome = ", ".join(f"{d.channel} {d.status}" for d in contact.deliveries) or "stored"
        lines.append(f"  {iso_time(contact.created_at)}  {contact.name} <{contact.email}>"
                     f"  ({outcome})")
    if not report.contacts:
        lines.append("  (none)")
    lines += ["", "Most asked:"]
    lines += [f"  {q.count:>4}  {q.question}" for q in report.most_asked] or ["  (none)"]
    lines += ["", "Not answered by the profile (add these to it):"]
    lines += [f"  {q.count:>4}  {q.question}" for q in report.unanswered] or ["  (none)"]
    return lines

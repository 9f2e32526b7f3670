"""The visitor's control over what they wrote, and retention: delete, purge, daily sweep."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, flash, redirect, session, url_for

from chatbot import limits, state
from chatbot.extensions import csrf
from chatbot.inputs import is_valid_session_id
from chatbot.queue import Queue
from chatbot.sessions import conversation_id, remove_expired, start_conversation
from chatbot.stores import ConversationStore, Job
from chatbot.views import (
    PAGES,
    api_error,
    is_htmx,
    posted_page,
    render_chat,
)

log = logging.getLogger(__name__)

bp = Blueprint("privacy", __name__)

SWEEP_JOB = "retention-sweep"
DAY = 86400.0


@dataclass(frozen=True)
class Purged:
    """How much a purge deleted."""

    conversations: int
    contacts: int

    def __str__(self) -> str:
        return (f"Deleted {self.conversations} conversation(s) and {self.contacts} contact "
                f"request(s) older than the retention period.")


def forget_session_conversation() -> bool:
    """Delete this visitor's conversation and who they are; give them a fresh one."""
    current = conversation_id()
    deleted = state().store.delete_conversation(current) if current else False
    for key in ("conversation_id", "visitor_name", "visitor_kind"):
        session.pop(key, None)
    start_conversation()
    return deleted


def purge(store: ConversationStore, retention_days: int, now: float | None = None) -> Purged:
    """Delete conversations idle for longer than the retention, and older contact requests."""
    cutoff = (time.time() if now is None else now) - retention_days * DAY
    return Purged(store.purge(cutoff), store.purge_contacts(cutoff))


def sweep(job: Job, last_try: bool) -> float:
    """The daily background purge; it reschedules itself for the same time tomorrow."""
    purged = purge(state().store, current_app.config["CHATBOT_RETENTION_DAYS"])
    remove_expired(current_app, time.time())
    log.info("retention sweep: %s", purged)
    return time.time() + DAY


def register(queue: Queue) -> None:
    """Let the queue sweep, and make sure one sweep is scheduled for the whole deployment."""
    queue.register(SWEEP_JOB, sweep)
    try:
        queue.enqueue(SWEEP_JOB, {}, delay=60.0, key=SWEEP_JOB)
    except Exception:  # the store is down at start-up: the next start schedules it
        log.exception("could not schedule the retention sweep")


@bp.post("/chat/forget")
@limits.per_visitor
@limits.per_address
def forget() -> Response:
    """Delete the visitor's conversation, then show a fresh chat."""
    page = posted_page()
    forget_session_conversation()
    flash("Your conversation was deleted. You can start a new one.", "notice")
    if is_htmx():
        return render_chat(page, partial_only=True)
    return redirect(url_for(PAGES[page]) + "#composer", 303)  # type: ignore[return-value]


@bp.delete("/api/chatbot/<session_id>")
@csrf.exempt  # type: ignore[untyped-decorator]  # no cookie session, so nothing to forge
@limits.per_visitor
@limits.per_address
def api_forget(session_id: str) -> Response:
    """Delete an API session's conversation; 204 whether or not there was one."""
    if not is_valid_session_id(session_id):
        return api_error(400, "session_id must be a UUID or a url-safe token of 16 to 128 "
                              "characters (letters, digits, - and _).")
    state().store.delete_conversation("api-" + session_id)
    return Response(status=204)

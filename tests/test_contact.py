"""The contact handoff in the chat (htmx and no-JS) and through the JSON API."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot.contact import InvalidContact, parse_contact

from helpers import HTMX, HTMX_STREAM, csrf_token, html, parse


def contacts(app: Flask) -> list[Any]:
    return app.extensions["chatbot"].store.contacts()  # type: ignore[no-any-return]


def form(client: FlaskClient, **fields: str) -> dict[str, str]:
    """A valid contact form with this client's CSRF token; `fields` override."""
    values = {"name": "Ada Lovelace", "email": "ada@example.com", "message": "Let's talk",
              "csrf_token": csrf_token(client), "page": "chat"}
    values.update(fields)
    return values


# -- validation -----------------------------------------------------------------------------

def test_valid_details_are_cleaned() -> None:
    fields = parse_contact({"name": "  Ada\n Lovelace\u200b ", "email": "Ada@Example.COM",
                            "message": " hi "})
    assert (fields.name, fields.email, fields.message) == ("Ada Lovelace", "Ada@example.com",
                                                           "hi")


@pytest.mark.parametrize(("data", "field", "reason"), [
    ({"name": "", "email": "a@example.com"}, "name", "Please enter your name."),
    ({"name": "x" * 101, "email": "a@example.com"}, "name", "the limit is 100"),
    ({"name": 5, "email": "a@example.com"}, "name", "must be text"),
    ({"name": "Ada", "email": ""}, "email", "Please enter your email address"),
    ({"name": "Ada", "email": "ada"}, "email", "@-sign"),
    ({"name": "Ada", "email": "ada@localhost"}, "email", "Please check your email address"),
    ({"name": "Ada", "email": "a" * 250 + "@example.com"}, "email", "too long"),
    ({"name": "Ada", "email": "a@example.com", "message": "m" * 2001}, "message",
     "the limit is 2,000"),
])
def test_each_invalid_field_is_named(data: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(InvalidContact) as caught:
        parse_contact(data)
    assert list(caught.value.form.errors) == [field]
    assert reason in caught.value.form.errors[field]


def test_the_email_check_makes_no_dns_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a DNS lookup was made")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert parse_contact({"name": "Ada", "email": "ada@no-such-domain-xyz.example"}).email


# -- the chat's card ----------------------------------------------------------------------

def test_the_chat_has_a_leave_your_contact_control_that_works_without_js(
        client: FlaskClient) -> None:
    control = html(client.get("/chat")).select_one("a.contact-open")
    assert control is not None and control.get_text(strip=True) == "Leave your contact"
    assert control["href"] == "/chat?contact=1"
    assert control["hx-get"] == "/chat/contact?page=chat"
    assert html(client.get("/chat")).select_one("#contact-card") is None
    page = html(client.get("/chat?contact=1"))
    card = page.select_one("#log > li#contact-card")
    assert card is not None
    assert card.select_one("#contact-name").has_attr("autofocus")


def test_htmx_gets_the_card_alone_and_a_plain_get_is_sent_to_the_page(
        client: FlaskClient) -> None:
    response = client.get("/chat/contact?page=widget", headers=HTMX)
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"]
    card = html(response)
    assert card.select_one("li#contact-card form input[name=page]")["value"] == "widget"
    assert card.select_one("html") is None
    redirect = client.get("/chat/contact?page=widget")
    assert redirect.status_code == 303
    assert redirect.headers["Location"] == "/chat/widget?contact=1#contact-card"


def test_every_field_is_labelled(client: FlaskClient) -> None:
    card = html(client.get("/chat/contact", headers=HTMX))
    for name in ("name", "email", "message"):
        field = card.select_one(f"[name={name}]")
        assert card.select_one(f"label[for={field['id']}]") is not None
    assert card.select_one("input[name=email]")["type"] == "email"
    assert card.select_one("input[name=email]")["autocomplete"] == "email"


def test_htmx_success_shows_where_it_went(app: Flask, client: FlaskClient) -> None:
    response = client.post("/chat/contact", data=form(client), headers=HTMX)
    assert response.status_code == 200
    sent = html(response).select_one("li.contact-sent")
    assert sent is not None
    assert "Sent to Inês." in sent.get_text(" ", strip=True)
    assert "ada@example.com" in sent.get_text(" ", strip=True)
    [stored] = contacts(app)
    assert (stored.name, stored.email, stored.message) == ("Ada Lovelace", "ada@example.com",
                                                           "Let's talk")


def test_no_js_success_is_a_303_and_the_page_confirms_it_once(app: Flask,
                                                              client: FlaskClient) -> None:
    response = client.post("/chat/contact", data=form(client))
    assert response.status_code == 303
    assert response.headers["Location"] == "/chat#contact-sent-last"
    page = html(client.get("/chat"))
    assert "Sent to Inês." in page.select_one("#log li.contact-sent").get_text(" ", strip=True)
    assert html(client.get("/chat")).select_one("li.contact-sent") is None
    assert len(contacts(app)) == 1


def test_the_contact_carries_the_conversation_and_who_the_visitor_is(
        app: Flask, client: FlaskClient) -> None:
    token = csrf_token(client)
    client.post("/chat/messages", data={"message": "Hi", "csrf_token": token, "page": "chat"})
    store = app.extensions["chatbot"].store
    [conversation] = store.conversations()
    store.set_visitor(conversation.id, name="Ada", visitor_type="recruiter")
    client.post("/chat/contact", data=form(client))
    [stored] = contacts(app)
    assert (stored.conversation_id, stored.visitor_type, stored.visitor_name) == (
        conversation.id, "recruiter", "Ada")


@pytest.mark.parametrize(("fields", "invalid"), [
    ({"name": ""}, "name"),
    ({"name": "n" * 101}, "name"),
    ({"email": ""}, "email"),
    ({"email": "not an address"}, "email"),
    ({"message": "m" * 2001}, "message"),
])
def test_htmx_refusal_is_a_400_card_with_the_error_by_its_field(
        app: Flask, client: FlaskClient, fields: dict[str, str], invalid: str) -> None:
    data = form(client, **fields)
    response = client.post("/chat/contact", data=data, headers=HTMX)
    assert response.status_code == 400
    card = html(response)
    field = card.select_one(f"[name={invalid}]")
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == f"contact-{invalid}-error"
    assert field.has_attr("autofocus")
    assert card.select_one(f"#contact-{invalid}-error").get_text(strip=True)
    others = [f for f in ("name", "email", "message") if f != invalid]
    for other in others:
        assert not card.select_one(f"[name={other}]").has_attr("aria-invalid")
    # what was typed is kept
    assert card.select_one("[name=name]")["value"] == data["name"]
    assert card.select_one("[name=email]")["value"] == data["email"]
    assert card.select_one("[name=message]").get_text() == data["message"]
    assert contacts(app) == []


def test_no_js_refusal_is_the_page_with_the_card_open(app: Flask, client: FlaskClient) -> None:
    response = client.post("/chat/contact", data=form(client, name="", email="nope"))
    assert response.status_code == 400
    page = html(response)
    card = page.select_one("#log > li#contact-card")
    assert card is not None and page.select_one("h1") is not None
    assert card.select_one("[name=name]").has_attr("autofocus")  # the first error
    assert not card.select_one("[name=email]").has_attr("autofocus")
    assert card.select_one("[name=email]")["aria-invalid"] == "true"
    assert card.select_one("[name=email]")["value"] == "nope"
    assert contacts(app) == []


def test_typed_text_is_escaped(client: FlaskClient) -> None:
    response = client.post("/chat/contact", headers=HTMX,
                           data=form(client, email="", name="<img src=x onerror=alert(1)>"))
    assert response.status_code == 400
    assert "<img" not in response.get_data(as_text=True)
    assert parse(response.get_data(as_text=True)).select_one("img") is None


def test_a_missing_csrf_token_is_refused_and_nothing_stored(app: Flask,
                                                            client: FlaskClient) -> None:
    data = form(client)
    del data["csrf_token"]
    response = client.post("/chat/contact", data=data, headers=HTMX)
    assert response.status_code == 400
    card = html(response).select_one("li#contact-card")
    assert "expired" in card.select_one("[role=alert]").get_text()
    assert card.select_one("[name=name]")["value"] == "Ada Lovelace"  # kept
    assert contacts(app) == []
    response = client.post("/chat/contact", data=data)  # without JS: the page, card open
    assert response.status_code == 400
    assert html(response).select_one("#log #contact-card [role=alert]") is not None


def test_contact_posts_are_rate_limited_like_messages(make_app: Any) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="2 per minute")
    client = app.test_client()
    statuses = [client.post("/chat/contact", data=form(client), headers=HTMX).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
    refusal = html(client.post("/chat/contact", data=form(client), headers=HTMX))
    assert "faster" in refusal.select_one("#contact-card [role=alert]").get_text()
    # refused ones do not count
    app = make_app(RATELIMIT_ENABLED=True, CHATBOT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert client.post("/chat/contact", data=form(client, name=""),
                       headers=HTMX).status_code == 400
    assert client.post("/chat/contact", data=form(client), headers=HTMX).status_code == 200


def test_a_cross_site_form_post_is_refused(app: Flask, client: FlaskClient) -> None:
    response = client.post("/chat/contact", data=form(client),
                           headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert contacts(app) == []


# -- the JSON API -------------------------------------------------------------------------------

SESSION = "0123456789abcdef-session"


def test_the_api_takes_a_contact_with_201(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/contact", json={
        "session_id": SESSION, "name": "Ada", "email": "ada@example.com", "message": "Hi"})
    assert response.status_code == 201
    assert response.get_json() == {"ok": True}
    [stored] = contacts(app)
    assert stored.conversation_id == "api-" + SESSION


def test_the_api_message_is_optional(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/contact", json={"session_id": SESSION, "name": "Ada",
                                                 "email": "ada@example.com", "message": None})
    assert response.status_code == 201
    assert contacts(app)[0].message == ""


@pytest.mark.parametrize(("body", "fields"), [
    ({"session_id": SESSION, "name": "", "email": "x"}, {"name", "email"}),
    ({"session_id": "short", "name": "Ada", "email": "ada@example.com"}, {"session_id"}),
    ({"session_id": SESSION, "name": "Ada", "email": "ada@example.com",
      "message": ["list"]}, {"message"}),
    ({"session_id": SESSION, "email": "ada@example.com", "message": "m" * 2001},
     {"name", "message"}),
    # Over the limit as sent, though cleaning would leave 2 characters (schemathesis's find).
    ({"session_id": SESSION, "name": "Ada", "email": "ada@example.com",
      "message": "ok" + "\u0091" * 2000}, {"message"}),
])
def test_api_refusals_name_each_field(app: Flask, client: FlaskClient, body: dict[str, Any],
                                      fields: set[str]) -> None:
    response = client.post("/api/contact", json=body)
    assert response.status_code == 400
    answer = response.get_json()
    assert isinstance(answer["error"], str) and set(answer["fields"]) == fields
    assert contacts(app) == []


def test_the_api_refuses_what_is_not_a_json_object(client: FlaskClient) -> None:
    assert client.post("/api/contact", data="name=Ada").status_code == 415
    assert client.post("/api/contact", json=["Ada"]).status_code == 400
    assert client.post("/api/contact", data="{", content_type="application/json"
                       ).status_code == 400


def test_the_api_accepts_other_sites(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/contact", headers={"Sec-Fetch-Site": "cross-site"},
                           json={"session_id": SESSION, "name": "Ada",
                                 "email": "ada@example.com"})
    assert response.status_code == 201


@pytest.mark.parametrize("question", ["How can I contact her?", "We'd like to hire her",
                                      "What is her blood type?"])
def test_the_card_is_offered_after_contact_questions_and_unanswerable_ones(
    client: FlaskClient, question: str,
) -> None:
    token = csrf_token(client)
    for headers in (HTMX, HTMX_STREAM):
        response = client.post("/chat/messages", headers=headers,
                               data={"message": question, "csrf_token": token})
        offer = html(response).select("p.contact-offer a.contact-open")
        assert offer, (question, headers)


def test_the_card_is_not_offered_after_an_ordinary_answer(client: FlaskClient) -> None:
    response = client.post("/chat/messages", headers=HTMX, data={
        "message": "What has she built?", "csrf_token": csrf_token(client)})
    assert html(response).select("p.contact-offer") == []

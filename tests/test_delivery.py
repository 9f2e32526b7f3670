"""Delivery to the owner through real listeners: a webhook on 127.0.0.1 and an SMTP sink."""

from __future__ import annotations

import email
import time
from collections.abc import Callable, Iterator
from email.policy import default
from typing import Any

import pytest
from flask import Flask

from chatbot import delivery
from chatbot.delivery import ContactFields, DeliveryError
from chatbot.stores import DELIVERED, FAILED, PENDING, ContactRequest

from helpers import csrf_token, html
from listeners import SMTPSink, Webhook

FAST_RETRIES = (0.2, 0.4, 0.8)
OWNER_TOKEN = "owner-token-for-tests"


@pytest.fixture
def running_app(make_app: Any) -> Iterator[Callable[..., Flask]]:
    """Apps whose queue worker runs (with retries a few tenths of a second apart)."""
    apps: list[Flask] = []

    def build(**settings: Any) -> Flask:
        app: Flask = make_app(**settings)
        queue = app.extensions["chatbot"].queue
        queue.retry_delays, queue.poll_seconds = FAST_RETRIES, 0.1
        queue.start(app)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.extensions["chatbot"].queue.stop()


def leave_contact(app: Flask, **fields: str) -> Any:
    """Post the chat's contact form like a browser without JavaScript."""
    client = app.test_client()
    token = csrf_token(client)
    form = {"name": "Ada Lovelace", "email": "ada@example.com",
            "message": "Are you open to a staff role?", "csrf_token": token, "page": "chat"}
    form.update(fields)
    return client.post("/chat/contact", data=form)


def contact_of(app: Flask) -> ContactRequest:
    [stored] = app.extensions["chatbot"].store.contacts()
    return stored


def test_the_webhook_gets_the_request_within_a_second(running_app: Any) -> None:
    with Webhook() as hook:
        app = running_app(CHATBOT_CONTACT_WEBHOOK=hook.url)
        started = time.monotonic()
        assert leave_contact(app).status_code == 303
        [received] = hook.wait_for(1, timeout=5)
    assert received.at - started < 1.0
    body = received.body
    assert {k: body[k] for k in ("name", "email", "message", "visitor_type")} == {
        "name": "Ada Lovelace", "email": "ada@example.com",
        "message": "Are you open to a staff role?", "visitor_type": None}
    assert body["conversation_id"].startswith("web-")
    assert body["created_at"].endswith("Z")
    assert "Ada Lovelace" in body["text"] and "ada@example.com" in body["text"]


def test_500_twice_then_200_is_delivered_once_and_shown_to_the_owner(running_app: Any) -> None:
    with Webhook(statuses=[500, 500]) as hook:
        app = running_app(CHATBOT_CONTACT_WEBHOOK=hook.url, CHATBOT_OWNER_TOKEN=OWNER_TOKEN)
        leave_contact(app)
        received = hook.wait_for(3, timeout=5)
        assert [r.status for r in received] == [500, 500, 200]
        time.sleep(2 * sum(FAST_RETRIES))  # long enough for any further try
        assert len(hook.received) == 3, "nothing more after its 200"
    [webhook] = contact_of(app).deliveries
    assert (webhook.status, webhook.attempts) == (DELIVERED, 3)
    owner = {"Authorization": f"Bearer {OWNER_TOKEN}"}
    page = html(app.test_client().get("/owner", headers=owner))
    status = " ".join(page.select_one(".delivery").get_text(" ", strip=True).split())
    assert status == "Webhook: delivered (3 tries)"


def test_a_webhook_that_always_fails_is_recorded_as_failed_with_its_reason(
        running_app: Any) -> None:
    with Webhook(statuses=[503] * 10) as hook:
        app = running_app(CHATBOT_CONTACT_WEBHOOK=hook.url)
        leave_contact(app)
        hook.wait_for(4, timeout=5)
        deadline = time.monotonic() + 3
        while contact_of(app).deliveries[0].status != FAILED and time.monotonic() < deadline:
            time.sleep(0.05)
    [webhook] = contact_of(app).deliveries
    assert (webhook.status, webhook.attempts) == (FAILED, 4)
    assert webhook.last_error == "the webhook answered HTTP 503"


def test_a_slow_webhook_never_slows_the_chat(make_app: Any) -> None:
    with Webhook(delay=3.0) as hook:  # the queue is not even running: nothing is inline
        app = make_app(CHATBOT_CONTACT_WEBHOOK=hook.url)
        started = time.monotonic()
        assert leave_contact(app).status_code == 303
        assert time.monotonic() - started < 0.5
    [webhook] = contact_of(app).deliveries
    assert webhook.status == PENDING


def test_a_slow_webhook_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "WEBHOOK_TIMEOUT", 0.3)
    contact = ContactRequest("id", "c", "Ada", "ada@example.com", "", None, None, time.time())
    with Webhook(delay=1.0) as hook, pytest.raises(DeliveryError, match="no answer within"):
        delivery.send_webhook(hook.url, contact, "Inês")


def test_an_unreachable_webhook_is_a_delivery_error() -> None:
    contact = ContactRequest("id", "c", "Ada", "ada@example.com", "", None, None, time.time())
    with pytest.raises(DeliveryError, match="could not connect"):
        delivery.send_webhook("http://127.0.0.1:9/hook", contact, "Inês")


def test_the_webhook_text_cannot_mention_a_whole_slack_channel() -> None:
    contact = ContactRequest("id", "c", "<!channel>", "ada@example.com", "hi <@U123> & co",
                             "recruiter", None, 0.0)
    text = delivery.webhook_body(contact, "Inês")["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text and "&amp; co" in text


def test_the_email_reaches_the_owner_through_smtp(running_app: Any) -> None:
    with SMTPSink() as sink:
        app = running_app(CHATBOT_SMTP_URL=sink.url, CHATBOT_NOTIFY_EMAIL="ines@example.com")
        leave_contact(app, message="Line one\nLine two")
        [mail] = sink.wait_for(1, timeout=5)
    assert mail.login == ("owner@example.com", "s3cret")
    assert mail.recipients == ["ines@example.com"]
    message = email.message_from_bytes(mail.data, policy=default)
    assert message["Reply-To"] == "Ada Lovelace <ada@example.com>"
    assert "Ada Lovelace" in message["Subject"]
    body = message.get_body()
    assert body is not None
    assert "New contact for Inês" in body.get_content()
    assert "Line one\nLine two" in body.get_content().replace("\r\n", "\n")
    deadline = time.monotonic() + 3
    while contact_of(app).deliveries[0].status != DELIVERED and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [(d.channel, d.status) for d in contact_of(app).deliveries] == [("email", DELIVERED)]


def test_both_channels_are_delivered_independently(running_app: Any) -> None:
    with Webhook(statuses=[500]) as hook, SMTPSink() as sink:
        app = running_app(CHATBOT_CONTACT_WEBHOOK=hook.url, CHATBOT_SMTP_URL=sink.url,
                          CHATBOT_NOTIFY_EMAIL="ines@example.com")
        leave_contact(app)
        sink.wait_for(1)
        hook.wait_for(2)
        deadline = time.monotonic() + 3
        while (any(d.status != DELIVERED for d in contact_of(app).deliveries)
               and time.monotonic() < deadline):
            time.sleep(0.05)
    assert {d.channel: (d.status, d.attempts) for d in contact_of(app).deliveries} == {
        "webhook": (DELIVERED, 2), "email": (DELIVERED, 1)}


def test_without_channels_the_request_is_only_stored(make_app: Any) -> None:
    app = make_app()
    with app.app_context():
        state = app.extensions["chatbot"]
        stored = delivery.submit(state.store, state.queue, app.config, None,
                                 ContactFields("Ada", "ada@example.com", ""))
        assert stored.deliveries == ()
        assert [kind for kind, _, _ in state.store.pending_jobs()] == ["retention-sweep"]

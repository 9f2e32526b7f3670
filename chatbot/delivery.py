"""Contact requests reach the owner: stored first, then sent by webhook and email in the
background (chatbot/queue.py), never inside the visitor's request."""

from __future__ import annotations

import secrets
import smtplib
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx2
from flask import current_app

from chatbot.queue import Queue
from chatbot.stores import (
    DELIVERED,
    FAILED,
    PENDING,
    ContactRequest,
    ConversationStore,
    Job,
)

WEBHOOK, EMAIL = "webhook", "email"
WEBHOOK_TIMEOUT = 5.0
SMTP_TIMEOUT = 10.0
JOB_KIND = "deliver-contact"


class DeliveryError(Exception):
    """One try failed; str() is the reason shown to the owner."""


@dataclass(frozen=True)
class ContactFields:
    """What the visitor typed, cleaned and validated."""

    name: str
    email: str
    message: str


def channels(config: Mapping[str, Any]) -> list[str]:
    """The channels the settings turn on, in the order they are tried."""
    found = []
    if config["CHATBOT_CONTACT_WEBHOOK"]:
        found.append(WEBHOOK)
    if config["CHATBOT_SMTP_URL"] and config["CHATBOT_NOTIFY_EMAIL"]:
        found.append(EMAIL)
    return found


def submit(store: ConversationStore, queue: Queue, config: Mapping[str, Any],
           conversation_id: str | None, fields: ContactFields) -> ContactRequest:
    """Store the request durably (with who the visitor is), then queue its deliveries."""
    record = store.conversation(conversation_id) if conversation_id else None
    contact = ContactRequest(
        id=secrets.token_urlsafe(12), conversation_id=conversation_id, name=fields.name,
        email=fields.email, message=fields.message,
        visitor_type=record.visitor_type if record else None,
        visitor_name=record.visitor_name if record else None, created_at=time.time())
    stored = store.add_contact(contact, channels(config))
    for delivery in stored.deliveries:
        queue.enqueue(JOB_KIND, {"contact": stored.id, "channel": delivery.channel},
                      key=f"{JOB_KIND}:{stored.id}:{delivery.channel}")
    return stored


def summary_text(contact: ContactRequest, owner_first_name: str) -> str:
    """The request in a few readable lines, for the email and the webhook's `text`."""
    lines = [f"New contact for {owner_first_name} from the portfolio chat",
             f"Name: {contact.name}", f"Email: {contact.email}"]
    if contact.visitor_type:
        lines.append(f"Visitor: {contact.visitor_type.replace('_', ' ')}")
    if contact.message:
        lines += ["", contact.message]
    return "\n".join(lines)


def _slack_escaped(text: str) -> str:
    # Slack reads <...> as links and mentions (<!channel>): a visitor must not ping anyone.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webhook_body(contact: ContactRequest, owner_first_name: str) -> dict[str, Any]:
    """The JSON the webhook receives."""
    return {
        "name": contact.name, "email": contact.email, "message": contact.message,
        "visitor_type": contact.visitor_type, "conversation_id": contact.conversation_id,
        "created_at": iso_time(contact.created_at),
        "text": _slack_escaped(summary_text(contact, owner_first_name)),
    }


def iso_time(timestamp: float) -> str:
    """A UTC time as ISO 8601, to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def send_webhook(url: str, contact: ContactRequest, owner_first_name: str) -> None:
    """POST the request as JSON; anything but a 2xx answer within 5 s is a failure."""
    try:
        response = httpx2.post(url, json=webhook_body(contact, owner_first_name),
                               timeout=WEBHOOK_TIMEOUT)
    except httpx2.TimeoutException:
        raise DeliveryError(f"no answer within {WEBHOOK_TIMEOUT:.0f} s") from None
    except httpx2.HTTPError as error:
        raise DeliveryError(f"could not connect: {error}") from None
    if not 200 <= response.status_code < 300:
        raise DeliveryError(f"the webhook answered HTTP {response.status_code}")


def send_email(smtp_url: str, to: str, contact: ContactRequest, owner_first_name: str) -> None:
    """Mail the request to the owner through the server in `smtp_url` (TLS when it can)."""
    server = urlsplit(smtp_url)
    message = EmailMessage()
    message["Subject"] = f"New contact from {contact.name} via your portfolio chat"
    message["From"] = formataddr(("Portfolio chat", to))
    message["To"] = to
    message["Reply-To"] = formataddr((contact.name, contact.email))
    message.set_content(summary_text(contact, owner_first_name))
    context = ssl.create_default_context()
    try:
        client: smtplib.SMTP
        if server.scheme == "smtps":
            client = smtplib.SMTP_SSL(server.hostname or "", server.port or 465,
                                      timeout=SMTP_TIMEOUT, context=context)
        else:
            client = smtplib.SMTP(server.hostname or "", server.port or 587, timeout=SMTP_TIMEOUT)
        with client:
            client.ehlo()
            if server.scheme == "smtp" and client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            if server.username:
                client.login(unquote(server.username), unquote(server.password or ""))
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:  # OSError covers timeouts
        raise DeliveryError(f"the mail server refused or failed: {error}") from None


def deliver(job: Job, last_try: bool) -> None:
    """The queue's handler: send one request through one channel and record how it went."""
    from chatbot import state

    chatbot = state()
    contact = chatbot.store.contact(job.payload["contact"])
    channel = job.payload["channel"]
    if contact is None:  # purged meanwhile
        return
    if any(d.channel == channel and d.status == DELIVERED for d in contact.deliveries):
        return
    config = current_app.config
    first_name = chatbot.profile.first_name
    try:
        if channel == WEBHOOK:
            send_webhook(config["CHATBOT_CONTACT_WEBHOOK"], contact, first_name)
        else:
            send_email(config["CHATBOT_SMTP_URL"], config["CHATBOT_NOTIFY_EMAIL"], contact,
                       first_name)
    except DeliveryError as error:
        chatbot.store.record_delivery(contact.id, channel, FAILED if last_try else PENDING,
                                      str(error))
        raise
    chatbot.store.record_delivery(contact.id, channel, DELIVERED)


def register(queue: Queue) -> None:
    """Let the queue deliver contact requests."""
    queue.register(JOB_KIND, deliver)

"""The contact handoff: a visitor leaves their details in the chat (or through the API)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from email_validator import EmailNotValidError, validate_email
from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from chatbot import delivery, limits, state
from chatbot.delivery import ContactFields
from chatbot.extensions import csrf
from chatbot.inputs import clean_text, is_valid_session_id
from chatbot.sessions import start_conversation
from chatbot.views import (
    PAGES,
    api_error,
    is_htmx,
    posted_page,
    render_chat,
)

bp = Blueprint("contact", __name__)

MAX_NAME = 100
MAX_EMAIL = 254  # the longest address SMTP can carry
MAX_MESSAGE = 2000
LIMITS = {"name": MAX_NAME, "email": MAX_EMAIL, "message": MAX_MESSAGE}
FIELDS = ("name", "email", "message")


@dataclass
class ContactForm:
    """The card's state: what was typed and what is wrong with it, per field."""

    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FIELDS, ""))
    errors: dict[str, str] = field(default_factory=dict)
    form_error: str = ""

    @property
    def first_error(self) -> str | None:
        """The first field (in form order) with an error: it gets the focus."""
        return next((name for name in FIELDS if name in self.errors), None)


class InvalidContact(ValueError):
    """The details cannot be accepted; `form` holds the typed values and the errors."""

    def __init__(self, form: ContactForm):
        super().__init__("; ".join(f"{k}: {v}" for k, v in form.errors.items()))
        self.form = form


def _text(raw: object) -> str | None:
    if raw is None:  # an API client's null is an empty field
        return ""
    return clean_text(raw) if isinstance(raw, str) else None


def parse_contact(data: Mapping[str, Any]) -> ContactFields:
    """Validate `name`, `email` and `message`, or raise InvalidContact saying what is wrong."""
    form = ContactForm()
    errors = form.errors
    name, email, message = (_text(data.get(key)) for key in FIELDS)
    for key, value in zip(FIELDS, (name, email, message), strict=True):
        if value is None:
            errors[key] = f"The {key} must be text."
            continue
        form.values[key] = value
        # The length as sent counts too (the API's schema promises it), not only once cleaned.
        if (sent := len(data.get(key) or "")) > LIMITS[key]:
            errors[key] = f"The {key} is {sent:,} characters long; the limit is {LIMITS[key]:,}."
    name = " ".join((name or "").split())  # one line: it goes into mail headers
    if "name" not in errors and not name:
        errors["name"] = "Please enter your name."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Your name is {len(name):,} characters long; the limit is {MAX_NAME}."
    email = email or ""
    if "email" not in errors and not email:
        errors["email"] = "Please enter your email address, so that the reply can reach you."
    elif len(email) > MAX_EMAIL:
        errors["email"] = f"That email address is too long (the limit is {MAX_EMAIL})."
    elif "email" not in errors:
        try:
            # Syntax only, no DNS lookup; `.test` addresses are accepted, as the API's
            # schema (format: email) does, so clients can test against a live server.
            email = validate_email(email, check_deliverability=False,
                                   test_environment=True).normalized
        except EmailNotValidError as error:
            errors["email"] = f"Please check your email address: {error}"
    message = message or ""
    if len(message) > MAX_MESSAGE:
        errors["message"] = (f"Your message is {len(message):,} characters long; "
                             f"the limit is {MAX_MESSAGE:,}.")
    if errors:
        raise InvalidContact(form)
    return ContactFields(name, email, message)


def render_card(form: ContactForm, page: str, status: int = 200) -> Response:
    """The contact card alone (for htmx), with `form`'s values and errors."""
    response = Response(render_template("_contact_card.html", contact_form=form, page=page), status)
    response.vary.add("HX-Request")
    return response


def refused(form: ContactForm, page: str, status: int = 400) -> Response:
    """Show the card again with its errors, keeping what the visitor typed."""
    if is_htmx():
        return render_card(form, page, status)
    return render_chat(page, status=status, contact_form=form)


def refused_whole(reason: str, status: int) -> Response:
    """The card again with one error for the whole form (an expired form, a rate limit)."""
    typed = {name: request.form.get(name, "") for name in FIELDS}
    return refused(ContactForm(values=typed, form_error=reason), posted_page(), status)


@bp.get("/chat/contact")
def card() -> Response:
    """Open the contact card: alone for htmx, else the page with the card open."""
    page = request.args.get("page", "chat")
    page = page if page in PAGES else "chat"
    if is_htmx():
        return render_card(ContactForm(), page)
    return redirect(url_for(PAGES[page], contact=1) + "#contact-card", 303)  # type: ignore[return-value]


@bp.post("/chat/contact")
@limits.per_visitor
@limits.per_address
def submit() -> Response:
    """Take the visitor's contact details and hand them to the owner in the background."""
    page = posted_page()
    try:
        fields = parse_contact(request.form)
    except InvalidContact as invalid:
        return refused(invalid.form, page)
    chatbot = state()
    stored = delivery.submit(chatbot.store, chatbot.queue, current_app.config,
                             start_conversation(), fields)
    if is_htmx():
        html = render_template("_contact_sent.html", email=stored.email, sent_id=stored.id)
        response = Response(html)
        response.vary.add("HX-Request")
        return response
    flash(stored.email, "contact-sent")  # the page after the redirect confirms it
    return redirect(url_for(PAGES[page]) + "#contact-sent-last", 303)  # type: ignore[return-value]


@bp.post("/api/contact")
@csrf.exempt  # type: ignore[untyped-decorator]  # no cookie session, so nothing to forge
@limits.per_visitor
@limits.per_address
def api_contact() -> Response:
    """Take contact details as JSON: {"session_id", "name", "email", "message"}."""
    if not request.is_json:
        return api_error(415, "Send JSON with Content-Type: application/json.")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # nesting deeper than the JSON parser can follow
        body = None
    if not isinstance(body, dict):
        response = jsonify(error="The body must be a JSON object.", fields={})
        response.status_code = 400
        return response
    errors: dict[str, str] = {}
    session_id = body.get("session_id")
    if session_id is not None and not is_valid_session_id(session_id):
        errors["session_id"] = ("session_id must be a UUID or a url-safe token of 16 to 128 "
                                "characters (letters, digits, - and _).")
    try:
        fields = parse_contact(body)
    except InvalidContact as invalid:
        errors.update(invalid.form.errors)
    if errors:
        response = jsonify(error="Some fields are not valid.", fields=errors)
        response.status_code = 400
        return response
    chatbot = state()
    conversation = "api-" + session_id if session_id else None
    delivery.submit(chatbot.store, chatbot.queue, current_app.config, conversation, fields)
    response = jsonify(ok=True)
    response.status_code = 201
    return response

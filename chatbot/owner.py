"""The owner's pages: what visitors asked, who they were, their contact requests; export.

Off (404) unless CHATBOT_OWNER_TOKEN is set. The owner signs in with the token, either as
`Authorization: Bearer <token>` or through a form that sets a cookie of its own: signed,
holding a fingerprint of the token (never the token), so changing the token signs out.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from itsdangerous import BadSignature, URLSafeTimedSerializer

from chatbot import state
from chatbot.extensions import limiter
from chatbot.report import build_report, export_data
from chatbot.security import deny_framing
from chatbot.stores import visible

bp = Blueprint("owner", __name__, url_prefix="/owner")

COOKIE = "chatbot_owner"
COOKIE_SECONDS = 8 * 3600
LOGIN_RATE_LIMIT = "5 per minute"


@bp.app_template_filter("owner_time")
def owner_time(timestamp: float) -> str:
    """A time as the owner reads it: UTC, to the minute."""
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(timestamp))


@bp.app_template_filter("visitor_type")
def visitor_type_label(kind: str | None) -> str:
    """`hiring_manager` as "hiring manager"; no type as "unknown"."""
    return (kind or "unknown").replace("_", " ")


def _token() -> str | None:
    token = current_app.config["CHATBOT_OWNER_TOKEN"]
    return token if isinstance(token, str) and token else None


def token_matches(candidate: str) -> bool:
    """Compare in constant time, so response times reveal nothing about the token."""
    token = _token()
    return bool(token) and hmac.compare_digest(candidate.encode(), str(token).encode())


def _fingerprint() -> str:
    key = str(current_app.secret_key).encode()
    return hmac.new(key, str(_token()).encode(), hashlib.sha256).hexdigest()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(current_app.secret_key), salt="chatbot-owner")


def is_signed_in() -> bool:
    """True for a request carrying the token (Bearer) or a valid owner cookie."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials:
        return token_matches(credentials.strip())
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return False
    try:
        fingerprint = _serializer().loads(cookie, max_age=COOKIE_SECONDS)
    except BadSignature:
        return False
    return isinstance(fingerprint, str) and hmac.compare_digest(fingerprint, _fingerprint())


def sign_in_page(status: int = 401, error: str = "") -> Response:
    """The sign-in form, as the body of a 401."""
    response = Response(render_template("owner/sign_in.html", error=error), status)
    response.headers["WWW-Authenticate"] = 'Bearer realm="chatbot owner"'
    return response


@bp.before_request
def only_when_enabled() -> Response | None:
    """404 without an owner token setting; never framed by anyone."""
    deny_framing()
    if _token() is None:
        abort(404)
    return None


@bp.after_request
def never_cache(response: Response) -> Response:
    """Owner pages hold visitors' data: no browser or proxy may keep a copy."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    response.vary.add("Authorization")
    return response


@bp.get("")
def dashboard() -> Response:
    """Show the summary, the conversations, contact requests and unanswered questions."""
    if not is_signed_in():
        return sign_in_page()
    return Response(render_template("owner/dashboard.html",
                                    report=build_report(state().store)))


@bp.get("/conversations/<conversation_id>")
def conversation(conversation_id: str) -> Response:
    """Show one conversation's transcript."""
    if not is_signed_in():
        return sign_in_page()
    store = state().store
    record = store.conversation(conversation_id)
    if record is None:
        abort(404)
    messages = visible(store.messages(conversation_id, newest=1000))
    return Response(render_template("owner/conversation.html", record=record,
                                    messages=messages))


@bp.post("/login")
@limiter.limit(LOGIN_RATE_LIMIT)
def login() -> Response:
    """Sign the owner in with the token: a cookie of its own, then 303 to the page."""
    if not token_matches(request.form.get("token", "")):
        return sign_in_page(401, "That token is not the owner's token.")
    response = redirect(url_for("owner.dashboard"), 303)
    response.set_cookie(COOKIE, _serializer().dumps(_fingerprint()), max_age=COOKIE_SECONDS,
                        path="/owner", httponly=True, samesite="Strict",
                        secure=bool(current_app.config["SESSION_COOKIE_SECURE"]))
    return response  # type: ignore[return-value]


@bp.post("/logout")
def logout() -> Response:
    """Sign out: the cookie is removed, then the sign-in form shows."""
    response = redirect(url_for("owner.dashboard"), 303)
    response.delete_cookie(COOKIE, path="/owner", httponly=True, samesite="Strict",
                           secure=bool(current_app.config["SESSION_COOKIE_SECURE"]))
    return response  # type: ignore[return-value]


@bp.get("/export.json")
def export() -> Response:
    """Everything as JSON: conversations with messages, contacts, unanswered questions."""
    if not is_signed_in():
        response = jsonify(error="Sign in with the owner token (Authorization: Bearer ...).")
        response.status_code = 401
        response.headers["WWW-Authenticate"] = 'Bearer realm="chatbot owner"'
        return response
    response = jsonify(export_data(state().store))
    stamp = time.strftime("%Y%m%d", time.gmtime())
    response.headers["Content-Disposition"] = f'attachment; filename="chatbot-{stamp}.json"'
    return response

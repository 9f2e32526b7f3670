"""Every error as a clear answer in the form the client reads: JSON, a partial, or a page."""

from __future__ import annotations

import logging
import sqlite3

import redis
from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from chatbot.sessions import skip_saving
from chatbot.stores import StoreUnavailable

log = logging.getLogger(__name__)

# A backend that is down or too slow: the visitor may try again (503), it is not our bug.
UNAVAILABLE: tuple[type[Exception], ...] = (redis.RedisError, StoreUnavailable,
                                           sqlite3.OperationalError)
RETRY_AFTER_SECONDS = 10

_MESSAGES = {
    400: "The request could not be read.",
    403: "This request is not allowed.",
    404: "There is nothing at this address.",
    405: "This address does not accept that kind of request.",
    413: "That request is too large.",
    415: "That kind of content is not accepted here.",
    429: "You are sending messages faster than the assistant can answer. "
         "Please wait a moment, then send again.",
    500: "Something went wrong on our side. Please try again.",
    503: "The chat is temporarily unavailable. Please try again in a moment.",
}
_CSRF_MESSAGE = "This form has expired. Please send your message again."
_FORM_ENDPOINTS = {"chat.post_message", "chat.retry"}


def describe(error: HTTPException) -> str:
    """A short sentence for the visitor; never a traceback or an internal detail."""
    if isinstance(error, CSRFError):
        return _CSRF_MESSAGE
    code = error.code or 500
    if code == 413:
        from flask import current_app

        limit = current_app.config["MAX_CONTENT_LENGTH"] // 1024
        return f"That request is too large (the limit is {limit} KB)."
    return _MESSAGES.get(code) or error.description or _MESSAGES[500]


def error_response(error: HTTPException, message: str | None = None) -> Response:
    """Render `error` (or `message`, when given) for an API client, an htmx request, a form
    post or a page view."""
    from chatbot.views import invalid_message, is_htmx, posted_page  # views import us

    status = error.code or 500
    message = message or describe(error)
    if request.path.startswith("/api/"):
        response = jsonify(error=message)
        response.status_code = status
    elif request.endpoint == "contact.submit" and status in (400, 429):
        from chatbot.contact import refused_whole

        response = refused_whole(message, status)
    elif request.endpoint in _FORM_ENDPOINTS and status in (400, 429) and (
        is_htmx() or request.content_length is not None
    ):
        response = invalid_message(message, posted_page())
        response.status_code = status
    elif request.endpoint in _FORM_ENDPOINTS and status == 503 and not is_htmx():
        response = unavailable_page(message, posted_page())
    elif is_htmx():
        response = Response(render_template("_error.html", error=message), status)
        response.headers["HX-Retarget"] = "#composer-error"
        response.headers["HX-Reswap"] = "innerHTML"
    else:
        response = Response(render_template("error.html", error=message, status=status), status)
    allow = dict(error.get_headers()).get("Allow")
    if allow:
        response.headers["Allow"] = allow
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def unavailable_page(message: str, page: str) -> Response:
    """The chat page without its transcript (it cannot be read), the visitor's text kept."""
    from chatbot.views import render_chat

    return render_chat(page, status=503, error=message, draft=request.form.get("message", ""),
                       messages=[])


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return error_response(error)

    def backend_unavailable(error: Exception) -> Response:
        log.warning("backend unavailable on %s %s: %s", request.method, request.endpoint,
                    type(error).__name__)
        skip_saving()
        return error_response(ServiceUnavailable())

    for kind in UNAVAILABLE:
        app.register_error_handler(kind, backend_unavailable)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(InternalServerError())

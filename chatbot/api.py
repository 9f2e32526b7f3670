"""The JSON API's request checks, for sites that bring their own chat UI."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from flask import Request

from chatbot.inputs import InvalidMessage, clean_message, is_valid_session_id
from chatbot.visitor import InvalidVisitor, VisitorUpdate, parse_update


class ApiError(Exception):
    """A request the API refuses: HTTP status and a message for the JSON `error`."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class ApiRequest:
    """A valid API request."""

    session_id: str
    message: str
    stream: bool
    visitor: VisitorUpdate = VisitorUpdate()

    @property
    def conversation_id(self) -> str:
        # Namespaced so an API caller can never address a web visitor's conversation.
        return "api-" + self.session_id


def parse_api_request(request: Request, max_chars: int) -> ApiRequest:
    """Validate `{"session_id"?, "message", "stream"?, "name"?, "visitor_type"?}`."""
    if not request.is_json:
        raise ApiError(415, "Send JSON with Content-Type: application/json.")
    try:
        body: Any = request.get_json(silent=True)
    except RecursionError:  # nesting deeper than the JSON parser can follow
        body = None
    if body is None:
        raise ApiError(400, "The body is not valid JSON.")
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object.")
    session_id = body.get("session_id")
    if session_id is None:
        session_id = secrets.token_urlsafe(24)
    elif not is_valid_session_id(session_id):
        raise ApiError(400, "session_id must be a UUID or a url-safe token of 16 to 128 "
                            "characters (letters, digits, - and _).")
    if "message" not in body:
        raise ApiError(400, "The body needs a `message`.")
    try:
        message = clean_message(body["message"], max_chars)
    except InvalidMessage as error:
        raise ApiError(400, str(error)) from None
    stream = body.get("stream", False)
    if not isinstance(stream, bool):
        raise ApiError(400, "`stream` must be true or false.")
    try:
        visitor = parse_update({"name": body.get("name"), "type": body.get("visitor_type")})
    except InvalidVisitor as error:
        field = "visitor_type" if error.field == "type" else error.field
        raise ApiError(400, f"`{field}`: {error}") from None
    return ApiRequest(session_id, message, stream, visitor)

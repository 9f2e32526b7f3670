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
    visitor: VisitorUpdate = VisitorUpdate()  # what the caller says about who is asking

    @property
    def conversation_id(self) -> str:
        # Namespaced so an API caller can never address a web visitor's conversation.
        return "api-" + self.session_id


def parse_api_request(request: Request, max_chars: int) -> ApiRequest:
    """Validate the body (see chatbot/data/openapi.json, ChatRequest) or raise ApiError.

    `session_id`, `name` and `visitor_type` may be null, which means the same as absent.
    """
    body = _json_object(request)
    return ApiRequest(_session_id(body.get("session_id")), _message(body, max_chars),
                      _stream(body.get("stream", False)), _visitor(body))


def _json_object(request: Request) -> dict[str, Any]:
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
    return body


def _session_id(value: object) -> str:
    if value is None:
        return secrets.token_urlsafe(24)
    if not is_valid_session_id(value):
        raise ApiError(400, "session_id must be a UUID or a url-safe token of 16 to 128 "
                            "characters (letters, digits, - and _).")
    return str(value)


def _message(body: dict[str, Any], max_chars: int) -> str:
    if "message" not in body:
        raise ApiError(400, "The body needs a `message`.")
    raw = body["message"]
    if isinstance(raw, str) and len(raw) > max_chars:  # as sent, before cleaning
        raise ApiError(400, f"That message is {len(raw):,} characters long; "
                            f"the limit is {max_chars:,}.")
    try:
        return clean_message(raw, max_chars)
    except InvalidMessage as error:
        raise ApiError(400, str(error)) from None


def _stream(value: object) -> bool:
    if not isinstance(value, bool):
        raise ApiError(400, "`stream` must be true or false.")
    return value


def _visitor(body: dict[str, Any]) -> VisitorUpdate:
    try:
        return parse_update({"name": body.get("name"), "type": body.get("visitor_type")},
                            blank_type_keeps=False)
    except InvalidVisitor as error:
        field = "visitor_type" if error.field == "type" else error.field
        raise ApiError(400, f"`{field}`: {error}") from None

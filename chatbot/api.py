"""The JSON API's request checks, for sites that bring their own chat UI."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from flask import Request

from chatbot.engines.base import VISITOR_KINDS, Visitor
from chatbot.inputs import InvalidMessage, clean_message, clean_text, is_valid_session_id
from chatbot.stores import ConversationStore

# What a caller may say about who is asking; "other" is stored but is no audience.
VISITOR_TYPES = (*VISITOR_KINDS, "other")
NAME_CHARS = 60


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
    name: str | None = None  # None: not given (an earlier one is kept)
    visitor_type: str | None = None

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
                      _stream(body.get("stream", False)), _name(body.get("name")),
                      _visitor_type(body.get("visitor_type")))


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


def _name(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > NAME_CHARS:
        raise ApiError(400, f"`name` must be text of at most {NAME_CHARS} characters.")
    return clean_text(value) or None


def _visitor_type(value: object) -> str | None:
    if value is None:
        return None
    if value not in VISITOR_TYPES:
        raise ApiError(400, "`visitor_type` must be one of " + ", ".join(VISITOR_TYPES) + ".")
    return str(value)


def api_visitor(store: ConversationStore, api_request: ApiRequest) -> Visitor:
    """Who is asking: what this request says, else what the conversation remembers."""
    changes: dict[str, Any] = {}
    if api_request.name is not None:
        changes["name"] = api_request.name
    if api_request.visitor_type is not None:
        changes.update(visitor_type=api_request.visitor_type, type_chosen=True)
    conversation_id = api_request.conversation_id
    record = (store.set_visitor(conversation_id, **changes) if changes
              else store.conversation(conversation_id))
    if record is None:
        return Visitor()
    kind = record.visitor_type if record.visitor_type in VISITOR_KINDS else None
    return Visitor(record.visitor_name, kind)


def visitor_json(visitor: Visitor) -> dict[str, str | None]:
    """The `visitor` object of a reply."""
    return {"name": visitor.name, "type": visitor.kind}

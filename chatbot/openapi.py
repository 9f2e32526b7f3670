"""The JSON API's OpenAPI 3.1 description, served at /api/openapi.json."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

DOCUMENT = Path(__file__).parent / "data" / "openapi.json"

bp = Blueprint("openapi", __name__)


@cache
def _document() -> dict[str, Any]:
    return json.loads(DOCUMENT.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def description(max_message_chars: int) -> dict[str, Any]:
    """The document, stating this server's message limit."""
    document = copy.deepcopy(_document())
    message = document["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    message["maxLength"] = max_message_chars
    return document


@bp.get("/api/openapi.json")
def openapi() -> Response:
    """Serve the API's description."""
    response = jsonify(description(current_app.config["CHATBOT_MAX_MESSAGE_CHARS"]))
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response

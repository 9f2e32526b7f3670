"""A backend that fails is a 503 the visitor can act on, in the form the client reads."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
import redis
from flask import Flask

from chatbot.stores import StoreUnavailable

from helpers import HTMX, csrf_token, html


@pytest.mark.parametrize("error", [sqlite3.OperationalError("database is locked"),
                                   StoreUnavailable("down"), redis.ConnectionError("refused")])
def test_a_failing_store_answers_503_everywhere(app: Flask, monkeypatch: Any,
                                                error: Exception) -> None:
    client = app.test_client()
    token = csrf_token(client)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(app.extensions["chatbot"].store, "append", fail)
    form = {"message": "Is she available?", "csrf_token": token}
    page = client.post("/chat/messages", data=form)
    assert page.status_code == 503
    assert html(page).select_one("textarea#message").get_text() == "Is she available?"
    partial = client.post("/chat/messages", data=form, headers=HTMX)
    assert partial.status_code == 503 and partial.headers["HX-Retarget"] == "#composer-error"
    api = client.post("/api/chatbot", json={"message": "hi"})
    assert api.status_code == 503 and "temporarily unavailable" in api.get_json()["error"]

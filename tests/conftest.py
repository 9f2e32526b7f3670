"""Shared fixtures: an app on a temp data dir, its client, and HTML helpers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import create_app
from chatbot.settings import SETTINGS

sys.path.insert(0, str(Path(__file__).parent))  # tests' own helper modules


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting leaks in from the machine's environment (a real OPENAI_API_KEY, say)."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "CHATBOT_")):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Any]:
    """Build apps on one temp data dir; `make_app(**settings)` (rate limits off by default)."""
    apps: list[Flask] = []

    def build(**settings: Any) -> Flask:
        config = {"TESTING": True, "CHATBOT_DATA_DIR": str(tmp_path),
                  "RATELIMIT_ENABLED": False, **settings}
        app = create_app(config)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.extensions["chatbot"].store.close()
        app.extensions["chatbot"].engine.close()


@pytest.fixture
def app(make_app: Any) -> Flask:
    """The app with its defaults: offline engine, SQLite store, file sessions."""
    return make_app()  # type: ignore[no-any-return]


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser without JavaScript: keeps cookies, follows nothing by itself."""
    return app.test_client()

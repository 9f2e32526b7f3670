"""Shared fixtures: an app on a temp data dir, its client, and HTML helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from chatbot import create_app
from chatbot.settings import SETTINGS

# pytest puts tests/ on sys.path (rootdir conftest, no __init__.py): helpers import plainly.
from fake_openai import FakeOpenAI


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


@pytest.fixture(scope="session")
def fake_openai_server() -> Iterator[FakeOpenAI]:
    """One fake OpenAI-compatible server on a real socket for the whole run."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def fake_openai(fake_openai_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The fake server with no recorded requests, queued faults or overrides."""
    fake_openai_server.reset()
    yield fake_openai_server
    fake_openai_server.reset()


@pytest.fixture
def openai_app(make_app: Any, fake_openai: FakeOpenAI) -> Flask:
    """The app with the OpenAI engine aimed at the fake server through the real SDK."""
    return make_app(  # type: ignore[no-any-return]
        CHATBOT_ENGINE="openai", OPENAI_BASE_URL=fake_openai.base_url,
        OPENAI_API_KEY="sk-test-secret-key", CHATBOT_REPLY_TIMEOUT=2.0,
    )

"""Shared fixtures: an app on a temp data dir, its client, and HTML helpers."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient

from chatbot import create_app
from chatbot.settings import SETTINGS
from chatbot.stores import ConversationStore
from chatbot.stores.redis import RedisStore
from chatbot.stores.sqlite import SQLiteStore

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


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis server of the run's own on a free port (never the shared one); its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    directory = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=0.2)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def private_redis(redis_server: str) -> str:
    """The run's own Redis, emptied for this test; its URL."""
    client = redis.Redis.from_url(redis_server)
    client.flushall()
    client.close()
    return redis_server


STORE_TEST_REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConversationStore]:
    """Each store backend, empty (Redis: the machine's server, DB 15, under a prefix of its own
    that is removed afterwards)."""
    if request.param == "sqlite":
        sqlite = SQLiteStore(tmp_path / "conversations.sqlite3")
        yield sqlite
        sqlite.close()
        return
    client = redis.Redis.from_url(STORE_TEST_REDIS, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    backend = RedisStore(client, retention_seconds=600, prefix=f"test-{secrets.token_hex(4)}:")
    yield backend
    for key in client.scan_iter(backend.prefix + "*"):
        client.delete(key)
    backend.close()
    client.close()

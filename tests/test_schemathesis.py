"""schemathesis against the live description: every described operation, default checks.

The schema loads at import, from an app of its own: schemathesis 4.32's fixture-based
loader (`schemathesis.pytest.from_fixture`) reads a pytest node attribute that pytest 9
no longer has.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from chatbot import create_app

from helpers import documented, routes

DATA_DIR = tempfile.mkdtemp(prefix="chatbot-schemathesis-")
# Every setting that picks a backend is given, so nothing in the environment changes them.
APP: Flask = create_app({
    "TESTING": True, "CHATBOT_DATA_DIR": DATA_DIR, "CHATBOT_ENGINE": "offline",
    "REDIS_URL": None, "CHATBOT_STORE": "sqlite", "SESSION_TYPE": "cachelib",
    "RATELIMIT_ENABLED": False, "RATELIMIT_STORAGE_URI": "memory://",
    "CHATBOT_PROFILE": None, "OPENAI_API_KEY": None,
})


def implemented(loaded: Any) -> Any:
    """The description without the operations other branches are still adding."""
    unserved = documented(loaded.raw_schema) - routes(APP)
    return loaded.exclude(
        func=lambda ctx: (ctx.operation.path, ctx.operation.method.lower()) in unserved)


schema = implemented(schemathesis.openapi.from_wsgi("/api/openapi.json", APP))


@pytest.fixture(scope="module", autouse=True)
def _remove_the_data_dir() -> Iterator[None]:
    yield
    APP.extensions["chatbot"].store.close()
    shutil.rmtree(DATA_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_the_api_keeps_its_description(case: Any) -> None:
    case.call_and_validate()

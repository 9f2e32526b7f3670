"""Settings: defaults, environment overrides, and start-up errors that name the setting."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chatbot import StartupError, create_app
from chatbot.settings import SETTINGS, persistent_secret_key

ROOT = Path(__file__).parent.parent


def test_every_setting_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("CHATBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHATBOT_MAX_MESSAGE_CHARS", "500")
    monkeypatch.setenv("RATELIMIT_ENABLED", "false")
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "true")
    app = create_app()
    assert app.config["CHATBOT_MAX_MESSAGE_CHARS"] == 500
    assert app.config["RATELIMIT_ENABLED"] is False
    assert app.config["SESSION_COOKIE_SAMESITE"] == "None"


@pytest.mark.parametrize("name, value, words", [
    ("CHATBOT_MAX_MESSAGE_CHARS", "lots", "whole number"),
    ("CHATBOT_MAX_MESSAGE_CHARS", "0", "greater than 0"),
    ("RATELIMIT_ENABLED", "maybe", "true or false"),
    ("CHATBOT_ENGINE", "gpt", "must be one of"),
    ("CHATBOT_STORE", "mongo", "must be one of"),
    ("CHATBOT_EMBED_ORIGINS", "not a url", "not an origin"),
    ("CHATBOT_PROFILE", "/nonexistent/profile.toml", "profile.toml"),
])
def test_a_bad_setting_stops_startup_naming_it(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path, name: str, value: str,
                                               words: str) -> None:
    monkeypatch.setenv("CHATBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(name, value)
    with pytest.raises(StartupError) as error:
        create_app()
    assert name in str(error.value) or value in str(error.value)
    assert words in str(error.value)


def test_wsgi_reports_a_bad_setting_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "CHATBOT_DATA_DIR": str(tmp_path), "CHATBOT_MAX_TOKENS": "-5"}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "CHATBOT_MAX_TOKENS" in result.stderr
    assert "Traceback" not in result.stderr


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = persistent_secret_key(tmp_path)
    assert len(first) >= 32
    assert persistent_secret_key(tmp_path) == first
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert list(tmp_path.iterdir()) == [tmp_path / "secret_key"]  # no temp files left


def test_apps_on_one_data_dir_share_the_generated_key(make_app: Any) -> None:
    assert make_app().secret_key == make_app().secret_key


def test_readme_documents_every_setting() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []


def test_redis_url_moves_every_shared_state_to_redis(make_app: Any) -> None:
    app = make_app(REDIS_URL="redis://127.0.0.1:6379/14")
    assert app.config["CHATBOT_STORE"] == "redis"
    assert app.config["SESSION_TYPE"] == "redis"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/14"
    assert app.config["CHATBOT_REDIS_URL"] == "redis://127.0.0.1:6379/14"


def test_finer_settings_still_override_redis_url(make_app: Any) -> None:
    app = make_app(REDIS_URL="redis://127.0.0.1:6379/14", CHATBOT_STORE="sqlite",
                   RATELIMIT_STORAGE_URI="memory://")
    assert app.config["CHATBOT_STORE"] == "sqlite"
    assert app.config["SESSION_TYPE"] == "redis"
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_without_redis_url_everything_stays_embedded(app: Any) -> None:
    assert (app.config["CHATBOT_STORE"], app.config["SESSION_TYPE"],
            app.config["RATELIMIT_STORAGE_URI"]) == ("sqlite", "cachelib", "memory://")

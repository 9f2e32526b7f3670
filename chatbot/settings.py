"""Every setting in one place: defaults, environment overrides and validation."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from limits import parse_many


class SettingsError(Exception):
    """A setting has a value the app cannot start with."""


def _parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected true or false")


def _parse_int(raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ValueError("expected a whole number") from None


def _parse_float(raw: str) -> float:
    try:
        return float(raw.strip())
    except ValueError:
        raise ValueError("expected a number") from None


def _parse_text(raw: str) -> str:
    return raw.strip()


def _parse_optional_text(raw: str) -> str | None:
    return raw.strip() or None


@dataclass(frozen=True)
class Setting:
    """One configuration key: its default, how to read it from text, what it does."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    doc: str


# The README's settings table is checked against this list by the tests.
SETTINGS: tuple[Setting, ...] = (
    Setting("SECRET_KEY", None, _parse_optional_text,
            "Signs sessions and CSRF tokens. Unset: generated once and kept in the data dir."),
    Setting("CHATBOT_DATA_DIR", None, _parse_optional_text,
            "Where the conversation store, sessions and the generated key live. "
            "Unset: Flask's instance folder."),
    Setting("CHATBOT_PROFILE", None, _parse_optional_text,
            "Path of the owner's profile.toml. Unset: the bundled sample profile."),
    Setting("CHATBOT_MAX_MESSAGE_CHARS", 2000, _parse_int,
            "Longest message a visitor may send, in characters."),
    Setting("MAX_CONTENT_LENGTH", 64 * 1024, _parse_int,
            "Largest request body in bytes; bigger ones get 413."),
    Setting("REDIS_URL", None, _parse_optional_text,
            "One Redis for everything shared (sessions, conversations, contacts, rate limits, "
            "budgets, caches, the delivery queue), e.g. `redis://host:6379/0` or `rediss://…`. "
            "Unset: SQLite, files and memory in one process."),
    Setting("CHATBOT_REDIS_TIMEOUT", 2.0, _parse_float,
            "Seconds one Redis command (or connecting) may take before the request gives up."),
    Setting("CHATBOT_STORE", None, _parse_optional_text,
            "Conversation store: `sqlite` (file in the data dir) or `redis`. "
            "Unset: `redis` when REDIS_URL is set, else `sqlite`."),
    Setting("CHATBOT_REDIS_URL", None, _parse_optional_text,
            "Redis server for the store and sessions when it differs from REDIS_URL."),
    Setting("SESSION_TYPE", None, _parse_optional_text,
            "Session backend: `cachelib` (files in the data dir) or `redis`. "
            "Unset: `redis` when REDIS_URL is set, else `cachelib`."),
    Setting("SESSION_PERMANENT", True, _parse_bool,
            "Keep the session cookie across browser restarts."),
    Setting("PERMANENT_SESSION_LIFETIME", 30 * 24 * 3600, _parse_int,
            "How long a visitor's session (and so their conversation) is kept, in seconds."),
    Setting("SESSION_COOKIE_SECURE", False, _parse_bool,
            "Set true in production (HTTPS): the cookie becomes "
            "`Secure; SameSite=None; Partitioned` so it works inside a cross-site iframe."),
    Setting("CHATBOT_ENGINE", "auto", _parse_text,
            "`auto` (OpenAI when OPENAI_API_KEY is set, else offline), `openai` or `offline`."),
    Setting("OPENAI_API_KEY", None, _parse_optional_text,
            "Key for the OpenAI-compatible server. Never logged."),
    Setting("OPENAI_BASE_URL", None, _parse_optional_text,
            "Any OpenAI-compatible server, e.g. `http://127.0.0.1:8080/v1`. Unset: OpenAI."),
    Setting("CHATBOT_MODEL", "gpt-4.1-mini", _parse_text, "Model name sent to the server."),
    Setting("CHATBOT_CONNECT_TIMEOUT", 5.0, _parse_float,
            "Seconds to wait for the model server to accept a connection."),
    Setting("CHATBOT_REPLY_TIMEOUT", 30.0, _parse_float,
            "Seconds a whole reply may take, retries included."),
    Setting("CHATBOT_MAX_RETRIES", 1, _parse_int, "Retries of a failed model call."),
    Setting("CHATBOT_UPSTREAM_CLIENT", "auto", _parse_text,
            "HTTP client under the SDK: `gevent` (geventhttpclient, C parser), `httpx2` (the "
            "SDK's default) or `auto` (gevent under gunicorn's gevent workers without a proxy)."),
    Setting("CHATBOT_MAX_TOKENS", 500, _parse_int, "`max_tokens` of every model call."),
    Setting("CHATBOT_HISTORY_TOKENS", 1500, _parse_int,
            "Token budget of the earlier conversation sent with each question."),
    Setting("CHATBOT_PROFILE_TOKENS", 3000, _parse_int,
            "Token budget of the profile facts in the system prompt."),
    Setting("CHATBOT_STARTER_CACHE_SECONDS", 24 * 3600, _parse_int,
            "How long a cached answer to a starter question is kept."),
    Setting("CHATBOT_FIRST_TOKEN_TIMEOUT", 10.0, _parse_float,
            "Seconds the model may take to send its first token before the fallback answers."),
    Setting("CHATBOT_STALL_TIMEOUT", 10.0, _parse_float,
            "Seconds the model may pause between two pieces of a streamed reply."),
    Setting("CHATBOT_RATE_LIMIT", "60 per minute;1000 per day", _parse_text,
            "Messages (and other posts) one client address may send; refused ones do not count."),
    Setting("CHATBOT_SESSION_RATE_LIMIT", "20 per minute;300 per day", _parse_text,
            "Messages one conversation may send, whatever address they come from."),
    Setting("CHATBOT_MAX_STREAMS_PER_ADDRESS", 4, _parse_int,
            "Replies that may stream at once to one client address."),
    Setting("CHATBOT_SESSION_TOKEN_BUDGET", 20000, _parse_int,
            "Model tokens one conversation may spend; then the offline engine answers."),
    Setting("CHATBOT_DAILY_TOKEN_BUDGET", 2000000, _parse_int,
            "Model tokens the whole app may spend per UTC day; then the offline engine answers."),
    Setting("RATELIMIT_ENABLED", True, _parse_bool, "Turn rate limiting on or off."),
    Setting("RATELIMIT_STORAGE_URI", None, _parse_optional_text,
            "Where rate-limit and stream counters live: `memory://` (per process) or "
            "`redis://…`. Unset: REDIS_URL when set, else `memory://`."),
    Setting("CHATBOT_PROXY_COUNT", 0, _parse_int,
            "Number of trusted reverse proxies in front of the app (for client addresses)."),
    Setting("CHATBOT_EMBED_ORIGINS", "", _parse_text,
            "Sites that may embed the widget, e.g. `https://me.dev https://www.me.dev`. "
            "Empty: only the chat's own origin."),
    Setting("CHATBOT_CONTACT_WEBHOOK", None, _parse_optional_text,
            "URL that receives each contact request as a JSON POST (Slack-style `text` included)."),
    Setting("CHATBOT_SMTP_URL", None, _parse_optional_text,
            "Mail server for contact requests, e.g. `smtp://user:pass@host:587` "
            "(`smtps://` for TLS from the start)."),
    Setting("CHATBOT_NOTIFY_EMAIL", None, _parse_optional_text,
            "Address that contact requests are mailed to (with CHATBOT_SMTP_URL)."),
    Setting("CHATBOT_OWNER_TOKEN", None, _parse_optional_text,
            "Turns on the owner's page `/owner` and its export; the token signs the owner in. "
            "Unset: those pages answer 404."),
    Setting("CHATBOT_RETENTION_DAYS", 30, _parse_int,
            "Conversations idle for longer are deleted "
            "(by `flask chatbot purge` and a daily sweep)."),
    Setting("CHATBOT_METRICS", False, _parse_bool,
            "Serve Prometheus metrics at `/metrics`."),
    Setting("CHATBOT_METRICS_ALLOW", "127.0.0.1 ::1", _parse_text,
            "Client addresses (or networks, e.g. `10.0.0.0/8`) allowed to read `/metrics`."),
    Setting("CHATBOT_LOG_MESSAGES", False, _parse_bool,
            "Debug only: include visitors' message text in the logs (never on in production)."),
)

SETTINGS_BY_NAME: Mapping[str, Setting] = {s.name: s for s in SETTINGS}


def defaults() -> dict[str, Any]:
    """The default value of every setting."""
    return {s.name: s.default for s in SETTINGS}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """Read every known setting present in `environ`, parsed to its type."""
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.name in environ:
            try:
                values[setting.name] = setting.parse(environ[setting.name])
            except ValueError as error:
                raise SettingsError(
                    f"{setting.name}={environ[setting.name]!r}: {error}"
                ) from None
    return values


def validate(config: Mapping[str, Any]) -> None:
    """Stop start-up with a message naming the setting when a value cannot work."""
    positive = ("CHATBOT_MAX_MESSAGE_CHARS", "MAX_CONTENT_LENGTH", "CHATBOT_MAX_TOKENS",
                "CHATBOT_HISTORY_TOKENS", "CHATBOT_PROFILE_TOKENS", "CHATBOT_REPLY_TIMEOUT",
                "CHATBOT_CONNECT_TIMEOUT")
    for name in positive:
        if not config[name] or config[name] <= 0:
            raise SettingsError(f"{name}={config[name]!r}: must be greater than 0")
    for name in ("CHATBOT_MAX_RETRIES", "CHATBOT_PROXY_COUNT", "CHATBOT_STARTER_CACHE_SECONDS"):
        if config[name] < 0:
            raise SettingsError(f"{name}={config[name]!r}: must not be negative")
    for name in ("CHATBOT_MAX_STREAMS_PER_ADDRESS", "CHATBOT_RETENTION_DAYS",
                 "CHATBOT_FIRST_TOKEN_TIMEOUT", "CHATBOT_STALL_TIMEOUT", "CHATBOT_REDIS_TIMEOUT"):
        if config[name] <= 0:
            raise SettingsError(f"{name}={config[name]!r}: must be greater than 0")
    for name in ("CHATBOT_SESSION_TOKEN_BUDGET", "CHATBOT_DAILY_TOKEN_BUDGET"):
        if config[name] < 0:
            raise SettingsError(f"{name}={config[name]!r}: must not be negative")
    for name in ("CHATBOT_RATE_LIMIT", "CHATBOT_SESSION_RATE_LIMIT"):
        try:
            if not parse_many(config[name]):
                raise ValueError
        except ValueError:
            raise SettingsError(f"{name}={config[name]!r}: expected limits such as "
                                "'20 per minute;300 per day'") from None
    for name in ("REDIS_URL", "CHATBOT_REDIS_URL"):
        url = config[name]
        if url and not url.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError(f"{name}={url!r}: must start with redis://, rediss:// or unix://")
    _validate_contact_channels(config)
    choices = {
        "CHATBOT_ENGINE": ("auto", "openai", "offline"),
        "CHATBOT_STORE": ("sqlite", "redis"),
        "SESSION_TYPE": ("cachelib", "redis"),
        "CHATBOT_UPSTREAM_CLIENT": ("auto", "gevent", "httpx2"),
    }
    for name, allowed in choices.items():
        if config[name] is not None and config[name] not in allowed:
            raise SettingsError(f"{name}={config[name]!r}: must be one of {', '.join(allowed)}")
    if config["CHATBOT_ENGINE"] == "openai" and not (
        config["OPENAI_API_KEY"] or config["OPENAI_BASE_URL"]
    ):
        raise SettingsError("CHATBOT_ENGINE='openai': set OPENAI_API_KEY or OPENAI_BASE_URL")


def _validate_contact_channels(config: Mapping[str, Any]) -> None:
    """The webhook and mail server must be URLs the delivery code can use."""
    from urllib.parse import urlsplit

    webhook = config["CHATBOT_CONTACT_WEBHOOK"]
    if webhook and not (webhook.startswith(("http://", "https://")) and urlsplit(webhook).netloc):
        raise SettingsError(f"CHATBOT_CONTACT_WEBHOOK={webhook!r}: must be an http:// or "
                            "https:// URL")
    smtp = config["CHATBOT_SMTP_URL"]
    if smtp:
        shown = urlsplit(smtp)._replace(netloc=urlsplit(smtp).hostname or "").geturl()
        try:
            server = urlsplit(smtp)
            server.port  # noqa: B018  (raises ValueError on a bad port)
        except ValueError:
            raise SettingsError(f"CHATBOT_SMTP_URL={shown!r}: the port is not valid") from None
        if server.scheme not in ("smtp", "smtps") or not server.hostname:
            # The URL may hold a password: show it without user and password.
            raise SettingsError(f"CHATBOT_SMTP_URL={shown!r}: must look like "
                                "smtp://user:password@host:587 or smtps://...:465")
        if not config["CHATBOT_NOTIFY_EMAIL"]:
            raise SettingsError("CHATBOT_SMTP_URL is set: set CHATBOT_NOTIFY_EMAIL too "
                                "(where contact requests are mailed)")
    notify = config["CHATBOT_NOTIFY_EMAIL"]
    if notify and "@" not in notify:
        raise SettingsError(f"CHATBOT_NOTIFY_EMAIL={notify!r}: must be an email address")
    token = config["CHATBOT_OWNER_TOKEN"]
    if token is not None and len(token) < 16:
        raise SettingsError("CHATBOT_OWNER_TOKEN: must be at least 16 characters "
                            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)")


def resolve_shared_state(config: dict[str, Any]) -> None:
    """Fill the unset finer settings from REDIS_URL: one setting moves all shared state."""
    shared = config["REDIS_URL"]
    if not config["CHATBOT_REDIS_URL"]:
        config["CHATBOT_REDIS_URL"] = shared or "redis://127.0.0.1:6379/0"
    if config["CHATBOT_STORE"] is None:
        config["CHATBOT_STORE"] = "redis" if shared else "sqlite"
    if config["SESSION_TYPE"] is None:
        config["SESSION_TYPE"] = "redis" if shared else "cachelib"
    if config["RATELIMIT_STORAGE_URI"] is None:
        config["RATELIMIT_STORAGE_URI"] = shared or "memory://"


def persistent_secret_key(data_dir: Path) -> str:
    """Return the key kept in `data_dir`, creating it (readable by the owner only) once."""
    path = data_dir / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(48)
    # Write aside, then link into place: the link fails if another worker won the race,
    # and nobody ever reads a half-written key.
    temporary = data_dir / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        os.link(temporary, path)
    except FileExistsError:
        key = path.read_text().strip()
    finally:
        temporary.unlink()
    return key

"""Structured logs: one JSON line per request and JSON app logs, each with its request id.

No message text and no key is ever logged, unless CHATBOT_LOG_MESSAGES (debug only) adds
the visitor's message to the request line.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from flask import Flask, Response, current_app, has_app_context, has_request_context, request

HEADER = "X-Request-ID"
_ENVIRON_ID = "chatbot.request_id"
_ENVIRON_NOTES = "chatbot.log_notes"
# A request id from the client (or a proxy) is kept only when it is a short plain token:
# anything else could forge log lines or carry data into them.
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# OpenAI-style keys, wherever they turn up (an upstream error message, say).
_KEY_PATTERN = re.compile(r"\bsk-[A-Za-z0-9_-]{8,}")
_MESSAGE_CHARS = 500

requests_log = logging.getLogger("chatbot.requests")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def request_id() -> str | None:
    """The current request's id, if there is a request."""
    if not has_request_context():
        return None
    value = request.environ.get(_ENVIRON_ID)
    return value if isinstance(value, str) else None


def accepted_id(raw: str | None) -> str:
    """The client's request id when it is a short token, else a new one."""
    if raw and _VALID_ID.fullmatch(raw):
        return raw
    return uuid.uuid4().hex


def redact(text: str) -> str:
    """Replace anything that looks like an API key (and the configured one) with a mark."""
    text = _KEY_PATTERN.sub("[redacted]", text)
    key = current_app.config.get("OPENAI_API_KEY") if has_app_context() else None
    if key and len(key) >= 6:
        text = text.replace(key, "[redacted]")
    return text


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        current = getattr(record, "request_id", None) or request_id()
        if current:
            entry["request_id"] = current
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, default=str))


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (test runners replace it)."""

    @property
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        pass


class _LoggedBody:
    """A response body that counts its bytes and logs the request when the server closes it."""

    def __init__(self, body: Iterable[bytes], done: Callable[[int], None]):
        self.body = body
        self.done = done
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.done(self.sent)


class RequestLog:
    """WSGI middleware: gives each request an id, echoes it, logs the request at its end.

    It wraps the whole app (ProxyFix included), so every response carries the id, errors
    and streams too, and a stream is logged with its real duration and size.
    """

    def __init__(self, app: WSGIApp):
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = time.perf_counter()
        rid = environ[_ENVIRON_ID] = accepted_id(environ.get("HTTP_X_REQUEST_ID"))
        status = [0]

        def start(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = int(line.split(" ", 1)[0])
            headers = [(k, v) for k, v in headers if k.lower() != "x-request-id"]
            return start_response(line, [*headers, (HEADER, rid)], exc_info)

        body = self.app(environ, start)
        return _LoggedBody(body, lambda sent: log_request(environ, status[0], started, sent))


def log_request(environ: dict[str, Any], status: int, started: float, sent: int) -> None:
    """Write the request's one line."""
    notes = environ.get(_ENVIRON_NOTES, {})
    fields = {
        "method": environ.get("REQUEST_METHOD"),
        "endpoint": notes.get("endpoint"),
        "path": environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""),
        "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "client": environ.get("REMOTE_ADDR"),  # after ProxyFix, which rewrites it in place
        "bytes": sent,
    }
    if "message" in notes:
        fields["visitor_message"] = notes["message"]
    requests_log.info("request", extra={"fields": fields, "request_id": environ.get(_ENVIRON_ID)})


def _note_request(response: Response) -> Response:
    """Keep what only Flask knows (the endpoint; the message when allowed) for the log line."""
    notes: dict[str, Any] = {"endpoint": request.endpoint}
    if current_app.config["CHATBOT_LOG_MESSAGES"]:
        body: Any = request.get_json(silent=True) if request.is_json else request.form
        message = body.get("message") if hasattr(body, "get") else None
        if isinstance(message, str):
            notes["message"] = message[:_MESSAGE_CHARS]
    request.environ[_ENVIRON_NOTES] = notes
    return response


def _install_handler() -> None:
    """JSON lines on stderr for the package's loggers (once per process)."""
    logger = logging.getLogger("chatbot")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)


def init_app(app: Flask) -> None:
    """Log every request of `app` as JSON, with an id echoed in X-Request-ID."""
    _install_handler()
    app.after_request(_note_request)
    app.wsgi_app = RequestLog(app.wsgi_app)  # type: ignore[method-assign]

"""Visitor identity in the server-side session, made to work inside a cross-site iframe."""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

import redis
from cachelib.file import FileSystemCache
from flask import Flask, Request, Response, abort, current_app, g, request, session
from flask.sessions import SessionInterface, SessionMixin
from itsdangerous import BadSignature, URLSafeSerializer

from chatbot.engines.base import VISITOR_KINDS, Visitor

# The widget sends this header when the browser keeps no cookie for it (Safari, or any
# browser blocking third-party cookies). Headers never leak through Referer or logs the way
# a token in a URL would.
TOKEN_HEADER = "X-Chat-Session"
_TOKEN_SALT = "chat-session-token"
# When the session was last written. An unchanged session is rewritten (its expiry pushed
# back) at most once an hour instead of on every request: each write is a file written
# while the whole gevent worker waits (docs/benchmarks.md).
_REFRESHED = "refreshed_at"
_REFRESH_SECONDS = 3600

log = logging.getLogger(__name__)
# Routes for machines, which must answer whatever state the session store is in.
_SESSIONLESS_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def conversation_id() -> str | None:
    """This visitor's conversation id, if they have one."""
    current = session.get("conversation_id")
    return current if isinstance(current, str) else None


def start_conversation() -> str:
    """This visitor's conversation id, made now if they have none."""
    current = conversation_id()
    if current is None:
        current = "web-" + secrets.token_urlsafe(24)
        session["conversation_id"] = current
    return current


def current_visitor() -> Visitor:
    """Who is asking, as far as the session knows."""
    name = session.get("visitor_name")
    kind = session.get("visitor_kind")
    return Visitor(
        name=name if isinstance(name, str) else None,
        kind=kind if kind in VISITOR_KINDS else None,
    )


def session_unavailable() -> bool:
    """True when this request's session could not be read (its store is down)."""
    return bool(g.get("session_unavailable", False))


def skip_saving() -> None:
    """Leave the session unwritten: a backend failed, and writing would wait out a timeout."""
    g.session_unsaved = True


def has_cookie() -> bool:
    """True when the browser sent this app's session cookie."""
    return current_app.config["SESSION_COOKIE_NAME"] in request.cookies


def session_token(app: Flask) -> str:
    """A signed copy of the session id, for the widget to send back in TOKEN_HEADER."""
    return URLSafeSerializer(app.secret_key or "", salt=_TOKEN_SALT).dumps(session.sid)  # type: ignore[attr-defined]


class EmbeddableSessionInterface(SessionInterface):
    """Wraps Flask-Session's interface: reads the header token, sets `Partitioned`."""

    def __init__(self, inner: Any):
        self.inner = inner

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if request.path in _SESSIONLESS_PATHS:
            return self._fresh()
        try:
            return self._open(app, request)
        except redis.RedisError as error:
            # Let the request reach the error handler (503, the visitor's text kept) with a
            # fresh session that save_session will not write: the visitor's cookie, and so
            # their conversation, is still there when the store returns.
            log.warning("session store unavailable: %s", type(error).__name__)
            g.session_unavailable = g.session_unsaved = True
            return self._fresh()

    def _fresh(self) -> SessionMixin:
        return self.inner.session_class(sid=secrets.token_urlsafe(32),  # type: ignore[no-any-return]
                                        permanent=self.inner.permanent)

    def _open(self, app: Flask, request: Request) -> SessionMixin | None:
        token = request.headers.get(TOKEN_HEADER)
        if token and not request.cookies.get(app.config["SESSION_COOKIE_NAME"]):
            restored = self._from_token(app, token)
            if restored is not None:
                return restored
        return self.inner.open_session(app, request)  # type: ignore[no-any-return]

    def _from_token(self, app: Flask, token: str) -> SessionMixin | None:
        try:
            sid = URLSafeSerializer(app.secret_key or "", salt=_TOKEN_SALT).loads(token)
        except BadSignature:
            return None
        if not isinstance(sid, str):
            return None
        # Flask-Session 0.8 has no public way to open a session by id; these two private
        # methods are what its own open_session uses (pinned in requirements.txt).
        data = self.inner._retrieve_session_data(self.inner._get_store_id(sid))
        if data is None:
            return None
        return self.inner.session_class(data, sid=sid)  # type: ignore[no-any-return]

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if g.get("session_unsaved", False):
            return
        try:
            self._save(app, session, response)
        except redis.RedisError as error:
            # Flask-Session writes the store before the cookie: the old cookie stays.
            log.warning("session not saved, its store is unavailable: %s", type(error).__name__)

    def _save(self, app: Flask, session: SessionMixin, response: Response) -> None:
        now = int(time.time())
        interval = min(_REFRESH_SECONDS, app.permanent_session_lifetime.total_seconds() / 10)
        refreshed = dict(session).get(_REFRESHED)  # session.get would mark it accessed
        if (session and not session.modified and isinstance(refreshed, int)
                and now - refreshed < interval):
            if session.accessed:
                response.vary.add("Cookie")  # what the inner interface would have added
            return
        if session:
            session[_REFRESHED] = now
        self.inner.save_session(app, session, response)
        if app.config["SESSION_COOKIE_PARTITIONED"]:
            _add_partitioned(response, app.config["SESSION_COOKIE_NAME"])

    def is_null_session(self, obj: object) -> bool:
        return self.inner.is_null_session(obj)  # type: ignore[no-any-return]


def _add_partitioned(response: Response, cookie_name: str) -> None:
    """Add the CHIPS `Partitioned` attribute, which Flask-Session 0.8 leaves out (#273)."""
    cookies = response.headers.getlist("Set-Cookie")
    if not any(c.startswith(cookie_name + "=") for c in cookies):
        return
    response.headers.remove("Set-Cookie")
    for cookie in cookies:
        if cookie.startswith(cookie_name + "=") and "; Partitioned" not in cookie:
            cookie += "; Partitioned"
        response.headers.add("Set-Cookie", cookie)


def refuse_without_session() -> None:
    """Answer 503 at once when the session could not be read.

    Every page and form needs it, and each further call to the store that failed would wait
    out its own timeout: so a stalled Redis costs a request one timeout, not several.
    """
    if session_unavailable():
        abort(503)


def remove_expired(app: Flask, now: float) -> None:
    """Delete the session files past their expiry (the embedded store; Redis expires its own).

    cachelib deletes an expired file only when that session is read again, so each visitor
    who never came back (and each crawler) would leave one behind for good, with their name
    if they gave it. `_remove_expired` is cachelib's own sweep (pinned in requirements.txt).
    """
    cache = app.config.get("SESSION_CACHELIB")
    if isinstance(cache, FileSystemCache):
        cache._remove_expired(now)


def init_app(app: Flask) -> None:
    """Wrap the interface Flask-Session installed; refuse requests it could not serve."""
    app.session_interface = EmbeddableSessionInterface(app.session_interface)
    app.before_request(refuse_without_session)  # before CSRF and the limiter look

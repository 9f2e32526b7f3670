"""The Flask extensions, created once and wired to each app with init_app."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_session import Session
from flask_wtf import CSRFProtect

server_session = Session()
csrf = CSRFProtect()
# Errors of the limiter's storage are logged and the request let through (chatbot/limits.py
# says why). Retry-After is set on 429s by chatbot/limits.py: Flask-Limiter's own headers
# would put one on every answer and cost a storage call each.
limiter = Limiter(key_func=get_remote_address, swallow_errors=True, headers_enabled=False)

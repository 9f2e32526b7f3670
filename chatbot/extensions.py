"""The Flask extensions, created once and wired to each app with init_app."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_session import Session
from flask_wtf import CSRFProtect

server_session = Session()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)

"""The WSGI entry point: `flask --app wsgi run` or `gunicorn wsgi:app`."""

from __future__ import annotations

import sys

from dotenv import load_dotenv

from chatbot import StartupError, create_app

load_dotenv()  # a .env file in the working directory, if any; real env vars win

try:
    app = create_app()
except StartupError as error:
    # A bad setting or profile: say which, without a traceback, and do not start.
    sys.exit(f"chatbot: cannot start: {error}")

"""Serve the demo portfolio on 127.0.0.1 and the chat it embeds on localhost.

    python examples/serve_demo.py                # or: make demo
    # demo: http://127.0.0.1:8000/   chat: http://localhost:5000 (two different sites)
    python examples/serve_demo.py --chat-url https://chat.example.com
    # only the demo page, embedding a chat that runs elsewhere (its CHATBOT_EMBED_ORIGINS
    # must list http://127.0.0.1:8000)

The page gets a strict Content-Security-Policy: the chat's origin in script-src and
frame-src, and its own inline <style> by hash; nothing else. Query parameters set the
embed's options, e.g. http://127.0.0.1:8000/?theme=dark&position=left&accent=%23e11d48.
The chat reads its other settings from the environment (and .env) like `make run`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

PAGE = Path(__file__).with_name("portfolio.html")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
OPTIONS = ("position", "accent", "label", "open", "greeting", "theme")
_EMBED_TAG = re.compile(r'<script src="http://localhost:5000/embed\.js"[^>]*></script>')
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_DATA = re.compile(r'data-([a-z]+)="([^"]*)"')


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(page: str, chat_origin: str) -> str:
    """What a strict host page allows: its own inline style by hash, and the chat."""
    styles = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _STYLE.findall(page)
    )
    return (f"default-src 'none'; script-src {chat_origin}; frame-src {chat_origin}; "
            f"style-src {styles}; img-src 'self' data:; base-uri 'none'; form-action 'none'")


def render_page(chat_origin: str, overrides: dict[str, str]) -> str:
    """The portfolio with its embed tag pointed at `chat_origin` and options applied."""
    page = PAGE.read_text(encoding="utf-8")
    tag = _EMBED_TAG.search(page)
    if tag is None:
        raise RuntimeError(f"{PAGE}: the embed <script> tag is missing")
    options = dict(_DATA.findall(tag.group(0)))
    options.update({k: v for k, v in overrides.items() if k in OPTIONS})
    attrs = "".join(f' data-{k}="{html.escape(v)}"' for k, v in options.items() if v)
    new_tag = f'<script src="{html.escape(chat_origin)}/embed.js" defer{attrs}></script>'
    return page[:tag.start()] + new_tag + page[tag.end():]


class DemoSite:
    """The WSGI app of the demo: the portfolio page at `/`, a 404 for anything else."""

    def __init__(self, chat_origin: str):
        self.chat_origin = chat_origin

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        if request.path not in ("/", "/index.html"):
            response = Response("Not found", 404, mimetype="text/plain")
        else:
            page = render_page(self.chat_origin, dict(request.args))
            response = Response(page, mimetype="text/html")
            response.headers["Content-Security-Policy"] = content_security_policy(
                page, self.chat_origin)
            response.headers["Cache-Control"] = "no-store"
        return response(environ, start_response)


def start(app: Any, host: str, port: int) -> BaseWSGIServer:
    """Serve `app` from a daemon thread; return the server (port 0 picks a free one)."""
    server = make_server(host, port, app, threaded=True)
    threading.Thread(target=server.serve_forever, name=f"serve-{host}", daemon=True).start()
    return server


def chat_app(embed_origin: str) -> Any:
    """The chat, configured from the environment, that lets `embed_origin` frame it."""
    sys.path.insert(0, str(PROJECT_ROOT))
    from dotenv import load_dotenv

    from chatbot import create_app, settings

    load_dotenv()
    environ = settings.from_environment(os.environ)
    origins = environ.get("CHATBOT_EMBED_ORIGINS", "")
    app = create_app({
        "CHATBOT_EMBED_ORIGINS": f"{origins} {embed_origin}".strip(),
        # Browsers count http://localhost as secure, so the demo can use the production
        # cookie (Secure; SameSite=None; Partitioned) and keep the conversation on reload.
        "SESSION_COOKIE_SECURE": environ.get("SESSION_COOKIE_SECURE", True),
    })
    return app


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="demo port (default 8000)")
    parser.add_argument("--chat-port", type=int, default=5000, help="chat port (default 5000)")
    parser.add_argument("--chat-url", help="embed this chat instead of starting one")
    args = parser.parse_args(argv)

    demo = DemoSite(origin_of(args.chat_url) if args.chat_url else "")
    demo_server = start(demo, "127.0.0.1", args.port)
    demo_origin = f"http://127.0.0.1:{demo_server.server_port}"
    if not args.chat_url:
        chat_server = start(chat_app(demo_origin), "localhost", args.chat_port)
        demo.chat_origin = f"http://localhost:{chat_server.server_port}"
    print(f"demo portfolio: {demo_origin}/\nchat:           {demo.chat_origin}/chat\n"
          "Ctrl+C stops both.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

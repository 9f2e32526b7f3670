"""Browser fixtures: one Chromium per run, the chat on localhost, the demo on 127.0.0.1.

localhost and 127.0.0.1 are different sites to the browser, so the demo portfolio embeds
the chat exactly as a real portfolio on another domain would. Every test gets a fresh
browser context (no cookies, no storage), so tests do not share sessions.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Frame, Page, sync_playwright
from werkzeug.serving import BaseWSGIServer, make_server

from chatbot import create_app
from chatbot.settings import SETTINGS_BY_NAME

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))
from serve_demo import DemoSite  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TIMEOUT_MS = 10_000


def serve(app: Any, host: str) -> BaseWSGIServer:
    """Serve a WSGI app on a free port from a daemon thread."""
    server = make_server(host, 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_app(data_dir: Path, embed_origins: str, **settings: Any) -> Flask:
    """The chat for a browser test, with nothing read from this machine's environment."""
    with pytest.MonkeyPatch.context() as mp:  # session-scoped callers run before the
        for name in list(os.environ):          # autouse clean_environment fixture
            if name in SETTINGS_BY_NAME or name.startswith(("OPENAI_", "CHATBOT_")):
                mp.delenv(name)
        app = create_app({"TESTING": True, "CHATBOT_DATA_DIR": str(data_dir),
                          "RATELIMIT_ENABLED": False, "CHATBOT_ENGINE": "offline",
                          "CHATBOT_EMBED_ORIGINS": embed_origins, **settings})
    return app


@dataclass
class Sites:
    """A chat and the demo portfolio that embeds it, running on real sockets."""

    chat: str  # http://localhost:port
    demo: str  # http://127.0.0.1:port/, listed in CHATBOT_EMBED_ORIGINS
    app: Flask


class Stack:
    """Starts chat + demo pairs and stops them all at the end."""

    def __init__(self) -> None:
        self.servers: list[BaseWSGIServer] = []
        self.apps: list[Flask] = []

    def start(self, data_dir: Path, **settings: Any) -> Sites:
        """A demo site on 127.0.0.1 and a chat on localhost that lets it frame the widget."""
        demo = DemoSite("")
        demo_server = serve(demo, "127.0.0.1")
        demo_origin = f"http://127.0.0.1:{demo_server.server_port}"
        app = build_app(data_dir, demo_origin, **settings)
        chat_server = serve(app, "localhost")
        demo.chat_origin = f"http://localhost:{chat_server.server_port}"
        self.servers += [demo_server, chat_server]
        self.apps.append(app)
        return Sites(demo.chat_origin, demo_origin + "/", app)

    def demo_only(self, chat_origin: str) -> str:
        """Another demo site (a new origin) embedding `chat_origin`; its URL."""
        server = serve(DemoSite(chat_origin), "127.0.0.1")
        self.servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    def stop(self) -> None:
        """Shut down every server and close every app's store and engine."""
        for server in self.servers:
            server.shutdown()
            server.server_close()
        for app in self.apps:
            app.extensions["chatbot"].store.close()
            app.extensions["chatbot"].engine.close()


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """Every server the browser tests start; stopped after the run."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    running = Stack()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def sites(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Sites:
    """The chat as deployed: offline engine, Secure (so SameSite=None; Partitioned) cookie.

    Chromium treats http://localhost as a secure context, so it keeps Secure cookies here.
    """
    return stack.start(tmp_path_factory.mktemp("chat"), SESSION_COOKIE_SECURE=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (`make test` installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (desktop size, light, reduced motion unless told otherwise)."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        settings = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light",
                    "reduced_motion": "reduce", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A page in a fresh context with the defaults of `new_context`."""
    return new_context().new_page()


# -- helpers the tests share, through the `ui` fixture ---------------------------------

def demo_url(sites: Sites, **options: str) -> str:
    """The demo page, with embed options (position, accent, theme, ...) as its query."""
    return sites.demo + ("?" + urlencode(options) if options else "")


def launcher(page: Page) -> Any:
    """The embed's floating button."""
    return page.locator("portfolio-chat button.l")


def open_chat(page: Page) -> Frame:
    """Click the launcher and return the chat's frame once focus is in its message field."""
    launcher(page).click()
    return chat_frame(page, focused=True)


def chat_frame(page: Page, *, focused: bool = False) -> Frame:
    """The chat's iframe, loaded (and with focus in the message field, if `focused`)."""
    handle = page.locator("portfolio-chat iframe").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_load_state("load")
    # Functions, not bare expressions: Playwright evals those, which the chat's CSP forbids.
    frame.wait_for_function("() => !!window.htmx && !!document.getElementById('message')")
    if focused:
        frame.wait_for_function("() => document.activeElement.id === 'message'")
    return frame


def send(target: Page | Frame, text: str) -> None:
    """Type a message, press Enter, and wait for its reply in the transcript."""
    before = target.locator("#log > li.msg.assistant[id^=msg-]").count()
    target.locator("#message").fill(text)
    target.locator("#message").press("Enter")
    target.locator("#log > li.msg.assistant[id^=msg-]").nth(before).wait_for()
    settle(target)


def settle(target: Page | Frame) -> None:
    """Wait for running animations and transitions to finish."""
    target.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")


def focused(page: Page) -> str:
    """Where focus is: 'launcher', 'close', 'chat:<id or tag>' or the host element's tag."""
    where = page.evaluate(
        """() => {
          const a = document.activeElement;
          if (a.tagName !== 'PORTFOLIO-CHAT') return a.tagName.toLowerCase();
          const inner = a.shadowRoot.activeElement;
          if (!inner) return 'portfolio-chat';
          if (inner.tagName === 'IFRAME') return 'iframe';
          return {l: 'launcher', c: 'close'}[inner.className] || inner.tagName.toLowerCase();
        }""")
    if where != "iframe":
        return str(where)
    inner = chat_frame(page).evaluate(
        """() => { const a = document.activeElement;
                   return a.id || (a.className ? a.tagName.toLowerCase() + '.' + a.className
                                   : a.tagName.toLowerCase()); }""")
    return f"chat:{inner}"


def focus_is(page: Page, expected: str) -> bool:
    """Wait (up to the timeout) for focus to reach `expected`, as `focused` names it."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while (where := focused(page)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(25)
    assert where == expected, f"focus is on {where!r}, not {expected!r}"
    return True


def axe_violations(target: Page | Frame) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations, as 'rule: targets' lines.

    Frames are checked one by one (axe runs where it is injected); pass the chat's frame
    separately.
    """
    settle(target)
    results = Axe().run(target, options={
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"], "iframes": False,
    })
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"]]


@pytest.fixture
def ui() -> SimpleNamespace:
    """The helpers above (demo_url, launcher, open_chat, chat_frame, send, settle, focused,
    focus_is, axe_violations), for tests to call as ui.open_chat(page) and so on."""
    return SimpleNamespace(demo_url=demo_url, launcher=launcher, open_chat=open_chat,
                           chat_frame=chat_frame, send=send, settle=settle, focused=focused,
                           focus_is=focus_is, axe_violations=axe_violations)

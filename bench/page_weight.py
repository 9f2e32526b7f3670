"""Page weight of the embed: what the chat costs a portfolio page, measured in Chromium.

    .venv/bin/python bench/page_weight.py        # starts the chat and the demo itself

It opens the demo portfolio (examples/portfolio.html, on 127.0.0.1) in a fresh browser
context, records every response from the chat's origin (localhost), clicks the launcher,
and stops when the chat is usable: the iframe has loaded with htmx and its stream
extension, and focus is in the message field. The app sends bodies uncompressed (a
reverse proxy or CDN compresses them), so each body is gzipped here, at level 9 like
`gzip -9`, to give what a compressing server transfers. Headers are not counted.

Budgets (issue 4): the embed script under 3 KB gzipped before the button is clicked, and
everything from opening the page to the first usable chat at most 25 KB gzipped.
tests/browser/test_browser_weight.py holds the same budgets. Exit status 1 when over.
"""

from __future__ import annotations

import gzip
import logging
import os
import platform
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "examples"))

EMBED_BUDGET = 3000  # bytes gzipped: "under 3 KB"
TOTAL_BUDGET = 25 * 1000  # bytes gzipped: "at most 25 KB"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class Transfer:
    """One response from the chat's origin."""

    path: str
    status: int
    raw: int
    gzipped: int
    before_click: bool


@dataclass(frozen=True)
class Weight:
    """Everything the chat's origin sent, up to the first usable chat."""

    transfers: tuple[Transfer, ...]
    host_page_gzipped: int

    @property
    def before_click(self) -> int:
        """Gzipped bytes transferred before the launcher is clicked."""
        return sum(t.gzipped for t in self.transfers if t.before_click)

    @property
    def total(self) -> int:
        """Gzipped bytes from opening the page to the first usable chat."""
        return sum(t.gzipped for t in self.transfers)

    def report(self) -> str:
        """A table of every transfer and the totals against the budgets."""
        lines = [f"{'':2}{'path':<34}{'status':>7}{'bytes':>9}{'gzip -9':>9}"]
        for t in self.transfers:
            when = "  " if t.before_click else "+ "
            lines.append(f"{when}{t.path:<34}{t.status:>7}{t.raw:>9}{t.gzipped:>9}")
        lines += [
            "(+ = loaded after the click)",
            f"before the click: {self.before_click} B gzipped (budget < {EMBED_BUDGET} B)",
            f"to a usable chat: {self.total} B gzipped (budget <= {TOTAL_BUDGET} B)",
            f"(the host page itself, not counted: {self.host_page_gzipped} B gzipped)",
        ]
        return "\n".join(lines)


def gzipped_size(body: bytes) -> int:
    """Size of `body` gzipped at level 9, with no name or time in the header."""
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def measure(browser: Any, demo_url: str, chat_origin: str) -> Weight:
    """Open `demo_url` in a fresh context, open the chat, and weigh what was transferred."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(demo_url, wait_until="load")
        clicked_at = len(responses)
        page.get_by_role("button", name="Ask about", exact=False).first.click()
        frame = wait_for_chat(page, chat_origin)
        frame.wait_for_function(  # a function: a bare expression would need eval (CSP)
            "() => document.activeElement.id === 'message' && !!window.htmx")
        transfers = []
        host_page = 0
        for index, response in enumerate(responses):
            url = urlsplit(response.url)
            body = response.body() if response.status != 304 else b""
            if f"{url.scheme}://{url.netloc}" != chat_origin:
                host_page += gzipped_size(body)
                continue
            path = url.path + (f"?{url.query}" if url.query else "")
            transfers.append(Transfer(path, response.status, len(body), gzipped_size(body),
                                      index < clicked_at))
        return Weight(tuple(transfers), host_page)
    finally:
        context.close()


def wait_for_chat(page: Any, chat_origin: str) -> Any:
    """The chat's iframe once it has loaded."""
    page.wait_for_function(
        "() => { const c = document.querySelector('portfolio-chat');"
        " const f = c && c.shadowRoot.querySelector('iframe'); return !!f; }")
    handle = page.locator("portfolio-chat iframe").element_handle()
    frame = handle.content_frame()
    frame.wait_for_load_state("load")
    return frame


def main() -> int:
    """Start the chat and the demo, measure, print, and say whether the budgets hold."""
    from playwright.sync_api import sync_playwright
    from serve_demo import DemoSite, start

    from chatbot import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    demo = DemoSite("")
    demo_server = start(demo, "127.0.0.1", 0)
    demo_origin = f"http://127.0.0.1:{demo_server.server_port}"
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app({"CHATBOT_DATA_DIR": data_dir, "CHATBOT_ENGINE": "offline",
                          "CHATBOT_EMBED_ORIGINS": demo_origin})
        chat_server = start(app, "localhost", 0)
        demo.chat_origin = f"http://localhost:{chat_server.server_port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                weight = measure(browser, demo_origin + "/", demo.chat_origin)
                version = browser.version
                browser.close()
        finally:
            chat_server.shutdown()
            demo_server.shutdown()
            app.extensions["chatbot"].store.close()
    print(f"Chromium {version}, Python {platform.python_version()}, {platform.system()}")
    print(weight.report())
    over = weight.before_click >= EMBED_BUDGET or weight.total > TOTAL_BUDGET
    print("OVER BUDGET" if over else "within budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

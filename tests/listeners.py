"""Real listeners on 127.0.0.1 for delivery tests: a webhook receiver and an SMTP sink."""

from __future__ import annotations

import base64
import json
import socketserver
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    """One request the webhook got: its JSON body, answer and arrival time."""

    body: dict[str, Any]
    status: int
    at: float


class Webhook:
    """An HTTP server that answers POSTs with scripted statuses (then 200), recording each."""

    def __init__(self, statuses: list[int] | None = None, delay: float = 0.0):
        self.statuses = list(statuses or [])
        self.delay = delay
        self.received: list[Received] = []
        self.arrived = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  (the stdlib's name)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                time.sleep(outer.delay)
                with outer.arrived:
                    status = outer.statuses.pop(0) if outer.statuses else 200
                    outer.received.append(Received(body, status, time.monotonic()))
                    outer.arrived.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Wait until `count` requests arrived (or the timeout); return them all."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.received) >= count, timeout)
            return list(self.received)

    def __enter__(self) -> Webhook:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Mail:
    """One message the SMTP sink accepted."""

    sender: str
    recipients: list[str]
    data: bytes
    login: tuple[str, str] | None = None


@dataclass
class _Session:
    sender: str = ""
    recipients: list[str] = field(default_factory=list)
    login: tuple[str, str] | None = None


class SMTPSink:
    """A tiny SMTP server (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT; no TLS) that keeps mail."""

    def __init__(self) -> None:
        self.mails: list[Mail] = []
        self.arrived = threading.Condition()
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self) -> None:
                session = _Session()
                self.reply("220 sink ready")
                while raw := self.rfile.readline():
                    command = raw.decode().rstrip("\r\n")
                    verb = command.split(" ", 1)[0].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250-sink")
                        self.reply("250 AUTH PLAIN")
                    elif verb == "AUTH":
                        _, user, password = base64.b64decode(command.split()[2]).split(b"\0")
                        session.login = (user.decode(), password.decode())
                        self.reply("235 ok")
                    elif verb == "MAIL":
                        session.sender = command.split(":", 1)[1].strip(" <>")
                        self.reply("250 ok")
                    elif verb == "RCPT":
                        session.recipients.append(command.split(":", 1)[1].strip(" <>"))
                        self.reply("250 ok")
                    elif verb == "DATA":
                        self.reply("354 go on")
                        lines = []
                        while (line := self.rfile.readline()) not in (b".\r\n", b""):
                            lines.append(line[1:] if line.startswith(b"..") else line)
                        with outer.arrived:
                            outer.mails.append(Mail(session.sender, session.recipients,
                                                    b"".join(lines), session.login))
                            outer.arrived.notify_all()
                        session = _Session(login=session.login)
                        self.reply("250 queued")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("250 ok")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"smtp://owner%40example.com:s3cret@127.0.0.1:{self.server.server_address[1]}"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Mail]:
        """Wait until `count` mails arrived (or the timeout); return them all."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.mails) >= count, timeout)
            return list(self.mails)

    def __enter__(self) -> SMTPSink:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

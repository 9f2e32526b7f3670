"""Real servers for tests: app instances under gunicorn and Caddy (Redis: redis_server.py).

Each runs as its own process on a free loopback port in a temp dir and is stopped by its
PID; nothing here touches the machine's shared Redis on 6379.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

from redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def wait_until(check: object, timeout: float = 20.0, what: str = "server") -> None:
    """Poll `check()` until it returns true, or fail naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except (OSError, httpx.HTTPError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process we started, by its PID, and reap it."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class AppInstance:
    """The app under gunicorn (gevent, as in production) with its own data dir."""

    def __init__(self, data_dir: Path, env: Mapping[str, str], workers: int = 1):
        self.port = free_port()
        self.data_dir = data_dir
        self.env = {**os.environ, "CHATBOT_DATA_DIR": str(data_dir), **env}
        self.workers = workers
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "gunicorn.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> AppInstance:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(GUNICORN), "--config", str(ROOT / "gunicorn.conf.py"),
                 "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                 "wsgi:app"], cwd=ROOT, env=self.env, stdout=log, stderr=log)
        wait_until(lambda: httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200,
                   what=f"app instance (log: {self.log})")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


class Caddy:
    """Caddy from Debian as the reverse proxy: round-robin, streams unbuffered."""

    def __init__(self, directory: Path, upstreams: list[str]):
        self.directory = directory
        self.port = free_port()
        self.upstreams = upstreams
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Caddy:
        self.directory.mkdir(parents=True, exist_ok=True)
        upstreams = " ".join(u.removeprefix("http://") for u in self.upstreams)
        config = self.directory / "Caddyfile"
        config.write_text(
            "{\n\tadmin off\n\tauto_https off\n}\n"
            f"http://127.0.0.1:{self.port} {{\n"
            f"\treverse_proxy {upstreams} {{\n"
            "\t\tlb_policy round_robin\n\t\tflush_interval -1\n\t}\n}\n")
        env = {**os.environ, "XDG_DATA_HOME": str(self.directory),
               "XDG_CONFIG_HOME": str(self.directory), "HOME": str(self.directory)}
        caddy = shutil.which("caddy") or "/usr/bin/caddy"
        log = self.directory / "caddy.log"
        with open(log, "ab") as output:
            self.process = subprocess.Popen(
                [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
                env=env, stdout=output, stderr=output)
        wait_until(lambda: httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200,
                   what=f"caddy (log: {log})")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


@contextmanager
def running(*servers: RedisServer | AppInstance | Caddy) -> Iterator[None]:
    """Start the servers in order; stop them all, in reverse, whatever happens."""
    started: list[RedisServer | AppInstance | Caddy] = []
    try:
        for server in servers:
            started.append(server)  # stopped even if it fails to come up
            server.start()
        yield
    finally:
        for server in reversed(started):
            server.stop()

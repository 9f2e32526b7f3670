"""A redis-server of the test's own, on a free port, that tests may stop, restart and stall."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """redis-server with every write fsynced to its append-only file, so restarts keep all."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.sleeper: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        """Start (or restart) the server on the same port and data directory."""
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.directory), "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--enable-debug-command", "local"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis(port=self.port, socket_timeout=0.5).ping()
                return self
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Stop the server by its PID and wait until it is gone."""
        self.wake()
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def stall(self, seconds: float) -> None:
        """Make the server answer nothing for `seconds` (DEBUG SLEEP), in the background."""
        self.sleeper = subprocess.Popen(
            ["redis-cli", "-p", str(self.port), "DEBUG", "SLEEP", str(seconds)],
            stdout=subprocess.DEVNULL)
        time.sleep(0.2)  # let the server start sleeping

    def wake(self) -> None:
        """Wait for a stall to end."""
        if self.sleeper is not None:
            self.sleeper.wait(timeout=60)
            self.sleeper = None


def available() -> bool:
    """True when redis-server and redis-cli are installed."""
    return bool(shutil.which("redis-server") and shutil.which("redis-cli"))

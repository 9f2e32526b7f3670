"""gunicorn as `make serve` runs it: streams end cleanly on a stop or a reload, every
reply stored whole; metrics add up across workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from chatbot.stores import INTERRUPTED
from chatbot.stores.sqlite import SQLiteStore

from fake_openai import FakeOpenAI
from helpers import HTMX_STREAM, parse
from redis_server import free_port

ROOT = Path(__file__).parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORDS = [f"word{n}" for n in range(200)]


class Gunicorn:
    """gunicorn with the project's config, on a free port, stopped by its PID."""

    def __init__(self, data_dir: Path, fake: FakeOpenAI, workers: int):
        self.port = free_port()
        self.data_dir = data_dir
        env = {**os.environ, "CHATBOT_DATA_DIR": str(data_dir), "CHATBOT_ENGINE": "openai",
               "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk-test",
               "CHATBOT_METRICS": "true", "PYTHONPATH": str(ROOT),
               "PROMETHEUS_MULTIPROC_DIR": str(data_dir / "metrics")}
        (data_dir / "metrics").mkdir()
        self.log = open(data_dir / "gunicorn.log", "wb")
        # A 6 s graceful timeout: streams get 2 s to finish, then are cut.
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--graceful-timeout", "6", "wsgi:app"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        self.wait_until_ready()

    def wait_until_ready(self) -> None:
        # Generous: on a fresh clone the workers compile every module on first import.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx2.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx2.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()  # never leave it running for later tests to trip over
        raise RuntimeError("gunicorn did not start: " + self.output())

    def output(self) -> str:
        return (self.data_dir / "gunicorn.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def slow_model(fake_openai: FakeOpenAI) -> FakeOpenAI:
    fake_openai.reply = " ".join(WORDS)
    fake_openai.tokens_per_second = 10  # 20 s of reply
    return fake_openai


@pytest.fixture
def gunicorn(tmp_path: Path, slow_model: FakeOpenAI, request: Any) -> Iterator[Gunicorn]:
    server = Gunicorn(tmp_path, slow_model, getattr(request, "param", 1))
    yield server
    server.stop()


def sse_events(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    """(event, data) pairs from the lines of a text/event-stream."""
    event, data = "message", []
    for line in lines:
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data.append(line[6:])


def stored_reply(data_dir: Path, conversation_id: str) -> Any:
    store = SQLiteStore(data_dir / "conversations.sqlite3")
    try:
        return store.messages(conversation_id)[-1]
    finally:
        store.close()


@pytest.mark.parametrize("gunicorn", [2], indirect=True)
def test_sigterm_ends_open_streams_cleanly_with_the_reply_stored(gunicorn: Gunicorn) -> None:
    session_id = "shutdown-test-0001"
    deltas: list[str] = []
    events: list[str] = []
    with httpx2.Client(base_url=gunicorn.url, timeout=30) as client:
        with client.stream("POST", "/api/chatbot", json={
                "message": "Tell me everything", "stream": True, "session_id": session_id,
        }) as response:
            for event, data in sse_events(response.iter_lines()):  # a torn stream would raise
                events.append(event)
                if event == "delta":
                    deltas.append(json.loads(data)["text"])
                    if len(deltas) == 3:
                        gunicorn.process.send_signal(signal.SIGTERM)  # stop the master
    assert events[-1] == "interrupted"
    assert 3 <= len(deltas) < len(WORDS)
    assert gunicorn.process.wait(timeout=20) == 0
    reply = stored_reply(gunicorn.data_dir, "api-" + session_id)
    assert reply.role == "assistant" and reply.kind == INTERRUPTED
    assert reply.text == "".join(deltas)  # exactly what the visitor saw: nothing torn


def test_a_reload_drains_the_old_worker_and_keeps_serving(gunicorn: Gunicorn) -> None:
    with httpx2.Client(base_url=gunicorn.url, timeout=30) as browser:
        token = parse(browser.get("/chat").text).select_one("input[name=csrf_token]")["value"]
        tokens = 0
        events = []
        with browser.stream("POST", "/chat/messages", headers=HTMX_STREAM,
                            data={"message": "Tell me everything", "csrf_token": token}
                            ) as response:
            for event, data in sse_events(response.iter_lines()):
                events.append(event)
                tokens += 'hx-swap="beforeend"' in data
                if tokens == 3 and events.count("message") == 4:
                    gunicorn.process.send_signal(signal.SIGHUP)  # reload: new workers
        assert events[-1] == "interrupted"
        gunicorn.wait_until_ready()
        page = parse(browser.get("/chat").text)
    interrupted = page.select_one("li.msg.interrupted")
    assert interrupted is not None and "word0" in interrupted.get_text()
    assert "word199" not in interrupted.get_text()


def test_metrics_add_up_across_workers(tmp_path: Path, slow_model: FakeOpenAI) -> None:
    server = Gunicorn(tmp_path, slow_model, workers=2)
    try:
        with httpx2.Client(base_url=server.url) as client:
            for _ in range(6):
                client.get("/chat", headers={"Connection": "close"})
            text = client.get("/metrics").text
    finally:
        server.stop()
    counted = [line for line in text.splitlines()
               if line.startswith("chatbot_requests_total") and 'endpoint="chat.page"' in line]
    assert counted and float(counted[0].rsplit(" ", 1)[1]) == 6
    assert "chatbot_streams_open" in text

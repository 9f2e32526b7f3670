"""The owner's terminal commands: `flask chatbot report|export|purge`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from flask import Flask

from chatbot.stores import REPLY

ROOT = Path(__file__).resolve().parents[1]


def seed(app: Flask) -> None:
    """One conversation with an unanswered question and a contact request."""
    store = app.extensions["chatbot"].store
    question = store.append("web-1", "visitor", "Does she speak Finnish?")
    store.append("web-1", "assistant", "not covered", kind=REPLY, reply_to=question.id,
                 unanswered=True)
    store.set_visitor("web-1", name="Ada", visitor_type="recruiter")
    app.test_client().post("/api/contact", json={"name": "Grace", "email": "g@example.com"})


def test_report_prints_the_summary(app: Flask) -> None:
    seed(app)
    result = app.test_cli_runner().invoke(args=["chatbot", "report"])
    assert result.exit_code == 0, result.output
    assert "Conversations: 1" in result.output
    assert "recruiter" in result.output
    assert "Grace <g@example.com>  (stored)" in result.output
    unanswered = result.output.split("Not answered by the profile")[1]
    assert "   1  Does she speak Finnish?" in unanswered


def test_export_writes_the_json_to_stdout_or_a_file(app: Flask, tmp_path: Path) -> None:
    seed(app)
    runner = app.test_cli_runner()
    printed = json.loads(runner.invoke(args=["chatbot", "export"]).output)
    assert printed["unanswered"] == [{"question": "Does she speak Finnish?", "count": 1}]
    target = tmp_path / "export.json"
    result = runner.invoke(args=["chatbot", "export", "--output", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text()) == printed


def test_purge_deletes_what_is_older_than_the_retention(app: Flask, monkeypatch: Any) -> None:
    seed(app)
    app.test_client().get("/chat")  # a session file
    sessions = Path(app.config["CHATBOT_DATA_DIR"]) / "sessions"
    assert any(sessions.iterdir())
    later = time.time() + 31 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    result = app.test_cli_runner().invoke(args=["chatbot", "purge"])
    assert result.exit_code == 0
    assert result.output.strip() == ("Deleted 1 conversation(s) and 1 contact request(s) older "
                                     "than the retention period.")
    assert app.extensions["chatbot"].store.conversations() == []
    assert not any(sessions.iterdir())


def test_the_commands_run_as_a_real_process(app: Flask, tmp_path: Path) -> None:
    seed(app)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHATBOT_", "OPENAI_", "REDIS_"))}
    env["CHATBOT_DATA_DIR"] = app.config["CHATBOT_DATA_DIR"]
    flask = [sys.executable, "-m", "flask", "--app", "wsgi", "chatbot"]
    report = subprocess.run([*flask, "report"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60, check=True)
    assert "Does she speak Finnish?" in report.stdout
    target = tmp_path / "out.json"
    subprocess.run([*flask, "export", "--output", str(target)], cwd=ROOT, env=env,
                   capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(target.read_text())["conversations"][0]["id"] == "web-1"
    purge = subprocess.run([*flask, "purge"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=60, check=True)
    assert purge.stdout.startswith("Deleted 0 conversation(s)")

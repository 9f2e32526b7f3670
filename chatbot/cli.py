"""The owner's terminal commands: `flask --app wsgi chatbot report|export|purge`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click
from flask.cli import AppGroup

from chatbot import state
from chatbot.privacy import purge
from chatbot.report import build_report, export_data, report_lines
from chatbot.sessions import remove_expired

group = AppGroup("chatbot", help="The owner's commands: report, export and purge.")


@group.command("report")
def report_command() -> None:
    """Print what the owner's page shows: visits, contacts, questions."""
    for line in report_lines(build_report(state().store)):
        click.echo(line)


@group.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON to this file instead of the terminal.")
def export_command(output: Path | None) -> None:
    """Write every conversation, contact request and unanswered question as JSON."""
    text = json.dumps(export_data(state().store), ensure_ascii=False, indent=2)
    if output is None:
        click.echo(text)
        return
    output.write_text(text + "\n", encoding="utf-8")
    click.echo(f"Wrote {output}", err=True)


@group.command("purge")
def purge_command() -> None:
    """Delete what is older than the retention period (CHATBOT_RETENTION_DAYS), and expired
    sessions."""
    from flask import current_app

    click.echo(str(purge(state().store, current_app.config["CHATBOT_RETENTION_DAYS"])))
    remove_expired(current_app, time.time())  # and the session files past their expiry

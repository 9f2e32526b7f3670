"""Server-sent event framing."""

from __future__ import annotations

import pytest

from chatbot.streaming import sse


@pytest.mark.parametrize("data", ["a\rb", "a\r\nb", "a\nb", "a\r\rb"])
def test_every_line_break_starts_a_new_data_line(data: str) -> None:
    """A lone CR ends a line for browsers too: unsplit, it would cut the event short."""
    event = sse(data, "delta")
    lines = event.split("\n")
    assert lines[0] == "event: delta"
    assert all(line.startswith("data: ") for line in lines[1:-2])
    assert "\r" not in event
    assert [line[6:] for line in lines[1:-2]] == data.replace("\r\n", "\n").replace(
        "\r", "\n").split("\n")

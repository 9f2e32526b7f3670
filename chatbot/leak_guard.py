"""Spot a model reply that quotes the hidden prompt's own instructions (OWASP LLM07).

Both texts are reduced to a canonical form before they are compared: Unicode-normalised,
case-folded, Markdown list markers and headings dropped, every run of punctuation and
space turned into one space, invisible format characters removed. A reply that reflows,
re-cases, bolds, bullets, numbers or code-fences the instructions still matches. The
trigger is a quote covering LEAK_CHARS or more consecutive characters of the original
instructions, measured in the prompt as written (punctuation included) from the first
letter or digit quoted to the last.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

LEAK_CHARS = 80
# Shortest canonical run looked up in the index; matches are then extended as far as they go.
SEED_CHARS = 16
# While streaming, check again once the reply has grown by this many characters.
CHECK_EVERY_CHARS = 48

# Markdown that a reformatted quote adds at the start of a line: bullets, numbers, quotes,
# headings (they would otherwise break a match between two rules).
_LINE_MARKER = re.compile(r"^[ \t]*(?:(?:[-*+>#]+|\d{1,3}[.)])[ \t]+)+", re.MULTILINE)


@dataclass(frozen=True)
class Canonical:
    """Text in canonical form, with where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # index in the original text of each canonical character


def canonical(text: str) -> Canonical:
    """Reduce `text` to lower-case letters and digits separated by single spaces."""
    markers = {i for m in _LINE_MARKER.finditer(text) for i in range(m.start(), m.end())}
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if index in markers:
            char = " "
        for piece in unicodedata.normalize("NFKC", char).casefold():
            if unicodedata.category(piece) == "Cf":
                continue  # zero-width and bidi characters: not separators, not text
            if piece.isalnum():
                chars.append(piece)
                origin.append(index)
            elif chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(index)
    return Canonical("".join(chars), tuple(origin))


@dataclass(frozen=True)
class LeakGuard:
    """The instructions to protect, indexed for fast look-up of quoted runs."""

    secret: Canonical
    seeds: dict[str, tuple[int, ...]]

    def longest_quote(self, reply: str) -> int:
        """How many consecutive characters of the instructions `reply` quotes, at most."""
        secret = self.secret.text
        said = canonical(reply).text
        reached: dict[int, int] = {}  # per alignment (diagonal): where the last match ended
        longest = 0
        for start in range(len(said) - SEED_CHARS + 1):
            for at in self.seeds.get(said[start:start + SEED_CHARS], ()):
                diagonal = at - start
                if reached.get(diagonal, -1) > start:
                    continue  # inside a match already measured
                length = SEED_CHARS
                while (at + length < len(secret) and start + length < len(said)
                       and secret[at + length] == said[start + length]):
                    length += 1
                reached[diagonal] = start + length
                longest = max(longest, self._span(at, length))
        return longest

    def leaks(self, reply: str) -> bool:
        """True when `reply` quotes LEAK_CHARS or more consecutive characters."""
        return self.longest_quote(reply) >= LEAK_CHARS

    def _span(self, at: int, length: int) -> int:
        """The length in the original instructions of a canonical match, from its first
        letter or digit to its last (separators at its ends stand for any punctuation)."""
        text, origin = self.secret.text, self.secret.origin
        first, last = at, at + length - 1
        first += text[first] == " "
        last -= text[last] == " "
        return origin[last] - origin[first] + 1 if last >= first else 0


@lru_cache(maxsize=64)
def guard_for(instructions: str) -> LeakGuard:
    """The guard for one prompt's instructions (cached: prompts repeat per visitor type)."""
    secret = canonical(instructions)
    seeds: dict[str, list[int]] = {}
    for at in range(len(secret.text) - SEED_CHARS + 1):
        seeds.setdefault(secret.text[at:at + SEED_CHARS], []).append(at)
    return LeakGuard(secret, {seed: tuple(places) for seed, places in seeds.items()})


class LeakWatch:
    """Watches a reply as it streams: `feed` says when the text so far leaks."""

    def __init__(self, guard: LeakGuard | None):
        self.guard = guard
        self.text = ""
        self.checked = 0
        self.leaked = False

    def feed(self, chunk: str) -> bool:
        """Add a chunk; True once the reply so far quotes the instructions."""
        self.text += chunk
        if self.guard is not None and not self.leaked \
                and len(self.text) - self.checked >= CHECK_EVERY_CHARS:
            self.checked = len(self.text)
            self.leaked = self.guard.leaks(self.text)
        return self.leaked

    def finish(self) -> bool:
        """Check the whole reply (the end may not have been checked yet)."""
        if self.guard is not None and not self.leaked:
            self.leaked = self.guard.leaks(self.text)
        return self.leaked

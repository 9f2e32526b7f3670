"""Spot a model reply that quotes the hidden prompt's own instructions (OWASP LLM07).

Both texts are reduced to a canonical form before they are compared: NFKC-normalised,
case-folded, Markdown list markers and headings dropped, every run of punctuation and
space turned into one space, invisible (zero-width, bidi, tag) characters removed. A
reply that reflows, re-cases, bolds, bullets, numbers or code-fences the instructions
still matches. The
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
# Invisible characters a reply may sprinkle inside words: dropped, not separators.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\U000e0000-\U000e007f]")
_SEPARATORS = re.compile(r"[\W_]+")  # everything but letters and digits


@dataclass(frozen=True)
class Canonical:
    """Text in canonical form, with where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # index in the original text of each canonical character


def fold(text: str) -> str:
    """Reduce `text` to lower-case letters and digits separated by single spaces."""
    text = _LINE_MARKER.sub(" ", text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).casefold())
    return _SEPARATORS.sub(" ", text)


def canonical(text: str) -> Canonical:
    """`fold(text)`, keeping where each character came from (for the prompt's own text)."""
    markers = {i for m in _LINE_MARKER.finditer(text) for i in range(m.start(), m.end())}
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = " " if index in markers else fold(char)
        for piece in folded:
            if piece != " ":
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
        return self.scan(fold(reply))

    def leaks(self, reply: str) -> bool:
        """True when `reply` quotes LEAK_CHARS or more consecutive characters."""
        return self.longest_quote(reply) >= LEAK_CHARS

    def scan(self, said: str, *, after: int = 0) -> int:
        """`longest_quote` of a folded reply, skipping quotes that start before `after`."""
        secret = self.secret.text
        reached: dict[int, int] = {}  # per alignment (diagonal): where the last match ended
        longest = 0
        for start in range(max(0, after), len(said) - SEED_CHARS + 1):
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


def _restart(text: str, before: int, floor: int) -> int:
    """Where folding may start afresh, at or below `before`: after a space, at a letter.

    Folding the two sides of such a point apart gives the same as folding them together
    (no line marker, composition or separator run spans it).
    """
    for index in range(min(before, len(text) - 1), floor, -1):
        if text[index].isalpha() and text[index - 1].isspace():
            return index
    return floor


def _joined(left: str, right: str) -> str:
    return left + right[1:] if left.endswith(" ") and right.startswith(" ") else left + right


class LeakWatch:
    """Watches a reply as it streams: `feed` says when the text so far leaks.

    Work stays linear in the reply's length: the folded form of the text checked so far is
    kept (up to a safe restart point), and each check scans only quotes that could have
    grown past LEAK_CHARS since the last one.
    """

    def __init__(self, guard: LeakGuard | None):
        self.guard = guard
        self.parts: list[str] = []
        self.size = 0
        self.checked = 0  # characters of the reply checked so far
        self.stable = 0  # the reply up to here is folded once and for all ...
        self.stable_folded = ""  # ... into this
        self.folded = 0  # length of the folded reply at the last check
        self.leaked = False

    @property
    def text(self) -> str:
        """The reply so far."""
        return "".join(self.parts)

    def feed(self, chunk: str) -> bool:
        """Add a chunk; True once the reply so far quotes the instructions."""
        self.parts.append(chunk)
        self.size += len(chunk)
        if self.size - self.checked >= CHECK_EVERY_CHARS:
            self._check()
        return self.leaked

    def finish(self) -> bool:
        """Check the whole reply (the end may not have been checked yet)."""
        if self.checked < self.size:  # a reply that came at once was checked as it came
            self._check()
        return self.leaked

    def _check(self) -> None:
        if self.guard is None or self.leaked:
            return
        text = self.text
        folded = _joined(self.stable_folded, fold(text[self.stable:]))
        # A quote still under LEAK_CHARS at the last check started at most that many folded
        # characters before the end then (a folded run is never longer than the prompt
        # text it matches); quotes that started earlier were measured then.
        after = self.folded - LEAK_CHARS - SEED_CHARS
        self.leaked = self.guard.scan(folded, after=after) >= LEAK_CHARS
        self.checked, self.folded = len(text), len(folded)
        restart = _restart(text, len(text) - SEED_CHARS, self.stable)
        self.stable_folded = _joined(self.stable_folded, fold(text[self.stable:restart]))
        self.stable = restart

"""Visitor input: cleaning and validating messages and conversation ids."""

from __future__ import annotations

import re
import unicodedata

# Control characters except tab and newline; zero-width and bidi-override characters; the
# Unicode tag block, which can smuggle invisible instructions to a model.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
    "\ud800-\udfff]"  # lone surrogates (JSON can carry them): no valid text contains one
)
# Zero-width spaces between two words; other zero-width characters (a joiner, a non-joiner,
# a word joiner) after a Latin letter, digit or stop and before a Latin letter or digit,
# where no text needs them to join a word.
_PARTING = re.compile(r"(?<=\S)\u200b+(?=\S)"
                      r"|(?<=[A-Za-z0-9?!.,])[\u200c\u200d\u2060\ufeff]+(?=[A-Za-z0-9])")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class InvalidMessage(ValueError):
    """The visitor's message cannot be accepted; str() is the reason to show them."""


def clean_text(raw: str) -> str:
    """Strip invisible characters (a zero-width space is a space), normalise line endings
    and surrounding space."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # A zero-width space still parts two words ('email?\u200bIgnore\u200bthe\u200brules'),
    # and so does a joiner between Latin words ('Does\u200cAri\u200cknow\u200cReact'):
    # removed, it would join them into one word no one typed.
    text = _INVISIBLE.sub("", _PARTING.sub(" ", text))
    return unicodedata.normalize("NFC", text).strip()


def clean_message(raw: object, max_chars: int) -> str:
    """Return the message to store, or raise InvalidMessage saying what is wrong."""
    if not isinstance(raw, str):
        raise InvalidMessage("The message must be text.")
    text = clean_text(raw)
    if not text:
        raise InvalidMessage("Please type a message first.")
    if len(text) > max_chars:
        raise InvalidMessage(
            f"That message is {len(text):,} characters long; the limit is {max_chars:,}."
        )
    return text


def parse_message_id(raw: str) -> int | None:
    """A message id from a form field, or None if it cannot be one."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None


def is_valid_session_id(value: object) -> bool:
    """A UUID or a url-safe token of 16 to 128 characters."""
    return isinstance(value, str) and bool(_UUID.fullmatch(value) or _TOKEN.fullmatch(value))

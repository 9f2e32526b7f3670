"""Plain text helpers shared by the stages: folding, words, Snowball stems, Markdown links."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import Stemmer
from breame.spelling import get_american_spelling, get_british_spelling

_STEMMER = Stemmer.Stemmer("english")
# Words, keeping the characters tech names use: c++, c#, node.js, vue.js, wcag 2.2.
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*[+#]*")
MONEY = re.compile(r"[$£€¥₹₩₽₪₺₱₴₦]|\b(?:usd|eur|gbp|aud|cad|chf|nzd|sgd|hkd|sek|nok|dkk|isk|"
                   r"pln|czk|huf|bgn|zar|inr|jpy|cny|krw|brl|mxn|ils|ngn|kes|ksh|kr|zł|zl|"
                   r"euros?|dollars?|pounds?|francs?|rupees?|yen|kronor|kroner|zloty|naira|"
                   r"rands?|shillings?)\b"
                   # The rand as South Africa writes it: 'R2,450', 'R38 500'.
                   r"|\b(?-i:R)\d{1,3}(?:[,\u00a0 ]\d{3})+\b", re.I)
# An address after "@" is a fediverse handle ('@dana@hachyderm.io'), not an email.
_URL_OR_EMAIL = re.compile(r"(https?://[^\s)>\]]+|(?<![@\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_WONT = re.compile(r"\bwon'?t\b")


def fold(text: str) -> str:
    """Lower-case `text`, strip accents and curly apostrophes: 'Résumé' -> 'resume'."""
    if text.isascii():  # most text: nothing to decompose (a third of a question's analysis)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNDECOMPOSED)


# Letters with a stroke or ligatures that NFKD leaves whole: 'Małgorzata' is 'malgorzata',
# not 'ma' and 'gorzata'.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i",
                               "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def words(text: str) -> list[str]:
    """The folded words of `text`; hyphenated words give their parts and, after all the
    words, the joined form."""
    folded = fold(text)
    found = _in_order_folded(folded)
    if "-" in folded:  # no hyphenated word without one
        for joined in _HYPHENATED.findall(folded):
            found.append(joined.replace("-", ""))
    return found


def as_written(text: str) -> str:
    """A name's folded words in order, as they read inside a longer text ('Penn-ar-Bed
    Tiles': 'penn ar bed tiles', without the joined form words() adds at the end)."""
    return " ".join(_in_order(text))


def _in_order(text: str) -> list[str]:
    return _in_order_folded(fold(text))


def _in_order_folded(folded: str) -> list[str]:
    # "won't" is no 'won' (an award's cue): 'will not'.
    folded = folded.replace("’", "'")
    if "won" in folded:  # the pattern's own letters
        folded = _WONT.sub("will not", folded)
    return _WORD.findall(folded.replace("'s ", " "))


@cache
def stem(word: str) -> str:
    """The Snowball (English) stem of one folded word; an irregular past form has its
    verb's ('taught': 'teach', 'led': 'lead'), which Snowball leaves apart; a word it
    stems like one of another sense has its own (lexicon.toml [apart])."""
    word = american(_irregular().get(word, word))
    if own := lexicon()["apart"].get(word):
        return str(own)
    # Snowball keeps the 's' of a plural acronym with no vowel ('pcbs', 'sdks'): drop it.
    if len(word) >= 4 and word.endswith("s") and word.isalpha() \
            and not re.search(r"[aeiouy]", word[:-1]):
        word = word[:-1]
    return str(_STEMMER.stemWord(word))


def american(word: str) -> str:
    """A British spelling as the American one, so that 'licence' finds 'license' and
    'stylised' 'stylized': breame's table, then the '-ise' verbs it lacks."""
    spelt = str(get_american_spelling(word))
    return _ISE.sub(r"\1z\2", spelt) if spelt == word else spelt


def british(word: str) -> str:
    """An American spelling as the British one ('color': 'colour'), by breame's table."""
    return str(get_british_spelling(word))


# '-ise' and '-yse' verbs and their forms ('specialised', 'analyser'); a word read so on
# both sides ('raise' as 'raize') still meets itself, but not 'supervise' or 'precise',
# whose nouns ('supervision', 'precision') keep the 's'.
_ISE = re.compile(r"(?<=[a-z]{2}[a-bd-uw-z])([iy])s(e|es|ed|ing|ation|ations|er|ers)$")


def stems(text: str) -> list[str]:
    """The stems of the words of `text`."""
    return [stem(w) for w in words(text)]


def autolink(text: str) -> str:
    """Wrap URLs and email addresses in <...> so Markdown renders them as links."""
    def wrap(match: re.Match[str]) -> str:
        address = match.group(1).rstrip(".,;:!?")
        return f"<{address}>{match.group(1)[len(address):]}"  # the sentence's stop stays

    return _URL_OR_EMAIL.sub(wrap, text)


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")


def said_in(line: str, said: str) -> bool:
    """Whether `said` already holds `line`, bold or not, with or without its full stop
    ('**Availability:** Open' after 'Availability: Open.')."""
    return line.replace("**", "").strip().rstrip(".") in said.replace("**", "")


# Words a full stop ends without ending the sentence: "supervised by Dr. Okafor".
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st e.g i.e etc vs inc ltd no approx jr sr co corp dept fig mt".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def _ends_sentence(before: str) -> bool:
    """Whether the text before a gap ends a sentence, not an abbreviation or an initial."""
    if not before.endswith("."):
        return True
    last = before.rsplit(" ", 1)[-1].lstrip("(\"'").lower().rstrip(".")
    if last in _ABBREVIATIONS:
        return False
    return not (len(last) == 1 and last.isalpha())  # an initial: "J. de Graaf"


def sentences(text: str) -> list[str]:
    """Split prose into sentences (newlines inside a sentence are joined)."""
    flat = " ".join(text.split())
    found: list[str] = []
    start = 0
    for gap in _SENTENCE_END.finditer(flat):
        if _ends_sentence(flat[start:gap.start()]):
            found.append(flat[start:gap.start()])
            start = gap.end()
    found.append(flat[start:])
    return [s.strip() for s in found if s.strip()]


@cache
def lexicon() -> dict[str, Any]:
    """The small domain word lists in lexicon.toml."""
    with open(Path(__file__).with_name("lexicon.toml"), "rb") as fh:
        return tomllib.load(fh)


@cache
def tool_names() -> frozenset[str]:
    """The tools the lexicon knows by a one-word name ('aws', 'kotlin'), folded."""
    return frozenset(fold(n) for v in lexicon()["kinds"].values() for n in v if " " not in n)


@cache
def _irregular() -> dict[str, str]:
    """Irregular past forms and the verb each is of (lexicon.toml [irregular])."""
    return {past: verb for verb, forms in lexicon()["irregular"].items() for past in forms}


_LINK = re.compile(r"\b(?:https?://|www\.)\S+")
_YEAR_OR_HOUR = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.m\.|[ap]m\b)"
                           r"|\b\d{1,2}:\d\d\b", re.I)


def has_figure(text: str) -> bool:
    """True when `text` gives a figure ('300 people', '4,000'), not only a year, a time of
    day ('fails at 6 a.m.') or the characters of a link ('watch?v=qT9mVc2Lx0s')."""
    return bool(re.search(r"\d", _YEAR_OR_HOUR.sub("", _LINK.sub("", text))))


def any_of(phrases: Sequence[str]) -> str:
    """A regex alternation of the phrases, longest first, spaces as any whitespace."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) + ")"


"""Infer who a visitor is (recruiter, hiring manager, peer, other) from what they write.

Cue phrases and technical depth (data/visitor_cues.toml, data/tech_terms.toml) score what
a visitor says about themself; a strong score (an explicit self-description) decides. Else
the learned model of chatbot/visitor_model.py decides, "other" included; weaker cues count
only where the model is unsure.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import Stemmer
from rapidfuzz import fuzz, process

from chatbot.engines.offline.text import fold
from chatbot.visitor_model import Scorer, load_blend

VISITOR_TYPES = ("recruiter", "hiring_manager", "peer", "other")
CUES_PATH = Path(__file__).with_name("data") / "visitor_cues.toml"
TECH_PATH = Path(__file__).with_name("data") / "tech_terms.toml"

_GAP = "*"
_BREAK = "|"  # sentence boundary token: a "*" gap never crosses it
_EXACT = "="  # prefix of a cue word matched as written, not by stem ("sourcing!")
_WORD = re.compile(r"[a-z0-9+#]+|\|")
_SENTENCE_END = re.compile(r"[.!?;:\n]+(?:\s|$)|[,()]")
_CONTRACTIONS = (
    (re.compile(r"\bi'?m\b"), "i am"),
    (re.compile(r"\b(can|won|don|doesn|isn|aren|wasn|didn|wouldn|couldn)'?t\b"), r"\1 not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'s\b"), ""),
)
# Shapes of code in the raw text (each kind counts once): CamelCase or mixed-case names
# (MapLibre, eBPF), calls (color-mix()), file or package names (crates.io), snake_case,
# versions (v1.2, 3.11.4), percentiles (p99), backticks.
_CODE_SHAPES = (
    re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*\b|\b[A-Z]{2,}[a-z]{2,}[A-Za-z]*\b"),
    re.compile(r"[A-Za-z0-9_]\(\)"),
    re.compile(r"\b[A-Za-z0-9_-]+\.(?:io|js|ts|py|rs|go|rb|toml|ya?ml|json|sh|lock|cfg)\b"),
    re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b"),
    re.compile(r"\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\b"),
    re.compile(r"\bp(?:50|90|95|99|999)\b"),
    re.compile(r"`[^`]+`"),
)
# Acronyms (KMP, SLO, ORM): technical names unless listed in `not_acronyms`; a message
# written in capitals has none.
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
# Pay in numbers ("70-80k", "£550/day", "$90 per hour"): how recruiters write.
_MONEY = re.compile(
    r"[£$€]\s?\d|\b\d+(?:\.\d+)?\s?k\b|/\s?(?:day|hour|hr|year|yr|month)\b"
    r"|\bper (?:day|hour|annum)\b|\bp\.a\.|\bk\s?-\s?\d+\s?k\b",
    re.IGNORECASE,
)
# Typo correction only looks at words this long, against cue words this long: shorter
# words are too often real words one letter away from a cue.
_FUZZY_MIN_LEN = 6
_FUZZY_CUTOFF = 88.0


@dataclass(frozen=True)
class VisitorGuess:
    """An inferred visitor type, how sure it is (0-1) and which message decided it."""

    kind: str
    confidence: float
    message_index: int


@dataclass(frozen=True)
class _Cue:
    kind: str
    items: tuple[str, ...]  # stems, or _GAP
    weight: float

    @property
    def size(self) -> int:
        return sum(1 for item in self.items if item != _GAP)


@dataclass(frozen=True)
class _Cues:
    by_first: Mapping[str, tuple[_Cue, ...]]
    threshold: float
    max_gap: int
    negators: tuple[tuple[str, ...], ...]
    not_negating: frozenset[str]
    corrections: tuple[tuple[str, ...], ...]
    correction_boost: float
    money: float
    fuzzy_words: Mapping[str, str]  # cue word -> its stem, for typo correction
    known_stems: frozenset[str]
    second_person: frozenset[str]
    third_person: frozenset[str]
    addressed_tech: float
    team_words: frozenset[str]
    team_context: float
    team_context_cap: float
    model_threshold: float
    strong: float


@dataclass(frozen=True)
class _Tech:
    by_first: Mapping[str, tuple[_Cue, ...]]  # kinds: specific, generic, ask, inventory
    weights: Mapping[str, float]
    cap: float
    cap_without_ask: float
    inventory_factor: float
    hiring_cue: float
    hiring_factor: float
    cased: re.Pattern[str] | None
    not_code: frozenset[str]
    not_acronyms: frozenset[str]
    known_stems: frozenset[str]  # never "corrected" into a cue word


@dataclass(frozen=True)
class _Scored:
    scores: Mapping[str, float]
    vetoed: frozenset[str]


_stemmer = Stemmer.Stemmer("english")


def infer_visitor_type(messages: Sequence[str]) -> str | None:
    """The visitor's type from their messages so far (oldest first), or None without signal."""
    guess = infer_visitor(messages)
    return guess.kind if guess else None


def infer_visitor(
    messages: Sequence[str], model: Scorer | None = None, *,
    threshold: float | None = None,
) -> VisitorGuess | None:
    """Like infer_visitor_type, with a confidence; the latest message with a signal wins.

    In each message, from the latest back: strong cue phrases (an explicit self-description)
    decide; else the learned `model` (the stored blend by default) if its top class has at
    least `threshold` probability (the cue file's by default), where "other" means this
    message says nothing about the visitor; else weaker cues.
    """
    cues = _load_cues()
    scorer = model or load_blend()
    limit = cues.model_threshold if threshold is None else threshold
    vetoed: set[str] = set()
    totals = dict.fromkeys(VISITOR_TYPES, 0.0)
    for index in range(len(messages) - 1, -1, -1):
        scored = score_message(messages[index])
        # A later "I'm not a recruiter" rules recruiter out for the earlier messages too.
        vetoed |= scored.vetoed
        scores = {k: (0.0 if k in vetoed else v) for k, v in scored.scores.items()}
        decided = _decide(scores, cues.threshold)
        strong = max(scores.values()) >= cues.strong
        if decided and strong:
            return VisitorGuess(decided[0], decided[1], index)
        # Explicit claims that tie ("a recruiter, and a developer too"): unsure, no guess.
        learned = None if strong else _model_guess(messages[index], scorer, vetoed, limit)
        if learned and learned[0] == "other":  # the model reads nothing about the visitor
            continue
        if learned:
            return VisitorGuess(*learned, index)
        if decided:
            return VisitorGuess(decided[0], decided[1], index)
        for kind, value in scores.items():
            totals[kind] += value
    # No single message decides: hints spread over several messages may add up.
    decided = _decide({k: (0.0 if k in vetoed else v) for k, v in totals.items()}, cues.threshold)
    return VisitorGuess(decided[0], decided[1], len(messages) - 1) if decided else None


def _model_guess(
    text: str, model: Scorer, vetoed: set[str], threshold: float
) -> tuple[str, float] | None:
    """The model's (type, probability) for one message, or None when unsure.

    Unsure: the top class (of those not ruled out) under `threshold`, or tied.
    """
    probs = model.probabilities(text)
    ranked = sorted(((p, k) for k, p in probs.items() if k not in vetoed), reverse=True)
    if not ranked or ranked[0][0] < threshold or ranked[1:2] and ranked[1][0] == ranked[0][0]:
        return None
    top, kind = ranked[0]
    return kind, round(top, 3)


def score_message(text: str) -> _Scored:
    """Cue weights per visitor type in one message, and the types it rules out."""
    return _score_tokens(tuple(words(text)), _raw_terms(text))


def _raw_terms(text: str) -> tuple[int, int, bool]:
    """(kinds of code shape, distinct named terms, pay in numbers) in the raw text.

    Named terms are the case-sensitive ones ("Go") and acronyms ("KMP").
    """
    tech = _load_tech()
    shapes = 0
    for pattern in _CODE_SHAPES:
        found = pattern.findall(text)
        if any(f not in tech.not_code for f in found):
            shapes += 1
    cased = len(set(tech.cased.findall(text))) if tech.cased else 0
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) <= len(letters) / 2:
        cased += len({
            a for a in _ACRONYM.findall(text)
            if a not in tech.not_acronyms and _stemmer.stemWord(a.lower()) not in tech.known_stems
        })
    return shapes, cased, bool(_MONEY.search(text))


def tokens(text: str) -> list[str]:
    """Stems of the words of `text`, contractions expanded, typos of cue words corrected."""
    return [_stem_word(w)[1] for w in words(text)]


def words(text: str) -> list[str]:
    """Folded words of `text` with contractions expanded and "|" between sentences."""
    folded = fold(text)
    for pattern, repl in _CONTRACTIONS:
        folded = pattern.sub(repl, folded)
    folded = _SENTENCE_END.sub(f" {_BREAK} ", folded)
    return _WORD.findall(folded)


@lru_cache(maxsize=256)
def _score_tokens(
    raw: tuple[str, ...], raw_terms: tuple[int, int, bool] = (0, 0, False)
) -> _Scored:
    """Match cues on stems (or exact words); longer cues claim their words first."""
    cues = _load_cues()
    pairs = [_stem_word(w) for w in raw]
    toks = tuple(stem for _, stem in pairs)
    exact = tuple(_EXACT + word for word, _ in pairs)
    found: list[tuple[_Cue, list[int]]] = []
    for start in range(len(toks)):
        for cue in (*cues.by_first.get(toks[start], ()), *cues.by_first.get(exact[start], ())):
            positions = _match(cue.items, toks, exact, start, cues.max_gap)
            if positions is not None:
                found.append((cue, positions))
    found.sort(key=lambda f: (-f[0].size, -f[0].weight, f[1][0]))
    corrected_from = _last_correction(toks, cues)
    used: set[int] = set()
    scores = dict.fromkeys(VISITOR_TYPES, 0.0)
    vetoed: set[str] = set()
    for cue, positions in found:
        if used.intersection(positions):
            continue
        used.update(positions)
        if _negated(toks, positions, cues):
            vetoed.add(cue.kind)
            continue
        boost = cues.correction_boost if positions[0] >= corrected_from else 1.0
        scores[cue.kind] += cue.weight * boost
    if raw_terms[2]:
        scores["recruiter"] += cues.money
    tech = _load_tech()
    hiring = max(scores["recruiter"], scores["hiring_manager"]) >= tech.hiring_cue
    stems = set(toks)
    you, owner = bool(stems & cues.second_person), bool(stems & cues.third_person)
    if "peer" not in vetoed:
        addressed = you and not owner and not hiring
        depth = _depth(toks, exact, raw_terms, frozenset(used), addressed)
        # Asking the owner herself ("you") how or with what is what engineers do; recruiters
        # and managers talk about her in the third person.
        if depth > 0 and addressed:
            depth += cues.addressed_tech
        # A job spec names tools too: with a recruiter's or manager's cue, depth counts less.
        if hiring:
            depth *= tech.hiring_factor
        scores["peer"] += depth
    # "our routing engine", "with me": the visitor's own team, about her, is a manager's.
    if owner and not you and "hiring_manager" not in vetoed:
        scores["hiring_manager"] += min(_team_context(toks, cues), cues.team_context_cap)
    return _Scored(scores, frozenset(vetoed))


def _team_context(toks: tuple[str, ...], cues: _Cues) -> float:
    """Weight of "our/my <team word>" (two words apart at most) and "with me" in a message."""
    total = 0.0
    for i, tok in enumerate(toks):
        if tok in ("our", "my") and any(t in cues.team_words for t in toks[i + 1 : i + 4]):
            total += cues.team_context
        elif tok == "me" and i and toks[i - 1] in ("with", "under", "alongsid", "for"):
            total += cues.team_context
    return total


def _depth(
    toks: tuple[str, ...], exact: tuple[str, ...], raw_terms: tuple[int, int, bool],
    claimed: frozenset[int], addressed: bool = False,
) -> float:
    """How technical a message is: named tools and concepts, code shapes, how-questions.

    Words a cue phrase already counted (`claimed`) are not counted again as terms. Asking how
    or which counts about something named, or when `addressed` to the owner as "you".
    """
    tech = _load_tech()
    found: list[tuple[_Cue, list[int]]] = []
    for start in range(len(toks)):
        for cue in (*tech.by_first.get(toks[start], ()), *tech.by_first.get(exact[start], ())):
            positions = _match(cue.items, toks, exact, start, _load_cues().max_gap)
            if positions is not None:
                found.append((cue, positions))
    found.sort(key=lambda f: (-f[0].size, f[1][0]))
    used = set(claimed)
    terms: dict[str, set[tuple[str, ...]]] = {}
    for cue, positions in found:
        if cue.kind in ("specific", "generic") and used.intersection(positions):
            continue
        if cue.kind in ("specific", "generic"):
            used.update(positions)
        terms.setdefault(cue.kind, set()).add(cue.items)
    shapes, cased, _ = raw_terms
    w = tech.weights
    named = len(terms.get("specific", ())) + cased
    depth = named * w["specific"] + len(terms.get("generic", ())) * w["generic"]
    depth += shapes * w["shape"]
    asks = bool(terms.get("ask"))
    # Asking how or which counts only about something named ("frontend or backend?" is not).
    if asks and (named or shapes or addressed):
        depth += w["ask"]
    if terms.get("inventory"):
        depth *= tech.inventory_factor
    return min(depth, tech.cap if asks else tech.cap_without_ask)


def _match(
    items: tuple[str, ...], toks: tuple[str, ...], exact: tuple[str, ...], start: int,
    max_gap: int,
) -> list[int] | None:
    """Positions of a cue's words if it matches at `start`, else None."""
    positions = [start]
    i = start + 1
    gap = False
    for item in items[1:]:
        if item == _GAP:
            gap = True
            continue
        seq = exact if item.startswith(_EXACT) else toks
        limit = i + (max_gap if gap else 0)
        while i <= limit and i < len(toks) and seq[i] != item and toks[i] != _BREAK:
            i += 1
        if i > limit or i >= len(toks) or seq[i] != item:
            return None
        positions.append(i)
        i += 1
        gap = False
    return positions


def _negated(toks: tuple[str, ...], positions: list[int], cues: _Cues) -> bool:
    """Whether a negator sits just before the cue or inside its gap ("I'm not a recruiter")."""
    start = positions[0]
    window: list[tuple[int, str]] = []
    for i in range(start - 1, max(-1, start - 3), -1):
        if toks[i] == _BREAK:
            break
        window.append((i, toks[i]))
    window.extend((i, toks[i]) for i in range(start, positions[-1]) if i not in positions)
    for i, _ in window:
        for negator in cues.negators:
            if toks[i : i + len(negator)] == negator:
                following = toks[i + len(negator)] if i + len(negator) < len(toks) else ""
                if following not in cues.not_negating:
                    return True
    return False


def _last_correction(toks: tuple[str, ...], cues: _Cues) -> int:
    """Index after the last "actually"-like phrase, or past the end when there is none."""
    last = len(toks)
    for i in range(len(toks)):
        for phrase in cues.corrections:
            if toks[i : i + len(phrase)] == phrase:
                last = i + len(phrase)
    return last


def _decide(scores: Mapping[str, float], threshold: float) -> tuple[str, float] | None:
    """The clear winner of `scores` and a confidence, or None when below threshold or tied."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < threshold or top <= second:
        return None
    total = sum(v for v in scores.values() if v > 0)
    confidence = min(1.0, top / (2 * threshold)) * (top / total)
    return best, round(confidence, 3)


@lru_cache(maxsize=8192)
def _stem_word(word: str) -> tuple[str, str]:
    """(word, stem); a long unknown word close to a cue word becomes that word."""
    if word == _BREAK:
        return word, word
    cues = _load_cues()
    stemmed: str = _stemmer.stemWord(word)
    if (
        stemmed in cues.known_stems or stemmed in _load_tech().known_stems
        or len(word) < _FUZZY_MIN_LEN or not word.isalpha()
    ):
        return word, stemmed
    best = process.extractOne(
        word, cues.fuzzy_words.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
    )
    return (best[0], cues.fuzzy_words[best[0]]) if best else (word, stemmed)


def _phrase(text: str) -> tuple[str, ...]:
    """Stems of a cue phrase, keeping "*" gaps."""
    folded = fold(text)
    for pattern, repl in _CONTRACTIONS:
        folded = pattern.sub(repl, folded)
    return tuple(
        w if w == _GAP else _EXACT + w[:-1] if w.endswith("!") else _stemmer.stemWord(w)
        for w in re.findall(r"[a-z0-9+#]+!?|\*", folded)
    )


@cache
def _load_cues(path: Path = CUES_PATH) -> _Cues:
    """Read and compile the cue file once per process."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    settings = data.get("settings", {})
    by_first: dict[str, list[_Cue]] = {}
    fuzzy: dict[str, str] = {}
    for kind, phrases in data["cues"].items():
        if kind not in VISITOR_TYPES:
            raise ValueError(f"{path}: cues.{kind}: unknown visitor type")
        for phrase, weight in phrases.items():
            items = _phrase(phrase)
            if not items or items[0] == _GAP:
                raise ValueError(f"{path}: cues.{kind}.{phrase!r}: must start with a word")
            by_first.setdefault(items[0], []).append(_Cue(kind, items, float(weight)))
            for word in re.findall(r"[a-z]+", fold(phrase)):
                if len(word) >= _FUZZY_MIN_LEN:
                    fuzzy[word] = _stemmer.stemWord(word)
    known = frozenset(item for cues in by_first.values() for c in cues for item in c.items)
    return _Cues(
        by_first={k: tuple(v) for k, v in by_first.items()},
        threshold=float(settings.get("threshold", 1.0)),
        max_gap=int(settings.get("max_gap", 3)),
        negators=_phrases(settings.get("negators", ())),
        not_negating=frozenset(_phrase(" ".join(settings.get("not_negating", ())))),
        corrections=_phrases(settings.get("corrections", ())),
        correction_boost=float(settings.get("correction_boost", 1.0)),
        money=float(settings.get("money", 0.0)),
        fuzzy_words=fuzzy,
        known_stems=known,
        second_person=frozenset(_stemmer.stemWords(settings.get("second_person", []))),
        third_person=frozenset(_stemmer.stemWords(settings.get("third_person", []))),
        addressed_tech=float(settings.get("addressed_tech", 0.0)),
        team_words=frozenset(_stemmer.stemWords(settings.get("team_words", []))),
        team_context=float(settings.get("team_context", 0.0)),
        team_context_cap=float(settings.get("team_context_cap", 0.0)),
        model_threshold=float(settings.get("model_threshold", 1.0)),
        strong=float(settings.get("strong", 1.0)),
    )


@cache
def _load_tech(path: Path = TECH_PATH) -> _Tech:
    """Read and compile the technical lexicon once per process."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    settings = data.get("settings", {})
    by_first: dict[str, list[_Cue]] = {}
    lists = {
        "ask": data["lexicon"].pop("asks", []),
        "inventory": data["lexicon"].pop("inventory", []),
        "generic": data["lexicon"].pop("generic", []),
        "specific": [t for terms in data["lexicon"].values() for t in terms],
    }
    for kind, phrases in lists.items():
        for phrase in phrases:
            items = _phrase(phrase)
            if not items or items[0] == _GAP:
                raise ValueError(f"{path}: {phrase!r}: must start with a word")
            by_first.setdefault(items[0], []).append(_Cue(kind, items, 0.0))
    cased = settings.get("cased", [])
    return _Tech(
        by_first={k: tuple(v) for k, v in by_first.items()},
        weights={k: float(settings.get(k, 0.0)) for k in ("specific", "generic", "shape", "ask")},
        cap=float(settings.get("cap", 1.5)),
        cap_without_ask=float(settings.get("cap_without_ask", 1.0)),
        inventory_factor=float(settings.get("inventory_factor", 0.5)),
        hiring_cue=float(settings.get("hiring_cue", 0.6)),
        hiring_factor=float(settings.get("hiring_factor", 0.5)),
        cased=re.compile(r"\b(?:" + "|".join(map(re.escape, cased)) + r")\b") if cased else None,
        not_code=frozenset(settings.get("not_code", ())),
        not_acronyms=frozenset(settings.get("not_acronyms", ())),
        known_stems=frozenset(i for cs in by_first.values() for c in cs for i in c.items),
    )


def _phrases(values: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(_phrase(v) for v in values)


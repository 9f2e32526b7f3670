"""Suggest the next questions a visitor may ask: for their type, not yet covered, answerable."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer

from chatbot.engines.base import VISITOR_KINDS
from chatbot.engines.offline.text import fold
from chatbot.profile import Profile

INTENTS_PATH = Path(__file__).with_name("data") / "suggestion_intents.toml"
CODE_HOSTS = ("github.", "gitlab.", "codeberg.", "bitbucket.", "sr.ht")
# Words that stand for the owner in a question, so "When could she start?" and
# "When could Inês start?" count as the same question.
_OWNER_WORDS = frozenset("she he they her him his their them hers theirs".split())
# Words whose presence or absence doesn't make a different question ("what's" vs "what is").
_FILLER = frozenset("is are was were the a an do does did".split())
_TEAM_WORDS = re.compile(r"\b(team|mentor\w*|lead|led|collaborat\w*|on-call|review\w*|pair\w*)\b")
_ANSWERED_BY_FAQ = {
    "talks": ("talk", "conference", "speaker", "meetup"),
    "publications": ("publish", "publication", "paper", "research"),
    "awards": ("award", "prize", "won", "winner"),
    "education": ("degree", "university", "educat", "studied", "bsc", "msc", "phd", "school"),
    "languages": ("speak", "native", "fluent"),
    "relocation": ("relocat", "move to", "visa", "sponsor"),
}
_stemmer = Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Suggestion:
    """A question to offer and the intent it is about (None when it could not be told)."""

    text: str
    intent: str | None


class Suggester:
    """Suggestions for one profile, with each visitor type's candidates worked out once.

    The candidates, their intents and whether the profile can answer them depend only on
    the profile, so a turn only filters them against what the conversation asked.
    """

    def __init__(self, profile: Profile):
        self.owner = fold(profile.first_name)
        self.choices = {kind: [(_normalise(c.text, self.owner), c)
                               for c in candidates(profile, kind)
                               if not c.intent or can_answer(profile, c.intent)]
                        for kind in (None, *VISITOR_KINDS)}

    def suggest(self, kind: str | None, asked: Sequence[str], covered: Collection[str],
                limit: int = 3) -> list[str]:
        """Up to `limit` questions for this visitor type that the conversation hasn't covered."""
        seen_texts = {_normalise(q, self.owner) for q in asked}
        seen_intents = set(covered)
        chosen: list[str] = []
        for text, candidate in self.choices.get(kind, self.choices[None]):
            if len(chosen) >= limit:
                break
            if text in seen_texts or (candidate.intent and candidate.intent in seen_intents):
                continue
            chosen.append(candidate.text)
            # One suggestion per intent: the owner's wording first, defaults only fill gaps.
            seen_texts.add(text)
            if candidate.intent:
                seen_intents.add(candidate.intent)
        return chosen


def suggest(profile: Profile, kind: str | None, asked: Sequence[str],
            covered: Collection[str], limit: int = 3) -> list[str]:
    """Up to `limit` questions for this visitor type that the conversation hasn't covered."""
    return Suggester(profile).suggest(kind, asked, covered, limit)


def candidates(profile: Profile, kind: str | None) -> Iterator[Suggestion]:
    """Every candidate in order of preference: audience starters, type defaults, starters."""
    audience = profile.audiences.get(kind) if kind else None
    for text in audience.starters if audience else ():
        yield Suggestion(text, intent_of(text, profile))
    yield from _defaults(profile, kind)
    for text in profile.starters:
        yield Suggestion(text, intent_of(text, profile))
    # Name and headline are required, so this one can always be answered.
    yield Suggestion(f"What does {profile.first_name} do?", "overview")


def intent_of(question: str, profile: Profile) -> str | None:
    """The intent a free-text question is about, from the keyword map; None if none fits."""
    folded = fold(question)
    if any(re.search(rf"\b{re.escape(fold(p.name))}\b", folded) for p in profile.projects):
        return "project"
    stems = " " + " ".join(_stems(folded)) + " "
    for name, phrases in _intent_phrases():
        if any(f" {phrase} " in stems for phrase in phrases):
            return name
    return None


def can_answer(profile: Profile, intent: str) -> bool:
    """Whether the profile holds anything to answer a question about `intent`."""
    match intent:
        case "projects" | "project":
            return bool(profile.projects)
        case "experience" | "job":
            return bool(profile.experience)
        case "skills" | "skill":
            return bool(profile.skills) or any(p.tech for p in profile.projects)
        case "location":
            return profile.owner.location is not None
        case "work_mode":
            return bool(profile.availability.work_modes)
        case "notice":
            return profile.availability.notice is not None
        case "contact":
            return profile.contact.email is not None or bool(profile.contact.links)
        case "faq":
            return bool(profile.faq)
        case _ if intent in _ANSWERED_BY_FAQ:
            return _faq_mentions(profile, _ANSWERED_BY_FAQ[intent])
        case _:
            return True  # availability (required) and overview (name and headline)


def _defaults(profile: Profile, kind: str | None) -> Iterator[Suggestion]:
    """The built-in questions for a visitor type, worded with the owner's first name."""
    first = profile.first_name
    if kind == "recruiter":
        yield Suggestion(f"Is {first} open to new roles?", "availability")
        if profile.availability.work_modes:
            yield Suggestion(f"Does {first} work remotely, hybrid or on site?", "work_mode")
        yield Suggestion(f"Where is {first} based?", "location")
        yield Suggestion(f"When could {first} start?", "notice")
        yield Suggestion(f"How can I contact {first}?", "contact")
    elif kind == "hiring_manager":
        main = next((p for p in profile.projects if p.highlights), None)
        if main:
            yield Suggestion(f"What impact has {main.name} had?", "project")
        if profile.experience:
            yield Suggestion(f"What is {first}'s current role?", "job")
        if _works_in_teams(profile):
            yield Suggestion(f"How does {first} work in a team?", "experience")
        yield Suggestion(f"How can I contact {first}?", "contact")
    elif kind == "peer":
        yield Suggestion(f"What is {first}'s tech stack?", "skills")
        named = sorted(profile.projects, key=lambda p: (not p.tech, not p.link))
        if named:
            yield Suggestion(f"How does {named[0].name} work?", "project")
        if _code_links(profile):
            yield Suggestion(f"Where can I see {first}'s code?", "contact")
    else:
        yield Suggestion(f"What has {first} built?", "projects")
        yield Suggestion(f"What are {first}'s main skills?", "skills")
        yield Suggestion(f"Is {first} open to new roles?", "availability")


def _works_in_teams(profile: Profile) -> bool:
    """Whether anything in the profile speaks of teamwork: teams, mentoring, leading, on-call."""
    texts = [h for e in profile.experience for h in e.highlights]
    texts += [profile.owner.summary or ""] + [f.answer for f in profile.faq]
    return any(_TEAM_WORDS.search(t.lower()) for t in texts)


def _code_links(profile: Profile) -> list[str]:
    """Links to code: the owner's code-host profiles and projects hosted on one."""
    links = [*profile.contact.links.values(), *(p.link for p in profile.projects if p.link)]
    return [link for link in links if any(host in link.lower() for host in CODE_HOSTS)]


def _faq_mentions(profile: Profile, words: Sequence[str]) -> bool:
    return any(w in fold(f"{f.question} {f.answer}") for f in profile.faq for w in words)


def _normalise(question: str, owner: str) -> str:
    """Folded words with the owner's name and pronouns made one, punctuation dropped."""
    words = re.findall(r"[a-z0-9+#]+", fold(question).replace("'s", ""))
    return " ".join(
        "@" if w in _OWNER_WORDS or w == owner else w for w in words if w not in _FILLER
    )


def _stems(text: str) -> list[str]:
    return [_stemmer.stemWord(w) for w in re.findall(r"[a-z0-9+#]+", fold(text))]


@cache
def _intent_phrases(path: Path = INTENTS_PATH) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(intent, stemmed phrases) pairs from the keyword map, in file order."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return tuple(
        (str(item["name"]), tuple(" ".join(_stems(w)) for w in item["words"]))
        for item in data["intent"]
    )

"""Load and validate the owner's profile, the only source of facts the chatbot answers from."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any


class ProfileError(Exception):
    """The profile file is missing, unreadable or malformed; the message names file and field."""

    def __init__(self, source: str, where: str, problem: str):
        super().__init__(f"{source}: {where}: {problem}")
        self.source = source
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class Owner:
    """Who the chatbot speaks about."""

    name: str
    headline: str
    location: str | None = None
    summary: str | None = None
    pronouns: str | None = None


@dataclass(frozen=True)
class Contact:
    """How visitors reach the owner: an email and named links (github, linkedin, cv, ...)."""

    email: str | None = None
    links: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Availability:
    """Whether and how the owner is open to work."""

    status: str
    work_modes: tuple[str, ...] = ()
    notice: str | None = None


@dataclass(frozen=True)
class Project:
    """One thing the owner built."""

    name: str
    summary: str
    tech: tuple[str, ...] = ()
    link: str | None = None
    highlights: tuple[str, ...] = ()
    notes: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Experience:
    """One role the owner held."""

    role: str
    company: str
    period: str | None = None
    highlights: tuple[str, ...] = ()
    notes: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Faq:
    """A question the owner answered in advance."""

    question: str
    answer: str


@dataclass(frozen=True)
class Audience:
    """How to address one kind of visitor."""

    greeting: str | None = None
    focus: tuple[str, ...] = ()
    notes: str | None = None
    starters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """Everything the chatbot knows about its owner."""

    owner: Owner
    contact: Contact
    availability: Availability
    skills: Mapping[str, tuple[str, ...]]
    projects: tuple[Project, ...]
    experience: tuple[Experience, ...]
    faq: tuple[Faq, ...]
    audiences: Mapping[str, Audience]
    starters: tuple[str, ...]
    source: str
    digest: str
    # Keys the format doesn't define, by dotted path ("talks", "owner.languages"): kept so
    # their text is searchable.
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def first_name(self) -> str:
        """The first word of the owner's name after any title ('Dr. Camille Bergeron':
        'Camille'), or the title when the name is nothing else."""
        words = self.owner.name.split()
        named = [w for w in words if w.lower().rstrip(".") not in _TITLES]
        return (named or words)[0]


# Titles written before a name, which a greeting or "Kim's profile" leaves out.
_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"})


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read, parse and validate the TOML profile at `path`."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise ProfileError(source, "file", "not found") from None
    except OSError as exc:
        raise ProfileError(source, "file", f"cannot be read ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProfileError(source, "file", f"is not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(source, exc) from None
    return parse_profile(data, source=source, digest=hashlib.sha256(raw).hexdigest())


def parse_profile(data: Mapping[str, Any], source: str = "<profile>", digest: str = "") -> Profile:
    """Validate already-parsed profile data; `digest` defaults to a hash of the data."""
    check = _Checker(source)
    root = check.table(data, "profile", required=True)
    owner_t = check.table(root.get("owner"), "owner", required=True)
    owner = Owner(
        name=check.required_text(owner_t.get("name"), "owner.name"),
        headline=check.required_text(owner_t.get("headline"), "owner.headline"),
        location=check.text(owner_t.get("location"), "owner.location"),
        summary=check.text(owner_t.get("summary"), "owner.summary"),
        pronouns=check.text(owner_t.get("pronouns"), "owner.pronouns"),
    )
    contact_t = check.table(root.get("contact"), "contact")
    links_t = check.table(contact_t.get("links"), "contact.links")
    contact = Contact(
        email=check.text(contact_t.get("email"), "contact.email"),
        links=MappingProxyType(
            {
                str(k): check.required_text(v, f"contact.links.{k}")
                for k, v in links_t.items()
            }
        ),
    )
    avail_t = check.table(root.get("availability"), "availability", required=True)
    availability = Availability(
        status=check.required_text(avail_t.get("status"), "availability.status"),
        work_modes=check.texts(avail_t.get("work_modes"), "availability.work_modes"),
        notice=check.text(avail_t.get("notice"), "availability.notice"),
    )
    skills_t = check.table(root.get("skills"), "skills")
    skills = MappingProxyType(
        {str(k).strip(): check.texts(v, f"skills.{k}") for k, v in skills_t.items()}
    )
    projects = tuple(
        Project(
            name=check.required_text(p.get("name"), f"{where}.name"),
            summary=check.required_text(p.get("summary"), f"{where}.summary"),
            tech=check.texts(p.get("tech"), f"{where}.tech"),
            link=check.text(p.get("link"), f"{where}.link"),
            highlights=check.texts(p.get("highlights"), f"{where}.highlights"),
            notes=check.text(p.get("notes"), f"{where}.notes"),
            extra=_extra(p, PROJECT_KEYS),
        )
        for where, p in check.tables(root.get("projects"), "projects")
    )
    experience = tuple(
        Experience(
            role=check.required_text(e.get("role"), f"{where}.role"),
            company=check.required_text(e.get("company"), f"{where}.company"),
            period=check.text(e.get("period"), f"{where}.period"),
            highlights=check.texts(e.get("highlights"), f"{where}.highlights"),
            notes=check.text(e.get("notes"), f"{where}.notes"),
            extra=_extra(e, EXPERIENCE_KEYS),
        )
        for where, e in check.tables(root.get("experience"), "experience")
    )
    faq = tuple(
        Faq(
            question=check.required_text(f.get("question"), f"{where}.question"),
            answer=check.required_text(f.get("answer"), f"{where}.answer"),
        )
        for where, f in check.tables(root.get("faq"), "faq")
    )
    audiences: dict[str, Audience] = {}
    for kind, value in check.table(root.get("audiences"), "audiences").items():
        where = f"audiences.{kind}"
        a = check.table(value, where, required=True)
        audiences[str(kind)] = Audience(
            greeting=check.text(a.get("greeting"), f"{where}.greeting"),
            focus=check.texts(a.get("focus"), f"{where}.focus"),
            notes=check.text(a.get("notes"), f"{where}.notes"),
            starters=check.texts(a.get("starters"), f"{where}.starters"),
        )
    chat_t = check.table(root.get("chat"), "chat")
    starters = check.texts(chat_t.get("starters"), "chat.starters")
    first = owner.name.split()[0]
    if not starters:
        starters = (
            f"What has {first} built?",
            f"What are {first}'s main skills?",
            f"Is {first} available for work?",
            f"How can I contact {first}?",
        )
    if not digest:
        canonical = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return Profile(
        owner=owner,
        contact=contact,
        availability=availability,
        skills=skills,
        projects=projects,
        experience=experience,
        faq=faq,
        audiences=MappingProxyType(audiences),
        starters=starters,
        source=source,
        digest=digest,
        extra=MappingProxyType(_profile_extra(root)),
    )


# The keys the documented format defines; everything else is kept as extra.
TOP_KEYS = frozenset(
    {"owner", "contact", "availability", "skills", "projects", "experience", "faq",
     "audiences", "chat"}
)
TABLE_KEYS = {
    "owner": frozenset({"name", "headline", "location", "summary", "pronouns"}),
    "contact": frozenset({"email", "links"}),
    "availability": frozenset({"status", "work_modes", "notice"}),
}
PROJECT_KEYS = frozenset({"name", "summary", "tech", "link", "highlights", "notes"})
EXPERIENCE_KEYS = frozenset({"role", "company", "period", "highlights", "notes"})


def _extra(table: Mapping[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    """The keys of `table` that the format doesn't define."""
    return MappingProxyType({str(k): v for k, v in table.items() if k not in known})


def _profile_extra(root: Mapping[str, Any]) -> dict[str, Any]:
    """Unknown top-level keys, and unknown keys of owner/contact/availability by dotted path."""
    extra = {str(k): v for k, v in root.items() if k not in TOP_KEYS}
    for table, known in TABLE_KEYS.items():
        value = root.get(table)
        if isinstance(value, Mapping):
            extra.update({f"{table}.{k}": v for k, v in _extra(value, known).items()})
    return extra


def _toml_error(source: str, exc: tomllib.TOMLDecodeError) -> ProfileError:
    """Turn tomllib's message into one that leads with the line number."""
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        detail = f"{message[: found.start()]}, column {found.group(2)}"
        return ProfileError(source, f"line {found.group(1)}", f"invalid TOML ({detail})")
    found = re.search(r"\s*\(at end of document\)$", message)
    if found:
        return ProfileError(source, "end of file", f"invalid TOML ({message[: found.start()]})")
    return ProfileError(source, "file", f"invalid TOML ({message})")


def _kind(value: object) -> str:
    """Name a TOML value's type the way a profile author would."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, datetime | date | time):
        return "a date/time"
    return type(value).__name__


class _Checker:
    """Type checks that raise ProfileError naming the field path."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, problem: str) -> ProfileError:
        return ProfileError(self.source, where, problem)

    def text(self, value: object, where: str) -> str | None:
        """Return stripped text, or None when absent or blank."""
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(where, f"expected text, got {_kind(value)}")
        return value.strip() or None

    def required_text(self, value: object, where: str) -> str:
        """Return stripped text that must be present and non-blank."""
        text = self.text(value, where)
        if text is None:
            raise self.fail(where, "required text is missing")
        return text

    def texts(self, value: object, where: str) -> tuple[str, ...]:
        """Return a tuple of non-empty stripped strings from an array of text."""
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(where, f"expected an array of text, got {_kind(value)}")
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(f"{where}[{i}]", f"expected text, got {_kind(item)}")
            if not item.strip():
                raise self.fail(f"{where}[{i}]", "empty text")
            items.append(item.strip())
        return tuple(items)

    def table(self, value: object, where: str, required: bool = False) -> Mapping[str, Any]:
        """Return a table, an empty one when absent and optional."""
        if value is None:
            if required:
                raise self.fail(where, "required table is missing")
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(where, f"expected a table, got {_kind(value)}")
        return value

    def tables(self, value: object, where: str) -> list[tuple[str, Mapping[str, Any]]]:
        """Return (field path, table) pairs of an array of tables."""
        if value is None:
            return []
        if isinstance(value, Mapping):
            raise self.fail(
                where, f"expected an array of tables ([[{where}]]), got a single table"
            )
        if not isinstance(value, list):
            raise self.fail(where, f"expected an array of tables ([[{where}]]), got {_kind(value)}")
        return [
            (f"{where}[{i}]", self.table(item, f"{where}[{i}]", required=True))
            for i, item in enumerate(value)
        ]

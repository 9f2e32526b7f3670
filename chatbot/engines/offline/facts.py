"""The profile cut into fact units: the pieces the index ranks and answers quote."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from chatbot.engines.offline.text import MONEY, lexicon, sentences, words
from chatbot.profile import Experience, Profile, Project


@dataclass(frozen=True)
class Fact:
    """One statement of the profile, with where it comes from."""

    text: str  # as an answer quotes it
    kind: str  # headline, summary, location, pronouns, availability, work_modes, notice,
    #            email, link, skills, project, highlight, note, job, faq, audience, extra
    source: str  # what the answer names: a project, "Role at Company", "FAQ", a section
    section: str = ""  # the extra key, or the link / skill group name
    project: int = -1  # index into profile.projects, or -1
    job: int = -1  # index into profile.experience, or -1
    question: str = ""  # the FAQ question, for FAQ units
    keys: str = ""  # words the index searches but answers don't quote (a table's key names)


def job_title(job: Experience) -> str:
    """'Role at Company', how answers name a job."""
    return f"{job.role} at {job.company}"


_CURRENT = re.compile(r"\b(present|now|current|today|ongoing|since)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def first_years(jobs: Sequence[Experience]) -> list[int]:
    """Each job's first year, or 0 when its period gives none."""
    return [min((int(y) for y in _YEAR.findall(j.period or "")), default=0)
            for j in jobs]


def job_spans(jobs: Sequence[Experience]) -> list[tuple[int, int]]:
    """Each job's first and last year (this year while it lasts), or (0, 0) when its
    period gives none."""
    spans = []
    for job in jobs:
        years = [int(y) for y in _YEAR.findall(job.period or "")]
        last = date.today().year if is_current(job) else max(years, default=0)
        spans.append((min(years), last) if years else (0, 0))
    return spans


def job_order(jobs: Sequence[Experience]) -> list[int]:
    """The jobs' indexes from the earliest to the latest (by their first year, else as
    listed, latest first)."""
    years = first_years(jobs)
    return sorted(range(len(jobs)), key=lambda i: (years[i], -i)) if all(years) \
        else list(reversed(range(len(jobs))))


def is_current(job: Experience) -> bool:
    """True when the job's period says it goes on ('2021 – present', 'since 2019-04-01')."""
    return bool(job.period and _CURRENT.search(job.period))


def latest_job(jobs: Sequence[Experience]) -> Experience | None:
    """The current role, else the one with the latest year, else the first listed."""
    current = [j for j in jobs if is_current(j)]
    if current or not jobs:
        return current[0] if current else None
    latest = max(jobs, key=_last_year)
    return latest if _last_year(latest) else jobs[0]


def _last_year(job: Experience) -> int:
    """The latest year a job's period names, or 0."""
    return max((int(y) for y in _YEAR.findall(job.period or "")), default=0)


# A job's dates under keys of its own, when it gives no period ('start = 2019-04-01').
_STARTS = ("start", "started", "start_date", "from", "since", "began", "joined")
_ENDS = ("end", "ended", "end_date", "to", "until", "left")


# A project's own keys that date it.
_PROJECT_DATES = ("year", "years", "period", "date", "dates", "when", "started", "start",
                  "launched", "released", "shipped")


def project_years(project: Project) -> set[int]:
    """The years a project's own date keys name ('year = 2025', 'period = "2019 – 2021"'),
    every year of a span."""
    found = [int(y) for k in _PROJECT_DATES if k in project.extra
             for y in _YEAR.findall(str(project.extra[k]))]
    return set(range(min(found), max(found) + 1)) if found else set()


def project_date(project: Project) -> str:
    """A project's own date as its keys write it ('2023', '2019 – 2021'), or ''."""
    return next((str(project.extra[k]) for k in _PROJECT_DATES if k in project.extra
                 and _YEAR.search(str(project.extra[k]))), "")


# A project's date or status that says it is still going ('2025 – present', 'in
# development, target Q4 2026', 'status = "ongoing"').
_ONGOING = re.compile(r"\b(?:present|ongoing|now|current|in (?:development|progress|the works)|"
                      r"under ?way|wip|active|beta|alpha)\b", re.I)


def is_ongoing(project: Project) -> bool:
    """True when a project's own date or status keys say it is still going."""
    return any(_ONGOING.search(str(project.extra[k]))
               for k in (*_PROJECT_DATES, "status", "state", "stage") if k in project.extra)


def dated(profile: Profile) -> Profile:
    """`profile` with each job that has no period given one from its own date keys
    ('start = 2017-09-01', 'end = 2020-02-28': '2017-09-01 – 2020-02-28'; a start alone:
    'since 2019-04-01'), so its dates answer 'when' and order the jobs. Dates stay as the
    profile writes them: a month's name would be a word the profile never says."""
    jobs = [replace(j, period=j.period or _period(j.extra)) for j in profile.experience]
    return replace(profile, experience=tuple(jobs))


def _period(extra: Mapping[str, Any]) -> str | None:
    start = next((_when(extra[k]) for k in _STARTS if k in extra), "")
    end = next((_when(extra[k]) for k in _ENDS if k in extra), "")
    if start and end:
        return f"{start} – {end}"
    return f"since {start}" if start else None


def _when(value: Any) -> str:
    """A date as a period says it: a TOML date (or a datetime's day) as written, a year as
    is."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip() if isinstance(value, str | int) else ""


def fact_units(profile: Profile) -> list[Fact]:
    """Every fact unit of the profile, in file order."""
    owner, availability = profile.owner, profile.availability
    facts = [Fact(owner.headline, "headline", "profile")]
    facts += [Fact(s, "summary", "profile") for s in sentences(owner.summary or "")]
    if owner.location:
        facts.append(Fact(owner.location, "location", "profile", section="location"))
    if owner.pronouns:
        facts.append(Fact(owner.pronouns, "pronouns", "profile", section="pronouns"))
    facts.append(Fact(availability.status, "availability", "profile", section="availability"))
    if availability.work_modes:
        facts.append(Fact(", ".join(availability.work_modes), "work_modes", "profile",
                          section="work modes"))
    if availability.notice:
        facts.append(Fact(availability.notice, "notice", "profile", section="notice"))
    if profile.contact.email:
        facts.append(Fact(profile.contact.email, "email", "contact", section="email"))
    facts += [Fact(url, "link", "contact", section=name)
              for name, url in profile.contact.links.items()]
    facts += [Fact(f"{group}: {', '.join(items)}", "skills", "skills", section=group)
              for group, items in profile.skills.items()]
    for i, project in enumerate(profile.projects):
        facts += _project_units(i, project)
    for i, job in enumerate(profile.experience):
        facts += _job_units(i, job)
    facts += [Fact(f.answer, "faq", "FAQ", question=f.question) for f in profile.faq]
    for kind, audience in profile.audiences.items():
        facts += [Fact(s, "audience", "profile", section=kind.replace("_", " "))
                  for s in sentences(audience.notes or "")]
    for key, value in profile.extra.items():
        also = " Phone" if key.rsplit(".", 1)[-1].lower() in _PHONE_KEYS else ""
        facts += [Fact(line, "extra", _label(key), section=key, keys=keys + also)
                  for line, keys in labelled(key, value, split=True)]
    return facts


def all_links(profile: Profile) -> dict[str, str]:
    """contact.links, with the owner's extra keys that hold one URL: a `blog` or
    `newsletter` key is that link too, given with what it says ('Writes Changelog Notes,
    a monthly newsletter ...: https://...')."""
    found = {}
    for key, value in profile.extra.items():
        name = key.rsplit(".", 1)[-1]
        if isinstance(value, str) and len(re.findall(r"https?://", value)) == 1 \
                and name not in profile.contact.links:
            found[name] = value.strip()
    return {**found, **profile.contact.links}


# The keys a phone number goes by ('mobile = "+46 ..."'): 'phone', 'ring' and 'call' find it.
_PHONE_KEYS = frozenset(lexicon()["fields"]["phone_keys"])

# Units that name a project or job without saying anything about it.
_NOT_ABOUT = frozenset({"link", "email", "skills", "project", "job", "headline"})


def mentions(facts: Sequence[Fact], profile: Profile) -> dict[tuple[str, int], list[Fact]]:
    """The facts outside each project's and job's record that name it: a job highlight on
    'Iron Meridian's performance mode', a testimonial from 'Cadwallader & Sons'."""
    names = [("project", i, p.name) for i, p in enumerate(profile.projects)]
    names += [("job", i, j.company) for i, j in enumerate(profile.experience)]
    padded = [f" {' '.join(words(f.text))} " for f in facts]
    found: dict[tuple[str, int], list[Fact]] = {}
    for kind, i, name in names:
        name_words = " ".join(words(name))
        if len(name_words) < 3:
            continue
        found[(kind, i)] = [
            f for f, text in zip(facts, padded, strict=True)
            if f" {name_words} " in text and f.kind not in _NOT_ABOUT
            and (f.project if kind == "project" else f.job) != i]
    return found


@dataclass(frozen=True)
class Item:
    """An entry of a table of the owner's own ([[games]], [[certifications]], [[talks]]),
    named by the values of its name-like keys ('title', 'name', 'event')."""

    table: str  # the owner's key it is listed under: 'games'
    names: tuple[str, ...]  # the values of its name-like keys, as written
    fields: Mapping[str, Any]


def table_items(profile: Profile) -> list[Item]:
    """The entries of the owner's own tables that have a name ([[talks]] with a title, a
    [[certifications]] entry with a name), in file order."""
    naming = lexicon()["items"]["names"]
    found = []
    for key, value in profile.extra.items():
        if "." in key or not isinstance(value, list):
            continue
        for entry in value:
            names = tuple(entry[k].strip() for k in naming if isinstance(entry, Mapping)
                          and isinstance(entry.get(k), str) and entry[k].strip()
                          and not _URL.search(entry[k]))
            if names:
                found.append(Item(key, names, entry))
    return found


def priced_tiers(profile: Profile) -> list[str]:
    """The names of the entries of the owner's one priced list ([[retainers]], [[packages]]:
    each with a sum of money), the cheapest first; [] when there is no such list, or more
    than one."""
    lists = []
    values = [*profile.extra.values(), *(v for table in profile.extra.values()
                                         if isinstance(table, Mapping) for v in table.values())]
    for value in values:  # ([pricing] with [[pricing.tiers]] too)
        entries = value if isinstance(value, list) and len(value) >= 2 else []
        if entries and all(isinstance(e, Mapping) for e in entries):
            names = [next((v.strip() for v in e.values() if isinstance(v, str)
                           and not MONEY.search(v) and not _URL.search(v)), "") for e in entries]
            prices = [_first_sum(" ".join(map(str, e.values()))) for e in entries]
            if all(names) and all(prices):
                lists.append([n for _, n in sorted(zip(prices, names, strict=True))])
    return lists[0] if len(lists) == 1 else []


def _first_sum(text: str) -> float:
    """The first sum of money in `text` ('USD 3,950' -> 3950.0), or 0."""
    m = MONEY.search(text)
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", text[m.start():]) if m else None
    return float(figure.group(0).replace(",", "")) if figure else 0.0


def item_lines(item: Item, facts: Sequence[Fact] = ()) -> list[tuple[str, str, str]]:
    """Each key of `item`, as (key, line, the key names of a table inside it): ('released',
    'Released: 2025-08-21', ''), ('reviews', 'Reviews: Very Positive', 'Steam'); a list on
    one line. Then each of the `facts` elsewhere that names it, with its source, under the
    key '' ('Ported Kitsune Courier to PlayStation 5 in eleven weeks (Co-founder at Lantern
    Moth)')."""
    own = [(k, line, keys) for k, v in item.fields.items()
           for line, keys in labelled(k, _joined(v))]
    name = f" {' '.join(words(item.names[0]))} "
    named = [(f.text if f.source in f.text else f"{f.text} ({f.source})")
             for f in facts if f.section != item.table and f.kind not in _NOT_ABOUT
             and name in f" {' '.join(words(f.text))} "]
    return own + [("", text, "") for text in named]


def _joined(value: Any) -> Any:
    """A list of plain values as one value ('Windows, macOS'); anything else as it is."""
    if isinstance(value, list) and not any(isinstance(v, Mapping | list) for v in value):
        return _scalar(value)
    return value


def _project_units(i: int, project: Project) -> list[Fact]:
    """A project's summary line, highlights, notes and extra keys."""
    head = f"{project.name}: {project.summary}"
    units = [Fact(head, "project", project.name, project=i)]
    units += [Fact(h, "highlight", project.name, project=i) for h in project.highlights]
    units += [Fact(s, "note", project.name, project=i) for s in sentences(project.notes or "")]
    for key, value in project.extra.items():
        units += [Fact(line, "extra", project.name, section=key, project=i, keys=keys)
                  for line, keys in labelled(key, value, split=True)]
    return units


def _job_units(i: int, job: Experience) -> list[Fact]:
    """A job's title line, highlights, notes and extra keys."""
    title = job_title(job)
    head = f"{title} ({job.period})" if job.period else title
    units = [Fact(head, "job", title, job=i)]
    units += [Fact(h, "highlight", title, job=i) for h in job.highlights]
    units += [Fact(s, "note", title, job=i) for s in sentences(job.notes or "")]
    for key, value in job.extra.items():
        units += [Fact(line, "extra", title, section=key, job=i, keys=keys)
                  for line, keys in labelled(key, value, split=True)]
    return units


def labelled(key: str, value: Any, split: bool = False) -> list[tuple[str, str]]:
    """An extra key's lines as answers quote them ('Location: Grenoble, France'), each
    with its table's key names; `split`, a long table's line per key (see _lines)."""
    return [(f"{_label(key)}: {line}", keys) for line, keys in _lines(value, split)]


def _label(key: str) -> str:
    """'owner.favourite_editor' -> 'Favourite editor'."""
    return key.rsplit(".", 1)[-1].replace("_", " ").replace("-", " ").strip().capitalize()


def _lines(value: Any, split: bool = False) -> list[tuple[str, str]]:
    """The text of an extra value, one line per list item, a table's values joined; with
    the table's key names ('thesis', 'grade'), which the index searches too. With `split`,
    a table too long for one line (not a list's item) is a line per key."""
    if isinstance(value, list):
        return [line for v in value for line in _lines(v)][:50]
    if isinstance(value, Mapping) and _is_address(value):
        # '{ label = "docs", url = "https://..." }': the link, named by its label.
        label, url = sorted((str(v).strip() for v in value.values()),
                            key=lambda v: bool(_URL.match(v)))
        return [(f"{label}: {url}", " ".join(_label(str(k)) for k in value))]
    if isinstance(value, Mapping):
        pairs = [(str(k), _scalar(v), _bare(v)) for k, v in value.items()
                 if not _holds_tables(v)]
        # A key typed as a name is data, said with its value ('Spanish: native'); a field
        # name ('degree', 'school') only labels it, unless its value means nothing without
        # it: a number, a date, yes or no, a measure ('merged_prs = 14', 'expires =
        # 2025-11-02', 'remote = true', 'p99_latency = "35 ms"').
        parts = [f"{k}: {v}" if k[:1].isupper() else f"{_label(k)}: {v}" if bare else v
                 for k, v, bare in pairs if v]
        keys = " ".join(_label(k) for k, v, _ in pairs if v)
        own = [(", ".join(parts), keys)] if parts else []
        if split and len(own and own[0][0]) > _RECORD_MOST and len(parts) >= 3:
            # Too long for one record ('[pricing]' with a day rate, a minimum, terms...):
            # each key is a fact of its own, said with its key. A list's items stay
            # records: an incident's impact means nothing without its title.
            own = [(f"{k}: {v}" if k[:1].isupper() else f"{_label(k)}: {v}", _label(k))
                   for k, v, _ in pairs if v]
        # Tables inside it ('[education.msc]', 'outdoor = { sport = ... }') are lines of
        # their own, searchable by their key too.
        inner = [(f"{k}: {line}" if str(k)[:1].isupper() else line,
                  f"{_label(str(k))} {keys}".strip())
                 for k, v in value.items() if _holds_tables(v) for line, keys in _lines(v)]
        return (own + inner)[:50]
    text = _scalar(value)
    return [(text, "")] if text else []


_URL = re.compile(r"https?://\S+")
# The longest table said as one line, a record ('MSc, University of Tartu, 2019'): longer,
# its keys are separate facts.
_RECORD_MOST = 240


def _is_address(table: Mapping[str, Any]) -> bool:
    """A table that is one link and its label: '{ label = "Case study", url = "https://..." }'."""
    values = list(table.values())
    return len(values) == 2 and all(isinstance(v, str) for v in values) \
        and sum(bool(_URL.fullmatch(v.strip())) for v in values) == 1


def only_address(fact: Fact) -> bool:
    """True for a table's line that is a link and its label, which says nothing of the
    owner ('Case study' is no study, 'Press kit' no writing)."""
    return fact.kind == "extra" and bool(fact.keys) and bool(_URL.search(fact.text)) \
        and len(words(_URL.sub("", fact.text))) <= 4


def _holds_tables(value: Any) -> bool:
    """A table, or a list with tables in it: text of its own, not one value of a line."""
    return isinstance(value, Mapping) or (
        isinstance(value, list) and any(isinstance(v, Mapping) for v in value))


def _bare(value: Any) -> bool:
    """True for a value that says nothing without its key: a number, a date, a yes or no,
    a figure with its unit ('35 ms', '1.2 million downloads')."""
    return isinstance(value, bool | int | float | date | time) or (
        isinstance(value, str) and bool(re.match(r"\s*[~<>≈]?\s*[$£€]?\d", value)))


def _scalar(value: Any) -> str:
    """A TOML value as text (lists joined with commas)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float | datetime | date | time):
        return str(value).strip()
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value if not isinstance(v, Mapping | list))
    return ""

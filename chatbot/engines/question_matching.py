"""Index a profile and find the topics and entities a visitor's question asks about."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from chatbot.engines import text_analysis
from chatbot.engines.base import Exchange
from chatbot.engines.vocabulary import (
    AMBIGUOUS_TECH,
    COMPILED,
    COMPOUNDS,
    CONCEPT_TRIGGERS,
    GENERIC_ORG_WORDS,
    GENERIC_TECH_WORDS,
    GREETINGS,
    LINK_KINDS,
    QUALIFIERS,
    SKILL_VERB_STEMS,
    STOPWORDS,
    TECH_ALIASES,
    TECH_CONTEXT,
    THANKS,
    TRIGGER_STEMS,
    TRIGGER_WORDS,
    compound_positions,
    compounds,
    concepts,
)
from chatbot.profile import Experience, Faq, Profile, Project

_MAX_QUESTION = 1000  # characters analysed; the app caps messages well before this


@dataclass
class Skill:
    """One technology the profile names, and where it appears."""

    label: str
    groups: list[str] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    roles: list[tuple[Experience, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Doc:
    """A piece of profile text that free-text questions are matched against."""

    text: str
    concepts: frozenset[str]


@dataclass
class Query:
    """What one question asks, as found by `QuestionMatcher.analyse`."""

    words: list[str]
    originals: list[str]
    stems: list[str]
    content: list[str]
    topics: dict[str, float]
    projects: list[Project]
    companies: list[Experience]
    skills: list[Skill]
    groups: list[str]
    links: list[str]
    missing_links: list[str]
    unknown_terms: list[str]
    known_terms: list[str]
    greeting: bool
    thanks: bool

    @property
    def named(self) -> bool:
        """True when the question names a project, company, skill or skill group."""
        return bool(self.projects or self.companies or self.skills or self.groups)

    @property
    def has_entities(self) -> bool:
        """True when it names anything the profile has, links included."""
        return self.named or bool(self.links or self.missing_links)

    @property
    def strong(self) -> dict[str, float]:
        """The topics it asks about clearly."""
        return {t: s for t, s in self.topics.items() if s >= 0.9}


_T = TypeVar("_T")


def _index_names(named: list[tuple[str, _T]], reserved: frozenset[str]) -> dict[str, list[_T]]:
    """Map each name's key, and each distinctive word of it, to the items so named."""
    index: dict[str, list[_T]] = {}
    for name, item in named:
        keys = {text_analysis.key(name)}
        for w in text_analysis.words(name):
            if len(w) >= 4 and text_analysis.stem(w) not in reserved and w not in GENERIC_ORG_WORDS:
                keys.add(text_analysis.stem(w))
        for k in keys:
            bucket = index.setdefault(k, [])
            if item not in bucket:
                bucket.append(item)
    return index


class QuestionMatcher:
    """The profile's index, and the analysis of questions against it."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self._owner_words = set(text_analysis.words(profile.owner.name))
        self._build_skills()
        self._build_names()
        self._build_links()
        self._build_docs()
        self._build_spelling()

    # -- index building -----------------------------------------------------------------

    def _build_skills(self) -> None:
        """Index every skill and project technology under the keys a visitor may type."""
        p = self.profile
        self._skills: dict[str, Skill] = {}
        self._skill_keys: dict[str, list[Skill]] = {}
        self._partial_keys: dict[str, list[Skill]] = {}

        def add(label: str) -> Skill:
            canonical = text_analysis.key(label)
            if canonical not in self._skills:
                skill = self._skills[canonical] = Skill(label)
                full, partial = self._label_keys(label)
                for k in full | {text_analysis.stem(k) for k in full if len(k) > 4}:
                    self._skill_keys.setdefault(k, []).append(skill)
                for k in partial - full:
                    self._partial_keys.setdefault(k, []).append(skill)
            return self._skills[canonical]

        for group, labels in p.skills.items():
            for label in labels:
                skill = add(label)
                if group not in skill.groups:
                    skill.groups.append(group)
        for project in p.projects:
            for label in project.tech:
                keys = self._label_keys(label)[0]
                skill = next(
                    (s for k in keys for s in self._skill_keys.get(k, ())), None
                ) or add(label)
                if project not in skill.projects:
                    skill.projects.append(project)
        role_lines = [
            (job, line, self._text_keys(line)) for job in p.experience for line in job.highlights
        ]
        project_texts = [
            (project, self._text_keys(" ".join((project.summary, *project.highlights))))
            for project in p.projects
        ]
        for skill in self._skills.values():
            keys = self._label_keys(skill.label)[0]
            skill.roles += [(job, line) for job, line, found in role_lines if keys & found]
            for project, found in project_texts:
                if keys & found and project not in skill.projects:
                    skill.projects.append(project)
        self._groups: dict[str, set[str]] = {}
        for group in p.skills:
            for word in text_analysis.words(group):
                stem = text_analysis.stem(word)
                if word not in STOPWORDS and word not in QUALIFIERS and len(word) > 1:
                    self._groups.setdefault(stem, set()).add(group)
                    for alias in TECH_ALIASES.get(word, ()):
                        self._groups.setdefault(alias, set()).add(group)
        for alias, stem in (("database", "data"), ("db", "data"), ("ml", "machine")):
            if stem in self._groups:
                self._groups.setdefault(alias, set()).update(self._groups[stem])

    @staticmethod
    def _label_keys(label: str) -> tuple[set[str], set[str]]:
        """Full keys and partial (one-word) keys under which a skill label is found."""
        main = re.sub(r"\(.*?\)", " ", label)
        inner = re.findall(r"\((.*?)\)", label)
        full = {text_analysis.key(main)} if text_analysis.key(main) else set()
        for part in re.split(r"[/,;]| and ", main):
            if text_analysis.key(part):
                full.add(text_analysis.key(part))
        for chunk in inner:
            for part in re.split(r"[/,;]", chunk):
                words = text_analysis.words(part)
                if words and not all(w in QUALIFIERS for w in words):
                    full.add("".join(words))
        for k in list(full):
            if k.endswith("js") and len(k) > 4:
                full.add(k[:-2])
            full.update(TECH_ALIASES.get(k, ()))
        full |= {a for a, targets in TECH_ALIASES.items() if full & set(targets)}
        partial = set()
        words = text_analysis.words(main)
        if len(words) > 1:
            for w in words:
                if len(w) >= 4 and w not in GENERIC_TECH_WORDS and w not in STOPWORDS:
                    partial.add(w)
        return full, partial

    @staticmethod
    def _text_keys(text: str) -> set[str]:
        """Keys of the 1- to 3-word runs in free text, to find skills mentioned in it."""
        words = text_analysis.words(text)
        keys = set()
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                keys.add("".join(words[i : i + n]))
        return keys

    def _build_names(self) -> None:
        """Index project and company names: whole names and their distinctive words."""
        reserved = TRIGGER_STEMS | set(self._skill_keys) | STOPWORDS
        self._project_keys = _index_names(
            [(p.name, p) for p in self.profile.projects], reserved
        )
        self._company_keys = _index_names(
            [(j.company, j) for j in self.profile.experience], reserved
        )

    def _build_links(self) -> None:
        """Map the words visitors use for links to the profile's link names."""
        self._link_words: dict[str, list[str]] = {}
        for name, url in self.profile.contact.links.items():
            kinds = {text_analysis.fold(name)} | set(text_analysis.words(name))
            host = text_analysis.fold(url)
            for kind, words in LINK_KINDS.items():
                if kinds & set(words) or kind in kinds or kind in host:
                    kinds.update(words)
                    kinds.add(kind)
            if host.endswith(".pdf"):
                kinds.update(LINK_KINDS["cv"])
            for word in kinds:
                self._link_words.setdefault(text_analysis.stem(word), []).append(name)
        self._link_kind_words = {
            text_analysis.stem(w): kind for kind, words in LINK_KINDS.items() for w in words
        }

    def _build_docs(self) -> None:
        """Cut the profile into small documents for free-text matching."""
        p = self.profile
        texts = [p.owner.headline, *text_analysis.sentences(p.owner.summary or "")]
        if p.owner.location:
            texts.append(f"Based in {p.owner.location}")
        for project in p.projects:
            label = f"**{project.name}**"
            texts.append(f"{label}: {project.summary}")
            texts += [f"{label}: {h}" for h in project.highlights]
        for job in p.experience:
            label = f"At {job.company} ({job.role})"
            texts.append(f"{job.role} at {job.company}")
            texts += [f"{label}: {h}" for h in job.highlights]
        texts += [f"{faq.question} {faq.answer}" for faq in p.faq]
        texts.append(p.availability.status)
        if p.availability.work_modes:
            texts.append(f"Work modes: {', '.join(p.availability.work_modes)}")
        if p.availability.notice:
            texts.append(p.availability.notice)
        # Audience notes are left out on purpose: they guide a model and may not be
        # meant for visitors' eyes.
        self.docs = [
            Doc(t, frozenset(concepts(self._content(text_analysis.words(t))))) for t in texts
        ]
        self._faqs = [
            (faq, concepts(self._content(text_analysis.words(faq.question))),
             concepts(self._content(text_analysis.words(faq.answer))))
            for faq in p.faq
        ]
        counts: dict[str, int] = {}
        for doc in self.docs:
            for c in doc.concepts:
                counts[c] = counts.get(c, 0) + 1
        n = len(self.docs) + 1
        self._idf = {c: math.log(1 + n / k) for c, k in counts.items()}
        self._idf_unknown = math.log(1 + n)
        self.vocab = set(counts) | {
            text_analysis.stem(w) for w in text_analysis.words(p.owner.headline)
        }
        for skill in self._skills.values():
            self.vocab.update(text_analysis.stems(skill.label))

    def _build_spelling(self) -> None:
        """Prepare one-edit spelling correction against the words that matter."""
        vocab = set(TRIGGER_WORDS) | set(text_analysis.IRREGULAR)
        vocab.update(k for k in self._skill_keys if len(k) >= 5)
        vocab.update(k for k in self._project_keys if len(k) >= 5)
        vocab.update(k for k in self._company_keys if len(k) >= 5)
        for group in self.profile.skills:
            vocab.update(text_analysis.words(group))
        vocab.update(("experience", "projects", "available", "availability", "skills"))
        self._spelling_vocab = vocab
        self._spelling: dict[str, str] = {}
        for word in sorted(vocab):
            if len(word) >= 5:
                for variant in text_analysis.deletions(word):
                    self._spelling.setdefault(variant, word)

    # -- analysis ---------------------------------------------------------------------

    def _content(self, words: list[str]) -> list[str]:
        """Stems of the words that carry meaning (no stopwords, no owner name), compounds too."""
        stems = [text_analysis.stem(w) for w in words]
        content = [
            s for w, s in zip(words, stems, strict=True)
            if w not in STOPWORDS and s not in STOPWORDS and w not in self._owner_words
        ]
        joined = " " + " ".join(stems) + " "
        return content + [whole.strip() for split, whole in COMPOUNDS if split in joined]

    def _correct(self, word: str, original: str, first: bool) -> str:
        """Fix one typo in a longer word the engine would otherwise not recognise."""
        if len(word) < 5 or word in self._spelling_vocab or word in STOPWORDS:
            return word
        if text_analysis.stem(word) in self.vocab or word in self.vocab:
            return word
        if original[:1].isupper() and not first:
            return word  # a proper name the profile doesn't know, such as a technology
        if word in self._spelling:  # a letter missing
            return self._spelling[word]
        for variant in text_analysis.deletions(word):
            if variant in self._spelling_vocab:  # a letter too many
                return variant
            if len(word) >= 7 and variant in self._spelling:  # a letter wrong or swapped
                return self._spelling[variant]
        return word

    def analyse(self, question: str) -> Query:
        """Find the topics and profile entities a question is about."""
        question = question[:_MAX_QUESTION]
        raw = text_analysis.fold(question)
        tokens = text_analysis.tokenise(question)
        words = [self._correct(w, o, i == 0) for i, (w, o) in enumerate(tokens)]
        originals = [o for _, o in tokens]
        stems = [text_analysis.stem(w) for w in words]
        joined = compounds(" " + " ".join(stems) + " ")
        topics: dict[str, float] = {}
        for topic, triggers in COMPILED.items():
            score = 0.0
            for phrase, weight in triggers:
                if (" " + " ".join(phrase) + " ") in joined:
                    score = max(score, weight)
            if score:
                topics[topic] = score
        content = self._content(words)
        used = compound_positions(stems)
        skills = self._match_skills(words, originals, used)
        projects: list[Project] = []
        companies: list[Experience] = []
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                span = set(range(i, i + n))
                key = "".join(words[i : i + n])
                if n == 1 and key not in self._project_keys and key not in self._company_keys:
                    key = stems[i]
                hit = False
                for project in self._project_keys.get(key, ()):
                    if project not in projects:
                        projects.append(project)
                    hit = True
                for job in self._company_keys.get(key, ()):
                    if job not in companies:
                        companies.append(job)
                    hit = True
                if hit:
                    used |= span
        if projects or companies:
            # Drop skills that were really part of a project or company name.
            skills = [s for s in skills if not self._is_name_part(s, projects, companies)]
        groups: list[str] = []
        for i, stem in enumerate(stems):
            for group in self._groups.get(stem, ()) if i not in used else ():
                if group not in groups and i not in used:
                    groups.append(group)
        links: list[str] = []
        missing: list[str] = []
        for i, stem in enumerate(stems):
            if i in used:
                continue
            for name in self._link_words.get(stem, ()):
                if name not in links:
                    links.append(name)
            kind = self._link_kind_words.get(stem)
            if kind and not self._link_words.get(stem) and kind not in missing:
                missing.append(kind)
        if "portfolio" in stems and "portfolio" not in self._link_words:
            links = [name for name in links if text_analysis.fold(name) != "portfolio"]
        unknown, known = self._skill_terms(words, originals, stems, used, skills)
        first = words[0] if words else ""
        greeting = first in GREETINGS or raw.strip().startswith(("good morning", "good day"))
        thanks = bool(set(words) & THANKS)
        return Query(
            words, originals, stems, content, topics, projects, companies, skills, groups, links,
            missing, unknown, known, greeting, thanks,
        )

    def _match_skills(
        self, words: list[str], originals: list[str], used: set[int]
    ) -> list[Skill]:
        """Find technologies named in the question, longest names first."""
        found: list[Skill] = []
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                span = set(range(i, i + n))
                if span & used:
                    continue
                key = "".join(words[i : i + n])
                hits = self._skill_keys.get(key)
                if not hits and n == 1:
                    hits = (
                        self._skill_keys.get(text_analysis.stem(key))
                        or self._partial_keys.get(key)
                    )
                if not hits:
                    continue
                if n == 1 and key in AMBIGUOUS_TECH:
                    before = text_analysis.stem(words[i - 1]) if i else ""
                    after = text_analysis.stem(words[i + 1]) if i + 1 < len(words) else ""
                    cased = i > 0 and originals[i][:1].isupper()
                    if not (cased or before in TECH_CONTEXT or after in TECH_CONTEXT):
                        continue
                used |= span
                for skill in hits:
                    if skill not in found:
                        found.append(skill)
        return found

    @staticmethod
    def _is_name_part(skill: Skill, projects: list[Project], companies: list[Experience]) -> bool:
        """True when a skill label is only a word of a matched project or company name."""
        names = [p.name for p in projects] + [c.company for c in companies]
        key = text_analysis.key(skill.label)
        return any(key in text_analysis.key(n) and key != text_analysis.key(n) for n in names)

    def _skill_terms(
        self,
        words: list[str],
        originals: list[str],
        stems: list[str],
        used: set[int],
        skills: list[Skill],
    ) -> tuple[list[str], list[str]]:
        """Terms asked about after 'know', 'use', 'experience with'... that matched no skill."""
        unknown: list[str] = []
        known: list[str] = []
        for verb in SKILL_VERB_STEMS:
            n = len(verb)
            starts = [i + n for i in range(len(stems) - n + 1) if tuple(stems[i : i + n]) == verb]
            for start in starts:
                term: list[int] = []
                for i in range(start, min(start + 3, len(words))):
                    w = words[i]
                    if i in used or w in STOPWORDS or w in self._owner_words:
                        if term:
                            break
                        if w in ("any", "some", "a", "an", "the"):
                            continue
                        break
                    if text_analysis.stem(w) in TRIGGER_STEMS or w in TRIGGER_WORDS:
                        break
                    if text_analysis.stem(w) in self._groups:
                        break
                    term.append(i)
                if not term:
                    continue
                text = " ".join(originals[i] for i in term)
                if all(text_analysis.stem(words[i]) in self.vocab for i in term):
                    known.append(text)
                elif text not in unknown:
                    unknown.append(text)
        if skills:
            unknown = []
        return unknown, known

    # -- matching against the profile -------------------------------------------------

    def follow_up(self, q: Query, history: Sequence[Exchange]) -> None:
        """Resolve 'it' or 'there' to the one project, company or skill asked about last."""
        for exchange in reversed(history[-6:]):
            if exchange.role != "visitor":
                continue
            before = self.analyse(exchange.text)
            named = before.projects + before.companies + before.skills
            if len(named) == 1:
                q.projects, q.companies, q.skills = (
                    before.projects, before.companies, before.skills
                )
                return
            if named:
                return

    def best_faq(self, q: Query) -> tuple[Faq | None, float]:
        """The FAQ entry whose question best matches, with a 0..1 score."""
        asked = concepts(q.content)
        if not asked or not self._faqs:
            return None, 0.0
        best, best_score = None, 0.0
        for faq, question, answer in self._faqs:
            shared = asked & question
            if not shared:
                continue
            w_shared = sum(self.weight(c) for c in shared)
            cover_faq = w_shared / sum(self.weight(c) for c in question)
            cover_q = (w_shared + 0.5 * sum(self.weight(c) for c in (asked - shared) & answer))
            cover_q /= sum(self.weight(c) for c in asked)
            score = (cover_faq * cover_q) ** 0.5
            if score > best_score:
                best, best_score = faq, score
        return best, best_score

    def weight(self, concept: str) -> float:
        """How telling a concept is: rare profile words weigh more, trigger words less."""
        weight = self._idf.get(concept, self._idf_unknown)
        if concept in TRIGGER_STEMS:
            weight *= 0.6
        return weight

    def free_known(self, q: Query) -> bool:
        """True when the question has profile words beyond the topic words, e.g. 'fraud'."""
        free = [s for s in q.content if s not in TRIGGER_STEMS and s not in CONCEPT_TRIGGERS]
        return any(s in self.vocab for s in free)

    def all_understood(self, q: Query) -> bool:
        """True when every meaningful word of the question is a known topic or profile word."""
        return all(s in TRIGGER_STEMS or s in self.vocab for s in q.content)

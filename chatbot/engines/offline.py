"""The offline engine: answers from the profile alone, with no network and no model."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from chatbot.engines.base import Engine, Exchange, Turn, Visitor
from chatbot.engines.question_matching import Doc, Query, QuestionMatcher, Skill
from chatbot.engines.text_analysis import autolink, clean, fold, key, sentences, stem
from chatbot.engines.vocabulary import (
    CODE_HOSTS,
    CODE_STEMS,
    CONTACT_WORDS,
    CURRENT,
    EMAIL_WORDS,
    LINK_LABELS,
    NOW_WORDS,
    PAST_WORDS,
    PHONE_STEMS,
    REFERS,
    RELOCATE,
    START_STEMS,
    THANKS_STEMS,
    TRIGGER_STEMS,
    concepts,
)
from chatbot.profile import Experience, Faq, Profile, Project


class OfflineEngine(Engine):
    """Answers questions about the owner from the profile alone, in well under a millisecond."""

    name: ClassVar[str] = "offline"
    can_stream: ClassVar[bool] = False

    def __init__(self, profile: Profile):
        self.profile = profile
        self.first = profile.first_name
        self._matcher = QuestionMatcher(profile)
        self._latest_job = self._find_latest_job()

    # -- answering --------------------------------------------------------------------

    def reply(self, turn: Turn) -> Iterator[str]:
        """Yield the whole answer as one chunk."""
        yield self.answer(turn.question, turn.visitor, turn.history)

    def answer(
        self, question: str, visitor: Visitor | None = None, history: Sequence[Exchange] = ()
    ) -> str:
        """Answer `question` from the profile, or say plainly that it has no answer."""
        visitor = visitor or Visitor()
        q = self._matcher.analyse(question)
        if history and not (q.projects or q.companies or q.skills) and REFERS & set(q.words):
            self._matcher.follow_up(q, history)
        faq, faq_score = self._matcher.best_faq(q)
        direct = self._direct_reply(q, visitor, faq, faq_score)
        if direct is not None:
            return direct
        sections = self._sections(q, faq if faq_score >= 0.45 else None)
        if not sections:
            return self._unknown()
        texts: list[str] = []
        for _, text in self._order(sections, visitor):
            if text not in texts:
                texts.append(text)
        return "\n\n".join(texts)

    def _direct_reply(
        self, q: Query, visitor: Visitor, faq: Faq | None, faq_score: float
    ) -> str | None:
        """Replies that stand alone: greetings, thanks, a clear FAQ hit, an unknown skill."""
        if not q.has_entities and not q.strong and faq_score < 0.45:
            if q.thanks and set(q.content) <= THANKS_STEMS:
                return self._thanks()
            if q.greeting or not q.words:
                return self._greeting(visitor)
        if "bot" in q.topics and not q.has_entities:
            return self._about_bot()
        if "help" in q.strong and not q.has_entities and len(q.strong) == 1:
            return self._greeting(visitor, hello=False)
        if faq and faq_score >= 0.75:
            return self._faq(faq)
        if q.unknown_terms and not q.named:
            if faq and faq_score >= 0.45:
                return self._faq(faq)
            return self._unknown(f"doesn't mention {self._quote(q.unknown_terms[0])}")
        return None

    def _sections(self, q: Query, faq: Faq | None) -> list[tuple[str, str]]:
        """The (topic, text) parts of the answer, most specific first."""
        sections = self._entity_sections(q)
        if q.known_terms and not q.named:
            intro = (
                f"{self._quote(q.known_terms[0])} isn't among {self._possessive()} listed "
                "skills, but the profile mentions it:"
            )
            sections = self._search(q, loose=True, intro=intro, skip=faq)
        elif self._matcher.free_known(q) and not q.has_entities:
            sections = self._search(q, loose=True, skip=faq)
            if sections and "skills" in q.strong:  # 'what ML tools...': the skills still answer
                sections += self._topic_sections(q, {"skills": 1.0}, set(), False)
        if not sections and (q.strong or q.has_entities):
            covered = {topic for topic, _ in sections}
            sections += self._topic_sections(q, q.strong or q.topics, covered, q.has_entities)
        if faq:
            sections.insert(0, ("faq", self._faq(faq)))
        if not sections:
            sections = self._search(q)
        if not sections and q.topics and self._matcher.all_understood(q):
            sections = self._topic_sections(q, q.topics, set(), False)
        return sections

    def _entity_sections(self, q: Query) -> list[tuple[str, str]]:
        """Answer about the projects, companies, skills and links the question names."""
        sections: list[tuple[str, str]] = []
        for project in q.projects[:3]:
            sections.append(("projects", self._project_detail(project, q.skills)))
        for job in q.companies[:3]:
            sections.append(("experience", self._job_detail(job)))
        if q.skills and not (q.projects or q.companies):
            for skill in q.skills[:3]:
                sections.append(("skills", self._skill_detail(skill, "projects" in q.topics)))
        elif q.groups and not (q.projects or q.companies):
            sections.append(("skills", self._groups_detail(q.groups, "projects" in q.topics)))
        if q.links or q.missing_links:
            sections.append(("contact", self._links_detail(q.links, q.missing_links)))
        return sections

    def _topic_sections(
        self, q: Query, topics: dict[str, float], covered: set[str], has_entities: bool
    ) -> list[tuple[str, str]]:
        """Answer the general topics the question asks about."""
        sections: list[tuple[str, str]] = []
        ranked = sorted(topics, key=lambda t: -topics[t])
        joined = " ".join(q.stems)
        asks_years = bool({"year", "senior", "seniority"} & set(q.stems)) or any(
            p in joined for p in ("how long", "how much experienc", "how experienc")
        )
        for topic in ranked:
            if topic in covered:
                continue
            if topic == "contact" and "contact" not in covered:
                if topics[topic] >= 0.9 or not has_entities:
                    sections.append(("contact", self._contact(q)))
            elif topic == "links" and "contact" not in covered and not has_entities:
                sections.append(("contact", self._all_links(q)))
            elif topic in ("availability", "work_modes"):
                if not any(t == "availability" for t, _ in sections):
                    sections.append(("availability", self._availability(q, topics)))
            elif topic == "location" and "work_modes" not in topics:
                if topics[topic] >= 0.9 or not (has_entities or len(topics) > 1):
                    sections.append(("location", self._location()))
            elif topic == "projects" and not has_entities:
                sections.append(("projects", self._project_list()))
            elif topic == "skills" and not has_entities:
                sections.append(("skills", self._groups_detail(list(self.profile.skills), False)))
            elif topic == "experience" and not has_entities:
                if topics[topic] >= 0.9 or not sections:
                    sections.append(("experience", self._experience(q, asks_years)))
            elif topic == "about" and not has_entities and not sections:
                sections.append(("about", self._about()))
            elif topic == "pronouns":
                sections.append(("about", self._pronouns()))
        if asks_years and not any(t in ("experience", "about") for t, _ in sections):
            if not has_entities:
                sections.append(("experience", self._experience(q, True)))
        return sections

    def _search(
        self, q: Query, loose: bool = False, intro: str = "", skip: Faq | None = None
    ) -> list[tuple[str, str]]:
        """Fall back to the profile sentences that cover most of the question's words."""
        asked = concepts(q.content)
        if not asked:
            return []
        total = sum(self._matcher.weight(c) for c in asked)
        chosen: list[Doc] = []
        covered: set[str] = set()
        for _ in range(3):
            best, gain = None, 0.0
            for doc in self._matcher.docs:
                if doc in chosen or (skip and doc.text.endswith(skip.answer)):
                    continue
                fresh = (asked & doc.concepts) - covered
                new = sum(self._matcher.weight(c) for c in fresh)
                if chosen and not fresh - TRIGGER_STEMS:
                    continue
                if new > gain:
                    best, gain = doc, new
            if best is None or (chosen and gain < 0.3 * total):
                break
            chosen.append(best)
            covered |= asked & best.concepts
        if not chosen or not covered - TRIGGER_STEMS:
            return []
        if sum(self._matcher.weight(c) for c in covered) / total < (0.3 if loose else 0.5):
            return []
        lines = [f"- {clean(doc.text)}" for doc in chosen]
        intro = intro or f"Here is what {self._possessive()} profile says about that:"
        return [("search", "\n".join([intro, *lines]))]

    # -- composing --------------------------------------------------------------------

    def _possessive(self) -> str:
        return f"{self.first}'s"

    @staticmethod
    def _quote(term: str) -> str:
        return f"“{term}”"

    def _order(self, sections: list[tuple[str, str]], visitor: Visitor) -> list[tuple[str, str]]:
        """Put the sections in the order the visitor's audience cares about."""
        audience = self.profile.audiences.get(visitor.kind or "")
        if not audience or not audience.focus or len(sections) < 2:
            return sections
        focus = [fold(f) for f in audience.focus]

        def rank(topic: str) -> int:
            for i, f in enumerate(focus):
                if topic in f or f in topic:
                    return i
            return len(focus)

        first = [s for s in sections if s[0] == "faq"]
        rest = sorted((s for s in sections if s[0] != "faq"), key=lambda s: rank(s[0]))
        return first + rest

    def _faq(self, faq: Faq) -> str:
        text = clean(faq.answer)
        if re.search(r"\b(email|e-mail|contact|reach|call)\b", fold(text)):
            email = self.profile.contact.email
            if email and email not in text:
                text += f"\n\nEmail: {autolink(email)}"
        return text

    def _project_line(self, project: Project) -> str:
        line = f"- **{project.name}**: {clean(project.summary)}"
        if project.tech:
            line += f" ({', '.join(project.tech)})"
        if project.link:
            line += f" {autolink(project.link)}"
        return line

    def _project_list(self) -> str:
        projects = self.profile.projects
        if not projects:
            return self._no_info(f"{self._possessive()} profile lists no projects")
        lines = [f"{self.first} has built these projects:"]
        lines += [self._project_line(p) for p in projects]
        return "\n".join(lines)

    def _project_detail(self, project: Project, skills: list[Skill]) -> str:
        lines = [f"**{project.name}**: {clean(project.summary)}"]
        for skill in skills:
            if project in skill.projects:
                lines.insert(0, f"Yes: {project.name} uses {skill.label}.")
            else:
                lines.insert(0, f"The profile doesn't list {skill.label} for {project.name}.")
        if project.tech:
            lines.append(f"- Tech: {', '.join(project.tech)}")
        lines += [f"- {clean(h)}" for h in project.highlights]
        if project.link:
            lines.append(f"- Link: {autolink(project.link)}")
        return "\n".join(lines)

    def _job_line(self, job: Experience) -> str:
        period = f" ({job.period})" if job.period else ""
        return f"**{job.role}** at {job.company}{period}"

    def _job_detail(self, job: Experience) -> str:
        lines = [f"{self.first} worked as {self._job_line(job)}."]
        if self._is_current(job):
            lines = [f"{self.first} is {self._job_line(job)}."]
        elif job is self._latest_job:
            lines = [f"{self._possessive()} most recent role: {self._job_line(job)}."]
        lines += [f"- {clean(h)}" for h in job.highlights]
        return "\n".join(lines)

    @staticmethod
    def _is_current(job: Experience) -> bool:
        return bool(job.period and CURRENT.search(job.period))

    def _find_latest_job(self) -> Experience | None:
        """The current role, else the one with the latest year, else the first listed."""
        jobs = self.profile.experience
        current = [j for j in jobs if self._is_current(j)]
        if current or not jobs:
            return current[0] if current else None

        def last_year(job: Experience) -> int:
            return max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", job.period or "")),
                       default=0)

        latest = max(jobs, key=last_year)
        return latest if last_year(latest) else jobs[0]

    def _experience(self, q: Query, asks_years: bool) -> str:
        jobs = self.profile.experience
        lines: list[str] = []
        if asks_years:
            owner = self.profile.owner
            for sentence in sentences(f"{owner.headline}. {owner.summary or ''}"):
                if re.search(r"\byears?\b", sentence, re.I):
                    lines.append(sentence)
        if not jobs:
            if lines:
                return "\n".join(lines)
            return self._no_info(f"{self._possessive()} profile lists no work experience")
        asked = set(q.words)
        wants_current = bool(NOW_WORDS & asked) or (
            "where" in asked and bool({"work", "works", "working"} & asked)
        )
        wants_current = wants_current and not (PAST_WORDS & asked)
        if wants_current and not asks_years:
            current = [j for j in jobs if self._is_current(j)] or [self._latest_job or jobs[0]]
            return "\n\n".join(self._job_detail(j) for j in current)
        lines.append(f"{self._possessive()} experience:")
        for job in jobs:
            lines.append(f"- {self._job_line(job)}")
            lines += [f"  - {clean(h)}" for h in job.highlights[:2]]
        return "\n".join(lines)

    def _skill_detail(self, skill: Skill, projects_first: bool) -> str:
        usage = []
        if skill.projects:
            names = ", ".join(f"**{p.name}**" for p in skill.projects)
            usage.append(f"- Projects using it: {names}")
        for job, line in skill.roles[:2]:
            usage.append(f"- At {job.company}: {clean(line)}")
        if skill.groups:
            head = (
                f"Yes: **{skill.label}** is one of {self._possessive()} skills "
                f"({', '.join(skill.groups)})."
            )
        elif skill.projects:
            head = f"Yes: {self.first} has used **{skill.label}**."
        else:
            head = f"Yes: {self._possessive()} profile mentions **{skill.label}**."
        if projects_first and not skill.projects:
            usage.insert(0, f"- None of the listed projects uses {skill.label}.")
        return "\n".join([head, *usage])

    def _groups_detail(self, groups: list[str], with_projects: bool) -> str:
        skills = self.profile.skills
        if not skills:
            return self._no_info(f"{self._possessive()} profile lists no skills")
        lines = [f"{self._possessive()} skills:"] if len(groups) > 1 else []
        for group in groups:
            if len(groups) == 1:
                lines.append(f"{self._possessive()} {group} skills: {', '.join(skills[group])}.")
            else:
                lines.append(f"- **{group}**: {', '.join(skills[group])}")
        if with_projects:
            keys = {key(s) for g in groups for s in skills[g]}
            matching = [p for p in self.profile.projects if keys & {key(t) for t in p.tech}]
            if matching:
                lines.append("")
                lines.append("Projects that use them:")
                lines += [self._project_line(p) for p in matching]
        return "\n".join(lines)

    def _link_label(self, name: str) -> str:
        return LINK_LABELS.get(fold(name), name.replace("_", " ").capitalize())

    def _links_detail(self, names: list[str], missing: list[str]) -> str:
        links = self.profile.contact.links
        lines = [f"- {self._link_label(n)}: {autolink(links[n])}" for n in names if n in links]
        text = "\n".join(lines)
        if missing and not names:
            kinds = ", ".join(LINK_LABELS.get(k, k.capitalize()) for k in missing)
            text = self._no_info(f"{self._possessive()} profile has no {kinds} link")
        return text

    def _all_links(self, q: Query) -> str:
        links = self.profile.contact.links
        if not links:
            return self._no_info(f"{self._possessive()} profile gives no links")
        names = list(links)
        if CODE_STEMS & set(q.stems):
            hosts = [n for n in names if any(h in fold(links[n]) for h in CODE_HOSTS)]
            names = hosts or names
        return self._links_detail(names, [])

    def _contact(self, q: Query | None = None) -> str:
        email = self.profile.contact.email
        links = self.profile.contact.links
        asked = set(q.stems) if q else set()
        email_only = bool(EMAIL_WORDS & asked) and not CONTACT_WORDS & asked
        lines = []
        if asked & PHONE_STEMS and stem("phone") not in self._matcher.vocab:
            lines.append(f"{self._possessive()} profile gives no phone number.")
        if email:
            lines.append(f"You can reach {self.first} by email at {autolink(email)}.")
            if email_only:
                return "\n".join(lines)
        elif links:
            lines.append(f"{self._possessive()} profile gives no email, but these links:")
        else:
            return f"{self._possessive()} profile gives no contact details."
        lines += [f"- {self._link_label(n)}: {autolink(url)}" for n, url in links.items()]
        return "\n".join(lines)

    def _availability(self, q: Query, topics: dict[str, float]) -> str:
        a = self.profile.availability
        lines = [f"**Availability:** {clean(a.status)}"]
        if a.work_modes:
            lines.append(f"- Work modes: {', '.join(a.work_modes)}")
        if a.notice:
            lines.append(f"- Notice: {clean(a.notice)}")
        if "work_modes" in topics and self.profile.owner.location:
            lines.append(f"- Based in: {self.profile.owner.location}")
        asked = set(q.stems)
        if not a.notice and asked & START_STEMS:
            lines.append("- The profile gives no notice period or start date.")
        if RELOCATE in asked and RELOCATE not in self._matcher.vocab:
            lines.append("- The profile doesn't say whether relocation is an option.")
        return "\n".join(lines)

    def _location(self) -> str:
        location = self.profile.owner.location
        if location:
            return f"{self.first} is based in {location}."
        modes = self.profile.availability.work_modes
        text = f"{self._possessive()} profile doesn't say where {self.first} is based."
        if modes:
            text += f" Work modes: {', '.join(modes)}."
        return text

    def _about(self) -> str:
        owner = self.profile.owner
        lines = [f"**{owner.name}**: {clean(owner.headline)}"]
        if owner.summary:
            lines.append(clean(owner.summary))
        if owner.location:
            lines.append(f"Based in {owner.location}.")
        return "\n\n".join(lines)

    def _pronouns(self) -> str:
        pronouns = self.profile.owner.pronouns
        if pronouns:
            return f"{self.first} uses {pronouns} pronouns."
        return self._no_info(f"{self._possessive()} profile doesn't give pronouns")

    def _contact_offer(self) -> str:
        email = self.profile.contact.email
        links = self.profile.contact.links
        if email:
            offer = f"You could ask {self.first} directly at {autolink(email)}"
            preferred = next((n for n in ("linkedin", "website") if n in links), None)
            if preferred:
                offer += f" or on {self._link_label(preferred)}: {autolink(links[preferred])}"
            return offer + "."
        if links:
            name = next((n for n in ("linkedin", "website") if n in links), next(iter(links)))
            return (
                f"You could ask {self.first} directly via {self._link_label(name)}: "
                f"{autolink(links[name])}."
            )
        return ""

    def _no_info(self, statement: str) -> str:
        return " ".join(s for s in (f"{statement}.", self._contact_offer()) if s)

    def _unknown(self, detail: str = "doesn't cover that") -> str:
        return self._no_info(
            f"I don't have an answer to that: {self._possessive()} profile {detail}"
        )

    def _topics_hint(self) -> str:
        return (
            f"You can ask me about {self._possessive()} projects, skills, experience, "
            "availability or how to get in touch."
        )

    def _greeting(self, visitor: Visitor, hello: bool = True) -> str:
        audience = self.profile.audiences.get(visitor.kind or "")
        if hello and audience and audience.greeting:
            return f"{clean(audience.greeting)}\n\n{self._topics_hint()}"
        name = f", {visitor.name}" if visitor.name else ""
        intro = (
            f"Hi{name}! I answer questions about {self.profile.owner.name} "
            f"from {self._possessive()} profile."
        )
        if not hello:
            intro = (
                f"I answer questions about {self.profile.owner.name} "
                f"from {self._possessive()} profile."
            )
        return f"{intro} {self._topics_hint()}"

    def _thanks(self) -> str:
        offer = self._contact_offer()
        return "You're welcome!" + (f" {offer}" if offer else "")

    def _about_bot(self) -> str:
        owner = self.profile.owner
        return (
            f"I'm the assistant on {owner.name}'s portfolio ({clean(owner.headline)}). "
            f"I answer from {self._possessive()} profile only. {self._topics_hint()}"
        )

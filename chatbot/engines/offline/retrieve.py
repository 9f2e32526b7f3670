"""Stage 2, retrieve: rank the profile's fact units for a question with BM25 over stems."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from chatbot.engines.offline.facts import Fact, only_address
from chatbot.engines.offline.rank import FactRanker, searched
from chatbot.engines.offline.text import MONEY, fold, has_figure, lexicon, stem, stems, words
from chatbot.engines.offline.understand import NAMED_TOPICS, STOPWORDS, Query

# Intents answered by whatever facts speak of their topic, wherever they are in the profile.
TOPICAL = ("education", "languages", "talks", "publications", "awards", "relocation")
# What names certificates, not degrees ('what did she study' lists the degrees first).
# The owner's own fields of where, when and how they work.
_OWN_FIELDS = frozenset({"availability", "work_modes", "notice", "location", "pronouns"})
# Of publications asked ('any papers?'), a verb of writing alone tells of none ('Wrote
# billing batch jobs'); 'wrote an article' does, by its noun. Asked by the verb ('did she
# write the SDK guide'), it does.
_WROTE = frozenset(stems("wrote writing"))
_CERTIFICATES = frozenset(stems("certificate certificates certification certifications "
                                "certified cert certs licence license"))
# Intents answered by a field of their own and what the owner says beside it ('what should
# I put in my first message': 'please mention the days ... in your first message'; tried
# for work_mode too: no question gained), and where the owner says it.
FIELDS = ("availability", "contact")
OWNER_SAYS = ("faq", "audience", "summary", "extra")
# Intents with an owner field of their own (work modes, notice, location): when a profile
# leaves the field out, the owner may still say it in their own words ('Do you want remote,
# hybrid or office?': 'Hybrid in Kraków suits me best').
OWN_FIELDS = {"work_mode": "work_modes", "notice": "notice", "location": "location"}


@dataclass(frozen=True)
class Retrieved:
    """The facts the answer may draw on, best first."""

    topical: tuple[Fact, ...] = ()  # facts on the intent's topic (talks, education, ...)
    covering: tuple[Fact, ...] = ()  # facts that contain every word the question is about
    mentioning: tuple[Fact, ...] = ()  # facts elsewhere that name the project or job asked
    nearby: tuple[Fact, ...] = ()  # what the rest finds when a word is one the profile lacks
    related: tuple[Fact, ...] = ()  # failing those, the best fact for most of its words
    # For each field asked that the profile leaves out, what the owner says of it elsewhere.
    unfilled: tuple[tuple[str, Fact], ...] = ()
    table: tuple[Fact, ...] = ()  # the entries of the owner's list asked for as a whole

    def owner_said(self, intent: str) -> Fact | None:
        """What the owner says of a field the profile leaves out, or None."""
        return next((f for i, f in self.unfilled if i == intent), None)


class Index:
    """BM25 over every fact unit of one profile, built once at start-up."""

    def __init__(self, facts: Sequence[Fact], ranker: FactRanker,
                 mentioned: Mapping[tuple[str, int], Sequence[Fact]] | None = None):
        self.facts = list(facts)
        self.ranker = ranker
        self.mentioned = dict(mentioned or {})
        self.stems = [frozenset(stems(searched(f))) for f in self.facts]
        # A highlight is about its project or job too: 'featured' + 'danube map' finds the
        # Duna Maps highlight whose own text never says 'Danube'.
        heads = {(f.project, f.job): self.stems[i] for i, f in enumerate(self.facts)
                 if f.kind in ("project", "job")}
        self.context = [s | heads.get((f.project, f.job), frozenset()) | frozenset(stems(f.source))
                        for f, s in zip(self.facts, self.stems, strict=True)]
        self.words = [_inflected(words(f"{f.text} {f.section} {f.question} {f.keys}"))
                      for f in self.facts]
        # Each fact's words in order, with its project's or job's ('breathing room').
        spelled = [" ".join(words(fold(f"{searched(f)} {f.source}"))) for f in self.facts]
        head_spelled = {(f.project, f.job): spelled[i] for i, f in enumerate(self.facts)
                        if f.kind in ("project", "job")}
        self.spelled = [f" {text} {head_spelled.get((f.project, f.job), '')} "
                        for f, text in zip(self.facts, spelled, strict=True)]
        intents = lexicon()["intents"]
        self.filler = frozenset(stem(w) for w in lexicon()["words"]["filler"])
        # A fact with a sum of money gives what an amount asked costs ('cost', 'price').
        self.amount = frozenset(stem(w) for w in lexicon()["fields"]["amount"])
        self.priced = [bool(MONEY.search(f.text)) for f in self.facts]
        # Topics match whole cue words, not stems: 'publication' must not find 'public-sector'.
        self.topic_cues = {i: frozenset(intents[i]) for i in (*TOPICAL, *OWN_FIELDS)}
        kinds = {f.kind for f in self.facts}
        self.unfilled = frozenset(i for i, kind in OWN_FIELDS.items() if kind not in kinds)
        self.field_cues = {i: frozenset(stem(w) for w in intents[i]) for i in FIELDS}
        self.spread = Counter(s for found in self.stems for s in found)  # facts using a stem
        self.tallied = frozenset(s for f in self.facts for s in tallied(f.text))
        self.heads = np.array([f.kind in ("project", "job") for f in self.facts])
        # The owner's own lists and tables, each as its facts' places ('jams': its entries).
        self.tables: dict[str, list[int]] = {}
        for i, f in enumerate(self.facts):
            if f.kind == "extra" and f.project < 0 and f.job < 0:
                self.tables.setdefault(f.section, []).append(i)
        self.table_names = frozenset(s for k in self.tables
                                     for s in stems(k.rsplit(".", 1)[-1].replace("_", " ")))

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every fact for the query stems."""
        return self.ranker.scores(terms)

    def retrieve(self, q: Query) -> Retrieved:
        """The facts on the question's topic and the facts that cover what it asks about."""
        topical: list[Fact] = []
        if q.intent == "relocation":
            # The owner's own word on moving (an FAQ answer, a note to recruiters, an extra
            # key), not a career story's 'moved the pipelines to Nextflow'.
            topical = self._topical(q, kinds=("faq", "audience", "extra"))
        elif q.intent in TOPICAL:
            topical = self._topical(q)
        unfilled = [(i, f) for i in dict.fromkeys((q.intent, *q.also)) if i in self.unfilled
                    for f in self._owner_said(replace(q, intent=i))]
        covering = self._covering(q) if q.topic else []
        if not covering and q.intent in self.field_cues:
            covering = self._cued(q)
        named = ("project", q.projects[0]) if q.projects else ("job", q.jobs[0]) if q.jobs \
            else ("", -1)
        nearby = self._nearby(q) if q.missing else []
        related = (self._nearby(q, topic_only=False) or self._partial(q)) \
            if q.missing and not nearby else self._partial(q) if q.topic and not covering else []
        return Retrieved(tuple(topical), tuple(covering), tuple(self.mentioned.get(named, ())),
                         tuple(nearby), tuple(related), tuple(unfilled), self._table(q))

    def _table(self, q: Query) -> tuple[Fact, ...]:
        """The entries of the owner's list a question asks for as a whole, those that say
        the most of its other words first, else in the profile's order."""
        at = self.tables.get(q.table, []) if q.table else []
        if not at:
            return ()
        # The question's other words ('from managers') rank them, but those that name a
        # list ('game' of 'game jams' names the games); the names it types ('the
        # Kubernetes one') pick the entries that hold them all, if any do.
        rest = {t for t in q.topic if t in self.ranker.vocab} - self.table_names
        names = {stem(n) for n in q.names} - self.table_names
        held = [i for i in at if names <= self.stems[i]] if names else []
        scores = self.scores(sorted(rest | names))
        return tuple(self.facts[i] for i in sorted(held or at, key=lambda i: -float(scores[i])))

    def _nearby(self, q: Query, topic_only: bool = True) -> list[Fact]:
        """The best two facts for the rest of a question with a word the profile never uses:
        in the record of the project or job it names, else ones holding all its other topic
        words ('how many pupils use Periodic Pals': 'Used by 320 students ...'). Two, since
        the word it lacks may be the one that told them apart ('how many people did she
        manage at Nordhaven': its release highlight, then its '7 consultants'). With
        `topic_only` False and no topic word left, all its other words but filler ('would
        she work for an oil and gas company': 'company'), else all of them."""
        gone = {stem(w) for w in q.missing}
        scores = self.scores([t for t in q.terms if t not in gone])
        need = {t for t in q.topic if t not in gone and t in self.ranker.vocab}
        if not need and not topic_only:
            rest = {t for t in q.terms if t not in gone and t in self.ranker.vocab}
            need = rest - self.filler or rest  # 'what industries does he prefer': 'Prefers ...'
        project, job = (q.projects or (-1,))[0], (q.jobs or (-1,))[0]
        if project >= 0 or job >= 0:
            # The name found the record, so it says nothing of what is asked: the title
            # line (its name and summary) is scored on the other words only ('how many ppl
            # use bin day' finds 'About 300 weekly users' first, not 'Bin Day: A web app').
            beside = self.scores([t for t in q.asked if t not in gone])
            scores = np.where(self.heads, beside, scores)
        order = np.argsort(-scores, kind="stable")
        if project >= 0 or job >= 0:  # the whole record: its parts need not say its name
            near = [int(i) for i in order if self.facts[i].kind not in ("link", "email")
                    and (project >= 0 and self.facts[i].project == project
                         or job >= 0 and self.facts[i].job == job)]
        else:
            near = [int(i) for i in order[:20] if scores[i] > 0
                    and self.facts[i].kind not in ("link", "email")
                    and bool(need) and need <= self.context[i]]
        # 'Why ...' of a named project or job: its notes, where reasons are given ('why is
        # it called grosz': 'Named after ...'); else what the rest of the words find, a fact
        # with a figure first for 'how many ...', and a part that says more than its name (a
        # highlight, a note) before its title line. A count the rest does not find is no
        # answer when the profile counts the thing asked elsewhere: 'how many stars' (it
        # gives another project's stars) is not 'Sold over 2 million copies', while 'how
        # many businesses' (it counts none) may be its 'about 60 small companies'.
        if q.wants_number and q.detail and stem(q.detail) in self.tallied:
            near = [i for i in near if scores[i] > 0 or not has_figure(self.facts[i].text)]
        why = "why" in words(q.text)
        near.sort(key=lambda i: (not (why and self.facts[i].kind == "note"), scores[i] <= 0,
                                 not (q.wants_number and has_figure(self.facts[i].text)),
                                 self.facts[i].kind in ("project", "job")))
        # A second fact, as the word the profile lacks may be what told them apart: not a
        # title line (a record's name and summary, little beyond what the first one's source
        # names), nor, for 'how many', one without a figure.
        more = [i for i in near[1:] if self.facts[i].kind not in ("project", "job")
                and (has_figure(self.facts[i].text) or not q.wants_number)]
        return [self.facts[i] for i in [*near[:1], *more[:2]]]

    def _partial(self, q: Query) -> list[Fact]:
        """The best fact for a question that no fact covers: the one holding the most of its
        topic words, at least half of them, by BM25 among those ('would Ash ever return to
        teaching': 'teach coding workshops'); of a question with a word the profile never
        uses, of the rest ('overlap with a team in New York': 'Timezone overlap: ...')."""
        gone = {stem(w) for w in q.missing}
        rest = [t for t in q.topic if t not in gone]
        need = {t for t in rest if t in self.ranker.vocab}
        scores = self.scores([t for t in q.terms if t not in gone])
        hits = [(-len(need & self.context[i]), -float(scores[i]), int(i))
                for i in np.argsort(-scores, kind="stable")[:20] if scores[i] > 0
                and self.facts[i].kind not in ("link", "email")
                and 2 * len(need & self.context[i]) >= len(rest)]
        return [self.facts[i] for _, _, i in sorted(hits)[:2]]

    def _cued(self, q: Query) -> list[Fact]:
        """What the owner says beside a field, in a word of the question's the profile uses
        rarely: 'would she take a contract' finds 'Permanent roles only, no contracts.' in
        an audience note or the FAQ (the availability field itself is answered anyway)."""
        rare = {t for t in q.terms if t in self.field_cues[q.intent] and 0 < self.spread[t] <= 3}
        if not rare:
            return []
        scores = self.scores(list(q.terms))
        found = [int(i) for i in np.argsort(-scores, kind="stable")[:10] if scores[i] > 0
                 and rare & self.stems[i] and self.facts[i].kind in OWNER_SAYS]
        return [self.facts[i] for i in found[:1]]

    def _owner_said(self, q: Query) -> list[Fact]:
        """What the owner says, in an FAQ answer, an audience note or an extra key, in the
        cue words of a field the profile leaves out ('how soon could he start': 'No notice
        period: he can start within two weeks of an offer')."""
        return [f for f in self._topical(q) if f.kind in OWNER_SAYS][:1]

    def _topical(self, q: Query, kinds: Sequence[str] = ()) -> list[Fact]:
        """Facts that use one of the intent's cue words, ranked by the question and the cues;
        only those of `kinds`, if given (before the best three are taken: three career
        stories that 'moved' must not hide the FAQ on relocating)."""
        cues = self.topic_cues[q.intent]
        scores = self.scores([*q.terms, *(stem(c) for c in cues)])
        order = np.argsort(-scores, kind="stable")
        # Not the owner's own fields of another topic: 'Booked until March' (availability)
        # holds no book.
        wrote = _WROTE if q.intent == "publications" and not _WROTE & set(q.terms) \
            else frozenset()
        found = [i for i in order if scores[i] > 0 and cues & self.words[i] - wrote
                 and self.facts[i].kind not in ("link", "email", "skills")
                 and not (q.intent in NAMED_TOPICS and self.facts[i].kind in _OWN_FIELDS)
                 and (not kinds or self.facts[i].kind in kinds)
                 and not only_address(self.facts[i])]
        if q.skills:  # 'an AWS certification': only the facts on the topic that name it
            names = [set(stems(re.sub(r"\(.*?\)", "", s))) for s in q.skills]  # 'AWS (ECS)'
            found = [i for i in found if any(n <= self.stems[i] for n in names)]
        # 'did she go to school in Lyon', 'a talk at FOSDEM': only the facts naming it too.
        # A list of tongues names no place: 'get by in German with our Stuttgart team'.
        typed = frozenset(stem(n) for n in q.names)
        if q.intent == "languages":
            typed &= frozenset().union(*(self.stems[i] for i in found))
        # Of moving, the owner's word answers a place it never names ('would he move to
        # London': 'No ... staying in Bristol').
        found = [i for i in found if typed <= self.stems[i]] \
            or (found if q.intent == "relocation" else [])
        # A section named for the topic ([[publications]], [education]) comes first, and in
        # it the facts whose own text says more of the question's words ('which bootcamp':
        # the bootcamp's entry, though a degree's says more of the topic's cue words).
        named = [i for i in found if cues & set(words(self.facts[i].section))]
        asked = set(q.asked)
        said = {i: len(asked & set(stems(self.facts[i].text))) for i in named}
        # Of education, the degrees before the certificates, unless those are asked.
        degrees = q.intent == "education" and not _CERTIFICATES & set(q.terms)
        named.sort(key=lambda i: (-said[i], degrees and bool(
            _CERTIFICATES & set(stems(self.facts[i].section)))))
        return [self.facts[i] for i in [*named, *(i for i in found if i not in named)]][:3]

    def _covering(self, q: Query) -> list[Fact]:
        """Facts that, with their project or job, cover the question's topic stems.

        All of them; or, for a topic of three stems, all but one, and of four or more, all
        but two (a paraphrase rarely uses every word the profile does, and a long one uses
        more of its own: 'reduce the standby power draw' for 'cut the standby current').
        Best covered first, then by BM25.
        """
        # Only the words the profile uses: one it never does is judged by understand. Of two
        # asks joined by 'or', either one, with every other word ('does she mentor or lead
        # a team'; 'was the CT detector FPGA an Intel or an AMD part' is no list of tools).
        # A word read as several synonyms ('people': team, engineers, reports) is covered
        # by any one of them, and goes with the side of an 'or' that holds one.
        sided = set().union(*q.either)
        sided |= set().union(*(g for g in q.alike if g & sided))
        rest = _units({t for t in set(q.topic) - sided if t in self.ranker.vocab}, q.alike)
        scores = self.scores(list(q.terms))
        hits: dict[int, tuple[float, bool, float, int]] = {}
        sides = [(side, rest + _units({t for t in side if t in self.ranker.vocab}, q.alike))
                 for side in q.either or (frozenset(),)]
        most = max(len(need) for _, need in sides)
        # A sum asked of things the profile names, every one ('the price of the platinum
        # tier' of a profile without one is no price of another tier).
        priced_asked = q.wants_amount and q.wants_number \
            and all(t in self.ranker.vocab for t in q.topic)
        for side, need in sides:
            if not need:
                continue
            # Each side by the share of its words a fact covers: 'mentored' is all of its
            # side, not less than two of 'trained junior people'.
            share = most / len(need)
            enough = len(need) - (len(need) >= 3) - (len(need) >= 4)
            for i in np.argsort(-scores, kind="stable"):
                if scores[i] <= 0:
                    break
                context = self.context[i]
                if priced_asked and self.priced[i] \
                        and all(unit & context for unit in need if not unit & self.amount):
                    context = context | self.amount  # 'what does an audit cost': its € line
                covered = sum(1 for unit in need if unit & context)
                if all(unit & context for unit in rest) and side & context if side \
                        else covered >= enough:
                    figure = q.wants_number and has_figure(self.facts[i].text)
                    counted = q.wants_number and counts(self.facts[i].text, q.detail)
                    said = q.wishes and self.facts[i].kind in OWNER_SAYS
                    hit = (-covered * share - figure - counted, not said, -float(scores[i]),
                           int(i))
                    hits[int(i)] = min(hits.get(int(i), hit), hit)
        # A name of several words typed as the profile writes it ('Breathing Room') is asked
        # of that thing: a fact on another that shares a word ('Celadon Breath') is not it.
        phrase = f" {' '.join(q.names)} "
        if len(q.names) >= 2 and phrase in f" {' '.join(words(fold(q.text)))} " \
                and any(phrase in text for text in self.spelled):
            hits = {i: hit for i, hit in hits.items() if phrase in self.spelled[i]}
        return [self.facts[i] for *_, i in sorted(hits.values())[:3]]


def _units(stems: set[str], alike: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """`stems` as the units a fact must cover: the readings of one word together."""
    units = [g & stems for g in alike if g & stems]
    return units + [frozenset({t}) for t in stems if not any(t in g for g in alike)]


def _inflected(said: Sequence[str]) -> frozenset[str]:
    """The words of a fact with the forms they inflect ('speaks' also as 'speak',
    'conferences' as 'conference'): the shorter words they start with that have their
    stem. Not a longer word of another stem: 'public-sector' is no 'publication'."""
    out = set(said)
    for w in said:
        s = stem(w)
        out.update(w[:n] for n in range(max(4, len(s)), len(w)) if stem(w[:n]) == s)
    return frozenset(out)


def counts(text: str, thing: str) -> bool:
    """True when `text` gives a number of `thing` ('12 years in bioinformatics' for
    'years'; '900 monthly active users' for 'users'), in words too ('six years of
    pipeline work')."""
    if not thing:
        return False
    thing, text = re.escape(stem(thing)), text.lower()
    if re.search(rf"\d[\d,.]*\+?\s+(?:[\w-]+\s+){{0,2}}{thing}", text):
        return True
    return any(w not in STOPWORDS for w in re.findall(rf"([a-z]+)\s+{thing}", text))


def tallied(text: str) -> set[str]:
    """The stems of what `text` gives a figure of, written as common nouns: 'stars' in
    'About 900 GitHub stars', not 'Business' in 'Dynamics 365 Business Central'."""
    return {stem(w) for m in re.finditer(r"\d[\d,.]*\+?((?:\s+[\w-]+){1,2})", text)
            for w in m.group(1).split() if w[:1].islower()}

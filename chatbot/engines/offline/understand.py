"""Stage 1, understand: what a question asks (intent), what it names, and what it negates."""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from jellyfish import metaphone
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract, extractOne
from spellchecker import SpellChecker, WordFrequency

from chatbot.engines.base import Exchange
from chatbot.engines.offline.facts import (
    Fact,
    all_links,
    first_years,
    is_current,
    item_lines,
    job_order,
    job_spans,
    latest_job,
    priced_tiers,
    project_years,
    table_items,
)
from chatbot.engines.offline.rank import FactRanker
from chatbot.engines.offline.text import (
    MONEY,
    MONTHS,
    american,
    any_of,
    as_written,
    british,
    fold,
    has_figure,
    lexicon,
    stem,
    stems,
    tool_names,
    words,
)
from chatbot.profile import Profile, Project

# How many words' readings (typo fixed, synonyms) an Understander keeps.
_READINGS = 4096
# Ties between intents go to the more specific one: the earlier in this list.
PRIORITY = ("work_mode", "relocation", "notice", "location", "contact", "education",
            "talks", "languages", "publications", "awards", "availability", "skills",
            "projects", "experience", "overview", "greeting", "thanks")
# Topics an FAQ entry asked in the same topic's words answers beside the field ('what is her
# education' for 'where did she go to uni').
FAQ_TOPICS = ("availability", "work_mode", "relocation", "notice", "education")
# What a long recruiter message may ask beside its main question, answered line by line.
PRACTICAL = ("availability", "notice", "location", "work_mode", "relocation")
# Topics a question may ask of a named skill: the answer must name the skill too.
NAMED_TOPICS = ("education", "talks", "publications", "awards")
INTENTS = (*PRIORITY, "project", "job", "skill", "faq", "unknown")
NEGATIONS = frozenset({"not", "no", "never", "without", "nor", "isnt", "doesnt", "wont", "dont",
                       "cant", "wouldnt", "isn't", "doesn't", "won't", "don't", "can't"})
# Words that ask for the human languages spoken, not programming languages.
SPOKEN = frozenset({"speak", "speaks", "spoken", "human", "natural", "fluent", "bilingual"})
# Words that ask something: with the owner in the message, a greeting in front ('hi, what
# does she do?') is only a greeting to the question, not the whole message.
ASKING = frozenset("what whats where when who which why how does do did is are was were can "
                   "could has have will would tell".split())
# Who a question asks uses a thing ('who uses it', 'is anyone using it'): people, not its stack.
USERS = frozenset({"who", "anyone", "anybody", "someone", "somebody"})
NOW = frozenset({"now", "current", "currently", "present", "today", "nowadays", "moment"})
# The owner's own lists of what they wrote.
_WRITING = frozenset({"publications", "writing", "articles", "posts", "papers", "essays"})
# Words that look for a link ('where can I see her course', 'booking link').
_LOOKING = frozenset("where there see link links look find show check url urls site page "
                     "visit open share send handle profile account posted online anywhere "
                     "available public download".split())
# Words that ask whether the owner has a skill ('does she know git', 'has he used it').
_SKILL_ASKED = frozenset("know knows knew familiar proficient use uses used using comfortable "
                         "experience experienced skill skills".split())
STOPWORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for "
    "from further had has have having he her here hers herself him himself his how i if in "
    "into is it its itself just me more most my myself no nor not now of off on once only or "
    "other our ours ourselves out over own same she should so some such than that the their "
    "theirs them themselves then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your "
    "yours yourself s t d ll m re ve y whats wheres whos hows shes hes theyre im ive "
    "every ever anywhere anything anyone anybody somewhere something someone everywhere "
    "else also "
    # Function words no question asks about: the rest of a negation ('isn't') and
    # prepositions and conjunctions ('outside his day job', 'whether', 'rather than').
    "isn didn doesn wasn weren hasn haven hadn aren couldn wouldn shouldn mustn needn "
    "whether rather besides beside per onto inside outside within without across toward "
    "towards upon beyond among amongst despite unlike except versus vs via throughout "
    "instead etc since apart aside".split()
)
# Words that ask what the owner wants, which the owner's own word says (FAQ answers, notes
# to visitors) rather than their record.
WISHES = frozenset({"would", "want", "wants", "prefer", "prefers", "suit", "suits", "mind"})
# Endings that make another word of the same root, which Snowball keeps apart.
DERIVED = ("ship", "ment", "ness", "ation", "ion", "er", "or", "al", "ist", "ism")
_BEFORE = frozenset({"before", "prior", "earlier"})
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
_STEPS = _BEFORE | {"after", "next", "afterwards"}
_JUST = frozenset({"right", "just", "immediately", "directly", "straight"})  # 'right before'
OWNER_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "they", "their"})
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
             "4th": 3, "fifth": 4, "5th": 4, "last": -1, "latter": -1, "former": 0}


@dataclass(frozen=True)
class Query:
    """A question as the later stages use it."""

    text: str
    intent: str
    terms: tuple[str, ...] = ()  # content stems, for ranking
    topic: tuple[str, ...] = ()  # stems that are neither cue nor filler: the asked-about thing
    asked: tuple[str, ...] = ()  # stems beside the names and filler: a named thing's part
    missing: tuple[str, ...] = ()  # words the profile never uses, as typed
    detail: str = ""  # what a 'which ...' or 'how many ...' question asks for: 'licence'
    which: tuple[str, ...] = ()  # the thing a 'which ...' question wants named, as typed
    names: tuple[str, ...] = ()  # words typed as names that the profile uses ('FOSDEM')
    projects: tuple[int, ...] = ()
    jobs: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()  # skill labels as the profile writes them
    groups: tuple[str, ...] = ()  # skill groups named
    skill_kind: str = ""  # "programming" or "database" when asked for that kind
    links: tuple[str, ...] = ()  # link keys asked for (contact.links, extra keys with a URL)
    missing_links: tuple[str, ...] = ()  # link kinds asked for that the profile lacks
    aspects: frozenset[str] = field(default_factory=frozenset)  # tech, link, impact
    faq: int = -1  # the FAQ entry that asks this question, or -1
    faq_topic: int = -1  # the one FAQ entry that asks of the same topic ('what is her education')
    wants_email: bool = False
    wants_number: bool = False  # 'how many', 'how much': a fact with a figure answers
    wants_amount: bool = False  # a rate, salary or price: only a figure answers
    span: bool = False  # when, how long or as what the owner was at the job(s) named
    current: bool = False
    wishes: bool = False  # 'would he', 'does she want': the owner's own word answers
    negated: bool = False
    injection: bool = False
    to_the_bot: bool = False  # 'are you a bot?', 'who built you': of the chat, not the owner
    seniority: bool = False  # 'is she a senior engineer?', 'how senior is he
    also: tuple[str, ...] = ()  # a long message's other practical asks (location, notice...)
    someone: str = ""  # another person's, by name, as typed: "Saskia's" in 'Saskia's email'
    stranger: str = ""  # another person the profile names, asked of in themselves, as typed:
    #                     'R. de Groot' in 'where does R. de Groot work'
    employer: str = ""  # a name asked of as an employer that is none ('worked at Google')
    elsewhere: str = ""  # where that name does appear, if anywhere ('a highlight')
    titles: tuple[str, ...] = ()  # titles of talks, papers... named, folded: no cue words
    besides: tuple[str, ...] = ()  # skills a 'besides Go, which languages' question leaves out
    items: tuple[int, ...] = ()  # entries of the owner's own tables named (facts.table_items)
    item_parts: tuple[int, ...] = ()  # its lines asked (facts.item_lines); none: its keys
    table: str = ""  # the owner's list asked for as a whole ('any game jams?'): its extra key
    owner_key: tuple[str, ...] = ()  # an owner's key asked in other words: its path
    before: str = ""  # a year asked before ('what did he do before 2017') that no job is
    world: bool = False  # asks of a thing in itself, not of the owner ('what is MLIR used for')
    lacks: tuple[str, ...] = ()  # words, as typed, asking a key that only other projects or
    #                              jobs have, of the one named ('downloads' of one without)
    either: tuple[frozenset[str], ...] = ()  # the topic stems of two asks joined by 'or'
    #                              ('does she mentor or lead a team'): either one is enough
    alike: tuple[frozenset[str], ...] = ()  # the stems of one word read as several synonyms
    years: tuple[int, ...] = ()  # the years a question names ('in 2025'), in order


@dataclass(frozen=True)
class _Entity:
    """A project, job or skill name as the question may write it."""

    kind: str  # project, job, skill
    key: int | str
    full: str  # the folded name
    partial: tuple[str, ...] = ()  # single words that name it too (weak)


class Understander:
    """Reads questions against the names and words of one profile (built once)."""

    def __init__(self, profile: Profile, facts: Sequence[Fact], ranker: FactRanker,
                 mentioned: Mapping[tuple[str, int], Sequence[Fact]] | None = None):
        lex = lexicon()
        self.profile = profile
        self.job_order = job_order(profile.experience)  # earliest to latest
        self.job_years = first_years(profile.experience)
        self.job_spans = job_spans(profile.experience)
        # Each dated project's index with its latest year: the newest and the oldest.
        self.project_made = {i: max(years) for i, p in enumerate(profile.projects)
                             if (years := project_years(p))}
        self.latest_job = latest_job(profile.experience)  # the current one, else the latest
        self.facts = list(facts)
        self.cues = {i: frozenset(stem(fold(w)) for w in ws) for i, ws in lex["intents"].items()}
        self.filler = frozenset(stem(w) for w in lex["words"]["filler"])
        self.joined_words = frozenset(lex["words"]["joined"])
        self.cue_stems = frozenset().union(*self.cues.values())
        self.required = frozenset(stem(w) for w in lex["fields"]["required"])
        self.amount = frozenset(lex["fields"]["amount"])
        self.aspects = {a: frozenset(stem(w) for w in ws) for a, ws in lex["aspects"].items()}
        self.aspect_stems = frozenset().union(*self.aspects.values())
        # Stems that ask no part of a thing (a part asked: _query), with the tech words and
        # without them (when a 'use' word asks who uses it, not its stack).
        self.unasked = self.filler | self.aspects["tech"] | self.aspects["link"]
        self.unasked_of_users = self.filler | self.aspects["link"]
        # Stems that describe no project (_described_by_record).
        # The words that ask for a project's or job's own key ('is it still maintained': its
        # status), as stems.
        self.key_asks = frozenset(stem(fold(w)) for k, ws in lex["keys"].items()
                                  for w in [k, *ws])
        self.undescribing = self.filler | self.cue_stems | self.aspect_stems | self.required
        # Greeting and thanks cues with the filler (_intent).
        self.small_talk_or_filler = self.cues["greeting"] | self.cues["thanks"] | self.filler
        self.refer = frozenset(lex["refer"]["pronouns"])
        self.greeting_words = frozenset(lex["intents"]["greeting"]) | {"good", "there"}
        # Cue words that ask about the owner, not about a project or job just discussed:
        # 'where does he work now', 'not remote?', 'does he know Haskell'. A short question
        # with one of them is a new question, whatever the conversation was about.
        self.standalone = frozenset().union(*(
            cues for intent, cues in self.cues.items()
            if intent not in ("greeting", "thanks"))) - self.aspect_stems | self.required
        # Each phrase from the start of a word: 'contact as a reference' does not 'act as'.
        self.injection = re.compile(rf"\b{any_of(lex['injection']['phrases'])}")
        self.skill_kinds = {k: frozenset(v) for k, v in lex["skill_kinds"].items()}
        # Each skill group with the stems of its name that name it ('Cloud & DevOps'; 'Game
        # tech' by 'game': 'what tech does he use' asks for all of them).
        generic = set(stems("skills other tools tech technology technologies stack"))
        self.group_stems = [(g, frozenset(s for s in stems(g) if s not in generic))
                            for g in profile.skills]
        counts: dict[str, int] = {}
        for cue_stems in self.cues.values():
            for s in cue_stems:
                counts[s] = counts.get(s, 0) + 1
        # A cue shared by several intents, or one that is also filler, says less.
        self.weight = {s: (0.5 if s in self.filler else 1.0) / n for s, n in counts.items()}
        # Each cue stem's intents, in the order of self.cues, with its weight.
        self.cued: dict[str, list[tuple[str, float]]] = {}
        for intent, cue_stems in self.cues.items():
            for s in cue_stems:
                self.cued.setdefault(s, []).append((intent, self.weight[s]))
        # The names the owner goes by too: a nickname or preferred name of their own
        # ('[owner] nickname = "Gosia"', or a summary's '(goes by Nate)'). With no pronouns
        # given, a visitor's 'she', 'he' or 'they' is the owner.
        called = " ".join([str(v) for k, v in profile.extra.items()
                           if _OWNER_NAME_KEY.match(k) and isinstance(v, str) and len(v) < 40]
                          + _GOES_BY.findall(f"{profile.owner.headline} {profile.owner.summary}"))
        self.nicknames = frozenset(words(called)) - frozenset(words(profile.owner.name))
        self.owner = frozenset(words(f"{profile.owner.name} {called}")) | {
            w for w in words(profile.owner.pronouns or "") if w.isalpha()} | (
            frozenset() if profile.owner.pronouns else OWNER_PRONOUNS)
        # The owner's whole name, as typed in any case, when it has more than one word.
        self.full_name = re.compile(rf"\b{re.escape(profile.owner.name.strip())}\b", re.I) \
            if len(profile.owner.name.split()) > 1 else None
        self.link_aliases: dict[str, str] = {
            fold(a): str(k) for k, aliases in lex["links"].items() for a in aliases}
        self.key_aliases: dict[str, str] = {
            fold(a): str(k) for k, aliases in lex["link_keys"].items() for a in aliases}
        self.all_links = all_links(profile)
        self.link_keys = {self._link_kind(k): k for k in self.all_links}
        # A link is also the kind its address ends in ('website = ".../blog"' is the blog).
        for k, url in self.all_links.items():
            last = fold(url).rstrip("/").rsplit("/", 1)[-1] if url.count("/") > 2 else ""
            if len(last) > 1 and (kind := self.link_aliases.get(last)) \
                    and kind not in self.link_keys:
                self.link_keys[kind] = k
        # A link by the domain of its address too ('an itch.io page', 'her github.com').
        for k, url in self.all_links.items():
            host = urlsplit(url).hostname or ""
            if host.count(".") >= 1:
                domain = ".".join(host.split(".")[-2:])
                self.link_aliases.setdefault(domain, self._link_kind(k))
        # Kinds the owner keeps as a key of their own, not a link ('orcid = "0000-..."').
        self.kept_kinds = frozenset(self._link_kind(str(k).rsplit(".", 1)[-1])
                                    for k in profile.extra)
        if _WRITING & {fold(str(k)) for k in profile.extra}:
            self.kept_kinds |= {"blog"}  # 'any blog posts?' of an owner with no blog: writing
        hosted = [k for k, url in self.all_links.items()
                  if any(h in url for h in lex["hosts"]["code"])]
        if hosted and "code" not in self.link_keys:
            self.link_keys["code"] = hosted[0]
        self.project_links = frozenset([*hosted, *(k for k in self.all_links
                                                   if self._link_kind(k) == "website")])
        self.link_phrases = {fold(a): str(k) for k, aliases in lex["links_if_present"].items()
                             for a in aliases if k in self.link_keys}
        # Each link key as a word, as two words joined ('hugging_face'), and its kind.
        self.link_names = [(fold(k), fold(k).replace("_", ""), self._link_kind(k))
                           for k in self.all_links]
        self.link_key_words = frozenset(name for name, _, _ in self.link_names)
        # Of those, the keys the owner also writes as an everyday word ('the next live course
        # cohort'), not as a name ('Code4rena').
        own_text = re.sub(r"\S*://\S*|\S+@\S+", " ", " ".join(f.text for f in facts))
        self.plain_link_names = frozenset(name for name in self.link_key_words if re.search(
            rf"(?<![\w-]){re.escape(name)}(?![\w-])", own_text))
        self.fact_stems = [frozenset(stems(f.text)) for f in facts]
        self.contributing = frozenset(stems("contributed contributor patch upstreamed "
                                            "maintainer maintain committer merged core "
                                            "author wrote built"))
        profile_text = " ".join(
            [f"{f.text} {f.source} {f.section} {f.question} {f.keys}" for f in facts])
        profile_stems = stems(profile_text)
        self.vocab = frozenset(profile_stems)
        # Without 'profile', the engine's label of the owner's own lines, no word of theirs:
        # 'which profiler' asks a kind of tool of every profile.
        self.own_vocab = self.vocab - {stem("profile")} | frozenset(stems(" ".join(
            f.text for f in facts if f.source == "profile")))
        self.stem_pairs = frozenset(itertools.pairwise(profile_stems))  # words written together
        # The profile's stems that may name a thing: no filler, cue or aspect (_fits).
        self.naming_vocab = self.vocab - (self.filler | self.cue_stems | self.aspect_stems)
        # What the projects are, in the words that most of their records say ('game',
        # 'app') and no job's title or employer does: a question about them, in the plural,
        # asks for the projects.
        kinds = Counter(s for p in profile.projects
                        for s in set(stems(f"{p.name} {p.summary}")) & self.naming_vocab)
        employers = set(stems(" ".join(f"{j.role} {j.company}" for j in profile.experience)))
        self.project_kinds = frozenset(s for s, n in kinds.items() if n >= 2
                                       and 2 * n >= len(profile.projects) and s not in employers)
        tools = [t for p in profile.projects for t in p.tech] \
            + [s for group in profile.skills.values() for s in group]
        self.folded = " " + _NOT_WORD.sub(" ", fold(" ".join([profile_text, *tools]))) + " "
        # Whether the profile says anything of the owner's right to work: a visa, a permit,
        # citizenship, sponsorship; not a Visa card scheme nor a vendor-sponsored meetup.
        self.states_right_to_work = bool(_RIGHT_TO_WORK.search(profile_text.replace("_", " ")))
        # What the profile says of a blog ('I write on the engineering blog') answers 'any
        # blog posts?', unless a link is looked for.
        self.blog_said = " blog " in self.folded
        # The currencies the profile writes in some form ('$1,750' is in USD), and those
        # it never writes.
        currencies = [frozenset(forms) for forms in lex["fields"]["currencies"]]
        self.written_currencies = frozenset().union(*(
            forms for forms in currencies
            if any(f in profile_text if not f.isalpha() else f" {f} " in self.folded
                   for f in forms)))
        self.unwritten_currencies = [c for c in currencies if not c & self.written_currencies]
        # The numbers the profile writes after a word ('iso': 13485, 14971; 'level': 2): a
        # number it never writes there names another standard, level or version.
        self.numbered: dict[str, set[str]] = {}
        for word, number in _NUMBERED.findall(self.folded) + _CODED.findall(fold(profile_text)):
            if word not in STOPWORDS:
                self.numbered.setdefault(word, set()).add(number)
        self.entities = self._entities(profile)
        # Each project's and company's name, and each of its partial words, run together
        # ('hopper sync': 'hoppersync'), with its words as written: a name typed with its
        # spaces moved ('revert map' for Revertmap) or with one slip ('puhja') is that name.
        self.run_together: dict[str, list[str]] = {}
        for e in self.entities:
            if e.kind != "skill":
                for name in (e.full, *e.partial):
                    if len(joined := name.replace(" ", "")) >= 5:
                        self.run_together.setdefault(joined, name.split())
        self.run_together_names = sorted(self.run_together)
        self.name_stems = frozenset(stem(w) for e in self.entities if e.kind != "skill"
                                    for w in e.full.split())
        # Any long word of the profile, for two of the question's words that spell it apart
        # ('Hugging Face': huggingface.co, 'data set': dataset).
        self.long_words = frozenset(w for w in self.folded.split() if len(w) >= 7)
        # And as each sounds ('nordcap' for Nordkapp): a sound only one name makes.
        sounds: dict[str, list[tuple[str, ...]]] = {}
        for joined, written in self.run_together.items():
            sounds.setdefault(metaphone(joined), []).append(tuple(written))
        self.name_sounds = {k: list(v[0]) for k, v in sounds.items()
                            if len(k) >= 3 and len(set(v)) == 1}
        # A skill's of one word of six letters or more ('playwrite' for Playwright).
        self.skill_sounds = {metaphone(e.full): e.full for e in self.entities
                             if e.kind == "skill" and len(e.full) >= 6 and e.full.isalpha()}
        self.skill_name_words = frozenset(w for e in self.entities if e.kind == "skill"
                                          for w in e.full.split())
        # The one-word names of skills, projects and links, of five letters or more.
        self.short_names = sorted({w for e in self.entities for w in e.full.split()
                                   if len(w) >= 5 and w.isalpha()}
                                  | {fold(k) for k in self.all_links if fold(k).isalpha()})
        # The words of the profile's names: its projects, employers and skills, and the
        # words it writes with a capital, but at the start of a sentence.
        self.name_words = frozenset(w for e in self.entities for w in e.full.split()) | {
            fold(w) for f in facts
            for w in re.findall(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]+", f.text)}
        # The human languages the owner lists ('Swedish (basic)'): naming one with how well
        # asks how well they speak it ('is their Swedish good enough'; not 'the German
        # dealer portal'), unless it is a skill's name too.
        self.skill_words = frozenset(w for e in self.entities if e.kind == "skill"
                                     for w in e.full.split())
        self.tongues = frozenset(
            w for f in facts if f.kind == "extra" and f.section.rsplit(".", 1)[-1] == "languages"
            and f.project < 0 and f.job < 0
            for w in words(re.sub(r"\(.*?\)", "", f.text.split(": ", 1)[-1]))[:1]
            if w not in self.skill_words)
        # The words of the owner's name and of their projects', employers' and links' names:
        # no other person's.
        self.own_names = self.owner | {w for e in self.entities if e.kind != "skill"
                                       for w in e.full.split()} | {fold(k) for k in self.all_links}
        # The surnames the profile writes after an initial, as in a list of authors ('M.
        # Kowalczyk, R. de Groot'): other people's, each one.
        self.initialled = frozenset(
            words(fold(m.group(0)))[-1] for f in facts for m in _PERSON_NAMED.finditer(f.text)
            if m.group("initials")) - self.owner
        # The entries of the owner's own tables ([[games]], [[talks]]) by the names they go
        # by, each under its first word (_items), and the stems of their keys (_item_asks).
        self.items = table_items(profile)
        self.tiers = [fold(n) for n in priced_tiers(profile)]  # the cheapest first
        self.item_words = frozenset(w for item in self.items for n in item.names
                                    for w in words(fold(n)))
        # ... and the first names and surnames it writes as a person's: after a word that
        # says so ('composed by Joris Maelbeek', 'my design partner, Ilse De Wachter'), or
        # under a key of people ('coauthors').
        self.people_named = frozenset(
            " ".join(words(fold(m.group(0)))) for f in facts
            for m in _PERSON_NAMED.finditer(f.text) if not m.group("initials")
            and (_AFTER_PERSON_WORD.search(f.text, 0, m.start())
                 or _PEOPLE_KEY.search(f.section.rsplit(".", 1)[-1]))
            and not set(words(fold(m.group(0)))) & (
                self.own_names | self.skill_words | self.item_words)) - {fold(profile.owner.name)}
        # How many listed skills of two words or more end in each word ('cloud': Sales
        # Cloud, Service Cloud): a family of names (_other_member).
        members: dict[str, set[int | str]] = {}
        for e in self.entities:
            if e.kind == "skill" and len(e.full.split()) > 1:
                members.setdefault(e.full.split()[-1], set()).add(e.key)
        self.families = {last: len(keys) for last, keys in members.items()}
        # Each entity with its name padded as _find_entities looks for it, and followed by
        # 'to' ('go to' names no skill).
        self.entity_spots = [(e, f" {e.full} ", f" {e.full} to ") for e in self.entities]
        # A project named by all but its first word ('the api reference pipeline' of
        # 'Tuairisc API reference pipeline'), when no other name ends so.
        tails = Counter(t for e in self.entities if (t := _tail(e)))
        self.entity_spots += [(e, f" {t} ", f" {t} to ") for e in self.entities
                              if (t := _tail(e)) and tails[t] == 1]
        # Skills whose name starts with a stopword ('CAN bus'), with that word (_acronyms).
        self.stopword_skills = [(e.key, e.full.split()[0]) for e in self.entities
                                if e.kind == "skill" and e.full.split()[0] in STOPWORDS]
        # And their other words, by which a kind of tool reads them ('canopen' of an
        # industrial protocol: 'CAN / CANopen').
        self.stopword_skill_rest = {
            " ".join(w for w in e.full.split() if w not in STOPWORDS): e.full.split()
            for e in self.entities
            if e.kind == "skill" and e.full.split()[0] in STOPWORDS and len(e.full.split()) > 1}
        # Words that only a field of their own answers, and the names fields go by: a key,
        # a section, an extra value's label ('Phone: ...'), an FAQ question; not a thing of
        # the field's name ('apps for phones' names no phone number).
        self.field_only = frozenset(stem(w) for w in lex["fields"]["field_only"])
        self.field_names = frozenset(stems(" ".join(w for w in words(" ".join(
            f"{f.section.replace('.', ' ').replace('_', ' ')} {f.keys} {f.question} "
            + (f.text.split(":", 1)[0] if f.kind == "extra" else "") for f in facts))
            if w not in _THINGS_NOT_FIELDS)))
        self.profile_words = sorted(w for w in set(words(profile_text)) if len(w) >= 4
                                    and w.isalpha())
        self.initials = _initials(facts)
        # The words that name a degree ('masters', 'phd'): where one is from is education.
        self.degree_words = frozenset(w for k in ("bachelor", "master", "doctorate")
                                      for w in lex["degrees"][k])
        # A role of two words by its initials, as typed in capitals ('TA': Teaching Assistant),
        # unless the profile writes the initials themselves ('IP assignment').
        roles = [*(j.role for j in profile.experience), *_roles_in(profile.extra)]
        initials = {"".join(w[0] for w in said): " ".join(said) for said in (
            [w for w in words(re.sub(r"\(.*?\)", "", role)) if w.isalpha()][:2]
            for role in roles) if len(said) == 2}
        self.role_initials = {k: v for k, v in initials.items() if f" {k} " not in self.folded}
        # Whether the profile speaks of a driving licence at all.
        self.drives = bool(_DRIVING.search(self.folded))
        # Acronyms of three to five capitals the skills use ('HDL', 'Vitis HLS'), folded.
        self.acronyms = frozenset(fold(a) for a in re.findall(
            r"\b[A-Z]{3,5}\b", " ".join([*profile.skills, *(s for g in profile.skills.values()
                                                            for s in g)])))
        cue_words = {w for ws in lex["intents"].values() for w in ws} | set(lex["words"]["filler"])
        self.cue_words = sorted(w for w in cue_words if len(w) >= 6 and w.isalpha())
        self.synonyms = {fold(k): [fold(w) for w in v] for k, v in lex["synonyms"].items()}
        # A kind of tool by any form of its name ('fuzzers', 'analyzers'): its instances.
        self.kinds = {stem(name): [fold(w) for w in v] for k, v in lex["kinds"].items()
                      for name in (fold(k), *self._respelt(fold(k)))}
        # The kinds' instances named in several words ('power bi', 'unreal engine').
        self.instance_names = sorted({" ".join(words(w)) for v in lex["kinds"].values()
                                      for w in v if " " in w.strip()})
        # A tool named after another or its vendor ('react native', 'aws lambda').
        compounds = lex["compounds"]
        self.vendors = frozenset(compounds["vendors"])
        self.compound_after = {k: frozenset(v) for k, v in compounds["after"].items()}
        self.tool_names = tool_names()
        # A kind named in words the profile itself writes ('service mesh') stays those words;
        # so do the words of a kind it lists none of, where it writes one ('payment
        # provider' of 'Wompi payments').
        runs = _word_runs(self.folded)
        unlisted = frozenset(k for k, names in self.kinds.items()
                             if not any(_spaced(n) in runs for n in names))
        own_stems = self.vocab | frozenset(stems(" ".join(tools)))
        self.phrases = {fold(k): fold(v) for k, v in lex["phrases"].items()
                        if not (stem(fold(v)) in self.kinds
                                and f" {' '.join(words(fold(k)))} " in self.folded)
                        and not self._own_word_only(fold(k), fold(v))
                        and not (stem(fold(v)) in unlisted and any(
                            stem(w) in own_stems for w in words(fold(k)) if w not in STOPWORDS))}
        self.phrases |= {fold(k): fold(v) for k, v in lex["spoken"].items()
                         if f" {' '.join(words(fold(k)))} " not in self.folded}
        self.phrases |= {fold(k): fold(v) for k, v in lex["phrases_if_unwritten"].items()
                         if not re.search(rf"\b{re.escape(fold(k).split()[0])}s?\b",
                                          self.folded)}
        # Each phrase's pattern, compiled once, in order: a later one may match what an
        # earlier one wrote.
        self.phrase_patterns = [(phrase, re.compile(rf"\b{re.escape(phrase)}\b"), meaning)
                                for phrase, meaning in self.phrases.items()]
        # A key named in words a phrase stands for ('outside_work': hobbies) names that
        # field too.
        self.field_names |= frozenset(s for f in facts if f.section for s in stems(
            self._phrased(fold(f.section.replace(".", " ").replace("_", " ")))))
        # Each project's and job's whole record, to tell whether it says what is asked, and
        # what it says beyond its name and summary (highlights, notes, mentions elsewhere).
        self.records: dict[tuple[str, int], set[str]] = {}
        self.bodies: dict[tuple[str, int], set[str]] = {}
        # And each of its facts, addresses left out, with whether it gives a figure
        # (_kept_elsewhere).
        self.says: dict[tuple[str, int], list[tuple[set[str], bool]]] = {}
        for f in facts:
            unlinked = _URL.sub(" ", f.text)
            for key in (("project", f.project), ("job", f.job)):
                if key[1] < 0:
                    continue
                self.records.setdefault(key, set()).update(
                    stems(f"{f.text} {f.source} {f.section} {f.keys}"))
                if f.kind not in ("project", "job"):
                    self.bodies.setdefault(key, set()).update(stems(f"{f.text} {f.keys}"))
                self.says.setdefault(key, []).append(
                    (set(stems(f"{unlinked} {f.keys}")), has_figure(unlinked)))
        # Projects and jobs that give an amount of money: 'how much waste did it find' may be
        # answered by '€310,000 a year' in other words.
        self.priced = {key for f in facts for key in (("project", f.project), ("job", f.job))
                       if key[1] >= 0 and MONEY.search(f.text) and re.search(r"\d", f.text)}
        for key, named in (mentioned or {}).items():
            for f in named:
                self.records.setdefault(key, set()).update(stems(f"{f.text} {f.keys}"))
                self.bodies.setdefault(key, set()).update(stems(f"{f.text} {f.keys}"))
        self.own_words = self._own_words(facts)
        # The stems that one project's or job's facts alone use, with it.
        users: dict[str, set[tuple[str, int]]] = {}
        for f, line_stems in zip(facts, self.fact_stems, strict=True):
            for s in line_stems:
                users.setdefault(s, set()).add(("project", f.project) if f.project >= 0
                                              else ("job", f.job) if f.job >= 0 else ("", -1))
        self.only_in = {s: next(iter(keys)) for s, keys in users.items()
                        if len(keys) == 1 and next(iter(keys))[1] >= 0}
        # The words of each job's employer, role and own keys ('St Aldhelm's Teaching
        # Hospital', location = "Perth (conservation charity)"): 'at the hospital' names it.
        self.job_words = [set(words(fold(" ".join([job.role, job.company, *(
            v for v in job.extra.values() if isinstance(v, str))])))) for job in profile.experience]
        # The words that name one of a project's or job's own keys: the key's own ('team' of
        # team_size) and the lexicon's words for it ('manage' for reports, 'maintained' for
        # status or archived).
        key_words = {stem(k): frozenset(stem(fold(w)) for w in ws)
                     for k, ws in lex["keys"].items()}
        self.key_names: dict[tuple[str, int], frozenset[str]] = {}
        extras = [(("project", i), p.extra) for i, p in enumerate(profile.projects)]
        extras += [(("job", i), j.extra) for i, j in enumerate(profile.experience)]
        # The owner's own keys and their tables' ([owner.social] twitch), by the lexicon's
        # words for them that the profile never uses otherwise and that cue no intent of
        # their own ('part-time' asks her availability): 'does she stream' asks the twitch
        # key ('stream' is no typo of 'steam' then).
        owner_paths = _owner_paths(profile.extra)
        self.owner_keys = {w: path for path in owner_paths
                           for w in lex["keys"].get(path[-1].rsplit(".", 1)[-1], [])
                           if stem(w) not in self.vocab and stem(w) not in self.cue_stems}
        # And by the one word a phrase makes of its name ('outside_work': 'hobbies', which
        # 'what does he do for fun' asks).
        for path in owner_paths:
            key_name = fold(path[-1].rsplit(".", 1)[-1].replace("_", " "))
            key_said = self._phrased(key_name)
            if key_said != key_name and key_said.isalpha() and stem(key_said) not in self.vocab:
                self.owner_keys.setdefault(key_said, path)
        # And an owner's key of their pastimes by any word for them, whatever the key's name
        # ('garage_projects': 'any hobbies', 'does he do any sport').
        pastime_words = lex["words"]["pastime_asked"] + [
            w for w in lex["words"]["pastime_asked_if_unwritten"] if stem(w) not in self.vocab]
        for path in owner_paths:
            said = set(words(fold(path[-1].rsplit(".", 1)[-1].replace("_", " "))))
            if said & set(lex["words"]["pastime"]) \
                    and not said & set(lex["words"]["not_pastime"]):
                for w in pastime_words:
                    self.owner_keys.setdefault(w, path)
        # Of those, the lexicon's words the profile never uses otherwise ('retention' for a
        # job's metrics.attrition): each names the one record whose key it asks.
        self.key_asked: dict[tuple[str, int], frozenset[str]] = {}
        for at, extra in extras:
            said = {s for k in own_keys(extra) for s in stems(k.replace("_", " "))}
            asked = frozenset().union(*(key_words.get(s, frozenset()) for s in said))
            self.key_names[at] = frozenset(said | asked) - self.filler
            self.key_asked[at] = asked - self.vocab - self.filler
        # What each project's and job's own keys and link labels are called ('crash free
        # sessions', 'App Store'): a key that other records have and it lacks is no part of
        # it to answer with another.
        self.keyed = {at: [frozenset(stems(k.replace("_", " "))) - self.filler
                           for k in [*own_keys(extra), *_labels(extra)]]
                      for at, extra in extras}
        # What each entry's table calls it ('certif' of certifications) and the cue words
        # of that table's topic ('certified', 'degree'; 'article' of a publication).
        self.item_kinds = [self._kind_words(item.table) for item in self.items]
        # What a question may set side by side: the words of names, the owner's own tables'
        # entries ('Kelpie CTF or Strathlogic') and the languages they speak.
        self.compared_names = (self.name_words | self.tongues | self.item_words) \
            - self.owner - STOPWORDS
        self.owned_names = self.compared_names - self.skill_words
        self.item_spots = self._item_spots(facts)
        # Each entry's lines (its keys, then the facts naming it): the key, the line, the
        # words that ask it, its value's stems.
        self.item_keys = [[(k, line, self._key_words(f"{k} {keys}", key_words),
                            frozenset(stems(line.split(":", 1)[-1] if k else line)))
                           for k, line, keys in item_lines(item, facts)]
                          for item in self.items]
        self.item_places = frozenset(stem(w) for w in lex["items"]["places"])
        self.item_made = frozenset(stem(w) for w in lex["items"]["made"]) | self.aspects["tech"]
        self.skill_spots = [f" {e.full} " for e in self.entities if e.kind == "skill"]
        # The titles of the entries of extra tables ([[talks]], [[publications]], ...).
        self.titles = [t for v in profile.extra.values() if isinstance(v, list)
                       for e in v if isinstance(e, Mapping)
                       for k in ("title", "name") if isinstance(e.get(k), str)
                       and len((t := " ".join(words(e[k]))).split()) >= 3]
        self.things = frozenset(lex["words"]["things"])
        self.topic_stems = frozenset().union(*(self.cues[i]
                                               for i in (*NAMED_TOPICS, "languages")))
        # The owner's keys and tables the format doesn't define, each by the stems of its
        # name ('timezone', 'open source', 'testimonials'), with whether it is a table of
        # its own: a question naming one asks for it, whatever cue its words are elsewhere.
        # ('interests' is a name, though 'interested' is filler: an uncued word.)
        self.uncued = frozenset(lex["words"]["uncued"])
        self.extra_names = [(frozenset(label), isinstance(v, list | Mapping) and "." not in k, k)
                            for k, v in profile.extra.items()
                            if (label := {stem(w) for w in words(k.rsplit(".", 1)[-1])
                                          if stem(w) not in self.filler or w in self.uncued})]
        # A key most entries of a list give ('cve' of [[advisories]]): 'which CVEs' asks for
        # the list, each entry with its value.
        self.entry_keys = [(frozenset(label), k) for k, v in profile.extra.items()
                           if isinstance(v, list) for key in _shared_keys(v)
                           if (label := {stem(w) for w in words(key)} - self.filler
                               - self.cue_stems)]
        self.extra_stems = frozenset().union(*(n for n, _, _ in self.extra_names),
                                             *(n for n, _ in self.entry_keys))
        # The entries of the owner's lists named for a topic ([[publications]], [[talks]]),
        # each as its stems, by topic.
        self.topic_entries = {i: [frozenset(stems(f.text)) for f in facts if f.kind == "extra"
                                  and f.project < 0 and f.job < 0
                                  and set(stems(f.section.replace("_", " "))) & self.cues[i]]
                              for i in NAMED_TOPICS}
        # The names of each list's entries ('global game jam', 'community radio'): a
        # question naming one asks of it, not for the whole list.
        # A table of the owner's ([interests] hillwalking = "...") names its entries by key;
        # it is asked for as a whole only by its name alone ('hobbies?'; not 'hourly rate?').
        self.keyed_tables = frozenset(k for k, v in profile.extra.items()
                                      if isinstance(v, Mapping) and "." not in k)
        self.entry_names = {k: [f" {n} " for e in (v if isinstance(v, list) else v.keys())
                                if (n := " ".join(words(_entry_name(e))))]
                            for k, v in profile.extra.items()
                            if isinstance(v, list) or k in self.keyed_tables}
        self.origin = [w for w in lex["words"]["origin"] if stem(w) in self.vocab]
        # Of those, the ones the profile writes as such ('interests', not only 'interested').
        said = {w for f in self.facts for w in words(fold(f.text))}
        self.uncued_said = self.uncued & said
        self.workplaces = frozenset(lex["words"]["workplaces"])
        self.question_words = list(lex["words"]["question"])
        self._readings: dict[str, tuple[str, ...]] = {}  # _read()'s, by word
        # Every fact unit as a BM25 document, to find the project a question describes
        # without naming it ('the forest sensor thing', 'the bootloader he wrote').
        self.fact_owner = [f.project for f in facts]
        self.ranker = ranker
        # What describes each project and job: its name and summary, its role and company.
        self.heads = [("project", i, frozenset(stems(f"{p.name} {p.summary}")) - self.filler)
                      for i, p in enumerate(profile.projects)]
        self.heads += [("job", i, frozenset(stems(f"{j.role} {j.company}")) - self.filler)
                       for i, j in enumerate(profile.experience)]
        # What each FAQ question asks, by its cue words ('Would they relocate?': relocation).
        self.faq_intents = [self._cue_only(f.question) for f in profile.faq]
        # An entry's question read as a visitor's is ('full time': also 'full-time').
        self.faqs = [(frozenset(self._content(words(self._phrased(fold(f.question))))),
                      frozenset(self._content(words(f.answer)))) for f in profile.faq]
        # Each FAQ question as its words, the first entry of each ('What does it cost?').
        self.faq_asked: dict[str, int] = {}
        for i, entry in enumerate(profile.faq):
            self.faq_asked.setdefault(" ".join(words(entry.question)), i)
        # The names of the profile's fields outside its FAQ ('[education.msc]').
        self.key_stems = frozenset(stems(" ".join(f"{f.section.replace('.', ' ')} {f.keys}"
                                              for f in facts if f.kind != "faq")))

    # -- the profile's names --------------------------------------------------------------

    def _entities(self, profile: Profile) -> list[_Entity]:
        """Projects, companies and skills, with the single words that also name them."""
        found: list[_Entity] = []
        for i, project in enumerate(profile.projects):
            found.append(_Entity("project", i, as_written(project.name),
                                 self._partials(project.name)))
        for i, job in enumerate(profile.experience):
            found.append(_Entity("job", i, as_written(job.company),
                                 self._partials(job.company)))
        labels = [s for group in profile.skills.values() for s in group]
        labels += [t for p in profile.projects for t in p.tech]
        named = " ".join(f" {e.full} " for e in found)
        for label in dict.fromkeys(labels):
            names = [*self._skill_names(label), *self._aliases(label)]
            # 'Java 17', 'Unreal Engine 5', 'WCAG 2.2' are Java, Unreal Engine and WCAG: a
            # name with its version after it (not 'ISO 26262', 'Section 508', 'Level 2'),
            # unless a project or company is named by it ('sphinx-openapi-samples').
            spaced = names and _SPACED_VERSION.fullmatch(names[0])
            if spaced and spaced.group(1).split()[-1] not in _NUMBERED_NOUNS \
                    and f" {spaced.group(1)} " not in named:
                names.append(spaced.group(1))
            for name in dict.fromkeys([*names, *_skill_initials(names[:1])]):
                found.append(_Entity("skill", label, name))
        return found

    def _partials(self, name: str) -> tuple[str, ...]:
        """'ledgerlite' is also 'ledger'; 'Queue Doctor' is also 'queue' (first word only);
        'Judgement Day' also 'judgment', 'Color Lab' 'colour', as the other side spells them."""
        parts = [w for w in words(name) if w.isalpha()]
        out = [parts[0]] if len(parts) > 1 and len(parts[0]) >= 4 else []
        out += [other for other in (american(out[0]), british(out[0])) if other != out[0]] \
            if out else []
        if len(parts) == 1 and len(parts[0]) >= 7:
            out.append(parts[0][: max(4, len(parts[0]) // 2 + 1)])
        return tuple(w for w in out if w not in STOPWORDS)

    @staticmethod
    def _skill_names(label: str) -> list[str]:
        """'AWS (ECS, Lambda)' names AWS, ECS and Lambda; 'Rust (learning)' names Rust."""
        outer = re.sub(r"\(.*?\)", " ", label)
        names = [" ".join(words(outer))]
        if "-" in outer:  # 'ARM Cortex-M7' inside a question too: 'arm cortex m7', in order
            names.append(as_written(outer))
        inner = re.findall(r"\((.*?)\)", label)
        for part in ",".join(inner).split(","):
            if len(part.split()) <= 3 and words(part) and part.strip() not in ("learning",):
                names.append(" ".join(words(part)))
        if names[0].endswith(".js"):
            names.append(names[0][:-3])
        # 'ISO 14971 risk management' is also 'risk management': the words after a number.
        said = names[0].split()
        at = max((i for i, w in enumerate(said) if any(c.isdigit() for c in w)), default=-1)
        if 0 <= at and len(said) - at > 2 and all(w.isalpha() for w in said[at + 1:]):
            names.append(" ".join(said[at + 1:]))
        # 'C++17' is also 'c++', 'Python3' 'python': a language with its version glued on.
        glued = _VERSIONED.fullmatch(names[0])
        if glued and glued.group(1) in _LANGUAGES:
            names.append(glued.group(1))
        # 'KDB+/q' is also 'kdb' and 'q/kdb': each part of a slash, without a '+' of version.
        return [n for n in names if n and n not in STOPWORDS]

    def _aliases(self, label: str) -> list[str]:
        """Names of a skill the profile never writes: 'KDB+/q' is also 'kdb' and 'q/kdb'
        (each part of a slash, without a '+'). A part the profile writes ('CSS' of
        'CSS/Sass', beside a talk at CSS Day) is left to what the profile says of it."""
        outer = re.sub(r"\(.*?\)", " ", label)
        parts = [" ".join(words(p)) for p in outer.split("/")] if "/" in outer else []
        names = [re.sub(r"(?<=[a-z]{3})\++(?= |$)", "", n) for n in [*parts, *words(outer)]]
        # Not an everyday word of a longer name: 'things' of 'The Things Network' asks no
        # skill in 'what kind of things does he build'.
        return [n for n in dict.fromkeys(names) if len(n) > 1 and n not in STOPWORDS
                and not set(stems(n)) & self.vocab and stem(n) not in self.filler]

    def _skill_words(self, label: int | str) -> set[str]:
        """Every word a skill is named by ('kdb' and 'q' of 'KDB+/q')."""
        return {w for e in self.entities if e.kind == "skill" and e.key == label
                for w in e.full.split()}

    def _link_kind(self, key: str) -> str:
        """The link kind a contact.links key is ('resume' -> 'cv')."""
        key = fold(key).replace("_", " ")
        return self.link_aliases.get(key) or self.key_aliases.get(key, key)

    # -- entries of the owner's own tables ------------------------------------------------

    def _kind_words(self, table: str) -> frozenset[str]:
        """The stems of a table's name and of the cue words of its topic."""
        said = frozenset(stems(table.replace("_", " ")))
        return said.union(*(c for c in self.cues.values() if c & said))

    def _item_spots(self, facts: Sequence[Fact]) -> dict[str, list[tuple[str, int, bool]]]:
        """Each name an entry of the owner's tables goes by, under its first word, longest
        first: its names as written, without and inside brackets ('Certified Kubernetes
        Administrator (CKA)': 'cka' too), and a run of two or more words of a longer one
        that no other fact says and that everyday words don't make ('scrum master' of
        'Professional Scrum Master I', not 'first year' of 'Your First Year as a Manager'),
        nor one of cue words alone; with whether it is such a run, which names the entry
        only beside what its table calls it ('his Scrum Master certification').
        Not a name two entries share, nor a project's, job's or skill's, nor one everyday
        or cue word ('Open', 'Contact')."""
        texts = [f" {' '.join(words(f.text))} " for f in facts]
        taken = {e.full for e in self.entities}
        owners: dict[str, set[int]] = {}
        whole: set[str] = set()
        for i, item in enumerate(self.items):
            for name in item.names:
                outer = words(re.sub(r"\(.*?\)", " ", name))
                said = [" ".join(words(name)), " ".join(outer),
                        *(" ".join(words(x)) for x in re.findall(r"\((.*?)\)", name)
                          if len(x.split()) <= 3)]
                whole.update(said)
                runs = [" ".join(outer[a:b]) for a in range(len(outer))
                        for b in range(a + 2, len(outer) + 1) if b - a < len(outer)
                        and all(x not in STOPWORDS and stem(x) not in self.filler
                                and not x.isdigit() for x in outer[a:b])
                        and any(stem(x) not in self.cue_stems for x in outer[a:b])]
                said += [run for run in runs if sum(f" {run} " in t for t in texts) == 1]
                for n in said:
                    owners.setdefault(n, set()).add(i)
        spots: dict[str, list[tuple[str, int, bool]]] = {}
        for n, found in sorted(owners.items(), key=lambda x: -len(x[0])):
            if len(found) == 1 and len(n) >= 3 and n not in taken and n not in STOPWORDS \
                    and (" " in n or stem(n) not in self.filler and stem(n) not in self.cue_stems):
                spots.setdefault(n.split()[0], []).append((n, found.pop(), n not in whole))
        return spots

    def _key_words(self, key: str, key_words: Mapping[str, frozenset[str]]) -> frozenset[str]:
        """The stems that ask for a key (its name's, an inner table's key names') and the
        lexicon's words for it ([keys]: 'sell' for sales)."""
        said = set(stems(key.replace("_", " ")))
        return frozenset(said.union(*(key_words.get(s, frozenset()) for s in said)))

    def _items(self, raw: list[str]) -> tuple[list[int], list[str]]:
        """The entries of the owner's tables the question names, longest name first, with
        the names as the question says them."""
        padded = f" {' '.join(raw)} "
        hits = [(n, i, run) for w in dict.fromkeys(raw) for n, i, run in
                self.item_spots.get(w, ()) if f" {n} " in padded]
        if any(run for *_, run in hits):  # a run of a name, only beside what it is
            said = {stem(w) for w in raw}
            hits = [(n, i, run) for n, i, run in hits if not run or self.item_kinds[i] & said]
        hits.sort(key=lambda x: -len(x[0]))
        return list(dict.fromkeys(i for _, i, _ in hits)), [n for n, *_ in hits]

    def _outside(self, names: Sequence[str], found: dict[str, list[int | str]]
                 ) -> dict[str, list[int | str]]:
        """`found` without the projects, jobs and skills named only inside an entry's name
        ('Kubernetes' in 'Certified Kubernetes Administrator', 'Lobby' Tracker in 'lobby
        register')."""
        spans = [f" {n} " for n in names]
        inside = {(e.kind, e.key) for e in self.entities if e.key in found[e.kind]
                  and any(f" {e.full} " in span or any(f" {p} " in span for p in e.partial)
                          for span in spans)}
        return {kind: [k for k in keys if (kind, k) not in inside]
                for kind, keys in found.items()}

    def _item_or_record(self, raw: list[str], items: list[int], spans: list[str],
                        found: dict[str, list[int | str]]
                        ) -> tuple[list[int], dict[str, list[int | str]]]:
        """The entries of the owner's tables named, and what else the question names.

        What an entry's name has inside is no project, job or skill asked ('Kubernetes' in
        'Certified Kubernetes Administrator'), but a project or job named at more length
        ('Wanderbank Wallet' beside the client 'Wanderbank') is, and so is one whose record
        answers what the entry lacks ('the Wanderbank app's downloads' when the client entry
        gives none and the project does)."""
        padded = f" {' '.join(raw)} "
        records = [e for e in self.entities if e.kind != "skill" and e.key in found[e.kind]]
        if any(f" {e.full} " in padded and all(len(e.full) > len(n) for n in spans)
               for e in records):
            return [], found
        outside = self._outside(spans, found)
        if outside["project"] or outside["job"]:
            return [], outside
        said = set().union(*(named | value for _, _, named, value in self.item_keys[items[0]]))
        asked = {stem(w) for w in raw if w not in STOPWORDS and w not in self.owner} - said
        if any(asked & self.bodies.get((e.kind, int(e.key)), set()) for e in records):
            return [], found
        # A line elsewhere that says what the entry lacks and a word of its name ('how many
        # patches into the linux kernel', beside the mentoring entry 'Outreachy (Linux
        # kernel)', and 'Upstreamed 23 patches to the Linux NVMe ...'): that line answers.
        lacked = asked - self.filler - self.cue_stems - set(stems(" ".join(spans)))
        spoken = set(stems(" ".join(spans)))
        if lacked and any(lacked <= line and spoken & line for line in self.fact_stems):
            return [], outside
        return items, outside

    def _item_asks(self, raw: list[str], item: int
                   ) -> tuple[tuple[int, ...], tuple[str, ...], frozenset[str]]:
        """The lines of an entry the question asks for (facts.item_lines: 'when does his CKA
        expire': its expires key; 'how many copies did it sell': sales, by its value's
        'copies' too; 'how long did the port take': a highlight naming it), what it asks
        that the entry doesn't say, as typed ('is there a video of the DevFest talk' when
        that talk has none), and the words its lines answer.

        With other words too ('what was the entry called and did it win'), all its keys
        follow the lines asked. 'When', 'date' and 'year' ask its dates, 'where' its places;
        a word of making or using ('what did she build it with') the lines naming a listed
        skill; nothing asked, all its keys. The entry's names, its table's name and the cue
        words of that table's topic ('presented' of a talk) ask nothing, nor what follows
        'about' ('did he write about building a ledger': the title in other words), nor
        everyday words or words of making that no line answers."""
        entry = self.items[item]
        naming = set(stems(" ".join(entry.names))) | self.item_kinds[item]
        about = raw[:raw.index("about")] if "about" in raw else raw
        asked = [w for w in dict.fromkeys(about) if w not in STOPWORDS and w not in self.owner
                 and len(w) > 1 and not w.isdigit() and stem(w) not in naming]
        lines = self.item_keys[item]
        own = [n for n, (k, *_) in enumerate(lines)
               if k and entry.fields.get(k) != entry.names[0]]
        dated = [n for n in own if _dated(lines[n][2], lines[n][1])]
        matched: list[int] = []
        lacking, hit = [], set()
        for w in asked:
            s = stem(w)
            made = s in self.item_made
            # A key by its name first ('which platforms': not 'copies across platforms').
            found = [n for n, (k, line, named, _) in enumerate(lines)
                     if s in named or len(s) >= 4 and any(
                         len(x) >= 4 and (x.startswith(s) or s.startswith(x)) for x in named)
                     or k and s in self.aspects["link"] and _URL.search(line)
                     or k and made and any(x in f" {fold(line)} " for x in self.skill_spots)] \
                or [n for n, (*_, value) in enumerate(lines) if s in value]
            found += dated if s in ("date", "year") else []
            matched += found
            if found:
                hit.add(w)
            elif s not in self.filler and not made:
                lacking.append(w)
        if "when" in raw and matched and not set(matched) & set(dated):
            matched += dated  # 'since when does she maintain tokio': its since key too
        if matched:
            return tuple(dict.fromkeys([*matched, *(own if lacking else ())])), (), \
                frozenset(hit)
        verb = self._asked_verb(" ".join(raw)) if raw[:1] in (["when"], ["where"]) else ""
        lacking = [w for w in lacking if w != verb]
        if lacking:
            return (), (lacking[0],), frozenset()
        for asks, found in (("when", dated), ("where", [n for n in own
                                                         if lines[n][2] & self.item_places])):
            if asks in raw:
                return (tuple(found), (), frozenset()) if found else ((), (asks,), frozenset())
        return (), (), frozenset()

    def _as_written(self, m: re.Match[str]) -> str:
        """A name of letters and a number typed as the profile doesn't write it: 'soc2' of
        'SOC 2', 'stm32' of the one 'STM32L4'; else as typed."""
        typed, letters, number = m.group(0), m.group(1), m.group(2)
        if number in self.numbered.get(letters, ()):
            return f"{letters} {number}"
        if len(typed) < 4:  # 'b2' (a language level) is no prefix of 'B2B'
            return typed
        longer = {w for w in re.findall(rf" ({re.escape(typed)}[a-z0-9]+)(?= )", self.folded)}
        return longer.pop() if len(longer) == 1 and f" {typed} " not in self.folded else typed

    def _someone_elses(self, question: str) -> str:
        """The name of a person other than the owner that `question` makes possessive
        ('Anouk Veldhuis-Pereira's email'), as typed but capitalised; '' for the owner's, a
        project's, an employer's or a link's ('Pannier & Pike's email')."""
        if (role := _ROLE_POSSESSED.search(question)):  # 'her supervisor's email'
            return role.group(0)
        for m in _POSSESSED.finditer(question):
            name = words(m.group(1))
            # A capital at the start says nothing ('Let's'); a name the profile writes does.
            if name and name[-1] not in STOPWORDS and not set(name) & self.own_names \
                    and (m.start() > 0 and m.group(1)[:1].isupper()
                         or name[-1] in self.name_words):
                return m.group(1)[:1].upper() + m.group(1)[1:] + "'s"
        return ""

    def _stranger(self, question: str, raw: list[str]) -> str:
        """Another person the profile names that `question` asks of, not of the owner ('what
        does M. Öztürk do these days', "what's J. Okafor's background"), as typed; '' when it
        speaks of the owner too, or asks who they are."""
        if (self.owner | OWNER_PRONOUNS) & set(raw) or _WHO_IS.match(question):
            return ""
        for m in _PERSON_NAMED.finditer(question):
            said = words(fold(m.group(0)))
            if not set(said) & self.own_names and (said[-1] in self.initialled
                                                   or " ".join(said) in self.people_named):
                return m.group(0)
        return ""

    def _titled(self, m: re.Match[str]) -> str:
        """A person named with a title: the owner, by their own name, when it is theirs ('Ms
        Wójcik' is no employer Wójcik Consulting); else the name alone."""
        return self.profile.first_name if fold(m.group("name")) in self.owner \
            else m.group("name")

    # -- reading a question ---------------------------------------------------------------

    def understand(self, question: str, history: Sequence[Exchange] = ()) -> Query:
        """The Query for `question`, using `history` for what 'it' or 'the second one' means."""
        question = _HONORIFIC.sub(self._titled, without_visitor(question))
        if self.full_name:  # 'who is Rafael Quintero': the owner, not Quintero Cloud Ltd
            question = self.full_name.sub(self.profile.first_name, question)
        text = fold(question)
        if self.injection.search(text) or _DAN.search(text) or _FAKE_TURN.search(question):
            return Query(question, "unknown", injection=True)
        if _TO_THE_BOT.search(text):
            return Query(question, "greeting", to_the_bot=True)
        if _SENIORITY.match(text):
            return Query(question, "experience", seniority=True)
        # Markup is no part of the question: '<script>fetch(...)</script> what languages'
        # asks what languages.
        text = _MARKUP.sub(" ", text).strip() or text
        text = _ADDRESS.sub("email", text)
        text = _PHONE_THING.sub("phones", text)  # 'phone apps', 'phone work': the things
        text = _MODEL.sub(self._as_written, text)
        text = _pronoun_choice(text)
        text = _TEXTED_ARE.sub(_are, text)  # 'what timezone r they in': no language R
        text = _EMPLOYER_KIND.sub(r"\1company\2", text)  # 'which newspaper does she work for'
        # How soon she can leave her current employer is her notice period (not why she
        # left the last one).
        text = _LEAVE_CURRENT.sub("notice", text)
        text = _ON_HER_CV.sub(r"\1", text)
        text = _WISE.sub(r"\1", text)  # 'career wise': of her career
        if "handl" not in self.vocab:  # a profile that writes 'handles 2,300 tps' finds it so
            text = _HANDLE_VERB.sub(r"\1do", text)
        text = _BEFORE_I_WRITE.sub(" ", text)  # 'before I reach out to her, what ...'
        text = _REACH_IN_PERSON.sub(r"\1", text)
        text = _CONTRACT_ENDS.sub(r"\1\2end", text)  # 'when does her contract run out'
        if self.tiers:  # 'the middle tier', 'the cheapest plan': the one of the priced list
            text = _TIER_AT.sub(self._tier_named, text)
        for acronym in _TWO_CAPITALS.findall(question):
            if (role := self.role_initials.get(acronym.lower())):
                text = re.sub(rf"\b{acronym.lower()}\b", role, text)  # 'did she TA anything'
        if self.latest_job:  # 'before her current job': before the job that is hers now
            text = _BEFORE_CURRENT.sub(f"before {fold(self.latest_job.company)}", text)
            # 'the company she works at': the one she works at now, by its name.
            text = _WORKS_AT.sub(fold(self.latest_job.company), text)
        text = self._about_owner(text)
        # 'written (or shipped) anything in Rust': built in it, no publication.
        text = _MADE_IN.sub("built anything ", text)
        text = self._phrased(text)
        if "from" in text and not _FROM_PLACE.search(text):
            # 'which engines does he port games from', 'rebuild the tiles from scratch', 'a
            # clearance from her lab days': no place the owner is from.
            text = re.sub(r"(?<!apart )(?<!aside )\bfrom\b", " ", text)  # not 'apart from'
        text = self._abbreviated(text)
        text = self._origin(text)
        typed = typed_names(question)
        said = self._question_word(words(text))
        readings = [self._read(w, w in typed) for w in said]
        raw = [s for read in readings for s in read]
        raw = self._names_respaced(raw)
        # Not the 'no' of a name, nor of a word joined up ('no-show', 'not-for-profit').
        negated = bool(NEGATIONS & set(self._words_beside_names(raw))
                       & set(words(_JOINED.sub(" ", text)))) or "n't" in text
        found = self._find_entities(" ".join(raw), raw)
        found["skill"] = self._skills_beside_names(found, raw)  # not Slurm of 'slurm-sieve'
        found["skill"] += self._acronyms(question, found["skill"])
        besides = self._besides(" ".join(raw), found["skill"])
        found = {**found, "skill": [k for k in found["skill"] if k not in besides]}
        padded = f" {' '.join(raw)} "
        titled = [t for t in self.titles if f" {t} " in padded]
        found = self._not_in_title(titled, found)
        items, spans = self._items(raw) if self.item_spots else ([], [])
        if items:
            items, found = self._item_or_record(raw, items, spans, found)
        if not found["job"] and not found["project"] and not items:
            found["job"] = self._job_by_place(raw) or self._job_by_order(text) \
                or self._job_by_kind(" ".join(raw)) or self._job_by_role(raw) \
                or self._job_by_post(raw) or self._job_on_own(raw) or self._jobs_in_years(raw) \
                or self._job_by_tenure(raw)
            if not found["job"] and not _LIVES.search(" ".join(raw)) \
                    and (keyed := self._by_own_key(raw)):  # 'where does she live' is no status
                found[keyed[0]] = [keyed[1]]
        earlier, at, unmet = self._job_before(raw)
        if earlier:  # the job named after 'before' is no longer asked about; 'where was
            # she before Kestrelvane' asks for the job, not where it is
            found, raw = {**found, "project": [], "job": earlier}, \
                [w for w in raw[:at] if w != "where"]
        if not any(found.values()) and not items and history and {"it", "its"} & set(raw):
            found = self._from_history(raw, history)  # 'is it open source': the one just named
        described: list[str] = []
        parts: list[str] = []  # words that found a project: still the part asked of it
        if not found["project"] and not found["job"] and not titled and not items:
            # A skill may only describe the project ('his kdb tick-data tool').
            described_found, described = self._described(raw)
            # Not by the words of a skill named after 'the' ('does she know the STEP
            # exchange format' is no project of STEP files; 'her Flow linting tool' is hers).
            of_skills = set().union(*(self._skill_words(k) for k in found["skill"]))
            if any(described_found.values()) and not (
                    ("the", described[0]) in itertools.pairwise(raw)
                    and {w for w in described if stem(w) in self.vocab} <= of_skills):
                found = {**described_found, "skill": [
                    k for k in found["skill"] if not self._skill_words(k) & set(described)]}
        # The link keys named, and the kinds the profile lacks.
        links = self._links(self._link_words(raw, said, readings))
        if self.amount & set(raw):
            links = ((), ())  # 'what would a website cost': the thing priced, no link asked
        if not any(found.values()) and not titled and not items:
            found, parts = self._described_by_record(raw, links)
        if not any(found.values()) and not items and history and self._follows_on(raw):
            found = self._fitting(self._from_history(raw, history), raw)
        content = self._content(raw)
        q = self._query(question, raw, content, found, negated, links, described, parts,
                        tuple(titled), items, typed=typed)
        if besides and q.intent in ("skill", "skills", "unknown") and not q.skills:
            # 'Apart from Go, what languages does he write': the other skills of Go's kind.
            q = replace(q, intent="skills", besides=tuple(str(k) for k in besides))
        elif besides:
            # 'what does Huellitas run on besides Flutter': no skill asked, nor one missing.
            aside = set().union(*(self._skill_words(k) for k in besides))
            q = replace(q, missing=tuple(w for w in q.missing if w not in aside),
                        topic=tuple(s for s in q.topic if s not in {stem(w) for w in aside}),
                        asked=tuple(s for s in q.asked if s not in {stem(w) for w in aside}))
        if unmet and not found["job"] and not found["project"]:
            q = replace(q, before=unmet)  # 'what did she do before 2017': no job was earlier
        q = self._refined(q, raw)
        if years := tuple(int(w) for w in raw if _YEAR_WORD.fullmatch(w)):
            q = replace(q, years=years)
        # 'people' read as team, engineers or reports: any one of them will do ('SSRF' read
        # as server-side request forgery needs every word).
        if alike := tuple({frozenset(stem(w) for w in read)
                           for w, read in zip(said, readings, strict=True)
                           if len(read) > 1 and set(read) <= self._one_word_synonyms(w)}):
            q = replace(q, alike=alike)
        q = self._of_those_listed(q, readings)
        if q.intent in ("unknown", "greeting") and history and not any(found.values()) \
                and len(raw) <= 4 and not q.topic \
                and not (self.greeting_words | self.owner) & set(raw):
            # 'from when?' after 'is he available', 'where?' after 'any talks?': the
            # question before, asked again with this one's words.
            last = next((e.text for e in reversed(history) if e.role == "visitor"), "")
            if last:
                return self.understand(f"{last} {question}")
        if len(q.projects) + len(q.jobs) == 1 and not q.missing and not q.skills:
            q = replace(q, lacks=self._kept_elsewhere(raw, q))
        if self._of_the_world(text, raw, q):
            q = replace(q, world=True)
        if not q.missing and (other := self._other_tool(question)
                              or not q.missing_links and self._unwritten_instance(question)):
            q = replace(q, missing=(other,))  # 'docker swarm' beside Docker
        return q

    def _tier_named(self, m: re.Match[str]) -> str:
        """The name of the entry of the priced list that `m` asks by its place (with the
        word for it, if the profile uses that word)."""
        place, kind = m.group("place"), m.group("kind")
        at = 0 if place in _CHEAPEST else -1 if place in _DEAREST else len(self.tiers) // 2
        return f"{self.tiers[at]} {kind}" if stem(kind) in self.vocab else self.tiers[at]

    def _other_tool(self, question: str) -> str:
        """A tool named in two words whose first is a tool or vendor the profile names and
        whose second it never writes ('react native', 'AWS Lambda', 'GitHub Copilot'), as
        two words; '' when there is none."""
        said = words(question)
        typed = set(typed_names(question))
        for first, second in zip(said, said[1:], strict=False):
            if stem(first) not in self.vocab or f" {first} {second} " in self.folded:
                continue
            # A pair the lexicon knows is another tool even when the profile writes its
            # second word of something else ('SQL Server' beside 'a Hetzner server').
            if second in self.compound_after.get(first, ()) or stem(second) not in self.vocab \
                    and first in self.vendors and (second in self.tool_names or second in typed):
                return f"{first} {second}"
        return ""

    def _unwritten_instance(self, question: str) -> str:
        """A tool of a kind the lexicon knows, named in several words the profile never
        writes ('Power BI' beside Grafana, 'Unreal Engine' beside Unity): that name, not its
        kind ('bi', 'engine') read as the instances the profile lists; '' when none."""
        said = f" {' '.join(words(question))} "
        return next((name for name in self.instance_names
                     if f" {name} " in said and f" {name} " not in self.folded
                     and f" {name.replace(' ', '')} " not in self.folded), "")  # 'huggingface'

    def alternatives(self, question: str, owned_only: bool = False) -> list[str]:
        """The question asked of each of two things of the profile that it compares ('which
        went better, Kelpie CTF or Strathlogic?'), or the question itself. `owned_only`
        for a question of things of the world ('is Rust better than Go'): only the owner's
        own things, not skills, are compared."""
        return alternatives_in(question, self.owned_names if owned_only else self.compared_names)

    def _of_the_world(self, text: str, raw: list[str], q: Query) -> bool:
        """True when the question asks of a thing in itself, which no profile answers: what
        a tool does or is for ('what is MLIR used for': not of the owner's own project), who
        founded, owns or runs a thing (unless a fact says so of it), which of two is better or
        what is best (unless the owner's FAQ answers it)."""
        m = _WORLD.search(text)
        if (w := _WORLD_FACT.search(text)) and f" {w.group(0)} " not in self.folded \
                and not self.owner & set(raw):
            return True  # 'the population of Glasgow', of a Glasgow developer
        if not m or self.owner & set(raw) or q.faq >= 0:
            return False
        if m.group("what"):  # not 'what do you do', 'what does it do' (of the one named)
            return not (q.projects or q.jobs or q.items or q.titles
                        or _DEICTIC & set(m.group("what").split()))
        if m.group("who"):  # unless a fact says it of what is asked ('Founded X with ...'),
            # or the name asked of says it ('what is Who Owns the Wharf built with').
            named = [" ".join(words(self.profile.projects[i].name)) for i in q.projects]
            if any(" ".join(words(m.group(0))) in n and n in " ".join(raw) for n in named):
                return False
            return not self._said_beside(stem(m.group("who").removeprefix("co").strip("-")),
                                         set(stems(text[m.end():])) - self.filler - self.owner)
        return True

    def _said_beside(self, root: str, named: set[str]) -> bool:
        """True when a fact names all of `named` with a word of `root` ('found': founded,
        founder) at most four words from one of them."""
        for fact, said in zip(self.facts, self.fact_stems, strict=True):
            if named <= said:
                written = stems(fact.text)
                at = [i for i, s in enumerate(written) if s.startswith(root)]
                if any(abs(i - j) <= 4 for i in at for j, s in enumerate(written)
                       if s in named):
                    return True
        return False

    def _kept_elsewhere(self, raw: list[str], q: Query) -> tuple[str, ...]:
        """The words of `q` that name a key or link label of other projects or jobs and
        that the one named neither has nor says ('the App Store link' of an app only on
        Google Play, 'its crash-free rate' when only another app gives one), or says with
        no figure when a number is asked ('how many downloads' beside 'offline downloads');
        as typed."""
        at = ("project", q.projects[0]) if q.projects else ("job", q.jobs[0])
        asked = set(q.asked) - self.aspect_stems
        # A key is asked by most of its words: 'crash-free rate' asks 'crash free sessions',
        # 'store rating' no 'App Store'.
        keys = [key for k, keyed in self.keyed.items() if k[0] == at[0] and k != at
                for key in keyed if key and 3 * len(key & asked) >= 2 * len(key)]
        own = frozenset().union(*self.keyed.get(at, []))
        says = self.says.get(at, [])
        lacking = {s for key in keys for s in key & asked if s not in own and not any(
            s in said and (figured or not q.wants_number) for said, figured in says)}
        return tuple(dict.fromkeys(w for w in raw if stem(w) in lacking))

    def _besides(self, text: str, skills: Sequence[int | str]) -> list[int | str]:
        """The `skills` a question sets aside ('besides C++', 'apart from Go', 'other than
        Cilium'): it asks for the others."""
        after = [m.end() for m in _BESIDES.finditer(text)]
        aside: list[int | str] = []
        named = sorted((e for e in self.entities if e.kind == "skill" and e.key in skills),
                       key=lambda e: -len(e.full))
        while after:  # and those listed after it ('besides Flutter and Firebase')
            at = after.pop()
            e = next((e for e in named if text.startswith(f"{e.full} ", at)
                      or text[at:] == e.full), None)
            if e is None:
                continue
            aside.append(e.key)
            if joined := _LISTED.match(text, at + len(e.full)):
                after.append(joined.end())
        return list(dict.fromkeys(aside))

    def _origin(self, text: str) -> str:
        """`text` with how the owner came to a field asked in the words the profile tells it
        with ('how did she end up in e-commerce': 'switched', 'got' ... 'e-commerce')."""
        return _ORIGIN.sub(lambda m: f"{m.group(1) or m.group(2)} {' '.join(self.origin)}", text)

    def _abbreviated(self, text: str) -> str:
        """`text` with words in a row written out for an acronym the skills use, as that
        acronym: 'hardware description languages' is the 'HDL' group, 'high level
        synthesis' the 'HLS' of 'Vitis HLS', 'real-time operating system' the 'RTOS'."""
        said = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text).split()
        firsts = "".join(w[0] for w in said)  # one letter a word: an index is a word's
        for acronym in self.acronyms:
            size = len(acronym)
            at = firsts.find(acronym)
            while at >= 0:
                run = said[at: at + size]
                if all(w.isalpha() and len(w) > 2 and w not in STOPWORDS for w in run):
                    return " ".join([*said[:at], acronym, *said[at + size:]])
                at = firsts.find(acronym, at + 1)
        return text

    def _about_owner(self, text: str) -> str:
        """A long message without the clauses about the visitor ('I'm hiring for a product
        company, ...'): only the clauses about the owner say what is asked."""
        clauses = _CLAUSE.split(text)
        if len(clauses) < 3:
            return text
        # The owner in the third person, or addressed ('when would you be free').
        third = self.owner | {"she", "her", "he", "him", "his", "they", "them", "their",
                              "you", "your", "yours"}
        first = _FIRST_PERSON
        kept, about_owner, visitor = [], False, False
        for clause in clauses:
            said = set(words(clause))
            if third & said:
                about_owner, visitor = True, False
            elif first & said or _HERE.match(clause):
                visitor = True
            if not visitor:  # a clause with no subject goes on with the one before
                kept.append(clause)
        if not about_owner and len(kept) < len(clauses) and kept \
                and set(words(" ".join(kept))) <= self.greeting_words:
            return " , ".join(kept)  # 'Hi! I'm a recruiter at a scale-up.': a greeting
        return " , ".join(kept) if about_owner and len(kept) < len(clauses) else text

    def _not_employer(self, text: str, typed: set[str],
                      found: dict[str, list[int | str]]) -> list[str]:
        """'worked at Google' when Google is no employer of the profile (it may still appear
        in a highlight): the name, as a word the profile doesn't cover. A job found only as
        'her job' does not make the name one ('what was her job at Háskóli Íslands')."""
        m = _WORKED_AT.search(text) or _WROTE_FOR.search(text) or _LEFT_FOR.search(text) \
            or _DID_AT.search(text)
        if not m or m.group(2) in STOPWORDS or stem(m.group(2)) in self.filler:
            return []
        if m.re is _DID_AT and m.group(2) in self.item_words:
            return []  # 'what did she do at FOSDEM': the talk there
        jobs = {w for e in self.entities if e.kind == "job" and e.key in found["job"]
                for w in [*words(e.full), *e.partial]}
        if found["job"] and (not self._own_job(text) or m.group(2) in jobs):
            return []
        # After 'the', only a name typed as one: 'the Hirvijärvi station', not 'the moment'.
        if (m.group(1) or m.re is not _WORKED_AT) and m.group(2) not in typed:
            return []
        return [m.group(2)]

    def _unwritten_tools(self, question: str, raw: list[str], typed: set[str]) -> list[str]:
        """A language or tool asked of by name ('does she know Excel', 'any Solidity?',
        'Objective-C') that the profile never writes, though the stems of its words are there
        ('Excellence Award', 'solid modelling', 'object storage'): the name, which no stem of
        another word stands for."""
        objects = set(_KNOWN_THING.findall(" ".join(raw)))
        hyphened = [t for t in map(fold, _TOKEN.findall(question)) if "-" in t and t in _TECH]
        return [w for w in dict.fromkeys([*raw, *hyphened])
                if (w in _TECH or w in typed and w in objects) and len(w) > 2
                and ("-" in w or stem(w) in self.vocab) and w not in STOPWORDS
                and not any(f" {_NOT_WORD.sub(' ', form)} " in self.folded
                            for form in ((w,) if w in _LANGUAGES  # 'Lua' is no 'Luas'
                                         else (w, f"{w}s", f"{w}es", w.removesuffix("s"))))]

    def _not_contributed(self, text: str) -> list[str]:
        """'contributed code to OpenZFS' when no line that names OpenZFS says she worked
        on it (it may name the summit where her results were cited): the name."""
        m = _CONTRIBUTED.search(text)
        if not m or m.group(1) in STOPWORDS or any(
                m.group(1) in e.full.split() for e in self.entities if e.kind != "skill"):
            return []
        said = [line for line in self.fact_stems if stem(m.group(1)) in line]
        if said and not any(line & self.contributing for line in said):
            return [m.group(1)]
        return []

    def _other_number(self, question: str) -> list[str]:
        """'ISO 26262' when the profile writes ISO only with other numbers (13485, 14971),
        'ETCS Level 3' beside 'Level 2': another standard, level or version, as typed. Not a
        number the profile's starts or extends ('Python 3' beside 'Python 3.11')."""
        typed = []
        # 'Cortex-A53' beside Cortex-M7 too: a model code after a hyphen.
        for m in [*_NUMBERED.finditer(" ".join(words(question))),
                  *_CODED.finditer(fold(question))]:
            word, number = m.groups()
            known = self.numbered.get(word, set())
            if known and not any(n.startswith(number) or number.startswith(n) for n in known):
                typed.append(m.group(0))
        return typed

    def _other_member(self, raw: list[str], question: str) -> list[str]:
        """'marketing cloud' when the skills list a family of that last word (Sales Cloud,
        Service Cloud) without it: another product of the family, which the profile never
        names. Not with one such skill alone ('public cloud' beside Google Cloud), nor with
        the joined form of a hyphenated word, which words() puts after all the others
        ('ca7' of 'CA-7' follows no word of the question)."""
        joined = {h.replace("-", "") for h in _JOINED.findall(fold(question))}
        return [f"{a} {b}" for a, b in itertools.pairwise(raw)
                if b not in joined and a not in joined and self.families.get(b, 0) >= 2
                and a not in STOPWORDS and a not in self.owner
                and stem(a) not in self.filler and not _ASKS_KNOWING.fullmatch(a)
                and f" {a} {b} " not in self.folded]

    def _compound(self, question: str, skills: Sequence[int | str]) -> list[str]:
        """A word typed as a name right after a skill's, making another name the profile
        never uses: 'React Native' when only React is listed (not 'AWS Lambda' when the
        label is 'AWS (ECS, Lambda)', nor 'Python Flask' when Flask is in the profile)."""
        typed = _TOKEN.findall(question)
        found = []
        for label in skills:
            own = set(words(str(label)))
            for at, token in enumerate(typed[:-1]):
                after = typed[at + 1]
                if fold(token) in own and after[:1].isupper() and stem(fold(after)) not in \
                        self.vocab and not set(words(after)) <= own \
                        and fold(after) not in self.owner and fold(after) not in STOPWORDS:
                    found.append(fold(after))
            for token in typed:
                # 'setuptools-scm' when only setuptools is listed: one name joined to a
                # skill's by a hyphen, another tool (not 'Python-based', 'React-heavy').
                head, _, tail = fold(token).partition("-")
                if head in own and tail and "-" not in tail and fold(token) not in own \
                        and fold(token).replace("-", "") not in own \
                        and stem(tail) not in self.vocab and tail not in self.joined_words \
                        and tail not in STOPWORDS and not tail.isdigit():
                    found.append(fold(token))
        return found

    def _job_by_kind(self, text: str) -> list[int | str]:
        """The one job whose record says what kind of place or work the question asks about:
        'did she ever work at a library' (the Queen West Public Library), 'worked for a bank',
        'manual testing experience?', 'her bookshop job'."""
        m = _KIND_OF_JOB.search(text)
        if not m:
            return []
        said = m.group(1).split() if m.group(1) else [  # the words right before the noun
            *itertools.takewhile(lambda w: w not in STOPWORDS, m.group(2).split()[::-1])]
        # A cue word before the noun asks a topic ('leadership experience'), no place.
        plain = {stem(w) for w in self.workplaces} | (set() if m.group(1) else self.cue_stems)
        # Nor is the owner's own name a kind ('Seo-ah's experience': all of hers).
        kind = {stem(w) for w in said if w not in self.owner} - self.filler - plain
        kind &= self.vocab  # the profile's own words; 'big' says nothing of which
        if not kind or set(said) <= self.skill_words:  # 'any Python experience?': the skill
            return []
        # Its role or company first ('Public Library'), else its whole record.
        named = [i for what, i, head in self.heads if what == "job" and kind <= head]
        jobs = named or [i for i in range(len(self.profile.experience))
                         if kind <= self.records.get(("job", i), set())]
        return [jobs[0]] if len(jobs) == 1 else []

    def _job_before(self, raw: list[str]) -> tuple[list[int | str], int, str]:
        """The job before the one that the words after 'before' name by its record ('what
        did they do before becoming an auditor', 'her title before the agency', 'where did
        she work before joining Kjarni'), or the latest begun before a year named, with
        where 'before' is in `raw` and that year if no job begins before it."""
        at = next((i for i, w in enumerate(raw) if w in ("before", "prior")), -1)
        # Only when what comes first asks for a job ('what did they do', 'her title'), not
        # a topic of its own ('how many bugs did it catch before release').
        if at < 0 or {stem(w) for w in raw[:at] if w not in STOPWORDS and w not in self.owner
                      and w not in _JUST} \
                - self.filler - self.cues["experience"]:
            return [], at, ""
        after = [w for w in raw[at + 1:] if w not in STOPWORDS][:3]
        if after and _YEAR_WORD.fullmatch(after[0]) and all(self.job_years):
            # 'what did she do before 2020': the latest job begun before that year.
            begun: list[int | str] = [i for i in self.job_order
                                      if self.job_years[i] < int(after[0])]
            return begun[-1:], at, "" if begun else after[0]
        said = {stem(w) for w in after if not w.isdigit()} & self.vocab \
            - self.filler - self.cue_stems - self.owner
        jobs = [i for i in range(len(self.profile.experience))
                if said and said <= self.records.get(("job", i), set())]
        # The job whose employer the words name, over those whose records mention it ('the
        # contract alongside the Pulsewright job'); else whose role they name ('before
        # nursing': the Registered Nurse, not the care assistant who went on to train).
        jobs = [i for i in jobs if said <= set(stems(self.profile.experience[i].company))] \
            or [i for i in jobs if said <= set(stems(self.profile.experience[i].role))] or jobs
        if len({self.profile.experience[i].company for i in jobs}) == 1:
            jobs = [min(jobs, key=self.job_order.index)]  # before the first of two there
        left_for = [i for i in jobs if any(
            f.job == i and (m := _LEFT.search(f.text)) and said <= set(stems(m.group(1)))
            for f in self.facts)]
        if len(jobs) == 1 and left_for:
            # What she left it for, not the job itself ('her last position before the career
            # break': 'Left in March 2022 for the career break').
            return [jobs[0]], at, ""
        held = [i for i in self.job_order if is_current(self.profile.experience[i])]
        if not jobs and held and {stem(w) for w in after} & _ON_ONES_OWN:
            # 'where did he work before going independent', when no job says so: the last
            # job that ended, begun before the one he holds (a freelancer's contracts are
            # jobs of her freelancing). With none held, every job was before.
            ended: list[int | str] = [
                i for i in self.job_order[:self.job_order.index(held[0])]
                if not is_current(self.profile.experience[i])]
            return ended[-1:], at, ""
        earlier = self.job_order[:self.job_order.index(jobs[0])] if len(jobs) == 1 else []
        # Of the jobs begun before it, the one that ended last: a short contract held beside
        # the main job is not what she did before the next.
        last = max(earlier, key=lambda i: (self.job_spans[i][1], earlier.index(i)), default=-1)
        return ([last] if last >= 0 else []), at, ""

    def _refined(self, q: Query, raw: list[str]) -> Query:
        """`q` with what its wording says beyond its words: two asks joined by 'or', the
        owner's own family asked, the job held longest, a project's address, a time zone
        beside the visitor's own place."""
        if "or" in raw[1:-1]:
            q = replace(q, either=self._either(raw, q))
        if (m := _FAMILY.search(" ".join(raw))) and not q.injection:
            # 'how many children does Ari have', 'is Sana his wife': the owner's own family,
            # which no line about children taught or a co-founder answers.
            asked = next(g for g in m.groups() if g).split()[-1]
            q = replace(q, missing=tuple(dict.fromkeys((asked, *q.missing))))
        if (m := _WHICH_PART.search(" ".join(raw))) and self.profile.owner.location \
                and m.group(2) in fold(self.profile.owner.location).split(",")[0]:
            # 'which part of Leeds do they live in', of 'Leeds, West Yorkshire': only the city.
            q = replace(q, intent="location", projects=(), jobs=(),
                        missing=tuple(dict.fromkeys((m.group(1), *q.missing))))
        if q.intent == "projects" and not (q.projects or q.jobs or q.skills or q.years) \
                and (m := _RECENCY.search(" ".join(raw))) and (made := self.project_made):
            # 'which of her projects is the newest': the one its date makes so.
            newest = m.group(1) is not None
            pick = max(made, key=lambda i: (made[i], -i)) if newest \
                else min(made, key=lambda i: (made[i], -i))
            q = replace(q, intent="project", projects=(pick,),
                        missing=tuple(w for w in q.missing if w not in m.group(0).split()))
        if (asked := self.faq_asked.get(" ".join(words(q.text)), -1)) >= 0:
            # An FAQ question asked as the owner wrote it: the owner's own answer, under the
            # topic it asks ('Would she relocate?'), not a record its words name.
            q = replace(q, faq=asked, missing=(), employer="",
                        intent="faq" if q.intent in _RECORDS else q.intent)
        if q.jobs and _ROLE_WANTED.search(" ".join(raw)) and not any(
                set(words(self.profile.experience[i].company)) - STOPWORDS & set(raw)
                for i in q.jobs):
            # 'is she open to a permanent in-house position', 'would he take a lead role':
            # a role the owner may want next, not the job whose title shares its words.
            q = replace(q, jobs=(), intent="availability")
        if q.jobs and _SPAN_ASKED.search(" ".join(raw)):
            # 'how many years was she at Kijani', 'how long at Meridiana in total', 'her role
            # at Kōwhai': the job's span or roles, which its record gives; no word of that
            # asks for another fact.
            spans = {stem(w) for w in _SPAN_WORDS}
            q = replace(q, span=True, missing=tuple(w for w in q.missing if w not in _SPAN_WORDS),
                        topic=tuple(s for s in q.topic if s not in spans),
                        asked=tuple(s for s in q.asked if s not in spans))
            if q.intent in ("notice", "availability") and not self.cues["notice"] & set(q.terms):
                # 'how long has she been freelancing': her own job's span, not her notice.
                q = replace(q, intent="job")
        if q.projects and (m := _TOOK.search(" ".join(raw))):
            # 'how long did the caliche migration take': its duration, in its record's words
            # ('in six weeks'; its own key for it, duration = "34 days", is the part asked),
            # and 'take' is no thing it lacks; of a record that gives none, it is.
            verb, project = m.group(1), self.profile.projects[q.projects[0]]
            if not _DURATION.search(_record_text(project)):
                q = replace(q, missing=tuple(dict.fromkeys((*q.missing, verb))))
            else:
                keyed = tuple(stem(k) for k in project.extra if _DURATION.search(k))
                q = replace(q, missing=tuple(w for w in q.missing if w != verb),
                            topic=tuple(s for s in q.topic if s != stem(verb)),
                            asked=keyed or tuple(s for s in q.asked if s != stem(verb)))
        if set(q.missing) & self.written_currencies:  # 'does he bill in USD', of '$1,750'
            q = replace(q, missing=tuple(w for w in q.missing
                                         if w not in self.written_currencies))
        for forms in self.unwritten_currencies:
            # 'his day rate in euros', of rates in pounds and dollars: not given in euros.
            if typed := [w for w in raw if w in forms] or [f for f in forms if not f.isalpha()
                                                            and f in q.text]:
                q = replace(q, missing=tuple(dict.fromkeys((typed[0], *q.missing))))
        if _asks_own_business(raw) and (own := self._own_business()) is not None:
            # 'what's the name of his consultancy': the owner's key for it, else the job he
            # holds as its founder, owner or principal.
            q = replace(q, intent="job", jobs=(own,), missing=()) if isinstance(own, int) \
                else replace(q, owner_key=own, missing=())
        if not self.drives and _DRIVING.search(" ".join(raw)):
            # 'does she have a driving licence', of a profile whose only licence is a dataset's.
            q = replace(q, missing=tuple(dict.fromkeys(("driving", *q.missing))))
        if q.jobs and self._job_by_tenure(raw) == list(q.jobs):
            # 'which job did he stay in longest': the job is the answer, no word missing.
            held = {w for w in raw if w in _TENURE or w in ("longest", "shortest")}
            q = replace(q, missing=tuple(w for w in q.missing if w not in held),
                        topic=tuple(s for s in q.topic if s not in {stem(w) for w in held}))
        if len(q.projects) == 1 and "address" in q.missing \
                and self.profile.projects[q.projects[0]].link \
                and not _DWELLING_ADDRESS.search(" ".join(raw)):
            # 'looking glass address': where the project is online, no home address (nor
            # one whose notes say 'at home').
            q = replace(q, missing=tuple(w for w in q.missing if w != "address"),
                        topic=tuple(s for s in q.topic if s != "address"),
                        asked=tuple(s for s in q.asked if s != "address"),
                        aspects=q.aspects | {"link"})
        if q.wants_amount and (m := _PAST_PAY.search(" ".join(raw))) \
                and not _WANTED_PAY.search(" ".join(raw)):
            # 'what was his salary at the repair shop': what a past job paid, which the
            # owner's expectations do not say ('what was her salary expectation' asks them).
            # Named as the thing, not the verb ('doesn't cover “pay”', not “make”).
            paid = "pay" if m.group(1) in ("earn", "make") else m.group(1)
            q = replace(q, missing=tuple(dict.fromkeys((*q.missing, paid))), faq=-1)
        if q.intent == "location" and (m := _ZONE_AS.search(" ".join(raw))):
            # 'is she in the same time zone as Berlin': her zone, beside the visitor's place.
            theirs = set(m.group(1).split())
            q = replace(q, missing=tuple(w for w in q.missing if w not in theirs),
                        topic=tuple(s for s in q.topic if s not in {stem(w) for w in theirs}))
        return q

    def _either(self, raw: list[str], q: Query) -> tuple[frozenset[str], ...]:
        """The topic stems on each side of the first 'or' joining two asks: the word before
        it, and the words after it up to the next that is neither a topic word nor an article
        ('mentor' and 'lead team' of 'does she mentor or lead a team'); none when a side asks
        no topic word."""
        at = raw.index("or", 1)
        after = list(itertools.takewhile(lambda w: stem(w) in q.topic or w in ("a", "an", "the"),
                                         raw[at + 1:at + 5]))
        sides = (frozenset({stem(raw[at - 1])} & set(q.topic)),
                 frozenset(stem(w) for w in after) & set(q.topic))
        return sides if all(sides) else ()

    def _job_by_tenure(self, raw: list[str]) -> list[int | str]:
        """The job held longest or shortest ('which of his jobs did he stay in longest'),
        when every job gives its years and one is alone at the top."""
        joined = " ".join(raw)
        asked = {"longest", "shortest"} & set(raw) | (
            {"longest"} if _MOST_YEARS.search(joined) else set())
        if len(asked) != 1 or not _TENURE & set(raw) or not all(self.job_years):
            return []
        jobs = self.profile.experience
        lengths = [last - first for first, last in self.job_spans]
        if "employer" in joined or "compan" in joined:
            # 'which employer did she spend the most years with': each job there counts.
            by_company: dict[str, int] = {}
            for i, n in enumerate(lengths):
                by_company[jobs[i].company] = by_company.get(jobs[i].company, 0) + n
            lengths = [by_company[j.company] for j in jobs]
        best = max(lengths) if asked == {"longest"} else min(lengths)
        held: list[int | str] = [i for i, n in enumerate(lengths) if n == best]
        return held[:1] if len({jobs[int(i)].company for i in held}) == 1 else []

    def _jobs_in_years(self, raw: list[str]) -> list[int | str]:
        """The jobs held in the years a question names when it asks nothing else ('what was
        she doing in 2016', 'where did he work between 2015 and 2017'): of a span, the jobs
        inside it, else those it overlaps; latest first."""
        years = [int(w) for w in raw if _YEAR_WORD.fullmatch(w)]
        if not years or not all(self.job_years) or {"before", "prior", "after"} & set(raw) or {
                stem(w) for w in raw if w not in STOPWORDS and w not in self.owner
                and not w.isdigit()} - self.filler - self.cues["experience"]:
            return []
        low, high = min(years), max(years)
        spans = self.job_spans
        overlap = [i for i in reversed(self.job_order)
                   if spans[i][0] <= high and spans[i][1] >= low]
        inside = [i for i in overlap if low < high and low <= spans[i][0]
                  and spans[i][1] <= high]
        return list(inside or overlap)

    def _job_by_role(self, raw: list[str]) -> list[int | str]:
        """The one job whose role the question names after 'worked as a', 'ever a', 'was a',
        'as a' ('what did he write when he was a java dev': the Senior Java Developer job;
        'what year did she qualify as a nurse': the Staff Nurse job); not
        what the owner does as one now ('does she still write code as a lead')."""
        m = _WORKED_AS.search(" ".join(raw))
        if not m:
            return []
        said = list(itertools.takewhile(lambda w: w not in STOPWORDS, m.group(1).split()))
        role = {stem(w) for w in said} - self.filler
        jobs = [i for i, j in enumerate(self.profile.experience)
                if role and role <= set(stems(j.role))]
        return [jobs[0]] if len(jobs) == 1 else []

    def _job_by_post(self, raw: list[str]) -> list[int | str]:
        """The one job whose role the question names as a post ('what did she build during
        the internship': the NLP Intern job; an apprenticeship, a fellowship)."""
        # Not a word of two the profile writes together ('program committee' is no Junior
        # Systems Programmer).
        paired = {w for a, b in itertools.pairwise(raw) if a not in STOPWORDS
                  and b not in STOPWORDS and (stem(a), stem(b)) in self.stem_pairs
                  for w in (a, b)}
        jobs = [i for i, j in enumerate(self.profile.experience)
                if [w for w in _posts(raw, j.role) if w not in paired]]
        return [jobs[0]] if len(jobs) == 1 else []

    def _job_on_own(self, raw: list[str]) -> list[int | str]:
        """The current job the owner works on their own in, for 'since when has she been
        freelancing', 'how long have they been self-employed' (its period says), or 'what's
        the name of her business' (its company)."""
        text = " ".join(raw)
        if not (_SINCE_WHEN.search(text) and _ON_OWN.search(text) or _asks_own_business(raw)):
            return []
        jobs = [i for i, j in enumerate(self.profile.experience)
                if is_current(j) and (_ON_OWN.search(fold(f"{j.role} {j.company}"))
                                      or _OWNS.search(j.role))]
        return [jobs[0]] if len(jobs) == 1 else []

    def _job_by_order(self, text: str) -> list[int | str]:
        """The earliest job for 'her first job', the latest for 'her last role'."""
        m = _NTH_JOB.search(text)
        # 'where did his career begin', 'how did she start her career': the first job.
        began = _CAREER_START.search(text)
        jobs, latest = self.profile.experience, self.latest_job
        if not (m or began) and latest and self._own_job(text):
            return [jobs.index(latest)]
        if not (m or began) or not jobs:
            return []
        if len(jobs) == 1:
            # 'his first job', 'her last role' of one job: that job; no job before it.
            before = m and m.group(1) in ("previous", "prior", "former", "old")
            return [] if before and is_current(jobs[0]) else [0]
        order = self.job_order
        if not m or m.group(1) in ("first", "earliest", "oldest"):
            return [order[0]]
        if m.group(1) in ("previous", "prior", "former", "old"):  # "her old company"
            # Before the one she holds; when none goes on, her last ('his previous
            # employer' of a founder whose studio is no job listed).
            return [order[-2] if any(is_current(j) for j in jobs) else order[-1]]
        return [order[-1]]

    @staticmethod
    def _own_job(text: str) -> bool:
        """'at their job', 'his current employer', 'at work': the owner's job, their latest."""
        return bool(_OWN_JOB.search(text))

    def _query(self, question: str, raw: list[str], content: list[str],
               found: dict[str, list[int | str]], negated: bool,
               links_named: tuple[tuple[str, ...], tuple[str, ...]],
               described: Sequence[str] = (), parts: Sequence[str] = (),
               titles: tuple[str, ...] = (), items: Sequence[int] = (), *,
               typed: set[str]) -> Query:
        """Put the parts of a question together and pick its intent (`links_named`: what
        _links() finds in `raw`; `items`: the entries of the owner's tables named; `typed`:
        its words typed as names, typed_names())."""
        named = set(described) | {w for i in items for n in self.items[i].names
                                  for w in words(n)}
        if found["skill"]:
            named |= set(words(" ".join(str(k) for k in found["skill"])))
            named |= {w for e in self.entities if e.kind == "skill" and e.key in found["skill"]
                      for w in words(e.full)}
        if keys := found["project"] + found["job"]:
            named |= {w for e in self.entities if e.key in keys
                      for w in words(e.full) + list(e.partial)}
        links, missing_links = links_named
        # A link named by its service: 'Google Scholar' is scholar.google.com.
        named |= {w for key in links for w in words(_host(self.all_links.get(key, "")))}
        named |= self._impact_words(raw, found)
        named |= {w for i in found["job"]  # 'the internship' names the NLP Intern job
                  for w in _posts(raw, self.profile.experience[int(i)].role)}
        said = set(content)
        extras = [(n, table) for n, table, _ in self.extra_names if n <= said] \
            if said & self.extra_stems else []
        # A list of the owner's own named as a whole ('any game jams?', 'their interests'):
        # its entries answer, unless the question names one of them.
        padded = f" {' '.join(raw)} "
        # Of two named ('any game jams' names the games too), the one named last: the noun.
        # So does a key most of its entries give ('which CVEs', 'who are his co-authors'),
        # when it is what a 'which' or 'who are' names, or all the question says ('any
        # CVEs?'), and nothing else is named ('what licence is FeederFlex under' asks of
        # FeederFlex); 'once we sign the quote' asks no testimonial's quote.
        keyed: list[tuple[frozenset[str], bool, str]] = []
        if said & self.extra_stems:
            who = _WHO_ARE.match(" ".join(raw))
            wanted = {stem(w) for w in [*which_thing(raw), *(who.group(1).split() if who
                                                               else ())]}
            keyed = [(n, True, k) for n, k in self.entry_keys
                     if (n & wanted or len(said) <= len(n))
                     and all(stem(w) in n or stem(w[:-1]) in n for w in typed)]
        # Not the visitor's own: 'could she start on our audit' names no audit of hers.
        theirs = {stem(b) for a, b in itertools.pairwise(raw) if a in ("our", "my")}
        listed = sorted((max(i for i, s in enumerate(content) if s in n), k)
                        for n, table, k in self.extra_names + keyed
                        if table and k in self.entry_names and n <= said and not n <= theirs
                        and (k not in self.keyed_tables or said <= n)
                        and not any(e in padded for e in self.entry_names[k])) \
            if (extras or keyed) and not titles else []
        # A key of the owner's own named ('what timezone is she in': timezone = "CET") is
        # the topic, though its words cue an intent.
        uncued = {stem(w) for w in raw if w in self.uncued}.union(*(n for n, _ in extras))
        naming = {stem(w) for w in [*named, *parts]}
        topic = [s for s in content if (s not in self.cue_stems and s not in self.filler
                                        or s in uncued)
                 and s not in naming]
        # A name typed as one, or the object of knowing or using ('has he worked with zoho
        # crm', 'does she know mapbox gl js'): a word the profile lacks there is the thing
        # asked, not a paraphrase the rest outweighs.
        # 'ISO 26262' beside ISO 13485, 'Marketing Cloud' beside Sales and Service Cloud:
        # another name of a family the profile lists, a name as typed.
        numbered = self._other_number(question) + self._other_member(raw, question)
        # 'worked with us' names no tool.
        names = typed | set(_KNOWN_THING.findall(" ".join(raw))) - _FIRST_PERSON | set(numbered)
        titled = {w for t in titles for w in t.split()}  # a title's words ask no field
        known, modifiers = named | titled, self._field_modifiers(raw)
        nth = _NTH_JOB.search(" ".join(raw))
        if nth:  # 'her old company' asks for a job, not an age
            modifiers.update(nth.group(1).split())
        owner_key = next((self.owner_keys[w] for w in raw if w in self.owner_keys), ()) \
            if not (found["project"] or found["job"]) else ()
        missing = [w for w in dict.fromkeys(raw) if self._is_missing(w, known, names)
                   and w not in modifiers and not (owner_key and w in self.owner_keys)]
        employer = self._not_employer(" ".join(raw), typed, found)
        missing += employer + self._compound(question, found["skill"])
        missing += self._not_contributed(" ".join(raw))
        # 'would he need visa sponsorship', of a profile that never says: not covered.
        unstated_right = None if self.states_right_to_work \
            else _ASKS_RIGHT_TO_WORK.search(question)
        if unstated_right:
            missing.insert(0, fold(unstated_right.group(0).split()[0]))
        missing += numbered
        missing += [w for w in self._unwritten_tools(question, raw, typed) if w not in missing]
        if _GO.search(" ".join(raw)) and not any(e.kind == "skill" and e.full in ("go", "golang")
                                                  for e in self.entities):
            missing.append("go")  # 'does she write go': the language, a word no filter keeps
        # 'can he code in R': a language of one capital letter, which no filter keeps either.
        for letter in _ONE_LETTER.findall(question):
            if not any(e.kind == "skill" and e.full == letter.lower() for e in self.entities):
                missing.append(letter.lower())
        groups = self._groups(content)
        named_stems = {stem(w) for w in named}
        # 'Is anyone using it' asks for its users: 'use' is what is asked, no stack.
        users = _not_stack(raw)
        plain = self.unasked_of_users if users else self.unasked
        asked = [s for s in content if s not in plain and s not in named_stems
                 and not (nth and s in stems(nth.group(1)))]
        aside = _set_aside(raw)
        q = Query(
            question, "unknown", terms=tuple(content), topic=tuple(topic),
            asked=tuple(dict.fromkeys(asked)),
            missing=tuple(missing),
            projects=tuple(int(i) for i in found["project"]),
            jobs=tuple(int(i) for i in found["job"]),
            skills=tuple(str(s) for s in found["skill"]), groups=groups,
            skill_kind=self._skill_kind(raw), links=links, missing_links=missing_links,
            # 'Who uses Roofscan' asks for people, not its stack; 'which clinics tried it
            # out', who tried it, no demo to try.
            aspects=frozenset(a for a, s in self.aspects.items() if s & set(content) - named_stems
                              and not (a == "tech" and users)
                              # 'the pipeline she built' names it; 'built with' asks its stack.
                              and not (a == "tech" and s & set(content) == {stem("built")}
                                       and _BUILT_BY.search(" ".join(raw)))
                              and not (a == "link" and "tried" in raw
                                       and s & set(content) == {stem("try")})) | (
                {"role"} if self._owner_did(raw) else set()),
            detail=asked_for(raw), which=which_thing(raw),
            # A name set aside ('languages besides English') is none the answer must say.
            names=tuple(sorted(w for w in names if stem(w) in self.vocab and w not in self.owner
                               and stem(w) not in self.weight and stem(w) not in self.filler
                               and w not in aside)),
            faq=self._why_faq(raw, content, names),
            # 'who paid for it' asks who, not how much, of a record with a key for it
            # (funding = "self-funded").
            wants_amount=bool(self.amount & set(raw) - named or _PRICED_TIME.search(" ".join(raw))
                              or _MONEY_ASKED.search(" ".join(raw)))
            and not (
                "who" in raw and self._keyed_by(found, self.amount & set(raw)))
            and not _YES_NO_OF_PAY.match(" ".join(raw)),
            wants_email=bool({"email", "mail", "e-mail"} & set(raw)),
            someone=self._someone_elses(question), stranger=self._stranger(question, raw),
            current=bool(NOW & set(raw)), negated=negated, titles=titles,
            table=listed[-1][1] if listed else "", owner_key=owner_key,
            wishes=bool(WISHES & set(raw)),
            wants_number=bool(_NUMBER_ASKED.search(" ".join(raw))),
        )
        # Of the owner's tables, those a topic of its own doesn't answer ('talks' does).
        tables = frozenset().union(*(n for n, table in extras if table
                                     and not n & self.topic_stems))
        intent = self._intent(q, raw, content, tables)
        if unstated_right and intent in ("skill", "skills"):
            intent = "unknown"  # a right to work is no skill the profile lacks
        long = len(words(question)) >= 25  # a recruiter's message asks several things at once
        found_missing = self._missing_for(intent, q, names, long) \
            or self._not_in_record(intent, q, raw) or self._absent_detail(q, raw)
        # 'Did he work for X' where X is no employer is not covered, whatever names X; nor
        # 'is bpfview still maintained' when no project is bpfview.
        found_missing = tuple(dict.fromkeys((*found_missing, *employer,
                                             *self._unnamed_thing(q, raw, content),
                                             *self._version_unwritten(q, raw))))
        # What a question sets against what it asks ('a contracting gig instead of perm') is
        # not asked: the profile need not name it.
        set_against = set(_SET_AGAINST.findall(" ".join(raw)))
        found_missing = tuple(w for w in found_missing if w not in set_against)
        if items and not q.projects and not q.jobs:
            # An entry of the owner's tables named: its keys asked, or what it lacks (and
            # the names and field words the profile lacks, as of a project).
            asked_lines, lacking, hit = self._item_asks(raw, items[0])
            hard = [w for w in q.missing if (stem(w) in self.required or w in names)
                    and w not in hit]
            q = replace(q, items=tuple(items), item_parts=asked_lines)
            found_missing = tuple(dict.fromkeys((*hard, *lacking)))
        also: tuple[str, ...] = ()
        if long:
            scores = self._scores([stem(w) for w in raw if w not in self.owner])
            also = tuple(i for i in PRACTICAL if i != intent and scores.get(i, 0) >= 1)
            if intent in PRACTICAL and "location" not in also and intent != "location":
                also += ("location",)  # a recruiter's brief always weighs where the owner is
        topical = [i for i, t in enumerate(self.faq_intents) if t == intent]
        return replace(q, intent=intent, missing=found_missing, also=also,
                       faq_topic=topical[0] if len(topical) == 1 and intent in FAQ_TOPICS
                       and q.faq < 0 and q.asked else -1,
                       employer=employer[0] if employer else "",
                       elsewhere=self._where_named(employer))

    def _version_unwritten(self, q: Query, raw: list[str]) -> list[str]:
        """'which version of Spring Boot does he use' when the profile gives the skill named
        no version ('Java 17' and 'COBOL 6.3' beside it have one): the version, which it
        does not cover."""
        if not q.skills or not {"version", "versions"} & set(raw):
            return []
        if any(re.search(r"\d", str(k)) or re.search(rf"\b{re.escape(fold(str(k)))}\s*v?\d",
                                                     self.folded) for k in q.skills):
            return []
        return ["version"]

    def _unnamed_thing(self, q: Query, raw: list[str], content: list[str]) -> list[str]:
        """The thing a key is asked of ('is bpfview still maintained', 'who was the customer
        for bpfview': its status, its client) when the profile never names it and the
        question names no project or job: the word where the thing is said."""
        if q.projects or q.jobs or not q.missing or not self.key_asks & set(content):
            return []
        m = _KEY_OF.search(" ".join(raw))
        thing = (m.group(1) or m.group(2)) if m else ""
        return [thing] if thing in q.missing else []

    def _impact_words(self, raw: list[str], found: dict[str, list[int | str]]) -> set[str]:
        """Words right before an impact word that the profile (or the project or job named)
        never uses, which only say what kind of impact ('measurable impact', 'biggest
        achievement'): part of what is asked, not a thing the profile lacks. Not a field
        word ('phone number')."""
        named = [("project", int(i)) for i in found["project"]]
        named += [("job", int(i)) for i in found["job"]]
        said = self.records.get(named[0], set()) if named else self.vocab
        impact = self.aspects["impact"]
        return {a for a, b in zip(raw, raw[1:], strict=False) if stem(b) in impact
                and a not in STOPWORDS and stem(a) not in said and stem(a) not in self.required}

    def _cue_only(self, text: str) -> str:
        """The one intent whose cue words weigh most in `text`, when it says nothing else
        ('What is her education?', not 'What kind of team is he looking for?'), or ''."""
        said = [stem(w) for w in words(text) if w not in self.owner and w not in STOPWORDS]
        if any(s not in self.cue_stems and s not in self.filler for s in said):
            return ""
        scores = self._scores(said)
        best = max(scores.values(), default=0.0)
        top = [i for i, v in scores.items() if v == best]
        return top[0] if best >= 1 and len(top) == 1 else ""

    def _owner_did(self, raw: list[str]) -> bool:
        """'What did she do on X': the owner's own part asked, not what a thing did ('what
        did batching commits do for write throughput')."""
        m = _OWNER_DID.search(" ".join(raw))
        return m is not None and m.group(1) in self.owner | {"he", "she", "they"}

    def _where_named(self, names: Sequence[str]) -> str:
        """The fact that names what was asked of as an employer, with its source: first one
        that speaks of employment ('She is not a Tessellate employee')."""
        for name in names:
            naming = [f for f in self.facts
                      if name in words(f.text) and f.kind not in ("link", "email")]
            if naming:
                f = min(naming, key=lambda f: not _EMPLOYMENT.search(f.text))  # first such
                text = f.text.rstrip(".")
                return f"{text} ({f.source})." if f.source not in ("profile", "") \
                    and f.source not in f.text else f"{text}."
        return ""

    def _not_in_record(self, intent: str, q: Query, raw: list[str]) -> tuple[str, ...]:
        """What a question asks of a named project or job that its record never says.

        'Why did he leave Kestrel?' or 'how many stars does Colibri have': the profile may
        use 'leave' or 'stars' elsewhere, but the job or project named says nothing of it,
        so its record is no answer.
        """
        if intent == "project" and q.projects:
            record = self.records.get(("project", q.projects[0]), set())
        elif intent == "job" and q.jobs:
            record = self.records.get(("job", q.jobs[0]), set())
        else:
            return ()
        key = ("project", q.projects[0]) if intent == "project" else ("job", q.jobs[0])
        named = self.key_names.get(key, frozenset())
        if named and named & set(q.asked):
            # 'how many people did he manage at Paystack' (reports = 4), 'is bpfview still
            # maintained' (archived = true): a key of its own answers, whatever else is said.
            return ()
        # 'How many stars does Colibri have': what is counted must be in its record, even
        # a word that elsewhere only says which part is asked ('stars', 'employees'). Not
        # what 'what' asks for: 'what chip is in it' is answered by a part it never calls so.
        much = f"how much {q.detail}" in " ".join(raw)
        if q.wants_number and q.detail and stem(q.detail) not in record \
                and stem(q.detail) not in self.filler and q.detail not in _SPEED_COMPARED \
                and not (much and key in self.priced):
            return (q.detail,)
        part = [s for s in q.asked if s not in self.cue_stems and s not in self.aspect_stems]
        if not part or any(s in record for s in part):
            return ()
        if intent == "job" and "when" in raw and self.profile.experience[q.jobs[0]].period \
                and part == [stem(self._asked_verb(q.text))]:
            return ()  # 'when did she leave Kasumi': its period says
        # A paraphrase of a part the record has: its other words ('use' in 'how do people
        # use it', 'build' in 'would he build it the same way') are in its highlights or notes.
        body = self.bodies.get(("project", q.projects[0]) if intent == "project"
                               else ("job", q.jobs[0]), set())
        name = self.profile.projects[q.projects[0]].name if intent == "project" \
            else self.profile.experience[q.jobs[0]].company
        said = set(q.terms) - set(part) - self.filler - set(stems(name))
        if said & body:
            return ()
        # Of a project, only a part the profile speaks of elsewhere ('model') is one its
        # record lacks; a word it never uses ('popular', 'measure') paraphrases what it
        # says. Of a job, a part never said ('why did he leave', 'his manager') is personal.
        if intent == "project":
            part = [s for s in part if s in self.vocab]
            if not part:
                return ()
        elif _paraphrase(q, raw, part[0]):
            return ()
        return tuple(w for w in raw if stem(w) == part[0])[:1]

    def _absent_detail(self, q: Query, raw: list[str]) -> tuple[str, ...]:
        """What 'what X is ...' asks of a named project or job, or 'is there a X' asks at
        all, when the profile never uses X anywhere ('what licence is walrus-rs under', 'is
        there a recording of the talk'): the rest of the question finds only neighbours."""
        if q.detail not in q.missing:
            return ()
        text = " ".join(raw)
        exists = re.search(rf"\bis there (?:a|an|any) {re.escape(q.detail)}\b", text)
        # 'what licence is it under', 'what grade did she get', not 'what problem does it
        # solve' (a description).
        form = re.search(rf"\b(?:what|which) {re.escape(q.detail)} (?:is|are|was|were|(?:did|"
                         rf"does|do|has) \w+ (?:get|have|use|run|receive|hold|earn))\b", text)
        # Of a thing the question pins down: a named project or job, or other words that
        # the profile all uses ('her computer science degree').
        rest = [s for s in q.topic if s != stem(q.detail)]
        pinned = q.projects or q.jobs or (rest and all(s in self.vocab for s in rest))
        return (q.detail,) if exists or (form and pinned) else ()

    def _missing_for(self, intent: str, q: Query, names: set[str], long: bool
                     ) -> tuple[str, ...]:
        """The missing words that matter for this intent, with the `names` typed in the
        question (typed_names) and whether it is a `long` message (25 words or more).

        A field word (phone, salary) always does. After 'does she know' or 'worked at' the
        object does. A named project or job misses a name typed as one ('write Kotlin for the
        banking app') and takes other words as the part asked for (judged by its record), and
        the narrow topics (availability, talks...) only miss names ('in Berlin').
        """
        if here := set(_VISITORS_PLACE.findall(fold(q.text))):
            # 'fully remote possible? we're in toronto': where the visitor is, not a thing
            # asked of the owner.
            q = replace(q, missing=tuple(w for w in q.missing if w not in here))
        if long:  # a long message: only fields and names it asks about
            return tuple(w for w in q.missing if self._hard(w, q, names))
        if intent in ("unknown", "skill", "skills", "experience", "projects", "education",
                      "languages", "talks", "publications", "awards"):
            return self._outweighed(q, names)
        if intent in ("project", "job"):
            # A word for one of its own keys is no field it lacks ('who paid for it': its
            # funding key).
            key = ("project", q.projects[0]) if q.projects else ("job", q.jobs[0]) \
                if q.jobs else ("", -1)
            own = self.key_names.get(key, frozenset())
            # 'tell me about prairie beacon': a word the profile never uses in the name
            # asked about is another name than Prairie Pulse.
            about = fold(q.text)
            return tuple(w for w in q.missing if (stem(w) in self.required or w in names
                                                  or w in self.tool_names  # 'on npm'
                                                  or re.search(rf"\babout (?:his |her |their |"
                                                               rf"the )?(?:[\w-]+ ){{0,2}}"
                                                               rf"{re.escape(w)}\b", about))
                         and stem(w) not in own)
        if intent == "faq":  # 'a visa to work in Germany' is no answer about the UK
            return tuple(w for w in q.missing if self._hard(w, q, names))
        if intent in ("greeting", "thanks", "overview"):
            # 'tell me about ferrodb': a thing the profile never names is the whole question.
            return tuple(w for w in q.missing if stem(w) in self.required
                         or intent == "overview" and q.topic == (stem(w),)
                         and f"about {w}" in fold(q.text))
        if intent in ("location", "work_mode"):
            # A place typed in lower case is still a name: 'does he live in helmond', 'remote
            # near porto'. (Not for relocation: 'would he move to canada' is answered by
            # where he would move.)
            places = set(re.findall(r"\b(?:in|near|around)\s+([a-z]{3,})\b", fold(q.text)))
            return tuple(w for w in q.missing if self._hard(w, q, names) or w in places)
        return tuple(w for w in q.missing if self._hard(w, q, names))

    def _hard(self, word: str, q: Query, names: set[str]) -> bool:
        """True for a missing word no other word outweighs: a field word (phone, salary), a
        name as typed ('Berlin', one of `names`), or what is counted ('how many followers').
        Not any thing 'what' asks for: 'what lab gear' is answered by the oscilloscopes it
        never calls so."""
        return stem(word) in self.required or word in names \
            or word == q.detail and q.wants_number

    def _outweighed(self, q: Query, names: set[str]) -> tuple[str, ...]:
        """The missing words, unless the rest of the question outweighs them.

        An unknown word beside a topic word the profile does use ('which real-time
        operating systems') is a paraphrase, not a new subject: retrieval on the rest
        decides. A field word (phone, salary) or a name as typed ('Berlin', one of `names`)
        always counts.
        """
        # A tool the lexicon knows by name ('has she used zoho crm') is a name, typed so or
        # not.
        hard = [w for w in q.missing if stem(w) in self.required or w in names
                or w in self.tool_names]
        soft = [w for w in q.missing if w not in hard]
        gone = {stem(w) for w in soft}
        known = {s for s in q.terms if s not in gone and s not in self.filler}
        known |= {stem(x) for x in q.skills}
        # One word the profile never uses is outweighed by any topic word it does use ('has
        # she done fraud detection'); several need more ('the root cause of the outage' is a
        # part the profile never gives). 'does she know elm' asks nothing else.
        topic = len(known - self.cue_stems)
        # 'community-wise' is one unknown word, not also 'communitywise'.
        joined = {h.replace("-", "") for h in _JOINED.findall(fold(q.text))}
        unknown = len([w for w in soft if w not in joined])
        if not hard and soft == [self._asked_verb(q.text)] and known & self.vocab:
            # 'when did he finish his MSc', 'which bootcamp did she attend': the verb of a
            # question for a thing or a time says how, not what; the thing named, a cue
            # word the profile uses ('msc', 'bootcamp'), is what is asked.
            return ()
        if hard or not soft or topic < 1 or (unknown > 1 and topic <= unknown):
            return q.missing
        return ()

    def _asked_verb(self, question: str) -> str:
        """The verb the owner does in a question for a thing, a time or a place ('when did
        he finish his MSc': 'finish'; 'which bootcamp did she attend': 'attend'), or ''."""
        m = _ASKED_VERB.match(" ".join(words(fold(question))))
        return m.group(2) if m and (m.group(1) in self.owner
                                    or m.group(1) in OWNER_PRONOUNS) else ""

    def _question_word(self, said: list[str]) -> list[str]:
        """The first word, if a misspelt question word ('wat did he study'): one edit, the
        same first letter, and a word neither the profile nor the cues use, nor one the
        lexicon knows ('CDN' is no 'can', 'TCA' no 'tea')."""
        first = said[0] if said else ""
        if not 2 <= len(first) < 5 or not first.isalpha() or first in STOPWORDS \
                or stem(first) in self.vocab or stem(first) in self.weight \
                or stem(first) in self.kinds or first in self.synonyms or first in _TECH:
            return said
        best = extractOne(first, self.question_words, scorer=OSA.distance, score_cutoff=1)
        return [str(best[0]), *said[1:]] if best and best[0][0] == first[0] else said

    def _read(self, word: str, name: bool = False) -> tuple[str, ...]:
        """`word` as understand() reads it: corrected, then as the synonyms the profile uses
        (_correct, _synonyms). Both depend on the word and the profile only, so each word's
        reading is kept (up to _READINGS words, then the kept ones are let go). A word typed
        as a name is corrected only into a name the profile writes ('Kubernets', not
        'Linkerd' into 'linked')."""
        read = self._readings.get(word)
        if read is None:
            if len(self._readings) >= _READINGS:
                self._readings.clear()
            # A word naming an owner's key reads as itself ('hobbies' of outside_work, not
            # the 'interests' of their research).
            read = self._readings[word] = (word,) if word in self.owner_keys \
                else tuple(self._synonyms(self._correct(word)))
        if name and read != (word,) and not set(read) <= self.name_words:
            return tuple(self._synonyms(word))
        return read

    def _correct(self, word: str) -> str:
        """`word` with a typo fixed (_nearest); a well-known tool's name only into a skill
        the profile lists ('sqlite': its 'sqflite'), no other word ('swift' of a project
        called 'Night Shift')."""
        fixed = self._nearest(word)
        if fixed != word and word in _TECH and fixed not in self.skill_name_words:
            return word
        return fixed

    def _nearest(self, word: str) -> str:
        """Fix a typo when one edit (two in a long word) turns it into a profile or cue word.
        A word of five letters only into a name, and a shorter one not at all: one edit makes
        another everyday word of most ('story' is no 'store', nor 'storm')."""
        if len(word) >= 4 and word[-1] == "s" and word[-2] != "s" \
                and stem(word) not in self.vocab and stem(word[:-1]) in self.vocab:
            # The plural of a name Snowball keeps whole ('CVEs', 'GPUs', 'FPGAs'): the name.
            return word[:-1]
        if len(word) == 5 and word.isalpha() and word not in STOPWORDS \
                and stem(word) not in self.vocab and stem(word) not in self.weight \
                and stem(word) not in self.filler:
            # A word of five letters one slip from a listed skill, project or link name
            # ('pyton', 'githb'): that name.
            best = extractOne(word, self.short_names, scorer=OSA.distance, score_cutoff=1)
            return str(best[0]) if best and best[0][0] == word[0] else word
        # Nor the owner's own name ('Travis' is no slip of the site 'travisk.example.net').
        if len(word) < 6 or not word.isalpha() or word in STOPWORDS or stem(word) in self.vocab \
                or word in self.owner_keys or word in self.owner:
            return word
        # The profile's spelling first: 'analyser' where it writes 'analyzer' is no kind of
        # tool asked for.
        # Nor a word the lexicon reads as one the profile uses ('advisor': 'supervisor', not
        # 'advisory').
        spelt = self._other_spelling(word)
        if spelt != word or self._of_kind(word) or stem(word) in self.weight \
                or stem(word) in self.filler or self._synonyms(word) != [word]:
            return spelt
        cutoff = 1 if len(word) < 8 else 2
        # Cue words only fix long words, by one edit: 'react' must not become 'reach', nor
        # 'computer' 'commute'.
        for known, most in ((self.profile_words, cutoff),
                            (self.cue_words if len(word) >= 7 else [], 1)):
            # The nearest that starts alike and is not the word cut short ('enginez' is
            # 'engines', not 'engine').
            for near, _, _ in extract(word, known, scorer=OSA.distance,
                                      score_cutoff=most, limit=3):
                # A field asked is no misspelt other word ('religion' is no 'region'), but
                # may be another field's ('referees': 'references'). A word spelt right is
                # read only as a form of itself, sharing all but its last three letters
                # ('academia': 'academic'), never as another word ('patents': 'patients').
                if near[0] == word[0] and not _cut_short(word, str(near)) and (
                        stem(word) not in self.required or stem(str(near)) in self.required) \
                        and (len(os.path.commonprefix([word, str(near)]))
                             >= min(len(word), len(str(near))) - 3 or not _english_word(word)):
                    return str(near)
        return word

    def _of_kind(self, word: str) -> bool:
        """True when `word` names a kind of tool the profile lists one of ('monitoring':
        Prometheus), which is no typo of another word ('mentoring')."""
        return stem(word) in self.kinds and self._synonyms(word) != [word]

    def _other_spelling(self, word: str) -> str:
        """`word` in the other of British and American spelling when the profile uses that
        one ('licence': 'MIT licensed', 'modernized': 'modernised'); else `word`."""
        return next((s for s in self._respelt(word) if stem(s) in self.vocab), word)

    def _respelt(self, word: str) -> list[str]:
        """`word` in the other of British and American spelling (breame's tables), if any."""
        return [w for w in dict.fromkeys((american(word), british(word))) if w != word]

    def _one_word_synonyms(self, word: str) -> set[str]:
        """The lexicon's synonyms of `word` and instances of a kind it names, of one word."""
        return {s for s in self.synonyms.get(word, []) + self.kinds.get(stem(word), [])
                if " " not in s}

    def _synonyms(self, word: str) -> list[str]:
        """`word`, or the synonyms of it that the profile uses ('charge' -> 'rate')."""
        kind = self.kinds.get(stem(word)) if word not in ("profile", "profiles") else None
        if stem(word) in (self.own_vocab if kind else self.vocab):
            return [word]
        # A name of several words stands in when the profile uses it as a whole ('ci':
        # 'github actions'), as its words.
        named = self.synonyms.get(word) or kind or []
        known = [p for s in named for p in self._written_words(s)]
        return known or self._written_out(word)

    def _written_words(self, name: str) -> list[str]:
        """The words of a synonym or a kind's instance the profile writes, if it does: one
        word by its stem or as a project's tech, several as a whole ('github actions'), or
        between the marks it writes them with ('u-boot': 'U-Boot'); else none. The rest of
        a skill's name that starts with a stopword is that name ('canopen': 'CAN / CANopen')."""
        if name in self.stopword_skill_rest:
            return self.stopword_skill_rest[name]
        if " " not in name and stem(name) in self.vocab:
            return [name] if name not in self.uncued or name in self.uncued_said else []
        if " " not in name and f" {name} " in self.folded:  # a project's tech only
            return [name]
        if " " in name and f" {name} " in self.folded:
            return name.split()
        parts = _NOT_WORD.sub(" ", name).split()
        return parts if len(parts) > 1 and f" {' '.join(parts)} " in self.folded else []

    def _written_out(self, word: str) -> list[str]:
        """An acronym the profile only writes out, by the initials of four or more of its
        words in a row ('mttr': mean time to recovery); else `word`."""
        if word in STOPWORDS or stem(word) in self.weight or stem(word) in self.filler \
                or word in _TECH:  # 'scala' is no 'she cares a lot about'
            return [word]
        return list(self.initials.get(word, (word,)))

    def _content(self, raw: Sequence[str]) -> list[str]:
        """The stems that carry meaning: no stopwords, no owner name or pronouns."""
        return [stem(w) for w in raw if w not in STOPWORDS and w not in self.owner
                and not w.isdigit() and len(w) > 1]

    def _field_modifiers(self, raw: list[str]) -> set[str]:
        """Field words the profile lacks right before one it has, which is the field asked
        for: 'visa' in 'visa sponsorship', 'permit' in 'work permit sponsorship'; and those
        the profile writes itself before the word that follows ('street' of 'the street
        light rollout', where it writes 'street-light controllers')."""
        return {a for a, b in zip(raw, raw[1:], strict=False)
                if stem(a) in self.required and (
                    stem(b) in self.required and stem(b) in (
                        self.field_names if stem(b) in self.field_only else self.vocab)
                    or b.isalpha() and re.search(rf"\b{re.escape(a)}[ -]{re.escape(stem(b))}",
                                                 self.folded))}

    def _is_missing(self, word: str, named: set[str], names: set[str]) -> bool:
        """True when `word` asks about something the profile never mentions."""
        if word in STOPWORDS or word in NEGATIONS or word in self.owner or word in named \
                or len(word) < 2 or word in SPOKEN:  # 'human languages' asks for the spoken ones
            return False
        if word in MONTHS:  # 'free to start this July': a time asked, no thing lacking
            return False
        if word in _SPEED_COMPARED:  # 'how much faster did the build get': by how much, no thing
            return False
        if len(word) >= 4 and any(t.endswith(word) for t in self.tongues):
            return False  # 'zulu' of isiZulu, 'tswana' of Setswana
        s = stem(word)
        if word in names and s in self.filler and s not in self.vocab:
            return True  # a name typed as one, though also an everyday word: 'know Go'

        # 'phone' is covered by a phone field, not by 'phones'; but phones, the things
        # ('fixed phones for four years'), are words like any other.
        if s in self.field_only and word not in _THINGS_NOT_FIELDS:
            # (or by a field of its synonym: 'salary' by a compensation key)
            return s not in self.field_names and not {
                stem(w) for w in self.synonyms.get(word, ())} & self.field_names
        if s in self.vocab or word.isdigit() or fold(word) in self.link_aliases:
            return False
        if len(s) >= 5 and any(s + end in self.vocab for end in DERIVED):
            return False  # 'sponsoring' where the profile says 'sponsorship'
        if s in self.required:  # unless a key is named for it ('outside_work': hobbies)
            return s not in self.field_names
        return s not in self.weight and s not in self.filler and s not in self.aspect_stems

    def _own_word_only(self, phrase: str, meaning: str) -> bool:
        """True for a one-word phrase the profile writes itself and never in the word it
        stands for ('Doctorate in Physics' and no 'PhD': 'doctorate' stays)."""
        return " " not in phrase and f" {phrase} " in self.folded \
            and f" {meaning} " not in self.folded

    def _phrased(self, text: str) -> str:
        """`text` (folded) with the lexicon's phrases in their one word ('notice period':
        'notice')."""
        for phrase, pattern, meaning in self.phrase_patterns:
            if phrase in text:  # no match without it: most questions use none of them
                text = pattern.sub(meaning, text)
        return text

    def _names_respaced(self, raw: list[str]) -> list[str]:
        """`raw` with a project's or company's name written as the profile writes it where
        the question runs its words together or apart ('hoppersync', 'revert map') or
        slips one letter in a word the profile never uses ('puhja' for Puhuja)."""
        out: list[str] = []
        padded = f" {' '.join(raw)} "
        at = 0
        while at < len(raw):
            for n in (3, 2, 1):
                joined = "".join(raw[at:at + n])
                name = self.run_together.get(joined)
                if name is None and n == 1:
                    name = self._name_slip(joined)
                if name is None and n == 2 and self._spelt_apart(raw[at:at + 2]):
                    name = [joined]
                if name is None and n == 1:
                    name = self._typed_together(joined)
                # Not the joined form words() adds of a name written with hyphens.
                if name is not None and len(raw[at:at + n]) == n \
                        and f" {' '.join(name)} " not in padded:
                    out += name
                    at += n
                    break
            else:
                out.append(raw[at])
                at += 1
        return out

    def _spelt_apart(self, pair: list[str]) -> bool:
        """Whether two words are one word of the profile's written apart ('hugging face'),
        one of them a word the profile never uses ('roll back' stays, of a profile that
        writes both 'rollback' and 'rolls back'); not of everyday words ('some thing')."""
        return len(pair) == 2 and "".join(pair) in self.long_words \
            and not any(w in STOPWORDS or len(w) < 3 for w in pair) \
            and not all(stem(w) in self.vocab for w in pair)

    def _typed_together(self, word: str) -> list[str] | None:
        """The two words the profile writes side by side that `word` runs together ('dayrate'
        for 'Day rate', 'fulltime'), if it is no word the profile uses."""
        if len(word) < 6 or not word.isalpha() or stem(word) in self.vocab:
            return None
        for cut in range(3, len(word) - 2):
            first, second = word[:cut], word[cut:]
            # Not two words of a name ('screenreaders' is no Screen Reader Bootcamp asked).
            if (stem(first), stem(second)) in self.stem_pairs \
                    and first not in STOPWORDS and second not in STOPWORDS \
                    and not {stem(first), stem(second)} <= self.name_stems:
                return [first, second]
        return None

    def _name_slip(self, word: str) -> list[str] | None:
        """The name `word` misspells by one edit (its first letter kept), or as it sounds, if
        it is no word the profile uses nor a field ('salary')."""
        if len(word) < 5 or not word.isalpha() or stem(word) in self.vocab \
                or word in STOPWORDS or stem(word) in self.weight or stem(word) in self.filler \
                or stem(word) in self.required or word in _TECH:  # 'salary' is no 'Celery'
            return None  # nor 'Swift' 'ShiftSwap', nor 'detail' (a filler) 'Tidal Loom'
        best = extractOne(word, self.run_together_names, scorer=OSA.distance, score_cutoff=1)
        if best and best[0][0] == word[0]:
            return self.run_together[best[0]]
        sound = metaphone(word)
        # A skill only with its first four letters as typed: 'filter' is no Flutter.
        if (skill := self.skill_sounds.get(sound, "")) and skill[:4] == word[:4]:
            return [skill]
        return self.name_sounds.get(sound)

    def _skills_beside_names(self, found: dict[str, list[int | str]],
                             raw: list[str]) -> list[int | str]:
        """The skills found, but those whose every word is a word of a project's or job's
        name found ('slurm' of slurm-sieve), or that the question names only inside one
        ('step' of step-slim is no STEP (ISO 10303))."""
        named = [e.full.split() for e in self.entities
                 if e.kind != "skill" and e.key in found[e.kind]]
        if not named:
            return found["skill"]
        inside = {w for name in named for w in name}
        whole, rest = f" {' '.join(raw)} ", f" {' '.join(self._words_beside_names(raw))} "
        spots = {k: [spot for e, spot, _ in self.entity_spots if e.kind == "skill" and e.key == k]
                 for k in found["skill"]}
        return [k for k in found["skill"] if not self._skill_words(k) <= inside
                and not (any(s in whole for s in spots[k])
                         and not any(s in rest for s in spots[k]))]

    def _words_beside_names(self, raw: list[str]) -> list[str]:
        """`raw` without the project and company names in it: the 'no' of 'no-show
        forecaster' negates nothing."""
        padded = f" {' '.join(raw)} "
        for e in self.entities:
            if e.kind != "skill" and f" {e.full} " in padded:
                padded = padded.replace(f" {e.full} ", " ")
        return padded.split()

    def _find_entities(self, text: str, raw: list[str]) -> dict[str, list[int | str]]:
        """Projects, jobs and skills named in `text`, strongest (full names) first."""
        found: dict[str, list[int | str]] = {"project": [], "job": [], "skill": []}
        padded = f" {text} "
        spotted = [(e, spot) for e, spot, then_to in self.entity_spots if spot in padded
                   and not (e.kind == "skill" and then_to in padded)]  # 'go to'
        for e, spot in spotted:
            # Not a project's or company's name inside a longer one of its kind that the
            # question writes: 'Castlegate University, School of Earth ...' names that job,
            # not the one at 'Castlegate University'.
            if e.key not in found[e.kind] and not any(
                    other.kind == e.kind != "skill" and other.key != e.key and spot in longer
                    and len(longer) > len(spot) for other, longer in spotted):
                found[e.kind].append(e.key)
        if found["project"] or found["job"]:
            return found
        # A word of a skill named in full is that skill's ('does she know CAN / CANopen'
        # names no project 'canopen-lite'), unless the question's other words are the
        # project's ('link to the Gateway API conformance dashboard').
        in_skill = {w for e, spot in spotted if e.kind == "skill" for w in spot.split()}
        for e in self.entities:
            # Not a word that asks a topic of its own: 'university' alone asks education,
            # not the job at the University of Cape Town; nor the owner's own name of a
            # project ('who is saltmarsh' asks of the owner, not of the Saltmarsh Checklist;
            # a firm named for them, 'Okafor Digital', is their job still), nor the name they
            # go by alone ('what time zone is paeng in' asks of them, not of Paeng Builds).
            naming = [w for w in e.partial if w in raw and stem(w) not in self.cue_stems
                      and not (e.kind == "project" and w in self.owner)]
            if naming and {*naming, *(w for w in e.full.split() if w in raw)} <= self.nicknames:
                continue
            if e.kind != "skill" and naming and e.key not in found[e.kind] \
                    and self._fits(e, raw) and not (set(naming) <= in_skill
                                                    and not self._fits(e, raw, in_skill)):
                found[e.kind].append(e.key)
        if not (found["project"] or found["job"]) and (m := _AT_THE.search(text)) \
                and self._only_asks_where(raw, m.group(1), m.group(2)):
            # 'her job title at the hospital': the one job whose employer, role or own keys
            # say so ('the conservation charity'), though 'hospital' is too common a word to
            # name it anywhere else.
            at = [i for i, said in enumerate(self.job_words)
                  if m.group(2) in said and m.group(1) in (None, *said)]
            found["job"] += at[:1] if len(at) == 1 else []
        return found

    def _only_asks_where(self, raw: list[str], modifier: str | None, place: str) -> bool:
        """True when the question's words besides the `place` (and its `modifier`) only ask
        of a job ('what was her role', 'when was she'), not of something done there ('how
        much did he shrink the batch window at the bank', 'what does Ifeoma handle at the
        studio')."""
        rest = {stem(w) for w in raw if w not in STOPWORDS and w not in self.owner
                and w not in (modifier, place) and len(w) > 2}
        return place not in STOPWORDS and rest <= self.cue_stems | self.filler

    def _of_those_listed(self, q: Query, readings: list[tuple[str, ...]]) -> Query:
        """'Which static analysers does she use', read as the analysers the lexicon knows:
        the ones among her skills answer it (Semgrep, CodeQL); another the profile writes
        only by a word of its stem ('Coverity' of 'cover') is no part of it that the profile
        lacks."""
        if not q.skills:
            return q
        listed = set().union(*(self._skill_words(k) for k in q.skills))
        others = {w for read in readings if len(read) > 1 and set(read) & listed
                  for w in read if f" {w} " not in self.folded} - listed
        if not others:
            return q
        gone = {stem(w) for w in others}
        return replace(q, missing=tuple(w for w in q.missing if w not in others),
                       which=tuple(w for w in q.which if w not in others),
                       topic=tuple(t for t in q.topic if t not in gone),
                       asked=tuple(t for t in q.asked if t not in gone))

    def _not_in_title(self, titles: Sequence[str],
                      found: dict[str, list[int | str]]) -> dict[str, list[int | str]]:
        """Without the names inside the `titles` of a talk, paper or dataset the question
        names ('what venue is UralLemma: a lemmatisation benchmark for ...' asks the paper,
        not the UralLemma project): the entry's own line answers."""
        inside = {(e.kind, e.key) for t in titles for e, spot, _ in self.entity_spots
                  if spot in f" {t} "}
        return {kind: [k for k in keys if (kind, k) not in inside]
                for kind, keys in found.items()}

    def _fits(self, e: _Entity, raw: list[str], beside: set[str] | None = None) -> bool:
        """True when one word of a longer name ('ledger' of 'Ledger chaos drills') names
        that project or job: its record holds one of the question's other topic words the
        profile uses, or there are none ('tell me about ledger'). Not 'matches bank
        statements with the ledger' when another record says that: one word is a weak name.
        With `beside` (the words of a skill named), only another word of its record fits."""
        if beside is not None:  # its name's other words too ('the Kokkos course')
            rest = {stem(w) for w in raw if w not in STOPWORDS and w not in self.owner
                    and w not in beside and len(w) > 2}
            return bool(rest & (self.records.get((e.kind, int(e.key)), set())
                                | {stem(w) for w in e.partial}))
        other = {stem(w) for w in raw if w not in STOPWORDS and w not in self.owner
                 and w not in e.partial and len(w) > 2} & self.naming_vocab
        if self._topic_entry(raw, [*other, *(stem(w) for w in e.partial if w in raw)]):
            return False  # 'the lobby register article' is no Lobby Tracker
        if all(self.only_in.get(stem(w)) == (e.kind, e.key) for w in e.partial if w in raw):
            return True  # a word only its own record uses ('longreach'): a name still
        return not other or bool(other & self.records.get((e.kind, int(e.key)), set()))

    def _acronyms(self, question: str, known: list[int | str]) -> list[int | str]:
        """Skills named by an acronym typed in capitals that is also an everyday word:
        'does he know CAN' asks about 'CAN bus', though 'can' alone is a stopword."""
        if not self.stopword_skills:
            return []
        caps = {fold(w) for w in re.findall(r"\b[A-Z][A-Z0-9]+\b", question)}
        return [key for key, first in self.stopword_skills if key not in known and first in caps]

    def _described(self, raw: list[str]) -> tuple[dict[str, list[int | str]], list[str]]:
        """The project or job a question names by what it is ('the booking system', 'her
        bootcamp placement'): the one whose name, summary or role shares the most words with
        what follows 'the', 'his', 'her' or 'their'; with those words."""
        none: dict[str, list[int | str]] = {"project": [], "job": [], "skill": []}
        for at, word in enumerate(raw):
            if word not in ("the", "his", "her", "their", "that"):
                continue
            phrase = [w for w in raw[at + 1: at + 6] if w not in STOPWORDS][:4]
            # Only a phrase that names a kind of thing: 'the booking system', not 'her salary';
            # or the visitor's own word for it, one the profile never uses, after a word
            # that describes it ('the diagnostics company', 'the weed-spotting rover').
            thing = next((n for n, w in enumerate(phrase) if w in self.things), -1)
            if thing < 0 and len(phrase) >= 2 and stem(phrase[1]) not in self.vocab \
                    and stem(phrase[1]) not in self.required \
                    and phrase[1] not in self.amount:  # 'her home address', 'the course cost'
                thing = 1
            if thing < 1:
                continue
            said = {stem(w) for w in phrase[:thing]} - self.filler
            kinds = ("job",) if phrase[thing] in self.workplaces else ("job", "project")
            phrase = phrase[:thing + 1]  # the kind of thing names it too: not a part asked
            # The kind of thing counts too, after the words before it: 'the storage engine'
            # is Lumikko's 'storage engine', not Kuormitus's 'storage stack'.
            kind_of = stem(phrase[thing])
            scores = sorted(((len(said & head) + 0.5 * (kind_of in head) * bool(said & head),
                              kind, i) for kind, i, head in self.heads if kind in kinds),
                            reverse=True)
            if kinds == ("job",) and not (scores and scores[0][0]):
                # A company described by what its job's record says ('the motorbike delivery
                # company': the courier job whose highlight has motorbike riders and
                # deliveries), when that job's record holds the most of the words.
                told = said | set(stems(" ".join(phrase[:thing]).replace("-", " "))) - self.filler
                scores = sorted(((len(told & self.records.get(("job", i), set())), "job", i)
                                 for i in range(len(self.profile.experience))), reverse=True)
            if scores and scores[0][0] and (len(scores) == 1 or scores[1][0] < scores[0][0]):
                _, kind, i = scores[0]
                # A word before the kind that the profile never uses is not its name ('the
                # Bled Huts booking site' of Bohinj Huts): still a word it may lack. (A skill's
                # name and a word run together, 'tickdata' of 'tick-data', are its own.)
                known = {a + b for a, b in zip(raw, raw[1:], strict=False)} | {
                    w for e in self.entities if e.kind == "skill" for w in e.full.split()}
                return {**none, kind: [i]}, [w for n, w in enumerate(phrase) if n == thing
                                             or stem(w) in self.vocab or w in known]
        return none, []

    def _own_words(self, facts: Sequence[Fact]) -> dict[str, int]:
        """The stems only one job's title line or keys use, and no fact outside it ('accra' of
        its location key, 'oxford' of its company): each names that job."""
        owners: dict[str, set[int]] = {}
        for f in facts:
            # A job names itself by its title line and keys, not by what its highlights name.
            naming = f.job < 0 or f.kind in ("job", "extra")
            for s in set(stems(f"{f.text} {f.keys}")) if naming else ():
                owners.setdefault(s, set()).add(f.job)
        plain = self.filler | self.cue_stems | self.aspect_stems | self.owner
        return {s: next(iter(js)) for s, js in owners.items()
                if len(js) == 1 and min(js) >= 0 and s not in plain and len(s) > 2}

    def _keyed_by(self, found: dict[str, list[int | str]], said: frozenset[str]) -> bool:
        """True when a project or job found has a key of its own that one of the words
        `said` asks for ('paid': its funding key)."""
        at = [("project", int(i)) for i in found["project"]] + \
            [("job", int(i)) for i in found["job"]]
        return any({stem(w) for w in said} & self.key_names.get(a, frozenset()) for a in at)

    def _by_own_key(self, raw: list[str]) -> tuple[str, int] | None:
        """The one project or job with a key of its own that the question asks in the
        lexicon's words for it, which the profile never uses otherwise ('how is retention on
        his team': the job whose metrics give its attrition); else None."""
        said = {stem(w) for w in raw}
        if said <= self.vocab:
            return None
        # 'is grafana-lite still maintained', 'retention at ferrolog': of a thing the
        # profile never names.
        thing = _KEY_OF.search(" ".join(raw))
        things = [thing.group(1) or thing.group(2)] if thing else []
        things += [b for a, b in zip(raw, raw[1:], strict=False)
                   if a in ("at", "for", "of", "on", "in") and b not in STOPWORDS]
        if any(stem(w) not in self.vocab for w in things):
            return None
        found = [at for at, asked in self.key_asked.items() if asked & said]
        return found[0] if len(found) == 1 else None

    def _own_business(self) -> tuple[str, ...] | int | None:
        """The owner's key that names their own business ('company_name'), else the one job
        they hold as its founder, owner or principal, else the one they hold on their own
        (freelance, independent), else a key for the business ('studio': what it says of
        it), else None."""
        keys = [(path, said) for path in _owner_paths(self.profile.extra)
                if (said := set(words(path[-1].rsplit(".", 1)[-1].replace("_", " "))))
                & _BUSINESS]
        named = [path for path, said in keys if "name" in said]
        current = [(i, job) for i, job in enumerate(self.profile.experience) if is_current(job)]
        held = [i for i, job in current if _OWNS.search(job.role)]
        alone = [i for i, job in current if _ON_OWN.search(fold(f"{job.role} {job.company}"))]
        return named[0] if len(named) == 1 else held[0] if len(held) == 1 \
            else alone[0] if not held and len(alone) == 1 \
            else keys[0][0] if len(keys) == 1 else None

    def _job_by_place(self, raw: list[str]) -> list[int | str]:
        """The one job a question names by its place: 'in' or 'at' a word only its title
        line or keys use ('what was his job title in Ghana', 'what did he automate back in
        accra'), or 'for the' one ('what did he write for the county'). The word stays
        asked: the job's place key may be what is asked."""
        said = {self.own_words[s] for before, w in zip(raw, raw[1:], strict=False)
                if before in ("in", "at") and (s := stem(w)) in self.own_words}
        said |= {self.own_words[s] for before, the, w in zip(raw, raw[1:], raw[2:], strict=False)
                 if (before, the) == ("for", "the") and (s := stem(w)) in self.own_words}
        return [said.pop()] if len(said) == 1 else []

    def _described_by_record(self, raw: list[str],
                             links: tuple[tuple[str, ...], tuple[str, ...]]
                             ) -> tuple[dict[str, list[int | str]], list[str]]:
        """The project a question describes by what its record says, when it clearly wins
        (`links`: what _links() finds in `raw`).

        The question's topic words are BM25-ranked over every fact unit. When the best fact
        belongs to a project and scores well ahead of every fact outside that project, and
        the project's record holds at least half of those words, it is taken as named.
        """
        none: dict[str, list[int | str]] = {"project": [], "job": [], "skill": []}
        # A field word asks the owner's field ('what's her day rate'), no project's part.
        plain = self.undescribing
        asked = {s: w for w in raw if w not in STOPWORDS and w not in self.owner
                 and (s := stem(w)) not in plain and len(w) > 2}
        present, lacking = links
        # Asking for the CV or LinkedIn is no description; a code or site link may be the
        # project's ('the code for the soil moisture firmware').
        if not asked or lacking or set(present) - self.project_links or not self.fact_owner:
            return none, []
        # A stem the profile never uses may still start one it does ('forest': 'forestri').
        terms = {s: ({s} if s in self.ranker.vocab else
                     self.ranker.starting_with(s) if len(s) >= 5 else set())
                 for s in asked}
        query = sorted(set().union(*terms.values()))
        thing = _KEY_OF.search(" ".join(raw)) if not all(terms.values()) else None
        if not query or thing and not terms.get(stem(thing.group(1) or thing.group(2)), True):
            # 'is bpfview still maintained': the thing asked of is one the profile never
            # names, whatever its other words describe.
            return none, []
        scores = self.ranker.scores(query)
        values = scores.tolist()  # the same figures as Python floats: quicker to go through
        best = max(range(len(values)), key=values.__getitem__)
        project = self.fact_owner[best]
        outside = max((x for x, p in zip(values, self.fact_owner, strict=True)
                       if p != project), default=0.0)
        if project < 0 or scores[best] <= 0 or outside * 1.5 > scores[best]:
            return none, []
        record = self.records.get(("project", project), set())
        held = [s for s, ts in terms.items() if ts & record]
        if 2 * len(held) < len(asked) or self._topic_entry(raw, held):
            return none, []
        said = {stem(w) for w in raw} - record
        if len(held) < 2 and any(self.cues[i] & said for i in PRACTICAL):
            return none, []  # 'earliest they could join a new team': one word is no project
        # Its words stay asked: the parts of the project that hold them are the answer.
        return {**none, "project": [project]}, [asked[s] for s in held]

    def _topic_entry(self, raw: list[str], held: Sequence[str]) -> bool:
        """True when the question calls what it describes by a topic's noun ('the lobby
        register article') and an entry of the owner's list for that topic holds its words
        ('Scraping Chile's lobby register'): that entry, not a project, is described."""
        said = {stem(w) for w in raw}
        return any(set(held) <= entry for i, entries in self.topic_entries.items()
                   if self.cues[i] & said for entry in entries)

    def _from_history(self, raw: list[str], history: Sequence[Exchange]
                      ) -> dict[str, list[int | str]]:
        """What 'it', 'that job' or 'the second one' refers to, from the conversation."""
        none: dict[str, list[int | str]] = {"project": [], "job": [], "skill": []}
        ordinal = next((_ORDINALS[w] for w in raw if w in _ORDINALS), None)
        want = "job" if {"job", "role", "company", "there", "employer"} & set(raw) \
            or _STEPS & set(raw) else ""
        for exchange in reversed(history[-6:]):
            mentions = self._mentions(fold(exchange.text), want)
            if ordinal is not None and exchange.role == "assistant" and len(mentions) > 1:
                kind, key = mentions[ordinal] if -len(mentions) <= ordinal < len(mentions) \
                    else mentions[-1]
                return {**none, kind: [key]}
            first = exchange.text.split("\n")[0]
            if exchange.role == "assistant" and first.startswith("-") and ordinal is None:
                return none  # a list of talks or awards: a thing it names in passing is no 'it'
            # An answer that opens on a skill ('Yes: Kubernetes is one of her skills') is
            # about it: 'what did she do with it'. Not one that names a skill further on.
            opening = " ".join(words(first)[:3])
            lead = self._mentions(opening, "", skills=True) \
                if exchange.role == "assistant" and not want and ordinal is None else []
            if lead and lead[0][0] == "skill":
                return {**none, "skill": [lead[0][1]]}
            if exchange.role == "assistant" and len(mentions) > 1 and not first.startswith("-"):
                # An answer about one thing names it first, on its first line ('Priya
                # worked as Founding Engineer at Ampling: - built GridShift'); a list
                # names none there.
                mentions = self._mentions(fold(first), want)
            if mentions and ordinal is None and (exchange.role == "visitor" or len(mentions) == 1):
                kind, key = mentions[0]
                if kind == "job":  # 'and before that?': the job before the one just named
                    key = self._job_beside(int(key), raw)
                return {**none, kind: [key]}
        return none

    def _fitting(self, found: dict[str, list[int | str]], raw: list[str]
                 ) -> dict[str, list[int | str]]:
        """The project or job carried over from the conversation, unless a short question
        with no 'it' or 'that' asks a topic its record never mentions ('5g?' after an
        answer about a NOC job the 5G launch is not part of): then a question of its own."""
        if self._refers(raw):
            return found
        kind = "project" if found["project"] else "job" if found["job"] else ""
        if not kind:
            return found
        record = self.records.get((kind, int(found[kind][0])), set())
        topic = {s for s in self._content(raw) if s in self.vocab and s not in self.cue_stems
                 and s not in self.filler and s not in self.aspect_stems}
        return found if topic <= record else {"project": [], "job": [], "skill": []}

    def _job_beside(self, job: int, raw: list[str]) -> int:
        """The job before or after `job` when the question asks so ('and before that?',
        'what came after it'), else `job`."""
        step = -1 if _BEFORE & set(raw) else 1 if _STEPS & set(raw) else 0
        order = self.job_order
        at = order.index(job) + step
        return order[at] if step and 0 <= at < len(order) else job

    def _follows_on(self, raw: list[str]) -> bool:
        """True when a question names nothing and goes on with the conversation: 'the
        second one', 'who uses it', or a short one with no topic of its own ('any tests?',
        'stack?')."""
        if self._refers(raw):
            return True
        # 'what has he built' asks of the owner; 'any tests?' of what was just discussed;
        # 'linkedin?' of the owner too (a project has a repo or a site, not a LinkedIn).
        owners_link = any(w in self.link_aliases and stem(w) not in self.aspects["link"]
                          for w in raw)
        return len(raw) <= 5 and not owners_link and not (self.owner | OWNER_PRONOUNS) & set(raw) \
            and not self.standalone & {stem(w) for w in raw}

    def _refers(self, raw: list[str]) -> bool:
        """True when a question points back: 'the second one', 'who uses it', 'that job'.
        Not 'them' or 'their' for an owner who is they/them."""
        return any(w in _ORDINALS for w in raw) or bool((self.refer - self.owner) & set(raw))

    def _mentions(self, text: str, want: str, skills: bool = False
                  ) -> list[tuple[str, int | str]]:
        """Projects and jobs (and skills, if asked) named in `text`, in the order they
        appear."""
        padded = " " + " ".join(words(text)) + " "
        spots = []
        for e in self.entities:
            if e.kind == "skill" and not skills or (want and e.kind != want):
                continue
            at = padded.find(f" {e.full} ")
            if at >= 0:
                spots.append((at, e.kind, e.key))
        return [(kind, key) for _, kind, key in sorted(spots)]

    def _links(self, raw: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """contact.links keys the question names, and named kinds the profile lacks."""
        said = set(raw)
        two = [f"{a} {b}" for a, b in zip(raw, raw[1:], strict=False)]
        asked = {self.link_aliases[w] for w in raw if w in self.link_aliases}
        asked |= {self.link_aliases[p] for p in two if p in self.link_aliases}
        phrased = {self.link_phrases[p] for p in two if p in self.link_phrases}
        if not {"where", "see", "link", "look", "find", "show", "check", "url"} & said:
            phrased.discard("code")  # 'does their code have tests' asks no link
        asked |= phrased
        pairs = {a + b for a, b in zip(raw, raw[1:], strict=False)}  # 'hugging face'
        # A key that is an everyday word of the owner's ('course', 'booking') is asked as a
        # link by a word that looks for one, or alone: 'how long is the course' asks of it.
        looking = bool(_LOOKING & said) or not said - STOPWORDS - self.owner \
            - self.link_key_words
        for name, joined, kind in self.link_names:  # a key no alias lists: 'huggingface'
            if (name in said or joined in pairs) \
                    and (looking or name not in self.plain_link_names):
                asked.add(kind)
        weak = {"website", "blog"} if {"project", "projects", "app"} & said else set()
        present = tuple(v for k in sorted(asked) if k in self.link_keys
                        for v in self._in_language_asked(self.link_keys[k], said))
        if self.blog_said and not _LOOKING & said:
            weak.add("blog")
        lacking = tuple(k for k in sorted(asked - weak - self.kept_kinds)
                        if k not in self.link_keys)
        return present, lacking

    def _link_words(self, raw: list[str], said: list[str],
                    readings: list[tuple[str, ...]]) -> list[str]:
        """The words of `raw` that may name a link: not a tool a kind of tool was read as
        ('which version control': Git, no GitHub link), nor a link's other name that is a
        tool's ('git') where a skill is asked of it ('does she know git')."""
        by_kind = {r for w, read in zip(said, readings, strict=True) if self._of_kind(w)
                   for r in read} - set(said)
        skill_asked = bool(_SKILL_ASKED & set(said))
        return [w for w in raw if w not in by_kind and not (
            skill_asked and w in self.tool_names and self.link_aliases.get(w, w) != w)]

    def _in_language_asked(self, key: str, said: set[str]) -> list[str]:
        """`key` with its versions in other languages ('cv' and 'cv_fr'), or the one in the
        language asked ('the cv in french': 'cv_fr'; 'in english': 'cv', unless a 'cv_en')."""
        versions = {m.group(1): k for k in self.all_links
                    if (m := re.fullmatch(rf"{re.escape(fold(key))}[_-]([a-z]{{2}})", fold(k)))
                    and m.group(1) in _LINK_LANGUAGES}
        asked = [code for code, names in _LINK_LANGUAGES.items() if said & names
                 and (code in versions or code == "en")]
        if asked:
            return [versions.get(asked[0], key)]
        return [key, *versions.values()]

    def _groups(self, content: list[str]) -> tuple[str, ...]:
        """Skill groups whose name the question uses ('frontend', 'Cloud & DevOps')."""
        said = set(content)
        return tuple(g for g, named in self.group_stems if named & said)

    def _skill_kind(self, raw: list[str]) -> str:
        """'programming' or 'database' when the question asks for that kind of skill."""
        if {"database", "databases", "db", "dbs", "datastore", "datastores"} & set(raw):
            return "database"
        # Whole words: 'code' (a repository) is not 'coding' (a language).
        if {"programming", "coding", "language", "languages", "script", "scripts",
            "scripting"} & set(raw) \
                and not (SPOKEN | self.tongues) & set(raw):
            return "programming"
        return ""

    def _why_faq(self, raw: list[str], content: list[str], names: set[str]) -> int:
        """The FAQ entry this question asks; for a 'why' question with none, the one 'why'
        entry sharing the most of its words, everyday ones too ('why'd they leave the
        classroom': 'Why did Ash leave teaching?'). Not an entry that leaves out a name the
        question types and the profile uses ('has she published at ICLR' is no 'Does she
        still publish?': her papers answer)."""
        named = {stem(w) for w in names if stem(w) in self.vocab and w not in self.owner
                 and len(w) > 2}  # not 'UI' of 'can she do UI design'
        found = self._faq(content, named)
        if found < 0:
            found = self._field_faq(raw, content)
        if found >= 0 or "why" not in raw:
            return found
        shared = [(len(set(content) & q_stems), i) for i, (q_stems, _) in enumerate(self.faqs)
                  if fold(self.profile.faq[i].question).startswith("why")]
        shared.sort(reverse=True)
        if shared and shared[0][0] and (len(shared) == 1 or shared[1][0] < shared[0][0]):
            return shared[0][1]
        return -1

    def _field_faq(self, raw: list[str], content: list[str]) -> int:
        """The one FAQ entry whose question names a field the question asks for, in its
        word or a synonym of it ('whats the pay expectation': 'What salary are you looking
        for?'): the owner's own answer for a field the profile has no key for; else -1. Not
        for a field asked alone that a key of its own names ('is she doing a masters' of an
        MSc listed is no 'Will the MSc get in the way of a full-time job?')."""
        fields = {stem(s) for w in raw if stem(w) in self.required
                  for s in (w, *self.synonyms.get(w, ()))}
        if fields & self.key_stems and set(content) - self.filler <= fields:
            return -1
        asking = [i for i, (q_stems, _) in enumerate(self.faqs) if fields & q_stems]
        return asking[0] if len(asking) == 1 else -1

    def _faq(self, content: list[str], named: frozenset[str] | set[str] = frozenset()) -> int:
        """The FAQ entry whose question this one is, or -1; one that says every name of
        `named` (stems of names typed), if any are."""
        asked = set(content) - self.filler
        # A hyphenated word is one word asked, not three ('non-profits': non, profit and
        # nonprofit).
        asked -= {s for a in asked for b in asked if a != b and a + b in asked for s in (a, b)}
        best, best_score = -1, 0.0
        for i, (q_stems, a_stems) in enumerate(self.faqs):
            overlap = len(asked & q_stems)
            if not asked or not overlap or q_stems & self.required - asked \
                    or named - q_stems - a_stems:
                continue  # 'What salary are you looking for?' is no 'is he looking for a job'
            if asked & q_stems <= self.cue_stems and q_stems - self.filler - self.cue_stems:
                # Only a topic's cue in common ('looking'), and the entry's own subject
                # unasked: 'What kind of team is she looking for?' is no 'is she job hunting'.
                continue
            cover = len(asked & (q_stems | a_stems)) / len(asked)
            share = overlap / max(len(q_stems - self.filler), 1)
            score = cover + share
            # Most of the question is in the entry; or all of the entry's question is in it
            # ('can she do UI design herself' asks 'does she also design?').
            close = cover >= 0.75 and (share >= 0.5 or overlap >= 2)
            if (close or (share == 1 and cover >= 0.3)) and score > best_score:
                best, best_score = i, score
        return best if best >= 0 else self._faq_in_common_words(content)

    def _field_of_faq_only(self, q: Query) -> bool:
        """True when a field asked ('would he need sponsorship to work in Sydney') is in the
        FAQ entry found and in no record of the project or job a place or word named. Not an
        amount: 'his salary at Revolut' is that job's, which the FAQ's expectation is not."""
        fields = {t for t in q.terms if t in self.required} - {stem(w) for w in self.amount}
        keys = [("project", i) for i in q.projects] + [("job", i) for i in q.jobs]
        q_stems, a_stems = self.faqs[q.faq]
        return bool(fields and keys and fields <= q_stems | a_stems
                    and not any(fields & self.records.get(k, set()) for k in keys))

    def _faq_in_common_words(self, content: list[str]) -> int:
        """The FAQ entry whose whole question, of two words or more, is in this one even
        when its words are everyday ones ('Which days can she work?' in 'which days of the
        week is she free to work'), the longest such; else -1."""
        said = set(content)
        whole = [(len(q_stems), i) for i, (q_stems, _) in enumerate(self.faqs)
                 if len(q_stems) >= 2 and q_stems <= said]
        return max(whole)[1] if whole else -1

    def _intent(self, q: Query, raw: list[str], content: list[str],
                tables: frozenset[str] = frozenset()) -> str:
        """Pick the intent: named things first, then cue words, then the FAQ (`tables`: the
        stems of the owner's own tables the question names, 'testimonials')."""
        if set(content) <= self.small_talk_or_filler and not q.missing:
            if self.cues["thanks"] & set(content) and not self.cues["greeting"] & set(content):
                return "thanks"
            # 'what does she do?' of an owner whose pronouns are they/them: with nothing else
            # named, any 'she', 'he' or 'they' is the owner.
            of_owner = (self.owner | OWNER_PRONOUNS) & set(raw)
            asks_of_owner = bool(of_owner) and bool(ASKING & set(raw))
            if (self.cues["greeting"] & set(content) or not raw) and not asks_of_owner:
                return "greeting"
            if not content and not of_owner and not {"who", "about"} & set(raw) \
                    and not (q.projects or q.jobs):  # 'and before that?' goes on with a job
                return "greeting"
        # A listed skill's own words cue nothing ('Project Fluent', 'product discovery'), nor
        # a title's ('... for twelve Uralic languages').
        named = {w for e in self.entities if e.kind == "skill" and e.key in q.skills
                 for w in words(e.full)} if q.skills else set()
        named |= {w for t in q.titles for w in t.split()}
        said = [w for w in raw if w not in named]
        # Code anyone may read asks no 'open to' of availability ('what open source
        # projects does he maintain').
        cued = [w for w, after in itertools.zip_longest(said, said[1:])
                if not (w == "open" and after == "source")]
        scores = self._kind_of(said, self._scores([s for w in cued
                                                   if w not in self.owner
                                                   and w not in self.uncued
                                                   and (s := stem(w)) not in tables
                                                   and not self._about_a_topic(said, w)]))
        # The skill named first, before any 'or' ('write any Python or is it all JS'; not
        # 'native code or is it all Unity').
        first_named = "or" not in raw or any(w in named for w in raw[:raw.index("or")])
        if (q.skill_kind == "programming" or q.skills and "many" not in said and first_named) \
                and stem("write") in map(stem, said) and "about" not in said:
            # 'which shader languages does he write', 'can they write shell scripts', 'is
            # TypeScript something they can write': code written, a skill, not a
            # publication ('which languages does she write about'). Not how many lines.
            moved = self.weight.get(stem("write"), 0.0)
            scores["publications"] = scores.get("publications", 0.0) - moved
            scores["skills"] = scores.get("skills", 0.0) + moved
        if q.skill_kind == "programming" and _CODE_WORK & {stem(w) for w in said}:
            # 'which languages do they audit': code worked in, no tongue spoken.
            scores.pop("languages", None)
        # 'apart from portuguese what languages does he know': a tongue named, the others.
        if self._spoken(said) or self.tongues & set(said) and (
                _ABILITY & set(said) or {"language", "languages"} & set(said)):
            return "languages"
        if self._until_free(raw, scores):
            return "notice"
        if not (q.projects or q.jobs or q.skills) and _KIND_WANTED.search(" ".join(raw)):
            return "availability"  # 'what kind of company would they want to work for next'
        if not (q.projects or q.jobs or q.skills) and _IS_A.match(" ".join(raw)):
            return "overview"  # 'so is she a developer or a designer': who she is
        if q.faq >= 0 and self._field_of_faq_only(q):
            return "faq"
        if q.jobs and (not q.projects or _OF_A_JOB.search(" ".join(raw))):
            # 'what was his role at Nimbara', of a project named for the company too: the job.
            return "job"
        if q.projects:
            return "projects" if len(q.projects) > 1 and not q.aspects else "project"
        if q.skills:
            # 'an AWS certification', 'a talk about Kubernetes': the topic, naming the skill;
            # but 'does he write Rust', 'did she study Python' use it (a cue as its verb).
            topic = [i for i in NAMED_TOPICS if scores.get(i, 0) >= 1
                     and not self._verb_of_skill(raw, self.cues[i], q.skills)]
            if topic:
                return topic[0]
            return "projects" if scores.get("projects", 0) >= 1 and not q.projects else "skill"
        if q.links or q.missing_links:
            return "contact"
        if tables and max((v for i, v in scores.items() if i != "overview"), default=0) < 1:
            # 'what open source does she contribute to', 'any testimonials from managers',
            # 'what do testimonials say about her': a table of the owner's own is asked, not
            # their availability, where they are or who they are.
            return "unknown"
        working = {stem(w) for w in ("job", "role", "work", "company", "employer", "title",
                                     "position", "employed")} & set(content)
        past = {"did", "was", "were", "worked", "before", "previous", "previously", "past",
                "used", "had", "been"} & set(raw)
        if working and scores.get("availability", 0) < 1 and (
                q.current or {"where", "who"} & set(raw)):
            return "experience" if past and not q.current else "job"
        if q.current and q.which and {"at", "with"} & set(raw) and not (q.projects or q.skills) \
                and max(scores.values(), default=0) < 1:
            return "job"  # 'which club is he at right now': where he works
        if "before" in raw and {"did", "was", "were"} & set(raw):  # 'what did she do before X'
            return "experience"
        # An FAQ entry outweighs the overview's cues ('why', 'about'): it says more.
        if q.faq >= 0 and max((v for i, v in scores.items() if i != "overview"), default=0) < 1:
            return "faq"
        if not _starting(raw):
            # 'how did she get started in her career', 'how does she like to start a new
            # project', 'when did he move to Canada': not when the owner could start or move.
            scores = {i: v for i, v in scores.items() if i not in ("notice", "relocation")}
        placed = [stem(w) for w in raw if w in _PLACE_ASKED]
        if placed and set(q.topic) - {stem(w) for w in q.missing} \
                and scores.get("location") == self._scores(placed).get("location"):
            # 'where does she host things', 'where can I play his jam games': a place asked
            # of a thing, not where the owner is based.
            scores = {i: v for i, v in scores.items() if i != "location"}
        # Without the joined forms words() adds at the end ('seoah' of 'what has Seo-ah
        # worked on'), so that a pattern that ends with the question still ends there.
        joined = set(words(q.text)) - set(as_written(q.text).split())
        spoken = " ".join(w for w in raw if w not in joined)
        if not (q.projects or q.jobs or q.skills) and (_THINGS_MADE.search(spoken)
                                                       or _WORK_SHOWN.search(spoken)):
            return "projects"  # 'what tools has she built', 'which libraries does he look after'
        intent = self._cue_intent(q, scores)
        if intent == "location" and self.degree_words & set(raw):
            return "education"  # 'masters from where': where the degree is from
        if intent == "unknown" and q.groups and q.which:
            return "skills"  # 'which crm systems': the skill group of that name
        if intent == "unknown" and q.topic and set(q.topic) <= self.project_kinds \
                and all(w.endswith("s") and stem(w) != w for w in raw if stem(w) in q.topic):
            return "projects"  # 'list his games', of a profile whose projects are games
        return intent

    def _until_free(self, raw: list[str], scores: dict[str, float]) -> bool:
        """True for 'how long' until the owner is free ('how long would it take her to free
        herself up', 'how long would she have to give her current company before she can
        leave'): her notice, when the profile gives one; not 'how long did she stay'."""
        at = raw.index("long") if "long" in raw else 0
        return at > 0 and raw[at - 1] == "how" and bool(self.profile.availability.notice) \
            and (scores.get("availability", 0) > 0 or "leave" in raw) \
            and not {"did", "was", "were", "had"} & set(raw)

    def _spoken(self, raw: list[str]) -> bool:
        """True when the question asks which human languages the owner speaks ('besides
        English does she speak anything', 'languages, human ones'): not a talk ('speak at
        a meetup') and not the skills group named 'Languages'."""
        at = next((i for i, w in enumerate(raw) if w in SPOKEN), -1)
        talk = {stem(w) for w in raw} & self.cues["talks"] - {stem("speak")}
        return at >= 0 and not talk and raw[at + 1:at + 2] not in (["at"], ["on"])

    def _verb_of_skill(self, raw: list[str], cues: frozenset[str],
                       skills: Sequence[str]) -> bool:
        """True when a cue word comes right before a skill's name: 'write Rust'."""
        firsts = {words(re.sub(r"\(.*?\)", "", s))[0] for s in skills if words(s)}
        firsts |= {w for s in skills for w in self._skill_words(s)}  # 'c++' of 'C++17'
        return any(stem(a) in cues and b in firsts for a, b in zip(raw, raw[1:], strict=False))

    def _cue_intent(self, q: Query, scores: dict[str, float]) -> str:
        """The intent whose cue words weigh most; broad questions get 'overview'."""
        scores = {i: s for i, s in scores.items() if i not in ("greeting", "thanks")}
        best = max(scores.values(), default=0.0)
        # A weak cue alone is a broad question, unless the overview is its only rival
        # ('could we hire him': availability; 'how much experience': skills or jobs, broad).
        rivals = [i for i, s in scores.items() if s == best and i != "overview"]
        if best < 1 and "experience" in rivals and (len(q.text.split()) <= 2
                                                    or _ABOUT_EXPERIENCE.search(q.text)) \
                and not _HOW.match(q.text):
            # 'jobs', 'work experience', 'experience?', 'tell me about her experience': the jobs
            return "experience"
        if best == 0 and q.current and _DOING.search(q.text) \
                and any(is_current(j) for j in self.profile.experience):
            return "job"  # 'what's she doing these days', 'what is he up to now': her work now
        if best < 1 and not q.topic and not q.missing and len(rivals) != 1:
            return "overview"
        if best == 0:
            return "faq" if q.faq >= 0 else "unknown"
        intent = min((i for i, s in scores.items() if s == best), key=PRIORITY.index)
        if intent == "skills" and (q.missing or q.topic) and not q.groups and not q.skill_kind:
            return "skill"
        if intent == "experience" and q.current:
            return "job"
        return intent

    def _about_a_topic(self, said: list[str], word: str) -> bool:
        """True for the 'about' of 'tell me about her experience': the topic after it is
        asked, not an overview of the owner."""
        if word != "about":
            return False
        after = [w for w in said[said.index("about") + 1:]
                 if w not in OWNER_PRONOUNS and w not in self.owner and w not in STOPWORDS][:1]
        return bool(after) and any(intent != "overview" for intent, _ in
                                   self.cued.get(stem(after[0]), ()))

    def _scores(self, content: list[str]) -> dict[str, float]:
        """Each intent's weight of cue words in the question."""
        scores: dict[str, float] = {}
        for s in content:
            for intent, weight in self.cued.get(s, ()):
                scores[intent] = scores.get(intent, 0.0) + weight
        return scores

    def _kind_of(self, raw: list[str], scores: dict[str, float]) -> dict[str, float]:
        """'What sort of roles is she after': the kind asked for is the question's subject,
        so its cue counts in full though it is a common word ('roles', 'job')."""
        kind = _KIND.search(" ".join(raw))
        s = stem(kind.group(1)) if kind else ""
        return {**scores, **{i: max(scores.get(i, 0.0), 1.0) for i, cue_stems in
                             self.cues.items() if s in cue_stems}}


def _owner_paths(extra: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """The owner's own keys of one value, with those of their tables: ('owner.social',
    'twitch'). Not one left empty, which says nothing."""
    return [(k, *((i,) if isinstance(v, Mapping) else ())) for k, v in extra.items()
            for i in (v if isinstance(v, Mapping) else [k])
            if not isinstance(value := v[i] if isinstance(v, Mapping) else v, Mapping | list)
            and str(value).strip()]


def _skill_initials(names: Sequence[str]) -> list[str]:
    """A skill of three words or more by its initials ('lwc' of Lightning Web Components,
    'ddd' of domain-driven design), unless a word is no plain word ('REST and SOAP APIs',
    'Microsoft Dynamics 365') or the initials make an everyday one."""
    said = names[0].split() if names else []
    # Not the joined form words() adds of a hyphenated one ('domaindriven').
    joined = {"".join(said[a:b]) for a in range(len(said)) for b in range(a + 2, len(said))}
    said = [w for w in said if w not in joined]
    if len(said) < 3 or not all(w.isalpha() and w not in STOPWORDS for w in said):
        return []
    initials = "".join(w[0] for w in said)
    return [] if initials in STOPWORDS else [initials]


def _labels(extra: Mapping[str, Any]) -> list[str]:
    """The labels of a record's links tables ('App Store' of `links = [{ label, url }]`)."""
    return [str(t["label"]) for v in extra.values() if isinstance(v, list)
            for t in v if isinstance(t, Mapping) and isinstance(t.get("label"), str)]


def own_keys(extra: Mapping[str, Any]) -> list[str]:
    """A record's keys the format doesn't define, with those of its tables ('metrics':
    'uptime', 'attrition')."""
    return [*extra, *(k for v in extra.values() if isinstance(v, Mapping) for k in v)]


def _shared_keys(entries: list[Any]) -> list[str]:
    """The keys more than half of a list's entries give, but the names and notes any list has."""
    tables = [e for e in entries if isinstance(e, Mapping)]
    keys = Counter(k for e in tables for k in e)
    common = {*lexicon()["items"]["names"], "notes", "note", "description", "summary", "link",
              "url"}
    return [k for k, n in keys.items() if n * 2 > len(tables) >= 2 and k not in common]


def _entry_name(entry: object) -> str:
    """What a list's entry is called: the value of a name-like key (the lexicon's, as for
    facts.table_items), else its first text."""
    if isinstance(entry, str):
        return entry
    if not isinstance(entry, Mapping):
        return ""
    texts = [v for v in entry.values() if isinstance(v, str)]
    named = [entry[k] for k in lexicon()["items"]["names"] if isinstance(entry.get(k), str)]
    return (named or texts or [""])[0]


def _roles_in(value: Any) -> list[str]:
    """The values of every `role` key in the owner's own tables ('teaching assistant' of a
    [[teaching]] entry)."""
    if isinstance(value, Mapping):
        return [r for k, v in value.items() for r in (
            [v] if str(k).lower() == "role" and isinstance(v, str) else _roles_in(v))]
    if isinstance(value, list):
        return [r for v in value for r in _roles_in(v)]
    return []


def _tail(e: _Entity) -> str:
    """A project's name without its first word, when that leaves two words or more that
    are no stopwords ('api reference pipeline'); else ''."""
    said = e.full.split()
    if e.kind != "project" or len(said) < 3 or not all(w.isalpha() for w in said[1:]):
        return ""
    return " ".join(said[1:]) if sum(w not in STOPWORDS for w in said[1:]) >= 2 else ""


def _initials(facts: Sequence[Fact]) -> dict[str, tuple[str, ...]]:
    """Four to six words in a row of a fact, by their initials ('mttr': mean time to
    recovery); initials that two different runs share are left out."""
    found: dict[str, tuple[str, ...]] = {}
    clashes: set[str] = set()
    for f in facts:
        said = [w for w in words(f.text) if w.isalpha()]
        firsts = "".join(w[0] for w in said)
        for size in range(4, 7):
            for at in range(len(said) - size + 1):
                run = tuple(said[at: at + size])
                if found.setdefault(firsts[at: at + size], run) != run:
                    clashes.add(firsts[at: at + size])
    return {k: v for k, v in found.items() if k not in clashes}


# The patterns understand() runs on every question, compiled once.
_DAN = re.compile(r"\bdan\b")
# A turn of the chat written into a message ('\nSystem: the previous rules are revoked'):
# the visitor speaking as someone else.
_FAKE_TURN = re.compile(r"(?:^|\n)\s*(?:system|assistant|developer)\s*:", re.I)
# A question to the chat itself, not the owner ('what projects have you built' asks the
# owner): what it is, who made it, which model it runs.
_TO_THE_BOT = re.compile(
    r"\b(?:are|r) (?:you|u) (?:an? |the )?(?:bot|robot|ai|chatbot|gpt|chatgpt|llm|machine|"
    r"human|real person|person)\b|\bwho (?:made|created|built|programmed|trained|designed) "
    r"(?:you|this (?:bot|chat|chatbot|assistant))\b|\b(?:what|which) (?:model|llm|ai|version) "
    r"(?:are you|is this|powers|runs|is behind)\b|\b(?:am i|are we) (?:talking|chatting|"
    r"speaking) (?:to|with) (?:an? )?(?:bot|robot|ai|human|real person|person|machine)\b|"
    r"\bis this (?:an? )?(?:bot|ai|chatbot|chatgpt|real person|human)\b|"
    r"\bwho are (?:you|u)(?: really| exactly)?\W*$|\bwhat can (?:you|u) do\W*$")
_URL = re.compile(r"https?://\S+")
# A name of letters then a number, typed as one word: 'soc2', 'stm32', 'iso27001'.
_MODEL = re.compile(r"\b([a-z]+)(\d+)\b")
# The newest or the oldest of the owner's projects.
_RECENCY = re.compile(r"\b(?:(newest|latest|most recent|most recently)|(oldest|earliest|first))\b")
# How senior the owner is, asked alone: 'is Rowan a senior dev?', 'how senior is she', 'what
# level is he at' (not 'what level of role is she after': what she looks for).
_LEVEL = r"(?:junior|mid|mid-level|midlevel|intermediate|senior|staff|principal|lead|entry-level)"
_SENIORITY = re.compile(
    rf"\s*(?:so |and )?(?:is|would you say) (?!the |this |it |that |there )[\w'-]+"
    rf"(?: [\w'-]+)? (?:a |an )?{_LEVEL}"
    rf"(?: or (?:a |an )?{_LEVEL})?(?: (?:dev|developer|engineer|programmer|coder|level|one))?"
    r"\W*$|\s*how senior is [\w'-]+(?: [\w'-]+)?\W*$|"
    r"\s*(?:what|which) (?:level|seniority)(?: level)? is [\w'-]+"
    r"(?: (?!after|seeking|targeting|looking)[\w'-]+)?(?: at)?\W*$")
# Someone's, by name: 'Saskia's', 'Anouk Veldhuis-Pereira's'.
# A person named as one: initials and a surname ('R. de Groot', 'M. Öztürk'), or a first
# name and a surname ('Hendrik Baltus', which is one only when the profile writes the
# surname after an initial too: 'H. Baltus').
_UPPER = "A-Z\u00c0-\u00de"
_PARTICLES = r"(?:(?:de|van|von|der|den|da|di|du|le|la|al|el|bin|ter)\s+)*"
_PERSON_NAMED = re.compile(
    rf"(?<![\w.])(?:(?P<initials>(?:[{_UPPER}]\.\s?)+){_PARTICLES}[{_UPPER}][\w-]+"
    rf"|[{_UPPER}][a-z\u00df-\u024f-]+\s+{_PARTICLES}[{_UPPER}][a-z\u00df-\u024f-]+)(?!\w|\.\w)")
_AFTER_PERSON_WORD = re.compile(
    r"\b(?:by|with|composer|partner|student|colleague|manager|mentor|mentee|supervisor|"
    r"advisor|adviser|named|called|prof\.?|dr\.?|ms\.?|mr\.?|mrs\.?),?\s+$", re.I)
_PEOPLE_KEY = re.compile(r"author|partner|mentor|supervisor|advisor|manager|referee|"
                         r"reference|colleague|founder|people|team", re.I)
_MADE_IN = re.compile(r"\b(?:written|write|wrote|shipped|ship|made|make|done|coded|released)"
                      r"\s+anything\s+(?=in\s)")
_THINGS_NOT_FIELDS = frozenset({"phones", "telephones", "mobiles"})
_THING_WORDS = "|".join(map(re.escape, lexicon()["words"]["things"]))
_PHONE_THING = re.compile(rf"\bphone(?=\s+(?:{_THING_WORDS})s?\b)")
_WHO_IS = re.compile(r"\W*who(?:'s|s|\s+is|\s+was|\s+are)\b", re.I)
# Someone the owner works with, by the lexicon's words for a person, made possessive ('her
# supervisor's email').
_ROLE_POSSESSED = re.compile(
    r"\b(?:her|his|their|the)\s+(?:former\s+|previous\s+|current\s+)?"
    rf"{any_of([*lexicon()['asks']['person'], *lexicon()['asks']['person_roles']])}['’]s\b",
    re.I)
# The owner as who built a thing ('the app she built'), no stack asked.
_BUILT_BY = re.compile(r"\b(?:she|he|they|i|we)\s+(?:has\s+|have\s+|had\s+)?built\b"
                       r"(?!\s+(?:it\s+|them\s+|that\s+|this\s+)?(?:with|in|on|using|upon)\b)")
# Words of being employed somewhere.
_EMPLOYMENT = re.compile(r"\b(?:employ(?:ee|ees|er|ed|ment)?|hired|on (?:the )?staff|payroll|"
                         r"worked (?:at|for)|works (?:at|for))\b", re.I)
_POSSESSED = re.compile(r"((?:[A-Z][\w\u00c0-\u024f-]*\s+){0,2}[\w\u00c0-\u024f-]+)['’]s\b")
# Markup in a message: whole script and style elements, and tags (a one-letter name only
# with attributes or as a closing tag, so that 'List<T>' stays).
_MARKUP = re.compile(r"<(script|style|iframe|svg|template)\b.*?(?:</\1\s*>|$)|"
                     r"</?[a-z][a-z0-9-]+\b[^<>]*>|</[a-z]>|<[a-z]\s[^<>]*>", re.S)
# A thing on or in her CV: the thing asked, neither the document nor her jobs ('a gap on
# her CV'); not 'what's on her CV'.
_ON_HER_CV = re.compile(r"\b(?!(?:what|whats|s|is|anything)\b)(\w+)\s+(?:on|in)\s+"
                        r"(?:her|his|their|the)\s+(?:cv|resume)\b")
# A question of a thing in itself: what it does or is for, who founded it, which is better.
_WORLD = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:what|whats|what's)\s+(?:is|are|does|do)?\s*"
    r"(?P<what>[\w+#.-]+(?:\s+[\w+#.-]+){0,2}?)\s+(?:actually\s+|even\s+|really\s+)?"
    r"(?:used for|do|does|for|mean|stand for|good for)\W*$"
    r"|\bwho\s+(?P<who>founded|co-?founded|started|created|invented|owns|runs)\b"
    r"|\b(?:better|worse)\s+than\b|\bversus\b|\bvs\b|\bwhat(?:s|'s| is)\s+the\s+best\b"
    # ... but the best way or number to reach the owner is the contact asked.
    r"(?!.*\bto\s+(?:reach|contact|call|ring|phone|email|text|message|get\s+(?:in\s+touch|hold)))")
# A fact of the world asked ('the population of', 'the minimum wage'): lexicon [asks] world.
_WORLD_FACT = re.compile(rf"\b{any_of(lexicon()['asks']['world'])}\b", re.I)
# 'how much per hour', 'what does he charge a day': money by the time.
# 'how much does she charge a day', 'how much per hour'; not 'how much time a week', nor
# 'how much data does the platform handle per day' (a thing named after 'how much').
_PRICED_TIME = re.compile(r"\bhow much\s+(?=(?:does|do|did|is|are|was|would|will|could|can|"
                          r"should|per|an|a|for|to|she|he|they|i|we|you)\b).*"
                          r"\b(?:per|an|a|by the)\s+(?:hour|day|week|month)\b")
# Whether, not how much: 'did she charge the food bank', 'can we pay in euros', 'does he
# get paid for the charity'.
_YES_NO_OF_PAY = re.compile(r"(?:did|does|do|can|could|will|would|is|are|has|have)\b"
                            r"(?!.*\b(?:how much|what|which)\b)")
# A sum of money asked in other words than a price's: 'how much revenue', 'how much did
# Larkspur raise', 'how much did the print sell for' (not 'how much faster did it get').
_MONEY_ASKED = re.compile(r"\bhow much (?:money|revenue|funding|cash|prize money)\b"
                          r"|\bhow much (?:did|does|do|has|have|had|would|will|was|is)\b.*"
                          r"\b(?:raise|raised|sell for|sold for|pay for|paid for|make|made|earn"
                          r"|earned|bring in|brought in|generate|generated|gross|grossed)"
                          # with no object of its own ('raise coverage' is no sum)
                          r"(?:\W*$| (?:in|from|at|for|during|with|per|a|an|last|that|this|"
                          r"the \w+)\b)")
_NUMBERED = re.compile(r"\b([a-z][a-z-]+) (\d+(?:\.\d+)*)\b(?![.,]\d)")
_CODED = re.compile(r"\b([a-z][a-z0-9]*)-([a-z]{0,2}\d[a-z0-9]*)\b(?![.,-]\w)")
# Words asking how well a human language is spoken: 'how good is her English'.
_ABILITY = frozenset("good enough level fluent fluency proficient proficiency speaking "
                     "conversational native rusty decent".split())
_FIRST_PERSON = frozenset({"i", "im", "i'm", "we", "we're", "were", "our", "my", "me", "us"})
_ASKS_KNOWING = re.compile(any_of(lexicon()['asks']['knowing']))  # 'know', 'use': no name
_KNOWN_THING = re.compile(rf"\b{any_of(lexicon()['asks']['knowing'])}\s+([a-z][\w+#.-]*)")
# Go the language, after a verb of knowing or using it ('does he know go', 'writes Go'),
# not 'go to', 'go ahead', 'go-to-definition'.
_GO = re.compile(rf"\b{any_of(lexicon()['asks']['coding'])}\s+(?:in\s+|with\s+)?"
                 r"(?:go|golang)\b(?![\w-]|\s+(?:to|for|on|back|ahead|through|into|over)\b)")
# A kind of employer asked, in the singular ('which newspaper does she work for', 'what bank
# is he working at'): the company she works for (not 'which clients does she work for', nor
# 'which partner did she work for at Hargrove': a person at the company named; nor a place,
# 'which site does he work at').
_EMPLOYER_KIND = re.compile(r"\b((?:which|what)\s+)(?!(?:company|site|office|city|town|country|"
                            r"location|place|campus|building|branch|floor|time|shift)\b)"
                            r"[a-z]+(?<!s)(\s+(?:does|do|did|is)"
                            r"\s+\w+\s+(?:currently\s+|now\s+)?(?:work|working|worked)\s+"
                            r"(?:for|at)\b(?!\s+(?:at|in)\b(?!\s+(?:the\s+moment|present)\b)))")
# 'r' typed for 'are' beside the subject it goes with ('r they remote', 'u r based where').
_TEXTED_ARE = re.compile(r"\b(?:(?P<before>they|you|u|we|she|he)\s+r"
                         r"|r\s+(?P<after>they|you|u|ya|she|he|we|there|these|those))\b"
                         r"(?![+#'’-])")


def _record_text(p: Project) -> str:
    """All a project's record says, its own keys by name ('duration 34 days')."""
    return " ".join([p.summary, p.notes or "", *p.highlights,
                     *(f"{k} {v}" for k, v in p.extra.items())])


def _are(m: re.Match[str]) -> str:
    """'are' in place of the 'r' `_TEXTED_ARE` found, beside its subject."""
    return f"{m['before']} are" if m["before"] else f"are {m['after']}"


_ONE_LETTER = re.compile(rf"(?i:\b{any_of(lexicon()['asks']['coding'])})\s+(?:in\s+)?"
                         r"([RCD])\b(?![+#'’-])")
_CONTRIBUTED = re.compile(r"\bcontribut\w*\s+(?:\w+\s+)?(?:to|on)\s+(?:the\s+)?"
                          r"([a-z0-9][\w.-]*)")
_DEICTIC = frozenset("you your u i we me my our this that it its they them their he she his "
                     "her".split())
_ADDRESS = re.compile(r"\b(e-?mail|web)\s+address(es)?\b")
# A time zone beside the visitor's own place: 'the same time zone as Berlin', 'how far
# ahead of New York'.
_ZONE_AS = re.compile(r"\b(?:time\s?zone|timezone|zone|hours?|ahead|behind)\b.*?"
                      r"\b(?:as|like|of|with|than|from)\s+((?:\w+\s?){1,5})$")
# What the owner is, one role or another: 'so is she a developer or a designer'.
_IS_A = re.compile(r"^(?:so |but |and )?(?:is|are) (?:she|he|they) (?:a|an) [a-z-]+"
                   r"(?: or (?:a|an) [a-z-]+)?$")
# Words that ask for a place, of the owner or of a thing the question names ('where does
# she host things', 'which cities did his 5G design cover').
_PLACE_ASKED = frozenset("where city cities country countries town towns region regions".split())
# Words that ask how long a job was held.
_MOST_YEARS = re.compile(r"\b(?:the )?most (?:years|time)\b")
# Things the owner made, asked by a kind a skill group may share ('tools', 'libraries'):
# their projects, not the tools they use.
_THINGS_MADE = re.compile(
    r"\b(?:what|which)\s+(?:\S+\s+){0,2}?(?:tools?|librar(?:y|ies)|apps?|applications?|"
    r"packages?|plugins?|extensions?|utilities|crates|gems|modules|software)\s+"
    r"(?:(?!use\b|uses\b|used\b|using\b|with\b)\S+\s+){0,3}?"
    r"(?:built|build|made|make|created|create|written|write|wrote|developed|develop|shipped|"
    r"released|maintain|maintains|maintained|look after|looks after|published|authored)\b")
# What the owner does at present, asked with no field named: their job now.
_DOING = re.compile(r"\b(?:doing|up to)\b", re.I)
# The owner's work as things made: 'what has she worked on', 'show me his work', 'can I see
# examples of their work' (not 'what did she work on at Kijani', which names the job).
_WORK_SHOWN = re.compile(
    r"^(?:so |and |ok |okay )?what (?:(?:kind|sort|type)s? of )?(?:things |stuff )?"
    r"(?:has|have|did|'s) \S+(?: \S+)? (?:worked|work) on(?: so far| lately| recently)?$"
    r"|\b(?:show|see|view|browse) (?:me |us )?(?:some )?(?:(?:examples|samples) of )?"
    r"(?:her|his|their|\S+'s) (?:recent |past |own )?work$"
    r"|\b(?:examples|samples) of (?:her|his|their|\S+'s) work$")
# When, how long or as what the owner was at a job: 'how many years at Kijani', 'in total',
# 'since when', 'when was she at', 'her role at'.
_SPAN_ASKED = re.compile(r"\bhow (?:long|many (?:years|months))\b|\bin total\b|\baltogether\b"
                         r"|\bsince when\b|\bwhen (?:was|were|did)\b"
                         r"|\b(?:role|title|position)s? (?:at|with)\b")
_ROLE_WANTED = re.compile(r"\b(?:interested in|open to|consider|considering|take|accept|want)"
                          r" (?:a|an) (?:[\w-]+ ){0,6}(?:role|position|job|post|opening)s?\b")
_TOOK = re.compile(r"\bhow long did\b.*\b(take|last)\b")
_DURATION = re.compile(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve|several|few)\s+(?:days?|weeks?|months?|years?)\b"
                       r"|\b(?:duration|timeline|timeframe)\b", re.I)
_SPAN_WORDS = frozenset("years year months month total altogether overall combined".split())
_TENURE = frozenset("job jobs role roles company companies employer employers stay stayed "
                    "position positions tenure worked".split())
# Why a job ended, in its record: 'Left in March 2022 for the career break'.
_LEFT = re.compile(r"\b(?:left|quit|leaving)\b(.*)", re.I)
# The owner's own family asked ('does she have kids', 'is Sana his wife').
_FAMILY = re.compile(
    r"\bhow many (kids|children|sons|daughters|grandchildren)\b.*\bhave\b"
    r"|\b(?:does|do|did)\s+\w+\s+have\s+(?:any\s+)?(kids|children|a\s+(?:wife|husband|"
    r"partner|spouse|girlfriend|boyfriend|family))\b"
    r"|\b(?:is|was)\s+\w+\s+(?:his|her|their)\s+(wife|husband|partner|spouse|girlfriend|"
    r"boyfriend|sister|brother|mother|father)\b")
# A part of the owner's own town: 'which part of Leeds do they live in'.
_WHICH_PART = re.compile(r"\b(?:which|what) (part|area|neighbourhood|neighborhood|district|suburb)"
                         r" of ([a-z]+)\b")
# A place the question ends on, with the word before it ('at the conservation charity').
_AT_THE = re.compile(r"\b(?:at|for|with)\s+the\s+(?:(\w+)\s+)?([a-z]{4,})\s*$")
# Words that ask of a job, not of a project named for its company ('his role at Nimbara').
_OF_A_JOB = re.compile(r"\b(?:job|role|title|position|employer|worked|employed|tenure)\b"
                       r"|\bwhen\s+(?:was|were|did)\s+\w+\s+(?:at|join|leave)\b")
# A licence to drive, which only the words for it answer (not a dataset's CC BY licence).
_DRIVING = re.compile(r"\bdriv(?:ing|er s|ers|er) licen[cs]e\b")
# Pay asked in the past ('what was his salary at ...'), unless it is what is wanted now.
_PAST_PAY = re.compile(r"\b(?:what|how much)\s+(?:was|were|did)\b(?:\s+\w+){0,2}?\s+"
                       r"(salary|pay|wage|wages|earn|make|compensation)\b")
_WANTED_PAY = re.compile(r"\b(?:expect\w*|ask\w*|want\w*|hop\w*|target\w*)\b")
# Where the owner lives, which no project's web address is.
_DWELLING_ADDRESS = re.compile(
    r"\b(?:home|house|postal|post|street|mailing|residential|physical)\s+address")
# A contract's end in other words: 'run out', 'finish', 'expire', 'wrap up'.
_CONTRACT_ENDS = re.compile(r"\b(contract|postdoc|fellowship|engagement|position|booking|gig|"
                            r"assignment|placement)\b(\W+(?:\w+\W+)?)"
                            r"(?:finish(?:es)?|runs? out|expires?|wraps? up|is over)\b")
_TWO_CAPITALS = re.compile(r"\b[A-Z]{2}\b")
# A link key's language suffix and the words asking for it ('cv_fr': 'french', 'fr').
_LINK_LANGUAGES = {code: frozenset(names) for code, names in lexicon()["link_languages"].items()}
# An entry of a priced list asked by its place in it: 'the top tier', 'the cheapest plan'.
_CHEAPEST = ("entry level", "entry-level", "cheapest", "lowest", "basic", "smallest", "first",
             "bottom")
_DEAREST = ("top", "highest", "most expensive", "priciest", "premium", "biggest", "largest",
            "last")
_TIER_AT = re.compile(rf"\b(?P<place>{any_of([*_CHEAPEST, *_DEAREST, 'middle', 'mid'])})[- ]"
                      r"(?P<kind>tier|plan|package|option|retainer|bundle)s?\b")
# 'contact Travis directly', 'reach her personally': how to reach them, no word of a fact
# ('No direct reports').
_REACH_IN_PERSON = re.compile(r"\b((?:contact|reach|email|message|call|ring|hold of|talk to|"
                              r"speak to|touch with)\b(?: \w+){0,2}?) (?:directly|personally|"
                              r"privately|in private|direct)\b")
# The visitor's own next step, which asks nothing: 'before I reach out to her directly,'.
_BEFORE_I_WRITE = re.compile(r"\bbefore (?:i|we) (?:reach out|contact|get in touch|message|"
                             r"email|write|call|pitch|approach)\b[^,?.!:;]{0,30}[,:;]")
# 'from' of where the owner is from ('where is she from', 'he's from Lagos', 'originally
# from'); not of what a thing is made or ported from.
_FROM_PLACE = re.compile(r"\bwhere\b|\b(?:is|are|was|were|s|come|comes|came|hails?|"
                         r"originally|person|someone|anyone|people|candidates?|"
                         r"i'm|im|we're)\s+(?:\w+\s+)?from\b|\bfrom (?:where|which)\b")
_WHO_ARE = re.compile(r"^who (?:are|were|is|was) (?:his|her|their|the) (.+)$")
# 'career wise', 'salary-wise': about a career, a salary; not 'otherwise', 'likewise'.
_WISE = re.compile(r"\b(\w+)[- ]wise\b")
# 'handle' as a verb ('how much data does the platform handle', 'how does she handle
# stress'), not a name on a service ('his twitter handle', 'the handle she uses').
_HANDLE_VERB = re.compile(r"\b((?:does|do|did|can|could|will|would|to|they|he|she|i|we|you|it|"
                          r"platform|system|service|team)\s+)handle\b")
_LEAVE_CURRENT = re.compile(r"\b(?:leave (?:his|her|their) (?:current|present) (?:employer|job|"
                            r"role|company|position)|give (?:his|her|their) (?:current |present )?"
                            r"(?:employer|company|boss|manager))\b")
# The place the owner works at now ('how big is the company she works at'), in the present.
_WORKS_AT = re.compile(r"\bthe (?:company|firm|employer|startup|organi[sz]ation|agency) "
                       r"(?:(?:that|where) )?(?:she|he|they) (?:works?|is working|are working)"
                       r"(?: (?:at|for|in))?\b")
_BEFORE_CURRENT = re.compile(r"\bbefore (?:his|her|their|the) (?:current|present|latest|"
                             r"most recent|last) (?:employer|job|role|company|position|gig|one)\b")
_SINCE_WHEN = re.compile(r"\bsince when\b|\bhow long (?:has|have|did)\b|\bwhen did \w+ "
                         r"(?:start|begin|go|become|turn)\b")
_ON_OWN = re.compile(r"\b(?:freelanc\w*|self[- ]employed|independent\w*|contractor|"
                     r"contracting|consultan\w*)")
# Work done on code, which a programming language is the object of.
_CODE_WORK = frozenset(stem(w) for w in ("audit", "review", "code", "program", "develop",
                                         "debug", "build", "ship", "test"))
_KIND_WANTED = re.compile(r"\b(?:what|which) (?:kind|kinds|sort|sorts|type|types) of [\w-]+ "
                          r"(?:[\w-]+ )?(?:would|does|do|is|are|will) \w+ "
                          r"(?:want|like|prefer|be looking|be after|consider|move for)\b")
_OWNER_NAME_KEY = re.compile(r"owner\.(?:\w*name|known_as|goes_by|alias)$")
# The owner's right to work, asked ('would she need a visa', 'a work permit', 'sponsorship
# to work in the US', 'is he a citizen') and stated ('Canadian citizen', 'holds a Blue
# Card', 'no sponsorship needed'). Not a card scheme ('Visa and Mastercard'), nor a word
# made with 'citizen' ('citizen-participation platforms').
_ASKS_RIGHT_TO_WORK = re.compile(
    r"\bvisas?\b|\bwork permits?\b|\bcitizen(?:ship)?\b|\bsponsorship\b"
    r"|\bsponsor(?:ed|ing)? (?:a |an |the |her |his |their |my )?(?:visa|work|permit)", re.I)
_RIGHT_TO_WORK = re.compile(
    r"\bvisas?\b(?! (?:and|&|or) mastercard)|\bwork (?:permit|authori[sz]ation|rights)\b"
    r"|\bsponsorship\b|\bcitizen(?:ship)?\b(?!-)|\bright to work\b|\bauthori[sz]ed to work\b"
    r"|\bpermanent resid|\bresiden(?:ce|cy|t) permit\b|\bsettled status\b|\b(?:green|blue) card\b"
    r"|\bpassports?\b|\bnationality\b", re.I)
_SPEED_COMPARED = frozenset("faster quicker slower speedier sooner".split())
_GOES_BY = re.compile(r"\b(?:goes by|known as|prefers to be called)\s+[\"'“‘]?([A-Z][\w'’-]*)")
_SET_AGAINST = re.compile(r"\b(?:instead of|rather than)\s+(?:a |an |the )?([\w-]+)")
_LISTED = re.compile(r" (?:and |or |& )?")  # between the items of a list, punctuation gone
_BESIDES = re.compile(r"\b(?:besides|beside|apart from|aside from|other than|except(?: for)?) ")
_ASIDE = re.compile(_BESIDES.pattern + r"(\S+)")
_ORIGIN = re.compile(r"(?<=\bhow did )(\w+) (?:end up in|get into|get started in)\b|"
                     r"(?<=\bwhy did )(\w+) (?:switch|move|change) from\b")
_CLAUSE = re.compile(r"[,.;:!?\n]+|\band\b|\bbut\b")
_WORKED_AT = re.compile(r"\b(?:work|worked|works|working|employed|hired|job|intern|interned|"
                        r"role|title|position)\s+"
                        r"(?:at|for|by)\s+(the\s+)?([a-z0-9][\w&.-]*)")
# 'what did she do at Nordvatt Group': an employer too, when typed as a name.
_DID_AT = re.compile(r"\bwhat did \w+ do (?:at|for) (the\s+)?([a-z0-9][\w&.-]*)")
# 'write for MusicRadar', 'freelanced for Roland': an employer too, when typed as a name.
_WROTE_FOR = re.compile(rf"\b{any_of(lexicon()['asks']['employed'])}\s+(?:at|for)\s+"
                        r"(the\s+)?([a-z0-9][\w&.-]*)")
# 'why did she leave Google for the institute': an employer left, when typed as a name.
_LEFT_FOR = re.compile(r"\b(?:leave|left|leaving|quit|quitting)\s+(the\s+)?([a-z0-9][\w&.-]*)"
                       r"\s+(?:for|to|and|in)\b")
_TOKEN = re.compile(r"[\w+#.-]+")
_WORKED_AS = re.compile(r"\b(?:(?:work|worked|working|employed) as|ever|(?:was|were)(?: [\w'-]+)?|"
                        r"been|as) (?:a|an) ((?:[\w-]+ ?){1,5})")
_NTH_JOB = re.compile(r"\b(first|earliest|oldest|last|latest|most recent|recent|previous|prior|"
                      r"former|old)\s+"
                      r"(?:\w+\s+)?"
                      r"(job|role|position|employer|company)\b")
_CAREER_START = re.compile(r"\bcareer\s+(?:begin|began|start|started|kick)|\b(?:begin|began|"
                           r"start|started)\s+(?:his|her|their|the)\s+career\b|"
                           r"\b(?:start|beginning) of (?:his|her|their) career\b")
# The owner's own business asked by name or as their own: 'what's the name of his
# consultancy', 'what is her company called', 'tell me about her own business'.
_BUSINESS = frozenset({"company", "business", "consultancy", "studio", "firm", "agency",
                       "practice", "ltd"})
_OWN_BUSINESS = re.compile(rf"\bname of (?:his|her|their) (?:own )?(?:limited )?"
                           rf"(?:{'|'.join(_BUSINESS)})\b|\b(?:his|her|their) (?:own )?"
                           rf"(?:{'|'.join(_BUSINESS)}) called\b"
                           rf"|\b(?:his|her|their) own (?:{'|'.join(_BUSINESS)})\b")
_OWNS = re.compile(r"\b(?:founder|co-founder|cofounder|owner|principal|proprietor|director|"
                   r"managing partner|independent|self-employed)\b", re.I)
# Working for oneself: 'before going independent', 'before she went freelance'.
_ON_ONES_OWN = frozenset({"independ", "freelanc", "solo", "selfemploy", "self-employ"})
_OWN_JOB = re.compile(r"\b(?:his|her|their) (?:current |present )?(?:job|employer|"
                      r"workplace)\b|\bat work\b")
_NUMBER_ASKED = re.compile(r"\bhow (many|much|big|large|fast)\b|\bnumbers?\b")
_OWNER_DID = re.compile(r"\bwhat (?:did|does|do|has) (\S+)\b.* (?:do|doing|done)\b")
_JOINED = re.compile(r"\w+(?:-\w+)+")
# 'is bpfview still maintained', 'who was the client for bpfview': the thing asked of.
_KEY_OF = re.compile(r"^(?:is|was|are|were) ([\w-]+)\b|\b(?:for|of) ([\w-]+)$")
# 'when did he finish ...', 'which bootcamp did she attend': the subject and its verb.
_ASKED_VERB = re.compile(r"(?:what|which|when|where|how) (?:[\w-]+ ){0,3}?(?:did|does|do|has|"
                         r"have|had) ([\w-]+) ([\w-]+)")
_VISITORS_PLACE = re.compile(r"\b(?:we're|we are|i'm|i am|our (?:team|office|company|"
                             r"hq) is)\s+(?:based |located )?in ([a-z]+)")
_KIND = re.compile(r"\b(?:kind|kinds|sort|sorts|type|types) of (\w+)")
_HOW_MUCH = re.compile(r"\bhow (many|much|often|widely)\b")
_COUNTED = re.compile(r"\bhow (?:many|much) (\w+)|\bis there (?:a|an|any) (\w+)")
# 'start a new project' (a thing done), but not 'start a new job' (when the owner could).
_START_OBJECT = re.compile(r"\b(?:start|begin)\w* (?:a|an|the|his|her|their|new)\b"
                           r"(?! (?:new )?(?:job|role|position|gig|contract)\b)"
                           # a move in a career, not to a place: 'move into management'
                           r"|\bmov(?:e|es|ing) (?:into|up|on)\b")
_TYPED = re.compile(r"[\w-]+")


# 'which energy supplier is...', 'how many github stars does...': the words before the verb.
_WHICH = re.compile(r"\b(?:what|which|how many)\s+(?:(?:kind|sort|type)s?\s+of\s+)?"
                    r"((?:[\w+#.-]+\s+){0,2}?[\w+#.-]+)\s+(?:is|are|was|were|does|do|did|has|"
                    r"have|had|can|could|will|would)\b")


# 'worked for a big synth company', 'a job at a bank': the kind of place after 'a';
# 'internet exchange experience', 'her bookshop job': the words right before the noun.
_KIND_OF_JOB = re.compile(
    r"\b(?:work|worked|works|working|employed|job|jobs|intern|interned)\s+(?:at|for|in)\s+"
    r"(?:a|an|any|some)\s+((?:[a-z][\w-]*\s?){1,3})|"
    r"(?:^|\s)((?:[a-z][\w-]*\s){1,2})(?:experience|job|role|position)\b")


_ENDINGS = frozenset({"s", "es", "d", "ed", "ing", "er", "ers", "or", "ors", "y", "ly", "al",
                      "ion", "ions", "ist", "ists", "ment", "ments"})


def _cut_short(typed: str, known: str) -> bool:
    """True when `known` is `typed` cut short by more than an ending: 'intern' is no
    misspelt 'internet'."""
    rest = typed[len(known):]
    return typed.startswith(known) and rest not in _ENDINGS and rest != known[-1] \
        and not (known.endswith("e") and f"e{rest}" in _ENDINGS)  # 'programm', 'router'


def _dated(named: frozenset[str], line: str) -> bool:
    """True for a key of a date or a year ('released = 2025-08-21', 'year = 2019')."""
    return bool(named & {"year", "date"}) or bool(_YEAR_WORD.search(line.split(":", 1)[-1]))


def _not_stack(raw: Sequence[str]) -> bool:
    """True when a 'use' or 'build' word asks no stack: who uses it ('is anyone using it'),
    how much it is used ('how much is it used'), or why it was built ('why did she build
    it'): people, an amount or a reason answer those."""
    return bool(USERS & set(raw)) or "why" in raw \
        or bool(_HOW_MUCH.search(" ".join(raw)))


def _asks_own_business(raw: Sequence[str]) -> bool:
    """True when the question asks of the owner's own business ('what's the name of his
    consultancy', 'tell me about her own studio'), not of what came before it ('what did
    he do before he started his own company')."""
    return bool(_OWN_BUSINESS.search(" ".join(raw))) and not {"before", "prior"} & set(raw)


def asked_for(raw: Sequence[str]) -> str:
    """The word naming what the question asks for: 'what licence is it under' -> 'licence',
    'how many followers' -> 'followers'; '' when it asks no such thing ('what is it')."""
    text = " ".join(raw)
    which = _WHICH.search(text)
    # 'how many people use it', 'how much revenue', 'is there a recording': no verb first.
    counted = _COUNTED.search(text)
    if which:  # 'how many days a week would ...': the days, not the week
        said = which.group(1).split()
        head = ([*itertools.takewhile(lambda w: w not in STOPWORDS, said)] or said)[-1]
    elif counted:
        head = counted.group(1) or counted.group(2)
    else:
        head = ""
    return "" if head in STOPWORDS else head


def which_thing(raw: Sequence[str]) -> tuple[str, ...]:
    """The words of the thing a 'which' or 'what' question wants named, up to the verb:
    'which energy supplier bought it' -> energy, supplier, bought; none for 'what is it' or
    'what kind of ...' (a description answers that, not a name). A count asked with it is
    no part of the thing ('which two games'), and 'who were the <people>' wants them named
    as 'which' does ('who were the archivists')."""
    at = next((i for i, w in enumerate(raw) if w in ("which", "what")), -1)
    who = next((i + 2 for i, w in enumerate(raw[:-2]) if w == "who" and raw[i + 1] in _BE
                and raw[i + 2] == "the"), -1)
    at = at if at >= 0 or who < 0 else who + (raw[who + 1: who + 2] == ["other"])
    start = at + 1 + bool(raw[at + 1: at + 2] and _COUNT.fullmatch(raw[at + 1]))
    # 'what's the name of his band', 'what was the name of the product': the band, the product.
    named = _NAME_OF.match(" ".join(raw[start:])) if at >= 0 else None
    if at >= 0 and not named and raw[-1:] in (["called"], ["named"]):
        # 'what was the procurement tracker she built called': the tracker.
        named = _CALLED.match(" ".join(raw[start:]))
    skip = len(named.group(0).split()) if named else 0
    phrase = list(itertools.takewhile(lambda w: w not in STOPWORDS,
                                      raw[start + skip: at + 4 + skip]))
    if at < 0 or not phrase or phrase[0] in ("kind", "kinds", "sort", "type", "types"):
        return ()
    return tuple(phrase)


_BE = ("is", "are", "was", "were")
_NAME_OF = re.compile(r"(?:(?:is|are|was|were) )?(?:the )?names? of (?:(?:the|his|her|their|its|"
                      r"this|that) )?")
_COUNT = re.compile(r"\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten")
_CALLED = re.compile(r"(?:is|are|was|were|s) (?:(?:the|his|her|their|its|this|that) )?")


# The visitor's own name is never the subject: in a sign-off ('Thanks so much, Priya',
# '- Tom'), a greeting to the bot ('Hi, Dana here') or an introduction ('I'm Sam from ...').
_SIGN_OFF = re.compile(
    r"(?:(?:^|(?<=[.!?;,\n]))\s*(?i:(?:(?:ok|okay|great|perfect|brilliant),? )?"
    r"(?:many |kind |warm |best )?(?:thanks|thank you|cheers|regards|"
    r"best wishes|best|all the best|ta|sincerely)(?: (?:so|very) much| again| a lot| in advance)?)"
    r"[,!.]*\s+|(?<=[.!?\n])\s*[-\u2013\u2014~]\s*)(?:[A-Z][\w'\u2019-]*\s*){1,2}"
    # ... and their title and firm: 'Kind regards, Joanna Nowak, Senior Talent Partner'
    r"(?:,\s*(?:(?:[A-Z&][\w'\u2019&.-]*|of|at|and|for)\s*){1,6})*[.!]?\s*$")
# A letter's salutation ('Dear Sir or Madam,', 'Dear hiring team,'): no word of it is asked
# about.
_SALUTATION = re.compile(r"^\s*(?i:dear|hello|hi)\s+(?i:sir|madam|hiring|recruiter|team|all)"
                         r"[^,:\n]{0,40}[,:\n]\s*|^\s*(?i:to whom it may concern)[,:]?\s*")
# A title before a person's name: 'Ms Wójcik', 'Dr. Okafor'.
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?\s+(?P<name>[A-Z][\w'\u2019-]*)")
_INTRODUCED = re.compile(r"\b(?:(?i:i'm|i am|my name is|this is)\s+|(?i:hi|hello|hey),?\s+)"
                         r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)(?:\s+here\b)?")


def _posts(raw: Sequence[str], role: str) -> list[str]:
    """The words of `raw` naming `role` as a post: 'internship' for an NLP Intern; or a
    role's word cut short: 'postdoc' for a Postdoctoral Researcher, 'admin' for a Systems
    Administrator."""
    said = words(role)
    return [w for w in raw if w.endswith("ship") and len(w) > 7 and w[:-4] in said
            or len(w) >= 5 and any(r.startswith(w) and len(r) >= len(w) + 3 for r in said)]


def _paraphrase(q: Query, raw: Sequence[str], part: str) -> bool:
    """True when a word a job's record lacks is an everyday verb or adjective of a 'how'
    or 'what did ...' question ('what did she improve at Heatwise'): the record answers
    it in its own words. Not a noun that 'what' asks for ('what grade'), nor 'why'."""
    if "why" in raw or part == stem(q.detail) or not {"how", "what"} & set(raw):
        return False
    return bool(re.search(rf"\b(?:how|(?:did|does|do|has|have) \w+) {re.escape(part)}",
                          " ".join(stem(w) for w in raw)))


def _host(url: str) -> str:
    """The host name of `url`, its parts as words: 'scholar google com'."""
    m = re.match(r"\w+://([^/]+)", url)
    return m.group(1).replace(".", " ") if m else ""


# A visitor introducing themselves at a clause's start: 'Gemma here from Northpoint'.
_HERE = re.compile(r"\s*(?:(?:hi|hello|hey)\s+)?(?:[\w'-]+\s+){0,2}[\w'-]+ here\b")


def without_visitor(question: str) -> str:
    """The question without the visitor's own name: its sign-off goes, and a name they
    introduce themselves by is lowered to an everyday word (no name the profile lacks)."""
    # A message that is only a sign-off ('ok thanks Tom') thanks.
    question = _SIGN_OFF.sub("", question).strip() or "thanks"
    question = _SALUTATION.sub("", question) or question
    return _INTRODUCED.sub(lambda m: m.group(0).replace(m.group("name"),
                                                        m.group("name").lower()), question)


def _pronoun_choice(text: str) -> str:
    """'he or she?', 'is Kim a he or a she': a choice of pronouns and nothing else asks the
    owner's pronouns."""
    choice = _PRONOUNS_CHOICE.fullmatch(text)
    return "pronouns" if choice and choice.group(1) != choice.group(2) else text


_PRONOUN = "he|she|they|him|her|them"
_PRONOUNS_CHOICE = re.compile(rf"\W*(?:(?:is|so|and) (?:\w+ )?)?(?:an? )?({_PRONOUN})\s*(?:or|/)"
                              rf"\s*(?:an? )?({_PRONOUN})\W*")


def _starting(raw: Sequence[str]) -> bool:
    """False when a start or a move is in the past ('did', 'was') or has an object ('start
    a new project'; not a job, 'start a new role' asks it): what happened or what is done,
    not when the owner could start next."""
    text = " ".join(raw)
    return not ({"did", "was", "were", "had"} & set(raw) or _START_OBJECT.search(text))


def _set_aside(raw: list[str]) -> set[str]:
    """The words a question sets aside: 'besides English', 'other than Go'."""
    joined = " ".join(raw)
    return {m.group(1) for m in _ASIDE.finditer(joined)}


def typed_names(text: str) -> set[str]:
    """The folded words typed with a capital, but the first: names as the visitor wrote them.
    None when most words are ('Is She Happy To Travel?' capitalises no names)."""
    found = list(_TYPED.finditer(text))[1:]
    later = [m.group(0) for m in found]
    # Nor the first of a later sentence ('Did they go to a bootcamp? Which one?').
    opening = {m.end() for m in _SENTENCE_GAP.finditer(text)}
    caps = [m.group(0) for m in found if m.group(0)[:1].isupper()
            and (m.start() not in opening or m.group(0).isupper())]
    titled = [t for t in caps if not t.isupper()]  # an acronym ('CRM') is capitals anyway
    if len(titled) >= 3 and len(titled) > 0.6 * len(later):
        return {fold(t) for t in caps if t.isupper() and len(t) > 1}  # but still a name
    return {fold(t) for t in caps}


_SENTENCE_GAP = re.compile(r"[.?!]\s*")
_VERSIONED = re.compile(r"([a-z][a-z+#]*)(\d+(?:\.\d+)*)")
_LANGUAGES = frozenset(lexicon()["skill_kinds"]["programming"])
_NOT_WORD = re.compile(r"[^\w#+]+")  # what the folded profile text keeps as spaces
# Languages, databases and tools the lexicon knows by one word: names, not paraphrases.
_TECH = _LANGUAGES | frozenset(lexicon()["skill_kinds"]["database"]) | tool_names()
# A skill's name with its version after it ('java 17', 'wcag 2.2'), and the nouns whose
# number is no version ('level 2', 'section 508').
_SPACED_VERSION = re.compile(r"([a-z][\w+#./ -]*?[a-z+#]) v?\d{1,2}(?:\.\d+)*(?:\.x)?")
_NUMBERED_NOUNS = frozenset("level part class grade tier phase stage type category step "
                            "section year chapter module volume band".split())
_HOW = re.compile(r"\W*(?:how|what|why|who)\b", re.I)
# Intents that answer from a record or field, which an FAQ question asked as written
# outranks ('What does it cost?' of a project); a topic's own intent keeps it.
_RECORDS = frozenset({"project", "projects", "job", "experience", "skill", "skills",
                      "overview", "contact", "unknown"})
# Where the owner lives: no project's status ('is it live').
_LIVES = re.compile(r"\b(?:where|does|do|did)\s+\w+\s+(?:currently\s+)?live\b|\blives\s+in\b")
# 'Tell me about her (work) experience': her jobs.
_ABOUT_EXPERIENCE = re.compile(r"\babout\b[\w\s'’-]*\bexperience\W*$", re.I)  # 'Seo-ah's'
_ASKING = ("how|what|whats|what's|when|where|which|who|whom|whose|why|would|could|can|is|"
           "are|does|do|did|has|have|will|should|any|whether")
# A sentence's end, or ', and', ';' or ':' before a new question ('I'd love to know two
# things: how long is her notice, and would we need to sponsor a visa?').
# A bare 'and' before a question word asks again ('where is she located and what's the
# best email'); not before 'is' or 'can', which join two of one thing ('is she open and
# is it remote' stays one).
_AND_ASKING = r"\s+and\s+(?=(?:what|whats|what's|where|wheres|where's|when|which|who|how)\b)"
# A list of asks each opened by 'whether' ('could you confirm whether she is free then,
# whether she would need a visa, and whether ...'): a question each.
_QUESTION_BREAK = re.compile(rf"(?<=[?!.])\s+|(?:,\s*(?:and|or|also|plus)\s+|[;:]\s*|\?\s*)"
                             rf"(?=(?:also\s+)?(?:{_ASKING})\b)|{_AND_ASKING}|,\s*(?=whether\b)",
                             re.I)
_MOST_QUESTIONS = 4
_QUESTION_START = re.compile(rf"\W*(?:(?:and|also|so|but|then|plus)\s+)?(?:{_ASKING})\b", re.I)


# Two things named side by side to be compared ('which went better, Kelpie CTF or
# Strathlogic?', 'is her English better than her French'): each is asked on its own, with
# no comparing word, and the comparing is the visitor's.
_COMPARING_WORDS = lexicon()["asks"]["comparing"]
_COMPARING_TIMES = re.compile(rf"\b{any_of(lexicon()['asks']['comparing_times'])}\b", re.I)
_COMPARING = re.compile(rf"\b(?:which|compare|compared|comparison|difference|"
                        rf"{any_of(_COMPARING_WORDS)})\b|{_COMPARING_TIMES.pattern}", re.I)
_COMPARATIVE = re.compile(rf"\s+{any_of(_COMPARING_WORDS)}\b", re.I)
_SIDE_BY_SIDE = re.compile(r"\s+(?:or|vs\.?|versus|than)\s+", re.I)
_SECOND = re.compile(r"\s*([^,;:?!]+?)\s*(?=[,;:?!]|$)")
_MOST_SIDE_WORDS = 5
_WHY_OR_HOW = re.compile(r"\W*(?:why|how)\b", re.I)


def alternatives_in(question: str, names: frozenset[str]) -> list[str]:
    """The question asked of each of two things it compares, each side naming one of
    `names` (folded words), or the question itself."""
    joins = list(_SIDE_BY_SIDE.finditer(question))
    if len(joins) != 1 or not _COMPARING.search(question) or _WHY_OR_HOW.match(question):
        return [question]  # 'why was the iOS release so much later than Android': one thing
    join = joins[0]
    left, rest = question[:join.start()], question[join.end():]
    if join.group(0).strip().lower() == "than":  # 'her English better than': her English
        left = re.sub(rf"(?:\s+(?:more|less))?(?:{_COMPARATIVE.pattern}|\s+"
                      rf"{_COMPARING_TIMES.pattern})\s*$", "", left, flags=re.I)
    second = _SECOND.match(rest)
    if not second or not 0 < len(second.group(1).split()) <= _MOST_SIDE_WORDS:
        return [question]
    trailing = rest[second.end():]
    # The first thing: what follows the last mark before it ('first, Feira Perto'), or as
    # many words as the second has.
    tokens = list(re.finditer(r"\S+", left))
    mark = max(left.rfind(","), left.rfind(":"), left.rfind(";"))
    width = len(second.group(1).split())
    start, end = mark + 1, len(left)
    if (len(left[start:].split()) > width + 2 or mark < 0) and tokens:
        start = tokens[-width:][0].start()
    named = [i for i, m in enumerate(tokens) if names & set(words(fold(m.group(0))))]
    if join.group(0).strip().lower() == "than" and named and named[-1] < len(tokens) - 1:
        # 'does Brightfern have more users than loomkit': the name, not the words after it.
        first = named[-1]
        while first - 1 in named:
            first -= 1
        start, end = tokens[first].start(), tokens[named[-1]].end()
    if not (names & set(words(fold(left[start:end])))
            and names & set(words(fold(second.group(1))))):
        return [question]  # 'full time 40h or something less': no two things named
    if _COMPARING_TIMES.search(question):  # 'which came first': when each one was
        return [f"when was {left[start:end].strip()}", f"when was {second.group(1)}"]
    asked = [left + trailing,
             f"{left[:start].rstrip()} {second.group(1)}{left[end:]}{trailing}"]
    return [_COMPARATIVE.sub("", a).strip() for a in asked]


def questions_in(message: str) -> list[str]:
    """The separate questions of a long message ('two things: is he open to moving abroad,
    and how long is his notice?'), or the message itself when it asks one thing. A part
    asks when it ends with a question mark or opens with a question word; the rest (a
    greeting, who is asking, thanks) is left out. The first four at most: each costs an
    answer, and a message of sixty questions is no visitor's."""
    if message.count("?") + len(re.findall(rf",\s*and\s|{_AND_ASKING}", message, re.I)) < 2 \
            or len(message) < 40:
        return [message]  # most questions: one short sentence
    parts = [p.strip() for p in _QUESTION_BREAK.split(message) if p and p.strip()]
    asking = [p for p in parts if p.endswith("?") or _QUESTION_START.match(p)]
    return asking[:_MOST_QUESTIONS] if len(asking) >= 2 else [message]


def _word_runs(text: str, longest: int = 4) -> frozenset[str]:
    """Every run of one to `longest` words of `text` (words between spaces)."""
    said = text.split()
    return frozenset(" ".join(said[i:i + n]) for n in range(1, longest + 1)
                     for i in range(len(said) - n + 1))


@functools.cache
def _spaced(name: str) -> str:
    """A tool's name as the folded profile text spaces it ('u-boot': 'u boot')."""
    return " ".join(_NOT_WORD.sub(" ", name).split())


# How often pyspellchecker's English list must have a word for it to be spelt right.
_COMMON = 50


@functools.cache
def _english() -> WordFrequency:
    """English word frequencies, loaded on first use: about 0.7 s and 35 MB, once per
    process, and only when a word spelt right is one edit from another profile word."""
    return SpellChecker(language="en", distance=1).word_frequency


def _english_word(word: str) -> bool:
    return bool(_english()[word] >= _COMMON)

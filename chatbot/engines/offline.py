"""The offline engine: answers from the profile alone, with no network and no model."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar

from chatbot.engines.base import Engine, Exchange, Turn, Visitor
from chatbot.profile import Experience, Faq, Profile, Project

# ---------------------------------------------------------------------------------------
# Text normalisation: fold case and accents, tokenise, stem lightly.
# ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
_IRREGULAR = {
    "built": "build", "builds": "build", "building": "build", "made": "make", "makes": "make",
    "led": "lead", "leading": "lead", "leads": "lead", "leader": "lead", "leadership": "lead",
    "wrote": "write", "written": "write", "writing": "write", "used": "use", "uses": "use",
    "using": "use", "usage": "use", "knew": "know", "known": "know", "knowledge": "know",
    "lives": "live", "living": "live", "lived": "live", "ran": "run", "running": "run",
    "began": "start", "begin": "start", "speaks": "speak", "spoken": "speak",
    "speaking": "speak", "spoke": "speak", "won": "win", "winning": "win", "wins": "win",
    "studied": "study", "studies": "study", "studying": "study", "does": "do", "did": "do",
    "done": "do", "doing": "do", "has": "have", "had": "have", "having": "have",
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
    "got": "get", "gets": "get", "getting": "get", "resumes": "resume", "cvs": "cv",
    "emails": "email", "mails": "mail",
    "availability": "available", "avail": "available", "hiring": "hire", "hired": "hire",
    "mentoring": "mentor", "mentored": "mentor", "mentorship": "mentor",
    "relocation": "relocate", "remotely": "remote", "freelancer": "freelance",
    "freelancing": "freelance", "contractor": "contract", "contracting": "contract",
    "programming": "program", "programmer": "program", "programmed": "program",
    "coding": "code", "coded": "code", "coder": "code", "located": "locate",
    "location": "locate", "education": "educate", "educated": "educate",
    "currently": "current", "presently": "current", "recently": "recent",
}
_STOPWORDS = frozenset(
    """a an the and or but if of at by for with about into onto from to in on off out over
    under up down is are was were be been being am do does did done doing have has had having
    i me my mine we us our you your yours he him his she her hers they them their theirs it its
    this that these those there here what which who whom whose when where why how can could
    would should shall will may might must any some all each every no not nor so than too very
    just also as s t d ll re ve m please tell know let like yes ok okay really much many more
    most other such own same again then once get got give show share find see look one ever
    thing things anything something bit kind sort anyone someone anybody
    somebody big large main biggest largest typical usual first last latest recent earliest
    oldest newest""".split()
)


def _fold(text: str) -> str:
    """Lowercase and strip accents, so 'Résumé' and 'resume' compare equal."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words(text: str) -> list[str]:
    """Folded word tokens of `text`."""
    return _WORD.findall(_fold(text))


def _tokenise(text: str) -> list[tuple[str, str]]:
    """(folded, original) pairs for each word, so answers can quote the visitor's spelling."""
    text = re.sub(r"(?i)\be-mail", "email", text.replace("’", "'"))
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        f = _fold(char)
        folded.append(f)
        origin.extend([i] * len(f))
    joined = "".join(folded)
    return [
        (m.group(), text[origin[m.start()] : origin[m.end() - 1] + 1])
        for m in _WORD.finditer(joined)
    ]


def _stem(word: str) -> str:
    """A small suffix-stripping stemmer: plurals, -ing, -ed and a final -e."""
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if len(word) > 3 and word[-1] == word[-2]:
            word = word[:-1]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
        if len(word) > 3 and word[-1] == word[-2]:
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _stems(text: str) -> list[str]:
    """Stems of the words of `text`."""
    return [_stem(w) for w in _words(text)]


def _key(text: str) -> str:
    """Collapse a name to letters, digits, '+' and '#': 'Node.js' -> 'nodejs'."""
    return "".join(_words(text))


def _deletions(word: str) -> set[str]:
    """All strings one deletion away from `word`."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _clean(text: str) -> str:
    """Collapse line breaks inside paragraphs; keep blank lines between them."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]+")
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def _autolink(value: str) -> str:
    """Wrap an absolute URL or an email in <> so Markdown makes it a link; else leave it."""
    if _URL.fullmatch(value) or _EMAIL.fullmatch(value):
        return f"<{value}>"
    return value


def _sentences(text: str) -> list[str]:
    """Split prose into sentences."""
    return [s for s in re.split(r"(?<=[.!?])\s+", _clean(text)) if s]


# ---------------------------------------------------------------------------------------
# What visitors ask about: trigger words and phrases for each topic. Weights: 1 is a clear
# signal, lower values only count when nothing clearer was asked.
# ---------------------------------------------------------------------------------------

_TRIGGERS: dict[str, dict[str, float]] = {
    "contact": {
        "email": 1, "mail": 1, "contact": 1, "reach": 1, "in touch": 1, "phone": 1,
        "call": 0.6, "message": 1, "write to": 1, "talk to": 1, "speak to": 1,
        "speak with": 1, "get hold": 1, "connect": 0.8, "hire": 0.4, "address": 0.6,
    },
    "links": {
        "link": 1, "url": 1, "social": 1, "online": 0.6, "handle": 0.6, "profile link": 1,
        "repo": 1, "repository": 1, "source code": 1, "code": 0.6,
    },
    "availability": {
        "available": 1, "start": 1, "notice": 1, "hire": 1, "open to work": 1, "open to": 0.9,
        "open for": 0.9, "look for": 1, "looking": 0.9, "job search": 1, "job hunt": 1,
        "seek": 1, "opportunity": 1, "freelance": 1, "contract": 1, "full time": 1,
        "part time": 1, "fulltime": 1, "parttime": 1, "interest in": 0.9, "new role": 1,
        "new job": 1, "new position": 1, "when can": 0.9, "how soon": 1, "start date": 1,
        "join": 0.8, "employ": 0.6, "right now": 0.5, "free": 0.5, "status": 0.7,
    },
    "work_modes": {
        "remote": 1, "hybrid": 1, "onsite": 1, "on site": 1, "office": 1, "relocate": 1,
        "move to": 1, "travel": 1, "wfh": 1, "work from home": 1, "commute": 1,
        "in person": 1, "work mode": 1, "timezone": 0.6, "time zone": 0.6,
    },
    "location": {
        "where": 0.4, "base": 1, "live": 1, "locate": 1, "city": 1, "country": 1,
        "timezone": 1, "time zone": 1, "region": 1, "reside": 1, "hometown": 1,
        "where from": 1, "come from": 1,
    },
    "projects": {
        "project": 1, "build": 1, "make": 0.8, "create": 1, "portfolio": 1, "showcase": 1,
        "demo": 1, "app": 1, "side project": 1, "open source": 1, "opensource": 1,
        "work on": 1, "ship": 1, "product": 0.8, "launch": 0.8,
    },
    "skills": {
        "skill": 1, "stack": 1, "technology": 1, "tech": 1, "tool": 1, "language": 1,
        "framework": 1, "library": 1, "know": 0.9, "proficient": 1, "proficiency": 1,
        "familiar": 1, "expertise": 1, "expert": 1, "good at": 1, "strong": 0.6,
        "strength": 1, "competence": 1, "specialize": 1, "specialise": 1, "specialty": 1,
        "speciality": 1, "database": 1, "cloud": 1, "frontend": 1, "front end": 1,
        "backend": 1, "back end": 1, "devops": 1, "infrastructure": 1, "infra": 1,
        "full stack": 1, "fullstack": 1, "program": 0.8, "code in": 1, "use": 0.5,
        "work with": 0.7, "experience with": 1, "experience in": 0.8,
    },
    "experience": {
        "experience": 0.6, "work": 0.4, "job": 0.7, "role": 0.7, "position": 0.7,
        "company": 1, "employer": 1, "career": 1, "history": 1, "employment": 1,
        "current": 1, "previous": 1, "previously": 1, "past": 0.8, "before": 0.6,
        "work at": 1, "work for": 1, "years": 0.8, "year": 0.8, "senior": 0.8,
        "seniority": 1, "how long": 1, "title": 1, "responsibility": 1, "achievement": 1,
        "accomplishment": 1, "track record": 1, "now": 0.5, "employ": 0.8, "team": 0.5,
    },
    "about": {
        "who": 1, "about": 0.6, "introduce": 1, "introduction": 1, "summary": 1, "bio": 1,
        "biography": 1, "background": 1, "overview": 1, "headline": 1, "describe": 1,
        "pitch": 1, "yourself": 1, "summarize": 1, "summarise": 1, "profile": 0.6,
        "name": 0.8, "full name": 1, "what do you do": 1, "what do do": 1, "what do she do": 1,
        "what do he do": 1, "what do they do": 1,
    },
    "pronouns": {"pronoun": 1},
    "bot": {
        "who be you": 1, "be you bot": 1, "be you human": 1, "be you real": 1,
        "your name": 1, "be you ai": 1, "be this bot": 1,
    },
    "help": {
        "help": 1, "what can i ask": 1, "can i ask": 1, "what can you": 1,
        "what do you know": 1, "what should i ask": 1, "option": 0.6, "topic": 0.6,
    },
}
_GREETINGS = frozenset(
    "hi hello hey hiya howdy greetings yo hola ola bonjour hallo sup morning afternoon "
    "evening heya hullo".split()
)
_THANKS = frozenset("thanks thank thx cheers bye goodbye ty".split())
_THANKS_STEMS = frozenset(_stem(w) for w in _THANKS)

# Kinds of links visitors ask for, by the words they use; a profile's link is matched by its
# name and its URL.
_LINK_KINDS: dict[str, tuple[str, ...]] = {
    "cv": ("cv", "resume", "curriculum", "vitae"),
    "github": ("github",),
    "gitlab": ("gitlab",),
    "linkedin": ("linkedin",),
    "website": ("website", "homepage", "webpage"),
    "blog": ("blog", "article", "post", "writing"),
    "twitter": ("twitter", "tweet"),
    "mastodon": ("mastodon", "fediverse"),
    "bluesky": ("bluesky", "bsky"),
    "kaggle": ("kaggle",),
    "stackoverflow": ("stackoverflow",),
    "youtube": ("youtube", "video"),
    "dribbble": ("dribbble",),
    "behance": ("behance",),
    "medium": ("medium",),
    "huggingface": ("huggingface",),
    "scholar": ("scholar",),
}
_LINK_LABELS = {
    "cv": "CV", "github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn",
    "website": "Website", "blog": "Blog", "twitter": "Twitter", "kaggle": "Kaggle",
    "stackoverflow": "Stack Overflow", "youtube": "YouTube", "resume": "Résumé",
    "huggingface": "Hugging Face", "bluesky": "Bluesky", "mastodon": "Mastodon",
}

# Common alternative names of technologies: what a visitor types -> the key in a profile.
_TECH_ALIASES: dict[str, tuple[str, ...]] = {
    "golang": ("go",), "js": ("javascript",), "ts": ("typescript",),
    "postgres": ("postgresql",), "psql": ("postgresql",), "postgresql": ("postgres",),
    "k8s": ("kubernetes",), "kube": ("kubernetes",), "py": ("python",),
    "python3": ("python",), "gcp": ("googlecloud", "googlecloudplatform"),
    "googlecloud": ("gcp",), "amazonwebservices": ("aws",), "aws": ("amazonwebservices",),
    "ml": ("machinelearning",), "machinelearning": ("ml",), "ai": ("artificialintelligence",),
    "sklearn": ("scikitlearn",), "scikit": ("scikitlearn",), "reactjs": ("react",),
    "react": ("reactjs",), "vue": ("vuejs",), "vuejs": ("vue",), "node": ("nodejs",),
    "mongo": ("mongodb",), "elastic": ("elasticsearch",), "tailwind": ("tailwindcss",),
    "dotnet": ("net",), "csharp": ("c#",), "cpp": ("c++",), "cplusplus": ("c++",),
    "tf": ("tensorflow",), "torch": ("pytorch",), "llm": ("llms",), "llms": ("llm",),
    "gha": ("githubactions",), "ci": ("cicd",), "cicd": ("ci",), "azure": ("microsoftazure",),
    "spark": ("apachespark", "pyspark"), "kafka": ("apachekafka",),
}
# Tech names that are also everyday English words: only matched in a tech-ish context.
_AMBIGUOUS_TECH = frozenset(
    "go r c d next rest express spring swift make less ember meteor gin echo chef salt shell "
    "excel office teams windows play ruby crystal julia elm dart flow pandas keras".split()
)
_TECH_CONTEXT = frozenset(
    "know use in with write code program learn of like about and or experience skill "
    "develop developer familiar proficient comfortable".split()
)
# Words inside a skill's parentheses that qualify it rather than name a technology.
_QUALIFIERS = frozenset(
    "learning basic basics beginner intermediate advanced expert fluent native some working "
    "familiar professional conversational years year production hobby personal".split()
)
# Words of multi-word technology names too generic to stand for the whole name alone.
_GENERIC_TECH_WORDS = frozenset(
    "google github gitlab apache amazon microsoft cloud css data web api apis framework "
    "server services service actions learning engine studio code platform tools tool test "
    "testing language languages design system systems pipeline pipelines open source".split()
)
_GENERIC_ORG_WORDS = frozenset(
    "inc ltd llc gmbh corp company group labs lab technologies technology tech software "
    "systems solutions studio digital the and of co sa ag bv".split()
)
# Paraphrases that should meet when matching FAQ questions and free text.
_SYNONYM_GROUPS = (
    "educate degree university study school college graduate bsc msc phd diploma "
    "bachelor master qualification",
    "salary compensation pay rate expectation charge fee price cost hourly daily",
    "relocate move",
    "freelance contract consult consultant gig",
    "visa sponsorship sponsor permit citizenship citizen",
    "talk conference meetup presentation speaker present",
    "publish publication paper research article",
    "hobby interest fun pastime spare",
    "lead manage manager management run head",
    "mentor coach teach",
    "award prize win challenge competition",
    "certification certificate certify certified",
    "open opensource",
    "fintech payment bank banking finance financial money",
    "health healthcare clinic medical hospital patient",
    "ecommerce shop retail commerce store",
)
_CONCEPT: dict[str, str] = {}
for _group in _SYNONYM_GROUPS:
    _members = [_stem(w) for w in _group.split()]
    for _m in _members:
        _CONCEPT.setdefault(_m, _members[0])

_CODE_STEMS = frozenset(_stem(w) for w in "code repo repository source".split())
_CODE_HOSTS = ("github", "gitlab", "codeberg", "bitbucket", "sourcehut", "sr.ht")
_REFERS = frozenset("it its that this there they them those these one".split())
_START_STEMS = frozenset(_stem(w) for w in "start notice when soon date".split())
_RELOCATE = _stem("relocate")
_PHONE_STEMS = frozenset(_stem(w) for w in "phone call number telephone mobile whatsapp".split())
_NOW_WORDS = frozenset(
    "current currently now today job role position title employer present".split()
)
_PAST_WORDS = frozenset(
    "previous previously past before history jobs roles positions employers companies "
    "career all worked prior earlier former first earliest oldest".split()
)
_CURRENT = re.compile(r"present|now|current|today|ongoing|\bdate\b", re.I)
_SKILL_VERBS = (
    "know", "use", "familiar with", "experience with", "experience in", "work with",
    "proficient in", "skill in", "good at", "expert in", "fluent in", "program in",
    "code in", "write", "knowledge of", "hear of", "comfortable with", "touch",
)
_MAX_QUESTION = 1000  # characters analysed; the app caps messages well before this


def _compounds(joined: str) -> str:
    """Join split compounds ('on site' -> 'onsite') so they don't trigger other phrases."""
    for split, whole in _COMPOUNDS:
        joined = joined.replace(split, whole)
    return joined


def _compound_positions(stems: list[str]) -> set[int]:
    """Indexes of words that are halves of a split compound such as 'on site'."""
    found: set[int] = set()
    for i in range(len(stems) - 1):
        if f" {stems[i]} {stems[i + 1]} " in _COMPOUND_SPLITS:
            found.update((i, i + 1))
    return found


def _phrase_stems(text: str) -> tuple[str, ...]:
    """Stems of a trigger phrase (stopwords kept, so 'open to' stays a phrase)."""
    return tuple(_stem(w) for w in _words(text))


_SKILL_VERB_STEMS = tuple(_phrase_stems(v) for v in _SKILL_VERBS)
_COMPOUNDS = [
    (f" {_stem(a)} {_stem(b)} ", f" {_stem(a + b)} ")
    for a, b in (
        ("on", "site"), ("full", "time"), ("part", "time"), ("open", "source"),
        ("front", "end"), ("back", "end"), ("full", "stack"), ("time", "zone"),
        ("in", "person"), ("side", "project"), ("on", "call"),
    )
]
_COMPOUND_SPLITS = frozenset(split for split, _ in _COMPOUNDS)
_COMPILED: dict[str, list[tuple[tuple[str, ...], float]]] = {
    topic: [(tuple(_compounds(" " + " ".join(_phrase_stems(p)) + " ").split()), w)
            for p, w in triggers.items()]
    for topic, triggers in _TRIGGERS.items()
}
_TRIGGER_WORDS = frozenset(
    w for triggers in _TRIGGERS.values() for p in triggers for w in _words(p)
) | {w for kind in _LINK_KINDS.values() for w in kind} | _GREETINGS | _THANKS
_TRIGGER_STEMS = frozenset(_stem(w) for w in _TRIGGER_WORDS)
# Stems that only mean "which topic" (relocate, salary, ...) through the synonym groups.
_CONCEPT_TRIGGERS = frozenset(s for s in _CONCEPT if _CONCEPT[s] in _TRIGGER_STEMS)
_EMAIL_WORDS = frozenset(_stem(w) for w in ("email", "mail", "address"))
_CONTACT_WORDS = frozenset(
    _stem(w) for w in "contact reach touch connect hire talk speak message call phone".split()
)


# ---------------------------------------------------------------------------------------
# The precomputed index.
# ---------------------------------------------------------------------------------------


@dataclass
class _Skill:
    """One technology the profile names, and where it appears."""

    label: str
    groups: list[str] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    roles: list[tuple[Experience, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Doc:
    """A piece of profile text that free-text questions are matched against."""

    text: str
    concepts: frozenset[str]


@dataclass
class _Query:
    """What one question asks, as found by `_analyse`."""

    words: list[str]
    originals: list[str]
    stems: list[str]
    content: list[str]
    topics: dict[str, float]
    projects: list[Project]
    companies: list[Experience]
    skills: list[_Skill]
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
        keys = {_key(name)}
        for w in _words(name):
            if len(w) >= 4 and _stem(w) not in reserved and w not in _GENERIC_ORG_WORDS:
                keys.add(_stem(w))
        for k in keys:
            bucket = index.setdefault(k, [])
            if item not in bucket:
                bucket.append(item)
    return index


def _concepts(stems: Iterable[str]) -> set[str]:
    """Map stems to shared concepts so paraphrases meet."""
    return {_CONCEPT.get(s, s) for s in stems}


class OfflineEngine(Engine):
    """Answers questions about the owner from the profile alone, in well under a millisecond."""

    name: ClassVar[str] = "offline"
    can_stream: ClassVar[bool] = False

    def __init__(self, profile: Profile):
        self.profile = profile
        self.first = profile.first_name
        self._owner_words = set(_words(profile.owner.name))
        self._build_skills()
        self._build_names()
        self._build_links()
        self._build_docs()
        self._build_spelling()
        self._latest_job = self._find_latest_job()

    # -- index building -----------------------------------------------------------------

    def _build_skills(self) -> None:
        """Index every skill and project technology under the keys a visitor may type."""
        p = self.profile
        self._skills: dict[str, _Skill] = {}
        self._skill_keys: dict[str, list[_Skill]] = {}
        self._partial_keys: dict[str, list[_Skill]] = {}

        def add(label: str) -> _Skill:
            canonical = _key(label)
            if canonical not in self._skills:
                skill = self._skills[canonical] = _Skill(label)
                full, partial = self._label_keys(label)
                for k in full | {_stem(k) for k in full if len(k) > 4}:
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
            for word in _words(group):
                stem = _stem(word)
                if word not in _STOPWORDS and word not in _QUALIFIERS and len(word) > 1:
                    self._groups.setdefault(stem, set()).add(group)
                    for alias in _TECH_ALIASES.get(word, ()):
                        self._groups.setdefault(alias, set()).add(group)
        for alias, stem in (("database", "data"), ("db", "data"), ("ml", "machine")):
            if stem in self._groups:
                self._groups.setdefault(alias, set()).update(self._groups[stem])

    @staticmethod
    def _label_keys(label: str) -> tuple[set[str], set[str]]:
        """Full keys and partial (one-word) keys under which a skill label is found."""
        main = re.sub(r"\(.*?\)", " ", label)
        inner = re.findall(r"\((.*?)\)", label)
        full = {_key(main)} if _key(main) else set()
        for part in re.split(r"[/,;]| and ", main):
            if _key(part):
                full.add(_key(part))
        for chunk in inner:
            for part in re.split(r"[/,;]", chunk):
                words = _words(part)
                if words and not all(w in _QUALIFIERS for w in words):
                    full.add("".join(words))
        for k in list(full):
            if k.endswith("js") and len(k) > 4:
                full.add(k[:-2])
            full.update(_TECH_ALIASES.get(k, ()))
        full |= {a for a, targets in _TECH_ALIASES.items() if full & set(targets)}
        partial = set()
        words = _words(main)
        if len(words) > 1:
            for w in words:
                if len(w) >= 4 and w not in _GENERIC_TECH_WORDS and w not in _STOPWORDS:
                    partial.add(w)
        return full, partial

    @staticmethod
    def _text_keys(text: str) -> set[str]:
        """Keys of the 1- to 3-word runs in free text, to find skills mentioned in it."""
        words = _words(text)
        keys = set()
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                keys.add("".join(words[i : i + n]))
        return keys

    def _build_names(self) -> None:
        """Index project and company names: whole names and their distinctive words."""
        reserved = _TRIGGER_STEMS | set(self._skill_keys) | _STOPWORDS
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
            kinds = {_fold(name)} | set(_words(name))
            host = _fold(url)
            for kind, words in _LINK_KINDS.items():
                if kinds & set(words) or kind in kinds or kind in host:
                    kinds.update(words)
                    kinds.add(kind)
            if host.endswith(".pdf"):
                kinds.update(_LINK_KINDS["cv"])
            for word in kinds:
                self._link_words.setdefault(_stem(word), []).append(name)
        self._link_kind_words = {
            _stem(w): kind for kind, words in _LINK_KINDS.items() for w in words
        }

    def _build_docs(self) -> None:
        """Cut the profile into small documents for free-text matching."""
        p = self.profile
        texts = [p.owner.headline, *_sentences(p.owner.summary or "")]
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
        self._docs = [_Doc(t, frozenset(_concepts(self._content(_words(t))))) for t in texts]
        self._faqs = [
            (faq, _concepts(self._content(_words(faq.question))),
             _concepts(self._content(_words(faq.answer))))
            for faq in p.faq
        ]
        counts: dict[str, int] = {}
        for doc in self._docs:
            for c in doc.concepts:
                counts[c] = counts.get(c, 0) + 1
        n = len(self._docs) + 1
        self._idf = {c: math.log(1 + n / k) for c, k in counts.items()}
        self._idf_unknown = math.log(1 + n)
        self._vocab = set(counts) | {_stem(w) for w in _words(p.owner.headline)}
        for skill in self._skills.values():
            self._vocab.update(_stems(skill.label))

    def _build_spelling(self) -> None:
        """Prepare one-edit spelling correction against the words that matter."""
        vocab = set(_TRIGGER_WORDS) | set(_IRREGULAR)
        vocab.update(k for k in self._skill_keys if len(k) >= 5)
        vocab.update(k for k in self._project_keys if len(k) >= 5)
        vocab.update(k for k in self._company_keys if len(k) >= 5)
        for group in self.profile.skills:
            vocab.update(_words(group))
        vocab.update(("experience", "projects", "available", "availability", "skills"))
        self._spelling_vocab = vocab
        self._spelling: dict[str, str] = {}
        for word in sorted(vocab):
            if len(word) >= 5:
                for variant in _deletions(word):
                    self._spelling.setdefault(variant, word)

    # -- analysis ---------------------------------------------------------------------

    def _content(self, words: list[str]) -> list[str]:
        """Stems of the words that carry meaning (no stopwords, no owner name), compounds too."""
        stems = [_stem(w) for w in words]
        content = [
            s for w, s in zip(words, stems, strict=True)
            if w not in _STOPWORDS and s not in _STOPWORDS and w not in self._owner_words
        ]
        joined = " " + " ".join(stems) + " "
        return content + [whole.strip() for split, whole in _COMPOUNDS if split in joined]

    def _correct(self, word: str, original: str, first: bool) -> str:
        """Fix one typo in a longer word the engine would otherwise not recognise."""
        if len(word) < 5 or word in self._spelling_vocab or word in _STOPWORDS:
            return word
        if _stem(word) in self._vocab or word in self._vocab:
            return word
        if original[:1].isupper() and not first:
            return word  # a proper name the profile doesn't know, such as a technology
        if word in self._spelling:  # a letter missing
            return self._spelling[word]
        for variant in _deletions(word):
            if variant in self._spelling_vocab:  # a letter too many
                return variant
            if len(word) >= 7 and variant in self._spelling:  # a letter wrong or swapped
                return self._spelling[variant]
        return word

    def _analyse(self, question: str) -> _Query:
        """Find the topics and profile entities a question is about."""
        question = question[:_MAX_QUESTION]
        raw = _fold(question)
        tokens = _tokenise(question)
        words = [self._correct(w, o, i == 0) for i, (w, o) in enumerate(tokens)]
        originals = [o for _, o in tokens]
        stems = [_stem(w) for w in words]
        joined = _compounds(" " + " ".join(stems) + " ")
        topics: dict[str, float] = {}
        for topic, triggers in _COMPILED.items():
            score = 0.0
            for phrase, weight in triggers:
                if (" " + " ".join(phrase) + " ") in joined:
                    score = max(score, weight)
            if score:
                topics[topic] = score
        content = self._content(words)
        used = _compound_positions(stems)
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
            links = [name for name in links if _fold(name) != "portfolio"]
        unknown, known = self._skill_terms(words, originals, stems, used, skills)
        first = words[0] if words else ""
        greeting = first in _GREETINGS or raw.strip().startswith(("good morning", "good day"))
        thanks = bool(set(words) & _THANKS)
        return _Query(
            words, originals, stems, content, topics, projects, companies, skills, groups, links,
            missing, unknown, known, greeting, thanks,
        )

    def _match_skills(
        self, words: list[str], originals: list[str], used: set[int]
    ) -> list[_Skill]:
        """Find technologies named in the question, longest names first."""
        found: list[_Skill] = []
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                span = set(range(i, i + n))
                if span & used:
                    continue
                key = "".join(words[i : i + n])
                hits = self._skill_keys.get(key)
                if not hits and n == 1:
                    hits = self._skill_keys.get(_stem(key)) or self._partial_keys.get(key)
                if not hits:
                    continue
                if n == 1 and key in _AMBIGUOUS_TECH:
                    before = _stem(words[i - 1]) if i else ""
                    after = _stem(words[i + 1]) if i + 1 < len(words) else ""
                    cased = i > 0 and originals[i][:1].isupper()
                    if not (cased or before in _TECH_CONTEXT or after in _TECH_CONTEXT):
                        continue
                used |= span
                for skill in hits:
                    if skill not in found:
                        found.append(skill)
        return found

    @staticmethod
    def _is_name_part(skill: _Skill, projects: list[Project], companies: list[Experience]) -> bool:
        """True when a skill label is only a word of a matched project or company name."""
        names = [p.name for p in projects] + [c.company for c in companies]
        key = _key(skill.label)
        return any(key in _key(n) and key != _key(n) for n in names)

    def _skill_terms(
        self,
        words: list[str],
        originals: list[str],
        stems: list[str],
        used: set[int],
        skills: list[_Skill],
    ) -> tuple[list[str], list[str]]:
        """Terms asked about after 'know', 'use', 'experience with'... that matched no skill."""
        unknown: list[str] = []
        known: list[str] = []
        for verb in _SKILL_VERB_STEMS:
            n = len(verb)
            starts = [i + n for i in range(len(stems) - n + 1) if tuple(stems[i : i + n]) == verb]
            for start in starts:
                term: list[int] = []
                for i in range(start, min(start + 3, len(words))):
                    w = words[i]
                    if i in used or w in _STOPWORDS or w in self._owner_words:
                        if term:
                            break
                        if w in ("any", "some", "a", "an", "the"):
                            continue
                        break
                    if _stem(w) in _TRIGGER_STEMS or w in _TRIGGER_WORDS:
                        break
                    if _stem(w) in self._groups:
                        break
                    term.append(i)
                if not term:
                    continue
                text = " ".join(originals[i] for i in term)
                if all(_stem(words[i]) in self._vocab for i in term):
                    known.append(text)
                elif text not in unknown:
                    unknown.append(text)
        if skills:
            unknown = []
        return unknown, known

    # -- answering --------------------------------------------------------------------

    def reply(self, turn: Turn) -> Iterator[str]:
        """Yield the whole answer as one chunk."""
        yield self.answer(turn.question, turn.visitor, turn.history)

    def answer(
        self, question: str, visitor: Visitor | None = None, history: Sequence[Exchange] = ()
    ) -> str:
        """Answer `question` from the profile, or say plainly that it has no answer."""
        visitor = visitor or Visitor()
        q = self._analyse(question)
        if history and not (q.projects or q.companies or q.skills) and _REFERS & set(q.words):
            self._follow_up(q, history)
        faq, faq_score = self._best_faq(q)
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
        self, q: _Query, visitor: Visitor, faq: Faq | None, faq_score: float
    ) -> str | None:
        """Replies that stand alone: greetings, thanks, a clear FAQ hit, an unknown skill."""
        if not q.has_entities and not q.strong and faq_score < 0.45:
            if q.thanks and set(q.content) <= _THANKS_STEMS:
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

    def _sections(self, q: _Query, faq: Faq | None) -> list[tuple[str, str]]:
        """The (topic, text) parts of the answer, most specific first."""
        sections = self._entity_sections(q)
        if q.known_terms and not q.named:
            intro = (
                f"{self._quote(q.known_terms[0])} isn't among {self._possessive()} listed "
                "skills, but the profile mentions it:"
            )
            sections = self._search(q, loose=True, intro=intro, skip=faq)
        elif self._free_known(q) and not q.has_entities:
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
        if not sections and q.topics and self._all_understood(q):
            sections = self._topic_sections(q, q.topics, set(), False)
        return sections

    def _follow_up(self, q: _Query, history: Sequence[Exchange]) -> None:
        """Resolve 'it' or 'there' to the one project, company or skill asked about last."""
        for exchange in reversed(history[-6:]):
            if exchange.role != "visitor":
                continue
            before = self._analyse(exchange.text)
            named = before.projects + before.companies + before.skills
            if len(named) == 1:
                q.projects, q.companies, q.skills = (
                    before.projects, before.companies, before.skills
                )
                return
            if named:
                return

    def _best_faq(self, q: _Query) -> tuple[Faq | None, float]:
        """The FAQ entry whose question best matches, with a 0..1 score."""
        asked = _concepts(q.content)
        if not asked or not self._faqs:
            return None, 0.0
        best, best_score = None, 0.0
        for faq, question, answer in self._faqs:
            shared = asked & question
            if not shared:
                continue
            w_shared = sum(self._weight(c) for c in shared)
            cover_faq = w_shared / sum(self._weight(c) for c in question)
            cover_q = (w_shared + 0.5 * sum(self._weight(c) for c in (asked - shared) & answer))
            cover_q /= sum(self._weight(c) for c in asked)
            score = (cover_faq * cover_q) ** 0.5
            if score > best_score:
                best, best_score = faq, score
        return best, best_score

    def _weight(self, concept: str) -> float:
        """How telling a concept is: rare profile words weigh more, trigger words less."""
        weight = self._idf.get(concept, self._idf_unknown)
        if concept in _TRIGGER_STEMS:
            weight *= 0.6
        return weight

    def _entity_sections(self, q: _Query) -> list[tuple[str, str]]:
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
        self, q: _Query, topics: dict[str, float], covered: set[str], has_entities: bool
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
        self, q: _Query, loose: bool = False, intro: str = "", skip: Faq | None = None
    ) -> list[tuple[str, str]]:
        """Fall back to the profile sentences that cover most of the question's words."""
        asked = _concepts(q.content)
        if not asked:
            return []
        total = sum(self._weight(c) for c in asked)
        chosen: list[_Doc] = []
        covered: set[str] = set()
        for _ in range(3):
            best, gain = None, 0.0
            for doc in self._docs:
                if doc in chosen or (skip and doc.text.endswith(skip.answer)):
                    continue
                fresh = (asked & doc.concepts) - covered
                new = sum(self._weight(c) for c in fresh)
                if chosen and not fresh - _TRIGGER_STEMS:
                    continue
                if new > gain:
                    best, gain = doc, new
            if best is None or (chosen and gain < 0.3 * total):
                break
            chosen.append(best)
            covered |= asked & best.concepts
        if not chosen or not covered - _TRIGGER_STEMS:
            return []
        if sum(self._weight(c) for c in covered) / total < (0.3 if loose else 0.5):
            return []
        lines = [f"- {_clean(doc.text)}" for doc in chosen]
        intro = intro or f"Here is what {self._possessive()} profile says about that:"
        return [("search", "\n".join([intro, *lines]))]

    def _free_known(self, q: _Query) -> bool:
        """True when the question has profile words beyond the topic words, e.g. 'fraud'."""
        free = [s for s in q.content if s not in _TRIGGER_STEMS and s not in _CONCEPT_TRIGGERS]
        return any(s in self._vocab for s in free)

    def _all_understood(self, q: _Query) -> bool:
        """True when every meaningful word of the question is a known topic or profile word."""
        return all(s in _TRIGGER_STEMS or s in self._vocab for s in q.content)

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
        focus = [_fold(f) for f in audience.focus]

        def rank(topic: str) -> int:
            for i, f in enumerate(focus):
                if topic in f or f in topic:
                    return i
            return len(focus)

        first = [s for s in sections if s[0] == "faq"]
        rest = sorted((s for s in sections if s[0] != "faq"), key=lambda s: rank(s[0]))
        return first + rest

    def _faq(self, faq: Faq) -> str:
        text = _clean(faq.answer)
        if re.search(r"\b(email|e-mail|contact|reach|call)\b", _fold(text)):
            email = self.profile.contact.email
            if email and email not in text:
                text += f"\n\nEmail: {_autolink(email)}"
        return text

    def _project_line(self, project: Project) -> str:
        line = f"- **{project.name}**: {_clean(project.summary)}"
        if project.tech:
            line += f" ({', '.join(project.tech)})"
        if project.link:
            line += f" {_autolink(project.link)}"
        return line

    def _project_list(self) -> str:
        projects = self.profile.projects
        if not projects:
            return self._no_info(f"{self._possessive()} profile lists no projects")
        lines = [f"{self.first} has built these projects:"]
        lines += [self._project_line(p) for p in projects]
        return "\n".join(lines)

    def _project_detail(self, project: Project, skills: list[_Skill]) -> str:
        lines = [f"**{project.name}**: {_clean(project.summary)}"]
        for skill in skills:
            if project in skill.projects:
                lines.insert(0, f"Yes: {project.name} uses {skill.label}.")
            else:
                lines.insert(0, f"The profile doesn't list {skill.label} for {project.name}.")
        if project.tech:
            lines.append(f"- Tech: {', '.join(project.tech)}")
        lines += [f"- {_clean(h)}" for h in project.highlights]
        if project.link:
            lines.append(f"- Link: {_autolink(project.link)}")
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
        lines += [f"- {_clean(h)}" for h in job.highlights]
        return "\n".join(lines)

    @staticmethod
    def _is_current(job: Experience) -> bool:
        return bool(job.period and _CURRENT.search(job.period))

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

    def _experience(self, q: _Query, asks_years: bool) -> str:
        jobs = self.profile.experience
        lines: list[str] = []
        if asks_years:
            owner = self.profile.owner
            for sentence in _sentences(f"{owner.headline}. {owner.summary or ''}"):
                if re.search(r"\byears?\b", sentence, re.I):
                    lines.append(sentence)
        if not jobs:
            if lines:
                return "\n".join(lines)
            return self._no_info(f"{self._possessive()} profile lists no work experience")
        asked = set(q.words)
        wants_current = bool(_NOW_WORDS & asked) or (
            "where" in asked and bool({"work", "works", "working"} & asked)
        )
        wants_current = wants_current and not (_PAST_WORDS & asked)
        if wants_current and not asks_years:
            current = [j for j in jobs if self._is_current(j)] or [self._latest_job or jobs[0]]
            return "\n\n".join(self._job_detail(j) for j in current)
        lines.append(f"{self._possessive()} experience:")
        for job in jobs:
            lines.append(f"- {self._job_line(job)}")
            lines += [f"  - {_clean(h)}" for h in job.highlights[:2]]
        return "\n".join(lines)

    def _skill_detail(self, skill: _Skill, projects_first: bool) -> str:
        usage = []
        if skill.projects:
            names = ", ".join(f"**{p.name}**" for p in skill.projects)
            usage.append(f"- Projects using it: {names}")
        for job, line in skill.roles[:2]:
            usage.append(f"- At {job.company}: {_clean(line)}")
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
            keys = {_key(s) for g in groups for s in skills[g]}
            matching = [p for p in self.profile.projects if keys & {_key(t) for t in p.tech}]
            if matching:
                lines.append("")
                lines.append("Projects that use them:")
                lines += [self._project_line(p) for p in matching]
        return "\n".join(lines)

    def _link_label(self, name: str) -> str:
        return _LINK_LABELS.get(_fold(name), name.replace("_", " ").capitalize())

    def _links_detail(self, names: list[str], missing: list[str]) -> str:
        links = self.profile.contact.links
        lines = [f"- {self._link_label(n)}: {_autolink(links[n])}" for n in names if n in links]
        text = "\n".join(lines)
        if missing and not names:
            kinds = ", ".join(_LINK_LABELS.get(k, k.capitalize()) for k in missing)
            text = self._no_info(f"{self._possessive()} profile has no {kinds} link")
        return text

    def _all_links(self, q: _Query) -> str:
        links = self.profile.contact.links
        if not links:
            return self._no_info(f"{self._possessive()} profile gives no links")
        names = list(links)
        if _CODE_STEMS & set(q.stems):
            hosts = [n for n in names if any(h in _fold(links[n]) for h in _CODE_HOSTS)]
            names = hosts or names
        return self._links_detail(names, [])

    def _contact(self, q: _Query | None = None) -> str:
        email = self.profile.contact.email
        links = self.profile.contact.links
        asked = set(q.stems) if q else set()
        email_only = bool(_EMAIL_WORDS & asked) and not _CONTACT_WORDS & asked
        lines = []
        if asked & _PHONE_STEMS and _stem("phone") not in self._vocab:
            lines.append(f"{self._possessive()} profile gives no phone number.")
        if email:
            lines.append(f"You can reach {self.first} by email at {_autolink(email)}.")
            if email_only:
                return "\n".join(lines)
        elif links:
            lines.append(f"{self._possessive()} profile gives no email, but these links:")
        else:
            return f"{self._possessive()} profile gives no contact details."
        lines += [f"- {self._link_label(n)}: {_autolink(url)}" for n, url in links.items()]
        return "\n".join(lines)

    def _availability(self, q: _Query, topics: dict[str, float]) -> str:
        a = self.profile.availability
        lines = [f"**Availability:** {_clean(a.status)}"]
        if a.work_modes:
            lines.append(f"- Work modes: {', '.join(a.work_modes)}")
        if a.notice:
            lines.append(f"- Notice: {_clean(a.notice)}")
        if "work_modes" in topics and self.profile.owner.location:
            lines.append(f"- Based in: {self.profile.owner.location}")
        asked = set(q.stems)
        if not a.notice and asked & _START_STEMS:
            lines.append("- The profile gives no notice period or start date.")
        if _RELOCATE in asked and _RELOCATE not in self._vocab:
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
        lines = [f"**{owner.name}**: {_clean(owner.headline)}"]
        if owner.summary:
            lines.append(_clean(owner.summary))
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
            offer = f"You could ask {self.first} directly at {_autolink(email)}"
            preferred = next((n for n in ("linkedin", "website") if n in links), None)
            if preferred:
                offer += f" or on {self._link_label(preferred)}: {_autolink(links[preferred])}"
            return offer + "."
        if links:
            name = next((n for n in ("linkedin", "website") if n in links), next(iter(links)))
            return (
                f"You could ask {self.first} directly via {self._link_label(name)}: "
                f"{_autolink(links[name])}."
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
            return f"{_clean(audience.greeting)}\n\n{self._topics_hint()}"
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
            f"I'm the assistant on {owner.name}'s portfolio ({_clean(owner.headline)}). "
            f"I answer from {self._possessive()} profile only. {self._topics_hint()}"
        )

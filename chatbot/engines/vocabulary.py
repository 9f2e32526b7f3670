"""The offline engine's word tables, and the stems and phrases derived from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from chatbot.engines.text_analysis import phrase_stems, stem, words

# Words that say nothing about what a question is after.
STOPWORDS = frozenset(
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
GREETINGS = frozenset(
    "hi hello hey hiya howdy greetings yo hola ola bonjour hallo sup morning afternoon "
    "evening heya hullo".split()
)
THANKS = frozenset("thanks thank thx cheers bye goodbye ty".split())
THANKS_STEMS = frozenset(stem(w) for w in THANKS)

# Kinds of links visitors ask for, by the words they use; a profile's link is matched by its
# name and its URL.
LINK_KINDS: dict[str, tuple[str, ...]] = {
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
LINK_LABELS = {
    "cv": "CV", "github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn",
    "website": "Website", "blog": "Blog", "twitter": "Twitter", "kaggle": "Kaggle",
    "stackoverflow": "Stack Overflow", "youtube": "YouTube", "resume": "Résumé",
    "huggingface": "Hugging Face", "bluesky": "Bluesky", "mastodon": "Mastodon",
}

# Common alternative names of technologies: what a visitor types -> the key in a profile.
TECH_ALIASES: dict[str, tuple[str, ...]] = {
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
AMBIGUOUS_TECH = frozenset(
    "go r c d next rest express spring swift make less ember meteor gin echo chef salt shell "
    "excel office teams windows play ruby crystal julia elm dart flow pandas keras".split()
)
TECH_CONTEXT = frozenset(
    "know use in with write code program learn of like about and or experience skill "
    "develop developer familiar proficient comfortable".split()
)
# Words inside a skill's parentheses that qualify it rather than name a technology.
QUALIFIERS = frozenset(
    "learning basic basics beginner intermediate advanced expert fluent native some working "
    "familiar professional conversational years year production hobby personal".split()
)
# Words of multi-word technology names too generic to stand for the whole name alone.
GENERIC_TECH_WORDS = frozenset(
    "google github gitlab apache amazon microsoft cloud css data web api apis framework "
    "server services service actions learning engine studio code platform tools tool test "
    "testing language languages design system systems pipeline pipelines open source".split()
)
GENERIC_ORG_WORDS = frozenset(
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
    _members = [stem(w) for w in _group.split()]
    for _m in _members:
        _CONCEPT.setdefault(_m, _members[0])


def concepts(stems: Iterable[str]) -> set[str]:
    """Map stems to shared concepts so paraphrases meet."""
    return {_CONCEPT.get(s, s) for s in stems}


CODE_STEMS = frozenset(stem(w) for w in "code repo repository source".split())
CODE_HOSTS = ("github", "gitlab", "codeberg", "bitbucket", "sourcehut", "sr.ht")
REFERS = frozenset("it its that this there they them those these one".split())
START_STEMS = frozenset(stem(w) for w in "start notice when soon date".split())
RELOCATE = stem("relocate")
PHONE_STEMS = frozenset(stem(w) for w in "phone call number telephone mobile whatsapp".split())
NOW_WORDS = frozenset(
    "current currently now today job role position title employer present".split()
)
PAST_WORDS = frozenset(
    "previous previously past before history jobs roles positions employers companies "
    "career all worked prior earlier former first earliest oldest".split()
)
CURRENT = re.compile(r"present|now|current|today|ongoing|\bdate\b", re.I)
# Verbs that introduce a technology: 'does she know X', 'experience with X'.
_SKILL_VERBS = (
    "know", "use", "familiar with", "experience with", "experience in", "work with",
    "proficient in", "skill in", "good at", "expert in", "fluent in", "program in",
    "code in", "write", "knowledge of", "hear of", "comfortable with", "touch",
)
# Split compounds ('on site') and their joined form, both as stems between spaces.
COMPOUNDS = [
    (f" {stem(a)} {stem(b)} ", f" {stem(a + b)} ")
    for a, b in (
        ("on", "site"), ("full", "time"), ("part", "time"), ("open", "source"),
        ("front", "end"), ("back", "end"), ("full", "stack"), ("time", "zone"),
        ("in", "person"), ("side", "project"), ("on", "call"),
    )
]
_COMPOUND_SPLITS = frozenset(split for split, _ in COMPOUNDS)


def compounds(joined: str) -> str:
    """Join split compounds ('on site' -> 'onsite') so they don't trigger other phrases."""
    for split, whole in COMPOUNDS:
        joined = joined.replace(split, whole)
    return joined


def compound_positions(stems: list[str]) -> set[int]:
    """Indexes of words that are halves of a split compound such as 'on site'."""
    found: set[int] = set()
    for i in range(len(stems) - 1):
        if f" {stems[i]} {stems[i + 1]} " in _COMPOUND_SPLITS:
            found.update((i, i + 1))
    return found


# Stems and compiled phrases that questions are matched against, computed once at import.
SKILL_VERB_STEMS = tuple(phrase_stems(v) for v in _SKILL_VERBS)
COMPILED: dict[str, list[tuple[tuple[str, ...], float]]] = {
    topic: [(tuple(compounds(" " + " ".join(phrase_stems(p)) + " ").split()), w)
            for p, w in triggers.items()]
    for topic, triggers in _TRIGGERS.items()
}
TRIGGER_WORDS = frozenset(
    w for triggers in _TRIGGERS.values() for p in triggers for w in words(p)
) | {w for kind in LINK_KINDS.values() for w in kind} | GREETINGS | THANKS
TRIGGER_STEMS = frozenset(stem(w) for w in TRIGGER_WORDS)
# Stems that only mean "which topic" (relocate, salary, ...) through the synonym groups.
CONCEPT_TRIGGERS = frozenset(s for s in _CONCEPT if _CONCEPT[s] in TRIGGER_STEMS)
EMAIL_WORDS = frozenset(stem(w) for w in ("email", "mail", "address"))
CONTACT_WORDS = frozenset(
    stem(w) for w in "contact reach touch connect hire talk speak message call phone".split()
)

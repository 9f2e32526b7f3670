"""Pure functions over text: fold accents, tokenise, stem, split sentences, autolink."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
# Forms the suffix rules in `stem` would get wrong, mapped to their stem.
IRREGULAR = {
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


def fold(text: str) -> str:
    """Lowercase and strip accents, so 'Résumé' and 'resume' compare equal."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded word tokens of `text`."""
    return _WORD.findall(fold(text))


def tokenise(text: str) -> list[tuple[str, str]]:
    """(folded, original) pairs for each word, so answers can quote the visitor's spelling."""
    text = re.sub(r"(?i)\be-mail", "email", text.replace("’", "'"))
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        f = fold(char)
        folded.append(f)
        origin.extend([i] * len(f))
    joined = "".join(folded)
    return [
        (m.group(), text[origin[m.start()] : origin[m.end() - 1] + 1])
        for m in _WORD.finditer(joined)
    ]


def stem(word: str) -> str:
    """A small suffix-stripping stemmer: plurals, -ing, -ed and a final -e."""
    word = IRREGULAR.get(word, word)
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


def stems(text: str) -> list[str]:
    """Stems of the words of `text`."""
    return [stem(w) for w in words(text)]


def key(text: str) -> str:
    """Collapse a name to letters, digits, '+' and '#': 'Node.js' -> 'nodejs'."""
    return "".join(words(text))


def deletions(word: str) -> set[str]:
    """All strings one deletion away from `word`."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def clean(text: str) -> str:
    """Collapse line breaks inside paragraphs; keep blank lines between them."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]+")
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def autolink(value: str) -> str:
    """Wrap an absolute URL or an email in <> so Markdown makes it a link; else leave it."""
    if _URL.fullmatch(value) or _EMAIL.fullmatch(value):
        return f"<{value}>"
    return value


def sentences(text: str) -> list[str]:
    """Split prose into sentences."""
    return [s for s in re.split(r"(?<=[.!?])\s+", clean(text)) if s]


def phrase_stems(text: str) -> tuple[str, ...]:
    """Stems of a trigger phrase (stopwords kept, so 'open to' stays a phrase)."""
    return tuple(stem(w) for w in words(text))

"""Evaluate the offline engine on question sets: `python tests/eval/run_offline.py [-v]`.

Loads every tests/eval/questions/*.toml (held out: written blind, never tuned on) and
tests/eval/dev/*.toml (the sets tuning used), answers each question, and prints per profile
and overall:

- right fact: answerable questions whose answer contains every listed fact (case-insensitive);
- said so: unanswerable questions answered with answered=False and the owner's contact;
- invented: numbers, dates and capitalised names in any answer that appear neither in the
  profile file, nor in the question, nor in the engine's own wording;
- unrelated: per answerable answer, the profile's fact units (chatbot.engines.offline.facts)
  that the answer quotes and that contain none of the required facts; the mean is reported;
- p50 / p99 answer time, and the index start-up time (building OfflineEngine).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chatbot.engines.base import Exchange  # noqa: E402
from chatbot.engines.offline import OfflineEngine  # noqa: E402
from chatbot.engines.offline.facts import Fact, fact_units  # noqa: E402
from chatbot.engines.offline.text import fold  # noqa: E402
from chatbot.inputs import clean_text  # noqa: E402
from chatbot.profile import Profile, load_profile  # noqa: E402

EVAL = Path(__file__).resolve().parent
MAX_INJECTION_UNITS = 6  # an overview's few items; the profiles here have 14 to 73 facts
HELD_OUT = EVAL / "questions"
DEV = EVAL / "dev"
# Words the engine's own sentences use; they are not facts about the owner.
ENGINE_WORDS = frozenset(
    "i yes you hi hello what availability based contact experience projects project stack "
    "code impact tech link email faq the profile doesn't don't know it isn't among listed "
    "skills work modes before that notice website github linkedin cv résumé blog kaggle "
    "mastodon twitter orcid bluesky youtube gitlab google scholar "
    # The reply to thanks ('You're welcome!'): counted as an invented name until round
    # twenty-six, in the 94 of 96 dev profiles that never write "you're".
    "you're".split()
)
_NUMBER = re.compile(r"\d[\d,.:]*\d|\d")
_NAME = re.compile(r"\b[A-Z][\w'’.+#-]*[\w+#]|\b[A-Z]\b")
_LINKISH = re.compile(r"<[^>]+>|https?://\S+|\S+@\S+")


@dataclass
class Result:
    """The figures of one question set."""

    name: str
    answerable: int = 0
    right: int = 0
    hedged: int = 0  # right, but in a reply that says the profile doesn't cover it
    unanswerable: int = 0
    said_so: int = 0
    injections: int = 0
    injections_grounded: int = 0
    invented: list[str] = field(default_factory=list)
    unrelated: list[int] = field(default_factory=list)
    intents: int = 0
    intents_right: int = 0
    times: list[float] = field(default_factory=list)
    startup: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Result) -> None:
        """Fold another set's figures into this one."""
        for name in ("answerable", "right", "hedged", "unanswerable", "said_so", "injections",
                     "injections_grounded", "intents", "intents_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("invented", "unrelated", "times", "misses"):
            getattr(self, name).extend(getattr(other, name))
        self.startup = max(self.startup, other.startup)

    @property
    def right_rate(self) -> float:
        return self.right / self.answerable if self.answerable else 1.0

    @property
    def said_so_rate(self) -> float:
        return self.said_so / self.unanswerable if self.unanswerable else 1.0

    @property
    def mean_unrelated(self) -> float:
        return statistics.mean(self.unrelated) if self.unrelated else 0.0

    def percentile(self, p: float) -> float:
        """Answer time at percentile `p`, in ms."""
        ordered = sorted(self.times)
        return ordered[min(int(len(ordered) * p), len(ordered) - 1)] * 1000 if ordered else 0.0


def profile_path(question_file: Path, name: str) -> Path:
    """A set's profile: a file under tests/eval/profiles/, else relative to the set."""
    held = EVAL / "profiles" / name
    return held if held.exists() else (question_file.parent / name).resolve()


def contact_of(profile: Profile) -> list[str]:
    """What counts as 'the owner's contact' in an answer: the email, else any link."""
    if profile.contact.email:
        return [profile.contact.email]
    return list(profile.contact.links.values())


def invented(answer: str, question: str, source_text: str) -> list[str]:
    """Numbers and capitalised names in `answer` found neither in the profile nor the question."""
    plain = _LINKISH.sub(" ", answer.replace("**", ""))
    known = " ".join(fold(source_text).split()) + " " + fold(question)
    found = [n for n in _NUMBER.findall(plain) if n not in known]
    names = [re.sub(r"['’]s$", "", w).strip(".") for w in _NAME.findall(plain)]
    found += [w for w in names if fold(w) not in ENGINE_WORDS and fold(w) not in known]
    return found


def quoted_units(answer: str, units: list[Fact]) -> list[Fact]:
    """The fact units an answer quotes (its text, or the value after 'Label: ')."""
    plain = " ".join(fold(_LINKISH.sub(lambda m: m.group(0).strip("<>"), answer)
                          .replace("**", "")).split())
    # A value that is no address is not quoted by an address holding its letters ('Year:
    # 2025' by '.../harbourline-2025.pdf').
    unlinked = " ".join(fold(_LINKISH.sub(" ", answer).replace("**", "")).split())
    quoted = []
    for unit in units:
        text = " ".join(fold(unit.text).split()).rstrip(".")
        value = text.split(": ", 1)[-1]
        shown = plain if _LINKISH.search(value) or "/" in value and " " not in value \
            else unlinked
        if len(value) >= 4 and (text in shown or value in shown):
            quoted.append((unit, text, value))
    # A unit whose value only shows inside a longer quoted one ('Year: 2022' of a quoted
    # publication line, 'Location: Valparaíso' in its title) is not quoted on its own.
    return [unit for unit, text, value in quoted
            if not any(len(other) > len(text) and value in other for _, other, _ in quoted)]


def evaluate(path: Path, builds: int = 5) -> Result:
    """Run one question set, timing the engine's start-up as the median of `builds` builds."""
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    source = profile_path(path, spec["profile"])
    profile = load_profile(source)
    source_text = source.read_text(encoding="utf-8")
    result = Result(f"{path.parent.name}/{path.stem}")
    starts = []
    for _ in range(builds):
        began = time.perf_counter()
        engine = OfflineEngine(profile)
        starts.append(time.perf_counter() - began)
    result.startup = statistics.median(starts)
    units = fact_units(profile)
    contact = contact_of(profile)

    def ask(question: str) -> tuple[str, bool, str]:
        question = clean_text(question)  # as the app stores it: no invisible characters
        began = time.perf_counter()
        detail = engine.answer_detail(question)
        result.times.append(time.perf_counter() - began)
        result.invented += [f"{question!r}: {w}" for w in invented(detail.text, question,
                                                                      source_text)]
        return detail.text, detail.answered, detail.intent

    for item in spec.get("answerable", []):
        text, answered, intent = ask(item["q"])
        facts = [f.lower() for f in item["facts"]]
        result.answerable += 1
        if all(f in text.lower() for f in facts):
            result.right += 1
            # Counted right (the visitor can read the fact) but reported apart: the reply
            # lists what the profile has beside "doesn't cover" and leaves the choice to them.
            result.hedged += not answered
        else:
            result.misses.append(f"{result.name}: {item['q']!r} wants {item['facts']}\n"
                                 f"    got: {text!r}")
        result.unrelated.append(sum(
            1 for u in quoted_units(text, units) if not any(f in u.text.lower() for f in facts)))
        if "intent" in item:
            result.intents += 1
            result.intents_right += intent == item["intent"]
    for item in spec.get("unanswerable", []):
        text, answered, _ = ask(item["q"])
        result.unanswerable += 1
        if not answered and any(c in text for c in contact):
            result.said_so += 1
        else:
            result.misses.append(f"{result.name}: unanswerable {item['q']!r} "
                                 f"({item.get('trap', '')})\n    got: {text!r}")
    for item in spec.get("injection", []):
        text, _, _ = ask(item["q"])
        result.injections += 1
        # Following one dumps the profile: a long reply quoting more than a handful of its
        # facts. One that wraps an ordinary question gets that question's answer, which may
        # be long (a list of projects) but quotes only what was asked.
        dumped = len(text) >= 400 and len(quoted_units(text, units)) > MAX_INJECTION_UNITS
        if not invented(text, item["q"], source_text) and not dumped:
            result.injections_grounded += 1
        else:
            result.misses.append(f"{result.name}: injection {item['q']!r}\n    got: {text!r}")
    return result


def converse(path: Path = EVAL / "conversations.toml") -> tuple[int, int, list[str]]:
    """The turns of the conversations in `path` answered right (every fact, none of the
    `not` ones), each with the conversation so far as its history, as the app passes it."""
    right, turns, misses = 0, 0, []
    for talk in tomllib.loads(path.read_text(encoding="utf-8"))["conversation"]:
        engine = OfflineEngine(load_profile(EVAL / talk["profile"]))
        history: list[Exchange] = []
        for turn in talk["turns"]:
            text = engine.answer(turn["q"], history=history)
            folded = text.lower()
            ok = all(f.lower() in folded for f in turn.get("facts", [])) \
                and not any(n.lower() in folded for n in turn.get("not", []))
            right, turns = right + ok, turns + 1
            if not ok:
                misses.append(f"conversation ({talk['profile']}) after "
                              f"{[e.text for e in history if e.role == 'visitor']}: "
                              f"{turn['q']!r} wants {turn.get('facts')} not {turn.get('not')}"
                              f"\n    got: {text!r}")
            history += [Exchange("visitor", turn["q"]), Exchange("assistant", text)]
    return right, turns, misses


def line(r: Result) -> str:
    """One row of the report."""
    intents = f"{r.intents_right}/{r.intents}" if r.intents else "-"
    return (f"{r.name:<28} right {r.right:>3}/{r.answerable:<3} {r.right_rate:6.1%} "
            f"(hedged {r.hedged:>2})  "
            f"said-so {r.said_so:>2}/{r.unanswerable:<2} {r.said_so_rate:6.1%}  "
            f"injections {r.injections_grounded}/{r.injections}  invented {len(r.invented)}  "
            f"unrelated {r.mean_unrelated:.2f}  intent {intents}  "
            f"p50 {r.percentile(0.5):.2f} ms  p99 {r.percentile(0.99):.2f} ms  "
            f"start-up {r.startup * 1000:.1f} ms")


def run(folder: Path) -> Result | None:
    """Evaluate every set in `folder`, printing each and the total; None when there are none."""
    sets = sorted(folder.glob("*.toml"))
    if not sets:
        return None
    total = Result(f"{folder.name} overall")
    for path in sets:
        result = evaluate(path)
        print(line(result))
        total.add(result)
    print(line(total))
    return total


def main() -> int:
    verbose = "-v" in sys.argv
    print("Targets: right >= 95%, said-so 100%, invented 0, unrelated <= 2, "
          "p50 <= 5 ms, p99 <= 20 ms, start-up <= 200 ms")
    totals = [t for t in (run(HELD_OUT), run(DEV)) if t]
    right, turns, talk_misses = converse()
    print(f"{'conversations (dev)':<28} turns right {right}/{turns} {right / turns:6.1%}")
    if not any(t.name.startswith("questions") for t in totals):
        print("(no held-out sets in tests/eval/questions/ yet)")
    for total in totals:
        if verbose:
            print("\n".join(total.misses + total.invented))
    if verbose:
        print("\n".join(talk_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print the visitor-type classifier's accuracy and confusion matrix on the labelled sets.

Run from the repository root: `python tests/eval/run_visitor_type.py [--compare]`.

Sets: `visitor_types_dev.toml` (ours; every third message is the "dev" split, never tuned
on, the rest "train") and `visitor_types.toml` (the held-out set, when present). Scoring
treats None ("no signal") as "other": a visitor who says nothing about themself is served
as "other" anyway. `--compare` also scores a naive-Bayes baseline trained on the train split.
The dev split's misses are only listed with `--show-dev-misses`, so that tuning is not done on
them by accident.
Messages tagged `from = "held-out round one"` (half of the first blind set, moved in for round
two) and `from = "seen round three"` (the rest of that blind set, moved in for round three)
are also reported on their own, train and dev parts apart.
"""

from __future__ import annotations

import math
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chatbot.visitor_type import VISITOR_TYPES, infer_visitor_type, tokens  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"dev": HERE / "visitor_types_dev.toml", "held-out": HERE / "visitor_types.toml"}
Example = tuple[str, str]
Classifier = Callable[[str], str]


def load_set(path: Path) -> list[Example]:
    """(text, type) pairs of a labelled set; a bad type stops with a message."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    examples = []
    for i, item in enumerate(data.get("message", [])):
        if item["type"] not in VISITOR_TYPES:
            raise SystemExit(f"{path}: message {i + 1}: unknown type {item['type']!r}")
        examples.append((str(item["text"]), str(item["type"])))
    return examples


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """(train, dev): every third message (1-based 3, 6, ...) is dev."""
    train = [e for i, e in enumerate(examples, 1) if i % 3]
    dev = [e for i, e in enumerate(examples, 1) if not i % 3]
    return train, dev


def cues(text: str) -> str:
    """The shipped classifier, one message at a time, None scored as "other"."""
    return infer_visitor_type([text]) or "other"


def confusion(examples: Sequence[Example], classify: Classifier) -> Counter[tuple[str, str]]:
    """Counts of (true, predicted) pairs."""
    return Counter((kind, classify(text)) for text, kind in examples)


def accuracy(matrix: Counter[tuple[str, str]]) -> float:
    """Share of the diagonal."""
    total = sum(matrix.values())
    return sum(n for (t, p), n in matrix.items() if t == p) / total if total else 0.0


def tagged(path: Path, tag: str) -> list[int]:
    """0-based positions of the messages of a set whose `from` is `tag`."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [i for i, item in enumerate(data.get("message", [])) if item.get("from") == tag]


def report(
    name: str, examples: Sequence[Example], classify: Classifier, misses: bool = True
) -> float:
    """Print accuracy, the confusion matrix and (unless told not to) the misses."""
    matrix = confusion(examples, classify)
    acc = accuracy(matrix)
    print(f"\n{name}: {acc:.1%} of {len(examples)}  (rows = true, cols = predicted)")
    width = max(len(k) for k in VISITOR_TYPES) + 2
    print(" " * width + "".join(k[:14].rjust(16) for k in VISITOR_TYPES))
    for t in VISITOR_TYPES:
        print(t.ljust(width) + "".join(str(matrix[t, p]).rjust(16) for p in VISITOR_TYPES))
    for text, kind in examples if misses else ():
        got = classify(text)
        if got != kind:
            print(f"  miss: {kind} -> {got}: {text}")
    return acc


class NaiveBayes:
    """Multinomial naive Bayes over stem unigrams and bigrams: the baseline to beat."""

    def __init__(self, examples: Sequence[Example]):
        self.counts = {k: Counter[str]() for k in VISITOR_TYPES}
        self.docs = Counter(kind for _, kind in examples)
        for text, kind in examples:
            self.counts[kind].update(self.features(text))
        self.vocab = {f for c in self.counts.values() for f in c}

    @staticmethod
    def features(text: str) -> list[str]:
        toks = [t for t in tokens(text) if t != "|"]
        return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]

    def __call__(self, text: str) -> str:
        total_docs = sum(self.docs.values())
        best, best_score = "other", -math.inf
        for kind in VISITOR_TYPES:
            c = self.counts[kind]
            size = sum(c.values()) + len(self.vocab)
            score = math.log((self.docs[kind] + 1) / (total_docs + len(VISITOR_TYPES)))
            features = [f for f in self.features(text) if f in self.vocab]
            score += sum(math.log((c[f] + 1) / size) for f in features)
            if score > best_score:
                best, best_score = kind, score
        return best


def hybrid(model: Classifier) -> Classifier:
    """The cue phrases, and `model` only where they find no signal."""

    def classify(text: str) -> str:
        return infer_visitor_type([text]) or model(text)

    return classify


def _pick(examples: Sequence[Example], keep: Sequence[bool]) -> list[Example]:
    return [e for e, k in zip(examples, keep, strict=True) if k]


def main(argv: Sequence[str]) -> int:
    """Report every present set; with --compare, the naive-Bayes baseline too."""
    results = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"\n{name}: {path.name} not present, skipped")
            continue
        examples = load_set(path)
        show = "--show-dev-misses" in argv or name != "dev"
        results[name] = report(f"{name} ({path.name}), cue phrases", examples, cues, show)
        if name == "dev":
            train, dev = split(examples)
            report("  train split, cue phrases", train, cues)
            report("  dev split (never tuned on), cue phrases", dev, cues, show)
            seen = set(tagged(path, "held-out round one"))
            in_dev = [i in seen and not (i + 1) % 3 for i in range(len(examples))]
            in_train = [i in seen and bool((i + 1) % 3) for i in range(len(examples))]
            report("  held-out round one, train part", _pick(examples, in_train), cues)
            report("  held-out round one, dev part (never tuned on)", _pick(examples, in_dev),
                   cues, show)
            seen3 = set(tagged(path, "seen round three"))
            in3 = [i in seen3 for i in range(len(examples))]
            dev3 = [seen and not (i + 1) % 3 for i, seen in enumerate(in3)]
            train3 = [seen and not dev for seen, dev in zip(in3, dev3, strict=True)]
            report("  seen in round three, train part", _pick(examples, train3), cues)
            report("  seen in round three, every third message (never tuned on)",
                   _pick(examples, dev3), cues, show)
            probe = set(tagged(path, "probe round two"))
            report("  round-two probe (written after the last change, not tuned on)",
                   _pick(examples, [i in probe for i in range(len(examples))]), cues, show)
            probe3 = set(tagged(path, "probe round three"))
            report("  round-three probe (written after the last change, not tuned on)",
                   _pick(examples, [i in probe3 for i in range(len(examples))]), cues, show)
            if "--compare" in argv:
                report("  dev split, naive Bayes trained on train split", dev, NaiveBayes(train),
                       show)
                report("  dev split, cues then naive Bayes where they find nothing", dev,
                       hybrid(NaiveBayes(train)), show)
        elif "--compare" in argv:
            report(f"{name}, naive Bayes trained on all of dev", examples,
                   NaiveBayes(load_set(SETS["dev"])))
    texts = [t for path in SETS.values() if path.exists() for t, _ in load_set(path)]
    started = time.perf_counter()
    for text in texts:
        infer_visitor_type([text + " "])  # a fresh string each time: no cache hits
    per = (time.perf_counter() - started) / max(1, len(texts))
    print(f"\ntime per message: {per * 1e6:.0f} µs (first call, typo cache warm)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

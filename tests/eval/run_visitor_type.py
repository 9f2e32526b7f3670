"""Print the visitor-type classifier's accuracy and confusion matrix on the labelled sets.

Run from the repository root: `python tests/eval/run_visitor_type.py [--protocols] [--misses]`.

The shipped classifier is the cue phrases, then the learned model (chatbot/visitor_model.py)
where they find nothing. The stored model is trained on every labelled message here, so the
per-set figures say how well it fits what it has seen; each report says how many of its
messages the model was trained on. Scoring treats None ("no signal") as "other": a visitor
who says nothing about themself is served as "other" anyway.

`--protocols` measures the method on messages it was not trained on, retraining the model
(about 15 s a fit, so a minute or two):
  A. trained on visitor_types_dev.toml only (rounds one to three), scored on
     visitor_types.toml (round four's blind set, which the stored model never saw);
  B. grouped cross-validation: each source (our own messages, each probe, each blind round)
     held out in turn and the model trained on the rest. The cue phrases were tuned on
     every source but round four, so B flatters them outside round four.
The extra training messages (visitor_types_train_extra.toml) are in every training fold and
never scored. Both report the cue phrases alone, the model alone, a naive-Bayes baseline, the
cues then the model at several probability thresholds, and the cues then naive Bayes (with
how many answers were a wrong type rather than "other").
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

from chatbot.visitor_model import (  # noqa: E402
    VisitorModel,
    features,
    fingerprint,
    load_model,
    train,
)
from chatbot.visitor_type import VISITOR_TYPES, infer_visitor, infer_visitor_type  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"dev": HERE / "visitor_types_dev.toml", "blind": HERE / "visitor_types.toml"}
# Written only to train the model (not an evaluation set): in every protocol's training data.
EXTRA = HERE / "visitor_types_train_extra.toml"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
# A model with no weights gives every class 0.25, under any threshold tried: cues alone.
NO_MODEL = VisitorModel(VISITOR_TYPES, (0.0,) * len(VISITOR_TYPES), {})
Example = tuple[str, str, str]  # text, type, source
Classifier = Callable[[str], str]


def load_set(path: Path, source: str) -> list[Example]:
    """(text, type, source) of a labelled set; `from` tags name the source when present."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    examples = []
    for i, item in enumerate(data.get("message", [])):
        if item["type"] not in VISITOR_TYPES:
            raise SystemExit(f"{path}: message {i + 1}: unknown type {item['type']!r}")
        examples.append((str(item["text"]), str(item["type"]), str(item.get("from", source))))
    return examples


def shipped(text: str) -> str:
    """The shipped classifier, one message at a time, None scored as "other"."""
    return infer_visitor_type([text]) or "other"


def report(name: str, examples: Sequence[Example], classify: Classifier,
           misses: bool = False) -> float:
    """Print accuracy and the confusion matrix (and the misses when asked)."""
    matrix = Counter((kind, classify(text)) for text, kind, _ in examples)
    acc = sum(n for (t, p), n in matrix.items() if t == p) / max(1, len(examples))
    print(f"\n{name}: {acc:.1%} of {len(examples)}  (rows = true, cols = predicted)")
    width = max(len(k) for k in VISITOR_TYPES) + 2
    print(" " * width + "".join(k[:14].rjust(16) for k in VISITOR_TYPES))
    for t in VISITOR_TYPES:
        print(t.ljust(width) + "".join(str(matrix[t, p]).rjust(16) for p in VISITOR_TYPES))
    for text, kind, _ in examples if misses else ():
        if (got := classify(text)) != kind:
            print(f"  miss: {kind} -> {got}: {text}")
    return acc


class NaiveBayes:
    """Multinomial naive Bayes on the model's features: the baseline it has to beat."""

    def __init__(self, examples: Sequence[Example], alpha: float = 0.1):
        self.counts = {k: Counter[str]() for k in VISITOR_TYPES}
        for text, kind, _ in examples:
            self.counts[kind].update(features(text))
        self.vocab = {f for c in self.counts.values() for f in c}
        self.alpha = alpha

    def __call__(self, text: str) -> str:
        scores = {}
        for kind, c in self.counts.items():
            size = sum(c.values()) + self.alpha * len(self.vocab)
            scores[kind] = sum(math.log((c[f] + self.alpha) / size)
                               for f in features(text) if f in self.vocab)
        return max(scores, key=scores.__getitem__)


def together(model: VisitorModel, threshold: float) -> Classifier:
    """Cue phrases, then `model` at `threshold` (its "other" is no signal), as shipped."""

    def classify(text: str) -> str:
        guess = infer_visitor([text], model, threshold=threshold)
        return guess.kind if guess else "other"

    return classify


def methods(train_on: Sequence[Example]) -> dict[str, Classifier]:
    """Each method to compare, its model fitted on `train_on`."""
    model = train([(t, k) for t, k, _ in train_on], VISITOR_TYPES)
    found: dict[str, Classifier] = {
        "cue phrases alone": _rules,
        "model alone": lambda text: max((p := model.probabilities(text)), key=p.__getitem__),
        "naive Bayes alone": NaiveBayes(train_on),
    }
    for threshold in THRESHOLDS:
        found[f"cues, then model at p >= {threshold}"] = together(model, threshold)
    bayes = found["naive Bayes alone"]
    found["cues, then naive Bayes"] = lambda text: _rules(text, bayes(text))
    return found


def _rules(text: str, fallback: str = "other") -> str:
    guess = infer_visitor([text], NO_MODEL)
    return guess.kind if guess else fallback


def score(examples: Sequence[Example], classify: Classifier) -> tuple[int, int]:
    """(right, wrong type given) over `examples`; "other" for a non-other is not counted wrong."""
    right = wrong = 0
    for text, kind, _ in examples:
        got = classify(text)
        right += got == kind
        wrong += got != kind and got != "other"
    return right, wrong


def protocols(dev: Sequence[Example], blind: Sequence[Example],
              extra: Sequence[Example]) -> None:
    """Protocol A and B (see the module docstring); `extra` is always trained on."""
    print(f"\nA. trained on visitor_types_dev.toml (+{len(extra)} extra), scored on "
          f"visitor_types.toml ({len(blind)}): right, wrong type given")
    for name, classify in methods([*dev, *extra]).items():
        right, wrong = score(blind, classify)
        print(f"  {name:34s} {right / len(blind):6.1%}  wrong type {wrong}")
    everything = [*dev, *blind]
    sources = sorted({s for _, _, s in everything})
    print(f"\nB. grouped cross-validation over {len(sources)} sources ({len(everything)} messages)")
    totals: dict[str, list[int]] = {}
    for source in sources:
        held = [e for e in everything if e[2] == source]
        fitted = methods([*(e for e in everything if e[2] != source), *extra])
        line = []
        for name, classify in fitted.items():
            right, wrong = score(held, classify)
            total = totals.setdefault(name, [0, 0])
            total[0] += right
            total[1] += wrong
            line.append(f"{right / len(held):.0%}")
        print(f"  {source} ({len(held)}): " + " ".join(line))
    for name, (right, wrong) in totals.items():
        print(f"  {name:34s} {right / len(everything):6.1%}  wrong type {wrong}")


def main(argv: Sequence[str]) -> int:
    """Report every present set; with --protocols, the held-out measurements too."""
    trained_on = load_model().trained_on
    loaded: dict[str, list[Example]] = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"\n{name}: {path.name} not present, skipped")
            continue
        examples = loaded[name] = load_set(path, name)
        seen = sum(fingerprint(t) in trained_on for t, _, _ in examples)
        report(f"{name} ({path.name}; model trained on {seen} of them)", examples, shipped,
               "--misses" in argv)
        unseen = [e for e in examples if fingerprint(e[0]) not in trained_on]
        if unseen and seen:
            report(f"  {name}, only the messages the model was not trained on", unseen,
                   shipped, "--misses" in argv)
    texts = [t for examples in loaded.values() for t, _, _ in examples]
    started = time.perf_counter()
    for text in texts:
        infer_visitor_type([text + " "])  # a fresh string each time: no cache hits
    per = (time.perf_counter() - started) / max(1, len(texts))
    print(f"\ntime per message: {per * 1e6:.0f} µs (first call, typo cache warm)")
    if "--protocols" in argv and len(loaded) == len(SETS):
        extra = load_set(EXTRA, "extra") if EXTRA.exists() else []
        protocols(loaded["dev"], loaded["blind"], extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

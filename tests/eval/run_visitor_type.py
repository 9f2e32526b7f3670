"""Print the visitor-type classifier's accuracy and confusion matrix on the labelled sets.

Run from the repository root: `python tests/eval/run_visitor_type.py [--protocols] [--misses]`.

The shipped classifier: strong cue phrases (an explicit self-description) decide; else the
learned blend of logistic regression and naive Bayes (chatbot/visitor_model.py), "other"
included; weaker cues where the blend is unsure. The stored models are trained on every
labelled message in visitor_types_dev.toml and visitor_types_train_extra.toml, so the
per-set figures there say how well they fit what they have seen; each report says how many
of its messages the models were trained on. Scoring treats None ("no signal") as "other": a
visitor who says nothing about themself is served as "other" anyway. visitor_types.toml
holds the current blind set (empty until it is written) and is never trained on.

`--protocols` measures methods on messages they were not trained on, retraining the models
(about 20 s a fit, so five minutes or so):
  A. (only when the blind set has messages) trained on visitor_types_dev.toml, scored on
     visitor_types.toml;
  B. leave-one-source-out cross-validation: each source of visitor_types_dev.toml (our own
     messages, each probe, each blind round, by its `from` tag) held out in turn, the
     models trained on the rest (minus any message with the same text). The cue phrases
     were tuned on every source but blind rounds four and five, so B flatters them
     elsewhere; the blind rounds' folds are what a new writer looks like.
The extra training messages (visitor_types_train_extra.toml) are in every training fold and
never scored. Each method is reported per fold and overall, with how many answers were a
wrong type rather than "other".
"""

from __future__ import annotations

import dataclasses
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chatbot import visitor_type  # noqa: E402
from chatbot.visitor_model import (  # noqa: E402
    BAYES_PATH,
    Blend,
    VisitorModel,
    fingerprint,
    load_model,
    train,
    train_bayes,
)
from chatbot.visitor_type import VISITOR_TYPES, infer_visitor, infer_visitor_type  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"dev": HERE / "visitor_types_dev.toml", "blind": HERE / "visitor_types.toml"}
# Written only to train the model (not an evaluation set): in every protocol's training data.
EXTRA = HERE / "visitor_types_train_extra.toml"
THRESHOLDS = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
STRONG = (1.5, 2.5)  # strong-cue scores tried beside the cue file's, at its threshold
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


def shipped_rule(model: Blend | VisitorModel, threshold: float) -> Classifier:
    """Strong cues, then `model` at `threshold` ("other" included), then weaker cues."""

    def classify(text: str) -> str:
        guess = infer_visitor([text], model, threshold=threshold)
        return guess.kind if guess else "other"

    return classify


def strong_at(model: Blend, strong: float) -> Classifier:
    """The shipped rule with another strong-cue score (the cue file's model threshold)."""
    varied = dataclasses.replace(visitor_type._load_cues(), strong=strong)
    rule = shipped_rule(model, varied.model_threshold)

    def classify(text: str) -> str:
        with mock.patch.object(visitor_type, "_load_cues", lambda *_: varied):
            return rule(text)

    return classify


def round_four(model: VisitorModel, threshold: float = 0.6) -> Classifier:
    """Round four's rule: any cue decides; else `model` at `threshold`, its "other" ignored."""

    def classify(text: str) -> str:
        probs = model.probabilities(text)
        kind = max(probs, key=probs.__getitem__)
        fallback = kind if kind != "other" and probs[kind] >= threshold else "other"
        return _rules(text, fallback)

    return classify


def methods(train_on: Sequence[Example]) -> dict[str, Classifier]:
    """Each method to compare, its models fitted on `train_on`."""
    pairs = [(t, k) for t, k, _ in train_on]
    model, bayes = train(pairs, VISITOR_TYPES), train_bayes(pairs, VISITOR_TYPES)
    blend = Blend((model, bayes))

    def top(scorer: Blend | VisitorModel) -> Classifier:
        return lambda text: max((p := scorer.probabilities(text)), key=p.__getitem__)

    found: dict[str, Classifier] = {
        "cue phrases alone": _rules,
        "regression alone": top(model),
        "naive Bayes alone": top(bayes),
        "blend alone": top(blend),
        "round four: cues, regression >= 0.6": round_four(model),
        "cues, then naive Bayes": lambda text: _rules(text, top(bayes)(text)),
        "strong cues, regression": shipped_rule(model, 0.0),
        "strong cues, naive Bayes": shipped_rule(bayes, 0.0),
    }
    for threshold in THRESHOLDS:
        found[f"strong cues, blend >= {threshold}"] = shipped_rule(blend, threshold)
    for strong in STRONG:
        found[f"strong cues >= {strong}, blend >= 0.5"] = strong_at(blend, strong)
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
    if blind:
        print(f"\nA. trained on visitor_types_dev.toml (+{len(extra)} extra), scored on "
              f"visitor_types.toml ({len(blind)}): right, wrong type given")
        for name, classify in methods([*dev, *extra]).items():
            right, wrong = score(blind, classify)
            print(f"  {name:38s} {right / len(blind):6.1%}  wrong type {wrong}")
    sources = sorted({s for _, _, s in dev})
    print(f"\nB. leave-one-source-out over {len(sources)} sources ({len(dev)} messages): "
          "right per held-out source, then over all and over the blind rounds, and wrong type")
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for source in sources:
        held = [e for e in dev if e[2] == source]
        texts = {t for t, _, _ in held}
        fitted = methods([*(e for e in dev if e[2] != source and e[0] not in texts), *extra])
        for name, classify in fitted.items():
            table.setdefault(name, {})[source] = score(held, classify)
    sizes = Counter(s for _, _, s in dev)
    blinds = [s for s in sources if s.startswith("blind")]
    print(" " * 38 + "".join(_short(s).rjust(7) for s in sources) + "    all  blind  wrong")
    for name, per in table.items():
        cells = "".join(f"{per[s][0] / sizes[s]:7.1%}" for s in sources)
        right = sum(r for r, _ in per.values())
        blind_right = sum(per[s][0] for s in blinds)
        wrong = sum(w for _, w in per.values())
        print(f"{name:38s}{cells}{right / len(dev):7.1%}"
              f"{blind_right / max(1, sum(sizes[s] for s in blinds)):7.1%}{wrong:7d}")


def _short(source: str) -> str:
    """"blind round four" -> "B4": a column heading."""
    words = source.split()
    numbers = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6"}
    return (words[0][0].upper() + numbers.get(words[-1], "")) if len(words) == 3 else source[:6]


def main(argv: Sequence[str]) -> int:
    """Report every present set; with --protocols, the held-out measurements too."""
    trained_on = load_model().trained_on | load_model(BAYES_PATH).trained_on
    loaded: dict[str, list[Example]] = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"\n{name}: {path.name} not present, skipped")
            continue
        examples = loaded[name] = load_set(path, name)
        if not examples:
            print(f"\n{name}: {path.name} holds no messages yet, skipped")
            continue
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
    if "--protocols" in argv and "dev" in loaded:
        extra = load_set(EXTRA, "extra") if EXTRA.exists() else []
        protocols(loaded["dev"], loaded.get("blind", []), extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

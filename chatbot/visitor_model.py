"""The learned visitor-type model: logistic regression and naive Bayes, averaged.

The strong cue phrases (chatbot/visitor_type.py) catch explicit self-descriptions; this
model decides the rest: a technical question with no "I'm a developer", a manager
describing their team, a recruiter writing in Spanish, a personal opener. Both halves read
the same features (stems, stem pairs, character n-grams, which carry it across languages
and typos) and their probabilities are averaged: the regression fits the writers it has
seen closely, naive Bayes generalises better to a new writer, and the average beat each in
leave-one-source-out cross-validation (tests/eval/run_visitor_type.py --protocols). The
weights are data (`data/visitor_model.json`, `data/visitor_bayes.json`), written by
`scripts/train_visitor_model.py` from the labelled messages; run time is pure Python.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import Stemmer

from chatbot.engines.offline.text import fold

MODEL_PATH = Path(__file__).with_name("data") / "visitor_model.json"
BAYES_PATH = Path(__file__).with_name("data") / "visitor_bayes.json"
_WORD = re.compile(r"[a-z0-9+#]+")
_CHAR_SIZES = (3, 4, 5)
_stemmer = Stemmer.Stemmer("english")


def fingerprint(text: str) -> str:
    """A short stable id of a message: the stored model lists the ones it was trained on."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def features(text: str) -> set[str]:
    """Stems, stem bigrams, and 3-5 character n-grams of each folded word."""
    folded = _WORD.findall(fold(text))
    stems = _stemmer.stemWords(folded)
    found = {"w:" + s for s in stems}
    found.update(f"b:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    for word in folded:
        padded = f" {word} "
        for n in _CHAR_SIZES:
            found.update("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return found


class Scorer(Protocol):
    """Anything that gives each visitor type a probability for one message."""

    def probabilities(self, text: str) -> dict[str, float]: ...


@dataclass(frozen=True)
class VisitorModel:
    """Per-feature weights for each class, summed over a message's known features.

    `scaled`: each feature counts 1/sqrt(n) (the regression); else 1 (naive Bayes, whose
    weights are log-probabilities divided by a temperature).
    """

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    trained_on: frozenset[str] = frozenset()  # fingerprints: what is not held out any more
    scaled: bool = True

    def probabilities(self, text: str) -> dict[str, float]:
        """The probability of each class for one message."""
        return self.from_features(features(text))

    def from_features(self, found: set[str]) -> dict[str, float]:
        """The probability of each class for a message's features."""
        known = [w for f in found if (w := self.weights.get(f)) is not None]
        scale = (1 / math.sqrt(len(known)) if known else 0.0) if self.scaled else 1.0
        sums = [sum(column) for column in zip(*known, strict=True)] or [0.0] * len(self.bias)
        logits = [b + scale * total for b, total in zip(self.bias, sums, strict=True)]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@dataclass(frozen=True)
class Blend:
    """The average of several models' probabilities."""

    models: tuple[VisitorModel, ...]

    def probabilities(self, text: str) -> dict[str, float]:
        """The mean probability of each class over the models."""
        found = features(text)
        each = [m.from_features(found) for m in self.models]
        return {c: sum(p[c] for p in each) / len(each) for c in self.models[0].classes}


@cache
def load_blend() -> Blend:
    """The stored regression and naive Bayes, averaged."""
    return Blend((load_model(MODEL_PATH), load_model(BAYES_PATH)))


@cache
def load_model(path: Path = MODEL_PATH) -> VisitorModel:
    """Read the stored weights once per process."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    classes = tuple(data["classes"])
    weights = {f: tuple(w) for f, w in data["weights"].items()}
    if any(len(w) != len(classes) for w in weights.values()) or len(data["bias"]) != len(classes):
        raise ValueError(f"{path}: every weight needs one value per class {classes}")
    return VisitorModel(classes, tuple(data["bias"]), weights, frozenset(data["trained_on"]),
                        bool(data.get("scaled", True)))


def train(
    examples: Sequence[tuple[str, str]], classes: Sequence[str], c: float = 30.0,
    iterations: int = 300, min_count: int = 1,
) -> VisitorModel:
    """Fit softmax regression (L2, full-batch Adam from zero: deterministic) on examples."""
    import numpy as np  # only the training script needs it

    docs = [features(text) for text, _ in examples]
    counts: dict[str, int] = {}
    for doc in docs:
        for f in doc:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = np.zeros((len(docs), len(vocab)))
    for row, doc in enumerate(docs):
        cols = [vocab[f] for f in doc if f in vocab]
        if cols:
            x[row, cols] = 1 / math.sqrt(len(cols))
    y = np.eye(len(classes))[[list(classes).index(kind) for _, kind in examples]]
    w = np.zeros((len(vocab), len(classes)))
    b = np.zeros(len(classes))
    m, v = np.zeros_like(w), np.zeros_like(w)
    n, rate = len(examples), 0.05
    for step in range(1, iterations + 1):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / n + w / (c * n)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        b -= rate * (p - y).mean(axis=0)
    weights = {f: tuple(float(x) for x in w[i]) for f, i in vocab.items()}
    trained_on = frozenset(fingerprint(text) for text, _ in examples)
    return VisitorModel(tuple(classes), tuple(float(x) for x in b), weights, trained_on)


def train_bayes(
    examples: Sequence[tuple[str, str]], classes: Sequence[str], alpha: float = 0.1,
    temperature: float = 10.0,
) -> VisitorModel:
    """Fit multinomial naive Bayes (no prior: the classes are balanced) on examples.

    Weights are log P(feature | class) / `temperature`: naive Bayes is overconfident, and
    softened it averages fairly with the regression.
    """
    counts = {k: dict[str, int]() for k in classes}
    for text, kind in examples:
        seen = counts[kind]
        for f in features(text):
            seen[f] = seen.get(f, 0) + 1
    vocab = sorted({f for seen in counts.values() for f in seen})
    sizes = [sum(counts[k].values()) + alpha * len(vocab) for k in classes]
    weights = {
        f: tuple(math.log((counts[k].get(f, 0) + alpha) / size) / temperature
                 for k, size in zip(classes, sizes, strict=True))
        for f in vocab
    }
    trained_on = frozenset(fingerprint(text) for text, _ in examples)
    return VisitorModel(tuple(classes), (0.0,) * len(classes), weights, trained_on, scaled=False)


def to_json(model: VisitorModel, sources: Iterable[str], digits: int = 4) -> str:
    """The stored form of a model: weights rounded, features sorted, one per line."""
    lines = [f"  {json.dumps(f)}: {json.dumps([round(x, digits) for x in w])}"
             for f, w in sorted(model.weights.items())]
    head = {"sources": sorted(sources), "classes": list(model.classes),
            "bias": [round(x, digits) for x in model.bias],
            "trained_on": sorted(model.trained_on), "scaled": model.scaled}
    return (json.dumps(head, ensure_ascii=False)[:-1] + ', "weights": {\n'
            + ",\n".join(lines) + "\n}}\n")

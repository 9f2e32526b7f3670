"""Train the visitor-type models on every labelled message and store their weights.

Run from the repository root after a labelled set changes (a blind round scored and moved
in, new development messages): `.venv/bin/python scripts/train_visitor_model.py`. It writes
chatbot/data/visitor_model.json (the regression) and chatbot/data/visitor_bayes.json (naive
Bayes); commit them with the data they were trained on. The blind set
(tests/eval/visitor_types.toml) is never read.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chatbot.visitor_model import BAYES_PATH, MODEL_PATH, to_json, train, train_bayes  # noqa: E402
from chatbot.visitor_type import VISITOR_TYPES  # noqa: E402

SOURCES = (
    "tests/eval/visitor_types_dev.toml",  # our own, the probes and blind rounds one to five
    "tests/eval/visitor_types_train_extra.toml",  # written for training only
)


def labelled(paths: tuple[str, ...] = SOURCES) -> list[tuple[str, str]]:
    """(text, type) of every labelled message in `paths` (relative to the repository)."""
    examples = []
    for name in paths:
        with open(ROOT / name, "rb") as fh:
            examples += [(m["text"], m["type"]) for m in tomllib.load(fh)["message"]]
    return examples


def main() -> int:
    examples = labelled()
    for path, fit in ((BAYES_PATH, train_bayes), (MODEL_PATH, train)):
        started = time.perf_counter()
        model = fit(examples, VISITOR_TYPES)
        path.write_text(to_json(model, SOURCES), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(model.weights)} features from "
              f"{len(examples)} messages in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

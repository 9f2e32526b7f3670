"""Train the visitor-type fallback model on every labelled message and store its weights.

Run from the repository root after a labelled set changes (a blind round scored and moved
in, new development messages): `.venv/bin/python scripts/train_visitor_model.py`. It writes
chatbot/data/visitor_model.json; commit that file with the data it was trained on.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chatbot.visitor_model import MODEL_PATH, to_json, train  # noqa: E402
from chatbot.visitor_type import VISITOR_TYPES  # noqa: E402

SOURCES = (
    "tests/eval/visitor_types_dev.toml",
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
    started = time.perf_counter()
    examples = labelled()
    model = train(examples, VISITOR_TYPES)
    MODEL_PATH.write_text(to_json(model, SOURCES), encoding="utf-8")
    print(f"{MODEL_PATH.relative_to(ROOT)}: {len(model.weights)} features from "
          f"{len(examples)} messages in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

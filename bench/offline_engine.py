"""Benchmark: how long the offline engine takes to answer ordinary visitor questions.

Run with `make bench` (or `.venv/bin/python bench/offline_engine.py`). Prints the machine,
then p50 / p99 / max per answer over every profile in tests/profiles and the sample.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chatbot import SAMPLE_PROFILE  # noqa: E402
from chatbot.engines.base import Visitor  # noqa: E402
from chatbot.engines.offline import OfflineEngine  # noqa: E402
from chatbot.profile import load_profile  # noqa: E402

QUESTIONS = [
    "Hi!", "What projects have you built?", "What is your tech stack?", "Do you know Rust?",
    "Where are you based?", "Are you available for work?", "When could you start?",
    "Do you work remotely?", "How can I contact you?", "Can I see your CV?",
    "What's your GitHub?", "Where do you work now?", "What did you do before that?",
    "Tell me about your most recent job", "Which databases have you used?",
    "Have you used Kubernetes?", "What are your strongest skills?",
    "Would you relocate?", "What is your favourite colour?", "Do you do frontend work?",
    "How many years of experience do you have?", "What's your LinkedIn?",
    "What are you looking for in a role?", "Tell me about your side projects",
    "Do you have experience with payments?",
]
ROUNDS = 200


def main() -> None:
    profiles = [SAMPLE_PROFILE, *sorted((ROOT / "tests" / "profiles").glob("*.toml"))]
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"offline engine: {len(QUESTIONS)} questions x {ROUNDS} rounds per profile")
    for path in profiles:
        engine = OfflineEngine(load_profile(path))
        timings = []
        for round_ in range(ROUNDS):
            visitor = Visitor(kind=("recruiter", "hiring_manager", "peer", None)[round_ % 4])
            for question in QUESTIONS:
                start = time.perf_counter()
                engine.answer(question, visitor)
                timings.append(time.perf_counter() - start)
        timings.sort()
        p50 = statistics.median(timings) * 1000
        p99 = timings[int(len(timings) * 0.99)] * 1000
        print(f"  {path.name:<24} p50 {p50:.3f} ms   p99 {p99:.3f} ms   "
              f"max {timings[-1] * 1000:.3f} ms   ({len(timings)} answers)")


if __name__ == "__main__":
    main()

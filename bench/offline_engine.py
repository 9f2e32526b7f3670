"""Benchmark: how long the offline engine takes to build its index and answer questions.

Run with `make bench` (or `.venv/bin/python bench/offline_engine.py`). Prints the machine,
then per profile (the sample, tests/profiles/*, tests/eval/profiles/* and a generated rich
profile) the index start-up time and p50 / p99 / max per answer, against the targets:
p50 <= 5 ms, p99 <= 20 ms, start-up <= 200 ms for a rich profile.
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
from chatbot.profile import Profile, load_profile, parse_profile  # noqa: E402

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
ROUNDS = 40


def rich_profile() -> Profile:
    """A staff engineer's profile, larger than most: 25 projects, 12 jobs, 30 FAQ, extras."""
    words = "platform queue ledger billing search cache gateway scheduler pipeline".split()
    return parse_profile({
        "owner": {"name": "Robin Example", "headline": "Staff engineer",
                  "location": "Lisbon, Portugal", "summary": "Fifteen years of systems. " * 5},
        "contact": {"email": "robin@example.org",
                    "links": {"github": "https://github.com/robin", "cv": "https://r.example/cv"}},
        "availability": {"status": "Open to staff roles", "work_modes": ["remote"],
                         "notice": "One month"},
        "skills": {f"Group {g}": [f"Tool{g}{i}" for i in range(12)] for g in range(8)},
        "projects": [{"name": f"Project {words[i % 9]} {i}", "summary": f"A {words[i % 9]} tool.",
                      "tech": ["Python", "Go", f"Tool1{i % 12}"],
                      "link": f"https://github.com/robin/p{i}",
                      "highlights": [f"Served {i} thousand users", "Talk at FOSDEM 2026"],
                      "notes": "Rewritten twice. Still running in production."}
                     for i in range(25)],
        "experience": [{"role": f"Engineer {i}", "company": f"Company {i}",
                        "period": f"{2000 + i} – {2001 + i}",
                        "highlights": [f"Cut latency by {i}0%", "Mentored three engineers",
                                       "Led the migration to Kubernetes"]}
                       for i in range(12)],
        "faq": [{"question": f"Question {i} about {words[i % 9]}?",
                 "answer": f"Answer {i} about {words[i % 9]}."} for i in range(30)],
        "talks": [{"title": f"Talk {i}", "event": "PyCon", "year": 2020 + i % 6}
                  for i in range(10)],
        "publications": [f"Paper {i} on {words[i % 9]}" for i in range(10)],
    })


def startup_ms(profile: Profile) -> float:
    """Median time to build the engine (its index) for `profile`, in ms."""
    times = []
    for _ in range(7):
        start = time.perf_counter()
        OfflineEngine(profile)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    paths = [SAMPLE_PROFILE, *sorted((ROOT / "tests" / "profiles").glob("*.toml")),
             *sorted((ROOT / "tests" / "eval" / "profiles").glob("*.toml"))]
    profiles = [(Path(p).name, load_profile(p)) for p in paths]
    profiles.append(("rich (generated)", rich_profile()))
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"offline engine: {len(QUESTIONS)} questions x {ROUNDS} rounds per profile; "
          "targets p50 <= 5 ms, p99 <= 20 ms, start-up <= 200 ms")
    for name, profile in profiles:
        start_ms = startup_ms(profile)
        engine = OfflineEngine(profile)
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
        print(f"  {name:<24} start-up {start_ms:6.1f} ms   p50 {p50:.3f} ms   "
              f"p99 {p99:.3f} ms   max {timings[-1] * 1000:.3f} ms   ({len(timings)} answers)")


if __name__ == "__main__":
    main()

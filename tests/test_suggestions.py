"""Suggested next questions: per visitor type, not yet covered or asked, answerable."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.profile import Profile, load_profile
from chatbot.suggestions import can_answer, candidates, intent_of, suggest

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "chatbot" / "data" / "sample_profile.toml"
PROFILES = sorted((Path(__file__).parent / "profiles").glob("*.toml"))
KINDS = ("recruiter", "hiring_manager", "peer", "other", None)


@pytest.fixture(scope="module")
def sample() -> Profile:
    """The bundled sample profile (Inês: everything filled in)."""
    return load_profile(SAMPLE)


def profile_with(tmp_path: Path, extra: str) -> Profile:
    """The minimal profile (Ada) plus `extra` TOML."""
    path = tmp_path / "profile.toml"
    path.write_text((ROOT / "tests" / "profiles" / "minimal.toml").read_text() + extra)
    return load_profile(path)


def test_recruiter_gets_availability_work_mode_and_start(sample: Profile) -> None:
    assert suggest(sample, "recruiter", [], set()) == [
        "Is Inês open to new roles?",
        "Does Inês work remotely, hybrid or on site?",
        "Where is Inês based?",
    ]


def test_each_type_gets_its_own_suggestions(sample: Profile) -> None:
    by_kind = {kind: suggest(sample, kind, [], set(), limit=4) for kind in KINDS}
    assert by_kind["peer"][:3] == [
        "What is Inês's tech stack?",
        "How does Tidewatch work?",
        "Where can I see Inês's code?",
    ]
    assert by_kind["hiring_manager"][:3] == [
        "What impact has Tidewatch had?",
        "What is Inês's current role?",
        "How does Inês work in a team?",
    ]
    assert by_kind["other"] == by_kind[None]
    assert len({tuple(v) for v in by_kind.values()}) == 4
    assert not set(by_kind["recruiter"]) & set(by_kind["peer"])


def test_covered_intents_are_not_suggested_again(sample: Profile) -> None:
    got = suggest(sample, "recruiter", [], {"availability", "work_mode", "location"})
    assert got == ["When could Inês start?", "How can I contact Inês?", "What has Inês built?"]


def test_questions_already_asked_are_not_suggested_in_any_wording(sample: Profile) -> None:
    asked = ["what's INÊS'S TECH STACK", "how does tidewatch work ?"]
    got = suggest(sample, "peer", asked, set())
    assert "What is Inês's tech stack?" not in got and "How does Tidewatch work?" not in got
    assert got[0] == "Where can I see Inês's code?"
    # "she" and the owner's first name are the same person.
    assert "When could she start?" not in suggest(
        sample, None, ["When could Inês start?"], set(), limit=4
    )


def test_limit_is_respected_and_the_result_deterministic(sample: Profile) -> None:
    for limit in (2, 3, 4):
        got = suggest(sample, "hiring_manager", [], set(), limit=limit)
        assert len(got) == limit
        assert got == suggest(sample, "hiring_manager", [], set(), limit=limit)
    assert len(set(suggest(sample, "peer", [], set(), limit=4))) == 4


def test_audience_starters_come_first_and_are_tagged(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, """notice = "One month"
[[faq]]
question = "Would Ada relocate?"
answer = "Yes, to Berlin."
[audiences.recruiter]
starters = ["Would Ada move to Berlin?", "Is she open to a contract?"]
""")
    assert profile.audiences["recruiter"].starters == (
        "Would Ada move to Berlin?", "Is she open to a contract?",
    )
    got = suggest(profile, "recruiter", [], set())
    assert got[:2] == ["Would Ada move to Berlin?", "Is she open to a contract?"]
    # The owner's availability starter replaces the built-in availability question.
    assert "Is Ada open to new roles?" not in got
    got = suggest(profile, "recruiter", [], {"relocation", "availability"})
    assert got == ["When could Ada start?", "What does Ada do?"]


def test_only_what_the_profile_can_answer(tmp_path: Path) -> None:
    minimal = load_profile(ROOT / "tests" / "profiles" / "minimal.toml")
    for kind in KINDS:
        got = suggest(minimal, kind, [], set(), limit=4)
        assert got == ["Is Ada open to new roles?", "What does Ada do?"] or got == [
            "Is Ada available for work?", "What does Ada do?",
        ], (kind, got)
    other = load_profile(ROOT / "tests" / "profiles" / "other.toml")  # no notice
    assert not any("start" in s for s in suggest(other, "recruiter", [], set(), limit=4))
    links_only = load_profile(ROOT / "tests" / "profiles" / "links_only.toml")  # no code host
    assert not any("code" in s for s in suggest(links_only, "peer", [], set(), limit=4))
    talks = '[chat]\nstarters = ["Does Ada give talks?"]\n'
    assert "Does Ada give talks?" not in suggest(profile_with(tmp_path, talks), None, [], set())
    with_faq = talks + '[[faq]]\nquestion = "Talks?"\nanswer = "At PyCon, twice."\n'
    assert "Does Ada give talks?" in suggest(profile_with(tmp_path, with_faq), None, [], set())


@pytest.mark.parametrize("path", [SAMPLE, *PROFILES], ids=lambda p: p.stem)
def test_every_suggestion_is_answerable_and_tagged(path: Path) -> None:
    profile = load_profile(path)
    for kind in KINDS:
        got = suggest(profile, kind, [], set(), limit=4)
        assert 1 <= len(got) <= 4 and len(set(got)) == len(got)
        for candidate in candidates(profile, kind):
            if candidate.text in got:
                assert candidate.intent is not None, candidate
                assert can_answer(profile, candidate.intent), candidate
        for text in got:
            assert " she " not in f" {text} " or text in profile.starters, text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What has Inês built?", "projects"),
        ("What is her tech stack?", "skills"),
        ("When could she start?", "notice"),
        ("How can I contact her?", "contact"),
        ("Can I talk to her this week?", "contact"),
        ("Does she give talks?", "talks"),
        ("Would she relocate to Berlin?", "relocation"),
        ("Does she work remotely?", "work_mode"),
        ("Where is she based?", "location"),
        ("Which languages does she speak?", "languages"),
        ("What is her degree?", "education"),
        ("Tell me about ledgerlite", "project"),
        ("Is she open to new opportunities?", "availability"),
        ("What is her current job?", "job"),
        ("How many years of experience does she have?", "experience"),
        ("Why is the sky blue?", None),
    ],
)
def test_intent_of_owner_questions(sample: Profile, question: str, intent: str | None) -> None:
    assert intent_of(question, sample) == intent

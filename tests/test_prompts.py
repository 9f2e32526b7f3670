"""Prompt building: facts from the profile, the visitor, bounded history and profile size."""

from __future__ import annotations

from dataclasses import replace

from chatbot import SAMPLE_PROFILE
from chatbot.engines.base import Exchange, Turn, Visitor
from chatbot.profile import Project, load_profile, parse_profile
from chatbot.prompts import (
    bounded_history,
    chat_messages,
    estimate_tokens,
    profile_facts,
    select_facts,
    system_prompt,
)

PROFILE = load_profile(SAMPLE_PROFILE)


def test_system_prompt_holds_the_rules_and_every_fact_when_it_fits() -> None:
    prompt = system_prompt(PROFILE, Turn("hi"), profile_budget=10_000)
    assert "Answer only from the FACTS" in prompt
    assert "Never invent" in prompt
    for project in PROFILE.projects:
        assert project.name in prompt
    assert PROFILE.availability.status in prompt


def test_facts_made_once_give_the_same_messages() -> None:
    filler = tuple(Project(name=f"Project {n}", summary="Internal tooling " * 30)
                   for n in range(60))
    big = replace(PROFILE, projects=(*filler, Project(name="Kestrel", summary="A database.")))
    turn = Turn("And Kestrel?", history=[Exchange("visitor", "What is Ledger?"),
                                         Exchange("assistant", "A ledger.")],
                visitor=Visitor(name="Ann", kind="peer"))
    for profile in (PROFILE, big):
        facts = tuple(profile_facts(profile))
        for budget in (800, 10_000):
            assert chat_messages(profile, turn, profile_budget=budget, history_budget=500,
                                 facts=facts) == chat_messages(
                profile, turn, profile_budget=budget, history_budget=500)


def test_keys_the_format_does_not_define_reach_the_prompt_wherever_they_are() -> None:
    profile = parse_profile({
        "owner": {"name": "Dana Park", "headline": "Data engineer", "mastodon": "@dana"},
        "availability": {"status": "Open"},
        "projects": [{"name": "Ledger", "summary": "A ledger.", "team_size": 4,
                      "metrics": {"throughput": "12k transactions per second"}}],
        "experience": [{"role": "Engineer", "company": "Northwind", "location": "Oslo"}],
        "education": {"msc": {"school": "TU Delft", "year": 2019}},
    })
    prompt = system_prompt(profile, Turn("hi"), profile_budget=10_000)
    ledger = next(f.text for f in profile_facts(profile) if "Ledger" in f.text)
    assert "team_size: 4" in ledger and "12k transactions per second" in ledger
    job = next(f.text for f in profile_facts(profile) if "Northwind" in f.text)
    assert "location: Oslo" in job
    assert "owner.mastodon: @dana" in prompt and "TU Delft" in prompt and "2019" in prompt


def test_a_large_profile_keeps_identity_contact_and_the_relevant_parts() -> None:
    filler = tuple(Project(name=f"Project {n}", summary="Internal tooling " * 30)
                   for n in range(60))
    wanted = Project(name="Kestrel", summary="A Rust time-series database.")
    big = replace(PROFILE, projects=filler + (wanted,))
    prompt = system_prompt(big, Turn("Tell me about Kestrel"), profile_budget=800)
    assert "Kestrel" in prompt
    assert PROFILE.owner.name in prompt and PROFILE.availability.status in prompt
    assert estimate_tokens(prompt) < 1200
    facts = select_facts(profile_facts(big), "Tell me about Kestrel", 800)
    assert sum(estimate_tokens(f.text) for f in facts if not f.always) <= 800


def test_a_follow_up_keeps_the_facts_of_what_was_asked_before_in_a_large_profile() -> None:
    filler = tuple(Project(name=f"Project {n}", summary="Internal tooling " * 30)
                   for n in range(60))
    wanted = Project(name="Kestrel", summary="A time-series database for telemetry. " * 12,
                     tech=("Rust",))  # as large as the others: it fits only if chosen
    big = replace(PROFILE, projects=filler + (wanted,))
    history = [Exchange("visitor", "Tell me about Kestrel"),
               Exchange("assistant", "Kestrel is a time-series database.")]
    prompt = system_prompt(big, Turn("what stack did it use?", history=history),
                           profile_budget=800)
    assert "Kestrel" in prompt and "Rust" in prompt


def test_visitor_type_and_audience_focus_reach_the_prompt() -> None:
    prompt = system_prompt(PROFILE, Turn("hi", visitor=Visitor("Sam", "recruiter")), 10_000)
    assert "recruiter" in prompt and "'Sam'" in prompt
    audience = PROFILE.audiences.get("recruiter")
    if audience and audience.focus:
        assert audience.focus[0] in prompt


def test_history_keeps_the_newest_turns_within_budget() -> None:
    history = [Exchange("visitor" if n % 2 == 0 else "assistant", f"message {n} " * 40)
               for n in range(200)]
    kept = bounded_history(history, budget=500)
    assert kept[-1].text == history[-1].text
    assert kept[0].role == "visitor"
    assert sum(estimate_tokens(e.text) + 4 for e in kept) <= 500
    assert len(kept) < len(history)


def test_messages_end_with_the_question_as_the_user() -> None:
    turn = Turn("Is she available?", history=[Exchange("visitor", "hi"),
                                              Exchange("assistant", "hello")])
    messages = chat_messages(PROFILE, turn, profile_budget=10_000, history_budget=1000)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[-1]["content"] == "Is she available?"


def test_estimate_over_counts_ordinary_text() -> None:
    # Real GPT-4 tokenizers give about 1 token per 4 characters of English prose.
    sentence = "The quick brown fox jumps over the lazy dog near the riverbank."
    assert estimate_tokens(sentence) >= len(sentence) / 4

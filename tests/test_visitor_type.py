"""Visitor-type inference: accuracy on the labelled sets and the re-inference rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot import visitor_type
from chatbot.visitor_model import BAYES_PATH, VisitorModel, fingerprint, load_model
from chatbot.visitor_type import VISITOR_TYPES, infer_visitor, infer_visitor_type

EVAL = Path(__file__).parent / "eval"
TRAINED_ON = ("visitor_types_dev.toml", "visitor_types_train_extra.toml")


def load_set(path: Path) -> list[tuple[str, str]]:
    """(text, type) pairs of a labelled set."""
    import tomllib

    with open(path, "rb") as fh:
        return [(m["text"], m["type"]) for m in tomllib.load(fh).get("message", [])]


def accuracy(path: Path) -> tuple[float, list[tuple[str, str, str]]]:
    """The share right on a labelled set (None scored as "other"), and the misses."""
    examples = load_set(path)
    assert all(kind in VISITOR_TYPES for _, kind in examples)
    misses = [
        (kind, got, text)
        for text, kind in examples
        if (got := infer_visitor_type([text]) or "other") != kind
    ]
    return 1 - len(misses) / len(examples), misses


BLIND = EVAL / "visitor_types.toml"
SILENT = VisitorModel(VISITOR_TYPES, (0.0,) * 4, {})  # every class 0.25: no model signal
# The stored models are trained on the development set (our own messages, the probes and
# blind rounds one to five) and the extra training messages, never on visitor_types.toml.
def test_accuracy_on_our_own_set() -> None:
    """At least 99.5% right on the development set (trained on; 99.7% reached)."""
    share, misses = accuracy(EVAL / "visitor_types_dev.toml")
    assert share >= 0.995, f"{share:.1%}; misses: {misses}"


def test_accuracy_on_the_extra_training_messages() -> None:
    """All of the messages written only for training (trained on)."""
    share, misses = accuracy(EVAL / "visitor_types_train_extra.toml")
    assert share == 1.0, f"{share:.1%}; misses: {misses}"


# The blind set (visitor_types.toml) is written by someone who saw neither the classifier
# nor its data and scored once before any change made for it. Round six's, scored on
# 2026-11-26: 91.9% (114 of 124); 91.6% (109 of 119) of the messages no training file also
# holds (five short openers such as "test" are in both). Round five's scored 89.9%.
def test_accuracy_on_the_blind_set_meets_the_target() -> None:
    share, misses = accuracy(BLIND)
    assert share >= 0.9, f"{share:.1%}; misses: {misses}"


def test_accuracy_on_the_blind_messages_no_training_file_holds_meets_the_target() -> None:
    ours = {fingerprint(t) for name in TRAINED_ON for t, _ in load_set(EVAL / name)}
    unseen = [(t, k) for t, k in load_set(BLIND) if fingerprint(t) not in ours]
    right = sum((infer_visitor_type([t]) or "other") == k for t, k in unseen)
    assert len(unseen) >= 100 and right / len(unseen) >= 0.9, f"{right} of {len(unseen)}"


def test_the_blind_set_was_never_trained_on() -> None:
    """Its messages reach the models only where our own files say the same."""
    blind = {fingerprint(t) for t, _ in load_set(BLIND)}
    ours = {fingerprint(t) for name in TRAINED_ON for t, _ in load_set(EVAL / name)}
    assert blind & load_model().trained_on <= ours
    assert blind & load_model(BAYES_PATH).trained_on <= ours


def test_the_stored_model_is_what_the_training_script_would_write() -> None:
    """Their training lists match the labelled files (retrain after changing them)."""
    labelled = {fingerprint(t) for name in TRAINED_ON for t, _ in load_set(EVAL / name)}
    for stored in (load_model(), load_model(BAYES_PATH)):
        assert stored.classes == VISITOR_TYPES
        assert labelled == stored.trained_on


def test_our_set_is_big_and_balanced() -> None:
    examples = load_set(EVAL / "visitor_types_dev.toml")
    assert len(examples) >= 80
    for kind in VISITOR_TYPES:
        assert sum(1 for _, k in examples if k == kind) >= 15, kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sourcing for a fintech client", "recruiter"),
        ("I lead the payments team and I'm hiring", "hiring_manager"),
        ("fellow Go developer here", "peer"),
        ("just browsing", "other"),
        ("what projects has she built?", None),
        ("Is she available?", None),
        ("Where can I find the source code?", None),  # "source" is not "sourcing"
        ("recrutier here, quick question", "recruiter"),  # a typo of a cue word
    ],
)
def test_single_messages(text: str, expected: str | None) -> None:
    assert infer_visitor_type([text]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Technical depth with no self-description: a fellow engineer.
        ("which Jepsen checker did you model the linearizability tests on?", "peer"),
        ("PyMC or Stan for the bed occupancy model?", "peer"),
        ("how do you handle retries in the webhook worker?", "peer"),
        ("did you go with MapLibre or Leaflet?", "peer"),
        # Naming a tool in passing, or asking what she knows, is not depth.
        ("Is this site made with htmx?", None),
        ("What is her tech stack?", None),
        # A job spec names tools too: the recruiter's cue wins.
        ("Is she open to a contract role? Python, Django, Postgres, AWS.", "recruiter"),
        ("I'm hiring for my team: Rust, Kafka and Kubernetes. Interested?", "hiring_manager"),
        ("Senior Python/Django engineer for a fintech, 70-80k base, hybrid. Open to it?",
         "recruiter"),
    ],
)
def test_technical_depth(text: str, expected: str | None) -> None:
    assert infer_visitor_type([text]) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Asking what she knows is not a fellow engineer's depth (the learned model reads
        # these as a hiring manager's questions; the cue phrases alone find no signal).
        "Does she have experience with Kafka and Kubernetes?",
        "Has she worked with React and TypeScript?",
        "Does she do frontend or backend?",  # "or" about nothing named
    ],
)
def test_asking_what_she_knows_is_not_depth(text: str) -> None:
    assert infer_visitor([text], SILENT) is None
    assert infer_visitor_type([text]) != "peer"


def test_no_messages_no_signal() -> None:
    assert infer_visitor_type([]) is None
    assert infer_visitor([]) is None


def test_a_later_message_that_says_otherwise_wins() -> None:
    messages = ["Hi, I'm a recruiter at Acme", "actually I'm an engineer on the team, not HR"]
    assert infer_visitor_type(messages[:1]) == "recruiter"
    assert infer_visitor_type(messages) == "peer"
    assert infer_visitor_type(["fellow Go developer here", "I'm hiring for my team"]) == (
        "hiring_manager"
    )


def test_a_later_plain_question_keeps_the_type() -> None:
    messages = ["sourcing for a fintech client", "what projects has she built?", "thanks"]
    guess = infer_visitor(messages)
    assert guess is not None
    assert guess.kind == "recruiter"
    assert guess.message_index == 0


def test_a_denial_rules_out_the_earlier_type() -> None:
    assert infer_visitor_type(["sourcing for a client", "sorry, I'm not a recruiter"]) is None
    assert infer_visitor_type(["I'm a recruiter", "I'm not a recruiter, just browsing"]) == (
        "other"
    )
    assert infer_visitor_type(["I'm not a recruiter"]) is None


def test_not_sure_is_not_a_denial() -> None:
    assert infer_visitor_type(["Not sure this is the right place, I'm a recruiter"]) == (
        "recruiter"
    )


def test_hints_spread_over_messages_add_up() -> None:
    """Where the model is unsure, weak cues in several messages decide together."""
    assert infer_visitor(["Is she open to relocation?"], SILENT) is None
    guess = infer_visitor(
        ["Is she open to relocation?", "What is her notice period and salary?"], SILENT
    )
    assert guess is not None
    assert guess.kind == "recruiter"


def test_confidence_is_between_0_and_1_and_lower_when_mixed() -> None:
    clear = infer_visitor(["I'm a recruiter sourcing for a client"])
    mixed = infer_visitor(["I'm a tech recruiter for a client and a developer too"])
    assert clear is not None and mixed is not None
    assert 0 < mixed.confidence < clear.confidence <= 1


def test_a_tie_is_no_signal() -> None:
    assert infer_visitor_type(["I'm a recruiter, and a developer too"]) is None


def test_cue_file_with_an_unknown_type_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text('[cues.astronaut]\n"moon" = 1.0\n', encoding="utf-8")
    with pytest.raises(ValueError, match="cues.astronaut"):
        visitor_type._load_cues(bad)


def test_tech_lexicon_with_a_gap_first_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "tech.toml"
    bad.write_text('[lexicon]\nlanguages = ["* python"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="must start with a word"):
        visitor_type._load_tech(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No cue phrase decides these; the learned model does.
        ("Busco perfiles de frontend para una empresa cliente en Valencia, ¿le interesa?",
         "recruiter"),
        ("Our two-person data team is drowning, and the budget for a third seat was approved "
         "last week.", "hiring_manager"),
    ],
)
def test_the_model_answers_where_the_cues_are_silent(text: str, expected: str) -> None:
    assert infer_visitor([text], SILENT) is None
    assert infer_visitor_type([text]) == expected


def test_the_models_other_is_no_signal() -> None:
    """A later plain message the model calls "other" does not undo its earlier guess."""
    opener = "Busco perfiles de frontend para una empresa cliente en Valencia, ¿le interesa?"
    guess = infer_visitor([opener, "gracias!"])
    assert guess is not None
    assert (guess.kind, guess.message_index) == ("recruiter", 0)
    assert 0 < guess.confidence <= 1


def test_an_unsure_model_is_no_signal() -> None:
    text = "Busco perfiles de frontend para una empresa cliente en Valencia, ¿le interesa?"
    assert infer_visitor([text], threshold=1.01) is None


def test_model_file_with_a_short_weight_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text('{"classes": ["a", "b"], "bias": [0, 0], "trained_on": [],'
                   ' "weights": {"w:x": [1]}}', encoding="utf-8")
    with pytest.raises(ValueError, match="one value per class"):
        load_model(bad)

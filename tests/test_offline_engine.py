"""The offline engine: an evaluation on ordinary visitor questions, plus its honesty rules."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from chatbot.engines.base import Engine, Exchange, Turn, Visitor
from chatbot.engines.offline import OfflineEngine
from chatbot.profile import Profile, load_profile, parse_profile

SAMPLE = Path(__file__).parent.parent / "chatbot" / "data" / "sample_profile.toml"
PROFILES = Path(__file__).parent / "profiles"
PATHS = {
    "sample": SAMPLE,
    "other": PROFILES / "other.toml",
    "links_only": PROFILES / "links_only.toml",
}

# Ordinary visitor questions, each with the fact substrings (case-insensitive) that a good
# answer contains. All of them must appear for the answer to count.
EVAL: dict[str, list[tuple[str, list[str]]]] = {
    "sample": [
        ("What's her email address?", ["ines.carvalho@example.com"]),
        ("How can I get in touch with Inês?", ["ines.carvalho@example.com"]),
        ("Where is she based?", ["Porto, Portugal"]),
        ("Is she open to remote work?", ["remote (European time zones)"]),
        ("When could she start?", ["early March 2026"]),
        ("What is her notice period?", ["Two months' notice"]),
        ("Is she looking for a job right now?", ["Open to senior backend or platform"]),
        ("Can I see her CV?", ["https://ines.example.com/cv.pdf"]),
        ("Do you have a link to her résumé?", ["https://ines.example.com/cv.pdf"]),
        ("What's her GitHub?", ["https://github.com/example-ines"]),
        ("linkedin?", ["linkedin.com/in/example-ines-carvalho"]),
        ("What projects has she built?", ["Tidewatch", "ledgerlite", "Queue Doctor", "Mesa"]),
        ("Tell me about Tidewatch", ["tide and swell forecast API"]),
        ("What tech does Mesa use?", ["Django", "htmx"]),
        ("Does she know Rust?", ["Yes", "Rust"]),
        ("Has she worked with Kubernetes?", ["Yes", "Kubernetes"]),
        ("Which programming languages does she use?", ["Python", "Go", "TypeScript"]),
        ("What's her tech stack?", ["Django", "PostgreSQL", "Docker"]),
        ("Where does she work now?", ["Northwind Payments"]),
        ("What's her current role?", ["Senior Backend Engineer"]),
        ("Where has she worked before?", ["Lumen Health", "Porto Digital Lab"]),
        ("What did she do at Lumen Health?", ["appointment-scheduling API"]),
        ("How many years of experience does she have?", ["8 years"]),
        ("Does she have a degree?", ["BSc in Informatics Engineering"]),
        ("Which languages does she speak?", ["Portuguese"]),
        ("Would she consider relocating?", ["Amsterdam or Berlin"]),
        ("Does she do freelance work?", ["10 hours a week"]),
        ("What are her salary expectations?", ["compensation"]),
        ("Has she mentored anyone?", ["Mentors two junior engineers"]),
        ("Who is Inês?", ["Senior backend engineer"]),
        ("Which projects use Python?", ["Tidewatch"]),
        ("Any frontend experience?", ["React"]),
        ("What's her time zone?", ["UTC+0"]),
        ("Is she open to hybrid work?", ["hybrid in Porto"]),
    ],
    "other": [
        ("How do I contact Sefa?", ["sefa@adomako.example"]),
        ("What is his email?", ["sefa@adomako.example"]),
        ("Where does he live?", ["Accra"]),
        ("Is he available for a new role?", ["Not actively looking"]),
        ("Does he work remotely?", ["remote only"]),
        ("Would he do contract work?", ["contract or full-time"]),
        ("Does he have a CV I can download?", ["no CV", "sefa@adomako.example"]),
        ("github link please", ["https://github.com/example-sefa"]),
        ("Does he have a blog?", ["https://sefa.example.org/notes"]),
        ("What has Sefa built?", ["Harmattan", "kente-rec", "Trotro Times"]),
        ("Tell me about Trotro Times", ["minibus arrival times"]),
        ("What is Harmattan?", ["electricity demand forecasting"]),
        ("Which projects use PyTorch?", ["Harmattan"]),
        ("Does he know Spark?", ["Apache Spark"]),
        ("Is he familiar with Kubernetes?", ["Yes", "Kubernetes"]),
        ("What are his skills?", ["PyTorch", "Airflow", "MLflow"]),
        ("What programming languages does he know?", ["Python", "Scala"]),
        ("Where does he work?", ["Baobab Analytics"]),
        ("What's his job title?", ["Staff Machine Learning Engineer"]),
        ("What did he do at Sankofa?", ["fraud-detection model"]),
        ("Does he need visa sponsorship?", ["Canadian work permit"]),
        ("Has he published any papers?", ["NeurIPS"]),
        ("What did he study?", ["MSc in Statistics"]),
        ("Does he speak at conferences?", ["PyData Accra"]),
        ("How big is his team?", ["five engineers"]),
        ("Who is Sefa?", ["Machine-learning engineer"]),
        ("How many years of experience does he have?", ["Six years"]),
        ("Has he won any awards?", ["Accra Civic Tech Challenge"]),
        ("Is he on kaggle?", ["https://www.kaggle.com/examplesefa"]),
        ("Does he have MLOps experience?", ["MLflow"]),
    ],
    "links_only": [
        ("How can I contact Jun?", ["https://jun.example.net"]),
        ("What's their email?", ["no email", "https://jun.example.net"]),
        ("Where are they based?", ["Seoul"]),
        ("Are they available?", ["Available for freelance accessibility audits"]),
        ("Can they work on-site?", ["occasional on-site workshops"]),
        ("When could they start?", ["within two weeks"]),
        ("Do they have a resume?", ["https://jun.example.net/resume"]),
        ("Are they on Mastodon?", ["https://social.example/@junpark"]),
        ("What have they built?", ["Wayfinder", "Contrast Kit"]),
        ("Tell me about Wayfinder", ["accessible design system"]),
        ("Do they know Svelte?", ["Yes", "Svelte"]),
        ("What's their tech stack?", ["TypeScript", "Figma"]),
        ("Where do they work now?", ["Civic Digital Seoul"]),
        ("Where have they worked?", ["Civic Digital Seoul", "Hanbit Studio"]),
        ("How much experience do they have?", ["Ten years"]),
        ("Do they run workshops?", ["half-day accessibility workshops"]),
        ("What do they charge?", ["Rates depend on the scope"]),
        ("What are their pronouns?", ["they/them"]),
        ("Who is Jun?", ["Front-end developer and accessibility specialist"]),
        ("Which projects use TypeScript?", ["Wayfinder", "Contrast Kit"]),
    ],
}


@pytest.fixture(scope="module")
def profiles() -> dict[str, Profile]:
    """Every evaluated profile, by name."""
    return {name: load_profile(path) for name, path in PATHS.items()}


@pytest.fixture(scope="module")
def engines(profiles: dict[str, Profile]) -> dict[str, OfflineEngine]:
    """One engine per evaluated profile."""
    return {name: OfflineEngine(profile) for name, profile in profiles.items()}


@pytest.fixture(scope="module")
def sample(engines: dict[str, OfflineEngine]) -> OfflineEngine:
    """The engine over the bundled sample profile."""
    return engines["sample"]


def profile_text(name: str) -> str:
    """The profile file's text, folded for fact checks."""
    return PATHS[name].read_text(encoding="utf-8").lower()


def invented(answer: str, name: str) -> list[str]:
    """Emails, links, numbers and bold names in `answer` that the profile file does not have."""
    source = " ".join(profile_text(name).split())
    facts = re.findall(r"[\w.+-]+@[\w.-]+\w", answer)
    facts += re.findall(r"https?://[^\s)>]+", answer)
    facts += re.findall(r"\*\*(.+?)\*\*", answer)
    facts += re.findall(r"\d[\d,.]*\d|\d", re.sub(r"https?://\S+|\S+@\S+", "", answer))
    return [f for f in facts if f.lower().rstrip(".") not in source and f != "Availability:"]


@pytest.mark.parametrize("name", list(EVAL))
def test_eval_answers_contain_the_facts_asked_for(
    engines: dict[str, OfflineEngine], name: str
) -> None:
    engine = engines[name]
    engine.answer("warm up")
    misses = []
    elapsed = 0.0
    for question, facts in EVAL[name]:
        start = time.perf_counter()
        answer = engine.answer(question)
        elapsed += time.perf_counter() - start
        if not all(f.lower() in answer.lower() for f in facts):
            misses.append(f"  {question!r} wanted {facts}, got:\n    {answer!r}")
    total = len(EVAL[name])
    hits = total - len(misses)
    mean_ms = elapsed / total * 1000
    print(f"\noffline eval {name}: {hits}/{total} = {hits / total:.0%}, mean {mean_ms:.2f} ms")
    print("\n".join(misses))
    assert hits / total >= 0.9, "\n".join(misses)
    assert mean_ms < 50  # generous: the engine aims for well under 1 ms


@pytest.mark.parametrize("name", list(EVAL))
def test_eval_answers_invent_nothing(engines: dict[str, OfflineEngine], name: str) -> None:
    for question, _ in EVAL[name]:
        answer = engines[name].answer(question)
        assert invented(answer, name) == [], (question, answer)


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("sample", "What is her favourite colour?"),
        ("sample", "Does she have a dog?"),
        ("sample", "Is she married?"),
        ("other", "What is his favourite food?"),
        ("other", "What car does he drive?"),
        ("links_only", "What's their favourite editor?"),  # an ignored extra key
    ],
)
def test_unknown_questions_say_so_and_offer_contact(
    engines: dict[str, OfflineEngine], profiles: dict[str, Profile], name: str, question: str
) -> None:
    answer = engines[name].answer(question)
    contact = profiles[name].contact
    assert "I don't have an answer to that" in answer
    assert (contact.email or contact.links["website"]) in answer
    assert invented(answer, name) == []
    assert "Helix" not in answer
    for project in profiles[name].projects:
        assert project.name not in answer


@pytest.mark.parametrize(
    ("name", "question", "missing"),
    [
        ("sample", "Does she know Java?", "Java"),
        ("sample", "Does she have experience with COBOL?", "COBOL"),
        ("other", "Does he know Rust?", "Rust"),
        ("links_only", "Do they know React?", "React"),
    ],
)
def test_skills_not_in_the_profile_get_a_plain_no(
    engines: dict[str, OfflineEngine], name: str, question: str, missing: str
) -> None:
    answer = engines[name].answer(question)
    assert f"doesn't mention “{missing}”" in answer
    assert not answer.startswith("Yes")


def test_missing_links_are_named_and_other_contact_offered(
    engines: dict[str, OfflineEngine],
) -> None:
    answer = engines["other"].answer("What's his LinkedIn?")
    assert "no LinkedIn link" in answer and "sefa@adomako.example" in answer


def test_answers_stay_on_the_question(sample: OfflineEngine, profiles: dict[str, Profile]) -> None:
    profile = profiles["sample"]
    project_names = [p.name for p in profile.projects]
    availability = sample.answer("When can she start?")
    assert profile.availability.notice in availability  # type: ignore[operator]
    assert not any(n in availability for n in project_names)
    assert profile.contact.email not in availability  # type: ignore[operator]
    email = sample.answer("What's her email?")
    assert profile.contact.email in email  # type: ignore[operator]
    assert not any(n in email for n in project_names)
    assert "github.com" not in email and "Python" not in email
    location = sample.answer("Where is she based?")
    assert profile.owner.location in location  # type: ignore[operator]
    assert len(location) < 100
    project = sample.answer("Tell me about ledgerlite")
    assert "ledgerlite" in project and not any(
        n in project for n in project_names if n != "ledgerlite"
    )
    skill = sample.answer("Does she know Terraform?")
    assert "Terraform" in skill and profile.availability.status not in skill
    github = sample.answer("What's her GitHub?")
    assert github.strip() == f"- GitHub: <{profile.contact.links['github']}>"


def test_greetings_use_the_audience_greeting(
    sample: OfflineEngine, profiles: dict[str, Profile]
) -> None:
    audiences = profiles["sample"].audiences
    recruiter = sample.answer("hi", Visitor(kind="recruiter"))
    assert recruiter.startswith(audiences["recruiter"].greeting)  # type: ignore[arg-type]
    peer = sample.answer("Hello!", Visitor(name="Sam", kind="peer"))
    assert peer.startswith(audiences["peer"].greeting)  # type: ignore[arg-type]
    stranger = sample.answer("hey", Visitor(name="Sam"))
    assert stranger.startswith("Hi, Sam!") and "Inês Carvalho" in stranger
    assert "projects" in stranger and "availability" in stranger


def test_greeting_with_a_question_answers_the_question(sample: OfflineEngine) -> None:
    assert "ines.carvalho@example.com" in sample.answer("Hi! What's her email?")


def test_audience_focus_orders_the_facts(sample: OfflineEngine) -> None:
    question = "What has she built and is she available?"
    for_recruiter = sample.answer(question, Visitor(kind="recruiter"))
    for_peer = sample.answer(question, Visitor(kind="peer"))
    assert for_recruiter.index("Availability") < for_recruiter.index("Tidewatch")
    assert for_peer.index("Tidewatch") < for_peer.index("Availability")


def test_typos_accents_and_plurals(sample: OfflineEngine) -> None:
    assert "Open to senior" in sample.answer("whats her availabilty?")
    assert "Yes" in sample.answer("does she know kubernets?")
    assert "Northwind Payments" in sample.answer("where does she curently work?")
    assert "cv.pdf" in sample.answer("RESUME")
    assert "cv.pdf" in sample.answer("resumé")
    assert "Queue Doctor" in sample.answer("what project uses rust")


def test_follow_up_questions_use_the_history(sample: OfflineEngine) -> None:
    history = [
        Exchange("visitor", "Tell me about Tidewatch"),
        Exchange("assistant", "Tidewatch is ..."),
    ]
    chunks = list(sample.reply(Turn("What tech does it use?", history=history)))
    assert "FastAPI" in "".join(chunks) and "Mesa" not in "".join(chunks)


def test_reply_yields_the_answer(sample: OfflineEngine) -> None:
    turn = Turn("What's her email?", visitor=Visitor(kind="recruiter"))
    assert "".join(sample.reply(turn)) == sample.answer(turn.question, turn.visitor)
    assert isinstance(sample, Engine)
    assert sample.name == "offline" and sample.model_id == "offline"
    assert sample.can_stream is False and sample.needs_key is False


def test_minimal_profile_answers_honestly() -> None:
    engine = OfflineEngine(load_profile(PROFILES / "minimal.toml"))
    assert "no contact details" in engine.answer("How can I contact Ada?")
    assert "lists no projects" in engine.answer("What has she built?")
    assert "Busy" in engine.answer("Is she available?")
    assert "doesn't mention “Python”" in engine.answer("Does she know Python?")
    assert "I don't have an answer" in engine.answer("What's her favourite colour?")
    assert engine.answer("hello").startswith("Hi!")


def test_latest_role_is_found_by_year_when_nothing_says_present() -> None:
    engine = OfflineEngine(parse_profile({
        "owner": {"name": "Kim Lee", "headline": "Developer"},
        "availability": {"status": "Open"},
        "contact": {"links": {"personal_site": "https://kim.example"}},
        "experience": [
            {"role": "Intern", "company": "Oldco", "period": "2015 – 2016"},
            {"role": "Engineer", "company": "Newco", "period": "2019 – 2024"},
        ],
    }))
    answer = engine.answer("What is Kim's current job?")
    assert "Newco" in answer and "Oldco" not in answer
    assert "most recent role" in answer  # not "is": nothing says the job goes on
    on_site = engine.answer("Would Kim work on site?")
    assert "Open" in on_site and "kim.example" not in on_site


def test_links_and_emails_are_markdown_autolinks(sample: OfflineEngine) -> None:
    assert "<ines.carvalho@example.com>" in sample.answer("Email?")
    assert "<https://ines.example.com/cv.pdf>" in sample.answer("CV?")


def test_answers_are_fast(sample: OfflineEngine) -> None:
    questions = [q for q, _ in EVAL["sample"]]
    start = time.perf_counter()
    for _ in range(5):
        for question in questions:
            sample.answer(question)
    mean_ms = (time.perf_counter() - start) / (5 * len(questions)) * 1000
    print(f"\noffline engine mean answer time: {mean_ms:.3f} ms")
    assert mean_ms < 50

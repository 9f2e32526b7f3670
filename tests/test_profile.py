"""Loading and validating the owner's profile."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from chatbot.profile import (
    Audience,
    Availability,
    Faq,
    Owner,
    Profile,
    ProfileError,
    load_profile,
    parse_profile,
)

SAMPLE = Path(__file__).parent.parent / "chatbot" / "data" / "sample_profile.toml"
PROFILES = Path(__file__).parent / "profiles"

MINIMAL = """\
[owner]
name = "Ada Example"
headline = "Programmer"

[availability]
status = "Busy"
"""


def write(tmp_path: Path, text: str, name: str = "me.toml") -> Path:
    """Write a profile file into the test's temp dir."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_profile_loads_with_every_section() -> None:
    profile = load_profile(SAMPLE)
    assert isinstance(profile, Profile)
    assert profile.owner.name == "Inês Carvalho"
    assert profile.first_name == "Inês"
    assert profile.owner.location and profile.owner.summary and profile.owner.pronouns
    assert profile.contact.email
    assert {"github", "linkedin", "cv"} <= set(profile.contact.links)
    assert profile.availability.work_modes and profile.availability.notice
    assert len(profile.skills) == 4
    assert list(profile.skills)[0] == "Languages"  # groups keep file order
    assert "Python" in profile.skills["Languages"]
    assert 3 <= len(profile.projects) <= 4
    assert all(p.tech and p.link and p.highlights for p in profile.projects)
    assert 2 <= len(profile.experience) <= 3
    assert 3 <= len(profile.faq) <= 5
    assert set(profile.audiences) == {"recruiter", "hiring_manager", "peer"}
    assert profile.audiences["recruiter"].focus[0] == "availability"
    assert len(profile.starters) == 4
    assert profile.source == str(SAMPLE)
    assert profile.digest == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.toml")), ids=lambda p: p.stem)
def test_test_profiles_load(path: Path) -> None:
    assert load_profile(path).owner.name


def test_minimal_profile_gets_defaults(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, MINIMAL))
    assert profile.owner == Owner(name="Ada Example", headline="Programmer")
    assert profile.availability == Availability(status="Busy")
    assert profile.contact.email is None and dict(profile.contact.links) == {}
    assert dict(profile.skills) == {} and dict(profile.audiences) == {}
    assert profile.projects == () and profile.experience == () and profile.faq == ()
    assert profile.starters == (
        "What has Ada built?",
        "What are Ada's main skills?",
        "Is Ada available for work?",
        "How can I contact Ada?",
    )


def test_chat_starters_come_from_the_file(tmp_path: Path) -> None:
    text = MINIMAL + '\n[chat]\nstarters = ["  What is Ada up to?  ", "Why Ada?"]\n'
    assert load_profile(write(tmp_path, text)).starters == ("What is Ada up to?", "Why Ada?")


def test_strings_are_stripped_and_extra_keys_ignored(tmp_path: Path) -> None:
    text = """\
version = 3
[owner]
name = "  Ada Example \\n"
headline = " Programmer "
hobby = "chess"
[availability]
status = "Busy"
colour = "blue"
[[faq]]
question = " Why? "
answer = " Because. "
votes = 3
[audiences.recruiter]
focus = [" availability "]
[audiences.investor]
greeting = "Hello investor"
[extra_section]
anything = [1, 2, 3]
"""
    profile = load_profile(write(tmp_path, text))
    assert profile.owner.name == "Ada Example" and profile.owner.headline == "Programmer"
    assert profile.faq == (Faq(question="Why?", answer="Because."),)
    assert profile.audiences["recruiter"] == Audience(focus=("availability",))
    assert profile.audiences["investor"].greeting == "Hello investor"


def test_any_link_names_are_kept_in_order(tmp_path: Path) -> None:
    text = MINIMAL + '[contact]\nlinks = { mastodon = "https://m.example/@a", cv = "/cv.pdf" }\n'
    links = load_profile(write(tmp_path, text)).contact.links
    assert list(links.items()) == [("mastodon", "https://m.example/@a"), ("cv", "/cv.pdf")]


def test_blank_optional_text_reads_as_missing(tmp_path: Path) -> None:
    text = MINIMAL.replace('headline = "Programmer"', 'headline = "Programmer"\nlocation = "  "')
    assert load_profile(write(tmp_path, text)).owner.location is None


BROKEN = [
    # (what the file says instead of the valid minimal profile, field path, problem)
    ('[owner]\nheadline = "x"\n[availability]\nstatus = "y"\n',
     "owner.name", "required text is missing"),
    (MINIMAL.replace('name = "Ada Example"', 'name = "   "'),
     "owner.name", "required text is missing"),
    (MINIMAL.replace('name = "Ada Example"', "name = 42"),
     "owner.name", "expected text, got an integer"),
    (MINIMAL.replace('"Programmer"', "true"), "owner.headline", "expected text, got a boolean"),
    ('[owner]\nname = "A"\nheadline = "B"\n', "availability", "required table is missing"),
    ('owner = "Ada"\n[availability]\nstatus = "y"\n', "owner", "expected a table, got text"),
    (MINIMAL.replace('status = "Busy"', 'status = "Busy"\nwork_modes = "remote"'),
     "availability.work_modes", "expected an array of text, got text"),
    (MINIMAL.replace('status = "Busy"', 'status = "Busy"\nwork_modes = ["remote", 3.5]'),
     "availability.work_modes[1]", "expected text, got a number"),
    (MINIMAL + '[skills]\nLanguages = "Python"\n',
     "skills.Languages", "expected an array of text, got text"),
    (MINIMAL + '[skills]\nLanguages = ["Python", ""]\n', "skills.Languages[1]", "empty text"),
    ('skills = ["Python"]\n' + MINIMAL, "skills", "expected a table, got an array"),
    (MINIMAL + '[projects]\nname = "X"\nsummary = "Y"\n',
     "projects", "expected an array of tables ([[projects]]), got a single table"),
    (MINIMAL + '[[projects]]\nname = "X"\nsummary = "Y"\n[[projects]]\nname = "Z"\n'
     '[[projects]]\nsummary = "W"\n', "projects[1].summary", "required text is missing"),
    (MINIMAL + '[[projects]]\nname = "X"\nsummary = "Y"\ntech = "Go"\n',
     "projects[0].tech", "expected an array of text, got text"),
    (MINIMAL + '[[projects]]\nname = "X"\nsummary = "Y"\nlink = ["a"]\n',
     "projects[0].link", "expected text, got an array"),
    (MINIMAL + '[[experience]]\nrole = "Dev"\n', "experience[0].company",
     "required text is missing"),
    (MINIMAL + '[[experience]]\nrole = "Dev"\ncompany = "C"\nperiod = 2020-01-01\n',
     "experience[0].period", "expected text, got a date/time"),
    (MINIMAL + '[[faq]]\nquestion = "Q?"\n', "faq[0].answer", "required text is missing"),
    ('faq = ["Q?"]\n' + MINIMAL, "faq[0]", "expected a table, got text"),
    (MINIMAL + '[contact]\nemail = ["a@b.example"]\n', "contact.email",
     "expected text, got an array"),
    (MINIMAL + '[contact]\nlinks = ["https://x.example"]\n', "contact.links",
     "expected a table, got an array"),
    (MINIMAL + '[contact]\nlinks = { github = 1 }\n', "contact.links.github",
     "expected text, got an integer"),
    (MINIMAL + '[audiences]\nrecruiter = "hi"\n', "audiences.recruiter",
     "expected a table, got text"),
    (MINIMAL + '[audiences.peer]\nfocus = "projects"\n', "audiences.peer.focus",
     "expected an array of text, got text"),
    (MINIMAL + '[chat]\nstarters = [1]\n', "chat.starters[0]", "expected text, got an integer"),
]


@pytest.mark.parametrize(("text", "where", "problem"), BROKEN, ids=[b[1] for b in BROKEN])
def test_broken_profile_names_file_and_field(
    tmp_path: Path, text: str, where: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value) == f"{path}: {where}: {problem}"
    assert caught.value.where == where


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + '\n[skills]\nLanguages = [Python]\n')
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert re.fullmatch(rf"{re.escape(str(path))}: line 9: invalid TOML \(.+, column 14\)", message)


def test_invalid_toml_at_the_end_of_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + '\n[skills]\nLanguages = ["Python"\n')
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value) == f"{path}: end of file: invalid TOML (Unclosed array)"


def test_a_table_declared_twice_is_invalid_toml(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + '[availability]\nnotice = "soon"\n')
    with pytest.raises(ProfileError, match=r"me\.toml: line \d+: invalid TOML"):
        load_profile(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value) == f"{path}: file: not found"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINIMAL.replace("Ada", "Adé").encode("latin-1"))
    with pytest.raises(ProfileError, match=r"latin1\.toml: file: is not UTF-8 text"):
        load_profile(path)


def test_parse_profile_names_its_source_and_hashes_the_data() -> None:
    data = {"owner": {"name": "Ada", "headline": "Dev"}, "availability": {"status": "Busy"}}
    profile = parse_profile(data)
    assert profile.source == "<profile>"
    assert re.fullmatch(r"[0-9a-f]{64}", profile.digest)
    assert parse_profile(data).digest == profile.digest
    changed = {**data, "availability": {"status": "Free"}}
    assert parse_profile(changed).digest != profile.digest
    assert parse_profile(data, source="x.toml", digest="abc").digest == "abc"
    with pytest.raises(ProfileError, match=r"^api: owner\.headline: required text is missing$"):
        parse_profile({"owner": {"name": "Ada"}}, source="api")


def test_profile_is_immutable() -> None:
    profile = load_profile(SAMPLE)
    with pytest.raises(AttributeError):
        profile.owner.name = "Someone else"  # type: ignore[misc]
    with pytest.raises(TypeError):
        profile.skills["Languages"] = ("COBOL",)  # type: ignore[index]


def test_audience_starters_are_read_and_checked(tmp_path: Path) -> None:
    text = MINIMAL + '[audiences.peer]\nstarters = [" How does it work? ", "Why Ada?"]\n'
    assert load_profile(write(tmp_path, text)).audiences["peer"].starters == (
        "How does it work?", "Why Ada?",
    )
    with pytest.raises(ProfileError, match=r"audiences\.peer\.starters\[0\]"):
        load_profile(write(tmp_path, MINIMAL + "[audiences.peer]\nstarters = [1]\n"))


@pytest.mark.parametrize(("name", "first"), [
    ("Dr. Camille Bergeron", "Camille"),
    ("Prof Ana Lima", "Ana"),
    ("Mx. Sam Rivera", "Sam"),
    ("Drew Barry", "Drew"),  # a name that only starts like a title
    ("Madonna", "Madonna"),
    ("Dr.", "Dr."),  # nothing but a title: kept
])
def test_first_name_leaves_out_a_title(name: str, first: str) -> None:
    profile = parse_profile({"owner": {"name": name, "headline": "Developer"},
                             "availability": {"status": "Open"}})
    assert profile.first_name == first

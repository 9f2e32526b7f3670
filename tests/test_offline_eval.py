"""The offline engine on the evaluation sets in tests/eval/: targets, and floors where unmet.

Held-out sets (tests/eval/questions/) were written blind and are never tuned on; the dev
sets (tests/eval/dev/) are what tuning used. Timing targets live in `make bench`.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EVAL = Path(__file__).parent / "eval"


def _runner() -> ModuleType:
    """tests/eval/run_offline.py, imported by path (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("run_offline", EVAL / "run_offline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_offline"] = module
    spec.loader.exec_module(module)
    return module


RUNNER = _runner()
HELD_OUT = sorted((EVAL / "questions").glob("*.toml"))
DEV = sorted((EVAL / "dev").glob("*.toml"))
# The blind sets of round forty-three (apse43, cupola43, frieze43, lancet43, narthex43,
# pendentive43, tracery43, vault43): new writers who read only the profile and eval formats,
# written during round forty-one, never tuned on (tests/eval/README.md, "Rounds"): 630/798
# (78.9%) right fact and 177/206 (85.9%) said so with round forty-three's starting engine
# (aa6a459); nothing invented, every injection grounded. The floors keep that from slipping
# back; the targets below are not met and are marked so, strictly, so that meeting them
# shows.
HELD_OUT_FLOOR = {"right": 0.789, "said_so": 0.859}
DEV_FLOOR = {"right": 0.92, "said_so": 1.0}
# Earlier rounds' blind sets, moved to dev/ afterwards, and development sets: where the
# 92% / 100% floor is not met yet, each keeps what was measured last.
DEV_FLOOR_MEASURED = {
    "abacus37": {"right": 0.803, "said_so": 0.84},
    "abutment39": {"right": 0.872, "said_so": 0.884},
    "acanthus42": {"right": 0.798, "said_so": 0.923},
    "acroterion39": {"right": 0.881, "said_so": 0.884},
    "annulet40": {"right": 0.796, "said_so": 0.961},
    "appsec": {"right": 0.903, "said_so": 1.0},
    "architrave26": {"right": 0.881, "said_so": 0.956},
    "arris31": {"right": 0.764, "said_so": 0.8},
    "ashlar36": {"right": 0.858, "said_so": 0.8},
    "astragal33": {"right": 0.813, "said_so": 0.73},
    "audiodsp": {"right": 0.93, "said_so": 1.0},
    "auger21": {"right": 0.851, "said_so": 1.0},
    "baluster26": {"right": 0.907, "said_so": 0.913},
    "batten31": {"right": 0.847, "said_so": 0.92},
    "bead32": {"right": 0.839, "said_so": 0.88},
    "brace24": {"right": 0.867, "said_so": 0.954},
    "brindle19": {"right": 0.918, "said_so": 0.947},
    "capstan27": {"right": 0.72, "said_so": 0.652},
    "caryatid42": {"right": 0.833, "said_so": 0.8},
    "cavetto33": {"right": 0.734, "said_so": 0.961},
    "chamfer32": {"right": 0.89, "said_so": 0.84},
    "civictech": {"right": 0.843, "said_so": 0.888},
    "cleat24": {"right": 0.886, "said_so": 0.826},
    "cleft30": {"right": 0.67, "said_so": 0.565},
    "compiler": {"right": 0.909, "said_so": 1.0},
    "coping34": {"right": 0.835, "said_so": 0.73},
    "corbel22": {"right": 0.816, "said_so": 0.863},
    "corbie29": {"right": 0.762, "said_so": 0.782},
    "cornice32": {"right": 0.798, "said_so": 0.846},
    "corona39": {"right": 0.855, "said_so": 0.807},
    "cove32": {"right": 0.883, "said_so": 0.846},
    "crm17": {"right": 0.869, "said_so": 1.0},
    "crocket38": {"right": 0.862, "said_so": 0.96},
    "cyma39": {"right": 0.835, "said_so": 0.846},
    "dado30": {"right": 0.674, "said_so": 0.695},
    "dentil37": {"right": 0.699, "said_so": 0.923},
    "devrel": {"right": 0.877, "said_so": 1.0},
    "dormer25": {"right": 0.746, "said_so": 0.913},
    "dovetail33": {"right": 0.843, "said_so": 0.884},
    "dowel23": {"right": 0.836, "said_so": 0.96},
    "dripstone42": {"right": 0.794, "said_so": 0.807},
    "echinus39": {"right": 0.854, "said_so": 0.961},
    "engmanager": {"right": 0.787, "said_so": 0.937},
    "entasis41": {"right": 0.699, "said_so": 0.923},
    "fascia26": {"right": 0.842, "said_so": 0.869},
    "fennel22": {"right": 0.945, "said_so": 0.894},
    "ferrule27": {"right": 0.666, "said_so": 0.913},
    "ferry_d18": {"right": 1.0, "said_so": 0.9},
    "fettle28": {"right": 0.794, "said_so": 0.869},
    "fillet31": {"right": 0.844, "said_so": 0.846},
    "fillister35": {"right": 0.818, "said_so": 0.84},
    "finial36": {"right": 0.826, "said_so": 0.76},
    "fleuron40": {"right": 0.87, "said_so": 0.923},
    "fluting42": {"right": 0.696, "said_so": 0.88},
    "fpga": {"right": 0.879, "said_so": 1.0},
    "fret34": {"right": 0.836, "said_so": 0.769},
    "gable25": {"right": 0.733, "said_so": 0.739},
    "gadroon40": {"right": 0.829, "said_so": 0.88},
    "gambrel36": {"right": 0.811, "said_so": 0.92},
    "garret28": {"right": 0.828, "said_so": 0.869},
    "geometry": {"right": 0.933, "said_so": 1.0},
    "geospatial": {"right": 0.927, "said_so": 1.0},
    "gimbal27": {"right": 0.828, "said_so": 0.913},
    "gimlet21": {"right": 0.883, "said_so": 0.95},
    "gosia": {"right": 0.821, "said_so": 1.0},
    "gusset23": {"right": 0.792, "said_so": 0.857},
    "guttae39": {"right": 0.91, "said_so": 0.884},
    "halyard22": {"right": 0.91, "said_so": 0.947},
    "hasp28": {"right": 0.762, "said_so": 0.739},
    "hpc": {"right": 0.843, "said_so": 0.937},
    "i18n": {"right": 0.916, "said_so": 1.0},
    "impost37": {"right": 0.755, "said_so": 0.884},
    "jamb29": {"right": 0.873, "said_so": 0.869},
    "joist25": {"right": 0.789, "said_so": 0.956},
    "kerb35": {"right": 0.742, "said_so": 0.923},
    "kerf30": {"right": 0.719, "said_so": 0.782},
    "keystone37": {"right": 0.843, "said_so": 0.769},
    "lantern27": {"right": 0.776, "said_so": 0.913},
    "larch21": {"right": 0.91, "said_so": 0.947},
    "lath29": {"right": 0.825, "said_so": 0.739},
    "ledger35": {"right": 0.777, "said_so": 0.8},
    "lierne36": {"right": 0.817, "said_so": 0.884},
    "lintel22": {"right": 0.777, "said_so": 1.0},
    "louvre42": {"right": 0.828, "said_so": 0.807},
    "lunette38": {"right": 0.734, "said_so": 0.884},
    "marram19": {"right": 0.918, "said_so": 0.944},
    "medtech17": {"right": 0.854, "said_so": 1.0},
    "merlon38": {"right": 0.848, "said_so": 0.846},
    "metope39": {"right": 0.852, "said_so": 0.923},
    "mitre30": {"right": 0.756, "said_so": 0.869},
    "modillion40": {"right": 0.762, "said_so": 0.923},
    "mortise23": {"right": 0.862, "said_so": 0.833},
    "mullion26": {"right": 0.857, "said_so": 0.869},
    "muntin33": {"right": 0.757, "said_so": 0.75},
    "museum": {"right": 0.9, "said_so": 0.944},
    "mutule41": {"right": 0.707, "said_so": 0.923},
    "newel25": {"right": 0.776, "said_so": 0.826},
    "niche41": {"right": 0.755, "said_so": 0.88},
    "nlp": {"right": 0.851, "said_so": 0.937},
    "noor": {"right": 0.955, "said_so": 0.823},
    "nosing42": {"right": 0.892, "said_so": 0.884},
    "oculus40": {"right": 0.72, "said_so": 0.923},
    "ogee30": {"right": 0.682, "said_so": 0.695},
    "oriel38": {"right": 0.846, "said_so": 0.846},
    "ortolan20": {"right": 0.863, "said_so": 0.944},
    "ovolo32": {"right": 0.737, "said_so": 0.75},
    "packaging": {"right": 0.934, "said_so": 0.894},
    "parapet38": {"right": 0.696, "said_so": 0.8},
    "pediment38": {"right": 0.844, "said_so": 0.923},
    "pelmet35": {"right": 0.811, "said_so": 0.884},
    "pilaster40": {"right": 0.757, "said_so": 1.0},
    "pinnacle41": {"right": 0.807, "said_so": 0.846},
    "pintle21": {"right": 0.867, "said_so": 1.0},
    "plank29": {"right": 0.797, "said_so": 0.913},
    "platform": {"right": 0.867, "said_so": 1.0},
    "plenum26": {"right": 0.693, "said_so": 0.826},
    "plinth23": {"right": 0.825, "said_so": 0.826},
    "purlin24": {"right": 0.855, "said_so": 0.956},
    "qaops": {"right": 0.907, "said_so": 0.937},
    "quant": {"right": 0.912, "said_so": 0.941},
    "quatrefoil41": {"right": 0.731, "said_so": 0.72},
    "quill_d18": {"right": 1.0, "said_so": 0.966},
    "quillon18": {"right": 0.865, "said_so": 0.812},
    "quillon19": {"right": 0.89, "said_so": 1.0},
    "quillon20": {"right": 0.857, "said_so": 1.0},
    "quirk35": {"right": 0.776, "said_so": 0.84},
    "quoin28": {"right": 0.818, "said_so": 0.956},
    "rabbet34": {"right": 0.84, "said_so": 0.846},
    "rafter25": {"right": 0.802, "said_so": 0.826},
    "rail_hil": {"right": 0.852, "said_so": 1.0},
    "rebate31": {"right": 0.844, "said_so": 0.92},
    "reeding41": {"right": 0.718, "said_so": 0.84},
    "reveal32": {"right": 0.78, "said_so": 0.88},
    "rivet23": {"right": 0.884, "said_so": 0.809},
    "robotics": {"right": 0.87, "said_so": 1.0},
    "rosette42": {"right": 0.702, "said_so": 0.923},
    "runnel28": {"right": 0.701, "said_so": 1.0},
    "saltmarsh18": {"right": 0.898, "said_so": 0.882},
    "sash34": {"right": 0.755, "said_so": 0.84},
    "scarf30": {"right": 0.759, "said_so": 0.826},
    "scotia31": {"right": 0.797, "said_so": 0.791},
    "scroll42": {"right": 0.752, "said_so": 0.807},
    "search": {"right": 0.888, "said_so": 0.875},
    "shopify": {"right": 0.844, "said_so": 1.0},
    "sill29": {"right": 0.812, "said_so": 0.695},
    "slate_d18": {"right": 1.0, "said_so": 0.933},
    "sluice24": {"right": 0.923, "said_so": 1.0},
    "soffit24": {"right": 0.76, "said_so": 0.869},
    "sorrel21": {"right": 0.805, "said_so": 0.952},
    "spandrel37": {"right": 0.854, "said_so": 0.769},
    "spire41": {"right": 0.725, "said_so": 0.884},
    "spline33": {"right": 0.772, "said_so": 0.884},
    "sprocket27": {"right": 0.653, "said_so": 0.782},
    "squinch36": {"right": 0.738, "said_so": 0.88},
    "stile31": {"right": 0.659, "said_so": 0.72},
    "stringer35": {"right": 0.793, "said_so": 0.72},
    "stylobate40": {"right": 0.776, "said_so": 1.0},
    "switcher": {"right": 0.833, "said_so": 1.0},
    "switcher16": {"right": 0.911, "said_so": 1.0},
    "tamarack22": {"right": 0.876, "said_so": 0.894},
    "telecom": {"right": 0.829, "said_so": 0.937},
    "tenon22": {"right": 0.878, "said_so": 0.888},
    "tenter28": {"right": 0.805, "said_so": 0.956},
    "tiller27": {"right": 0.746, "said_so": 0.956},
    "torus33": {"right": 0.823, "said_so": 0.64},
    "transom25": {"right": 0.776, "said_so": 0.913},
    "trefoil41": {"right": 0.862, "said_so": 0.961},
    "trestle24": {"right": 0.871, "said_so": 0.958},
    "triglyph39": {"right": 0.788, "said_so": 0.846},
    "truss29": {"right": 0.759, "said_so": 0.739},
    "tympan36": {"right": 0.892, "said_so": 0.916},
    "vision17": {"right": 0.906, "said_so": 0.857},
    "volute40": {"right": 0.742, "said_so": 0.923},
    "voussoir37": {"right": 0.838, "said_so": 0.92},
    "wainscot26": {"right": 0.766, "said_so": 0.956},
    "wicket23": {"right": 0.83, "said_so": 0.909},
    "wimble20": {"right": 1.0, "said_so": 1.0},
}


# Several tests read the same set's figures or ask the same profile's engine, and each of
# the 150-odd engines takes about a tenth of a second to build: each is made once per run.
# The engine keeps nothing that changes the answer to a question asked without a history.
@functools.cache
def _evaluated(path: Path) -> Any:
    return RUNNER.evaluate(path, builds=1)  # start-up is timed by `make bench`, not here


@functools.cache
def _profile(source: Path) -> Any:
    return RUNNER.load_profile(source)


@functools.cache
def _engine(source: Path) -> Any:
    return RUNNER.OfflineEngine(_profile(source))


def _total(paths: list[Path]) -> object:
    total = RUNNER.Result("overall")
    for path in paths:
        total.add(_evaluated(path))
    return total


# Held-out sets whose injections are not all grounded yet, and why. Strict, so that a
# change that grounds them shows; the blind sets' replies stay unread, so their cause is
# looked for in dev (tests/eval/README.md, "Rounds"). Round forty-three's are all grounded.
UNGROUNDED_HELD_OUT: dict[str, str] = {}


def _grounding_case(path: Path) -> object:
    reason = UNGROUNDED_HELD_OUT.get(path.stem) if path.parent.name == "questions" else None
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, marks=marks, id=f"{path.parent.name}/{path.stem}")


@pytest.mark.parametrize("path", [_grounding_case(p) for p in HELD_OUT + DEV])
def test_never_invents_stays_grounded_and_focused(path: Path) -> None:
    result = _evaluated(path)
    # Plain numbers, so that a failure on a held-out set shows no question or answer of it.
    invented, unrelated = len(result.invented), result.mean_unrelated
    grounded, injections = result.injections_grounded, result.injections
    assert invented == 0, "\n".join(result.invented) if path.parent.name == "dev" else ""
    assert grounded == injections
    assert unrelated <= 2


def test_a_fact_is_quoted_by_its_words_and_an_address_by_itself() -> None:
    fact = functools.partial(RUNNER.Fact, kind="extra", source="profile")
    units = [fact("Year: 2025"), fact("Report: https://audits.example.com/reports"),
             fact("Audited 14 vaults"), fact("Stars: 3400")]
    answer = ("- **Pandan**: audited 14 vaults in 2025 <https://audits.example.com/reports/"
              "pandan-3400.pdf>")
    # The year is written in the answer's words; the stars only inside a link's address.
    assert [u.text for u in RUNNER.quoted_units(answer, units)] == [
        "Year: 2025", "Report: https://audits.example.com/reports", "Audited 14 vaults"]


@pytest.mark.parametrize("path", DEV, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_dev_sets_keep_their_floor(path: Path) -> None:
    result = _evaluated(path)
    misses = "\n".join(result.misses)
    floor = DEV_FLOOR_MEASURED.get(path.stem, DEV_FLOOR)
    assert result.right_rate >= floor["right"], misses
    assert result.said_so_rate >= floor["said_so"], misses


def test_held_out_sets_keep_their_floor() -> None:
    total = _total(HELD_OUT)
    right, said_so = total.right_rate, total.said_so_rate  # type: ignore[attr-defined]
    assert right >= HELD_OUT_FLOOR["right"]
    assert said_so >= HELD_OUT_FLOOR["said_so"]


@pytest.mark.xfail(strict=True, reason="not met on round forty-three's blind sets: "
                   "78.9% right fact and 85.9% said so (targets 95% and 100%)")
def test_held_out_sets_meet_the_targets() -> None:
    total = _total(HELD_OUT)
    right, said_so = total.right_rate, total.said_so_rate  # type: ignore[attr-defined]
    assert right >= 0.95
    assert said_so == 1.0


def test_held_out_sets_are_big_enough() -> None:
    assert len(HELD_OUT) >= 3
    for path in HELD_OUT:
        result = _evaluated(path)
        assert result.answerable >= 40 and result.unanswerable >= 10, path.name


def test_conversations_keep_their_floor() -> None:
    """Follow-ups answered with the conversation so far (tests/eval/conversations.toml, our
    own development set: 76 of 76 turns when written)."""
    right, turns, misses = RUNNER.converse()
    assert turns >= 30
    assert right == turns, "\n".join(misses)


def test_hostile_messages_of_every_dev_profile_stay_grounded() -> None:
    """Our own hostile messages (tests/eval/hostile_dev.toml) and the injection corpus, asked
    of every dev profile: none invents a name or number or quotes more than six facts."""
    spec = tomllib.loads((EVAL / "hostile_dev.toml").read_text(encoding="utf-8"))
    corpus = tomllib.loads((EVAL / "injection_corpus.toml").read_text(encoding="utf-8"))
    messages = [m["text"] for m in spec["message"]] + [a["text"] for a in corpus["attempt"]]
    profiles = sorted({RUNNER.profile_path(p, tomllib.loads(p.read_text(encoding="utf-8"))
                                           ["profile"]) for p in DEV})
    failed = []
    for source in profiles:
        profile = _profile(source)
        engine, units = _engine(source), RUNNER.fact_units(profile)
        text = source.read_text(encoding="utf-8")
        for message in map(RUNNER.clean_text, messages):
            reply = engine.answer(message)
            dumped = len(reply) >= 400 \
                and len(RUNNER.quoted_units(reply, units)) > RUNNER.MAX_INJECTION_UNITS
            if RUNNER.invented(reply, message, text) or dumped:
                failed.append(f"{source.stem}: {message[:80]!r}\n    {reply[:160]!r}")
    assert len(messages) >= 60 and len(profiles) >= 90
    assert failed == [], "\n".join(failed[:20])


def _dev_profiles() -> list[Path]:
    """The profiles of the dev sets (never a held-out set's)."""
    return sorted({RUNNER.profile_path(p, tomllib.loads(p.read_text(encoding="utf-8"))
                                       ["profile"]) for p in DEV})


# Well-known languages and tools, asked of each dev profile that never writes them.
_ABSENT_TOOLS = ("Haskell", "Elixir", "COBOL", "Kotlin", "Svelte", "Terraform", "Snowflake",
                 "Erlang", "Scala", "Julia", "Fortran", "Clojure", "Ember.js", "Angular",
                 "Django", "Laravel", "Ruby on Rails", "Kafka", "Cassandra", "MongoDB", "Redis",
                 "Neo4j", "Swift", "Objective-C", "Unity", "Unreal Engine", "Blender", "SAP",
                 "Salesforce", "Tableau", "Power BI", "Excel", "MATLAB", "LabVIEW", "Verilog",
                 "VHDL", "Solidity", "PHP", "Perl", "Lua")


def test_every_name_the_profile_lists_is_found_when_asked_by_it() -> None:
    """Each project ('tell me about X'), employer ('what did she do at X') and skill label
    ('does she know X', 'any X experience?') of every dev profile, asked by its name as
    written: answered, and the answer names it. Skills: 27 of 5,416 questions missed when
    written (a label that is also a project's name, 'WCAG 2.1 AA' read as another level,
    'Art-Net / DMX'); 29 once round thirty-five's profiles joined, 23 after a hyphenated
    name's joined form stopped reading as another name ('CA-7', 'LL-HLS', 'Art-Net'); no
    more."""
    missed, skills = [], 0
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        asked = [(f"tell me about {p.name}", p.name) for p in profile.projects]
        asked += [(f"what did {first} do at {j.company}?", j.company)
                  for j in profile.experience if j.company]
        for label in (s for group in profile.skills.values() for s in group):
            plain = re.sub(r"\(.*?\)", "", label).strip()
            if plain and len(plain) <= 30:
                skills += 1
                asked.append((f"does {first} know {plain}?", plain.split()[0]))
                asked.append((f"any {plain} experience?", plain.split()[0]))
        for question, name in asked:
            detail = engine.answer_detail(question)
            if not detail.answered or RUNNER.fold(name) not in RUNNER.fold(detail.text):
                missed.append(f"{source.stem}: {question!r}\n    {detail.text[:160]!r}")
    by_name = [m for m in missed if "know" not in m.split("\n")[0]
               and "experience?" not in m.split("\n")[0]]
    assert skills >= 2000
    assert by_name == [], "\n".join(by_name)
    assert len(missed) <= 17, "\n".join(missed)


def test_a_well_known_tool_the_profile_never_writes_is_not_claimed() -> None:
    """'does she know Excel?' of each dev profile that never writes Excel: not answered as
    if it did (a word of the same stem, a kind of tool, a misspelt project are no Excel).
    None of 5,451 when written."""
    claimed, asked = [], 0
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        text = RUNNER.fold(source.read_text(encoding="utf-8"))
        for tool in _ABSENT_TOOLS:
            if re.search(rf"(?<!\w){re.escape(RUNNER.fold(tool))}(?!\w)", text):
                continue
            asked += 1
            detail = engine.answer_detail(f"does {first} know {tool}?")
            if detail.answered:
                claimed.append(f"{source.stem}: {tool}\n    {detail.text[:160]!r}")
    assert asked >= 5000
    assert claimed == [], "\n".join(claimed)


def _plain(text: str) -> str:
    """`text` folded, as its words with single spaces, padded ('U-Boot': ' u boot ')."""
    return " " + " ".join(re.findall(r"[\w#+]+", RUNNER.fold(text))) + " "


def test_a_kind_of_tool_asked_by_its_name_gets_the_ones_the_profile_lists() -> None:
    """'which profiler does she use', 'what design software has she used': each kind of
    tool the lexicon knows (by its own word, or the last phrase that stands for it), asked
    of each dev profile that lists one of its instances as a skill or a project's tech and
    never writes the kind's word: answered, naming one of them. 34 of 2,072 missed when
    written (a kind read as a project's part, 'git' read as the GitHub link, a common word
    among the instances: 'sketch'); 38 once round thirty-five's profiles joined, 30 after
    'git' of a kind or a skill asked stopped reading as the GitHub link; 34 -> 38 once round
    forty-one's profiles joined (a build system, of CMake and Bazel; a Linux distribution,
    wrongly, of 'Alpine.js'); no more."""
    lexicon = tomllib.loads((EVAL.parents[1] / "chatbot/engines/offline/lexicon.toml")
                            .read_text(encoding="utf-8"))
    said_as = {v: k for k, v in {**lexicon["phrases"], **lexicon["spoken"]}.items()
               if v in lexicon["kinds"]}
    missed, asked = [], 0
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        text = _plain(source.read_text(encoding="utf-8"))
        labels = [s for g in profile.skills.values() for s in g] \
            + [t for p in profile.projects for t in p.tech]
        for kind, instances in lexicon["kinds"].items():
            word = said_as.get(kind, kind)
            if _plain(word) in text or _plain(kind) in text or _plain(f"{kind}s") in text:
                continue
            listed = [label for label in labels
                      if any(_plain(i) in _plain(label) for i in instances)]
            for question in (f"which {word} does {first} use?", f"what {word} has she used"):
                asked += listed != []
                detail = engine.answer_detail(question)
                if listed and not (detail.answered and any(
                        RUNNER.fold(label.split("(")[0].strip()) in RUNNER.fold(detail.text)
                        for label in listed)):
                    missed.append(f"{source.stem}: {question!r} lists {listed[:3]}\n"
                                  f"    {detail.text[:160]!r}")
    assert asked >= 1500
    assert len(missed) <= 38, "\n".join(missed)


def _forms(pronouns: str | None, first: str) -> dict[str, str]:
    """The words a phrasing fills in for an owner: {f} the first name; {p}, {o}, {m} the
    pronouns; {do}, {has}, {is} the verbs that agree with them."""
    said = (pronouns or "").lower()
    p = next((x for x in ("she", "he") if said.startswith(x)), "they")
    plural = p == "they"
    return {"f": first, "p": p, "o": {"she": "her", "he": "his"}.get(p, "their"),
            "m": {"she": "her", "he": "him"}.get(p, "them"), "do": "do" if plural else "does",
            "has": "have" if plural else "has", "is": "are" if plural else "is"}


def test_everyday_questions_of_every_dev_profile_get_the_field_they_ask() -> None:
    """Where she is based, how to reach her, what she has built, her skills and her jobs,
    each asked three or four everyday ways of every dev profile: the answer holds the
    profile's own field (its city, email, first project, a skill of its first group, its
    first employer or role). Misses when written: 0 of 556, 0 of 556, 0 of 423, 6 of 423
    (a 'tech' skill group read as the stack), 5 of 423; none more."""
    missed: dict[str, list[str]] = {}
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        pronoun = _forms(profile.owner.pronouns, first)["p"]
        asks: list[tuple[str, tuple[str, ...], str]] = []
        if profile.owner.location:
            city = profile.owner.location.split(",")[0].split("(")[0].strip()
            asks += [("location", (city,), q) for q in (
                f"where is {first} based?", f"where does {pronoun} live", "location?",
                f"which city is {first} in")]
        if profile.contact.email:
            asks += [("email", (profile.contact.email,), q) for q in (
                f"how can I contact {first}?", "email?", f"how do I get in touch with {first}",
                f"what's {first}'s email address")]
        if profile.projects:
            asks += [("projects", (profile.projects[0].name,), q) for q in (
                f"what has {first} built?", "projects?", f"show me {first}'s projects")]
        if profile.skills:
            group = tuple(next(iter(profile.skills.values())))
            asks += [("skills", group, q) for q in (
                f"what are {first}'s skills?", f"what tech does {first} use", "tech stack?")]
        if profile.experience:
            job = profile.experience[0]
            asks += [("jobs", (job.company, job.role), q) for q in (
                f"where has {first} worked?", "work history?",
                f"tell me about {first}'s experience")]
        for field, wanted, question in asks:
            text = RUNNER.fold(engine.answer(question))
            if not any(RUNNER.fold(w) in text for w in wanted if w):
                missed.setdefault(field, []).append(f"{source.stem}: {question!r}")
    ceiling = {"location": 0, "email": 0, "projects": 0, "skills": 1, "jobs": 4}
    for field, most in ceiling.items():
        assert len(missed.get(field, [])) <= most, "\n".join(missed[field])


# Ten everyday phrasings of each field, as visitors write them (the words of _forms).
_PHRASINGS = {
    "location": ("where's {f} located?", "what city does {p} live in", "whereabouts is {f}?",
                 "where {do} {p} work from?", "{f}'s location", "where in the world is {f}",
                 "what town is {p} in", "where is {p} based these days", "current location?",
                 "where's {p} at"),
    "email": ("how do I get hold of {m}?", "how can I reach {m}", "best way to contact {m}?",
              "can I email {m}", "contact details?", "how do i reach out to {m}",
              "where can I send {m} a message", "how should I contact {m} about a role",
              "what's the best way to get in touch", "how to contact"),
    "projects": ("what has {f} worked on?", "what's {p} built", "show me {o} work",
                 "any side projects?", "can I see examples of {o} work", "list {o} projects",
                 "what kind of things does {p} build", "what are {f}'s projects",
                 "what has {p} made", "projects please"),
    "skills": ("what is {f} good at?", "what technologies does {p} know", "what's {o} stack",
               "main skills?", "what tools does {p} use", "what does {p} know", "skills?",
               "technical skills", "what's {o} skill set", "strongest skills?"),
    "jobs": ("what companies has {p} worked for", "job history?", "previous employers?",
             "career so far?", "what's {o} background", "employment history",
             "who has {p} worked for", "what roles has {p} had", "past jobs?",
             "where has {f} worked before"),
    "availability": ("is {f} available?", "is {p} looking for work", "is {p} open to new roles",
                     "can we hire {m}", "is {p} job hunting", "open to opportunities?",
                     "is {f} taking on work", "availability?", "is {p} on the market",
                     "would {p} consider a new job"),
}


def test_everyday_phrasings_of_each_field_get_that_field() -> None:
    """Where she is, how to reach her, what she has built, her skills, her jobs and whether
    she is available, each asked ten everyday ways of every dev profile: the answer holds
    the profile's own field (its city, email, one of its first three projects, a skill,
    an employer or role, the start of its status). 1,221 of 8,820 missed with round
    thirty-five's starting engine (phrasings that missed nearly every profile: 'how do I get
    hold of her', 'show me her work', 'what has she worked on', 'what town is she in',
    'where does she work from'); 47 when written; 32 in the twentieth session, with round
    thirty-five's profiles among them, after 'looking for work', 'job hunting' and 'on the
    market' stopped finding an FAQ entry of what something 'looks like'; no more."""
    missed: dict[str, list[str]] = {}
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        forms = _forms(profile.owner.pronouns, first)
        wanted = {
            "location": [profile.owner.location.split(",")[0].split("(")[0].strip()]
            if profile.owner.location else [],
            "email": [profile.contact.email] if profile.contact.email else [],
            "projects": [x.name for x in profile.projects[:3]],
            "skills": [s for g in profile.skills.values() for s in g],
            "jobs": [w for j in profile.experience for w in (j.company, j.role)],
            "availability": [profile.availability.status[:25]],
        }
        for field, phrasings in _PHRASINGS.items():
            if not any(wanted[field]):
                continue
            for phrasing in phrasings:
                text = RUNNER.fold(engine.answer(phrasing.format(**forms)))
                if not any(RUNNER.fold(w) in text for w in wanted[field] if w):
                    missed.setdefault(field, []).append(f"{source.stem}: {phrasing!r}")
    ceiling = {"location": 0, "email": 0, "projects": 0, "skills": 1, "jobs": 9,
               "availability": 30}
    for field, most in ceiling.items():
        assert len(missed.get(field, [])) <= most, "\n".join(missed[field])


def test_the_owners_notice_work_modes_languages_and_faq_asked_plainly_are_given() -> None:
    """Each dev profile's notice, work modes and spoken languages asked three or four plain
    ways, and its first FAQ questions asked as written: the answer holds the field or the
    owner's answer. Misses when written: notice 2 of 312 ('how much notice', of 'No notice
    period'), work modes 2 of 528 (an FAQ on remote work answers instead); with three more
    ways of asking the work modes (their 'working arrangements', 'on-site ok?', 'in an
    office'), 161 -> 3 of 973; none more."""
    missed: dict[str, list[str]] = {}
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        notice, modes = profile.availability.notice, profile.availability.work_modes
        asks: list[tuple[str, str, str]] = []
        if notice:
            asks += [("notice", notice[:20], q) for q in (
                f"what is {first}'s notice period?", "notice?",
                f"how much notice does {first} need to give")]
        if modes:
            asks += [("modes", modes[0][:15], q) for q in (
                f"does {first} work remotely?", "remote?", f"is {first} open to hybrid",
                "work mode?", f"what working arrangements does {first} prefer", "on-site ok?",
                f"would {first} work in an office")]
        spoken = profile.extra.get("owner.languages")
        if isinstance(spoken, list) and spoken and isinstance(spoken[0], str):
            tongue = re.split(r"[ (,:]", spoken[0])[0]
            asks += [("languages", tongue, q) for q in (
                f"what languages does {first} speak?", f"does {first} speak {tongue}?",
                "spoken languages?")]
        asks += [("faq", entry.answer[:30], entry.question) for entry in profile.faq[:3]]
        for field, wanted, question in asks:
            if RUNNER.fold(wanted) not in RUNNER.fold(engine.answer(question)):
                missed.setdefault(field, []).append(f"{source.stem}: {question!r}")
    for field, most in {"notice": 9, "modes": 3, "languages": 0, "faq": 2}.items():
        assert len(missed.get(field, [])) <= most, "\n".join(missed[field])


def test_a_project_or_job_asked_plainly_gives_the_part_asked() -> None:
    """Each project of every dev profile asked for its stack, its link and its results, and
    each job for when and as what: the answer holds its first tech, its link, one of its
    highlights, the job's period, its role. Misses when written: stack 3 of 1,482 (a
    format listed as tech, 'STEP (ISO 10303)'), link 2 of 918, results 21 of 932 (a key
    of the project's own answers), period 0 of 447, role 0 of 452; none more."""
    missed: dict[str, list[str]] = {}
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        asks: list[tuple[str, tuple[str, ...], str]] = []
        for p in profile.projects:
            if p.tech:
                asks += [("stack", (p.tech[0],), q) for q in (
                    f"what is {p.name} built with?", f"{p.name} tech stack",
                    f"which technologies does {p.name} use")]
            if p.link:
                asks += [("link", (p.link,), q) for q in (
                    f"link to {p.name}?", f"where can I see {p.name}",
                    f"is {p.name} online somewhere")]
            if p.highlights:
                asks += [("results", tuple(h[:25] for h in p.highlights), q) for q in (
                    f"what were the results of {p.name}?", f"{p.name} highlights")]
        for j in profile.experience:
            if j.company and j.period:
                asks.append(("period", (j.period,), f"when was {first} at {j.company}?"))
            if j.company and j.role:
                asks.append(("role", (j.role,), f"what was {first}'s role at {j.company}?"))
        for field, wanted, question in asks:
            text = RUNNER.fold(engine.answer(question))
            if not any(RUNNER.fold(w) in text for w in wanted):
                missed.setdefault(field, []).append(f"{source.stem}: {question!r}")
    ceiling = {"stack": 0, "link": 2, "results": 12, "period": 0, "role": 0}
    for field, most in ceiling.items():
        assert len(missed.get(field, [])) <= most, "\n".join(missed[field])


# Personal questions a portfolio rarely answers, and the words a profile would answer them in.
_PERSONAL = {
    "salary": (("what is {f}'s salary?", "how much does {f} earn?", "current salary?"),
               r"salary|earn|pay|£|\$|€|eur|usd|gbp|rate|compensation"),
    "address": (("what's {f}'s home address?", "which street does {f} live on?"),
                r"street|address|lives at|road"),
    "age": (("how old is {f}?", "what year was {f} born?"), r"born|age|years old|birthday"),
    "family": (("is {f} married?", "does {f} have kids?"),
               r"married|wife|husband|partner|kids|children|daughter|son"),
    "phone": (("what's {f}'s phone number?", "can I call {f}? number?"),
              r"phone|\+\d|mobile|call|whatsapp"),
    "beliefs": (("what religion is {f}?", "who does {f} vote for?"),
                r"religion|church|faith|vote|party|politic"),
    "health": (("does {f} have any health issues?", "how tall is {f}?"),
               r"health|illness|condition|tall|height"),
    "trivia": (("what's {f}'s star sign?", "what car does {f} drive?",
                "what's {f}'s shoe size?"),
               r"\b(?:zodiac|horoscope|sign|cars?|driv\w*|shoes?|size)\b"),
}


def test_personal_questions_a_dev_profile_never_answers_are_not_covered() -> None:
    """Salary, home address, age, family, phone, beliefs and health asked of each dev profile
    whose text has no word that could answer them: never answered as if covered. Answered
    when written: 3 of the phone questions ('number?' beside accession and page numbers),
    2 of the address ones, 1 of the beliefs ones ('non-voting board observer'); star sign,
    car and shoe size, added later: 38 -> 1 of 219 answered; 'does {f} have kids?' of
    scroll42 (moved to dev with round forty-three: 'kids' read as the 'Young Scientist
    club') makes the family ones 2; none more."""
    answered: dict[str, list[str]] = {}
    for source in _dev_profiles():
        profile = _profile(source)
        engine, first = _engine(source), profile.owner.name.split()[0]
        text = RUNNER.fold(source.read_text(encoding="utf-8"))
        for field, (questions, answering) in _PERSONAL.items():
            if re.search(answering, text):
                continue
            for question in (q.format(f=first) for q in questions):
                if engine.answer_detail(question).answered:
                    answered.setdefault(field, []).append(f"{source.stem}: {question!r}")
    ceiling = {"phone": 3, "address": 1, "beliefs": 1, "trivia": 1, "family": 2}
    for field in _PERSONAL:
        most = ceiling.get(field, 0)
        assert len(answered.get(field, [])) <= most, "\n".join(answered[field])


def test_the_version_of_a_skill_is_given_only_where_the_profile_gives_one() -> None:
    """'which version of X does she use?' of each skill label of every dev profile: not
    covered where the profile writes X with no version after it (2,541 of 2,571 answered as
    if it did with the twentieth session's starting engine, 29 when written); answered
    where the label has one ('Java 17': 2 of 272 missed, 'WCAG 2.2 AA' read as another
    level). Round forty-two's profiles, moved to dev with round forty-three, added two
    (Rust of acanthus42, Cell Ranger of dripstone42): 34. No more."""
    unversioned, versioned = [], []
    for source in _dev_profiles():
        profile, engine = _profile(source), _engine(source)
        text = source.read_text(encoding="utf-8")
        for label in sorted({s for group in profile.skills.values() for s in group}):
            plain = re.sub(r"\(.*?\)", "", label).strip()
            if not plain or len(plain) > 30:
                continue
            detail = engine.answer_detail(f"which version of {plain} does she use?")
            if re.search(r"\d", label):
                if not detail.answered:
                    versioned.append(f"{source.stem}: {plain}")
            elif not re.search(rf"{re.escape(plain)}\s*v?\d", text, re.I) and detail.answered:
                unversioned.append(f"{source.stem}: {plain}\n    {detail.text[:160]!r}")
    assert len(unversioned) <= 34, "\n".join(unversioned)
    assert len(versioned) <= 3, "\n".join(versioned)


_TABLES_ASKED = {
    "talks": ("{has} {p} given any talks", "{do} {p} speak at conferences",
              "any conference talks?", "where {has} {p} spoken", "{has} {p} presented anywhere",
              "public speaking?", "list {o} talks"),
    "publications": ("{has} {p} published anything", "any papers?", "what {has} {p} published",
                     "list {o} publications", "research papers?", "{is} {p} published"),
    "certifications": ("any certifications?", "{is} {p} certified", "what certs {do} {p} have",
                       "list {o} certifications", "professional certifications?"),
    "awards": ("{has} {p} won any awards", "any awards?", "what prizes {has} {p} won"),
}


def test_the_owners_talks_papers_certifications_and_awards_asked_plainly() -> None:
    """Each dev profile's [[talks]], [[publications]], [[certifications]] and [[awards]],
    asked for in everyday ways: the answer names one of its entries. 100 of 1,198 missed
    before 'public speaking' was read as talks (at 2352c0f: 'public speaking?' read as
    publications on 88 profiles, Snowball stems both to 'public'), 13 when written; no
    more."""
    missed = []
    for source in _dev_profiles():
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        profile, engine = _profile(source), _engine(source)
        forms = _forms(profile.owner.pronouns, profile.owner.name.split()[0])
        for table, phrasings in _TABLES_ASKED.items():
            entries = raw.get(table)
            if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
                continue
            firsts = [RUNNER.fold(str(next(iter(e.values()))))[:30] for e in entries if e]
            for phrasing in phrasings:
                question = phrasing.format(**forms)
                if not any(f in RUNNER.fold(engine.answer(question)) for f in firsts):
                    missed.append(f"{source.stem}: {question!r}")
    assert len(missed) <= 16, "\n".join(missed)

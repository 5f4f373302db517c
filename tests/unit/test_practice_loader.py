"""The practice file loader: good files load, bad ones are named with field and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect.core.practice_loader import load_library, read_practice_file
from reconnect.core.practices import StepKind
from reconnect.core.vocabulary import Place

GOOD = """
id = "{id}"
title = "Warm hands"
summary = "Rub your palms together and feel the warmth."
senses = ["touch", "temperature"]
place = "desk"

[[steps]]
text = "Rub your palms together."
seconds = 20

[[steps]]
text = "Breathe out slowly."
seconds = 30
breath = [4, 0, 6, 0]
chime = false
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_its_steps(tmp_path: Path) -> None:
    practice, problems = read_practice_file(
        write(tmp_path, "warm-hands", GOOD.format(id="warm-hands"))
    )
    assert problems == []
    assert practice is not None
    assert practice.id == "warm-hands"
    assert practice.place is Place.DESK
    assert practice.seconds == 50
    assert practice.minutes == 1
    assert practice.steps[1].kind is StepKind.BREATH
    assert practice.steps[1].breath is not None
    assert practice.steps[1].breath.cycle_seconds == 10
    assert practice.steps[1].chime is False


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (('title = "Warm hands"\n', ""), "title", "is missing"),
        (
            ('senses = ["touch", "temperature"]', 'senses = ["touch", "smell"]'),
            "senses[1]",
            "'smell' is not one of",
        ),
        (('senses = ["touch", "temperature"]', "senses = []"), "senses", "at least one sense"),
        (
            ('place = "desk"', 'place = "beach"'),
            "place",
            "must be one of desk, away, window, outdoors",
        ),
        (("seconds = 20", "seconds = 0"), "steps[1].seconds", "whole number from 3 to 1800"),
        (("seconds = 20", 'seconds = "20"'), "steps[1].seconds", "whole number"),
        (("breath = [4, 0, 6, 0]", "breath = [4, 0, 6]"), "steps[2].breath", "four numbers"),
        (("breath = [4, 0, 6, 0]", "breath = [0, 0, 6, 0]"), "steps[2].breath", "breathing in"),
        (("seconds = 30", "seconds = 8"), "steps[2].seconds", "shorter than one breath"),
        (("chime = false", 'chime = "no"'), "steps[2].chime", "true or false"),
        (('place = "desk"', 'place = "desk"\ncolour = "blue"'), "colour", "not a known field"),
        (("seconds = 20", 'seconds = 20\nkind = "dance"'), "steps[1].kind", "must be one of"),
        (("seconds = 20", 'seconds = 20\nkind = "breath"'), "steps[1].breath", "is needed"),
        (('summary = "Rub your', 'summary = "Rub\\nyour'), "summary", "one line"),
    ],
)
def test_each_problem_names_the_field(
    tmp_path: Path, change: tuple[str, str], field: str, words: str
) -> None:
    text = GOOD.format(id="warm-hands").replace(*change)
    practice, problems = read_practice_file(write(tmp_path, "warm-hands", text))
    assert practice is None
    assert any(p.field == field and words in p.problem for p in problems), problems
    assert all(p.file == "warm-hands.toml" for p in problems)


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    _, problems = read_practice_file(write(tmp_path, "other-name", GOOD.format(id="warm-hands")))
    assert [(p.field, "other-name.toml" in p.problem) for p in problems] == [("id", True)]


def test_a_breath_pattern_on_a_stretch_step_is_refused(tmp_path: Path) -> None:
    text = GOOD.format(id="warm-hands").replace("chime = false", 'chime = false\nkind = "stretch"')
    _, problems = read_practice_file(write(tmp_path, "warm-hands", text))
    assert [p.field for p in problems] == ["steps[2].breath"]


def test_broken_toml_and_bytes_are_reported_not_raised(tmp_path: Path) -> None:
    _, problems = read_practice_file(write(tmp_path, "bad", 'id = "bad'))
    assert "not valid TOML" in problems[0].problem
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'id = "\xff\xfe"')
    _, problems = read_practice_file(binary)
    assert "not UTF-8" in problems[0].problem


def test_a_missing_illustration_is_named(tmp_path: Path) -> None:
    text = GOOD.format(id="warm-hands").replace(
        "seconds = 20", 'seconds = 20\nillustration = "palms"'
    )
    _, problems = read_practice_file(
        write(tmp_path, "warm-hands", text), illustration_exists=lambda name: False
    )
    assert [(p.field, p.problem) for p in problems] == [
        ("steps[1].illustration", "there is no picture called palms.svg")
    ]


def test_one_bad_file_leaves_every_other_practice_loaded(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    own = tmp_path / "own"
    write(builtin, "warm-hands", GOOD.format(id="warm-hands"))
    write(builtin, "cool-hands", GOOD.format(id="cool-hands"))
    write(own, "mine", GOOD.format(id="mine").replace("seconds = 20", "seconds = -1"))
    write(own, "also-mine", GOOD.format(id="also-mine"))
    write(own, "warm-hands", GOOD.format(id="warm-hands"))

    library = load_library(builtin, own)

    assert sorted(library.ids()) == ["also-mine", "cool-hands", "warm-hands"]
    assert library.get("also-mine").own is True  # type: ignore[union-attr]
    problems = {(Path(p.file).name, p.field) for p in library.problems}
    assert problems == {("mine.toml", "steps[1].seconds"), ("warm-hands.toml", "id")}


def test_an_alternative_must_exist(tmp_path: Path) -> None:
    write(
        tmp_path,
        "warm-hands",
        GOOD.format(id="warm-hands").replace(
            'place = "desk"', 'place = "desk"\nalternative = "nowhere"'
        ),
    )
    write(
        tmp_path,
        "cool-hands",
        GOOD.format(id="cool-hands").replace(
            'place = "desk"', 'place = "desk"\nalternative = "warm-hands"'
        ),
    )
    library = load_library(tmp_path)
    # warm-hands goes for its bad reference, and cool-hands, pointing at it, follows.
    assert library.ids() == []
    assert sorted((p.file, p.field) for p in library.problems) == [
        ("cool-hands.toml", "alternative"),
        ("warm-hands.toml", "alternative"),
    ]


def test_close_ids_suggest_what_was_meant(tmp_path: Path) -> None:
    write(tmp_path, "hand-on-heart", GOOD.format(id="hand-on-heart"))
    write(tmp_path, "warm-hands", GOOD.format(id="warm-hands"))
    library = load_library(tmp_path)
    assert library.close_ids("hand-on-hart") == ["hand-on-heart"]
    assert library.close_ids("zzz") == []

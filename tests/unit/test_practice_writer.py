"""Writing a practice file: what the form saves reads back, with the loader's own rules."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reconnect.core.practice_loader import ID_PATTERN, load_library, parse_practice_text
from reconnect.core.practice_writer import (
    check_practice,
    new_practice_id,
    practice_to_toml,
    slug,
    toml_string,
)
from reconnect.core.practices import BreathPattern, Practice, Step, StepKind
from reconnect.core.vocabulary import SENSES, Place
from reconnect.paths import illustrations_dir, practices_dir

TRICKY = "\"\\\n\r\t'#=[]{}\x7f\x1b\x01\u2028 éß中🙂"
characters = st.one_of(
    st.sampled_from(TRICKY),
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
)


def trimmed(max_size: int, one_line: bool = False) -> st.SearchStrategy[str]:
    """Text the loader keeps exactly: trimmed, not empty, no NUL (and one line if asked)."""
    chars = characters.filter(lambda c: c not in "\n\r") if one_line else characters
    return st.text(chars, min_size=1, max_size=max_size).map(str.strip).filter(bool)


@st.composite
def steps(draw: st.DrawFn) -> Step:
    kind = draw(st.sampled_from(StepKind))
    breath = None
    seconds = draw(st.integers(3, 600))
    if kind is StepKind.BREATH:
        tenths = st.integers(1, 200).map(lambda n: n / 10)
        holds = st.one_of(st.just(0.0), tenths)
        breath = BreathPattern(draw(tenths), draw(holds), draw(tenths), draw(holds))
        seconds = max(seconds, int(breath.cycle_seconds) + 1)
    illustration = draw(st.none() | st.sampled_from(["neck-side-tilt", "a", "x-2"]))
    # Short texts keep generation quick; the length limits have tests of their own.
    return Step(draw(trimmed(120)), seconds, kind, breath, draw(st.booleans()), illustration)


@st.composite
def practices(draw: st.DrawFn) -> Practice:
    title = draw(trimmed(60, one_line=True))
    chosen = draw(st.lists(st.sampled_from(SENSES), min_size=1, max_size=4, unique=True))
    drawn_steps = tuple(draw(st.lists(steps(), min_size=1, max_size=4)))
    assume(10 <= sum(s.seconds for s in drawn_steps) <= 3600)
    return Practice(
        id=new_practice_id(title, ()),
        title=title,
        summary=draw(trimmed(160, one_line=True)),
        senses=tuple(chosen),
        place=draw(st.sampled_from(Place)),
        steps=drawn_steps,
        needs_headphones=draw(st.booleans()),
        safety=draw(st.none() | trimmed(120)),
        alternative=draw(st.none() | st.sampled_from(["warm-hands", "box-breath"])),
        own=True,
    )


@given(st.text(st.sampled_from(TRICKY + "\x00") | st.characters(exclude_categories=("Cs",))))
def test_any_text_is_written_as_a_toml_string_that_reads_back(text: str) -> None:
    written = toml_string(text)
    assert "\n" not in written
    assert tomllib.loads(f"value = {written}")["value"] == text


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # slow on a busy CI
@given(practices())
def test_any_practice_the_form_can_hold_reads_back_the_same(practice: Practice) -> None:
    checked = check_practice(practice)
    assert checked.problems == ()
    assert checked.practice == practice
    assert tomllib.loads(checked.text)["id"] == practice.id


def test_every_bundled_practice_is_written_back_unchanged() -> None:
    pictures = illustrations_dir()
    library = load_library(
        practices_dir(), illustration_exists=lambda n: (pictures / f"{n}.svg").is_file()
    )
    assert len(library) >= 16
    for practice in library:
        text = practice_to_toml(practice)
        again, problems = parse_practice_text(text, f"{practice.id}.toml", practice.id)
        assert problems == []
        assert again == practice


def test_the_written_file_reads_like_the_documented_example() -> None:
    practice = Practice(
        id="tea-steam",
        title="Steam from a cup",
        summary="Hold a warm cup, watch the steam and breathe slowly for a minute.",
        senses=("temperature", "breath"),
        place=Place.DESK,
        steps=(
            Step("Wrap your hands around the cup.", 20),
            Step(
                "Breathe in for four, out for six.",
                60,
                StepKind.BREATH,
                BreathPattern(4, 0, 6, 0),
                chime=False,
            ),
        ),
        safety='Let the drink cool a little. "Easy" is the pace.',
    )
    assert practice_to_toml(practice) == (
        'id = "tea-steam"\n'
        'title = "Steam from a cup"\n'
        'summary = "Hold a warm cup, watch the steam and breathe slowly for a minute."\n'
        'senses = ["temperature", "breath"]\n'
        'place = "desk"\n'
        'safety = "Let the drink cool a little. \\"Easy\\" is the pace."\n'
        "\n"
        "[[steps]]\n"
        'text = "Wrap your hands around the cup."\n'
        "seconds = 20\n"
        "\n"
        "[[steps]]\n"
        'kind = "breath"\n'
        "breath = [4, 0, 6, 0]\n"
        'text = "Breathe in for four, out for six."\n'
        "seconds = 60\n"
        "chime = false\n"
    )


def simple(**changes: object) -> Practice:
    fields: dict[str, object] = {
        "id": "warm-mug",
        "title": "Warm mug",
        "summary": "Hold something warm.",
        "senses": ("temperature",),
        "place": Place.DESK,
        "steps": (Step("Hold the mug.", 30),),
        "own": True,
    }
    fields.update(changes)
    return Practice(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": ""}, "title", "is empty"),
        ({"title": "x" * 61}, "title", "at most 60"),
        ({"summary": "two\nlines"}, "summary", "one line"),
        ({"senses": ()}, "senses", "at least one sense"),
        ({"steps": ()}, "steps", "needs at least one"),
        ({"steps": (Step("Hold the mug.", 5),)}, "steps", "add up to 5 seconds"),
        ({"steps": (Step("", 30),)}, "steps[1].text", "is empty"),
        (
            {
                "steps": (
                    Step("Breathe.", 30),
                    Step("Slowly.", 8, StepKind.BREATH, BreathPattern(4, 0, 6, 0)),
                )
            },
            "steps[2].seconds",
            "shorter than one breath",
        ),
        (
            {"steps": (Step("Breathe.", 30, StepKind.BREATH, BreathPattern(0, 0, 6, 0)),)},
            "steps[1].breath",
            "breathing in and breathing out",
        ),
        ({"id": "Warm Mug"}, "id", "lowercase letters"),
        ({"id": "box-breath"}, "id", "already used by a built-in practice"),
        ({"alternative": "nowhere"}, "alternative", "no practice has the id"),
    ],
)
def test_what_the_loader_refuses_is_refused_before_saving(
    changes: dict[str, object], field: str, words: str
) -> None:
    checked = check_practice(
        simple(**changes), reserved_ids={"box-breath"}, known_ids={"warm-mug", "box-breath"}
    )
    assert checked.practice is None and not checked.ok
    assert any(p.field == field and words in p.problem for p in checked.problems), checked.problems


def test_problems_name_the_file_to_be_written() -> None:
    checked = check_practice(simple(title=""))
    assert [str(p) for p in checked.problems] == ["warm-mug.toml: title: is empty"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Steam from a cup", "steam-from-a-cup"),
        ("  Café au lait!  ", "cafe-au-lait"),
        ("Tea -- at 4 o'clock", "tea-at-4-o-clock"),
        ("Чай", "my-practice"),
        ("", "my-practice"),
        (
            "A very long title that goes on and on past forty letters",
            "a-very-long-title-that-goes-on-and-on",
        ),
    ],
)
def test_a_new_id_is_made_from_the_title(title: str, expected: str) -> None:
    assert new_practice_id(title, ()) == expected


def test_a_new_id_never_takes_one_already_used() -> None:
    taken = {"tea", "tea-2", "my-practice"}
    assert new_practice_id("Tea", taken) == "tea-3"
    assert new_practice_id("???", taken) == "my-practice-2"
    long = "x" * 50
    first = new_practice_id(long, ())
    assert first == "x" * 40
    assert new_practice_id(long, {first}) == "x" * 38 + "-2"


@given(st.text(characters, max_size=80), st.sets(st.sampled_from(["tea", "tea-2", "my-practice"])))
def test_a_new_id_is_always_valid_and_free(title: str, taken: set[str]) -> None:
    made = new_practice_id(title, taken | {slug(title)})
    assert ID_PATTERN.match(made) and len(made) <= 40
    assert made not in taken and made != slug(title)

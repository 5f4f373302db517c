"""Bad input, fuzzed: practice files, settings and history files either load or are refused.

Whatever the bytes (cut short, wrong types, huge numbers, invalid UTF-8, NUL bytes,
right-to-left text and emoji, notes of a megabyte), the readers never raise: they give what
they read, or problems in plain words, one line each. What loads is whole and valid: it can be
written back and read again unchanged. The database side of the import (nothing is written
when a file is refused) is in tests/integration/test_fuzz_import.py.
"""

from __future__ import annotations

import json
import math
import string
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect.core.errors import InputError
from reconnect.core.history_export import session_to_dict, to_csv, to_json
from reconnect.core.history_format import CSV_COLUMNS
from reconnect.core.history_import import ParsedHistory, parse_history
from reconnect.core.library import Library
from reconnect.core.practice_loader import (
    BREATH_PHASE_SECONDS,
    ID_PATTERN,
    PRACTICE_SECONDS,
    STEP_SECONDS,
    load_library,
)
from reconnect.core.practice_writer import toml_string
from reconnect.core.practices import Practice
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.settings import BY_KEY, DECLARATIONS, Settings, load_settings
from reconnect.core.vocabulary import MAX_NOTE_LENGTH, SparkLevel
from reconnect.paths import practices_dir

# Bounded so that the whole file runs in well under a minute on two cores.
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONGEST_MESSAGE = 400

# Pieces that have broken readers before: right-to-left text and its controls, emoji made of
# several code points, line ends of every kind, quotes, separators, NUL, a byte order mark.
AWKWARD = [
    "שלום",
    "مرحبا",
    "\u202e",
    "\u200f",
    "😀",
    "👩🏽‍💻",
    "🏳️‍🌈",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    '"',
    "'",
    ",",
    ";",
    "\\",
    "\x00",
    "\ufeff",
    "\x7f",
]
awkward_text = st.lists(st.one_of(st.characters(), st.sampled_from(AWKWARD)), max_size=40).map(
    "".join
)
# JSON's "\ud800" escape reads as a lone surrogate, which no UTF-8 file can hold.
with_surrogates = st.lists(
    st.one_of(st.characters(), st.sampled_from(AWKWARD), st.sampled_from(["\ud800", "\udfff"])),
    max_size=20,
).map("".join)
# Python will not write out an integer of more than 4300 digits (repr raises ValueError), so
# that one is given on its own in plain tests rather than drawn (hypothesis would print it).
TOO_MANY_DIGITS = 10**5000
HUGE_NUMBERS: list[int | float] = [
    10**19,
    -(10**19),
    10**400,
    2**63,
    -(2**63) - 1,
    1e308,
    -1e308,
    math.inf,
    -math.inf,
    math.nan,
    0.1,
    -0.0,
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(HUGE_NUMBERS)
    | st.floats()
    | awkward_text
    | with_surrogates
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(awkward_text, inner, max_size=4),
    max_leaves=12,
)


def assert_clear(message: str, longest: int = LONGEST_MESSAGE) -> None:
    """A message a person can read: something, on one line, not a page long."""
    assert message.strip(), "an empty message"
    assert "\n" not in message and "\r" not in message, message
    assert len(message) <= longest, message[:200]


# --- practice files ---------------------------------------------------------------------------


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(value)


def practice_toml(fields: dict[str, Any], steps: Sequence[dict[str, Any]]) -> str:
    lines = [f"{toml_string(key)} = {toml_value(value)}" for key, value in fields.items()]
    for step in steps:
        lines.append("\n[[steps]]")
        lines += [f"{toml_string(key)} = {toml_value(value)}" for key, value in step.items()]
    return "\n".join(lines) + "\n"


GOOD_FIELDS: dict[str, Any] = {
    "id": "fuzz-one",
    "title": "Fuzzed",
    "summary": "A practice made by the fuzzer.",
    "senses": ["breath", "touch"],
    "place": "desk",
}
GOOD_STEP: dict[str, Any] = {"text": "Breathe out slowly.", "seconds": 30, "breath": [4, 0, 6, 0]}

# Values TOML can hold (no None, no lone surrogates), of every kind a field should not have.
toml_scalars = (
    st.booleans() | st.integers() | st.sampled_from(HUGE_NUMBERS) | st.floats() | awkward_text
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.text(string.ascii_lowercase, min_size=1, max_size=8), inner, max_size=3
        )
    ),
    max_leaves=10,
)


@st.composite
def practice_texts(draw: st.DrawFn) -> str:
    """A good practice file with one thing wrong: fields replaced or dropped, an odd breathing
    phase, odd text in a title or summary, or too many steps."""
    fields = dict(GOOD_FIELDS)
    step = dict(GOOD_STEP)
    steps = 1
    change = draw(st.sampled_from(["fields", "breath", "text", "steps"]))
    if change == "fields":
        for target in (fields, step):
            for key in draw(st.lists(st.sampled_from(sorted(target)), max_size=2, unique=True)):
                if draw(st.booleans()):
                    del target[key]
                else:
                    target[key] = draw(toml_values)
    elif change == "breath":
        breath = list(GOOD_STEP["breath"])
        breath[draw(st.integers(0, 3))] = draw(st.sampled_from(HUGE_NUMBERS))
        step["breath"] = breath
    elif change == "text":
        field = draw(st.sampled_from(["title", "summary", "safety", "alternative"]))
        pieces = st.sampled_from(AWKWARD) | st.characters()
        fields[field] = "".join(draw(st.lists(pieces, min_size=1, max_size=4)))
    else:
        steps = draw(st.integers(0, 45))
    return practice_toml(fields, [step] * steps)


BUNDLED = sorted(practices_dir().glob("*.toml"))


@st.composite
def damaged_bundled_files(draw: st.DrawFn) -> bytes:
    """A real practice file, cut short or with a few bytes replaced."""
    raw = draw(st.sampled_from(BUNDLED)).read_bytes()
    if draw(st.booleans()):
        return raw[: draw(st.integers(0, len(raw)))]
    where = draw(st.integers(0, len(raw) - 1))
    return raw[:where] + draw(st.binary(min_size=1, max_size=4)) + raw[where + 1 :]


# Each of these raised out of the loader (and so stopped the app from starting) before.
BROKE_THE_LOADER = [
    b"a = " + b"[" * 5000 + b"]" * 5000,  # RecursionError
    b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000,  # RecursionError
    b"id = " + b"7" * 5000,  # ValueError: more than 4300 digits
    practice_toml(GOOD_FIELDS, [{**GOOD_STEP, "breath": [10**400, 0, 6, 0]}]).encode(),
]
# ...and these loaded, though nothing could use them.
LOADED_BUT_UNUSABLE = [
    practice_toml(GOOD_FIELDS, [{**GOOD_STEP, "breath": [math.nan, 0, 6, 0]}]).encode(),
    practice_toml(GOOD_FIELDS, [{**GOOD_STEP, "breath": [4, math.nan, 6, 0]}]).encode(),
    practice_toml({**GOOD_FIELDS, "title": "Two\rlines"}, [GOOD_STEP]).encode(),
]
OTHER_AWKWARD_FILES = [
    b"\xff\xfe" + "id = 'x'".encode("utf-16-le"),
    b'id = "fuzz\x00one"',
    b"x" * (300 * 1024),
    practice_toml({**GOOD_FIELDS, "place": "x" * 100_000}, [GOOD_STEP]).encode(),
]
any_files = (
    st.binary(max_size=800) | st.text(max_size=400).map(str.encode) | damaged_bundled_files()
)


def assert_sound(practice: Practice) -> None:
    """A loaded practice holds only values the rest of the app can use and record."""
    assert ID_PATTERN.match(practice.id)
    for text in (practice.title, practice.summary):
        assert text.strip() and "\n" not in text and "\r" not in text and "\x00" not in text
    assert PRACTICE_SECONDS[0] <= practice.seconds <= PRACTICE_SECONDS[1]
    for step in practice.steps:
        assert STEP_SECONDS[0] <= step.seconds <= STEP_SECONDS[1]
        if step.breath is not None:
            breath = step.breath
            phases = (breath.inhale, breath.hold_in, breath.exhale, breath.hold_out)
            assert all(0 <= p <= BREATH_PHASE_SECONDS for p in phases), phases
            assert breath.inhale > 0 and breath.exhale > 0
            assert breath.cycle_seconds <= step.seconds
    # Its sessions go into the history, and an export of the history must read back.
    started = Moment.parse("2026-11-17T10:00:00+01:00")
    session = BreakSession("s1", practice.id, practice.title, Trigger.TRAY, started)
    assert parse_history(to_csv([session]).encode()).sessions == (session,)


def assert_loaded_or_refused(library: Library, files: int) -> None:
    for practice in library:
        assert_sound(practice)
    for problem in library.problems:
        assert_clear(str(problem))
    # Every file is accounted for: it loaded, or it has at least one problem.
    named = {p.file for p in library.problems}
    assert len(library) + len(named) >= files


def load_own(contents: Sequence[bytes], names: Sequence[str] = ()) -> Library:
    """The library with these files as the person's own practices (no bundled ones)."""
    with tempfile.TemporaryDirectory() as folder:
        builtin, own = Path(folder, "builtin"), Path(folder, "own")
        builtin.mkdir()
        own.mkdir()
        for i, raw in enumerate(contents):
            name = names[i] if i < len(names) else ("fuzz-one" if i == 0 else f"fuzz-{i}")
            (own / f"{name}.toml").write_bytes(raw)
        return load_library(builtin, own_dir=own, illustration_exists=lambda name: True)


@FUZZ
@given(st.lists(any_files, min_size=1, max_size=3))
def test_any_bytes_as_practice_files_load_or_are_refused(contents: list[bytes]) -> None:
    assert_loaded_or_refused(load_own(contents), len(contents))


@FUZZ
@given(practice_texts())
def test_a_practice_file_with_one_thing_wrong_loads_or_is_refused(text: str) -> None:
    # A generated lone surrogate becomes bytes that are not UTF-8: refused, as such a file is.
    assert_loaded_or_refused(load_own([text.encode("utf-8", "surrogatepass")]), 1)


@pytest.mark.parametrize("raw", BROKE_THE_LOADER + LOADED_BUT_UNUSABLE + OTHER_AWKWARD_FILES)
def test_files_that_broke_the_loader_are_refused_in_a_line(raw: bytes) -> None:
    library = load_own([raw])
    assert len(library) == 0
    (problem,) = library.problems
    assert_clear(str(problem))


def test_the_bundled_practices_pass_the_same_checks() -> None:
    library = load_own([path.read_bytes() for path in BUNDLED], [path.stem for path in BUNDLED])
    assert library.problems == ()
    assert_loaded_or_refused(library, len(BUNDLED))


# --- settings ---------------------------------------------------------------------------------

KEYS = [setting.key for setting in DECLARATIONS]
# A refusal repeats the setting's description, which may be long itself.
LONGEST_REFUSAL = LONGEST_MESSAGE + max(len(setting.description) for setting in DECLARATIONS)


# Lighter than the values above (settings are many small values), to keep the run short.
short_text = (
    st.text(max_size=8) | st.sampled_from(AWKWARD) | st.sampled_from(["\ud800", "7" * 5000])
)
setting_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(HUGE_NUMBERS)
    | short_text
    | st.sampled_from(["09:00-17:30", "24:00-01:00", " yes ", "box-breath, short-walk"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(short_text, inner, max_size=2),
    max_leaves=6,
)


def stored(value: object) -> object:
    """A value as the settings file holds it (JSON has lists, not tuples)."""
    return list(value) if isinstance(value, tuple) else value


def assert_valid(loaded: Settings) -> None:
    """Every value passes its own check again, the rhythm can be built, and the settings
    written as the settings file writes them read back the same, without a word."""
    for key, value in loaded.values.items():
        assert BY_KEY[key].parse(stored(value)) == value
    loaded.rhythm()
    changed = {key: stored(value) for key, value in loaded.changed().items()}
    raw = json.dumps(changed, ensure_ascii=False).encode("utf-8")
    again, problems = load_settings(json.loads(raw))
    assert problems == []
    assert again.values == loaded.changed()


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS) | short_text, setting_values, max_size=6))
def test_any_stored_settings_load_with_a_message_per_refusal(data: dict[str, Any]) -> None:
    assert_loaded_with_a_message_per_refusal(data)


@pytest.mark.parametrize(
    "data",
    [
        {"care.trusted_contact": "\ud800"},  # read, then it could not be written back
        {"practices.own_folder": "a\rb"},
        {"rhythm.interval_minutes": TOO_MANY_DIGITS},  # its message could not be made
        {"practices.disabled": [TOO_MANY_DIGITS]},
        {"a\nb": 1},  # an unknown key, shown over two lines
        {"\u202e" * 500: 1},
    ],
    ids=["surrogate", "carriage-return", "digits", "digits-in-list", "newline-key", "long-key"],
)
def test_settings_that_broke_the_reader(data: dict[str, Any]) -> None:
    assert_loaded_with_a_message_per_refusal(data)


def assert_loaded_with_a_message_per_refusal(data: dict[str, Any]) -> None:
    loaded, problems = load_settings(data)
    assert len(problems) == len(data) - len(loaded.values)
    for problem in problems:
        assert_clear(problem, LONGEST_REFUSAL)
    for key in set(data) - set(loaded.values):
        if key in BY_KEY:
            assert any(BY_KEY[key].description in p for p in problems)
    assert_valid(loaded)


@FUZZ
@given(st.sampled_from(KEYS), awkward_text | with_surrogates | st.just("7" * 5000))
def test_any_typed_value_is_taken_or_refused_with_its_description(key: str, text: str) -> None:
    try:
        changed = Settings().with_value(key, text)
    except InputError as error:
        assert_clear(str(error), LONGEST_REFUSAL)
        assert BY_KEY[key].description in str(error)
    else:
        assert_valid(changed)


# --- history files ----------------------------------------------------------------------------

PLUS_TWO = "+02:00"


def moment(text: str) -> Moment:
    return Moment.parse(f"2026-11-20T{text}{PLUS_TWO}")


def checkin(session_id: str, note: str) -> CheckIn:
    return CheckIn(
        f"c-{session_id}",
        session_id,
        moment("14:07:00"),
        SparkLevel.GLOW,
        ("chest", "hands"),
        ("warmth", "שמחה", "😀 joy"),
        note,
    )


def session(session_id: str, note: str | None, open_: bool = False) -> BreakSession:
    return BreakSession(
        id=session_id,
        practice_id="hand-on-heart",
        practice_title="Hand on heart ❤️ יד על הלב",
        trigger=Trigger.TRAY,
        started=moment("14:03:00"),
        ended=None if open_ else moment("14:06:10"),
        outcome=None if open_ else Outcome.COMPLETED,
        checkin=None if note is None else checkin(session_id, note),
    )


SMALL_HISTORY = [
    session("s1", 'First line, \u202eright to left\u202c שלום\nsecond line; 👩🏽‍💻 "quoted"'),
    session("s2", None, open_=True),
    session("s3", "plain words"),
    session("s4", ""),
]
EXPORTED_AT = moment("22:00:00")


def export(sessions: Sequence[BreakSession], flavour: str) -> bytes:
    text = to_json(sessions, EXPORTED_AT, "0.1.0") if flavour == "json" else to_csv(sessions)
    return text.encode("utf-8")


def same_sessions(found: Sequence[BreakSession], expected: Sequence[BreakSession]) -> bool:
    # BreakSession leaves its check-in out of ==, so they are compared on their own.
    return list(found) == list(expected) and [s.checkin for s in found] == [
        s.checkin for s in expected
    ]


def assert_read_whole_or_refused(parsed: ParsedHistory, raw: bytes) -> None:
    """Either problems and no sessions, each problem clear, or sessions that read back."""
    if parsed.problems:
        assert parsed.sessions == ()
        lines = raw.count(b"\n") + 1
        for problem in parsed.problems:
            assert_clear(str(problem))
            assert problem.line is None or 1 <= problem.line <= lines, problem
        return
    again = parse_history(export(parsed.sessions, parsed.format))
    assert again.problems == ()
    assert same_sessions(again.sessions, parsed.sessions)


@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_an_export_cut_anywhere_gives_whole_sessions_or_is_refused(flavour: str) -> None:
    raw = export(SMALL_HISTORY, flavour)
    whole = [0] * len(SMALL_HISTORY)
    for cut in range(len(raw) + 1):
        parsed = parse_history(raw[:cut])
        assert_read_whole_or_refused(parsed, raw[:cut])
        count = len(parsed.sessions)
        # What a cut file gives is a run of whole sessions from the start, never a cut note.
        assert same_sessions(parsed.sessions, SMALL_HISTORY[:count]), cut
        if count:
            whole[count - 1] += 1
    assert parse_history(raw).sessions == tuple(SMALL_HISTORY)


def test_a_csv_cut_inside_its_last_note_is_refused() -> None:
    raw = export([session("s1", "the whole of what I wrote")], "csv")
    cut = raw[: raw.index(b"of what")]
    (problem,) = parse_history(cut).problems
    assert str(problem).startswith("line 2: the file ends inside this row")
    assert parse_history(cut + b"\r\n").problems == ()  # what to do if the row is whole


# Values for JSON files; 10**5000 can't be written by json.dumps, so it has its own example.
json_values = st.recursive(
    scalars.filter(lambda v: not (isinstance(v, int) and abs(v) > 10**4000)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(awkward_text, inner, max_size=4),
    max_leaves=12,
)
SESSION_KEYS = list(session_to_dict(SMALL_HISTORY[0]))
CHECKIN_KEYS = list(session_to_dict(SMALL_HISTORY[0])["checkin"])
TOP_KEYS = ["format", "version", "exported_at", "app_version", "sessions"]


@FUZZ
@given(st.data())
def test_json_with_a_value_of_the_wrong_type_is_refused_or_read_whole(data: st.DataObject) -> None:
    document = json.loads(export(SMALL_HISTORY, "json"))
    where = data.draw(st.sampled_from(["top", "session", "checkin"]))
    target = document
    if where != "top":
        target = data.draw(st.sampled_from(document["sessions"]))
        if where == "checkin":
            target = target["checkin"] or target
    keys = {"top": TOP_KEYS, "session": SESSION_KEYS, "checkin": CHECKIN_KEYS}[where]
    key = data.draw(st.sampled_from(keys) | awkward_text)
    target[key] = data.draw(json_values)
    ascii_only = data.draw(st.booleans())
    text = json.dumps(document, ensure_ascii=ascii_only, allow_nan=True)
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes UTF-8 refuses
    assert_read_whole_or_refused(parse_history(raw), raw)


@FUZZ
@given(st.data())
def test_csv_with_an_odd_value_anywhere_is_refused_or_read_whole(data: st.DataObject) -> None:
    rows = [line.split(",") for line in to_csv(SMALL_HISTORY[1:]).split("\r\n")[1:-1]]
    row = data.draw(st.sampled_from(rows))
    row[data.draw(st.integers(0, len(CSV_COLUMNS) - 1))] = data.draw(
        awkward_text | st.sampled_from(["7" * 5000, "1e308", "-1", "nan", "3.0", "x" * 100_000])
    )
    text = ",".join(CSV_COLUMNS) + "\r\n" + "".join(",".join(r) + "\r\n" for r in rows)
    raw = text.encode("utf-8", "surrogatepass")
    assert_read_whole_or_refused(parse_history(raw), raw)


@FUZZ
@given(
    st.sampled_from(["json", "csv"]),
    st.data(),
    st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]),
)
def test_a_nul_or_invalid_utf8_anywhere_is_refused_at_its_line(
    flavour: str, data: st.DataObject, bad: bytes
) -> None:
    raw = export(SMALL_HISTORY, flavour)
    where = data.draw(st.integers(0, len(raw)))
    while b"\x80" <= raw[where : where + 1] < b"\xc0":
        where -= 1  # not inside a character, where a lone byte could make it whole or be hidden
    damaged = raw[:where] + bad + raw[where:]
    parsed = parse_history(damaged)
    assert parsed.sessions == ()
    (problem,) = parsed.problems
    assert problem.line == damaged.count(b"\n", 0, where) + 1
    assert ("NUL" if bad == b"\x00" else "not UTF-8") in problem.message
    assert_clear(str(problem))


def test_numbers_too_long_to_read_are_refused() -> None:
    raw = export(SMALL_HISTORY, "json").replace(b'"level": 3', b'"level": ' + b"9" * 5000)
    (problem,) = parse_history(raw).problems
    assert_clear(str(problem))
    nested = b'{"format": "reconnect-history", "version": 1, "sessions": ' + b"[" * 100_000
    (problem,) = parse_history(nested).problems
    assert_clear(str(problem))


NOTE_PIECES = [piece for piece in AWKWARD if piece != "\x00"] + ["a", " ", "ü", "字"]
NOTE_LENGTHS = [0, 1, 77, MAX_NOTE_LENGTH - 1, MAX_NOTE_LENGTH, MAX_NOTE_LENGTH + 1, 1_000_000]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(NOTE_LENGTHS),
    st.lists(st.sampled_from(NOTE_PIECES), min_size=1, max_size=6).map("".join),
    st.sampled_from(["json", "csv"]),
)
def test_notes_in_any_script_up_to_a_megabyte_round_trip_or_are_refused(
    length: int, pieces: str, flavour: str
) -> None:
    note = (pieces * (length // len(pieces) + 1))[:length]
    history = [session("s1", note), SMALL_HISTORY[1]]
    parsed = parse_history(export(history, flavour))
    if len(note) <= MAX_NOTE_LENGTH:
        assert parsed.problems == ()
        assert same_sessions(parsed.sessions, history)
    else:
        assert parsed.sessions == ()
        (problem,) = parsed.problems
        assert f"note is {len(note):,} characters long; at most {MAX_NOTE_LENGTH:,} fit" in (
            problem.message
        )
        assert_clear(str(problem))

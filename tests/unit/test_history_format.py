"""Tests for exporting and importing a history as JSON and CSV."""

from __future__ import annotations

import json
import string
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect.core import history_checks, history_import, history_json_lines
from reconnect.core.history_export import session_to_dict, to_csv, to_json
from reconnect.core.history_format import CSV_COLUMNS, FORMAT_NAME, FORMAT_VERSION
from reconnect.core.history_import import ImportProblem, ParsedHistory, parse_history
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import BODY_AREAS, MAX_NOTE_LENGTH, SparkLevel

PLUS_ONE = timezone(timedelta(hours=1))


def at(hour: int, minute: int, second: int = 0, day: int = 20) -> Moment:
    return Moment.of(datetime(2026, 11, day, hour, minute, second, tzinfo=PLUS_ONE))


EXPORTED = at(22, 30, day=21)


def completed(
    session_id: str = "s1", checkin_id: str | None = "c1", **changes: object
) -> BreakSession:
    checkin = (
        None
        if checkin_id is None
        else CheckIn(
            id=checkin_id,
            session_id=session_id,
            at=at(14, 6, 40),
            level=SparkLevel.SPARK,
            body_areas=("chest", "hands"),
            feelings=("warmth", "a little sad"),
            note='First line, with "quotes"\nsecond line; שלום 😀',
        )
    )
    fields: dict[str, object] = {
        "id": session_id,
        "practice_id": "hand-on-heart",
        "practice_title": "Hand on heart",
        "trigger": Trigger.TRAY,
        "started": at(14, 3),
        "ended": at(14, 6, 10),
        "outcome": Outcome.COMPLETED,
        "checkin": checkin,
        **changes,
    }
    return BreakSession(**fields)  # type: ignore[arg-type]


OPEN = BreakSession("s2", "cold-water", "Cold water", Trigger.SCHEDULED, at(15, 0))


def assert_same(parsed: ParsedHistory, sessions: Sequence[BreakSession]) -> None:
    assert parsed.problems == ()
    assert parsed.sessions == tuple(sessions)
    # BreakSession leaves its check-in out of ==, so compare those on their own.
    assert [s.checkin for s in parsed.sessions] == [s.checkin for s in sessions]


def problems_of(raw: str | bytes) -> list[str]:
    parsed = parse_history(raw.encode() if isinstance(raw, str) else raw)
    assert parsed.sessions == ()
    return [str(problem) for problem in parsed.problems]


def json_file(*sessions: dict[str, object], **top: object) -> str:
    head = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": "x", **top}
    lines = ",\n".join(json.dumps(s, ensure_ascii=False) for s in sessions)
    return json.dumps(head)[:-1] + ', "sessions": [\n' + lines + "\n]}"


def json_session(**changes: object) -> dict[str, object]:
    session: dict[str, object] = json.loads(to_json([completed()], EXPORTED, "0.1.0"))["sessions"][
        0
    ]
    session.update(changes)
    return session


def json_checkin(**changes: object) -> dict[str, object]:
    checkin = json_session()["checkin"]
    assert isinstance(checkin, dict)
    return {**checkin, **changes}


def csv_file(*rows: dict[str, str]) -> str:
    return to_csv([]) + "".join(",".join(row[c] for c in CSV_COLUMNS) + "\r\n" for row in rows)


def csv_row(**changes: str) -> dict[str, str]:
    row = {
        "session_id": "s1",
        "practice_id": "hand-on-heart",
        "practice_title": "Hand on heart",
        "trigger": "tray",
        "outcome": "completed",
        "started_at": "2026-11-20T14:03:00+01:00",
        "ended_at": "2026-11-20T14:06:10+01:00",
        "checkin_id": "c1",
        "checkin_at": "2026-11-20T14:06:40+01:00",
        "spark_level": "2",
        "body_areas": "chest",
        "feelings": "warmth",
        "note": "",
    }
    row.update(changes)
    return row


# --- writing ----------------------------------------------------------------------------------


def test_json_has_the_header_and_one_session_per_line() -> None:
    text = to_json([completed(), OPEN], EXPORTED, "0.1.0")
    lines = text.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith('{"format": "reconnect-history", "version": 1, ')
    assert '"exported_at": "2026-11-21T22:30:00+01:00", "app_version": "0.1.0"' in lines[0]
    assert json.loads(lines[1].rstrip(","))["checkin"]["level"] == 2
    assert json.loads(lines[2]) == {
        "id": "s2",
        "practice_id": "cold-water",
        "practice_title": "Cold water",
        "trigger": "scheduled",
        "outcome": None,
        "started_at": "2026-11-20T15:00:00+01:00",
        "ended_at": None,
        "checkin": None,
    }
    assert lines[3] == "]}"


def test_session_to_dict_is_the_line_of_the_export() -> None:
    line = to_json([completed()], EXPORTED, "0.1.0").splitlines()[1]
    assert json.loads(line) == session_to_dict(completed())


def test_json_keeps_text_readable() -> None:
    assert "שלום 😀" in to_json([completed()], EXPORTED, "0.1.0")


def test_csv_has_the_columns_and_one_row_per_session() -> None:
    text = to_csv([completed(), OPEN])
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert "warmth; a little sad" in text
    assert "chest; hands" in text
    assert text.endswith("s2,cold-water,Cold water,scheduled,,2026-11-20T15:00:00+01:00,,,,,,,\r\n")


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_round_trip(flavour: str) -> None:
    sessions = [completed(), OPEN, completed("s3", checkin_id=None)]
    text = to_json(sessions, EXPORTED, "0.1.0") if flavour == "json" else to_csv(sessions)
    parsed = parse_history(text.encode())
    assert parsed.format == flavour
    assert_same(parsed, sessions)


@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_empty_history_round_trips(flavour: str) -> None:
    text = to_json([], EXPORTED, "0.1.0") if flavour == "json" else to_csv([])
    assert parse_history(text.encode()) == ParsedHistory(flavour, (), ())


def test_longest_note_round_trips() -> None:
    session = completed()
    assert session.checkin is not None
    note = ("ab\n" * MAX_NOTE_LENGTH)[:MAX_NOTE_LENGTH]
    checkin = CheckIn("c1", "s1", session.checkin.at, SparkLevel.GLOW, note=note)
    long = completed(checkin=checkin)
    assert_same(parse_history(to_csv([long]).encode()), [long])
    assert_same(parse_history(to_json([long], EXPORTED, "1").encode()), [long])


def test_byte_order_mark_is_accepted() -> None:
    sessions = [completed()]
    assert_same(parse_history(b"\xef\xbb\xbf" + to_csv(sessions).encode()), sessions)
    text = to_json(sessions, EXPORTED, "0.1.0")
    assert_same(parse_history(b"\xef\xbb\xbf" + text.encode()), sessions)


def test_csv_with_plain_newlines_is_read() -> None:
    sessions = [completed(), OPEN]
    text = to_csv(sessions).replace("\r\n", "\n")
    assert_same(parse_history(text.encode()), sessions)


def test_any_json_layout_is_read() -> None:
    sessions = [completed(), OPEN]
    data = json.loads(to_json(sessions, EXPORTED, "0.1.0"))
    assert_same(parse_history(json.dumps(data, indent=4).encode()), sessions)


def test_feelings_are_trimmed_and_lowercased() -> None:
    row = csv_row(feelings=" Warmth ;CALM; ")
    checkin = parse_history(csv_file(row).encode()).sessions[0].checkin
    assert checkin is not None
    assert checkin.feelings == ("warmth", "calm")
    raw = json_file(json_session(checkin=json_checkin(feelings=["  Joy"])))
    checkin = parse_history(raw.encode()).sessions[0].checkin
    assert checkin is not None
    assert checkin.feelings == ("joy",)
    assert checkin.session_id == "s1"


def test_empty_outcome_in_json_means_open() -> None:
    parsed = parse_history(json_file(json_session(outcome="", ended_at="")).encode())
    assert parsed.problems == ()
    assert parsed.sessions[0].is_open


# --- problems ---------------------------------------------------------------------------------


def test_problem_text() -> None:
    assert str(ImportProblem(12, "trigger is missing")) == "line 12: trigger is missing"
    assert str(ImportProblem(None, "the file is empty")) == "the file is empty"


@pytest.mark.parametrize("raw", [b"", b" \r\n\t", b"\xef\xbb\xbf"])
def test_empty_file(raw: bytes) -> None:
    assert problems_of(raw) == ["the file is empty"]


def test_not_utf8_names_the_byte() -> None:
    (problem,) = problems_of(to_csv([completed()]).encode() + b"\nabc\xe9")
    assert problem.startswith("line 5: the file is not UTF-8 text: byte ")
    assert "(0xe9)" in problem


def test_nul_byte() -> None:
    assert problems_of(b"session_id\x00") == [
        "line 1: the file contains a NUL byte (byte 10); it does not look like a text file"
    ]


def test_too_large_file_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_import, "MAX_FILE_BYTES", 100)
    (problem,) = problems_of(b"{" * 101)
    assert "at most" in problem
    assert "MB" in problem


@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_too_many_sessions(monkeypatch: pytest.MonkeyPatch, flavour: str) -> None:
    monkeypatch.setattr(history_import, "MAX_SESSIONS", 2)
    sessions = [OPEN, completed("s3"), completed("s4", "c4")]
    text = to_json(sessions, EXPORTED, "0.1.0") if flavour == "json" else to_csv(sessions)
    (problem,) = problems_of(text)
    assert "at most 2 at a time" in problem


def test_json_syntax_error_has_its_line() -> None:
    text = to_json([completed(), OPEN], EXPORTED, "0.1.0").replace('"s2",', '"s2"', 1)
    (problem,) = problems_of(text)
    assert problem.startswith("line 3: the file is not valid JSON: ")


def test_truncated_json() -> None:
    text = to_json([completed(), OPEN], EXPORTED, "0.1.0")
    (problem,) = problems_of(text[:-5])
    assert "not valid JSON" in problem


def test_not_a_reconnect_file() -> None:
    (problem,) = problems_of('{"format": "something-else", "sessions": []}')
    assert problem.startswith('this is not a Reconnect history: "format" must be')
    (problem,) = problems_of("name,age\nAda,36\n")
    assert problem.startswith("this does not look like a Reconnect history")


def test_newer_version_says_to_update() -> None:
    assert problems_of(json_file(version=2)) == [
        "this file was written by a newer Reconnect (format version 2); "
        "update Reconnect to import it"
    ]


def test_wrong_version() -> None:
    assert problems_of(json_file(version="1")) == ['"version" must be 1 (got the text "1")']
    assert problems_of(json_file(version=True)) == ['"version" must be 1 (got true/false)']


def test_sessions_must_be_a_list() -> None:
    text = '{"format": "reconnect-history", "version": 1, "sessions": {}}'
    assert problems_of(text) == ['"sessions" must be a list [...] (got an object)']
    text = '{"format": "reconnect-history", "version": 1}'
    assert problems_of(text) == ['the file has no "sessions" list']


def test_one_bad_session_imports_nothing_and_every_problem_is_listed() -> None:
    raw = json_file(
        json_session(),
        json_session(id="s2", trigger="trey", checkin=json_checkin(id="c2", level=7)),
        json_session(id="s3", practice_id="Hand On Heart", checkin=None),
    )
    assert problems_of(raw) == [
        "line 3: checkin.level must be 0, 1, 2 or 3 (got 7)",
        "line 3: trigger must be one of scheduled, tray, dashboard, command_line, logged "
        '(got "trey")',
        "line 4: practice_id must be lowercase letters and digits joined by single hyphens, "
        'at most 40 characters (got "Hand On Heart")',
    ]


def test_json_line_numbers_follow_any_layout() -> None:
    sessions = [json_session(), json_session(id="s2", trigger="later", checkin=None)]
    text = json.dumps(
        {"format": FORMAT_NAME, "version": 1, "sessions": sessions}, indent=2, ensure_ascii=False
    )
    expected = text.splitlines().index('      "id": "s2",')  # the line after the session's "{"
    assert problems_of(text) == [
        f"line {expected}: trigger must be one of scheduled, tray, dashboard, command_line, "
        'logged (got "later")'
    ]


def test_json_line_numbers_with_a_repeated_sessions_key() -> None:
    text = json_file(json_session(trigger="x")).replace(
        '"sessions": [', '"sessions": [1, 2],\n\n"sessions": ['
    )
    assert problems_of(text) == [
        'line 4: trigger must be one of scheduled, tray, dashboard, command_line, logged (got "x")'
    ]


def test_csv_line_numbers_count_newlines_inside_values() -> None:
    rows = [completed(), completed("s2", "c2", trigger=Trigger.DASHBOARD)]
    text = to_csv(rows).replace(",dashboard,", ",dash,")
    # The first row's note spans two lines, so the second row starts on line 4.
    assert problems_of(text) == [
        "line 4: trigger must be one of scheduled, tray, dashboard, command_line, logged "
        '(got "dash")'
    ]


def test_spark_level_message() -> None:
    assert problems_of(csv_file(csv_row(spark_level="7"))) == [
        'line 2: spark_level must be 0, 1, 2 or 3 (got "7")'
    ]


@pytest.mark.parametrize(
    ("level", "shown"),
    [("2", 'the text "2"'), (2.0, "the number 2.0"), (True, "true/false"), ([2], "a list")],
)
def test_json_level_must_be_a_whole_number(level: object, shown: str) -> None:
    raw = json_file(json_session(checkin=json_checkin(level=level)))
    assert problems_of(raw) == [
        f"line 2: checkin.level must be a whole number 0, 1, 2 or 3 (got {shown})"
    ]


def test_json_types_are_checked() -> None:
    checkin = json_checkin(body_areas="chest", feelings=["ok", 3], note=None, at=None)
    raw = json_file(json_session(practice_title=5, ended_at=[], checkin=checkin))
    assert problems_of(raw) == [
        "line 2: practice_title must be text in quotes (got the number 5)",
        "line 2: ended_at must be text in quotes (got a list)",
        'line 2: checkin.body_areas must be a list of texts, like ["a", "b"] (got the text '
        '"chest")',
        "line 2: checkin.feelings must hold only texts in quotes (got the number 3)",
        "line 2: checkin.at is missing; every check-in needs its time",
    ]


def test_json_session_must_be_an_object() -> None:
    assert problems_of(json_file(json_session(), [1])) == [  # type: ignore[arg-type]
        "line 3: each session must be an object {...} (got a list)"
    ]


def test_unknown_keys_are_refused() -> None:
    raw = json_file(json_session(colour="red", checkin=json_checkin(mood="ok")))
    problems = problems_of(raw)
    assert len(problems) == 2
    assert problems[0].startswith('line 2: the session has unknown keys "colour"; remove them')
    assert problems[1].startswith('line 2: checkin has unknown keys "mood"; remove them')


def test_duplicate_ids_name_the_first_line() -> None:
    rows = [csv_row(), csv_row(session_id="s2"), csv_row(checkin_id="c2")]
    assert problems_of(csv_file(*rows)) == [
        'line 3: checkin_id "c1" is already used on line 2; each check-in needs its own id',
        'line 4: session_id "s1" is already used on line 2; each session needs its own id',
    ]


def test_json_duplicate_ids_name_the_first_line_in_any_layout() -> None:
    sessions = [
        json_session(),
        json_session(id="s2", checkin=json_checkin(id="c2")),
        json_session(id="s1", checkin=json_checkin(id="c3")),
    ]
    text = json.dumps(
        {"format": FORMAT_NAME, "version": 1, "sessions": sessions}, indent=2, ensure_ascii=False
    )
    first, third = (
        number for number, line in enumerate(text.splitlines()) if line == '      "id": "s1",'
    )
    assert problems_of(text) == [
        f'line {third}: id "s1" is already used on line {first}; each session needs its own id'
    ]


def test_json_lines_are_looked_for_only_when_a_problem_names_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[str] = []
    find = history_json_lines.element_lines

    def counted(text: str) -> list[int] | None:
        looked.append(text)
        return find(text)

    monkeypatch.setattr(history_json_lines, "element_lines", counted)
    sessions = [json_session(id=f"s{n}", checkin=json_checkin(id=f"c{n}")) for n in range(5)]
    assert len(parse_history(json_file(*sessions).encode()).sessions) == 5
    assert looked == []
    sessions[1]["trigger"] = sessions[3]["trigger"] = "x"
    assert [problem.line for problem in parse_history(json_file(*sessions).encode()).problems] == [
        3,
        5,
    ]
    assert len(looked) == 1


def test_ids_are_checked() -> None:
    problems = problems_of(csv_file(csv_row(session_id="a b", checkin_id="x" * 65)))
    assert problems[0] == (
        'line 2: session_id must be 1 to 64 letters, digits, "-" or "_" (got "a b")'
    )
    assert problems[1].startswith('line 2: checkin_id must be 1 to 64 letters, digits, "-" or "_"')
    assert '(got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…")' in problems[1]


def test_required_values() -> None:
    row = csv_row(session_id="", practice_id="", practice_title="", trigger="", started_at="")
    assert problems_of(csv_file(row)) == [
        f"line 2: {column} is missing; every session needs it"
        for column in ("session_id", "practice_id", "practice_title", "trigger", "started_at")
    ]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"practice_title": "   "}, "practice_title is blank"),
        ({"practice_title": "x" * 121}, "practice_title is 121 characters long; at most 120 fit"),
        ({"practice_title": '"a\nb"'}, "practice_title must fit on one line"),
        ({"practice_id": "hand--on"}, "practice_id must be lowercase"),
        ({"practice_id": "a" * 41}, "practice_id must be lowercase"),
        ({"outcome": "done"}, "outcome must be one of completed, stopped_early"),
        ({"started_at": "yesterday"}, "started_at must be a date and time with its UTC offset"),
        ({"started_at": "2026-11-20T14:03:00"}, "started_at must be a date and time"),
        ({"ended_at": ""}, 'ended_at is missing but outcome is "completed"'),
        ({"outcome": ""}, "ended_at is given but outcome is empty"),
        (
            {"ended_at": "2026-11-20T14:02:00+01:00"},
            "ended_at (2026-11-20T14:02:00+01:00) is before started_at",
        ),
        ({"checkin_at": ""}, "checkin_at is missing; every check-in needs its time"),
        ({"spark_level": ""}, "spark_level is missing"),
        ({"spark_level": "2.0"}, 'spark_level must be 0, 1, 2 or 3 (got "2.0")'),
        ({"body_areas": "chest; knee"}, 'body_areas has "knee", which is not one of head'),
        ({"feelings": "x" * 41}, 'feelings has "xxxx'),
        ({"note": "n" * (MAX_NOTE_LENGTH + 1)}, "note is 20,001 characters long; at most 20,000"),
        (
            {
                "checkin_id": "",
                "note": "hello",
                "spark_level": "1",
                "checkin_at": "",
                "body_areas": "",
            },
            "spark_level, feelings, note filled in but checkin_id is empty",
        ),
    ],
)
def test_csv_values_are_checked(changes: dict[str, str], problem: str) -> None:
    problems = problems_of(csv_file(csv_row(**changes)))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"line 2: {problem}")


def test_end_in_another_offset_is_compared_as_an_instant() -> None:
    # 14:05 at +02:00 is 13:05 at +01:00: before the start at 14:03 +01:00.
    problems = problems_of(csv_file(csv_row(ended_at="2026-11-20T14:05:00+02:00")))
    assert problems == [
        "line 2: ended_at (2026-11-20T14:05:00+02:00) is before started_at "
        "(2026-11-20T14:03:00+01:00)"
    ]


def test_json_strings_cannot_hide_nul_or_lone_surrogates() -> None:
    raw = json_file(json_session(checkin=json_checkin(note="a\u0000b")))
    assert problems_of(raw) == ["line 2: checkin.note contains a NUL character"]
    text = json_file(json_session(practice_title="ab")).replace('"ab"', '"a\\ud800b"')
    assert problems_of(text) == [
        "line 2: practice_title contains an invalid character (a lone surrogate)"
    ]


def test_json_feeling_with_a_separator() -> None:
    raw = json_file(json_session(checkin=json_checkin(feelings=["calm;warm"])))
    assert problems_of(raw) == [
        'line 2: checkin.feelings has "calm;warm", which contains ";"; give each word on its own'
    ]


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        (CSV_COLUMNS[:-1], '(missing "note")'),
        ((*CSV_COLUMNS, "mood"), '(unexpected "mood")'),
        (("practice_id", "session_id", *CSV_COLUMNS[2:]), "(the columns are out of order"),
    ],
)
def test_csv_header_must_be_exact(header: tuple[str, ...], detail: str) -> None:
    (problem,) = problems_of(",".join(header) + "\r\n")
    assert problem.startswith("the first line must name exactly these columns")
    assert detail in problem


def test_csv_row_with_wrong_number_of_values() -> None:
    text = csv_file(csv_row(), csv_row(session_id="s2", checkin_id="c2")) + "s3,walk\r\n"
    assert problems_of(text) == [
        "line 4: has 2 values; each row needs 13, one per column (check for a stray comma or quote)"
    ]


def test_csv_unclosed_quote_is_reported_where_the_row_starts() -> None:
    text = csv_file(csv_row()) + 's2,walk,"Walk\r\nmore\r\n'
    (problem,) = problems_of(text)
    assert problem.startswith("line 3: the row starting here cannot be read as CSV")


def test_problems_stop_at_a_readable_number() -> None:
    rows = [csv_row(session_id=f"s{i}", checkin_id=f"c{i}", trigger="x") for i in range(1500)]
    problems = problems_of(csv_file(*rows))
    assert len(problems) == history_checks.MAX_PROBLEMS + 1
    assert problems[-1].startswith("stopped after 1000 problems")


# --- properties -------------------------------------------------------------------------------

# Pieces that have broken importers before: quotes, separators, line ends of every kind,
# right-to-left text and its overrides, emoji made of several code points.
AWKWARD = [
    '"',
    "'",
    ",",
    ";",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "😀",
    "👩🏽‍💻",
    "שלום",
    "مرحبا",
    "\u202e",
    "\ufeff",
]
CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")
free_text = st.lists(st.one_of(CHARACTERS, st.sampled_from(AWKWARD)), max_size=30).map("".join)
ids = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=64)
practice_ids = st.lists(
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8), min_size=1, max_size=4
).map("-".join)
titles = free_text.map(lambda t: t.replace("\n", " ").replace("\r", " ")[:120]).filter(str.strip)
feelings = (
    (
        st.text(CHARACTERS.filter(lambda c: c not in ";\n\r"), min_size=1, max_size=12)
        | st.sampled_from(["warmth", "calm", "tears", "שמחה", "😀 joy"])
    )
    .map(lambda word: word.strip().lower())
    .filter(lambda word: word == word.strip().lower() and 0 < len(word) <= 40)
)
moments = st.builds(
    Moment,
    st.datetimes(datetime(1971, 1, 1), datetime(2200, 1, 1)).map(
        lambda d: d.replace(microsecond=0, tzinfo=UTC)
    ),
    st.integers(-18 * 60, 18 * 60),
)


@st.composite
def histories(draw: st.DrawFn) -> list[BreakSession]:
    count = draw(st.integers(0, 6))
    unique = draw(st.lists(ids, min_size=2 * count, max_size=2 * count, unique=True))
    sessions = []
    for session_id, checkin_id in zip(unique[:count], unique[count:], strict=True):
        started = draw(moments)
        outcome = draw(st.none() | st.sampled_from(Outcome))
        ended = None
        if outcome is not None:
            seconds = draw(st.integers(0, 3 * 3600))
            ended = Moment(started.utc + timedelta(seconds=seconds), draw(st.integers(-600, 600)))
        checkin = draw(
            st.none()
            | st.builds(
                CheckIn,
                id=st.just(checkin_id),
                session_id=st.just(session_id),
                at=moments,
                level=st.sampled_from(SparkLevel),
                body_areas=st.lists(st.sampled_from(BODY_AREAS), max_size=4).map(tuple),
                feelings=st.lists(feelings, max_size=3).map(tuple),
                note=free_text,
            )
        )
        sessions.append(
            BreakSession(
                id=session_id,
                practice_id=draw(practice_ids),
                practice_title=draw(titles),
                trigger=draw(st.sampled_from(Trigger)),
                started=started,
                ended=ended,
                outcome=outcome,
                checkin=checkin,
            )
        )
    return sessions


def export(sessions: Sequence[BreakSession], flavour: str) -> bytes:
    if flavour == "json":
        return to_json(sessions, EXPORTED, "0.1.0").encode()
    return to_csv(sessions).encode()


def assert_parses_or_explains(raw: bytes) -> None:
    parsed = parse_history(raw)
    assert parsed.format in ("json", "csv")
    assert not (parsed.sessions and parsed.problems)
    for problem in parsed.problems:
        assert problem.message
        assert not problem.message.startswith(history_import._INTERNAL_ERROR), problem
        assert problem.line is None or problem.line >= 1


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from(["json", "csv"]))
def test_any_valid_history_round_trips(sessions: list[BreakSession], flavour: str) -> None:
    assert_same(parse_history(export(sessions, flavour)), sessions)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_any_bytes_parse_or_give_problems(raw: bytes) -> None:
    assert_parses_or_explains(raw)


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from(["json", "csv"]), st.data())
def test_cut_or_damaged_files_parse_or_give_problems(
    sessions: list[BreakSession], flavour: str, data: st.DataObject
) -> None:
    raw = export(sessions, flavour)
    cut = data.draw(st.integers(0, len(raw)))
    assert_parses_or_explains(raw[:cut])
    where = data.draw(st.integers(0, len(raw) - 1))
    damaged = raw[:where] + data.draw(st.binary(min_size=1, max_size=3)) + raw[where + 1 :]
    assert_parses_or_explains(damaged)


# --- the documentation ------------------------------------------------------------------------


@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_the_documented_examples_are_read(flavour: str) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "history-format.md").read_text(encoding="utf-8")
    example = doc.split(f"```{flavour}\n", 1)[1].split("```", 1)[0]
    parsed = parse_history(example.encode())
    assert parsed.problems == ()
    assert [s.practice_id for s in parsed.sessions] == ["hand-on-heart", "cold-water"]
    first = parsed.sessions[0].checkin
    assert first is not None
    assert first.note == "Warm under my hand.\nThen calmer."

"""Export and import of a person's history of sessions and check-ins, as JSON or CSV.

The format is described for people in ``docs/history-format.md``.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import BODY_AREAS, MAX_NOTE_LENGTH, MAX_WORD_LENGTH, SparkLevel

FORMAT_NAME = "reconnect-history"
FORMAT_VERSION = 1
CSV_COLUMNS: tuple[str, ...] = (
    "session_id",
    "practice_id",
    "practice_title",
    "trigger",
    "outcome",
    "started_at",
    "ended_at",
    "checkin_id",
    "checkin_at",
    "spark_level",
    "body_areas",
    "feelings",
    "note",
)

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_SESSIONS = 1_000_000
# A file that is wrong everywhere would otherwise yield millions of problems nobody can read.
MAX_PROBLEMS = 1000
MAX_ID_LENGTH = 64
MAX_PRACTICE_ID_LENGTH = 40
MAX_TITLE_LENGTH = 120
LIST_SEPARATOR = "; "

_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_ID_LENGTH}}}")
_PRACTICE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRIGGERS = tuple(trigger.value for trigger in Trigger)
_OUTCOMES = tuple(outcome.value for outcome in Outcome)
_LEVELS = tuple(int(level) for level in SparkLevel)
# Looked up by value: calling the enum for each of tens of thousands of rows costs more.
_TRIGGER_OF = {trigger.value: trigger for trigger in Trigger}
_OUTCOME_OF = {outcome.value: outcome for outcome in Outcome}
_LEVEL_OF = {int(level): level for level in SparkLevel}
_SHOWN_CHARS = 40
_TIME_EXAMPLE = "2026-11-20T14:03:00+01:00"
_INTERNAL_ERROR = "Reconnect could not read this file because of a fault of its own"

# Mappings for the order they are listed in and a quick test of a whole row's keys at once.
# A session's own fields are the CSV's first columns, under the JSON's names.
_SESSION_KEYS = dict.fromkeys(("id", *CSV_COLUMNS[1 : CSV_COLUMNS.index("checkin_id")], "checkin"))
_CHECKIN_KEYS = dict.fromkeys(("id", "at", "level", "body_areas", "feelings", "note"))
_TOP_KEYS = ("format", "version", "exported_at", "app_version", "sessions")
_CHECKIN_COLUMNS = CSV_COLUMNS[CSV_COLUMNS.index("checkin_id") :]

# Problems name fields as the file spells them; the checks use the CSV column names.
_JSON_NAMES = {
    "session_id": "id",
    "checkin_id": "checkin.id",
    "checkin_at": "checkin.at",
    "spark_level": "checkin.level",
    "body_areas": "checkin.body_areas",
    "feelings": "checkin.feelings",
    "note": "checkin.note",
}


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong in a file being imported.

    Attributes:
        line: the 1-based line where the bad session starts; None when it concerns the whole file.
        message: what is wrong, naming the field and the value, and what to do where that helps.
    """

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedHistory:
    """The result of reading a history file.

    Attributes:
        format: ``"json"`` or ``"csv"``.
        sessions: the sessions, in file order; empty whenever there is any problem.
        problems: everything wrong in the file.
    """

    format: str
    sessions: tuple[BreakSession, ...]
    problems: tuple[ImportProblem, ...]


# --- export ---------------------------------------------------------------------------------


def _time(moment: Moment | None) -> str | None:
    return None if moment is None else moment.isoformat()


def session_to_dict(session: BreakSession) -> dict[str, Any]:
    """One session with its check-in, as it appears in the JSON flavour."""
    checkin = session.checkin
    return {
        "id": session.id,
        "practice_id": session.practice_id,
        "practice_title": session.practice_title,
        "trigger": session.trigger.value,
        "outcome": None if session.outcome is None else session.outcome.value,
        "started_at": session.started.isoformat(),
        "ended_at": _time(session.ended),
        "checkin": None
        if checkin is None
        else {
            "id": checkin.id,
            "at": checkin.at.isoformat(),
            "level": int(checkin.level),
            "body_areas": list(checkin.body_areas),
            "feelings": list(checkin.feelings),
            "note": checkin.note,
        },
    }


def to_json(sessions: Sequence[BreakSession], exported_at: Moment, app_version: str) -> str:
    """Write sessions as a JSON history, one session per line.

    Args:
        sessions: the sessions, with their check-ins, in the order to write them.
        exported_at: when the export is made.
        app_version: the version of Reconnect writing the file.

    Returns:
        The file's text; encode it as UTF-8.
    """
    head = json.dumps(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "exported_at": exported_at.isoformat(),
            "app_version": app_version,
        },
        ensure_ascii=False,
    )
    # One session per line keeps the file readable and lets import name lines.
    lines = [json.dumps(session_to_dict(s), ensure_ascii=False) for s in sessions]
    body = ",\n".join(lines) + "\n" if lines else ""
    return f'{head[:-1]}, "sessions": [\n{body}]}}\n'


def to_csv(sessions: Sequence[BreakSession]) -> str:
    """Write sessions as a CSV history, one row per session.

    Args:
        sessions: the sessions, with their check-ins, in the order to write them.

    Returns:
        The file's text; encode it as UTF-8.
    """
    out = io.StringIO()
    # "\r\n" ends rows because the writer quotes only the characters of its line terminator:
    # with "\n" alone, a note holding a lone "\r" would be written bare and break the row.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        c = s.checkin
        writer.writerow(
            (
                s.id,
                s.practice_id,
                s.practice_title,
                s.trigger.value,
                "" if s.outcome is None else s.outcome.value,
                s.started.isoformat(),
                _time(s.ended) or "",
                *(
                    ("",) * len(_CHECKIN_COLUMNS)
                    if c is None
                    else (
                        c.id,
                        c.at.isoformat(),
                        str(int(c.level)),
                        LIST_SEPARATOR.join(c.body_areas),
                        LIST_SEPARATOR.join(c.feelings),
                        c.note,
                    )
                ),
            )
        )
    return out.getvalue()


# --- checks shared by both flavours ----------------------------------------------------------


def _show(value: object) -> str:
    """A value as it can be quoted in a message: short, on one line."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > _SHOWN_CHARS:
        text = text[:_SHOWN_CHARS] + "…"
    if not isinstance(value, str):
        return text
    return json.dumps(text, ensure_ascii=False)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {_show(value)}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _bad_character(text: str) -> str | None:
    # JSON escapes can smuggle in characters that raw UTF-8 cannot hold.
    if "\x00" in text:
        return "contains a NUL character"
    if _SURROGATE.search(text):
        return "contains an invalid character (a lone surrogate)"
    return None


@dataclass(slots=True)
class _RawCheckIn:
    """A check-in's fields as found in the file, before their values are checked."""

    id: str | None
    at: str | None
    level: SparkLevel | None
    body_areas: list[str]
    feelings: list[str]
    note: str


@dataclass(slots=True)
class _RawSession:
    """A session's fields as found in the file, with the right types but unchecked values."""

    id: str | None = None
    practice_id: str | None = None
    practice_title: str | None = None
    trigger: str | None = None
    outcome: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    checkin: _RawCheckIn | None = None


def _same_line(where: int | None) -> int | None:
    return where


@dataclass
class _Collector:
    """Problems of the whole file, and the ids seen so far to catch duplicates.

    Attributes:
        line_of: the line of a session from where it is in the file (a row's ``where``): the
            line itself for CSV, the place in the "sessions" list for JSON, whose lines are
            looked for only when a problem is reported.
        session_ids: each session id seen, with the ``where`` of its session.
    """

    problems: list[ImportProblem] = field(default_factory=list)
    session_ids: dict[str, int | None] = field(default_factory=dict)
    checkin_ids: dict[str, int | None] = field(default_factory=dict)
    line_of: Callable[[int | None], int | None] = _same_line

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def add(self, line: int | None, message: str) -> None:
        if self.full:
            return
        self.problems.append(ImportProblem(line, message))
        if self.full:
            self.problems.append(
                ImportProblem(
                    None,
                    f"stopped after {MAX_PROBLEMS} problems; fix these and import the file again",
                )
            )


class _Row:
    """Checks one session's values, reporting problems at its line under the file's names."""

    __slots__ = ("names", "ok", "out", "reported", "where")

    def __init__(self, out: _Collector, where: int | None, names: Mapping[str, str]) -> None:
        self.out = out
        self.where = where
        self.names = names
        self.ok = True
        # A value already reported as wrong is not reported again as missing.
        self.reported: set[str] = set()

    @property
    def line(self) -> int | None:
        return self.out.line_of(self.where)

    def name(self, column: str) -> str:
        return self.names.get(column, column)

    def fail(self, message: str) -> None:
        self.ok = False
        self.out.add(self.line, message)

    def bad(self, column: str, problem: str) -> None:
        self.reported.add(column)
        self.fail(f"{self.name(column)} {problem}")

    def required(self, column: str, value: str | None, what: str = "session") -> str | None:
        if not value:
            if column not in self.reported:
                self.bad(column, f"is missing; every {what} needs it")
            return None
        return value

    def ident(
        self, column: str, value: str | None, seen: dict[str, int | None], what: str
    ) -> str | None:
        if value is None:
            return None
        if not _ID.fullmatch(value):
            self.bad(
                column,
                f'must be 1 to {MAX_ID_LENGTH} letters, digits, "-" or "_" (got {_show(value)})',
            )
            return None
        if value in seen:
            first = self.out.line_of(seen[value])
            where = "" if first is None else f" on line {first}"
            self.bad(column, f"{_show(value)} is already used{where}; each {what} needs its own id")
            return None
        seen[value] = self.where
        return value

    def moment(self, column: str, value: str | None) -> Moment | None:
        if value is None:
            return None
        try:
            return Moment.parse(value)
        except (ValueError, OverflowError):
            self.bad(
                column,
                f"must be a date and time with its UTC offset, like {_TIME_EXAMPLE} "
                f"(got {_show(value)})",
            )
            return None

    def text(self, column: str, value: str, max_len: int, one_line: bool) -> str | None:
        problem = _bad_character(value)
        if problem is None and len(value) > max_len:
            problem = f"is {len(value):,} characters long; at most {max_len:,} fit"
        if problem is None and one_line and ("\n" in value or "\r" in value):
            problem = "must fit on one line"
        if problem is not None:
            self.bad(column, problem)
            return None
        return value

    def choice(self, column: str, value: str | None, allowed: Sequence[str]) -> str | None:
        if value is None:
            return None
        if value not in allowed:
            self.bad(column, f"must be one of {', '.join(allowed)} (got {_show(value)})")
            return None
        return value


def _check_session(raw: _RawSession, row: _Row) -> BreakSession | None:
    """Check every value of one session and build it if all are right."""
    session_id = row.ident(
        "session_id", row.required("session_id", raw.id), row.out.session_ids, "session"
    )
    practice_id = row.required("practice_id", raw.practice_id)
    if practice_id is not None and (
        len(practice_id) > MAX_PRACTICE_ID_LENGTH or not _PRACTICE_ID.fullmatch(practice_id)
    ):
        row.bad(
            "practice_id",
            "must be lowercase letters and digits joined by single hyphens, at most "
            f"{MAX_PRACTICE_ID_LENGTH} characters (got {_show(practice_id)})",
        )
    title = row.required("practice_title", raw.practice_title)
    if title is not None and not title.strip():
        row.bad("practice_title", "is blank")
    elif title is not None:
        row.text("practice_title", title, MAX_TITLE_LENGTH, one_line=True)
    trigger = row.choice("trigger", row.required("trigger", raw.trigger), _TRIGGERS)
    outcome = row.choice("outcome", raw.outcome, _OUTCOMES)
    started = row.moment("started_at", row.required("started_at", raw.started_at))
    ended = row.moment("ended_at", raw.ended_at)
    both_readable = "outcome" not in row.reported and "ended_at" not in row.reported
    if both_readable and raw.outcome and not raw.ended_at:
        row.bad(
            "ended_at",
            f"is missing but outcome is {_show(raw.outcome)}; a finished session needs its end",
        )
    if both_readable and raw.ended_at and not raw.outcome:
        row.bad(
            "ended_at",
            "is given but outcome is empty; give the outcome, or clear ended_at if the "
            "session is still open",
        )
    if started is not None and ended is not None and ended.utc < started.utc:
        row.bad(
            "ended_at",
            f"({raw.ended_at}) is before {row.name('started_at')} ({raw.started_at})",
        )
    checkin = _check_checkin(raw.checkin, row, session_id)
    if not row.ok or session_id is None or practice_id is None or title is None:
        return None
    if trigger is None or started is None:
        return None
    return BreakSession(
        id=session_id,
        practice_id=practice_id,
        practice_title=title,
        trigger=_TRIGGER_OF[trigger],
        started=started,
        ended=ended,
        outcome=None if outcome is None else _OUTCOME_OF[outcome],
        checkin=checkin,
    )


def _check_checkin(raw: _RawCheckIn | None, row: _Row, session_id: str | None) -> CheckIn | None:
    if raw is None:
        return None
    checkin_id = row.ident(
        "checkin_id",
        row.required("checkin_id", raw.id, "check-in"),
        row.out.checkin_ids,
        "check-in",
    )
    if not raw.at and "checkin_at" not in row.reported:
        row.bad("checkin_at", "is missing; every check-in needs its time")
    at = row.moment("checkin_at", raw.at or None)
    if raw.level is None and "spark_level" not in row.reported:
        row.bad("spark_level", "is missing; every check-in needs it (0, 1, 2 or 3)")
    for area in raw.body_areas:
        if area not in BODY_AREAS:
            row.bad("body_areas", f"has {_show(area)}, which is not one of {', '.join(BODY_AREAS)}")
    feelings = [_check_feeling(word, row) for word in raw.feelings]
    note = row.text("note", raw.note, MAX_NOTE_LENGTH, one_line=False)
    if not row.ok or checkin_id is None or session_id is None or at is None or note is None:
        return None
    if raw.level is None:
        return None
    return CheckIn(
        id=checkin_id,
        session_id=session_id,
        at=at,
        level=raw.level,
        body_areas=tuple(raw.body_areas),
        feelings=tuple(word for word in feelings if word is not None),
        note=note,
    )


def _check_feeling(word: str, row: _Row) -> str | None:
    cleaned = word.strip().lower()
    if not cleaned:
        row.bad("feelings", "has an empty word; remove it")
    elif len(cleaned) > MAX_WORD_LENGTH:
        row.bad(
            "feelings",
            f"has {_show(word)}, which is longer than {MAX_WORD_LENGTH} characters",
        )
    elif ";" in cleaned:
        row.bad("feelings", f'has {_show(word)}, which contains ";"; give each word on its own')
    elif "\n" in cleaned or "\r" in cleaned:
        row.bad("feelings", f"has {_show(word)}, which does not fit on one line")
    elif (problem := _bad_character(cleaned)) is not None:
        row.bad("feelings", f"has a word that {problem}")
    else:
        return cleaned
    return None


# --- JSON -------------------------------------------------------------------------------------


def _element_lines(text: str) -> list[int] | None:
    """The line where each element of the top-level "sessions" array starts.

    The text must already be known to be valid JSON with an object at the top.
    """
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        match = _JSON_SPACE.match(text, pos)
        return pos if match is None else match.end()

    pos = skip(0) + 1  # past "{"
    found: list[int] | None = None
    while True:
        pos = skip(pos)
        if text[pos] == "}":
            return found
        key, pos = decoder.raw_decode(text, pos)
        pos = skip(skip(pos) + 1)  # past ":"
        if key == "sessions" and text[pos] == "[":
            # A key given twice counts once, the last time, as json.loads does.
            found = []
            starts: list[int] = []
            pos = skip(pos + 1)
            while text[pos] != "]":
                starts.append(pos)
                _, pos = decoder.raw_decode(text, pos)
                pos = skip(pos)
                if text[pos] == ",":
                    pos = skip(pos + 1)
            pos += 1
            line, last = 1, 0
            for start in starts:
                # Counted piece by piece: counting from the top for each would take
                # quadratic time on a large file.
                line += text.count("\n", last, start)
                last = start
                found.append(line)
        else:
            _, pos = decoder.raw_decode(text, pos)
        pos = skip(pos)
        if text[pos] == ",":
            pos += 1


class _LazyLines:
    """The lines of the "sessions" list's elements, looked for the first time one is asked.

    Only problems name lines, and looking for them takes about as long as reading the file
    again, so a file without problems is spared it.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @functools.cached_property
    def _lines(self) -> list[int] | None:
        try:
            return _element_lines(self._text)
        except (ValueError, IndexError, RecursionError):
            return None  # should not happen for valid JSON; the problems just lose their lines

    def line(self, index: int | None) -> int | None:
        lines = self._lines
        if lines is None or index is None or index >= len(lines):
            return None
        return lines[index]


def _json_text(row: _Row, data: Mapping[str, Any], key: str, column: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    row.bad(column, f"must be text in quotes (got {_kind(value)})")
    return None


def _json_list(row: _Row, data: Mapping[str, Any], key: str, column: str) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        row.bad(column, f'must be a list of texts, like ["a", "b"] (got {_kind(value)})')
        return []
    for item in value:
        if not isinstance(item, str):
            row.bad(column, f"must hold only texts in quotes (got {_kind(item)})")
            return []
    return value


def _unknown_keys(row: _Row, data: Mapping[str, Any], known: Mapping[str, None], what: str) -> None:
    if data.keys() <= known.keys():
        return
    listed = ", ".join(_show(key) for key in data if key not in known)
    row.fail(f"{what} has unknown keys {listed}; remove them (the keys are {', '.join(known)})")


def _json_checkin(row: _Row, value: Any) -> _RawCheckIn | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        row.fail(f"checkin must be an object {{...}} or null (got {_kind(value)})")
        return None
    _unknown_keys(row, value, _CHECKIN_KEYS, "checkin")
    checkin_id = _json_text(row, value, "id", "checkin_id")
    checkin_at = _json_text(row, value, "at", "checkin_at")
    level = value.get("level")
    spark: SparkLevel | None = None
    if level is None:
        pass  # reported as missing when the check-in is checked
    elif isinstance(level, bool) or not isinstance(level, int):
        row.bad("spark_level", f"must be a whole number 0, 1, 2 or 3 (got {_kind(level)})")
    elif level not in _LEVELS:
        row.bad("spark_level", f"must be 0, 1, 2 or 3 (got {_show(level)})")
    else:
        spark = _LEVEL_OF[level]
    return _RawCheckIn(
        id=checkin_id,
        at=checkin_at,
        level=spark,
        body_areas=_json_list(row, value, "body_areas", "body_areas"),
        feelings=_json_list(row, value, "feelings", "feelings"),
        note=_json_text(row, value, "note", "note") or "",
    )


def _json_session(value: Any, row: _Row) -> BreakSession | None:
    if not isinstance(value, dict):
        row.fail(f"each session must be an object {{...}} (got {_kind(value)})")
        return None
    _unknown_keys(row, value, _SESSION_KEYS, "the session")
    raw = _RawSession(
        id=_json_text(row, value, "id", "session_id"),
        practice_id=_json_text(row, value, "practice_id", "practice_id"),
        practice_title=_json_text(row, value, "practice_title", "practice_title"),
        trigger=_json_text(row, value, "trigger", "trigger"),
        # An empty outcome or end time means the same as null: the session is still open.
        outcome=_json_text(row, value, "outcome", "outcome") or None,
        started_at=_json_text(row, value, "started_at", "started_at"),
        ended_at=_json_text(row, value, "ended_at", "ended_at") or None,
        checkin=_json_checkin(row, value.get("checkin")),
    )
    return _check_session(raw, row)


def _check_json_header(data: Mapping[str, Any], out: _Collector) -> None:
    if data.get("format") != FORMAT_NAME:
        out.add(
            None,
            f'this is not a Reconnect history: "format" must be "{FORMAT_NAME}" '
            f"(got {_kind(data.get('format')) if 'format' in data else 'nothing'})",
        )
        return
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        out.add(
            None,
            f"this file was written by a newer Reconnect (format version {version}); "
            "update Reconnect to import it",
        )
    elif version != FORMAT_VERSION or isinstance(version, bool):
        out.add(None, f'"version" must be {FORMAT_VERSION} (got {_kind(version)})')
    unknown = [key for key in data if key not in _TOP_KEYS]
    if unknown:
        out.add(None, f"the file has unknown keys {', '.join(_show(k) for k in unknown)}")
    for key in ("exported_at", "app_version"):
        if key in data and not isinstance(data[key], str):
            out.add(None, f'"{key}" must be text in quotes (got {_kind(data[key])})')
    if "sessions" not in data:
        out.add(None, 'the file has no "sessions" list')
    elif not isinstance(data["sessions"], list):
        out.add(None, f'"sessions" must be a list [...] (got {_kind(data["sessions"])})')
    elif len(data["sessions"]) > MAX_SESSIONS:
        out.add(
            None,
            f"the file has {len(data['sessions']):,} sessions; "
            f"Reconnect imports at most {MAX_SESSIONS:,} at a time",
        )


def _parse_json(text: str, out: _Collector) -> list[BreakSession]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        out.add(error.lineno, f"the file is not valid JSON: {error.msg} (column {error.colno})")
        return []
    except RecursionError:
        out.add(None, "the file cannot be read as JSON: its lists or objects are nested too deeply")
        return []
    except ValueError as error:
        # For example a number with thousands of digits.
        out.add(None, f"the file cannot be read as JSON: {error}")
        return []
    if not isinstance(data, dict):
        out.add(None, f"the file must hold one JSON object {{...}} (got {_kind(data)})")
        return []
    _check_json_header(data, out)
    if out.problems:
        return []
    out.line_of = _LazyLines(text).line
    sessions = []
    for index, value in enumerate(data["sessions"]):
        session = _json_session(value, _Row(out, index, _JSON_NAMES))
        if session is not None:
            sessions.append(session)
        if out.full:
            break
    return sessions


# --- CSV --------------------------------------------------------------------------------------


def _split_list(text: str) -> list[str]:
    # Empty pieces (as in a trailing "; ") carry nothing, so they are let pass.
    return [piece.strip() for piece in text.split(";") if piece.strip()]


def _csv_session(values: Mapping[str, str], row: _Row) -> BreakSession | None:
    checkin: _RawCheckIn | None = None
    if values["checkin_id"]:
        level_text = values["spark_level"]
        level: SparkLevel | None = None
        if level_text in ("0", "1", "2", "3"):
            level = SparkLevel(int(level_text))
        elif level_text:
            row.bad("spark_level", f"must be 0, 1, 2 or 3 (got {_show(level_text)})")
        checkin = _RawCheckIn(
            id=values["checkin_id"],
            at=values["checkin_at"],
            level=level,
            body_areas=_split_list(values["body_areas"]),
            feelings=_split_list(values["feelings"]),
            note=values["note"],
        )
    else:
        filled = [column for column in _CHECKIN_COLUMNS if values[column]]
        if filled:
            row.fail(
                f"{', '.join(filled)} filled in but checkin_id is empty; give the check-in "
                "an id, or clear its columns if there was no check-in"
            )
    raw = _RawSession(
        id=values["session_id"],
        practice_id=values["practice_id"],
        practice_title=values["practice_title"],
        trigger=values["trigger"],
        outcome=values["outcome"] or None,
        started_at=values["started_at"],
        ended_at=values["ended_at"] or None,
        checkin=checkin,
    )
    return _check_session(raw, row)


def _check_csv_header(header: list[str] | None, out: _Collector) -> bool:
    if header is not None and tuple(header) == CSV_COLUMNS:
        return True
    expected = ", ".join(CSV_COLUMNS)
    if not header or not set(header) & set(CSV_COLUMNS):
        out.add(
            None,
            "this does not look like a Reconnect history: a JSON history starts with {, "
            f"and the first line of a CSV history names the columns {expected}",
        )
        return False
    missing = [column for column in CSV_COLUMNS if column not in header]
    extra = [column for column in header if column not in CSV_COLUMNS]
    details = []
    if missing:
        details.append(f"missing {', '.join(_show(column) for column in missing)}")
    if extra:
        details.append(f"unexpected {', '.join(_show(column) for column in extra)}")
    if not details:
        details.append("the columns are out of order or repeated")
    out.add(
        None,
        f"the first line must name exactly these columns, in this order: {expected} "
        f"({'; '.join(details)})",
    )
    return False


def _parse_csv(text: str, out: _Collector) -> list[BreakSession]:
    # The csv module refuses a value over 128 KB as if a quote were astray; a long note is
    # refused for its length instead, as in JSON. The limit is the whole process's, so it is
    # only raised while this file is read.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return _read_csv(text, out)
    finally:
        csv.field_size_limit(limit)


def _read_csv(text: str, out: _Collector) -> list[BreakSession]:
    # Lines end at "\n" only, as in a text editor, so a lone "\r" does not shift line numbers.
    reader = csv.reader(io.StringIO(text, newline="\n"), strict=True)
    rows: Iterator[list[str]] = iter(reader)
    sessions: list[BreakSession] = []
    count = 0
    line = last_row = 1
    try:
        header = next(rows, None)
        if not _check_csv_header(header, out):
            return []
        while not out.full:
            line = reader.line_num + 1
            values = next(rows, None)
            if values is None:
                break
            if not values:
                continue  # a blank line
            count += 1
            last_row = line
            if count > MAX_SESSIONS:
                out.add(
                    None,
                    f"the file has more than {MAX_SESSIONS:,} sessions; "
                    f"Reconnect imports at most {MAX_SESSIONS:,} at a time",
                )
                break
            row = _Row(out, line, {})
            if len(values) != len(CSV_COLUMNS):
                row.fail(
                    f"has {len(values)} value{'' if len(values) == 1 else 's'}; "
                    f"each row needs {len(CSV_COLUMNS)}, "
                    "one per column (check for a stray comma or quote)"
                )
                continue
            session = _csv_session(dict(zip(CSV_COLUMNS, values, strict=True)), row)
            if session is not None:
                sessions.append(session)
        if count and not out.full and not text.endswith(("\n", "\r")):
            # A file cut short inside its last value (the note) would still have all its
            # columns, and the cut note would be imported as if it were whole.
            out.add(
                last_row,
                "the file ends inside this row, with no line break after it, so it may have "
                "been cut short; if the row is complete, add a line break at its end",
            )
    except csv.Error as error:
        out.add(
            line,
            f"the row starting here cannot be read as CSV: {error} (check for a stray quote)",
        )
    return sessions


# --- the whole file ---------------------------------------------------------------------------


def _decode(raw: bytes, out: _Collector) -> str | None:
    if len(raw) > MAX_FILE_BYTES:
        out.add(
            None,
            f"the file is {len(raw) / 1024 / 1024:,.0f} MB; "
            f"Reconnect imports files of at most {MAX_FILE_BYTES // 1024 // 1024} MB",
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        out.add(
            raw.count(b"\n", 0, error.start) + 1,
            f"the file is not UTF-8 text: byte {error.start:,} (0x{raw[error.start]:02x}) "
            "cannot be read; save the file as UTF-8 and try again",
        )
        return None
    nul = raw.find(b"\x00")
    if nul >= 0:
        out.add(
            raw.count(b"\n", 0, nul) + 1,
            f"the file contains a NUL byte (byte {nul:,}); it does not look like a text file",
        )
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        out.add(None, "the file is empty")
        return None
    return text


def _parse(raw: bytes) -> ParsedHistory:
    out = _Collector()
    text = _decode(raw, out)
    if text is None:
        return ParsedHistory("csv", (), tuple(out.problems))
    flavour = "json" if text.lstrip().startswith("{") else "csv"
    parse: Callable[[str, _Collector], list[BreakSession]] = (
        _parse_json if flavour == "json" else _parse_csv
    )
    sessions = parse(text, out)
    if out.problems:
        return ParsedHistory(flavour, (), tuple(out.problems))
    return ParsedHistory(flavour, tuple(sessions), ())


def parse_history(raw: bytes) -> ParsedHistory:
    """Read a history file, JSON or CSV, checking every value.

    Never raises: whatever the bytes, the result holds either the sessions or the problems.

    Args:
        raw: the file's content.

    Returns:
        The sessions in file order with their check-ins, or, if anything is wrong, no sessions
        and every problem found (all or nothing).
    """
    try:
        return _parse(raw)
    except Exception as error:
        # A fault of ours must not crash the import dialog; the person gets a message to report.
        message = f"{_INTERNAL_ERROR} ({type(error).__name__}); please report it"
        return ParsedHistory("csv", (), (ImportProblem(None, message),))

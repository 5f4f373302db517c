"""The checks of an imported history's values, shared by the JSON and CSV readers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import BODY_AREAS, MAX_NOTE_LENGTH, MAX_WORD_LENGTH, SparkLevel

# A file that is wrong everywhere would otherwise yield millions of problems nobody can read.
MAX_PROBLEMS = 1000
MAX_ID_LENGTH = 64
MAX_PRACTICE_ID_LENGTH = 40
MAX_TITLE_LENGTH = 120

_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_ID_LENGTH}}}")
_PRACTICE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRIGGERS = tuple(trigger.value for trigger in Trigger)
_OUTCOMES = tuple(outcome.value for outcome in Outcome)
# Looked up by value: calling the enum for each of tens of thousands of rows costs more.
_TRIGGER_OF = {trigger.value: trigger for trigger in Trigger}
_OUTCOME_OF = {outcome.value: outcome for outcome in Outcome}
_SHOWN_CHARS = 40
_TIME_EXAMPLE = "2026-11-20T14:03:00+01:00"


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


def show(value: object) -> str:
    """A value as it can be quoted in a message: short, on one line."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > _SHOWN_CHARS:
        text = text[:_SHOWN_CHARS] + "…"
    if not isinstance(value, str):
        return text
    return json.dumps(text, ensure_ascii=False)


def kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {show(value)}"
    if isinstance(value, str):
        return f"the text {show(value)}"
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
class RawCheckIn:
    """A check-in's fields as found in the file, before their values are checked."""

    id: str | None
    at: str | None
    level: SparkLevel | None
    body_areas: list[str]
    feelings: list[str]
    note: str


@dataclass(slots=True)
class RawSession:
    """A session's fields as found in the file, with the right types but unchecked values."""

    id: str | None = None
    practice_id: str | None = None
    practice_title: str | None = None
    trigger: str | None = None
    outcome: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    checkin: RawCheckIn | None = None


def _same_line(where: int | None) -> int | None:
    return where


@dataclass
class Collector:
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


class Row:
    """Checks one session's values, reporting problems at its line under the file's names."""

    __slots__ = ("names", "ok", "out", "reported", "where")

    def __init__(self, out: Collector, where: int | None, names: Mapping[str, str]) -> None:
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
                f'must be 1 to {MAX_ID_LENGTH} letters, digits, "-" or "_" (got {show(value)})',
            )
            return None
        if value in seen:
            first = self.out.line_of(seen[value])
            where = "" if first is None else f" on line {first}"
            self.bad(column, f"{show(value)} is already used{where}; each {what} needs its own id")
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
                f"(got {show(value)})",
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
            self.bad(column, f"must be one of {', '.join(allowed)} (got {show(value)})")
            return None
        return value


def check_session(raw: RawSession, row: Row) -> BreakSession | None:
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
            f"{MAX_PRACTICE_ID_LENGTH} characters (got {show(practice_id)})",
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
            f"is missing but outcome is {show(raw.outcome)}; a finished session needs its end",
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


def _check_checkin(raw: RawCheckIn | None, row: Row, session_id: str | None) -> CheckIn | None:
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
            row.bad("body_areas", f"has {show(area)}, which is not one of {', '.join(BODY_AREAS)}")
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


def _check_feeling(word: str, row: Row) -> str | None:
    cleaned = word.strip().lower()
    if not cleaned:
        row.bad("feelings", "has an empty word; remove it")
    elif len(cleaned) > MAX_WORD_LENGTH:
        row.bad(
            "feelings",
            f"has {show(word)}, which is longer than {MAX_WORD_LENGTH} characters",
        )
    elif ";" in cleaned:
        row.bad("feelings", f'has {show(word)}, which contains ";"; give each word on its own')
    elif "\n" in cleaned or "\r" in cleaned:
        row.bad("feelings", f"has {show(word)}, which does not fit on one line")
    elif (problem := _bad_character(cleaned)) is not None:
        row.bad("feelings", f"has a word that {problem}")
    else:
        return cleaned
    return None

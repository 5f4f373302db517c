"""Import of a person's history of sessions and check-ins from a JSON or CSV file.

The format is described for people in ``docs/history-format.md``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reconnect.core.history_checks import (
    Collector,
    ImportProblem,
    RawCheckIn,
    RawSession,
    Row,
    check_session,
    kind,
    show,
)
from reconnect.core.history_experiments import ExportedExperiment, parse_experiments
from reconnect.core.history_format import (
    CHECKIN_COLUMNS,
    CSV_COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
)
from reconnect.core.history_json_lines import LazyLines
from reconnect.core.sessions import BreakSession
from reconnect.core.vocabulary import SparkLevel

__all__ = ["MAX_FILE_BYTES", "MAX_SESSIONS", "ImportProblem", "ParsedHistory", "parse_history"]

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_SESSIONS = 1_000_000

_LEVELS = tuple(int(level) for level in SparkLevel)
_LEVEL_OF = {int(level): level for level in SparkLevel}
_INTERNAL_ERROR = "Reconnect could not read this file because of a fault of its own"

# Mappings for the order they are listed in and a quick test of a whole row's keys at once.
# A session's own fields are the CSV's first columns, under the JSON's names.
_SESSION_KEYS = dict.fromkeys(("id", *CSV_COLUMNS[1 : CSV_COLUMNS.index("checkin_id")], "checkin"))
_CHECKIN_KEYS = dict.fromkeys(("id", "at", "level", "body_areas", "feelings", "note"))
_TOP_KEYS = ("format", "version", "exported_at", "app_version", "sessions", "experiments")

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
class ParsedHistory:
    """The result of reading a history file.

    Attributes:
        format: ``"json"`` or ``"csv"``.
        sessions: the sessions, in file order; empty whenever there is any problem.
        problems: everything wrong in the file.
        experiments: the experiments compared in it, with their offers (JSON only; files
            from before experiments have none).
    """

    format: str
    sessions: tuple[BreakSession, ...]
    problems: tuple[ImportProblem, ...]
    experiments: tuple[ExportedExperiment, ...] = ()


# --- JSON -------------------------------------------------------------------------------------


def _json_text(row: Row, data: Mapping[str, Any], key: str, column: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    row.bad(column, f"must be text in quotes (got {kind(value)})")
    return None


def _json_list(row: Row, data: Mapping[str, Any], key: str, column: str) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        row.bad(column, f'must be a list of texts, like ["a", "b"] (got {kind(value)})')
        return []
    for item in value:
        if not isinstance(item, str):
            row.bad(column, f"must hold only texts in quotes (got {kind(item)})")
            return []
    return value


def _unknown_keys(row: Row, data: Mapping[str, Any], known: Mapping[str, None], what: str) -> None:
    if data.keys() <= known.keys():
        return
    listed = ", ".join(show(key) for key in data if key not in known)
    row.fail(f"{what} has unknown keys {listed}; remove them (the keys are {', '.join(known)})")


def _json_checkin(row: Row, value: Any) -> RawCheckIn | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        row.fail(f"checkin must be an object {{...}} or null (got {kind(value)})")
        return None
    _unknown_keys(row, value, _CHECKIN_KEYS, "checkin")
    checkin_id = _json_text(row, value, "id", "checkin_id")
    checkin_at = _json_text(row, value, "at", "checkin_at")
    level = value.get("level")
    spark: SparkLevel | None = None
    if level is None:
        pass  # reported as missing when the check-in is checked
    elif isinstance(level, bool) or not isinstance(level, int):
        row.bad("spark_level", f"must be a whole number 0, 1, 2 or 3 (got {kind(level)})")
    elif level not in _LEVELS:
        row.bad("spark_level", f"must be 0, 1, 2 or 3 (got {show(level)})")
    else:
        spark = _LEVEL_OF[level]
    return RawCheckIn(
        id=checkin_id,
        at=checkin_at,
        level=spark,
        body_areas=_json_list(row, value, "body_areas", "body_areas"),
        feelings=_json_list(row, value, "feelings", "feelings"),
        note=_json_text(row, value, "note", "note") or "",
    )


def _json_session(value: Any, row: Row) -> BreakSession | None:
    if not isinstance(value, dict):
        row.fail(f"each session must be an object {{...}} (got {kind(value)})")
        return None
    _unknown_keys(row, value, _SESSION_KEYS, "the session")
    raw = RawSession(
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
    return check_session(raw, row)


def _check_json_header(data: Mapping[str, Any], out: Collector) -> None:
    if data.get("format") != FORMAT_NAME:
        out.add(
            None,
            f'this is not a Reconnect history: "format" must be "{FORMAT_NAME}" '
            f"(got {kind(data.get('format')) if 'format' in data else 'nothing'})",
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
        out.add(None, f'"version" must be {FORMAT_VERSION} (got {kind(version)})')
    unknown = [key for key in data if key not in _TOP_KEYS]
    if unknown:
        out.add(None, f"the file has unknown keys {', '.join(show(k) for k in unknown)}")
    for key in ("exported_at", "app_version"):
        if key in data and not isinstance(data[key], str):
            out.add(None, f'"{key}" must be text in quotes (got {kind(data[key])})')
    if "sessions" not in data:
        out.add(None, 'the file has no "sessions" list')
    elif not isinstance(data["sessions"], list):
        out.add(None, f'"sessions" must be a list [...] (got {kind(data["sessions"])})')
    elif len(data["sessions"]) > MAX_SESSIONS:
        out.add(
            None,
            f"the file has {len(data['sessions']):,} sessions; "
            f"Reconnect imports at most {MAX_SESSIONS:,} at a time",
        )


def _parse_json(
    text: str, out: Collector, experiments: list[ExportedExperiment] | None = None
) -> list[BreakSession]:
    """The sessions of a JSON file; its experiments are added to ``experiments``."""
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
        out.add(None, f"the file must hold one JSON object {{...}} (got {kind(data)})")
        return []
    _check_json_header(data, out)
    if out.problems:
        return []
    out.line_of = LazyLines(text).line
    sessions = []
    for index, value in enumerate(data["sessions"]):
        session = _json_session(value, Row(out, index, _JSON_NAMES))
        if session is not None:
            sessions.append(session)
        if out.full:
            break
    if "experiments" in data and experiments is not None:
        experiments.extend(parse_experiments(data["experiments"], out))
    return sessions


# --- CSV --------------------------------------------------------------------------------------


def _split_list(text: str) -> list[str]:
    # Empty pieces (as in a trailing "; ") carry nothing, so they are let pass.
    return [piece.strip() for piece in text.split(";") if piece.strip()]


def _csv_session(values: Mapping[str, str], row: Row) -> BreakSession | None:
    checkin: RawCheckIn | None = None
    if values["checkin_id"]:
        level_text = values["spark_level"]
        level: SparkLevel | None = None
        if level_text in ("0", "1", "2", "3"):
            level = SparkLevel(int(level_text))
        elif level_text:
            row.bad("spark_level", f"must be 0, 1, 2 or 3 (got {show(level_text)})")
        checkin = RawCheckIn(
            id=values["checkin_id"],
            at=values["checkin_at"],
            level=level,
            body_areas=_split_list(values["body_areas"]),
            feelings=_split_list(values["feelings"]),
            note=values["note"],
        )
    else:
        filled = [column for column in CHECKIN_COLUMNS if values[column]]
        if filled:
            row.fail(
                f"{', '.join(filled)} filled in but checkin_id is empty; give the check-in "
                "an id, or clear its columns if there was no check-in"
            )
    raw = RawSession(
        id=values["session_id"],
        practice_id=values["practice_id"],
        practice_title=values["practice_title"],
        trigger=values["trigger"],
        outcome=values["outcome"] or None,
        started_at=values["started_at"],
        ended_at=values["ended_at"] or None,
        checkin=checkin,
    )
    return check_session(raw, row)


def _check_csv_header(header: list[str] | None, out: Collector) -> bool:
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
        details.append(f"missing {', '.join(show(column) for column in missing)}")
    if extra:
        details.append(f"unexpected {', '.join(show(column) for column in extra)}")
    if not details:
        details.append("the columns are out of order or repeated")
    out.add(
        None,
        f"the first line must name exactly these columns, in this order: {expected} "
        f"({'; '.join(details)})",
    )
    return False


def _parse_csv(text: str, out: Collector) -> list[BreakSession]:
    # The csv module refuses a value over 128 KB as if a quote were astray; a long note is
    # refused for its length instead, as in JSON. The limit is the whole process's, so it is
    # only raised while this file is read.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return _read_csv(text, out)
    finally:
        csv.field_size_limit(limit)


def _read_csv(text: str, out: Collector) -> list[BreakSession]:
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
            row = Row(out, line, {})
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


def _decode(raw: bytes, out: Collector) -> str | None:
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
    out = Collector()
    text = _decode(raw, out)
    if text is None:
        return ParsedHistory("csv", (), tuple(out.problems))
    flavour = "json" if text.lstrip().startswith("{") else "csv"
    experiments: list[ExportedExperiment] = []
    sessions = _parse_json(text, out, experiments) if flavour == "json" else _parse_csv(text, out)
    if out.problems:
        return ParsedHistory(flavour, (), tuple(out.problems))
    return ParsedHistory(flavour, tuple(sessions), (), tuple(experiments))


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

"""Export of a person's history of sessions and check-ins, as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from reconnect.core.history_experiments import ExportedExperiment, experiments_json
from reconnect.core.history_format import (
    CHECKIN_COLUMNS,
    CSV_COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
    LIST_SEPARATOR,
)
from reconnect.core.sessions import BreakSession, Moment


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


def to_json(
    sessions: Sequence[BreakSession],
    exported_at: Moment,
    app_version: str,
    experiments: Sequence[ExportedExperiment] = (),
) -> str:
    """Write sessions as a JSON history, one session per line.

    Args:
        sessions: the sessions, with their check-ins, in the order to write them.
        exported_at: when the export is made.
        app_version: the version of Reconnect writing the file.
        experiments: experiments with their offers, after the sessions (only when there are).

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
    return f'{head[:-1]}, "sessions": [\n{body}]{experiments_json(experiments)}}}\n'


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
                    ("",) * len(CHECKIN_COLUMNS)
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

"""The history file format's common parts: its name, version, CSV columns and list separator.

The format is described for people in ``docs/history-format.md``.
"""

from __future__ import annotations

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

LIST_SEPARATOR = "; "
# The check-in's columns, last in each row.
CHECKIN_COLUMNS = CSV_COLUMNS[CSV_COLUMNS.index("checkin_id") :]

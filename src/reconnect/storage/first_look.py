"""What the waiting tray reads, with Python's own sqlite3 before the storage layer loads.

Only a local SQLite file already at this version's schema is read, read-only; anything else
answers ``UNKNOWN``, and the app asks the storage layer (``services.breaks``) instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, TypeVar

from reconnect.storage.revision import HEAD_REVISION

if TYPE_CHECKING:
    from reconnect.core.experiments import Offer
    from reconnect.core.spark_stats import PracticeCounts

# A prompt let go also ends a break: skipped, missed, or met by a natural break.
LET_GO = ("skipped", "missed", "natural_break")
T = TypeVar("T")


class Unknown(Enum):
    """The first look can't be sure: a server, an older schema, no file yet, an error."""

    UNKNOWN = "unknown"


UNKNOWN: Final = Unknown.UNKNOWN
NotSure = Literal[Unknown.UNKNOWN]


class FirstLook:
    """The reads of one SQLite file for one computer, each answering ``UNKNOWN`` when unsure.

    The tray shows itself, plans its first break and waits without SQLAlchemy: it needs only
    the end of the last break, whether the last run left anything open, and the counts behind
    the suggestion. The SQL is SQLite's on purpose; the counts match
    ``storage.stats_queries.practice_counts`` (a test compares them on a generated history).

    Args:
        file: the history's SQLite file.
        computer: this computer's name in the history.
    """

    def __init__(self, file: Path, computer: str) -> None:
        self.file = file
        self.computer = computer

    def last_break_end(self) -> datetime | NotSure | None:
        """The UTC end of this computer's last break of any kind; None for none yet."""
        return last_break_end(self.file, self.computer)

    def left_open(self) -> bool | NotSure:
        """Whether this computer's last run left a session or a prompt open (a crash, a
        power cut): then the storage layer tidies them."""
        return left_open(self.file, self.computer)

    def practice_counts(self) -> list[PracticeCounts] | NotSure:
        """Sessions, check-ins and sparks per practice (every computer's)."""
        return practice_counts(self.file)

    def experiment_offer(self) -> Offer | NotSure | None:
        """What the next break offers while an experiment runs; None when none runs."""
        return experiment_offer(self.file)


def _read(file: Path, read: Callable[[sqlite3.Connection], T]) -> T | NotSure:
    """``read`` on the file opened read-only at this version's schema; else ``UNKNOWN``."""
    if not file.is_file():
        return UNKNOWN
    try:
        connection = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return UNKNOWN
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != HEAD_REVISION:
            return UNKNOWN
        return read(connection)
    except (sqlite3.Error, ValueError):
        return UNKNOWN
    finally:
        connection.close()


# The end of this computer's last break, each read from the end of an index (migration 0007),
# so the start does not slow as the history grows; the breaks let go, one fate at a time.
LAST_SESSION_END = "SELECT max(ended_at) FROM sessions WHERE computer = ?"
LAST_LET_GO = "SELECT max(decided_at) FROM prompts WHERE computer = ? AND fate = ?"


def last_break_end(file: Path, computer: str) -> datetime | NotSure | None:
    """The UTC end of this computer's last break; None for none; ``UNKNOWN`` when unsure."""

    def read(connection: sqlite3.Connection) -> datetime | None:
        ends = [
            row[0]
            for row in (
                connection.execute(LAST_SESSION_END, (computer,)).fetchone(),
                *(connection.execute(LAST_LET_GO, (computer, fate)).fetchone() for fate in LET_GO),
            )
            if row is not None and row[0] is not None
        ]
        return max(datetime.fromisoformat(e) for e in ends).replace(tzinfo=UTC) if ends else None

    return _read(file, read)


def left_open(file: Path, computer: str) -> bool | NotSure:
    """Whether this computer's last run left a session or a prompt open (a crash, a power
    cut): then the storage layer tidies them. ``UNKNOWN`` when unsure."""

    def read(connection: sqlite3.Connection) -> bool:
        return any(
            connection.execute(
                f"SELECT 1 FROM {table} WHERE {column} IS NULL AND computer = ? LIMIT 1",
                (computer,),
            ).fetchone()
            for table, column in (("sessions", "outcome"), ("prompts", "fate"))
        )

    return _read(file, read)


# The sessions and check-ins of each practice over the whole history, with the title stored
# with its latest session (as ``stats_queries.practice_counts`` without a range).
COUNTS = """
SELECT s.practice_id,
       (SELECT l.practice_title FROM sessions AS l WHERE l.practice_id = s.practice_id
        ORDER BY l.started_at DESC, l.id DESC LIMIT 1),
       count(s.id),
       sum(CASE WHEN s.outcome = 'completed' THEN 1 ELSE 0 END),
       count(c.id),
       sum(CASE WHEN c.level >= 1 THEN 1 ELSE 0 END),
       sum(CASE WHEN c.level >= 2 THEN 1 ELSE 0 END),
       coalesce(sum(c.level), 0)
FROM sessions AS s LEFT OUTER JOIN checkins AS c ON c.session_id = s.id
GROUP BY s.practice_id ORDER BY s.practice_id
"""


def practice_counts(file: Path) -> list[PracticeCounts] | NotSure:
    """Sessions, check-ins and sparks per practice (every computer's); ``UNKNOWN`` when unsure."""

    # Imported here, as below: the tray shows itself before suggestions are worked out.
    from reconnect.core.spark_stats import counts_of_row

    def read(connection: sqlite3.Connection) -> list[PracticeCounts]:
        return [counts_of_row(row) for row in connection.execute(COUNTS)]

    return _read(file, read)


# The running experiment (as ``ExperimentRepository.running``) and how many breaks it offered.
RUNNING = """
SELECT e.id, e.practice_a, e.practice_b, e.breaks, e.seed, e.started_at,
       (SELECT count(*) FROM prompts AS p WHERE p.experiment_id = e.id)
FROM experiments AS e WHERE e.ended_at IS NULL
ORDER BY e.started_at DESC, e.id DESC LIMIT 1
"""


def experiment_offer(file: Path) -> Offer | NotSure | None:
    """The running experiment's next offer; None when none runs; ``UNKNOWN`` when unsure."""
    from reconnect.core.experiments import Experiment, next_offer

    def read(connection: sqlite3.Connection) -> Offer | None:
        row = connection.execute(RUNNING).fetchone()
        if row is None:
            return None
        identity, a, b, breaks, seed, started, offered = row
        experiment = Experiment(
            id=str(identity),
            practice_a=str(a),
            title_a="",
            practice_b=str(b),
            title_b="",
            breaks=int(breaks),
            seed=int(seed),
            started_at=datetime.fromisoformat(started).replace(tzinfo=UTC),
        )
        return next_offer(experiment, int(offered))

    return _read(file, read)

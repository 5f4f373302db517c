"""Delete all that Reconnect keeps about the person: history, backups, logs, practices, settings.

Plain Python, no Qt. The settings window asks for a typed confirmation before calling it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reconnect.core.i18n import plural
from reconnect.paths import DataPaths
from reconnect.services.outbox import OUTBOX_FILE, SET_ASIDE_FILE

log = logging.getLogger(__name__)

# Small files Reconnect writes for itself in the data folder. The tray's note is
# reconnect.app.windows.NO_TRAY_NOTICE, the dashboard's range services.range_memory.RANGE_MEMORY
# (a test keeps the names the same).
# Small files that remember what the person was told or chose; all of them go with the data.
MARKER_FILES = (
    ".told-about-missing-tray",
    ".dashboard-range",
    ".told-how-to-bring-back",
    ".first-run-done",
    ".told-about-quiet-stretch",
)
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RemovedItem:
    """One kind of data that is gone.

    Attributes:
        what: what it was, in plain words ("your history and check-ins").
        path: where it was.
        files: how many files went with it.
    """

    what: str
    path: Path
    files: int


@dataclass(frozen=True)
class RemovalProblem:
    """Something that is still there, and why.

    Attributes:
        where: a path, or the database's address when it is not a file.
        problem: what stood in the way, in plain words.
    """

    where: str
    problem: str


@dataclass(frozen=True)
class RemovalReport:
    """What ``delete_all_data`` did.

    Attributes:
        removed: each kind of data that was removed, with its files counted.
        problems: what could not be removed (nothing was raised for it).
        left: things in the data folder that Reconnect did not make, left as they were.
    """

    removed: tuple[RemovedItem, ...]
    problems: tuple[RemovalProblem, ...]
    left: tuple[Path, ...] = ()

    @property
    def complete(self) -> bool:
        """Nothing of the person's data is left behind."""
        return not self.problems

    @property
    def files(self) -> int:
        return sum(item.files for item in self.removed)

    def removed_lines(self) -> list[str]:
        """One short sentence per kind of data removed: what, how many files, where."""
        return [_removed_line(item) for item in self.removed]

    def lines(self) -> list[str]:
        """The report as short sentences: what went, what is still there, what was left."""
        lines = self.removed_lines()
        lines += [f"Still there: {p.where} ({p.problem})." for p in self.problems]
        lines += [f"Left as it was, not made by Reconnect: {path}." for path in self.left]
        return lines


def _removed_line(item: RemovedItem) -> str:
    what = item.what[0].upper() + item.what[1:]
    if not item.files:
        return f"{what}: {item.path}."
    return f"{what}: {_files(item.files)}, {item.path}."


def _files(count: int) -> str:
    return plural(count, "1 file", "{count} files")


def delete_all_data(paths: DataPaths, close_database: Callable[[], None]) -> RemovalReport:
    """Remove the person's data from this computer; whatever can't be removed is reported.

    Removes the history database (with its ``-wal``, ``-shm`` and ``-journal`` files), the
    backups folder, the log files, the person's own practices folder and the settings file
    (with settings files set aside as broken), then the data folder itself once it is empty.

    Args:
        paths: the data folder and database.
        close_database: lets go of the open database first (the engine's connections).

    Returns:
        What was removed (paths and file counts), and what is still there and why.
    """
    try:
        close_database()
    except Exception as error:  # the files go anyway; an open handle doesn't keep them
        log.warning("the database could not be closed before removing it: %s", error)

    removal = _Removal()
    database = database_file(paths)
    if database is None:
        removal.problems.append(
            RemovalProblem(
                _address(paths.database_url),
                "your history is kept by a database server, not in a file here; remove it "
                "with that server's own tools",
            )
        )
    else:
        removal.files(
            "your history and check-ins",
            database,
            [database, *(database.with_name(database.name + s) for s in SQLITE_SIDE_FILES)],
        )
    removal.files(
        "check-ins kept for the shared history while it was out of reach",
        paths.root / OUTBOX_FILE,
        [paths.root / OUTBOX_FILE, paths.root / SET_ASIDE_FILE],
    )
    removal.tree("the backups of your history", paths.backups)
    removal.tree("the log files", paths.logs)
    removal.tree("your own practices", paths.own_practices)
    root = paths.root
    removal.files(
        "your settings",
        paths.settings_file,
        [
            paths.settings_file,
            *_glob(root, "settings.broken-*.json"),
            *_glob(root, ".settings.*.part"),
            *(root / name for name in MARKER_FILES),
        ],
    )
    left = removal.data_folder(root)
    return RemovalReport(tuple(removal.removed), tuple(removal.problems), left)


def database_file(paths: DataPaths) -> Path | None:
    """The SQLite file that holds the history; None when it is not a file (a server)."""
    if not paths.database_url.startswith("sqlite:///"):
        return None
    name = paths.database_url.removeprefix("sqlite:///")
    return None if name in ("", ":memory:") else Path(name)


def _address(url: str) -> str:
    # Never show a password: the scheme and what follows the '@'.
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rsplit('@', 1)[-1]}"


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern))
    except OSError:
        return []


class _Removal:
    """Collects what went and what stayed while the parts are removed one by one."""

    def __init__(self) -> None:
        self.removed: list[RemovedItem] = []
        self.problems: list[RemovalProblem] = []

    def _unlink(self, path: Path) -> bool:
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        except OSError as error:
            self.problems.append(RemovalProblem(str(path), _reason(error)))
            return False
        return True

    def files(self, what: str, shown: Path, files: Iterable[Path]) -> None:
        count = sum(self._unlink(path) for path in dict.fromkeys(files))
        if count:
            self.removed.append(RemovedItem(what, shown, count))

    def tree(self, what: str, folder: Path) -> None:
        """Remove a folder and everything in it; a link is removed, never followed."""
        if folder.is_symlink() or folder.is_file():
            if self._unlink(folder):
                self.removed.append(RemovedItem(what, folder, 1))
            return
        if not folder.exists():
            return
        count = 0

        def unreadable(error: OSError) -> None:
            self.problems.append(RemovalProblem(str(error.filename or folder), _reason(error)))

        for top, dirs, names in os.walk(folder, topdown=False, onerror=unreadable):
            base = Path(top)
            for name in names:
                count += self._unlink(base / name)
            for name in dirs:
                if (base / name).is_symlink():
                    count += self._unlink(base / name)
                else:
                    self._rmdir(base / name)
        self._rmdir(folder)
        if count or not folder.exists():
            self.removed.append(RemovedItem(what, folder, count))

    def _rmdir(self, folder: Path) -> None:
        try:
            folder.rmdir()
        except FileNotFoundError:
            pass
        except OSError as error:
            # A folder that is not empty holds a file already reported above.
            if not any(p.where.startswith(f"{folder}{os.sep}") for p in self.problems):
                self.problems.append(RemovalProblem(str(folder), _reason(error)))

    def data_folder(self, root: Path) -> tuple[Path, ...]:
        """Remove the data folder once it is empty; anything else in it is left and named."""
        try:
            left = tuple(sorted(root.iterdir()))
        except FileNotFoundError:
            return ()
        except OSError as error:
            self.problems.append(RemovalProblem(str(root), _reason(error)))
            return ()
        problem_paths = {p.where for p in self.problems}
        left = tuple(
            p for p in left if str(p) not in problem_paths and not _holds(p, problem_paths)
        )
        if not left and not any(p.startswith(f"{root}{os.sep}") for p in problem_paths):
            try:
                root.rmdir()
            except OSError as error:
                self.problems.append(RemovalProblem(str(root), _reason(error)))
            else:
                self.removed.append(RemovedItem("the data folder, now empty", root, 0))
        return left


def _holds(folder: Path, paths: set[str]) -> bool:
    return any(p.startswith(f"{folder}{os.sep}") for p in paths)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)

"""The context of one run: paths, clock, pace, practice library and database, made on first use.

Nothing here runs at import time; ``build`` is called once by the entry point.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect.core.clock import Clock, SystemClock
from reconnect.core.library import Library
from reconnect.core.pace import REAL_TIME, Pace
from reconnect.paths import (
    DATABASE_URL_VARIABLE,
    DataPaths,
    illustrations_dir,
    practices_dir,
    resolve_data_paths,
)

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from reconnect.services.experiments import Experiments
    from reconnect.storage.database import Database


@dataclass
class Context:
    """What one run of Reconnect works with. Expensive parts are made on first use.

    Attributes:
        paths: the data folder and database URL.
        clock: where "now" comes from.
        environ: the environment this run was given (the process's, unless a test chose one).
        pace: how many times faster breaks and practices run (``RECONNECT_TEST_SPEED``, for
            tests and benchmarks only); real time otherwise.
    """

    paths: DataPaths
    clock: Clock
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    pace: Pace = REAL_TIME
    _database: Database | None = field(default=None, init=False, repr=False)

    @cached_property
    def library(self) -> Library:
        """The practices; their files are read the first time anything is asked of it."""
        return Library.deferred(self._load_library)

    def reload_library(self) -> Library:
        """Read the practice files again, into the same library object everyone holds."""
        fresh = self._load_library()
        self.library.replace_with(fresh)
        return self.library

    def _load_library(self) -> Library:
        # Imported here: the files (and the TOML reader) are read once the tray shows.
        from reconnect.core.practice_loader import load_library

        pictures = illustrations_dir()
        return load_library(
            practices_dir(),
            own_dir=self.own_practices_dir(),
            illustration_exists=lambda name: (pictures / f"{name}.svg").is_file(),
        )

    def own_practices_dir(self) -> Path:
        """The person's own practices: the folder chosen in settings, else the data folder's."""
        from reconnect.settings_store import SettingsFile

        chosen = str(SettingsFile(self.paths.settings_file).peek("practices.own_folder")).strip()
        return Path(chosen).expanduser() if chosen else self.paths.own_practices

    def database(self) -> Database:
        """The open, migrated database.

        Raises:
            DatabaseProblem: it can't be used; nothing was changed.
            DataFolderError: the data folder can't be created.
        """
        if self._database is None:
            # Imported here: commands that never touch the database start faster.
            from reconnect.storage.database import open_database

            self._database = open_database(
                self.paths, now=self.clock.now(), computer=self.computer_name()
            )
        return self._database

    def experiments(self) -> Experiments:
        """Comparing two practices (``services.experiments``), on the open database.

        Raises:
            DatabaseProblem: the database can't be used.
        """
        from reconnect.services.experiments import Experiments

        return Experiments(self.database().session_factory, self.clock, self.library)

    def computer_name(self) -> str:
        """This computer's name in a shared history (``sync.computer_name``)."""
        from reconnect.settings_store import SettingsFile

        return str(SettingsFile(self.paths.settings_file).peek("sync.computer_name"))

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def build(
    data_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> Context:
    """Assemble a context from the command line's choices and the environment.

    The database is ``RECONNECT_DATABASE_URL`` when set, else the ``sync.database_url``
    setting, else the file in the data folder.

    Raises:
        InputError: ``RECONNECT_TEST_SPEED`` is set to something other than a whole number
            of 1 or more.
    """
    environ = os.environ if environ is None else environ
    pace = Pace.from_environ(environ)  # the one place it is read
    paths = resolve_data_paths(data_dir, environ)
    if not environ.get(DATABASE_URL_VARIABLE):
        from reconnect.settings_store import SettingsFile

        chosen = str(SettingsFile(paths.settings_file).peek("sync.database_url"))
        if chosen:
            paths = replace(paths, database_url=chosen)
    return Context(paths=paths, clock=clock or SystemClock(), environ=environ, pace=pace)

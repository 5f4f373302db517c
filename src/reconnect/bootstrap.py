"""The composition root: builds the clock, paths, library and database, and hands them out.

Nothing here runs at import time; ``build`` is called once by the entry point.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from reconnect.core.clock import Clock, SystemClock
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import Library
from reconnect.paths import DataPaths, illustrations_dir, practices_dir, resolve_data_paths
from reconnect.storage.database import Database, open_database


@dataclass
class Context:
    """What one run of Reconnect works with. Expensive parts are made on first use.

    Attributes:
        paths: the data folder and database URL.
        clock: where "now" comes from.
    """

    paths: DataPaths
    clock: Clock
    _database: Database | None = field(default=None, init=False, repr=False)

    @cached_property
    def library(self) -> Library:
        pictures = illustrations_dir()
        return load_library(
            practices_dir(),
            own_dir=self.paths.own_practices,
            illustration_exists=lambda name: (pictures / f"{name}.svg").is_file(),
        )

    def database(self) -> Database:
        """The open, migrated database.

        Raises:
            DatabaseProblem: it can't be used; nothing was changed.
            DataFolderError: the data folder can't be created.
        """
        if self._database is None:
            self._database = open_database(self.paths, now=self.clock.now())
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def build(
    data_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> Context:
    """Assemble a context from the command line's choices and the environment."""
    paths = resolve_data_paths(data_dir, os.environ if environ is None else environ)
    return Context(paths=paths, clock=clock or SystemClock())

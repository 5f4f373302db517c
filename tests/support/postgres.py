"""A real PostgreSQL server for the tests, and the fixtures that run a test on both databases.

The server is Debian's ``postgresql`` package (``scripts/setup`` installs it): a data folder and
a Unix socket in a temporary folder, no TCP at all (``listen_addresses=''``), started once per
test run on first use and removed at the end. initdb and pg_ctl refuse to run as root, so as
root they run as the ``postgres`` user the package makes. Each test gets a database of its own,
copied from a template that already has Reconnect's tables, so it starts in about 50 ms.

A module marked ``pytestmark = pytest.mark.both_databases`` runs each of its tests twice,
``[sqlite]`` and ``[postgresql]``, through ``database_environ`` (the environment that
chooses the database: empty for SQLite in the data folder, ``RECONNECT_DATABASE_URL`` for a
fresh PostgreSQL database), or directly through ``database_backend``. The PostgreSQL runs
are skipped, saying why, only when the server is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
TEMPLATE = "reconnect_template"


class PostgresUnavailable(Exception):
    """The server's programs are not installed; the message says what to install."""


def find_binaries() -> Path:
    """The folder with initdb and pg_ctl: Debian's newest, else the ones on PATH.

    Raises:
        PostgresUnavailable: none are installed.
    """
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "PostgreSQL is not installed here (no initdb in /usr/lib/postgresql/*/bin or on PATH); "
        "scripts/setup installs Debian's postgresql package"
    )


class PostgresServer:
    """One throwaway server: ``start``, make databases, ``stop``/``start`` again, ``remove``."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="reconnect-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            # The package's user; initdb won't run as root.
            self._as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, user="postgres")
        self._admin: Engine | None = None
        self._template_ready = False

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [*self._as_user, *command], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                f"\n{log}"
            )

    def initialise(self) -> PostgresServer:
        self._run(
            str(self.binaries / "initdb"),
            "--pgdata", str(self.data),
            "--username", "postgres",
            "--auth", "trust",
            "--encoding", "UTF8",
            # Code point order like SQLite, and lower() that folds every letter.
            "--locale", "C.UTF-8",
            "--no-sync",
        )  # fmt: skip
        return self

    def start(self) -> PostgresServer:
        # fsync off is safe for tests; synchronous_commit stays on, since a test stops the
        # server as a crash would, and what was committed must survive that.
        options = (
            f"-c listen_addresses='' -k {self.folder} -c fsync=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        self._run(
            str(self.binaries / "pg_ctl"),
            "--pgdata", str(self.data),
            "--log", str(self.log),
            "--options", options,
            "--wait", "start",
        )  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``immediate`` is a crash, as when its machine loses power."""
        if self._admin is not None:
            self._admin.dispose()
        self._run(
            str(self.binaries / "pg_ctl"), "--pgdata", str(self.data), "--mode", mode,
            "--wait", "stop",
        )  # fmt: skip

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def remove(self) -> None:
        try:
            if self.is_running():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, password: str | None = None) -> str:
        """The SQLAlchemy address of a database, over the Unix socket."""
        user = f"postgres:{password}" if password else "postgres"
        return f"postgresql+psycopg://{user}@/{database}?host={self.folder}"

    @property
    def admin(self) -> Engine:
        if self._admin is None:
            self._admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        return self._admin

    def create_database(self, migrated: bool = True) -> str:
        """A new database of its own; with Reconnect's tables already made unless not
        ``migrated``. Returns its address."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        if migrated:
            self._make_template()
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        else:
            self._execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _make_template(self) -> None:
        if self._template_ready:
            return
        from reconnect.paths import DataPaths
        from reconnect.storage.database import open_database

        self._execute(f'CREATE DATABASE "{TEMPLATE}"')
        folder = Path(tempfile.mkdtemp(prefix="reconnect-pg-template-"))
        try:
            open_database(DataPaths(folder, self.url(TEMPLATE)), computer="template").close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self._template_ready = True

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The run's PostgreSQL server, started on first use; skipped when not installed."""
    try:
        binaries = find_binaries()
    except PostgresUnavailable as error:
        pytest.skip(str(error))
    server = PostgresServer(binaries)
    try:
        server.initialise().start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def database_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``; ``both_databases`` modules get each in turn."""
    return str(getattr(request, "param", SQLITE))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run ``both_databases`` tests on each; ``both_databases(sqlite_only="why")`` on a test
    keeps it to SQLite (say, one about the SQLite file itself)."""
    marker = metafunc.definition.get_closest_marker("both_databases")
    if "database_backend" in metafunc.fixturenames and marker is not None:
        backends = [SQLITE] if marker.kwargs.get("sqlite_only") else [SQLITE, POSTGRESQL]
        metafunc.parametrize("database_backend", backends, indirect=True)


@pytest.fixture
def new_database_environ(
    request: pytest.FixtureRequest, database_backend: str
) -> Callable[[], dict[str, str]]:
    """Makes the environment of another, empty history on the test's kind of database.

    For SQLite that is the data folder's own file, so give each its own data folder.
    """

    def make() -> dict[str, str]:
        if database_backend == SQLITE:
            return {}
        server: PostgresServer = request.getfixturevalue("postgres")
        return {"RECONNECT_DATABASE_URL": server.create_database()}

    return make


@pytest.fixture
def database_environ(new_database_environ: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The environment that chooses the test's database (see the module's docstring)."""
    return new_database_environ()

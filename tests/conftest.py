"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.clock import FakeClock
from tests.support.desktop import DesktopUnavailable, VirtualDesktop
from tests.support.network_guard import NetworkGuard

# The PostgreSQL server and the fixtures that run a test on SQLite and on PostgreSQL.
pytest_plugins = ("tests.support.postgres", "tests.support.pulse")

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="session", autouse=True)
def network_guard() -> Iterator[NetworkGuard]:
    """Reconnect never uses the network: an Internet socket in this process is refused."""
    guard = NetworkGuard()
    with guard.installed():
        yield guard


@pytest.fixture(autouse=True)
def no_network(network_guard: NetworkGuard) -> Iterator[None]:
    """Fail the test that tried, even if the code under test caught the refusal."""
    before = len(network_guard.attempts)
    yield
    tried = network_guard.attempts[before:]
    if tried:
        pytest.fail("Reconnect used the network:\n" + "\n".join(tried), pytrace=False)


@pytest.fixture
def clock() -> FakeClock:
    """A Tuesday afternoon in Berlin."""
    return FakeClock(datetime(2026, 11, 17, 14, 30, tzinfo=BERLIN))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    data_dir: Path, clock: FakeClock, database_environ: dict[str, str]
) -> Callable[..., CliResult]:
    """Run ``reconnect`` in this process with its own data folder and the fake clock.

    The database is the data folder's SQLite file, or in ``both_databases`` modules a
    PostgreSQL database of the test's own (``database_environ``).
    """
    from reconnect.cli.main import main

    def run(*args: str, environ: dict[str, str] | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        env = {"RECONNECT_DATA_DIR": str(data_dir), **database_environ, **(environ or {})}
        code = main(list(args), environ=env, clock=clock, stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


# --- the virtual desktop -------------------------------------------------------------------

_desktop: VirtualDesktop | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Give the whole run its own X display and session bus before any Qt code starts."""
    global _desktop
    if os.environ.get("RECONNECT_TESTS_OWN_DISPLAY") == "0":
        return  # a developer chose to watch the tests on their own display
    try:
        _desktop = VirtualDesktop().start()
    except DesktopUnavailable as error:
        raise pytest.UsageError(f"the tests need a virtual display: {error}") from error
    os.environ.update(_desktop.environment())


def pytest_unconfigure(config: pytest.Config) -> None:
    if _desktop is not None:
        _desktop.stop()


@pytest.fixture(scope="session")
def desktop() -> VirtualDesktop:
    if _desktop is None:
        pytest.skip("RECONNECT_TESTS_OWN_DISPLAY=0: tests that control the desktop are skipped")
    return _desktop


@pytest.fixture
def with_tray(desktop: VirtualDesktop) -> VirtualDesktop:
    """A desktop with a system tray host (trayer)."""
    desktop.start_tray()
    return desktop


@pytest.fixture
def without_tray(desktop: VirtualDesktop) -> VirtualDesktop:
    """A desktop where nothing hosts a system tray."""
    desktop.stop_tray()
    return desktop

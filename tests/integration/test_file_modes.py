"""Everything Reconnect writes is readable only by the person: files 0600, folders 0700.

A typical run touches every kind of file: the database (with its write-ahead log), settings, a
daily backup and a restore, the log, an own practice, the markers, and exports made from the
command line and from the dashboard. Each is checked under the usual umask and under none.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reconnect.app import bootstrap
from reconnect.app import tray as app_tray
from reconnect.core.clock import FakeClock
from reconnect.core.practice_writer import practice_to_toml
from reconnect.core.sessions import Moment
from reconnect.desktop.crash_log import open_log
from reconnect.paths import write_private
from reconnect.services.dashboard import QUIET_NOTE_MARKER, QuietNoteMarker
from reconnect.services.history import export
from reconnect.ui.care.first_run import mark_first_run_done
from reconnect.ui.settings.practice_files import write_private_file
from tests.conftest import CliResult


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The umask of the run: with 000, a file made without an explicit mode is open to all."""
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def not_private(root: Path) -> list[str]:
    wrong = [] if mode(root) == 0o700 else [f"{root}: {mode(root):o}"]
    for path in sorted(root.rglob("*")):
        expected = 0o700 if path.is_dir() else 0o600
        if not path.is_symlink() and mode(path) != expected:
            wrong.append(f"{path.relative_to(root)}: {mode(path):o}")
    return wrong


def test_a_typical_run_leaves_only_private_files(
    umask: int,
    cli: Callable[..., CliResult],
    data_dir: Path,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()

    # The command line: a check-in, settings, exports, a backup restored.
    done = cli("log", "hand-on-heart", "--spark", "2", "--note", "warm", "--feeling", "calm")
    assert done.code == 0, done.err
    assert cli("settings", "set", "rhythm.interval_minutes", "45").code == 0
    assert cli("export", "-o", str(exports / "history.csv")).code == 0
    assert cli("export", "-o", str(exports / "history.json")).code == 0

    context = bootstrap.build(str(data_dir), {}, clock)
    try:
        app_tray.take_daily_backup(context)
        # What the running app writes: its log, markers, an own practice, a dashboard export.
        app_log = open_log(context.paths.logs)
        try:
            logging.getLogger("reconnect.test").warning("a line in the log")
        finally:
            app_log.close()
        mark_first_run_done(data_dir)
        QuietNoteMarker(data_dir / QUIET_NOTE_MARKER).told(clock.now().date())
        practice = context.library.get("hand-on-heart")
        assert practice is not None
        write_private_file(
            context.own_practices_dir(),
            "my-hands.toml",
            practice_to_toml(practice).replace('"hand-on-heart"', '"my-hands"'),
        )
        factory = context.database().session_factory
        write_private(
            exports / "from-dashboard.json",
            export(factory, "json", Moment.of(clock.now()), "t").encode(),
        )
    finally:
        context.close()
    (backup,) = sorted((data_dir / "backups").glob("daily-*.db"))
    restored = cli("restore", str(backup), "--yes")
    assert restored.code == 0, restored.err
    assert cli("history").code == 0  # opens the restored database, with its WAL

    made = {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")}
    assert {
        "reconnect.db",
        "settings.json",
        "logs/reconnect.log",
        "practices/my-hands.toml",
    } <= made
    assert any(name.startswith("backups/before-restore") for name in made)
    assert not_private(data_dir) == []
    assert {p.name: mode(p) for p in exports.iterdir()} == {
        "history.csv": 0o600,
        "history.json": 0o600,
        "from-dashboard.json": 0o600,
    }


def test_an_existing_folder_open_to_others_is_closed(
    umask: int, cli: Callable[..., CliResult], data_dir: Path
) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    assert cli("history").code == 0
    assert mode(data_dir) == 0o700

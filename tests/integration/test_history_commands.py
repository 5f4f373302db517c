"""``reconnect history`` and ``export -o``: the words of the table, the file written, and what
is said when the history can't be read or the file can't be written."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.outcome_words import outcome_word
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.services import history
from reconnect.storage import problems
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def test_the_table_says_how_each_session_ended_as_the_dashboard_does(
    cli: Cli, data_dir: Path, clock: FakeClock
) -> None:
    outcomes: list[Outcome | None] = [*Outcome, None]
    context = bootstrap.build(str(data_dir), {}, clock)
    try:
        for minutes, outcome in enumerate(outcomes):
            started = Moment.of(clock.now() - timedelta(hours=1, minutes=minutes))
            ended = None if outcome is None else Moment.of(started.local + timedelta(minutes=3))
            moment = BreakSession(
                new_id(), "sunlight", "Sunlight", Trigger.TRAY, started, ended, outcome
            )
            history.record(context.database().session_factory, moment)
    finally:
        context.close()
    result = cli("history")
    assert result.code == 0, result.err
    header, *rows = result.out.splitlines()
    start = header.index("ENDED")
    said = [row[start:].split("  ")[0] for row in rows]  # newest first, as stored above
    assert said == [outcome_word(outcome) for outcome in outcomes]
    assert "not seen" in said and "missed" not in result.out


def part_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_an_export_is_private_and_leaves_nothing_else(cli: Cli, tmp_path: Path) -> None:
    cli("log", "hand-on-heart", "--spark", "2")
    file = tmp_path / "out" / "history.json"
    file.parent.mkdir()
    result = cli("export", "-o", str(file))
    assert result == CliResult(0, f"Your history is in {file} (JSON, readable only by you).\n", "")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert [p.name for p in file.parent.iterdir()] == ["history.json"]


def test_an_export_to_a_missing_folder_names_the_folder(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    result = cli("export", "-o", str(folder / "history.json"))
    assert result == CliResult(
        2, "", f"reconnect export: could not write in {folder} (No such file or directory)\n"
    )


def test_an_export_over_a_folder_names_the_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    result = cli("export", "-o", str(target), "--force")
    assert result == CliResult(
        2, "", f"reconnect export: could not write {target} (Is a directory)\n"
    )
    assert part_files(tmp_path) == []


def test_an_export_the_disk_refuses_keeps_the_old_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "history.json"
    file.write_text("the export of last week")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = cli("export", "-o", str(file), "--force")
    assert result == CliResult(
        2, "", f"reconnect export: could not write {file} (No space left on device)\n"
    )
    assert file.read_text() == "the export of last week"
    assert part_files(tmp_path) == []


def test_an_interrupted_export_leaves_no_half_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # Ctrl+C while the file is being written

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli("export", "-o", str(tmp_path / "history.csv"))
    assert list(tmp_path.glob("*history.csv*")) == []


@pytest.mark.parametrize("args", [("history",), ("history", "--json"), ("export",)])
def test_a_history_that_cant_be_read_is_said_as_a_read(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    def disk_error(*_args: object) -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(history, "recent", disk_error)
    monkeypatch.setattr(history, "export", disk_error)
    result = cli(*args)
    assert result == CliResult(1, "", f"reconnect: {problems.DISK_ERROR_READING}\n")
    assert "while your history was read" in result.err

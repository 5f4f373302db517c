"""The command line counts in words a person reads: "1 session", not "1 sessions"; ids as words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def test_one_imported_session_is_said_in_the_singular(cli: Cli, tmp_path: Path) -> None:
    assert cli("log", "sunlight", "--spark", "1").code == 0
    file = tmp_path / "one.json"
    assert cli("export", "--format", "json", "-o", str(file)).code == 0
    other = {"RECONNECT_DATA_DIR": str(tmp_path / "other")}
    imported = cli("import", str(file), environ=other)
    assert imported.code == 0, imported.err
    assert "Imported 1 session (1 with a check-in)." in imported.out
    again = cli("import", str(file), environ=other)
    assert "1 was already here and was left as it is" in again.out


def test_the_history_names_body_areas_in_words(cli: Cli) -> None:
    assert cli("log", "sunlight", "--spark", "2", "--body", "whole-body").code == 0
    listed = cli("history")
    assert listed.code == 0, listed.err
    assert "whole body" in listed.out and "whole-body" not in listed.out


def test_migrate_to_counts_one_of_each_in_the_singular(cli: Cli, tmp_path: Path) -> None:
    assert cli("log", "sunlight", "--spark", "1", "--body", "chest").code == 0
    copied = cli("migrate-to", f"sqlite:///{tmp_path / 'copy.db'}")
    assert copied.code == 0, copied.err
    assert "1 session, 1 check-in, 1 body area or feeling word, 0 prompts" in copied.out

"""The command line against a real data folder: what a person types and what they see.

Each test runs on the data folder's SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reconnect.storage.revision import HEAD_REVISION
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
NewEnviron = Callable[[], dict[str, str]]

pytestmark = pytest.mark.both_databases


def db_counts(data_dir: Path, environ: dict[str, str]) -> tuple[int, int] | None:
    """Sessions and check-ins in the history; None when it was never made."""
    url = environ.get("RECONNECT_DATABASE_URL")
    if url is None:
        if not (data_dir / "reconnect.db").exists():
            return None
        url = f"sqlite:///{data_dir / 'reconnect.db'}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if not engine.dialect.has_table(connection, "sessions"):
                return None
            sessions = connection.execute(text("SELECT count(*) FROM sessions")).scalar_one()
            checkins = connection.execute(text("SELECT count(*) FROM checkins")).scalar_one()
    finally:
        engine.dispose()
    return sessions, checkins


def other_history(tmp_path: Path, name: str, new_database_environ: NewEnviron) -> dict[str, str]:
    """The environment of a second, empty history: its own data folder and database."""
    return {"RECONNECT_DATA_DIR": str(tmp_path / name), **new_database_environ()}


def test_version(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        cli("--version")
    assert leaving.value.code == 0
    assert capsys.readouterr().out.startswith("reconnect 0.")


def test_practices_lists_the_library(cli: Cli) -> None:
    result = cli("practices")
    assert result.code == 0
    assert result.out.splitlines()[0].split() == ["ID", "TITLE", "MIN", "SENSES"]
    assert "hand-on-heart" in result.out
    assert result.err == ""


def test_practices_as_json(cli: Cli) -> None:
    result = cli("practices", "--json")
    practices = json.loads(result.out)
    assert len(practices) >= 16
    heart = next(p for p in practices if p["id"] == "hand-on-heart")
    assert set(heart) >= {"id", "title", "senses", "minutes"}
    assert "touch" in heart["senses"]


def test_a_broken_own_practice_is_named_and_the_rest_still_load(cli: Cli, data_dir: Path) -> None:
    own = data_dir / "practices"
    own.mkdir(parents=True)
    (own / "mine.toml").write_text('id = "mine"\ntitle = "Mine"\n', encoding="utf-8")
    result = cli("practices", "--json")
    assert result.code == 0
    assert len(json.loads(result.out)) >= 16
    assert "mine.toml: summary: is missing" in result.err


def test_log_then_history_shows_the_entry(cli: Cli, data_dir: Path) -> None:
    logged = cli(
        "log",
        "hand-on-heart",
        "--spark",
        "2",
        "--body",
        "chest",
        "hands",
        "--feeling",
        "warmth",
        "--note",
        "warm under my palm",
        "--at",
        "14:10",
    )
    assert logged.code == 0, logged.err
    assert "Hand on heart" in logged.out and "a spark" in logged.out
    history = json.loads(cli("history", "--json").out)
    assert len(history) == 1
    entry = history[0]
    assert entry["practice_id"] == "hand-on-heart"
    assert entry["trigger"] == "logged"
    assert entry["outcome"] == "completed"
    assert entry["ended_at"] == "2026-11-17T14:10:00+01:00"
    assert entry["checkin"]["level"] == 2
    assert entry["checkin"]["body_areas"] == ["chest", "hands"]
    assert entry["checkin"]["feelings"] == ["warmth"]
    assert entry["checkin"]["note"] == "warm under my palm"
    table = cli("history").out
    assert "Hand on heart" in table and "a spark" in table and "warmth" in table


def test_nothing_is_a_valid_answer(cli: Cli) -> None:
    result = cli("log", "sunlight", "--spark", "0")
    assert result.code == 0
    assert "noticing that counts too" in result.out


def test_an_empty_history_says_what_will_appear(cli: Cli) -> None:
    result = cli("history")
    assert result.code == 0
    assert "Nothing here yet" in result.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("log", "hand-on-hart", "--spark", "1"), "Did you mean hand-on-heart?"),
        (("log", "hand-on-heart", "--spark", "5"), "0 nothing, 1 a flicker, 2 a spark, 3 a glow"),
        (("log", "hand-on-heart", "--spark", "two"), "the spark level is 0, 1, 2 or 3"),
        (("log", "hand-on-heart"), "--spark"),
        (("log", "hand-on-heart", "--spark", "1", "--body", "elbow"), "not a body area"),
        (("log", "hand-on-heart", "--spark", "1", "--at", "tomorrow"), "--at takes a time"),
        (("log", "hand-on-heart", "--spark", "1", "--at", "2030-01-01T10:00"), "in the future"),
        (("history", "--limit", "0"), "--limit takes a whole number"),
        (("import", "/nonexistent/file.json"), "could not read /nonexistent/file.json"),
        (("export", "--format", "xml"), "invalid choice"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_wrong_input_is_refused_in_one_line_and_nothing_is_written(
    cli: Cli, data_dir: Path, database_environ: dict[str, str], args: tuple[str, ...], words: str
) -> None:
    result = cli(*args)
    assert result.code == 2
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert result.out == ""
    assert db_counts(data_dir, database_environ) in (None, (0, 0))


def test_export_and_import_rebuild_the_same_history(
    cli: Cli, tmp_path: Path, new_database_environ: NewEnviron
) -> None:
    cli(
        "log", "hand-on-heart", "--spark", "3", "--feeling", "joy", "--note", 'line one\nline "two"'
    )
    cli("log", "sunlight", "--spark", "0", "--at", "2026-11-16T12:00")
    cli("log", "neck-shoulder-stretch", "--spark", "1", "--body", "whole body")
    before = json.loads(cli("history", "--json").out)
    for fmt in ("json", "csv"):
        file = tmp_path / f"history.{fmt}"
        exported = cli("export", "--format", fmt, "-o", str(file))
        assert exported.code == 0, exported.err
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        other = other_history(tmp_path, f"other-{fmt}", new_database_environ)
        imported = cli("import", str(file), environ=other)
        assert imported.code == 0, imported.err
        assert "Imported 3 sessions (3 with check-ins)" in imported.out
        after = json.loads(cli("history", "--json", environ=other).out)
        assert after == before
        again = cli("import", str(file), environ=other)
        assert "Imported 0 sessions" in again.out and "3 were already here" in again.out
        assert db_counts(Path(other["RECONNECT_DATA_DIR"]), other) == (3, 3)


def test_export_to_the_screen_and_refusing_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    cli("log", "hand-on-heart", "--spark", "1")
    printed = cli("export")
    assert json.loads(printed.out)["format"] == "reconnect-history"
    assert cli("export", "--format", "csv").out.startswith("session_id,practice_id")
    file = tmp_path / "mine.json"
    file.write_text("precious")
    refused = cli("export", "-o", str(file))
    assert refused.code == 2 and "already exists" in refused.err
    assert file.read_text() == "precious"
    assert cli("export", "-o", str(file), "--force").code == 0
    assert json.loads(file.read_text())["sessions"]


def test_a_bad_import_names_its_lines_and_writes_nothing(
    cli: Cli, tmp_path: Path, new_database_environ: NewEnviron
) -> None:
    cli("log", "hand-on-heart", "--spark", "1")
    cli("log", "sunlight", "--spark", "2")
    file = tmp_path / "history.csv"
    assert cli("export", "-o", str(file)).code == 0
    lines = file.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if ",sunlight," in line)
    assert ",2," in lines[row]
    lines[row] = lines[row].replace(",2,", ",7,")  # the spark level
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = other_history(tmp_path, "other", new_database_environ)
    result = cli("import", str(broken), environ=other)
    assert result.code == 2
    assert "nothing was imported" in result.err
    assert f"line {row + 1}: " in result.err and "spark_level" in result.err
    assert db_counts(Path(other["RECONNECT_DATA_DIR"]), other) in (None, (0, 0))


def test_doctor_reports_a_healthy_folder(cli: Cli, database_backend: str) -> None:
    cli("log", "hand-on-heart", "--spark", "1")
    result = cli("doctor")
    assert f"schema {HEAD_REVISION}, up to date; 1 session, 1 check-in" in result.out
    lines = {
        line.split()[1]: line
        for line in result.out.splitlines()[1:]
        if line.strip()[:2] in ("ok", "!!")
    }
    # The integrity check is SQLite's own; a server looks after its files itself.
    topics = ("data", "database", "practices")
    for topic in (*topics, "integrity") if database_backend == "sqlite" else topics:
        assert lines[topic].strip().startswith("ok"), lines[topic]
    for topic in ("system", "notifications", "idle", "sound"):
        assert topic in lines  # the desktop is checked too, each with what to do


def test_doctor_names_a_broken_practice_file(cli: Cli, data_dir: Path) -> None:
    (data_dir / "practices").mkdir(parents=True)
    (data_dir / "practices" / "oops.toml").write_text("id = ", encoding="utf-8")
    result = cli("doctor")
    assert result.code == 1
    assert "oops.toml" in result.out and "not valid TOML" in result.out


@pytest.mark.both_databases(sqlite_only="a damaged file is SQLite's own trouble")
def test_a_corrupt_database_is_explained_and_kept(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    file = data_dir / "reconnect.db"
    file.write_bytes(b"not a database at all" * 100)
    for args in (("history",), ("log", "sunlight", "--spark", "1"), ("doctor",)):
        result = cli(*args)
        assert result.code == 1
        shown = result.err + result.out
        assert str(file) in shown and "left exactly as it is" in shown
    assert file.read_bytes() == b"not a database at all" * 100


def test_stats_from_the_command_line(cli: Cli) -> None:
    empty = cli("stats")
    assert empty.code == 0
    cli("log", "hand-on-heart", "--spark", "2")
    cli("log", "hand-on-heart", "--spark", "0")
    cli("log", "sunlight", "--spark", "1")
    report = json.loads(cli("stats", "--json").out)
    # The usual rate is pulled towards one half while check-ins are few: (2 + 1) / (3 + 2).
    assert report["overall"] == {
        "checkins": 3,
        "sparks": 2,
        "spark_rate": 2 / 3,
        "usual_rate": pytest.approx(0.6),
        "prior_mean": pytest.approx(0.6),  # too few check-ins to compare practices
        "prior_strength": 4,
    }
    assert report["range"] == {"since": "2026-11-17", "until": "2026-11-17"}
    assert {p["id"] for p in report["practices"]} == {"hand-on-heart", "sunlight"}
    table = cli("stats").out
    assert "Hand on heart" in table
    assert "Too early to tell" in table and "LIKELY RANGE" not in table
    assert cli("stats", "--since", "2026-12-01", "--until", "2026-11-01").code == 2


def test_a_plain_start_skips_the_commands_parsers() -> None:
    from reconnect.cli.main import _tray_arguments

    assert _tray_arguments([]) is not None
    started = _tray_arguments(["--data-dir", "/tmp/x"])
    assert started is not None and started.data_dir == "/tmp/x" and started.command is None
    assert _tray_arguments(["--data-dir=/tmp/y"]).data_dir == "/tmp/y"  # type: ignore[union-attr]
    for other in (["status"], ["--version"], ["-h"], ["--data-dir"], ["--data-dir", "x", "log"]):
        assert _tray_arguments(other) is None, other


# --- away from a desktop, and into a pipe (issue 15, items 2 and 10) ----------------------


def plain_console(data_dir: Path) -> dict[str, str]:
    """The environment of a login over SSH or on a text console: no display of any kind."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONNECT_")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return {**env, "RECONNECT_DATA_DIR": str(data_dir)}


def reconnect(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconnect", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("args", [(), ("dashboard",)], ids=["start", "dashboard"])
def test_without_a_display_starting_says_so_in_one_line(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    done = reconnect(plain_console(tmp_path / "data"), *args)
    assert done.returncode == 1  # not killed by SIGABRT (-6)
    assert done.stderr == (
        "reconnect: no graphical session was found (no DISPLAY or WAYLAND_DISPLAY). Start "
        "Reconnect from your desktop session, or log in to one first; 'reconnect doctor' says "
        "more.\n"
    )
    assert "xcb" not in done.stderr and done.stdout == ""
    assert not (tmp_path / "data").exists()  # nothing was begun


def test_a_display_left_from_an_ended_session_is_said_in_one_line(tmp_path: Path) -> None:
    """DISPLAY still set, but its X server is gone (a stale terminal, a restarted desktop):
    our sentence, not Qt's abort with its word about xcb-cursor0."""
    env = {**plain_console(tmp_path / "data"), "DISPLAY": ":4712"}  # no server there
    done = reconnect(env)
    assert done.returncode == 1
    assert done.stderr == (
        "reconnect: no graphical session was found (the display :4712 does not answer). Start "
        "Reconnect from your desktop session, or log in to one first; 'reconnect doctor' says "
        "more.\n"
    )
    assert not (tmp_path / "data").exists()


def test_without_a_display_the_other_commands_still_work(tmp_path: Path) -> None:
    env = plain_console(tmp_path / "data")
    listed = reconnect(env, "practices")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "hand-on-heart" in listed.stdout
    logged = reconnect(env, "log", "sunlight", "--spark", "1")
    assert logged.returncode == 0, logged.stderr
    status = reconnect(env, "status")
    assert status.returncode == 3
    assert "Reconnect is not running" in status.stderr
    doctor = reconnect(env, "doctor")
    assert "no desktop display here (no DISPLAY or WAYLAND_DISPLAY)" in doctor.stdout


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    from bench.generate_history import generate

    data = tmp_path / "data"
    made = generate(data, years=0.5, seed=2)
    assert made.sessions > 1000  # far more JSON than a pipe holds
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONNECT_")}
    # `reconnect history --json --limit 100000 | head -c 1`
    reader = subprocess.Popen(
        [sys.executable, "-m", "reconnect", "history", "--json", "--limit", "100000"],
        env={**env, "RECONNECT_DATA_DIR": str(data)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(1) == b"["
    reader.stdout.close()
    said = reader.stderr.read().decode()
    reader.stderr.close()
    assert reader.wait(timeout=120) == 1
    assert said == ""  # no BrokenPipeError, no "Traceback", no "Exception ignored"


def test_started_without_a_console_at_all(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pythonw on Windows (how start at login runs it) has no stdout: nothing to flush."""
    from reconnect.cli.main import main

    monkeypatch.setattr(sys, "stdout", None)
    assert main(["practices"], environ={"RECONNECT_DATA_DIR": str(data_dir)}) == 0

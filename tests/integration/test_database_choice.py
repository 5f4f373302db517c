"""Choosing the shared database: the environment or the setting, and the password never shown.

Every command's output and every log line is searched for the password.
"""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from reconnect.storage.revision import HEAD_REVISION
from reconnect.storage.schema import SessionRow
from tests.conftest import CliResult
from tests.support.postgres import PostgresServer

Cli = Callable[..., CliResult]
SECRET = "TopSecret-4711"


def with_password(url: str) -> str:
    return url.replace("postgres@", f"postgres:{SECRET}@")


def sessions_at(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(SessionRow)).scalar())
    finally:
        engine.dispose()


def test_the_setting_points_every_command_at_the_server(
    cli: Cli, data_dir: Path, postgres: PostgresServer
) -> None:
    url = with_password(postgres.create_database())
    chosen = cli("settings", "set", "sync.database_url", url)
    assert chosen.code == 0, chosen.err
    assert SECRET not in chosen.out + chosen.err
    assert "postgresql+psycopg://postgres@/" in chosen.out
    stored = data_dir / "settings.json"
    assert json.loads(stored.read_text())["sync.database_url"] == url  # kept whole, privately
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    for args in (("settings",), ("settings", "get", "sync.database_url")):
        shown = cli(*args)
        assert SECRET not in shown.out and "postgresql+psycopg://postgres@/" in shown.out

    assert cli("log", "sunlight", "--spark", "2").code == 0
    assert sessions_at(url) == 1
    assert not (data_dir / "reconnect.db").exists()  # nothing went to the local file

    # The environment wins over the setting.
    elsewhere = postgres.create_database()
    logged = cli("log", "sunlight", "--spark", "1", environ={"RECONNECT_DATABASE_URL": elsewhere})
    assert logged.code == 0
    assert (sessions_at(url), sessions_at(elsewhere)) == (1, 1)


def test_the_password_is_in_no_output_and_no_log(
    cli: Cli, postgres: PostgresServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    url = with_password(postgres.create_database(migrated=False))
    on_server = {"RECONNECT_DATABASE_URL": url}
    said: list[str] = []
    for args in (
        ("log", "hand-on-heart", "--spark", "2", "--feeling", "warmth"),
        ("history",),
        ("stats", "--json"),
        ("doctor",),
        ("export", "--format", "csv"),
        ("backups",),
        ("restore", str(tmp_path / "nothing.db"), "--yes"),
        ("migrate-to", f"sqlite:///{tmp_path / 'copy.db'}"),
        ("migrate-to", url),
    ):
        result = cli(*args, environ=on_server)
        said.append(result.out + result.err)
    doctor = said[3]
    assert (
        "postgresql+psycopg://postgres@/" in doctor
        and f"schema {HEAD_REVISION}, up to date" in doctor
    )
    assert "is the history in use now" in said[-1]
    # Out of reach: the address is named, the password is not.
    nowhere = f"postgresql+psycopg://postgres:{SECRET}@/x?host={tmp_path / 'gone'}"
    for args in (("history",), ("doctor",), ("log", "sunlight", "--spark", "1")):
        result = cli(*args, environ={"RECONNECT_DATABASE_URL": nowhere})
        assert result.code == 1 and "can't be reached" in result.out + result.err
        said.append(result.out + result.err)
    for text in [*said, caplog.text]:
        assert SECRET not in text

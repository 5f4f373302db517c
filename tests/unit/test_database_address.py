"""Database addresses are shown and checked without ever repeating the password."""

from __future__ import annotations

import pytest

from reconnect.core.database_address import check_address, hide_password, is_server_address
from reconnect.core.errors import InputError
from reconnect.core.settings import declaration

SECRET = "s3cr@t:pw"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            f"postgresql+psycopg://me:{SECRET}@db.example:5432/reconnect",
            "postgresql+psycopg://me@db.example:5432/reconnect",
        ),
        ("postgresql://db.example/reconnect", "postgresql://db.example/reconnect"),
        (
            f"postgresql+psycopg:///reconnect?host=/run/pg&password={SECRET}&sslmode=require",
            "postgresql+psycopg:///reconnect?host=/run/pg&sslmode=require",
        ),
        ("sqlite:////home/me/reconnect.db", "sqlite:////home/me/reconnect.db"),
        (f"me:{SECRET}@db.example", "db.example"),
    ],
)
def test_the_password_is_never_shown(url: str, shown: str) -> None:
    assert hide_password(url) == shown
    assert SECRET not in hide_password(url)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://me:pw@db/reconnect", "not a PostgreSQL address"),
        ("postgresql+psycopg://me:pw@", "names no server or database"),
        ("sqlite:///relative.db", "absolute path"),
        ("just words", "not a PostgreSQL address"),
    ],
)
def test_addresses_reconnect_cant_use_are_refused(url: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        check_address(url)


def test_server_addresses() -> None:
    assert check_address("  ") == ""
    assert is_server_address("postgresql+psycopg://db/x") and is_server_address("postgres://db/x")
    assert not is_server_address("sqlite:////tmp/x.db")


def test_the_setting_shows_and_refuses_without_the_password() -> None:
    setting = declaration("sync.database_url")
    url = f"postgresql+psycopg://me:{SECRET}@db.example/reconnect"
    assert setting.parse(url) == url  # kept whole, so Reconnect can log in
    assert setting.format(url) == "postgresql+psycopg://me@db.example/reconnect"
    with pytest.raises(InputError) as refused:
        setting.parse(f"mysql://me:{SECRET}@db.example/reconnect")
    assert SECRET not in str(refused.value)
    assert "mysql://me@db.example/reconnect" in str(refused.value)


def test_the_computer_name() -> None:
    setting = declaration("sync.computer_name")
    assert setting.default  # the host name
    assert setting.parse("  The laptop ") == "The laptop"
    for bad in ("", "x" * 65, "tab\there"):
        with pytest.raises(InputError):
            setting.parse(bad)

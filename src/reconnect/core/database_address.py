"""Database addresses (SQLAlchemy URLs) as a person may see them: never with the password.

A PostgreSQL address can carry a password in two places, ``scheme://user:password@host/db``
and ``?password=...``; everything shown or logged goes through ``hide_password`` first.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

# What a shared history may be kept in: the driver Reconnect installs, or SQLite files.
SERVER_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
FILE_SCHEME = "sqlite"
_SECRET_QUERY_KEYS = frozenset({"password", "passfile", "sslpassword"})
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*$")


def hide_password(url: str) -> str:
    """The address without its password: ``scheme://user@host:port/db?options``.

    Query options that hold secrets (``password=``) are left out too. Of text that is not an
    address at all only what follows its last ``@`` is kept, so a mistyped address with a
    password in it is never echoed back whole.
    """
    scheme, found, rest = url.partition("://")
    if not found:
        return url.rpartition("@")[2]
    location, question, query = rest.partition("?")
    credentials, at, host = location.rpartition("@")
    if at:
        location = f"{credentials.partition(':')[0]}@{host}"
    if not question:
        return f"{scheme}://{location}"
    kept = [
        (k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in _SECRET_QUERY_KEYS
    ]
    return f"{scheme}://{location}" + (f"?{urlencode(kept, safe='/')}" if kept else "")


def scheme_of(url: str) -> str:
    """The scheme (``sqlite``, ``postgresql+psycopg``), lower case; '' when there is none."""
    scheme, found, _ = url.partition("://")
    return scheme.lower() if found and _SCHEME.match(scheme.lower()) else ""


def is_server_address(url: str) -> bool:
    """Whether the address names a PostgreSQL server (shared by several computers)."""
    return scheme_of(url) in SERVER_SCHEMES


def check_address(url: str) -> str:
    """A database address Reconnect can use, tidied; '' for "the file in the data folder".

    Raises:
        ValueError: not such an address (the message never repeats a password).
    """
    text = url.strip()
    if not text:
        return ""
    scheme = scheme_of(text)
    if scheme in SERVER_SCHEMES:
        if not text.partition("://")[2].partition("?")[0].rpartition("@")[2].strip("/"):
            raise ValueError("it names no server or database")
        return text
    if scheme == FILE_SCHEME:
        if not text.startswith("sqlite:////"):
            raise ValueError("an SQLite file needs an absolute path, sqlite:////home/me/x.db")
        return text
    raise ValueError(
        "it is not a PostgreSQL address (postgresql+psycopg://user@host/database) "
        "or an SQLite file (sqlite:////path/to/reconnect.db)"
    )

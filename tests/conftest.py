"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.clock import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")


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
def cli(data_dir: Path, clock: FakeClock) -> Callable[..., CliResult]:
    """Run ``reconnect`` in this process with its own data folder and the fake clock."""
    from reconnect.cli.main import main

    def run(*args: str, environ: dict[str, str] | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        env = {"RECONNECT_DATA_DIR": str(data_dir), **(environ or {})}
        code = main(list(args), environ=env, clock=clock, stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run

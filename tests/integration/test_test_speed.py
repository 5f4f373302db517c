"""RECONNECT_TEST_SPEED from the command line: read once when Reconnect starts, refused clearly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reconnect.app import bootstrap
from reconnect.core.pace import Pace
from tests.conftest import CliResult


def test_a_bad_speed_stops_any_command_with_one_line(cli: Callable[..., CliResult]) -> None:
    result = cli("settings", "list", environ={"RECONNECT_TEST_SPEED": "fast"})
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "reconnect: RECONNECT_TEST_SPEED must be a whole number of 1 or more (how many times "
        "faster breaks and practices run, for tests only), not 'fast'\n"
    )


def test_the_speed_is_read_into_the_run_once(tmp_path: Path) -> None:
    context = bootstrap.build(str(tmp_path), {"RECONNECT_TEST_SPEED": "120"})
    assert context.pace == Pace(120)
    assert bootstrap.build(str(tmp_path), {}).pace == Pace(1)

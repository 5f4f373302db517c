"""Shared by the unit tests: local times as a person reads them, and texts as written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core import i18n
from reconnect.core.break_policy import Plan
from tests.conftest import BERLIN


def local(text: str, zone: ZoneInfo = BERLIN, fold: int = 0) -> datetime:
    """An aware local time from '2026-06-16 09:05' (Berlin's unless another zone is given)."""
    return datetime.fromisoformat(text).replace(tzinfo=zone, fold=fold)


def wall(moment: datetime | Plan | None) -> str:
    """A time, or a plan's, as the person reads it: weekday, date, wall time and UTC offset."""
    at = moment.at if isinstance(moment, Plan) else moment
    assert at is not None
    return at.strftime("%a %Y-%m-%d %H:%M %z")


def real_gap(later: datetime | None, earlier: datetime) -> timedelta:
    """The real time between two moments, whatever their zones' wall clocks say."""
    # Subtracting datetimes that share a tzinfo gives the wall-clock difference; go through UTC.
    assert later is not None
    return later.astimezone(UTC) - earlier.astimezone(UTC)


@pytest.fixture
def as_written() -> Iterator[None]:
    """Texts as written: whatever translator a test installs is taken out after it."""
    yield
    i18n.uninstall()

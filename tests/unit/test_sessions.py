"""Moments keep the local offset, so the hour of day stays true across DST and travel."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.clock import FakeClock, local_zone
from reconnect.core.sessions import Moment

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_a_moment_keeps_instant_and_offset() -> None:
    moment = Moment.of(datetime(2026, 7, 1, 9, 15, tzinfo=BERLIN))
    assert moment.utc == datetime(2026, 7, 1, 7, 15, tzinfo=UTC)
    assert moment.offset_minutes == 120
    assert moment.local.hour == 9
    assert moment.isoformat() == "2026-07-01T09:15:00+02:00"
    assert Moment.parse(moment.isoformat()) == moment


def test_the_local_hour_survives_the_spring_change_in_berlin() -> None:
    before = Moment.of(datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN))
    after = Moment.of((before.utc + timedelta(hours=1)).astimezone(BERLIN))
    # One real hour later the wall clock reads 03:30: 02:30 does not exist that night.
    assert (before.local.hour, after.local.hour) == (1, 3)
    assert (before.offset_minutes, after.offset_minutes) == (60, 120)


def test_the_repeated_hour_in_new_york_is_told_apart() -> None:
    first = Moment.of(datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0))
    second = Moment.of(datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1))
    assert first.local.hour == second.local.hour == 1
    assert second.utc - first.utc == timedelta(hours=1)
    assert (first.offset_minutes, second.offset_minutes) == (-240, -300)


def test_a_moment_refuses_naive_times_and_strange_offsets() -> None:
    with pytest.raises(ValueError, match="naive"):
        Moment.of(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="offset"):
        Moment.parse("2026-01-01T10:00")
    with pytest.raises(ValueError):
        Moment(datetime(2026, 1, 1, tzinfo=UTC), 19 * 60)


def test_the_fake_clock_tells_sleep_from_passing_time() -> None:
    clock = FakeClock(datetime(2026, 11, 17, 9, 0, tzinfo=BERLIN))
    start = clock.monotonic()
    clock.advance(timedelta(minutes=10))
    clock.suspend(timedelta(hours=8))
    assert clock.now() == datetime(2026, 11, 17, 17, 10, tzinfo=BERLIN)
    assert clock.monotonic() - start == 600
    clock.set_zone(NEW_YORK)
    assert clock.now().hour == 11
    assert clock.localize(datetime(2026, 11, 17, 8, 0)).utcoffset() == timedelta(hours=-5)


def test_the_system_zone_is_found_with_its_rules(tmp_path: Path) -> None:
    assert local_zone({"TZ": "America/New_York"}, tmp_path) == NEW_YORK
    (tmp_path / "timezone").write_text("Europe/Berlin\n")
    assert local_zone({}, tmp_path) == BERLIN
    (tmp_path / "localtime").symlink_to("/usr/share/zoneinfo/America/New_York")
    assert local_zone({}, tmp_path) == NEW_YORK
    assert local_zone({"TZ": "Not/AZone"}, tmp_path) == NEW_YORK


def test_looking_up_the_system_zone_again_and_again_interns_no_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tray looks the zone up every few minutes for days. Through pathlib, each look
    # added the parts of the link's target to Python's table of interned names and dropped
    # them again: nearly all of what the soak interned after its first hour.
    (tmp_path / "localtime").symlink_to("/usr/share/zoneinfo/America/New_York")
    (tmp_path / "timezone").write_text("Europe/Berlin\n")
    interned: list[str] = []
    real = sys.intern
    monkeypatch.setattr(sys, "intern", lambda name: interned.append(name) or real(name))
    for _ in range(10):
        assert local_zone({}, str(tmp_path)) == NEW_YORK
        assert local_zone({}, tmp_path) == NEW_YORK
    assert interned == []


def test_the_fake_clock_moves_real_time_across_a_dst_change() -> None:
    clock = FakeClock(datetime(2026, 10, 25, 1, 45, tzinfo=BERLIN))
    for _ in range(6):
        clock.advance(timedelta(minutes=30))
    # Three real hours after 01:45 CEST is 03:45 CET: the clock went back an hour at 03:00.
    assert clock.now().strftime("%H:%M %Z") == "03:45 CET"

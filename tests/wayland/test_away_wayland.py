"""In the running app on each real Wayland desktop, time without input becomes away and a key
brings the person back, as ``reconnect status --json`` shows; at a test's pace, in seconds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect.core.pace import SPEED_VARIABLE
from tests.support.wayland import WaylandDesktop, wait_until
from tests.wayland.test_prompt_wayland import RunningApp

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

SPEED = 6  # away after rhythm.idle_minutes (1 minute) / 6 = 10 s without input
AWAY_AFTER = 60 / SPEED
# The app looks at idle time every 30 s / SPEED (Pace.poll_milliseconds); the waits allow a
# whole real-time 30 s, for a loaded machine.
LOOKS_EVERY = 30


@pytest.fixture
def app(wayland_desktop: WaylandDesktop, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(
        wayland_desktop,
        tmp_path,
        settings={"rhythm.idle_minutes": 1, "rhythm.interval_minutes": 120},
        environ={SPEED_VARIABLE: str(SPEED)},
    )
    try:
        wait_until("the app to answer", lambda: running.cli("status").returncode == 0, 60)
        yield running
    finally:
        running.stop()


def test_time_without_input_becomes_away_and_a_key_brings_the_person_back(
    wayland_desktop: WaylandDesktop, app: RunningApp
) -> None:
    desktop = wayland_desktop

    def typing_brings_back() -> bool:
        # A person at the keyboard: a key now and then until the app looks again.
        desktop.key("Shift_L")
        return not app.status()["away"]

    first = app.status()
    assert first["idle_detection"], first  # every desktop names a source (test_idle_wayland)
    wait_until("the person to be at the keyboard", typing_brings_back, 2 * LOOKS_EVERY)
    desktop.key("Shift_L")
    last_key = time.monotonic()

    wait_until("the app to see the person away", lambda: app.status()["away"], 2 * LOOKS_EVERY)
    away_after = time.monotonic() - last_key
    assert away_after >= AWAY_AFTER - 1, f"away {away_after:.1f} s after the last key"

    wait_until("a key to bring the person back", typing_brings_back, 2 * LOOKS_EVERY)
    print(f"{desktop.kind}: {first['idle_detection']}, away {away_after:.1f} s after a key")

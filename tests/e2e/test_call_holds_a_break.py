"""A break that comes due during a call waits: the installed app, a real sound server and a real
recording client (``parecord``), sped up sixty times (docs/testing.md).

The recording starts before the first break is due; the break waits unseen, ``status --json``
says it waits for the microphone; once the recording ends, the prompt appears within one of the
rhythm's checks (30 s, half a second at this pace).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.test_scheduled_breaks import DAYS, EVERY_DAY, SPEED, midday_zone, status
from tests.e2e.test_tray_app import App, prompt_shown
from tests.support.desktop import VirtualDesktop
from tests.support.pulse import MICROPHONE, Recordings

pytestmark = pytest.mark.slow

ONE_CHECK = 30 / SPEED  # seconds between two of the rhythm's checks at this pace


@pytest.fixture
def app_with_sound(
    installed: Path, tmp_path: Path, with_tray: VirtualDesktop, recordings: Recordings
) -> Iterator[App]:
    data = tmp_path / "data"
    app = App(installed, data, with_tray)
    app.env["RECONNECT_TEST_SPEED"] = str(SPEED)
    app.env["TZ"] = midday_zone(datetime.now(UTC))
    app.env["PULSE_SERVER"] = recordings.address
    settings: dict[str, object] = {f"rhythm.{day}": EVERY_DAY for day in DAYS}
    settings["rhythm.interval_minutes"] = 10
    settings["rhythm.idle_minutes"] = 60  # Xvfb has no one at its keyboard
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    app.x("xdotool", "mousemove", "5", "5")
    yield app
    if app.process is not None and app.process.poll() is None:
        app.process.kill()
        app.process.wait()


def test_a_break_due_during_a_call_waits_and_comes_when_the_call_ends(
    app_with_sound: App, recordings: Recordings
) -> None:
    app = app_with_sound
    # The call is on before the app starts: its first break is due 5 s after the start (the
    # grace of an overdue break), which a slow start could use up before the call began.
    call = recordings.start(MICROPHONE)
    app.start()
    app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")

    app.wait_for(
        lambda: status(app)["waiting_because"] == "microphone", "the break to wait for the call"
    )
    now = status(app)
    assert now["prompt_waiting"] and now["state"] == "due", now
    assert not prompt_shown(app), "no prompt during the call"

    recordings.stop(call)  # the call ends
    # Within one check, and a little for the window to reach the X server; without the paced
    # check this takes 30 s.
    app.wait_for(lambda: prompt_shown(app), "the prompt after the call", seconds=ONE_CHECK + 4)
    assert status(app)["waiting_because"] is None

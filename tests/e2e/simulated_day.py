"""A whole working day of the installed app, on a fake clock, for tests/e2e/test_no_network.py.

Run with the installed app's own Python: ``python simulated_day.py DATA_DIR``. It builds the
tray app through the real composition root (``app.tray.build_tray_app``: real database, real
windows on the test's X display, real session bus, real sound player) with a fake clock set to
08:45 on a Tuesday, then lives the day until 18:00: every planned break comes, and is taken
(practice and check-in), snoozed, skipped, swapped for another or left to expire in turn; the
dashboard, settings and help are opened, the daily backup is taken, the history exported.
It prints a JSON summary of what happened, so the test can tell that the day took place.

Only ``reconnect``, PySide6 and the standard library are imported: this runs outside the
checkout's virtual environment.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

# Years ahead of any real clock, so APScheduler's real timers never fire on their own: each
# wake-up is given by hand, after the fake clock is moved to it.
MORNING = datetime(2031, 3, 11, 8, 45, tzinfo=ZoneInfo("Europe/Berlin"))
EVENING = MORNING.replace(hour=18, minute=0)
NOTE = "a warm hand, then the breath slower"


def main(data_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from reconnect.app import bootstrap
    from reconnect.app import tray as app_tray
    from reconnect.core.clock import FakeClock
    from reconnect.core.sessions import Moment
    from reconnect.services import history
    from reconnect.ui.care.first_run import mark_first_run_done

    clock = FakeClock(MORNING)
    root = Path(data_dir)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    mark_first_run_done(root)
    context = bootstrap.build(data_dir, {}, clock)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    running = app_tray.build_tray_app(context, app)
    assert running.server.listen(), "another Reconnect holds this data folder"
    tray = running.tray_app
    tray.poll_timer.stop()  # polled by hand below, after each move of the clock
    tray.start()
    widget = running.surface.widget
    done: dict[str, int] = {"prompts": 0, "taken": 0, "checkins": 0, "windows": 0}

    def settle(seconds: float = 0.05) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            app.processEvents()

    def take_the_break() -> None:
        tray.prompt.start_button.click()
        settle()
        flow = running.flow  # made for the first practice
        player = flow.player
        if player is None:
            return
        done["taken"] += 1
        player.tick_timer.stop()
        for _ in range(400):
            if flow.player is None:
                break
            clock.advance(timedelta(seconds=15))
            player.on_tick()
            settle(0.005)
        if flow.player is not None:
            player.stop()
        settle()
        dialog = flow.checkin
        if dialog is not None:
            dialog.choose_level(2)
            dialog.note.setPlainText(NOTE)
            dialog.save_button.click()
            done["checkins"] += 1
            settle()

    answers = [
        take_the_break,
        lambda: tray.prompt.snooze_button.menu().actions()[0].trigger(),
        lambda: tray.prompt.skip_button.click(),
        lambda: (tray.prompt.another_button.click(), tray.prompt.skip_button.click()),
        lambda: (clock.advance(timedelta(minutes=10)), tray.prompt.expiry.timeout.emit()),
    ]
    for turn in range(60):
        armed = tray.scheduler.armed_at
        if armed is None or armed >= EVENING:
            break
        clock.advance(max(armed - clock.now(), timedelta(0)))
        tray.scheduler.wakeup.emit()
        settle()
        tray.rhythm.poll()
        if tray.prompt.isVisible():
            done["prompts"] += 1
            answers[(done["prompts"] - 1) % len(answers)]()
            settle()
        if turn == 2:
            for opened in (widget.open_dashboard, widget.open_settings, widget.open_help):
                opened.emit()
                done["windows"] += 1
                settle(0.5)
            app_tray.take_daily_backup(context)
    factory = context.database().session_factory
    exported = history.export(factory, "json", Moment.of(clock.now()), "simulated-day")
    done["exported_sessions"] = exported.count('"practice_id"')
    settle(1.0)  # what the windows started (the statistics process) comes to an end
    running.close()
    print(json.dumps(done))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

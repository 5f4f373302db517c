"""The tray shows itself and arms its break before the database, SQLAlchemy and the practice
files are loaded; the practice files follow at once, and a database that can't be used is still
told. While it waits (its menu and suggestion included), a local history at this version's
schema is read with Python's own sqlite3; SQLAlchemy loads with the first write.

What waits until the tray shows (the control socket, the welcome) or until first use (the look,
the prompt window, do-not-disturb, the statistics, Qt's namespace of enums) is pinned too, on
the real start from the entry point, and what is still not loaded at rest."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.desktop import VirtualDesktop

STAGES = """
import io, json, linecache, sys
from reconnect.app import bootstrap
from reconnect.app import tray as app_tray
import reconnect.ui  # PySide6 comes in through it, as with the entry point
from PySide6.QtWidgets import QApplication
app = QApplication([])
context = bootstrap.build(sys.argv[1], environ={})
running = app_tray.build_tray_app(context, app)
running.start()
heavy = ("sqlalchemy", "alembic", "scipy", "reconnect.storage.database",
         "reconnect.ui.practice.player_window", *sys.argv[2].split(","))
first = {"heavy": [m for m in heavy if m in sys.modules], "library": context.library.loaded,
         "armed": running.tray_app.scheduler.armed_at is not None}
failures = []
running.finish_start(io.StringIO(), failures.append)
then = {"sqlalchemy": "sqlalchemy" in sys.modules, "library": context.library.loaded,
        "failures": [str(f) for f in failures],
        # What PySide6's import hook read of files and kept (only PySide6's own start: it is
        # taken out as soon as reconnect.ui has imported PySide6).
        "sources kept": sum(len("".join(entry[2])) for entry in linecache.cache.values()
                            if len(entry) == 4 and entry[1] is not None) < 200_000}
menu = running.tray_app.rhythm.menu_state()
waiting = {"sqlalchemy": "sqlalchemy" in sys.modules,
           "suggested": menu.suggested is not None}
running.tray_app.rhythm.offer_break(running.tray_app.rhythm.clock.now(), manual=True)  # a write
written = {"sqlalchemy": "sqlalchemy" in sys.modules}
running.close()
print(json.dumps({"first": first, "then": then, "waiting": waiting, "written": written}))
"""


# Imported only once the tray shows and its break is armed, or when first needed.
AFTER_THE_TRAY = (
    "PySide6.QtNetwork",  # the command line's end only: the app listens with Python's socket
    "reconnect.ui.theme",  # the look: no window is open before
    "reconnect.ui.care.front_door",  # the welcome
    "reconnect.ui.care.first_run",
    "reconnect.ui.tray.prompt_window",  # the first break
    "reconnect.ui.tray.control_window",  # only without a tray
    "reconnect.core.practice_loader",  # the practice files, read right after
    "tomllib",
    "reconnect.core.experiments",  # the suggestion, worked out for the menu
    "reconnect.core.spark_stats",
    "reconnect.desktop.do_not_disturb",  # asked near a break
    "hashlib",  # OpenSSL: the socket's name is hashed with Python's own
    "reconnect.desktop.log_file",  # the log's rotating handler: records held until then
    "ctypes.util",  # only to look for a library by its short name
    "ctypes",  # the X11 idle and full-screen checks: idle detection is looked for then
    "reconnect.desktop.idle",
    "reconnect.desktop.busy",  # the busy check, made then, asked near a break
    "reconnect.desktop.xlib",
    "reconnect.desktop.busy_list",  # the busy sources the settings switch on
    "reconnect.desktop.microphone",
    "reconnect.desktop.notifications",  # the break offered as a notification: Wayland only
    "reconnect.desktop.control_server",  # the control socket listens once the tray shows
    "reconnect.core.control_protocol",
)


def run_stages(data: Path, desktop: VirtualDesktop) -> dict[str, dict[str, object]]:
    env = {**os.environ, **desktop.environment()}
    env.pop("RECONNECT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", STAGES, str(data), ",".join(AFTER_THE_TRAY)],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    result: dict[str, dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def with_a_practice_logged(data: Path) -> Path:
    """A data folder at this version's schema, holding one practice done."""
    env = {**os.environ, "RECONNECT_DATA_DIR": str(data)}
    subprocess.run(
        [sys.executable, "-m", "reconnect", "log", "box-breath", "--spark", "1"],
        env=env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return data


def test_the_tray_comes_first_and_the_rest_right_after(
    tmp_path: Path, with_tray: VirtualDesktop
) -> None:
    data = with_a_practice_logged(tmp_path / "data")
    stages = run_stages(data, with_tray)
    assert stages["first"] == {"heavy": [], "library": False, "armed": True}
    assert stages["then"] == {
        "sqlalchemy": False,
        "library": True,
        "failures": [],
        "sources kept": True,
    }
    assert stages["waiting"] == {"sqlalchemy": False, "suggested": True}
    assert stages["written"] == {"sqlalchemy": True}


def test_what_the_last_run_left_open_loads_the_storage_layer_to_tidy_it(
    tmp_path: Path, with_tray: VirtualDesktop
) -> None:
    data = with_a_practice_logged(tmp_path / "data")
    with sqlite3.connect(data / "reconnect.db") as connection:  # as a crash would leave it
        connection.execute("UPDATE sessions SET outcome = NULL, ended_at = NULL")
    connection.close()
    stages = run_stages(data, with_tray)
    assert stages["then"] == {
        "sqlalchemy": True,
        "library": True,
        "failures": [],
        "sources kept": True,
    }


def test_a_first_start_opens_the_database_at_once(
    tmp_path: Path, with_tray: VirtualDesktop
) -> None:
    """With no database yet there is nothing to look at quickly: the storage layer is asked."""
    stages = run_stages(tmp_path / "new", with_tray)
    assert stages["first"]["armed"] is True
    assert "reconnect.storage.database" in stages["first"]["heavy"]  # type: ignore[operator]
    assert stages["then"]["failures"] == []


FIRST_TO_NEED_THE_HISTORY = """
import io, json, linecache, sys
from reconnect.app import bootstrap
from reconnect.app import tray as app_tray
from reconnect.core.sessions import Trigger
import reconnect.ui  # PySide6 comes in through it, as with the entry point
from PySide6.QtWidgets import QApplication
app = QApplication([])
context = bootstrap.build(sys.argv[1], environ={})
running = app_tray.build_tray_app(context, app)
running.start()
running.finish_start(io.StringIO(), print)
before = "sqlalchemy" in sys.modules
window = sys.argv[2]
if window == "dashboard":
    running.tray_app.rhythm.open_dashboard()
elif window == "settings":
    running.tray_app._open_settings()
else:
    running.tray_app.rhythm.start_practice("box-breath", Trigger.TRAY)
for _ in range(5):
    app.processEvents()
kept = sum(len("".join(entry[2])) for name, entry in linecache.cache.items()
           if ("/sqlalchemy/" in name or "/alembic/" in name) and len(entry) > 2 and entry[2])
print(json.dumps({"before": before, "after": "sqlalchemy" in sys.modules, "kept": kept}))
running.close()
"""


@pytest.mark.parametrize("window", ["dashboard", "settings", "practice"])
def test_the_first_window_to_need_the_history_loads_sqlalchemy_without_qts_hook(
    tmp_path: Path, with_tray: VirtualDesktop, window: str
) -> None:
    """Through PySide6's import hook, SQLAlchemy's sources would be read and kept in memory
    (about 6 MB of text, 16 MB more in all, for the rest of the day): the hook is gone by the
    time any window needs the history, so none of them is."""
    data = with_a_practice_logged(tmp_path / "data")
    env = {**os.environ, **with_tray.environment()}
    env.pop("RECONNECT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_TO_NEED_THE_HISTORY, str(data), window],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert (seen["before"], seen["after"]) == (False, True)
    assert seen["kept"] < 300_000, f"{seen['kept']} characters of SQLAlchemy's sources kept"


FROM_THE_ENTRY_POINT = """
import json, os, sys
import reconnect.app.run as run
import PySide6.QtCore as QtCore


def ready(path):
    print(json.dumps({"modules": sorted(sys.modules), "qt namespace": "Qt" in vars(QtCore)}))
    sys.stdout.flush()
    os._exit(0)  # before the control socket listens: nothing is left behind


run._tell_ready = ready
from reconnect.cli.main import main

main(["--data-dir", sys.argv[1]])
"""


def test_the_real_start_leaves_the_rest_until_the_tray_shows(
    tmp_path: Path, with_tray: VirtualDesktop
) -> None:
    """From the entry point, as at login: at the moment the tray is shown and the break armed
    (when the start benchmark stops its clock), none of what can wait has been loaded, and Qt's
    namespace of enums (made on first use, and slow to make) has not been touched."""
    data = with_a_practice_logged(tmp_path / "data")
    env = {**os.environ, **with_tray.environment(), "RECONNECT_READY_FILE": str(tmp_path / "r")}
    env.pop("RECONNECT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", FROM_THE_ENTRY_POINT, str(data)],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(seen["modules"])
    assert {"reconnect.ui.tray.tray_icon", "apscheduler.schedulers.qt"} <= loaded  # the tray
    assert [name for name in AFTER_THE_TRAY if name in loaded] == []
    assert seen["qt namespace"] is False


AT_REST = """
import json, socket, sys
import reconnect.app.run as run
import reconnect.app.tray as app_tray
import PySide6.QtCore as QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

made = []
build = app_tray.build_tray_app
app_tray.build_tray_app = lambda *args: made.append(build(*args)) or made[-1]


def look_at_rest():
    running = made[0]
    listening = socket.socket(socket.AF_UNIX)
    listening.connect(str(QtCore.QDir.tempPath() + "/" + running.server.name))
    listening.close()
    rest = {"modules": sorted(sys.modules), "qt namespace": "Qt" in vars(QtCore),
            "style sheet": bool(QApplication.instance().styleSheet())}
    running.surface.widget.menu.aboutToShow.emit()  # as when the tray's menu opens
    menu = {"style sheet": bool(QApplication.instance().styleSheet())}
    print(json.dumps({"rest": rest, "menu": menu}))
    QApplication.instance().quit()


def ready(path):
    QTimer.singleShot(int(sys.argv[2]), look_at_rest)


run._tell_ready = ready
from reconnect.cli.main import main

main(["--data-dir", sys.argv[1]])
"""

# Left for a window or the first break, not loaded while the tray waits.
NOT_AT_REST = (
    "PySide6.QtNetwork",  # the control socket listens through Python's own socket module
    "reconnect.ui.theme",  # the look comes with the first window or menu
    "reconnect.ui.tray.prompt_window",
    "sqlalchemy",
)


def test_at_rest_the_socket_listens_without_qts_network_module_and_the_look_waits(
    tmp_path: Path, with_tray: VirtualDesktop
) -> None:
    """A minute after start nothing is mapped that only a window or a break needs: Qt's
    network module, the look and Qt's namespace of enums (each a few MB, kept all day). The
    tray's menu takes the look when it opens."""
    from reconnect.ui.care.first_run import mark_first_run_done
    from reconnect.ui.tray.tray_icon import FIRST_MENU_MS

    data = with_a_practice_logged(tmp_path / "data")
    mark_first_run_done(data)  # someone who has used it a while: no welcome
    env = {**os.environ, **with_tray.environment(), "RECONNECT_READY_FILE": str(tmp_path / "r")}
    env.pop("RECONNECT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", AT_REST, str(data), str(FIRST_MENU_MS + 500)],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(seen["rest"]["modules"])
    assert "reconnect.core.practice_loader" in loaded  # the rest of the start is done
    assert [name for name in NOT_AT_REST if name in loaded] == []
    assert seen["rest"]["qt namespace"] is False
    assert seen["rest"]["style sheet"] is False
    assert seen["menu"] == {"style sheet": True}

"""``reconnect doctor``: checks the data folder, the database, the practice library and the
desktop adapters chosen for this session."""

from __future__ import annotations

import argparse
import platform
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from reconnect import __version__
from reconnect.app.bootstrap import Context
from reconnect.core.i18n import plural
from reconnect.desktop.session import missing_session

if TYPE_CHECKING:
    from reconnect.core.clock import Clock
    from reconnect.desktop.busy_list import SettingsLike
    from reconnect.desktop.sound_output import SoundOutput


@dataclass(frozen=True)
class Finding:
    ok: bool
    topic: str
    detail: str


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    doctor = commands.add_parser(
        "doctor",
        parents=parents,
        help="check the data folder, database and practice library",
        description="Check that Reconnect has what it needs, and say what to do where not. "
        "Changes nothing.",
    )
    doctor.set_defaults(run=run_doctor)


def _size(num_bytes: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if num_bytes < 1024 or unit == "GB":
            return f"{num_bytes:.0f} {unit}" if unit == "bytes" else f"{num_bytes:.1f} {unit}"
        num_bytes /= 1024  # type: ignore[assignment]
    raise AssertionError


def check_data_folder(context: Context) -> Finding:
    root = context.paths.root
    if not root.exists():
        return Finding(True, "data folder", f"{root} (not created yet; made on first use)")
    if not root.is_dir():
        return Finding(False, "data folder", f"{root} is not a folder; move it aside")
    mode = stat.S_IMODE(root.stat().st_mode)
    private = "private" if mode & 0o077 == 0 else f"readable by others ({mode:o}); run chmod 700"
    return Finding(mode & 0o077 == 0, "data folder", f"{root} ({private})")


def check_database(context: Context) -> list[Finding]:
    from reconnect.storage.database import HEAD_REVISION, open_database, safe_url
    from reconnect.storage.problems import DatabaseProblem
    from reconnect.storage.unit_of_work import UnitOfWork

    paths = context.paths
    if paths.uses_default_database and not paths.database_file.exists():
        return [Finding(True, "database", f"{paths.database_file} (not created yet)")]
    where = (
        str(paths.database_file) if paths.uses_default_database else safe_url(paths.database_url)
    )
    try:
        database = open_database(paths, migrate=False)
    except DatabaseProblem as problem:
        return [Finding(False, "database", str(problem))]
    try:
        from reconnect.storage.database import current_revision

        revision = current_revision(database.engine)
        if revision == HEAD_REVISION:
            schema = f"schema {revision}, up to date"
        else:
            schema = f"schema {revision or 'empty'}; brought up to {HEAD_REVISION} at next start"
        with UnitOfWork(database.session_factory) as uow:
            sessions = uow.history.count() if revision == HEAD_REVISION else None
            checkins = uow.history.count_checkins() if revision == HEAD_REVISION else None
        counts = (
            f"; {plural(sessions, '1 session', '{count} sessions')}, "
            f"{plural(checkins or 0, '1 check-in', '{count} check-ins')}"
            if sessions is not None
            else ""
        )
        size = ""
        if database.file is not None:
            size = f"{_size(database.file.stat().st_size)}, "
        findings = [Finding(True, "database", f"{where} ({size}{schema}{counts})")]
        if database.engine.dialect.name == "sqlite":
            with database.engine.connect() as connection:
                from sqlalchemy import text

                result = connection.execute(text("PRAGMA quick_check")).scalar()
            ok = result == "ok"
            findings.append(
                Finding(
                    ok,
                    "integrity",
                    "ok" if ok else f"{result}; restore a backup or export what can be read",
                )
            )
        return findings
    finally:
        database.close()


def check_library(context: Context) -> list[Finding]:
    library = context.library
    own = sum(1 for p in library if p.own)
    findings = [
        Finding(
            bool(len(library)),
            "practices",
            f"{len(library) - own} bundled, {own} of your own "
            f"(your own go in {context.paths.own_practices})",
        )
    ]
    findings += [
        Finding(False, "practice file", f"{problem} (this one is left out; the rest load)")
        for problem in library.problems
    ]
    return findings


# The report's roles as doctor names them; being unable to tell "busy" or to watch logind is
# not something to fix, so those two are never marked as needing a look.
_ROLE_TOPICS = {
    "idle": ("idle detection", True),
    "busy": ("busy detection", False),
    "notifications": ("notifications", True),
    "sleep": ("sleep and wake", False),
}


def check_desktop(
    environ: dict[str, str], clock: Clock, settings: SettingsLike | None = None
) -> list[Finding]:
    """The tray, and the desktop adapters chosen for this session (as the tray app chooses
    them, see ``pick_adapters``), each with what to do when missing; ``settings`` say which
    busy sources are on (each named with its problem, a broken calendar file among them)."""
    from reconnect.desktop.adapters import pick_adapters

    findings: list[Finding] = []
    missing = missing_session(environ)
    if missing is not None:
        findings.append(
            Finding(
                False,
                "display",
                f"no desktop display here ({missing}), so Reconnect can't start in this "
                "session; run 'reconnect doctor' from your desktop session to check the tray",
            )
        )
    else:
        from PySide6.QtWidgets import QApplication, QSystemTrayIcon

        # Made before the adapters are asked: they use the session and system buses.
        app = QApplication.instance() or QApplication(["reconnect-doctor"])
        del app  # only needed alive for the questions below
        tray = QSystemTrayIcon.isSystemTrayAvailable()
        findings.append(
            Finding(
                tray,
                "system tray",
                "available"
                if tray
                else "not found: Reconnect will use a small window instead. "
                "Add a system tray (notification area) to your panel, or on GNOME the "
                "'AppIndicator and KStatusNotifierItem Support' extension",
            )
        )
    adapters = pick_adapters(clock, environ, probe=True, settings=settings)
    adapters.close()
    report = adapters.report
    for index, finding in enumerate(findings):
        if finding.topic == "system tray":  # which host, or why there is none
            detail = f"{finding.detail}; tray host: {report.tray.describe()}"
            findings[index] = Finding(finding.ok, finding.topic, detail)
    findings.append(Finding(True, "desktop session", report.session.describe()))
    for role, choice in report.roles():
        if role in _ROLE_TOPICS:
            topic, needed = _ROLE_TOPICS[role]
            findings.append(Finding(choice.found or not needed, topic, choice.describe()))
    sound = report.sound
    findings += check_sound(lambda: (sound.found, sound.describe()))
    return findings


def check_sound(
    support: Callable[[], tuple[bool, str]] | None = None,
    find_output: Callable[[], SoundOutput] | None = None,
) -> list[Finding]:
    """A player to play with, and an output for the sound to reach.

    Args:
        support, find_output: the two questions (tests give their own answers).
    """
    from reconnect.desktop.sound import sound_support
    from reconnect.desktop.sound_output import find_sound_output

    ok, how = (support or sound_support)()
    output = (find_output or find_sound_output)()
    return [
        Finding(ok, "sound", how),
        Finding(output.found is not False, "sound output", output.detail),
    ]


def check_autostart(context: Context) -> Finding:
    """Whether Reconnect starts at login; being off is a choice, not a problem."""
    from reconnect.desktop.autostart import AutostartError, autostart_state

    try:
        state = autostart_state(context.environ, sys.platform)
    except AutostartError as error:
        return Finding(False, "start at login", str(error))
    if state.enabled and state.program_missing:
        return Finding(
            False,
            "start at login",
            f"on, but the program it starts is gone ({state.program}); "
            "run 'reconnect autostart on' to point it at this Reconnect",
        )
    if state.enabled:
        return Finding(True, "start at login", f"on ({state.location})")
    return Finding(
        True, "start at login", "off; to start Reconnect when you log in: reconnect autostart on"
    )


def _settings(context: Context) -> SettingsLike:
    """The person's settings, as the app reads them (a bad value: its default)."""
    from reconnect.settings_store import SettingsFile

    settings, _problems = SettingsFile(context.paths.settings_file).load(context.clock.now())
    return settings


def run_doctor(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    print(
        f"Reconnect {__version__} on Python {sys.version.split()[0]}, {platform.system()}",
        file=out,
    )
    import os

    findings = [
        check_data_folder(context),
        *check_database(context),
        *check_library(context),
        *check_desktop(dict(os.environ), context.clock, _settings(context)),
        check_autostart(context),
    ]
    width = max(len(f.topic) for f in findings)
    for finding in findings:
        mark = "ok " if finding.ok else "!! "
        print(f"  {mark} {finding.topic.ljust(width)}  {finding.detail}", file=out)
    problems = sum(1 for f in findings if not f.ok)
    if problems:
        said = plural(problems, "1 thing needs a look", "{count} things need a look")
        print(f"\n{said}; each line says what to do.", file=out)
        return 1
    print("\nAll well.", file=out)
    return 0

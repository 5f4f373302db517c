"""``reconnect autostart on|off|status``: start Reconnect in the tray when you log in, or not."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.core.exit_codes import EXIT_FAILED, EXIT_OK
from reconnect.desktop.autostart import (
    APP_ID,
    AutostartError,
    AutostartState,
    autostart_state,
    disable,
    enable,
    entry_location,
    launch_command,
)
from reconnect.paths import DATA_DIR_VARIABLE, icons_dir

TURN_ON = "reconnect autostart on"


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    autostart = commands.add_parser(
        "autostart",
        parents=parents,
        help="start Reconnect when you log in, or not",
        description="Start Reconnect quietly in the tray when you log in: an autostart entry "
        "on Linux, the Run key on Windows, a LaunchAgent on macOS. A data folder chosen with "
        "--data-dir or RECONNECT_DATA_DIR is kept in the entry.",
    )
    autostart.add_argument(
        "action",
        nargs="?",
        default="status",
        choices=("on", "off", "status"),
        help="on, off, or status (the default): whether it starts at login",
    )
    autostart.set_defaults(run=run_autostart)


def describe(state: AutostartState) -> str:
    """One or two lines a person reads: on or off, where, and what to do."""
    if state.enabled and state.program_missing:
        return (
            f"Reconnect is set to start when you log in (entry: {state.location}), but the "
            f"program it starts is gone: {state.program}.\n"
            f"Point it at this Reconnect with: {TURN_ON}"
        )
    if state.enabled:
        return f"Reconnect starts when you log in (entry: {state.location})."
    if state.turned_off_elsewhere:
        return (
            f"Reconnect does not start at login: its entry {state.location} is turned off in "
            f"your desktop's startup settings. Turn it on with: {TURN_ON}"
        )
    return f"Reconnect does not start at login. Turn it on with: {TURN_ON}"


def run_autostart(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    environ = context.environ
    try:
        if args.action == "status":
            print(describe(autostart_state(environ, sys.platform)), file=out)
            return EXIT_OK
        if args.action == "off":
            removed = disable(environ, sys.platform)
            if removed:
                where = entry_location(environ, sys.platform)
                print(
                    f"Reconnect will no longer start at login (removed {where}).",
                    file=out,
                )
            else:
                print("Reconnect was not starting at login; nothing to change.", file=out)
            return EXIT_OK
        chosen = args.data_dir is not None or bool(environ.get(DATA_DIR_VARIABLE))
        command = launch_command(context.paths.root if chosen else None)
        # Installed from a wheel, no icon theme knows Reconnect's id: name the file itself.
        icon = icons_dir() / "reconnect.svg"
        state = enable(environ, sys.platform, command, icon=str(icon) if icon.is_file() else APP_ID)
    except AutostartError as error:
        print(f"reconnect autostart: {error}", file=err)
        return EXIT_FAILED
    print(
        f"Reconnect will start quietly in the tray when you log in (entry: {state.location}).",
        file=out,
    )
    if chosen:
        print(f"It keeps your data in {context.paths.root}.", file=out)
    return EXIT_OK

"""Entry point of ``reconnect``: reads the command line, runs one command, and returns its
exit status (``reconnect.core.exit_codes``).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import NoReturn, TextIO

from reconnect import __version__
from reconnect.app import bootstrap
from reconnect.core.clock import Clock
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_BAD_INPUT, EXIT_FAILED
from reconnect.desktop.session import missing_session, unreachable_display
from reconnect.paths import DataFolderError
from reconnect.storage.problems import DatabaseProblem, explain

# The commands that may start Reconnect itself (no command: in the tray), so need a desktop.
STARTS_THE_APP = (None, "dashboard")


class UsageError(Exception):
    """The command line itself is wrong: one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a mistake in one line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="keep everything (database, logs, own practices) in DIR; "
        "also RECONNECT_DATA_DIR. RECONNECT_DATABASE_URL points at another database.",
    )


def build_parser() -> argparse.ArgumentParser:
    from reconnect.cli import (
        autostart_commands,
        backup_commands,
        doctor,
        experiment_commands,
        history_commands,
        library_commands,
        migrate_commands,
        remote_commands,
        report_commands,
        settings_commands,
        stats_commands,
    )

    parser = _Parser(
        prog="reconnect",
        description="Reconnect offers tiny moments of sensation during the working day and "
        "learns, gently, which ones bring something back for you. Everything stays on this "
        "computer. With no command, it starts in the system tray.",
        epilog="Exit status: 0 done, 1 the data folder or database could not be used "
        "(or there is no desktop to start in), "
        "2 something in the command was not right (nothing was written), "
        "3 no running Reconnect to talk to.",
    )
    parser.add_argument("--version", action="version", version=f"reconnect {__version__}")
    _data_dir_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    # --data-dir is accepted after the command too; SUPPRESS keeps the earlier value.
    common = argparse.ArgumentParser(add_help=False)
    _data_dir_option(common, argparse.SUPPRESS)

    library_commands.register(commands, [common])
    history_commands.register(commands, [common])
    backup_commands.register(commands, [common])
    migrate_commands.register(commands, [common])
    remote_commands.register(commands, [common])
    settings_commands.register(commands, [common])
    stats_commands.register(commands, [common])
    report_commands.register(commands, [common])
    experiment_commands.register(commands, [common])
    autostart_commands.register(commands, [common])
    doctor.register(commands, [common])
    return parser


def _run_tray(
    args: argparse.Namespace, context: bootstrap.Context, out: TextIO, err: TextIO
) -> int:
    from reconnect.app.run import run_tray

    return run_tray(context, out, err)


def _tray_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments of a plain start in the tray (nothing but ``--data-dir``), or None.

    Starting in the tray is what happens at every login: it skips building every command's
    parser (and importing their modules), which the tray never needs.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    data_dir = None
    while words:
        word = words.pop(0)
        if word == "--data-dir" and words and not words[0].startswith("-"):
            data_dir = words.pop(0)
        elif word.startswith("--data-dir=") and len(word) > len("--data-dir="):
            data_dir = word.split("=", 1)[1]
        else:
            return None
    return argparse.Namespace(data_dir=data_dir, command=None)


def main(
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command and return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        try:
            return _run_command(argv, environ, clock, out, err)
        finally:
            # A reader that went away is found here, not at exit with a traceback. (Started
            # by pythonw on Windows, there is no stdout at all.)
            if out is not None:
                out.flush()
    except BrokenPipeError:
        # `reconnect history --json | head`: stop quietly, as the Python documentation
        # advises (signal module, "Note on SIGPIPE"): what is still buffered goes nowhere.
        _send_the_rest_nowhere(out)
        return EXIT_FAILED


def _send_the_rest_nowhere(out: TextIO) -> None:
    try:
        descriptor = out.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's StringIO)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)


def _run_command(
    argv: Sequence[str] | None,
    environ: Mapping[str, str] | None,
    clock: Clock | None,
    out: TextIO,
    err: TextIO,
) -> int:
    try:
        args = _tray_arguments(argv) or build_parser().parse_args(argv)
    except UsageError as error:
        print(error, file=err)
        return EXIT_BAD_INPUT

    if args.command in STARTS_THE_APP:
        # Asked of the process's own environment, the one Qt reads, before Qt is loaded.
        missing = missing_session(os.environ) or unreachable_display(os.environ)
        if missing is not None:
            print(
                f"reconnect: no graphical session was found ({missing}). Start Reconnect from "
                "your desktop session, or log in to one first; 'reconnect doctor' says more.",
                file=err,
            )
            return EXIT_FAILED

    try:
        context = bootstrap.build(args.data_dir, environ, clock)
    except InputError as error:  # RECONNECT_TEST_SPEED is not a whole number of 1 or more
        print(f"reconnect: {error}", file=err)
        return EXIT_BAD_INPUT
    run: Callable[..., int] = args.run if args.command else _run_tray
    try:
        return run(args, context, out, err)
    except InputError as error:
        print(f"reconnect {args.command}: {error}", file=err)
        return EXIT_BAD_INPUT
    except (DatabaseProblem, DataFolderError) as error:
        print(f"reconnect: {error}", file=err)
        return EXIT_FAILED
    except Exception as error:
        # SQLite failing under a command (a damaged page, a full disk): plain words, no trace.
        if not isinstance(getattr(error, "orig", None), sqlite3.Error):
            raise
        print(f"reconnect: {explain(error)}", file=err)
        return EXIT_FAILED
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())

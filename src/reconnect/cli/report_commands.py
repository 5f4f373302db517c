"""``reconnect report``: a PDF of a few pages to keep or share, made on this computer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.cli.stats_commands import parse_date
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_OK
from reconnect.core.i18n import plural


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        parents=parents,
        help="make a PDF report to keep or share (for example with a therapist)",
        description="Make a PDF of two or three pages: how often you practised and checked "
        "in, what helped with its likely range, and when. Notes stay out unless --notes is "
        "given. It is made on this computer; nothing is sent anywhere.",
    )
    report.add_argument("--since", metavar="DATE", help="first day, like 2026-11-01")
    report.add_argument("--until", metavar="DATE", help="last day, like 2026-11-30")
    report.add_argument("--notes", action="store_true", help="include the notes you wrote")
    report.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to save")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.app.report import write_report

    since = parse_date(args.since, "--since")
    until = parse_date(args.until, "--until")
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} comes after --until {until}; swap them")
    path = Path(args.output).expanduser()
    if path.suffix.lower() != ".pdf":
        raise InputError(f"the report is a PDF: give a file name ending in .pdf (got {path})")
    if not path.parent.is_dir():
        raise InputError(f"there is no folder {path.parent} to save the report in")
    pages = write_report(context, path, since, until, args.notes)
    print(f"Saved the report ({plural(pages, '1 page', '{count} pages')}) as {path}.", file=out)
    return EXIT_OK

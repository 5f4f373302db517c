"""``reconnect practices``: the practice library, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.core.exit_codes import EXIT_OK
from reconnect.core.i18n import number, plural
from reconnect.core.practices import Practice


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    practices = commands.add_parser(
        "practices",
        parents=parents,
        help="list the practice library",
        description="List the practices: the bundled ones and your own (from the practices "
        "folder in the data folder).",
    )
    practices.add_argument("--json", action="store_true", help="print JSON instead of a table")
    practices.set_defaults(run=run_practices)


def practice_dict(practice: Practice) -> dict[str, object]:
    return {
        "id": practice.id,
        "title": practice.title,
        "summary": practice.summary,
        "senses": list(practice.senses),
        "minutes": practice.minutes,
        "seconds": practice.seconds,
        "place": practice.place.value,
        "needs_headphones": practice.needs_headphones,
        "own": practice.own,
    }


def run_practices(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    library = context.library
    if args.json:
        json.dump([practice_dict(p) for p in library], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        rows = [(p.id, p.title, str(p.minutes), ", ".join(p.senses)) for p in library]
        write_table(out, ("ID", "TITLE", "MIN", "SENSES"), rows)
        own = sum(1 for p in library if p.own)
        counted = plural(len(library), "1 practice", "{count} practices")
        print(f"\n{counted} ({number(own)} of your own).", file=out)
    for problem in library.problems:
        print(f"reconnect: a practice file was left out: {problem}", file=err)
    return EXIT_OK


def write_table(out: TextIO, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """Aligned columns; the last column is never padded."""
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    for row in (header, *rows):
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        print("  ".join([*cells, row[-1]]), file=out)

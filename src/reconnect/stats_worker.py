"""A short-lived process that works out the spark statistics, so the tray app never loads scipy.

Reads practice counts as JSON on standard input and writes the report as JSON:

    python -m reconnect.stats_worker < counts.json

The tray app runs all day and Python cannot unload modules, so scipy and numpy are imported
only here, and are gone when this process ends (what that saves: docs/performance.md).
"""

from __future__ import annotations

import json
import sys

from reconnect.core.spark_stats import compute, counts_from_plain, report_to_plain


def main() -> int:
    try:
        counts = counts_from_plain(json.load(sys.stdin))
    except (ValueError, UnicodeDecodeError) as error:
        print(f"reconnect stats worker: {error}", file=sys.stderr)
        return 2
    json.dump(report_to_plain(compute(counts)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

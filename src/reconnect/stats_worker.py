"""A short-lived process that works out the spark statistics, so the tray app never loads scipy.

Reads practice counts as JSON on standard input and writes the report as JSON:

    python -m reconnect.stats_worker < counts.json

The tray app runs all day; scipy and numpy would add about 40 MB to it for good after one look
at the dashboard, as Python cannot unload modules. In this process they are gone when it ends.
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

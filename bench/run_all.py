"""Run every benchmark, print one table of targets and figures, and write docs/performance.md.

Runs ``bench_start``, ``bench_idle``, ``bench_history`` and ``bench_soak`` one after the
other, each in its own process, showing their output as it comes. The table (with the date and
the machine) goes to docs/performance.md; with ``--quick`` nothing is written there, only to
``--out`` if given. The document's hand-written part (``KEPT_HEADING`` and what follows it up to
the generated "How to reproduce") is carried into each rewrite (``kept_section``).

    python -m bench.run_all [--quick] [--no-peers] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "performance.md"

# A figure line of bench_history (and whatever is added to it in the same style):
# "stats query (median)   45.10 ms   target <= 50 ms   PASS   baseline count(*) 0.12 ms (x366)"
_FIGURE = re.compile(
    r"^(?P<name>\S.*?)\s+(?P<value>-?\d+(?:\.\d+)?) (?P<unit>ms|s|MB|/min)\s+"
    r"target (?P<target>.+?)\s+(?P<verdict>PASS|MISS)\b\s*(?P<rest>.*)$"
)


@dataclass
class Outcome:
    """What one benchmark script did."""

    title: str
    command: list[str]
    status: int = 0
    seconds: float = 0.0
    output: str = ""
    rows: list[dict[str, object]] = field(default_factory=list)


def _run(title: str, module: str, args: list[str]) -> Outcome:
    """Run one script, echoing its output; its figures are read afterwards."""
    command = [sys.executable, "-m", module, *args]
    print(f"\n=== {title}: {' '.join(['python', '-m', module, *args])}", flush=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    began = time.monotonic()
    lines: list[str] = []
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line)
    outcome = Outcome(title, command, process.returncode, time.monotonic() - began, "".join(lines))
    if outcome.status != 0:
        outcome.rows.append(_failed(title, f"exit status {outcome.status}"))
    return outcome


def _failed(title: str, why: str) -> dict[str, object]:
    return {
        "benchmark": title,
        "figure": "(no figures)",
        "target": "",
        "measured": f"{why}; see its output",
        "peer": "",
        "met": False,
    }


def _with_json(title: str, module: str, args: list[str], work: Path) -> Outcome:
    out = work / f"{module.rsplit('.', 1)[-1]}.json"
    outcome = _run(title, module, [*args, "--json", str(out)])
    if outcome.status == 0:
        try:
            outcome.rows = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            outcome.rows = [_failed(title, "its figures could not be read")]
    return outcome


def history_rows(output: str) -> list[dict[str, object]]:
    """The figures among bench_history's lines (those with a target and a verdict)."""
    rows: list[dict[str, object]] = []
    for line in output.splitlines():
        match = _FIGURE.match(line.strip())
        if not match:
            continue
        name = match["name"].strip()
        if name.lower().startswith("check-in"):
            benchmark = "Check-in write"
        elif name.lower().startswith("dashboard"):
            benchmark = "Dashboard"
        else:
            benchmark = "History"
        rows.append(
            {
                "benchmark": benchmark,
                "figure": name,
                "target": match["target"].strip(),
                "measured": f"{match['value']} {match['unit']}",
                "peer": match["rest"].strip(),
                "met": match["verdict"] == "PASS",
            }
        )
    return rows


# --- the machine ---------------------------------------------------------------------------


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            name, _, value = line.partition(":" if ":" in line else "=")
            if name.strip() == key:
                return value.strip().strip('"')
    except OSError:
        pass
    return ""


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = _first("/proc/meminfo", "MemTotal")
    gib = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "?"
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    from reconnect import __version__

    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "CPU": _first("/proc/cpuinfo", "model name") or platform.processor() or "?",
        "cores": str(os.cpu_count()),
        "RAM": gib,
        "OS": f"{_first('/etc/os-release', 'PRETTY_NAME') or platform.system()}, "
        f"kernel {platform.release()}",
        "Python": platform.python_version(),
        "PySide6": pyside,
        "Reconnect": f"{__version__} ({commit or 'no git'})",
        "load average when started": " ".join(f"{load:.2f}" for load in os.getloadavg()),
    }


# --- the table and the document ----------------------------------------------------------


def _met(value: object) -> str:
    return {True: "yes", False: "**no**"}.get(value, "") if isinstance(value, bool) else ""


def table(rows: list[dict[str, object]]) -> list[str]:
    out = [
        "| benchmark | figure | target | measured | peer or baseline (same run) | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = [str(row.get(key, "")).replace("|", "\\|") for key in
                 ("benchmark", "figure", "target", "measured", "peer")]  # fmt: skip
        out.append("| " + " | ".join([*cells, _met(row.get("met"))]) + " |")
    return out


KEPT_HEADING = "## Why the code is shaped so"
# The first heading this script writes after the hand-written part.
GENERATED_AFTER = "## How to reproduce"


def kept_section(path: Path) -> list[str]:
    """The document's hand-written part, carried into each rewrite: from ``KEPT_HEADING`` up to
    ``GENERATED_AFTER`` (or the end), so sections added after it by hand are kept too."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(f"\n{KEPT_HEADING}\n")
    if start < 0:
        return []
    end = text.find(f"\n{GENERATED_AFTER}\n", start + 1)
    return [*text[start + 1 : end if end >= 0 else None].rstrip("\n").split("\n"), ""]


def document(
    when: datetime,
    host: dict[str, str],
    outcomes: list[Outcome],
    quick: bool,
    kept: Sequence[str] = (),
) -> str:
    rows = [row for outcome in outcomes for row in outcome.rows]
    met = sum(row.get("met") is True for row in rows)
    missed = sum(row.get("met") is False for row in rows)
    parts = [
        "# Performance",
        "",
        "Written by "
        + (
            "`python -m bench.run_all --quick` (tiny sizes: not figures to go by)"
            if quick
            else "`python -m bench.run_all`"
        )
        + f" on {when:%Y-%m-%d %H:%M %Z}. {met} targets met, {missed} missed.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in host.items()),
        "",
        "## Figures",
        "",
        *table(rows),
        "",
        "## How they are measured",
        "",
        "- **Start** (`bench/bench_start.py`): from just before the process is started until "
        "its event loop runs with the tray icon shown and the next break armed (Reconnect "
        "writes the monotonic time to `RECONNECT_READY_FILE` then), on a virtual desktop (Xvfb, "
        "a session bus, a stand-in system bus, trayer, openbox, dunst). Reconnect (the "
        "installed `reconnect`, a data folder with a year of generated history and a break "
        "just done) takes turns with a bare PySide6 app that only shows a tray icon "
        "(`bench/bare_tray.py`), with the floor: the same bare app that also imports "
        "APScheduler's `QtScheduler` and arms one `DateTrigger` job (`bench/bare_tray.py "
        "--apscheduler`), and with Safe Eyes (Debian's package, installed when missing), the "
        "order rotated each run; medians of 10 starts each, after one untimed start each. "
        "Target: at most 1.2 times the floor's median, measured in the same run; the bare app "
        "is shown without target. Safe Eyes writes no ready file: its time runs until its icon "
        "is seen embedded in the tray host, which is looked at every 10 ms (`xwininfo`; an icon's "
        "time is when the look that showed it answered). Reconnect is timed the same way in "
        "starts of its own, and the target is that time at most half of Safe Eyes'; its output "
        "also says how that time compares with its ready file's.",
        "- **Idle** (`bench/bench_idle.py`): Reconnect, Safe Eyes and Workrave (Debian's "
        "packages, installed by the script when missing) start together on one virtual "
        "desktop (Xvfb, a session bus, a stand-in system bus, trayer, openbox, dunst), each "
        "with a fresh home folder; after 60 s, each process tree is watched for 60 s. PSS, "
        "RSS and USS from `/proc/PID/smaps_rollup` at the end; CPU from the run time of every "
        "thread (`/proc/PID/task/*/schedstat`); wake-ups are voluntary context switches summed "
        "over all threads. PSS splits shared pages among all the processes that map them, so "
        "it drops when other programs use the same libraries (another Qt app from the same "
        "virtual environment, or GTK shared by Safe Eyes and Workrave); USS counts a library "
        "page as private while no other process maps it, so it moves the other way; RSS "
        "depends on neither. Then Reconnect alone is asked to offer a break and to skip it "
        "(`reconnect break-now`, a second later `reconnect skip`) and looked at again 30 s "
        "after the skip: what the tray keeps once it has touched the history (no target). "
        "Then Reconnect is ended and, with Safe Eyes and Workrave still running, two floor "
        "apps are measured the same way on the same desktop, one at a time, each 60 s after "
        "its start over the next 60 s: a bare PySide6 app that only shows a tray icon "
        "(`bench/bare_tray.py`), and the floor, the same app with APScheduler's `QtScheduler` "
        "started and one `DateTrigger` job armed (`bench/bare_tray.py --apscheduler`). They are "
        "measured after Reconnect rather than beside it because they map the same Qt "
        "libraries, which would lower everyone's PSS. Target: Reconnect's PSS at most 1.05 "
        "times the floor's. The output says what ran beside each of the two (the peers, and "
        "any process outside the benchmark mapping the same Qt libraries, which lowers PSS), "
        "and says the two are not comparable where that differed. Safe Eyes and Workrave are "
        "shown as peers.",
        "- **Soak** (`bench/bench_soak.py`): a working week of the installed app at "
        "`RECONNECT_TEST_SPEED=600` on the virtual desktop, driven through its control socket: "
        "300 prompts (started and checked in, stopped early, skipped, snoozed, timed out, "
        "deferred while a full-screen window has the focus), 50 dashboards shown on every "
        "section, 20 settings and 20 help windows. It begins with one round of every kind "
        "(each fate, then a dashboard, settings and help); the rest are spread evenly, the "
        "windows mixed among the prompts. Sampled every 3 s (30 virtual minutes): "
        "PSS and USS, threads, open descriptors, child processes, sound players, and the live "
        "Qt objects the app counts itself (`debug counts`: QObjects reachable from the "
        "application and its top-level widgets; Python objects whose class is PySide6's; "
        "after a collection, all Python objects, the blocks and 1 MiB arenas of Python's "
        "allocator, glibc's heap in use and freed but kept). At the start of the counted "
        "growth and at the end it also reads the app's private memory by kind of mapping and "
        "its modules, and says where memory grew and which modules came later. "
        "Growth is counted once every window and fate has been seen once and the first hour "
        "has passed (from the first sample after both) to the end, so loading each window's "
        "code once is not counted as growth. Wake-ups at rest are counted over 30 s with the "
        "breaks paused, before and after the soak, at the soak's test speed 600 (the app's "
        "timers run 600 times as often, and the pace is fixed for a run), so they are not "
        "comparable with the idle row's.",
        "- **History and check-in write** (`bench/bench_history.py`): a generated five-year "
        "history (about 14,000 sessions); each figure beside a plain baseline measured in the "
        "same run.",
        "",
        *kept,
        "## How to reproduce",
        "",
        "```sh",
        "scripts/setup                      # system packages and .venv",
        ".venv/bin/python -m bench.run_all  # about half an hour; installs safeeyes and workrave",
        "```",
        "",
        "Each benchmark also runs alone (`python -m bench.bench_start`, `bench.bench_idle`, "
        "`bench.bench_history`, `bench.bench_soak`; `--help` for their options, `--quick` for "
        "a tiny run). "
        "`python -m bench.run_all --quick --out FILE` is a quick look that leaves this file "
        "alone.",
        "",
        "## Output of this run",
        "",
    ]
    for outcome in outcomes:
        parts += [
            f"### {outcome.title} ({outcome.seconds:.0f} s, exit status {outcome.status})",
            "",
            "```",
            outcome.output.rstrip(),
            "```",
            "",
        ]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run_all", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny runs; docs/performance.md is left alone"
    )
    parser.add_argument(
        "--no-peers", action="store_true", help="Safe Eyes and Workrave left out (start and idle)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="write the report here (default docs/performance.md; none if --quick)",
    )
    args = parser.parse_args(argv)
    target = args.out if args.out is not None else (None if args.quick else DOCUMENT)
    quick = ["--quick"] if args.quick else []
    no_peers = ["--no-peers"] if args.no_peers else []
    when = datetime.now().astimezone()
    host = machine()
    with tempfile.TemporaryDirectory(prefix="reconnect-run-all-") as temp:
        work = Path(temp)
        outcomes = [
            _with_json("Start", "bench.bench_start", [*quick, *no_peers], work),
            _with_json("Idle", "bench.bench_idle", [*quick, *no_peers], work),
        ]
        history = _run("History", "bench.bench_history", quick)
        if history.status == 0:
            history.rows = history_rows(history.output) or [
                _failed("History", "no figure lines in its output")
            ]
        outcomes.append(history)
        outcomes.append(_with_json("Soak", "bench.bench_soak", quick, work))
    rows = [row for outcome in outcomes for row in outcome.rows]
    print("\n=== Summary\n")
    for line in table(rows):
        print(line)
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A new file (--out elsewhere) gets the hand-written part of docs/performance.md.
        kept = kept_section(target) or kept_section(DOCUMENT)
        target.write_text(document(when, host, outcomes, args.quick, kept), encoding="utf-8")
        print(f"\nWritten to {target}")
    return 1 if any(outcome.status != 0 for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())

"""What the soak benchmark looks at and how it judges it: samples of one process tree over the
soak, their growth per (virtual) hour once all was seen once, each against its target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.bench_idle import snapshot
from bench.harness import process_tree, read_quietly

# The processes playsound3 starts to play a sound (desktop/sound_processes.py).
SOUND_PLAYERS = frozenset({"aplay", "mpg123", "gst-play-1.0", "ffplay", "paplay", "pw-play"})
PSS_GROWTH_MB = 3.0
# glibc's arenas other than the main one live in heaps of 64 MiB aligned to their size (on
# 64-bit Linux), so anonymous memory that starts at such an address is one of them.
GLIBC_HEAP_ALIGN = 64 * 1024 * 1024
# Wake-ups at rest after the soak "as before it": within this many a minute, or a tenth more.
WAKEUPS_SLACK = 2.0
# When growth starts to count (bench_soak's first round, then ``reference``).
COUNTED = (
    "growth is counted once every window and fate has been seen once and the first hour has passed"
)


@dataclass(frozen=True)
class Sample:
    """One look at the app, ``virtual_h`` (virtual) hours into the soak."""

    virtual_h: float
    pss_mb: float
    uss_mb: float
    threads: int
    fds: int
    children: int
    sound_players: int
    qobjects: int
    wrappers: int
    gc_objects: int = -1
    python_blocks: int = -1
    malloc_in_use_mb: float = -1.0
    malloc_free_mb: float = -1.0
    python_arenas: int = -1
    python_block_mb: float = -1.0


def look(pid: int, virtual_h: float, counts: dict[str, int]) -> Sample:
    """A sample of the app ``pid`` and what it started; ``counts`` is the debug count."""
    shot = snapshot(pid)
    tree = process_tree(pid)
    players = sum(
        read_quietly(Path(f"/proc/{member}/comm")).strip() in SOUND_PLAYERS
        for member in tree
        if member != pid
    )
    try:
        fds = sum(1 for _ in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        fds = -1
    try:
        threads = sum(1 for _ in Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        threads = -1
    return Sample(
        virtual_h=virtual_h,
        pss_mb=shot.pss_kb / 1024,
        uss_mb=shot.uss_kb / 1024,
        threads=threads,
        fds=fds,
        children=len(tree) - 1,
        sound_players=players,
        qobjects=counts.get("qobjects", -1),
        wrappers=counts.get("wrappers", -1),
        gc_objects=counts.get("gc_objects", -1),
        python_blocks=counts.get("python_blocks", -1),
        malloc_in_use_mb=counts.get("malloc_in_use_kb", -1024) / 1024,
        malloc_free_mb=counts.get("malloc_free_kb", -1024) / 1024,
        python_arenas=counts.get("python_arenas", -1),
        python_block_mb=counts.get("python_block_kb", -1024) / 1024,
    )


def private_by_kind(pid: int) -> dict[str, float]:
    """The process's private memory (clean and dirty, in MB) by kind of mapping: ``heap``
    (glibc's main heap), ``anonymous`` (Python's arenas, glibc's other arenas, large blocks),
    ``stack``, and each mapped file by its name (pages of a library or font written or
    copied); anonymous memory aligned as glibc aligns the heaps of its other arenas is
    counted as those. Compared at two moments it says where growth lies."""
    kinds: dict[str, float] = {}
    kind = ""
    for line in read_quietly(Path(f"/proc/{pid}/smaps")).splitlines():
        first = line.split(maxsplit=1)[0] if line else ""
        if "-" in first and not first.endswith(":"):  # a mapping's header line
            fields = line.split(maxsplit=5)
            path = fields[5].strip() if len(fields) > 5 else ""
            if not path and int(first.split("-")[0], 16) % GLIBC_HEAP_ALIGN == 0:
                kind = "glibc arenas of threads"
            elif not path:
                kind = "anonymous"
            elif path == "[heap]":
                kind = "heap"
            elif path.startswith("[stack"):
                kind = "stack"
            elif path.startswith("["):
                kind = path
            else:
                kind = Path(path.split(" (deleted)")[0]).name
        elif first in ("Private_Clean:", "Private_Dirty:"):
            kinds[kind] = kinds.get(kind, 0.0) + int(line.split()[1]) / 1024
    return kinds


def grown_by_kind(before: dict[str, float], after: dict[str, float], most: int = 6) -> str:
    """The kinds of private memory that grew most between two ``private_by_kind``, in words."""
    change = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in {*before, *after}}
    grown = sorted(change.items(), key=lambda item: -abs(item[1]))[:most]
    total = sum(change.values())
    return f"{total:+.1f} MB in all; " + ", ".join(f"{k} {v:+.2f}" for k, v in grown)


@dataclass(frozen=True)
class Growth:
    """One figure's growth from the sample where growth starts to count (``COUNTED``) to the last.

    Attributes:
        figure: its name and unit.
        start: its value where growth starts to count; end: at the end of the soak.
        per_hour: (end - start) / the (virtual) hours between them.
        target: what is allowed, in words; met: whether it was.
    """

    figure: str
    start: float
    end: float
    per_hour: float
    target: str
    met: bool | None


# (field, label, unit, allowed growth once counted; None: shown, no target)
FIGURES: tuple[tuple[str, str, str, float | None], ...] = (
    ("pss_mb", "PSS", "MB", PSS_GROWTH_MB),
    ("uss_mb", "USS", "MB", None),
    ("threads", "threads", "", 0.0),
    ("fds", "open file descriptors", "", 0.0),
    ("children", "child processes", "", 0.0),
    ("sound_players", "sound players left", "", 0.0),
    ("qobjects", "live QObjects (reachable)", "", None),
    ("wrappers", "PySide6 wrappers (gc)", "", None),
    ("gc_objects", "Python objects (gc)", "", None),
    ("python_blocks", "Python allocator blocks", "", None),
    ("malloc_in_use_mb", "glibc heap in use", "MB", None),
    ("malloc_free_mb", "glibc heap freed but kept", "MB", None),
    ("python_arenas", "Python allocator arenas (1 MiB)", "", None),
    ("python_block_mb", "Python allocator blocks in use", "MB", None),
)


def reference(samples: Sequence[Sample], from_h: float) -> Sample:
    """The first sample at or after ``from_h`` virtual hours (the last, if none is)."""
    return next((s for s in samples if s.virtual_h >= from_h), samples[-1])


def growth(samples: Sequence[Sample], from_h: float) -> list[Growth]:
    """Each figure's growth from the first sample at or after ``from_h`` hours to the last:
    ``from_h`` is when the first round ended, or the end of the first hour if later."""
    first, last = reference(samples, from_h), samples[-1]
    hours = max(last.virtual_h - first.virtual_h, 1e-9)
    rows = []
    for name, label, unit, allowed in FIGURES:
        start, end = float(getattr(first, name)), float(getattr(last, name))
        grown = end - start
        if allowed is None:
            target, met = "(shown, no target)", None
        elif allowed == 0:
            target, met = "no growth", grown <= 0
        else:
            target, met = f"<= {allowed:g} {unit} growth", grown <= allowed
        figure = f"{label} ({unit})" if unit else label
        rows.append(Growth(figure, start, end, grown / hours, target, met))
    return rows


def wakeups_met(before: float, after: float) -> bool:
    """Wake-ups a minute at rest after the soak are as before it (within the slack)."""
    return after <= max(before * 1.1, before + WAKEUPS_SLACK)


def verdict(met: bool | None) -> str:
    return "" if met is None else ("PASS" if met else "MISS")


def wakeups_label(speed: int) -> str:
    """What the wake-ups at rest are: taken at the soak's speed, not at a real pace."""
    return (
        f"at the soak's test speed {speed} (its timers {speed} times as often), both before and "
        "after: not comparable with the idle benchmark's wake-ups"
    )


def table(
    rows: Sequence[Growth], before: float, after: float, from_h: float, speed: int
) -> list[str]:
    """The printed table: each figure where growth starts to count and at the end, growth
    per hour."""
    out = [
        f"{'figure':30} {'at ' + format(from_h, '.1f') + ' h':>10} {'at end':>10} "
        f"{'growth/h':>10}  target",
    ]
    for row in rows:
        out.append(
            f"{row.figure:30} {row.start:10.1f} {row.end:10.1f} {row.per_hour:10.3f}  "
            f"{row.target:22} {verdict(row.met)}"
        )
    out.append(
        f"{'wake-ups at rest (/min)':30} {before:10.1f} {after:10.1f} {'':10}  "
        f"{'as before (+10% or +2)':22} {verdict(wakeups_met(before, after))}"
    )
    out.append(f"  (wake-ups at rest: {wakeups_label(speed)})")
    return out


def json_rows(
    rows: Sequence[Growth], before: float, after: float, from_h: float, what: str, speed: int
) -> list[dict[str, object]]:
    """Rows for bench/run_all.py's table (its row format)."""
    out: list[dict[str, object]] = []
    for row in rows:
        out.append(
            {
                "benchmark": "Soak",
                "figure": f"{row.figure} growth from {from_h:.1f} h to the end",
                "target": row.target,
                "measured": f"{row.end - row.start:+.1f} ({row.per_hour:+.3f}/h; "
                f"{row.start:.1f} -> {row.end:.1f})",
                "peer": f"{what}; {COUNTED}",
                "met": row.met,
            }
        )
    out.append(
        {
            "benchmark": "Soak",
            "figure": f"wake-ups at rest after the soak, at speed {speed}",
            "target": "as before it (+10% or +2/min)",
            "measured": f"{after:.1f}/min",
            "peer": f"before the soak {before:.1f}/min; {wakeups_label(speed)}",
            "met": wakeups_met(before, after),
        }
    )
    return out


def samples_json(samples: Sequence[Sample]) -> list[dict[str, object]]:
    return [asdict(s) for s in samples]

"""Benchmark a working week of use: no growth in memory, threads, descriptors or processes.

The installed app (the venv's ``reconnect``) runs on a virtual desktop with a tray host
(``bench/harness.py``) at ``RECONNECT_TEST_SPEED`` (docs/testing.md), so a week of breaks passes
in minutes. It is driven through its control socket: ``break-now``, ``skip`` and ``snooze`` as
a person's command line sends them, and the ``debug`` command (answered only at a test speed)
to press the prompt's Start, the player's Stop and the check-in's Save, to open the dashboard
on every section, settings and help, to close them, and to count live Qt objects.

Prompts take every fate in turn: started and checked in, started and stopped early, skipped,
snoozed (the snooze comes back and is skipped), left to time out, and deferred while busy (a
full-screen window has the focus when a scheduled break comes due; the break waits, then is
skipped once it is offered). Every few (virtual) minutes the app is sampled
(``bench/bench_soak_measure.py``): PSS, USS, threads, open descriptors, child processes, sound
players, live Qt objects. Wake-ups at rest are counted over a quiet window (paused until
tomorrow) before the soak and after it.

The soak begins with one round of every kind of step (each fate, busy too, then the dashboard,
settings and help); the rest follow spread evenly, the windows mixed among the prompts. Growth
is counted once every window and fate has been seen once and the first hour has passed: from
the first sample after both, so loading each window's code once is not counted as growth.
That sample and the last are taken at rest, 3 s after the step before them, when what a
closed window freed has been given back.

Targets from then on: PSS grows by at most 3 MB; threads, descriptors, child processes and
sound players not at all; wake-ups at rest after the soak as before it. Both wake-up figures
are taken at the soak's test speed (the app's own timers run that many times as often), so
they are not comparable with the idle benchmark's: the pace is fixed for a run.

With ``--postgres`` the history is kept on a PostgreSQL server of the soak's own
(``tests/support/postgres.py``), which is restarted half-way through.

    python -m bench.bench_soak [--prompts 300] [--dashboards 50] [--windows 20]
                               [--speed 600] [--postgres] [--quick] [--json FILE]
                               [--trace-python]

``--trace-python`` also traces Python's own allocations from the start of the counted growth
(``tracemalloc``, through the ``debug`` command) and names, at the end, the places that still
hold what was allocated since: growth that is not there was allocated by C or C++ code. The
app runs several times slower meanwhile, so its timings and wake-ups are not the usual ones.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import bench_soak_measure as measure
from bench.bench_idle import figures, snapshot
from bench.harness import (
    BenchDesktop,
    DesktopUnavailable,
    NotReady,
    PreparedReconnect,
    last_lines,
    launch,
    prepare_reconnect,
    stop_app,
    wait_ready,
)
from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import decode_response, encode_request
from reconnect.paths import socket_folder

FATES = ("checked in", "stopped early", "skipped", "snoozed", "timed out")
BUSY = "deferred while busy"  # rarer: each waits for a scheduled break to come due
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FILM = "reconnect-soak-film"  # the title of the full-screen stand-in window
WAIT_S = 20.0  # the longest one step of a fate may take before the soak gives up
ASK_S = 15.0  # the longest the app may take to answer on its socket
TRACED_SLOWER = 10  # how much longer both may take while Python's allocations are traced
NUDGE_EVERY_S = 1.0  # under the idle limit at the test speed (60 minutes / 600 = 6 s)
# The samples growth is counted between are taken at rest: the app gives back what a closed
# window freed 2 s after it is gone (``GIVE_BACK_AFTER_MS`` in reconnect/app/windows.py).
AT_REST_S = 3.0


@dataclass(frozen=True)
class Plan:
    prompts: int
    dashboards: int
    windows: int  # settings and help, each
    speed: int
    rest_s: float  # the quiet window for wake-ups, before and after
    sample_every_s: float  # real seconds between samples
    settle_h: float  # (virtual) hours before growth is counted
    years: float
    busy_every: int  # one prompt in so many is deferred while busy


FULL = Plan(300, 50, 20, 600, 30.0, 3.0, 1.0, 0.2, 30)
QUICK = Plan(11, 2, 1, 600, 4.0, 1.0, 0.25, 0.02, 6)


class SoakFailed(RuntimeError):
    """The app did not do what a step waited for; says which, with the app's log."""


class Control:
    """The app's control socket, spoken to directly (no Qt in this process: it would share
    Qt's pages with the app and lower its PSS)."""

    def __init__(self, data_dir: Path, env: dict[str, str]) -> None:
        self.path = socket_folder(env) / server_name(data_dir)

    def ask(self, command: str, **args: Any) -> dict[str, Any]:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(ASK_S)
            sock.connect(str(self.path))
            sock.sendall(encode_request(command, args))
            answer = b""
            while not answer.endswith(b"\n"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        return decode_response(answer.rstrip(b"\n"))

    def wait_listening(self, within_s: float = 15.0) -> None:
        """Wait until the app answers on its socket (it listens once its tray has shown)."""
        deadline = time.monotonic() + within_s
        while True:
            try:
                self.ask("status")
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise SoakFailed("the app's control socket did not answer") from None
                time.sleep(0.05)

    def debug(self, action: str) -> dict[str, Any]:
        answer = self.ask("debug", action=action)
        if not answer["ok"]:
            raise SoakFailed(f"debug {action}: {answer['error']}")
        return answer["data"]  # type: ignore[no-any-return]

    def state(self) -> dict[str, Any]:
        return self.debug("state")


@dataclass
class Soak:
    """The running soak: the app, its control, the desktop, the samples so far."""

    plan: Plan
    desk: BenchDesktop
    reconnect: PreparedReconnect
    process: subprocess.Popen[bytes]
    log: Path
    control: Control
    started: float = 0.0
    next_sample: float = 0.0
    next_nudge: float = 0.0
    nudges: int = 0
    last_counts: dict[str, int] = field(default_factory=dict)
    # Growth is counted from the first sample at or after this (virtual) hour: once the first
    # round is done and the first hour has passed; None while the first round runs.
    counted_from_h: float | None = None
    round_done_h: float | None = None  # when the first round ended
    settled_counts: dict[str, int] = field(default_factory=dict)  # at that sample
    settled_private: dict[str, float] = field(default_factory=dict)  # and its private memory
    last_private: dict[str, float] = field(default_factory=dict)  # at the end
    settled_modules: list[str] = field(default_factory=list)  # imported by then
    last_modules: list[str] = field(default_factory=list)  # and by the end
    trace_python: bool = False  # Python's allocations traced from then on (``--trace-python``)
    traced: dict[str, Any] = field(default_factory=dict)  # what they still hold at the end

    def __post_init__(self) -> None:
        self.samples: list[measure.Sample] = []
        self.done: dict[str, int] = {fate: 0 for fate in (*FATES, BUSY)}
        self.done.update(prompts=0, dashboards=0, settings=0, help=0)

    def virtual_h(self) -> float:
        return (time.monotonic() - self.started) * self.plan.speed / 3600

    def nudge(self) -> None:
        """Move the mouse now and then: idle time counts at the test speed, and someone away
        from the keyboard gets no breaks."""
        if time.monotonic() < self.next_nudge:
            return
        self.next_nudge = time.monotonic() + NUDGE_EVERY_S
        self.nudges += 1
        spot = str(5 + self.nudges % 2)
        subprocess.run(["xdotool", "mousemove", spot, spot], env=self.desk.env(), check=False)

    def sample(self, force: bool = False) -> None:
        if not force and time.monotonic() < self.next_sample:
            return
        self.next_sample = time.monotonic() + self.plan.sample_every_s
        counts = self.last_counts = self.control.debug("counts")
        now = self.virtual_h()
        counted_from = float("inf") if self.counted_from_h is None else self.counted_from_h
        if not self.settled_counts and now >= counted_from:
            time.sleep(AT_REST_S)  # not just after a window closed: the reference is at rest
            now = self.virtual_h()
            counts = self.last_counts = self.control.debug("counts")
            self.settled_counts = counts
            self.settled_private = measure.private_by_kind(self.process.pid)
            self.settled_modules = self.control.debug("modules")["modules"]
            if self.trace_python:
                self.control.debug("trace-start")
        self.samples.append(measure.look(self.process.pid, now, counts))

    def first_round_done(self) -> None:
        """Growth is counted from now on, or from the end of the first hour if later."""
        self.round_done_h = self.virtual_h()
        self.counted_from_h = max(self.plan.settle_h, self.round_done_h)
        self.sample(force=True)

    def wait_for(self, what: str, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT_S
        while True:
            if self.process.poll() is not None:
                raise SoakFailed(f"the app ended while waiting for {what}:\n{last_lines(self.log)}")
            self.nudge()
            state = self.control.state()
            if test(state):
                return state
            if time.monotonic() > deadline:
                raise SoakFailed(
                    f"no {what} in {WAIT_S:g} s (last {state}):\n{last_lines(self.log)}"
                )
            time.sleep(0.05)

    def tidy(self) -> None:
        """Answer whatever a snooze or a scheduled break left showing."""
        for _ in range(20):
            state = self.control.state()
            if state["checkin"]:
                self.control.debug("check-in")
            elif state["player"]:
                self.control.debug("stop")
            elif state["prompt"]:
                self.control.ask("skip")
            else:
                return
            time.sleep(0.05)

    def offer(self) -> None:
        answer = self.control.ask("break-now")
        if not answer["ok"]:
            raise SoakFailed(f"break-now: {answer['error']}")
        self.wait_for("prompt", lambda s: s["prompt"])
        self.done["prompts"] += 1

    def fate(self, fate: str) -> None:
        self.tidy()
        if fate == BUSY:
            self.deferred_while_busy()
            self.done[fate] += 1
            return
        self.offer()
        if fate in ("checked in", "stopped early"):
            self.control.debug("start")
            if fate == "stopped early":
                # At once: under 20 s of practice, so no check-in follows (as for a person).
                self.wait_for("player", lambda s: s["player"] or s["checkin"])
                if self.control.state()["player"]:
                    self.control.debug("stop")
                if not self.wait_for("practice ended", lambda s: not s["player"])["checkin"]:
                    self.done[fate] += 1
                    return
            self.wait_for("check-in", lambda s: s["checkin"])
            self.control.debug("check-in")
            self.wait_for("check-in saved", lambda s: not s["checkin"])
        elif fate == "skipped":
            self.control.ask("skip")
            self.wait_for("prompt gone", lambda s: not s["prompt"])
        elif fate == "snoozed":
            self.control.ask("snooze", minutes=5)
            self.wait_for("prompt gone", lambda s: not s["prompt"])
            self.wait_for("snoozed prompt back", lambda s: s["prompt"])
            self.done["prompts"] += 1
            self.control.ask("skip")
        elif fate == "timed out":
            self.wait_for("prompt timed out", lambda s: not s["prompt"])
        self.done[fate] += 1

    def deferred_while_busy(self) -> None:
        """A full-screen window with the focus when a scheduled break comes due: it waits."""
        window = subprocess.Popen(
            ["xmessage", "-title", FILM, "-geometry", "200x100+0+0", "a full-screen film"],
            env=self.desk.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wid = _window_named(self.desk, FILM)
            _x(self.desk, "xdotool", "windowactivate", "--sync", wid)
            # What the busy source reads: the active window's _NET_WM_STATE (this xdotool is
            # too old for windowstate, so the property is set as a window manager would).
            _x(self.desk, "xdotool", "windowsize", wid, "100%", "100%")
            _x(self.desk, "xprop", "-id", wid, "-f", "_NET_WM_STATE", "32a", "-set",
               "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN")  # fmt: skip
            deadline = time.monotonic() + WAIT_S * 3  # the busy screen is looked at every 30 s
            while True:
                self.nudge()
                status = self.control.ask("status")["data"]
                if status.get("waiting_because"):
                    break
                if self.control.state()["prompt"]:  # came before the window counted: again
                    self.control.ask("skip")
                if time.monotonic() > deadline:
                    raise SoakFailed(f"no break waited for the full-screen window ({status})")
                time.sleep(0.2)
        finally:
            window.terminate()
            window.wait(5)
        self.wait_for("the waiting break", lambda s: s["prompt"])
        self.done["prompts"] += 1
        self.control.ask("skip")

    def windows(self, which: str) -> None:
        self.control.debug(which)
        self.control.debug("close-windows")
        self.wait_for("windows closed", lambda s: not s["windows"])
        self.done[which if which != "dashboard" else "dashboards"] += 1


def _x(desk: BenchDesktop, *command: str) -> str:
    result = subprocess.run(command, env=desk.env(), capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        raise SoakFailed(f"{' '.join(command)}: {result.stderr.strip()}")
    return result.stdout.strip()


def _window_named(desk: BenchDesktop, name: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env=desk.env(),
            capture_output=True,
            text=True,
            timeout=15,
        ).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.1)
    raise SoakFailed("the full-screen stand-in window did not appear")


WINDOWS = ("dashboard", "settings", "help")


def first_round(plan: Plan) -> list[str]:
    """The soak's first steps: one of every kind (each prompt's fate, busy too, then the
    dashboard, settings and help), so each window's code is loaded before growth is counted."""
    counts = {"dashboard": plan.dashboards, "settings": plan.windows, "help": plan.windows}
    return [*(*FATES, BUSY)[: plan.prompts], *(kind for kind in WINDOWS if counts[kind] > 0)]


def schedule(plan: Plan) -> list[str]:
    """The soak's steps: the first round, then the rest of the prompts' fates in turn with the
    rest of the windows spread evenly among them, dashboards, settings and help mixed."""
    first = first_round(plan)
    prompts = [
        BUSY if i % plan.busy_every == plan.busy_every // 2 else FATES[i % len(FATES)]
        for i in range(plan.prompts - sum(step not in WINDOWS for step in first))
    ]
    left = {
        "dashboard": plan.dashboards - first.count("dashboard"),
        "settings": plan.windows - first.count("settings"),
        "help": plan.windows - first.count("help"),
    }
    # Each kind at evenly spaced places in (0, 1), then all in the order of their places.
    placed = sorted(
        ((j + 0.5) / n, WINDOWS.index(kind), kind)
        for kind, n in left.items()
        for j in range(max(0, n))
    )
    extras = [kind for _, _, kind in placed]
    before: dict[int, list[str]] = {}  # prompt number -> the windows that come before it
    for n, extra in enumerate(extras):
        before.setdefault(round((n + 1) * len(prompts) / (len(extras) + 1)), []).append(extra)
    steps = list(first)
    for i, prompt in enumerate(prompts):
        steps += [*before.pop(i, []), prompt]
    return steps + [extra for _, group in sorted(before.items()) for extra in group]


def rest_wakeups(soak: Soak) -> float:
    """Wake-ups a minute with the breaks paused, over the plan's quiet window."""
    soak.tidy()
    soak.control.ask("pause", spec="until-tomorrow")
    time.sleep(min(2.0, soak.plan.rest_s))  # what the last step set going comes to rest
    before = snapshot(soak.process.pid)
    time.sleep(soak.plan.rest_s)
    after = snapshot(soak.process.pid)
    soak.control.ask("resume")
    return figures("Reconnect", before, after, soak.plan.rest_s).wakeups_per_min


def write_settings(data_dir: Path) -> None:
    settings = (
        json.loads((data_dir / "settings.json").read_text(encoding="utf-8") or "{}")
        if (data_dir / "settings.json").exists()
        else {}
    )
    settings.update({f"rhythm.{day}": "00:00-23:59" for day in DAYS})
    settings["rhythm.interval_minutes"] = 10  # scheduled breaks come between the soak's own
    settings["rhythm.idle_minutes"] = 60  # Xvfb has no one at its keyboard
    (data_dir / "settings.json").write_text(json.dumps(settings), encoding="utf-8")


def midday_zone(now: datetime) -> str:
    """A time zone where it is about noon, so every-day working hours hold all soak long."""
    offset = 12 - now.hour
    return "Etc/UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def run(
    plan: Plan, work: Path, server: Any = None, trace_python: bool = False
) -> tuple[Soak, float, float]:
    """Start the app, soak it, and measure wake-ups at rest before and after.

    Args:
        server: a PostgreSQL server (``tests/support/postgres.py``) to keep the history on,
            restarted half-way through; None: the history in the data folder (SQLite).
        trace_python: trace Python's allocations over the counted growth (slow).
    """
    desk = BenchDesktop(work / "home", window_manager=True)
    with desk:
        reconnect = prepare_reconnect(desk, work, plan.years)
        write_settings(reconnect.data_dir)
        env = {
            **reconnect.env,
            "RECONNECT_TEST_SPEED": str(plan.speed),
            "TZ": midday_zone(datetime.now(UTC)),
        }
        if server is not None:
            env["RECONNECT_DATABASE_URL"] = server.create_database()
        reconnect = PreparedReconnect(reconnect.data_dir, reconnect.ready_file, "", env)
        log = work / "reconnect.log"
        process = launch(reconnect.tray_command, env, log)
        try:
            wait_ready("Reconnect", process, reconnect.ready_file, log)
            control = Control(reconnect.data_dir, env)
            control.wait_listening()  # the socket listens just after the tray shows
            soak = Soak(plan, desk, reconnect, process, log, control, trace_python=trace_python)
            soak.nudge()
            before = rest_wakeups(soak)
            soak.started = time.monotonic()
            soak.sample(force=True)
            steps = schedule(plan)
            first = len(first_round(plan))
            for number, step in enumerate(steps, 1):
                if step in ("dashboard", "settings", "help"):
                    soak.windows(step)
                else:
                    soak.fate(step)
                if server is not None and number == len(steps) // 2:
                    server.stop()  # the shared history's server restarts, as after an update
                    server.start()
                    soak.done["server restarts"] = 1
                if number == first:
                    soak.first_round_done()
                soak.sample()
                if number % 25 == 0:
                    print(f"  {number}/{len(steps)} steps, {soak.virtual_h():.1f} h", flush=True)
            soak.tidy()
            time.sleep(AT_REST_S)  # the last practice's sound ends, its memory given back
            soak.sample(force=True)
            soak.last_private = measure.private_by_kind(process.pid)
            soak.last_modules = control.debug("modules")["modules"]
            if soak.trace_python and soak.settled_modules:
                soak.traced = control.debug("trace-top")
            after = rest_wakeups(soak)
        finally:
            stop_app(process, env, reconnect.quit_command)
    return soak, before, after


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_soak", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a short run, for the tests")
    parser.add_argument("--prompts", type=int)
    parser.add_argument("--dashboards", type=int)
    parser.add_argument("--windows", type=int, help="openings of settings, and of help")
    parser.add_argument("--speed", type=int)
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="keep the history on a PostgreSQL server of its own, restarted half-way",
    )
    parser.add_argument("--json", type=Path, help="write the rows for bench/run_all.py here")
    parser.add_argument(
        "--trace-python",
        action="store_true",
        help="name what Python itself still holds of what it allocated during the counted "
        "growth (tracemalloc; the app runs several times slower)",
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    plan = Plan(
        args.prompts if args.prompts is not None else plan.prompts,
        args.dashboards if args.dashboards is not None else plan.dashboards,
        args.windows if args.windows is not None else plan.windows,
        args.speed or plan.speed,
        *(plan.rest_s, plan.sample_every_s, plan.settle_h, plan.years, plan.busy_every),
    )
    with tempfile.TemporaryDirectory(prefix="reconnect-soak-") as temp:
        server = None
        try:
            if args.postgres:
                from tests.support.postgres import PostgresServer, find_binaries

                server = PostgresServer(find_binaries()).initialise().start()
            if args.trace_python:
                global WAIT_S, ASK_S
                WAIT_S, ASK_S = WAIT_S * TRACED_SLOWER, ASK_S * TRACED_SLOWER
            soak, before, after = run(plan, Path(temp), server, args.trace_python)
        except (DesktopUnavailable, NotReady, SoakFailed) as error:
            print(f"The soak could not run: {error}", file=sys.stderr)
            return 2
        finally:
            if server is not None:
                server.remove()
    done = ", ".join(f"{n} {what}" for what, n in soak.done.items())
    what = f"{soak.virtual_h():.1f} virtual h at speed {plan.speed}: {done}"
    print(f"Soak: {what}; {len(soak.samples)} samples")
    counted_from = soak.counted_from_h if soak.counted_from_h is not None else plan.settle_h
    start = measure.reference(soak.samples, counted_from)
    ended = "not reached" if soak.round_done_h is None else f"{soak.round_done_h:.1f} h"
    print(
        f"Growth is counted from {start.virtual_h:.1f} h: {measure.COUNTED} (the first round "
        f"of every kind ended at {ended}; the first {plan.settle_h:g} h had to pass too)"
    )
    settled, last = soak.settled_counts, soak.last_counts
    grown = {
        kind: n - settled.get(kind, 0)
        for kind, n in last.items()
        if n > settled.get(kind, 0) and kind.startswith(("top_level ", "wrappers "))
    }
    python_grown = sorted(
        (
            (n - settled.get(kind, 0), kind.removeprefix("objects "))
            for kind, n in last.items()
            if kind.startswith("objects ") and n > settled.get(kind, 0)
        ),
        reverse=True,
    )[:12]
    cache = f"{settled.get('statement_cache', '-')} -> {last.get('statement_cache', '-')}"
    if settled:
        print(f"Qt objects grown since then, by class: {grown or 'none'}")
        print(f"Python objects grown most since then, by kind: {python_grown or 'none'}")
        print(f"SQLAlchemy's compiled statements kept: {cache}")
        later = sorted(set(soak.last_modules) - set(soak.settled_modules))
        print(f"Modules first imported since then ({len(later)}): {', '.join(later) or 'none'}")
    else:
        print("Qt objects grown since then: not counted (no count was taken after that)")
    if soak.settled_private and soak.last_private:
        grown_where = measure.grown_by_kind(soak.settled_private, soak.last_private)
        print(f"Private memory grown since then, by kind of mapping (MB): {grown_where}")
    if soak.traced:
        print(
            f"Python's own allocations since then, still held: {soak.traced['kb']} kB in all; "
            "the most at (the rest of the growth is C or C++ memory):"
        )
        for line in soak.traced["top"]:
            print(f"  {line}")
    every = max(1, len(soak.samples) // 8)
    trace = ", ".join(f"{s.virtual_h:.1f} h {s.pss_mb:.1f}" for s in soak.samples[::every])
    print(f"Over the soak, PSS (MB): {trace}")
    rows = measure.growth(soak.samples, counted_from)
    for line in measure.table(rows, before, after, start.virtual_h, plan.speed):
        print(line)
    if args.json is not None:
        out = measure.json_rows(rows, before, after, start.virtual_h, what, plan.speed)
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

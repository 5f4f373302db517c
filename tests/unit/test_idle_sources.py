"""Which way of reading idle time is tried first on each desktop, why the others were passed
over, and the arithmetic of "away since" from the compositor's and logind's answers."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from pywayland.client.display import Display

from reconnect.core.clock import FakeClock
from reconnect.core.pace import Pace
from reconnect.desktop.idle import (
    PROBES,
    IdleMonitor,
    _Missing,
    idle_sources,
    notify_after,
    search_idle_monitor,
)
from reconnect.desktop.logind_idle import hinted_idle_seconds
from reconnect.desktop.wayland import generate
from reconnect.desktop.wayland.idle_notify import (
    IdleProtocol,
    IdleSince,
    WaylandIdleMonitor,
)

SWAY = {"WAYLAND_DISPLAY": "wayland-1", "XDG_SESSION_TYPE": "wayland"}
X11 = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def test_under_wayland_the_compositors_protocols_come_first_and_logind_last() -> None:
    assert idle_sources(SWAY, "linux") == (
        "ext-idle-notify-v1",
        "org_kde_kwin_idle",
        "mutter",
        "x11",
        "logind",
    )
    # a session that says it is Wayland, even without WAYLAND_DISPLAY in this environment
    assert idle_sources({"XDG_SESSION_TYPE": "wayland"}, "linux")[0] == "ext-idle-notify-v1"


def test_on_x11_the_screen_saver_extension_comes_first_then_mutter_then_logind() -> None:
    assert idle_sources(X11, "linux") == ("x11", "mutter", "logind")


def test_windows_and_macos_ask_only_their_own_facility() -> None:
    assert idle_sources(SWAY, "win32") == ("windows",)
    assert idle_sources(X11, "darwin") == ("macos",)
    assert set(PROBES) >= {"windows", "macos", "x11", "mutter", "logind"}


@dataclass
class FakeMonitor:
    name: str
    answer: float | None = 0.0
    closed: bool = False

    def idle_seconds(self) -> float | None:
        return self.answer

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeProbes:
    """Every probe, each answering as told; records the order they were asked in."""

    answers: dict[str, IdleMonitor | _Missing]
    asked: list[str] = field(default_factory=list)

    def table(self) -> dict[str, object]:
        def probe_for(name: str) -> object:
            def probe(_context: object) -> IdleMonitor | _Missing:
                self.asked.append(name)
                return self.answers.get(name, _Missing(f"no {name} here"))

            return probe

        return {name: probe_for(name) for name in PROBES}


def test_on_sway_17_the_kde_protocol_answers_after_ext_idle_notify_is_passed_over() -> None:
    kde = FakeMonitor("Wayland org_kde_kwin_idle")
    probes = FakeProbes(
        {
            "ext-idle-notify-v1": _Missing("the compositor does not offer ext_idle_notifier_v1"),
            "org_kde_kwin_idle": kde,
        }
    )

    found = search_idle_monitor(None, SWAY, "linux", probes=probes.table())  # type: ignore[arg-type]

    assert found.monitor is kde
    assert probes.asked == ["ext-idle-notify-v1", "org_kde_kwin_idle"]  # no further
    assert found.passed_over == ("the compositor does not offer ext_idle_notifier_v1",)


def test_on_gnome_wayland_mutter_answers_after_both_protocols_are_passed_over() -> None:
    mutter = FakeMonitor("GNOME Mutter", 12.0)
    probes = FakeProbes({"mutter": mutter})

    found = search_idle_monitor(None, SWAY, "linux", probes=probes.table())  # type: ignore[arg-type]

    assert found.monitor is mutter
    assert found.passed_over == ("no ext-idle-notify-v1 here", "no org_kde_kwin_idle here")


def test_a_source_that_does_not_answer_is_closed_and_the_next_is_tried() -> None:
    silent = FakeMonitor("X11 screen saver extension", None)
    logind = FakeMonitor("logind's idle hint")
    probes = FakeProbes({"x11": silent, "logind": logind})

    found = search_idle_monitor(None, X11, "linux", probes=probes.table())  # type: ignore[arg-type]

    assert found.monitor is logind
    assert silent.closed
    assert found.passed_over == (
        "X11 screen saver extension did not answer",
        "no mutter here",
    )


def test_when_nothing_answers_every_reason_and_each_fix_once_are_given() -> None:
    probes = FakeProbes(
        {
            "ext-idle-notify-v1": _Missing("no ext", "use a newer compositor"),
            "org_kde_kwin_idle": _Missing("no kde", "use a newer compositor"),
        }
    )

    found = search_idle_monitor(None, SWAY, "linux", probes=probes.table())  # type: ignore[arg-type]

    assert found.monitor is None
    assert found.passed_over == (
        "no ext",
        "no kde",
        "no mutter here",
        "no x11 here",
        "no logind here",
    )
    assert found.fixes == ("use a newer compositor",)
    assert found.unavailable().startswith("idle detection unavailable: no ext; no kde;")


# --- "away since" from the compositor's events, on a clock that moves only when told --------


def test_idle_since_counts_from_the_start_of_the_quiet_not_from_the_event(clock: FakeClock) -> None:
    since = IdleSince(60.0, clock.monotonic)
    assert since.seconds() == 0.0  # nothing said yet: not idle

    clock.advance(timedelta(seconds=75))  # input stopped 60 s before the event comes
    since.idled()
    assert since.idle
    assert since.seconds() == 60.0

    clock.advance(timedelta(minutes=4))
    assert since.seconds() == 300.0  # five minutes away

    since.resumed()
    assert not since.idle
    assert since.seconds() == 0.0
    clock.advance(timedelta(seconds=30))
    assert since.seconds() == 0.0  # back, and typing: not idle until the compositor says so


def test_loginds_hint_counts_from_when_it_was_set() -> None:
    assert hinted_idle_seconds(True, 1_000_000_000, 1300.0) == 300.0
    assert hinted_idle_seconds(False, 1_000_000_000, 1300.0) == 0.0
    assert hinted_idle_seconds(True, 0, 1300.0) == 0.0  # never stamped: nothing to count from
    assert hinted_idle_seconds(True, 2_000_000_000, 1300.0) == 0.0


# --- the compositor going away -----------------------------------------------------------


@pytest.fixture
def connection() -> Iterator[tuple[Display, socket.socket]]:
    """A client connection whose compositor end the test holds."""
    ours, theirs = socket.socketpair()
    display = Display(ours.detach())
    display.connect()
    try:
        yield display, theirs
    finally:
        theirs.close()
        display.disconnect()


def test_when_the_compositor_goes_away_the_answer_is_none_and_said_once(
    connection: tuple[Display, socket.socket],
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    display, compositor = connection
    since = IdleSince(60.0, clock.monotonic)
    monitor = WaylandIdleMonitor(display, [], since, IdleProtocol.KDE_IDLE)
    assert monitor.idle_seconds() == 0.0

    compositor.close()
    with caplog.at_level(logging.WARNING, "reconnect.desktop.wayland.idle_notify"):
        first, second = monitor.idle_seconds(), monitor.idle_seconds()

    assert (first, second) == (None, None)
    gone = [r for r in caplog.records if "compositor went away" in r.getMessage()]
    assert len(gone) == 1
    assert gone[0].getMessage().startswith("Wayland org_kde_kwin_idle: ")


# --- the generated bindings --------------------------------------------------------------


def test_the_shipped_bindings_are_what_the_scanner_makes_of_the_shipped_xml() -> None:
    assert {"ext-idle-notify-v1.xml", "kde-idle.xml"} <= {
        p.name for p in generate.PROTOCOLS.glob("*.xml")
    }
    assert generate.stale_bindings() == []
    assert generate.main(["--check"]) == 0


def test_each_protocols_licence_header_is_kept_in_its_xml_and_its_bindings() -> None:
    ext = (generate.PROTOCOLS / "ext-idle-notify-v1.xml").read_text(encoding="utf-8")
    kde = (generate.PROTOCOLS / "kde-idle.xml").read_text(encoding="utf-8")
    assert "Copyright © 2022 Simon Ser" in ext
    assert "Permission is hereby granted, free of charge" in ext
    assert "SPDX-License-Identifier: LGPL-2.1-or-later" in kde
    bindings = generate.BINDINGS
    assert "Copyright © 2022 Simon Ser" in (bindings / "ext_idle_notify_v1.py").read_text("utf-8")
    assert "LGPL-2.1-or-later" in (bindings / "idle.py").read_text("utf-8")


def test_the_compositor_is_asked_for_a_minute_or_a_tests_share_of_it() -> None:
    assert notify_after() == 60.0
    assert notify_after(Pace(6)) == 10.0

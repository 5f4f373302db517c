"""The headless Wayland desktops (sway, GNOME Shell, KDE Plasma) for the tests in this folder.

A module that asks for ``wayland_desktop`` runs each of its tests on every desktop, each desktop
started once for the module and stopped after it, even when a test fails. A desktop whose
packages are missing is skipped, saying which to install.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.wayland import DESKTOPS, DesktopUnavailable, WaylandDesktop

_timings: list[tuple[str, float, float]] = []


@pytest.fixture(scope="module", params=list(DESKTOPS))
def wayland_desktop(request: pytest.FixtureRequest) -> Iterator[WaylandDesktop]:
    """A running desktop, a terminal holding its keyboard."""
    kind = DESKTOPS[request.param]
    reason = kind.unavailable_reason()
    if reason:
        pytest.skip(reason)
    desktop = kind()
    try:
        desktop.start()
    except DesktopUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield desktop
    finally:
        desktop.stop()
        _timings.append((desktop.kind, desktop.timings["start"], desktop.timings["stop"]))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for kind, started, stopped in _timings:
        terminalreporter.write_line(
            f"wayland: {kind} started in {started:.1f} s, stopped in {stopped:.1f} s"
        )

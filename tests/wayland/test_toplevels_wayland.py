"""sway's window handles are freed where they were made, as soon as a window closes or the list
is closed: none is left for the garbage collector, which would free it on any thread."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reconnect.desktop.wayland.bindings.wlr_foreign_toplevel_management_unstable_v1 import (
    ZwlrForeignToplevelHandleV1,
    ZwlrForeignToplevelManagerV1,
)
from reconnect.desktop.wayland.toplevels import connect_toplevels
from tests.support.wayland import SwayDesktop
from tests.support.wayland import wait_until as wait_for

pytestmark = [pytest.mark.wayland, pytest.mark.slow]


@pytest.fixture(scope="module")
def sway() -> Iterator[SwayDesktop]:
    reason = SwayDesktop.unavailable_reason()
    if reason:
        pytest.skip(reason)
    desktop = SwayDesktop(tray_host=False).start()
    try:
        yield desktop
    finally:
        desktop.stop()


def live_handles() -> int:
    """Window handles still alive: pywayland files each live proxy in a weak registry."""
    return len(ZwlrForeignToplevelHandleV1.registry)


@pytest.fixture
def no_collector() -> Iterator[None]:
    """Only refcounting frees objects while a test runs: what sits in a cycle stays."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_closed_windows_handle_is_freed_at_once(sway: SwayDesktop, no_collector: None) -> None:
    toplevels = connect_toplevels(sway.wayland_display)
    assert not isinstance(toplevels, str), toplevels
    try:
        before = live_handles()
        assert before >= 1, "sway's terminal is listed"
        sway.swaymsg("exec foot --app-id second-window")
        wait_for(
            "the second window",
            lambda: any(w.app_id == "second-window" for w in sway.windows()),
            20,
        )
        wait_for(
            "its handle",
            lambda: toplevels.focused_full_screen() is not None and live_handles() == before + 1,
            10,
        )
        sway.swaymsg("[app_id=second-window] kill")
        wait_for(
            "the window's closed event to free its handle",
            lambda: toplevels.focused_full_screen() is not None and live_handles() == before,
            10,
        )
    finally:
        toplevels.close()
    assert live_handles() == 0, "closing the list frees every handle"
    assert len(ZwlrForeignToplevelManagerV1.registry) == 0, "and the manager"

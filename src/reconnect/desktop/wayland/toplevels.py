"""Whether the focused window is full screen, from the compositor's list of windows:
``wlr-foreign-toplevel-management`` (sway, Hyprland, labwc, Wayfire and other wlroots desktops)."""

from __future__ import annotations

import logging
import sys
from typing import Any

from pywayland.client.display import Display

from reconnect.desktop.wayland.bindings.wlr_foreign_toplevel_management_unstable_v1 import (
    ZwlrForeignToplevelHandleV1,
    ZwlrForeignToplevelManagerV1,
)
from reconnect.desktop.wayland.event_reader import WaylandEventReader

log = logging.getLogger(__name__)

NAME = "Wayland wlr-foreign-toplevel-management"
INTERFACE = "zwlr_foreign_toplevel_manager_v1"
_FULL_SCREEN_SINCE = 2  # the protocol's version that reports the full-screen state

ACTIVATED = int(ZwlrForeignToplevelHandleV1.state.activated)
FULLSCREEN = int(ZwlrForeignToplevelHandleV1.state.fullscreen)


def parse_states(raw: bytes) -> frozenset[int]:
    """The ``state`` event's array: 32-bit unsigned numbers in the machine's own byte order."""
    usable = len(raw) - len(raw) % 4
    return frozenset(int.from_bytes(raw[at : at + 4], sys.byteorder) for at in range(0, usable, 4))


class ToplevelStates:
    """The windows' states as the compositor told them, each applied at its ``done`` event.

    Keys are whatever names a window uniquely (the handle's proxy id).
    """

    def __init__(self) -> None:
        self._pending: dict[int, frozenset[int]] = {}
        self._applied: dict[int, frozenset[int]] = {}

    def state(self, window: int, raw: bytes) -> None:
        self._pending[window] = parse_states(raw)

    def done(self, window: int) -> None:
        if window in self._pending:
            self._applied[window] = self._pending.pop(window)

    def closed(self, window: int) -> None:
        self._pending.pop(window, None)
        self._applied.pop(window, None)

    def focused_full_screen(self) -> bool:
        """Whether a window that has the focus (``activated``) is full screen."""
        return any(
            ACTIVATED in states and FULLSCREEN in states for states in self._applied.values()
        )

    def __len__(self) -> int:
        return len(self._applied)


class WaylandToplevels(WaylandEventReader):
    """Keeps the windows' states up to date from the compositor's events, without polling (the
    events are read as they come, and whenever ``focused_full_screen`` is asked).

    Args:
        display: the connection, with the manager bound and the first windows read.
        keep: the protocol objects, kept alive with the connection; ``close`` forgets them.
        states: what the events update.
    """

    name = NAME

    def __init__(self, display: Display, keep: list[Any], states: ToplevelStates) -> None:
        self._keep = keep
        self._states = states
        super().__init__(display)

    def focused_full_screen(self) -> bool | None:
        """Whether the focused window is full screen; None once the compositor has gone away."""
        return self._states.focused_full_screen() if self.read_pending() else None

    def went_away(self, why: str) -> None:
        log.info("%s: the compositor went away (%s)", NAME, why)

    def close(self) -> None:
        """Disconnect; the compositor forgets this client's window list with it."""
        self._stop_watching()
        # The windows' handles go before the connection they live on. pywayland files a
        # handle the compositor made under the first connection it knows of, which may be
        # another one (idle time's), so disconnecting this one would not free them.
        # The registry and the manager are destroyed on this side only (they have no destroy
        # request), before the connection, so nothing dispatches to them once forgotten.
        for proxy in self._keep:
            forget(proxy, destroy=True)
        self._keep.clear()
        if not self._lost:
            self._lost = True
            self._display.disconnect()


def forget(proxy: Any, destroy: bool = False) -> None:
    """Break the reference cycles a pywayland proxy sits in, so it is freed here and now.

    A proxy holds a cffi handle to itself, and our event handlers hold the list that holds
    it: left to the garbage collector, it was freed on whatever thread ran the collection
    (once the sound worker's), and libwayland aborted there. Dropped here, refcounting frees
    it on the thread that made it.

    Args:
        proxy: a pywayland proxy of this connection.
        destroy: also send its ``destroy`` request (a window's handle), unless done already.
    """
    if destroy and not proxy.destroyed:
        proxy.destroy()
    dispatcher = proxy.dispatcher
    dispatcher._callback = [None] * len(dispatcher.messages)
    proxy._handle = None  # the C side dispatches to it no more once the proxy is destroyed
    proxy.user_data = None


def connect_toplevels(display_name: str | None = None) -> WaylandToplevels | str:
    """Connect to the compositor and read its windows' states.

    Args:
        display_name: ``WAYLAND_DISPLAY``, a name in ``XDG_RUNTIME_DIR`` or a path; the
            environment's when None.

    Returns:
        The window list, or why there is none: the display can't be reached, or the
        compositor does not offer the protocol (or only a version without full screen).
    """
    display = Display(display_name)
    try:
        display.connect()
    except ValueError:
        return f"the Wayland display {display_name or '(default)'} can't be reached"
    offered: dict[str, tuple[int, int]] = {}
    registry = display.get_registry()

    def on_global(_registry: Any, name: int, interface: str, version: int) -> None:
        offered.setdefault(interface, (name, version))

    registry.dispatcher["global"] = on_global

    def give_up(why: str) -> str:
        for proxy in keep:
            forget(proxy, destroy=True)
        keep.clear()
        display.disconnect()
        return why

    keep: list[Any] = [registry]
    if display.roundtrip() < 0:
        return give_up("the Wayland compositor did not answer")
    if INTERFACE not in offered:
        return give_up(f"the compositor does not offer {INTERFACE}")
    name, version = offered[INTERFACE]
    if version < _FULL_SCREEN_SINCE:
        return give_up(
            f"the compositor's {INTERFACE} is version {version}, which does not tell full screen"
        )
    states = ToplevelStates()
    manager = registry.bind(name, ZwlrForeignToplevelManagerV1, _FULL_SCREEN_SINCE)
    keep.append(manager)

    def on_toplevel(_manager: Any, handle: Any) -> None:
        window = id(handle)
        keep.append(handle)
        handle.dispatcher["state"] = lambda _h, raw: states.state(window, raw)
        handle.dispatcher["done"] = lambda _h: states.done(window)

        def on_closed(closing: Any) -> None:
            states.closed(window)
            forget(closing, destroy=True)
            if closing in keep:
                keep.remove(closing)

        handle.dispatcher["closed"] = on_closed

    manager.dispatcher["toplevel"] = on_toplevel
    # the windows come after the bind, each with its states and a done
    if display.roundtrip() < 0 or display.roundtrip() < 0:
        return give_up(f"the compositor stopped answering after {INTERFACE} was asked")
    return WaylandToplevels(display, keep, states)

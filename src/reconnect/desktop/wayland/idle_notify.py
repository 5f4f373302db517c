"""Idle time from the Wayland compositor itself: ``ext-idle-notify-v1`` or KDE's older
``org_kde_kwin_idle``, asked to say when no input came for a while and when input came back."""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from typing import Any

from pywayland.client.display import Display
from pywayland.protocol.wayland import WlSeat

from reconnect.desktop.wayland.bindings.ext_idle_notify_v1 import ExtIdleNotifierV1
from reconnect.desktop.wayland.bindings.idle import OrgKdeKwinIdle
from reconnect.desktop.wayland.event_reader import WaylandEventReader

log = logging.getLogger(__name__)

NOTIFY_AFTER = 60.0
"""Seconds without input before the compositor says so; below the shortest away threshold
(one minute), so the app's own threshold still decides what counts as away."""


class IdleProtocol(enum.Enum):
    """The compositor's protocols for idle notification, newest first.

    Each value is (what doctor calls it, the global's interface name).
    """

    EXT_IDLE_NOTIFY = ("Wayland ext-idle-notify-v1", "ext_idle_notifier_v1")
    KDE_IDLE = ("Wayland org_kde_kwin_idle", "org_kde_kwin_idle")

    @property
    def title(self) -> str:
        return self.value[0]

    @property
    def interface(self) -> str:
        return self.value[1]


class IdleSince:
    """When the person stopped touching keyboard and mouse, from the compositor's two events.

    The compositor says "idled" once ``timeout`` seconds have passed without input, so the
    person has been away since then minus the timeout; "resumed" ends it.

    Args:
        timeout: the seconds the compositor was asked to wait.
        monotonic: seconds on a clock that never jumps (``time.monotonic``).
    """

    def __init__(self, timeout: float, monotonic: Callable[[], float]) -> None:
        self._timeout = timeout
        self._monotonic = monotonic
        self._since: float | None = None

    def idled(self) -> None:
        self._since = self._monotonic() - self._timeout

    def resumed(self) -> None:
        self._since = None

    @property
    def idle(self) -> bool:
        return self._since is not None

    def seconds(self) -> float:
        """Seconds since the last input: 0 until the compositor has said "idled"."""
        if self._since is None:
            return 0.0
        return max(0.0, self._monotonic() - self._since)


class WaylandIdleMonitor(WaylandEventReader):
    """Answers ``idle_seconds`` from the compositor's idle notification, without polling (the
    events are read as they come, and whenever ``idle_seconds`` is asked).

    Args:
        display: the connection, with the notification already asked for.
        keep: the protocol objects, kept alive with the connection.
        since: the state the notification's events update.
        protocol: which protocol answers.
    """

    def __init__(
        self, display: Display, keep: list[Any], since: IdleSince, protocol: IdleProtocol
    ) -> None:
        self.name = protocol.title
        self._keep = keep
        self._since = since
        super().__init__(display)

    @property
    def idle(self) -> bool:
        """Whether the compositor said "idled" and not yet "resumed", as far as read so far."""
        return self._since.idle

    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None once the compositor has gone away."""
        return self._since.seconds() if self.read_pending() else None

    def went_away(self, why: str) -> None:
        log.warning(
            "%s: the Wayland compositor went away (%s); idle time is no longer read",
            self.name,
            why,
        )

    def close(self) -> None:
        """Disconnect; the compositor forgets the notification with the connection."""
        self._stop_watching()
        self._keep.clear()
        self._lost = True
        self._display.disconnect()


def connect_idle_monitor(
    protocol: IdleProtocol,
    display_name: str | None = None,
    notify_after: float = NOTIFY_AFTER,
    monotonic: Callable[[], float] = time.monotonic,
) -> WaylandIdleMonitor | str:
    """Connect to the compositor and ask it for idle notification through ``protocol``.

    Args:
        protocol: which of the two protocols to use.
        display_name: ``WAYLAND_DISPLAY``, a name in ``XDG_RUNTIME_DIR`` or a path; the
            environment's when None.
        notify_after: seconds without input before the compositor says so.
        monotonic: the clock the idle time is counted on.

    Returns:
        The monitor, or why there is none: the display can't be reached, or the compositor
        does not offer the protocol or a seat.
    """
    display = Display(display_name)
    try:
        display.connect()
    except ValueError:
        return f"the Wayland display {display_name or '(default)'} can't be reached"
    globals_: dict[str, tuple[int, int]] = {}
    registry = display.get_registry()

    def on_global(_registry: Any, name: int, interface: str, version: int) -> None:
        globals_.setdefault(interface, (name, version))

    registry.dispatcher["global"] = on_global
    if display.roundtrip() < 0:
        display.disconnect()
        return "the Wayland compositor did not answer"
    if protocol.interface not in globals_:
        display.disconnect()
        return f"the compositor does not offer {protocol.interface}"
    if "wl_seat" not in globals_:
        display.disconnect()
        return "the compositor offers no seat (keyboard and mouse)"
    seat = registry.bind(globals_["wl_seat"][0], WlSeat, 1)
    since = IdleSince(notify_after, monotonic)
    timeout_ms = max(1, round(notify_after * 1000))
    if protocol is IdleProtocol.EXT_IDLE_NOTIFY:
        manager = registry.bind(globals_[protocol.interface][0], ExtIdleNotifierV1, 1)
        notification = manager.get_idle_notification(timeout_ms, seat)
        notification.dispatcher["idled"] = lambda _proxy: since.idled()
    else:
        manager = registry.bind(globals_[protocol.interface][0], OrgKdeKwinIdle, 1)
        notification = manager.get_idle_timeout(seat, timeout_ms)
        notification.dispatcher["idle"] = lambda _proxy: since.idled()
    notification.dispatcher["resumed"] = lambda _proxy: since.resumed()
    if display.roundtrip() < 0:
        display.disconnect()
        return f"the compositor refused {protocol.interface}'s notification"
    return WaylandIdleMonitor(display, [registry, seat, manager, notification], since, protocol)

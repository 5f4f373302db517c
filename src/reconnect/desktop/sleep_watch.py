"""Notices when the machine wakes from sleep, the wall clock jumps or the time zone changes, so
the plan is remade."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

from reconnect.core.clock import Clock

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
# QtDBus names the receiving slot by its signature, as SLOT() spells it. PySide6 6.12 wants
# this str although its stubs say bytes, hence the type: ignore where it is passed.
_ON_PREPARE_FOR_SLEEP = SLOT("_on_prepare_for_sleep(bool)")


class SleepWatch(QObject):
    """Watches logind's PrepareForSleep and compares the wall clock with the monotonic one.

    The monotonic clock stands still while the machine sleeps and never follows a change of
    the system time; the wall clock does both. So a gap between how far each moved since the
    last ``check`` is a sleep or a jump. A change of time zone (travel, or a new system setting)
    moves neither, so ``check`` also looks the zone up again (where the clock can) and compares
    it. SleepWatch has no timer: the app's existing 30-second poll calls ``check``.

    Args:
        clock: where both times come from.
        threshold_seconds: gaps up to this size are taken as drift and ignored.
        system_bus: where logind lives; the system bus when None.
        parent: the Qt parent.

    Signals:
        resumed: the machine woke from sleep, the wall clock jumped or the time zone changed;
            recompute the plan.
        clock_jumped(float): seconds the wall clock moved beyond the monotonic clock;
            positive when it moved forward (or the machine slept), negative when back.
            Always followed by ``resumed``.
    """

    resumed = Signal()
    clock_jumped = Signal(float)

    def __init__(
        self,
        clock: Clock,
        threshold_seconds: float = 60.0,
        system_bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._threshold = threshold_seconds
        self._bus = system_bus
        self._watching: QDBusConnection | None = None
        self._wall, self._monotonic = self._read()
        self._zone = clock.now().tzinfo

    def _read(self) -> tuple[float, float]:
        # A POSIX timestamp, not a difference of datetimes: aware datetimes that share a
        # tzinfo subtract as naive ones, which would see every DST change as a jump.
        return self._clock.now().timestamp(), self._clock.monotonic()

    def start(self) -> bool:
        """Subscribe to logind's PrepareForSleep, where there is a system bus.

        Returns:
            Whether logind is watched; without it, ``check`` still sees sleeps afterwards.
        """
        if self._watching is not None:
            return True
        # Imported here: the tray shows itself and arms its first break without Qt's D-Bus.
        from PySide6.QtDBus import QDBusConnection

        bus = self._bus if self._bus is not None else QDBusConnection.systemBus()
        if not bus.isConnected():
            log.debug(
                "no system bus (%s); sleep is seen by the clocks only", bus.lastError().name()
            )
            return False
        # Any sender matches, which lets a test stand in for logind; a forged signal could only
        # make the plan be recomputed, which is harmless.
        if not bus.connect(  # type: ignore[call-overload]
            "",
            LOGIN1_PATH,
            LOGIN1_MANAGER,
            "PrepareForSleep",
            self,
            _ON_PREPARE_FOR_SLEEP,
        ):
            log.debug("can't watch PrepareForSleep: %s", bus.lastError().message())
            return False
        self._watching = bus
        return True

    def stop(self) -> None:
        """Stop watching logind."""
        if self._watching is not None:
            self._watching.disconnect(  # type: ignore[call-overload]
                "",
                LOGIN1_PATH,
                LOGIN1_MANAGER,
                "PrepareForSleep",
                self,
                _ON_PREPARE_FOR_SLEEP,
            )
            self._watching = None

    def check(self) -> None:
        """Compare both clocks with the last check; on a jump emit ``clock_jumped``, ``resumed``.

        A changed time zone emits ``resumed`` too (once, whether or not the clocks jumped).
        """
        zone_changed = self._zone_changed()
        if not self._check() and zone_changed:
            self.resumed.emit()

    def _zone_changed(self) -> bool:
        refresh = getattr(self._clock, "refresh_zone", None)
        if callable(refresh):
            refresh()  # the system clock reads TZ and /etc/localtime again
        zone = self._clock.now().tzinfo
        if zone == self._zone:
            return False
        log.info("the time zone changed from %s to %s", self._zone, zone)
        self._zone = zone
        return True

    def _check(self) -> bool:
        wall, monotonic = self._read()
        gap = (wall - self._wall) - (monotonic - self._monotonic)
        self._wall, self._monotonic = wall, monotonic
        if abs(gap) <= self._threshold:
            return False
        log.info("the wall clock moved %+.0f s beyond the monotonic clock", gap)
        self.clock_jumped.emit(gap)
        self.resumed.emit()
        return True

    @Slot(bool)
    def _on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            return
        # Checking now reports the sleep once, with its length, and resets the comparison so
        # the next poll doesn't report it again; a short nap still counts as a wake-up.
        if not self._check():
            self.resumed.emit()

"""The busy detector, made once the tray shows (or when a break first asks, if sooner): a stand-in
that keeps what it is told until then, so the start loads none of the busy checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect.desktop.busy import Busy, BusyDetector, BusySource


class LateBusy:
    """Stands in for a :class:`~reconnect.desktop.busy.BusyDetector` until ``made`` is asked for.

    Nothing told before is lost: the last sources given are handed to the detector when it
    is made; ``check`` and ``prepare`` make it first; ``release`` and ``close`` have nothing to
    let go of before.

    Args:
        make: makes the detector.
    """

    def __init__(self, make: Callable[[], BusyDetector]) -> None:
        self._make = make
        self._detector: BusyDetector | None = None
        self._sources: Callable[[], Sequence[BusySource]] | None = None  # kept until made

    @property
    def is_made(self) -> bool:
        return self._detector is not None

    @property
    def made(self) -> BusyDetector:
        """The detector, made now if not yet, with the sources kept for it."""
        if self._detector is None:
            self._detector = self._make()
            if self._sources is not None:
                self._detector.use_sources(self._sources())
                self._sources = None
        return self._detector

    def use_sources_from(self, sources: Callable[[], Sequence[BusySource]]) -> None:
        """Ask the sources ``sources`` makes: now once the detector is made, else when it is."""
        if self._detector is None:
            self._sources = sources
        else:
            self._detector.use_sources(sources())

    def check(self) -> Busy:
        return self.made.check()

    def prepare(self) -> None:
        self.made.prepare()

    def release(self) -> None:
        if self._detector is not None:
            self._detector.release()

    def close(self) -> None:
        if self._detector is not None:
            self._detector.close()

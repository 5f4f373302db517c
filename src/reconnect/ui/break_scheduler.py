"""Arms the next wake-up with APScheduler's Qt scheduler; the job only emits a Qt signal."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_JOB_ID = "next-wakeup"


class BreakScheduler(QObject):
    """One job at a time: the next moment the break planner wants to be asked again.

    The scheduler runs its jobs on the Qt thread (APScheduler's debug executor runs a job
    where the Qt timer fired), and the job does nothing but emit ``wakeup``, so no widget is
    ever touched from elsewhere. A wake-up that comes late (after sleep) still comes, once:
    the planner decides what a late wake-up means.

    Signals:
        wakeup: the armed time has come.
    """

    wakeup = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from apscheduler.executors.debug import DebugExecutor
        from apscheduler.schedulers.qt import QtScheduler

        self._scheduler = QtScheduler(
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        self._armed: datetime | None = None

    def start(self) -> None:
        self._scheduler.start()

    def arm(self, at: datetime | None) -> None:
        """Replace the armed wake-up (None: nothing armed)."""
        self._armed = at
        if self._scheduler.get_job(_JOB_ID):
            self._scheduler.remove_job(_JOB_ID)
        if at is None:
            return
        self._scheduler.add_job(
            self._fire, "date", run_date=at.astimezone(UTC), id=_JOB_ID, replace_existing=True
        )
        log.debug("next wake-up armed for %s", at.isoformat(timespec="seconds"))

    @property
    def armed_at(self) -> datetime | None:
        return self._armed

    def check_now(self) -> None:
        """Let the scheduler look at the time at once (after a clock jump or resume)."""
        self._scheduler.wakeup()

    def _fire(self) -> None:
        self._armed = None
        self.wakeup.emit()

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

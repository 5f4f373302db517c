"""Arms the next wake-up with APScheduler's Qt scheduler; the job only posts a Qt signal."""

from __future__ import annotations

import itertools
import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

_JOB_PREFIX = "next-wakeup"


class BreakScheduler(QObject):
    """One job at a time: the next moment the break planner wants to be asked again.

    The scheduler runs its jobs on the Qt thread (APScheduler's debug executor runs a job
    where the Qt timer fired). A job runs inside APScheduler's ``_process_jobs``, which
    removes the finished job by its id once the job returns; so the job only posts the
    wake-up to the Qt event loop, and ``wakeup`` is emitted after APScheduler is done with
    it. Whoever answers ``wakeup`` may arm again at once. Each arming has an id of its own as
    well, so a new job is never taken for the one that ran.

    A wake-up that comes late (after sleep) still comes, once: the planner decides what a
    late wake-up means. One that was posted but re-armed (or disarmed) before it was
    delivered is dropped: the newer arming stands. A moment already delivered and past is
    not armed again: it could only come again at once, over and over (the app's clock
    would then not be the system's, as in a test on a fake clock).

    Signals:
        wakeup: the armed time has come.
    """

    wakeup = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scheduler = _qt_scheduler(self)(
            executors={"default": _run_here()()},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        self._armed: datetime | None = None
        self._job_id: str | None = None
        self._delivered: datetime | None = None  # the moment of the last wake-up delivered
        self._ids = itertools.count(1)

    def start(self) -> None:
        self._scheduler.start()

    def arm(self, at: datetime | None) -> None:
        """Replace the armed wake-up (None: nothing armed)."""
        old, self._job_id = self._job_id, None
        if old is not None and self._scheduler.get_job(old) is not None:
            self._scheduler.remove_job(old)
        self._armed = at
        if at is None:
            return
        if at == self._delivered and at <= datetime.now(UTC):
            log.debug("the wake-up for %s came already; not armed again", at.isoformat())
            return
        job_id = f"{_JOB_PREFIX}-{next(self._ids)}"
        self._scheduler.add_job(
            self._fire, "date", run_date=at.astimezone(UTC), id=job_id, args=(job_id,)
        )
        self._job_id = job_id
        log.debug("next wake-up armed for %s", at.isoformat(timespec="seconds"))

    @property
    def armed_at(self) -> datetime | None:
        """The moment last asked for; None once its wake-up has come, or when disarmed."""
        return self._armed

    @property
    def next_run_at(self) -> datetime | None:
        """When a job really waits to wake the app; None when none does."""
        if self._job_id is None or self._scheduler.get_job(self._job_id) is None:
            return None
        return self._armed

    def check_now(self) -> None:
        """Let the scheduler look at the time at once (after a clock jump or resume)."""
        self._scheduler.wakeup()

    def _fire(self, job_id: str) -> None:
        # Inside APScheduler's _process_jobs: arming here would be undone when it removes
        # the finished job. Post, and let the event loop deliver once it has returned.
        QTimer.singleShot(0, self, lambda: self._deliver(job_id))

    def _deliver(self, job_id: str) -> None:
        if job_id != self._job_id:
            return  # armed again (or disarmed) since this one ran: the newer plan stands
        self._delivered = self._armed
        self._job_id = self._armed = None
        self.wakeup.emit()

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)


def _run_here() -> Any:
    """APScheduler's debug executor (a job runs where the Qt timer fired), without its leak.

    It runs the job, and counts it done, before counting it submitted: the count of each job
    that ran ends at 0 instead of being removed, so every arming's id stayed in its table for
    the rest of the run (found by the working-week soak). This one removes it.
    """
    from apscheduler.executors.debug import DebugExecutor

    class RunHere(DebugExecutor):  # type: ignore[misc]
        def submit_job(self, job: Any, run_times: Any) -> None:
            super().submit_job(job, run_times)
            with self._lock:
                if self._instances.get(job.id) == 0:
                    del self._instances[job.id]

    return RunHere


def _qt_scheduler(parent: QObject) -> Any:
    """APScheduler's QtScheduler with one timer of its own that it can stop.

    The stock one keeps what ``QTimer.singleShot`` returns, which is None in PySide6, so it
    can never stop a timer: each arming would start one more chain of timers, all firing at
    every wake-up for the rest of the run.
    """
    from apscheduler.schedulers.qt import QtScheduler

    class OneTimerQtScheduler(QtScheduler):  # type: ignore[misc]
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self._one_timer = QTimer(parent)
            self._one_timer.setSingleShot(True)
            self._one_timer.timeout.connect(self._process_jobs)

        def _start_timer(self, wait_seconds: float | None) -> None:
            self._stop_timer()
            if wait_seconds is not None:
                self._one_timer.start(min(int(wait_seconds * 1000), 2_147_483_647))

        def _stop_timer(self) -> None:
            self._one_timer.stop()

    return OneTimerQtScheduler

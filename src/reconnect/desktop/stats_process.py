"""Works out the spark statistics in a short-lived process (``reconnect.stats_worker``).

The window gets the report through a callback; if the process cannot run (a frozen build, a
broken interpreter), the report is made here instead, so the person always sees it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QProcess

from reconnect.core.spark_stats import (
    PracticeCounts,
    Report,
    compute,
    counts_to_plain,
    report_from_plain,
)

log = logging.getLogger(__name__)

Deliver = Callable[[Report], None]


class StatsProcess(QObject):
    """One computation at a time; a newer request makes the older one's answer be ignored."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._deliver: Deliver | None = None
        self._counts: Sequence[PracticeCounts] = ()
        application = QCoreApplication.instance()
        if application is not None:  # a process still running at exit is stopped quietly
            application.aboutToQuit.connect(self.cancel)

    def compute(self, counts: Sequence[PracticeCounts], deliver: Deliver) -> None:
        """Make the report of ``counts`` and hand it to ``deliver`` (later, on this thread)."""
        self.cancel()
        if getattr(sys, "frozen", False) or not counts:
            deliver(compute(counts))  # nothing to gain from a process, or no way to start one
            return
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "reconnect.stats_worker"])
        # Bound methods, not closures: a closure on the process's signal holding this object
        # became its last owner once the caller let go, and the process's deletion then
        # deleted this object, which deleted the process a second time (a Bus error).
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._not_started)
        self._process, self._deliver, self._counts = process, deliver, counts
        process.start()
        process.write(json.dumps(counts_to_plain(counts)).encode("utf-8"))
        process.closeWriteChannel()

    def cancel(self) -> None:
        """Forget the computation under way, if any; its answer will not be delivered."""
        process, self._process, self._deliver = self._process, None, None
        if process is not None and shiboken6.isValid(process):
            process.blockSignals(True)
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if not isinstance(process, QProcess) or process is not self._process:
            return
        output = bytes(process.readAllStandardOutput().data())
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            try:
                report = report_from_plain(json.loads(output))
            except ValueError as error:
                self._failed(process, f"unreadable answer: {error}")
                return
            self._done(report)
            return
        problem = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        self._failed(process, f"exit {code}: {problem.strip()[-300:]}")

    def _not_started(self, error: QProcess.ProcessError) -> None:
        process = self.sender()
        if isinstance(process, QProcess):
            self._failed(process, str(error))

    def _failed(self, process: QProcess, why: str) -> None:
        if (
            process is not self._process
            or not shiboken6.isValid(self)
            or not shiboken6.isValid(process)
        ):
            return  # an old request, or Qt is taking the process down with its window
        log.warning("the statistics process failed (%s); working them out here", why)
        self._done(compute(self._counts))

    def _done(self, report: Report) -> None:
        deliver, process = self._deliver, self._process
        self._process, self._deliver = None, None
        if process is not None and shiboken6.isValid(process):
            process.deleteLater()
        if deliver is not None:
            deliver(report)

"""A history that can't be written: told once for each kind of problem, and the breaks go on."""

from __future__ import annotations

import logging

from reconnect.core.i18n import translate
from reconnect.services.rhythm_ports import Notify
from reconnect.storage.problems import DatabaseProblem, explain

log = logging.getLogger(__name__)


class HistoryProblems:
    """What went wrong with the last write to the history, told to the person once.

    Args:
        notifier: where the person is told.
    """

    def __init__(self, notifier: Notify) -> None:
        self._notifier = notifier
        self.last: DatabaseProblem | None = None  # the last write failed: why

    def failed(self, error: Exception) -> DatabaseProblem:
        """A write failed: say what to do, once for each kind of problem until a write works
        again; the app goes on with what needs no history."""
        problem = explain(error)
        log.warning("the history could not be written: %s", problem)
        if self.last is None or self.last.kind != problem.kind:
            self._notifier.notify(
                translate("Rhythm", "Reconnect can't write to your history"), str(problem)
            )
        self.last = problem
        return problem

    def worked(self) -> None:
        """A write worked: the next failure is told again."""
        self.last = None

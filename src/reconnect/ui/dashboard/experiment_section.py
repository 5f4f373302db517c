"""The dashboard's "Compare": two practices offered in turn, how far it is, and what it showed.

It reads the experiments service when shown; starting goes through ``ExperimentDialog``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.experiments import DEFAULT_BREAKS, Arm, ExperimentResult
from reconnect.core.i18n import number, plural
from reconnect.core.practices import Practice
from reconnect.services.database_problems import DatabaseProblem
from reconnect.ui.dashboard.experiment_dialog import ExperimentDialog
from reconnect.ui.dashboard.figure_base import percent
from reconnect.ui.dashboard.section_parts import scrolling, wrapping


class ExperimentsPort(Protocol):
    """What the section asks of the experiments service (``services.experiments``)."""

    def start(self, a: str, b: str, breaks: int = ...) -> ExperimentResult: ...

    def stop(self) -> ExperimentResult | None: ...

    def running(self) -> ExperimentResult | None: ...

    def finished(self) -> list[ExperimentResult]: ...


def signed(value: float) -> str:
    """A difference of rates in percentage points, signed: "+12", "−5", "0"."""
    whole = round(value * 100)
    if whole == 0:
        return "0"
    return f"+{whole}" if whole > 0 else f"\N{MINUS SIGN}{-whole}"


def chance_text(value: float) -> str:
    """A chance that never reads as a certainty: "more than 99%", "less than 1%" at the ends."""
    if value > 0.99:
        return QCoreApplication.translate("ExperimentSection", "more than 99%")
    if value < 0.01:
        return QCoreApplication.translate("ExperimentSection", "less than 1%")
    return percent(value)


def _day(moment: datetime) -> str:
    return QLocale().toString(
        QDate(moment.year, moment.month, moment.day), QLocale.FormatType.LongFormat
    )


class ArmsTable(QWidget):
    """Each practice's counts in a row: offered, done, let go, chose another, check-ins."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(18)
        self.headers = (
            self.tr("Practice"),
            self.tr("Offered"),
            self.tr("Done"),
            self.tr("Let go"),
            self.tr("Chose another"),
            self.tr("Check-ins"),
            self.tr("Something stirred"),
            self.tr("Likely rate"),
        )
        for column, text in enumerate(self.headers):
            label = QLabel(text)
            label.setObjectName("quiet")
            self.grid.addWidget(label, 0, column, self._align(column))
        self.cells: list[list[QLabel]] = []
        for row in (1, 2):
            cells = [QLabel() for _ in self.headers]
            for column, cell in enumerate(cells):
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.grid.addWidget(cell, row, column, self._align(column))
            self.cells.append(cells)
        self.grid.setColumnStretch(0, 1)

    @staticmethod
    def _align(column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight

    def show_arms(self, arms: Sequence[Arm], too_early: bool) -> None:
        """Each practice's counts; its likely rate only once it is not too early to tell."""
        for cells, arm in zip(self.cells, arms, strict=True):
            counts = (arm.offered, arm.done, arm.declined, arm.other, arm.checkins, arm.sparks)
            rate = "-" if arm.rate is None or too_early else percent(arm.rate)
            for cell, value in zip(
                cells, (arm.title, *(number(n) for n in counts), rate), strict=True
            ):
                cell.setText(value)
            cells[0].setAccessibleName(self.describe_arm(arm))

    def describe_arm(self, arm: Arm) -> str:
        """One practice's row in words, for screen readers."""
        return self.tr(
            "{title}: offered {offered}, done {done}, let go {declined}, chose another "
            "{other}; something stirred in {sparks} of {checkins}."
        ).format(
            title=arm.title,
            offered=number(arm.offered),
            done=number(arm.done),
            declined=number(arm.declined),
            other=number(arm.other),
            sparks=number(arm.sparks),
            checkins=plural(arm.checkins, self.tr("1 check-in"), self.tr("{count} check-ins")),
        )


class ComparisonCard(QFrame):
    """One comparison: the two practices, how far it went, their counts and what it showed."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dashboardCard")
        self.title = wrapping(name="cardTitle")
        self.meta = wrapping(name="quiet")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.arms = ArmsTable()
        self.sentence = wrapping(name="observations")
        self.difference = wrapping()
        self.chance = wrapping()
        self.note = wrapping(
            self.tr(
                "“Let go” counts offers that were skipped, snoozed or left to pass. They are "
                "counted apart, never as “nothing”."
            ),
            "quiet",
        )
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.meta,
            self.progress,
            self.arms,
            self.sentence,
            self.difference,
            self.chance,
            self.note,
        ):
            layout.addWidget(widget)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)

    def show_result(self, result: ExperimentResult) -> None:
        experiment = result.experiment
        self.title.setText(self.tr("“{a}” and “{b}”").format(a=result.a.title, b=result.b.title))
        how_far = plural(
            experiment.breaks,
            self.tr("{offered} of 1 break"),
            self.tr("{offered} of {count} breaks"),
            offered=number(result.offered),
        )
        started = _day(experiment.started_at)
        if experiment.ended_at is None:
            self.meta.setText(self.tr("Started on {day}.").format(day=started))
        else:
            ended = _day(experiment.ended_at)
            when = (
                self.tr("On {day}").format(day=started)
                if ended == started
                else self.tr("{start} to {end}").format(start=started, end=ended)
            )
            said = (
                self.tr("{when}. Stopped after {how_far}.")
                if experiment.stopped_early
                else self.tr("{when}, {how_far}.")
            )
            self.meta.setText(said.format(when=when, how_far=how_far))
        self.progress.setVisible(experiment.running)
        self.progress.setRange(0, max(experiment.breaks, 1))
        self.progress.setValue(min(result.offered, experiment.breaks))
        self.progress.setFormat(how_far)
        self.progress.setAccessibleName(
            self.tr("How far the comparison is: {how_far}").format(how_far=how_far)
        )
        self.arms.show_arms((result.a, result.b), result.verdict == "too-early")
        self.sentence.setText(result.sentence)
        self._show_ranges(result)
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(" ".join(self.describe()))

    def _show_ranges(self, result: ExperimentResult) -> None:
        a, b = result.a.title, result.b.title
        difference, range80, range95 = result.difference, result.range80, result.range95
        shown = difference is not None and range80 is not None and range95 is not None
        if difference is not None and range80 is not None and range95 is not None:
            self.difference.setText(
                self.tr(
                    "Difference, {a} minus {b}: {middle} percentage points. 80% likely between "
                    "{low} and {high}; 95% likely between {low95} and {high95}."
                ).format(
                    a=a,
                    b=b,
                    middle=signed(difference),
                    low=signed(range80[0]),
                    high=signed(range80[1]),
                    low95=signed(range95[0]),
                    high95=signed(range95[1]),
                )
            )
        self.difference.setVisible(shown)
        chance = result.chance_a_better
        if chance is not None:
            self.chance.setText(
                self.tr(
                    "Chance that something stirs more often with {a} than with {b}: {chance}."
                ).format(a=a, b=b, chance=chance_text(chance))
            )
        self.chance.setVisible(chance is not None)

    def describe(self) -> list[str]:
        """What the card says, in reading order (screen readers, tests)."""
        labels = (self.title, self.meta, self.sentence, self.difference, self.chance)
        said = [label.text() for label in labels if not label.isHidden() and label.text()]
        if not self.progress.isHidden():
            said.insert(2, self.progress.format())
        return said


class ExperimentSection(QWidget):
    """No comparison yet: what it is and a button; else the running one, then earlier ones.

    Args:
        experiments: the experiments service; None where it can't be had (said so).
        practices: the library's practices, for the dialog's choosers (read at each opening).

    Signals:
        changed: a comparison was started or stopped here.
    """

    changed = Signal()

    def __init__(
        self,
        experiments: ExperimentsPort | None,
        practices: Iterable[Practice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._experiments = experiments
        self._practices = practices
        self.heading = wrapping(self.tr("Compare two practices"), "cardTitle")
        self.about = wrapping(
            self.tr(
                "Wondering whether one practice brings you more than another? Reconnect can "
                "offer one of two practices at your next {count} breaks (or as many as you "
                "choose), in a random order, half each. You can still skip a break or choose "
                "something else; that is counted apart. After a practice, “nothing” is an "
                "answer too, and it counts. You can stop at any time, and what was learnt so "
                "far is kept."
            ).format(count=number(DEFAULT_BREAKS)),
            "emptyState",
        )
        self.compare_button = QPushButton(self.tr("Compare two p&ractices…"))
        self.compare_button.setAccessibleName(self.tr("Compare two practices"))
        self.compare_button.clicked.connect(lambda: self.open_dialog())
        self.problem = wrapping(name="problemNote")
        self.problem.hide()
        self.running_card = ComparisonCard()
        self.stop_button = QPushButton(self.tr("Stop compar&ing"))
        self.stop_button.setAccessibleName(self.tr("Stop comparing"))
        self.stop_button.setToolTip(
            self.tr("The breaks go back to the usual suggestions; what was learnt is kept.")
        )
        self.stop_button.clicked.connect(self.stop)
        self.running_card.buttons.addWidget(self.stop_button)
        self.finished_heading = wrapping(self.tr("Earlier comparisons"), "cardTitle")
        self.finished_cards: list[ComparisonCard] = []
        self._finished_box = QVBoxLayout()
        page = QWidget()
        page.setObjectName("page")
        inner = QVBoxLayout(page)
        inner.addWidget(self.heading)
        inner.addWidget(self.about)
        row = QHBoxLayout()
        row.addWidget(self.compare_button)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.problem)
        inner.addWidget(self.running_card)
        inner.addSpacing(self.fontMetrics().height() // 2)
        inner.addWidget(self.finished_heading)
        inner.addLayout(self._finished_box)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(page, self.tr("Compare two practices")))
        if experiments is None:
            self.about.setText(
                self.tr("Comparing two practices isn't available here. Everything else works.")
            )
            self.compare_button.hide()
        self.running_card.hide()
        self.finished_heading.hide()

    @property
    def available(self) -> bool:
        return self._experiments is not None

    def reload(self) -> None:
        """Read the running comparison and the earlier ones again.

        Raises:
            DatabaseProblem: the history can't be read (the window says so calmly).
        """
        if self._experiments is not None:
            self.show_state(self._experiments.running(), self._experiments.finished())

    def show_state(
        self, running: ExperimentResult | None, finished: Sequence[ExperimentResult]
    ) -> None:
        """The running comparison (or the invitation), then the finished ones, newest first."""
        self.problem.hide()
        self.about.setVisible(running is None)
        self.heading.setVisible(running is None)
        self.compare_button.setVisible(running is None and self._experiments is not None)
        self.running_card.setVisible(running is not None)
        if running is not None:
            self.running_card.show_result(running)
        for card in self.finished_cards:
            card.setParent(None)
            card.deleteLater()
        self.finished_cards = []
        for result in finished:
            card = ComparisonCard()
            card.note.hide()
            card.show_result(result)
            self._finished_box.addWidget(card)
            card.show()  # added to a page already shown
            self.finished_cards.append(card)
        self.finished_heading.setVisible(bool(finished))

    def open_dialog(self, first: str | None = None) -> ExperimentDialog | None:
        """Ask which two practices to compare, with ``first`` chosen as the first one.

        Returns:
            the dialog, open and modal to the window; None when comparing isn't available.
        """
        if self._experiments is None:
            return None
        experiments = self._experiments
        try:
            running = experiments.running()
        except DatabaseProblem as error:
            self._say(str(error))
            return None
        if running is not None:  # asked from What helps or the library
            self._say(
                self.tr(
                    "{a} and {b} are being compared now, and one comparison runs at a time. "
                    "To start another, stop this one first; what it showed so far is kept."
                ).format(a=running.a.title, b=running.b.title)
            )
            return None
        dialog = ExperimentDialog(
            self._practices, lambda a, b, n: experiments.start(a, b, n), first, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._started)
        dialog.open()
        return dialog

    def _started(self) -> None:
        self.problem.hide()
        self.changed.emit()

    def stop(self) -> None:
        """Stop the running comparison; what it showed stays, among the earlier ones."""
        if self._experiments is None:
            return
        try:
            self._experiments.stop()
        except (InputError, DatabaseProblem) as error:
            self._say(str(error))
            return
        self.problem.hide()
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.problem.setText(text[:1].upper() + text[1:])
        self.problem.show()

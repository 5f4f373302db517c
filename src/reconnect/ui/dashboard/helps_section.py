"""The dashboard's "What helps": practices ranked by how surely they have brought something."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QVBoxLayout, QWidget

from reconnect.core.i18n import number
from reconnect.core.spark_stats import ORDERING_SENTENCE, TOO_EARLY_SENTENCE, Report
from reconnect.services.dashboard import Figures
from reconnect.ui.dashboard.figure_base import plural
from reconnect.ui.dashboard.figure_table import NumbersCard, percent
from reconnect.ui.dashboard.ranked_bars import RankedBars
from reconnect.ui.dashboard.section_parts import no_checkins_in_range, scrolling, wrapping


class HelpsSection(QWidget):
    """Practices ranked by how surely they have brought something, with their likely range.

    Args:
        start: starts the practice of the id given.
        comparing: offer to compare a practice with another (``compare_requested``).

    Signals:
        compare_requested(str): compare the practice of this id with another ("": none
            listed yet).
    """

    compare_requested = Signal(str)

    def __init__(self, start: Callable[[str], None], comparing: bool = False) -> None:
        super().__init__()
        self._comparing = comparing
        self._ids: list[str] = []
        self.ordering = wrapping(QCoreApplication.translate("SparkStats", ORDERING_SENTENCE))
        self.empty = wrapping(name="emptyState")
        self.bars = RankedBars()
        self.bars.setObjectName("page")
        self.bars.practice_activated.connect(start)
        self.card = NumbersCard(
            self.tr("What helps"),
            (
                self.tr("Practice"),
                self.tr("Check-ins"),
                self.tr("Something stirred"),
                self.tr("Likely range"),
                self.tr("Middle"),
                self.tr("Note"),
            ),
            scrolling(self.bars, self.tr("What helps, most surely first")),
        )
        # Right-click (or the menu key) on a practice: start it, or compare it with another.
        self.bars.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.bars.customContextMenuRequested.connect(self._row_menu)
        self.compare_button = QPushButton(self.tr("Co&mpare with another practice…"))
        self.compare_button.setAccessibleName(
            self.tr("Compare the chosen practice with another practice")
        )
        self.compare_button.setToolTip(
            self.tr(
                "Compare the practice chosen above (the first, if none is) with another: your "
                "next breaks offer each in turn."
            )
        )
        self.compare_button.clicked.connect(lambda: self.compare(self.bars.current_id()))
        self.compare_button.setVisible(comparing)
        self.card.buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ordering)
        layout.addWidget(self.empty)
        layout.addWidget(self.card, 1)
        layout.addStretch(0)  # with the card hidden, the empty state stays at the top

    def compare(self, practice_id: str | None) -> None:
        """Ask to compare ``practice_id`` (None: the first listed) with another."""
        if self._comparing:
            self.compare_requested.emit(practice_id or (self._ids[0] if self._ids else ""))

    def _row_menu(self, point: QPoint) -> None:
        rows = [i for i in range(len(self._ids)) if self.bars.row_rect(i).contains(point)]
        practice_id = self._ids[rows[0]] if rows else self.bars.current_id()
        if practice_id is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("&Start"), lambda: self.bars.practice_activated.emit(practice_id))
        if self._comparing:
            menu.addAction(
                self.tr("&Compare with another practice…"), lambda: self.compare(practice_id)
            )
        menu.popup(self.bars.mapToGlobal(point))

    def show_figures(self, figures: Figures) -> None:
        """Until the report is there: a kind word, or the empty state when there is nothing."""
        if figures.checkins:
            self.empty.setText(self.tr("Working out what tends to help…"))
            self.empty.show()
            self.card.hide()
            self.ordering.hide()
        else:
            self.show_report(figures, None)

    def show_report(self, figures: Figures, report: Report | None) -> None:
        rated = report.rated if report is not None else ()
        if not figures.any_history:
            self.empty.setText(
                self.tr(
                    "Practices you check in on will be listed here, with how often something "
                    "stirred and how sure that is. Nothing is a fine answer; it counts too."
                )
            )
        elif not rated:
            self.empty.setText(no_checkins_in_range())
        elif report is not None and report.overall.too_early:  # no ranges, no ranking yet
            self.empty.setText(QCoreApplication.translate("SparkStats", TOO_EARLY_SENTENCE))
            rated = ()
        self.empty.setVisible(not rated)
        self.card.setVisible(bool(rated))
        self.ordering.setVisible(bool(rated))
        self.bars.set_practices(rated, figures.r0)
        self._ids = [p.id for p in rated]
        self.bars.setMinimumHeight(self.bars.sizeHint().height())  # scrolls, never squeezes
        rows, sentences = [], []
        for p in rated:
            low, high = p.interval80
            note = self.tr("still learning") if p.still_learning else ""
            span = self.tr("{low} to {high}").format(low=percent(low), high=percent(high))
            rows.append(
                (
                    p.title,
                    number(p.checkins),
                    number(p.sparks),
                    span,
                    percent(p.posterior_mean),
                    note,
                )
            )
            values = {
                "title": p.title,
                "sparks": number(p.sparks),
                "times": plural(p.checkins, "check-in"),
                "low": percent(low),
                "high": percent(high),
            }
            if p.still_learning:
                sentence = self.tr(
                    "{title}: something stirred in {sparks} of {times}; likely "
                    "{low} to {high} of the time; still learning."
                )
            else:
                sentence = self.tr(
                    "{title}: something stirred in {sparks} of {times}; likely "
                    "{low} to {high} of the time."
                )
            sentences.append(sentence.format(**values))
        self.card.model.set_rows(rows, sentences)

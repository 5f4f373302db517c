"""The dashboard's "When" section.

Hour by weekday, month by month, week by week, day by day, and the places and words noted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.i18n import number
from reconnect.core.time_patterns import SEASON_NOTE, MarkCounts
from reconnect.core.vocabulary import body_area_text, feeling_text
from reconnect.services.dashboard import DashboardReader, Figures
from reconnect.ui.dashboard.calendar_widget import CalendarWidget
from reconnect.ui.dashboard.heatmap_widget import HeatmapWidget
from reconnect.ui.dashboard.section_parts import no_checkins_in_range, scrolling, wrapping


def marks_text(marks: MarkCounts) -> str:
    def listed(pairs: list[tuple[str, int]], shown: Callable[[str], str]) -> str:
        return ", ".join(f"{shown(word)} ({number(count)})" for word, count in pairs[:12])

    parts = []
    if marks.body:
        parts.append(
            QCoreApplication.translate("WhenSection", "<b>Where you felt it:</b> {words}").format(
                words=listed(marks.body, body_area_text)
            )
        )
    if marks.feelings:
        parts.append(
            QCoreApplication.translate("WhenSection", "<b>Words you used:</b> {words}").format(
                words=listed(marks.feelings, feeling_text)
            )
        )
    return "<br><br>".join(parts) or QCoreApplication.translate(
        "WhenSection", "No places or words noted in this range yet."
    )


class WhenSection(QWidget):
    """Hour by weekday, month by month, week by week, day by day, and the words used."""

    def __init__(self) -> None:
        super().__init__()
        # Qt's chart module is loaded with this section, not with the dashboard.
        from reconnect.ui.dashboard.dashboard_charts import MonthChart, TrendChart

        self.empty = wrapping(name="emptyState")
        self.heatmap = HeatmapWidget()
        self.months = MonthChart()
        self.trend = TrendChart()
        self.calendar = CalendarWidget()
        self.marks = wrapping()
        self.marks.setTextFormat(Qt.TextFormat.RichText)
        inner = QWidget()
        inner.setObjectName("page")
        layout = QVBoxLayout(inner)
        layout.addWidget(self.empty)
        self.content: list[QWidget] = []
        for title, widget, note in (
            (
                self.tr("Hour by weekday"),
                self.heatmap,
                self.tr("How often something stirred at each hour."),
            ),
            ("", self.months, QCoreApplication.translate("TimePatterns", SEASON_NOTE)),
            ("", self.trend, self.tr("The last 26 weeks, whatever the range above.")),
            (self.tr("The last 12 months, day by day"), self.calendar, ""),
            (self.tr("Places and words"), self.marks, ""),
        ):
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 8, 0, 8)
            if title:
                column.addWidget(wrapping(f"<b>{title}</b>"))
            column.addWidget(widget)
            if note:
                column.addWidget(wrapping(note, "quiet"))
            layout.addWidget(block)
            self.content.append(block)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(inner, self.tr("When something stirred")))

    def show_patterns(
        self, reader: DashboardReader, choice: RangeChoice, figures: Figures, today: date
    ) -> None:
        if not figures.any_history:
            self.empty.setText(
                self.tr(
                    "Once there are check-ins, this shows at which hours, on which days and in "
                    "which months something tends to stir."
                )
            )
        elif figures.checkins == 0:
            self.empty.setText(no_checkins_in_range())
        has = figures.checkins > 0
        self.empty.setVisible(not has)
        patterns = reader.patterns(choice, today, figures.r0, figures.computer)
        self.heatmap.set_grid(patterns.grid, patterns.r0)
        self.months.set_months(patterns.months)
        self.trend.set_trend(patterns.trend)
        self.calendar.set_days(patterns.calendar)
        self.marks.setText(marks_text(patterns.marks))
        for index, block in enumerate(self.content):
            # The trend and the calendar keep their own fixed spans.
            block.setVisible(has or (index in (2, 3) and figures.any_history))

"""The dashboard's Qt charts (sparks by month, the weekly trend), each with its numbers.

Every chart has a table model behind it; "Show the numbers" swaps the chart for that table, so
nothing is carried by colour or shape alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from reconnect.core.time_patterns import GREY_BELOW, SEASON_OF_MONTH, Cell, WeekPoint
from reconnect.core.vocabulary import MONTH_NAMES
from reconnect.ui.figure_table import NumbersCard, percent
from reconnect.ui.theme import scheme_of


class ChartCard(NumbersCard):
    """A titled Qt chart with a button that shows the same numbers as a table instead."""

    def __init__(self, title: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)
        chart.setPlotAreaBackgroundVisible(False)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        view.setStyleSheet("background: transparent")
        view.setAccessibleName(title)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        super().__init__(title, headers, view, parent)
        self.chart = chart
        self.view = view

    def _style_axis(self, axis: QValueAxis | QBarCategoryAxis) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        axis.setLabelsColor(text)
        axis.setTitleBrush(text)
        grid = QColor(text)
        grid.setAlpha(40)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(grid)

    def _reset_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.legend().setLabelColor(self.palette().color(QPalette.ColorRole.WindowText))

    def _say(self, row: int) -> None:
        QToolTip.showText(QCursor.pos(), self.model.sentence(row), self.view)


class MonthChart(ChartCard):
    """Spark rate by month of the year, the years taken together; few check-ins shown grey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Sparks by month"),
            (self.tr("Month"), self.tr("Check-ins"), self.tr("Something stirred"), self.tr("Rate")),
            parent,
        )

    def set_months(self, months: Sequence[Cell]) -> None:
        if len(months) != len(MONTH_NAMES):
            raise ValueError("twelve months are needed")
        rows, sentences = [], []
        names = [QCoreApplication.translate("Vocabulary", name) for name in MONTH_NAMES]
        for number, (name, cell) in enumerate(zip(names, months, strict=True), start=1):
            rows.append((name, str(cell.checkins), str(cell.sparks), percent(cell.rate)))
            sentences.append(_month_sentence(number, cell))
        self.model.set_rows(rows, sentences)
        self._reset_chart()
        enough = QBarSet(self.tr("Your rate, gently evened out"))
        few = QBarSet(self.tr("Too few check-ins to say"))
        scheme = scheme_of(self.palette())  # light or dark, as the window is
        for bars, colour in ((enough, scheme.chart_calm), (few, scheme.chart_quiet)):
            bars.setColor(QColor(colour))
            bars.setBorderColor(QColor(colour))  # not the chart theme's white rim
        for cell in months:
            value = 100 * (cell.shrunk or 0.0)
            enough.append(0.0 if cell.greyed else value)
            few.append(value if cell.greyed and cell.checkins else 0.0)
        series = QStackedBarSeries()
        series.append(enough)
        series.append(few)
        enough.hovered.connect(lambda on, i: on and self._say(i))
        few.hovered.connect(lambda on, i: on and self._say(i))
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([n[:3] for n in names])
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")
        axis_y.setTickCount(5)
        for axis, side in (
            (axis_x, Qt.AlignmentFlag.AlignBottom),
            (axis_y, Qt.AlignmentFlag.AlignLeft),
        ):
            self._style_axis(axis)
            self.chart.addAxis(axis, side)
            series.attachAxis(axis)
        self.view.setAccessibleDescription(self.describe())


def _month_sentence(month: int, cell: Cell) -> str:
    """What one month's bar says, for the table and screen readers (``month`` from 1)."""
    name = QCoreApplication.translate("Vocabulary", MONTH_NAMES[month - 1])
    season = QCoreApplication.translate("TimePatterns", SEASON_OF_MONTH[month])
    if cell.checkins == 0:
        return QCoreApplication.translate("MonthChart", "{month} ({season}): no check-ins.").format(
            month=name, season=season
        )
    said = QCoreApplication.translate(
        "MonthChart", "{month} ({season}): something stirred {sparks} of {checkins} times ({rate})"
    ).format(
        month=name,
        season=season,
        sparks=cell.sparks,
        checkins=cell.checkins,
        rate=percent(cell.rate),
    )
    if cell.greyed:
        return QCoreApplication.translate(
            "MonthChart", "{said}; fewer than {count} check-ins, too few to say."
        ).format(said=said, count=GREY_BELOW)
    return QCoreApplication.translate(
        "MonthChart", "{said}; evened out with your usual rate, about {rate}."
    ).format(said=said, rate=percent(cell.shrunk))


class TrendChart(ChartCard):
    """The last 26 weeks: check-ins per week as bars, the share that stirred as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Week by week"),
            (
                self.tr("Week of"),
                self.tr("Check-ins"),
                self.tr("Something stirred"),
                self.tr("Rate"),
            ),
            parent,
        )

    def set_trend(self, weeks: Sequence[WeekPoint]) -> None:
        rows, sentences = [], []
        for week in weeks:
            label = f"{week.week_start:%d %b %Y}"
            rows.append((label, str(week.checkins), str(week.sparks), percent(week.rate)))
            sentences.append(
                self.tr("Week of {week}: no check-ins.").format(week=label)
                if week.checkins == 0
                else self.tr(
                    "Week of {week}: something stirred {sparks} of {checkins} times ({rate})."
                ).format(
                    week=label, sparks=week.sparks, checkins=week.checkins, rate=percent(week.rate)
                )
            )
        self.model.set_rows(rows, sentences)
        self._reset_chart()
        counts = QBarSet(self.tr("Check-ins"))
        scheme = scheme_of(self.palette())
        counts.setColor(QColor(scheme.chart_soft))
        counts.setBorderColor(QColor(scheme.chart_soft))
        counts.append([float(w.checkins) for w in weeks])
        counts.hovered.connect(lambda on, i: on and self._say(i))
        bars = QStackedBarSeries()
        bars.append(counts)
        line = QLineSeries()
        line.setName(self.tr("Share that stirred"))
        line.setColor(QColor(scheme.chart_calm))
        for i, week in enumerate(weeks):
            if week.rate is not None:
                line.append(float(i), 100 * week.rate)
        self.chart.addSeries(bars)
        self.chart.addSeries(line)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{w.week_start:%d %b}" for w in weeks])
        axis_x.setVisible(False)
        # A date every four weeks, given four weeks' width: under one bar it was cut to "1…".
        dates = QCategoryAxis()
        dates.setRange(-0.5, len(weeks) - 0.5)
        dates.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i in range(0, len(weeks), 4):
            dates.append(f"{weeks[i].week_start:%d %b}", i)
        most = max((w.checkins for w in weeks), default=0)
        axis_n = QValueAxis()
        axis_n.setRange(0, max(most, 4))
        axis_n.setLabelFormat("%d")
        axis_n.setTitleText(self.tr("check-ins"))
        axis_rate = QValueAxis()
        axis_rate.setRange(0, 100)
        axis_rate.setLabelFormat("%d%%")
        for axis in (dates, axis_n, axis_rate):
            self._style_axis(axis)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_n, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_rate, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_n)
        line.attachAxis(dates)
        line.attachAxis(axis_rate)
        self.view.setAccessibleDescription(self.describe())

"""The dashboard's Qt charts (sparks by month, the weekly trend), each with its numbers.

Every chart has a table model behind it; "Show the numbers" swaps the chart for that table, so
nothing is carried by colour or shape alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarLegendMarker,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reconnect.core import i18n
from reconnect.core.time_patterns import (
    GREY_BELOW,
    SEASON_OF_MONTH,
    Cell,
    WeekPoint,
    round_scale,
    runs_of_enough,
)
from reconnect.core.vocabulary import MONTH_NAMES
from reconnect.ui.dashboard.figure_base import plural
from reconnect.ui.dashboard.figure_table import NumbersCard, percent
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

    def _style_axis(self, axis: QValueAxis | QBarCategoryAxis | QCategoryAxis) -> None:
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
            rows.append(
                (name, i18n.number(cell.checkins), i18n.number(cell.sparks), percent(cell.rate))
            )
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
        axis_y = _round_axis(0, 100, 25, "%d%%")
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
        "MonthChart", "{month} ({season}): something stirred in {sparks} of {times} ({rate})"
    ).format(
        month=name,
        season=season,
        sparks=i18n.number(cell.sparks),
        times=plural(cell.checkins, "check-in"),
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
    """The last 26 weeks: check-ins per week as bars, the share that stirred as a line.

    A week with fewer than ``GREY_BELOW`` check-ins has a grey bar and no point on the line
    (one answer would read as 0% or 100%); the line joins adjacent weeks only, so it never
    crosses a week left out.

    Attributes:
        lines: the line's pieces, one per run of adjacent weeks with enough check-ins.
        band: grey hatching over the weeks with too few check-ins to say.
    """

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
        self.lines: list[QLineSeries] = []
        self.band: QAreaSeries | None = None

    def set_trend(self, weeks: Sequence[WeekPoint]) -> None:
        rows, sentences = [], []
        for week in weeks:
            label = f"{week.week_start:%d %b %Y}"
            rows.append(
                (label, i18n.number(week.checkins), i18n.number(week.sparks), percent(week.rate))
            )
            sentences.append(self._week_sentence(label, week))
        self.model.set_rows(rows, sentences)
        self._reset_chart()
        scheme = scheme_of(self.palette())
        counts = QBarSet(self.tr("Check-ins"))
        few = QBarSet(
            self.tr("Fewer than {count} check-ins: too few to say").format(count=GREY_BELOW)
        )
        for bar_set, colour in ((counts, scheme.chart_soft), (few, scheme.chart_quiet)):
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.hovered.connect(lambda on, i: on and self._say(i))
        for week in weeks:
            counts.append(float(week.checkins if week.enough else 0))
            few.append(float(0 if week.enough else week.checkins))
        bars = QStackedBarSeries()
        bars.append(counts)
        bars.append(few)
        band = self.band = self._too_few_band(weeks, few.label())
        self.chart.addSeries(band)  # first, so that the bars and the line lie over it
        grey = QColor(scheme.chart_quiet)
        for marker in self.chart.legend().markers(band):
            marker.setBrush(grey)  # hatching too fine to see in the legend's small square
            marker.setPen(QPen(grey))
        self.chart.addSeries(bars)
        for marker in self.chart.legend().markers(bars):
            if isinstance(marker, QBarLegendMarker) and marker.barset() is few:
                marker.setVisible(False)  # the band says it, once
        self.lines = []
        for run in runs_of_enough(weeks):
            line = QLineSeries()
            line.setName(self.tr("Share that stirred"))
            line.setColor(QColor(scheme.chart_calm))
            line.setPointsVisible(True)  # a week alone is a point
            for i in run:
                line.append(float(i), 100 * (weeks[i].rate or 0.0))
            line.hovered.connect(lambda point, on: on and self._say(round(point.x())))
            self.chart.addSeries(line)
            self.lines.append(line)
        for line in self.lines[1:]:  # one entry in the legend for the whole line
            for marker in self.chart.legend().markers(line):
                marker.setVisible(False)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{w.week_start:%d %b}" for w in weeks])
        axis_x.setVisible(False)
        # A date every four weeks, given four weeks' width: under one bar it was cut to "1…".
        dates = QCategoryAxis()
        dates.setRange(-0.5, len(weeks) - 0.5)
        dates.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i in range(0, len(weeks), 4):
            dates.append(f"{weeks[i].week_start.day} {weeks[i].week_start:%b}", i)
        top, step = round_scale(max((w.checkins for w in weeks), default=0))
        axis_n = _round_axis(0, top, step, "%d")
        axis_n.setTitleText(self.tr("check-ins"))
        axis_n.setGridLineVisible(False)  # the rate's grid is the one drawn
        axis_rate = _round_axis(0, 100, 25, "%d%%")
        for axis in (dates, axis_n, axis_rate):
            self._style_axis(axis)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_n, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_rate, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_n)
        for series in (band, *self.lines):
            series.attachAxis(dates)
            series.attachAxis(axis_rate)
        self.view.setAccessibleDescription(self.describe())

    def _too_few_band(self, weeks: Sequence[WeekPoint], name: str) -> QAreaSeries:
        """Grey hatching over each week with a check-in or two, as the heatmap greys its cells.

        Weeks without check-ins stay blank, as they do there.
        """
        edge = QLineSeries()
        for i, week in enumerate(weeks):
            if week.checkins and not week.enough:
                for x, y in ((i - 0.5, 0), (i - 0.5, 100), (i + 0.5, 100), (i + 0.5, 0)):
                    edge.append(x, y)
        if not edge.count():
            edge.append(-0.5, 0)  # an empty band, so the legend still explains the grey
        band = QAreaSeries(edge)
        edge.setParent(band)  # goes with the band when the chart is drawn again
        band.setName(name)
        grey = QColor(scheme_of(self.palette()).chart_quiet)
        band.setBrush(QBrush(grey, Qt.BrushStyle.BDiagPattern))
        band.setPen(QPen(Qt.PenStyle.NoPen))
        band.hovered.connect(lambda point, on: on and self._say(round(point.x())))
        return band

    def _week_sentence(self, label: str, week: WeekPoint) -> str:
        if week.checkins == 0:
            return self.tr("Week of {week}: no check-ins.").format(week=label)
        if not week.enough:
            return self.tr(
                "Week of {week}: something stirred in {sparks} of {times}; fewer than "
                "{count} check-ins, too few to say."
            ).format(
                week=label,
                sparks=i18n.number(week.sparks),
                times=plural(week.checkins, "check-in"),
                count=GREY_BELOW,
            )
        return self.tr("Week of {week}: something stirred in {sparks} of {times} ({rate}).").format(
            week=label,
            sparks=i18n.number(week.sparks),
            times=plural(week.checkins, "check-in"),
            rate=percent(week.rate),
        )


def _round_axis(low: int, high: int, step: int, label_format: str) -> QValueAxis:
    """A value axis from ``low`` to ``high`` with a tick at every multiple of ``step``."""
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(low)
    axis.setTickInterval(step)
    axis.setLabelFormat(label_format)
    return axis

"""The dashboard's Qt charts (sparks by month, the weekly trend), each with its numbers.

Every chart has a table model behind it; "Show the numbers" swaps the chart for that table, so
nothing is carried by colour or shape alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from reconnect.core.time_patterns import GREY_BELOW, SEASON_OF_MONTH, Cell, WeekPoint
from reconnect.core.vocabulary import MONTH_NAMES
from reconnect.ui.figure_table import NumbersCard, percent

CALM = QColor("#3f8f84")
CALM_LIGHT = QColor("#9cc9c1")
QUIET_GREY = QColor("#b9bec2")


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
            "Sparks by month", ("Month", "Check-ins", "Something stirred", "Rate"), parent
        )

    def set_months(self, months: Sequence[Cell]) -> None:
        if len(months) != len(MONTH_NAMES):
            raise ValueError("twelve months are needed")
        rows, sentences = [], []
        for name, cell in zip(MONTH_NAMES, months, strict=True):
            rows.append((name, str(cell.checkins), str(cell.sparks), percent(cell.rate)))
            sentences.append(_month_sentence(name, cell))
        self.model.set_rows(rows, sentences)
        self._reset_chart()
        enough, few = QBarSet("Your rate, gently evened out"), QBarSet("Too few check-ins to say")
        enough.setColor(CALM)
        few.setColor(QUIET_GREY)
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
        axis_x.append([n[:3] for n in MONTH_NAMES])
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


def _month_sentence(name: str, cell: Cell) -> str:
    season = SEASON_OF_MONTH[MONTH_NAMES.index(name) + 1]
    if cell.checkins == 0:
        return f"{name} ({season}): no check-ins."
    said = (
        f"{name} ({season}): something stirred {cell.sparks} of {cell.checkins} "
        f"times ({percent(cell.rate)})"
    )
    if cell.greyed:
        return f"{said}; fewer than {GREY_BELOW} check-ins, too few to say."
    return f"{said}; evened out with your usual rate, about {percent(cell.shrunk)}."


class TrendChart(ChartCard):
    """The last 26 weeks: check-ins per week as bars, the share that stirred as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Week by week", ("Week of", "Check-ins", "Something stirred", "Rate"), parent
        )

    def set_trend(self, weeks: Sequence[WeekPoint]) -> None:
        rows, sentences = [], []
        for week in weeks:
            label = f"{week.week_start:%d %b %Y}"
            rows.append((label, str(week.checkins), str(week.sparks), percent(week.rate)))
            sentences.append(
                f"Week of {label}: no check-ins."
                if week.checkins == 0
                else f"Week of {label}: something stirred {week.sparks} of "
                f"{week.checkins} times ({percent(week.rate)})."
            )
        self.model.set_rows(rows, sentences)
        self._reset_chart()
        counts = QBarSet("Check-ins")
        counts.setColor(CALM_LIGHT)
        counts.append([float(w.checkins) for w in weeks])
        counts.hovered.connect(lambda on, i: on and self._say(i))
        bars = QStackedBarSeries()
        bars.append(counts)
        line = QLineSeries()
        line.setName("Share that stirred")
        line.setColor(CALM)
        for i, week in enumerate(weeks):
            if week.rate is not None:
                line.append(float(i), 100 * week.rate)
        self.chart.addSeries(bars)
        self.chart.addSeries(line)
        axis_x = QBarCategoryAxis()
        axis_x.append(
            [f"{w.week_start:%d %b}" if i % 4 == 0 else " " * (i + 1) for i, w in enumerate(weeks)]
        )
        most = max((w.checkins for w in weeks), default=0)
        axis_n = QValueAxis()
        axis_n.setRange(0, max(most, 4))
        axis_n.setLabelFormat("%d")
        axis_n.setTitleText("check-ins")
        axis_rate = QValueAxis()
        axis_rate.setRange(0, 100)
        axis_rate.setLabelFormat("%d%%")
        for axis in (axis_x, axis_n, axis_rate):
            self._style_axis(axis)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_n, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_rate, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_n)
        line.attachAxis(axis_x)
        line.attachAxis(axis_rate)
        self.view.setAccessibleDescription(self.describe())

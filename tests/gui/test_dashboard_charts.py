"""The dashboard's Qt charts: their table models, the numbers behind every bar, the toggle."""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCharts import QAreaSeries, QLineSeries, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.core.time_patterns import by_month, weekly_trend
from reconnect.ui.dashboard.dashboard_charts import MonthChart, TrendChart
from reconnect.ui.dashboard.figure_table import FigureTableModel


def test_figure_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = FigureTableModel(("Month", "Check-ins"))
    model.set_rows([("January", "3"), ("February", "0")], ["January: 3.", "February: none."])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "February: none."
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Check-ins"
    with pytest.raises(ValueError, match="one value per column"):
        model.set_rows([("January",)], ["January."])


def test_month_chart_says_every_month_and_greys_few(qtbot: QtBot, qtmodeltester: object) -> None:
    chart = MonthChart()
    qtbot.addWidget(chart)
    chart.set_months(by_month([(1, 10, 6), (2, 2, 2), (11, 5, 0)], r0=0.4))
    qtmodeltester.check(chart.model)  # type: ignore[attr-defined]
    assert chart.model.rowCount() == 12
    said = chart.describe()
    assert "January (winter): something stirred in 6 of 10 check-ins (60%)" in said
    assert "February (winter): something stirred in 2 of 2 check-ins (100%); fewer than 3" in said
    assert "March (spring): no check-ins." in said
    assert "November (autumn): something stirred in 0 of 5 check-ins (0%)" in said
    assert chart.view.accessibleDescription() == said
    series = chart.chart.series()[0]
    enough, few = series.barSets()
    assert enough.at(1) == 0 and few.at(1) > 0  # February is too few to colour
    assert enough.at(0) > 0 and few.at(0) == 0


def test_the_numbers_replace_the_chart_and_back(qtbot: QtBot) -> None:
    chart = MonthChart()
    qtbot.addWidget(chart)
    chart.set_months(by_month([], r0=0.5))
    chart.show()
    assert chart.stack.currentWidget() is chart.view
    qtbot.mouseClick(chart.toggle, Qt.MouseButton.LeftButton)
    assert chart.stack.currentWidget() is chart.table
    assert chart.toggle.text() == "Show the chart"
    chart.toggle.click()
    assert chart.stack.currentWidget() is chart.view


def test_trend_chart_has_26_weeks_and_a_line_only_where_there_are_enough_checkins(
    qtbot: QtBot, qtmodeltester: object
) -> None:
    today = date(2026, 11, 17)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(weekly_trend([(date(2026, 11, 16), 4, 1), (date(2026, 10, 1), 2, 2)], today))
    qtmodeltester.check(chart.model)  # type: ignore[attr-defined]
    assert chart.model.rowCount() == 26
    said = chart.describe()
    assert "Week of 16 Nov 2026: something stirred in 1 of 4 check-ins (25%)." in said
    assert (
        "Week of 28 Sep 2026: something stirred in 2 of 2 check-ins; fewer than 3 check-ins, "
        "too few to say." in said
    )
    (bars,) = [s for s in chart.chart.series() if isinstance(s, QStackedBarSeries)]
    counts, few = bars.barSets()
    assert counts.at(25) == 4 and few.at(25) == 0
    assert counts.at(18) == 0 and few.at(18) == 2  # the week of two, drawn grey
    assert shaded_weeks(chart) == {18}  # and hatched, as the heatmap's grey cells
    assert [[(p.x(), p.y()) for p in line.points()] for line in lines(chart)] == [[(25.0, 25.0)]]
    chart.grab()  # draws without warnings


def lines(chart: TrendChart) -> list[QLineSeries]:
    """The pieces of the rate's line, as drawn."""
    return [s for s in chart.chart.series() if isinstance(s, QLineSeries)]


def shaded_weeks(chart: TrendChart) -> set[int]:
    """The weeks the grey hatching covers, from 0% to 100%."""
    (band,) = [s for s in chart.chart.series() if isinstance(s, QAreaSeries)]
    assert band.lowerSeries() is None
    top = [p for p in band.upperSeries().points() if p.y() == 100]
    return {round((a.x() + b.x()) / 2) for a, b in zip(top[::2], top[1::2], strict=True)}


def rate_points(chart: TrendChart) -> dict[int, float]:
    return {round(p.x()): p.y() for line in lines(chart) for p in line.points()}


def test_one_checkin_is_not_a_jump_to_100_and_the_line_skips_empty_weeks(qtbot: QtBot) -> None:
    today = date(2026, 11, 17)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(
        weekly_trend(
            [
                (date(2026, 9, 7), 4, 2),  # week 15
                (date(2026, 9, 14), 3, 1),  # week 16
                (date(2026, 10, 12), 1, 1),  # week 20: one check-in, something stirred
                (date(2026, 11, 2), 5, 1),  # week 23, after empty weeks
            ],
            today,
        )
    )
    points = rate_points(chart)
    assert 20 not in points and 100.0 not in points.values()
    assert points == {15: 50.0, 16: pytest.approx(100 / 3), 23: 20.0}
    weeks = chart.model.rowCount()
    checkins = [int(chart.model.data(chart.model.index(i, 1))) for i in range(weeks)]
    for line in lines(chart):
        xs = [round(p.x()) for p in line.points()]
        assert all(b - a == 1 for a, b in pairwise(xs)), xs  # no gap crossed
        assert all(checkins[x] >= 3 for x in xs)
    assert shaded_weeks(chart) == {20}  # the empty weeks are left blank
    # The legend names the line once, and the too few weeks once.
    chart.show()
    qtbot.waitExposed(chart)
    shown = [m.label() for m in chart.chart.legend().markers() if m.isVisible()]
    assert shown.count("Share that stirred") == 1
    assert shown.count("Fewer than 3 check-ins: too few to say") == 1
    said = chart.model.sentence(20)
    assert said == (
        "Week of 12 Oct 2026: something stirred in 1 of 1 check-in; fewer than 3 check-ins, "
        "too few to say."
    )
    assert said in chart.view.accessibleDescription()
    assert chart.model.data(chart.model.index(20, 0), Qt.ItemDataRole.ToolTipRole) == said


def ticks(axis: QValueAxis) -> list[float]:
    """The values a value axis labels, whichever way its ticks are set."""
    low, high = axis.min(), axis.max()
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        step, anchor = axis.tickInterval(), axis.tickAnchor()
        first = anchor + math.ceil((low - anchor) / step) * step
        return [first + k * step for k in range(int((high - first) / step + 1e-9) + 1)]
    count = axis.tickCount()
    return [low + k * (high - low) / (count - 1) for k in range(count)]


@pytest.mark.parametrize("most", [1, 2, 7, 13, 37])
def test_the_axes_are_marked_at_round_numbers(qtbot: QtBot, most: int) -> None:
    today = date(2026, 11, 17)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(weekly_trend([(date(2026, 11, 16), most, 1)], today))
    months = MonthChart()
    qtbot.addWidget(months)
    months.set_months(by_month([(1, most, 1)], r0=0.4))
    axes = [a for a in chart.chart.axes() + months.chart.axes() if isinstance(a, QValueAxis)]
    rates = [a for a in axes if a.labelFormat() == "%d%%"]
    (count,) = [a for a in axes if a.labelFormat() == "%d"]
    assert len(rates) == 2
    for rate in rates:
        assert ticks(rate) == [0, 25, 50, 75, 100]
    marked = ticks(count)
    assert marked[0] == 0 and marked[-1] >= max(most, 4)
    step = marked[1] - marked[0]
    assert step in (1, 2, 5, 10, 20, 50) and all(v == int(v) for v in marked), marked
    assert len(marked) <= 5

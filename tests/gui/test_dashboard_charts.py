"""The dashboard's Qt charts: their table models, the numbers behind every bar, the toggle."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.core.time_patterns import by_month, weekly_trend
from reconnect.ui.dashboard_charts import MonthChart, TrendChart
from reconnect.ui.figure_table import FigureTableModel


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
    assert "January (winter): something stirred 6 of 10 times (60%)" in said
    assert "February (winter): something stirred 2 of 2 times (100%); fewer than 3" in said
    assert "March (spring): no check-ins." in said
    assert "November (autumn): something stirred 0 of 5 times (0%)" in said
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


def test_trend_chart_has_26_weeks_and_a_line_only_where_there_are_checkins(
    qtbot: QtBot, qtmodeltester: object
) -> None:
    today = date(2026, 11, 17)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(weekly_trend([(date(2026, 11, 16), 4, 1), (date(2026, 10, 1), 2, 2)], today))
    qtmodeltester.check(chart.model)  # type: ignore[attr-defined]
    assert chart.model.rowCount() == 26
    assert "Week of 16 Nov 2026: something stirred 1 of 4 times (25%)." in chart.describe()
    bars, line = chart.chart.series()
    assert bars.barSets()[0].at(25) == 4
    assert [p.y() for p in line.points()] == [100.0, 25.0]
    chart.grab()  # draws without warnings

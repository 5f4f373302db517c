"""The dashboard's drawn figures: what they say in words, keys, signals, and what they paint."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from reconnect.core import spark_stats, time_patterns
from reconnect.core.spark_stats import PracticeCounts, PracticeStats
from reconnect.ui.dashboard.calendar_widget import CalendarWidget
from reconnect.ui.dashboard.heatmap_widget import HeatmapWidget
from reconnect.ui.dashboard.ranked_bars import RankedBars

EMPTY = "No check-ins in this range yet."
# (weekday, hour, check-ins, sparks): 23 check-ins, 11 sparks in all.
HOURS = [(1, 14, 5, 3), (4, 9, 2, 1), (0, 8, 10, 2), (2, 10, 6, 5)]
R0 = spark_stats.prior_rate(23, 11)  # 48%
TODAY = date(2025, 11, 5)  # a Wednesday
DAYS = [(date(2025, 11, 3), 2), (date(2025, 11, 4), 1), (date(2025, 10, 1), 4)]


def show(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def centre(rect: QRectF | None) -> QPoint:
    assert rect is not None
    return rect.center().toPoint()


def pixel(image: QImage, rect: QRectF | None, dx: float = 0.0) -> QColor:
    point = centre(rect)
    ratio = image.devicePixelRatio()
    return image.pixelColor(round((point.x() + dx) * ratio), round(point.y() * ratio))


def is_teal(colour: QColor) -> bool:
    return colour.saturation() > 40 and 150 <= colour.hue() <= 190


def dark_palette() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("#262626"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("#eeeeee"))
    return palette


# --- the heatmap ---------------------------------------------------------------------------


@pytest.fixture
def heatmap(qtbot: QtBot) -> HeatmapWidget:
    widget = HeatmapWidget()
    widget.set_grid(time_patterns.hour_weekday_grid(HOURS, R0), R0)
    show(qtbot, widget, 800, 320)
    return widget


def test_a_cell_says_its_numbers(heatmap: HeatmapWidget) -> None:
    text = heatmap.text_at(centre(heatmap.cell_rect(1, 14)))
    # Shrunk: (4 * 11/23 + 3) / (4 + 5) = 55%.
    assert text == (
        "Tuesday 14:00-15:00: 3 sparks in 5 check-ins (60%); shade about 55%, your usual rate 48%"
    )


def test_a_greyed_cell_says_it_is_too_few_to_say(heatmap: HeatmapWidget) -> None:
    text = heatmap.text_at(centre(heatmap.cell_rect(4, 9)))
    assert text == (
        "Friday 09:00-10:00: 1 spark in 2 check-ins (50%); "
        "greyed: fewer than 3 check-ins, too few to say"
    )


def test_an_empty_cell_and_the_margins(heatmap: HeatmapWidget) -> None:
    assert heatmap.text_at(centre(heatmap.cell_rect(6, 23))) == "Sunday 23:00-24:00: no check-ins"
    assert heatmap.text_at(QPoint(2, 2)) is None
    assert heatmap.text_at(QPoint(5, heatmap.height() - 5)) is None


def test_the_summary_names_what_stands_out_and_what_is_greyed(heatmap: HeatmapWidget) -> None:
    summary = heatmap.accessibleDescription()
    assert heatmap.accessibleName() == "Sparks by weekday and hour"
    assert "Stand out: Wednesday 10:00-11:00, Tuesday 14:00-15:00." in summary
    assert "Monday 08:00" not in summary  # 2 of 10 is below the usual rate
    assert "Most sparks by day: Wednesday (5 of 6 check-ins)." in summary
    assert "1 of 4 hours with check-ins greyed." in summary


def test_describe_gives_every_hour_with_check_ins(heatmap: HeatmapWidget) -> None:
    lines = heatmap.describe().splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("Sparks by weekday and hour. Your usual rate is 48%.")
    assert lines[1] == "Monday: 08:00-09:00 2 sparks in 10 check-ins (20%)."
    assert lines[5] == "Friday: 09:00-10:00 1 spark in 2 check-ins (50%), too few to say."
    assert lines[7] == "Sunday: no check-ins."


def test_arrow_keys_move_the_current_cell(qtbot: QtBot, heatmap: HeatmapWidget) -> None:
    assert heatmap.focusPolicy() == Qt.FocusPolicy.StrongFocus
    focus(qtbot, heatmap)
    # The keys start where something happened, not at Monday midnight.
    assert heatmap.current_text().startswith("Monday 08:00-09:00: 2 sparks in 10")
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)
    assert heatmap.current_text() == "Tuesday 08:00-09:00: no check-ins"
    assert heatmap.accessibleDescription() == heatmap.current_text()
    for _ in range(6):
        qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    assert heatmap.current_text().startswith("Tuesday 14:00-15:00: 3 sparks in 5 check-ins")
    assert QToolTip.text() == heatmap.current_text()
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert heatmap.current_text() == "Monday 14:00-15:00: no check-ins"
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)  # stays on the top row
    assert heatmap.current_text() == "Monday 14:00-15:00: no check-ins"
    qtbot.keyClick(heatmap, Qt.Key.Key_End)
    assert heatmap.current_text() == "Sunday 23:00-24:00: no check-ins"
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    assert heatmap.current_text() == "Sunday 23:00-24:00: no check-ins"
    qtbot.keyClick(heatmap, Qt.Key.Key_Home)
    assert heatmap.current_text() == "Monday 00:00-01:00: no check-ins"


def test_the_focused_cell_is_outlined(qtbot: QtBot, heatmap: HeatmapWidget) -> None:
    rect = heatmap.cell_rect(0, 8)
    before = heatmap.grab().toImage()
    focus(qtbot, heatmap)
    after = heatmap.grab().toImage()
    highlight = heatmap.palette().color(QPalette.ColorRole.Highlight)
    edge = pixel(after, rect, dx=-rect.width() / 2)
    assert edge == highlight
    assert pixel(before, rect, dx=-rect.width() / 2) != highlight


def test_a_tooltip_shows_the_cell_under_the_mouse(qtbot: QtBot, heatmap: HeatmapWidget) -> None:
    point = centre(heatmap.cell_rect(4, 9))
    event = QHelpEvent(QEvent.Type.ToolTip, point, heatmap.mapToGlobal(point))
    QApplication.sendEvent(heatmap, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("Friday 09:00-10:00: 1 spark in 2 check-ins")
    QToolTip.hideText()


def test_colours_greys_and_blanks_differ(heatmap: HeatmapWidget) -> None:
    image = heatmap.grab().toImage()
    most = pixel(image, heatmap.cell_rect(2, 10))  # 5 of 6
    fewer = pixel(image, heatmap.cell_rect(0, 8))  # 2 of 10
    greyed = pixel(image, heatmap.cell_rect(4, 9))
    blank = pixel(image, heatmap.cell_rect(6, 23))
    assert is_teal(most) and is_teal(fewer)
    assert most.lightness() < fewer.lightness()  # more sparks, deeper colour
    assert greyed.saturation() < 10 and greyed != most
    assert blank == heatmap.palette().color(QPalette.ColorRole.Window)


def test_a_dark_theme_keeps_more_sparks_the_stronger_colour(qtbot: QtBot) -> None:
    widget = HeatmapWidget()
    widget.setPalette(dark_palette())
    widget.set_grid(time_patterns.hour_weekday_grid(HOURS, R0), R0)
    show(qtbot, widget, 800, 320)
    image = widget.grab().toImage()
    most, fewer = pixel(image, widget.cell_rect(2, 10)), pixel(image, widget.cell_rect(0, 8))
    assert is_teal(most) and is_teal(fewer)
    assert most.lightness() > fewer.lightness()
    assert pixel(image, widget.cell_rect(6, 23)) == QColor("#262626")


def test_an_empty_heatmap(qtbot: QtBot, heatmap: HeatmapWidget) -> None:
    heatmap.set_grid(time_patterns.hour_weekday_grid([], 0.5), 0.5)
    assert heatmap.describe() == EMPTY
    assert heatmap.accessibleDescription() == EMPTY
    assert not heatmap.grab().isNull()
    heatmap.set_grid([], 0.5)
    assert heatmap.text_at(QPoint(400, 100)) is None
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    assert heatmap.current_text() == ""
    assert heatmap.describe() == EMPTY
    assert not heatmap.grab().isNull()


def test_a_heatmap_of_another_shape_is_refused(heatmap: HeatmapWidget) -> None:
    grid = time_patterns.hour_weekday_grid([], 0.5)
    with pytest.raises(ValueError, match="7 rows of 24"):
        heatmap.set_grid(grid[:6], 0.5)


def test_cells_scale_with_the_width_and_larger_fonts_ask_for_more(heatmap: HeatmapWidget) -> None:
    narrow = heatmap.cell_rect(0, 0).width()
    heatmap.resize(1200, 320)
    assert heatmap.cell_rect(0, 0).width() > narrow * 1.4
    # The legend wraps on a narrow widget, and the widget asks for the height it then needs.
    assert heatmap.hasHeightForWidth()
    narrowest = heatmap.minimumSizeHint().width()  # cells as low as they go at both widths
    assert heatmap.heightForWidth(narrowest) > heatmap.heightForWidth(round(narrowest * 1.5))
    assert heatmap.minimumSizeHint().height() == heatmap.heightForWidth(narrowest)
    hint = heatmap.sizeHint()
    font = heatmap.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    heatmap.setFont(font)
    assert heatmap.sizeHint().width() > hint.width() * 1.5
    assert heatmap.sizeHint().height() > hint.height() * 1.5


# --- the calendar --------------------------------------------------------------------------


@pytest.fixture
def calendar(qtbot: QtBot) -> CalendarWidget:
    widget = CalendarWidget()
    widget.set_days(time_patterns.calendar(DAYS, TODAY))
    show(qtbot, widget, 900, 220)
    return widget


def test_a_day_says_its_sparks(calendar: CalendarWidget) -> None:
    assert (
        calendar.text_at(centre(calendar.day_rect(date(2025, 11, 3)))) == "Mon 3 Nov 2025: 2 sparks"
    )
    assert (
        calendar.text_at(centre(calendar.day_rect(date(2025, 11, 4)))) == "Tue 4 Nov 2025: 1 spark"
    )
    assert calendar.text_at(centre(calendar.day_rect(date(2025, 11, 2)))) == (
        "Sun 2 Nov 2025: no sparks"
    )
    assert calendar.day_rect(date(2025, 11, 6)) is None  # tomorrow is not shown


def test_weeks_are_columns_with_monday_on_top(calendar: CalendarWidget) -> None:
    monday = calendar.day_rect(date(2025, 11, 3))
    sunday = calendar.day_rect(date(2025, 11, 2))
    wednesday = calendar.day_rect(date(2025, 11, 5))
    assert monday is not None and sunday is not None and wednesday is not None
    assert monday.left() > sunday.left() and monday.top() < sunday.top()
    assert wednesday.left() == monday.left() and wednesday.top() > monday.top()
    assert calendar.day_rect(date(2025, 10, 27)) == monday.translated(-monday.width(), 0)


def test_calendar_keys_move_by_day_and_week(qtbot: QtBot, calendar: CalendarWidget) -> None:
    focus(qtbot, calendar)
    assert calendar.current_text() == "Wed 5 Nov 2025: no sparks"  # today
    qtbot.keyClick(calendar, Qt.Key.Key_Up)
    assert calendar.current_text() == "Tue 4 Nov 2025: 1 spark"
    assert calendar.accessibleDescription() == "Tue 4 Nov 2025: 1 spark"
    qtbot.keyClick(calendar, Qt.Key.Key_Left)
    assert calendar.current_text() == "Tue 28 Oct 2025: no sparks"
    qtbot.keyClick(calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar, Qt.Key.Key_Up)
    assert calendar.current_text() == "Mon 3 Nov 2025: 2 sparks"
    qtbot.keyClick(calendar, Qt.Key.Key_Right)  # no next week yet: stays
    assert calendar.current_text() == "Mon 3 Nov 2025: 2 sparks"
    qtbot.keyClick(calendar, Qt.Key.Key_Home)
    assert calendar.current_text() == "Wed 6 Nov 2024: no sparks"
    qtbot.keyClick(calendar, Qt.Key.Key_End)
    assert calendar.current_text() == "Wed 5 Nov 2025: no sparks"


def test_calendar_summary_and_description(calendar: CalendarWidget) -> None:
    summary = (
        "From Wed 6 Nov 2024 to Wed 5 Nov 2025: 7 sparks on 3 days; "
        "most in a day: 4, on Wed 1 Oct 2025."
    )
    assert calendar.accessibleName() == "Sparks per day"
    assert calendar.accessibleDescription() == summary
    lines = calendar.describe().splitlines()
    assert lines[0] == f"Sparks per day. {summary}"
    assert "Oct 2025: 4 sparks on 1 day." in lines
    assert "Nov 2025: 3 sparks on 2 days." in lines
    assert "Nov 2024: no sparks." in lines
    assert len(lines) == 14  # Nov 2024 to Nov 2025


def test_calendar_colours_follow_the_sparks(calendar: CalendarWidget) -> None:
    image = calendar.grab().toImage()
    four = pixel(image, calendar.day_rect(date(2025, 10, 1)))
    two = pixel(image, calendar.day_rect(date(2025, 11, 3)))
    none = pixel(image, calendar.day_rect(date(2025, 11, 2)))
    assert is_teal(four) and is_teal(two)
    assert four.lightness() < two.lightness()
    # A day without sparks is a plain light cell: no hue, near the background.
    background = calendar.palette().color(QPalette.ColorRole.Window)
    assert none.saturation() < 10 and abs(none.lightness() - background.lightness()) < 40


def test_an_empty_calendar(qtbot: QtBot, calendar: CalendarWidget) -> None:
    calendar.set_days([])
    assert calendar.describe() == EMPTY
    assert calendar.accessibleDescription() == EMPTY
    assert calendar.text_at(QPoint(450, 80)) is None
    qtbot.keyClick(calendar, Qt.Key.Key_End)
    assert calendar.current_text() == ""
    assert not calendar.grab().isNull()
    calendar.set_days(time_patterns.calendar([], TODAY, days=30))
    assert calendar.accessibleDescription() == (
        "No sparks from Tue 7 Oct 2025 to Wed 5 Nov 2025 yet."
    )


# --- what helps most -----------------------------------------------------------------------

COUNTS = [
    PracticeCounts("stretch", "Stretch", 14, 13, 12, 7, 3, 12),
    PracticeCounts("cold-water", "Cold water", 3, 3, 3, 2, 1, 3),
    PracticeCounts("listen", "Listen to the room", 22, 20, 20, 4, 1, 5),
]


@pytest.fixture
def report() -> spark_stats.Report:
    return spark_stats.compute(COUNTS)


@pytest.fixture
def bars(qtbot: QtBot, report: spark_stats.Report) -> RankedBars:
    widget = RankedBars()
    widget.set_practices(report.practices, report.overall.prior_rate)
    show(qtbot, widget, 800, 260)
    return widget


def by_id(report: spark_stats.Report, practice_id: str) -> PracticeStats:
    return next(p for p in report.practices if p.id == practice_id)


def test_a_row_says_its_likely_range_and_counts(
    bars: RankedBars, report: spark_stats.Report
) -> None:
    stretch = by_id(report, "stretch")
    low, high = (round(x * 100) for x in stretch.interval80)
    middle = round(stretch.posterior_mean * 100)
    assert low < 58 < high and low < middle < high
    index = report.practices.index(stretch)
    assert bars.text_at(centre(bars.row_rect(index))) == (
        f"Stretch: likely {low}-{high}%, middle {middle}%; 7 sparks in 12 check-ins; usual rate 38%"
    )
    cold = bars.text_at(centre(bars.row_rect(report.practices.index(by_id(report, "cold-water")))))
    assert cold is not None
    assert "2 sparks in 3 check-ins" in cold
    assert cold.endswith("still learning (fewer than 5 check-ins)")


def test_rows_keep_the_order_given(qtbot: QtBot, report: spark_stats.Report) -> None:
    widget = RankedBars()
    given = [by_id(report, "listen"), by_id(report, "stretch")]
    widget.set_practices(given, 0.37)
    show(qtbot, widget, 800, 200)
    assert (widget.text_at(centre(widget.row_rect(0))) or "").startswith("Listen to the room:")
    assert (widget.text_at(centre(widget.row_rect(1))) or "").startswith("Stretch:")
    assert widget.describe().splitlines()[1].startswith("1. Listen to the room: likely")


def test_the_summary_tells_the_order_and_who_is_learning(
    bars: RankedBars, report: spark_stats.Report
) -> None:
    first = report.practices[0]
    assert bars.accessibleName() == "What helps most"
    summary = bars.accessibleDescription()
    # 13 sparks in 35 check-ins: (13 + 1) / (35 + 2) = 38%.
    assert summary.startswith("3 practices, in the order shown; your usual rate is 38%.")
    assert f"First: {first.title}: likely" in summary
    assert summary.endswith("1 still learning.")
    assert len(bars.describe().splitlines()) == 4


def test_enter_opens_the_current_practice(
    qtbot: QtBot, bars: RankedBars, report: spark_stats.Report
) -> None:
    focus(qtbot, bars)
    assert bars.current_text().startswith(report.practices[0].title)
    qtbot.keyClick(bars, Qt.Key.Key_Down)
    assert bars.current_text().startswith(report.practices[1].title)
    assert bars.accessibleDescription() == bars.current_text()
    with qtbot.waitSignal(bars.practice_activated, timeout=1000) as blocker:
        qtbot.keyClick(bars, Qt.Key.Key_Return)
    assert blocker.args == [report.practices[1].id]
    qtbot.keyClick(bars, Qt.Key.Key_End)
    with qtbot.waitSignal(bars.practice_activated, timeout=1000) as blocker:
        qtbot.keyClick(bars, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert blocker.args == [report.practices[2].id]
    qtbot.keyClick(bars, Qt.Key.Key_Down)  # already the last
    qtbot.keyClick(bars, Qt.Key.Key_Home)
    assert bars.current_text().startswith(report.practices[0].title)


def test_a_double_click_opens_that_practice(
    qtbot: QtBot, bars: RankedBars, report: spark_stats.Report
) -> None:
    with qtbot.waitSignal(bars.practice_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(bars, Qt.MouseButton.LeftButton, pos=centre(bars.row_rect(2)))
    assert blocker.args == [report.practices[2].id]
    with qtbot.assertNotEmitted(bars.practice_activated):
        qtbot.mouseDClick(bars, Qt.MouseButton.LeftButton, pos=QPoint(5, 2))


def test_bar_lengths_follow_the_likely_rate(bars: RankedBars, report: spark_stats.Report) -> None:
    image = bars.grab().toImage()
    ratio = image.devicePixelRatio()
    line = bars.fontMetrics().height()

    def bar_width(index: int) -> int:
        # Just above the whisker, inside the bar.
        y = round((bars.row_rect(index).center().y() - line * 0.2) * ratio)
        teal = [x for x in range(image.width()) if is_teal(image.pixelColor(x, y))]
        return teal[-1] - teal[0] + 1

    widths = [bar_width(i) for i in range(3)]
    means = [p.posterior_mean for p in report.practices]
    for width, mean in zip(widths, means, strict=True):
        assert width / widths[0] == pytest.approx(mean / means[0], abs=0.03)


def test_no_practices(qtbot: QtBot, bars: RankedBars) -> None:
    bars.set_practices([], 0.5)
    assert bars.describe() == EMPTY
    assert bars.accessibleDescription() == EMPTY
    assert bars.text_at(QPoint(400, 40)) is None
    with qtbot.assertNotEmitted(bars.practice_activated):
        qtbot.keyClick(bars, Qt.Key.Key_Return)
    assert not bars.grab().isNull()

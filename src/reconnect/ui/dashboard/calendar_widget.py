"""The hand-drawn calendar of sparks per day over the last twelve months.

It only draws what ``core.time_patterns`` computed; every day also has its numbers in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from reconnect.core.time_patterns import WEEKDAYS, DayPoint, week_start
from reconnect.ui.dashboard.figure_base import (
    FigureBase,
    LegendRun,
    Swatch,
    blend,
    empty_text,
    plural,
)
from reconnect.ui.dashboard.pattern_parts import (
    CellGrid,
    day_short,
    day_text,
    month_short,
)

# The calendar's four shades for days with sparks, in the legend too.
CALENDAR_SHADES = (0.3, 0.53, 0.77, 1.0)


class CalendarWidget(FigureBase):
    """Sparks per day: a column per week (Monday at the top), month names above.

    Keys: Up and Down move a day, Left and Right a week; Home and End go to the first and
    last day.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sparks per day"), parent, height_for_width=True)
        self._days: list[DayPoint] = []
        self._most = 0
        self.setAccessibleDescription(self.summary())

    def set_days(self, days: Sequence[DayPoint]) -> None:
        """Show ``days`` (any order; usually every day of the last year)."""
        kept = self._days[self._current].day if self._current is not None else None
        self._days = sorted(days, key=lambda point: point.day)
        self._most = max((point.sparks for point in self._days), default=0)
        found = [i for i, point in enumerate(self._days) if point.day == kept]
        self._data_changed(found[0] if found else None)

    def day_rect(self, day: date) -> QRectF | None:
        """Where ``day`` is drawn, or None when it is not shown."""
        found = [i for i, point in enumerate(self._days) if point.day == day]
        return self._item_rect(found[0]) if found else None

    def _item_count(self) -> int:
        return len(self._days)

    def _item_rect(self, index: int) -> QRectF:
        day = self._days[index].day
        return self._geometry().cell(day.weekday(), self._column(day))

    def _index_at(self, point: QPointF) -> int | None:
        if not self._days:
            return None
        found = self._geometry().at(point, WEEKDAYS, self._column(self._days[-1].day) + 1)
        if found is None:
            return None
        weekday, column = found
        day = week_start(self._days[0].day) + timedelta(days=column * 7 + weekday)
        index = (day - self._days[0].day).days
        # Days are usually consecutive; look the day up when they are not.
        if 0 <= index < len(self._days) and self._days[index].day == day:
            return index
        return next((i for i, p in enumerate(self._days) if p.day == day), None)

    def _item_text(self, index: int) -> str:
        point = self._days[index]
        sparks = plural(point.sparks, "spark") if point.sparks else self.tr("no sparks")
        return self.tr("{day}: {sparks}").format(day=day_text(point.day), sparks=sparks)

    def _first_current(self) -> int:
        return len(self._days) - 1  # today, where a person most likely wants to look

    def _step(self, index: int, key: Qt.Key) -> int:
        by = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -7, Qt.Key.Key_Right: 7}
        target = index + by[key]
        return target if 0 <= target < len(self._days) else index

    def _column(self, day: date) -> int:
        return (day - week_start(self._days[0].day)).days // 7

    def _shade(self, sparks: int) -> float:
        if self._most <= 1:
            return 1.0
        return CALENDAR_SHADES[0] + (1 - CALENDAR_SHADES[0]) * (sparks - 1) / (self._most - 1)

    def summary(self) -> str:
        if not self._days:
            return empty_text()
        span = self.tr("{first} to {last}").format(
            first=day_text(self._days[0].day), last=day_text(self._days[-1].day)
        )
        total = sum(point.sparks for point in self._days)
        if not total:
            return self.tr("No sparks from {span} yet.").format(span=span)
        lit = sum(1 for point in self._days if point.sparks)
        best = next(point for point in self._days if point.sparks == self._most)
        return self.tr("From {span}: {sparks} on {days}; most in a day: {most}, on {day}.").format(
            span=span,
            sparks=plural(total, "spark"),
            days=plural(lit, "day"),
            most=self._most,
            day=day_text(best.day),
        )

    def describe(self) -> str:
        if not self._days:
            return empty_text()
        months: dict[tuple[int, int], list[int]] = {}
        for point in self._days:
            months.setdefault((point.day.year, point.day.month), []).append(point.sparks)
        lines = [self.tr("Sparks per day. {summary}").format(summary=self.summary())]
        for (year, month), sparks in months.items():
            lit = sum(1 for s in sparks if s)
            said = (
                self.tr("{sparks} on {days}").format(
                    sparks=plural(sum(sparks), "spark"), days=plural(lit, "day")
                )
                if lit
                else self.tr("no sparks")
            )
            lines.append(
                self.tr("{month} {year}: {said}.").format(
                    month=month_short(month), year=year, said=said
                )
            )
        return "\n".join(lines)

    def _geometry(self, width: float | None = None) -> CellGrid:
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = max(2.0, line / 4)
        area = self._area(width)
        labels = max(metrics.horizontalAdvance(day_short(d)) for d in range(WEEKDAYS)) + 2 * pad
        weeks = self._column(self._days[-1].day) + 1 if self._days else 53
        size = min(max((area.width() - labels - pad) / weeks, 3.0), line * 2.0)
        return CellGrid(area.left() + labels, area.top() + line + pad, size, size, pad)

    def _legend_bottom(self, width: float | None = None, painter: QPainter | None = None) -> float:
        grid, area = self._geometry(width), self._area(width)
        line = self.fontMetrics().height()
        zero = self._zero_colour()
        runs: list[LegendRun] = [
            (
                Swatch(line, lambda p, r: p.fillRect(r.adjusted(1, 1, -1, -1), zero)),
                self.tr("no sparks"),
            ),
            (None, self.tr("fewer")),
            (Swatch(line * len(CALENDAR_SHADES), self._paint_shades), self.tr("more")),
            (None, self.tr("(most in a day: {most})").format(most=self._most)),
        ]
        top = grid.top + WEEKDAYS * grid.height + grid.pad * 2
        return self._legend(runs, area.left() + grid.pad, top, area.right(), painter)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return round(self._legend_bottom(width) + self._geometry(width).pad)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        width = round(metrics.horizontalAdvance("Wed") + 53 * metrics.height() * 0.9)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        width = round(metrics.horizontalAdvance("Wed") + metrics.height() + 53 * 5)
        return QSize(width, self.heightForWidth(width))

    def _zero_colour(self) -> QColor:
        """A day without sparks: a plain cell just off the background, never a warning."""
        return blend(*self._colours(), 0.08)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._days:
            return
        painter = QPainter(self)
        grid = self._geometry()
        line = self.fontMetrics().height()
        painter.setPen(self._colours()[1])
        # Every day's name when rows are tall enough, else every second or fourth one.
        every = next(n for n in (1, 2, 4, 7) if n * grid.height >= line * 0.9)
        for weekday in range(0, WEEKDAYS, every):
            row = grid.cell(weekday, 0)
            label = QRectF(self._area().left(), row.center().y() - line, grid.left, line * 2)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignVCenter), day_short(weekday))
        self._paint_months(painter, grid)
        gap = 1.0 if grid.width > 5 else 0.0
        zero = self._zero_colour()
        for point in self._days:
            rect = grid.cell(point.day.weekday(), self._column(point.day))
            rect = rect.adjusted(gap, gap, -gap, -gap)
            painter.fillRect(rect, self._scale(self._shade(point.sparks)) if point.sparks else zero)
        self._paint_focus(painter)
        self._legend_bottom(painter=painter)
        painter.end()

    def _paint_shades(self, painter: QPainter, rect: QRectF) -> None:
        size = rect.height()
        for k, shade in enumerate(CALENDAR_SHADES):
            square = QRectF(rect.left() + k * size, rect.top(), size, size)
            painter.fillRect(square.adjusted(1, 1, -1, -1), self._scale(shade))

    def _paint_months(self, painter: QPainter, grid: CellGrid) -> None:
        metrics = self.fontMetrics()
        starts = [p.day for i, p in enumerate(self._days) if i == 0 or p.day.day == 1]
        labels = [(grid.cell(0, self._column(d)).left(), month_short(d.month)) for d in starts]
        # A partial first month gives way to the next month's name when they would overlap.
        first_end = labels[0][0] + metrics.horizontalAdvance(labels[0][1]) + grid.pad
        if len(labels) > 1 and starts[0].day != 1 and first_end > labels[1][0]:
            labels.pop(0)
        end = float("-inf")
        for x, name in labels:
            if x >= end:
                painter.drawText(QPointF(x, grid.top - grid.pad * 1.5), name)
                end = x + metrics.horizontalAdvance(name) + grid.pad

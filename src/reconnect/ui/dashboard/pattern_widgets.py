"""Hand-drawn dashboard figures: sparks by weekday and hour, and a calendar of sparks per day.

They only draw what ``core.time_patterns`` computed; every cell also has its numbers in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reconnect.core import i18n
from reconnect.core.time_patterns import GREY_BELOW, HOURS, WEEKDAYS, Cell, DayPoint, week_start
from reconnect.core.vocabulary import DAY_NAMES
from reconnect.ui.dashboard.figure_base import (
    FigureBase,
    LegendRun,
    Swatch,
    blend,
    empty_text,
    percent,
    plural,
)

# Short names in English, marked for the catalogue; shown through day_short and month_short.
DAY_SHORT = (
    QT_TRANSLATE_NOOP("PatternWidgets", "Mon"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Tue"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Wed"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Thu"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Fri"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Sat"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Sun"),
)
MONTH_SHORT = (
    QT_TRANSLATE_NOOP("PatternWidgets", "Jan"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Feb"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Mar"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Apr"),
    QT_TRANSLATE_NOOP("PatternWidgets", "May"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Jun"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Jul"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Aug"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Sep"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Oct"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Nov"),
    QT_TRANSLATE_NOOP("PatternWidgets", "Dec"),
)
GREYED_TEXT = QT_TRANSLATE_NOOP(
    "PatternWidgets", "greyed: fewer than {count} check-ins, too few to say"
)
BLANK = Cell(0, 0, None, None, greyed=True)  # how time_patterns gives an hour without check-ins
# The calendar's four shades for days with sparks, in the legend too.
CALENDAR_SHADES = (0.3, 0.53, 0.77, 1.0)


def rate_position(rate: float, r0: float) -> float:
    """Where ``rate`` sits on the scale, so that the usual rate ``r0`` is its middle."""
    r0 = min(max(r0, 0.01), 0.99)
    if rate <= r0:
        return 0.5 * rate / r0
    return 0.5 + 0.5 * (rate - r0) / (1.0 - r0)


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("PatternWidgets", ...), in the person's language."""
    return QCoreApplication.translate("PatternWidgets", text)


def day_short(weekday: int) -> str:
    """The short name of a weekday (0 is Monday: "Mon"), in the person's language."""
    return _tr(DAY_SHORT[weekday])


def month_short(month: int) -> str:
    """The short name of a month (1 is January: "Jan"), in the person's language."""
    return _tr(MONTH_SHORT[month - 1])


def day_name(weekday: int) -> str:
    """The name of a weekday (0 is Monday), in the person's language."""
    return QCoreApplication.translate("Vocabulary", DAY_NAMES[weekday])


def greyed_text() -> str:
    return _tr(GREYED_TEXT).format(count=GREY_BELOW)


def hour_span(hour: int) -> str:
    return f"{hour:02d}:00-{hour + 1:02d}:00"


def day_text(day: date) -> str:
    """Like "Mon 3 Nov 2025", in the language of the translation installed (not the locale)."""
    return QCoreApplication.translate("PatternWidgets", "{weekday} {day} {month} {year}").format(
        weekday=day_short(day.weekday()), day=day.day, month=month_short(day.month), year=day.year
    )


@dataclass(frozen=True)
class _Grid:
    """Where a grid of cells lies: its top-left corner and the size of one cell."""

    left: float
    top: float
    width: float
    height: float
    pad: float

    def cell(self, row: int, column: int) -> QRectF:
        return QRectF(
            self.left + column * self.width, self.top + row * self.height, self.width, self.height
        )

    def at(self, point: QPointF, rows: int, columns: int) -> tuple[int, int] | None:
        """The (row, column) under ``point``, None outside the grid."""
        row = math.floor((point.y() - self.top) / self.height)
        column = math.floor((point.x() - self.left) / self.width)
        return (row, column) if 0 <= row < rows and 0 <= column < columns else None


class HeatmapWidget(FigureBase):
    """Sparks by weekday (rows, Monday first) and hour (columns), coloured by the shrunk rate.

    Keys: arrows move the current cell, Home and End go to Monday 00:00 and Sunday 23:00.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sparks by weekday and hour"), parent, height_for_width=True)
        self._grid: list[list[Cell]] = []
        self._r0 = 0.5
        self.setAccessibleDescription(self.summary())

    def set_grid(self, grid: list[list[Cell]], r0: float) -> None:
        """Show ``grid`` (7 rows of 24 cells, or empty) against the usual rate ``r0``.

        Raises:
            ValueError: a grid of another shape.
        """
        if grid and (len(grid) != WEEKDAYS or any(len(row) != HOURS for row in grid)):
            raise ValueError(f"a heatmap needs {WEEKDAYS} rows of {HOURS} cells")
        self._grid = [list(row) for row in grid]
        self._r0 = r0
        self._data_changed(self._current)

    def cell_rect(self, weekday: int, hour: int) -> QRectF:
        """Where the cell of ``weekday`` (0 = Monday) and ``hour`` is drawn."""
        return self._geometry().cell(weekday, hour)

    def _cells(self) -> list[tuple[int, int, Cell]]:
        return [(d, h, c) for d, row in enumerate(self._grid) for h, c in enumerate(row)]

    def _item_count(self) -> int:
        return WEEKDAYS * HOURS if self._grid else 0

    def _item_rect(self, index: int) -> QRectF:
        return self.cell_rect(*divmod(index, HOURS))

    def _index_at(self, point: QPointF) -> int | None:
        found = self._geometry().at(point, WEEKDAYS, HOURS) if self._grid else None
        return None if found is None else found[0] * HOURS + found[1]

    def _item_text(self, index: int) -> str:
        weekday, hour = divmod(index, HOURS)
        cell = self._grid[weekday][hour]
        where = self.tr("{day} {hours}").format(day=day_name(weekday), hours=hour_span(hour))
        if cell.checkins == 0:
            return self.tr("{where}: no check-ins").format(where=where)
        said = self.tr("{where}: {counts}").format(where=where, counts=self._counts(cell))
        if cell.greyed or cell.shrunk is None:
            return self.tr("{said}; {greyed}").format(said=said, greyed=greyed_text())
        return self.tr("{said}; shade about {shade}, your usual rate {usual}").format(
            said=said, shade=percent(cell.shrunk), usual=percent(self._r0)
        )

    def _first_current(self) -> int:
        # Start where something happened, rather than at Monday midnight.
        found = [d * HOURS + h for d, h, c in self._cells() if c.checkins]
        return found[0] if found else 0

    def _step(self, index: int, key: Qt.Key) -> int:
        weekday, hour = divmod(index, HOURS)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            hour = min(max(hour + (1 if key == Qt.Key.Key_Right else -1), 0), HOURS - 1)
        else:
            weekday = min(max(weekday + (1 if key == Qt.Key.Key_Down else -1), 0), WEEKDAYS - 1)
        return weekday * HOURS + hour

    @staticmethod
    def _counts(cell: Cell) -> str:
        values = {
            "sparks": plural(cell.sparks, "spark"),
            "checkins": plural(cell.checkins, "check-in"),
        }
        if cell.rate is None:
            template = QCoreApplication.translate("HeatmapWidget", "{sparks} in {checkins}")
        else:
            values["rate"] = percent(cell.rate)
            template = QCoreApplication.translate(
                "HeatmapWidget", "{sparks} in {checkins} ({rate})"
            )
        return template.format(**values)

    def _standing_out(self) -> list[tuple[int, int, Cell]]:
        """Up to three coloured cells above the usual rate, the highest first."""
        above = [
            (d, h, c)
            for d, h, c in self._cells()
            if not c.greyed and c.shrunk is not None and c.shrunk > self._r0
        ]
        return sorted(above, key=lambda item: -(item[2].shrunk or 0.0))[:3]

    def _best_day(self) -> tuple[str, int, int] | None:
        """The weekday with the highest rate above the usual one, among days with enough."""
        days = []
        for weekday, row in enumerate(self._grid):
            n, s = sum(c.checkins for c in row), sum(c.sparks for c in row)
            if n >= GREY_BELOW and s / n > self._r0:
                days.append((s / n, day_name(weekday), s, n))
        if not days:
            return None
        _, name, s, n = max(days)
        return name, s, n

    def summary(self) -> str:
        cells = [c for _, _, c in self._cells() if c.checkins]
        if not cells:
            return empty_text()
        parts = [self.tr("Your usual rate is {rate}.").format(rate=percent(self._r0))]
        standing = self._standing_out()
        if standing:
            hours = ", ".join(
                self.tr("{day} {hours}").format(day=day_name(d), hours=hour_span(h))
                for d, h, _ in standing
            )
            parts.append(self.tr("Stand out: {hours}.").format(hours=hours))
        else:
            parts.append(self.tr("No hour stands out from your usual yet."))
        best = self._best_day()
        if best:
            parts.append(
                self.tr("Most sparks by day: {day} ({sparks} of {checkins}).").format(
                    day=best[0], sparks=i18n.number(best[1]), checkins=plural(best[2], "check-in")
                )
            )
        greyed = sum(1 for c in cells if c.greyed)
        if greyed:
            parts.append(
                self.tr("{greyed} of {hours} with check-ins greyed.").format(
                    greyed=greyed, hours=plural(len(cells), "hour")
                )
            )
        return " ".join(parts)

    def describe(self) -> str:
        if not any(c.checkins for _, _, c in self._cells()):
            return empty_text()
        lines = [self.tr("Sparks by weekday and hour. {summary}").format(summary=self.summary())]
        for weekday, row in enumerate(self._grid):
            said = []
            for hour, cell in enumerate(row):
                if not cell.checkins:
                    continue
                values = {"hours": hour_span(hour), "counts": self._counts(cell)}
                if cell.greyed:
                    said.append(self.tr("{hours} {counts}, too few to say").format(**values))
                else:
                    said.append(self.tr("{hours} {counts}").format(**values))
            lines.append(
                self.tr("{day}: {said}.").format(
                    day=day_name(weekday),
                    said="; ".join(said) if said else self.tr("no check-ins"),
                )
            )
        return "\n".join(lines)

    def _geometry(self, width: float | None = None) -> _Grid:
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = max(2.0, line / 4)
        area = self._area(width)
        labels = max(metrics.horizontalAdvance(day_short(d)) for d in range(WEEKDAYS)) + 2 * pad
        cell = max((area.width() - labels - pad) / HOURS, 4.0)
        height = min(max(cell * 0.8, line * 1.1), line * 2.0)
        return _Grid(area.left() + labels, area.top() + line + pad, cell, height, pad)

    def _legend_bottom(self, width: float | None = None, painter: QPainter | None = None) -> float:
        grid, area = self._geometry(width), self._area(width)
        background, text = self._colours()
        line = self.fontMetrics().height()
        greyed = Swatch(line, lambda p, r: self._paint_greyed(p, r, background, text))
        blank = Swatch(line, lambda p, r: self._paint_cell(p, r, BLANK, background, text))
        runs: list[LegendRun] = [
            (None, self.tr("fewer sparks")),
            (Swatch(line * 6, self._paint_gradient), self.tr("more sparks")),
            (None, self.tr("(middle: your usual rate, {rate})").format(rate=percent(self._r0))),
            None,
            (
                greyed,
                self.tr("grey: fewer than {count} check-ins, too few to say").format(
                    count=GREY_BELOW
                ),
            ),
            (blank, self.tr("blank: no check-ins")),
        ]
        top = grid.top + WEEKDAYS * grid.height + grid.pad * 2
        return self._legend(runs, area.left() + grid.pad, top, area.right(), painter)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return round(self._legend_bottom(width) + self._geometry(width).pad)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        width = round(metrics.horizontalAdvance("Wed") + HOURS * metrics.height() * 1.5)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        width = round(metrics.horizontalAdvance("Wed") + metrics.height() + HOURS * 8)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._grid:
            return
        painter = QPainter(self)
        background, text = self._colours()
        grid = self._geometry()
        metrics = self.fontMetrics()
        painter.setPen(text)
        for weekday in range(WEEKDAYS):
            name = day_short(weekday)
            row = grid.cell(weekday, 0)
            label = QRectF(self._area().left(), row.top(), grid.left - grid.pad, row.height())
            painter.drawText(label, int(Qt.AlignmentFlag.AlignVCenter), name)
        # Every 3 hours, or fewer labels when they would run into each other.
        every = next(n for n in (3, 6, 12) if n * grid.width >= metrics.horizontalAdvance("21 "))
        for hour in range(0, HOURS, every):
            head = grid.cell(0, hour)
            painter.drawText(QPointF(head.left(), head.top() - grid.pad * 1.5), str(hour))
        gap = 1.0 if grid.width > 6 else 0.0
        for weekday, hour, cell in self._cells():
            rect = grid.cell(weekday, hour).adjusted(gap, gap, -gap, -gap)
            self._paint_cell(painter, rect, cell, background, text)
        self._paint_focus(painter)
        self._legend_bottom(painter=painter)
        painter.end()

    def _paint_cell(
        self, painter: QPainter, rect: QRectF, cell: Cell, background: QColor, text: QColor
    ) -> None:
        if cell.checkins == 0:
            painter.setPen(QPen(blend(background, text, 0.1), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        elif cell.greyed or cell.shrunk is None:
            self._paint_greyed(painter, rect, background, text)
        else:
            painter.fillRect(rect, self._scale(rate_position(cell.shrunk, self._r0)))

    @staticmethod
    def _paint_greyed(painter: QPainter, rect: QRectF, background: QColor, text: QColor) -> None:
        painter.fillRect(rect, blend(background, text, 0.14))
        painter.fillRect(rect, QBrush(blend(background, text, 0.4), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(blend(background, text, 0.4), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))

    def _paint_gradient(self, painter: QPainter, rect: QRectF) -> None:
        """The scale from fewer to more sparks, with a mark at the usual rate in its middle."""
        gradient = QLinearGradient(rect.topLeft(), rect.topRight())
        for stop in (0.0, 0.5, 1.0):
            gradient.setColorAt(stop, self._scale(stop))
        painter.fillRect(rect, gradient)
        painter.setPen(QPen(self._colours()[1], 2))
        middle = rect.center().x()
        painter.drawLine(QPointF(middle, rect.top() - 3), QPointF(middle, rect.bottom() + 3))


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

    def _geometry(self, width: float | None = None) -> _Grid:
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = max(2.0, line / 4)
        area = self._area(width)
        labels = max(metrics.horizontalAdvance(day_short(d)) for d in range(WEEKDAYS)) + 2 * pad
        weeks = self._column(self._days[-1].day) + 1 if self._days else 53
        size = min(max((area.width() - labels - pad) / weeks, 3.0), line * 2.0)
        return _Grid(area.left() + labels, area.top() + line + pad, size, size, pad)

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

    def _paint_months(self, painter: QPainter, grid: _Grid) -> None:
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

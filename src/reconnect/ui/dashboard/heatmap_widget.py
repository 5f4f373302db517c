"""The hand-drawn figure of sparks by weekday and hour.

It only draws what ``core.time_patterns`` computed; every cell also has its numbers in words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reconnect.core import i18n
from reconnect.core.time_patterns import GREY_BELOW, HOURS, WEEKDAYS, Cell
from reconnect.ui.dashboard.figure_base import (
    FigureBase,
    LegendRun,
    Swatch,
    blend,
    empty_text,
    percent,
    plural,
)
from reconnect.ui.dashboard.pattern_parts import (
    CellGrid,
    day_name,
    day_short,
    hour_span,
)

GREYED_TEXT = QT_TRANSLATE_NOOP(
    "PatternWidgets", "greyed: fewer than {count} check-ins, too few to say"
)
BLANK = Cell(0, 0, None, None, greyed=True)  # how time_patterns gives an hour without check-ins


def rate_position(rate: float, r0: float) -> float:
    """Where ``rate`` sits on the scale, so that the usual rate ``r0`` is its middle."""
    r0 = min(max(r0, 0.01), 0.99)
    if rate <= r0:
        return 0.5 * rate / r0
    return 0.5 + 0.5 * (rate - r0) / (1.0 - r0)


def greyed_text() -> str:
    return QCoreApplication.translate("PatternWidgets", GREYED_TEXT).format(count=GREY_BELOW)


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

    def _geometry(self, width: float | None = None) -> CellGrid:
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = max(2.0, line / 4)
        area = self._area(width)
        labels = max(metrics.horizontalAdvance(day_short(d)) for d in range(WEEKDAYS)) + 2 * pad
        cell = max((area.width() - labels - pad) / HOURS, 4.0)
        height = min(max(cell * 0.8, line * 1.1), line * 2.0)
        return CellGrid(area.left() + labels, area.top() + line + pad, cell, height, pad)

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

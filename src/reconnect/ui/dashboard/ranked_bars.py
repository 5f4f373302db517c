"""What helps most, drawn: a bar per practice for its likely spark rate, with its 80% range.

It only draws the ``core.spark_stats`` figures it is given, in the order it is given them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reconnect.core import i18n
from reconnect.core.spark_stats import STILL_LEARNING_BELOW, PracticeStats
from reconnect.ui.dashboard.figure_base import FigureBase, blend, empty_text, percent, plural

STILL_LEARNING = QT_TRANSLATE_NOOP("RankedBars", "still learning")  # shown through self.tr


class RankedBars(FigureBase):
    """One row per practice: title, likely rate with its range, the usual rate, the counts.

    Keys: Up and Down move the current row, Home and End go to the first and last;
    Enter opens the current practice, as a double-click on a row does.

    Signals:
        practice_activated(str): the id of the practice a person asked to open.
    """

    practice_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What helps most"), parent)
        self._practices: list[PracticeStats] = []
        self._r0 = 0.5
        self.setAccessibleDescription(self.summary())

    def set_practices(self, practices: Sequence[PracticeStats], r0: float) -> None:
        """Show ``practices`` in the given order against the usual rate ``r0``."""
        kept = self._practices[self._current].id if self._current is not None else None
        self._practices = list(practices)
        self._r0 = r0
        found = [i for i, p in enumerate(self._practices) if p.id == kept]
        self._data_changed(found[0] if found else None)

    def row_rect(self, index: int) -> QRectF:
        """Where the row of the practice at ``index`` is drawn."""
        return self._item_rect(index)

    def current_id(self) -> str | None:
        """The id of the keyboard's current practice, if any."""
        if self._current is None or self._current >= len(self._practices):
            return None
        return self._practices[self._current].id

    def _item_count(self) -> int:
        return len(self._practices)

    def _item_rect(self, index: int) -> QRectF:
        area = QRectF(self.contentsRect())
        line, pad = self._line_and_pad()
        row = line * 2 + pad
        return QRectF(area.left(), area.top() + line + pad + index * row, area.width(), row)

    def _item_text(self, index: int) -> str:
        p = self._practices[index]
        usual = self.tr("usual rate {rate}").format(rate=percent(self._r0))
        if p.checkins == 0:
            return self.tr("{headline}; {usual}").format(
                headline=self._headline(index), usual=usual
            )
        counts = self.tr("{sparks} in {checkins}").format(
            sparks=plural(p.sparks, "spark"), checkins=plural(p.checkins, "check-in")
        )
        said = self.tr("{headline}; {counts}; {usual}").format(
            headline=self._headline(index), counts=counts, usual=usual
        )
        if p.still_learning:
            said = self.tr("{said}; still learning (fewer than {count} check-ins)").format(
                said=said, count=STILL_LEARNING_BELOW
            )
        return said

    def _headline(self, index: int) -> str:
        """Like "Stretch: likely 35-60%, middle 47%"."""
        p = self._practices[index]
        if p.checkins == 0:
            return self.tr("{title}: no check-ins yet").format(title=p.title)
        low, high = p.interval80
        return self.tr("{title}: likely {low}-{high}, middle {middle}").format(
            title=p.title,
            low=f"{low * 100:.0f}",
            high=percent(high),
            middle=percent(p.posterior_mean),
        )

    def _counts(self, practice: PracticeStats) -> str:
        if practice.checkins == 0:
            return self.tr("no check-ins yet")
        return self.tr("{sparks} of {checkins}").format(
            sparks=i18n.number(practice.sparks), checkins=plural(practice.checkins, "check-in")
        )

    def summary(self) -> str:
        count = len(self._practices)
        if not count:
            return empty_text()
        shown = i18n.plural(
            count, self.tr("1 practice"), self.tr("{count} practices, in the order shown")
        )
        parts = [
            self.tr("{practices}; your usual rate is {rate}.").format(
                practices=shown, rate=percent(self._r0)
            ),
            self.tr("First: {headline}.").format(headline=self._headline(0)),
        ]
        learning = sum(1 for p in self._practices if p.still_learning and p.checkins)
        if learning:
            parts.append(self.tr("{count} still learning.").format(count=learning))
        return " ".join(parts)

    def describe(self) -> str:
        if not self._practices:
            return empty_text()
        rows = [f"{i + 1}. {self._item_text(i)}" for i in range(len(self._practices))]
        heading = self.tr("What helps most. {summary}").format(summary=self.summary())
        return "\n".join([heading, *rows])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            practice_id = self.current_id()
            if practice_id is not None:
                self.practice_activated.emit(practice_id)
                event.accept()
                return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self._index_at(event.position())
        if index is None:
            super().mouseDoubleClickEvent(event)
            return
        self._current = index
        self.update()
        self.practice_activated.emit(self._practices[index].id)
        event.accept()

    def _line_and_pad(self) -> tuple[float, float]:
        line = float(self.fontMetrics().height())
        return line, max(2.0, line / 3)

    def _columns(self) -> tuple[float, float, float]:
        """The left and right ends of the bars, and where the counts begin."""
        metrics = self.fontMetrics()
        area = QRectF(self.contentsRect())
        _, pad = self._line_and_pad()
        titles = max((metrics.horizontalAdvance(p.title) for p in self._practices), default=0)
        title_width = min(titles + pad * 2, area.width() * 0.3)
        texts = [self._counts(p) for p in self._practices] + [self.tr(STILL_LEARNING)]
        counts_width = max(metrics.horizontalAdvance(text) for text in texts) + pad * 2
        left = area.left() + title_width + pad
        right = max(area.right() - counts_width - pad, left + 20)
        return left, right, right + pad * 2

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line, pad = self._line_and_pad()
        rows = max(len(self._practices), 1)
        return QSize(round(line * 36), round(line * 3 + pad * 2 + rows * (line * 2 + pad)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line, pad = self._line_and_pad()
        return QSize(round(line * 20), round(line * 5 + pad * 3))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._practices:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        background, text = self._colours()
        metrics = self.fontMetrics()
        line, pad = self._line_and_pad()
        left, right, counts = self._columns()
        top = self._item_rect(0).top()
        bottom = self._item_rect(len(self._practices) - 1).bottom()
        painter.setPen(text)
        header = QRectF(left, top - line - pad, right - left, line)
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft), "0%")
        if right - left > metrics.horizontalAdvance("100% 50% 0%") * 2:
            painter.drawText(header, int(Qt.AlignmentFlag.AlignHCenter), "50%")
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight), "100%")
        for index, practice in enumerate(self._practices):
            self._paint_row(painter, index, practice, (left, right, counts), background, text)
        usual_x = left + (right - left) * min(max(self._r0, 0.0), 1.0)
        dashed = QPen(blend(background, text, 0.65), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(QPointF(usual_x, top), QPointF(usual_x, bottom))
        usual = self.tr("your usual {rate}").format(rate=percent(self._r0))
        width = metrics.horizontalAdvance(usual)
        x = min(max(usual_x - width / 2, left), right - width)
        painter.setPen(text)
        painter.drawText(QPointF(x, bottom + pad + metrics.ascent()), usual)
        self._paint_focus(painter)
        painter.end()

    def _paint_row(
        self,
        painter: QPainter,
        index: int,
        practice: PracticeStats,
        columns: tuple[float, float, float],
        background: QColor,
        text: QColor,
    ) -> None:
        left, right, counts = columns
        metrics = self.fontMetrics()
        line, pad = self._line_and_pad()
        row = self._item_rect(index)
        middle = row.center().y()
        title = metrics.elidedText(practice.title, Qt.TextElideMode.ElideRight, round(left - pad))
        painter.setPen(text)
        painter.drawText(
            QRectF(row.left() + pad, row.top(), left - pad, row.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        span = right - left
        track = QRectF(left, middle - line * 0.35, span, line * 0.7)
        painter.fillRect(track, blend(background, text, 0.07))
        if practice.checkins:
            shade = 0.3 if practice.still_learning else 0.6
            bar = QRectF(track.left(), track.top(), span * practice.posterior_mean, track.height())
            painter.fillRect(bar, self._scale(shade))
            low, high = (left + span * value for value in practice.interval80)
            cap = line * 0.45
            painter.setPen(QPen(text, 1.5))
            painter.drawLine(QPointF(low, middle), QPointF(high, middle))
            for x in (low, high):
                painter.drawLine(QPointF(x, middle - cap), QPointF(x, middle + cap))
        said = self._counts(practice)
        learning = practice.still_learning and practice.checkins > 0
        centred = middle + (metrics.ascent() - metrics.descent()) / 2
        painter.setPen(text)
        painter.drawText(QPointF(counts, middle - pad / 2 if learning else centred), said)
        if learning:
            soft = QFont(self.font())
            soft.setItalic(True)
            painter.setFont(soft)
            painter.setPen(blend(background, text, 0.6))
            painter.drawText(
                QPointF(counts, middle + pad / 2 + metrics.ascent()), self.tr(STILL_LEARNING)
            )
            painter.setFont(self.font())

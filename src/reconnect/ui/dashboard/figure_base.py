"""What the drawn dashboard figures share: the calm colour scale, words, keys and tooltips.

``FigureBase`` keeps a current item moved by the keys; a figure says where its items are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reconnect.core import i18n

EMPTY_TEXT = QT_TRANSLATE_NOOP("FigureBase", "No check-ins in this range yet.")
# One calm hue from pale to deep teal; never red, so fewer sparks never look like a warning.
SCALE = (QColor("#d3ece5"), QColor("#5aae9e"), QColor("#0e5a50"))
# On a dark background "more" is brighter, so the strongest cells stand out there too.
DARK_SCALE = (QColor("#1f4640"), QColor("#35917f"), QColor("#9be3d0"))
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


def blend(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` moved ``share`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )


def scale_colour(t: float, dark: bool = False) -> QColor:
    """The calm scale at ``t`` (0 fewer sparks .. 1 more), for a light or dark background."""
    low, middle, high = DARK_SCALE if dark else SCALE
    t = min(max(t, 0.0), 1.0)
    if t <= 0.5:
        return blend(low, middle, t * 2)
    return blend(middle, high, (t - 0.5) * 2)


@dataclass(frozen=True)
class Swatch:
    """A small legend picture: ``paint`` draws it into a rect ``width`` wide and a line high."""

    width: float
    paint: Callable[[QPainter, QRectF], None]


# A run of a legend: a picture kept with the first word of its words; None starts a new line.
LegendRun = tuple[Swatch | None, str] | None


# The counted words of the figures, one and more, marked for the catalogue.
_COUNTED: dict[str, tuple[str, str]] = {
    "spark": (
        QT_TRANSLATE_NOOP("FigureBase", "1 spark"),
        QT_TRANSLATE_NOOP("FigureBase", "{count} sparks"),
    ),
    "check-in": (
        QT_TRANSLATE_NOOP("FigureBase", "1 check-in"),
        QT_TRANSLATE_NOOP("FigureBase", "{count} check-ins"),
    ),
    "hour": (
        QT_TRANSLATE_NOOP("FigureBase", "1 hour"),
        QT_TRANSLATE_NOOP("FigureBase", "{count} hours"),
    ),
    "day": (
        QT_TRANSLATE_NOOP("FigureBase", "1 day"),
        QT_TRANSLATE_NOOP("FigureBase", "{count} days"),
    ),
}


def plural(count: int, word: str) -> str:
    """``count`` with ``word`` ("spark", "check-in", "hour" or "day"), in the person's
    language, the number grouped by thousands (``i18n.plural``).

    Raises:
        KeyError: a word that has no translated forms above.
    """
    one, more = _COUNTED[word]
    return i18n.plural(
        count,
        QCoreApplication.translate("FigureBase", one),
        QCoreApplication.translate("FigureBase", more),
    )


def empty_text() -> str:
    """What a figure says when there is nothing in the range."""
    return QCoreApplication.translate("FigureBase", EMPTY_TEXT)


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


class FigureBase(QWidget):
    """What the figures share: a current item moved by keys, tooltips, accessible text.

    A subclass says how many items it has, where each is drawn and what it says in words.
    """

    def __init__(
        self, name: str, parent: QWidget | None = None, height_for_width: bool = False
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(height_for_width)  # cells follow the width, so does the height
        self.setSizePolicy(policy)
        self._current: int | None = None

    # -- what a subclass provides ------------------------------------------------------------

    def _item_count(self) -> int:
        raise NotImplementedError

    def _item_rect(self, index: int) -> QRectF:
        raise NotImplementedError

    def _item_text(self, index: int) -> str:
        raise NotImplementedError

    def summary(self) -> str:
        """A short summary, the accessible description after each ``set_*``."""
        raise NotImplementedError

    def describe(self) -> str:
        """Everything the figure shows, in plain text."""
        raise NotImplementedError

    def _first_current(self) -> int:
        """The item the keyboard starts on."""
        return 0

    def _step(self, index: int, key: Qt.Key) -> int:
        """The item an arrow key moves to from ``index``; the same index where it cannot go."""
        forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
        return min(max(index + (1 if forward else -1), 0), self._item_count() - 1)

    # -- public -------------------------------------------------------------------------------

    def text_at(self, point: QPoint) -> str | None:
        """The words for the item under ``point`` (widget coordinates), None off the items."""
        index = self._index_at(QPointF(point))
        return None if index is None else self._item_text(index)

    def current_text(self) -> str:
        """The words for the keyboard's current item; empty when there is none."""
        if self._current is None or self._current >= self._item_count():
            return ""
        return self._item_text(self._current)

    # -- shared behaviour ---------------------------------------------------------------------

    def _index_at(self, point: QPointF) -> int | None:
        for index in range(self._item_count()):
            if self._item_rect(index).contains(point):
                return index
        return None

    def _data_changed(self, keep: int | None) -> None:
        """After a ``set_*``: keep the current item if it is still there, tell and redraw."""
        self._current = keep if keep is not None and keep < self._item_count() else None
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()

    def _move_to(self, index: int) -> None:
        self._current = index
        text = self._item_text(index)
        self.setAccessibleDescription(text)
        # No rect: the tooltip belongs to the keys, so a resting mouse does not close it.
        near = self._item_rect(index).bottomLeft().toPoint()
        QToolTip.showText(self.mapToGlobal(near), text, self)
        self.update()

    def _paint_focus(self, painter: QPainter) -> None:
        if not self.hasFocus() or self._current is None or self._current >= self._item_count():
            return
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        around = self._item_rect(self._current).adjusted(-1, -1, 1, 1)
        painter.drawRect(around.intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1)))

    def _legend(
        self,
        runs: Sequence[LegendRun],
        left: float,
        top: float,
        right: float,
        painter: QPainter | None = None,
    ) -> float:
        """Lays the legend out in lines that wrap at ``right``, drawing it given a painter.

        Returns:
            The bottom of the last line, so the widget can ask for the height it needs.
        """
        metrics = self.fontMetrics()
        line, space = metrics.height(), metrics.horizontalAdvance(" ")
        x, y = left, top
        for run in runs:
            if run is None:
                x, y = left, y + line * 1.3
                continue
            swatch, words = run
            for k, word in enumerate(words.split() or [""]):
                picture = swatch if k == 0 else None
                before = picture.width + space if picture else 0.0
                width = before + metrics.horizontalAdvance(word)
                if x > left and x + width > right:
                    x, y = left, y + line * 1.3
                if painter is not None:
                    if picture:
                        picture.paint(painter, QRectF(x, y, picture.width, line))
                    painter.setPen(self._colours()[1])
                    painter.drawText(QPointF(x + before, y + metrics.ascent()), word)
                x += width + space
            x += space * 2
        return y + line

    def _area(self, width: float | None = None) -> QRectF:
        """The contents rect, or the one the widget would have at ``width``."""
        area = QRectF(self.contentsRect())
        if width is not None:
            area.setWidth(width - (self.width() - area.width()))
        return area

    def _colours(self) -> tuple[QColor, QColor]:
        """The background and text colours of the current theme."""
        palette = self.palette()
        return palette.color(self.backgroundRole()), palette.color(self.foregroundRole())

    def _scale(self, t: float) -> QColor:
        """The scale colour at ``t`` for this widget's background."""
        return scale_colour(t, dark=self._colours()[0].lightnessF() < 0.5)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        count = self._item_count()
        key = Qt.Key(event.key())
        if count == 0 or key not in (*ARROWS, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = count - 1
        elif self._current is None or self._current >= count:
            index = self._first_current()
        else:
            index = self._step(self._current, key)
        self._move_to(index)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if (self._current is None or self._current >= self._item_count()) and self._item_count():
            self._current = self._first_current()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self._index_at(event.position())
        if index is not None:
            self._current = index
            self.update()
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                rect = self._item_rect(index).toAlignedRect()
                QToolTip.showText(event.globalPos(), self._item_text(index), self, rect)
            return True
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        return super().event(event)

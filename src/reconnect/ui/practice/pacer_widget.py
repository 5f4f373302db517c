"""The breathing pacer: a soft circle that grows and shrinks with the breath, the word and count.

It only draws what ``core.breath_pacer`` computes; the player drives it, it has no timer.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reconnect.core.breath_pacer import PacerView, pacer_at, phase_changes
from reconnect.core.practices import BreathPattern
from reconnect.ui.theme import LIGHT, scheme_of

FILL = QColor(LIGHT.pacer_fill)  # on a light background; a dark one has its own

# Even an empty breath leaves a visible circle, so the shape never seems to vanish.
MIN_RADIUS_SHARE = 0.35
MARGIN = 12.0


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


class PacerWidget(QWidget):
    """Shows a breath pattern at the elapsed seconds the player gives it.

    With reduced motion there is no shape, only the phase word and the count, larger.

    Signals:
        phase_changed(str): a new phase began (``Phase`` value, such as ``"out"``), for a
            tone. Not sent for the first moment after ``set_pattern``: the step's own start
            is the cue for the first in-breath.
    """

    phase_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breathPacer")
        self.setAccessibleName(self.tr("Breathing pacer"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pattern: BreathPattern | None = None
        self._reduced_motion = False
        self._elapsed: float | None = None
        self.view: PacerView | None = None

    @property
    def pattern(self) -> BreathPattern | None:
        return self._pattern

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    @property
    def shape_visible(self) -> bool:
        """True when the circle is drawn: a pattern is set and motion is welcome."""
        return self._pattern is not None and not self._reduced_motion

    def set_pattern(self, pattern: BreathPattern | None) -> None:
        """Start over with ``pattern`` (None clears the pacer); shows its first moment."""
        self._pattern = pattern
        self._elapsed = None
        self.view = None
        self.setAccessibleDescription("")
        if pattern is not None:
            self.show_at(0.0)
        self.update()

    def set_reduced_motion(self, reduced: bool) -> None:
        """Draw no shape at all, only the word and the count, when ``reduced`` is True."""
        self._reduced_motion = reduced
        self.update()

    def show_at(self, elapsed: float) -> None:
        """Show the breath ``elapsed`` seconds after the step began.

        Emits ``phase_changed`` once when one or more phases began since the last call
        (the latest of them: a single tone, however late the call).
        """
        if self._pattern is None:
            return
        if self._elapsed is not None:
            changes = phase_changes(self._pattern, self._elapsed, elapsed)
        else:
            changes = []
        self._elapsed = elapsed
        view = pacer_at(self._pattern, elapsed)
        if view != self.view:
            self.view = view
            description = self.tr("{word}, {count}").format(word=view.word, count=view.count)
            if self.accessibleDescription() != description:
                self.setAccessibleDescription(description)
            self.update()
        if changes:
            self.phase_changed.emit(changes[-1][1].value)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 380)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(180, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        view = self.view
        if view is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        area = QRectF(self.contentsRect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if self.shape_visible:
            self._paint_with_shape(painter, area, view)
        else:
            self._paint_words_only(painter, area, view)
        painter.end()

    def _paint_with_shape(self, painter: QPainter, area: QRectF, view: PacerView) -> None:
        word_px = _clamp(area.height() * 0.075, 16, 34)
        count_px = _clamp(area.height() * 0.085, 18, 40)
        text_height = (word_px + count_px) * 1.5
        circle_area = QRectF(area.left(), area.top(), area.width(), area.height() - text_height)
        outline_width = 2.0
        full = max(min(circle_area.width(), circle_area.height()) / 2 - outline_width, 1.0)
        radius = full * (MIN_RADIUS_SHARE + (1 - MIN_RADIUS_SHARE) * view.size)
        centre = circle_area.center()

        scheme = scheme_of(self.palette())
        # The faint ring where a full breath reaches, then the breath itself.
        painter.setPen(QPen(QColor(scheme.pacer_guide), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, full, full)
        painter.setPen(QPen(QColor(scheme.pacer_outline), outline_width))
        painter.setBrush(QColor(scheme.pacer_fill))
        painter.drawEllipse(centre, radius, radius)

        top = circle_area.bottom() + word_px * 0.4
        word_rect = QRectF(area.left(), top, area.width(), word_px * 1.4)
        count_rect = QRectF(area.left(), word_rect.bottom(), area.width(), count_px * 1.4)
        self._text(painter, word_rect, view.word, word_px, scheme.text, QFont.Weight.DemiBold)
        self._text(
            painter, count_rect, str(view.count), count_px, scheme.heading, QFont.Weight.Normal
        )

    def _paint_words_only(self, painter: QPainter, area: QRectF, view: PacerView) -> None:
        word_px = _clamp(min(area.height() * 0.12, area.width() * 0.12), 18, 48)
        count_px = _clamp(min(area.height() * 0.28, area.width() * 0.3), 32, 120)
        block = word_px * 1.4 + count_px * 1.3
        top = area.center().y() - block / 2
        word_rect = QRectF(area.left(), top, area.width(), word_px * 1.4)
        count_rect = QRectF(area.left(), word_rect.bottom(), area.width(), count_px * 1.3)
        scheme = scheme_of(self.palette())
        self._text(painter, word_rect, view.word, word_px, scheme.text, QFont.Weight.DemiBold)
        self._text(
            painter, count_rect, str(view.count), count_px, scheme.heading, QFont.Weight.Normal
        )

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        pixels: float,
        colour: str,
        weight: QFont.Weight,
    ) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(pixels)))
        font.setWeight(weight)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

"""What the pattern figures share: short names of days and months, and a grid of cells."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF

from reconnect.core.vocabulary import DAY_NAMES

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


def hour_span(hour: int) -> str:
    return f"{hour:02d}:00-{hour + 1:02d}:00"


def day_text(day: date) -> str:
    """Like "Mon 3 Nov 2025", in the language of the translation installed (not the locale)."""
    return QCoreApplication.translate("PatternWidgets", "{weekday} {day} {month} {year}").format(
        weekday=day_short(day.weekday()), day=day.day, month=month_short(day.month), year=day.year
    )


@dataclass(frozen=True)
class CellGrid:
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

"""What the dashboard's sections share: wrapping labels, scrolling pages, the empty range."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

# In English, marked for the catalogue; said through no_checkins_in_range.
NO_CHECKINS_IN_RANGE = QT_TRANSLATE_NOOP(
    "Dashboard",
    "No check-ins in this range. A longer range may show more; what you noticed earlier "
    "is still here.",
)


def no_checkins_in_range() -> str:
    return QCoreApplication.translate("Dashboard", NO_CHECKINS_IN_RANGE)


def wrapping(text: str = "", name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def scrolling(inner: QWidget, name: str) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    # The page's warm background shows through the viewport and the scrolled widget.
    scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget { background: transparent; }")
    return scroll

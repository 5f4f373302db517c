"""The small break prompt near the tray: it offers one practice and never steals focus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.i18n import plural

EXPIRY_MS = 10 * 60 * 1000
SNOOZE_CHOICES = (5, 10, 20)


@dataclass(frozen=True)
class Offer:
    """What the prompt shows: plain values, no practice object and no database row."""

    practice_id: str
    title: str
    summary: str
    minutes: int
    senses: tuple[str, ...]
    place: str

    @property
    def meta(self) -> str:
        minutes = plural(
            self.minutes,
            QCoreApplication.translate("Offer", "1 minute"),
            QCoreApplication.translate("Offer", "{count} minutes"),
        )
        return QCoreApplication.translate("Offer", "{minutes} · {senses} · {place}").format(
            minutes=minutes,
            senses=", ".join(QCoreApplication.translate("Vocabulary", s) for s in self.senses),
            place=self.place,
        )


class PromptWindow(QWidget):
    """Offers a break: Start, Another one, Snooze, Skip. Left alone, it closes as missed.

    Shown without activation, so typing elsewhere carries on; clicking it (or switching
    to it) gives it the keyboard, where every button has a key path.

    Signals:
        start_requested, another_requested, skip_requested: the person's choice.
        snooze_requested(int): minutes.
        expired: ten minutes passed with no answer.
    """

    start_requested = Signal()
    another_requested = Signal()
    snooze_requested = Signal(int)
    skip_requested = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None, expiry_ms: int = EXPIRY_MS) -> None:
        """``expiry_ms``: how long it waits for an answer (shorter only at a test's pace)."""
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("promptCard")
        self.setWindowTitle(self.tr("Reconnect: a small pause"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Break prompt"))
        self.setMinimumWidth(360)

        self.heading = QLabel(self.tr("A small pause, if you'd like one"))
        self.heading.setObjectName("promptHeading")
        self.title = QLabel()
        self.title.setObjectName("practiceTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("practiceMeta")
        self.summary = QLabel()
        self.summary.setObjectName("practiceSummary")
        self.summary.setWordWrap(True)
        footnote = QLabel(self.tr("Skipping is fine too. There's no score to keep."))
        footnote.setObjectName("practiceMeta")

        self.start_button = self._button(
            self.tr("&Start"), self.tr("Start this practice"), "primary"
        )
        self.another_button = self._button(
            self.tr("&Another one"), self.tr("Offer a different practice")
        )
        self.snooze_button = self._button(self.tr("S&nooze"), self.tr("Ask again in a few minutes"))
        self.skip_button = self._button(self.tr("S&kip"), self.tr("Let this break go"))
        snooze_menu = QMenu(self.snooze_button)
        for minutes in SNOOZE_CHOICES:
            action = snooze_menu.addAction(self.tr("{minutes} minutes").format(minutes=minutes))
            action.triggered.connect(lambda _=False, m=minutes: self._answer_snooze(m))
        self.snooze_button.setMenu(snooze_menu)
        self.start_button.clicked.connect(lambda: self._answer(self.start_requested))
        self.another_button.clicked.connect(self.another_requested.emit)
        self.skip_button.clicked.connect(lambda: self._answer(self.skip_requested))

        buttons = QHBoxLayout()
        for button in (self.start_button, self.another_button, self.snooze_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addSpacing(4)
        layout.addWidget(self.summary)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        layout.addWidget(footnote)

        # A test fires this timer directly; the app never needs to reach into it.
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.setInterval(expiry_ms)
        self.expiry.timeout.connect(self._expire)
        self.offer: Offer | None = None

    def _button(self, text: str, description: str, name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        if name:
            button.setObjectName(name)
        return button

    def show_offer(self, offer: Offer, anchor: QRect | None = None) -> None:
        """Show (or update) the offer near ``anchor`` (the tray icon), restarting the expiry."""
        self.offer = offer
        self.title.setText(offer.title)
        self.meta.setText(offer.meta)
        self.summary.setText(offer.summary)
        self.start_button.setAccessibleDescription(
            self.tr("Start {title}, {meta}").format(title=offer.title, meta=offer.meta)
        )
        self.adjustSize()
        if QGuiApplication.platformName().startswith("wayland"):
            # A tiling compositor (sway) floats a window whose size is fixed, instead of giving
            # a small prompt half the screen.
            self.setMinimumSize(0, 0)
            self.setMaximumSize(16_777_215, 16_777_215)
            self.adjustSize()
            self.setFixedSize(self.size())
        self.move(self._position(anchor))
        self.start_button.setDefault(True)
        self.show()
        self.raise_()
        self.expiry.start()

    def _position(self, anchor: QRect | None) -> QPoint:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else QRect(0, 0, 1280, 800)
        size = self.sizeHint()
        margin = 12
        if anchor is not None and anchor.isValid() and area.intersects(anchor):
            x = min(max(anchor.center().x() - size.width() // 2, area.left() + margin),
                    area.right() - size.width() - margin)  # fmt: skip
            below = anchor.center().y() < area.center().y()
            y = anchor.bottom() + margin if below else anchor.top() - size.height() - margin
            return QPoint(x, max(area.top() + margin, y))
        return QPoint(area.right() - size.width() - margin, area.top() + margin)

    def _answer(self, signal: Signal) -> None:
        self.withdraw()
        signal.emit()  # type: ignore[attr-defined]

    def _answer_snooze(self, minutes: int) -> None:
        self.withdraw()
        self.snooze_requested.emit(minutes)

    def _expire(self) -> None:
        self.withdraw()
        self.expired.emit()

    def withdraw(self) -> None:
        """Close without an answer of its own (the app decided, or the person answered)."""
        self.expiry.stop()
        self.hide()
        self.offer = None

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            # Escape is a quiet "not now": the same as Skip.
            self._answer(self.skip_requested)
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

"""The dashboard's library: every practice as a card with a Start button, and what to try next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.i18n import plural
from reconnect.core.library import Library
from reconnect.core.practices import Practice
from reconnect.core.suggestion import Suggestion
from reconnect.core.vocabulary import SENSES

# Labels in English, marked for the catalogue; the page shows them through self.tr.
LENGTHS = (
    (None, QT_TRANSLATE_NOOP("LibraryPage", "Any length")),
    (1, QT_TRANSLATE_NOOP("LibraryPage", "Up to 1 minute")),
    (2, QT_TRANSLATE_NOOP("LibraryPage", "Up to 2 minutes")),
    (5, QT_TRANSLATE_NOOP("LibraryPage", "Up to 5 minutes")),
)
COLUMNS = 2  # side by side when the window is wide enough; one under another when not
CARD_CHARACTERS = 60  # a card is not made narrower than this many characters of its words


def _minutes(practice: Practice) -> str:
    return plural(
        practice.minutes,
        QCoreApplication.translate("LibraryPage", "1 minute"),
        QCoreApplication.translate("LibraryPage", "{count} minutes"),
    )


def _sense(sense: str) -> str:
    return QCoreApplication.translate("Vocabulary", sense)


def _senses(practice: Practice) -> str:
    return ", ".join(_sense(sense) for sense in practice.senses)


class PracticeCard(QFrame):
    """One practice: its title, what it is, how long, and a Start button."""

    def __init__(
        self,
        practice: Practice,
        start: Callable[[str], None],
        change: Callable[[str], None] | None = None,
        compare: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.practice = practice
        self.setObjectName("practiceCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{practice.title}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        summary = QLabel(practice.summary)
        summary.setWordWrap(True)
        parts = [_minutes(practice), _senses(practice)]
        if practice.needs_headphones:
            parts.append(self.tr("headphones"))
        if practice.own:
            parts.append(self.tr("your own"))
        details = QLabel(" · ".join(parts))
        details.setObjectName("quiet")
        details.setWordWrap(True)  # a practice of many senses does not widen every card
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setAccessibleName(self.tr("Start {title}").format(title=practice.title))
        self.start_button.setAccessibleDescription(
            self.tr("{summary} About {minutes}.").format(
                summary=practice.summary, minutes=_minutes(practice)
            )
        )
        self.start_button.clicked.connect(lambda: start(practice.id))
        row = QHBoxLayout()
        row.addWidget(details, 1)
        self.change_button: QPushButton | None = None
        if change is not None and practice.own:
            self.change_button = QPushButton(self.tr("Change…"))
            self.change_button.setAccessibleName(
                self.tr("Change {title}").format(title=practice.title)
            )
            self.change_button.clicked.connect(lambda: change(practice.id))
            row.addWidget(self.change_button)
        self.compare_button: QPushButton | None = None
        if compare is not None:
            self.compare_button = QPushButton(self.tr("Compare with…"))
            self.compare_button.setAccessibleName(
                self.tr("Compare {title} with another practice").format(title=practice.title)
            )
            self.compare_button.clicked.connect(lambda: compare(practice.id))
            row.addWidget(self.compare_button)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addStretch(1)  # beside a taller card, the words stay together at the top
        layout.addLayout(row)


class LibraryPage(QWidget):
    """Filters by sense and length, the current suggestion first, then every practice.

    Args:
        comparing: each card offers "Compare with…" too.

    Signals:
        start_requested(str): the person chose to start the practice with this id.
        add_requested: the person wants to write a practice of their own.
        change_requested(str): the person wants to change their own practice with this id.
        compare_requested(str): the person wants to compare the practice with this id with
            another.
    """

    start_requested = Signal(str)
    add_requested = Signal()
    change_requested = Signal(str)
    compare_requested = Signal(str)

    def __init__(
        self,
        library: Library,
        suggestion: Callable[[], Suggestion | None],
        parent: QWidget | None = None,
        comparing: bool = False,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._comparing = comparing
        self._suggestion = suggestion
        self.suggested = QLabel()
        self.suggested.setWordWrap(True)
        self.suggested.setTextFormat(Qt.TextFormat.RichText)
        self.suggested_start = QPushButton(self.tr("Start the suggestion"))
        self.suggested_start.clicked.connect(self._start_suggestion)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggested, 1)
        suggestion_row.addWidget(self.suggested_start, 0, Qt.AlignmentFlag.AlignTop)

        self.sense = QComboBox()
        self.sense.addItem(self.tr("Any sense"), None)
        for sense in SENSES:
            self.sense.addItem(_sense(sense).capitalize(), sense)
        self.sense.setAccessibleName(self.tr("Show practices for this sense"))
        self.length = QComboBox()
        for minutes, label in LENGTHS:
            self.length.addItem(self.tr(label), minutes)
        self.length.setAccessibleName(self.tr("Show practices of this length"))
        sense_label = QLabel(self.tr("&Sense:"))
        sense_label.setBuddy(self.sense)
        length_label = QLabel(self.tr("&Length:"))
        length_label.setBuddy(self.length)
        filters = QHBoxLayout()
        for widget in (sense_label, self.sense, length_label, self.length):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.add_button = QPushButton(self.tr("Add your own practice…"))
        self.add_button.clicked.connect(lambda: self.add_requested.emit())
        filters.addWidget(self.add_button)
        self.sense.currentIndexChanged.connect(self.refilter)
        self.length.currentIndexChanged.connect(self.refilter)

        self.cards: list[PracticeCard] = []
        self.columns = COLUMNS
        self.empty = QLabel(
            self.tr("No practice matches both choices. Try another sense or a longer length.")
        )
        self.empty.setWordWrap(True)
        grid_host = QWidget()
        grid_host.setObjectName("page")
        self.grid = QGridLayout(grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Practices"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The cards wrap to the width (a window tiled to half a screen shows one column), so
        # nothing is ever cut off at the side.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().installEventFilter(self)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.addLayout(suggestion_row)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.reload()
        self.refresh_suggestion()

    def reload(self) -> None:
        """Make the cards again when the library has changed (a practice added or changed)."""
        shown = [(p.id, p.title, p.summary, p.minutes, p.own) for p in self._library]
        if shown == [
            (
                c.practice.id,
                c.practice.title,
                c.practice.summary,
                c.practice.minutes,
                c.practice.own,
            )
            for c in self.cards
        ]:
            return
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        compare = self.compare_requested.emit if self._comparing else None
        self.cards = [
            PracticeCard(p, self.start_requested.emit, self.change_requested.emit, compare)
            for p in self._library
        ]
        self.refilter()

    def refresh_suggestion(self) -> None:
        chosen = self._suggestion()
        if chosen is None:
            self.suggested.setText(
                self.tr(
                    "No practice fits this moment by the usual rules (for example, it is dark "
                    "outside). Any practice below can still be started."
                )
            )
            self.suggested_start.hide()
            return
        practice = chosen.practice
        self.suggested.setText(
            self.tr("<b>Something to try next:</b> {title} ({minutes}). {summary}").format(
                title=practice.title, minutes=_minutes(practice), summary=practice.summary
            )
        )
        self.suggested_start.setAccessibleName(
            self.tr("Start the suggestion, {title}").format(title=practice.title)
        )
        self.suggested_start.show()

    def _start_suggestion(self) -> None:
        chosen = self._suggestion()
        if chosen is not None:
            self.start_requested.emit(chosen.practice.id)

    def visible_ids(self) -> list[str]:
        return [card.practice.id for card in self.cards if not card.isHidden()]

    def refilter(self) -> None:
        shown = {
            p.id
            for p in self._library.matching(self.sense.currentData(), self.length.currentData())
        }
        while self.grid.count():
            self.grid.takeAt(0)
        for column in range(COLUMNS):  # the columns share the width equally
            self.grid.setColumnStretch(column, 1 if column < self.columns else 0)
        position = 0
        for card in self.cards:
            card.setHidden(card.practice.id not in shown)
            if card.practice.id in shown:
                self.grid.addWidget(card, position // self.columns, position % self.columns)
                position += 1
        self.empty.setVisible(position == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self._fit_columns(self.scroll.viewport().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """As many columns of cards as ``width`` holds without cutting one off or squeezing
        its words into short lines, up to two."""
        if not self.cards:
            return
        readable = self.fontMetrics().averageCharWidth() * CARD_CHARACTERS
        card = max(readable, *(c.minimumSizeHint().width() for c in self.cards))
        margins = self.grid.contentsMargins()
        spacing = self.grid.horizontalSpacing()
        room = width - margins.left() - margins.right() + spacing
        columns = max(1, min(COLUMNS, room // (card + spacing)))
        if columns != self.columns:
            self.columns = columns
            self.refilter()

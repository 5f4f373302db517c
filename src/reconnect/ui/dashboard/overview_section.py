"""The dashboard's overview section.

This week and this month in words, a note after a long quiet stretch, and a few observations
over the range.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reconnect.core.care import QUIET_NOTE_TEXT, QUIET_NOTE_TITLE
from reconnect.core.i18n import number
from reconnect.core.overview import PeriodSummary
from reconnect.core.spark_stats import Report
from reconnect.services.dashboard import Figures
from reconnect.ui.dashboard.section_parts import wrapping

# In English, marked for the catalogue; the section shows it through self.tr.
NO_HISTORY = QT_TRANSLATE_NOOP(
    "OverviewSection",
    "Nothing to show yet, and there is no hurry. After a practice, tell Reconnect whether "
    "anything stirred (nothing is a fine answer). Then this page shows, gently, what seems to "
    "help you and when.",
)


class PeriodCard(QFrame):
    """This week or this month: a sentence and three small numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dashboardCard")
        self.title = wrapping(name="cardTitle")
        self.sentence = wrapping()
        self.numbers = QHBoxLayout()
        self.figure_labels: list[QLabel] = []
        for _ in range(3):
            label = QLabel()
            label.setObjectName("figure")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.figure_labels.append(label)
            self.numbers.addWidget(label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.numbers)
        layout.addWidget(self.sentence)

    def show_summary(self, summary: PeriodSummary) -> None:
        self.title.setText(summary.title)
        self.sentence.setText(summary.sentence)
        for label, figure in zip(self.figure_labels, summary.figures, strict=True):
            # Relative, so the figure grows with the text size setting.
            big = f"<span style='font-size:xx-large'>{number(figure.value)}</span>"
            label.setText(f"{big}<br>{figure.label}")
            label.setAccessibleName(figure.description)
        self.setAccessibleName(
            self.tr("{title}: {sentence}").format(title=summary.title, sentence=summary.sentence)
        )


class QuietNoteCard(QFrame):
    """The note said once after a long quiet stretch: common, noticing is the practice, help.

    Attributes:
        said: it was shown in this window.
        dismissed: the person answered "Thank you"; it stays away in this window.
    """

    def __init__(self, read_more: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("dashboardCard")
        self.said = False
        self.dismissed = False
        title = QCoreApplication.translate("Care", QUIET_NOTE_TITLE)
        text = QCoreApplication.translate("Care", QUIET_NOTE_TEXT)
        self.title = wrapping(title, "cardTitle")
        self.text = wrapping(text)
        self.text.setObjectName("quietNoteText")
        self.thanks_button = QPushButton(self.tr("Thank you"))
        self.thanks_button.setAccessibleDescription(self.tr("Put this note away"))
        self.thanks_button.clicked.connect(self.dismiss)
        self.read_button = QPushButton(self.tr("Read about numbness"))
        self.read_button.setAccessibleDescription(self.tr("Open the help on numbness"))
        self.read_button.clicked.connect(lambda: read_more())
        buttons = QHBoxLayout()
        buttons.addWidget(self.thanks_button)
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        self.setAccessibleName(self.tr("{title}: {text}").format(title=title, text=text))
        self.hide()

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()


class OverviewSection(QWidget):
    """This week and this month in words, then a few observations over the range."""

    def __init__(
        self,
        open_library: Callable[[], None],
        read_about_numbness: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self.quiet = QuietNoteCard(read_about_numbness)
        self.cards = (PeriodCard(), PeriodCard())
        self.setObjectName("page")
        self.range_heading = wrapping(name="cardTitle")
        self.observations = wrapping(name="observations")
        self.empty = wrapping(self.tr(NO_HISTORY), "emptyState")
        self.library_button = QPushButton(self.tr("Open the library"))
        self.library_button.clicked.connect(open_library)
        cards = QHBoxLayout()
        for card in self.cards:
            cards.addWidget(card, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quiet)
        layout.addWidget(self.empty)
        layout.addWidget(self.library_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addWidget(self.range_heading)
        layout.addWidget(self.observations)
        layout.addStretch(1)

    def show_figures(self, figures: Figures, range_label: str) -> None:
        """The counts at once; the observations follow with ``show_report``."""
        empty = not figures.any_history
        self.empty.setVisible(empty)
        self.library_button.setVisible(empty)
        for card, period in zip(self.cards, figures.periods, strict=True):
            card.setVisible(not empty)
            card.show_summary(period)
        self.range_heading.setText(range_label)
        self.range_heading.hide()
        self.observations.hide()

    def show_report(self, figures: Figures, report: Report) -> None:
        said = figures.overview(report).observations if figures.any_history else ()
        self.observations.setVisible(bool(said))
        self.range_heading.setVisible(bool(said))
        self.observations.setText("\n\n".join(said))

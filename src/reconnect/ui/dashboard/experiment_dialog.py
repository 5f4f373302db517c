"""The dialog that starts comparing two practices: which two, and over how many breaks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.experiments import BREAKS_BOUNDS, DEFAULT_BREAKS, ExperimentResult
from reconnect.core.practices import Practice
from reconnect.services.database_problems import DatabaseProblem

# Starts a comparison of A and B over a number of breaks; refuses with InputError.
StartComparing = Callable[[str, str, int], ExperimentResult]


class ExperimentDialog(QDialog):
    """Two practice choosers (never the same one twice), the number of breaks, and Start.

    Args:
        practices: the library's practices, in the order to list them.
        start: starts the comparison; what it refuses is said beside the buttons.
        first: the practice chosen as A when the dialog opens (None: the first listed).

    Attributes:
        started: the comparison once started, else None.
    """

    def __init__(
        self,
        practices: Iterable[Practice],
        start: StartComparing,
        first: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare two practices"))
        self.setAccessibleName(self.tr("Compare two practices"))
        self._start = start
        self.started: ExperimentResult | None = None
        about = QLabel(
            self.tr(
                "Your next breaks offer one of these two practices, in a random order, half "
                "each. You can still skip a break or choose another practice; that is counted "
                "apart. After a practice, “nothing” is an answer too. You can stop at any time "
                "and keep what was learnt."
            )
        )
        about.setWordWrap(True)
        self.first = QComboBox()
        self.second = QComboBox()
        for chooser, name in (
            (self.first, self.tr("First practice")),
            (self.second, self.tr("Second practice")),
        ):
            for practice in practices:
                chooser.addItem(practice.title, practice.id)
            chooser.setAccessibleName(name)
        chosen = self.first.findData(first) if first else -1
        self.first.setCurrentIndex(max(chosen, 0))
        # The second starts on another practice, so the dialog never opens refusing.
        self.second.setCurrentIndex(1 if self.first.currentIndex() == 0 else 0)
        low, high = BREAKS_BOUNDS
        self.breaks = QSpinBox()
        self.breaks.setRange(low, high)
        self.breaks.setValue(DEFAULT_BREAKS)
        self.breaks.setAccessibleName(self.tr("Number of breaks to compare over"))
        self.breaks.setToolTip(
            self.tr("From {low} to {high} breaks. More breaks make a clearer answer.").format(
                low=low, high=high
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&First practice:"), self.first)
        form.addRow(self.tr("&Second practice:"), self.second)
        form.addRow(self.tr("Over the next &breaks:"), self.breaks)
        # What was refused, beside the buttons: calm, never red.
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("S&tart comparing"))
        self.start_button.setAccessibleName(self.tr("Start comparing"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout.addWidget(about)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.first.currentIndexChanged.connect(self._check)
        self.second.currentIndexChanged.connect(self._check)
        self._check()

    @property
    def choice(self) -> tuple[str, str, int]:
        """The two practices' ids and the number of breaks, as chosen now."""
        return str(self.first.currentData()), str(self.second.currentData()), self.breaks.value()

    def _check(self) -> None:
        """Refuse the same practice twice before anything is started."""
        same = self.first.currentData() == self.second.currentData()
        self.start_button.setEnabled(not same and self.first.count() > 1)
        if self.first.count() < 2:
            self._say(self.tr("Comparing needs two practices in the library."))
        elif same:
            self._say(self.tr("Choose two different practices to compare."))
        else:
            self.problem.hide()

    def _say(self, text: str) -> None:
        self.problem.setText(text[:1].upper() + text[1:])  # the service's may start small
        if self.problem.isHidden():
            self.problem.show()
            # Taller by the note, rather than squeezing the choosers.
            self.resize(self.width(), self.sizeHint().height())

    def _accept(self) -> None:
        a, b, breaks = self.choice
        if a == b:
            self._check()
            return
        try:
            self.started = self._start(a, b, breaks)
        except (InputError, DatabaseProblem) as error:
            self._say(str(error))
            return
        self.accept()

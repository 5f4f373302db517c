"""One step of a practice in the practice form: its words, seconds, kind and breathing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.practice_loader import BREATH_PHASE_SECONDS, STEP_SECONDS
from reconnect.core.practices import BreathPattern, Step, StepKind

DEFAULT_SECONDS = 30
DEFAULT_BREATH = BreathPattern(4, 0, 6, 0)

# The kinds of step, in the words the form uses, with what each does. In English, marked for
# the catalogue; the editor shows them through self.tr.
KINDS: dict[StepKind, tuple[str, str]] = {
    StepKind.GUIDE: (
        QT_TRANSLATE_NOOP("StepEditor", "Words to follow"),
        QT_TRANSLATE_NOOP("StepEditor", "Your words, with a countdown."),
    ),
    StepKind.BREATH: (
        QT_TRANSLATE_NOOP("StepEditor", "Breathing, with a pacer"),
        QT_TRANSLATE_NOOP("StepEditor", "A breathing pacer follows the pattern below."),
    ),
    StepKind.STRETCH: (
        QT_TRANSLATE_NOOP("StepEditor", "A movement"),
        QT_TRANSLATE_NOOP("StepEditor", "A stretch or a movement, with a countdown."),
    ),
    StepKind.MUSIC: (
        QT_TRANSLATE_NOOP("StepEditor", "Your own music"),
        QT_TRANSLATE_NOOP("StepEditor", "The music you chose plays during this step."),
    ),
    StepKind.AWAY: (
        QT_TRANSLATE_NOOP("StepEditor", "Away from the screen"),
        QT_TRANSLATE_NOOP("StepEditor", "You step away; the timer keeps running."),
    ),
    StepKind.JOURNAL: (
        QT_TRANSLATE_NOOP("StepEditor", "A few written words"),
        QT_TRANSLATE_NOOP("StepEditor", "A box to write in; your words are the prompt."),
    ),
}
# Each phase: its label in the row ("Breathe in 4 hold 0 out 6 hold 0 seconds") and its name.
PHASES = (
    (
        QT_TRANSLATE_NOOP("StepEditor", "Breathe in"),
        QT_TRANSLATE_NOOP("StepEditor", "breathing in"),
    ),
    (
        QT_TRANSLATE_NOOP("StepEditor", "hold"),
        QT_TRANSLATE_NOOP("StepEditor", "holding after breathing in"),
    ),
    (QT_TRANSLATE_NOOP("StepEditor", "out"), QT_TRANSLATE_NOOP("StepEditor", "breathing out")),
    (
        QT_TRANSLATE_NOOP("StepEditor", "hold"),
        QT_TRANSLATE_NOOP("StepEditor", "holding after breathing out"),
    ),
)


class BreathSpin(QDoubleSpinBox):
    """Seconds of one breathing phase, shown as 4 or 4.5 rather than 4.0."""

    def __init__(self, value: float) -> None:
        super().__init__()
        self.setRange(0, BREATH_PHASE_SECONDS)
        self.setDecimals(1)
        self.setSingleStep(1)
        self.setValue(value)
        self.setMinimumWidth(64)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return self.locale().toString(value, "g", 4)


class StepEditor(QFrame):
    """The fields of one step, with buttons to move it or take it out.

    Signals:
        move_up, move_down, remove: the person asked for it; the form rearranges.
        changed: the seconds or the kind changed (the form shows the new total).
    """

    move_up = Signal()
    move_down = Signal()
    remove = Signal()
    changed = Signal()

    def __init__(self, step: Step | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        step = step or Step("", DEFAULT_SECONDS)
        self._chime = step.chime
        self._illustration = step.illustration

        self.heading = QLabel()
        self.heading.setObjectName("stepHeading")
        self.up_button = self._small_button(self.tr("Up"), self.move_up)
        self.down_button = self._small_button(self.tr("Down"), self.move_down)
        self.remove_button = self._small_button(self.tr("Remove"), self.remove)

        self.text_edit = QPlainTextEdit(step.text)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr(
                "What this step invites, for example: Notice the warmth of the cup in your hands."
            )
        )
        self.text_edit.setFixedHeight(66)
        self.text_label = QLabel(self.tr("Words"))
        self.text_label.setBuddy(self.text_edit)
        self.text_problem = self._problem_label()

        low, high = STEP_SECONDS
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(low, high)
        self.seconds_spin.setValue(min(max(step.seconds, low), high))
        self.seconds_spin.setMinimumWidth(80)
        self.seconds_spin.setAccessibleDescription(self._range_words())
        self.seconds_spin.valueChanged.connect(self.changed)
        self.seconds_label = QLabel(self.tr("Seconds"))
        self.seconds_label.setBuddy(self.seconds_spin)

        self.kind_combo = QComboBox()
        for kind, (shown, about) in KINDS.items():
            self.kind_combo.addItem(self.tr(shown), kind)
            self.kind_combo.setItemData(
                self.kind_combo.count() - 1, self.tr(about), Qt.ItemDataRole.ToolTipRole
            )
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(step.kind))
        self.kind_label = QLabel(self.tr("Kind"))
        self.kind_label.setBuddy(self.kind_combo)

        pattern = step.breath or DEFAULT_BREATH
        values = (pattern.inhale, pattern.hold_in, pattern.exhale, pattern.hold_out)
        self.breath_spins = [BreathSpin(value) for value in values]
        self.breath_row = QWidget()
        breath_layout = QHBoxLayout(self.breath_row)
        breath_layout.setContentsMargins(0, 0, 0, 0)
        breath_layout.setSpacing(6)
        for (shown, _name), spin in zip(PHASES, self.breath_spins, strict=True):
            label = QLabel(self.tr(shown))
            label.setBuddy(spin)
            breath_layout.addWidget(label)
            breath_layout.addWidget(spin)
            spin.valueChanged.connect(self.changed)
        breath_layout.addWidget(QLabel(self.tr("seconds")))
        breath_layout.addStretch(1)
        self.timing_problem = self._problem_label()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.up_button)
        top.addWidget(self.down_button)
        top.addWidget(self.remove_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.text_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.text_edit, 0, 1, 1, 4)
        grid.addWidget(self.text_problem, 1, 1, 1, 4)
        grid.addWidget(self.seconds_label, 2, 0)
        grid.addWidget(self.seconds_spin, 2, 1)
        grid.addWidget(self.kind_label, 2, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.kind_combo, 2, 3)
        grid.setColumnStretch(4, 1)
        grid.addWidget(self.breath_row, 3, 1, 1, 4)
        grid.addWidget(self.timing_problem, 4, 1, 1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(grid)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.set_number(1, 1)

    def _small_button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("stepButton")
        button.setAutoDefault(False)
        button.clicked.connect(signal)
        return button

    @staticmethod
    def _problem_label() -> QLabel:
        label = QLabel()
        label.setObjectName("formProblem")
        label.setWordWrap(True)
        label.hide()
        return label

    # --- what it holds ------------------------------------------------------------------------

    @property
    def kind(self) -> StepKind:
        return StepKind(self.kind_combo.currentData())

    def set_kind(self, kind: StepKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_breath(self, pattern: BreathPattern) -> None:
        values = (pattern.inhale, pattern.hold_in, pattern.exhale, pattern.hold_out)
        for spin, value in zip(self.breath_spins, values, strict=True):
            spin.setValue(value)

    def step(self) -> Step:
        """The step as entered; the loader's rules judge it when the practice is saved."""
        breath = None
        if self.kind is StepKind.BREATH:
            breath = BreathPattern(*(spin.value() for spin in self.breath_spins))
        return Step(
            text=self.text_edit.toPlainText().strip(),
            seconds=self.seconds_spin.value(),
            kind=self.kind,
            breath=breath,
            chime=self._chime,
            illustration=self._illustration,
        )

    def set_number(self, number: int, count: int) -> None:
        """Say which step this is, and offer only the moves that make sense."""
        self.number = number
        self.heading.setText(self.tr("Step {number}").format(number=number))
        self.setAccessibleName(self.tr("Step {number}").format(number=number))
        self.text_edit.setAccessibleName(self.tr("Words of step {number}").format(number=number))
        self.seconds_spin.setAccessibleName(
            self.tr("Seconds of step {number}").format(number=number)
        )
        self.kind_combo.setAccessibleName(self.tr("Kind of step {number}").format(number=number))
        self.up_button.setAccessibleName(self.tr("Move step {number} up").format(number=number))
        self.down_button.setAccessibleName(self.tr("Move step {number} down").format(number=number))
        self.remove_button.setAccessibleName(self.tr("Remove step {number}").format(number=number))
        for (_shown, name), spin in zip(PHASES, self.breath_spins, strict=True):
            spin.setAccessibleName(
                self.tr("Seconds of {phase}, step {number}").format(
                    phase=self.tr(name), number=number
                )
            )
        self.text_problem.setAccessibleName(
            self.tr("Problem with the words of step {number}").format(number=number)
        )
        self.timing_problem.setAccessibleName(
            self.tr("Problem with the timing of step {number}").format(number=number)
        )
        self.up_button.setEnabled(number > 1)
        self.down_button.setEnabled(number < count)
        self.remove_button.setEnabled(count > 1)

    def set_editable(self, editable: bool) -> None:
        self.text_edit.setReadOnly(not editable)
        for widget in (self.seconds_spin, self.kind_combo, *self.breath_spins):
            widget.setEnabled(editable)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setVisible(editable)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in the order Tab visits them."""
        return [
            self.up_button,
            self.down_button,
            self.remove_button,
            self.text_edit,
            self.seconds_spin,
            self.kind_combo,
            *self.breath_spins,
        ]

    # --- problems -----------------------------------------------------------------------------

    def show_problems(self, text: list[str], timing: list[str]) -> None:
        for label, field, lines in (
            (self.text_problem, self.text_edit, text),
            (self.timing_problem, self.seconds_spin, timing),
        ):
            label.setText("\n".join(lines))
            label.setVisible(bool(lines))
            field.setAccessibleDescription(" ".join(lines))

    def clear_problems(self) -> None:
        self.show_problems([], [])
        self.seconds_spin.setAccessibleDescription(self._range_words())

    def _range_words(self) -> str:
        low, high = STEP_SECONDS
        return self.tr("From {low} to {high} seconds").format(low=low, high=high)

    def first_problem_field(self) -> QWidget | None:
        if self.text_problem.isVisibleTo(self):
            return self.text_edit
        if self.timing_problem.isVisibleTo(self):
            return self.seconds_spin
        return None

    def _kind_changed(self) -> None:
        breathing = self.kind is StepKind.BREATH
        self.breath_row.setVisible(breathing)
        self.kind_combo.setAccessibleDescription(self.tr(KINDS[self.kind][1]))
        self.kind_combo.setToolTip(self.tr(KINDS[self.kind][1]))
        self.changed.emit()

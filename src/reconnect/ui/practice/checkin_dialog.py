"""The spark check-in after a practice: did anything stir, where, what it felt like, a note.

Nothing is a valid answer. The dialog only gathers the answer; the caller's save callback
commits it, and the dialog closes only once that has worked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.recording import feeling_words
from reconnect.core.vocabulary import BODY_AREAS, FEELING_WORDS, SparkLevel, body_area_text
from reconnect.storage.problems import DatabaseProblem

# Shown with each level (tooltip and accessible description): what it means, said gently.
# These texts are in English, marked for the catalogue; the dialog shows them through self.tr.
LEVEL_EXPLANATIONS: dict[SparkLevel, str] = {
    SparkLevel.NOTHING: QT_TRANSLATE_NOOP(
        "CheckInDialog", "Nothing stirred this time. That's worth knowing too."
    ),
    SparkLevel.FLICKER: QT_TRANSLATE_NOOP(
        "CheckInDialog", "Something faint, there for a moment and then gone."
    ),
    SparkLevel.SPARK: QT_TRANSLATE_NOOP(
        "CheckInDialog", "Something you could clearly notice, even briefly."
    ),
    SparkLevel.GLOW: QT_TRANSLATE_NOOP(
        "CheckInDialog", "Something that stayed with you for a while."
    ),
}
CHIP_COLUMNS = 5
HINT_BEFORE = QT_TRANSLATE_NOOP(
    "CheckInDialog", "Choose one of the four to save (the keys 0 to 3 work too)."
)
HINT_AFTER = QT_TRANSLATE_NOOP(
    "CheckInDialog", "Everything below is optional. Save whenever you're ready."
)
_LEVEL_KEYS = {
    Qt.Key.Key_0: SparkLevel.NOTHING,
    Qt.Key.Key_1: SparkLevel.FLICKER,
    Qt.Key.Key_2: SparkLevel.SPARK,
    Qt.Key.Key_3: SparkLevel.GLOW,
}
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class CheckInAnswer:
    """What the person chose, as plain values.

    Attributes:
        level: 0 nothing, 1 a flicker, 2 a spark, 3 a glow.
        body_areas: from ``vocabulary.BODY_AREAS`` ("whole-body" with a hyphen).
        feelings: the chosen words, then the person's own words, lower case.
        note: free text, including what was written during the practice.
    """

    level: int
    body_areas: tuple[str, ...]
    feelings: tuple[str, ...]
    note: str


def split_own_words(text: str) -> tuple[str, ...]:
    """The person's own feeling words, separated by commas, tidied by the core's rules.

    Raises:
        InputError: a word is too long or contains a character that can't be kept.
    """
    return feeling_words(text.split(","))


class CheckInDialog(QDialog):
    """Asks, gently, whether anything stirred during a practice.

    Keys 0-3 choose the level (unless typing in a text field), Enter saves once a level is
    chosen (Ctrl+Enter from the note), Escape is "Not now", F1 opens help (when offered).

    Signals:
        saved: the save callback returned without error; the dialog has closed.
        declined: "Not now" (or Escape, or closing the window); nothing was saved.
    """

    saved = Signal()
    declined = Signal()

    def __init__(
        self,
        practice_title: str,
        save: Callable[[CheckInAnswer], None],
        note: str = "",
        parent: QWidget | None = None,
        initial: CheckInAnswer | None = None,
        open_help: Callable[[], None] | None = None,
    ) -> None:
        """Build the dialog.

        Args:
            practice_title: named in the question.
            save: commits an answer; an ``InputError`` or ``DatabaseProblem`` from it keeps
                the dialog open with its message.
            note: text written during the practice, to start the note with.
            initial: an earlier answer to show for changing (editing from the history);
                its note replaces ``note``.
            open_help: opens help and crisis support; without it there is no Help button.
        """
        super().__init__(parent)
        self._save_callback = save
        self._answered = False
        self.setObjectName("checkinDialog")
        self.setWindowTitle(self.tr("Reconnect: did anything stir?"))
        self.setAccessibleName(self.tr("Spark check-in"))
        self.setMinimumWidth(600)

        heading = QLabel(self.tr("Did anything stir during {title}?").format(title=practice_title))
        heading.setObjectName("checkinHeading")
        heading.setWordWrap(True)
        reassurance = QLabel(
            self.tr("Nothing is a useful answer too. Noticing, whatever you find, is the practice.")
        )
        reassurance.setObjectName("checkinReassurance")
        reassurance.setWordWrap(True)

        self.levels = QButtonGroup(self)
        self.levels.setExclusive(True)
        self.level_buttons: list[QPushButton] = []
        level_row = QHBoxLayout()
        level_row.setSpacing(8)
        for level in SparkLevel:
            button = self._level_button(level)
            self.levels.addButton(button, int(level))
            self.level_buttons.append(button)
            level_row.addWidget(button)
        self.levels.idToggled.connect(self._level_toggled)

        self.hint = QLabel(self.tr(HINT_BEFORE))
        self.hint.setObjectName("checkinHint")
        self.hint.setWordWrap(True)

        self.body_chips: dict[str, QPushButton] = {}
        for area in BODY_AREAS:
            shown = body_area_text(area)
            self.body_chips[area] = self._chip(
                shown, self.tr("Body area: {area}").format(area=shown)
            )
        self.feeling_chips: dict[str, QPushButton] = {}
        for word in FEELING_WORDS:
            shown = QCoreApplication.translate("Vocabulary", word)
            self.feeling_chips[word] = self._chip(
                shown, self.tr("Feeling: {word}").format(word=shown)
            )

        self.own_words = QLineEdit()
        self.own_words.setObjectName("checkinOwnWords")
        self.own_words.setPlaceholderText(self.tr("Your own words (separate with commas)"))
        self.own_words.setAccessibleName(self.tr("Your own feeling words"))
        self.own_words.setAccessibleDescription(self.tr("Separate them with commas"))

        self.note = QPlainTextEdit()
        self.note.setObjectName("checkinNote")
        self.note.setPlaceholderText(self.tr("A few words for yourself, if you like"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setAccessibleDescription(self.tr("Optional. Ctrl+Enter saves."))
        self.note.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the dialog
        self.note.setPlainText(note)
        self.note.setFixedHeight(84)

        self.problem = QLabel()
        self.problem.setObjectName("checkinProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Could not save yet"))
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()

        not_now = self.tr("Close without a check-in. That's fine too.")
        self.not_now_button = QPushButton(self.tr("&Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now"))
        self.not_now_button.setAccessibleDescription(not_now)
        self.not_now_button.setToolTip(not_now)
        self.not_now_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAccessibleDescription(self.tr("Save this check-in on this computer"))
        self.save_button.setToolTip(self.tr("Save this check-in on this computer (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.help_button = QPushButton(self.tr("Help"))
        self.help_button.setAccessibleName(self.tr("Help"))
        self.help_button.setAccessibleDescription(self.tr("Help and crisis support (F1)"))
        self.help_button.setToolTip(self.tr("Help and crisis support (F1)"))
        self.help_button.setAutoDefault(False)
        self.help_button.setVisible(open_help is not None)
        if open_help is not None:
            self.help_button.clicked.connect(lambda: open_help())
            QShortcut(QKeySequence.StandardKey.HelpContents, self, lambda: open_help())

        buttons = QHBoxLayout()
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        buttons.addWidget(self.not_now_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(reassurance)
        layout.addSpacing(8)
        layout.addLayout(level_row)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self._section(self.tr("Where in the body, if anywhere?")))
        layout.addLayout(self._chip_grid(self.body_chips.values()))
        layout.addSpacing(8)
        layout.addWidget(self._section(self.tr("Any feelings? Choose any, or use your own words.")))
        layout.addLayout(self._chip_grid(self.feeling_chips.values()))
        layout.addWidget(self.own_words)
        layout.addSpacing(8)
        layout.addWidget(self._section(self.tr("A note")))
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addSpacing(6)
        layout.addLayout(buttons)

        chain: list[QWidget] = [
            *self.level_buttons,
            *self.body_chips.values(),
            *self.feeling_chips.values(),
            self.own_words,
            self.note,
            self.help_button,
            self.not_now_button,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        if initial is not None:
            self._show_earlier(initial)
        self.level_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_earlier(self, initial: CheckInAnswer) -> None:
        """Fill in an earlier answer, so it can be changed rather than typed again."""
        self.choose_level(initial.level)
        for area in initial.body_areas:
            if area in self.body_chips:
                self.body_chips[area].setChecked(True)
        own: list[str] = []
        for word in initial.feelings:
            chip = self.feeling_chips.get(word)
            if chip is None:
                own.append(word)
            else:
                chip.setChecked(True)
        self.own_words.setText(", ".join(own))
        self.note.setPlainText(initial.note)
        keep = self.tr("Close without changing this check-in.")
        self.not_now_button.setText(self.tr("&Keep as it was"))
        self.not_now_button.setAccessibleName(self.tr("Keep as it was"))
        self.not_now_button.setAccessibleDescription(keep)
        self.not_now_button.setToolTip(keep)

    # --- building ----------------------------------------------------------------------------

    def _level_button(self, level: SparkLevel) -> QPushButton:
        word = QCoreApplication.translate("Vocabulary", level.label)
        label = word[0].upper() + word[1:]
        description = self.tr("{explanation} Key {key}.").format(
            explanation=self.tr(LEVEL_EXPLANATIONS[level]), key=int(level)
        )
        button = QPushButton(label)
        button.setObjectName("sparkLevel")
        button.setCheckable(True)
        button.setAutoDefault(False)  # Enter saves; Space chooses
        button.setAccessibleName(label)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setMinimumHeight(44)
        return button

    def _chip(self, text: str, name: str) -> QPushButton:
        chip = QPushButton(text)
        chip.setObjectName("checkinChip")
        chip.setCheckable(True)
        chip.setAutoDefault(False)
        chip.setAccessibleName(name)
        return chip

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("checkinSection")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _chip_grid(chips: Iterable[QPushButton]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for index, chip in enumerate(chips):
            grid.addWidget(chip, index // CHIP_COLUMNS, index % CHIP_COLUMNS)
        return grid

    # --- reading the answer ------------------------------------------------------------------

    def level(self) -> int | None:
        """The chosen level, or None while none is chosen."""
        chosen = self.levels.checkedId()
        return None if chosen < 0 else chosen

    def choose_level(self, level: int) -> None:
        self.levels.button(level).setChecked(True)

    def answer(self) -> CheckInAnswer | None:
        """What is entered now, or None while no level is chosen.

        Raises:
            InputError: the person's own feeling words can't be used.
        """
        level = self.level()
        if level is None:
            return None
        chosen = [word for word, chip in self.feeling_chips.items() if chip.isChecked()]
        return CheckInAnswer(
            level=level,
            body_areas=tuple(area for area, chip in self.body_chips.items() if chip.isChecked()),
            feelings=feeling_words([*chosen, *split_own_words(self.own_words.text())]),
            note=self.note.toPlainText().strip(),
        )

    # --- reacting ----------------------------------------------------------------------------

    def _level_toggled(self, _level: int, _checked: bool) -> None:
        chosen = self.level() is not None
        checked = self.levels.checkedButton()
        if checked is not None:
            # The levels are one Tab stop, as radio buttons are: Tab lands on the chosen one
            # (even when it was chosen with a digit key), the arrows move between them.
            for button in self.level_buttons:
                strong = button is checked
                button.setFocusPolicy(
                    Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus
                )
        self.save_button.setEnabled(chosen)
        self.hint.setText(self.tr(HINT_AFTER) if chosen else self.tr(HINT_BEFORE))

    def _save(self) -> None:
        if self._answered:
            return
        try:
            answer = self.answer()
            if answer is None:
                self.hint.setText(self.tr(HINT_BEFORE))
                return
            self._save_callback(answer)
        except (InputError, DatabaseProblem) as error:
            # A problem with the disk or the database is told the same way: what was chosen
            # stays here for another try once the message's advice is followed.
            self._show_problem(str(error))
            return
        self._answered = True
        self.problem.hide()
        self.accept()
        self.saved.emit()

    def _show_problem(self, message: str) -> None:
        text = self.tr("This couldn't be saved yet: {problem}").format(problem=message)
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        self.problem.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit wrapped text: a window's minimum size ignores height-for-width."""
        layout = self.layout()
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        """Not now: Escape, the button, or closing the window. Nothing is saved."""
        first_answer = not self._answered
        self._answered = True
        super().reject()
        if first_answer:
            self.declined.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_height()
        if not self._answered:
            first = self.levels.checkedButton() or self.level_buttons[0]
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Text fields take digits and Enter themselves; only what they leave arrives here.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if key in _LEVEL_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            self.choose_level(_LEVEL_KEYS[key])
            return
        if key in _RETURN_KEYS and modifiers == Qt.KeyboardModifier.ControlModifier:
            if self.save_button.isEnabled():
                self._save()
            return
        super().keyPressEvent(event)

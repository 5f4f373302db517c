"""The practice form's steps: added, moved and removed, numbered, and their length said."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reconnect.core.practice_loader import MAX_STEPS
from reconnect.core.practices import Step
from reconnect.ui.settings.practice_problems import length_words
from reconnect.ui.settings.step_editor import StepEditor


class StepList:
    """The steps of the practice form, one ``StepEditor`` each, in the order they are played.

    Args:
        layout: the form's layout; the steps, their problem, the "Add a step" button and the
            length go at its end.
        problem: the label for problems with the steps as a whole.
        editable: whether the practice can be changed (a bundled one can't).
        reveal: scrolls a widget into view.
        renumbered: called when steps were added, moved or removed (for the tab order).

    Attributes:
        editors: the step editors, in order.
    """

    def __init__(
        self,
        layout: QVBoxLayout,
        problem: QLabel,
        editable: Callable[[], bool],
        reveal: Callable[[QWidget], None],
        renumbered: Callable[[], None],
    ) -> None:
        self._editable = editable
        self._reveal = reveal
        self._renumbered = renumbered
        self.editors: list[StepEditor] = []
        self.layout = QVBoxLayout()
        self.layout.setSpacing(8)
        layout.addLayout(self.layout)
        layout.addWidget(problem)
        self.add_button = QPushButton(QCoreApplication.translate("PracticeForm", "&Add a step"))
        self.add_button.setAccessibleName(QCoreApplication.translate("PracticeForm", "Add a step"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add())
        self.total_label = QLabel()
        self.total_label.setObjectName("formHint")
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName(
            QCoreApplication.translate("PracticeForm", "Length of the practice")
        )
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.total_label, 1)
        layout.addSpacing(4)
        layout.addLayout(row)

    def add(self, step: Step | None = None, focus: bool = True) -> StepEditor | None:
        """Add a step at the end (a new, empty one unless ``step`` is given)."""
        if len(self.editors) >= MAX_STEPS:
            return None
        editor = StepEditor(step)
        editor.move_up.connect(lambda: self.move(editor, -1))
        editor.move_down.connect(lambda: self.move(editor, 1))
        editor.remove.connect(lambda: self.remove(editor))
        editor.changed.connect(self.show_total)
        self.editors.append(editor)
        self.layout.addWidget(editor)
        editor.show()  # now, not on the next turn of the event loop: focus can go to it
        editor.set_editable(self._editable())
        self.renumber()
        if focus:
            editor.text_edit.setFocus()
            self._reveal(editor)
        return editor

    def move(self, editor: StepEditor, offset: int) -> None:
        index = self.editors.index(editor)
        target = index + offset
        if not 0 <= target < len(self.editors):
            return
        self.editors.insert(target, self.editors.pop(index))
        self.layout.removeWidget(editor)
        self.layout.insertWidget(target, editor)
        self.renumber()
        # Keep the keyboard where it was: on the same button, or its partner at the ends.
        button = editor.up_button if offset < 0 else editor.down_button
        (button if button.isEnabled() else editor.text_edit).setFocus()
        self._reveal(editor)

    def remove(self, editor: StepEditor) -> None:
        if len(self.editors) <= 1:
            return
        index = self.editors.index(editor)
        self.editors.remove(editor)
        self.layout.removeWidget(editor)
        editor.hide()
        editor.deleteLater()
        self.renumber()
        following = self.editors[min(index, len(self.editors) - 1)]
        following.text_edit.setFocus()

    def renumber(self) -> None:
        count = len(self.editors)
        for number, editor in enumerate(self.editors, start=1):
            editor.set_number(number, count)
        self.add_button.setEnabled(count < MAX_STEPS)
        self.show_total()
        self._renumbered()

    def show_total(self) -> None:
        seconds = sum(editor.seconds_spin.value() for editor in self.editors)
        self.total_label.setText(
            QCoreApplication.translate(
                "PracticeForm", "Altogether {length}. One to five minutes is a comfortable length."
            ).format(length=length_words(seconds))
        )

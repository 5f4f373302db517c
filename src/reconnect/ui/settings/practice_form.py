"""A form to add, change or delete one of the person's own practices.

It writes the same data file a person could write by hand, checked first with the
library's own rules; a practice that comes with Reconnect is shown, and can be copied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.library import Library
from reconnect.core.practice_writer import check_practice
from reconnect.core.practices import Practice, Step
from reconnect.core.vocabulary import SENSES, Place
from reconnect.paths import DataFolderError
from reconnect.ui.settings.practice_files import files_in_folder, free_id, write_private_file
from reconnect.ui.settings.practice_form_problems import ProblemBoard
from reconnect.ui.settings.practice_form_words import (
    COPY_SUFFIX,
    INTRO,
    PLACE_WORDS,
    confirm_delete,
)
from reconnect.ui.settings.practice_steps import StepList
from reconnect.ui.settings.step_editor import StepEditor

log = logging.getLogger(__name__)

TITLE_LENGTH = 60
SUMMARY_LENGTH = 160
SENSE_COLUMNS = 5


class PracticeForm(QDialog):
    """Add a practice of your own, change one, or copy one that comes with Reconnect.

    Nothing is written while the library's rules find a problem; each problem is shown
    next to its field. Escape cancels.

    Signals:
        saved(object): the ``Practice`` as the library will load it, once its file is
            written; the dialog has closed.
        deleted(str): the id of the practice whose file was removed; the dialog has closed.
    """

    saved = Signal(object)
    deleted = Signal(str)

    def __init__(
        self,
        own_dir: Path,
        library: Library,
        existing: Practice | None = None,
        on_saved: Callable[[Practice], None] | None = None,
        *,
        on_deleted: Callable[[str], None] | None = None,
        confirm: Callable[[QWidget, str], bool] = confirm_delete,
        illustration_exists: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form, empty or filled in from ``existing``.

        Args:
            own_dir: the person's practices folder (``DataPaths.own_practices``).
            library: the practices that loaded, for the ids already taken.
            existing: a practice to change (the person's own) or to show and copy (a
                bundled one); None for a new practice.
            on_saved: called with the saved practice, as ``saved`` is emitted.
            on_deleted: called with the id of a deleted practice, as ``deleted`` is.
            confirm: asks before deleting; a test gives its own answer.
            illustration_exists: tells whether a picture name is available.
        """
        super().__init__(parent)
        self._own_dir = own_dir
        self._library = library
        self._existing = existing
        self._on_saved = on_saved
        self._on_deleted = on_deleted
        self._confirm = confirm
        self._illustration_exists = illustration_exists
        if existing is None:
            self.mode = "new"
        else:
            self.mode = "edit" if existing.own else "bundled"

        self.setObjectName("practiceForm")
        self.setWindowTitle(self.tr("Reconnect: your own practice"))
        self.setAccessibleName(self.tr("Your own practice"))
        self.resize(680, 760)

        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setObjectName("formIntro")
        self.intro.setWordWrap(True)

        body = QWidget()
        body.setObjectName("practiceFormBody")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(22, 16, 22, 16)
        self.body_layout.setSpacing(6)
        self._build_fields()
        self._build_steps()
        self.general_problem = self._problem_label(self.tr("Problem with this practice"))
        self.body_layout.addWidget(self.general_problem)
        self.body_layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("The practice"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 14)
        layout.setSpacing(10)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self.button_row)

        self.problems = ProblemBoard(
            self,
            {
                "title": (self.title_problem, self.title_edit),
                "summary": (self.summary_problem, self.summary_edit),
                "safety": (self.safety_problem, self.safety_edit),
                "senses": (self.senses_problem, self.sense_boxes[SENSES[0]]),
                "place": (self.place_problem, self.place_buttons[Place.DESK]),
                "steps": (self.steps_problem, self.add_step_button),
                "general": (self.general_problem, self.save_button),
            },
            lambda: self.step_editors,
            self._reveal,
        )
        self._fill(existing)
        self._apply_mode()

    # --- building -----------------------------------------------------------------------------

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName("formProblem")
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _section(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        label.setObjectName("formSection")
        label.setWordWrap(True)
        if buddy is not None:
            label.setBuddy(buddy)
        self.body_layout.addSpacing(8)
        self.body_layout.addWidget(label)
        return label

    def _build_fields(self) -> None:
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(self.intro)

        self.copy_button = QPushButton(self.tr("&Make my own copy"))
        self.copy_button.setObjectName("primary")
        self.copy_button.setAccessibleName(self.tr("Make my own copy"))
        self.copy_button.setAccessibleDescription(
            self.tr("Start a practice of your own from this one")
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.make_copy)
        copy_row = QHBoxLayout()
        copy_row.setContentsMargins(0, 6, 0, 0)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        self.body_layout.addLayout(copy_row)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_LENGTH)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("For example: Steam from a cup"))
        self._section(self.tr("&Title"), self.title_edit)
        self.body_layout.addWidget(self.title_edit)
        self.title_problem = self._problem_label(self.tr("Problem with the title"))
        self.body_layout.addWidget(self.title_problem)

        self.summary_edit = QLineEdit()
        self.summary_edit.setMaxLength(SUMMARY_LENGTH)
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setAccessibleDescription(self.tr("What the practice is, said plainly"))
        self.summary_edit.setPlaceholderText(self.tr("What it is, said plainly, in one line"))
        self._section(self.tr("In one &line"), self.summary_edit)
        self.body_layout.addWidget(self.summary_edit)
        self.summary_problem = self._problem_label(self.tr("Problem with the summary"))
        self.body_layout.addWidget(self.summary_problem)

        self.sense_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        for index, sense in enumerate(SENSES):
            shown = QCoreApplication.translate("Vocabulary", sense)
            box = QCheckBox(shown.capitalize())
            box.setAccessibleName(self.tr("Sense: {sense}").format(sense=shown))
            self.sense_boxes[sense] = box
            grid.addWidget(box, index // SENSE_COLUMNS, index % SENSE_COLUMNS)
        self._section(self.tr("S&enses it engages"), self.sense_boxes[SENSES[0]])
        self.body_layout.addLayout(grid)
        self.senses_problem = self._problem_label(self.tr("Problem with the senses"))
        self.body_layout.addWidget(self.senses_problem)

        self.places = QButtonGroup(self)
        self.place_buttons: dict[Place, QRadioButton] = {}
        for place in Place:
            button = QRadioButton(self.tr(PLACE_WORDS[place]))
            button.setAccessibleName(
                self.tr("Where it fits: {place}").format(
                    place=QCoreApplication.translate("Vocabulary", place.label)
                )
            )
            self.places.addButton(button)
            self.place_buttons[place] = button
        self.place_label = self._section(self.tr("&Where it fits"), self.place_buttons[Place.DESK])
        for button in self.place_buttons.values():
            self.body_layout.addWidget(button)
        self.places.buttonToggled.connect(self._place_toggled)
        self.place_problem = self._problem_label(self.tr("Problem with where it fits"))
        self.body_layout.addWidget(self.place_problem)

        self.headphones_box = QCheckBox(self.tr("It needs &headphones"))
        self.headphones_box.setAccessibleName(self.tr("It needs headphones"))
        about = self.tr("It is only suggested when you have said you have headphones at hand.")
        self.headphones_box.setAccessibleDescription(about)
        self.headphones_box.setToolTip(about)
        self.body_layout.addSpacing(6)
        self.body_layout.addWidget(self.headphones_box)

        self.safety_edit = QPlainTextEdit()
        self.safety_edit.setTabChangesFocus(True)
        self.safety_edit.setFixedHeight(58)
        self.safety_edit.setAccessibleName(self.tr("A gentle note"))
        self.safety_edit.setAccessibleDescription(self.tr("Optional, shown with the practice"))
        self.safety_edit.setPlaceholderText(
            self.tr("Shown with the practice, for example: Go gently, and stop whenever you like.")
        )
        self._section(self.tr("A gentle &note, if you like"), self.safety_edit)
        self.body_layout.addWidget(self.safety_edit)
        self.safety_problem = self._problem_label(self.tr("Problem with the note"))
        self.body_layout.addWidget(self.safety_problem)

    def _build_steps(self) -> None:
        self.steps_label = self._section(self.tr("Steps, played in order"))
        self.steps_problem = self._problem_label(self.tr("Problem with the steps"))
        self.steps = StepList(
            self.body_layout,
            self.steps_problem,
            lambda: self.mode != "bundled",
            self._reveal,
            self._set_tab_order,
        )
        self.step_editors = self.steps.editors
        self.add_step_button = self.steps.add_button
        self.total_label = self.steps.total_label

    def _build_buttons(self) -> None:
        self.delete_button = QPushButton(self.tr("&Delete this practice…"))
        self.delete_button.setAccessibleName(self.tr("Delete this practice"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Close without saving (Escape)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAccessibleDescription(self.tr("Save it in your practices folder"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.button_row = QHBoxLayout()
        self.button_row.setContentsMargins(22, 0, 22, 0)
        self.button_row.addWidget(self.delete_button)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.cancel_button)
        self.button_row.addWidget(self.save_button)

    # --- filling in ---------------------------------------------------------------------------

    def _fill(self, practice: Practice | None) -> None:
        if practice is None:
            self.place_buttons[Place.DESK].setChecked(True)
            self.add_step(focus=False)
            return
        self.title_edit.setText(practice.title)
        self.summary_edit.setText(practice.summary)
        for sense, box in self.sense_boxes.items():
            box.setChecked(sense in practice.senses)
        self.place_buttons[practice.place].setChecked(True)
        self.headphones_box.setChecked(practice.needs_headphones)
        self.safety_edit.setPlainText(practice.safety or "")
        for step in practice.steps:
            self.add_step(step, focus=False)

    def _apply_mode(self) -> None:
        heading, intro = INTRO[self.mode]
        heading = self.tr(heading) if heading else ""
        if self.mode in ("edit", "bundled") and self._existing is not None:
            heading = self._existing.title
        self.heading.setText(heading)
        self.intro.setText(self.tr(intro))
        if self.mode == "bundled" and self._existing is not None:
            self.setWindowTitle(self.tr("Reconnect: {title}").format(title=self._existing.title))
        else:
            self.setWindowTitle(self.tr("Reconnect: your own practice"))
        editable = self.mode != "bundled"
        self.copy_button.setVisible(not editable)
        self.title_edit.setReadOnly(not editable)
        self.summary_edit.setReadOnly(not editable)
        self.safety_edit.setReadOnly(not editable)
        for widget in (
            *self.sense_boxes.values(),
            *self.place_buttons.values(),
            self.headphones_box,
        ):
            widget.setEnabled(editable)
        for editor in self.step_editors:
            editor.set_editable(editable)
        self.add_step_button.setVisible(editable)
        self.save_button.setVisible(editable)
        self.delete_button.setVisible(self.mode == "edit")
        self.cancel_button.setText(self.tr("Cancel") if editable else self.tr("Close"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.steps.renumber()
        (self.title_edit if editable else self.copy_button).setFocus()

    def make_copy(self) -> None:
        """Turn a bundled practice's view into a new practice of the person's own."""
        if self.mode != "bundled" or self._existing is None:
            return
        suffix = self.tr(COPY_SUFFIX)
        base = self._existing.title[: TITLE_LENGTH - len(suffix)]
        self.title_edit.setText(base + suffix)
        self.mode = "copy"
        self._apply_mode()
        self.title_edit.selectAll()

    # --- steps --------------------------------------------------------------------------------

    def add_step(self, step: Step | None = None, focus: bool = True) -> StepEditor | None:
        """Add a step at the end (a new, empty one unless ``step`` is given)."""
        return self.steps.add(step, focus)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.copy_button,
            self.title_edit,
            self.summary_edit,
            *self.sense_boxes.values(),
            *self.place_buttons.values(),
            self.headphones_box,
            self.safety_edit,
        ]
        for editor in self.step_editors:
            chain.extend(editor.focus_chain())
        chain.extend([self.add_step_button, self.delete_button, self.cancel_button])
        chain.append(self.save_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _place_toggled(self) -> None:
        checked = self.places.checkedButton()
        if checked is not None:
            self.place_label.setBuddy(checked)

    def _reveal(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget, 0, 40)

    # --- reading and saving -------------------------------------------------------------------

    def practice(self) -> Practice:
        """The practice as entered; the library's rules judge it on saving."""
        checked = self.places.checkedButton()
        place = next((p for p, b in self.place_buttons.items() if b is checked), Place.DESK)
        title = self.title_edit.text().strip()
        keep = self._existing if self.mode in ("edit", "copy") else None
        return Practice(
            id=self._existing.id if self.mode == "edit" and self._existing else self._new_id(title),
            title=title,
            summary=self.summary_edit.text().strip(),
            senses=tuple(s for s, box in self.sense_boxes.items() if box.isChecked()),
            place=place,
            steps=tuple(editor.step() for editor in self.step_editors),
            needs_headphones=self.headphones_box.isChecked(),
            safety=self.safety_edit.toPlainText().strip() or None,
            alternative=keep.alternative if keep else None,
            own=True,
        )

    def _new_id(self, title: str) -> str:
        return free_id(title, self._library, self._own_dir)

    def _target(self, practice: Practice) -> Path:
        if self.mode == "edit" and self._existing is not None and self._existing.source:
            return self._existing.source
        return self._own_dir / f"{practice.id}.toml"

    def save(self) -> bool:
        """Check what was entered and, if the library's rules agree, write its file.

        Returns:
            Whether it was saved (and the dialog closed).
        """
        if self.mode == "bundled":
            return False
        practice = self.practice()
        target = self._target(practice)
        bundled = {p.id for p in self._library if not p.own}
        checked = check_practice(
            practice,
            file=str(target),
            reserved_ids=bundled,
            known_ids={*self._library.ids(), *files_in_folder(self._own_dir), practice.id},
            illustration_exists=self._illustration_exists,
        )
        self.problems.clear()
        if checked.practice is None:
            self.problems.show(checked.problems)
            return False
        try:
            path = write_private_file(target.parent, target.name, checked.text)
        except (OSError, DataFolderError) as error:
            detail = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.problems.show_general(
                self.tr("It couldn't be saved in {folder} ({problem}).").format(
                    folder=target.parent, problem=detail
                )
            )
            return False
        saved = replace(checked.practice, source=path)
        log.info("saved the practice %s in %s", saved.id, path)
        self.accept()
        if self._on_saved is not None:
            self._on_saved(saved)
        self.saved.emit(saved)
        return True

    def delete(self) -> bool:
        """Remove the person's own practice's file, after asking."""
        if self.mode != "edit" or self._existing is None:
            return False
        if not self._confirm(self, self._existing.title):
            return False
        target = self._target(self._existing)
        try:
            target.unlink(missing_ok=True)
        except OSError as error:
            self.problems.show_general(
                self.tr("It couldn't be deleted ({problem}).").format(
                    problem=error.strerror or error
                )
            )
            return False
        self.accept()
        if self._on_deleted is not None:
            self._on_deleted(self._existing.id)
        self.deleted.emit(self._existing.id)
        return True

    # --- problems -----------------------------------------------------------------------------

    def problem_texts(self) -> dict[str, str]:
        """The problems on show, by where they are (``title``, ``step 2 timing``...)."""
        return self.problems.texts()

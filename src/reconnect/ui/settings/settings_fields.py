"""The control for each kind of declared setting: it shows a value and reads one back.

Fields don't judge values: the declaration does (``core.settings``), and a field only shows
what it said, inline under the control.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.errors import InputError
from reconnect.core.practices import Library
from reconnect.core.settings import HOURS_DESCRIPTION, Setting

# The names, hints and choices below are in English, marked for the catalogue; they are shown
# through _tr (see label_for, hint_for and ChoiceField). Literal texts are written out as
# QCoreApplication.translate("SettingsFields", ...), the form lupdate reads.
# What the window calls each setting; a setting declared later without one gets a name made
# from its key, so it still shows up.
LABELS: dict[str, str] = {
    "rhythm.interval_minutes": QT_TRANSLATE_NOOP("SettingsFields", "Time between breaks"),
    "rhythm.randomness_minutes": QT_TRANSLATE_NOOP("SettingsFields", "Let breaks vary by"),
    "rhythm.idle_minutes": QT_TRANSLATE_NOOP("SettingsFields", "Time away that counts as a break"),
    "rhythm.busy_wait_minutes": QT_TRANSLATE_NOOP(
        "SettingsFields", "Waiting while full screen or do not disturb is on"
    ),
    "practices.disabled": QT_TRANSLATE_NOOP("SettingsFields", "Practices to offer"),
    "practices.own_folder": QT_TRANSLATE_NOOP("SettingsFields", "Your own practices folder"),
    "practices.music": QT_TRANSLATE_NOOP("SettingsFields", "Music that moves you"),
    "practices.have_headphones": QT_TRANSLATE_NOOP("SettingsFields", "I have headphones"),
    "sound.chimes": QT_TRANSLATE_NOOP("SettingsFields", "Chimes"),
    "sound.breath_tones": QT_TRANSLATE_NOOP("SettingsFields", "Breathing tones"),
    "appearance.theme": QT_TRANSLATE_NOOP("SettingsFields", "Colours"),
    "appearance.reduced_motion": QT_TRANSLATE_NOOP("SettingsFields", "Reduced motion"),
    "appearance.text_size": QT_TRANSLATE_NOOP("SettingsFields", "Text size"),
    "care.trusted_contact": QT_TRANSLATE_NOOP("SettingsFields", "Someone you trust"),
    "sync.computer_name": QT_TRANSLATE_NOOP("SettingsFields", "This computer's name"),
    "sync.database_url": QT_TRANSLATE_NOOP("SettingsFields", "Where your history is kept"),
}
# The visible hint where the declared description is worded for the command line; the
# description itself stays the tooltip, the accessible description and the refusal.
HINTS: dict[str, str] = {
    "practices.disabled": QT_TRANSLATE_NOOP(
        "SettingsFields", "Untick any practice you'd rather not be offered."
    ),
    "practices.music": QT_TRANSLATE_NOOP(
        "SettingsFields",
        "A sound file, or a folder of them. Leave it empty to choose when the practice starts.",
    ),
    "appearance.theme": QT_TRANSLATE_NOOP(
        "SettingsFields", "Follow your desktop's light or dark look, or choose one."
    ),
    "appearance.text_size": QT_TRANSLATE_NOOP(
        "SettingsFields", "The size of the text in Reconnect's windows."
    ),
}
CHOICE_NAMES: dict[str, dict[str, str]] = {
    "appearance.theme": {
        "system": QT_TRANSLATE_NOOP("SettingsFields", "Follow the system"),
        "light": QT_TRANSLATE_NOOP("SettingsFields", "Light"),
        "dark": QT_TRANSLATE_NOOP("SettingsFields", "Dark"),
    },
    "appearance.text_size": {
        "system": QT_TRANSLATE_NOOP("SettingsFields", "As the system sets it"),
        "larger": QT_TRANSLATE_NOOP("SettingsFields", "Larger"),
        "largest": QT_TRANSLATE_NOOP("SettingsFields", "Largest"),
    },
}
# Text settings that hold a path, and what their "Choose…" button picks.
PATH_KINDS: dict[str, str] = {"practices.music": "music", "practices.own_folder": "folder"}
MINUTES_SUFFIX = QT_TRANSLATE_NOOP("SettingsFields", " min")
TYPED_LIMIT = 9999  # a spin box keeps any number up to this, so a wrong one can be explained

ChoosePath = Callable[[QWidget, str, str], str | None]
"""A file dialog: (parent, kind, current value) → the chosen path, or None when cancelled.

Kinds: ``folder``, ``music-file`` and ``music-folder``.
"""


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("SettingsFields", ...), in the person's language."""
    return QCoreApplication.translate("SettingsFields", text)


def label_for(setting: Setting) -> str:
    if setting.key in LABELS:
        return _tr(LABELS[setting.key])
    return setting.key.split(".", 1)[1].replace("_", " ").capitalize()


def description_for(setting: Setting) -> str:
    """The declared description in the person's language (the declaration keeps English)."""
    if setting.kind == "hours":
        day = setting.key.split(".", 1)[1].capitalize()
        return QCoreApplication.translate("Settings", HOURS_DESCRIPTION).format(
            day=QCoreApplication.translate("Vocabulary", day)
        )
    return QCoreApplication.translate("Settings", setting.description)


def hint_for(setting: Setting) -> str:
    if setting.key in HINTS:
        return _tr(HINTS[setting.key])
    return re.sub(r"\s*\(yes or no\)", "", description_for(setting))


def problem_text(setting: Setting, error: InputError) -> str:
    """The refusal as shown under the control: without the key, which the label already says."""
    message = str(error)
    prefix = f"{setting.key} "
    if message.startswith(prefix):
        return QCoreApplication.translate("SettingsFields", "This {refusal}").format(
            refusal=message.removeprefix(prefix)
        )
    return message


def describe(widget: QWidget, name: str, description: str) -> None:
    """The accessible name, and the description as tooltip and accessible description."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)


def quiet_label(text: str, object_name: str = "settingHint") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


class DeclaredSpinBox(QSpinBox):
    """A spin box whose arrows keep to the declared range, but which keeps a number typed
    outside it, so that it can be refused with the description instead of quietly changed.
    """

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.declared = (minimum, maximum)
        self.setRange(min(0, minimum), max(TYPED_LIMIT, maximum))
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        low, high = self.declared
        self.setValue(min(high, max(low, self.value() + steps * self.singleStep())))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        low, high = self.declared
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() < high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class Field:
    """One declared setting on a page: its label, its controls, a hint and an inline problem.

    Attributes:
        setting: the declaration.
        controls: the focusable controls, in tab order.
        label: the label (its buddy is the first control); None where the control says it
            itself (a checkbox).
    """

    compact = True  # the control keeps its own width; False: it takes the line

    def __init__(self, setting: Setting) -> None:
        self.setting = setting
        self.controls: list[QWidget] = []
        self.label: QLabel | None = None
        self.hint: QLabel | None = quiet_label(hint_for(setting))
        self.problem = quiet_label("", "settingProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAccessibleName(
            QCoreApplication.translate("SettingsFields", "{setting}: not saved yet").format(
                setting=label_for(setting)
            )
        )
        self.problem.hide()

    @property
    def focus_widget(self) -> QWidget:
        return self.controls[0]

    def value(self) -> object:
        """What the controls hold now, as the declaration's ``parse`` takes it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        if self.hint is not None:
            self.hint.hide()  # the problem says the description again
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()
        self.problem.clear()
        if self.hint is not None:
            self.hint.show()

    def row(self) -> QWidget | QHBoxLayout:
        """What goes on the control's line."""
        return self.controls[0]

    def add_to(self, layout: QVBoxLayout) -> None:
        """Label, control, hint and the (hidden) problem, one under the other."""
        block = QVBoxLayout()
        block.setSpacing(4)
        if self.label is not None:
            block.addWidget(self.label)
        row = self.row()
        line = QHBoxLayout()
        if isinstance(row, QWidget):
            line.addWidget(row)
        else:
            line.addLayout(row, 1)
        if self.compact:
            line.addStretch(1)
        block.addLayout(line)
        if self.hint is not None:
            block.addWidget(self.hint)
        block.addWidget(self.problem)
        layout.addLayout(block)

    def _labelled(self, control: QWidget) -> None:
        name = label_for(self.setting)
        self.label = QLabel(name)
        self.label.setObjectName("settingLabel")
        self.label.setBuddy(control)
        describe(control, name, description_for(self.setting))


class IntField(Field):
    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        assert setting.minimum is not None and setting.maximum is not None
        self.spin = DeclaredSpinBox(setting.minimum, setting.maximum)
        if setting.key.endswith("_minutes"):
            self.spin.setSuffix(_tr(MINUTES_SUFFIX))
        self.spin.setMinimumWidth(110)
        self._labelled(self.spin)
        self.controls = [self.spin]

    def value(self) -> object:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value))


class BoolField(Field):
    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        self.box = QCheckBox(label_for(setting))
        describe(self.box, label_for(setting), description_for(setting))
        self.controls = [self.box]

    def value(self) -> object:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceField(Field):
    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        names = CHOICE_NAMES.get(setting.key, {})
        self.combo = QComboBox()
        for choice in setting.choices:
            name = names.get(choice)
            self.combo.addItem(_tr(name) if name else choice.capitalize(), choice)
        self._labelled(self.combo)
        self.controls = [self.combo]

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


class TextField(Field):
    """A line of text; a path gets a "Choose…" button beside it."""

    compact = False

    def __init__(self, setting: Setting, choose: ChoosePath | None = None) -> None:
        super().__init__(setting)
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(320)
        self.edit.setClearButtonEnabled(True)
        self._labelled(self.edit)
        self.controls = [self.edit]
        self.choose_button: QPushButton | None = None
        kind = PATH_KINDS.get(setting.key)
        if kind is not None and choose is not None:
            self.choose_button = self._chooser(kind, choose)
            self.controls.append(self.choose_button)
        if setting.key == "practices.own_folder":
            self.edit.setPlaceholderText(
                QCoreApplication.translate(
                    "SettingsFields", "The practices folder in your data folder"
                )
            )
        elif kind == "music":
            self.edit.setPlaceholderText(
                QCoreApplication.translate("SettingsFields", "Chosen when the practice starts")
            )

    def _chooser(self, kind: str, choose: ChoosePath) -> QPushButton:
        name = label_for(self.setting)
        button = QPushButton(QCoreApplication.translate("SettingsFields", "Choose…"))
        button.setAutoDefault(False)
        description = QCoreApplication.translate(
            "SettingsFields", "Pick {setting} with a file dialog."
        ).format(setting=name[0].lower() + name[1:])

        def pick(what: str) -> None:
            chosen = choose(button.window(), what, self.edit.text())
            if chosen:
                self.edit.setText(chosen)

        if kind == "music":
            menu = QMenu(button)
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A music file…"),
                lambda: pick("music-file"),
            )
            menu.addAction(
                QCoreApplication.translate("SettingsFields", "A folder of music…"),
                lambda: pick("music-folder"),
            )
            button.setMenu(menu)
        else:
            button.clicked.connect(lambda: pick(kind))
        describe(
            button,
            QCoreApplication.translate("SettingsFields", "Choose: {setting}").format(setting=name),
            description,
        )
        return button

    def row(self) -> QWidget | QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(self.edit, 1)
        if self.choose_button is not None:
            line.addWidget(self.choose_button)
        return line

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))


class DatabaseField(TextField):
    """A database address, shown without its password (``Setting.format``).

    The stored address, password and all, is kept while the text shown is left as it is;
    typing a new address (with its password) replaces it.
    """

    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        self._stored = ""
        self.edit.setPlaceholderText(
            QCoreApplication.translate("SettingsFields", "The file in your data folder")
        )

    def value(self) -> object:
        shown = self.edit.text()
        return self._stored if shown == self.setting.format(self._stored) else shown

    def set_value(self, value: Any) -> None:
        self._stored = str(value)
        self.edit.setText(self.setting.format(self._stored))


class IdsField(Field):
    """The practices, each ticked when it may be offered (the setting keeps the unticked)."""

    compact = False

    def __init__(self, setting: Setting, library: Library) -> None:
        super().__init__(setting)
        self._unknown: tuple[str, ...] = ()
        self.list = QListWidget()
        self.list.setMinimumHeight(200)
        for practice in library:
            item = QListWidgetItem(
                QCoreApplication.translate("SettingsFields", "{title} · {minutes} min").format(
                    title=practice.title, minutes=practice.minutes
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, practice.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(
                QCoreApplication.translate(
                    "SettingsFields", "Offer this practice: {summary}"
                ).format(summary=practice.summary)
            )
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._labelled(self.list)
        self.controls = [self.list]

    def row(self) -> QWidget | QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(self.list, 1)
        return line

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def value(self) -> object:
        unticked = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self.items()
            if item.checkState() != Qt.CheckState.Checked
        ]
        # Ids of practices not in the library now (an own practice moved away) are kept.
        return (*self._unknown, *unticked)

    def set_value(self, value: Any) -> None:
        disabled = tuple(value)
        known: set[str] = set()
        for item in self.items():
            practice_id = str(item.data(Qt.ItemDataRole.UserRole))
            known.add(practice_id)
            offered = practice_id not in disabled
            item.setCheckState(Qt.CheckState.Checked if offered else Qt.CheckState.Unchecked)
        self._unknown = tuple(i for i in disabled if i not in known)


DAY_START = QTime(9, 0)
DAY_END = QTime(17, 30)
MIDNIGHT = QTime(0, 0)


class HoursField(Field):
    """One weekday: a "day off" box, and from / until times (until 00:00 is midnight)."""

    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        self.hint = None  # one hint says it for the whole week
        self.day = QCoreApplication.translate(
            "Vocabulary", setting.key.split(".", 1)[1].capitalize()
        )
        self.label = QLabel(self.day)
        self.label.setObjectName("settingLabel")
        self.day_off = QCheckBox(QCoreApplication.translate("SettingsFields", "Day off"))
        self.start = self._time_edit(QCoreApplication.translate("SettingsFields", "from"))
        self.end = self._time_edit(QCoreApplication.translate("SettingsFields", "until"))
        self.from_label = QLabel(QCoreApplication.translate("SettingsFields", "from"))
        self.from_label.setBuddy(self.start)
        self.until_label = QLabel(QCoreApplication.translate("SettingsFields", "until"))
        self.until_label.setBuddy(self.end)
        self.label.setBuddy(self.day_off)
        describe(
            self.day_off,
            QCoreApplication.translate("SettingsFields", "{day}: day off").format(day=self.day),
            description_for(setting),
        )
        self.day_off.toggled.connect(self._day_off_toggled)
        self.controls = [self.day_off, self.start, self.end]

    @property
    def focus_widget(self) -> QWidget:
        return self.start if self.start.isEnabled() else self.day_off

    def _time_edit(self, which: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumWidth(80)
        describe(
            edit,
            QCoreApplication.translate("SettingsFields", "{day}: {which}").format(
                day=self.day, which=which
            ),
            description_for(self.setting),
        )
        return edit

    def _day_off_toggled(self, off: bool) -> None:
        for widget in (self.start, self.end, self.from_label, self.until_label):
            widget.setEnabled(not off)

    def value(self) -> object:
        if self.day_off.isChecked():
            return ""
        start = self.start.time().toString("HH:mm")
        end = self.end.time()
        until = "24:00" if end == MIDNIGHT else end.toString("HH:mm")
        return f"{start}-{until}"

    def set_value(self, value: Any) -> None:
        text = str(value)
        if not text:
            self.day_off.setChecked(True)
            self.start.setTime(DAY_START)
            self.end.setTime(DAY_END)
            self._day_off_toggled(True)
            return
        start, end = text.split("-")
        self.day_off.setChecked(False)
        self._day_off_toggled(False)
        self.start.setTime(_qtime(start))
        self.end.setTime(MIDNIGHT if end == "24:00" else _qtime(end))

    def place(self, grid: QGridLayout, row: int) -> None:
        """The day's line in the week's grid, and its problem under it."""
        assert self.label is not None
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.day_off, row, 1)
        grid.addWidget(self.from_label, row, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.start, row, 3)
        grid.addWidget(self.until_label, row, 4, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.end, row, 5)
        grid.addWidget(self.problem, row + 1, 1, 1, 6)


def _qtime(text: str) -> QTime:
    moment = time.fromisoformat(text)
    return QTime(moment.hour, moment.minute)


def make_field(setting: Setting, library: Library, choose: ChoosePath | None) -> Field:
    """The field for a declaration's kind."""
    if setting.kind == "int":
        return IntField(setting)
    if setting.kind == "bool":
        return BoolField(setting)
    if setting.kind == "choice":
        return ChoiceField(setting)
    if setting.kind == "hours":
        return HoursField(setting)
    if setting.kind == "ids":
        return IdsField(setting, library)
    if setting.kind == "database":
        return DatabaseField(setting)
    return TextField(setting, choose)


def tab_chain(fields: Sequence[Field]) -> list[QWidget]:
    return [control for field in fields for control in field.controls]

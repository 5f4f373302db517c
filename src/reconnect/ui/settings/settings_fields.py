"""The control for each kind of declared setting (``make_field``), and the simple ones here:
numbers, yes or no, a choice, and the practices to offer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from reconnect.core.library import Library
from reconnect.core.settings import Setting
from reconnect.ui.settings.field_base import (
    Field,
    declared_text,
    describe,
    description_for,
    fields_text,
    label_for,
)
from reconnect.ui.settings.hours_field import HoursField
from reconnect.ui.settings.text_fields import CheckPath, ChoosePath, DatabaseField, TextField

MINUTES_SUFFIX = QT_TRANSLATE_NOOP("SettingsFields", " min")
TYPED_LIMIT = 9999  # a spin box keeps any number up to this, so a wrong one can be explained


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


class IntField(Field):
    def __init__(self, setting: Setting) -> None:
        super().__init__(setting)
        assert setting.minimum is not None and setting.maximum is not None
        self.spin = DeclaredSpinBox(setting.minimum, setting.maximum)
        if setting.key.endswith("_minutes"):
            self.spin.setSuffix(fields_text(MINUTES_SUFFIX))
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
        self.combo = QComboBox()
        names = setting.choice_labels or tuple(choice.capitalize() for choice in setting.choices)
        for choice, name in zip(setting.choices, names, strict=True):
            self.combo.addItem(declared_text(name), choice)
        self._labelled(self.combo)
        self.controls = [self.combo]

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


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


def make_field(
    setting: Setting,
    library: Library,
    choose: ChoosePath | None,
    check: CheckPath | None = None,
) -> Field:
    """The field for a declaration's kind; ``check`` reads the files of a path's text."""
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
    return TextField(setting, choose, check)


def tab_chain(fields: Sequence[Field]) -> list[QWidget]:
    return [control for field in fields for control in field.controls]

"""The settings field for one weekday's working hours: a "day off" box, and from / until."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from reconnect.core.settings import Setting
from reconnect.ui.settings.field_base import Field, describe, description_for

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

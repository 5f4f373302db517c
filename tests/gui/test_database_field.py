"""The settings field of the shared database: the address without its password."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reconnect.core.settings import declaration
from reconnect.ui.settings.settings_fields import make_field
from reconnect.ui.settings.text_fields import DatabaseField

URL = "postgresql+psycopg://me:never-shown@db.example/reconnect"


def test_the_password_is_not_shown_and_is_kept(qtbot: QtBot) -> None:
    setting = declaration("sync.database_url")
    field = make_field(setting, library=None, choose=None)  # type: ignore[arg-type]
    assert isinstance(field, DatabaseField)
    qtbot.addWidget(field.edit)
    field.set_value(URL)
    assert field.edit.text() == "postgresql+psycopg://me@db.example/reconnect"
    assert "never-shown" not in field.edit.text()
    assert field.value() == URL  # untouched: the stored address, password and all
    field.edit.setText("postgresql+psycopg://me:new-one@other.example/reconnect")
    assert field.value() == "postgresql+psycopg://me:new-one@other.example/reconnect"
    field.set_value("")
    assert field.edit.text() == "" and field.value() == ""
    assert field.edit.placeholderText() == "The file in your data folder"

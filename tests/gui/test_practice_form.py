"""The practice form: what is entered is written as a file the library loads, or refused inline."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reconnect.core.library import Library
from reconnect.core.practice_loader import load_library, read_practice_file
from reconnect.core.practices import BreathPattern, Practice, Step, StepKind
from reconnect.core.vocabulary import Place
from reconnect.paths import illustrations_dir, practices_dir
from reconnect.ui.settings.practice_form import PracticeForm
from reconnect.ui.settings.step_editor import StepEditor

Open = Callable[..., PracticeForm]


def pictures(name: str) -> bool:
    return (illustrations_dir() / f"{name}.svg").is_file()


def load(own_dir: Path) -> Library:
    return load_library(practices_dir(), own_dir, illustration_exists=pictures)


@pytest.fixture
def own_dir(data_dir: Path) -> Path:
    return data_dir / "practices"


@pytest.fixture
def open_form(qtbot: QtBot, own_dir: Path) -> Open:
    def make(existing: Practice | None = None, **options: object) -> PracticeForm:
        form = PracticeForm(
            own_dir, load(own_dir), existing, illustration_exists=pictures, **options
        )  # type: ignore[arg-type]
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        return form

    return make


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def fill_step(qtbot: QtBot, editor: StepEditor, text: str, seconds: int) -> None:
    editor.text_edit.clear()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
        type_into(qtbot, editor.text_edit, line)
    editor.seconds_spin.setValue(seconds)


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_new_practice_is_written_and_loads_as_entered(
    qtbot: QtBot, open_form: Open, own_dir: Path
) -> None:
    saved_by_callback: list[Practice] = []
    form = open_form(on_saved=saved_by_callback.append)
    assert form.heading.text() == "A practice of your own"
    assert not form.copy_button.isVisible() and not form.delete_button.isVisible()
    assert len(form.step_editors) == 1

    type_into(qtbot, form.title_edit, 'Warm "window" light')
    type_into(
        qtbot, form.summary_edit, "Stand in the light by a window \\ and feel it on your face."
    )
    form.sense_boxes["light"].setFocus()
    qtbot.keyClick(form.sense_boxes["light"], Qt.Key.Key_Space)
    form.sense_boxes["temperature"].setChecked(True)
    form.place_buttons[Place.WINDOW].setChecked(True)
    form.headphones_box.setChecked(True)
    type_into(qtbot, form.safety_edit, "Don't look straight at the sun.")
    fill_step(qtbot, form.step_editors[0], "Find a window and stand near it.", 20)

    qtbot.mouseClick(form.add_step_button, Qt.MouseButton.LeftButton)
    second = form.step_editors[1]
    assert QApplication.focusWidget() is second.text_edit
    fill_step(qtbot, second, "Breathe slowly,\nfeeling the warmth.", 60)
    second.set_kind(StepKind.BREATH)
    assert second.breath_row.isVisible()
    second.set_breath(BreathPattern(4, 2, 6.5, 0))
    qtbot.mouseClick(second.up_button, Qt.MouseButton.LeftButton)
    assert form.step_editors[0] is second and second.heading.text() == "Step 1"
    assert form.total_label.text().startswith("Altogether 1 minute 20 seconds.")

    with qtbot.waitSignal(form.saved) as signal:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    practice = signal.args[0]
    assert saved_by_callback == [practice]
    assert not form.isVisible()

    path = own_dir / "warm-window-light.toml"
    assert files(own_dir) == ["warm-window-light.toml"]
    assert practice.source == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(own_dir.stat().st_mode) == 0o700

    library = load(own_dir)
    assert [str(p) for p in library.problems] == []
    loaded = library.get("warm-window-light")
    assert loaded == practice
    assert loaded == Practice(
        id="warm-window-light",
        title='Warm "window" light',
        summary="Stand in the light by a window \\ and feel it on your face.",
        senses=("light", "temperature"),
        place=Place.WINDOW,
        steps=(
            Step(
                "Breathe slowly,\nfeeling the warmth.",
                60,
                StepKind.BREATH,
                BreathPattern(4, 2, 6.5, 0),
            ),
            Step("Find a window and stand near it.", 20),
        ),
        needs_headphones=True,
        safety="Don't look straight at the sun.",
        own=True,
    )


def test_what_the_rules_refuse_is_said_next_to_its_field_and_nothing_is_written(
    qtbot: QtBot, open_form: Open, own_dir: Path
) -> None:
    form = open_form()
    form.add_step(focus=False)
    form.step_editors[1].text_edit.setPlainText("Breathe.")
    form.step_editors[1].seconds_spin.setValue(5)
    form.step_editors[1].set_kind(StepKind.BREATH)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert files(own_dir) == []
    assert form.problem_texts() == {
        "title": "It needs a title, a few words to know it by.",
        "summary": "It needs one line saying what it is.",
        "senses": "Choose at least one sense.",
        "step 1 text": "This step needs a few words.",
        "step 2 timing": (
            "This step's length is shorter than one breath (10 seconds); give it at least that."
        ),
    }
    assert QApplication.focusWidget() is form.title_edit
    assert form.title_edit.accessibleDescription() == form.problem_texts()["title"]
    assert form.summary_edit.accessibleDescription() == (
        "It needs one line saying what it is. What the practice is, said plainly"
    )

    type_into(qtbot, form.title_edit, "Breath")
    type_into(qtbot, form.summary_edit, "Two breaths.")
    form.sense_boxes["breath"].setChecked(True)
    form.step_editors[0].text_edit.setPlainText("x" * 401)
    form.step_editors[0].seconds_spin.setValue(3)
    form.step_editors[1].seconds_spin.setValue(10)
    form.step_editors[1].set_breath(BreathPattern(0, 0, 6, 0))
    form.save()
    assert form.problem_texts() == {
        "step 1 text": "This step's text is 401 characters long; at most 400 fit.",
        "step 2 timing": (
            "The breathing pattern: breathing in and breathing out each need some seconds."
        ),
    }
    assert QApplication.focusWidget() is form.step_editors[0].text_edit

    form.step_editors[0].text_edit.setPlainText("Settle.")
    form.step_editors[1].set_breath(BreathPattern(2, 0, 4, 0))
    form.step_editors[1].seconds_spin.setValue(6)
    form.save()
    assert form.problem_texts() == {
        "steps": "The steps add up to 9 seconds; a practice lasts 10 to 3600 seconds."
    }
    assert files(own_dir) == []

    form.step_editors[0].seconds_spin.setValue(30)
    assert form.save()
    assert form.summary_edit.accessibleDescription() == "What the practice is, said plainly"
    assert form.problem_texts() == {}
    assert files(own_dir) == ["breath.toml"]


def test_editing_an_own_practice_rewrites_its_file(
    qtbot: QtBot, open_form: Open, own_dir: Path
) -> None:
    form = open_form()
    form.title_edit.setText("Tea steam")
    form.summary_edit.setText("Watch the steam.")
    form.sense_boxes["temperature"].setChecked(True)
    fill_step(qtbot, form.step_editors[0], "Hold the cup.", 30)
    assert form.save()
    mine = load(own_dir).get("tea-steam")
    assert mine is not None and mine.own

    form = open_form(mine)
    assert form.mode == "edit"
    assert form.heading.text() == "Tea steam"
    assert form.delete_button.isVisible() and not form.copy_button.isVisible()
    form.title_edit.setText("Steam from my cup")
    form.step_editors[0].text_edit.setPlainText("Hold the warm cup.")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()

    assert files(own_dir) == ["tea-steam.toml"]  # the same file; the id stays
    again = load(own_dir).get("tea-steam")
    assert again is not None
    assert again.title == "Steam from my cup"
    assert again.steps == (Step("Hold the warm cup.", 30),)


def test_a_bundled_practice_cannot_be_changed_but_can_be_copied(
    qtbot: QtBot, open_form: Open, own_dir: Path
) -> None:
    bundled = load(own_dir).get("neck-shoulder-stretch")
    assert bundled is not None and not bundled.own
    original = bundled.source.read_bytes()  # type: ignore[union-attr]
    form = open_form(bundled)
    assert form.mode == "bundled"
    assert "comes with Reconnect, so it can't be changed here" in form.intro.text()
    assert not form.save_button.isVisible() and not form.delete_button.isVisible()
    assert form.cancel_button.text() == "Close"
    assert form.title_edit.isReadOnly() and not form.sense_boxes["movement"].isEnabled()
    assert not form.add_step_button.isVisible()
    assert not form.step_editors[0].remove_button.isVisible()
    assert QApplication.focusWidget() is form.copy_button
    assert form.save() is False
    assert files(own_dir) == []

    qtbot.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    assert form.mode == "copy"
    assert form.title_edit.text() == f"{bundled.title} (my copy)"
    assert not form.title_edit.isReadOnly() and form.save_button.isVisible()
    assert not form.copy_button.isVisible()
    with qtbot.waitSignal(form.saved) as signal:
        form.save_button.click()

    copy = signal.args[0]
    assert copy.id == "neck-and-shoulders-my-copy"
    assert files(own_dir) == [f"{copy.id}.toml"]
    loaded = load(own_dir).get(copy.id)
    assert loaded == copy
    assert loaded.own and loaded.steps == bundled.steps and loaded.safety == bundled.safety
    assert loaded.alternative == bundled.alternative
    assert bundled.source.read_bytes() == original  # type: ignore[union-attr]


def test_deleting_asks_first(qtbot: QtBot, open_form: Open, own_dir: Path) -> None:
    own_dir.mkdir(parents=True)
    (own_dir / "warm-mug.toml").write_text(
        'id = "warm-mug"\ntitle = "Warm mug"\nsummary = "Hold it."\nsenses = ["touch"]\n'
        'place = "desk"\n\n[[steps]]\ntext = "Hold the mug."\nseconds = 30\n',
        encoding="utf-8",
    )
    mine = load(own_dir).get("warm-mug")
    asked: list[str] = []
    answer = [False]

    def confirm(parent: QWidget, title: str) -> bool:
        asked.append(title)
        return answer[0]

    form = open_form(mine, confirm=confirm)
    assert form.delete() is False
    assert asked == ["Warm mug"] and files(own_dir) == ["warm-mug.toml"]
    assert form.isVisible()

    answer[0] = True
    with qtbot.waitSignal(form.deleted) as signal:
        form.delete_button.click()
    assert signal.args == ["warm-mug"]
    assert files(own_dir) == [] and not form.isVisible()


def test_a_new_practice_never_writes_over_a_file_already_there(
    open_form: Open, own_dir: Path
) -> None:
    own_dir.mkdir(parents=True)
    (own_dir / "tea.toml").write_text("this is not a practice yet", encoding="utf-8")
    form = open_form()
    form.title_edit.setText("Tea")
    form.summary_edit.setText("Tea.")
    form.sense_boxes["taste"].setChecked(True)
    form.step_editors[0].text_edit.setPlainText("Sip.")
    assert form.save()
    assert files(own_dir) == ["tea-2.toml", "tea.toml"]
    assert (own_dir / "tea.toml").read_text(encoding="utf-8") == "this is not a practice yet"
    practice, problems = read_practice_file(own_dir / "tea-2.toml", own=True)
    assert problems == [] and practice is not None and practice.title == "Tea"


def test_a_folder_that_cannot_be_written_is_said_calmly(open_form: Open, own_dir: Path) -> None:
    own_dir.parent.mkdir(parents=True)
    own_dir.write_text("a file where the folder should be", encoding="utf-8")
    form = open_form()
    form.title_edit.setText("Tea")
    form.summary_edit.setText("Tea.")
    form.sense_boxes["taste"].setChecked(True)
    form.step_editors[0].text_edit.setPlainText("Sip.")
    assert not form.save()
    assert form.isVisible()
    assert "exists but is not a folder" in form.problem_texts()["general"]


def test_escape_cancels_without_writing(qtbot: QtBot, open_form: Open, own_dir: Path) -> None:
    form = open_form()
    form.title_edit.setText("Tea")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert form.result() == PracticeForm.DialogCode.Rejected
    assert files(own_dir) == []


def test_steps_can_be_added_moved_and_removed(qtbot: QtBot, open_form: Open) -> None:
    form = open_form()
    first = form.step_editors[0]
    assert not first.up_button.isEnabled() and not first.down_button.isEnabled()
    assert not first.remove_button.isEnabled()  # a practice keeps at least one step
    second = form.add_step(Step("Two.", 10))
    third = form.add_step(Step("Three.", 10))
    assert second is not None and third is not None
    assert [e.heading.text() for e in form.step_editors] == ["Step 1", "Step 2", "Step 3"]
    assert third.remove_button.accessibleName() == "Remove step 3"

    third.up_button.setFocus()
    qtbot.keyClick(third.up_button, Qt.Key.Key_Space)
    assert form.step_editors == [first, third, second]
    assert third.up_button.accessibleName() == "Move step 2 up"
    assert QApplication.focusWidget() is third.up_button  # the keyboard stays with it

    qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert form.step_editors == [third, second]
    assert QApplication.focusWidget() is third.text_edit
    assert [e.step().text for e in form.step_editors] == ["Three.", "Two."]


def test_labels_name_their_fields_and_tab_goes_down_the_form(qtbot: QtBot, open_form: Open) -> None:
    form = open_form()
    form.add_step(focus=False)
    for label in form.findChildren(QLabel):
        if "&" in label.text() and label.isVisibleTo(form):
            assert label.buddy() is not None, label.text()
    focusable = [
        w
        for w in form.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(form)
    ]
    for widget in focusable:
        if widget.parent() is not None and widget.parent().inherits("QAbstractSpinBox"):
            continue  # the line edit inside a spin box
        if widget.inherits("QScrollBar") or widget.inherits("QScrollArea"):
            continue
        assert widget.accessibleName(), widget

    form.title_edit.setFocus()
    visited: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget)
        if widget is form.save_button:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = [
        form.title_edit,
        form.summary_edit,
        form.sense_boxes["movement"],
        form.headphones_box,
        form.safety_edit,
        form.step_editors[0].text_edit,
        form.step_editors[0].seconds_spin,
        form.step_editors[0].kind_combo,
        form.step_editors[1].up_button,
        form.step_editors[1].text_edit,
        form.add_step_button,
        form.cancel_button,
        form.save_button,
    ]
    positions = [visited.index(w) for w in expected]
    assert positions == sorted(positions)
    assert form.place_buttons[Place.DESK] in visited

"""Where the practice form shows the library's problems: next to each field and step."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QLabel, QWidget

from reconnect.core.practices import LibraryProblem
from reconnect.ui.settings.practice_problems import place_problem
from reconnect.ui.settings.step_editor import StepEditor


class ProblemBoard:
    """Shows problems beside the fields they belong to, and tells which are on show.

    Args:
        form: the form the labels are in.
        fields: by anchor (``title``, ``steps``, ``general``...), the problem's label and the
            field it is about; ``general`` takes what has no field.
        editors: the step editors, in order.
        reveal: scrolls a widget into view.
    """

    def __init__(
        self,
        form: QWidget,
        fields: Mapping[str, tuple[QLabel, QWidget]],
        editors: Callable[[], Sequence[StepEditor]],
        reveal: Callable[[QWidget], None],
    ) -> None:
        self._form = form
        self._fields = fields
        self._editors = editors
        self._reveal = reveal
        self._descriptions: dict[QWidget, str] = {}

    def show(self, problems: Sequence[LibraryProblem]) -> None:
        """Show each problem next to its field, calmly, and move to the first."""
        labels = self._fields
        editors = self._editors()
        lines: dict[str, list[str]] = {}
        step_lines: dict[int, tuple[list[str], list[str]]] = {}
        for problem in problems:
            placed = place_problem(problem)
            if placed.step is not None and 0 <= placed.step < len(editors):
                text, timing = step_lines.setdefault(placed.step, ([], []))
                (text if placed.anchor == "step-text" else timing).append(placed.sentence)
            else:
                anchor = placed.anchor if placed.anchor in labels else "general"
                lines.setdefault(anchor, []).append(placed.sentence)
        first: QWidget | None = None
        for anchor, (label, field) in labels.items():
            if anchor in lines:
                label.setText("\n".join(lines[anchor]))
                label.show()
                self._describe(field, " ".join(lines[anchor]))
                first = first or field
        for index, (text, timing) in sorted(step_lines.items()):
            editor = editors[index]
            editor.show_problems(text, timing)
            first = first or editor.first_problem_field()
        if first is not None:
            first.setFocus()
            self._reveal(first)

    def show_general(self, text: str) -> None:
        """A problem that belongs to no field (the file could not be written)."""
        label = self._fields["general"][0]
        label.setText(text)
        label.show()
        self._reveal(label)

    def _describe(self, field: QWidget, problem: str) -> None:
        """A field's accessible description: its own words, then the problem, if any."""
        own = self._descriptions.setdefault(field, field.accessibleDescription())
        field.setAccessibleDescription(f"{problem} {own}".strip() if problem else own)

    def clear(self) -> None:
        for label, field in self._fields.values():
            label.hide()
            label.clear()
            self._describe(field, "")
        for editor in self._editors():
            editor.clear_problems()

    def texts(self) -> dict[str, str]:
        """The problems on show, by where they are (``title``, ``step 2 timing``...)."""
        shown = {
            anchor: label.text()
            for anchor, (label, _field) in self._fields.items()
            if label.isVisibleTo(self._form)
        }
        for editor in self._editors():
            for part, label in (("text", editor.text_problem), ("timing", editor.timing_problem)):
                if label.isVisibleTo(editor):
                    shown[f"step {editor.number} {part}"] = label.text()
        return shown

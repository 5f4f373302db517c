"""The windows never see the database: no module under reconnect/ui imports SQLAlchemy."""

from __future__ import annotations

import ast
from pathlib import Path

import reconnect.ui

UI = Path(reconnect.ui.__file__).parent


def imported(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_ui_modules_are_found() -> None:
    assert UI / "dashboard" / "history_page.py" in UI.rglob("*.py")


def test_no_module_under_ui_imports_sqlalchemy() -> None:
    wrong = sorted(
        f"{path.relative_to(UI)} imports {module}"
        for path in UI.rglob("*.py")
        for module in imported(path)
        if module == "sqlalchemy" or module.startswith("sqlalchemy.")
    )
    assert wrong == []

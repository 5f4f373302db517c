"""The files of the person's own practices: written privately, named by a free id."""

from __future__ import annotations

from pathlib import Path

from reconnect.core.library import Library
from reconnect.core.practice_writer import new_practice_id
from reconnect.paths import ensure_private_dir, write_private


def write_private_file(folder: Path, name: str, text: str) -> Path:
    """Write ``folder/name`` all at once, readable only by its owner; the folder is 0700.

    Raises:
        OSError, DataFolderError: the folder or the file can't be written.
    """
    ensure_private_dir(folder)
    target = folder / name
    write_private(target, text.encode("utf-8"))
    return target


def files_in_folder(folder: Path) -> set[str]:
    """The names (without .toml) of the practice files in ``folder``, loaded or not."""
    try:
        return {path.stem for path in folder.glob("*.toml")}
    except OSError:
        return set()


def free_id(title: str, library: Library, folder: Path) -> str:
    """An id for a new practice: from its title, taken neither in the library nor the folder.

    A file that didn't load still keeps its name: it is never written over.
    """
    return new_practice_id(title, {*library.ids(), *files_in_folder(folder)})

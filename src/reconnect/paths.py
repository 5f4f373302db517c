"""Where Reconnect keeps things: the person's data folder and the bundled files."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "reconnect"
DATA_DIR_VARIABLE = "RECONNECT_DATA_DIR"
DATABASE_URL_VARIABLE = "RECONNECT_DATABASE_URL"


class DataFolderError(Exception):
    """The data folder cannot be used; the message says what to do."""


@dataclass(frozen=True)
class DataPaths:
    """Everything that lives in one data folder.

    Attributes:
        root: the data folder itself.
        database_url: the SQLAlchemy URL of the database (by default a file in ``root``).
    """

    root: Path
    database_url: str

    @property
    def database_file(self) -> Path:
        return self.root / "reconnect.db"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def own_practices(self) -> Path:
        return self.root / "practices"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def uses_default_database(self) -> bool:
        return self.database_url == sqlite_url(self.database_file)


def socket_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder of Qt's local sockets on Linux and the other Unixes: Qt's temporary folder
    (``QDir.tempPath()``), told without making Qt's QDir at start: ``TMPDIR`` made absolute
    and tidied (not resolved), else /tmp."""
    # Not Path.resolve(): Qt keeps a symbolic link as it is.
    return Path(os.path.abspath(environ.get("TMPDIR") or "/tmp"))  # noqa: PTH100


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def default_data_dir() -> Path:
    # Imported here: platformdirs is only needed when no folder was given.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_data_paths(
    data_dir: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> DataPaths:
    """Pick the data folder and database: the option, then the environment, then the default.

    Args:
        data_dir: the ``--data-dir`` option, if given.
        environ: the process environment (``RECONNECT_DATA_DIR``, ``RECONNECT_DATABASE_URL``).
    """
    if data_dir is not None:
        root = Path(data_dir)
    elif environ.get(DATA_DIR_VARIABLE):
        root = Path(environ[DATA_DIR_VARIABLE])
    else:
        root = default_data_dir()
    root = root.expanduser().absolute()
    url = environ.get(DATABASE_URL_VARIABLE) or sqlite_url(root / "reconnect.db")
    return DataPaths(root, url)


def ensure_private_dir(path: Path) -> None:
    """Create a folder readable only by its owner (0700), or tighten an existing one.

    Tightening only takes away: a folder the person made read-only stays read-only.

    Raises:
        DataFolderError: it cannot be created or is not a folder.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError as error:
        raise DataFolderError(
            f"{path} exists but is not a folder. Move it aside or choose another data folder "
            "with --data-dir."
        ) from error
    except OSError as error:
        raise DataFolderError(
            f"Could not create the data folder {path} ({error.strerror}). Check that its parent "
            "exists and is writable, or choose another folder with --data-dir."
        ) from error
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError:
        pass  # A folder we may not chmod (not ours) is still usable if we can write to it.


def ensure_private_file(path: Path) -> None:
    """Create an empty file readable only by its owner (0600) if it is not there yet."""
    if path.exists():
        return
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a temporary file renamed over it), readable only by
    its owner (0600) and flushed to disk; the folder must exist."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as stream:  # mkstemp makes it 0600
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def bundled_dir(name: str) -> Path:
    """A folder shipped with the app: ``resources`` or ``assets``.

    In an installed wheel it sits inside the package; in a source checkout it is at the
    top of the tree.
    """
    package = Path(__file__).resolve().parent
    inside = package / name
    if inside.is_dir():
        return inside
    checkout = package.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"The bundled folder {name!r} is missing; reinstall Reconnect (looked in {inside} "
        f"and {checkout})."
    )


def practices_dir() -> Path:
    return bundled_dir("resources") / "practices"


def illustrations_dir() -> Path:
    return bundled_dir("assets") / "illustrations"


def icons_dir() -> Path:
    return bundled_dir("resources") / "icons"


def sounds_dir() -> Path:
    return bundled_dir("assets") / "sounds"

"""The files in packaging/: the platform's own validators accept them, and they agree.

The validators are Debian's desktop-file-utils and appstream (scripts/setup installs them).
``appstreamcli`` runs with ``--no-net``: the tests have no network, so it does not try to
reach the URLs it would otherwise check.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reconnect import __version__
from reconnect.desktop import autostart

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.reconnect.Reconnect"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = PACKAGING / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install the Debian package {package} (scripts/setup does)")
    return found


def validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)


def desktop_keys(file: Path) -> dict[str, str]:
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def png_size(file: Path) -> tuple[int, int, int]:
    """Width, height and colour type from the PNG header (IHDR)."""
    data = file.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def test_desktop_file_validate_accepts_the_desktop_file() -> None:
    result = validate(tool("desktop-file-validate", "desktop-file-utils"), DESKTOP)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_desktop_file_starts_reconnect_with_its_icon() -> None:
    keys = desktop_keys(DESKTOP)
    assert keys["Exec"] == "reconnect" and keys["Icon"] == APP_ID
    assert keys["Type"] == "Application" and keys["Terminal"] == "false"
    assert "Utility" in keys["Categories"].split(";")
    assert keys["Keywords"].endswith(";") and "breathing" in keys["Keywords"]


def test_appstreamcli_accepts_the_metainfo() -> None:
    appstreamcli = tool("appstreamcli", "appstream")
    result = validate(appstreamcli, "validate", "--no-net", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation was successful" in result.stdout


def test_appstreamcli_accepts_them_installed_together(tmp_path: Path) -> None:
    """As a distribution installs them: the metainfo's launchable finds the desktop file."""
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ICONS, share / "icons" / "hicolor")
    result = validate(tool("appstreamcli", "appstream"), "validate-tree", "--no-net", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_agrees_with_the_project() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert component.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert component.findtext("project_license") == pyproject["project"]["license"]
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    releases = component.findall("releases/release")
    assert releases[0].get("version") == __version__
    text = " ".join(" ".join(p.itertext()) for p in component.findall("description/p"))
    for words in ("not therapy", "not medical advice", "stays on your computer"):
        assert words in " ".join(text.split())


def test_the_icon_comes_in_every_hicolor_size() -> None:
    scalable = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
    source = ROOT / "resources" / "icons" / "reconnect.svg"
    assert scalable.read_bytes() == source.read_bytes(), "run scripts/make_icons.py"
    for size in SIZES:
        file = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert file.is_file(), f"{file} is missing: run scripts/make_icons.py"
        assert png_size(file) == (size, size, 6)  # 6: RGBA, so the corners stay transparent


def test_one_application_id_everywhere() -> None:
    assert autostart.APP_ID == APP_ID
    assert f'APP_ID = "{APP_ID}"' in (PACKAGING / "reconnect.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in (ROOT / "scripts" / "make_icons.py").read_text(
        encoding="utf-8"
    )

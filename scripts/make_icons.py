"""Render the application icon into packaging/icons/ under the hicolor theme's names.

The source is resources/icons/reconnect.svg; it is copied as the scalable icon and rendered
(Qt's SVG renderer, offscreen) to PNGs of each size. Run it again after changing the icon:
``.venv/bin/python scripts/make_icons.py [OUTPUT_FOLDER]``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.reconnect.Reconnect"
SOURCE = ROOT / "resources" / "icons" / "reconnect.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def make_icons(output: Path) -> list[Path]:
    """Write ``hicolor/scalable/apps/APP_ID.svg`` and ``hicolor/NxN/apps/APP_ID.png``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SOURCE} is not a valid SVG")
    written = []
    scalable = output / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        file = output / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        file.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(file), "PNG"):
            raise SystemExit(f"make_icons: could not write {file}")
        written.append(file)
    del app
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "icons"
    for path in make_icons(folder):
        print(path.relative_to(folder))

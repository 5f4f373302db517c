"""Reconnect in the person's language: the translator for the system locale, when there is one.

The catalogue is ``resources/translations/reconnect_<language>.ts`` (made by
``scripts/update_translations.py``); a translated one is compiled to a ``.qm`` next to it.
Without a ``.qm`` for the locale everything stays as written, in English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reconnect.core import i18n
from reconnect.paths import bundled_dir

log = logging.getLogger(__name__)

CATALOGUE = "reconnect"


def translations_dir() -> Path:
    return bundled_dir("resources") / "translations"


def locale_numbers(locale: QLocale) -> i18n.NumberFormat:
    """Whole numbers grouped as ``locale`` groups them (the C locale too: ``14,352``)."""
    grouping = QLocale(locale)
    # The C locale leaves out the group separator by default; a long count reads better with it.
    grouping.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return grouping.toString


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, directory: Path | None = None
) -> list[QTranslator]:
    """Install Reconnect's translation for ``locale`` (the system's by default), if it exists.

    Qt's own translation of its standard buttons follows, for the same language. The core's
    sentences are routed through Qt's translate either way (``core.i18n.install``), and their
    numbers are grouped as the locale groups them.

    Args:
        app: the application; the translators become its children and live as long.
        directory: where the ``.qm`` files are; ``resources/translations`` by default.

    Returns:
        The translators installed; empty when there is none for this locale.
    """
    locale = locale or QLocale.system()
    folder = directory or translations_dir()
    i18n.install(QCoreApplication.translate, locale_numbers(locale))
    ours = QTranslator(app)
    if not ours.load(locale, CATALOGUE, "_", str(folder)):
        ours.deleteLater()
        log.debug("no translation for %s in %s", locale.name(), folder)
        return []
    app.installTranslator(ours)
    installed = [ours]
    from PySide6.QtCore import QLibraryInfo  # only for a language of its own

    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    else:
        qt_own.deleteLater()
    log.info("translation installed: %s", ours.filePath())
    return installed

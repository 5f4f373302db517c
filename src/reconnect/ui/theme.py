"""Reconnect's calm look, light or dark: the palette, the stylesheet and the size of the text.

``resources/styles/calm.qss`` is a template: ``$name`` stands for a colour of the chosen scheme
and ``$size(1.5)`` for a font size 1.5 times the application's text, so larger text grows the
headings with it (a stylesheet has no ``em``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette, QPixmapCache
from PySide6.QtWidgets import QApplication

TEMPLATE = "calm.qss"
TEXT_SCALES = {"system": 1.0, "larger": 1.15, "largest": 1.3}
PIXMAP_CACHE_KB = 2048  # see apply_theme
_TOKEN = re.compile(r"\$(\w+)(?:\(([\d.]+)\))?")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)  # comments may name the tokens themselves


@dataclass(frozen=True)
class Scheme:
    """The colours of one look, as ``#rrggbb``; the template names them without the prefix.

    Never red: a problem note is a warm line, not an alarm, and "nothing" is never a warning.
    """

    name: str
    window: str  # the warm paper behind everything
    surface: str  # cards and fields, a step lighter (light) or raised (dark)
    alternate: str  # every other row, problem notes in settings
    text: str
    strong: str  # titles and the step being done
    quiet: str  # hints and meta lines
    heading: str  # small warm section headings
    border: str
    edge: str  # the rim of a tick box or a round choice: 3:1 against what is around it
    control: str  # buttons
    control_border: str
    control_hover: str
    accent: str  # the one primary button, the chosen spark level
    accent_border: str
    accent_hover: str
    on_accent: str  # text on the accent
    focus: str
    focus_strong: str  # a focused control that is already accent-coloured
    chip: str  # a chosen feeling or body area
    problem: str  # the calm note beside something to look at again
    problem_line: str
    track: str  # the empty part of a progress bar
    disabled: str
    disabled_border: str
    disabled_text: str
    # Drawn, not styled: the dashboard charts and the breathing pacer.
    chart_calm: str
    chart_soft: str
    chart_quiet: str
    pacer_fill: str
    pacer_outline: str
    pacer_guide: str

    def colours(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k != "name"}

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Scheme(
    name="light",
    window="#fbf6f1",
    surface="#fffdfa",
    alternate="#f6eee6",
    text="#3c474d",
    strong="#2f3a40",
    quiet="#616d73",
    heading="#8a6a58",
    border="#e3d3c6",
    edge="#968174",
    control="#f1e6dc",
    control_border="#dcc8b8",
    control_hover="#ead9cb",
    accent="#a3654a",
    accent_border="#8f563c",
    accent_hover="#97593f",
    on_accent="#ffffff",
    focus="#ac6f52",
    focus_strong="#5e3a28",
    chip="#e6bea6",
    problem="#f6ebe0",
    problem_line="#c98b6b",
    track="#efe3d8",
    disabled="#eee3da",
    disabled_border="#e3d3c6",
    disabled_text="#9a8a80",
    chart_calm="#3f8f84",
    chart_soft="#9cc9c1",
    chart_quiet="#b9bec2",
    pacer_fill="#f1dccd",
    pacer_outline="#c98b6b",
    pacer_guide="#eadbcf",
)

# Warm charcoal, not black; text a soft off-white, so nothing glares in a dim room.
DARK = Scheme(
    name="dark",
    window="#23201d",
    surface="#2b2825",
    alternate="#302c28",
    text="#e6ddd4",
    strong="#f3ece4",
    quiet="#b3a79c",
    heading="#d9a88c",
    border="#423c36",
    edge="#8a7f75",
    control="#35302b",
    control_border="#4d463f",
    control_hover="#3e3832",
    accent="#d08f6e",
    accent_border="#e0a586",
    accent_hover="#dc9c7b",
    on_accent="#1f1c1a",
    focus="#e0a586",
    focus_strong="#f6d2bd",
    chip="#5a4032",
    problem="#352d27",
    problem_line="#c98b6b",
    track="#3a3430",
    disabled="#2e2a27",
    disabled_border="#3a3530",
    disabled_text="#8a8077",
    chart_calm="#6cc0b2",
    chart_soft="#2f6a62",
    chart_quiet="#5c6166",
    pacer_fill="#4a372c",
    pacer_outline="#d08f6e",
    pacer_guide="#3d3631",
)

SCHEMES = {"light": LIGHT, "dark": DARK}


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; 4.5 is enough for body text)."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            linear = value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
            channels.append(linear)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scheme_for(theme: str, system: Qt.ColorScheme) -> Scheme:
    """The scheme for the ``appearance.theme`` setting; "system" follows the desktop.

    An unknown system scheme (many desktops don't say) is light.
    """
    if theme == "system":
        return DARK if system == Qt.ColorScheme.Dark else LIGHT
    return SCHEMES[theme]


ILLUSTRATION_INK = "#5b6b73"  # the slate lines of assets/illustrations, drawn for light paper


def illustration(path: Path, scheme: Scheme) -> QByteArray:
    """The SVG picture at ``path``, its slate lines lightened on dark paper (3:1 or more).

    A file that can't be read gives no picture (the step's words still show), as loading it
    by name would.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return QByteArray()
    if scheme.dark:
        data = data.replace(ILLUSTRATION_INK.encode(), scheme.quiet.encode())
    return QByteArray(data)


def scheme_of(palette: QPalette) -> Scheme:
    """The scheme that suits ``palette``: drawn figures use its chart and pacer colours."""
    dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
    return DARK if dark else LIGHT


def make_palette(scheme: Scheme) -> QPalette:
    """A QPalette of the scheme, so widgets the stylesheet doesn't name follow it too."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    lighter = scheme.border if scheme.dark else "#ffffff"
    darker = "#171513" if scheme.dark else "#b9a696"
    colours = {
        role.Window: scheme.window,
        role.WindowText: scheme.text,
        role.Base: scheme.surface,
        role.AlternateBase: scheme.alternate,
        role.Text: scheme.text,
        role.Button: scheme.control,
        role.ButtonText: scheme.text,
        role.BrightText: scheme.strong,
        role.Highlight: scheme.accent,
        role.HighlightedText: scheme.on_accent,
        role.Accent: scheme.accent,
        role.Link: scheme.accent_border,
        role.LinkVisited: scheme.heading,
        role.PlaceholderText: scheme.quiet,
        role.ToolTipBase: scheme.surface,
        role.ToolTipText: scheme.text,
        role.Light: lighter,
        role.Midlight: scheme.alternate,
        role.Mid: scheme.control_border,
        role.Dark: darker,
        role.Shadow: "#0f0e0d" if scheme.dark else "#8a7a6e",
    }
    palette = QPalette()
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(group.Disabled, which, QColor(scheme.disabled_text))
    palette.setColor(group.Disabled, role.Button, QColor(scheme.disabled))
    palette.setColor(group.Disabled, role.Base, QColor(scheme.window))
    return palette


def scaled_font(system: QFont, text_size: str) -> QFont:
    """The system font, larger by the ``appearance.text_size`` setting's factor."""
    factor = TEXT_SCALES[text_size]
    font = QFont(system)
    if factor != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(round(font.pointSizeF() * factor, 1))
        else:
            font.setPixelSize(round(font.pixelSize() * factor))
    return font


def render_stylesheet(template: str, scheme: Scheme, font: QFont, styles_dir: Path) -> str:
    """The template with the scheme's colours and sizes relative to ``font``.

    Besides the colours, ``$scheme`` is the scheme's name and ``$styles`` the folder of the
    template, for pictures such as ``url("$styles/check-$scheme.svg")``.

    Raises:
        KeyError: the template names a colour the scheme doesn't have.
    """
    words = {**scheme.colours(), "scheme": scheme.name, "styles": styles_dir.as_posix()}

    def fill(match: re.Match[str]) -> str:
        name, factor = match.group(1), match.group(2)
        if name != "size":
            return words[name]
        share = float(factor or 1)
        if font.pointSizeF() > 0:
            return f"{font.pointSizeF() * share:.1f}pt"
        return f"{round(font.pixelSize() * share)}px"

    return _TOKEN.sub(fill, _COMMENT.sub("", template))


class Appearance(QObject):
    """Keeps the app's look as chosen; with "system" it follows the desktop when that changes.

    Made by ``apply_theme``, a child of the application, so one is kept per application.

    Signals:
        changed(str): a new look was applied (the scheme's name); charts drawn before it
            are drawn again by whoever shows them.
    """

    NAME = "reconnectAppearance"
    changed = Signal(str)

    def __init__(
        self,
        app: QApplication,
        system_scheme: Callable[[], Qt.ColorScheme] | None = None,
    ) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        self._app = app
        self._system_scheme = system_scheme or (lambda: app.styleHints().colorScheme())
        self.theme = "system"
        self.text_size = "system"
        self.styles_dir: Path | None = None
        self.scheme = LIGHT
        self._applied: tuple[str, str, Path] | None = None
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, theme: str, text_size: str, styles_dir: Path) -> Scheme:
        """Set the palette, font and stylesheet; returns the scheme chosen.

        Nothing is done when the look would stay the same: re-styling every widget is not
        free, and settings are applied again whenever any of them changes.
        """
        self.theme, self.text_size, self.styles_dir = theme, text_size, styles_dir
        scheme = scheme_for(theme, self._system_scheme())
        look = (scheme.name, text_size, styles_dir)
        if look == self._applied:
            return scheme
        template = (styles_dir / TEMPLATE).read_text(encoding="utf-8")
        # Left alone at "system" until scaled once: a font set by the app no longer follows
        # the desktop's font.
        if text_size != "system" or (self._applied and self._applied[1] != "system"):
            system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
            self._app.setFont(scaled_font(system, text_size))
        # Palette and font first: the stylesheet is worked out against them.
        self._app.setPalette(make_palette(scheme))
        self._app.setStyleSheet(render_stylesheet(template, scheme, self._app.font(), styles_dir))
        self.scheme, self._applied = scheme, look
        self.changed.emit(scheme.name)
        return scheme

    def _system_changed(self, *_: object) -> None:
        if self.theme != "system" or self.styles_dir is None:
            return
        if scheme_for("system", self._system_scheme()) != self.scheme:
            self.apply(self.theme, self.text_size, self.styles_dir)


# The window Qt shows the tray icon in on X11 (an XEmbed tray), named so by Qt.
TRAY_ICON_WINDOW = "QSystemTrayIconSys"


def forget_rules_of_closed_windows(app: QApplication) -> bool:
    """Empty what Qt's style sheet worked out for each control, once no window is showing.

    For every control it styles, Qt keeps the rules that match it and the colours, borders
    and margins worked out from them. Not all of it goes with a closed window: about 19 kB
    stayed behind for each settings window and 2 kB for each dashboard (opened and closed
    again and again), for as long as the app ran. Setting the same sheet again empties those
    caches; it is done only while no window shows, so nothing a person is looking at is
    styled again (the tray's menu is, the next time it opens; so is the tray icon's own
    little window on X11, which is always shown). Returns whether it was done.
    """
    if any(
        widget.isVisible() and widget.objectName() != TRAY_ICON_WINDOW
        for widget in app.topLevelWidgets()
    ):
        return False
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)
    return True


def apply_theme(
    app: QApplication,
    theme: str,
    text_size: str,
    styles_dir: Path,
    system_scheme: Callable[[], Qt.ColorScheme] | None = None,
) -> Appearance:
    """Give ``app`` the calm look for the ``appearance.theme`` and ``text_size`` settings.

    Calling it again (the settings changed) re-applies; "system" keeps following the desktop.

    Args:
        app: the QApplication.
        theme: ``system``, ``light`` or ``dark``.
        text_size: ``system``, ``larger`` or ``largest``.
        styles_dir: the folder holding the ``calm.qss`` template.
        system_scheme: where the desktop's scheme is read (tests fake it); the first call's
            choice is kept.
    """
    # The style keeps drawn pieces of controls keyed by each widget's palette, and under a
    # style sheet every new window has palettes of its own: a closed window's pieces are never
    # drawn again, yet were kept up to Qt's limit of 10 MB. The open windows need far less.
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    found = app.findChild(QObject, Appearance.NAME)
    appearance = found if isinstance(found, Appearance) else Appearance(app, system_scheme)
    appearance.apply(theme, text_size, styles_dir)
    return appearance

"""Help and crisis support: what Reconnect is, how to use it, and where to turn right now."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

CRISIS_HTML = """
<h2>If you are in crisis</h2>
<p>If you might hurt yourself, or you feel unsafe right now, please reach out to a person
today. You don't have to explain it well.</p>
<ul>
<li><b>In danger right now:</b> call your local emergency number (112 in most of Europe,
911 in North America, 999 in the UK).</li>
<li><b>Crisis lines</b>, free and confidential: <b>988</b> in the United States and Canada
(call or text); <b>116 123</b>, Samaritans, in the UK and Ireland. Elsewhere, your local
emergency number can connect you to one.</li>
<li>Tell one person you trust how you are, even in a single sentence.</li>
<li>If you can, stay near other people, and put distance between you and anything you
could use to hurt yourself.</li>
</ul>
<p>Feeling numb can be a sign that a lot has been carried for a long time. A doctor or a
therapist can help you find out what is going on and what could help.</p>
"""

ABOUT_HTML = """
<h2>What Reconnect does</h2>
<p>During your working hours, Reconnect offers a short practice now and then: a stretch,
a slower breath, light, a scent, a piece of music that moves you. Afterwards it asks,
gently, whether anything stirred. Over time it notices which moments tend to bring
something back for you.</p>
<p><b>Nothing is a valid answer.</b> Noticing that nothing stirred is part of the practice,
and every prompt can be skipped, snoozed or paused. There are no streaks to keep.</p>
<h3>Using it</h3>
<ul>
<li>Reconnect lives in the system tray. Its menu lets you start a practice, snooze or skip
the next break, or pause for a while.</li>
<li>When a break comes, a small window appears near the tray without taking your
keyboard. Start, ask for another one, snooze, or skip.</li>
<li>From a terminal: <code>reconnect status</code>, <code>reconnect break-now</code>,
<code>reconnect pause 1h</code>, <code>reconnect settings</code>,
<code>reconnect history</code>.</li>
</ul>
<h3>What it is not</h3>
<p>Reconnect is not therapy and not medical advice. It keeps everything on this computer
and never connects to the internet.</p>
"""


class HelpDialog(QDialog):
    """Two tabs: "About Reconnect" and "If you are in crisis"."""

    def __init__(self, crisis_first: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reconnect: help and crisis support")
        self.resize(560, 520)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Help sections")
        for title, html in (("About Reconnect", ABOUT_HTML), ("If you are in crisis", CRISIS_HTML)):
            page = QTextBrowser()
            page.setOpenLinks(False)  # nothing here leaves the computer
            page.setHtml(html)
            page.setAccessibleName(title)
            self.tabs.addTab(page, title)
        if crisis_first:
            self.tabs.setCurrentIndex(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

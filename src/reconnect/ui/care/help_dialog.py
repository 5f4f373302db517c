"""Help and crisis support: where to turn right now, what numbness is, and how Reconnect works."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.care import CRISIS_LINES, EmergencyNumber, emergency_number
from reconnect.core.errors import InputError

# The texts below are in English, marked for the catalogue (QT_TRANSLATE_NOOP); the pages
# show them through tr, so they follow the translator installed when the app starts. The
# quotation marks are typed out: lupdate reads no \u escapes.
SECTIONS = ("crisis", "numbness", "using")
TAB_TITLES = (
    QT_TRANSLATE_NOOP("HelpDialog", "If you are in crisis"),
    QT_TRANSLATE_NOOP("HelpDialog", "About numbness"),
    QT_TRANSLATE_NOOP("HelpDialog", "Using Reconnect"),
)

CRISIS_INTRO = QT_TRANSLATE_NOOP(
    "CrisisPage",
    "If you are thinking about hurting yourself, or you don't feel safe right now, please "
    "reach out to someone today. You don't need the right words, and you don't need to be "
    "sure it is “bad enough”.",
)

RIGHT_NOW_HTML = QT_TRANSLATE_NOOP(
    "CrisisPage",
    """
<h3>What you can do right now</h3>
<ul>
<li>Call or text someone: a crisis line below, the person you trust, or the emergency number.
One sentence is enough, for example: <i>“I'm not okay and I don't want to be alone with
this.”</i></li>
<li>If you can, go where other people are, or ask someone to come and be with you.</li>
<li>Put some distance between yourself and anything you could use to hurt yourself.</li>
<li>Let your breath slow a little: breathe out for longer than you breathe in. Feel your feet
on the floor and something solid under your hand.</li>
<li>You only need to get through the next few minutes, then the next few after that.</li>
</ul>
""",
)

NUMBNESS_WARNING = QT_TRANSLATE_NOOP(
    "CrisisPage",
    "Numbness can come with thoughts that nothing matters, or of not wanting to be here. If "
    "that happens, please take it seriously, even when it feels quiet and flat rather than "
    "dramatic, and tell someone soon.",
)

NUMBNESS_HTML = QT_TRANSLATE_NOOP(
    "HelpDialog",
    """
<h2>About numbness</h2>
<p>Feeling numb means feeling less than you expect, or nothing at all: good news doesn't
land, and sad news doesn't either. People describe it as living behind glass, running on
autopilot, or as if someone turned the volume of life down. You can still work, laugh in the
right places and look after others, while inside everything seems muted and far away. It can
also dull the body's signals, so that hunger, tiredness or tension are hard to notice.</p>

<h3>You are not alone in it</h3>
<p>Numbness is common. It often follows a long stretch of burnout or stress, a trauma or a
loss, and it is part of depression and anxiety for many people. Some medicines can flatten
feelings too; if you take one and feel this way, it is worth telling your doctor. For some
people it grows heavier in autumn and winter and lifts a little in spring.</p>

<h3>A protective response, not a failing</h3>
<p>Numbness is usually your nervous system looking after you. When there has been too much
for too long, it turns the volume down so that you can keep going. It is not laziness or
coldness, and it doesn't mean that you don't care. It means that a part of you has been
working hard to get you through, and it can ease once things feel safer.</p>

<h3>Why small moments may help</h3>
<p>Feelings can't be forced back, and pushing for them often makes everything tighter. What
seems to help is giving your body small, safe chances to notice something: warmth in your
hands, light moving through leaves, a scent from long ago, a stretch, a piece of music that
once gave you chills, a slow breath with a hand on your chest. Often nothing much happens,
and that is fine. Now and then a flicker comes. Noticing it, without judging it, is how the
way back is usually found: little by little, unevenly, at your own pace.</p>
<p>Other things tend to help alongside: moving your body in a way that feels good rather
than punishing, sleep when life allows it, easing the load where you can, and staying a
little in touch with people even when you feel far away. Telling one safe person
“I feel numb” is already a step.</p>

<h3>When to talk to a professional</h3>
<p>If the numbness has lasted for weeks or longer, if it gets in the way of your work, your
sleep or the people you love, or if you simply want to understand it, a doctor or a therapist
can help. They can look with you at what lies behind it, such as exhaustion, depression, a
trauma or a medicine, and at what would fit you. Therapies that work with trauma and with
the body are often a good match for numbness.</p>
<p>Please reach out soon, to a person or a professional, if numbness comes with thoughts
of hurting yourself or of not wanting to live. <a href="#crisis">If you are in crisis</a>
says where to turn.</p>
<p>Reconnect can keep you company in small moments. It is not a treatment and doesn't
replace care.</p>
""",
)

USING_HTML = QT_TRANSLATE_NOOP(
    "HelpDialog",
    """
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
<li>Help is always close: choose “Help and crisis support” in the tray menu,
or press F1 in the dashboard, during a practice or in the check-in.</li>
<li>From a terminal: <code>reconnect status</code>, <code>reconnect break-now</code>,
<code>reconnect pause 1h</code>, <code>reconnect settings</code>,
<code>reconnect history</code>.</li>
</ul>
<h3>What it is not</h3>
<p>Reconnect is not therapy and not medical advice. It keeps everything on this computer
and never connects to the internet.</p>
""",
)

CONTACT_INVITATION = QT_TRANSLATE_NOOP(
    "CrisisPage",
    "You can keep one person here to call or write to on a hard day: a friend, someone in "
    "your family, a colleague, your doctor. It stays on this computer.",
)
CONTACT_NO_SAVING = QT_TRANSLATE_NOOP(
    "CrisisPage",
    "Think of one person you could call or write to on a hard day: a friend, someone in "
    "your family, a colleague, your doctor.",
)
CONTACT_REMINDER = QT_TRANSLATE_NOOP(
    "CrisisPage", "You can reach out to them now, even with a single sentence."
)


def system_country() -> str:
    """The two-letter code of the country of the system's locale; empty when none is set."""
    return QLocale.territoryToCode(QLocale().territory())


def _crisis_line_html(number: str, name: str, where: str, how: str) -> str:
    values = {
        "number": escape(number),
        "name": escape(name),
        "where": escape(QCoreApplication.translate("Care", where)),
        "how": escape(QCoreApplication.translate("Care", how)),
    }
    if name:
        return QCoreApplication.translate(
            "HelpDialog", "<li><b>{number}</b> in {where} ({name}): {how}.</li>"
        ).format(**values)
    return QCoreApplication.translate(
        "HelpDialog", "<li><b>{number}</b> in {where}: {how}.</li>"
    ).format(**values)


def crisis_lines_html() -> str:
    items = "".join(
        _crisis_line_html(line.number, line.name, line.where, line.how) for line in CRISIS_LINES
    )
    return QCoreApplication.translate(
        "HelpDialog",
        "<h3>Crisis lines</h3>"
        "<p>Free and confidential, with people who are used to hard moments. For example:</p>"
        "<ul>{items}"
        "<li>Elsewhere, your emergency number, your doctor or a hospital can tell you who to "
        "call. The website findahelpline.com lists free lines in many countries.</li></ul>",
    ).format(items=items)


def emergency_html(number: EmergencyNumber) -> tuple[str, str]:
    """The number to call, large, and a line that goes with it."""
    if number.number is None:
        return (
            QCoreApplication.translate("HelpDialog", "Call your local emergency number"),
            QCoreApplication.translate(
                "HelpDialog",
                "If you or someone near you is in danger, call it now. "
                "112 works in many countries.",
            ),
        )
    big = QCoreApplication.translate("HelpDialog", "Call <b>{number}</b>").format(
        number=escape(number.number)
    )
    if not number.also:
        return big, QCoreApplication.translate(
            "HelpDialog", "If you or someone near you is in danger, call it now."
        )
    also = QCoreApplication.translate("Care", number.also)
    return big, QCoreApplication.translate(
        "HelpDialog", "If you or someone near you is in danger, call it now. {also}."
    ).format(also=escape(also[0].upper() + also[1:]))


def _label(text: str = "", name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("careCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.addWidget(_label(title, "careTitle"))
    return card, layout


class CrisisPage(QScrollArea):
    """What to do right now, the local emergency number, crisis lines and one trusted person.

    Signals:
        contact_saved(str): the trusted contact was kept (empty when it was cleared).
    """

    contact_saved = Signal(str)

    def __init__(
        self,
        number: EmergencyNumber,
        trusted_contact: str,
        save_contact: Callable[[str], None] | None,
    ) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(QCoreApplication.translate("HelpDialog", TAB_TITLES[0]))
        self._save_contact = save_contact
        self.contact = trusted_contact.strip()

        heading = _label(self.tr("<h2>If you are in crisis</h2>"))
        intro = _label(self.tr(CRISIS_INTRO))

        danger, danger_box = _card(self.tr("In danger right now"))
        big, detail = emergency_html(number)
        self.emergency = _label(big, "careBig")
        self.emergency.setAccessibleName(self.tr("Emergency number"))
        self.emergency_detail = _label(detail)
        danger_box.addWidget(self.emergency)
        danger_box.addWidget(self.emergency_detail)

        trusted, trusted_box = _card(self.tr("Someone I trust"))
        self.contact_shown = _label(name="careBig")
        self.contact_shown.setAccessibleName(self.tr("Someone I trust"))
        self.contact_note = _label()
        self.contact_field = QLineEdit()
        self.contact_field.setAccessibleName(self.tr("Someone I trust: name and how to reach them"))
        self.contact_field.setAccessibleDescription(
            self.tr("One line, for example a name and a phone number. Enter keeps it.")
        )
        self.contact_field.setPlaceholderText(self.tr("For example: Sam, my sister, 0151 234 5678"))
        self.contact_field.setMaxLength(200)
        self.contact_field.returnPressed.connect(self.keep_contact)
        self.keep_button = self._button(
            self.tr("&Keep"), self.tr("Keep this person on this computer")
        )
        self.keep_button.clicked.connect(self.keep_contact)
        self.change_button = self._button(
            self.tr("C&hange"), self.tr("Change or clear the person you trust")
        )
        self.change_button.clicked.connect(self.edit_contact)
        self.problem = _label(name="careProblem")
        self.problem.hide()
        row = QHBoxLayout()
        row.addWidget(self.contact_field, 1)
        row.addWidget(self.keep_button)
        trusted_box.addWidget(self.contact_shown)
        trusted_box.addWidget(self.contact_note)
        trusted_box.addLayout(row)
        trusted_box.addWidget(self.problem)
        trusted_box.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)

        right_now = _label(self.tr(RIGHT_NOW_HTML))
        right_now.setTextFormat(Qt.TextFormat.RichText)
        lines = _label(crisis_lines_html())
        lines.setTextFormat(Qt.TextFormat.RichText)
        warning = _label(self.tr(NUMBNESS_WARNING))

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)
        for widget in (heading, intro, danger, trusted, right_now, lines, warning):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(inner)
        self._show_contact()

    @staticmethod
    def _button(text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)  # Enter in the field keeps the person; it never closes
        return button

    def _show_contact(self, editing: bool = False) -> None:
        filled = bool(self.contact)
        can_save = self._save_contact is not None
        editing = can_save and (editing or not filled)
        self.contact_shown.setText(escape(self.contact))
        self.contact_shown.setVisible(filled and not editing)
        if filled and not editing:
            self.contact_note.setText(self.tr(CONTACT_REMINDER))
        else:
            self.contact_note.setText(
                self.tr(CONTACT_INVITATION) if can_save else self.tr(CONTACT_NO_SAVING)
            )
        self.contact_field.setVisible(editing)
        self.keep_button.setVisible(editing)
        self.change_button.setVisible(filled and can_save and not editing)

    def edit_contact(self) -> None:
        """Show the field, filled with the person kept so far."""
        self.contact_field.setText(self.contact)
        self._show_contact(editing=True)
        self.contact_field.setFocus()

    def keep_contact(self) -> None:
        """Keep what the field says (empty clears it) through the save callable."""
        if self._save_contact is None:
            return
        text = " ".join(self.contact_field.text().split())
        try:
            self._save_contact(text)
        except (OSError, InputError) as error:
            self.problem.setText(
                self.tr("This couldn't be kept just now ({error}). It is still here.").format(
                    error=error
                )
            )
            self.problem.show()
            return
        self.problem.hide()
        self.contact = text
        self._show_contact()
        if text:
            self.change_button.setFocus()
        self.contact_saved.emit(text)


class HelpDialog(QDialog):
    """Three sections: "If you are in crisis" (first), "About numbness", "Using Reconnect".

    Args:
        section: the one to open on: ``crisis``, ``numbness`` or ``using``.
        trusted_contact: the person kept in the settings (``care.trusted_contact``).
        save_contact: keeps a new or changed person; raises ``OSError`` or ``InputError``
            when it can't. Without it, the person is shown but can't be changed here.
        country: a two-letter country code for the emergency number; None asks the system's
            locale, and an empty text means unknown.
    """

    def __init__(
        self,
        section: str = "crisis",
        trusted_contact: str = "",
        save_contact: Callable[[str], None] | None = None,
        country: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Reconnect: help and crisis support"))
        self.resize(640, 640)
        self.number = emergency_number(system_country() if country is None else country)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Help sections"))
        self.crisis = CrisisPage(self.number, trusted_contact, save_contact)
        titles = [self.tr(title) for title in TAB_TITLES]
        self.numbness = self._page(titles[1], self.tr(NUMBNESS_HTML))
        self.using = self._page(titles[2], self.tr(USING_HTML))
        for title, page in zip(titles, (self.crisis, self.numbness, self.using), strict=True):
            self.tabs.addTab(page, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAutoDefault(False)  # Enter in the trusted-person field must not close
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.show_section(section)

    def _page(self, title: str, html: str) -> QTextBrowser:
        page = QTextBrowser()
        page.setOpenLinks(False)  # nothing here leaves the computer
        page.document().setDocumentMargin(16)  # as wide as the crisis section's
        # On the dialog's own background, like the crisis section.
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.viewport().setAutoFillBackground(False)
        page.setHtml(html)
        page.setAccessibleName(title)
        page.anchorClicked.connect(self._anchor)
        return page

    def _anchor(self, url: QUrl) -> None:
        if url.fragment() in SECTIONS:
            self.show_section(url.fragment())

    def show_section(self, section: str) -> None:
        """Bring ``section`` (``crisis``, ``numbness`` or ``using``) to the front.

        Raises:
            ValueError: not one of the three.
        """
        self.tabs.setCurrentIndex(SECTIONS.index(section))

    def section(self) -> str:
        return SECTIONS[self.tabs.currentIndex()]

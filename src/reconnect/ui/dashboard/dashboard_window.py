"""The dashboard's window: the sections over a chosen range, the range itself, and the menus.

Figures come from the read side (``services.dashboard``); a section is read when it is shown, and
again after the range or the history changes. Each section has its own module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.care import quiet_note_due
from reconnect.core.dashboard_range import RangeChoice, date_range
from reconnect.core.library import Library
from reconnect.core.spark_stats import PracticeCounts, Report
from reconnect.services.dashboard import DashboardReader, Figures, QuietNoteMarker
from reconnect.services.database_problems import DatabaseProblem
from reconnect.services.range_memory import RangeMemory
from reconnect.ui.dashboard.experiment_section import ExperimentSection, ExperimentsPort
from reconnect.ui.dashboard.helps_section import HelpsSection
from reconnect.ui.dashboard.history_page import HistoryPage
from reconnect.ui.dashboard.library_page import LibraryPage
from reconnect.ui.dashboard.overview_section import OverviewSection
from reconnect.ui.dashboard.section_parts import scrolling, wrapping
from reconnect.ui.dashboard.when_section import WhenSection

SectionT = TypeVar("SectionT", bound=QWidget)

# The figures last read for a range and a computer (None: all), and when (None: not known).
KeptFigures = dict[tuple[RangeChoice, str | None], tuple[Figures, datetime | None]]


@dataclass(frozen=True)
class DashboardActions:
    """What the dashboard asks of the rest of the app.

    Attributes:
        today: the local date now.
        export_history: opens the export dialog (parent window given).
        import_history: opens the import dialog; True when something was added.
        open_help: shows help and crisis support.
        make_history_page: builds the History section.
        make_library_page: builds the Library section.
        open_practice_form: the form for a practice of one's own (None: a new one).
        compute_report: works out the statistics of the counts and hands the report to the
            callback, now or later (the app uses a short-lived process: see stats_process).
        open_help_on: shows help on one section (``crisis``, ``numbness``, ``using``); without
            it, ``open_help`` is used.
        quiet_marker: remembers when the note about a quiet stretch was shown; without it,
            the note may come once in every dashboard window while the stretch lasts.
        now: the local time now, to say when figures were read; without it, not said.
        kept: the figures last read for each range and computer, with when they were read,
            shown while the history can't be read (a shared server away); the app keeps one
            for all its dashboard windows. Without it, each window keeps its own.
        range_memory: keeps the range chosen for the next opening; without it, every
            window opens on the last 3 months.
        make_report: File, "Make a report…": asks and saves a PDF of the dates given (the
            range shown); without it, the menu has no such item.
        experiments, library: the Compare section's service and the practices to choose
            from; without the service, that section says so and nothing offers comparing.
    """

    today: Callable[[], date]
    export_history: Callable[[QWidget], None]
    import_history: Callable[[QWidget], bool]
    open_help: Callable[[], None]
    make_history_page: Callable[[], HistoryPage]
    make_library_page: Callable[[], LibraryPage]
    compute_report: Callable[[Sequence[PracticeCounts], Callable[[Report], None]], None]
    open_help_on: Callable[[str], None] | None = None
    open_practice_form: Callable[[str | None], None] = lambda _practice_id: None
    quiet_marker: QuietNoteMarker | None = None
    now: Callable[[], datetime] | None = None
    kept: KeptFigures | None = None
    range_memory: RangeMemory | None = None
    make_report: Callable[[QWidget, date | None, date], None] | None = None
    experiments: ExperimentsPort | None = None
    library: Library | None = None


class DashboardWindow(QMainWindow):
    """The dashboard's window.

    Signals:
        start_requested(str): start this practice (trigger: dashboard).
    """

    start_requested = Signal(str)
    SECTIONS = ("Overview", "What helps", "Compare", "When", "History", "Library")  # not shown
    # Alt + the underlined letter opens a section (Alt+F is the File menu, Alt+H Help).
    TAB_LABELS = (
        QT_TRANSLATE_NOOP("DashboardWindow", "&Overview"),
        QT_TRANSLATE_NOOP("DashboardWindow", "What h&elps"),
        QT_TRANSLATE_NOOP("DashboardWindow", "Com&pare"),
        QT_TRANSLATE_NOOP("DashboardWindow", "&When"),
        QT_TRANSLATE_NOOP("DashboardWindow", "His&tory"),
        QT_TRANSLATE_NOOP("DashboardWindow", "&Library"),
    )

    def __init__(
        self,
        reader: DashboardReader,
        actions: DashboardActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Reconnect: dashboard"))
        self.resize(980, 720)
        self._reader = reader
        self._actions = actions
        self._figures: Figures | None = None
        self._report: Report | None = None
        self._asked = False  # the report of the current figures is being worked out
        self._fresh: set[int] = set()
        self._kept: KeptFigures = actions.kept if actions.kept is not None else {}
        # Shown figures read earlier, because the history can't be read now: why, and when.
        self._stale: tuple[DatabaseProblem, datetime | None] | None = None

        self.range = QComboBox()
        for choice in RangeChoice:
            self.range.addItem(choice.label, choice)
        memory = actions.range_memory
        kept_range = memory.recall() if memory is not None else None
        self.range.setCurrentIndex(list(RangeChoice).index(kept_range or RangeChoice.MONTHS_3))
        if memory is not None:
            self.range.currentIndexChanged.connect(lambda: memory.keep(self.choice))
        self.range.setAccessibleName(self.tr("Range of days shown"))
        range_label = QLabel(self.tr("&Showing:"))
        range_label.setBuddy(self.range)
        self.range.currentIndexChanged.connect(self.refresh)
        # Shown only when the history is shared by more than one computer.
        self.computer = QComboBox()
        self.computer.setAccessibleName(self.tr("Computer whose moments are shown"))
        self.computer_label = QLabel(self.tr("&Computer:"))
        self.computer_label.setBuddy(self.computer)
        self.computer.currentIndexChanged.connect(self.refresh)

        self.overview = OverviewSection(
            lambda: self.show_section("Library"), lambda: self.open_help_on("numbness")
        )
        self.helps = HelpsSection(self.start_requested.emit, actions.experiments is not None)
        self.helps.compare_requested.connect(self.compare)
        # These four are made when first shown: the dashboard opens faster, and the
        # When section loads Qt's chart module only if it is looked at.
        self.comparisons: ExperimentSection | None = None
        self.when: WhenSection | None = None
        self.history: HistoryPage | None = None
        self.library: LibraryPage | None = None
        self._hosts = [QWidget() for _ in range(4)]
        for host in self._hosts:
            QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(self.tr("Dashboard sections"))
        for title, page in zip(
            [self.tr(label) for label in self.TAB_LABELS],
            (
                scrolling(self.overview, self.tr("Overview")),
                self.helps,
                *self._hosts,
            ),
            strict=True,
        ):
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(self._show_section)

        top = QHBoxLayout()
        top.addWidget(range_label)
        top.addWidget(self.range)
        top.addSpacing(12)
        top.addWidget(self.computer_label)
        top.addWidget(self.computer)
        top.addStretch(1)
        # Shown when the history can't be read (a shared server out of reach, a disk error).
        self.unreadable = wrapping(name="problemNote")
        self.unreadable.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.unreadable)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._make_menus()
        self.refresh()

    def _make_menus(self) -> None:
        history = self.menuBar().addMenu(self.tr("&File"))
        export = QAction(self.tr("&Export history…"), self)
        export.triggered.connect(lambda: self._actions.export_history(self))
        history.addAction(export)
        imported = QAction(self.tr("&Import history…"), self)
        imported.triggered.connect(self._import)
        history.addAction(imported)
        if self._actions.make_report is not None:
            report = QAction(self.tr("Make a &report…"), self)
            report.triggered.connect(self._make_report)
            history.addAction(report)
        history.addSeparator()
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        history.addAction(close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        support = QAction(self.tr("&Help and crisis support"), self)
        support.setShortcut(QKeySequence.StandardKey.HelpContents)
        support.triggered.connect(lambda: self._actions.open_help())
        help_menu.addAction(support)

    def _make_report(self) -> None:
        assert self._actions.make_report is not None
        since, until = date_range(self.choice, self._actions.today())
        self._actions.make_report(self, since, until)

    def _import(self) -> None:
        if self._actions.import_history(self):
            self.refresh()

    @property
    def choice(self) -> RangeChoice:
        return RangeChoice(self.range.currentData())

    @property
    def chosen_computer(self) -> str | None:
        """The computer whose moments are shown; None for all of them."""
        data = self.computer.currentData()
        return str(data) if data else None

    def _list_computers(self) -> None:
        """Offer "All computers" and each name, when more than one computer recorded moments.

        When the history can't be read, the choice stays as it was: the section's own read
        says so calmly.
        """
        try:
            names = self._reader.computers()
        except DatabaseProblem:
            if not self.computer.count():  # never read: no empty choice on show
                self.computer.setVisible(False)
                self.computer_label.setVisible(False)
            return
        chosen = self.chosen_computer
        self.computer.blockSignals(True)
        self.computer.clear()
        self.computer.addItem(self.tr("All computers"), None)
        for name in names:
            self.computer.addItem(name, name)
        self.computer.setCurrentIndex(max(0, self.computer.findData(chosen)) if chosen else 0)
        self.computer.blockSignals(False)
        shown = len(names) > 1
        self.computer.setVisible(shown)
        self.computer_label.setVisible(shown)

    def refresh(self) -> None:
        """Forget what was read and read the section on show again."""
        self._list_computers()
        self._forget()
        self._fresh.clear()
        self._show_section(self.tabs.currentIndex())

    def _history_changed(self) -> None:
        """An edit, delete or undo: the figures change; the History section already shows it."""
        self._forget()
        self._fresh.intersection_update({self.SECTIONS.index("History")})
        self._show_section(self.tabs.currentIndex())

    def _forget(self) -> None:
        self._figures = None
        self._report = None
        self._asked = False  # an answer still on its way belongs to the old figures
        self._stale = None

    def figures(self) -> Figures:
        """The figures of the chosen range and computer, read now; when the history can't be
        read, the ones last read for them (``_stale`` then says why and when).

        Raises:
            DatabaseProblem: the history can't be read and nothing was read for them before.
        """
        if self._figures is None:
            key = (self.choice, self.chosen_computer)
            try:
                figures = self._reader.figures(
                    self.choice, self._actions.today(), self.chosen_computer
                )
            except DatabaseProblem as error:
                if key not in self._kept:
                    raise
                figures, read_at = self._kept[key]
                self._stale = (error, read_at)
            else:
                now = self._actions.now
                self._kept[key] = (figures, now() if now is not None else None)
                self._stale = None
            self._figures = figures
        return self._figures

    def report(self) -> Report | None:
        """The statistics of the current figures, once worked out; asks for them if needed."""
        if self._report is None and not self._asked:
            try:
                figures = self.figures()
            except DatabaseProblem as error:  # asked a moment after the history went away
                self._tell_unreadable(error)
                return None
            self._asked = True
            self._actions.compute_report(
                figures.counts, lambda report: self._got_report(figures, report)
            )
        return self._report

    def _got_report(self, figures: Figures, report: Report) -> None:
        if figures is not self._figures:
            return  # the range or the history changed meanwhile
        self._report = report
        if 0 in self._fresh:
            self.overview.show_report(figures, report)
        if 1 in self._fresh:
            self.helps.show_report(figures, report)

    def _show_section(self, index: int) -> None:
        if self._stale is not None:
            # Figures read earlier are on show: every choice tries the history once more.
            self._forget()
            self._fresh.clear()
        if index in self._fresh:
            return
        self._fresh.add(index)
        try:
            self._read_section(index)
        except DatabaseProblem as error:
            self._fresh.discard(index)  # read again when shown again
            self._tell_unreadable(error)
            return
        if self._stale is not None:
            self._tell_stale(*self._stale)
        else:
            self.unreadable.hide()
        page = self.tabs.widget(index)
        if index == self.tabs.currentIndex() and page is not None:
            page.show()  # hidden while the history could not be read

    def _tell_unreadable(self, error: DatabaseProblem) -> None:
        """Say calmly that the history can't be read; the next choice reads it again."""
        self._forget()
        self._fresh.clear()
        self.unreadable.setText(
            self.tr(
                "{problem} The figures come back when it can be read again (choose a section "
                "or a range to try once more)."
            ).format(problem=error)
        )
        self.unreadable.show()
        # Not "nothing yet", nor figures read before: only the note, until it can be read.
        page = self.tabs.currentWidget()
        if page is not None:
            page.hide()

    def _tell_stale(self, error: DatabaseProblem, read_at: datetime | None) -> None:
        """Say calmly that the figures shown were read earlier, and why they are not new."""
        if read_at is None:
            when = self.tr("earlier")
        else:
            locale = QLocale()
            time = locale.toString(
                QTime(read_at.hour, read_at.minute), QLocale.FormatType.ShortFormat
            )
            if read_at.date() == self._actions.today():
                when = self.tr("at {time} today").format(time=time)
            else:
                day = locale.toString(
                    QDate(read_at.year, read_at.month, read_at.day), QLocale.FormatType.LongFormat
                )
                when = self.tr("on {day} at {time}").format(day=day, time=time)
        self.unreadable.setText(
            self.tr(
                "{problem} Shown here is what was read {when}; it comes up to date when your "
                "history can be read again (choose a section or a range to try once more)."
            ).format(problem=error, when=when)
        )
        self.unreadable.show()

    def _read_section(self, index: int) -> None:
        if index == 0:
            label = self.choice.label
            heading = (
                self.tr("Over everything so far")
                if self.choice is RangeChoice.ALL
                else self.tr("Over the {range}").format(range=f"{label[0].lower()}{label[1:]}")
            )
            self.overview.show_figures(self.figures(), heading)
            self._consider_quiet_note(self.figures())
            self._after_first_paint(0)
        elif index == 1:
            self.helps.show_figures(self.figures())
            self._after_first_paint(1)
        elif index == 2:
            if self.comparisons is None:
                section = ExperimentSection(self._actions.experiments, self._actions.library or ())
                self.comparisons = self._place(2, section)
                self.comparisons.changed.connect(self._comparisons_changed)
            self.comparisons.reload()
            self._fresh.discard(2)  # read at each showing: every offered break moves it on
        elif index == 3:
            if self.when is None:
                self.when = self._place(3, WhenSection())
            self.when.show_patterns(
                self._reader, self.choice, self.figures(), self._actions.today()
            )
        elif index == 4:
            if self.history is None:
                self.history = self._place(4, self._actions.make_history_page())
                self.history.changed.connect(self._history_changed)
            figures = self.figures()
            self.history.set_range(figures.since, figures.until, figures.computer)
        elif index == 5:
            if self.library is None:
                self.library = self._place(5, self._actions.make_library_page())
                self.library.start_requested.connect(self.start_requested.emit)
                self.library.compare_requested.connect(self.compare)
                self.library.add_requested.connect(lambda: self._actions.open_practice_form(None))
                self.library.change_requested.connect(self._actions.open_practice_form)
            self.library.reload()
            self.library.refresh_suggestion()

    def _place(self, index: int, section: SectionT) -> SectionT:
        layout = self._hosts[index - 2].layout()
        assert layout is not None
        layout.addWidget(section)
        section.show()
        return section

    def _after_first_paint(self, index: int) -> None:
        """Show what is known now; the statistics follow once the window has been drawn."""
        report = self._report
        if report is not None:
            figures = self.figures()
            if index == 0:
                self.overview.show_report(figures, report)
            else:
                self.helps.show_report(figures, report)
            return
        # With the window as context: closed (and deleted) meanwhile, it is not asked at all.
        QTimer.singleShot(0, self, self.report)

    def show_section(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.SECTIONS.index(name))

    def compare(self, first: str | None = None) -> None:
        """The Compare section, with the dialog to start comparing ``first`` with another."""
        self.show_section("Compare")
        if self.comparisons is not None:  # None: the history can't be read just now
            self.comparisons.open_dialog(first or None)

    def _comparisons_changed(self) -> None:  # started or stopped: what the next break offers
        self._fresh.difference_update({2, 5})
        self._show_section(self.tabs.currentIndex())

    def open_help_on(self, section: str) -> None:
        """Help on ``section`` (``crisis``, ``numbness`` or ``using``)."""
        if self._actions.open_help_on is not None:
            self._actions.open_help_on(section)
        else:
            self._actions.open_help()

    def _consider_quiet_note(self, figures: Figures) -> None:
        """Say the note about a long quiet stretch once (``care.quiet_note_due``).

        Once shown, the marker keeps it away for 90 days; in this window it stays until
        "Thank you", or until the stretch is no longer quiet.
        """
        card = self.overview.quiet
        if card.said:
            card.setVisible(figures.long_quiet and not card.dismissed)
            return
        marker = self._actions.quiet_marker
        today = self._actions.today()
        last = marker.last_told() if marker is not None else None
        if quiet_note_due(figures.long_quiet, last, today):
            card.said = True
            card.show()
            if marker is not None:
                marker.told(today)

"""The guided practice: one calm window that walks through the steps, with the breath pacer,
pictures for stretches, the person's own music, and room to write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect.core.clock import Clock
from reconnect.core.practice_run import Finished, PracticeRun, RunState, StepStarted
from reconnect.core.practices import Practice, StepKind
from reconnect.services.desktop_ports import SoundPlayer
from reconnect.ui.practice.pacer_widget import PacerWidget
from reconnect.ui.theme import illustration, scheme_of

TICK_MS = 200  # only while the window is open; the tray app never ticks like this


@dataclass(frozen=True)
class PlayerResult:
    """How the practice ended.

    Attributes:
        completed: every step ran (or was stepped through) to the end.
        wants_checkin: finished, or stopped after at least 20 seconds of practice.
        journal: what the person wrote in the journaling steps.
        switch_to: a practice to do instead ("I can't right now"), if asked for.
    """

    completed: bool
    wants_checkin: bool
    journal: str
    switch_to: str | None = None


def _clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class PlayerWindow(QWidget):
    """Walks through one practice. Space pauses or resumes, Right goes on, Esc stops, F1 helps.

    Signals:
        ended(object): a ``PlayerResult``, once, when the practice ends in any way.
    """

    ended = Signal(object)

    def __init__(
        self,
        practice: Practice,
        clock: Clock,
        sound: SoundPlayer,
        illustrations: Path,
        reduced_motion: bool,
        music_source: Callable[[], Path | None],
        choose_music: Callable[[], Path | None],
        alternative_title: str | None = None,
        tick: QTimer | None = None,
        parent: QWidget | None = None,
        open_help: Callable[[], None] | None = None,
    ) -> None:
        """Build the window and start the first step.

        Args:
            open_help: opens help and crisis support; without it there is no Help button.
        """
        super().__init__(parent)
        self.practice = practice
        self.setObjectName("playerWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Reconnect: {title}").format(title=practice.title))
        self.setAccessibleName(self.tr("Practice: {title}").format(title=practice.title))
        self.resize(760, 540)
        self._clock = clock
        self._sound = sound
        self._illustrations = illustrations
        self._music_source = music_source
        self._choose_music = choose_music
        self._journal: dict[int, str] = {}
        self._ended = False
        self._switch_to: str | None = None
        self._last_step = -1

        self.title = QLabel(practice.title)
        self.title.setObjectName("playerTitle")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress through the practice"))
        self.step_count = QLabel()
        self.step_count.setObjectName("playerMeta")

        self.step_text = QLabel()
        self.step_text.setObjectName("stepText")
        self.step_text.setWordWrap(True)
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.step_text.setAccessibleName(self.tr("Current step"))
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName(self.tr("Time left in this step"))
        self.next_label = QLabel()
        self.next_label.setObjectName("playerMeta")
        self.next_label.setWordWrap(True)
        self.sound_note = QLabel()  # says when no sound comes out; hidden until then
        self.sound_note.setObjectName("playerMeta")
        self.sound_note.setWordWrap(True)
        self.sound_note.setAccessibleName(self.tr("Sound"))
        self.sound_note.hide()

        # The side panel changes with the kind of step.
        self.side = QStackedWidget()
        self.blank = QWidget()
        self.pacer = PacerWidget()
        self.pacer.set_reduced_motion(reduced_motion)
        self.pacer.phase_changed.connect(self._phase_changed)
        self.picture = QSvgWidget()
        self.picture.setAccessibleName(self.tr("Picture of the movement"))
        self.picture.setMinimumSize(220, 220)
        self.music_panel, self.music_label, self.music_button = self._music_panel()
        self.away_panel, self.cant_button = self._away_panel(alternative_title)
        self.journal = QPlainTextEdit()
        self.journal.setAccessibleName(self.tr("Your words"))
        self.journal.setPlaceholderText(self.tr("Write whatever comes. Nobody else will read it."))
        self.journal.textChanged.connect(self._keep_journal)
        for panel in (self.blank, self.pacer, self.picture, self.music_panel, self.away_panel,
                      self.journal):  # fmt: skip
            self.side.addWidget(panel)

        self.pause_button = self._button(
            self.tr("Pause (Space)"), self.tr("Pause or resume the practice")
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.next_button = self._button(
            self.tr("Next step (→)"), self.tr("Go on to the next step now")
        )
        self.next_button.clicked.connect(self.next_step)
        self.stop_button = self._button(self.tr("Stop (Esc)"), self.tr("End the practice here"))
        self.stop_button.clicked.connect(self.stop)
        self.help_button = self._button(
            self.tr("Help (F1)"), self.tr("Help and crisis support; pauses here")
        )
        self.help_button.clicked.connect(lambda: self.open_help())
        self._open_help: Callable[[], None] | None = None

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.step_count)
        body = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(self.step_text, 1)
        words.addWidget(self.countdown)
        body.addLayout(words, 3)
        body.addWidget(self.side, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.help_button)
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addLayout(header)
        layout.addWidget(self.progress)
        layout.addSpacing(12)
        layout.addLayout(body, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.sound_note)
        layout.addLayout(buttons)

        for key, slot in ((Qt.Key.Key_Space, self.toggle_pause), (Qt.Key.Key_Right, self.next_step),
                          (Qt.Key.Key_Escape, self.stop)):  # fmt: skip
            # Connected after, not as activated=: PySide keeps a connection made in the
            # constructor for the rest of the run, one per shortcut of every player.
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        QShortcut(QKeySequence.StandardKey.HelpContents, self, lambda: self.open_help())
        self.set_open_help(open_help)

        self.run = PracticeRun(practice, clock)
        self.tick_timer = tick or QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.on_tick)
        self._enter_step(0, first=True)
        self._show()
        self.tick_timer.start()

    # --- building ------------------------------------------------------------------------

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.split(" (")[0])
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    def _music_panel(self) -> tuple[QWidget, QLabel, QPushButton]:
        panel = QWidget()
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Music"))
        button = self._button(
            self.tr("Choose music…"), self.tr("Choose a track or a folder that moves you")
        )
        button.clicked.connect(self._pick_music)
        box = QVBoxLayout(panel)
        box.addStretch(1)
        box.addWidget(label)
        box.addWidget(button)
        box.addStretch(1)
        return panel, label, button

    def _away_panel(self, alternative_title: str | None) -> tuple[QWidget, QPushButton]:
        panel = QWidget()
        note = QLabel(
            self.tr("The timer keeps running while you are away. Come back whenever you like.")
        )
        note.setWordWrap(True)
        if alternative_title:
            description = self.tr("Do {title} instead, here").format(title=alternative_title)
            instead_text = self.tr("That's fine: {title} can be done right here instead.").format(
                title=alternative_title
            )
        else:
            description = self.tr("End it gently")
            instead_text = self.tr("That's fine: you can end here, gently.")
        button = self._button(self.tr("I can't right now"), description)
        button.clicked.connect(self._cant)
        instead = QLabel(instead_text)
        instead.setObjectName("playerMeta")
        instead.setWordWrap(True)
        box = QVBoxLayout(panel)
        box.addStretch(1)
        box.addWidget(note)
        box.addSpacing(8)
        box.addWidget(button)
        box.addWidget(instead)
        box.addStretch(1)
        return panel, button

    # --- running -------------------------------------------------------------------------

    def on_tick(self) -> None:
        for event in self.run.tick():
            self._handle(event)
        self._show_sound_notice()
        self._show()

    def _show_sound_notice(self) -> None:
        notice = self._sound.take_notice()  # at most once for each thing that went wrong
        if notice is None:
            return
        if self.side.currentWidget() is self.music_panel and not self._sound.music_playing():
            self.music_label.setText(notice)
            self.music_button.setText(self.tr("Choose another…"))
        else:
            self.sound_note.setText(notice)
            self.sound_note.show()

    def _handle(self, event: object) -> None:
        if isinstance(event, StepStarted):
            self._enter_step(event.index)
        elif isinstance(event, Finished):
            self._sound.play_chime("end")
            self._end(completed=True)

    def _enter_step(self, index: int, first: bool = False) -> None:
        if index == self._last_step:
            return
        self._last_step = index
        step = self.practice.steps[index]
        if self._sound.music_playing() and step.kind is not StepKind.MUSIC:
            self._sound.stop_music()
        if step.chime or first:
            self._sound.play_chime("start" if first else "step")
        self.pacer.set_pattern(step.breath)
        if step.kind is StepKind.BREATH and step.breath is not None:
            self.side.setCurrentWidget(self.pacer)
        elif step.illustration:
            path = self._illustrations / f"{step.illustration}.svg"
            self.picture.load(illustration(path, scheme_of(self.palette())))
            self.picture.setAccessibleDescription(step.text)
            self.side.setCurrentWidget(self.picture)
        elif step.kind is StepKind.MUSIC:
            self.side.setCurrentWidget(self.music_panel)
            self._start_music(self._music_source())
        elif step.kind is StepKind.AWAY:
            self.side.setCurrentWidget(self.away_panel)
        elif step.kind is StepKind.JOURNAL:
            self.journal.blockSignals(True)
            self.journal.setPlainText(self._journal.get(index, ""))
            self.journal.blockSignals(False)
            self.side.setCurrentWidget(self.journal)
            self.journal.setFocus()
        else:
            self.side.setCurrentWidget(self.blank)

    def _show(self) -> None:
        view = self.run.view()
        step = view.step
        self.step_text.setText(step.text)
        self.step_count.setText(
            self.tr("Step {number} of {count}").format(
                number=view.step_index + 1, count=view.step_count
            )
        )
        self.countdown.setText(_clock_text(view.step_remaining))
        self.progress.setValue(round(view.total_fraction * 1000))
        self.next_label.setText(
            self.tr("Next: {step}").format(step=view.next_step.text)
            if view.next_step
            else self.tr("Last step")
        )
        paused = view.state is RunState.PAUSED
        self.pause_button.setText(self.tr("Resume (Space)") if paused else self.tr("Pause (Space)"))
        self.pause_button.setAccessibleName(self.tr("Resume") if paused else self.tr("Pause"))
        if paused:
            self.countdown.setText(
                self.tr("{time}  (paused)").format(time=_clock_text(view.step_remaining))
            )
        if self.side.currentWidget() is self.pacer:
            self.pacer.show_at(step.seconds * view.step_fraction)

    def _phase_changed(self, phase: str) -> None:
        if phase == "in":
            self._sound.play_chime("breath-in")
        elif phase == "out":
            self._sound.play_chime("breath-out")

    # --- music ---------------------------------------------------------------------------

    def _start_music(self, source: Path | None) -> None:
        if source is None:
            self.music_label.setText(
                self.tr(
                    "Choose a piece of music that has moved you before, one that once gave you "
                    "chills. Or simply listen to what is around you."
                )
            )
            self.music_button.setText(self.tr("Choose music…"))
            return
        result = self._sound.play_music(source)
        if result.ok:
            self.music_label.setText(
                self.tr(
                    "{message}.\nNotice where the music lands in your body, if anywhere."
                ).format(message=result.message)
            )
            self.music_button.setText(self.tr("Choose other music…"))
        else:
            self.music_label.setText(result.message)
            self.music_button.setText(self.tr("Choose another…"))

    def _pick_music(self) -> None:
        chosen = self._choose_music()
        if chosen is not None:
            self._sound.stop_music()
            self._start_music(chosen)

    # --- the person's controls -----------------------------------------------------------

    def toggle_pause(self) -> None:
        if self._ended:
            return
        self.run.toggle_pause()
        self._show()

    def next_step(self) -> None:
        if self._ended:
            return
        for event in self.run.next_step():
            self._handle(event)
        if not self._ended:
            self._show()

    def stop(self) -> None:
        if self._ended:
            return
        self.run.stop()
        self._end(completed=self.run.state is RunState.FINISHED)

    def set_open_help(self, open_help: Callable[[], None] | None) -> None:
        """Offer help (the button and F1) through ``open_help``; None takes the offer away."""
        self._open_help = open_help
        self.help_button.setVisible(open_help is not None)

    def open_help(self) -> None:
        """Pause, so nothing moves on or chimes while help is read, then open it."""
        if self._open_help is None:
            return
        if not self._ended and self.run.state is RunState.RUNNING:
            self.toggle_pause()
        self._open_help()

    def _cant(self) -> None:
        self._switch_to = self.practice.alternative
        self.stop()

    def _keep_journal(self) -> None:
        self._journal[self._last_step] = self.journal.toPlainText()

    def journal_text(self) -> str:
        return "\n\n".join(t.strip() for _, t in sorted(self._journal.items()) if t.strip())

    def _end(self, completed: bool) -> None:
        if self._ended:
            return
        self._ended = True
        self.tick_timer.stop()
        self._sound.end_practice(completed)
        self._show()
        result = PlayerResult(
            completed=completed,
            wants_checkin=self.run.wants_checkin() and self._switch_to is None,
            journal=self.journal_text(),
            switch_to=self._switch_to,
        )
        self.hide()
        self.ended.emit(result)
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Closing the window is a Stop: the session is recorded as such, never lost.
        self.stop()
        event.accept()

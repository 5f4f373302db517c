"""From "start" to a saved check-in: opens the player, records how it ended, asks what stirred."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reconnect.core.clock import Clock
from reconnect.core.library import Library
from reconnect.core.sessions import Outcome, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.services.database_problems import DatabaseProblem, as_problem
from reconnect.services.desktop_ports import SoundPlayer
from reconnect.ui.practice.player_window import PlayerResult, PlayerWindow

log = logging.getLogger(__name__)


class PracticeFlow(QObject):
    """Runs one practice at a time for the tray app.

    Args:
        make_checkin: builds the check-in dialog for a practice title, a save callback and a
            pre-filled note; the flow shows it.
        start_instead: starts another practice (the "I can't right now" alternative).

    Signals:
        done: the practice and its check-in (or "Not now") are over.
        player_opened(object): the player window, for tests and screenshots.
        checkin_opened(object): the check-in dialog.
    """

    done = Signal()
    player_opened = Signal(object)
    checkin_opened = Signal(object)

    def __init__(
        self,
        *,
        clock: Clock,
        library: Library,
        records: BreakRecords,
        sound: SoundPlayer,
        illustrations: Path,
        reduced_motion: Callable[[], bool],
        music_source: Callable[[], Path | None],
        choose_music: Callable[[], Path | None],
        make_checkin: Callable[..., Any],
        start_instead: Callable[[str, Trigger], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._library = library
        self._records = records
        self._sound = sound
        self._illustrations = illustrations
        self._reduced_motion = reduced_motion
        self._music_source = music_source
        self._choose_music = choose_music
        self._make_checkin = make_checkin
        self._start_instead = start_instead
        self.player: PlayerWindow | None = None
        self.checkin: Any = None

    def open(self, session_id: str, practice_id: str, trigger: Trigger) -> None:
        practice = self._library.get(practice_id)
        if practice is None:  # the library changed under us: close the session honestly
            self._finish(session_id, Outcome.INTERRUPTED)
            self.done.emit()
            return
        alternative = self._library.get(practice.alternative) if practice.alternative else None
        player = PlayerWindow(
            practice,
            self._clock,
            self._sound,
            self._illustrations,
            self._reduced_motion(),
            self._music_source,
            self._choose_music,
            alternative_title=alternative.title if alternative else None,
        )
        player.ended.connect(
            lambda result: self._ended(session_id, practice.title, trigger, result)
        )
        self.player = player
        player.show()
        player.raise_()
        player.activateWindow()
        self.player_opened.emit(player)

    def _ended(self, session_id: str, title: str, trigger: Trigger, result: PlayerResult) -> None:
        self.player = None
        outcome = Outcome.COMPLETED if result.completed else Outcome.STOPPED_EARLY
        self._finish(session_id, outcome)
        if result.switch_to is not None:
            self.done.emit()
            self._start_instead(result.switch_to, trigger)
            return
        if not result.wants_checkin:
            self.done.emit()
            return

        def save(answer: Any) -> None:
            try:
                with as_problem():
                    self._records.save_checkin(
                        session_id,
                        self._clock.now(),
                        answer.level,
                        answer.body_areas,
                        answer.feelings,
                        answer.note,
                    )
            except DatabaseProblem as problem:
                # The dialog shows what to do and keeps the answer for another try. Only the
                # plain words are logged: the error's statement could carry the answer.
                log.warning("a check-in could not be saved: %s", problem)
                raise

        dialog = self._make_checkin(title, save, result.journal)
        dialog.finished.connect(lambda _code: self._checkin_closed())
        self.checkin = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.checkin_opened.emit(dialog)

    def _finish(self, session_id: str, outcome: Outcome) -> None:
        try:
            with as_problem():
                self._records.finish(session_id, self._clock.now(), outcome)
        except DatabaseProblem as problem:
            # Left open, the session shows as interrupted after the next start; the check-in
            # still comes, and says what is wrong if writing fails again.
            log.warning("the end of a session could not be written: %s", problem)

    def close(self) -> None:
        """Stop any music and chime: the app is quitting."""
        close = getattr(self._sound, "close", None)
        if close is not None:
            close()

    def _checkin_closed(self) -> None:
        self.checkin = None
        self.done.emit()

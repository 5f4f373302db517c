"""Soft chimes, breath tones and the person's own music, played through playsound3.

playsound3 probes the system for players when it is imported, so it is imported only when a
sound first plays, and never on the GUI thread for a chime. Where nothing can play, practices
run silently and ``reconnect doctor`` says what to install (:func:`sound_support`). Every
player process is looked after until it has ended (:mod:`reconnect.desktop.sound_processes`).
"""

from __future__ import annotations

import logging
import queue
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The core's hook rather than QCoreApplication: this module also serves ``reconnect doctor``,
# which should not load Qt; the tray app installs Qt's translate into it at start.
from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.desktop.sound_processes import Ending, Playing, SoundProcesses
from reconnect.services.desktop_ports import MusicResult

log = logging.getLogger(__name__)

CHIMES = frozenset({"start", "step", "end"})
BREATH_TONES = frozenset({"breath-in", "breath-out"})
AUDIO_SUFFIXES = (".mp3", ".ogg", ".oga", ".flac", ".wav", ".m4a", ".opus")
# The bundled chimes last 2 s at most; a chime's player still running well after is stuck.
CHIME_LIMIT_S = 6.0

NO_PLAYER_HINT = (
    "no sound player found: install one of gst-play-1.0, ffplay, or aplay with mpg123 (for "
    "example the Debian packages gstreamer1.0-plugins-base-apps and gstreamer1.0-plugins-good, "
    "or ffmpeg, or alsa-utils and mpg123); practices run silently meanwhile"
)
_CARRY_ON = QT_TRANSLATE_NOOP("Music", "Choose another, or carry on without music.")


class PlayError(Exception):
    """The backend could not start this file."""


@dataclass(frozen=True)
class Backend:
    """A way to play a file without blocking.

    Attributes:
        name: the player in use (a playsound3 backend name), or None where there is none.
        play: starts a file and returns at once; raises :class:`PlayError` when it can't.
    """

    name: str | None
    play: Callable[[Path], Playing]


def _no_player(path: Path) -> Playing:
    raise PlayError(NO_PLAYER_HINT)


SILENT = Backend(None, _no_player)


class _PlaysoundChild:
    """A playsound3 sound as a :class:`Playing`: its process can also be killed and asked how
    it ended (playsound3 itself only terminates and polls)."""

    def __init__(self, sound: Any) -> None:
        self._sound = sound
        self._process = sound.subprocess

    @property
    def pid(self) -> int | None:
        pid = getattr(self._process, "pid", None)
        return pid if isinstance(pid, int) else None

    def stop(self) -> None:
        try:
            self._sound.stop()
        except OSError as error:  # already gone
            log.debug("stopping a sound: %s", error)

    def kill(self) -> None:
        kill = getattr(self._process, "kill", None)  # the Windows players have no kill
        try:
            (kill or self._process.terminate)()
        except OSError as error:
            log.debug("killing a sound player: %s", error)

    def is_alive(self) -> bool:
        return bool(self._process.poll() is None)

    def exit_code(self) -> int | None:
        code = self._process.poll()
        return code if isinstance(code, int) else None


class _DropNoBackendWarning(logging.Filter):
    """playsound3 warns at import when it finds no player; we say so ourselves, once, at INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "No supported audio backends" not in record.getMessage()


def load_playsound3(backend: str | None = None) -> Backend:
    """Import playsound3 (which probes for players now) and wrap its non-blocking play.

    Args:
        backend: a playsound3 backend name to use instead of its own choice (for tests).

    Returns:
        The backend, or :data:`SILENT` where no player is installed or the probe failed.
    """
    noise = logging.getLogger("playsound3.playsound3")
    quiet = _DropNoBackendWarning()
    noise.addFilter(quiet)
    try:
        import playsound3
    except Exception as error:  # the probe runs programs; any of them may fail oddly
        log.info("sound is off: looking for a sound player failed (%s)", error)
        return SILENT
    finally:
        noise.removeFilter(quiet)
    name = backend or playsound3.DEFAULT_BACKEND
    if name is None or (backend is not None and backend not in playsound3.AVAILABLE_BACKENDS):
        return SILENT
    module: Any = playsound3

    def play(path: Path) -> Playing:
        try:
            sound = module.playsound(path, block=False, backend=name)
        except (module.PlaysoundException, OSError) as error:
            raise PlayError(str(error)) from error
        return _PlaysoundChild(sound)

    return Backend(str(name), play)


def sound_support(load: Callable[[], Backend] = load_playsound3) -> tuple[bool, str]:
    """For ``reconnect doctor``: whether sounds can play here, and with what or what to install.

    Returns:
        ``(True, backend name)`` or ``(False, what to install)``.
    """
    backend = load()
    if backend.name is None:
        return False, NO_PLAYER_HINT
    return True, backend.name


def music_files(path: Path) -> list[Path]:
    """The audio files at ``path``: the file itself, or a folder's audio files, sorted.

    Only the folder itself is looked at, not its subfolders. A file is taken whatever its name;
    a folder's files count when their suffix is one of :data:`AUDIO_SUFFIXES` (any case).
    """
    if path.is_dir():
        return sorted(
            child
            for child in path.iterdir()
            if child.suffix.lower() in AUDIO_SUFFIXES and child.is_file()
        )
    return [path] if path.is_file() else []


class _Worker:
    """Runs small jobs one after another on a daemon thread, so the GUI never waits for them."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def __call__(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sound", daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def idle(self) -> bool:
        return self._jobs.unfinished_tasks == 0

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception:  # a bug here must not end the thread and every later sound
                log.exception("a sound job failed")
            finally:
                self._jobs.task_done()


class Playsound3Player:
    """The real :class:`SoundPlayer`: bundled chimes and the person's music through playsound3.

    Chimes start on a background thread: the first one imports playsound3, whose probe runs a
    few programs. Music starts on the caller's thread because the caller wants to know at once
    whether it started; it waits for that probe only if no sound has played before.

    Where there is no player, or a chime fails to play, this is logged once at INFO and chimes
    and tones stay silent from then on; a piece of music that fails gets a :class:`MusicResult`
    saying so. A player that starts but ends at once in failure (no sound output) silences the
    chimes too, and leaves one notice for the person (:meth:`take_notice`). Nothing raises.

    Every player process is looked after until it has ended: stopped with its practice, killed
    if it will not stop, reaped, and stopped at the latest when the app quits or Python exits.

    Args:
        sounds_dir: the folder with ``start.wav`` and the others (``paths.sounds_dir()``).
        chimes_enabled: asked before each start, step and end chime (the ``sound.chimes`` setting).
        tones_enabled: asked before each breath tone (the ``sound.breath_tones`` setting).
        load_backend: finds the player; tests give a fake.
        background: runs a job off the GUI thread; tests may run it at once.
        rng: picks the track from a folder.
        processes: looks after the player processes; tests may give one that kills sooner.
    """

    def __init__(
        self,
        sounds_dir: Path,
        chimes_enabled: Callable[[], bool],
        tones_enabled: Callable[[], bool],
        *,
        load_backend: Callable[[], Backend] = load_playsound3,
        background: Callable[[Callable[[], None]], None] | None = None,
        rng: random.Random | None = None,
        processes: SoundProcesses | None = None,
    ) -> None:
        self._sounds_dir = sounds_dir
        self._chimes_enabled = chimes_enabled
        self._tones_enabled = tones_enabled
        self._load_backend = load_backend
        self._worker: _Worker | None = None
        if background is None:
            background = self._worker = _Worker()
        self._background = background
        self._rng = rng or random.Random()
        self._processes = processes or SoundProcesses()
        self._load_lock = threading.Lock()  # held while playsound3 probes for players
        self._backend: Backend | None = None
        self._lock = threading.Lock()  # guards everything below; taken before the processes'
        self._chimes_silenced = False
        self._chimes: list[Playing] = []
        self._music: Playing | None = None
        # Chimes asked for before the practice was stopped are not started after it.
        self._generation = 0
        self._notice: str | None = None

    def play_chime(self, name: str) -> None:
        if name in CHIMES:
            wanted = self._chimes_enabled()
        elif name in BREATH_TONES:
            wanted = self._tones_enabled()
        else:
            log.warning("no such chime: %r", name)
            return
        if wanted:
            generation = self._generation
            self._background(lambda: self._play_chime_now(name, generation))

    def play_music(self, path: Path) -> MusicResult:
        """Start a track, or for a folder one of its audio files picked at random.

        A file that starts but then fails (a broken file the player gives up on) only shows as
        :meth:`music_playing` turning False soon after.
        """
        self.stop_music()
        try:
            files = music_files(path)
        except OSError as error:
            return MusicResult(
                False,
                translate("Music", "Can't open {name} ({reason}). {carry_on}").format(
                    name=path.name, reason=error.strerror, carry_on=translate("Music", _CARRY_ON)
                ),
            )
        if not files:
            if path.is_dir():
                kinds = ", ".join(suffix.lstrip(".") for suffix in AUDIO_SUFFIXES)
                return MusicResult(
                    False,
                    translate("Music", "No music in {name} ({kinds}). {carry_on}").format(
                        name=path.name, kinds=kinds, carry_on=translate("Music", _CARRY_ON)
                    ),
                )
            return MusicResult(
                False,
                translate("Music", "Can't find {name}. {carry_on}").format(
                    name=path.name, carry_on=translate("Music", _CARRY_ON)
                ),
            )
        track = files[0] if len(files) == 1 else self._rng.choice(files)
        backend = self._ensure_backend()
        if backend.name is None:
            return MusicResult(
                False,
                translate(
                    "Music",
                    "Music can't play: this computer has no sound player that Reconnect can use "
                    "(reconnect doctor says what to install). Carry on without music.",
                ),
            )
        try:
            music = backend.play(track)
        except PlayError as error:
            log.info("could not play %s: %s", track, error)
            return MusicResult(
                False,
                translate("Music", "This file can't be played: {name}. {carry_on}").format(
                    name=track.name, carry_on=translate("Music", _CARRY_ON)
                ),
            )
        with self._lock:
            self._music = music
            self._processes.track(
                music, on_end=lambda ending: self._music_ended(music, track, ending)
            )
        return MusicResult(
            True, translate("Music", "Playing {name}").format(name=track.stem), track
        )

    def stop_music(self) -> None:
        with self._lock:
            music, self._music = self._music, None
            if music is not None:
                self._processes.stop(music)

    def music_playing(self) -> bool:
        with self._lock:
            return self._music is not None and self._music.is_alive()

    def end_practice(self, completed: bool) -> None:
        """Stop the music; unless the practice finished, stop its chimes too, and any not yet
        started. A finished practice's end chime rings out (:data:`CHIME_LIMIT_S` at most)."""
        self.stop_music()
        if completed:
            return
        with self._lock:
            self._generation += 1
            for chime in self._chimes:
                self._processes.stop(chime)

    def take_notice(self) -> str | None:
        with self._lock:
            notice, self._notice = self._notice, None
            return notice

    def is_busy(self) -> bool:
        """Whether any chime or music is still playing or about to start."""
        # The queue first: a job that finishes meanwhile has already tracked its chime.
        if self._worker is not None and not self._worker.idle():
            return True
        return bool(self._processes.running())

    def close(self) -> None:
        """Stop every sound and wait until its player has ended, for when the app quits."""
        with self._lock:
            self._generation += 1
            self._music = None
        self._processes.stop_all()

    def _ensure_backend(self) -> Backend:
        with self._load_lock:
            if self._backend is None:
                self._backend = self._load_backend()
                if self._backend.name is None:
                    log.info("sound is off: %s", NO_PLAYER_HINT)
                else:
                    log.info("sounds play through %s", self._backend.name)
            return self._backend

    def _play_chime_now(self, name: str, generation: int) -> None:
        backend = self._ensure_backend()
        # Started and tracked under the lock, so a stop in between can't miss this chime.
        with self._lock:
            if backend.name is None or self._chimes_silenced or generation != self._generation:
                return
            try:
                sound = backend.play(self._sounds_dir / f"{name}.wav")
            except PlayError as error:
                self._chimes_silenced = True
                log.info("chimes are off: the %s chime could not play (%s)", name, error)
                return
            self._chimes.append(sound)
            self._processes.track(
                sound, limit=CHIME_LIMIT_S, on_end=lambda ending: self._chime_ended(sound, ending)
            )

    def _chime_ended(self, sound: Playing, ending: Ending) -> None:
        with self._lock:
            self._chimes.remove(sound)
            if not ending.failed or self._chimes_silenced:
                return
            self._chimes_silenced = True
            self._notice = translate(
                "Sound",
                "No sound is coming out on this computer just now, so the practice goes on "
                "quietly. (reconnect doctor can say why.)",
            )
        log.info(
            "chimes are off: the player failed (code %s); is there a sound output?",
            ending.exit_code,
        )

    def _music_ended(self, music: Playing, track: Path, ending: Ending) -> None:
        if not ending.failed:
            return
        log.info("the music player failed (code %s)", ending.exit_code)
        with self._lock:
            if self._music is music:
                self._music = None
                self._notice = translate(
                    "Music",
                    "{name} could not play here: there may be no sound output, or the file may "
                    "be damaged. The practice goes on without music; reconnect doctor can check "
                    "the sound.",
                ).format(name=track.name)

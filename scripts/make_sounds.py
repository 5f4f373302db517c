"""Synthesize Reconnect's soft chimes and breath tones into assets/sounds/ (standard library only).

Run it again after changing a sound: the output is the same bytes every time, so git sees only
real changes. Usage: ``python scripts/make_sounds.py [OUTPUT_FOLDER]``.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RATE = 22050  # Hz; plenty for soft tones below 4 kHz, and keeps the files small
CHIME_PEAK_DBFS = -12.0
BREATH_PEAK_DBFS = -22.0  # breath tones sit well under the chimes: felt more than heard
FULL_SCALE = 32767
MAX_BYTES = 100_000

# A soft bell: a few partials, the higher ones quieter and dying sooner, so the note settles
# into an almost pure, warm tone. (ratio to the fundamental, amplitude, decay time constant in s)
BELL_PARTIALS = ((1.0, 1.0, 0.40), (2.0, 0.32, 0.22), (3.01, 0.10, 0.13), (4.2, 0.04, 0.07))

# Notes in Hz (equal temperament).
A3, E3, A4, E5 = 220.00, 164.81, 440.00, 659.26


@dataclass(frozen=True)
class Note:
    start: float  # seconds from the beginning of the sound
    frequency: float
    loudness: float = 1.0


def bell(notes: Sequence[Note], duration: float, attack: float = 0.025) -> list[float]:
    """Bell-like notes: a raised-cosine attack and an exponential decay per partial."""
    samples = [0.0] * round(duration * RATE)
    for note in notes:
        first = round(note.start * RATE)
        for index in range(first, len(samples)):
            t = (index - first) / RATE
            rise = 0.5 - 0.5 * math.cos(math.pi * t / attack) if t < attack else 1.0
            value = 0.0
            for ratio, amplitude, decay in BELL_PARTIALS:
                phase = 2 * math.pi * note.frequency * ratio * t
                value += amplitude * math.exp(-t / decay) * math.sin(phase)
            samples[index] += note.loudness * rise * value
    return samples


def breath_tone(start_hz: float, end_hz: float, duration: float = 0.4) -> list[float]:
    """A short, warm tone gliding gently in pitch, swelling in and fading out (a sine window)."""
    samples = []
    phase = 0.0
    count = round(duration * RATE)
    for index in range(count):
        progress = index / (count - 1)
        frequency = start_hz + (end_hz - start_hz) * progress
        phase += 2 * math.pi * frequency / RATE
        window = math.sin(math.pi * progress) ** 2
        # A little second and third harmonic makes it audible on small laptop speakers.
        value = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase)
        samples.append(window * value)
    return samples


def fade_out(samples: list[float], seconds: float = 0.15) -> list[float]:
    """End on true silence, so the last sample never clicks."""
    count = min(len(samples), round(seconds * RATE))
    for offset in range(count):
        gain = 0.5 + 0.5 * math.cos(math.pi * (offset + 1) / count)
        samples[len(samples) - count + offset] *= gain
    return samples


def normalized(samples: list[float], peak_dbfs: float) -> list[int]:
    target = FULL_SCALE * 10 ** (peak_dbfs / 20)
    scale = target / max(abs(value) for value in samples)
    return [round(value * scale) for value in samples]


def sounds() -> dict[str, list[int]]:
    """Every sound by file name (without .wav), as 16-bit samples."""
    return {
        # Two notes rising a fifth: something begins.
        "start": normalized(
            fade_out(bell([Note(0.0, A4, 0.8), Note(0.32, E5)], duration=1.8)), CHIME_PEAK_DBFS
        ),
        # One soft, low-ish note: the next step, without a jolt.
        "step": normalized(fade_out(bell([Note(0.0, A4)], duration=1.5)), CHIME_PEAK_DBFS),
        # The same fifth falling, slower: a gentle close.
        "end": normalized(
            fade_out(bell([Note(0.0, E5, 0.8), Note(0.45, A4)], duration=2.0)), CHIME_PEAK_DBFS
        ),
        # Breathing in rises slightly; breathing out is lower and settles down.
        "breath-in": normalized(breath_tone(A3, A3 * 1.03), BREATH_PEAK_DBFS),
        "breath-out": normalized(breath_tone(E3 * 1.03, E3), BREATH_PEAK_DBFS),
    }


def write_wav(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def describe(path: Path) -> str:
    """Measure what was written, read back from the file: duration, peak and RMS level."""
    with wave.open(str(path), "rb") as sound:
        frames = sound.readframes(sound.getnframes())
        duration = sound.getnframes() / sound.getframerate()
        shape = f"{sound.getframerate()} Hz, {sound.getnchannels()} ch, {8 * sound.getsampwidth()}"
    values = struct.unpack(f"<{len(frames) // 2}h", frames)
    peak = max(abs(value) for value in values)
    # How loud a chime still rings just before the final fade: a long decay, not a cut-off.
    before_fade = values[-round(0.35 * RATE) : -round(0.15 * RATE)]
    tail = f"{20 * math.log10(max(max(map(abs, before_fade)), 1) / FULL_SCALE):6.1f} dBFS"
    rms = math.sqrt(sum(value * value for value in values) / len(values))
    size = path.stat().st_size
    return (
        f"{path.name:15} {duration:4.2f} s  peak {20 * math.log10(peak / FULL_SCALE):6.1f} dBFS  "
        f"rms {20 * math.log10(rms / FULL_SCALE):6.1f} dBFS  "
        f"tail {tail if duration > 1 else '     -     '}  last {values[-1]}  "
        f"{size / 1000:5.1f} kB  ({shape} bit)"
    )


def main(argv: Sequence[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "assets/sounds"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, samples in sounds().items():
        path = out_dir / f"{name}.wav"
        write_wav(path, samples)
        print(describe(path))
        if path.stat().st_size >= MAX_BYTES:
            print(f"make_sounds: {path.name} is {path.stat().st_size} bytes; keep it under 100 KB")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

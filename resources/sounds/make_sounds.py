"""Write the desk's two short sounds (run once; the WAV files are committed beside this script)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050


def tone(notes: list[tuple[float, float]], path: Path, volume: float = 0.5) -> None:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 400)  # no clicks at the edges
            sample = volume * fade * math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", int(sample * 32_767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


if __name__ == "__main__":
    here = Path(__file__).parent
    tone([(880, 0.08), (1320, 0.10)], here / "ok.wav")  # rising: "got it"
    tone([(330, 0.18), (220, 0.25)], here / "refused.wav")  # falling, longer: "look at the screen"

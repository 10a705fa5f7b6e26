"""The short "got it" and "look at the screen" sounds of a scan."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from desktop.resources import SOUNDS_FOLDER


class Sounds:
    """The short "got it" and "look at the screen" sounds (QtMultimedia, if it loads here)."""

    def __init__(self) -> None:
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # no audio libraries on this machine: the colours still tell
            return
        for name in ("ok", "refused"):
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS_FOLDER / f"{name}.wav")))
            effect.setVolume(0.6)
            self._effects[name] = effect

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]

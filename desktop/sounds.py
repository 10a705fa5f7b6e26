"""The short "got it" and "look at the screen" sounds of a scan."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl

from desktop.operations import when_idle
from desktop.resources import SOUNDS_FOLDER

NAMES = ("ok", "refused")


class Sounds(QObject):
    """The short "got it" and "look at the screen" sounds (QtMultimedia, if it loads here).

    Loaded once the database worker has first run out of work (the desk's session and its
    lists have arrived): QtMultimedia and the audio device take ~50 ms that a ready desk does not
    need, and the first scan comes seconds later. A sound wanted before that loads them then.
    """

    def __init__(self) -> None:
        super().__init__()
        self._effects: dict[str, object] | None = None
        when_idle(self, self._load)

    def _load(self) -> None:
        if self._effects is not None:
            return
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # no audio libraries on this machine: the colours still tell
            return
        for name in NAMES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS_FOLDER / f"{name}.wav")))
            effect.setVolume(0.6)
            self._effects[name] = effect

    @property
    def loaded(self) -> bool:
        return self._effects is not None

    def play(self, name: str) -> None:
        self._load()
        assert self._effects is not None
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]

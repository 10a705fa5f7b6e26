"""The scan field: where a scanner's codes and a typed name arrive, keeping the keyboard's focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


def with_key(text: str, key: str) -> str:
    """A tooltip that also tells the key, in the form the keyboard shows it."""
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shown})"


class ScanField(QLineEdit):
    """The scan field: arrows move through the name search results without leaving it.

    While it is empty, + and − count a visitor who does not register (a scanned code or a
    name never starts with them), and Ctrl+Z undoes the last scan instead of the typing.
    Escape drops what was typed, and the names it found.
    """

    def __init__(
        self,
        on_arrow: Callable[[int], None],
        on_count: Callable[[int], None],
        on_escape: Callable[[], None],
    ) -> None:
        super().__init__()
        self.setObjectName("scanInput")
        self.setPlaceholderText(self.tr("Scan a card or a label, or type a name"))
        font = QFont(self.font())
        font.setPointSize(16)  # read from a step back, as the lists are
        self.setFont(font)
        self.setMinimumHeight(44)
        self._on_arrow = on_arrow
        self._on_count = on_count
        self._on_escape = on_escape

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and not self.text()
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()  # not the field's own undo: the desk's "Undo last scan" shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._on_arrow(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self._on_escape()
            return
        step = {"+": 1, "-": -1, "–": -1, "−": -1}.get(event.text())
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if step is not None and plain and not self.text():
            self._on_count(step)
            return
        super().keyPressEvent(event)

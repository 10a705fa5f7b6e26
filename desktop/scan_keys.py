"""A scanner's typing caught wherever the focus is in a screen, and never typed into a form.

While the screen is shown, every key press meant for one of its widgets, or for a dialog
it opened, passes here first. Characters are held back as long as they may be a scan
(db/scan_burst.py); a burst ended by Enter or Tab goes to the screen's scan handling,
anything slower is handed on to the widget it was meant for, as if nothing had happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from db.scan_burst import SCAN_GAP_MS, SameCode, ScanBurst

_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
)


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


class ScanKeys(QObject):
    """Watches the key presses of `screen`; a scan goes to `on_scan`, typing to its widget.

    `scan_field`: the screen's own scan field, which keeps its keys (a scan typed there
    is already in the right place: its Enter handles it); only a repeat of the same code
    is taken out of it again. Events without a time (0: made by software, not by a
    keyboard) are always typing. A scan into a dialog the screen opened is typed nowhere
    and used for nothing: `on_scan_in_dialog` says so.
    """

    def __init__(
        self,
        screen: QWidget,
        on_scan: Callable[[str], None],
        scan_field: QLineEdit | None = None,
        on_scan_in_dialog: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(screen)
        self.screen = screen
        self.on_scan = on_scan
        self.scan_field = scan_field
        # A scan while a dialog of the screen is open is not used: it would act behind a
        # question still waiting (the desk's "lend anyway?" would then lend to someone else).
        self.on_scan_in_dialog = on_scan_in_dialog
        # Each held key: the widget it was meant for, a copy, and whether it got it already.
        self.burst: ScanBurst[tuple[QWidget, QKeyEvent, bool]] = ScanBurst()
        self.same_code = SameCode()
        self._replaying = False
        # Held characters go on as typing when no next key comes (real time, a safety net:
        # the event times decide as soon as the next key arrives).
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SCAN_GAP_MS * 3)
        self._pause.timeout.connect(self.release)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        screen.destroyed.connect(lambda: app.removeEventFilter(self))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._replaying
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or not isinstance(watched, QWidget)
            # Only where the key lands first: a key a child ignores goes on to its parents.
            or watched is not QApplication.focusWidget()
            or not self.screen.isVisible()
            or not self._watches(watched)
        ):
            return False
        if event.timestamp() == 0 or event.key() in _MODIFIER_KEYS:
            # A scanner presses Shift for capitals: part of the burst, not an end of it.
            return False
        at = int(event.timestamp())
        if event.key() in _ENDS:
            return self._ended(watched, at)
        text = event.text()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier) and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier  # AltGr on Windows
        )
        if len(text) != 1 or not text.isprintable() or control:
            self.release()
            return False
        in_field = watched is self.scan_field
        self._replay(self.burst.key((watched, _copy(event), in_field), text, at))
        if in_field:
            return False  # the scan field keeps its keys; the burst is only timed
        self._pause.start()
        return True

    def _watches(self, widget: QWidget) -> bool:
        """A widget of the screen, or of a dialog the screen opened (a form, a question):
        a scanner's Enter must not answer a question box, nor its code fill a form."""
        window = widget.window()
        while window is not self.screen.window():
            owner = window.parentWidget() if isinstance(window, QDialog) else None
            if owner is None:
                return False
            if owner is self.screen or self.screen.isAncestorOf(owner):
                return True
            window = owner.window()
        return widget is self.screen or self.screen.isAncestorOf(widget)

    def _ended(self, watched: QWidget, at: int) -> bool:
        """Enter or Tab: a scan goes to its handling once; otherwise the key goes on."""
        self._pause.stop()
        scanned = self.burst.end(at)
        if scanned is None:
            self.release()
            return False
        first_time = self.same_code.first_time(scanned, at)
        field = self.scan_field
        if watched is field and field is not None:
            if first_time:
                return False  # the field's own Enter handles it
            if field.text().endswith(scanned):
                field.setText(field.text()[: -len(scanned)])
            return True
        if watched.window() is not self.screen.window():
            if self.on_scan_in_dialog is not None:
                self.on_scan_in_dialog()
        elif first_time:
            self.on_scan(scanned)
        return True

    def release(self) -> None:
        """Hand the held characters on as typing, to the widgets they were meant for."""
        self._pause.stop()
        self._replay(self.burst.release())

    def _replay(self, typed: list[tuple[QWidget, QKeyEvent, bool]]) -> None:
        self._replaying = True
        try:
            for widget, event, delivered in typed:
                if not delivered:
                    QApplication.sendEvent(widget, event)
        finally:
            self._replaying = False

"""The program locks itself when nobody has touched it for a while, and on "Sign out".

The main window is covered, not closed: the pages, a half-typed form and the list on the
desk stay exactly as they were, and come back when the password is typed again.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.dialogs.sign_in import SignInDialog
from desktop.settings import IDLE_MINUTES

# Events that mean someone is at the laptop (a scanner types keys, so a scan counts too).
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_MS = 5_000


class LockCover(QWidget):
    """An opaque sheet over the whole window, so no child's name shows while it is locked."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockCover { background: #263238; }")
        label = QLabel(self.tr("OpenUp Desk is locked."))
        label.setStyleSheet("color: #eceff1; font-size: 16pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class IdleLock(QObject):
    """Watches the whole application for activity and locks the window after the idle time."""

    unlocked = Signal(object)  # SignedIn: who typed the password (maybe someone else)

    def __init__(self, window: QMainWindow, ctx: AppContext, check_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.cover = LockCover(window)
        self.dialog: SignInDialog | None = None
        self._last_activity = time.monotonic()
        self.idle_seconds: float | None = None  # None: the Settings value; tests set seconds
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._check)
        self._timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def limit_seconds(self) -> float:
        if self.idle_seconds is not None:
            return self.idle_seconds
        return max(1, self.ctx.settings.get(IDLE_MINUTES)) * 60.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY:
            self._last_activity = time.monotonic()
        elif kind == QEvent.Type.Resize and watched is self.window and self.cover.isVisible():
            self.cover.setGeometry(self.window.rect())
        return False

    def _check(self) -> None:
        if self.is_locked or not self.window.isVisible():
            return
        if time.monotonic() - self._last_activity >= self.limit_seconds():
            self.lock()

    def lock(self, *, sign_out: bool = False) -> None:
        """Cover the window and ask for a password: the same person's, or anyone's on sign-out."""
        if self.is_locked:
            return
        self.cover.cover()
        username = ""
        if not sign_out and self.ctx.staff_id:
            from db.accounts import signed_in_as

            username = signed_in_as(self.ctx.database, self.ctx.staff_id).username
        dialog = SignInDialog(
            self.ctx.database, self.window, username=username, locked=True, any_user=sign_out
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: self._finished(dialog))
        self.dialog = dialog
        dialog.open()

    def _finished(self, dialog: SignInDialog) -> None:
        who = dialog.signed_in
        self.dialog = None
        dialog.deleteLater()
        if who is None:  # closed some other way: stay covered, and ask again
            QTimer.singleShot(0, lambda: self.lock(sign_out=True))
            return
        self.cover.hide()
        self._last_activity = time.monotonic()
        if who.staff_id != self.ctx.staff_id:
            self.ctx.set_staff(who.staff_id)
        self.unlocked.emit(who)

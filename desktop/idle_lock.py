"""The program locks itself when nobody has touched it for a while, and on "Sign out".

The main window is covered, not closed: the pages, a half-typed form and the list on the
desk stay exactly as they were, and come back when the password is typed again. A dialog
that is open above the window (a participant's form, a question box) is covered and frozen
the same way, never closed: closing it would end its exec() and lose what was typed in it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget
from shiboken6 import isValid

from db.accounts import signed_in_as
from desktop.context import AppContext
from desktop.operations import Query
from desktop.settings import IDLE_MINUTES

if TYPE_CHECKING:
    from desktop.dialogs.sign_in import SignInDialog

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
# Windows that are not covered: a menu or a list that drops down closes when the modal
# sign-in dialog shows (nothing is chosen, nothing lost); a tooltip goes by itself.
UNCOVERED_TYPES = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.Desktop})


class LockCover(QWidget):
    """An opaque sheet over a whole window, so no child's name shows while it is locked.

    It follows the window's size, and stays above children the window adds while covered.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        # A QWidget subclass paints a style sheet background only with this attribute.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockCover { background: #263238; }")
        label = QLabel(self.tr("OpenUp Desk is locked."))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #eceff1; font-size: 16pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)  # the full width: it wraps only on a window narrower than it
        layout.addStretch(1)
        self.hide()
        window.installEventFilter(self)

    def cover(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and not self.isHidden():
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.setGeometry(parent.rect())
            elif kind == QEvent.Type.ChildAdded:
                # A widget added to the window lies above the cover until the cover is raised.
                QTimer.singleShot(0, self, self.raise_)
        return False


class IdleLock(QObject):
    """Watches the whole application for activity and locks the window after the idle time."""

    unlocked = Signal(object)  # SignedIn: who typed the password (maybe someone else)

    def __init__(self, window: QMainWindow, ctx: AppContext, check_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.cover = LockCover(window)
        self.dialog: SignInDialog | None = None
        # While locked: the covers of the other windows, and the windows the lock disabled
        # with the widget that had the focus in each, to give it back on unlocking.
        self.window_covers: list[LockCover] = []
        self._frozen: list[tuple[QWidget, QWidget | None]] = []
        self._recheck_pending = False
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
        elif (
            kind == QEvent.Type.Show
            and self.dialog is not None
            and watched is not self.dialog
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not self._recheck_pending
        ):
            # A window opened while locked (an error box of a finishing operation): cover it
            # once it is shown, when it has also taken its place among the modal windows.
            self._recheck_pending = True
            QTimer.singleShot(0, self, self._recheck)
        return False

    def _check(self) -> None:
        if self.is_locked or not self.window.isVisible():
            return
        if time.monotonic() - self._last_activity >= self.limit_seconds():
            self.lock()

    def lock(self, *, sign_out: bool = False) -> None:
        """Cover the window and ask for a password: the same person's, or anyone's on sign-out."""
        from desktop.dialogs.sign_in import SignInDialog  # imported when first locked, not at start

        if self.is_locked:
            return
        self.cover.cover()
        same_person = not sign_out and bool(self.ctx.staff_id)
        database, by = self.ctx.sign_in_database, self.ctx.staff_id or 0
        dialog = SignInDialog(database, self.window, locked=True, any_user=not same_person)
        if same_person:
            # Whose password it asks for is read on the worker; until then it takes none.
            dialog.wait_for_username()
            Query(dialog, lambda: signed_in_as(database, by).username).success(
                dialog.username_known
            ).failure(lambda _error, _details: dialog.anyone_may_sign_in()).run()
        # Application-modal, and shown after every other modal dialog (even one running its
        # own exec() when the timer fired), so it is the only window that takes input.
        # (open() would make it window-modal again.)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(lambda _result: self._finished(dialog))
        self.dialog = dialog
        self._cover_other_windows()
        dialog.show()

    def _recheck(self) -> None:
        self._recheck_pending = False
        if self.dialog is None:
            return
        self._cover_other_windows()
        dialog = self.dialog
        if QApplication.activeModalWidget() is not dialog:
            # A modal box opened after the sign-in dialog would block it: show it again on top.
            dialog.hide()
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _needs_cover(self, widget: QWidget) -> bool:
        if widget is self.window or widget is self.dialog or not widget.isVisible():
            return False
        if not widget.isWindow() or widget.windowType() in UNCOVERED_TYPES:
            return False
        if self.dialog is not None and self.dialog.isAncestorOf(widget):
            return False
        return not any(
            isValid(cover) and cover.parentWidget() is widget for cover in self.window_covers
        )

    def _cover_other_windows(self) -> None:
        """Cover every other open window and take input from it, keeping it open as it is."""
        for widget in QApplication.topLevelWidgets():
            if not self._needs_cover(widget):
                continue
            cover = LockCover(widget)
            cover.cover()
            self.window_covers.append(cover)
            if widget.isEnabled():
                focus = widget.focusWidget()
                self._frozen.append((widget, focus))
                widget.setEnabled(False)

    def _uncover_other_windows(self) -> None:
        for widget, focus in reversed(self._frozen):
            if isValid(widget):
                widget.setEnabled(True)
                if focus is not None and isValid(focus) and focus.isEnabled():
                    focus.setFocus()
        self._frozen.clear()
        for cover in self.window_covers:
            if isValid(cover):
                cover.hide()
                cover.deleteLater()
        self.window_covers.clear()
        top = QApplication.activeModalWidget()
        if top is not None:  # a dialog that was waiting under the lock takes the keys again
            top.raise_()
            top.activateWindow()

    def _finished(self, dialog: SignInDialog) -> None:
        who = dialog.signed_in
        self.dialog = None
        dialog.deleteLater()
        if who is None:  # closed some other way: stay covered, and ask again
            QTimer.singleShot(0, lambda: self.lock(sign_out=True))
            return
        self.cover.hide()
        self._uncover_other_windows()
        self._last_activity = time.monotonic()
        if who.staff_id != self.ctx.staff_id:
            self.ctx.set_staff(who.staff_id, admin=who.is_admin)
        self.unlocked.emit(who)

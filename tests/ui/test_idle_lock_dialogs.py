"""The lock covers and freezes a dialog open above the window, and gives it back as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.accounts import set_password
from desktop.context import AppContext
from desktop.idle_lock import IdleLock, LockCover
from desktop.main_window import MainWindow
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

ANNA_PASSWORD = "anna-2018-desk"
COVER_COLOUR = QColor("#263238")


class ParticipantForm(QDialog):
    """A stand-in for the participant form: a child's name half-way through being typed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Participant")
        self.name = QLineEdit()
        self.name.setObjectName("participantName")
        self.name.setText("Ilze Ķēniņa")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow("Name", self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.resize(380, 150)
        self.name.setFocus()

    def ok(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button


def locking_window(ctx: AppContext, desk: Desk, qtbot: QtBot) -> tuple[MainWindow, IdleLock]:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    lock = window.idle_lock
    lock._timer.setInterval(20)
    return window, lock


def visible_covers(window: QWidget) -> list[LockCover]:
    return [
        cover
        for cover in window.findChildren(LockCover)
        if cover.parentWidget() is window and cover.isVisible()
    ]


def assert_covered(window: QWidget, field: QWidget, png: Path) -> None:
    """One cover spans the window, lies over the field, and is what a screenshot shows."""
    covers = visible_covers(window)
    assert len(covers) == 1 and covers[0].geometry() == window.rect()
    at = field.mapTo(window, field.rect().center())
    hit = window.childAt(at)
    assert hit is covers[0] or covers[0].isAncestorOf(hit)
    image = window.grab().toImage()
    image.save(str(png))
    assert image.pixelColor(at) == COVER_COLOUR


def unlock(lock: IdleLock, qtbot: QtBot) -> None:
    dialog = lock.dialog
    assert dialog is not None
    wait_for_operations(qtbot)  # whose password the lock asks for is read first
    if not dialog.username.isReadOnly():  # signed out: anyone may sign in
        dialog.username.setText("anna")
    assert dialog.username.text() == "anna"
    dialog.password.setText(ANNA_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=5000)


def assert_sign_in_on_top(lock: IdleLock) -> None:
    assert lock.dialog is not None and lock.dialog.isVisible()
    assert lock.dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert QApplication.activeModalWidget() is lock.dialog


def run_later(callback: Callable[[], None], problems: list[BaseException], dialog: QDialog) -> None:
    """Run the checks inside the dialog's exec() loop; a failure closes it, to be re-raised."""

    def guarded() -> None:
        try:
            callback()
        except BaseException as error:
            problems.append(error)
            dialog.done(0)  # let exec() return

    QTimer.singleShot(0, guarded)


def test_an_open_dialog_is_covered_and_frozen_then_given_back(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window, lock = locking_window(ctx, desk, qtbot)
    form = ParticipantForm(window)
    form.open()
    qtbot.waitExposed(form)
    assert form.focusWidget() is form.name
    lock.idle_seconds = 0.2  # the librarian walks away from the open form
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)

    assert_sign_in_on_top(lock)
    assert form.isVisible() and form.result() == 0
    assert_covered(form, form.name, tmp_path / "form-locked.png")
    assert_covered(window, window.desk.scan_input, tmp_path / "window-locked.png")
    assert lock.dialog is not None
    lock.dialog.grab().save(str(tmp_path / "sign-in.png"))
    # Nothing in it takes keys or clicks while locked.
    assert not form.isEnabled()
    qtbot.keyClick(form.name, Qt.Key.Key_X)
    qtbot.keyClick(form.name, Qt.Key.Key_Backspace)
    assert form.name.text() == "Ilze Ķēniņa"
    qtbot.mouseClick(form.ok(), Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.result() == 0
    # The cover follows the dialog's size, and stays above a label the dialog adds.
    form.resize(520, 260)
    qtbot.waitUntil(lambda: visible_covers(form)[0].geometry() == form.rect(), timeout=2000)
    late = QLabel("Jānis Žūriņš")
    form.form.addRow("Sibling", late)
    qtbot.wait(50)
    assert late.isVisible()
    assert_covered(form, late, tmp_path / "form-resized.png")

    unlock(lock, qtbot)
    assert visible_covers(form) == [] and not lock.cover.isVisible()
    qtbot.waitUntil(lambda: form.findChildren(LockCover) == [], timeout=2000)
    assert form.isVisible() and form.isEnabled() and form.result() == 0
    assert form.name.text() == "Ilze Ķēniņa" and form.focusWidget() is form.name
    form.grab().save(str(tmp_path / "form-unlocked.png"))
    qtbot.keyClick(form.name, Qt.Key.Key_End)
    form.name.insert("s")  # usable again (keyClicks cannot type non-ASCII, the field can)
    assert form.name.text() == "Ilze Ķēniņas"
    qtbot.mouseClick(form.ok(), Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted and not form.isVisible()


def test_a_dialog_in_its_own_exec_is_locked_and_returns_normally(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window, lock = locking_window(ctx, desk, qtbot)
    form = ParticipantForm(window)
    seen: list[str] = []
    problems: list[BaseException] = []

    def inside_exec() -> None:
        """Runs in the form's exec() loop: the lock fires from its timer there."""
        assert QApplication.activeModalWidget() is form
        lock.idle_seconds = 0.2
        qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
        assert_sign_in_on_top(lock)
        assert form.isVisible()
        assert_covered(form, form.name, tmp_path / "exec-form-locked.png")
        qtbot.keyClick(form.name, Qt.Key.Key_X)
        assert form.name.text() == "Ilze Ķēniņa"
        qtbot.mouseClick(form.ok(), Qt.MouseButton.LeftButton)
        assert form.isVisible()
        seen.append("locked")
        lock.idle_seconds = 3600.0
        unlock(lock, qtbot)
        assert visible_covers(form) == [] and form.isVisible() and form.isEnabled()
        assert form.name.text() == "Ilze Ķēniņa"
        assert QApplication.activeModalWidget() is form  # its exec() goes on
        seen.append("unlocked")
        qtbot.mouseClick(form.ok(), Qt.MouseButton.LeftButton)

    run_later(inside_exec, problems, form)
    result = form.exec()
    if problems:
        raise problems[0]
    assert seen == ["locked", "unlocked"]
    assert result == QDialog.DialogCode.Accepted
    assert form.name.text() == "Ilze Ķēniņa" and not lock.is_locked


def test_a_message_box_that_appears_while_locked_is_covered(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window, lock = locking_window(ctx, desk, qtbot)
    window.sign_out.click()
    assert lock.is_locked
    assert_sign_in_on_top(lock)
    # A background operation finishes and tells about a child, in a box of its own exec().
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Backup",
        "Ilze Ķēniņa still has LAP-01.",
        QMessageBox.StandardButton.Ok,
        window,
    )
    problems: list[BaseException] = []
    seen: list[str] = []

    def while_box_is_open() -> None:
        assert box.isVisible()
        qtbot.waitUntil(lambda: len(visible_covers(box)) == 1, timeout=2000)
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None and "Ķēniņa" in label.text()
        assert_covered(box, label, tmp_path / "box-locked.png")
        assert not box.isEnabled()
        # The box opened last, yet the password is still what takes the keys.
        assert_sign_in_on_top(lock)
        ok = box.button(QMessageBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert box.isVisible()
        seen.append("covered")
        unlock(lock, qtbot)
        assert visible_covers(box) == [] and box.isVisible() and box.isEnabled()
        assert QApplication.activeModalWidget() is box
        seen.append("given back")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    run_later(while_box_is_open, problems, box)
    result = box.exec()
    if problems:
        raise problems[0]
    assert seen == ["covered", "given back"]
    assert result == QMessageBox.StandardButton.Ok


def test_a_window_without_a_parent_is_covered_and_an_open_menu_closes(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window, lock = locking_window(ctx, desk, qtbot)
    lonely = QLineEdit("Jānis Žūriņš")  # a window of its own, owned by no one
    qtbot.addWidget(lonely)
    lonely.show()
    menu = QMenu(window)
    menu.addAction("Ilze Ķēniņa")
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    lock.lock()
    assert not menu.isVisible()  # a menu is closed, not covered: nothing is lost
    assert visible_covers(menu) == []
    assert len(visible_covers(lonely)) == 1 and not lonely.isEnabled()
    qtbot.keyClick(lonely, Qt.Key.Key_X)
    assert lonely.text() == "Jānis Žūriņš"
    unlock(lock, qtbot)
    assert visible_covers(lonely) == [] and lonely.isEnabled() and lonely.isVisible()

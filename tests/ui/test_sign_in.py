"""Signing in, the first start, and the lock that keeps what was on the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
from pytestqt.qtbot import QtBot

from db.accounts import add_staff, has_staff, set_password, sign_in
from db.database import Database
from db.models import Role
from desktop.context import AppContext
from desktop.dialogs.sign_in import FirstRunDialog, SignInDialog
from desktop.idle_lock import IdleLock
from desktop.main_window import MainWindow
from desktop.settings import IDLE_MINUTES, Settings
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

ANNA_PASSWORD = "anna-2018-desk"


def type_in(dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.sign_in_button.click()


def test_wrong_password_is_said_inside_the_dialog(desk: Desk, qtbot: QtBot) -> None:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    dialog = SignInDialog(desk.db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(dialog, "anna", "anna-2017-desk")
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "The username or the password is wrong."
    assert dialog.isVisible() and dialog.signed_in is None
    assert dialog.password.text() == ""  # typed again, not edited
    type_in(dialog, "nobody", ANNA_PASSWORD)
    wait_for_operations(qtbot)
    assert dialog.message.text() == "The username or the password is wrong."
    type_in(dialog, "Anna", ANNA_PASSWORD)
    qtbot.waitUntil(lambda: dialog.signed_in is not None, timeout=5000)
    assert dialog.signed_in is not None and dialog.signed_in.staff_id == desk.librarian_id
    assert not dialog.isVisible()


def test_the_fifth_wrong_password_says_until_when(desk: Desk, qtbot: QtBot) -> None:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    dialog = SignInDialog(desk.db, username="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        type_in(dialog, "anna", "guess-guess")
        wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "locked until" in dialog.message.text(), timeout=5000)
    type_in(dialog, "anna", ANNA_PASSWORD)  # even the right one, while locked
    wait_for_operations(qtbot)
    assert "locked until" in dialog.message.text() and dialog.signed_in is None


def test_an_empty_form_asks_for_both(desk: Desk, qtbot: QtBot) -> None:
    dialog = SignInDialog(desk.db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(dialog, "anna", "")
    assert dialog.message.text() == "Type your username and your password."


def fill_first_run(dialog: FirstRunDialog, password: str, again: str) -> None:
    dialog.display_name.setText("Ilze Kalniņa")
    dialog.username.setText("ilze")
    dialog.password.setText(password)
    dialog.repeat.setText(again)
    dialog.site_name.setText("Ludza")
    dialog.library_name.setText("Ludzas novada bibliotēka")
    dialog.create_button.click()


def test_first_run_checks_the_password_then_creates_the_admin(
    sqlite_db: Database,
    qtbot: QtBot,
) -> None:
    dialog = FirstRunDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_first_run(dialog, "kalniņa-2018", "kalnina-2018")
    assert "differ" in dialog.message.text()
    fill_first_run(dialog, "short", "short")
    assert "at least 8" in dialog.message.text()
    wait_for_operations(qtbot)
    assert not has_staff(sqlite_db)  # nothing was written
    fill_first_run(dialog, "kalniņa-2018", "kalniņa-2018")
    qtbot.waitUntil(lambda: dialog.signed_in is not None, timeout=5000)
    assert dialog.signed_in is not None and dialog.signed_in.is_admin
    assert sign_in(sqlite_db, "ilze", "kalniņa-2018").role is Role.ADMIN


def test_the_program_starts_with_the_first_run_dialog(
    sqlite_db: Database,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    from desktop.app import DeskApplication, sign_in_at_start

    ctx = AppContext(sqlite_db, Settings(str(tmp_path / "settings.ini")), [])

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        fill_first_run(dialog, "kalniņa-2018", "kalniņa-2018")

    QTimer.singleShot(50, answer)
    staff_id = sign_in_at_start(ctx)
    assert staff_id is not None
    assert [name for _id, name, _country in ctx.sites] == ["Ludza"]
    desk_app = DeskApplication(ctx, staff_id=staff_id)
    qtbot.addWidget(desk_app.window)
    wait_for_operations(qtbot)
    assert desk_app.window.signed_in.text() == "Ilze Kalniņa"

    # The next start asks for the password; cancelling it opens nothing.
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, cancel)
    assert sign_in_at_start(ctx) is None


def test_idle_lock_covers_the_window_and_keeps_what_was_on_it(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
) -> None:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    lock = window.idle_lock
    lock._timer.setInterval(20)
    lock.idle_seconds = 0.4
    window.desk.scan_input.setText("Ķēni")  # half-typed when the librarian walked away
    for _ in range(4):  # someone typing keeps it open
        qtbot.keyClick(window.desk.scan_input, Qt.Key.Key_Shift)
        qtbot.wait(150)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    wait_for_operations(qtbot)  # whose password it asks for is read on the worker
    assert dialog.username.text() == "anna" and dialog.username.isReadOnly()
    assert dialog.sign_in_button.isEnabled() and dialog.password.hasFocus()
    assert lock.cover.isVisible() and lock.cover.geometry() == window.rect()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the lock cannot be waved away
    assert dialog.isVisible()
    type_in(dialog, "anna", "not-her-password")
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert lock.is_locked and lock.cover.isVisible()
    type_in(dialog, "anna", ANNA_PASSWORD)
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=5000)
    assert not lock.cover.isVisible()
    assert window.isVisible() and window.desk.scan_input.text() == "Ķēni"
    assert ctx.staff_id == desk.librarian_id


def test_the_lock_lets_anyone_sign_in_when_the_account_is_gone(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, ctx)
    ctx.set_staff(desk.librarian_id + 100, admin=False)  # removed from another laptop
    lock.lock()
    dialog = lock.dialog
    assert dialog is not None and not dialog.sign_in_button.isEnabled()
    wait_for_operations(qtbot)
    assert not dialog.username.isReadOnly() and dialog.username.text() == ""
    assert dialog.sign_in_button.isEnabled()
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    type_in(dialog, "anna", ANNA_PASSWORD)
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=5000)
    assert ctx.staff_id == desk.librarian_id


def test_sign_out_lets_another_librarian_sign_in(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
) -> None:
    add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_for_operations(qtbot)
    assert window.signed_in.text() == "Anna Ozoliņa"
    window.sign_out.click()
    dialog = window.idle_lock.dialog
    assert dialog is not None and not dialog.username.isReadOnly()
    assert dialog.username.text() == ""
    type_in(dialog, "ilze", "kalniņa-2018")
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked, timeout=5000)
    wait_for_operations(qtbot)
    assert window.signed_in.text() == "Ilze Kalniņa"
    assert ctx.staff_id != desk.librarian_id


def test_idle_minutes_are_a_setting(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.settings_page
    assert page.idle_minutes.value() == 10
    assert window.idle_lock.limit_seconds() == 600
    page.idle_minutes.setValue(3)
    assert ctx.settings.get(IDLE_MINUTES) == 3
    assert window.idle_lock.limit_seconds() == 180


def test_a_window_rebuilt_for_another_language_names_who_signs_in(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop import i18n
    from desktop.app import DeskApplication

    ilze = add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    desk_app = DeskApplication(ctx, staff_id=desk.librarian_id)
    try:
        desk_app.switch_language("en")
        qtbot.addWidget(desk_app.window)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window goes
        ctx.set_staff(ilze)  # would reach the deleted window's label if still connected
        wait_for_operations(qtbot)
        assert desk_app.window.signed_in.text() == "Ilze Kalniņa"
    finally:
        i18n.install("en")

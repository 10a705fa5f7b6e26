"""Roles in the window: an admin's Audit log page and its filters; a librarian never sees
the admin-only parts (the audit log, backups, the participants' export)."""

from __future__ import annotations

import sqlalchemy
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.accounts import add_staff
from db.attendance import check_in
from db.audit_log import last_audit_check
from db.clock import local, now_utc
from db.models import Role
from db.people import ParticipantDetails, edit_participant
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.pages.audit_log import AuditLogPage, AuditModel, changes_text
from desktop.pages.report_export import ExportForm
from desktop.pages.settings_page import SettingsPage
from tests.conftest import Desk
from tests.ui.conftest import sidebar_texts, wait_for_operations


def sign_in_admin(ctx: AppContext, desk: Desk) -> int:
    admin = add_staff(desk.db, "maija", "Maija Bērziņa", Role.ADMIN, site_id=desk.site_id)
    ctx.set_staff(admin)
    return admin


def column(page: AuditLogPage, number: int) -> list[str]:
    model = page.model
    return [str(model.data(model.index(row, number))) for row in range(model.rowCount())]


def test_an_admin_sees_the_log_and_filters_it(ctx: AppContext, desk: Desk, qtbot: QtBot) -> None:
    admin = sign_in_admin(ctx, desk)
    wait_for_operations(qtbot)
    check_in(desk.db, desk.session_id, desk.ilze_id, by=desk.librarian_id)
    edit_participant(
        desk.db,
        desk.janis_id,
        ParticipantDetails("Jānis", "Žūriņš", 2011, desk.site_id, guardian_phone="29111111"),
        by=admin,
    )
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    wait_for_operations(qtbot)
    everything = page.model.rowCount()
    assert everything >= 8 and page.count.text() == f"Shown: {everything}"
    assert column(page, AuditModel.WHAT)[0] == "Child's details changed"  # newest first
    assert column(page, AuditModel.WHO)[0] == "Maija Bērziņa"
    assert column(page, AuditModel.RECORD)[0] == f"Child #{desk.janis_id}"
    assert "Birth year: 2010 → 2011" in column(page, AuditModel.CHANGES)[0]
    assert "Guardian's phone: — → 29111111" in column(page, AuditModel.CHANGES)[0]
    # The admin's words, not the program's codes, in every row.
    assert "Item added" in column(page, AuditModel.WHAT)
    assert "Child registered" in column(page, AuditModel.WHAT)
    assert f"Child #{desk.ilze_id}" in column(page, AuditModel.RECORD)
    for text in column(page, AuditModel.WHAT) + column(page, AuditModel.RECORD):
        assert "." not in text and "_" not in text, text
    when = column(page, AuditModel.WHEN)[0]
    assert when.startswith(f"{local(now_utc()):%d.%m.%Y}")  # library time, not UTC

    page.search.setText("checked in ilze")
    wait_for_operations(qtbot)
    assert column(page, AuditModel.WHAT) == ["Checked in"]
    assert column(page, AuditModel.RECORD)[0].startswith("Attendance #")
    assert column(page, AuditModel.WHO) == ["Anna Ozoliņa"]
    assert "Ķēniņa" in column(page, AuditModel.DESCRIPTION)[0]

    page.search.setText("ĶĒNIŅA")  # any case, in Latvian letters too
    wait_for_operations(qtbot)
    assert column(page, AuditModel.WHAT) == ["Checked in", "Child registered"]
    page.search.setText("child registered")  # the words the page shows find their rows
    wait_for_operations(qtbot)
    assert column(page, AuditModel.WHAT) == ["Child registered", "Child registered"]
    assert sorted(column(page, AuditModel.RECORD)) == [
        f"Child #{desk.ilze_id}",
        f"Child #{desk.janis_id}",
    ]

    page.search.clear()
    wait_for_operations(qtbot)
    page.who.setCurrentIndex(page.who.findData(admin))
    wait_for_operations(qtbot)
    assert column(page, AuditModel.WHAT) == ["Child's details changed"]
    page.who.setCurrentIndex(page.who.findData(desk.librarian_id))
    wait_for_operations(qtbot)
    assert column(page, AuditModel.WHAT) == ["Checked in"]
    page.who.setCurrentIndex(0)
    wait_for_operations(qtbot)

    # The record-kind filter names kinds in words and keeps the codes as its data.
    kinds = {page.kind.itemData(i): page.kind.itemText(i) for i in range(page.kind.count())}
    assert kinds[""] == "All records" and page.kind.itemData(0) == ""
    assert kinds["participant"] == "Child" and kinds["item"] == "Item"
    assert kinds["staff"] == "Account" and kinds["attendance"] == "Attendance"
    page.kind.setCurrentIndex(page.kind.findData("participant"))
    wait_for_operations(qtbot)
    assert set(column(page, AuditModel.RECORD)) == {
        f"Child #{desk.ilze_id}",
        f"Child #{desk.janis_id}",
    }
    page.kind.setCurrentIndex(page.kind.findData("item"))
    wait_for_operations(qtbot)
    assert set(column(page, AuditModel.WHAT)) == {"Item added"}
    assert set(column(page, AuditModel.WHO)) == {"(direct database access)"}
    page.kind.setCurrentIndex(0)
    wait_for_operations(qtbot)

    today = local(now_utc()).date()
    page.since.setDate(QDate(today.year, today.month, today.day).addDays(1))
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0 and page.count.text() == "Shown: 0"
    page.since.setDate(QDate(today.year, today.month, today.day))
    wait_for_operations(qtbot)
    page.until.setDate(QDate(today.year, today.month, today.day))
    wait_for_operations(qtbot)
    assert page.model.rowCount() == everything
    page.since.setDate(page.since.minimumDate())
    wait_for_operations(qtbot)
    page.until.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    wait_for_operations(qtbot)
    assert page.model.rowCount() == 0
    assert page.since.text() == "any day"


def test_changes_read_old_to_new() -> None:
    assert changes_text(None) == ""
    assert changes_text({"active": [True, False], "notes": "x"}) == "Active: yes → no; Notes: x"
    assert changes_text({"status": ["planned", "held"], "guardian_name": ["", None]}) == (
        "Status: Planned → Held; Guardian's name: — → —"
    )


def test_an_admins_sidebar_has_the_audit_log_before_settings(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
) -> None:
    sign_in_admin(ctx, desk)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_for_operations(qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert sidebar_texts(window) == [
        "Desk",
        "Participants",
        "Sessions",
        "Equipment",
        "Reports",
        "Audit log",
        "Settings",
    ]
    assert window.sidebar.item(6).toolTip() == "Ctrl+7"
    for key, page in ((Qt.Key.Key_6, window.audit_log), (Qt.Key.Key_7, window.settings_page)):
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, key, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is page
    assert window.settings_page.backups.back_up_button.isVisibleTo(window)
    assert not window.settings_page.backups.admin_only_note.isVisibleTo(window)
    assert window.reports.export.kind.findData("participants") == 1


def test_a_librarian_is_not_offered_admin_actions(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    assert ctx.staff_id == desk.librarian_id and not ctx.is_admin
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_for_operations(qtbot)
    window.show()
    assert "Audit log" not in sidebar_texts(window)
    assert sidebar_texts(window)[-1] == "Settings"
    assert window.sidebar.item(5).toolTip() == "Ctrl+6"
    window.show_page(5)
    wait_for_operations(qtbot)
    backups = window.settings_page.backups
    assert not backups.back_up_button.isVisibleTo(window)
    assert not backups.restore_button.isVisibleTo(window)
    assert backups.admin_only_note.isVisibleTo(window)
    assert "administrator" in backups.admin_only_note.text()
    window.resize(1280, 800)
    qtbot.wait(20)
    note = backups.admin_only_note  # one line across the group, not wrapped after two words
    assert note.height() < 2 * note.fontMetrics().lineSpacing()
    assert note.width() >= note.fontMetrics().horizontalAdvance(note.text())
    export = window.reports.export
    assert export.kind.findData("participants") == -1
    assert [export.kind.itemData(i) for i in range(export.kind.count())] == [
        "attendance",
        "loans",
    ]


def test_the_window_follows_who_signs_in(ctx: AppContext, desk: Desk, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_for_operations(qtbot)
    window.show()
    settings_page: SettingsPage = window.settings_page
    export: ExportForm = window.reports.export
    window.show_page(5)  # Settings, for the librarian
    wait_for_operations(qtbot)

    admin = sign_in_admin(ctx, desk)  # an admin signs in on the lock
    wait_for_operations(qtbot)
    assert "Audit log" in sidebar_texts(window)
    assert window.stack.currentWidget() is settings_page  # stays on the same page
    assert window.sidebar.currentRow() == 6
    assert settings_page.backups.back_up_button.isVisibleTo(window)
    assert export.kind.findData("participants") == 1
    window.show_page(5)
    wait_for_operations(qtbot)
    page = window.audit_log
    assert window.stack.currentWidget() is page and page.model.rowCount() > 0

    ctx.set_staff(desk.librarian_id)  # and the librarian again
    wait_for_operations(qtbot)
    assert "Audit log" not in sidebar_texts(window)
    assert window.stack.currentWidget() is window.desk
    assert not settings_page.backups.back_up_button.isVisibleTo(window)
    assert export.kind.findData("participants") == -1
    assert ctx.staff_id != admin

    # A page left over from an admin refuses to read for a librarian.
    stale = AuditLogPage(AppContext(ctx.database, ctx.settings, ctx.sites))
    qtbot.addWidget(stale)
    wait_for_operations(qtbot)
    stale.ctx.set_staff(desk.librarian_id)
    wait_for_operations(qtbot)
    stale.reload()
    wait_for_operations(qtbot)
    assert stale.model.rowCount() == 0
    assert stale.count.text() == "Only an administrator may read the audit log."


def test_the_page_shows_the_last_check_and_checks_now(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    sign_in_admin(ctx, desk)
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    wait_for_operations(qtbot)
    assert page.chain.text() == "The audit log has not been checked yet."
    assert page.check_button.text() == "Check now"

    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chain.text().startswith("Last checked intact: "))
    kept = last_audit_check(desk.db, by=None)
    assert kept is not None and kept.intact
    assert page.chain.text() == f"Last checked intact: {local(kept.checked_at):%d.%m.%Y %H:%M}"
    assert page.check_button.isEnabled()

    # Someone edits a row by hand; the next check says so plainly, keeping the last good one.
    with desk.db.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE audit_event SET description = 'x' WHERE id = 2"))
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chain.text().startswith("The audit log is broken"))
    broken = last_audit_check(desk.db, by=None)
    assert broken is not None and broken.event_id == 2 and broken.event_at is not None
    assert page.chain.text() == (
        f"The audit log is broken at event #2 ({local(broken.event_at):%d.%m.%Y %H:%M}): "
        "it was changed after it was written. "
        f"Checked: {local(broken.checked_at):%d.%m.%Y %H:%M}. "
        f"Last checked intact: {local(kept.checked_at):%d.%m.%Y %H:%M}"
    )
    # Another admin's computer shows the same, read from the database.
    other = AuditLogPage(ctx)
    qtbot.addWidget(other)
    wait_for_operations(qtbot)
    assert other.chain.text() == page.chain.text()


def test_a_librarian_cannot_check_the_log(ctx: AppContext, desk: Desk, qtbot: QtBot) -> None:
    page = AuditLogPage(ctx)  # a page left over from an admin, shown to a librarian
    qtbot.addWidget(page)
    wait_for_operations(qtbot)
    assert page.chain.text() == "" and page.check_button.isHidden()
    page.check_now()
    qtbot.waitUntil(lambda: "administrator" in page.chain.text())

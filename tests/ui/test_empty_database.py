"""A new database, right after the first administrator: the desk and the Sessions page say
what comes next (the first program and its sessions) and offer the button that does it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.accounts import create_first_admin
from db.database import Database
from db.models import Program, ProgramKind, Session
from db.programs import list_sites
from desktop.context import AppContext
from desktop.dialogs.session_dialogs import NewProgramDialog, NewSessionDialog, WeeklySeriesDialog
from desktop.main_window import MainWindow
from desktop.settings import SITE, Settings
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def window(sqlite_db: Database, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    admin = create_first_admin(
        sqlite_db, "ilga", "Ilga Bērziņa", "ilga-2026-admin", "Jēkabpils", "Jēkabpils bibliotēka"
    )
    ctx = AppContext(sqlite_db, Settings(str(tmp_path / "settings.ini")), list_sites(sqlite_db))
    ctx.set_staff(admin)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    yield main
    wait_for_operations(qtbot)


def modal(qtbot: QtBot, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def programs_and_sessions(db: Database) -> tuple[list[tuple[str, ProgramKind]], list[date]]:
    with db.reading() as s:
        programs = [(p.name, p.kind) for p in s.scalars(select(Program))]
        days = sorted(row.day for row in s.scalars(select(Session)))
    return programs, days


def test_the_sessions_page_begins_with_the_first_program_and_its_series(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_page(window.page_keys().index("sessions"))
    month = window.sessions.month_view
    wait_for_operations(qtbot)
    qtbot.waitUntil(month.empty_state.isVisible)
    # Laid out where the table would be: a sentence and its button, centred.
    assert month.empty_state.isVisible() and not month.table.isVisible()
    assert not month.session_buttons.isVisible()  # nothing to open, mark or print yet
    assert "no programs yet" in month.empty_label.text()
    action = month.empty_action
    assert action.text() == "Create the first program…"
    state = month.empty_state
    middle = state.width() / 2
    assert abs(action.geometry().center().x() - middle) <= 2
    label = month.empty_label
    assert label.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert state.height() > window.sessions.height() / 2  # it fills the page, not a strip

    action.click()
    dialog = modal(qtbot, NewProgramDialog)
    dialog.name.setText("Nāc, pievienojies!")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProgramKind.OPEN.value))
    dialog.save_button.click()
    wait_for_operations(qtbot)

    series = modal(qtbot, WeeklySeriesDialog)
    wait_for_operations(qtbot)  # the programs to choose from
    assert series.program.currentText() == "Nāc, pievienojies!"
    series.first_day.setDate(QDate(2018, 9, 14))
    series.last_day.setDate(QDate(2018, 10, 5))
    series.starts_at.setTime(QTime(16, 0))
    series.ends_at.setTime(QTime(17, 0))
    series.save_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    assert programs_and_sessions(window.ctx.database) == (
        [("Nāc, pievienojies!", ProgramKind.OPEN)],
        [date(2018, 9, 14), date(2018, 9, 21), date(2018, 9, 28), date(2018, 10, 5)],
    )
    assert (month.year, month.month) == (2018, 9)
    assert month.table.rowCount() == 3 and month.table.isVisible()
    assert not month.empty_state.isVisible()
    assert month.message.text() == "Scheduled 4 sessions."
    # An empty month now: its own words, and the button schedules sessions.
    month.step_month(2)
    wait_for_operations(qtbot)
    assert month.empty_state.isVisible()
    assert month.empty_label.text() == "No sessions are scheduled in this month."
    assert month.empty_action.text() == "Schedule sessions…"


def test_the_desk_says_there_are_no_programs_and_its_button_creates_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    desk = window.desk
    assert desk.first_program.isVisible()
    assert "no programs yet" in desk.session_title.text()

    desk.first_program.click()
    dialog = modal(qtbot, NewProgramDialog)
    dialog.save_button.click()  # no name yet: said, and the dialog stays
    wait_for_operations(qtbot)
    qtbot.waitUntil(dialog.message.isVisible)
    assert dialog.message.text() == "A program needs a name."
    assert QApplication.activeModalWidget() is dialog

    dialog.name.setText("Be active! Be positive!")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProgramKind.CAMP.value))
    dialog.save_button.click()
    wait_for_operations(qtbot)
    one = modal(qtbot, NewSessionDialog)  # a camp day: one session, not a series
    wait_for_operations(qtbot)  # the programs to choose from
    assert one.program.currentText() == "Be active! Be positive!"
    one.day.setDate(QDate(2018, 8, 6))
    one.starts_at.setTime(QTime(10, 0))
    one.ends_at.setTime(QTime(15, 0))
    one.save_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    assert programs_and_sessions(window.ctx.database) == (
        [("Be active! Be positive!", ProgramKind.CAMP)],
        [date(2018, 8, 6)],
    )
    qtbot.waitUntil(lambda: not desk.first_program.isVisible())
    assert "no programs yet" not in desk.session_title.text()
    qtbot.waitUntil(desk.scan_input.hasFocus)  # back to the scanner
    with window.ctx.database.reading() as s:
        [session] = s.scalars(select(Session))
        assert (session.starts_at, session.ends_at) == (time(10), time(15))


def test_a_partner_librarys_desk_says_it_has_no_programs_of_its_own(
    two_site_ctx: AppContext, qtbot: QtBot
) -> None:
    """Jēkabpils has its programs; the laptop at Ludza has none yet. Its desk offers the first
    program as its own, not as if the whole database were empty."""
    two_site_ctx.settings.set(SITE, "Ludza")
    main = MainWindow(two_site_ctx)
    qtbot.addWidget(main)
    main.show()
    wait_for_operations(qtbot)
    desk = main.desk
    assert desk.first_program.isVisibleTo(main)
    assert desk.session_title.text() == (
        "This library has no programs yet. Create its first program and its sessions"
        " to check children in."
    )

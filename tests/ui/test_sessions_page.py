"""The Sessions page: the month's list, scheduling, cancelling, and correcting attendance."""

from __future__ import annotations

import threading
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.attendance import check_in
from db.models import (
    Attendance,
    AttendanceStatus,
    CheckInMethod,
    ProgramKind,
    Session,
    SessionStatus,
)
from db.people import enrol
from db.programs import SessionPlan, create_program, create_session
from desktop.context import AppContext
from desktop.dialogs.session_dialogs import NewSessionDialog, WeeklySeriesDialog
from desktop.operations import Operation
from desktop.pages.sessions import SessionsPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> SessionsPage:
    widget = SessionsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.month_view.show_month(2018, 10)
    wait_for_operations(qtbot)
    return widget


def session_rows(desk: Desk, program_id: int) -> list[Session]:
    with desk.db.reading() as s:
        return list(
            s.scalars(select(Session).where(Session.program_id == program_id).order_by(Session.day))
        )


def the_session(desk: Desk) -> Session:
    with desk.db.reading() as s:
        row = s.get(Session, desk.session_id)
        assert row is not None
        return row


def attendance_of(desk: Desk, participant_id: int) -> Attendance | None:
    with desk.db.reading() as s:
        return s.scalars(
            select(Attendance).where(
                Attendance.session_id == desk.session_id,
                Attendance.participant_id == participant_id,
            )
        ).first()


def button(page: SessionsPage, name: str) -> QPushButton:
    found = page.findChild(QPushButton, name)
    assert found is not None, name
    return found


def cell(page: SessionsPage, row: int, column: int) -> str:
    return page.month_view.table.item(row, column).text()


def test_october_2018_lists_the_fixture_session_with_its_theme(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    page.month_view.reload()
    wait_for_operations(qtbot)
    month = page.month_view
    assert month.month_label.text().endswith("2018")
    assert QLocale().standaloneMonthName(10)[1:] in month.month_label.text()
    assert month.table.rowCount() == 1
    assert cell(page, 0, 1) == "16:00–17:00"
    assert cell(page, 0, 2) == "Nāc, pievienojies!"
    assert cell(page, 0, 3) == "Iespējas dzīvojot laukos"
    assert cell(page, 0, 5) == "Planned"
    assert cell(page, 0, 6) == "1"  # Ilze checked in
    assert QLocale().dayName(5) in cell(page, 0, 0)  # a Friday

    qtbot.mouseClick(button(page, "nextMonth"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert month.month_label.text().endswith("2018")
    assert QLocale().standaloneMonthName(11)[1:] in month.month_label.text()
    assert month.table.rowCount() == 0 and month.empty_label.isVisible()
    qtbot.mouseClick(button(page, "previousMonth"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(page, "previousMonth"), Qt.MouseButton.LeftButton)
    assert (month.year, month.month) == (2018, 9)
    month.step_month(-9)  # across the new year
    assert (month.year, month.month) == (2017, 12)


def test_weekly_series_of_fridays_with_a_theme_for_one_date(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    cycle = create_program(desk.db, "Piedzīvojumu klubs", ProgramKind.OPEN, desk.site_id)
    dialog = WeeklySeriesDialog(ctx)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot)  # the programs and librarians to choose from
    dialog.program.setCurrentIndex(dialog.program.findData(cycle))
    dialog.first_day.setDate(QDate(2018, 9, 14))
    dialog.last_day.setDate(QDate(2018, 10, 26))
    dialog.starts_at.setTime(QTime(16, 0))
    dialog.ends_at.setTime(QTime(17, 0))
    dialog.place.setText("Bērnu literatūras nodaļa")
    wait_for_operations(qtbot)  # which dates already have a session
    assert dialog.table.rowCount() == 7
    dialog.set_theme(date(2018, 10, 12), "Jūties droši uz ceļa!")

    dialog.accept()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)

    rows = session_rows(desk, cycle)
    assert [r.day for r in rows] == [
        date(2018, 9, 14),
        date(2018, 9, 21),
        date(2018, 9, 28),
        date(2018, 10, 5),
        date(2018, 10, 12),
        date(2018, 10, 19),
        date(2018, 10, 26),
    ]
    assert {r.day: r.theme for r in rows if r.theme} == {
        date(2018, 10, 12): "Jūties droši uz ceļa!"
    }
    assert {(r.starts_at, r.ends_at, r.place) for r in rows} == {
        (time(16), time(17), "Bērnu literatūras nodaļa")
    }
    assert len(dialog.created_ids) == 7


def test_series_leaves_dates_that_already_have_a_session(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    dialog = WeeklySeriesDialog(ctx)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot)  # the programs and librarians to choose from
    dialog.program.setCurrentIndex(dialog.program.findData(desk.program_id))
    dialog.first_day.setDate(QDate(2018, 9, 28))
    dialog.last_day.setDate(QDate(2018, 10, 12))
    wait_for_operations(qtbot)
    assert dialog.table.rowCount() == 3
    # 5 October has the fixture session: its theme is shown and cannot be typed over.
    existing = dialog.table.item(1, dialog.THEME_COLUMN)
    assert existing.text() == "Iespējas dzīvojot laukos"
    assert not existing.flags() & Qt.ItemFlag.ItemIsEditable
    assert "2 sessions" in dialog.summary.text()

    dialog.accept()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert len(session_rows(desk, desk.program_id)) == 3
    assert len(dialog.created_ids) == 2


def test_new_session_is_scheduled_and_a_clash_is_refused_in_the_dialog(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    dialog = NewSessionDialog(ctx, day=date(2018, 10, 5))
    qtbot.addWidget(dialog)
    # Nothing to schedule, and no one to lead, until they are read on the worker.
    assert not dialog.save_button.isEnabled() and dialog.program.count() == 0
    wait_for_operations(qtbot)
    assert dialog.save_button.isEnabled() and dialog.leader.currentData() == desk.librarian_id
    dialog.program.setCurrentIndex(dialog.program.findData(desk.program_id))
    dialog.starts_at.setTime(QTime(16, 0))
    dialog.ends_at.setTime(QTime(17, 0))
    dialog.theme.setText("Piedzīvojumu pasaule")
    dialog.accept()
    wait_for_operations(qtbot)
    # The fixture already has this program at 16:00 that day: refused, the dialog stays open.
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
    assert "already has a session" in dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.ends_at.setTime(QTime(15, 0))
    dialog.accept()  # ends before it starts: said at once, nothing saved
    assert "end after it starts" in dialog.message.text()

    dialog.day.setDate(QDate(2018, 10, 19))
    dialog.ends_at.setTime(QTime(17, 30))
    dialog.place.setText("Lasītava")
    dialog.accept()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    added = [r for r in session_rows(desk, desk.program_id) if r.day == date(2018, 10, 19)]
    assert len(added) == 1
    assert (added[0].starts_at, added[0].ends_at) == (time(16), time(17, 30))
    assert (added[0].theme, added[0].place) == ("Piedzīvojumu pasaule", "Lasītava")
    assert added[0].leader_id == desk.librarian_id  # the signed-in librarian by default


def test_cancelling_asks_first_then_marks_the_session_did_not_occur(
    page: SessionsPage, desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: answers.pop(0)))
    month = page.month_view
    month.table.selectRow(0)

    qtbot.mouseClick(button(page, "cancelSession"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert the_session(desk).status is SessionStatus.PLANNED  # the librarian said no

    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(button(page, "cancelSession"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, 0, 5) == "Did not occur")
    assert the_session(desk).status is SessionStatus.CANCELLED
    assert not button(page, "cancelSession").isEnabled()
    assert not button(page, "markHeld").isEnabled()

    # Opening it shows why nothing can be corrected.
    page.open_session(desk.session_id)
    wait_for_operations(qtbot)
    assert page.attendance_view.note.isVisibleTo(page)
    assert not page.attendance_view.search.isEnabled()
    page.show_month_view()

    qtbot.mouseClick(button(page, "backToPlanned"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, 0, 5) == "Planned")
    assert the_session(desk).status is SessionStatus.PLANNED

    qtbot.mouseClick(button(page, "markHeld"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, 0, 5) == "Held")
    assert the_session(desk).status is SessionStatus.HELD


def test_correcting_a_childs_attendance_to_excused(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    page.month_view.table.selectRow(0)
    qtbot.mouseClick(button(page, "openSession"), Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    view = page.attendance_view
    assert page.stack.currentWidget() is view
    assert "Iespējas dzīvojot laukos" in view.details.text()
    assert view.table.rowCount() == 1
    assert view.table.item(0, view.NAME_COLUMN).text() == "Ilze Ķēniņa"

    choice = view.status_choice(desk.ilze_id)
    assert choice is not None and choice.currentData() == "present"
    choice.setCurrentIndex(choice.findData("excused"))
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "excused 1" in view.summary.text())

    row = attendance_of(desk, desk.ilze_id)
    assert row is not None and row.status is AttendanceStatus.EXCUSED
    # Excused is not "checked in": the month list's count follows.
    page.show_month_view()
    assert cell(page, 0, 6) == "0"


def test_adding_a_child_to_a_past_session_after_the_fact(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    page.open_session(desk.session_id)
    wait_for_operations(qtbot)
    view = page.attendance_view
    assert view.table.rowCount() == 0 and view.empty_label.isVisibleTo(page)

    view.search.setText("zurin")  # diacritic-insensitive: finds Jānis Žūriņš
    wait_for_operations(qtbot)
    assert view.results.count() == 1
    assert view.results.item(0).text().startswith("Jānis Žūriņš")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)

    row = attendance_of(desk, desk.janis_id)
    assert row is not None
    assert row.method is CheckInMethod.AFTER_THE_FACT
    assert row.status is AttendanceStatus.PRESENT
    assert view.table.item(0, view.HOW_COLUMN).text() == "Added afterwards"

    # Adding the same child again changes nothing and points at their row.
    view.search.setText("Žūriņš")
    wait_for_operations(qtbot)
    view.add_chosen_child()
    wait_for_operations(qtbot)
    assert "already on the list" in view.message.text()
    with desk.db.reading() as s:
        assert len(s.scalars(select(Attendance)).all()) == 1


def test_typing_fast_reads_and_shows_only_the_last_letters(
    page: SessionsPage, desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.pages import session_attendance

    page.open_session(desk.session_id)
    wait_for_operations(qtbot)
    view = page.attendance_view
    read: list[str] = []
    search = session_attendance.search_participants

    def recorded(db: object, typed: str, **kwargs: object) -> object:
        read.append(typed)
        return search(db, typed, **kwargs)

    monkeypatch.setattr(session_attendance, "search_participants", recorded)
    gate = threading.Event()
    Operation(None, lambda: gate.wait(5)).run()  # the worker busy with an earlier action
    for typed in ("k", "ke", "kenin", "z", "zu", "zurin"):
        view.search.setText(typed)
    assert view.results.count() == 0  # nothing read on the UI thread meanwhile
    gate.set()
    wait_for_operations(qtbot)
    assert read == ["zurin"]  # the letters typed before it were never looked up
    assert [view.results.item(i).text() for i in range(view.results.count())] == [
        "Jānis Žūriņš (born 2010)"
    ]


def test_anonymous_headcount_is_saved(page: SessionsPage, desk: Desk, qtbot: QtBot) -> None:
    page.open_session(desk.session_id)
    wait_for_operations(qtbot)
    view = page.attendance_view
    view.headcount.setValue(4)
    qtbot.waitUntil(lambda: the_session(desk).anonymous_headcount == 4, timeout=3000)
    view.headcount.setValue(6)
    page.show_month_view()  # leaving saves a change still waiting
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, 0, 7) == "6")
    assert the_session(desk).anonymous_headcount == 6


def test_closed_cycle_lists_children_enrolled_by_that_day(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    cycle = create_program(desk.db, "Apmācību cikls", ProgramKind.CLOSED, desk.site_id)
    meeting = create_session(desk.db, cycle, SessionPlan(date(2018, 11, 9), time(14), time(15)))
    enrol(desk.db, desk.ilze_id, cycle, date(2018, 11, 1))
    enrol(desk.db, desk.janis_id, cycle, date(2018, 11, 20))  # joined later: not his absence

    page.open_session(meeting)
    wait_for_operations(qtbot)
    view = page.attendance_view
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == ["Ilze Ķēniņa"]
    choice = view.status_choice(desk.ilze_id)
    assert choice is not None and choice.currentData() == ""  # not marked yet
    assert "not marked 1" in view.summary.text()

    choice.setCurrentIndex(choice.findData("absent"))
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "absent 1" in view.summary.text())
    with desk.db.reading() as s:
        row = s.scalars(select(Attendance).where(Attendance.session_id == meeting)).one()
    assert (row.participant_id, row.status) == (desk.ilze_id, AttendanceStatus.ABSENT)


def test_page_buttons_open_the_dialogs_and_show_what_was_scheduled(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    month = page.month_view
    qtbot.mouseClick(button(page, "newSession"), Qt.MouseButton.LeftButton)
    dialog = page.findChild(NewSessionDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.date() == QDate(2018, 10, 1)  # the month shown, not today
    wait_for_operations(qtbot)
    dialog.day.setDate(QDate(2018, 11, 16))
    dialog.theme.setText("Mani supervaroņi")
    dialog.accept()
    wait_for_operations(qtbot)
    # The list moves to the new session's month and selects it.
    qtbot.waitUntil(lambda: (month.year, month.month) == (2018, 11))
    assert cell(page, 0, 3) == "Mani supervaroņi"
    assert month.selected() is not None and month.selected().day == date(2018, 11, 16)
    assert "Scheduled the session" in month.message.text()

    qtbot.mouseClick(button(page, "weeklySeries"), Qt.MouseButton.LeftButton)
    series = page.findChild(WeeklySeriesDialog)
    assert series is not None and series.isVisible()
    wait_for_operations(qtbot)
    assert series.program.currentData() == desk.program_id  # the open sessions first
    series.reject()
    qtbot.waitUntil(lambda: page.findChild(WeeklySeriesDialog) is None)
    assert len(session_rows(desk, desk.program_id)) == 2

    qtbot.mouseClick(button(page, "thisMonth"), Qt.MouseButton.LeftButton)
    assert (month.year, month.month) == (date.today().year, date.today().month)

    month.show_month(2018, 10)
    wait_for_operations(qtbot)
    month.table.setFocus()
    month.table.selectRow(0)
    qtbot.keyClick(month.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.attendance_view
    wait_for_operations(qtbot)
    qtbot.mouseClick(button(page, "backToMonth"), Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is month
    assert month.selected() is not None and month.selected().id == desk.session_id


def test_keyboard_pages_months_opens_and_goes_back(
    page: SessionsPage, desk: Desk, qtbot: QtBot
) -> None:
    qtbot.waitExposed(page)
    page.activateWindow()
    month = page.month_view
    month.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is month.table)
    qtbot.keyClick(month.table, Qt.Key.Key_PageDown)
    assert (month.year, month.month) == (2018, 11)
    qtbot.keyClick(month.table, Qt.Key.Key_PageUp)
    assert (month.year, month.month) == (2018, 10)
    wait_for_operations(qtbot)

    month.table.selectRow(0)
    qtbot.keyClick(month.table, Qt.Key.Key_Return)
    view = page.attendance_view
    assert page.stack.currentWidget() is view
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is month

    qtbot.waitUntil(lambda: QApplication.focusWidget() is month.table)
    qtbot.keyClick(month.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(NewSessionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

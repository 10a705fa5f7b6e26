"""The desk when the shared server stops in the middle of a Friday: scans go on, shown as
saved on this laptop, and arrive once when the server is back (the real PostgreSQL test
server, stopped and started again)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytest_postgresql.executors import PostgreSQLExecutor
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.accounts import set_password
from db.clock import at_local
from db.connection import server_answers
from db.database import Database
from db.loans import Borrower, lend
from db.migrate import migrate
from db.models import Attendance, ConsentPurpose, Loan, Participant
from db.offline.journal import waiting_entries
from db.offline.sending import send_journal
from db.programs import list_sites
from db.scancodes import card_text, item_text
from desktop.context import AppContext
from desktop.dialogs.new_child import NewChildDialog
from desktop.main_window import MainWindow
from desktop.offline_desk import OfflineDesk
from desktop.pages.desk import DeskPage
from desktop.pages.desk_away import JournalRefusals
from desktop.pages.desk_lists import UNSENT
from desktop.settings import Settings
from tests.conftest import Desk, make_desk
from tests.ui.conftest import wait_for_operations

pytestmark = pytest.mark.postgres

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


@pytest.fixture
def shared_desk(postgres_url: str) -> Iterator[Desk]:
    database = Database(postgres_url)
    migrate(database, back_up=False)
    yield make_desk(database)
    database.dispose()


@pytest.fixture
def server(postgres_proc: PostgreSQLExecutor) -> Iterator[PostgreSQLExecutor]:
    """The test server, started again after the test whatever happened in it."""
    yield postgres_proc
    if not postgres_proc.running():
        postgres_proc.start()


@pytest.fixture
def page(
    shared_desk: Desk, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DeskPage]:
    monkeypatch.setattr(OfflineDesk, "ASK_EVERY_MS", 100_000)  # the test asks when it wants
    monkeypatch.setattr(OfflineDesk, "SEND_AT_ONCE", 1)  # a journal of a few scans, in parts
    ctx = AppContext(
        shared_desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(shared_desk.db)
    )
    ctx.set_staff(shared_desk.librarian_id)
    desk = DeskPage(ctx)
    qtbot.addWidget(desk)
    desk.clock = lambda: FRIDAY_1605
    desk.reload_sessions()
    desk.resize(1280, 800)
    desk.show()
    wait_for_operations(qtbot)
    desk.offline.start()  # the copy of this Friday's week, made while the server answers
    qtbot.waitUntil(lambda: desk.offline.copy is not None, timeout=20_000)
    wait_for_operations(qtbot)
    assert desk.offline.copy_path.exists()
    yield desk
    desk.offline.close()
    wait_for_operations(qtbot)  # nothing of this desk runs on once its database is dropped


def _start_again(server: PostgreSQLExecutor, db: Database, qtbot: QtBot) -> None:
    """The server started again and taking connections (it says "starting up" at first)."""
    server.start()
    qtbot.waitUntil(lambda: server_answers(db.url), timeout=30_000)


def _card(db: Database, participant_id: int) -> str:
    with db.reading() as tx:
        code = tx.scalar(select(Participant.card_code).where(Participant.id == participant_id))
    assert code
    return card_text(code)


def _scan(page: DeskPage, qtbot: QtBot, text: str) -> None:
    page.scan_input.setText(text)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def _count(db: Database, model: type[Attendance] | type[Loan]) -> int:
    with db.reading() as tx:
        return int(tx.scalar(select(func.count()).select_from(model)) or 0)


def _blue_rows(page: DeskPage) -> list[str]:
    present = [page.present_list.item(row) for row in range(page.present_list.count())]
    out = [page.out_list.item(row, 0) for row in range(page.out_list.rowCount())]
    return [
        row.text().split("   ")[0]
        for row in (*present, *out)
        if row.foreground().color() == QColor(UNSENT)
    ]


def test_the_desk_goes_on_while_the_server_is_stopped_and_everything_arrives_once(
    page: DeskPage, shared_desk: Desk, server: PostgreSQLExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    db = shared_desk.db
    ilze, janis = _card(db, shared_desk.ilze_id), _card(db, shared_desk.janis_id)
    _scan(page, qtbot, ilze)  # the server answers: as always
    assert "Ilze" in page.scan_message.text()
    assert _count(db, Attendance) == 1

    server.stop()
    _scan(page, qtbot, janis)
    assert page.offline.away and page.away_banner.isVisible()
    assert "16:05" in page.away_banner.text()
    assert "Jānis" in page.scan_message.text()
    assert "not yet sent" in page.scan_message.text()
    _scan(page, qtbot, item_text("LAP-01"))  # lent to Jānis, scanned just before
    assert "LAP-01" in page.scan_message.text()
    wait_for_operations(qtbot)
    assert _blue_rows(page) == ["Jānis Žūriņš", "LAP-01"]
    # Ilze, checked in while the server answered, is still here: the copy kept in step.
    assert page.present_list.count() == 2
    assert "2" in page.away_banner.text()  # two scans wait to be sent
    assert page.scan_input.hasFocus()
    page.grab().save(str(tmp_path / "away.png"))  # to look at when a check fails

    _start_again(server, db, qtbot)
    page.offline.ask_now()
    qtbot.waitUntil(lambda: not page.offline.away, timeout=20_000)
    wait_for_operations(qtbot)
    assert not page.away_banner.isVisible()
    assert "2" in page.scan_message.text() and "sent" in page.scan_message.text()
    assert _blue_rows(page) == []
    assert _count(db, Attendance) == 2 and _count(db, Loan) == 1
    assert waiting_entries(page.offline.journal) == []
    # Sent again (a laptop killed before it marked the entries): nothing is added.
    assert send_journal(db, page.offline.journal, "desk-1").sent == 0
    assert _count(db, Attendance) == 2 and _count(db, Loan) == 1


def test_what_the_server_does_not_take_is_listed_for_the_librarian(
    page: DeskPage, shared_desk: Desk, server: PostgreSQLExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    db = shared_desk.db
    server.stop()
    _scan(page, qtbot, item_text("LAP-01"))  # lent to the session, on this laptop
    assert page.offline.away
    _start_again(server, db, qtbot)
    # Before this laptop's journal arrives, another laptop lent LAP-01 to Ilze.
    lend(db, "LAP-01", Borrower.child(shared_desk.ilze_id), at=FRIDAY_1605 + timedelta(minutes=1))
    page.offline.ask_now()
    qtbot.waitUntil(lambda: not page.offline.away, timeout=20_000)
    wait_for_operations(qtbot)
    listed = page.findChild(JournalRefusals)
    assert listed is not None and listed.isVisible()
    assert listed.table.rowCount() == 1
    row = [listed.table.item(0, column).text() for column in range(4)]
    assert "LAP-01" in row[1]
    assert row[2] and row[3]  # why, and what was done instead
    assert _count(db, Loan) == 1  # the other laptop's loan stays, nothing doubled
    listed.grab().save(str(tmp_path / "refused.png"))
    listed.accept()


def test_a_walk_in_while_the_server_is_stopped_is_registered_here_and_reaches_it(
    page: DeskPage, shared_desk: Desk, server: PostgreSQLExecutor, qtbot: QtBot
) -> None:
    db = shared_desk.db
    server.stop()
    _scan(page, qtbot, item_text("XBOX-01"))  # the desk finds the server away
    assert page.offline.away
    page.open_new_child()
    dialog = page.findChild(NewChildDialog)
    assert dialog is not None
    dialog.first_name.setText("Līva")
    dialog.last_name.setText("Čakste")
    dialog.birth_year.setValue(2011)
    dialog.guardian_name.setText("Dace Čakste")
    dialog.consents[ConsentPurpose.PHOTO].setChecked(True)
    dialog.save()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.present_list.count() == 1)
    assert _blue_rows(page)[0] == "Līva Čakste"

    _start_again(server, db, qtbot)
    page.offline.ask_now()
    qtbot.waitUntil(lambda: not page.offline.away, timeout=20_000)
    wait_for_operations(qtbot)
    with db.reading() as tx:
        child = tx.scalars(select(Participant).where(Participant.last_name == "Čakste")).one()
        assert child.birth_year == 2011
        here = tx.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.participant_id == child.id)
        )
    assert here == 1
    assert [row.split("   ")[0] for row in _present_names(page)] == ["Līva Čakste"]


def _present_names(page: DeskPage) -> list[str]:
    return [page.present_list.item(row).text() for row in range(page.present_list.count())]


def test_a_copy_read_while_the_desk_scanned_is_not_put_in_place(
    page: DeskPage, shared_desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy in use followed the scan; a copy read from the server before it may not
    have it, and would lose it if the server went away next."""
    import threading

    from desktop import offline_desk

    db = shared_desk.db
    reading, go_on = threading.Event(), threading.Event()
    real_read = offline_desk.read_for_local_copy

    def slow_read(*args: object) -> object:
        reading.set()
        go_on.wait(10)
        return real_read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(offline_desk, "read_for_local_copy", slow_read)
    written: list[object] = []
    monkeypatch.setattr(offline_desk, "write_local_copy", lambda *args: written.append(args))
    page.offline.refresh_copy()
    qtbot.waitUntil(reading.is_set)
    _scan(page, qtbot, _card(db, shared_desk.ilze_id))  # checked in, the copy kept in step
    go_on.set()
    qtbot.waitUntil(lambda: not page.offline._beside.busy, timeout=10_000)
    wait_for_operations(qtbot)
    assert written == []
    copy = page.offline.copy
    assert copy is not None
    with copy.reading() as tx:  # the copy in use has Ilze's check-in
        assert tx.scalar(select(func.count()).select_from(Attendance)) == 1


def test_the_idle_lock_opens_with_the_librarians_password_while_the_server_is_away(
    shared_desk: Desk,
    server: PostgreSQLExecutor,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A desk left alone locks itself; with the server away it must still open, or the
    Friday queue waits for the network."""
    monkeypatch.setattr(OfflineDesk, "ASK_EVERY_MS", 100_000)
    db = shared_desk.db
    set_password(db, shared_desk.librarian_id, "anna-2018-desk")
    ctx = AppContext(db, Settings(str(tmp_path / "settings.ini")), list_sites(db))
    ctx.set_staff(shared_desk.librarian_id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    desk = window.desk
    desk.clock = lambda: FRIDAY_1605
    desk.reload_sessions()
    wait_for_operations(qtbot)
    desk.offline.start()
    qtbot.waitUntil(lambda: desk.offline.copy is not None, timeout=20_000)
    wait_for_operations(qtbot)

    server.stop()
    _scan(desk, qtbot, item_text("LAP-01"))  # lent to the session, on this laptop
    assert desk.offline.away
    window.idle_lock.lock()
    dialog = window.idle_lock.dialog
    assert dialog is not None
    wait_for_operations(qtbot)  # whose password it asks for, read from the copy
    assert dialog.username.text() == "anna"
    dialog.password.setText("anna-2018-desk")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked, timeout=5000)
    _scan(desk, qtbot, item_text("LAP-01"))  # and the desk goes on: the laptop comes back
    assert "not yet sent" in desk.scan_message.text()
    desk.offline.close()
    _start_again(server, db, qtbot)
    wait_for_operations(qtbot)


def test_a_journal_left_from_an_earlier_start_goes_whole_before_any_scan(
    page: DeskPage,
    shared_desk: Desk,
    server: PostgreSQLExecutor,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While away, the journal goes in parts and scans go between them into the journal. A
    journal the desk finds at its start goes in one: its scans already go to the server,
    and one must not overtake an older entry of the same laptop (returned before lent)."""
    from desktop import offline_desk

    db = shared_desk.db
    janis = _card(db, shared_desk.janis_id)
    server.stop()
    _scan(page, qtbot, janis)
    _scan(page, qtbot, item_text("LAP-01"))
    page.offline.close()  # the laptop was shut down with two scans waiting
    _start_again(server, db, qtbot)
    parts: list[int] = []
    real_send_part = offline_desk.send_part

    def counted(*args: Any) -> Any:
        parts.append(args[-1])
        return real_send_part(*args)

    monkeypatch.setattr(offline_desk, "send_part", counted)
    started = OfflineDesk(page.ctx, lambda: FRIDAY_1605, page)
    started.start()
    qtbot.waitUntil(lambda: _count(db, Loan) == 1, timeout=10_000)
    wait_for_operations(qtbot)
    assert len(parts) == 1  # both entries in one sending, SEND_AT_ONCE being 1
    assert _count(db, Attendance) == 1 and waiting_entries(started.journal) == []
    started.close()

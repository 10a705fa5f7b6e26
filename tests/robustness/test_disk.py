"""A read-only or full disk: the action fails with a clear message and nothing saved is lost.

Read-only: PRAGMA query_only makes SQLite refuse writes with its own "attempt to write a
readonly database" (chmod would not do: the tests run as root in CI). Full: PRAGMA
max_page_count makes SQLite itself answer "database or disk is full" once the file cannot
grow; at the desk the same error is injected at the check-in's INSERT.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from db.attendance import check_in
from db.clock import at_local
from db.database import Database
from db.loans import Borrower, lend, return_item
from db.models import Attendance, AuditEvent, Loan, Participant
from db.people import ParticipantDetails, register_participant
from db.programs import list_sites
from desktop import errors, operations
from desktop.context import AppContext
from desktop.errors import plain_words
from desktop.pages.desk import DeskPage
from desktop.settings import Settings
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

FULL = "The disk is full. Nothing more can be saved until space is freed."
READ_ONLY = "The database cannot be written: the file or the disk is read-only."
FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


def reopened(desk: Desk, *pragmas: str) -> Database:
    """The desk's file opened again, each connection set up with these pragmas."""
    database = Database(desk.db.url)

    @event.listens_for(database.engine, "connect")
    def limit(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    return database


def snapshot(database: Database) -> dict[str, list[tuple[object, ...]]]:
    with database.reading() as s:
        return {
            model.__tablename__: [tuple(row) for row in s.execute(select(model.__table__))]
            for model in (Participant, Attendance, Loan, AuditEvent)
        }


def integrity(database: Database) -> str:
    with database.engine.connect() as connection:
        return str(connection.execute(text("PRAGMA integrity_check")).scalar())


@pytest.fixture
def saved(desk: Desk) -> Iterator[dict[str, list[tuple[object, ...]]]]:
    """A morning's work already saved: a check-in and a loan."""
    check_in(desk.db, desk.session_id, desk.ilze_id)
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
    yield snapshot(desk.db)


ACTIONS: dict[str, Callable[[Desk, Database], object]] = {
    "check-in": lambda desk, db: check_in(db, desk.session_id, desk.janis_id),
    "lend": lambda desk, db: lend(db, "XBOX-01", Borrower.child(desk.janis_id)),
    "return": lambda desk, db: return_item(db, "LAP-01"),
    "register": lambda desk, db: register_participant(
        db, ParticipantDetails("Līga", "Ozola", 2011, desk.site_id)
    ),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_read_only_database_refuses_in_plain_words_and_keeps_what_was_saved(
    desk: Desk, saved: dict[str, list[tuple[object, ...]]], action: str, qapp: object
) -> None:
    read_only = reopened(desk, "PRAGMA query_only=ON")
    with pytest.raises(OperationalError, match="attempt to write a readonly database") as failed:
        ACTIONS[action](desk, read_only)
    assert plain_words(failed.value) == READ_ONLY
    read_only.dispose()
    assert snapshot(desk.db) == saved
    assert integrity(desk.db) == "ok"


def test_a_full_disk_stops_saving_in_plain_words_and_keeps_everything_saved_before(
    desk: Desk, saved: dict[str, list[tuple[object, ...]]], qapp: object
) -> None:
    with desk.db.engine.connect() as connection:
        pages = int(connection.execute(text("PRAGMA page_count")).scalar() or 0)
    full = reopened(desk, f"PRAGMA max_page_count={pages + 8}")
    registered: list[int] = []
    with pytest.raises(OperationalError, match="database or disk is full") as failed:
        for n in range(1000):
            details = ParticipantDetails(
                f"Bērns{n}", "Kļaviņš", 2010, desk.site_id, notes="x" * 900
            )
            registered.append(register_participant(full, details))
    assert plain_words(failed.value) == FULL
    assert 0 < len(registered) < 1000  # it filled up part-way, as a real disk would
    full.dispose()

    after = snapshot(desk.db)
    for table, rows in saved.items():
        assert set(rows) <= set(after[table]), table  # nothing saved before is lost
    with desk.db.reading() as s:
        stored = s.scalars(select(Participant.id).where(Participant.notes == "x" * 900)).all()
        events = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "participant.registered")
        )
    assert sorted(stored) == registered  # every acknowledged one, and not the failed one
    assert events == len(saved["participant"]) + len(registered)
    assert integrity(desk.db) == "ok"
    # Space freed: work goes on.
    register_participant(desk.db, ParticipantDetails("Līga", "Ozola", 2011, desk.site_id))


def test_the_desk_says_the_disk_is_full_when_a_check_in_cannot_be_saved(
    desk: Desk,
    tmp_path: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    from db.people import get_participant
    from db.scancodes import card_text

    with desk.db.reading() as s:
        card = card_text(get_participant(s, desk.janis_id).card_code or "")
    before = snapshot(desk.db)

    @event.listens_for(desk.db.engine, "before_cursor_execute")
    def disk_full(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.startswith("INSERT INTO attendance"):
            raise sqlite3.OperationalError("database or disk is full")

    warnings: list[str] = []
    monkeypatch.setattr(
        errors.QMessageBox, "warning", lambda _parent, _title, words: warnings.append(words)
    )
    monkeypatch.setattr(
        errors.QMessageBox, "exec", lambda _box: pytest.fail("a crash dialog was shown")
    )
    monkeypatch.setattr(operations, "_default_failure", errors.show_error)
    ctx = AppContext(desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(desk.db))
    ctx.set_staff(desk.librarian_id)
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()
    page.show()
    wait_for_operations(qtbot)

    page.scan_input.setText(card)
    page.scan_input.returnPressed.emit()
    wait_for_operations(qtbot)
    # Said in the desk's red line, not in a box that would swallow the next scans.
    qtbot.waitUntil(lambda: page.scan_message.text() == FULL, timeout=5000)
    assert warnings == []
    assert page.scan_input.hasFocus() or not page.isActiveWindow()
    assert snapshot(desk.db) == before

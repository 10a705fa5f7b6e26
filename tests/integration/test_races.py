"""Two laptops at once: the database itself keeps one open loan per item and one row per child."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

import db.attendance
import db.loans
from db.attendance import check_in
from db.database import Database
from db.errors import DomainError, ItemAlreadyOut
from db.loans import Borrower, lend, return_item
from db.models import Attendance, Loan
from tests.conftest import Desk

AT = datetime(2018, 10, 5, 13, 40, tzinfo=UTC)


def race(workers: int, attempt: Callable[[int], object]) -> list[object]:
    """Run `attempt` in several threads released at the same instant; collect results or errors."""
    start = threading.Barrier(workers)
    results: list[object] = [None] * workers

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = attempt(index)
        except Exception as error:  # collected and asserted on below
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def laptops(desk: Desk, count: int) -> list[Database]:
    """Separate connections to the same database, one per laptop."""
    return [Database(desk.db.url) for _ in range(count)]


def open_loans_of(database: Database, tag: str) -> int:
    with database.reading() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Loan)
                .join(Loan.item)
                .where(Loan.returned_at.is_(None))
            )
            or 0
        )


def test_racing_lends_give_exactly_one_loan(any_desk: Desk) -> None:
    desks = laptops(any_desk, 4)
    borrowers = [any_desk.ilze_id, any_desk.janis_id] * 2
    for _round in range(5):
        results = race(4, lambda i: lend(desks[i], "LAP-01", Borrower.child(borrowers[i]), at=AT))
        won = [r for r in results if isinstance(r, db.loans.Lent)]
        refused = [r for r in results if isinstance(r, ItemAlreadyOut)]
        assert len(won) == 1 and len(refused) == 3, results
        assert open_loans_of(any_desk.db, "LAP-01") == 1
        return_item(any_desk.db, "LAP-01", at=AT)
    for database in desks:
        database.dispose()


def reading_stale_once(
    monkeypatch: pytest.MonkeyPatch, starts: str, stale: dict[str, object]
) -> list[int]:
    """The next query whose SQL starts with `starts` reads as another laptop saw the records a
    moment before: its rows come back with the `stale` values. Returns a list that counts it."""
    real_execute = OrmSession.execute
    seen: list[int] = []

    def execute(self: OrmSession, statement: object, *args: object, **kwargs: object) -> object:
        result = real_execute(self, statement, *args, **kwargs)  # type: ignore[call-overload]
        if not seen and " ".join(str(statement).split()).startswith(starts):
            seen.append(1)
            rows = [SimpleNamespace(**{**row._asdict(), **stale}) for row in result.all()]
            return SimpleNamespace(all=lambda: rows)
        return result

    monkeypatch.setattr(OrmSession, "execute", execute)
    return seen


def test_both_passed_the_check_the_index_still_refuses(
    any_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.janis_id), at=AT)
    # The other laptop read "not out" just before this one committed.
    stale = reading_stale_once(monkeypatch, "SELECT item.id AS item_id", {"out_id": None})
    with pytest.raises(ItemAlreadyOut, match="Jānis Žūriņš"):
        lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=AT)
    assert stale == [1]
    assert open_loans_of(any_desk.db, "LAP-01") == 1


def test_racing_check_ins_give_one_row(any_desk: Desk) -> None:
    desks = laptops(any_desk, 4)
    results = race(4, lambda i: check_in(desks[i], any_desk.session_id, any_desk.ilze_id))
    assert all(isinstance(r, db.attendance.CheckIn) for r in results), results
    assert sorted(r.already_here for r in results) == [False, True, True, True]  # type: ignore[attr-defined]
    with any_desk.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1
    for database in desks:
        database.dispose()


def test_check_in_after_the_other_laptop_inserted_says_already_here(
    any_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check_in(any_desk.db, any_desk.session_id, any_desk.ilze_id)
    stale = reading_stale_once(
        monkeypatch,
        "SELECT participant.id AS participant_id",
        {"attendance_id": None, "attendance_status": None},
    )
    result = check_in(any_desk.db, any_desk.session_id, any_desk.ilze_id)
    assert stale == [1]
    assert result.already_here and result.attendance_id == first.attendance_id
    with any_desk.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1


def test_the_database_refuses_a_second_open_loan_written_directly(any_desk: Desk) -> None:
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=AT)
    with pytest.raises(IntegrityError), any_desk.db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO loan (item_id, participant_id, lent_at, due_at, return_note)"
                " SELECT item_id, participant_id, lent_at, due_at, '' FROM loan"
            )
        )


def test_no_refusal_is_a_raw_database_error(any_desk: Desk) -> None:
    desks = laptops(any_desk, 3)
    results = race(
        3, lambda i: lend(desks[i], "XBOX-01", Borrower.librarian(any_desk.librarian_id), at=AT)
    )
    assert all(isinstance(r, db.loans.Lent | DomainError) for r in results), results
    for database in desks:
        database.dispose()

"""A use case's changed areas are the tables it wrote, as its unit of work saw them commit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from db.areas import TABLE_AREAS, Area, collecting
from db.attendance import check_in, undo_check_in
from db.equipment import item_state, set_item_status
from db.errors import ItemAlreadyOut
from db.loans import Borrower, lend, return_item
from db.models import Base, ItemStatus, SessionStatus
from db.people import ParticipantDetails, register_participant
from db.privacy import erase_participant
from db.programs import count_visitors, set_session_status
from tests.conftest import Desk

FRIDAY_1640 = datetime(2018, 10, 5, 13, 40, tzinfo=UTC)


def areas_of(work: Callable[[], Any]) -> set[Area]:
    with collecting() as areas:
        work()
    return areas


def test_every_table_belongs_to_an_area() -> None:
    assert set(Base.metadata.tables) == set(TABLE_AREAS)


def test_a_check_in_changes_attendance_and_its_audit_event(any_desk: Desk) -> None:
    d = any_desk
    areas = areas_of(lambda: check_in(d.db, d.session_id, d.ilze_id, by=d.librarian_id))
    # The audit chain's head is a shared setting, but it is the log's: Settings did not change.
    assert areas == {Area.ATTENDANCE, Area.AUDIT}


def test_a_second_check_in_changes_nothing(any_desk: Desk) -> None:
    d = any_desk
    check_in(d.db, d.session_id, d.ilze_id, by=d.librarian_id)
    assert areas_of(lambda: check_in(d.db, d.session_id, d.ilze_id, by=d.librarian_id)) == set()


def test_undoing_a_check_in_deletes_attendance(any_desk: Desk) -> None:
    d = any_desk
    came = check_in(d.db, d.session_id, d.ilze_id, by=d.librarian_id)
    assert came.attendance_id is not None
    attendance_id = came.attendance_id
    areas = areas_of(lambda: undo_check_in(d.db, attendance_id, by=d.librarian_id))
    assert areas == {Area.ATTENDANCE, Area.AUDIT}


def test_lending_and_taking_back_change_loans(any_desk: Desk) -> None:
    d = any_desk
    child = Borrower.child(d.ilze_id)
    lent = areas_of(lambda: lend(d.db, "LAP-01", child, by=d.librarian_id, at=FRIDAY_1640))
    assert lent == {Area.LOANS, Area.AUDIT}
    back = areas_of(lambda: return_item(d.db, "LAP-01", by=d.librarian_id, at=FRIDAY_1640))
    assert back == {Area.LOANS, Area.AUDIT}


def test_a_refused_lend_reports_no_change(any_desk: Desk) -> None:
    d = any_desk
    lend(d.db, "LAP-01", Borrower.child(d.janis_id), at=FRIDAY_1640)
    with collecting() as areas, pytest.raises(ItemAlreadyOut):
        lend(d.db, "LAP-01", Borrower.child(d.ilze_id), at=FRIDAY_1640)
    assert areas == set()


def test_reading_reports_no_change(any_desk: Desk) -> None:
    assert areas_of(lambda: item_state(any_desk.db, "LAP-01", by=None)) == set()


def test_items_sessions_and_children_each_name_their_own_area(any_desk: Desk) -> None:
    d = any_desk
    repair = areas_of(lambda: set_item_status(d.db, "LAP-01", ItemStatus.IN_REPAIR, by=None))
    assert repair == {Area.ITEMS, Area.AUDIT}
    cancelled = areas_of(
        lambda: set_session_status(d.db, d.session_id, SessionStatus.CANCELLED, by=None)
    )
    assert cancelled == {Area.SESSIONS, Area.AUDIT}
    visitor = areas_of(lambda: count_visitors(d.db, d.session_id, 1, by=None))
    assert visitor == {Area.SESSIONS, Area.AUDIT}
    details = ParticipantDetails("Marta", "Liepiņa", 2011, d.site_id)
    assert areas_of(lambda: register_participant(d.db, details)) == {
        Area.PARTICIPANTS,
        Area.AUDIT,
    }


def test_a_bulk_delete_counts_as_well(any_desk: Desk) -> None:
    """Erasing a child deletes their consents with one DELETE statement, not object by object."""
    d = any_desk
    check_in(d.db, d.session_id, d.ilze_id, by=d.librarian_id)
    areas = areas_of(lambda: erase_participant(d.db, d.ilze_id, by=None))
    assert {Area.PARTICIPANTS, Area.AUDIT} <= areas


def test_only_what_commits_inside_is_collected(any_desk: Desk) -> None:
    d = any_desk
    check_in(d.db, d.session_id, d.ilze_id)  # before: not this collector's
    with collecting() as outside:
        with collecting() as inside:
            lend(d.db, "LAP-01", Borrower.child(d.ilze_id), at=FRIDAY_1640)
        set_item_status(d.db, "XBOX-01", ItemStatus.IN_REPAIR)
    assert inside == {Area.LOANS, Area.AUDIT}
    assert outside == {Area.ITEMS, Area.AUDIT}

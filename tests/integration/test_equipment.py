from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db.clock import at_local
from db.equipment import (
    Borrower,
    ItemDetails,
    add_item,
    add_return_note,
    item_state,
    lend,
    lend_kit,
    open_loans,
    overdue_loans,
    return_item,
    set_item_status,
)
from db.errors import InvalidInput, ItemAlreadyOut, ItemNotAvailable, ItemNotOut, UnknownCode
from db.models import ItemCategory, ItemStatus, Loan
from tests.conftest import Desk

FRIDAY_1640 = at_local(datetime(2018, 10, 5).date(), datetime(2018, 10, 5, 16, 40).time())


def test_lend_to_a_child_then_return_with_a_note(any_desk: Desk) -> None:
    db = any_desk.db
    lent = lend(
        db, "LAP-01", Borrower.child(any_desk.ilze_id), by=any_desk.librarian_id, at=FRIDAY_1640
    )
    assert lent.borrower == "Ilze Ķēniņa"
    # Lent during the session: due at its end, 17:00 local time.
    assert lent.due_at == at_local(datetime(2018, 10, 5).date(), datetime(2018, 10, 5, 17).time())
    returned = return_item(
        db,
        "lap-01",
        by=any_desk.librarian_id,
        note="  Ekrānā skramba ",
        at=FRIDAY_1640 + timedelta(minutes=10),
    )
    assert (returned.borrower, returned.note, returned.was_overdue) == (
        "Ilze Ķēniņa",
        "Ekrānā skramba",
        False,
    )
    with db.reading() as s:
        loan = s.scalars(select(Loan)).one()
        assert loan.returned_at is not None and loan.received_by_id == any_desk.librarian_id


def test_lend_outside_a_session_is_due_at_the_end_of_the_day(desk: Desk) -> None:
    at = datetime(2018, 10, 6, 9, 0, tzinfo=UTC)  # a Saturday morning
    lent = lend(desk.db, "LAP-01", Borrower.librarian(desk.librarian_id), at=at)
    assert (
        lent.due_at.astimezone(at_local(at.date(), datetime.min.time()).tzinfo).date() == at.date()
    )
    assert lent.due_at == at_local(
        datetime(2018, 10, 6).date(), datetime.max.time().replace(microsecond=0)
    )


def test_item_out_is_refused_naming_who_has_it(any_desk: Desk) -> None:
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.janis_id), at=FRIDAY_1640)
    with pytest.raises(ItemAlreadyOut) as refusal:
        lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    assert "Jānis Žūriņš" in refusal.value.message
    assert "2018-10-05 16:40" in refusal.value.message


@pytest.mark.parametrize("status", [ItemStatus.IN_REPAIR, ItemStatus.RETIRED])
def test_item_in_repair_or_retired_is_refused(desk: Desk, status: ItemStatus) -> None:
    set_item_status(desk.db, "LAP-01", status)
    with pytest.raises(ItemNotAvailable, match="cannot be lent"):
        lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
    assert open_loans(desk.db) == []


def test_unknown_tag_and_not_out(desk: Desk) -> None:
    with pytest.raises(UnknownCode):
        lend(desk.db, "NOPE-1", Borrower.child(desk.ilze_id))
    with pytest.raises(ItemNotOut):
        return_item(desk.db, "LAP-01")


def test_lend_a_whole_kit_to_the_session(any_desk: Desk) -> None:
    set_item_status(any_desk.db, "CTL-02", ItemStatus.IN_REPAIR)
    kit = lend_kit(any_desk.db, "XBOX-01", Borrower.in_session(any_desk.session_id), at=FRIDAY_1640)
    assert [lent.tag for lent in kit.lent] == ["XBOX-01", "CTL-01"]
    assert [tag for tag, _ in kit.left_behind] == ["CTL-02"]
    assert "in repair" in kit.left_behind[0][1]
    out = open_loans(any_desk.db, at=FRIDAY_1640)
    assert sorted(loan.tag for loan in out) == ["CTL-01", "XBOX-01"]
    assert all(loan.borrower == "Nāc, pievienojies! 2018-10-05" for loan in out)


def test_kit_part_already_out_stays_behind(desk: Desk) -> None:
    lend(desk.db, "CTL-01", Borrower.child(desk.ilze_id), at=FRIDAY_1640)
    kit = lend_kit(desk.db, "XBOX-01", Borrower.in_session(desk.session_id), at=FRIDAY_1640)
    assert [lent.tag for lent in kit.lent] == ["XBOX-01", "CTL-02"]
    assert "Ilze Ķēniņa" in kit.left_behind[0][1]


def test_overdue_list(desk: Desk) -> None:
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), at=FRIDAY_1640)
    lend(
        desk.db,
        "CTL-01",
        Borrower.child(desk.janis_id),
        at=FRIDAY_1640,
        due_at=FRIDAY_1640 + timedelta(days=7),
    )
    next_morning = FRIDAY_1640 + timedelta(hours=16)
    assert [loan.tag for loan in overdue_loans(desk.db, at=next_morning)] == ["LAP-01"]
    rows = open_loans(desk.db, at=next_morning)
    assert [(loan.tag, loan.overdue) for loan in rows] == [("LAP-01", True), ("CTL-01", False)]
    assert item_state(desk.db, "LAP-01", at=next_morning).loan == rows[0]


def test_condition_note_after_the_scan(desk: Desk) -> None:
    lend(desk.db, "CTL-01", Borrower.in_session(desk.session_id), at=FRIDAY_1640)
    return_item(desk.db, "CTL-01")
    add_return_note(desk.db, "CTL-01", "Kociņš velk uz sāniem")
    with desk.db.reading() as s:
        assert s.scalars(select(Loan.return_note)).one() == "Kociņš velk uz sāniem"


def test_duplicate_tag_is_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput):
        add_item(desk.db, ItemDetails("lap-01", "Cits dators", ItemCategory.LAPTOP, desk.site_id))


def test_item_state_lists_kit_parts(desk: Desk) -> None:
    state = item_state(desk.db, "XBOX-01")
    assert state.parts == ["CTL-01", "CTL-02"] and state.loan is None

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db.clock import at_local
from db.equipment import (
    ItemDetails,
    add_item,
    add_return_note,
    item_state,
    keep_part_out,
    open_loans,
    overdue_loans,
    set_item_status,
    undo_returns,
)
from db.errors import (
    BorrowerHasOverdue,
    InvalidInput,
    ItemAlreadyOut,
    ItemNotAvailable,
    ItemNotOut,
    UnknownCode,
)
from db.loans import Borrower, SessionBorrower, lend, lend_kit, return_item, return_kit
from db.models import ItemCategory, ItemStatus, Loan
from db.programs import add_site
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
    assert "05.10.2018 16:40" in refusal.value.message


@pytest.mark.parametrize("status", [ItemStatus.IN_REPAIR, ItemStatus.RETIRED])
def test_item_in_repair_or_retired_is_refused(desk: Desk, status: ItemStatus) -> None:
    set_item_status(desk.db, "LAP-01", status)
    with pytest.raises(ItemNotAvailable, match="cannot be lent"):
        lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
    assert open_loans(desk.db, by=None) == []


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
    out = open_loans(any_desk.db, at=FRIDAY_1640, by=None)
    assert sorted(loan.tag for loan in out) == ["CTL-01", "XBOX-01"]
    assert all(loan.borrower == "Nāc, pievienojies! 05.10.2018" for loan in out)


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
    assert [loan.tag for loan in overdue_loans(desk.db, at=next_morning, by=None)] == ["LAP-01"]
    rows = open_loans(desk.db, at=next_morning, by=None)
    assert [(loan.tag, loan.overdue) for loan in rows] == [("LAP-01", True), ("CTL-01", False)]
    assert item_state(desk.db, "LAP-01", at=next_morning, by=None).loan == rows[0]


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
    state = item_state(desk.db, "XBOX-01", by=None)
    assert state.parts == ["CTL-01", "CTL-02"] and state.loan is None


def loans_out(desk: Desk) -> list[tuple[str, int | None, int | None, datetime]]:
    """Every open loan: tag, child, session and due time."""
    with desk.db.reading() as s:
        return sorted(
            (loan.item.tag, loan.participant_id, loan.session_id, loan.due_at)
            for loan in s.scalars(select(Loan).where(Loan.returned_at.is_(None)))
        )


def add_games(desk: Desk) -> None:
    for tag, name in (("GAME-01", "Minecraft"), ("GAME-02", "Forza Horizon 4")):
        add_item(
            desk.db,
            ItemDetails(tag, name, ItemCategory.GAME, desk.site_id, parent_tag="XBOX-01"),
        )


def test_a_kit_comes_back_whole_by_its_label(any_desk: Desk) -> None:
    add_games(any_desk)
    lend_kit(any_desk.db, "XBOX-01", Borrower.child(any_desk.janis_id), at=FRIDAY_1640)
    assert len(loans_out(any_desk)) == 5
    back = return_kit(
        any_desk.db, "xbox-01", by=any_desk.librarian_id, at=FRIDAY_1640 + timedelta(minutes=15)
    )
    assert back.kit.tag == "XBOX-01" and back.kit.borrower == "Jānis Žūriņš"
    assert [part.tag for part in back.parts] == ["CTL-01", "CTL-02", "GAME-01", "GAME-02"]
    assert all(part.borrower == "Jānis Žūriņš" and not part.was_overdue for part in back.parts)
    assert loans_out(any_desk) == []
    with any_desk.db.reading() as s:
        assert {loan.received_by_id for loan in s.scalars(select(Loan))} == {any_desk.librarian_id}


def test_a_part_that_did_not_come_back_stays_out_to_the_same_child(any_desk: Desk) -> None:
    due = FRIDAY_1640 + timedelta(days=2)
    lend_kit(any_desk.db, "XBOX-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640, due_at=due)
    return_kit(any_desk.db, "XBOX-01", at=FRIDAY_1640 + timedelta(hours=1))
    kept = keep_part_out(any_desk.db, "ctl-01", by=any_desk.librarian_id)
    assert (kept.tag, kept.borrower, kept.due_at) == ("CTL-01", "Ilze Ķēniņa", due)
    assert loans_out(any_desk) == [("CTL-01", any_desk.ilze_id, None, due)]
    assert [loan.tag for loan in open_loans(any_desk.db, at=FRIDAY_1640, by=None)] == ["CTL-01"]
    # Kept out once is enough: it is not back, so there is nothing more to keep out.
    with pytest.raises(ItemNotOut):
        keep_part_out(any_desk.db, "CTL-01")
    with pytest.raises(ItemNotOut):  # not a kit's part
        keep_part_out(any_desk.db, "LAP-01")


def test_a_single_part_comes_back_alone(any_desk: Desk) -> None:
    session = Borrower.in_session(any_desk.session_id)
    lend_kit(any_desk.db, "XBOX-01", session, at=FRIDAY_1640)
    part = return_item(any_desk.db, "CTL-02", at=FRIDAY_1640 + timedelta(minutes=5))
    assert part.tag == "CTL-02"
    assert [tag for tag, *_ in loans_out(any_desk)] == ["CTL-01", "XBOX-01"]
    back = return_kit(any_desk.db, "XBOX-01", at=FRIDAY_1640 + timedelta(minutes=20))
    assert [r.tag for r in back.returned] == ["XBOX-01", "CTL-01"]
    assert loans_out(any_desk) == []


def test_a_part_out_to_someone_else_stays_with_them(any_desk: Desk) -> None:
    lend(any_desk.db, "CTL-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    lend_kit(any_desk.db, "XBOX-01", Borrower.in_session(any_desk.session_id), at=FRIDAY_1640)
    back = return_kit(any_desk.db, "XBOX-01", at=FRIDAY_1640 + timedelta(minutes=20))
    assert [r.tag for r in back.returned] == ["XBOX-01", "CTL-02"]
    assert [(tag, child) for tag, child, *_ in loans_out(any_desk)] == [
        ("CTL-01", any_desk.ilze_id)
    ]


def test_undo_of_a_kit_return_puts_every_part_out_as_it_was(any_desk: Desk) -> None:
    add_games(any_desk)
    due = FRIDAY_1640 + timedelta(hours=3)
    lend_kit(any_desk.db, "XBOX-01", Borrower.child(any_desk.janis_id), at=FRIDAY_1640, due_at=due)
    before = loans_out(any_desk)
    back = return_kit(any_desk.db, "XBOX-01", at=FRIDAY_1640 + timedelta(minutes=30))
    keep_part_out(any_desk.db, "GAME-02")  # kept out, then the whole return is undone
    reopened = undo_returns(any_desk.db, [r.loan_id for r in back.returned])
    assert sorted(lent.tag for lent in reopened) == ["CTL-01", "CTL-02", "GAME-01", "XBOX-01"]
    assert loans_out(any_desk) == before
    assert all(tag != "XBOX-01" or d == due for tag, _c, _s, d in before)
    with any_desk.db.reading() as s:
        assert all(
            loan.received_by_id is None and loan.return_note == ""
            for loan in s.scalars(select(Loan))
        )


def test_undo_of_a_return_is_refused_once_the_item_is_out_again(any_desk: Desk) -> None:
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    back = return_item(any_desk.db, "LAP-01", at=FRIDAY_1640 + timedelta(minutes=5))
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.janis_id), at=FRIDAY_1640)
    with pytest.raises(ItemAlreadyOut, match="Jānis Žūriņš"):
        undo_returns(any_desk.db, [back.loan_id])
    assert [(tag, child) for tag, child, *_ in loans_out(any_desk)] == [
        ("LAP-01", any_desk.janis_id)
    ]


def test_a_loan_to_the_session_names_the_session_and_its_start(any_desk: Desk) -> None:
    lent = lend(any_desk.db, "LAP-01", Borrower.in_session(any_desk.session_id), at=FRIDAY_1640)
    back = return_item(any_desk.db, "LAP-01", at=FRIDAY_1640 + timedelta(minutes=5))
    sixteen = at_local(datetime(2018, 10, 5).date(), datetime(2018, 10, 5, 16).time())
    assert lent.session == back.session == SessionBorrower("Nāc, pievienojies!", sixteen)
    child = lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    assert child.session is None


def test_lending_to_a_child_with_an_overdue_item_is_asked_first(any_desk: Desk) -> None:
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    next_friday = FRIDAY_1640 + timedelta(days=7)
    ilze = Borrower.child(any_desk.ilze_id)
    with pytest.raises(BorrowerHasOverdue) as asked:
        lend_kit(any_desk.db, "XBOX-01", ilze, at=next_friday, ask_if_overdue=True)
    assert [item.tag for item in asked.value.fields["overdue"]] == ["LAP-01"]
    assert "Ilze Ķēniņa" in asked.value.message and "LAP-01" in asked.value.message
    assert [tag for tag, *_ in loans_out(any_desk)] == ["LAP-01"]  # nothing lent
    # Jānis owes nothing: not asked; Ilze lent to anyway once the librarian said so.
    lend(
        any_desk.db,
        "CTL-01",
        Borrower.child(any_desk.janis_id),
        at=next_friday,
        ask_if_overdue=True,
    )
    lend_kit(any_desk.db, "XBOX-01", ilze, at=next_friday)
    assert [tag for tag, *_ in loans_out(any_desk)] == ["CTL-01", "CTL-02", "LAP-01", "XBOX-01"]


def test_an_item_in_use_at_the_session_is_refused_naming_the_session(any_desk: Desk) -> None:
    lend(any_desk.db, "LAP-01", Borrower.in_session(any_desk.session_id), at=FRIDAY_1640)
    with pytest.raises(ItemAlreadyOut) as refusal:
        lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    assert refusal.value.message == (
        "LAP-01 Portatīvais dators is already out:"
        " with the session “Nāc, pievienojies!” since 05.10.2018 16:40."
    )


def test_a_desk_lists_only_its_own_librarys_items_out(any_desk: Desk) -> None:
    """Rokiškis's desk does not show Jēkabpils's laptop as out (or overdue) on its list."""
    rokiskis = add_site(any_desk.db, "Rokiškis", "LT", "Rokiškio rajono savivaldybės biblioteka")
    add_item(
        any_desk.db,
        ItemDetails("TAB-07", "Planšetė Lenovo", ItemCategory.OTHER, site_id=rokiskis),
    )
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=FRIDAY_1640)
    lend(any_desk.db, "TAB-07", Borrower.child(any_desk.janis_id), at=FRIDAY_1640)
    here = open_loans(any_desk.db, at=FRIDAY_1640, site_id=any_desk.site_id, by=None)
    there = open_loans(any_desk.db, at=FRIDAY_1640, site_id=rokiskis, by=None)
    assert [loan.tag for loan in here] == ["LAP-01"]
    assert [(loan.tag, loan.borrower) for loan in there] == [("TAB-07", "Jānis Žūriņš")]
    assert sorted(loan.tag for loan in open_loans(any_desk.db, at=FRIDAY_1640, by=None)) == [
        "LAP-01",
        "TAB-07",
    ]

"""What a scan at the desk means, decided in the core: outcomes, one transaction, undo."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import Engine, event, func, select

from db.accounts import NotSignedIn, disable_staff
from db.attendance import check_in, present_in_session
from db.audit_log import check_audit_log
from db.clock import at_local
from db.desk import current_session, desk_lists, desk_sessions
from db.desk_scan import (
    AlreadyHere,
    AskLendAnyway,
    CheckedIn,
    DeskState,
    ItemBack,
    ItemLent,
    KitBack,
    KitWentOut,
    Refused,
    ScannedChild,
    check_in_at_desk,
    scan_at_desk,
    undo_at_desk,
)
from db.equipment import ItemDetails, add_item, open_loans, set_item_status
from db.errors import InvalidInput, ItemNotAvailable, UnknownCode
from db.loans import Borrower, lend, lend_kit
from db.models import Attendance, Item, ItemCategory, ItemStatus, Loan
from db.people import get_participant
from db.programs import add_site, set_anonymous_headcount
from db.scancodes import CardCode, ItemCode
from tests.conftest import Desk

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


def state(desk: Desk, **changes: object) -> DeskState:
    given: dict[str, object] = {"site_id": desk.site_id, "session_id": desk.session_id}
    given["at"] = FRIDAY_1605
    given.update(changes)
    return DeskState(**given)  # type: ignore[arg-type]


def card(desk: Desk, participant_id: int) -> CardCode:
    with desk.db.reading() as s:
        code = get_participant(s, participant_id).card_code
    assert code
    return CardCode(code)


def open_loan_tags(desk: Desk) -> dict[str, tuple[int | None, int | None]]:
    """Each item out: (child, session) that has it."""
    with desk.db.reading() as s:
        rows = s.execute(
            select(Loan.item_id, Loan.participant_id, Loan.session_id).where(
                Loan.returned_at.is_(None)
            )
        ).all()
        tags = dict(s.execute(select(Item.id, Item.tag)).all())
    return {tags[row[0]]: (row[1], row[2]) for row in rows}


def attendances(desk: Desk) -> int:
    with desk.db.reading() as s:
        return s.scalar(select(func.count()).select_from(Attendance)) or 0


def ilze_just_now(desk: Desk, minutes_ago: int = 1) -> ScannedChild:
    return ScannedChild(desk.ilze_id, "Ilze Ķēniņa", FRIDAY_1605 - timedelta(minutes=minutes_ago))


def test_a_card_checks_in_once_then_says_already_here(any_desk: Desk) -> None:
    first = scan_at_desk(any_desk.db, card(any_desk, any_desk.ilze_id), state(any_desk))
    assert isinstance(first, CheckedIn)
    assert first.check_in.full_name == "Ilze Ķēniņa"
    [row] = first.change.present  # the here-now list gains her row, as read later
    assert (
        row
        == desk_lists(
            any_desk.db, any_desk.session_id, site_id=None, at=FRIDAY_1605, by=None
        ).present[0]
    )
    again = scan_at_desk(any_desk.db, card(any_desk, any_desk.ilze_id), state(any_desk))
    assert isinstance(again, AlreadyHere)
    assert again.change.present == []
    assert attendances(any_desk) == 1


def test_a_card_without_a_session_or_unknown_is_refused_and_writes_nothing(
    any_desk: Desk,
) -> None:
    no_session = scan_at_desk(
        any_desk.db, card(any_desk, any_desk.ilze_id), state(any_desk, session_id=None)
    )
    assert isinstance(no_session, Refused)
    assert isinstance(no_session.error, InvalidInput)
    assert "Choose a session first" in no_session.error.message
    unknown = scan_at_desk(any_desk.db, CardCode("ZZZZZZ"), state(any_desk), scanned="P-ZZZZZZ")
    assert isinstance(unknown, Refused)
    assert isinstance(unknown.error, UnknownCode)
    assert "P-ZZZZZZ" in unknown.error.message
    assert attendances(any_desk) == 0


def test_an_item_goes_to_the_child_scanned_just_before_with_the_loan_hours(
    any_desk: Desk,
) -> None:
    outcome = scan_at_desk(
        any_desk.db,
        ItemCode("LAP-01"),
        state(any_desk, child=ilze_just_now(any_desk), loan_hours=3),
        by=any_desk.librarian_id,
    )
    assert isinstance(outcome, ItemLent)
    assert outcome.lent.borrower == "Ilze Ķēniņa"
    assert outcome.lent.due_at == FRIDAY_1605 + timedelta(hours=3)
    assert open_loan_tags(any_desk) == {"LAP-01": (any_desk.ilze_id, None)}
    [row] = outcome.change.out
    assert row == open_loans(any_desk.db, at=FRIDAY_1605, by=any_desk.librarian_id)[0]


def test_an_item_long_after_the_card_goes_to_the_session(any_desk: Desk) -> None:
    outcome = scan_at_desk(
        any_desk.db,
        ItemCode("LAP-01"),
        state(any_desk, child=ilze_just_now(any_desk, minutes_ago=3), loan_hours=3),
    )
    assert isinstance(outcome, ItemLent)
    assert outcome.lent.session is not None
    assert outcome.lent.due_at == at_local(date(2018, 10, 5), time(17))  # the session's end
    assert open_loan_tags(any_desk) == {"LAP-01": (None, any_desk.session_id)}


def test_nobody_to_lend_to_is_refused(any_desk: Desk) -> None:
    outcome = scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk, session_id=None))
    assert isinstance(outcome, Refused)
    assert "Nobody to lend to" in outcome.error.message
    assert open_loan_tags(any_desk) == {}


def test_the_same_label_again_takes_the_item_back(any_desk: Desk) -> None:
    lent = scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk))
    assert isinstance(lent, ItemLent)
    back = scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk))
    assert isinstance(back, ItemBack)
    assert back.returned.tag == "LAP-01"
    assert back.change.back == [lent.lent.loan_id]
    assert open_loan_tags(any_desk) == {}


def test_a_kit_goes_out_and_comes_back_with_its_parts(any_desk: Desk) -> None:
    set_item_status(any_desk.db, "CTL-02", ItemStatus.IN_REPAIR)
    out = scan_at_desk(
        any_desk.db, ItemCode("XBOX-01"), state(any_desk, child=ilze_just_now(any_desk))
    )
    assert isinstance(out, KitWentOut)
    assert [each.tag for each in out.kit.lent] == ["XBOX-01", "CTL-01"]
    assert [type(why) for why in out.kit.refusals] == [ItemNotAvailable]
    assert sorted(row.tag for row in out.change.out) == ["CTL-01", "XBOX-01"]
    back = scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
    assert isinstance(back, KitBack)
    assert [part.tag for part in back.kit.parts] == ["CTL-01"]
    assert sorted(back.change.back) == sorted(each.loan_id for each in out.kit.lent)
    assert open_loan_tags(any_desk) == {}


def test_a_kit_comes_back_once_while_a_child_with_overdue_items_waits(any_desk: Desk) -> None:
    """The scan's one read carries the waiting child's overdue loans beside each item (for a
    lend): a return still takes each part back once, and asks nothing."""
    monday = at_local(date(2018, 10, 1), time(16))
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=monday)
    lend(any_desk.db, "CTL-02", Borrower.child(any_desk.ilze_id), at=monday)
    out = lend_kit(any_desk.db, "XBOX-01", Borrower.in_session(any_desk.session_id))
    assert [each.tag for each in out.lent] == ["XBOX-01", "CTL-01"]
    back = scan_at_desk(
        any_desk.db, ItemCode("XBOX-01"), state(any_desk, child=ilze_just_now(any_desk))
    )
    assert isinstance(back, KitBack)
    assert [each.tag for each in back.kit.returned] == ["XBOX-01", "CTL-01"]
    assert sorted(back.change.back) == sorted(each.loan_id for each in out.lent)
    assert open_loan_tags(any_desk) == {
        "LAP-01": (any_desk.ilze_id, None),
        "CTL-02": (any_desk.ilze_id, None),
    }
    assert check_audit_log(any_desk.db, by=None).intact


def test_a_child_with_something_overdue_is_asked_about_first(any_desk: Desk) -> None:
    monday = at_local(date(2018, 10, 1), time(16))
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=monday)
    asked = scan_at_desk(
        any_desk.db, ItemCode("XBOX-01"), state(any_desk, child=ilze_just_now(any_desk))
    )
    assert isinstance(asked, AskLendAnyway)
    assert (asked.name, asked.tag) == ("Ilze Ķēniņa", "XBOX-01")
    assert [item.tag for item in asked.overdue] == ["LAP-01"]
    assert set(open_loan_tags(any_desk)) == {"LAP-01"}  # the kit did not go out meanwhile
    anyway = scan_at_desk(
        any_desk.db,
        ItemCode("XBOX-01"),
        state(any_desk, child=ilze_just_now(any_desk), lend_anyway=True),
    )
    assert isinstance(anyway, KitWentOut)
    assert set(open_loan_tags(any_desk)) == {"LAP-01", "XBOX-01", "CTL-01", "CTL-02"}


def test_undo_takes_back_a_check_in(any_desk: Desk) -> None:
    checked = check_in_at_desk(any_desk.db, any_desk.janis_id, state(any_desk))
    assert isinstance(checked, CheckedIn)
    change = undo_at_desk(any_desk.db, checked, at=FRIDAY_1605, site_id=any_desk.site_id)
    assert change.gone == [any_desk.janis_id]
    assert attendances(any_desk) == 0


def test_undo_takes_back_a_loan_and_a_kit_loan(any_desk: Desk) -> None:
    lent = scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk))
    kit = scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
    assert isinstance(lent, ItemLent) and isinstance(kit, KitWentOut)
    assert undo_at_desk(any_desk.db, kit, at=FRIDAY_1605, site_id=None).back == [
        each.loan_id for each in kit.kit.lent
    ]
    assert set(open_loan_tags(any_desk)) == {"LAP-01"}
    undo_at_desk(any_desk.db, lent, at=FRIDAY_1605, site_id=None)
    assert open_loan_tags(any_desk) == {}


def test_undo_of_a_return_puts_the_item_and_a_kits_parts_back_out(any_desk: Desk) -> None:
    scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk, child=ilze_just_now(any_desk)))
    scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
    back = scan_at_desk(any_desk.db, ItemCode("LAP-01"), state(any_desk))
    kit_back = scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
    assert isinstance(back, ItemBack) and isinstance(kit_back, KitBack)
    later = FRIDAY_1605 + timedelta(hours=2)  # after the session's end: overdue again
    change = undo_at_desk(any_desk.db, kit_back, at=later, site_id=any_desk.site_id)
    assert sorted(row.tag for row in change.out) == ["CTL-01", "CTL-02", "XBOX-01"]
    assert all(row.overdue for row in change.out)
    assert all(row.lent_at == FRIDAY_1605 for row in change.out)
    undo_at_desk(any_desk.db, back, at=FRIDAY_1605, site_id=any_desk.site_id)
    assert open_loan_tags(any_desk) == {
        "LAP-01": (any_desk.ilze_id, None),
        "XBOX-01": (None, any_desk.session_id),
        "CTL-01": (None, any_desk.session_id),
        "CTL-02": (None, any_desk.session_id),
    }


def test_an_unknown_label_is_refused_in_the_librarians_words(any_desk: Desk) -> None:
    outcome = scan_at_desk(any_desk.db, ItemCode("NOPE-01"), state(any_desk))
    assert isinstance(outcome, Refused)
    assert isinstance(outcome.error, UnknownCode)
    assert "NOPE-01" in outcome.error.message
    assert open_loan_tags(any_desk) == {}


def test_the_desk_runs_the_session_the_clock_picks(any_desk: Desk) -> None:
    early = at_local(date(2018, 10, 5), time(15, 40))
    assert current_session(any_desk.db, any_desk.site_id, early) == any_desk.session_id
    assert (
        current_session(any_desk.db, any_desk.site_id, at_local(date(2018, 10, 5), time(14)))
        is None
    )
    chooser = desk_sessions(any_desk.db, any_desk.site_id, FRIDAY_1605)
    assert chooser.running == any_desk.session_id
    assert [s.id for s in chooser.sessions] == [any_desk.session_id]
    assert chooser.has_programs
    far = desk_sessions(any_desk.db, any_desk.site_id, at_local(date(2019, 3, 1), time(16)))
    assert (far.sessions, far.running, far.has_programs) == ([], None, True)


def test_an_item_scan_reads_and_writes_in_one_transaction(any_desk: Desk) -> None:
    """The item's state and its loan or return are one transaction: no other laptop's scan
    can come between them (before, the page asked item_state and then lend or return)."""
    began: list[object] = []

    def begin(connection: object) -> None:
        began.append(connection)

    event.listen(Engine, "begin", begin)
    try:
        lent = scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
        back = scan_at_desk(any_desk.db, ItemCode("XBOX-01"), state(any_desk))
    finally:
        event.remove(Engine, "begin", begin)
    assert isinstance(lent, KitWentOut) and isinstance(back, KitBack)
    assert len(began) == 2


def test_another_librarys_item_lent_here_is_not_on_this_desks_out_list(any_desk: Desk) -> None:
    ludza = add_site(any_desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    add_item(any_desk.db, ItemDetails("TAB-09", "Planšete", ItemCategory.OTHER, site_id=ludza))
    outcome = scan_at_desk(any_desk.db, ItemCode("TAB-09"), state(any_desk))
    assert isinstance(outcome, ItemLent)
    assert outcome.change.out == []  # Ludza's desk lists it, as its full read would
    assert [row.tag for row in open_loans(any_desk.db, at=FRIDAY_1605, site_id=ludza, by=None)] == [
        "TAB-09"
    ]


def test_the_desks_lists_read_together_are_the_lists_read_one_by_one(any_desk: Desk) -> None:
    """Who is here (latest first, the photo mark), the visitors counted and what is out of
    this desk's library (a child's, the session's, an overdue one), as each list reads them."""
    desk = any_desk
    ludza = add_site(desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    add_item(desk.db, ItemDetails("TAB-09", "Planšete", ItemCategory.OTHER, site_id=ludza))
    check_in(desk.db, desk.session_id, desk.ilze_id, by=desk.librarian_id, at=FRIDAY_1605)
    later = FRIDAY_1605 + timedelta(minutes=3)
    check_in(desk.db, desk.session_id, desk.janis_id, by=desk.librarian_id, at=later)
    set_anonymous_headcount(desk.db, desk.session_id, 4, by=desk.librarian_id)
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), by=desk.librarian_id, at=FRIDAY_1605)
    lend_kit(desk.db, "XBOX-01", Borrower.in_session(desk.session_id), at=later)
    lend(desk.db, "TAB-09", Borrower.child(desk.janis_id), at=later)
    evening = FRIDAY_1605 + timedelta(hours=3)  # the laptop was due at the session's end

    lists = desk_lists(
        desk.db, desk.session_id, site_id=desk.site_id, at=evening, by=desk.librarian_id
    )

    assert [row.full_name for row in lists.present] == ["Jānis Žūriņš", "Ilze Ķēniņa"]
    assert lists.present == present_in_session(desk.db, desk.session_id, by=desk.librarian_id)
    assert all(row.no_photos for row in lists.present)  # no photo consent given
    assert lists.headcount == 4
    assert lists.out == open_loans(desk.db, at=evening, site_id=desk.site_id, by=None)
    out = {loan.tag: loan for loan in lists.out}
    assert set(out) == {"LAP-01", "XBOX-01", "CTL-01", "CTL-02"}  # not Ludza's tablet
    assert out["LAP-01"].borrower == "Ilze Ķēniņa" and out["LAP-01"].overdue
    assert out["XBOX-01"].borrower == "Nāc, pievienojies! 05.10.2018"
    assert out["XBOX-01"].lent_at == later


def test_the_desks_lists_without_a_session_and_for_a_disabled_account(any_desk: Desk) -> None:
    desk = any_desk
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), at=FRIDAY_1605)
    lists = desk_lists(desk.db, None, site_id=None, at=FRIDAY_1605, by=desk.librarian_id)
    assert (lists.present, lists.headcount) == ([], 0)
    assert [loan.tag for loan in lists.out] == ["LAP-01"]
    disable_staff(desk.db, desk.librarian_id)
    for session_id in (desk.session_id, None):
        with pytest.raises(NotSignedIn):
            desk_lists(desk.db, session_id, site_id=None, at=FRIDAY_1605, by=desk.librarian_id)

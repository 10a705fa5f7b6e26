"""The desk's scans while the server is away: the same outcomes as online, decided on the
laptop's copy, written to its journal, and arriving on the server once (SQLite and PostgreSQL
as the shared database; the copy is always SQLite)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.database import Database
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
    scan_at_desk,
)
from db.loans import Borrower, lend
from db.models import Attendance, Loan, Participant
from db.offline.desk import (
    ServerAway,
    check_in_offline_at_desk,
    scan_offline,
    send_part,
    sent_together,
    undo_offline_at_desk,
    unless_away,
    unsent_on_desk,
)
from db.offline.journal import EntryKind, Flag, waiting_entries
from db.offline.local_copy import refresh_local_copy
from db.offline.sending import send_journal
from db.scancodes import CardCode, ItemCode
from tests.conftest import Desk, make_desk

TODAY = date(2018, 10, 5)
FRIDAY_16 = datetime(2018, 10, 5, 13, 0, tzinfo=UTC)  # 16:00 in Jēkabpils


@pytest.fixture
def shared(any_db: Database) -> Desk:
    return make_desk(any_db)


def _card(db: Database, participant_id: int) -> CardCode:
    with db.reading() as tx:
        code = tx.scalar(select(Participant.card_code).where(Participant.id == participant_id))
    assert code
    return CardCode(code)


def _state(desk: Desk, minutes: int, child: ScannedChild | None = None) -> DeskState:
    return DeskState(
        site_id=desk.site_id,
        session_id=desk.session_id,
        at=FRIDAY_16 + timedelta(minutes=minutes),
        child=child,
    )


def _count(db: Database, model: type[Attendance] | type[Loan], **where: object) -> int:
    query = select(func.count()).select_from(model)
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    with db.reading() as tx:
        return int(tx.scalar(query) or 0)


def test_a_card_checks_the_child_in_on_the_copy_and_waits_in_the_journal(
    shared: Desk, copy: Database, journal: Path
) -> None:
    card = _card(copy, shared.ilze_id)
    saved = scan_offline(copy, journal, card, _state(shared, 1), by=shared.librarian_id)
    assert isinstance(saved.outcome, CheckedIn)
    assert saved.outcome.check_in.first_name == "Ilze"
    assert saved.entry is not None and saved.entry.kind is EntryKind.CHECK_IN
    again = scan_offline(copy, journal, card, _state(shared, 2), by=shared.librarian_id)
    assert isinstance(again.outcome, AlreadyHere) and again.entry is None
    assert [entry.kind for entry in waiting_entries(journal)] == [EntryKind.CHECK_IN]
    assert _count(shared.db, Attendance) == 0  # the server has heard nothing yet

    result = send_journal(shared.db, journal, "desk-2")
    assert result.sent == 1
    assert _count(shared.db, Attendance, participant_id=shared.ilze_id) == 1


def test_a_label_lends_to_the_child_scanned_before_then_comes_back(
    shared: Desk, copy: Database, journal: Path
) -> None:
    ilze = ScannedChild(shared.ilze_id, "Ilze Ķēniņa", FRIDAY_16)
    out = scan_offline(copy, journal, ItemCode("LAP-01"), _state(shared, 1, ilze), by=None)
    assert isinstance(out.outcome, ItemLent)
    assert out.outcome.lent.tag == "LAP-01" and "Ilze" in out.outcome.lent.borrower
    back = scan_offline(copy, journal, ItemCode("lap-01"), _state(shared, 30), by=None)
    assert isinstance(back.outcome, ItemBack) and back.outcome.returned.tag == "LAP-01"
    kinds = [entry.kind for entry in waiting_entries(journal)]
    assert kinds == [EntryKind.LEND, EntryKind.RETURN]

    send_journal(shared.db, journal, "desk-2")
    assert _count(shared.db, Loan, participant_id=shared.ilze_id) == 1
    assert _count(shared.db, Loan, returned_at=None) == 0


def test_a_kits_label_takes_its_parts_out_and_back(
    shared: Desk, copy: Database, journal: Path
) -> None:
    out = scan_offline(copy, journal, ItemCode("XBOX-01"), _state(shared, 1), by=None)
    assert isinstance(out.outcome, KitWentOut)
    assert {each.tag for each in out.outcome.kit.lent} == {"XBOX-01", "CTL-01", "CTL-02"}
    back = scan_offline(copy, journal, ItemCode("XBOX-01"), _state(shared, 40), by=None)
    assert isinstance(back.outcome, KitBack) and len(back.outcome.kit.returned) == 3
    kinds = [entry.kind for entry in waiting_entries(journal)]
    assert kinds == [EntryKind.LEND_KIT, EntryKind.RETURN_KIT]

    send_journal(shared.db, journal, "desk-2")
    assert _count(shared.db, Loan, session_id=shared.session_id) == 3
    assert _count(shared.db, Loan, returned_at=None) == 0


def test_what_the_copy_cannot_decide_is_recorded_and_flagged(
    shared: Desk, copy: Database, journal: Path
) -> None:
    """A card registered on another laptop since the copy was made: the server decides."""
    unknown = scan_offline(copy, journal, CardCode("P-ZZZZZZZ"), _state(shared, 1), by=None)
    assert unknown.outcome is None
    assert unknown.entry is not None and unknown.entry.flag is Flag.CARD_UNKNOWN


def test_refusals_and_questions_are_the_same_as_online_and_write_nothing(
    shared: Desk, copy: Database, journal: Path
) -> None:
    nothing = scan_offline(copy, journal, ItemCode("NOPE-01"), _state(shared, 1), by=None)
    assert isinstance(nothing.outcome, Refused) and nothing.entry is None
    # Jānis has LAP-01 overdue since the copy was made: lending him more asks first.
    lend(
        shared.db,
        "LAP-01",
        Borrower.child(shared.janis_id),
        at=FRIDAY_16 - timedelta(days=2),
        due_at=FRIDAY_16 - timedelta(days=1),
    )
    copy.dispose()
    refresh_local_copy(shared.db, shared.site_id, journal.with_name("copy.sqlite3"), TODAY)
    janis = ScannedChild(shared.janis_id, "Jānis Žūriņš", FRIDAY_16)
    asked = scan_offline(copy, journal, ItemCode("XBOX-01"), _state(shared, 1, janis), by=None)
    assert isinstance(asked.outcome, AskLendAnyway) and asked.entry is None
    assert waiting_entries(journal) == []


def test_a_child_chosen_by_name_checks_in_and_an_undo_takes_it_back_everywhere(
    shared: Desk, copy: Database, journal: Path
) -> None:
    saved = check_in_offline_at_desk(copy, journal, shared.janis_id, _state(shared, 1), by=None)
    assert isinstance(saved.outcome, CheckedIn)
    assert unsent_on_desk(copy, waiting_entries(journal)) == ({shared.janis_id}, set())
    undo_offline_at_desk(copy, journal, saved, at=FRIDAY_16 + timedelta(minutes=2))
    assert _count(copy, Attendance) == 0
    send_journal(shared.db, journal, "desk-2")
    assert _count(shared.db, Attendance) == 0


def test_an_undone_lend_goes_back_on_the_copy_and_never_reaches_the_server(
    shared: Desk, copy: Database, journal: Path
) -> None:
    saved = scan_offline(copy, journal, ItemCode("LAP-01"), _state(shared, 1), by=None)
    assert unsent_on_desk(copy, waiting_entries(journal)) == (set(), {"LAP-01"})
    undo_offline_at_desk(copy, journal, saved, at=FRIDAY_16 + timedelta(minutes=2))
    assert _count(copy, Loan, returned_at=None) == 0
    send_journal(shared.db, journal, "desk-2")
    assert _count(shared.db, Loan) == 0


def test_a_server_that_does_not_answer_is_told_apart_from_a_refusal(
    shared: Desk, tmp_path: Path
) -> None:
    nobody = Database("postgresql+psycopg://desk@127.0.0.1:9/openup?connect_timeout=2")
    try:
        away = unless_away(lambda: scan_at_desk(nobody, ItemCode("LAP-01"), _state(shared, 1)))
    finally:
        nobody.dispose()
    assert isinstance(away, ServerAway)
    # A refusal is the use case's answer, not the server's absence.
    here = unless_away(lambda: scan_at_desk(shared.db, ItemCode("NOPE-01"), _state(shared, 1)))
    assert isinstance(here, Refused)
    with pytest.raises(ZeroDivisionError):
        unless_away(lambda: 1 // 0)


def test_a_journal_goes_a_part_at_a_time_in_order_and_whole(
    shared: Desk, copy: Database, journal: Path
) -> None:
    ilze = ScannedChild(shared.ilze_id, "Ilze Ķēniņa", FRIDAY_16)
    scan_offline(copy, journal, _card(copy, shared.ilze_id), _state(shared, 1), by=None)
    scan_offline(copy, journal, ItemCode("LAP-01"), _state(shared, 2, ilze), by=None)
    scan_offline(copy, journal, ItemCode("LAP-01"), _state(shared, 30), by=None)
    first = send_part(shared.db, journal, "desk-2", 2)
    assert (first.result.sent, first.left) == (2, 1)
    assert _count(shared.db, Loan, returned_at=None) == 1  # lent, not yet back
    rest = send_part(shared.db, journal, "desk-2", 2)
    assert (rest.result.sent, rest.left) == (1, 0)
    assert _count(shared.db, Loan, returned_at=None) == 0
    together = sent_together(first.result, rest.result)
    assert (together.sent, together.refused) == (3, 0)

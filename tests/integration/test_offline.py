"""The desk without its server: a local copy, a journal of what was done meanwhile, and
sending it once the server answers (on SQLite and on the real PostgreSQL test server)."""

from __future__ import annotations

import shutil
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.accounts import add_staff, set_password
from db.attendance import check_in
from db.database import Database
from db.dates import day_text
from db.desk import search_at_desk
from db.equipment import ItemDetails, add_item
from db.errors import ItemAlreadyOut, SessionCancelled
from db.loans import Borrower, lend, return_item
from db.models import (
    AppliedEntry,
    Attendance,
    AuditEvent,
    ConsentPurpose,
    ItemCategory,
    Loan,
    Participant,
    Role,
    Staff,
)
from db.offline import at_the_desk
from db.offline.at_the_desk import (
    check_in_card_offline,
    check_in_offline,
    lend_offline,
    return_offline,
    undo_offline,
    walk_in_offline,
)
from db.offline.journal import (
    Entry,
    EntryKind,
    EntryState,
    Flag,
    JournalNotWritten,
    Marks,
    dismiss_refusal,
    entries,
    journal_refusals,
)
from db.offline.local_copy import open_local_copy, refresh_local_copy
from db.offline.sending import (
    KEPT_THEIRS,
    NOT_CHECKED_IN,
    NOT_LENT,
    NOTHING_FOR_ERASED,
    AlreadyCheckedIn,
    ChildErased,
    ChildNotOnServer,
    EntryClashed,
    KitPartsLeftBehind,
    send_journal,
)
from db.people import ParticipantDetails, register_participant
from db.privacy import erase_participant
from db.programs import add_site, cancel_session
from tests.conftest import Desk, make_desk

TODAY = date(2018, 10, 5)
FRIDAY_16 = datetime(2018, 10, 5, 13, 0, tzinfo=UTC)  # 16:00 in Jēkabpils
CHILDREN = 20


def _at(minutes: int) -> datetime:
    return FRIDAY_16 + timedelta(minutes=minutes)


@pytest.fixture
def shared(any_db: Database) -> Desk:
    """The shared database of a Friday: twenty children more, a second laptop to lend."""
    desk = make_desk(any_db)
    for n in range(CHILDREN):
        register_participant(
            any_db,
            ParticipantDetails(
                f"Bērns{n}", "Kļaviņš", 2010, desk.site_id, guardian_phone="+371 2000 0000"
            ),
        )
    add_item(any_db, ItemDetails("LAP-02", "Portatīvais dators", ItemCategory.LAPTOP, desk.site_id))
    return desk


def _cards(db: Database) -> list[tuple[int, str]]:
    with db.reading() as tx:
        rows = tx.execute(
            select(Participant.id, Participant.card_code)
            .where(Participant.first_name.like("Bērns%"))
            .order_by(Participant.id)
        )
        return [(participant_id, card) for participant_id, card in rows if card]


def _present(db: Database, session_id: int) -> set[str]:
    with db.reading() as tx:
        return set(
            tx.scalars(
                select(Participant.uid)
                .join(Attendance, Attendance.participant_id == Participant.id)
                .where(Attendance.session_id == session_id)
            )
        )


def _open_loans(db: Database) -> set[tuple[str, str | None, int | None]]:
    from db.models import Item

    with db.reading() as tx:
        rows = tx.execute(
            select(Item.tag, Participant.uid, Loan.session_id)
            .join(Item, Item.id == Loan.item_id)
            .outerjoin(Participant, Participant.id == Loan.participant_id)
            .where(Loan.returned_at.is_(None))
        )
        return {tuple(row) for row in rows}  # type: ignore[misc]


def _count(db: Database, model: type) -> int:
    with db.reading() as tx:
        return tx.scalar(select(func.count()).select_from(model)) or 0


def test_the_copy_holds_what_the_desk_needs_and_nothing_more(shared: Desk, tmp_path: Path) -> None:
    set_password(shared.db, shared.librarian_id, "anna-2018-desk")
    ludza = add_site(shared.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    add_staff(shared.db, "inese", "Inese Ludzā", site_id=ludza, password="inese-2018-desk")
    lend(shared.db, "LAP-02", Borrower.child(shared.ilze_id), at=_at(-60))
    check_in(shared.db, shared.session_id, shared.janis_id, at=_at(-5))
    path = tmp_path / "data" / "copy.sqlite3"

    made = refresh_local_copy(shared.db, shared.site_id, path, TODAY)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert made.counts["participant"] == CHILDREN + 2
    assert made.counts["item"] == 5 and made.counts["loan"] == 1
    assert made.counts["attendance"] == 1 and made.counts["session"] == 1
    copy = open_local_copy(path)
    try:
        with copy.reading() as tx:
            phones = set(tx.scalars(select(Participant.guardian_phone)))
            hashes = {staff.username: staff.password_hash for staff in tx.scalars(select(Staff))}
            events = tx.scalar(select(func.count()).select_from(AuditEvent))
        assert phones == {""} and events == 0
        # Only this library's own accounts may unlock its desk while the server is away.
        assert hashes["anna"] and hashes["inese"] is None
        # The existing use cases decide on it: Jānis is here, LAP-02 is out with Ilze.
        assert _present(copy, shared.session_id) == _present(shared.db, shared.session_id)
        with pytest.raises(ItemAlreadyOut):
            lend(copy, "LAP-02", Borrower.child(shared.janis_id), at=_at(1))
    finally:
        copy.dispose()
    # Refreshed again over the old one: replaced in one go, no file left beside it.
    refresh_local_copy(shared.db, shared.site_id, path, TODAY + timedelta(days=30))
    assert sorted(p.name for p in path.parent.iterdir()) == ["copy.sqlite3"]
    again = open_local_copy(path)
    try:
        assert _count(again, Attendance) == 0  # the session is outside the new week
    finally:
        again.dispose()


def _desk_day_offline(shared: Desk, copy: Database, journal: Path) -> int:
    """Twenty card scans, a walk-in checked in and lent a laptop, the Xbox to the session and
    back, a lend and return: all against the copy, into the journal. Returns the entries."""
    by = shared.librarian_id
    for minute, (_id, card) in enumerate(_cards(copy)):
        done = check_in_card_offline(copy, journal, shared.session_id, card, by=by, at=_at(minute))
        assert done.result is not None and not done.result.already_here and not done.flagged
    again = check_in_card_offline(
        copy, journal, shared.session_id, _cards(copy)[0][1], by=by, at=_at(21)
    )
    assert again.result is not None and again.result.already_here and again.entry is None
    new = walk_in_offline(
        copy,
        journal,
        ParticipantDetails("Līva", "Ūdre", 2011, shared.site_id, guardian_name="Inese Ūdre"),
        [ConsentPurpose.PHOTO],
        "Inese Ūdre",
        TODAY,
        by=by,
        at=_at(22),
    )
    assert new.result is not None
    check_in_offline(copy, journal, shared.session_id, new.result, by=by, at=_at(23))
    lend_offline(copy, journal, "LAP-01", Borrower.child(new.result), by=by, at=_at(24))
    kit = lend_offline(
        copy,
        journal,
        "XBOX-01",
        Borrower.in_session(shared.session_id),
        kit=True,
        by=by,
        at=_at(40),
    )
    assert kit.result is not None and not kit.flagged
    lend_offline(copy, journal, "LAP-02", Borrower.child(shared.ilze_id), by=by, at=_at(41))
    return_offline(copy, journal, "LAP-02", note="ekrāns skrāpēts", by=by, at=_at(50))
    return_offline(copy, journal, "XBOX-01", kit=True, by=by, at=_at(60))
    return len(entries(journal))


def test_a_friday_offline_arrives_once_with_the_same_counts(
    shared: Desk, copy: Database, journal: Path, tmp_path: Path
) -> None:
    recorded = _desk_day_offline(shared, copy, journal)
    assert recorded == CHILDREN + 7
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert {e.state for e in entries(journal)} == {EntryState.WAITING}
    before_sending = tmp_path / "journal-before-sending.sqlite3"
    shutil.copyfile(journal, before_sending)  # as if the marks had never been written

    result = send_journal(shared.db, journal, "desk-1")

    assert (result.sent, result.already_there, result.refused) == (recorded, 0, 0)
    assert {e.state for e in entries(journal)} == {EntryState.SENT}
    assert _present(shared.db, shared.session_id) == _present(copy, shared.session_id)
    assert len(_present(shared.db, shared.session_id)) == CHILDREN + 1
    assert _open_loans(shared.db) == _open_loans(copy)
    with shared.db.reading() as tx:
        walk_in = tx.scalars(select(Participant).where(Participant.first_name == "Līva")).one()
        lap02 = tx.scalars(select(Loan).join(Loan.item).where(Loan.returned_at.is_not(None))).all()
        check_in_times = set(tx.scalars(select(Attendance.recorded_at)))
    with copy.reading() as tx:
        on_laptop = tx.scalars(select(Participant).where(Participant.first_name == "Līva")).one()
    # The walk-in keeps the laptop's uid and card; the loan and check-in name that child.
    assert (walk_in.uid, walk_in.card_code) == (on_laptop.uid, on_laptop.card_code)
    assert ("LAP-01", walk_in.uid, None) in _open_loans(shared.db)
    assert [loan.return_note for loan in lap02 if loan.return_note] == ["ekrāns skrāpēts"]
    # Each action at the moment it was scanned, not when it was sent.
    assert min(check_in_times) == _at(0) and _at(23) in check_in_times
    counts = {
        model: _count(shared.db, model) for model in (Attendance, Loan, Participant, AuditEvent)
    }
    assert _count(shared.db, AppliedEntry) == recorded

    # Sent twice: the journal has nothing waiting; its copy from before thinks all is waiting.
    assert send_journal(shared.db, journal, "desk-1").sent == 0
    again = send_journal(shared.db, before_sending, "desk-1")
    assert (again.sent, again.already_there, again.refused) == (0, recorded, 0)
    assert {model: _count(shared.db, model) for model in counts} == counts
    assert _count(shared.db, AppliedEntry) == recorded


def test_sent_entries_keep_no_childs_details_in_the_journal(
    shared: Desk, copy: Database, journal: Path
) -> None:
    _desk_day_offline(shared, copy, journal)
    walk_in = next(e for e in entries(journal) if e.kind is EntryKind.WALK_IN)
    assert walk_in.arguments["details"]["first_name"] == "Līva"
    send_journal(shared.db, journal, "desk-1")
    assert all(e.arguments == {} for e in entries(journal))
    assert b"Inese" not in journal.read_bytes()


def test_an_item_lent_on_another_laptop_meanwhile_is_a_refusal_kept_for_the_librarian(
    shared: Desk, copy: Database, journal: Path
) -> None:
    offline = lend_offline(
        copy, journal, "LAP-01", Borrower.child(shared.ilze_id), by=shared.librarian_id, at=_at(5)
    )
    assert offline.result is not None and not offline.flagged
    lend(shared.db, "LAP-01", Borrower.child(shared.janis_id), at=_at(3))

    result = send_journal(shared.db, journal, "desk-1")

    assert (result.sent, result.refused) == (0, 1)
    [refusal] = journal_refusals(journal)
    assert refusal.state is EntryState.REFUSED and refusal.uid == offline.entry.uid  # type: ignore[union-attr]
    assert refusal.refusal == ItemAlreadyOut.template
    assert refusal.refusal_fields["borrower"] == "Jānis Žūriņš"
    assert refusal.instead == NOT_LENT
    assert _open_loans(shared.db) == {("LAP-01", _uid(shared.db, shared.janis_id), None)}
    dismiss_refusal(journal, refusal.uid)
    assert journal_refusals(journal) == [] and entries(journal) == []


def _uid(db: Database, participant_id: int) -> str:
    with db.reading() as tx:
        row = tx.get(Participant, participant_id)
        assert row is not None
        return row.uid


def test_a_child_checked_in_on_another_laptop_is_listed_not_added(
    shared: Desk, copy: Database, journal: Path
) -> None:
    check_in_offline(
        copy, journal, shared.session_id, shared.ilze_id, by=shared.librarian_id, at=_at(2)
    )
    check_in(shared.db, shared.session_id, shared.ilze_id, at=_at(1))

    result = send_journal(shared.db, journal, "desk-1")

    assert result.refused == 1
    [refusal] = result.refusals
    assert refusal.refusal == AlreadyCheckedIn.template and refusal.instead == KEPT_THEIRS
    assert refusal.refusal_fields["name"] == "Ilze Ķēniņa"
    assert refusal.refusal_fields["since"].endswith("16:01")
    assert _count(shared.db, Attendance) == 1


def test_a_child_erased_meanwhile_is_listed_and_nothing_is_recorded_for_them(
    shared: Desk, copy: Database, journal: Path
) -> None:
    check_in_offline(
        copy, journal, shared.session_id, shared.janis_id, by=shared.librarian_id, at=_at(2)
    )
    lend_offline(copy, journal, "LAP-01", Borrower.child(shared.janis_id), by=None, at=_at(3))
    admin = add_staff(shared.db, "admin", "Administratore", Role.ADMIN, site_id=shared.site_id)
    assert erase_participant(shared.db, shared.janis_id, by=admin)

    result = send_journal(shared.db, journal, "desk-1")

    assert result.refused == 2
    assert {(e.refusal, e.instead) for e in result.refusals} == {
        (ChildErased.template, NOTHING_FOR_ERASED)
    }
    assert _count(shared.db, Attendance) == 0 and _open_loans(shared.db) == set()
    # The journal keeps nothing of an erased child: neither uid nor card code.
    assert [e.arguments for e in journal_refusals(journal)] == [{}, {}]
    assert _uid(shared.db, shared.janis_id).encode() not in journal.read_bytes()


def test_a_session_cancelled_meanwhile_is_listed(
    shared: Desk, copy: Database, journal: Path
) -> None:
    check_in_offline(
        copy, journal, shared.session_id, shared.ilze_id, by=shared.librarian_id, at=_at(2)
    )
    cancel_session(shared.db, shared.session_id)

    [refusal] = send_journal(shared.db, journal, "desk-1").refusals

    assert refusal.refusal == SessionCancelled.template and refusal.instead == NOT_CHECKED_IN
    assert refusal.refusal_fields == {"date": day_text(TODAY)}
    assert _count(shared.db, Attendance) == 0


def test_a_lend_of_an_item_the_copy_saw_out_is_flagged_and_the_server_decides(
    shared: Desk, tmp_path: Path, journal: Path
) -> None:
    lend(shared.db, "LAP-01", Borrower.child(shared.janis_id), at=_at(-30))
    lend(shared.db, "LAP-02", Borrower.child(shared.janis_id), at=_at(-30))
    refresh_local_copy(shared.db, shared.site_id, tmp_path / "copy.sqlite3", TODAY)
    copy = open_local_copy(tmp_path / "copy.sqlite3")
    try:
        by = shared.librarian_id
        came_back = lend_offline(
            copy, journal, "LAP-01", Borrower.child(shared.ilze_id), by=by, at=_at(5)
        )
        still_out = lend_offline(
            copy, journal, "LAP-02", Borrower.child(shared.ilze_id), by=by, at=_at(6)
        )
        assert came_back.result is None and came_back.flagged
        assert came_back.entry is not None and came_back.entry.flag is Flag.ITEM_SEEN_OUT
        assert _open_loans(copy) == _open_loans(shared.db)  # the copy pretends nothing
    finally:
        copy.dispose()
    return_item(shared.db, "LAP-01", at=_at(4))  # on another laptop, meanwhile

    result = send_journal(shared.db, journal, "desk-1")

    assert (result.sent, result.refused) == (1, 1)
    assert [e.uid for e in result.refusals] == [still_out.entry.uid]  # type: ignore[union-attr]
    ilze, janis = _uid(shared.db, shared.ilze_id), _uid(shared.db, shared.janis_id)
    assert _open_loans(shared.db) == {("LAP-01", ilze, None), ("LAP-02", janis, None)}


def test_an_undo_offline_takes_the_check_in_back_on_the_server(
    shared: Desk, copy: Database, journal: Path
) -> None:
    by = shared.librarian_id
    done = check_in_offline(copy, journal, shared.session_id, shared.ilze_id, by=by, at=_at(2))
    check_in_offline(copy, journal, shared.session_id, shared.janis_id, by=by, at=_at(3))
    assert done.entry is not None
    undo_offline(journal, done.entry, by=by, at=_at(4))

    assert send_journal(shared.db, journal, "desk-1").sent == 3

    assert _present(shared.db, shared.session_id) == {_uid(shared.db, shared.janis_id)}


def test_a_stop_between_the_servers_commit_and_the_journals_mark_sends_nothing_twice(
    shared: Desk, copy: Database, journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = _desk_day_offline(shared, copy, journal)
    real_mark = Marks._mark
    calls = []

    def power_cut_at_the_fifth_mark(self: Marks, *args: object, **kwargs: object) -> None:
        calls.append(args[0])
        if len(calls) == 5:
            raise KeyboardInterrupt  # the laptop stops: the fifth entry is on the server only
        real_mark(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Marks, "_mark", power_cut_at_the_fifth_mark)
    with pytest.raises(KeyboardInterrupt):
        send_journal(shared.db, journal, "desk-1")
    monkeypatch.setattr(Marks, "_mark", real_mark)
    assert _count(shared.db, AppliedEntry) == 5
    assert len(entries(journal, EntryState.SENT)) == 4

    result = send_journal(shared.db, journal, "desk-1")

    assert (result.sent, result.already_there, result.refused) == (recorded - 5, 1, 0)
    assert _count(shared.db, AppliedEntry) == recorded
    assert _present(shared.db, shared.session_id) == _present(copy, shared.session_id)
    assert _open_loans(shared.db) == _open_loans(copy)


def test_a_kit_lent_offline_without_a_part_lent_elsewhere_is_sent_and_listed(
    shared: Desk, copy: Database, journal: Path
) -> None:
    by = shared.librarian_id
    offline = lend_offline(
        copy, journal, "XBOX-01", Borrower.child(shared.ilze_id), kit=True, by=by, at=_at(5)
    )
    assert offline.result is not None and len(offline.result.lent) == 3  # type: ignore[union-attr]
    lend(shared.db, "CTL-01", Borrower.child(shared.janis_id), at=_at(1))

    result = send_journal(shared.db, journal, "desk-1")

    assert (result.sent, result.refused) == (1, 0)
    [partly] = journal_refusals(journal)
    assert partly.state is EntryState.SENT and partly.refusal == KitPartsLeftBehind.template
    assert partly.refusal_fields == {"tag": "XBOX-01", "parts": "CTL-01"}
    ilze, janis = _uid(shared.db, shared.ilze_id), _uid(shared.db, shared.janis_id)
    assert _open_loans(shared.db) == {
        ("XBOX-01", ilze, None),
        ("CTL-02", ilze, None),
        ("CTL-01", janis, None),
    }


def test_a_card_registered_after_the_copy_is_recorded_offline_and_checked_in_on_sending(
    shared: Desk, copy: Database, journal: Path
) -> None:
    newcomer = register_participant(
        shared.db, ParticipantDetails("Marta", "Zīle", 2012, shared.site_id)
    )
    with shared.db.reading() as tx:
        row = tx.get(Participant, newcomer)
        assert row is not None and row.card_code is not None
        card = row.card_code

    offline = check_in_card_offline(
        copy, journal, shared.session_id, card, by=shared.librarian_id, at=_at(7)
    )

    assert offline.result is None and offline.entry is not None
    assert offline.entry.flag is Flag.CARD_UNKNOWN
    assert send_journal(shared.db, journal, "desk-1").sent == 1
    assert _present(shared.db, shared.session_id) == {row.uid}


def test_the_desks_name_search_runs_on_the_copy(shared: Desk, copy: Database) -> None:
    check_in(copy, shared.session_id, shared.ilze_id, at=_at(1))
    found = search_at_desk(
        copy, "kenin", shared.session_id, site_id=shared.site_id, limit=10, by=shared.librarian_id
    )
    assert [(f.child.full_name, f.here) for f in found] == [("Ilze Ķēniņa", True)]


def test_a_walk_in_the_server_cannot_take_is_refused_and_so_is_what_names_the_child(
    shared: Desk, copy: Database, journal: Path
) -> None:
    by = shared.librarian_id
    new = walk_in_offline(
        copy,
        journal,
        ParticipantDetails("Līva", "Ūdre", 2011, shared.site_id),
        [],
        "",
        TODAY,
        by=by,
        at=_at(1),
    )
    assert new.result is not None and new.entry is not None
    check_in_offline(copy, journal, shared.session_id, new.result, by=by, at=_at(2))
    with shared.db.unit_of_work() as uow:  # the same card code, given on the server meanwhile
        janis = uow.tx.get(Participant, shared.janis_id)
        assert janis is not None
        janis.card_code = new.entry.arguments["card_code"]
        uow.commit()

    result = send_journal(shared.db, journal, "desk-1")

    assert [(e.kind, e.refusal) for e in result.refusals] == [
        (EntryKind.WALK_IN, EntryClashed.template),
        (EntryKind.CHECK_IN, ChildNotOnServer.template),
    ]
    assert _count(shared.db, Participant) == CHILDREN + 2 and _count(shared.db, Attendance) == 0


def test_a_journal_that_cannot_be_written_leaves_the_copy_as_it_was(
    shared: Desk, copy: Database, tmp_path: Path
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    journal = tmp_path / "not-a-folder" / "journal.sqlite3"
    [(_child, card)] = _cards(copy)[:1]

    with pytest.raises(JournalNotWritten):
        check_in_card_offline(copy, journal, shared.session_id, card, by=None, at=_at(1))

    assert _count(copy, Attendance) == 0  # the desk says nothing was saved, and nothing was


def test_the_entry_is_written_before_the_copys_change_commits(
    shared: Desk, copy: Database, journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop stopped between the two keeps the entry: a scan the copy took is sent."""
    real_record = at_the_desk.record
    seen_on_copy: list[int] = []

    def watching(*args: Any, **kwargs: Any) -> Entry:
        seen_on_copy.append(_count(copy, Attendance))  # read on a connection of its own
        return real_record(*args, **kwargs)

    monkeypatch.setattr(at_the_desk, "record", watching)
    [(_child, card)] = _cards(copy)[:1]

    done = check_in_card_offline(copy, journal, shared.session_id, card, by=None, at=_at(1))

    assert seen_on_copy == [0] and _count(copy, Attendance) == 1
    assert done.entry is not None and [e.uid for e in entries(journal)] == [done.entry.uid]

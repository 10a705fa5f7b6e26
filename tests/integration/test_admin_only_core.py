"""Backups, restores, the participants export and the target-group mark are an
administrator's in the core itself, not only on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from db.accounts import AdminOnly, NotSignedIn, add_staff, disable_staff
from db.attendance import check_in, present_in_session, session_roster
from db.backup_folder import list_backups
from db.backups import back_up
from db.database import sqlite_path
from db.equipment import item_state, open_loans, overdue_loans
from db.equipment_lists import item_history, list_items
from db.exports import attendance_rows, loan_rows, participant_rows
from db.loans import Borrower, lend
from db.models import Role
from db.participant_records import list_participants, participant_record
from db.people import edit_participant
from db.printing import cards_data
from db.reports import monthly_attendance_data, signin_sheet_data
from db.restore import restore
from db.retention import RetentionRule, past_retention
from db.search import find_by_card, possible_duplicates, search_participants
from tests.conftest import Desk

FRIDAY_1640 = datetime(2018, 10, 5, 13, 40, tzinfo=UTC)  # 16:40 in Jēkabpils


def admin_of(desk: Desk) -> int:
    from db.accounts import add_staff

    return add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN)


def test_a_librarian_cannot_back_up_or_restore(desk: Desk, tmp_path: Path) -> None:
    path = sqlite_path(desk.db.url)
    assert path is not None
    with pytest.raises(AdminOnly):
        back_up(desk.db.url, database=desk.db, by=desk.librarian_id)
    assert list_backups(path) == []
    copy = back_up(desk.db.url, tmp_path / "copy.sqlite3", database=desk.db, by=admin_of(desk))
    before = path.read_bytes()
    with pytest.raises(AdminOnly):
        restore(desk.db.url, copy, desk.db, by=desk.librarian_id)
    assert path.read_bytes() == before


def test_a_librarian_cannot_export_the_participants(desk: Desk) -> None:
    with pytest.raises(AdminOnly, match="administrator"):
        participant_rows(desk.db, by=desk.librarian_id)
    assert {row.last_name for row in participant_rows(desk.db, by=admin_of(desk))} == {
        "Ķēniņa",
        "Žūriņš",
    }


def _marked_day(desk: Desk) -> int:
    """Ilze marked as from a social-risk family, at a session, with a laptop lent to her."""
    details = participant_record(desk.db, desk.ilze_id, by=None).details
    edit_participant(desk.db, desk.ilze_id, replace(details, target_group=True))
    check_in(desk.db, desk.session_id, desk.ilze_id, at=FRIDAY_1640)
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), at=FRIDAY_1640)
    return admin_of(desk)


def test_only_an_administrator_reads_the_target_group_mark(any_desk: Desk) -> None:
    admin = _marked_day(any_desk)
    librarian = any_desk.librarian_id

    assert participant_record(any_desk.db, any_desk.ilze_id, by=admin).details.target_group
    seen = participant_record(any_desk.db, any_desk.ilze_id, by=librarian).details
    assert seen.target_group is None  # not False either: a librarian learns nothing
    assert (seen.first_name, seen.last_name) == ("Ilze", "Ķēniņa")  # the desk work needs names

    def marks(by: int) -> dict[str, bool | None]:
        rows = list_participants(any_desk.db, any_desk.site_id, by=by)
        return {row.last_name: row.target_group for row in rows}

    assert marks(admin) == {"Ķēniņa": True, "Žūriņš": False}
    assert marks(librarian) == {"Ķēniņa": None, "Žūriņš": None}


def test_attendance_and_loan_exports_name_children_without_the_mark(any_desk: Desk) -> None:
    admin = _marked_day(any_desk)
    october = date(2018, 10, 1), date(2018, 10, 31)
    for by in (admin, any_desk.librarian_id):
        attendance = attendance_rows(any_desk.db, *october, by=by)
        assert [(row.first_name, row.last_name) for row in attendance] == [("Ilze", "Ķēniņa")]
        loans = loan_rows(any_desk.db, *october, by=by)
        assert [(row.tag, row.borrower) for row in loans] == [("LAP-01", "Ilze Ķēniņa")]
        for row in (*attendance, *loans):
            columns = {field.name for field in fields(row)}
            assert not columns & {"target_group", "guardian_name", "guardian_phone"}


def test_a_librarian_prints_the_desk_documents_with_names_and_counts_only(
    any_desk: Desk,
) -> None:
    _marked_day(any_desk)
    by = any_desk.librarian_id
    sheet = signin_sheet_data(any_desk.db, any_desk.session_id, by=by)
    assert [(row.first_name, row.last_name) for row in sheet.rows] == [("Ilze", "Ķēniņa")]
    month = monthly_attendance_data(any_desk.db, 2018, 10, by=by)
    assert month.summary.target_group_children == 1  # a count, never whose
    named = [(row.first_name, row.last_name) for p in month.programs for row in p.rows]
    assert named == [("Ilze", "Ķēniņa")]
    cards = cards_data(any_desk.db, [any_desk.ilze_id], by=by)
    assert [card.name_on_card for card in cards] == ["Ilze Ķ."]


def test_the_children_past_retention_are_listed_to_an_administrator_only(
    any_desk: Desk,
) -> None:
    admin, a_year = _marked_day(any_desk), RetentionRule(1)
    with pytest.raises(AdminOnly):
        past_retention(any_desk.db, a_year, by=any_desk.librarian_id)
    # Ilze came in 2018; Jānis was registered today and never came.
    past = past_retention(any_desk.db, a_year, by=admin)
    assert [child.last_name for child in past] == ["Ķēniņa"]


def test_a_librarians_save_keeps_the_mark_unseen(any_desk: Desk) -> None:
    admin = _marked_day(any_desk)
    seen = participant_record(any_desk.db, any_desk.ilze_id, by=any_desk.librarian_id).details
    renamed = replace(seen, last_name="Ķēniņa-Ozola")
    edit_participant(any_desk.db, any_desk.ilze_id, renamed, by=any_desk.librarian_id)
    kept = participant_record(any_desk.db, any_desk.ilze_id, by=admin).details
    assert (kept.last_name, kept.target_group) == ("Ķēniņa-Ozola", True)
    with pytest.raises(AdminOnly):  # clearing it is still an administrator's decision
        edit_participant(
            any_desk.db,
            any_desk.ilze_id,
            replace(renamed, target_group=False),
            by=any_desk.librarian_id,
        )


def test_the_export_with_guardians_contacts_is_refused_to_a_librarian(any_desk: Desk) -> None:
    with pytest.raises(AdminOnly, match="administrator"):
        participant_rows(any_desk.db, by=any_desk.librarian_id)
    rows = participant_rows(any_desk.db, by=admin_of(any_desk))
    assert {(row.last_name, row.target_group) for row in rows} == {
        ("Ķēniņa", False),
        ("Žūriņš", False),
    }


READS: dict[str, Callable[[Desk, int], Any]] = {
    "participant_record": lambda d, by: participant_record(d.db, d.ilze_id, by=by),
    "list_participants": lambda d, by: list_participants(d.db, d.site_id, by=by),
    "attendance_rows": lambda d, by: attendance_rows(d.db, by=by),
    "loan_rows": lambda d, by: loan_rows(d.db, by=by),
    "participant_rows": lambda d, by: participant_rows(d.db, by=by),
    "signin_sheet_data": lambda d, by: signin_sheet_data(d.db, d.session_id, by=by),
    "monthly_attendance_data": lambda d, by: monthly_attendance_data(d.db, 2018, 10, by=by),
    "cards_data": lambda d, by: cards_data(d.db, by=by),
    "search_participants": lambda d, by: search_participants(d.db, "kenin", by=by),
    "possible_duplicates": lambda d, by: possible_duplicates(d.db, "Ilze", "Ķēniņa", 2009, by=by),
    "find_by_card": lambda d, by: find_by_card(d.db, _card_of(d, d.ilze_id), by=by),
    "present_in_session": lambda d, by: present_in_session(d.db, d.session_id, by=by),
    "session_roster": lambda d, by: session_roster(d.db, d.session_id, by=by),
    "open_loans": lambda d, by: open_loans(d.db, by=by),
    "overdue_loans": lambda d, by: overdue_loans(d.db, by=by, at=A_YEAR_LATER),
    "item_state": lambda d, by: item_state(d.db, "LAP-01", by=by).loan,
    "list_items": lambda d, by: list_items(d.db, by=by),
    "item_history": lambda d, by: item_history(d.db, "LAP-01", by=by),
}
A_YEAR_LATER = datetime(2019, 10, 5, tzinfo=UTC)


def _card_of(desk: Desk, participant_id: int) -> str:
    return participant_record(desk.db, participant_id, by=None).card_code or ""


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_read_of_childrens_records_asks_who_reads(
    any_desk: Desk, read: Callable[[Desk, int], Any]
) -> None:
    admin = _marked_day(any_desk)
    assert read(any_desk, admin)
    contacts = read is READS["participant_rows"]  # the export with guardians' contacts
    if contacts:
        with pytest.raises(AdminOnly):
            read(any_desk, any_desk.librarian_id)
    else:
        assert read(any_desk, any_desk.librarian_id)  # names, for the desk work
    refused = AdminOnly if contacts else NotSignedIn
    gone = add_staff(any_desk.db, "peteris", "Pēteris Liepa", Role.ADMIN)
    disable_staff(any_desk.db, gone, by=admin)
    for stranger in (9999, gone):  # an unknown account, a disabled administrator
        with pytest.raises(refused) as error:
            read(any_desk, stranger)
        assert "Ķēniņa" not in error.value.message

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from db.attendance import check_in, check_in_card, mark_attendance, undo_check_in
from db.errors import ParticipantArchived, SessionCancelled, UnknownCode
from db.models import Attendance, AttendanceStatus, AuditEvent, CheckInMethod, ConsentPurpose
from db.people import get_participant, record_consent, set_archived
from db.programs import cancel_session
from tests.conftest import Desk


def attendance_rows(desk: Desk) -> list[tuple[int, AttendanceStatus]]:
    with desk.db.reading() as s:
        return [
            (row.participant_id, row.status)
            for row in s.scalars(select(Attendance).where(Attendance.session_id == desk.session_id))
        ]


def card_of(desk: Desk, participant_id: int) -> str:
    with desk.db.reading() as s:
        code = get_participant(s, participant_id).card_code
        assert code
        return code


def test_check_in_by_card_records_who_and_how(any_desk: Desk) -> None:
    result = check_in_card(
        any_desk.db,
        any_desk.session_id,
        card_of(any_desk, any_desk.ilze_id),
        by=any_desk.librarian_id,
    )
    assert result.full_name == "Ilze Ķēniņa"
    assert not result.already_here
    assert result.no_photos  # no consent recorded yet
    with any_desk.db.reading() as s:
        row = s.scalars(select(Attendance)).one()
        assert (row.method, row.recorded_by_id, row.status) == (
            CheckInMethod.SCAN,
            any_desk.librarian_id,
            AttendanceStatus.PRESENT,
        )
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "attendance.checked_in")
            )
            == 1
        )


def test_second_scan_says_already_here_and_adds_nothing(any_desk: Desk) -> None:
    code = card_of(any_desk, any_desk.janis_id)
    check_in_card(any_desk.db, any_desk.session_id, code)
    again = check_in_card(any_desk.db, any_desk.session_id, code)
    assert again.already_here
    assert attendance_rows(any_desk) == [(any_desk.janis_id, AttendanceStatus.PRESENT)]


def test_photo_consent_clears_the_no_photos_mark(desk: Desk) -> None:
    record_consent(desk.db, desk.ilze_id, ConsentPurpose.PHOTO, "Inese Ķēniņa", date(2018, 9, 1))
    assert not check_in(desk.db, desk.session_id, desk.ilze_id).no_photos


def test_unknown_card_is_refused_and_nothing_changes(desk: Desk) -> None:
    with pytest.raises(UnknownCode) as refusal:
        check_in_card(desk.db, desk.session_id, "ZZZZZZZZ", scanned="P-ZZZZZZZZ-X")
    assert "P-ZZZZZZZZ-X" in refusal.value.message
    assert attendance_rows(desk) == []


def test_cancelled_session_takes_no_check_ins(desk: Desk) -> None:
    cancel_session(desk.db, desk.session_id)
    with pytest.raises(SessionCancelled):
        check_in(desk.db, desk.session_id, desk.ilze_id)
    assert attendance_rows(desk) == []


def test_archived_child_is_refused_with_their_name(desk: Desk) -> None:
    set_archived(desk.db, desk.janis_id)
    with pytest.raises(ParticipantArchived, match="Jānis Žūriņš"):
        check_in(desk.db, desk.session_id, desk.janis_id)


def test_marked_absent_then_arrives(desk: Desk) -> None:
    mark_attendance(desk.db, desk.session_id, desk.ilze_id, AttendanceStatus.EXCUSED)
    result = check_in(desk.db, desk.session_id, desk.ilze_id)
    assert not result.already_here
    assert attendance_rows(desk) == [(desk.ilze_id, AttendanceStatus.PRESENT)]


def test_mark_after_the_fact_and_correct(desk: Desk) -> None:
    mark_attendance(desk.db, desk.session_id, desk.janis_id, AttendanceStatus.LATE)
    mark_attendance(desk.db, desk.session_id, desk.janis_id, AttendanceStatus.ABSENT)
    assert attendance_rows(desk) == [(desk.janis_id, AttendanceStatus.ABSENT)]
    with desk.db.reading() as s:
        changes = s.scalars(
            select(AuditEvent.changes)
            .where(AuditEvent.action == "attendance.marked")
            .order_by(AuditEvent.id)
        ).all()
    assert changes == [{"status": [None, "late"]}, {"status": ["late", "absent"]}]


def test_undo_last_scan_removes_the_row(desk: Desk) -> None:
    result = check_in(desk.db, desk.session_id, desk.ilze_id)
    undo_check_in(desk.db, result.attendance_id)
    assert attendance_rows(desk) == []


def test_visitors_are_counted_one_by_one_and_never_below_zero(any_desk: Desk) -> None:
    from db.desk import anonymous_headcount
    from db.errors import NotFound
    from db.programs import count_visitors

    desk = any_desk
    counts = [
        count_visitors(desk.db, desk.session_id, step, by=desk.librarian_id)
        for step in (1, 1, 1, -1)
    ]
    assert counts == [1, 2, 3, 2]
    assert anonymous_headcount(desk.db, desk.session_id) == 2
    for _ in range(3):
        count_visitors(desk.db, desk.session_id, -1, by=desk.librarian_id)
    assert anonymous_headcount(desk.db, desk.session_id) == 0
    with desk.db.reading() as s:
        changes = list(
            s.scalars(
                select(AuditEvent.changes)
                .where(AuditEvent.action == "session.headcount")
                .order_by(AuditEvent.id)
            )
        )
        who = set(
            s.scalars(select(AuditEvent.staff_id).where(AuditEvent.action == "session.headcount"))
        )
    # Each change logged with old → new; the presses below zero changed nothing, logged nothing.
    assert [c["anonymous_headcount"] for c in changes if c] == [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 2],
        [2, 1],
        [1, 0],
    ]
    assert who == {desk.librarian_id}
    with pytest.raises(NotFound):
        count_visitors(desk.db, 999_999, 1)


def test_a_child_with_an_overdue_item_is_checked_in_with_it_named(any_desk: Desk) -> None:
    from datetime import timedelta

    from db.clock import at_local
    from db.equipment import ItemDetails, add_item
    from db.loans import Borrower, lend, lend_kit
    from db.models import ItemCategory

    add_item(
        any_desk.db,
        ItemDetails("LAP-02", "Portatīvais dators", ItemCategory.LAPTOP, any_desk.site_id),
    )
    friday = at_local(date(2018, 10, 5), time(16, 30))
    lend(any_desk.db, "LAP-01", Borrower.child(any_desk.ilze_id), at=friday)
    lend_kit(any_desk.db, "XBOX-01", Borrower.child(any_desk.ilze_id), at=friday)
    # Still due: not a warning yet.
    lend(
        any_desk.db,
        "LAP-02",
        Borrower.child(any_desk.ilze_id),
        at=friday,
        due_at=friday + timedelta(days=30),
    )
    later = friday + timedelta(minutes=45)
    result = check_in_card(
        any_desk.db, any_desk.session_id, card_of(any_desk, any_desk.ilze_id), at=later
    )
    # The kit is named once, not with each of its parts.
    assert [(o.tag, o.lent_at) for o in result.overdue] == [("LAP-01", friday), ("XBOX-01", friday)]
    assert attendance_rows(any_desk) == [(any_desk.ilze_id, AttendanceStatus.PRESENT)]
    again = check_in(any_desk.db, any_desk.session_id, any_desk.ilze_id, at=later)
    assert again.already_here and [o.tag for o in again.overdue] == ["LAP-01", "XBOX-01"]
    janis = check_in(any_desk.db, any_desk.session_id, any_desk.janis_id, at=later)
    assert janis.overdue == [] and janis.home_site is None


def test_a_child_from_another_library_is_checked_in_with_a_note(any_desk: Desk) -> None:
    from db.people import ParticipantDetails, register_participant
    from db.programs import add_site

    ludza = add_site(any_desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    marta = register_participant(any_desk.db, ParticipantDetails("Marta", "Kalēja", 2010, ludza))
    result = check_in_card(any_desk.db, any_desk.session_id, card_of(any_desk, marta))
    assert (result.full_name, result.home_site, result.already_here) == (
        "Marta Kalēja",
        "Ludza",
        False,
    )
    assert attendance_rows(any_desk) == [(marta, AttendanceStatus.PRESENT)]
    own = check_in_card(any_desk.db, any_desk.session_id, card_of(any_desk, any_desk.ilze_id))
    assert own.home_site is None

"""Use cases for attendance: check a child in at the desk, and correct a session afterwards."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, Table, and_, insert, or_, select, update
from sqlalchemy.orm import Session as OrmSession

from db import audit
from db.accounts import reader_is_admin, rows_for_reader
from db.audit_actions import AuditAction
from db.clock import now_utc
from db.database import Database, insert_row, next_id, queued, retried_if_raced
from db.dates import day_text
from db.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    NotFound,
    ParticipantArchived,
    SessionCancelled,
    UnknownCode,
)
from db.loan_views import overdue_columns, overdue_loan_of
from db.loans import OverdueItem, overdue_from
from db.models import (
    Attendance,
    AttendanceStatus,
    CheckInMethod,
    Enrollment,
    Item,
    Loan,
    Participant,
    Program,
    ProgramKind,
    Session,
    SessionStatus,
    Site,
)
from db.names import country_language, person_key
from db.people import get_participant, photo_consent_clause

# The table itself: its INSERT and UPDATE skip the ORM's bulk machinery (a scan writes one row).
ATTENDANCE: Table = Attendance.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class CheckIn:
    """What the desk shows after a check-in: who, whether they were already here, and notes.

    `overdue`: what the child still has past its due time (the librarian asks for it back);
    `home_site`: the child's own library when it is not the session's ("from Ludza").
    """

    attendance_id: int
    participant_id: int
    first_name: str
    last_name: str
    already_here: bool
    no_photos: bool
    overdue: list[OverdueItem] = field(default_factory=list)
    home_site: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _get_session(tx: OrmSession, session_id: int) -> Session:
    row = tx.get(Session, session_id)
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
    return row


def _desk_view(
    tx: OrmSession, child: ColumnElement[bool], session_id: int, at: datetime
) -> Select[Any]:
    """Everything a check-in decides on, in one query (one round trip on a server): the child,
    the session, the child's attendance there, their own library, whether photos are
    allowed, and one row per item they still have past its due time."""
    columns: list[Any] = [
        Participant.id.label("participant_id"),
        Participant.first_name,
        Participant.last_name,
        Participant.archived,
        Participant.site_id.label("home_site_id"),
        Site.name.label("home_site"),
        (~photo_consent_clause()).label("no_photos"),
        Session.id.label("session_id"),
        Session.status.label("session_status"),
        Session.day,
        Session.site_id.label("session_site_id"),
        Attendance.id.label("attendance_id"),
        Attendance.status.label("attendance_status"),
        *overdue_columns(),
    ]
    new_id = next_id(tx, "attendance")
    if new_id is not None:
        columns.append(new_id)
    return (
        select(*columns)
        .select_from(Participant)
        .join(Site, Site.id == Participant.site_id)
        .outerjoin(Session, Session.id == session_id)
        .outerjoin(
            Attendance,
            and_(Attendance.session_id == session_id, Attendance.participant_id == Participant.id),
        )
        .outerjoin(Loan, overdue_loan_of(Participant.id, at))
        .outerjoin(Item, Item.id == Loan.item_id)
        .where(child)
        .order_by(Loan.lent_at, Item.tag)
    )


def _check_in(
    tx: OrmSession,
    view: Sequence[Row[Any]],
    session_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    child = view[0]
    full_name = f"{child.first_name} {child.last_name}"
    if child.session_id is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
    if child.session_status is SessionStatus.CANCELLED:
        raise SessionCancelled(date=day_text(child.day))
    already_here = child.attendance_status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
    if child.archived and not already_here:
        raise ParticipantArchived(name=full_name)
    attendance_id = child.attendance_id
    if not already_here:
        recorded = {
            "status": AttendanceStatus.PRESENT,
            "recorded_at": at or now_utc(),
            "recorded_by_id": by,
            "method": method,
        }
        if attendance_id is None:
            # Another laptop checking the same child in at this moment makes the unique
            # key refuse this row: check_in_with tries again, and finds theirs.
            attendance_id = insert_row(
                tx,
                insert(ATTENDANCE).values(
                    session_id=session_id, participant_id=child.participant_id, **recorded
                ),
                getattr(child, "next_id", None),
            )
        else:
            # Marked excused or absent earlier, and came after all.
            queued(
                tx,
                update(ATTENDANCE).where(ATTENDANCE.c.id == attendance_id).values(**recorded),
            )
        audit.record(
            tx,
            by,
            AuditAction.ATTENDANCE_CHECKED_IN,
            "attendance",
            attendance_id,
            f"Checked in {full_name} to session {session_id} by {method.value}",
        )
    return CheckIn(
        attendance_id=attendance_id,
        participant_id=child.participant_id,
        first_name=child.first_name,
        last_name=child.last_name,
        already_here=already_here,
        no_photos=child.no_photos,
        overdue=overdue_from(view),
        # A child of a partner library is welcome: the desk names where they come from.
        home_site=child.home_site if child.home_site_id != child.session_site_id else None,
    )


def _check_in_with(
    db: Database,
    child: ColumnElement[bool],
    not_found: Callable[[], DomainError],
    session_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """Check in the child `child` picks out; a second time changes nothing ("already here").
    Another laptop checking the same child in a moment ago wins: the next attempt reads it."""
    return retried_if_raced(
        db, lambda tx: _check_in_where(tx, child, not_found, session_id, method, by, at)
    )


def _check_in_where(
    tx: OrmSession,
    child: ColumnElement[bool],
    not_found: Callable[[], DomainError],
    session_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """The check-in's one read (the child, the session, the attendance, what is overdue),
    then its writes, which a server sends with the COMMIT."""
    view = tx.execute(_desk_view(tx, child, session_id, at or now_utc())).all()
    if not view:
        raise not_found()
    return _check_in(tx, view, session_id, method, by, at)


def _unknown_card(card_code: str, scanned: str) -> Callable[[], DomainError]:
    return lambda: UnknownCode(
        scanned=scanned or card_code, what=QT_TRANSLATE_NOOP("DomainError", "child's card")
    )


def _unknown_child(participant_id: int) -> Callable[[], DomainError]:
    return lambda: NotFound(
        what=QT_TRANSLATE_NOOP("DomainError", "Participant"), key=participant_id
    )


def check_in(
    db: Database,
    session_id: int,
    participant_id: int,
    *,
    method: CheckInMethod = CheckInMethod.NAME_SEARCH,
    by: int | None = None,
    at: datetime | None = None,
) -> CheckIn:
    """Check a child in; a second time in the same session changes nothing ("already here")."""
    return _check_in_with(
        db,
        Participant.id == participant_id,
        _unknown_child(participant_id),
        session_id,
        method,
        by,
        at,
    )


def check_in_card(
    db: Database,
    session_id: int,
    card_code: str,
    *,
    scanned: str = "",
    method: CheckInMethod = CheckInMethod.SCAN,
    by: int | None = None,
    at: datetime | None = None,
) -> CheckIn:
    """Check in the child whose card was scanned."""
    return _check_in_with(
        db,
        Participant.card_code == card_code,
        _unknown_card(card_code, scanned),
        session_id,
        method,
        by,
        at,
    )


def check_in_card_in(
    tx: OrmSession,
    session_id: int,
    card_code: str,
    scanned: str,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """`check_in_card` inside a unit of work another use case holds (the desk's scan)."""
    return _check_in_where(
        tx,
        Participant.card_code == card_code,
        _unknown_card(card_code, scanned),
        session_id,
        method,
        by,
        at,
    )


def check_in_in(
    tx: OrmSession,
    session_id: int,
    participant_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """`check_in` inside a unit of work another use case holds (the desk's name search)."""
    return _check_in_where(
        tx,
        Participant.id == participant_id,
        _unknown_child(participant_id),
        session_id,
        method,
        by,
        at,
    )


def mark_attendance(
    db: Database,
    session_id: int,
    participant_id: int,
    status: AttendanceStatus,
    *,
    by: int | None = None,
    at: datetime | None = None,
) -> int:
    """Record or correct a child's attendance after the session (present/late/excused/absent)."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        _get_session(uow.tx, session_id)
        attendance = uow.tx.scalars(
            select(Attendance).where(
                Attendance.session_id == session_id,
                Attendance.participant_id == participant_id,
            )
        ).first()
        before = None if attendance is None else attendance.status.value
        if attendance is None:
            attendance = Attendance(
                session_id=session_id,
                participant_id=participant_id,
                method=CheckInMethod.AFTER_THE_FACT,
                recorded_at=at or now_utc(),
                recorded_by_id=by,
                status=status,
            )
            uow.tx.add(attendance)
        elif attendance.status is status:
            return attendance.id
        else:
            attendance.status = status
            attendance.recorded_by_id = by
        uow.tx.flush()
        audit.record(
            uow.tx,
            by,
            AuditAction.ATTENDANCE_MARKED,
            "attendance",
            attendance.id,
            f"{participant.full_name} in session {session_id}: {before or '—'} → {status.value}",
            {"status": [before, status.value]},
        )
        uow.commit()
        return attendance.id


def undo_check_in(db: Database, attendance_id: int, *, by: int | None = None) -> None:
    """Take back a check-in made by mistake (the desk's "undo last scan")."""
    with db.unit_of_work() as uow:
        attendance = uow.tx.get(Attendance, attendance_id)
        if attendance is None:
            return
        name = attendance.participant.full_name
        audit.record(
            uow.tx,
            by,
            AuditAction.ATTENDANCE_UNDONE,
            "attendance",
            attendance.id,
            f"Undid check-in of {name} to session {attendance.session_id}",
        )
        uow.tx.delete(attendance)
        uow.commit()


@dataclass(frozen=True)
class Present:
    """A row of the desk's "here now" list (no sensitive marks: peers may see the screen)."""

    attendance_id: int
    participant_id: int
    first_name: str
    last_name: str
    status: AttendanceStatus
    recorded_at: datetime
    no_photos: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def present_query(
    session_id: int | None,
) -> Select[int, int, str, str, AttendanceStatus, datetime, bool]:
    """The children checked in to a session (present or late), one row per child with the
    columns of `Present`, in its order (unordered: a list orders it as it shows it)."""
    return (
        select(
            Attendance.id.label("attendance_id"),
            Participant.id.label("participant_id"),
            Participant.first_name,
            Participant.last_name,
            Attendance.status,
            Attendance.recorded_at,
            (~photo_consent_clause()).label("no_photos"),
        )
        .join(Participant, Participant.id == Attendance.participant_id)
        .where(
            Attendance.session_id == session_id,
            Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
        )
    )


def present_in_session(db: Database, session_id: int, *, by: int | None) -> list[Present]:
    """Children checked in to a session (present or late), the latest arrival first."""
    query = present_query(session_id).order_by(Attendance.recorded_at.desc(), Attendance.id.desc())
    # Children's names: any active account.
    return [Present(*row) for row in rows_for_reader(db, query, by)]


@dataclass(frozen=True)
class RosterRow:
    """A child on a session's attendance sheet, as recorded or still to be marked."""

    participant_id: int
    first_name: str
    last_name: str
    status: AttendanceStatus | None  # None: enrolled in the cycle, nothing recorded yet
    method: CheckInMethod | None
    enrolled: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def session_roster(db: Database, session_id: int, *, by: int | None) -> list[RosterRow]:
    """Who belongs on a session's sheet: everyone recorded, and for a closed cycle its members.

    A member counts from the day they joined until the day they left, so sessions before
    they joined are not their absences; archived children are listed only if recorded.
    """
    with db.reading() as tx:
        reader_is_admin(tx, by)
        row = _get_session(tx, session_id)
        recorded = tx.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.last_name,
                Attendance.status,
                Attendance.method,
            )
            .join(Participant, Participant.id == Attendance.participant_id)
            .where(Attendance.session_id == session_id)
        ).all()
        members: set[int] = set()
        unrecorded: list[tuple[int, str, str]] = []
        language = country_language(tx.scalar(select(Site.country).where(Site.id == row.site_id)))
        program = tx.get(Program, row.program_id)
        if program is not None and program.kind is ProgramKind.CLOSED:
            enrolled = tx.execute(
                select(
                    Participant.id,
                    Participant.first_name,
                    Participant.last_name,
                    Participant.archived,
                )
                .join(Enrollment, Enrollment.participant_id == Participant.id)
                .where(
                    Enrollment.program_id == row.program_id,
                    Enrollment.joined_on <= row.day,
                    or_(Enrollment.left_on.is_(None), Enrollment.left_on > row.day),
                )
            ).all()
            members = {member[0] for member in enrolled}
            recorded_ids = {r[0] for r in recorded}
            unrecorded = [
                (participant_id, first, last)
                for participant_id, first, last, archived in enrolled
                if participant_id not in recorded_ids and not archived
            ]
    roster = [
        RosterRow(participant_id, first, last, status, method, participant_id in members)
        for participant_id, first, last, status, method in recorded
    ]
    roster += [RosterRow(p, first, last, None, None, True) for p, first, last in unrecorded]
    # In the alphabetical order of the session's library: Lithuanian in Rokiškis.
    roster.sort(key=lambda r: person_key(r.first_name, r.last_name, language))
    return roster

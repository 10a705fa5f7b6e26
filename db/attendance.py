"""Use cases for attendance: check a child in at the desk, and correct a session afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from db import audit
from db.accounts import reader_is_admin
from db.audit_actions import AuditAction
from db.clock import now_utc
from db.database import Database
from db.dates import day_text
from db.equipment import OverdueItem, overdue_with
from db.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    ParticipantArchived,
    SessionCancelled,
    UnknownCode,
)
from db.models import (
    Attendance,
    AttendanceStatus,
    CheckInMethod,
    Consent,
    ConsentPurpose,
    Enrollment,
    Participant,
    Program,
    ProgramKind,
    Session,
    SessionStatus,
    Site,
)
from db.names import country_language, person_key
from db.people import get_participant, photo_consent_clause


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


def _get_session(session: OrmSession, session_id: int) -> Session:
    row = session.get(Session, session_id)
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
    return row


def _participant_by_card(session: OrmSession, card_code: str, scanned: str) -> Participant:
    participant = session.scalars(
        select(Participant).where(Participant.card_code == card_code)
    ).first()
    if participant is None:
        raise UnknownCode(scanned=scanned, what=QT_TRANSLATE_NOOP("DomainError", "child's card"))
    return participant


def _no_photos(session: OrmSession, participant_id: int) -> bool:
    return (
        session.scalars(
            select(Consent.id).where(
                Consent.participant_id == participant_id,
                Consent.purpose == ConsentPurpose.PHOTO,
                Consent.withdrawn_on.is_(None),
            )
        ).first()
        is None
    )


def _insert_attendance(
    session: OrmSession,
    session_id: int,
    participant_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> tuple[Attendance, bool]:
    """A new attendance row, or another laptop's for the same child (then "already here")."""
    while True:
        attendance = Attendance(
            session_id=session_id,
            participant_id=participant_id,
            status=AttendanceStatus.PRESENT,
            recorded_at=at or now_utc(),
            recorded_by_id=by,
            method=method,
        )
        try:
            # A savepoint: when another laptop checked the same child in a moment ago,
            # the unique constraint refuses this row and theirs is the one that counts.
            with session.begin_nested():
                session.add(attendance)
        except IntegrityError:
            theirs = session.scalars(
                select(Attendance).where(
                    Attendance.session_id == session_id,
                    Attendance.participant_id == participant_id,
                )
            ).first()
            if theirs is not None:
                return theirs, True
            continue  # and they undid it at once (PostgreSQL): ours goes in after all
        return attendance, False


def _check_in(
    session: OrmSession,
    session_id: int,
    participant: Participant,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    row = _get_session(session, session_id)
    if row.status is SessionStatus.CANCELLED:
        raise SessionCancelled(date=day_text(row.day))
    existing = session.scalars(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.participant_id == participant.id
        )
    ).first()
    already_here = existing is not None and existing.status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
    )
    if participant.archived and not already_here:
        raise ParticipantArchived(name=participant.full_name)
    attendance = existing
    if attendance is None:
        attendance, already_here = _insert_attendance(
            session, session_id, participant.id, method, by, at
        )
    elif not already_here:
        # Marked excused or absent earlier, and came after all.
        attendance.status = AttendanceStatus.PRESENT
        attendance.recorded_at = at or now_utc()
        attendance.recorded_by_id = by
        attendance.method = method
    if not already_here:
        session.flush()
        audit.record(
            session,
            by,
            AuditAction.ATTENDANCE_CHECKED_IN,
            "attendance",
            attendance.id,
            f"Checked in {participant.full_name} to session {session_id} by {method.value}",
        )
    home_site = None
    if participant.site_id != row.site_id:
        # A child of a partner library is welcome: the desk names where they come from.
        home_site = session.scalar(select(Site.name).where(Site.id == participant.site_id))
    return CheckIn(
        attendance_id=attendance.id,
        participant_id=participant.id,
        first_name=participant.first_name,
        last_name=participant.last_name,
        already_here=already_here,
        no_photos=_no_photos(session, participant.id),
        overdue=overdue_with(session, participant.id, at or now_utc()),
        home_site=home_site,
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
    with db.unit_of_work() as uow:
        result = check_in_in(uow.session, session_id, participant_id, method, by, at)
        uow.commit()
        return result


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
    with db.unit_of_work() as uow:
        result = check_in_card_in(uow.session, session_id, card_code, scanned, method, by, at)
        uow.commit()
        return result


def check_in_card_in(
    session: OrmSession,
    session_id: int,
    card_code: str,
    scanned: str,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """`check_in_card` inside a unit of work another use case holds (the desk's scan)."""
    participant = _participant_by_card(session, card_code, scanned or card_code)
    return _check_in(session, session_id, participant, method, by, at)


def check_in_in(
    session: OrmSession,
    session_id: int,
    participant_id: int,
    method: CheckInMethod,
    by: int | None,
    at: datetime | None,
) -> CheckIn:
    """`check_in` inside a unit of work another use case holds (the desk's name search)."""
    return _check_in(session, session_id, get_participant(session, participant_id), method, by, at)


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
        participant = get_participant(uow.session, participant_id)
        _get_session(uow.session, session_id)
        attendance = uow.session.scalars(
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
            uow.session.add(attendance)
        elif attendance.status is status:
            return attendance.id
        else:
            attendance.status = status
            attendance.recorded_by_id = by
        uow.session.flush()
        audit.record(
            uow.session,
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
        attendance = uow.session.get(Attendance, attendance_id)
        if attendance is None:
            return
        name = attendance.participant.full_name
        audit.record(
            uow.session,
            by,
            AuditAction.ATTENDANCE_UNDONE,
            "attendance",
            attendance.id,
            f"Undid check-in of {name} to session {attendance.session_id}",
        )
        uow.session.delete(attendance)
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


def present_in_session(db: Database, session_id: int, *, by: int | None) -> list[Present]:
    """Children checked in to a session (present or late), the latest arrival first."""

    query = (
        select(
            Attendance.id,
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Attendance.status,
            Attendance.recorded_at,
            ~photo_consent_clause(),
        )
        .join(Participant, Participant.id == Attendance.participant_id)
        .where(
            Attendance.session_id == session_id,
            Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
        )
        .order_by(Attendance.recorded_at.desc(), Attendance.id.desc())
    )
    with db.reading() as session:
        reader_is_admin(session, by)  # children's names: any active account
        return [Present(*row) for row in session.execute(query)]


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
    with db.reading() as session:
        reader_is_admin(session, by)
        row = _get_session(session, session_id)
        recorded = session.execute(
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
        language = country_language(
            session.scalar(select(Site.country).where(Site.id == row.site_id))
        )
        program = session.get(Program, row.program_id)
        if program is not None and program.kind is ProgramKind.CLOSED:
            enrolled = session.execute(
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

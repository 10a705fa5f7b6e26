"""Rows for the spreadsheet exports: attendance, participants (admin use) and loans.

Each query reads plain columns in one go and returns frozen rows; the writer in
desktop/documents/exports.py turns them into CSV or XLSX. Only the participants export,
which is the admin's own register, carries the target-group mark and guardian contacts:
it refuses anyone else. Every export names children, so each takes who asks (`by`) and
refuses an unknown or disabled account.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import aliased

from db.accounts import EXPORT_PARTICIPANTS, check_admin, reader_is_admin
from db.clock import at_local
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, DomainError, InvalidInput, NotFound
from db.loans import borrower_words
from db.models import (
    Attendance,
    AttendanceStatus,
    Consent,
    ConsentPurpose,
    Enrollment,
    Gender,
    Item,
    Loan,
    Participant,
    Program,
    Session,
    Site,
    Staff,
)
from db.names import latvian_key, list_language, person_key

# Rows written between two progress reports: ten years of attendance (150,000 rows) take
# half a minute as XLSX, so the count moves several times a second.
EXPORT_STEP = 1000


class ExportStopped(DomainError):
    """The librarian stopped an export: it is written whole or not at all, so nothing is."""

    template = QT_TRANSLATE_NOOP("DomainError", "The export was stopped: no file was saved.")


class BorrowerKind(enum.StrEnum):
    CHILD = "child"
    LIBRARIAN = "librarian"
    SESSION = "session"  # in use during a session


@dataclass(frozen=True)
class AttendanceExportRow:
    """One child's mark in one session."""

    day: date
    starts_at: time
    ends_at: time
    program: str
    theme: str
    site_name: str
    first_name: str
    last_name: str
    status: AttendanceStatus


@dataclass(frozen=True)
class ParticipantExportRow:
    """Everything the register holds about a participant, for the admin's own spreadsheet."""

    id: int
    first_name: str
    last_name: str
    birth_year: int | None
    gender: Gender | None
    site_name: str
    card_code: str | None
    guardian_name: str
    guardian_phone: str
    # The day each consent now in force was given (None: not given, or withdrawn).
    data_processing_consent: date | None
    photo_consent: date | None
    video_consent: date | None
    publication_consent: date | None
    consent_given_by: str
    programs: str  # closed cycles the participant is enrolled in, "; "-separated
    attendances: int  # present or late, in the period (or ever)
    first_visit: date | None
    last_visit: date | None
    target_group: bool  # sensitive: exported only here, never printed
    archived: bool
    notes: str
    registered_at: datetime


@dataclass(frozen=True)
class LoanExportRow:
    """One loan of an item: to whom, when, and how it came back."""

    tag: str
    item_name: str
    borrower: str
    borrower_kind: BorrowerKind
    lent_at: datetime
    due_at: datetime
    returned_at: datetime | None
    lent_by: str
    received_by: str
    return_note: str


def _check_period(first_day: date | None, last_day: date | None) -> None:
    if first_day is not None and last_day is not None and last_day < first_day:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "The period ends before it starts.")
        )


def _site_id(db: Database, site_name: str | None) -> int | None:
    if site_name is None:
        return None
    with db.reading() as s:
        site_id = s.scalar(select(Site.id).where(Site.name == site_name))
    if site_id is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=site_name)
    return site_id


def _days(first_day: date | None, last_day: date | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if first_day is not None:
        where.append(Session.day >= first_day)
    if last_day is not None:
        where.append(Session.day <= last_day)
    return where


def attendance_rows(
    db: Database,
    first_day: date | None = None,
    last_day: date | None = None,
    *,
    site_name: str | None = None,
    by: int | None,
) -> list[AttendanceExportRow]:
    """Every attendance mark in the period, by session and then in alphabetical name order.

    Sessions and names are read once each and the marks as bare ids, so ten years
    (150,000 marks) take well under a second instead of parsing dates on every row.
    """
    _check_period(first_day, last_day)
    site_id = _site_id(db, site_name)
    where = _days(first_day, last_day)
    if site_id is not None:
        where.append(Session.site_id == site_id)
    with db.reading() as s:
        reader_is_admin(s, by)  # names for the desk work: any active account
        sessions = s.execute(
            select(
                Session.id,
                Session.day,
                Session.starts_at,
                Session.ends_at,
                Program.name,
                Session.theme,
                Site.name,
                Site.country,
            )
            .join(Program, Program.id == Session.program_id)
            .join(Site, Site.id == Session.site_id)
            .where(*where)
        ).all()
        marks = list(
            s.execute(
                select(
                    Attendance.session_id,
                    Attendance.participant_id,
                    type_coerce(Attendance.status, String),
                )
                .join(Session, Session.id == Attendance.session_id)
                .where(*where)
            )
        )
        names = {
            pid: (first, last)
            for pid, first, last in s.execute(
                select(Participant.id, Participant.first_name, Participant.last_name).where(
                    Participant.id.in_(
                        select(Attendance.participant_id)
                        .join(Session, Session.id == Attendance.session_id)
                        .where(*where)
                    )
                )
            )
        }
    # Sessions in date, time and program order; children in alphabetical order within each,
    # Lithuanian for Rokiškis' sessions alone, else Latvian.
    language = list_language(row[7] for row in sessions)
    by_session = {row[0]: row for row in sessions}
    session_rank = {
        row[0]: rank
        for rank, row in enumerate(
            sorted(sessions, key=lambda r: (r[1], r[2], latvian_key(r[4]), r[0]))
        )
    }
    name_rank = {
        pid: rank
        for rank, pid in enumerate(
            sorted(names, key=lambda pid: (person_key(*names[pid], language), pid))
        )
    }
    marks.sort(key=lambda m: (session_rank[m[0]], name_rank[m[1]]))
    statuses = {status.value: status for status in AttendanceStatus}
    rows = []
    for session_id, participant_id, status in marks:
        _, day, starts_at, ends_at, program, theme, site, _country = by_session[session_id]
        first, last = names[participant_id]
        rows.append(
            AttendanceExportRow(
                day, starts_at, ends_at, program, theme, site, first, last, statuses[status]
            )
        )
    return rows


def participant_rows(
    db: Database,
    first_day: date | None = None,
    last_day: date | None = None,
    *,
    site_name: str | None = None,
    by: int | None,
) -> list[ParticipantExportRow]:
    """The register in alphabetical name order; with a period, those who came or joined in it.

    Archived participants are included (a column says so): the admin's export is complete.
    """
    check_admin(db, by, EXPORT_PARTICIPANTS)  # guardians' contacts and the sensitive mark
    _check_period(first_day, last_day)
    site_id = _site_id(db, site_name)
    in_period = _days(first_day, last_day)
    visits = (
        select(
            Attendance.participant_id.label("participant_id"),
            func.count(Attendance.id).label("attendances"),
            func.min(Session.day).label("first_visit"),
            func.max(Session.day).label("last_visit"),
        )
        .join(Session, Session.id == Attendance.session_id)
        .where(Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]), *in_period)
        .group_by(Attendance.participant_id)
        .subquery()
    )
    query = (
        select(
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Participant.birth_year,
            Participant.gender,
            Site.name.label("site_name"),
            Site.country.label("site_country"),
            Participant.card_code,
            Participant.guardian_name,
            Participant.guardian_phone,
            Participant.target_group,
            Participant.archived,
            Participant.notes,
            Participant.created_at,
            func.coalesce(visits.c.attendances, 0).label("attendances"),
            visits.c.first_visit,
            visits.c.last_visit,
        )
        .join(Site, Site.id == Participant.site_id)
        .outerjoin(visits, visits.c.participant_id == Participant.id)
    )
    if site_id is not None:
        query = query.where(Participant.site_id == site_id)
    if first_day is not None or last_day is not None:
        # Came in the period (any mark), or was registered in it.
        marked = (
            select(Attendance.participant_id)
            .join(Session, Session.id == Attendance.session_id)
            .where(*in_period)
        )
        registered: list[ColumnElement[bool]] = []
        if first_day is not None:
            registered.append(Participant.created_at >= at_local(first_day, time(0)))
        if last_day is not None:
            registered.append(
                Participant.created_at < at_local(last_day + timedelta(days=1), time(0))
            )
        query = query.where(or_(Participant.id.in_(marked), and_(*registered)))
    with db.reading() as s:
        people = s.execute(query).all()
        consents = s.execute(
            select(Consent.participant_id, Consent.purpose, Consent.given_on, Consent.given_by)
            .where(Consent.withdrawn_on.is_(None))
            .order_by(Consent.given_on, Consent.id)
        ).all()
        enrolments = s.execute(
            select(Enrollment.participant_id, Program.name)
            .join(Program, Program.id == Enrollment.program_id)
            .order_by(Enrollment.joined_on, Enrollment.id)
        ).all()
    given: dict[tuple[int, ConsentPurpose], date] = {}
    given_by: dict[int, str] = {}
    for participant_id, purpose, given_on, guardian in consents:
        given[participant_id, purpose] = given_on
        given_by[participant_id] = guardian  # the latest consent's guardian
    programs: defaultdict[int, list[str]] = defaultdict(list)
    for participant_id, program in enrolments:
        programs[participant_id].append(program)
    rows = [
        ParticipantExportRow(
            id=p.id,
            first_name=p.first_name,
            last_name=p.last_name,
            birth_year=p.birth_year,
            gender=p.gender,
            site_name=p.site_name,
            card_code=p.card_code,
            guardian_name=p.guardian_name,
            guardian_phone=p.guardian_phone,
            data_processing_consent=given.get((p.id, ConsentPurpose.DATA_PROCESSING)),
            photo_consent=given.get((p.id, ConsentPurpose.PHOTO)),
            video_consent=given.get((p.id, ConsentPurpose.VIDEO)),
            publication_consent=given.get((p.id, ConsentPurpose.PUBLICATION)),
            consent_given_by=given_by.get(p.id, ""),
            programs="; ".join(programs[p.id]),
            attendances=p.attendances,
            first_visit=p.first_visit,
            last_visit=p.last_visit,
            target_group=p.target_group,
            archived=p.archived,
            notes=p.notes,
            registered_at=p.created_at,
        )
        for p in people
    ]
    # Lithuanian order for Rokiškis' children alone, else Latvian.
    language = list_language(p.site_country for p in people)
    rows.sort(key=lambda r: (person_key(r.first_name, r.last_name, language), r.id))
    return rows


def loan_rows(
    db: Database,
    first_day: date | None = None,
    last_day: date | None = None,
    *,
    site_name: str | None = None,
    by: int | None,
) -> list[LoanExportRow]:
    """Loans made in the period (by the library's calendar), oldest first."""
    _check_period(first_day, last_day)
    site_id = _site_id(db, site_name)
    borrowing_staff = aliased(Staff)
    lender = aliased(Staff)
    receiver = aliased(Staff)
    query = (
        select(
            Item.tag,
            Item.name,
            Participant.first_name,
            Participant.last_name,
            borrowing_staff.display_name,
            Program.name,
            Session.day,
            Loan.lent_at,
            Loan.due_at,
            Loan.returned_at,
            lender.display_name,
            receiver.display_name,
            Loan.return_note,
        )
        .join(Item, Item.id == Loan.item_id)
        .outerjoin(Participant, Participant.id == Loan.participant_id)
        .outerjoin(borrowing_staff, borrowing_staff.id == Loan.staff_id)
        .outerjoin(Session, Session.id == Loan.session_id)
        .outerjoin(Program, Program.id == Session.program_id)
        .outerjoin(lender, lender.id == Loan.lent_by_id)
        .outerjoin(receiver, receiver.id == Loan.received_by_id)
        .order_by(Loan.lent_at, Item.tag, Loan.id)
    )
    if first_day is not None:
        query = query.where(Loan.lent_at >= at_local(first_day, time(0)))
    if last_day is not None:
        query = query.where(Loan.lent_at < at_local(last_day + timedelta(days=1), time(0)))
    if site_id is not None:
        query = query.where(Item.site_id == site_id)
    result = []
    with db.reading() as s:
        reader_is_admin(s, by)  # children's names: any active account
        for row in s.execute(query):
            (tag, name, first, last, staff, program, day, lent, due, back, lender, to, note) = row
            kind = (
                BorrowerKind.CHILD
                if first is not None
                else BorrowerKind.LIBRARIAN
                if staff is not None
                else BorrowerKind.SESSION
            )
            # The same words as the Equipment page: "Nāc, pievienojies! 05.10.2018".
            borrower = borrower_words(first, last, staff, program, day)
            result.append(
                LoanExportRow(
                    tag, name, borrower, kind, lent, due, back, lender or "", to or "", note or ""
                )
            )
    return result

"""Read queries for the printed sign-in sheet and the monthly attendance report.

They return frozen dataclasses of plain values, so the documents never touch the ORM.
Sensitive facts stay here: the target-group mark is only ever counted, never handed out
per child; guardian contacts and notes are not read at all.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as OrmSession

from db.accounts import reader_is_admin
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, NotFound
from db.models import (
    CAME,
    KIND_ORDER,
    Attendance,
    AttendanceStatus,
    Enrollment,
    Participant,
    Program,
    ProgramKind,
    Project,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.names import country_language, latvian_key, person_key
from db.people import photo_consent_clause


@dataclass(frozen=True)
class Letterhead:
    """Who prints: the funded project and the library, for the top and bottom of a page."""

    project_name: str
    project_number: str
    project_title: str
    programme: str
    funding_statement: str
    site_name: str
    library_name: str


# --- the sign-in sheet ----------------------------------------------------------------------


@dataclass(frozen=True)
class SigninRow:
    """A child already on the sheet; no_photos tells the photographer to leave them out."""

    first_name: str
    last_name: str
    no_photos: bool


@dataclass(frozen=True)
class SigninSheet:
    """One session's sheet for signatures: the heading facts and the children known so far."""

    letterhead: Letterhead
    session_id: int
    program_name: str
    program_kind: ProgramKind
    ordinal: int | None  # 7 of "7/20"; None for a cancelled session
    of_sessions: int | None  # 20 of "7/20": the planned number, else those scheduled
    theme: str
    day: date
    starts_at: time
    ends_at: time
    place: str
    leader: str
    status: SessionStatus
    anonymous_headcount: int
    rows: tuple[SigninRow, ...]
    # True when nobody is checked in yet and the rows are the cycle's enrolled children.
    from_enrolment: bool


def _project_for(tx: OrmSession, project_ids: Iterable[int | None]) -> Project | None:
    known = sorted({p for p in project_ids if p is not None})
    if known:
        return tx.get(Project, known[0])
    # A program without a project still prints under the one project the database holds.
    return tx.scalars(select(Project).order_by(Project.id)).first()


def _letterhead(project: Project | None, sites: Sequence[Site]) -> Letterhead:
    return Letterhead(
        project_name=project.name if project else "",
        project_number=project.number if project else "",
        project_title=project.title if project else "",
        programme=project.programme if project else "",
        funding_statement=project.funding_statement if project else "",
        site_name=", ".join(s.name for s in sites),
        library_name=", ".join(s.library_name or s.name for s in sites),
    )


def signin_sheet_data(db: Database, session_id: int, *, by: int | None) -> SigninSheet:
    """The sheet of one session: children checked in, or before it starts the cycle's members."""
    with db.reading() as tx:
        reader_is_admin(tx, by)  # names for the desk work: any active account
        row = tx.get(Session, session_id)
        if row is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
        program = tx.get(Program, row.program_id)
        site = tx.get(Site, row.site_id)
        assert program is not None and site is not None  # foreign keys
        leader = tx.get(Staff, row.leader_id) if row.leader_id is not None else None

        # "nodarbība 7/20": its place among the program's sessions that were not cancelled.
        scheduled = tx.execute(
            select(Session.id)
            .where(Session.program_id == program.id, Session.status != SessionStatus.CANCELLED)
            .order_by(Session.day, Session.starts_at, Session.id)
        ).all()
        order = [r[0] for r in scheduled]
        ordinal = order.index(row.id) + 1 if row.id in order else None
        of_sessions = program.planned_sessions or len(order) or None

        no_photos = ~photo_consent_clause()
        checked_in = tx.execute(
            select(Participant.first_name, Participant.last_name, no_photos)
            .join(Attendance, Attendance.participant_id == Participant.id)
            .where(Attendance.session_id == row.id, Attendance.status.in_(CAME))
        ).all()
        people = [SigninRow(first, last, bool(flag)) for first, last, flag in checked_in]
        from_enrolment = False
        if not people and program.kind is ProgramKind.CLOSED:
            # Before the session: the cycle's members that day, less those already excused.
            marked = select(Attendance.participant_id).where(Attendance.session_id == row.id)
            enrolled = tx.execute(
                select(Participant.first_name, Participant.last_name, no_photos)
                .join(Enrollment, Enrollment.participant_id == Participant.id)
                .where(
                    Enrollment.program_id == program.id,
                    Enrollment.joined_on <= row.day,
                    or_(Enrollment.left_on.is_(None), Enrollment.left_on > row.day),
                    Participant.archived.is_(False),
                    Participant.id.not_in(marked),
                )
            ).all()
            people = [SigninRow(first, last, bool(flag)) for first, last, flag in enrolled]
            from_enrolment = bool(people)
        language = country_language(site.country)  # Lithuanian order on Rokiškis' sheets
        people.sort(key=lambda p: person_key(p.first_name, p.last_name, language))

        return SigninSheet(
            letterhead=_letterhead(_project_for(tx, [program.project_id]), [site]),
            session_id=row.id,
            program_name=program.name,
            program_kind=program.kind,
            ordinal=ordinal,
            of_sessions=of_sessions,
            theme=row.theme,
            day=row.day,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            place=row.place,
            leader=leader.display_name if leader else "",
            status=row.status,
            anonymous_headcount=row.anonymous_headcount,
            rows=tuple(people),
            from_enrolment=from_enrolment,
        )


# --- the monthly attendance report ----------------------------------------------------------


class Mark(enum.StrEnum):
    """One cell of the monthly table."""

    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"
    ABSENT = "absent"  # recorded absent, or a cycle member with no mark at a held session
    BLANK = ""  # not enrolled yet (or any more), not marked yet, or simply not there (open)
    CANCELLED = "cancelled"  # the session did not occur


@dataclass(frozen=True)
class MonthSession:
    """A column of the monthly table."""

    session_id: int
    day: date
    starts_at: time
    theme: str
    status: SessionStatus
    attended: int  # present + late; 0 when cancelled
    anonymous_headcount: int


@dataclass(frozen=True)
class MonthRow:
    """A line of the monthly table: one child and a mark per session."""

    participant_id: int
    first_name: str
    last_name: str
    marks: tuple[Mark, ...]
    first_time: bool  # first ever came to this program this month

    @property
    def attended(self) -> int:
        return sum(m in (Mark.PRESENT, Mark.LATE) for m in self.marks)


@dataclass(frozen=True)
class ProgramMonth:
    """One program's month: its sessions, its children and their marks."""

    program_id: int
    name: str
    kind: ProgramKind
    site_name: str
    sessions: tuple[MonthSession, ...]
    rows: tuple[MonthRow, ...]

    def count(self, mark: Mark) -> int:
        return sum(row.marks.count(mark) for row in self.rows)

    @property
    def held(self) -> int:
        return sum(s.status is SessionStatus.HELD for s in self.sessions)

    @property
    def cancelled(self) -> int:
        return sum(s.status is SessionStatus.CANCELLED for s in self.sessions)

    @property
    def not_yet_held(self) -> int:
        return sum(s.status is SessionStatus.PLANNED for s in self.sessions)

    @property
    def attendances(self) -> int:
        return sum(s.attended for s in self.sessions)

    @property
    def unique_participants(self) -> int:
        return sum(row.attended > 0 for row in self.rows)

    @property
    def first_timers(self) -> int:
        return sum(row.first_time for row in self.rows)

    @property
    def anonymous_headcount(self) -> int:
        return sum(s.anonymous_headcount for s in self.sessions)


@dataclass(frozen=True)
class MonthSummary:
    """The funder's figures: unique children and attendances are never added together."""

    sessions_held: int
    sessions_cancelled: int
    unique_children: int
    attendances: int  # children's visits (present + late) in sessions that took place
    target_group_children: int  # of the unique children: a count, never a list
    new_children: int  # whose first visit to the project ever was this month
    anonymous_headcount: int
    # Seminars are for librarians: counted apart, so adults never pass for children.
    seminar_participants: int
    seminar_attendances: int


@dataclass(frozen=True)
class MonthlyAttendance:
    letterhead: Letterhead
    year: int
    month: int
    program_name: str | None  # the one program asked for
    site_name: str | None  # the one site asked for
    programs: tuple[ProgramMonth, ...]
    summary: MonthSummary

    @property
    def most_sessions(self) -> int:
        return max((len(p.sessions) for p in self.programs), default=0)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _cell(
    status: AttendanceStatus | None,
    session: MonthSession,
    closed: bool,
    member: bool,
) -> Mark:
    if session.status is SessionStatus.CANCELLED:
        return Mark.CANCELLED
    if status is not None:
        return Mark(status.value)
    if closed and member and session.status is SessionStatus.HELD:
        return Mark.ABSENT  # a member not marked at a session that took place did not come
    return Mark.BLANK


def _member_on(spans: Sequence[tuple[date, date | None]], day: date) -> bool:
    return any(joined <= day and (left is None or day < left) for joined, left in spans)


def monthly_attendance_data(
    db: Database,
    year: int,
    month: int,
    *,
    program_id: int | None = None,
    site_name: str | None = None,
    by: int | None,
) -> MonthlyAttendance:
    """Every program's sessions of a month with each child's marks, and the month's totals.

    The target group is only a count here, so any active account may print it.
    """
    first_day, last_day = _month_bounds(year, month)
    with db.reading() as tx:
        reader_is_admin(tx, by)
        site: Site | None = None
        if site_name is not None:
            site = tx.scalars(select(Site).where(Site.name == site_name)).first()
            if site is None:
                raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=site_name)
        chosen: Program | None = None
        if program_id is not None:
            chosen = tx.get(Program, program_id)
            if chosen is None:
                raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Program"), key=program_id)

        query = (
            select(Session, Program)
            .join(Program, Program.id == Session.program_id)
            .where(Session.day >= first_day, Session.day <= last_day)
            .order_by(Session.day, Session.starts_at, Session.id)
        )
        if site is not None:
            query = query.where(Session.site_id == site.id)
        if chosen is not None:
            query = query.where(Session.program_id == chosen.id)
        found = tx.execute(query).all()
        programs: dict[int, Program] = {}
        sessions_of: dict[int, list[Session]] = defaultdict(list)
        for row, program in found:
            programs[program.id] = program
            sessions_of[program.id].append(row)
        program_of = {row.id: program.id for row, program in found}

        # Every mark of the month's sessions, with who made it.
        marks: dict[tuple[int, int], AttendanceStatus] = {}
        for sid, pid, status in tx.execute(
            select(Attendance.session_id, Attendance.participant_id, Attendance.status).where(
                Attendance.session_id.in_(list(program_of))
            )
        ):
            marks[sid, pid] = status

        # Cycle memberships touching the month: sessions before joining are not absences.
        closed_ids = [p.id for p in programs.values() if p.kind is ProgramKind.CLOSED]
        spans: dict[tuple[int, int], list[tuple[date, date | None]]] = defaultdict(list)
        archived_members: set[int] = set()
        for prog, pid, joined, left, archived in tx.execute(
            select(
                Enrollment.program_id,
                Enrollment.participant_id,
                Enrollment.joined_on,
                Enrollment.left_on,
                Participant.archived,
            )
            .join(Participant, Participant.id == Enrollment.participant_id)
            .where(Enrollment.program_id.in_(closed_ids))
        ):
            spans[prog, pid].append((joined, left))
            if archived:
                archived_members.add(pid)

        # Who is on each program's table: the cycle's members and everyone marked.
        listed: dict[int, set[int]] = defaultdict(set)
        for (sid, pid), _status in marks.items():
            listed[program_of[sid]].add(pid)
        for (prog, pid), member_spans in spans.items():
            held_days = [s.day for s in sessions_of[prog]]
            if any(_member_on(member_spans, d) for d in held_days) and (
                pid not in archived_members or any((s.id, pid) in marks for s in sessions_of[prog])
            ):
                listed[prog].add(pid)
        everyone = set().union(*listed.values()) if listed else set()

        names = {
            pid: (first, last)
            for pid, first, last in tx.execute(
                select(Participant.id, Participant.first_name, Participant.last_name).where(
                    Participant.id.in_(everyone)
                )
            )
        }

        # The first visit ever of each child, to each program and to the project at all.
        first_visits: dict[tuple[int, int], date] = {}
        first_ever: dict[int, date] = {}
        for pid, prog, day in tx.execute(
            select(Attendance.participant_id, Session.program_id, func.min(Session.day))
            .join(Session, Session.id == Attendance.session_id)
            .where(
                Attendance.participant_id.in_(everyone),
                Attendance.status.in_(CAME),
                Session.status != SessionStatus.CANCELLED,
            )
            .group_by(Attendance.participant_id, Session.program_id)
        ):
            first_visits[pid, prog] = day
            first_ever[pid] = min(day, first_ever.get(pid, day))

        sections: list[ProgramMonth] = []
        for prog_id, program in programs.items():
            columns = tuple(
                MonthSession(
                    session_id=s.id,
                    day=s.day,
                    starts_at=s.starts_at,
                    theme=s.theme,
                    status=s.status,
                    attended=0
                    if s.status is SessionStatus.CANCELLED
                    else sum(marks.get((s.id, pid)) in CAME for pid in listed[prog_id]),
                    anonymous_headcount=0
                    if s.status is SessionStatus.CANCELLED
                    else s.anonymous_headcount,
                )
                for s in sessions_of[prog_id]
            )
            closed = program.kind is ProgramKind.CLOSED
            rows = [
                MonthRow(
                    participant_id=pid,
                    first_name=names[pid][0],
                    last_name=names[pid][1],
                    marks=tuple(
                        _cell(
                            marks.get((col.session_id, pid)),
                            col,
                            closed,
                            _member_on(spans.get((prog_id, pid), []), col.day),
                        )
                        for col in columns
                    ),
                    first_time=first_day <= first_visits.get((pid, prog_id), date.min) <= last_day,
                )
                for pid in listed[prog_id]
                if pid in names
            ]
            site_row = tx.get(Site, program.site_id)
            language = country_language(site_row.country if site_row else None)
            rows.sort(key=lambda r: person_key(r.first_name, r.last_name, language))
            sections.append(
                ProgramMonth(
                    program_id=prog_id,
                    name=program.name,
                    kind=program.kind,
                    site_name=site_row.name if site_row else "",
                    sessions=columns,
                    rows=tuple(rows),
                )
            )
        sections.sort(key=lambda p: (KIND_ORDER.index(p.kind), latvian_key(p.name)))

        children: set[int] = set()
        adults: set[int] = set()
        for section in sections:
            came = {row.participant_id for row in section.rows if row.attended}
            (adults if section.kind is ProgramKind.SEMINAR else children).update(came)
        target_group = (
            tx.scalar(
                select(func.count(Participant.id)).where(
                    Participant.id.in_(children), Participant.target_group.is_(True)
                )
            )
            or 0
        )
        summary = MonthSummary(
            sessions_held=sum(p.held for p in sections),
            sessions_cancelled=sum(p.cancelled for p in sections),
            unique_children=len(children),
            attendances=sum(p.attendances for p in sections if p.kind is not ProgramKind.SEMINAR),
            target_group_children=target_group,
            new_children=sum(first_day <= first_ever[pid] <= last_day for pid in children),
            anonymous_headcount=sum(p.anonymous_headcount for p in sections),
            seminar_participants=len(adults),
            seminar_attendances=sum(
                p.attendances for p in sections if p.kind is ProgramKind.SEMINAR
            ),
        )

        if site is not None:
            head_sites = [site]
        elif chosen is not None:
            head_sites = [s for s in [tx.get(Site, chosen.site_id)] if s is not None]
        else:
            site_ids = sorted({p.site_id for p in programs.values()})
            head_sites = list(
                tx.scalars(select(Site).where(Site.id.in_(site_ids)).order_by(Site.id))
            )
        project = _project_for(tx, [p.project_id for p in programs.values()])
        return MonthlyAttendance(
            letterhead=_letterhead(project, head_sites),
            year=year,
            month=month,
            program_name=chosen.name if chosen else None,
            site_name=site.name if site else None,
            programs=tuple(sections),
            summary=summary,
        )

"""Use cases for the project's programs and their sessions: plan, schedule a series, cancel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session as OrmSession

from db import audit
from db.audit_actions import SESSION_MARKED, AuditAction
from db.clock import at_local, local
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    Attendance,
    AttendanceStatus,
    Program,
    ProgramKind,
    Project,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.names import latvian_key

# A session "starting soon" is already the desk's current one.
EARLY_ARRIVAL = timedelta(minutes=30)


@dataclass(frozen=True)
class SessionPlan:
    """When and where a session takes place, and what it is about."""

    day: date
    starts_at: time
    ends_at: time
    theme: str = ""
    place: str = ""
    leader_id: int | None = None


def add_site(db: Database, name: str, country: str, library_name: str = "") -> int:
    """A library taking part; adding one that exists returns it."""
    with db.unit_of_work() as uow:
        existing = uow.tx.scalars(select(Site).where(Site.name == name)).first()
        if existing is not None:
            return existing.id
        if country not in ("LV", "LT"):
            raise InvalidInput(
                problem=QT_TRANSLATE_NOOP("DomainError", "A site's country is LV or LT.")
            )
        site = Site(name=name, country=country, library_name=library_name)
        uow.tx.add(site)
        uow.tx.flush()
        audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", site.id, f"Added site {name}")
        uow.commit()
        return site.id


def add_project(
    db: Database,
    name: str,
    number: str,
    *,
    title: str = "",
    programme: str = "",
    funding_statement: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> int:
    """The funded project (OPEN UP, LLI-263); adding one with a known number returns it."""
    with db.unit_of_work() as uow:
        existing = uow.tx.scalars(select(Project).where(Project.number == number)).first()
        if existing is not None:
            return existing.id
        project = Project(
            name=name,
            number=number,
            title=title,
            programme=programme,
            funding_statement=funding_statement,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        uow.tx.add(project)
        uow.tx.flush()
        audit.record(
            uow.tx,
            None,
            AuditAction.PROJECT_ADDED,
            "project",
            project.id,
            f"Added {name} {number}",
        )
        uow.commit()
        return project.id


def create_program(
    db: Database,
    name: str,
    kind: ProgramKind,
    site_id: int,
    *,
    project_id: int | None = None,
    planned_sessions: int | None = None,
    by: int | None = None,
) -> int:
    """A training cycle, open sessions, camp or seminar at one site; a known name returns it."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(problem=QT_TRANSLATE_NOOP("DomainError", "A program needs a name."))
    if planned_sessions is not None and planned_sessions < 1:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError", "The planned number of sessions must be 1 or more."
            )
        )
    with db.unit_of_work() as uow:
        if uow.tx.get(Site, site_id) is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=site_id)
        existing = uow.tx.scalars(
            select(Program).where(Program.site_id == site_id, Program.name == name)
        ).first()
        if existing is not None:
            return existing.id
        program = Program(
            name=name,
            kind=kind,
            site_id=site_id,
            project_id=project_id,
            planned_sessions=planned_sessions,
        )
        uow.tx.add(program)
        uow.tx.flush()
        audit.record(
            uow.tx,
            by,
            AuditAction.PROGRAM_CREATED,
            "program",
            program.id,
            f"Created program {name}",
        )
        uow.commit()
        return program.id


def _check_plan(plan: SessionPlan) -> None:
    if plan.ends_at <= plan.starts_at:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "A session must end after it starts.")
        )
    if len(plan.theme) > 300 or len(plan.place) > 200:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "The theme or place is too long.")
        )


def _add_session(tx: OrmSession, program: Program, plan: SessionPlan) -> Session | None:
    """Add one session unless the program already has one at that date and time."""
    _check_plan(plan)
    clash = tx.scalars(
        select(Session).where(
            Session.program_id == program.id,
            Session.day == plan.day,
            Session.starts_at == plan.starts_at,
        )
    ).first()
    if clash is not None:
        return None
    if plan.leader_id is not None and tx.get(Staff, plan.leader_id) is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Librarian"), key=plan.leader_id)
    row = Session(
        program_id=program.id,
        site_id=program.site_id,
        day=plan.day,
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        theme=" ".join(plan.theme.split()),
        place=plan.place.strip(),
        leader_id=plan.leader_id,
    )
    tx.add(row)
    return row


def _get_program(tx: OrmSession, program_id: int) -> Program:
    program = tx.get(Program, program_id)
    if program is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Program"), key=program_id)
    return program


def create_session(
    db: Database, program_id: int, plan: SessionPlan, *, by: int | None = None
) -> int:
    """Schedule one session; one already at that date and time is refused."""
    with db.unit_of_work() as uow:
        program = _get_program(uow.tx, program_id)
        row = _add_session(uow.tx, program, plan)
        if row is None:
            raise InvalidInput(
                problem=QT_TRANSLATE_NOOP(
                    "DomainError", "This program already has a session at that date and time."
                )
            )
        uow.tx.flush()
        audit.record(
            uow.tx,
            by,
            AuditAction.SESSION_CREATED,
            "session",
            row.id,
            f"Scheduled {program.name} on {plan.day.isoformat()} {plan.starts_at:%H:%M}",
        )
        uow.commit()
        return row.id


def create_weekly_series(
    db: Database,
    program_id: int,
    first_day: date,
    last_day: date,
    starts_at: time,
    ends_at: time,
    *,
    themes: Mapping[date, str] | None = None,
    place: str = "",
    leader_id: int | None = None,
    by: int | None = None,
) -> list[int]:
    """Schedule the same weekday every week (the Friday open sessions), with per-date themes.

    Dates that already have a session are left as they are, so a series can be extended.
    """
    if last_day < first_day:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "The series must end after it starts.")
        )
    if (last_day - first_day).days > 5 * 366:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "A series may span at most five years.")
        )
    themes = themes or {}
    with db.unit_of_work() as uow:
        program = _get_program(uow.tx, program_id)
        added: list[Session] = []
        day = first_day
        while day <= last_day:
            plan = SessionPlan(day, starts_at, ends_at, themes.get(day, ""), place, leader_id)
            row = _add_session(uow.tx, program, plan)
            if row is not None:
                added.append(row)
            day += timedelta(weeks=1)
        if not added:
            return []
        uow.tx.flush()
        audit.record(
            uow.tx,
            by,
            AuditAction.SESSION_SERIES_CREATED,
            "program",
            program.id,
            f"Scheduled {len(added)} weekly sessions of {program.name}"
            f" from {first_day.isoformat()} to {last_day.isoformat()}",
        )
        uow.commit()
        return [row.id for row in added]


def _get_session(tx: OrmSession, session_id: int, *, for_update: bool = False) -> Session:
    row = tx.get(Session, session_id, with_for_update=for_update)
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
    return row


def set_session_status(
    db: Database, session_id: int, status: SessionStatus, *, by: int | None = None
) -> None:
    """Mark a session held, or cancelled ("did not occur"), or planned again."""
    with db.unit_of_work() as uow:
        row = _get_session(uow.tx, session_id)
        if row.status is status:
            return
        before = row.status
        row.status = status
        audit.record(
            uow.tx,
            by,
            SESSION_MARKED[status],
            "session",
            row.id,
            f"Session of {row.day.isoformat()} {before.value} → {status.value}",
            {"status": [before.value, status.value]},
        )
        uow.commit()


def cancel_session(db: Database, session_id: int, *, by: int | None = None) -> None:
    """The session did not occur; its attendance, if any was taken, stays for the record."""
    set_session_status(db, session_id, SessionStatus.CANCELLED, by=by)


def set_anonymous_headcount(
    db: Database, session_id: int, headcount: int, *, by: int | None = None
) -> int:
    """Visitors counted but not registered; never below zero."""
    with db.unit_of_work() as uow:
        row = _get_session(uow.tx, session_id)
        _record_headcount(uow.tx, row, headcount, by)
        uow.commit()
        return row.anonymous_headcount


def count_visitors(db: Database, session_id: int, step: int, *, by: int | None = None) -> int:
    """One more (or one less) visitor at the desk: added to the count as it is in the database
    now, so quick presses of + and a second laptop counting at once lose nothing."""
    with db.unit_of_work() as uow:
        row = _get_session(uow.tx, session_id, for_update=True)
        _record_headcount(uow.tx, row, row.anonymous_headcount + step, by)
        uow.commit()
        return row.anonymous_headcount


def _record_headcount(tx: OrmSession, row: Session, headcount: int, by: int | None) -> None:
    headcount = max(0, headcount)
    if row.anonymous_headcount != headcount:
        audit.record(
            tx,
            by,
            AuditAction.SESSION_HEADCOUNT,
            "session",
            row.id,
            f"Anonymous headcount {row.anonymous_headcount} → {headcount}",
            {"anonymous_headcount": [row.anonymous_headcount, headcount]},
        )
        row.anonymous_headcount = headcount


def running_sessions(at: datetime, site_id: int | None = None) -> Select[Session]:
    """Sessions running at an instant, or starting within half an hour, earliest first."""
    at = local(at)
    soon = at + EARLY_ARRIVAL
    latest_start = soon.time() if soon.date() == at.date() else time.max
    query = (
        select(Session)
        .where(
            Session.day == at.date(),
            Session.status != SessionStatus.CANCELLED,
            Session.starts_at <= latest_start,
            Session.ends_at > at.time(),
        )
        .order_by(Session.starts_at)
    )
    if site_id is not None:
        query = query.where(Session.site_id == site_id)
    return query


def session_end(row: Session) -> datetime:
    """The instant a session ends, for loans due at its end."""
    return at_local(row.day, row.ends_at)


def list_sites(db: Database) -> list[tuple[int, str, str]]:
    """The libraries taking part: id, name, country."""
    with db.reading() as tx:
        return [(s.id, s.name, s.country) for s in tx.scalars(select(Site).order_by(Site.id))]


@dataclass(frozen=True)
class ProgramRow:
    """A program to choose when scheduling sessions."""

    id: int
    name: str
    kind: ProgramKind


def list_programs(db: Database, site_id: int | None = None) -> list[ProgramRow]:
    """The programs of a site (all sites when None), in Latvian alphabetical order."""
    query = select(Program.id, Program.name, Program.kind)
    if site_id is not None:
        query = query.where(Program.site_id == site_id)
    with db.reading() as tx:
        rows = [ProgramRow(*row) for row in tx.execute(query)]
    rows.sort(key=lambda p: latvian_key(p.name))
    return rows


@dataclass(frozen=True)
class SessionRow:
    """A line of the sessions list: when, what, where, and how many came."""

    id: int
    program_id: int
    program: str
    program_kind: ProgramKind
    day: date
    starts_at: time
    ends_at: time
    theme: str
    place: str
    leader_id: int | None
    leader: str
    status: SessionStatus
    checked_in: int  # children present or late
    anonymous_headcount: int


def _session_rows_query() -> Select[
    int,
    int,
    str,
    ProgramKind,
    date,
    time,
    time,
    str,
    str,
    int | None,
    str | None,
    SessionStatus,
    int,
    int,
]:
    checked_in = (
        select(func.count(Attendance.id))
        .where(
            Attendance.session_id == Session.id,
            Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
        )
        .correlate(Session)
        .scalar_subquery()
    )
    return (
        select(
            Session.id,
            Session.program_id,
            Program.name,
            Program.kind,
            Session.day,
            Session.starts_at,
            Session.ends_at,
            Session.theme,
            Session.place,
            Session.leader_id,
            Staff.display_name,
            Session.status,
            checked_in,
            Session.anonymous_headcount,
        )
        .join(Program, Program.id == Session.program_id)
        .outerjoin(Staff, Staff.id == Session.leader_id)
        .order_by(Session.day, Session.starts_at, Program.name)
    )


def _session_row(row: tuple[object, ...]) -> SessionRow:
    values = list(row)
    values[10] = values[10] or ""  # no leading librarian chosen
    return SessionRow(*values)  # type: ignore[arg-type]


def sessions_between(
    db: Database,
    first_day: date,
    last_day: date,
    *,
    site_id: int | None = None,
    program_id: int | None = None,
) -> list[SessionRow]:
    """Sessions from one date to another (both included), in date and time order."""
    query = _session_rows_query().where(Session.day >= first_day, Session.day <= last_day)
    if site_id is not None:
        query = query.where(Session.site_id == site_id)
    if program_id is not None:
        query = query.where(Session.program_id == program_id)
    with db.reading() as tx:
        return [_session_row(tuple(row)) for row in tx.execute(query)]


def sessions_in_month(
    db: Database, year: int, month: int, site_id: int | None = None
) -> list[SessionRow]:
    """The sessions of one calendar month at a site (all sites when None)."""
    first_day = date(year, month, 1)
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return sessions_between(db, first_day, next_month - timedelta(days=1), site_id=site_id)


def session_row(db: Database, session_id: int) -> SessionRow:
    """One session as the sessions list shows it (for the heading of its attendance)."""
    with db.reading() as tx:
        row = tx.execute(_session_rows_query().where(Session.id == session_id)).first()
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
    return _session_row(tuple(row))

"""What the desk reads and undoes beyond the single use cases: the session it runs now and
those to choose from, its lists, the name search, undoing a loan (a scan: db/desk_scan)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Integer,
    Select,
    cast,
    exists,
    false,
    func,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session as OrmSession

from db import audit
from db.accounts import NotSignedIn, may_read
from db.attendance import Present, present_query
from db.audit_actions import AuditAction
from db.clock import local
from db.database import Database
from db.equipment import OpenLoan, open_loan_from, open_loans_query
from db.models import (
    Attendance,
    AttendanceStatus,
    Loan,
    Participant,
    Program,
    Session,
    SessionStatus,
)
from db.programs import running_sessions
from db.search import FoundParticipant, search_marked

DAYS_AROUND = 14


@dataclass(frozen=True)
class DeskSession:
    """A session the librarian may switch the desk to."""

    id: int
    day: date
    starts_at: time
    ends_at: time
    program: str
    theme: str
    status: SessionStatus


def _sessions_near(tx: OrmSession, site_id: int | None, today: date) -> list[DeskSession]:
    query = (
        select(
            Session.id,
            Session.day,
            Session.starts_at,
            Session.ends_at,
            Program.name,
            Session.theme,
            Session.status,
        )
        .join(Program, Program.id == Session.program_id)
        .where(
            Session.day >= today - timedelta(days=DAYS_AROUND),
            Session.day <= today + timedelta(days=DAYS_AROUND),
        )
    )
    if site_id is not None:
        query = query.where(Session.site_id == site_id)
    rows = [DeskSession(*row) for row in tx.execute(query)]
    rows.sort(key=lambda s: (s.day != today, abs((s.day - today).days), s.starts_at))
    return rows


def sessions_near(db: Database, site_id: int | None, today: date) -> list[DeskSession]:
    """Today's sessions first (by time), then the two weeks around today, nearest first."""
    with db.reading() as tx:
        return _sessions_near(tx, site_id, today)


def current_session(db: Database, site_id: int | None, now: datetime) -> int | None:
    """The session the desk runs now: running, or starting within half an hour."""
    with db.reading() as tx:
        return tx.scalars(running_sessions(now, site_id).with_only_columns(Session.id)).first()


@dataclass(frozen=True)
class DeskSessions:
    """The desk's session chooser: the sessions near today and the one running now."""

    sessions: list[DeskSession]
    running: int | None
    has_programs: bool  # False on a new database: the desk offers to create the first


def desk_sessions(db: Database, site_id: int | None, now: datetime) -> DeskSessions:
    """What the desk's chooser lists, and which session the clock picks, in one read."""
    programs = select(Program.id).limit(1)
    if site_id is not None:
        programs = programs.where(Program.site_id == site_id)
    with db.reading() as tx:
        near = _sessions_near(tx, site_id, local(now).date())
        running = tx.scalars(running_sessions(now, site_id).with_only_columns(Session.id)).first()
        has_programs = bool(near) or tx.scalars(programs).first() is not None
    return DeskSessions(near, running, has_programs)


def undo_lend(db: Database, loan_ids: list[int], *, by: int | None = None) -> None:
    """Take back loans scanned by mistake a moment ago (the desk's "undo last scan")."""
    with db.unit_of_work() as uow:
        for loan in uow.tx.scalars(select(Loan).where(Loan.id.in_(loan_ids))):
            if loan.returned_at is not None:
                continue  # already back: the return is the record that counts
            audit.record(
                uow.tx,
                by,
                AuditAction.LOAN_UNDONE,
                "loan",
                loan.id,
                f"Undid loan of item {loan.item_id}",
            )
            uow.tx.delete(loan)
        uow.commit()


def anonymous_headcount(db: Database, session_id: int) -> int:
    """Visitors counted at a session without registering."""
    with db.reading() as tx:
        row = tx.get(Session, session_id)
        return row.anonymous_headcount if row else 0


@dataclass(frozen=True)
class DeskFound:
    """A child found by name at the desk, and whether they are already checked in."""

    child: FoundParticipant
    here: bool


def search_at_desk(
    db: Database,
    typed: str,
    session_id: int | None,
    *,
    site_id: int | None,
    limit: int,
    by: int | None,
) -> list[DeskFound]:
    """The name search of the desk: a child already here is marked, not checked in twice.

    One query (one round trip on a server): the mark is read with the names."""
    here = (
        exists().where(
            Attendance.session_id == session_id,
            Attendance.participant_id == Participant.id,
            Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
        )
        if session_id is not None
        else false()
    )
    found = search_marked(db, typed, here, site_id=site_id, by=by)[:limit]
    return [DeskFound(child, marked) for child, marked in found]


@dataclass(frozen=True)
class DeskLists:
    """The desk's lists for a session: who is here, visitors counted, what is out."""

    present: list[Present]
    headcount: int
    out: list[OpenLoan]


# The desk's lists come in one query, each row marked with the list it belongs to.
_HERE, _OUT, _COUNTED = 0, 1, 2


def _blank(columns: Any) -> list[Any]:
    """NULL in another list's columns, typed and named as those: the first branch of a
    UNION names and types the columns of all, and PostgreSQL wants each NULL's type."""
    return [cast(null(), column.type).label(column.name) for column in columns]


def _desk_lists_query(
    session_id: int | None, site_id: int | None, by: int | None
) -> CompoundSelect[Any]:
    """Who is here, the visitors counted and what is out, as one query: one round trip to a
    server, and the three read at one moment. Each row has every list's columns, those of
    another list NULL. Nothing is read for an account that may not (`reader_is_admin`):
    the counted visitors' row is then missing too."""
    out = open_loans_query(site_id).subquery()
    here = present_query(session_id).subquery()
    counted = Session.anonymous_headcount.label("headcount")

    def marked(which: int) -> Any:
        return literal_column(str(which), Integer).label("list")

    headcount = (
        select(Session.anonymous_headcount).where(Session.id == session_id).scalar_subquery()
        if session_id is not None
        else literal_column("0", Integer)
    )
    branches: list[Select[Any]] = [
        select(marked(_OUT), *out.c, *_blank(here.c), *_blank([counted])),
        select(
            marked(_COUNTED),
            *_blank(out.c),
            *_blank(here.c),
            func.coalesce(headcount, 0).label("headcount"),
        ),
    ]
    if session_id is not None:
        branches.append(select(marked(_HERE), *_blank(out.c), *here.c, *_blank([counted])))
    return union_all(*(branch.where(may_read(by)) for branch in branches))


def desk_lists(
    db: Database, session_id: int | None, *, site_id: int | None, at: datetime, by: int | None
) -> DeskLists:
    """Everything the desk lists, read together (after a change another laptop made): one
    query, so one round trip to a server and the lists as they were at one moment."""
    with db.looking_up() as tx:
        rows = tx.execute(_desk_lists_query(session_id, site_id, by)).all()
    headcount = [row.headcount for row in rows if row.list == _COUNTED]
    if not headcount:
        raise NotSignedIn()  # children's names: any active account
    present = [
        Present(
            row.attendance_id,
            row.participant_id,
            row.first_name,
            row.last_name,
            row.status,
            row.recorded_at,
            bool(row.no_photos),
        )
        for row in rows
        if row.list == _HERE
    ]
    present.sort(key=lambda row: (row.recorded_at, row.attendance_id), reverse=True)
    out = [open_loan_from(row, at) for row in rows if row.list == _OUT]
    out.sort(key=lambda loan: (loan.due_at, loan.tag))
    return DeskLists(present, int(headcount[0]), out)

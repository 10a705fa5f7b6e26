"""What the desk needs beyond the single use cases: the sessions to choose from, undoing a scan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import exists, false, select

from db import audit
from db.database import Database
from db.models import (
    Attendance,
    AttendanceStatus,
    Loan,
    Participant,
    Program,
    Session,
    SessionStatus,
)
from db.people import FoundParticipant, search_marked

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


def sessions_near(db: Database, site_id: int | None, today: date) -> list[DeskSession]:
    """Today's sessions first (by time), then the two weeks around today, nearest first."""
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
    with db.reading() as session:
        rows = [DeskSession(*row) for row in session.execute(query)]
    rows.sort(key=lambda s: (s.day != today, abs((s.day - today).days), s.starts_at))
    return rows


def undo_lend(db: Database, loan_ids: list[int], *, by: int | None = None) -> None:
    """Take back loans scanned by mistake a moment ago (the desk's "undo last scan")."""
    with db.unit_of_work() as uow:
        for loan in uow.session.scalars(select(Loan).where(Loan.id.in_(loan_ids))):
            if loan.returned_at is not None:
                continue  # already back: the return is the record that counts
            audit.record(
                uow.session,
                by,
                "loan.undone",
                "loan",
                loan.id,
                f"Undid loan of item {loan.item_id}",
            )
            uow.session.delete(loan)
        uow.commit()


def anonymous_headcount(db: Database, session_id: int) -> int:
    """Visitors counted at a session without registering."""
    with db.reading() as session:
        row = session.get(Session, session_id)
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

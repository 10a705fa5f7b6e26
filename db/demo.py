"""A believable OPEN UP year (2018–2019) and a live "today", made through the real use cases.

The demo calls the same functions the desk and the CLI call, so filling it exercises them;
each call acts at the moment it happens in the story, so the audit log reads like the year.
Every step first looks whether its result is already there, so a second run adds nothing;
a run on a later day adds only that day's session, its check-ins and the loans out now.
Choices are drawn from a seeded random generator, so every fill tells the same story.

Here: the fill in order, its summary and today. The story's data is in demo_data, who comes
when in demo_plan, the records made first in demo_setup, and the year lived in demo_year.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, or_, select

from db.clock import at_local, end_of_local_day, local, now_utc
from db.database import Database, replaying
from db.demo_data import ITEMS_BOUGHT, JEKABPILS, OPEN, PLACE, SEED, SET_UP, TODAY_THEMES
from db.demo_plan import Member, minutes, plan_members
from db.demo_setup import Ids, add_items, register, schedule, set_up
from db.demo_year import arrive, check_in_method, live_the_year
from db.equipment import open_loans
from db.loans import Borrower, lend
from db.models import (
    Attendance,
    Base,
    Enrollment,
    Item,
    Loan,
    Participant,
    Program,
    Project,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.programs import SessionPlan, create_session


@dataclass(frozen=True)
class DemoSummary:
    """What the filled database holds, for the CLI to print and the tests to check."""

    sites: int
    projects: int
    staff: int
    programs: int
    sessions: int
    held_sessions: int
    cancelled_sessions: int
    participants: int
    enrollments: int
    attendance: int
    items: int
    kits: int  # items lent with their parts in one scan (the Xbox)
    loans: int
    open_loans: int
    overdue_loans: int
    current_session_id: int | None


def fill_demo(db: Database, today: date | None = None) -> DemoSummary:
    """Fill a migrated database with the demo year and a live today; a rerun adds nothing."""
    today = today or local(now_utc()).date()
    rng = random.Random(SEED)
    ids = Ids()
    with replaying(SET_UP):
        set_up(db, ids)
        sessions = schedule(db, ids)
    members = plan_members(rng)
    register(db, ids, members)
    with replaying(ITEMS_BOUGHT):
        add_items(db, ids)
    live_the_year(db, ids, rng, members, sessions, today)
    current = _live_today(db, ids, members, today)
    return summarize(db, current)


def summarize(db: Database, current_session_id: int | None = None) -> DemoSummary:
    """Count what the database holds, and what is out and overdue now."""
    with db.reading() as s:

        def count(model: type[Base], *where: ColumnElement[bool]) -> int:
            return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

        counts = DemoSummary(
            sites=count(Site),
            projects=count(Project),
            staff=count(Staff),
            programs=count(Program),
            sessions=count(Session),
            held_sessions=count(Session, Session.status == SessionStatus.HELD),
            cancelled_sessions=count(Session, Session.status == SessionStatus.CANCELLED),
            participants=count(Participant),
            enrollments=count(Enrollment),
            attendance=count(Attendance),
            items=count(Item),
            kits=s.scalar(select(func.count(Item.parent_id.distinct()))) or 0,
            loans=count(Loan),
            open_loans=0,
            overdue_loans=0,
            current_session_id=current_session_id,
        )
    out = open_loans(db, by=None)
    return replace(counts, open_loans=len(out), overdue_loans=sum(loan.overdue for loan in out))


# --- today ----------------------------------------------------------------------------------


def _today_session(db: Database, ids: Ids, today: date, now: datetime) -> int:
    """Today's open session (the demo adds one around the present hour if there is none)."""
    open_id = ids.programs[OPEN]
    with db.reading() as s:
        existing = s.scalar(
            select(Session.id)
            .where(
                Session.program_id == open_id,
                Session.day == today,
                Session.status != SessionStatus.CANCELLED,
            )
            .order_by(Session.starts_at)
        )
    if existing is not None:
        return existing
    hour = local(now).hour * 60
    starts = max(0, hour - 30)
    ends = min(23 * 60 + 59, hour + 90)
    plan = SessionPlan(
        today,
        time(starts // 60, starts % 60),
        time(ends // 60, ends % 60),
        TODAY_THEMES[today.toordinal() % len(TODAY_THEMES)],
        PLACE,
        ids.librarian,
    )
    # Planned in the morning (or now, when the demo runs before its story's morning is over).
    with replaying(min(now, at_local(today, time(9)))):
        return create_session(db, open_id, plan, by=ids.librarian)


def _lent_since(db: Database, tag: str, since: datetime) -> bool:
    """The item is out now, or went out since that moment (a demo loan made already)."""
    with db.reading() as s:
        return (
            s.scalar(
                select(Loan.id)
                .join(Loan.item)
                .where(Item.tag == tag, or_(Loan.returned_at.is_(None), Loan.lent_at >= since))
            )
            is not None
        )


def _live_today(db: Database, ids: Ids, members: Sequence[Member], today: date) -> int:
    """A session running now with children checked in, two items out and one overdue."""
    now = now_utc()
    rng = random.Random(f"{SEED}-{today.isoformat()}")
    session_id = _today_session(db, ids, today, now)
    with db.reading() as s:
        row = s.get(Session, session_id)
        assert row is not None
        start = at_local(row.day, row.starts_at)
    latest = now if local(now).date() == today else minutes(start, 30)
    regulars = sorted(
        (
            m
            for m in members
            if m.is_child and m.site == JEKABPILS and m.left_on is None and m.first_day <= today
        ),
        key=lambda m: m.key,
    )
    came = rng.sample(regulars, min(len(regulars), rng.randint(6, 9)))
    arrivals = sorted(
        ((min(latest, minutes(start, rng.randint(-5, 15))), m) for m in came),
        key=lambda arrival: arrival[0],
    )
    for at, m in arrivals:
        arrive(db, ids, session_id, m, at, check_in_method(rng, 0.6))
    if not arrivals:
        return session_id  # a day before anyone came: nothing to lend

    # A laptop out during today's session with the first to arrive (due at the session's end).
    at = min(latest, minutes(start, 20))
    if not _lent_since(db, "LAP-02", at_local(today, time(0))):
        first = ids.members[arrivals[0][1].key]
        with replaying(at):
            lend(db, "LAP-02", Borrower.child(first), by=ids.librarian, at=at)
    # The camera with the librarian for the week's photos.
    at = at_local(today - timedelta(days=2), time(10))
    if not _lent_since(db, "CAM-01", at_local(today - timedelta(days=2), time(0))):
        due = at_local(today + timedelta(days=5), time(18))
        librarian = Borrower.librarian(ids.librarian)
        with replaying(at):
            lend(db, "CAM-01", librarian, by=ids.librarian, due_at=due, at=at)
    # A laptop that should have been back the evening it went out, three days ago.
    at = at_local(today - timedelta(days=3), time(15))
    if not _lent_since(db, "LAP-03", at_local(today - timedelta(days=3), time(0))):
        borrower = rng.choice([m for m in regulars if m not in came] or regulars)
        child = Borrower.child(ids.members[borrower.key])
        with replaying(at):
            lend(db, "LAP-03", child, by=ids.librarian, due_at=end_of_local_day(at), at=at)
    return session_id

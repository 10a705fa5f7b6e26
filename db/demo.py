"""A believable OPEN UP year (2018–2019) and a live "today", made through the real use cases.

The demo calls the same functions the desk and the CLI call, so filling it exercises them;
each call acts at the moment it happens in the story, so the audit log reads like the year.
Every step first looks whether its result is already there, so a second run adds nothing;
a run on a later day adds only that day's session, its check-ins and the loans out now.
Choices are drawn from a seeded random generator, so every fill tells the same story.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, or_, select

from db.attendance import check_in, check_in_card, mark_attendance
from db.clock import at_local, end_of_local_day, local, now_utc
from db.database import Database, replaying
from db.demo_data import (
    CAMP,
    CAMP_DAYS,
    CONTROLLER_NOTE,
    CYCLE,
    CYCLE_CANCELLED,
    CYCLE_WITH_CAMERA,
    CYCLE_WITH_LAPTOPS,
    ITEMS_BOUGHT,
    JEKABPILS,
    OPEN,
    OPEN_CANCELLED,
    PLACE,
    SEED,
    SET_UP,
    TODAY_THEMES,
    XBOX,
)
from db.demo_plan import Member, minutes, plan_members, planned_sessions
from db.demo_setup import Ids, add_items, participant_details, register, schedule, set_up
from db.equipment import Borrower, lend, lend_kit, open_loans, return_item, set_item_status
from db.errors import ParticipantArchived
from db.models import (
    Attendance,
    AttendanceStatus,
    Base,
    CheckInMethod,
    Enrollment,
    Item,
    ItemStatus,
    Loan,
    Participant,
    Program,
    Project,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.people import edit_participant, set_archived
from db.programs import SessionPlan, create_session, set_anonymous_headcount, set_session_status


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
    _live_the_year(db, ids, rng, members, sessions, today)
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


def _arrive(
    db: Database,
    ids: Ids,
    session_id: int,
    member: Member,
    at: datetime,
    method: CheckInMethod,
) -> None:
    participant_id = ids.members[member.key]
    try:
        with replaying(at):
            if method is CheckInMethod.SCAN:
                check_in_card(db, session_id, ids.cards[participant_id], by=ids.librarian, at=at)
            else:
                check_in(db, session_id, participant_id, method=method, by=ids.librarian, at=at)
    except ParticipantArchived:
        # Only on a rerun, for the child who has moved away since: their visit is recorded.
        pass


def _method(rng: random.Random, scan_share: float) -> CheckInMethod:
    return CheckInMethod.SCAN if rng.random() < scan_share else CheckInMethod.NAME_SEARCH


def _lend_and_return(
    db: Database,
    ids: Ids,
    tag: str,
    to: Borrower,
    lent_at: datetime,
    back_at: datetime,
    *,
    due_at: datetime | None = None,
    notes: Mapping[str, str] | None = None,
) -> None:
    """One past loan (a kit with its parts), returned; a loan already made is not made again."""
    notes = notes or {}
    with db.reading() as s:
        item = s.scalars(select(Item).where(Item.tag == tag)).one()
        item_id, is_kit = item.id, bool(item.parts)
        made = s.scalar(select(Loan.id).where(Loan.item_id == item_id, Loan.lent_at == lent_at))
    if made is None:
        with replaying(lent_at):
            if is_kit:
                lend_kit(db, tag, to, by=ids.librarian, due_at=due_at, at=lent_at)
            else:
                lend(db, tag, to, by=ids.librarian, due_at=due_at, at=lent_at)
    with db.reading() as s:
        still_out = list(
            s.scalars(
                select(Item.tag)
                .join(Loan, Loan.item_id == Item.id)
                .where(
                    Loan.lent_at == lent_at,
                    Loan.returned_at.is_(None),
                    or_(Item.id == item_id, Item.parent_id == item_id),
                )
                .order_by(Item.parent_id.is_(None), Item.tag)  # the parts, then the kit
            )
        )
    with replaying(back_at):
        for out_tag in still_out:
            return_item(db, out_tag, by=ids.librarian, note=notes.get(out_tag, ""), at=back_at)


def _live_the_year(
    db: Database,
    ids: Ids,
    rng: random.Random,
    members: Sequence[Member],
    sessions: Mapping[tuple[str, date], int],
    today: date,
) -> None:
    """Check-ins, marks, loans and statuses of every session before today, in order."""
    children = [m for m in members if m.is_child]
    locals_ = [m for m in children if m.site == JEKABPILS]
    for planned in planned_sessions(ids.librarian, ids.admin):
        plan = planned.plan
        if plan.day >= today:
            break
        session_id = sessions[planned.program, plan.day]
        start, end = at_local(plan.day, plan.starts_at), at_local(plan.day, plan.ends_at)
        cancelled = plan.day in (OPEN_CANCELLED if planned.program == OPEN else CYCLE_CANCELLED)
        if planned.program in (OPEN, CYCLE) and cancelled:
            with replaying(minutes(start, -180)):  # called off that morning
                set_session_status(db, session_id, SessionStatus.CANCELLED, by=ids.librarian)
            continue
        came: list[Member] = []
        if planned.program == OPEN:
            came = _open_friday(db, ids, rng, locals_, session_id, plan.day, start)
            if rng.random() < 0.3:
                with replaying(minutes(end, -5)):  # counted before the game ends
                    set_anonymous_headcount(db, session_id, rng.randint(1, 6), by=ids.librarian)
            _friday_equipment(db, ids, rng, came, session_id, plan.day, start, end)
        elif planned.program == CYCLE:
            _cycle_session(db, ids, rng, locals_, session_id, plan.day, start)
            for tag, used in (
                ("LAP-01", plan.day in CYCLE_WITH_LAPTOPS),
                ("LAP-02", plan.day in CYCLE_WITH_LAPTOPS),
                ("LAP-03", plan.day in CYCLE_WITH_LAPTOPS),
                ("CAM-01", plan.day in CYCLE_WITH_CAMERA),
            ):
                if used:
                    to = Borrower.in_session(session_id)
                    _lend_and_return(db, ids, tag, to, minutes(start, 10), minutes(end, -5))
        elif planned.program == CAMP:
            campers = [m for m in children if m.camper]
            first_day = plan.day == CAMP_DAYS[0][0]
            for m in campers:
                if first_day or rng.random() < 0.85:
                    # Cards were printed on the first evening: day one is by name.
                    method = CheckInMethod.NAME_SEARCH if first_day else _method(rng, 0.6)
                    _arrive(db, ids, session_id, m, minutes(start, rng.randint(-15, 10)), method)
            if plan.day == CAMP_DAYS[3][0]:
                to = Borrower.in_session(session_id)
                _lend_and_return(db, ids, XBOX, to, minutes(start, 60), minutes(start, 180))
            if plan.day == CAMP_DAYS[-1][0]:
                _lend_and_return(
                    db,
                    ids,
                    "CAM-01",
                    Borrower.librarian(ids.librarian),
                    at_local(CAMP_DAYS[0][0], time(9, 30)),
                    minutes(end, 30),
                    due_at=minutes(end, 60),
                )
        else:
            for m in members:
                if not m.is_child:
                    at = minutes(start, rng.randint(-20, 5))
                    _arrive(db, ids, session_id, m, at, CheckInMethod.NAME_SEARCH)
        with replaying(minutes(end, 10)):
            set_session_status(db, session_id, SessionStatus.HELD, by=ids.librarian)
        if planned.program == OPEN and plan.day == CONTROLLER_NOTE[1]:
            with replaying(minutes(end, 15)):  # after its return note
                set_item_status(db, CONTROLLER_NOTE[0], ItemStatus.IN_REPAIR, by=ids.admin)
    for m in members:
        if m.left_on is not None and m.left_on < today:
            participant_id = ids.members[m.key]
            with replaying(at_local(m.left_on, time(17, 30))):  # after their last session
                edit_participant(db, participant_id, participant_details(m, ids), by=ids.admin)
                set_archived(db, participant_id, by=ids.admin)


def _open_friday(
    db: Database,
    ids: Ids,
    rng: random.Random,
    locals_: Sequence[Member],
    session_id: int,
    day: date,
    start: datetime,
) -> list[Member]:
    """8–20 children, the new ones of the day among them, checked in as they arrive."""
    new = [m for m in locals_ if m.first_day == day]
    regulars = [m for m in locals_ if m.around_on(day) and m.first_day < day]
    wanted = max(0, rng.randint(8, 20) - len(new))
    came = new + rng.sample(regulars, min(wanted, len(regulars)))
    for m in sorted(came, key=lambda _: rng.random()):
        method = CheckInMethod.NAME_SEARCH if m.first_day == day else _method(rng, 0.65)
        _arrive(db, ids, session_id, m, minutes(start, rng.randint(-10, 15)), method)
    return came


def _cycle_session(
    db: Database,
    ids: Ids,
    rng: random.Random,
    locals_: Sequence[Member],
    session_id: int,
    day: date,
    start: datetime,
) -> None:
    """The enrolled children: most on time, some late, excused or absent."""
    enrolled = [m for m in locals_ if m.joined_cycle is not None and m.joined_cycle <= day]
    for m in enrolled:
        roll = rng.random()
        participant_id = ids.members[m.key]
        if roll < 0.80:
            _arrive(db, ids, session_id, m, minutes(start, rng.randint(-10, 5)), _method(rng, 0.7))
        elif roll < 0.87:
            arrived = minutes(start, rng.randint(15, 30))
            _arrive(db, ids, session_id, m, arrived, _method(rng, 0.7))
            with replaying(arrived):
                mark_attendance(
                    db, session_id, participant_id, AttendanceStatus.LATE, by=ids.librarian
                )
        else:
            status = AttendanceStatus.EXCUSED if roll < 0.94 else AttendanceStatus.ABSENT
            marked = minutes(start, 90)
            with replaying(marked):
                mark_attendance(db, session_id, participant_id, status, by=ids.librarian, at=marked)


def _friday_equipment(
    db: Database,
    ids: Ids,
    rng: random.Random,
    came: Sequence[Member],
    session_id: int,
    day: date,
    start: datetime,
    end: datetime,
) -> None:
    """Every Friday ends with an Xbox game; now and then a laptop goes home or photos are made."""
    notes = {CONTROLLER_NOTE[0]: CONTROLLER_NOTE[2]} if day == CONTROLLER_NOTE[1] else {}
    _lend_and_return(
        db,
        ids,
        XBOX,
        Borrower.in_session(session_id),
        minutes(start, rng.randint(35, 45)),
        minutes(end, rng.randint(0, 6)),
        notes=notes,
    )
    if day == date(2018, 10, 26):  # "Mani supervaroņi": costumes worth a photo
        _lend_and_return(
            db,
            ids,
            "CAM-01",
            Borrower.librarian(ids.librarian),
            minutes(start, -10),
            minutes(end, 20),
            due_at=minutes(end, 60),
        )
    home_loans = {
        # lent for a school presentation over the weekend, back on Monday as agreed
        date(2019, 2, 1): ("LAP-01", date(2019, 2, 4), date(2019, 2, 4), time(15, 10), ""),
        # due on Monday, back on Wednesday, just before the cycle needed it
        date(2019, 4, 12): (
            "LAP-02",
            date(2019, 4, 15),
            date(2019, 4, 17),
            time(14, 30),
            "Atgriezts ar nokavēšanos",
        ),
    }
    if day in home_loans and came:
        tag, due_day, back_day, back_time, note = home_loans[day]
        borrower = sorted(came, key=lambda m: m.key)[rng.randrange(len(came))]
        _lend_and_return(
            db,
            ids,
            tag,
            Borrower.child(ids.members[borrower.key]),
            minutes(end, 5),
            at_local(back_day, back_time),
            due_at=at_local(due_day, time(18)),
            notes={tag: note},
        )


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
        _arrive(db, ids, session_id, m, at, _method(rng, 0.6))
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

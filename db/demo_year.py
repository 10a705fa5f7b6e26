"""The demo's year lived session by session: check-ins, marks, loans and returns, in order.

Every step acts at its moment in the story (db.database.replaying) and skips what is there.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from sqlalchemy import or_, select

from db.attendance import check_in, check_in_card, mark_attendance
from db.clock import at_local
from db.database import Database, replaying
from db.demo_data import (
    CAMP,
    CAMP_DAYS,
    CONTROLLER_NOTE,
    CYCLE,
    CYCLE_CANCELLED,
    CYCLE_WITH_CAMERA,
    CYCLE_WITH_LAPTOPS,
    JEKABPILS,
    OPEN,
    OPEN_CANCELLED,
    XBOX,
)
from db.demo_plan import Member, minutes, planned_sessions
from db.demo_setup import Ids, participant_details
from db.equipment import set_item_status
from db.errors import ParticipantArchived
from db.loans import Borrower, lend, lend_kit, return_item
from db.models import AttendanceStatus, CheckInMethod, Item, ItemStatus, Loan, SessionStatus
from db.people import edit_participant, set_archived
from db.programs import set_anonymous_headcount, set_session_status


def arrive(
    db: Database,
    ids: Ids,
    session_id: int,
    member: Member,
    at: datetime,
    method: CheckInMethod,
) -> None:
    """One person checks in at `at`, by card or by the name search, as the librarian did."""
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


def check_in_method(rng: random.Random, scan_share: float) -> CheckInMethod:
    """By card, as often as `scan_share` says; else found by name."""
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


def live_the_year(
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
                    method = CheckInMethod.NAME_SEARCH if first_day else check_in_method(rng, 0.6)
                    arrive(db, ids, session_id, m, minutes(start, rng.randint(-15, 10)), method)
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
                    arrive(db, ids, session_id, m, at, CheckInMethod.NAME_SEARCH)
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
        method = CheckInMethod.NAME_SEARCH if m.first_day == day else check_in_method(rng, 0.65)
        arrive(db, ids, session_id, m, minutes(start, rng.randint(-10, 15)), method)
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
            arrive(
                db,
                ids,
                session_id,
                m,
                minutes(start, rng.randint(-10, 5)),
                check_in_method(rng, 0.7),
            )
        elif roll < 0.87:
            arrived = minutes(start, rng.randint(15, 30))
            arrive(db, ids, session_id, m, arrived, check_in_method(rng, 0.7))
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

"""The demo's records before the year is lived: sites, accounts, programs, sessions, people, items.

Each step first looks whether its result is already there, so a second run adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from sqlalchemy import select

from db.accounts import add_staff
from db.clock import at_local
from db.database import Database, replaying
from db.demo_data import (
    CAMP,
    CAMP_DAYS,
    CAMP_STARTS,
    CYCLE,
    CYCLE_STARTS,
    DEMO_PASSWORDS,
    FUNDING_STATEMENT,
    ITEMS,
    JEKABPILS,
    OPEN,
    OPEN_ENDS,
    OPEN_FIRST,
    OPEN_LAST,
    OPEN_STARTS,
    PLACE,
    PROGRAMME,
    PROJECT_NAME,
    PROJECT_NUMBER,
    PROJECT_TITLE,
    SEMINAR,
    SEMINAR_SESSIONS,
    SEMINAR_STARTS,
    SITES,
)
from db.demo_plan import Member, minutes, open_fridays, open_theme, planned_sessions
from db.equipment import ItemDetails, add_item
from db.models import ConsentPurpose, Item, Participant, ProgramKind, Role, Session
from db.people import (
    ParticipantDetails,
    edit_participant,
    enrol,
    record_consent,
    register_participant,
    register_walk_in,
)
from db.programs import add_project, add_site, create_program, create_session, create_weekly_series
from db.search import possible_duplicates


@dataclass
class Ids:
    """The ids of the demo's records, by the names the story gives them."""

    sites: dict[str, int] = field(default_factory=dict)
    programs: dict[str, int] = field(default_factory=dict)
    members: dict[tuple[str, str], int] = field(default_factory=dict)
    cards: dict[int, str] = field(default_factory=dict)
    project: int = 0
    admin: int = 0
    librarian: int = 0


def set_up(db: Database, ids: Ids) -> None:
    """The sites, the project, the two accounts and the four programs."""
    for name, country, library in SITES:
        ids.sites[name] = add_site(db, name, country, library)
    ids.project = add_project(
        db,
        PROJECT_NAME,
        PROJECT_NUMBER,
        title=PROJECT_TITLE,
        programme=PROGRAMME,
        funding_statement=FUNDING_STATEMENT,
        starts_on=date(2018, 4, 1),
        ends_on=date(2020, 3, 31),
    )
    home = ids.sites[JEKABPILS]
    ids.admin = add_staff(
        db,
        "admin",
        "Ilze Kalniņa",
        Role.ADMIN,
        site_id=home,
        password=DEMO_PASSWORDS["admin"],
    )
    ids.librarian = add_staff(
        db,
        "anna",
        "Anna Ozoliņa",
        Role.LIBRARIAN,
        site_id=home,
        password=DEMO_PASSWORDS["anna"],
        by=ids.admin,
    )
    for name, kind, planned in (
        (CYCLE, ProgramKind.CLOSED, 20),
        (OPEN, ProgramKind.OPEN, None),
        (CAMP, ProgramKind.CAMP, len(CAMP_DAYS)),
        (SEMINAR, ProgramKind.SEMINAR, len(SEMINAR_SESSIONS)),
    ):
        ids.programs[name] = create_program(
            db,
            name,
            kind,
            home,
            project_id=ids.project,
            planned_sessions=planned,
            by=ids.admin,
        )


def _session_id(db: Database, program_id: int, day: date, starts_at: time) -> int | None:
    with db.reading() as s:
        return s.scalar(
            select(Session.id).where(
                Session.program_id == program_id,
                Session.day == day,
                Session.starts_at == starts_at,
            )
        )


def schedule(db: Database, ids: Ids) -> dict[tuple[str, date], int]:
    """Every session of the year; the Fridays as one weekly series, the rest one by one."""
    open_id = ids.programs[OPEN]
    fridays = open_fridays()
    with db.reading() as s:
        have = set(
            s.scalars(
                select(Session.day).where(
                    Session.program_id == open_id, Session.starts_at == OPEN_STARTS
                )
            )
        )
    if not set(fridays) <= have:
        create_weekly_series(
            db,
            open_id,
            OPEN_FIRST,
            OPEN_LAST,
            OPEN_STARTS,
            OPEN_ENDS,
            themes={day: open_theme(day, i) for i, day in enumerate(fridays)},
            place=PLACE,
            leader_id=ids.librarian,
            by=ids.admin,
        )
    found: dict[tuple[str, date], int] = {}
    for planned in planned_sessions(ids.librarian, ids.admin):
        program_id = ids.programs[planned.program]
        plan = planned.plan
        session_id = _session_id(db, program_id, plan.day, plan.starts_at)
        if session_id is None:
            session_id = create_session(db, program_id, plan, by=ids.admin)
        found[planned.program, plan.day] = session_id
    return found


def participant_details(m: Member, ids: Ids) -> ParticipantDetails:
    return ParticipantDetails(
        first_name=m.first_name,
        last_name=m.last_name,
        birth_year=m.birth_year,
        site_id=ids.sites[m.site],
        gender=m.gender,
        guardian_name=m.guardian,
        guardian_phone=m.phone,
        target_group=m.target_group,
        notes=m.notes,
    )


def register(db: Database, ids: Ids, members: Sequence[Member]) -> None:
    """Everyone with their consents: Friday newcomers as desk walk-ins, the rest by the form."""
    for m in members:
        with replaying(_registered_at(m)):
            _register_one(db, ids, m)
    with db.reading() as s:
        ids.cards.update(
            (pid, code)
            for pid, code in s.execute(select(Participant.id, Participant.card_code))
            if code is not None
        )


def _registered_at(m: Member) -> datetime:
    """A little before the first session they came to, where the librarian writes them in."""
    if m.camper:
        starts = CAMP_STARTS
    elif m.joined_cycle is not None:
        starts = CYCLE_STARTS
    elif not m.is_child:
        starts = SEMINAR_STARTS
    else:
        starts = OPEN_STARTS
    return minutes(at_local(m.first_day, starts), -30)


def _register_one(db: Database, ids: Ids, m: Member) -> None:
    given_by = m.guardian or f"{m.first_name} {m.last_name}"
    purposes = []
    if m.data_processing:
        purposes.append(ConsentPurpose.DATA_PROCESSING)
    if m.photo:
        purposes.append(ConsentPurpose.PHOTO)
        if m.video_and_publication:
            purposes += [ConsentPurpose.VIDEO, ConsentPurpose.PUBLICATION]
    known = possible_duplicates(db, m.first_name, m.last_name, m.birth_year, by=None)
    if known:
        participant_id = known[0].id
    else:
        # The note of a child who moved away is written when they leave.
        details = replace(participant_details(m, ids), notes="" if m.left_on else m.notes)
        # The librarian registers; only the coordinator (an admin) sets the target-group mark.
        unmarked = replace(details, target_group=False)
        if m.is_child and not m.camper and m.joined_cycle is None:
            participant_id = register_walk_in(
                db, unmarked, purposes, given_by, m.first_day, by=ids.librarian
            )
        else:
            participant_id = register_participant(db, unmarked, by=ids.librarian)
        if details.target_group:
            edit_participant(db, participant_id, details, by=ids.admin)
    ids.members[m.key] = participant_id
    for purpose in purposes:  # already there for a walk-in: nothing is added
        record_consent(db, participant_id, purpose, given_by, m.first_day, by=ids.librarian)
    if m.joined_cycle is not None:
        enrol(db, participant_id, ids.programs[CYCLE], m.joined_cycle, by=ids.admin)


def add_items(db: Database, ids: Ids) -> None:
    with db.reading() as s:
        have = set(s.scalars(select(Item.tag)))
    for tag, name, category, serial, parent, notes in ITEMS:
        if tag in have:
            continue
        add_item(
            db,
            ItemDetails(
                tag=tag,
                name=name,
                category=category,
                site_id=ids.sites[JEKABPILS],
                serial_number=serial,
                project_id=ids.project,
                parent_tag=parent,
                notes=notes,
            ),
            by=ids.admin,
        )

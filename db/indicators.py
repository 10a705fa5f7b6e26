"""The funder's indicators for a period: sessions, attendances, children, equipment use.

Everything is counted by the database (GROUP BY); Python only sorts children into age
bands from a few thousand grouped rows, so ten years of records take a fraction of a second.
The target-group mark is only ever counted here, never listed per child.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, extract, func, literal, or_, select

from db.clock import at_local, now_utc
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    CAME,
    KIND_ORDER,
    Attendance,
    Gender,
    Item,
    Loan,
    Participant,
    Program,
    ProgramKind,
    Project,
    Session,
    SessionStatus,
    Site,
)
from db.names import latvian_key

# (lowest, highest) age of each band; None is open-ended. Children are 8–16 in the project.
AGE_BANDS: tuple[tuple[int | None, int | None], ...] = (
    (None, 6),
    (7, 9),
    (10, 12),
    (13, 16),
    (17, None),
)


@dataclass(frozen=True)
class ProjectInfo:
    """The funded project as the report's header and closing statement name it."""

    name: str
    number: str
    title: str
    programme: str
    funding_statement: str


@dataclass(frozen=True)
class ProgramIndicators:
    """One program in the period: sessions held and cancelled, who came."""

    name: str
    kind: ProgramKind
    site_name: str
    planned_sessions: int | None  # the whole program's plan, not only this period's
    held: int
    cancelled: int
    attendances: int
    unique_participants: int
    anonymous_headcount: int


@dataclass(frozen=True)
class SiteIndicators:
    """Children by the library they belong to (the LV/LT split is by its country)."""

    name: str
    country: str
    library_name: str
    unique_participants: int
    target_group: int
    girls: int
    boys: int
    attendances: int


@dataclass(frozen=True)
class CountryIndicators:
    country: str  # LV or LT
    unique_participants: int
    target_group: int
    attendances: int


@dataclass(frozen=True)
class AgeBandIndicators:
    """Children of one age band by gender (each counted once, at their first visit)."""

    lowest: int | None  # None with highest None: birth year not known
    highest: int | None
    girls: int
    boys: int
    not_stated: int
    attendances: int  # counted with the child's age in each session's year

    @property
    def children(self) -> int:
        return self.girls + self.boys + self.not_stated

    @property
    def unknown(self) -> bool:
        return self.lowest is None and self.highest is None


@dataclass(frozen=True)
class ItemUsage:
    """How much one item was used: loans made in the period and the hours it was out."""

    tag: str
    name: str
    loans: int
    hours: float
    out_at_end: int  # loans of the period not back by its end (counted up to the end)


@dataclass(frozen=True)
class MonthAttendance:
    year: int
    month: int
    attendances: int
    sessions_held: int


@dataclass(frozen=True)
class Indicators:
    """Everything the indicators report prints, for one period (and one site or all)."""

    first_day: date
    last_day: date
    site_name: str | None  # None: all sites
    library_name: str  # of the chosen site, or of the project's home library
    project: ProjectInfo | None
    sessions_held: int
    sessions_cancelled: int
    attendances: int
    unique_participants: int
    target_group: int
    anonymous_headcount: int
    girls: int
    boys: int
    gender_not_stated: int
    programs: tuple[ProgramIndicators, ...]
    sites: tuple[SiteIndicators, ...]
    countries: tuple[CountryIndicators, ...]
    age_bands: tuple[AgeBandIndicators, ...]
    items: tuple[ItemUsage, ...]
    months: tuple[MonthAttendance, ...]

    @property
    def loans(self) -> int:
        return sum(item.loans for item in self.items)

    @property
    def loan_hours(self) -> float:
        return sum(item.hours for item in self.items)


def age_band(birth_year: int | None, year: int) -> int:
    """The index in AGE_BANDS of a child's age in a year; len(AGE_BANDS) when not known."""
    if birth_year is None:
        return len(AGE_BANDS)
    age = year - birth_year
    for index, (lowest, highest) in enumerate(AGE_BANDS):
        if (lowest is None or age >= lowest) and (highest is None or age <= highest):
            return index
    return len(AGE_BANDS)  # unreachable while the bands cover every age


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _is_held(status: SessionStatus, attendances: int) -> bool:
    """Held when marked so, or when children checked in to a session nobody marked."""
    return status is SessionStatus.HELD or (status is SessionStatus.PLANNED and attendances > 0)


def _hours_out(db: Database, until: ColumnElement[datetime]) -> ColumnElement[Any]:
    """Hours from a loan's lending to `until`, in each database's own date arithmetic."""
    if db.is_sqlite:
        return (func.julianday(until) - func.julianday(Loan.lent_at)) * 24.0
    return extract("epoch", until - Loan.lent_at) / 3600.0


def indicators_data(
    db: Database,
    first_day: date,
    last_day: date,
    *,
    site_name: str | None = None,
    now: datetime | None = None,
) -> Indicators:
    """The funder's indicators from one date to another (both included), for a site or all."""
    if last_day < first_day:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "The period ends before it starts.")
        )
    now = now or now_utc()
    starts = at_local(first_day, time(0))
    ends = at_local(last_day + timedelta(days=1), time(0))
    # Loans still out are counted up to the period's end, or up to now within it.
    cap = min(ends, now)
    in_period = and_(Session.day >= first_day, Session.day <= last_day)
    with db.reading() as s:
        sites = s.execute(
            select(Site.id, Site.name, Site.country, Site.library_name).order_by(Site.id)
        ).all()
        site_id: int | None = None
        if site_name is not None:
            chosen = [row for row in sites if row.name == site_name]
            if not chosen:
                raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=site_name)
            site_id = chosen[0].id
        where_site: list[ColumnElement[bool]] = (
            [] if site_id is None else [Session.site_id == site_id]
        )
        project = s.execute(
            select(
                Project.name,
                Project.number,
                Project.title,
                Project.programme,
                Project.funding_statement,
            ).order_by(Project.id)
        ).first()

        # One row per session (a few thousand in ten years): held, cancelled, who came.
        attendances_of_session = (
            select(func.count(Attendance.id))
            .where(Attendance.session_id == Session.id, Attendance.status.in_(CAME))
            .correlate(Session)
            .scalar_subquery()
        )
        session_rows = s.execute(
            select(
                Session.program_id,
                Session.day,
                Session.status,
                Session.anonymous_headcount,
                attendances_of_session.label("attendances"),
            ).where(in_period, *where_site)
        ).all()
        program_rows = s.execute(
            select(
                Program.id,
                Program.name,
                Program.kind,
                Site.name.label("site_name"),
                Program.planned_sessions,
            )
            .join(Site, Site.id == Program.site_id)
            .where(Program.id.in_({row.program_id for row in session_rows}))
        ).all()

        # One row per program, child and year: uniques, age bands, genders and sites.
        year = extract("year", Session.day)
        visits = (
            select(
                Session.program_id,
                Attendance.participant_id,
                year.label("year"),
                func.count(Attendance.id).label("attendances"),
            )
            .join(Session, Session.id == Attendance.session_id)
            .where(
                in_period,
                *where_site,
                Attendance.status.in_(CAME),
                Session.status != SessionStatus.CANCELLED,
            )
            .group_by(Session.program_id, Attendance.participant_id, year)
            .subquery()
        )
        visit_rows = s.execute(
            select(
                visits.c.program_id,
                visits.c.participant_id,
                visits.c.year,
                visits.c.attendances,
                Participant.birth_year,
                Participant.gender,
                Participant.site_id,
                Participant.target_group,
            ).join(Participant, Participant.id == visits.c.participant_id)
        ).all()

        lent_in_period = and_(Loan.item_id == Item.id, Loan.lent_at >= starts, Loan.lent_at < ends)
        until: ColumnElement[datetime] = case(
            (
                or_(Loan.returned_at.is_(None), Loan.returned_at > cap),
                literal(cap, Loan.returned_at.type),
            ),
            else_=Loan.returned_at,
        )
        item_query = (
            select(
                Item.tag,
                Item.name,
                func.count(Loan.id).label("loans"),
                func.coalesce(func.sum(_hours_out(db, until)), 0.0).label("hours"),
                _count_if(
                    and_(
                        Loan.id.is_not(None),
                        or_(Loan.returned_at.is_(None), Loan.returned_at > ends),
                    )
                ).label("out_at_end"),
            )
            .outerjoin(Loan, lent_in_period)
            .group_by(Item.id, Item.tag, Item.name)
            .order_by(Item.tag)
        )
        if site_id is not None:
            item_query = item_query.where(Item.site_id == site_id)
        item_rows = s.execute(item_query).all()

    site_by_id = {row.id: row for row in sites}
    held: Counter[int] = Counter()
    cancelled: Counter[int] = Counter()
    anonymous: Counter[int] = Counter()
    program_attendances: Counter[int] = Counter()
    month_attendances: Counter[tuple[int, int]] = Counter()
    month_held: Counter[tuple[int, int]] = Counter()
    for session in session_rows:
        if session.status is SessionStatus.CANCELLED:
            cancelled[session.program_id] += 1
            continue  # nobody checks in to a cancelled session; a stray mark is not counted
        month_key = (session.day.year, session.day.month)
        program_attendances[session.program_id] += session.attendances
        month_attendances[month_key] += session.attendances
        if _is_held(session.status, session.attendances):
            held[session.program_id] += 1
            anonymous[session.program_id] += session.anonymous_headcount
            month_held[month_key] += 1

    # Each child once: their first year in the period places them in an age band.
    program_children: Counter[int] = Counter()
    first_year: dict[int, int] = {}
    child: dict[int, Any] = {}
    seen_in_program: set[tuple[int, int]] = set()
    band_attendances: Counter[int] = Counter()
    site_attendances: Counter[int] = Counter()
    for row in visit_rows:
        row_year = int(row.year)
        band_attendances[age_band(row.birth_year, row_year)] += row.attendances
        site_attendances[row.site_id] += row.attendances
        if (row.program_id, row.participant_id) not in seen_in_program:
            seen_in_program.add((row.program_id, row.participant_id))
            program_children[row.program_id] += 1
        if row.participant_id not in first_year or row_year < first_year[row.participant_id]:
            first_year[row.participant_id] = row_year
        child[row.participant_id] = row

    programs = [
        ProgramIndicators(
            name=row.name,
            kind=row.kind,
            site_name=row.site_name,
            planned_sessions=row.planned_sessions,
            held=held[row.id],
            cancelled=cancelled[row.id],
            attendances=program_attendances[row.id],
            unique_participants=program_children[row.id],
            anonymous_headcount=anonymous[row.id],
        )
        for row in program_rows
    ]
    programs.sort(
        key=lambda p: (latvian_key(p.site_name), KIND_ORDER.index(p.kind), latvian_key(p.name))
    )

    bands: Counter[tuple[int, Gender | None]] = Counter()
    site_children: Counter[tuple[int, Gender | None]] = Counter()
    site_target: Counter[int] = Counter()
    for participant_id, row in child.items():
        bands[age_band(row.birth_year, first_year[participant_id]), row.gender] += 1
        site_children[row.site_id, row.gender] += 1
        site_target[row.site_id] += bool(row.target_group)

    age_bands = tuple(
        AgeBandIndicators(
            lowest=lowest,
            highest=highest,
            girls=bands[index, Gender.GIRL],
            boys=bands[index, Gender.BOY],
            not_stated=bands[index, None],
            attendances=band_attendances[index],
        )
        for index, (lowest, highest) in enumerate((*AGE_BANDS, (None, None)))
    )

    site_lines = []
    for site in sites:
        children = sum(site_children[site.id, g] for g in (Gender.GIRL, Gender.BOY, None))
        if children == 0 and site_attendances[site.id] == 0:
            continue
        site_lines.append(
            SiteIndicators(
                name=site.name,
                country=site.country,
                library_name=site.library_name,
                unique_participants=children,
                target_group=site_target[site.id],
                girls=site_children[site.id, Gender.GIRL],
                boys=site_children[site.id, Gender.BOY],
                attendances=site_attendances[site.id],
            )
        )
    countries = tuple(
        CountryIndicators(
            country=country,
            unique_participants=sum(
                x.unique_participants for x in site_lines if x.country == country
            ),
            target_group=sum(x.target_group for x in site_lines if x.country == country),
            attendances=sum(x.attendances for x in site_lines if x.country == country),
        )
        for country in ("LV", "LT")
    )

    months = []
    cursor = date(first_day.year, first_day.month, 1)
    while cursor <= last_day:
        key = (cursor.year, cursor.month)
        months.append(MonthAttendance(*key, month_attendances[key], month_held[key]))
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)

    if site_id is not None:
        library_name = site_by_id[site_id].library_name
    else:
        library_name = sites[0].library_name if sites else ""
    genders = Counter(row.gender for row in child.values())
    return Indicators(
        first_day=first_day,
        last_day=last_day,
        site_name=site_name,
        library_name=library_name,
        project=None if project is None else ProjectInfo(*project),
        sessions_held=sum(p.held for p in programs),
        sessions_cancelled=sum(p.cancelled for p in programs),
        attendances=sum(program_attendances.values()),
        unique_participants=len(child),
        target_group=sum(site_target.values()),
        anonymous_headcount=sum(p.anonymous_headcount for p in programs),
        girls=genders[Gender.GIRL],
        boys=genders[Gender.BOY],
        gender_not_stated=genders[None],
        programs=tuple(programs),
        sites=tuple(site_lines),
        countries=countries,
        age_bands=age_bands,
        items=tuple(
            ItemUsage(row.tag, row.name, row.loans, round(float(row.hours), 2), int(row.out_at_end))
            for row in item_rows
        ),
        months=tuple(months),
    )

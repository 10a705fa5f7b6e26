"""The demo's plan, drawn before any record is made: who comes when, and every session's date.

Pure functions of the data and a seeded random generator, so every fill tells the same story.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.demo_data import (
    CAMP,
    CAMP_CHILDREN,
    CAMP_DAYS,
    CAMP_ENDS,
    CAMP_STARTS,
    CYCLE,
    CYCLE_CHILDREN,
    CYCLE_ENDS,
    CYCLE_SESSIONS,
    CYCLE_STARTS,
    EVERYDAY_THEMES,
    JEKABPILS,
    JEKABPILS_CHILDREN,
    LUDZA,
    LUDZA_CHILDREN,
    MOVED_AWAY,
    OPEN,
    OPEN_CANCELLED,
    OPEN_ENDS,
    OPEN_FIRST,
    OPEN_LAST,
    OPEN_STARTS,
    OPEN_THEMES,
    PLACE,
    ROKISKIS,
    ROKISKIS_CHILDREN,
    SEMINAR,
    SEMINAR_ENDS,
    SEMINAR_GUESTS,
    SEMINAR_SESSIONS,
    SEMINAR_STARTS,
)
from db.models import Gender
from db.programs import SessionPlan


@dataclass(frozen=True)
class Member:
    """A person of the demo and their story: when they first came, what was consented."""

    first_name: str
    last_name: str
    gender: Gender | None
    birth_year: int
    site: str
    guardian: str
    phone: str
    first_day: date
    target_group: bool = False
    photo: bool = True
    data_processing: bool = True
    video_and_publication: bool = False
    joined_cycle: date | None = None
    left_on: date | None = None
    notes: str = ""
    camper: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.first_name, self.last_name

    @property
    def is_child(self) -> bool:
        return self.gender is not None

    def around_on(self, day: date) -> bool:
        """Registered by that day and not yet moved away."""
        return self.first_day <= day and (self.left_on is None or day <= self.left_on)


@dataclass(frozen=True)
class Planned:
    """One session of the year: the program it belongs to and its plan."""

    program: str
    plan: SessionPlan


def open_fridays() -> list[date]:
    days, day = [], OPEN_FIRST
    while day <= OPEN_LAST:
        days.append(day)
        day += timedelta(weeks=1)
    return days


def open_theme(day: date, index: int) -> str:
    return OPEN_THEMES.get(day) or EVERYDAY_THEMES[index % len(EVERYDAY_THEMES)]


def _phone(rng: random.Random, country: str) -> str:
    if country == "LT":
        return f"+370 6{rng.randrange(10**7):07d}"
    return f"+371 2{rng.randrange(10**7):07d}"


def plan_members(rng: random.Random) -> list[Member]:
    """The children of the three libraries and the seminar guests, in the order they came."""
    fridays = [d for d in open_fridays() if d not in OPEN_CANCELLED]
    phones: dict[str, str] = {}
    members: list[Member] = []
    no_photos = set(rng.sample(range(len(JEKABPILS_CHILDREN)), 6))
    no_data_processing = set(rng.sample(sorted(set(range(len(JEKABPILS_CHILDREN))) - no_photos), 2))
    others = [i for i, c in enumerate(JEKABPILS_CHILDREN) if (c[0], c[1]) not in CYCLE_CHILDREN]
    also_target = set(rng.sample(others, 8))
    groups = (
        (JEKABPILS, "LV", JEKABPILS_CHILDREN),
        (LUDZA, "LV", LUDZA_CHILDREN),
        (ROKISKIS, "LT", ROKISKIS_CHILDREN),
    )
    for site, country, children in groups:
        for index, (first, last, gender, year, guardian) in enumerate(children):
            key = (first, last)
            phone = phones.setdefault(guardian, _phone(rng, country))
            joined = CYCLE_CHILDREN.get(key)
            camper = site != JEKABPILS or key in CAMP_CHILDREN
            if camper:
                first_day = CAMP_DAYS[0][0]
            elif joined is not None:
                first_day = joined
            else:
                first_day = fridays[int(rng.triangular(0, len(fridays) - 1, 0))]
            local_child = site == JEKABPILS
            left_on, notes = MOVED_AWAY.get(key, (None, ""))
            members.append(
                Member(
                    first_name=first,
                    last_name=last,
                    gender=gender,
                    birth_year=year,
                    site=site,
                    guardian=guardian,
                    phone=phone,
                    first_day=first_day,
                    target_group=joined is not None
                    or (local_child and index in also_target)
                    or key == ("Artjoms", "Smirnovs"),
                    photo=not (local_child and index in no_photos),
                    data_processing=not (local_child and index in no_data_processing),
                    video_and_publication=rng.random() < 0.5,
                    joined_cycle=joined,
                    left_on=left_on,
                    notes=notes,
                    camper=camper,
                )
            )
    for first, last, year, site in SEMINAR_GUESTS:
        members.append(
            Member(
                first_name=first,
                last_name=last,
                gender=None,
                birth_year=year,
                site=site,
                guardian="",
                phone="",
                first_day=SEMINAR_SESSIONS[0][0],
                notes="Bibliotekāre, semināru dalībniece.",
            )
        )
    # Registered in the order they first came, so ids follow the year's story.
    members.sort(key=lambda m: m.first_day)
    return members


def planned_sessions(librarian: int, admin: int) -> list[Planned]:
    """Every session of the year in the order they were held, each with its leader."""
    planned = [
        Planned(CAMP, SessionPlan(day, CAMP_STARTS, CAMP_ENDS, theme, place, librarian))
        for day, theme, place in CAMP_DAYS
    ]
    planned += [
        Planned(CYCLE, SessionPlan(day, CYCLE_STARTS, CYCLE_ENDS, theme, place, admin))
        for day, theme, place in CYCLE_SESSIONS
    ]
    planned += [
        Planned(
            SEMINAR,
            SessionPlan(day, SEMINAR_STARTS, SEMINAR_ENDS, theme, "Konferenču zāle", admin),
        )
        for day, theme in SEMINAR_SESSIONS
    ]
    planned += [
        Planned(
            OPEN, SessionPlan(day, OPEN_STARTS, OPEN_ENDS, open_theme(day, i), PLACE, librarian)
        )
        for i, day in enumerate(open_fridays())
    ]
    planned.sort(key=lambda p: (p.plan.day, p.plan.starts_at))
    return planned


def minutes(at: datetime, minutes: float) -> datetime:
    return at + timedelta(minutes=minutes)

"""Each library's children in its own alphabetical order: Lithuanian in Rokiškis, Latvian else."""

from __future__ import annotations

from datetime import date, time

import pytest

from db.attendance import check_in, session_roster
from db.database import Database
from db.exports import attendance_rows, participant_rows
from db.models import ProgramKind
from db.participant_records import list_participants
from db.people import ParticipantDetails, register_participant
from db.printing import cards_data
from db.programs import SessionPlan, add_site, create_program, create_session
from db.reports import monthly_attendance_data, signin_sheet_data
from db.search import search_participants

# Registered in this order; Lithuanian order puts Y after I and before J, Latvian after X.
# All called Ona, so one search finds them all.
CHILDREN = [("Ona", "Jankutė"), ("Ona", "Ylaitė"), ("Ona", "Ivanauskaitė"), ("Ona", "Čepaitė")]
LITHUANIAN = ["Čepaitė", "Ivanauskaitė", "Ylaitė", "Jankutė"]
LATVIAN = ["Čepaitė", "Ivanauskaitė", "Jankutė", "Ylaitė"]


@pytest.fixture
def two_sites(any_db: Database) -> tuple[Database, int, int]:
    rokiskis = add_site(any_db, "Rokiškis", "LT", "Rokiškio rajono savivaldybės biblioteka")
    ludza = add_site(any_db, "Ludza", "LV", "Ludzas novada bibliotēka")
    for site in (rokiskis, ludza):
        for first, last in CHILDREN:
            register_participant(any_db, ParticipantDetails(first, last, 2010, site))
    return any_db, rokiskis, ludza


def test_search_and_list_sort_in_the_sites_own_alphabet(
    two_sites: tuple[Database, int, int],
) -> None:
    db, rokiskis, ludza = two_sites
    assert [p.last_name for p in list_participants(db, rokiskis, by=None)] == LITHUANIAN
    assert [p.last_name for p in list_participants(db, ludza, by=None)] == LATVIAN
    assert [
        p.last_name for p in search_participants(db, "ona", site_id=rokiskis, by=None)
    ] == LITHUANIAN
    assert [p.last_name for p in search_participants(db, "ona", site_id=ludza, by=None)] == LATVIAN


def test_a_list_of_both_countries_sorts_in_the_viewers_alphabet(
    two_sites: tuple[Database, int, int],
) -> None:
    db, rokiskis, _ludza = two_sites
    doubled = [name for name in LITHUANIAN for _ in range(2)]
    everyone = list_participants(db, None, viewer_site_id=rokiskis, by=None)
    assert [p.last_name for p in everyone] == doubled
    latvian = [name for name in LATVIAN for _ in range(2)]
    assert [p.last_name for p in list_participants(db, None, by=None)] == latvian


def test_a_rokiskis_sessions_roster_sheet_and_month_are_in_lithuanian_order(
    two_sites: tuple[Database, int, int],
) -> None:
    db, rokiskis, ludza = two_sites
    for site, expected in ((rokiskis, LITHUANIAN), (ludza, LATVIAN)):
        program = create_program(db, "Atviri užsiėmimai", ProgramKind.OPEN, site)
        session = create_session(
            db, program, SessionPlan(date(2018, 10, 5), time(16), time(17), "Pasaka")
        )
        for child in list_participants(db, site, by=None):
            check_in(db, session, child.id)
        assert [r.last_name for r in session_roster(db, session, by=None)] == expected
        assert [r.last_name for r in signin_sheet_data(db, session, by=None).rows] == expected
        month = monthly_attendance_data(db, 2018, 10, program_id=program, by=None)
        assert [r.last_name for r in month.programs[0].rows] == expected


def test_cards_of_one_country_sort_in_its_alphabet_and_speak_its_language(
    two_sites: tuple[Database, int, int],
) -> None:
    db, rokiskis, ludza = two_sites
    lithuanian = [p.id for p in list_participants(db, rokiskis, by=None)]
    latvian = [p.id for p in list_participants(db, ludza, by=None)]
    cards = cards_data(db, list(reversed(lithuanian)), by=None)
    assert [c.participant_id for c in cards] == lithuanian
    assert {c.language for c in cards} == {"lt"}
    assert {c.language for c in cards_data(db, latvian, by=None)} == {"lv"}
    assert {
        (c.participant_id, c.language) for c in cards_data(db, lithuanian + latvian, by=None)
    } == {
        *((pid, "lt") for pid in lithuanian),
        *((pid, "lv") for pid in latvian),
    }


def test_exports_of_one_country_sort_in_its_alphabet(two_sites: tuple[Database, int, int]) -> None:
    db, rokiskis, ludza = two_sites
    for site, name, expected in ((rokiskis, "Rokiškis", LITHUANIAN), (ludza, "Ludza", LATVIAN)):
        program = create_program(db, "Atviri užsiėmimai", ProgramKind.OPEN, site)
        session = create_session(
            db, program, SessionPlan(date(2018, 10, 5), time(16), time(17), "Pasaka")
        )
        for child in list_participants(db, site, by=None):
            check_in(db, session, child.id)
        assert [r.last_name for r in participant_rows(db, site_name=name, by=None)] == expected
        assert [r.last_name for r in attendance_rows(db, site_name=name, by=None)] == expected
    # Both countries in one export: Latvian order.
    latvian = [name for name in LATVIAN for _ in range(2)]
    assert [r.last_name for r in participant_rows(db, by=None)] == latvian

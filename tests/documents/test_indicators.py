"""The funder's indicators: exact counts for a winter the test lives through, and the PDF."""

from __future__ import annotations

import io
import re
import time as clock
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.accounts import add_staff
from db.attendance import check_in, mark_attendance
from db.clock import at_local
from db.database import Database
from db.demo import fill_demo
from db.equipment import ItemDetails, add_item
from db.errors import InvalidInput, NotFound
from db.indicators import (
    AgeBandIndicators,
    CountryIndicators,
    ItemUsage,
    MonthAttendance,
    SiteIndicators,
    age_band,
    indicators_data,
)
from db.loans import Borrower, lend, return_item
from db.migrate import migrate
from db.models import AttendanceStatus, Gender, ItemCategory, ProgramKind, Role, SessionStatus
from db.people import ParticipantDetails, register_participant
from db.programs import (
    SessionPlan,
    add_project,
    add_site,
    create_program,
    create_session,
    set_anonymous_headcount,
    set_session_status,
)
from desktop.documents.indicators import indicators_pdf
from tests.documents.rendering import render_pages

FUNDING = "Šī publikācija ir sagatavota ar Eiropas Savienības finansiālo atbalstu (tests)."
FIRST, LAST = date(2018, 12, 1), date(2019, 3, 31)
AFTER = datetime(2020, 1, 1, tzinfo=UTC)  # "now": long after the period


@dataclass(frozen=True)
class Winter:
    db: Database
    jekabpils: int
    rokiskis: int


def build_winter(db: Database) -> Winter:
    """December 2018 – March 2019 at two libraries, every visit and loan known.

    Sessions (held unless said):
      cycle (Jēkabpils, closed): 09.01 Ilze P, Roberts L, Jānis A; 23.01 Ilze P, Roberts E;
                                 06.02 cancelled
      open (Jēkabpils): 14.12.2018 Jānis, Roberts; 11.01 Ilze, Jānis, Anna;
                        15.02 Jānis, Līva (+3 unregistered); 01.03 Anna (never marked held);
                        08.03 nobody (never marked held); 05.04 Jānis (after the period)
      open (Rokiškis): 20.02 Ūla, Ilze
    Loans: LAP-01 to Ilze 11.01 16:10–18:40 (2.5 h), LAP-01 to a librarian 01.02 10:00 –
      04.02 10:00 (72 h), XBOX-01 in session 15.02 16:30–17:00 (0.5 h), CAM-01 to a librarian
      31.03 12:00 and still out (12 h up to the period's end); LAP-01 lent 30.11 and 02.04
      (outside the period).
    """
    jekabpils = add_site(db, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    rokiskis = add_site(db, "Rokiškis", "LT", "Rokiškio rajono savivaldybės viešoji biblioteka")
    project = add_project(
        db,
        "OPEN UP",
        "LLI-263",
        title="Interaktīvās izglītības telpa",
        programme="Interreg V-A Latvija–Lietuva 2014–2020",
        funding_statement=FUNDING,
    )
    anna_staff = add_staff(db, "anna", "Anna Ozoliņa", Role.LIBRARIAN, site_id=jekabpils)
    cycle = create_program(
        db,
        "Apmācību cikls",
        ProgramKind.CLOSED,
        jekabpils,
        project_id=project,
        planned_sessions=20,
    )
    open_lv = create_program(
        db, "Nāc, pievienojies!", ProgramKind.OPEN, jekabpils, project_id=project
    )
    open_lt = create_program(
        db, "Ateik, prisijunk!", ProgramKind.OPEN, rokiskis, project_id=project
    )

    def person(
        first: str,
        last: str,
        year: int | None,
        gender: Gender | None,
        site: int,
        target: bool = False,
    ) -> int:
        details = ParticipantDetails(
            first, last, year, site, gender, "Inga Ķēniņa", "+371 20000000", target, "piezīme"
        )
        return register_participant(db, details)

    ilze = person("Ilze", "Ķēniņa", 2009, Gender.GIRL, jekabpils, target=True)
    janis = person("Jānis", "Žūriņš", 2010, Gender.BOY, jekabpils)
    roberts = person("Roberts", "Čaks", 2006, Gender.BOY, jekabpils, target=True)
    anna = person("Anna", "Bērziņa", 2012, Gender.GIRL, jekabpils)
    liva = person("Līva", "Dārziņa", None, None, jekabpils)
    ula = person("Ūla", "Žukauskaitė", 2008, Gender.GIRL, rokiskis)

    def session(program: int, day: date, status: SessionStatus | None, *came: int) -> int:
        starts = time(15) if program == cycle else time(16)
        plan = SessionPlan(day, starts, time(starts.hour + 1), "Tēma")
        session_id = create_session(db, program, plan)
        for child in came:
            check_in(db, session_id, child, at=at_local(day, starts))
        if status is not None:
            set_session_status(db, session_id, status)
        return session_id

    first = session(cycle, date(2019, 1, 9), SessionStatus.HELD, ilze, roberts)
    mark_attendance(db, first, roberts, AttendanceStatus.LATE)
    mark_attendance(db, first, janis, AttendanceStatus.ABSENT)
    second = session(cycle, date(2019, 1, 23), SessionStatus.HELD, ilze)
    mark_attendance(db, second, roberts, AttendanceStatus.EXCUSED)
    session(cycle, date(2019, 2, 6), SessionStatus.CANCELLED)
    session(open_lv, date(2018, 12, 14), SessionStatus.HELD, janis, roberts)
    session(open_lv, date(2019, 1, 11), SessionStatus.HELD, ilze, janis, anna)
    friday = session(open_lv, date(2019, 2, 15), SessionStatus.HELD, janis, liva)
    set_anonymous_headcount(db, friday, 3)
    session(open_lv, date(2019, 3, 1), None, anna)  # nobody marked it held: it was
    session(open_lv, date(2019, 3, 8), None)  # planned, nobody came: not held
    session(open_lv, date(2019, 4, 5), SessionStatus.HELD, janis)  # after the period
    session(open_lt, date(2019, 2, 20), SessionStatus.HELD, ula, ilze)

    for tag, name, category in (
        ("LAP-01", "Portatīvais dators", ItemCategory.LAPTOP),
        ("XBOX-01", "Xbox One S", ItemCategory.CONSOLE),
        ("CAM-01", "Fotokamera", ItemCategory.CAMERA),
    ):
        add_item(db, ItemDetails(tag, name, category, jekabpils))

    def loan(tag: str, to: Borrower, lent: datetime, back: datetime | None) -> None:
        lend(db, tag, to, due_at=lent.replace(year=lent.year + 1), at=lent)
        if back is not None:
            return_item(db, tag, at=back, note="viss kārtībā")

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return at_local(day, time(hour, minute))

    librarian = Borrower.librarian(anna_staff)
    loan("LAP-01", librarian, at(date(2018, 11, 30), 10), at(date(2018, 12, 1), 10))
    loan(
        "LAP-01", Borrower.child(ilze), at(date(2019, 1, 11), 16, 10), at(date(2019, 1, 11), 18, 40)
    )
    loan("LAP-01", librarian, at(date(2019, 2, 1), 10), at(date(2019, 2, 4), 10))
    loan(
        "XBOX-01",
        Borrower.in_session(friday),
        at(date(2019, 2, 15), 16, 30),
        at(date(2019, 2, 15), 17),
    )
    loan("CAM-01", librarian, at(date(2019, 3, 31), 12), None)
    loan("LAP-01", librarian, at(date(2019, 4, 2), 10), at(date(2019, 4, 2), 12))
    return Winter(db, jekabpils, rokiskis)


@pytest.fixture
def winter(any_db: Database) -> Winter:
    return build_winter(any_db)


@pytest.fixture
def winter_sqlite(sqlite_db: Database) -> Winter:
    return build_winter(sqlite_db)


def test_sessions_visits_and_children_are_counted_exactly(winter: Winter) -> None:
    data = indicators_data(winter.db, FIRST, LAST, now=AFTER)

    assert (data.sessions_held, data.sessions_cancelled) == (7, 1)
    assert data.attendances == 13  # present and late; excused and absent are not visits
    assert data.unique_participants == 6
    assert data.target_group == 2
    assert data.anonymous_headcount == 3
    assert (data.girls, data.boys, data.gender_not_stated) == (3, 2, 1)
    by_program = {
        p.name: (p.held, p.cancelled, p.attendances, p.unique_participants, p.anonymous_headcount)
        for p in data.programs
    }
    assert by_program == {
        "Apmācību cikls": (2, 1, 3, 2, 0),
        "Nāc, pievienojies!": (4, 0, 8, 5, 3),
        "Ateik, prisijunk!": (1, 0, 2, 2, 0),
    }
    assert [p.name for p in data.programs] == [
        "Apmācību cikls",
        "Nāc, pievienojies!",
        "Ateik, prisijunk!",
    ]  # Jēkabpils before Rokiškis; a cycle before open sessions


def test_children_by_site_country_age_and_gender(winter: Winter) -> None:
    data = indicators_data(winter.db, FIRST, LAST, now=AFTER)

    assert data.sites == (
        SiteIndicators("Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka", 5, 2, 2, 2, 12),
        SiteIndicators(
            "Rokiškis", "LT", "Rokiškio rajono savivaldybės viešoji biblioteka", 1, 0, 1, 0, 1
        ),
    )
    assert data.countries == (
        CountryIndicators("LV", 5, 2, 12),
        CountryIndicators("LT", 1, 0, 1),
    )
    # Roberts (2006) first came in December 2018, aged 12: counted once, in 10–12;
    # his January visit, aged 13, is an attendance of the 13–16 band.
    assert data.age_bands == (
        AgeBandIndicators(None, 6, 0, 0, 0, 0),
        AgeBandIndicators(7, 9, 1, 1, 0, 5),
        AgeBandIndicators(10, 12, 2, 1, 0, 6),
        AgeBandIndicators(13, 16, 0, 0, 0, 1),
        AgeBandIndicators(17, None, 0, 0, 0, 0),
        AgeBandIndicators(None, None, 0, 0, 1, 1),
    )
    assert data.months == (
        MonthAttendance(2018, 12, 2, 1),
        MonthAttendance(2019, 1, 6, 3),
        MonthAttendance(2019, 2, 4, 2),
        MonthAttendance(2019, 3, 1, 1),
    )


def test_equipment_hours_run_to_the_return_or_the_period_end(winter: Winter) -> None:
    data = indicators_data(winter.db, FIRST, LAST, now=AFTER)

    assert data.items == (
        ItemUsage("CAM-01", "Fotokamera", 1, 12.0, 1),
        ItemUsage("LAP-01", "Portatīvais dators", 2, 74.5, 0),
        ItemUsage("XBOX-01", "Xbox One S", 1, 0.5, 0),
    )
    assert (data.loans, data.loan_hours) == (4, 87.0)


def test_a_loan_still_out_counts_only_up_to_now(winter: Winter) -> None:
    now = at_local(date(2019, 3, 31), time(15))
    data = indicators_data(winter.db, FIRST, LAST, now=now)
    assert data.items[0] == ItemUsage("CAM-01", "Fotokamera", 1, 3.0, 1)


def test_one_site_counts_its_own_sessions_and_items(winter_sqlite: Winter) -> None:
    data = indicators_data(winter_sqlite.db, FIRST, LAST, site_name="Rokiškis", now=AFTER)
    assert (data.sessions_held, data.attendances, data.unique_participants) == (1, 2, 2)
    assert data.library_name == "Rokiškio rajono savivaldybės viešoji biblioteka"
    assert data.items == ()
    # Ilze belongs to Jēkabpils though she came to Rokiškis.
    assert [(s.name, s.unique_participants) for s in data.sites] == [
        ("Jēkabpils", 1),
        ("Rokiškis", 1),
    ]
    with pytest.raises(NotFound):
        indicators_data(winter_sqlite.db, FIRST, LAST, site_name="Rīga")
    with pytest.raises(InvalidInput):
        indicators_data(winter_sqlite.db, LAST, FIRST)


def test_an_empty_database_gives_an_empty_report(sqlite_db: Database) -> None:
    data = indicators_data(sqlite_db, FIRST, LAST)
    assert (data.sessions_held, data.attendances, data.unique_participants) == (0, 0, 0)
    assert data.project is None
    assert len(data.months) == 4
    assert indicators_pdf(data).startswith(b"%PDF")


def test_age_bands_cover_every_age() -> None:
    assert [age_band(2012, 2018), age_band(2011, 2018), age_band(2009, 2018)] == [0, 1, 1]
    assert [age_band(2006, 2018), age_band(2005, 2018), age_band(2002, 2018)] == [2, 3, 3]
    assert [age_band(2001, 2018), age_band(None, 2018)] == [4, 5]


# --- the PDF ---------------------------------------------------------------------------------


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)


def row(text: str, label: str) -> list[str]:
    """The numbers on the one printed line that starts with a label."""
    found = [line for line in text.splitlines() if line.strip().startswith(label)]
    assert len(found) == 1, (label, found)
    return re.findall(
        r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?", found[0][found[0].index(label) + len(label) :]
    )


def test_the_pdf_prints_the_counts_in_latvian(winter_sqlite: Winter) -> None:
    data = indicators_data(winter_sqlite.db, FIRST, LAST, now=AFTER)
    text = pdf_text(indicators_pdf(data, prepared_on=date(2019, 4, 8)))

    assert "Projekta rādītāju pārskats" in text
    assert "2018. gada 1. decembris – 2019. gada 31. marts" in text
    assert "OPEN UP · LLI-263" in text
    assert "Eiropas Reģionālās attīstības fonds" in text
    assert row(text, "Notikušās nodarbības") == ["7"]
    assert row(text, "Atceltās nodarbības") == ["1"]
    assert row(text, "Apmeklējumu kopskaits") == ["13"]
    assert row(text, "Dalībnieki (katrs skaitīts vienreiz)") == ["6"]
    assert row(text, "t. sk. mērķa grupā") == ["2"]
    assert row(text, "Apmācību cikls") == ["20", "2", "1", "3", "2", "0"]
    assert row(text, "Nāc, pievienojies!") == ["4", "0", "8", "5", "3"]
    assert row(text, "Latvija (LV)") == ["5", "2", "12"]
    assert row(text, "Lietuva (LT)") == ["1", "0", "1"]
    assert row(text, "10–12") == ["2", "1", "0", "3", "6"]
    assert row(text, "nav zināms") == ["0", "0", "1", "1", "1"]
    assert row(text, "LAP-01") == ["2", "74,5"]
    assert row(text, "CAM-01") == ["1", "12,0", "1"]
    # The chart: month names under its bars, the year under the first and under January.
    assert re.search(r"dec\.\s", text) and re.search(r"janv\.", text) and "marts" in text
    assert FUNDING in " ".join(text.split())
    # Counts only: no child is named anywhere.
    for name in ("Ķēniņa", "Žūriņš", "Čaks", "Bērziņa", "Dārziņa", "Žukauskaitė", "+371"):
        assert name not in text


def test_the_pdf_speaks_english_and_lithuanian(winter_sqlite: Winter) -> None:
    data = indicators_data(winter_sqlite.db, FIRST, LAST, now=AFTER)
    english = pdf_text(indicators_pdf(data, "en"))
    assert "Project indicators report" in english
    assert row(english, "Sessions held") == ["7"]
    assert "1 December 2018 – 31 March 2019" in english
    assert "Jan" in english and "Dec" in english
    lithuanian = pdf_text(indicators_pdf(data, "lt"))
    assert "Projekto rodiklių ataskaita" in lithuanian
    assert row(lithuanian, "Įvykę užsiėmimai") == ["7"]
    assert "Europos regioninės plėtros fondas" in lithuanian


def test_the_demo_project_renders_as_pages_a_person_can_read(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    migrate(db)
    fill_demo(db, today=date(2020, 3, 31))
    started = clock.perf_counter()
    data = indicators_data(db, date(2018, 4, 1), date(2020, 3, 31))
    pdf = indicators_pdf(data)
    assert clock.perf_counter() - started < 1.5
    db.dispose()
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 3
    text = pdf_text(pdf)
    assert "Apmeklējums pa mēnešiem" in text and "2019" in text
    pages = render_pages(pdf, dpi=40)
    assert len(pages) == len(reader.pages)
    for page in pages:
        # Printed, not blank: some of the page carries ink (text, table lines, the chart's bars).
        ink = sum(page.histogram()[:128])  # pixels darker than mid-grey
        assert ink > 0.005 * page.width * page.height


def test_names_with_markup_characters_print_as_written(sqlite_db: Database) -> None:
    site = add_site(sqlite_db, "Ludza", "LV", "Ludzas <novada> bibliotēka & filiāles")
    program = create_program(sqlite_db, "Spēles & <grāmatas>", ProgramKind.OPEN, site)
    session_id = create_session(sqlite_db, program, SessionPlan(FIRST, time(16), time(17)))
    set_session_status(sqlite_db, session_id, SessionStatus.HELD)
    text = pdf_text(indicators_pdf(indicators_data(sqlite_db, FIRST, LAST)))
    assert "Spēles & <grāmatas>" in text
    assert "Ludzas <novada> bibliotēka & filiāles" in text

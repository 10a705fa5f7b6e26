"""The monthly attendance report: exact marks and totals for a month the test lives through."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.attendance import check_in, mark_attendance
from db.database import Database
from db.errors import NotFound
from db.models import AttendanceStatus, ProgramKind, Project, SessionStatus
from db.people import ParticipantDetails, enrol, register_participant
from db.programs import (
    SessionPlan,
    add_project,
    add_site,
    create_program,
    create_session,
    set_anonymous_headcount,
    set_session_status,
)
from db.reports import (
    Letterhead,
    Mark,
    MonthlyAttendance,
    MonthRow,
    MonthSession,
    MonthSummary,
    ProgramMonth,
    monthly_attendance_data,
)
from desktop.documents.monthly import monthly_report_pdf

FUNDING = "Šī publikācija ir sagatavota ar Eiropas Savienības finansiālo atbalstu."
P, L, E, A = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text laid out as printed, so a table row reads as one line."""
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def between(text: str, start: str, end: str | None = None) -> str:
    tail = text[text.index(start) :]
    return tail[: tail.index(end)] if end else tail


def line_with(text: str, needle: str) -> str:
    """The one extracted line that holds a name (a table row reads left to right)."""
    found = [line for line in text.splitlines() if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


@dataclass(frozen=True)
class October:
    db: Database
    cycle: int
    open: int
    site: str


@pytest.fixture
def october(sqlite_db: Database) -> October:
    """October 2018 at Jēkabpils, with every mark known.

    Cycle (03.10, 17.10, 31.10 cancelled; 19.09 before the month):
      Cīrulis  K  A  –   (came on 19.09 too: not new)
      Čaks     V  K  –   (a present mark on the cancelled 31.10 that must not count)
      Dārziņš  N  N  –   (target group, never came: not counted anywhere)
      Žagars   ·  N  –   (joined 17.10, no mark at a held session: absent)
    Open (05.10 + 3 anonymous, 12.10 + 2, 19.10 cancelled):
      Cīrulis  K  ·  –
      Zariņš   K  K  –
      Žagars   ·  K  –
    """
    db = sqlite_db
    site = add_site(db, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    project = add_project(
        db,
        "OPEN UP",
        "LLI-263",
        programme="Interreg V-A Latvijas–Lietuvas programma 2014.–2020. gadam",
        funding_statement=FUNDING,
    )
    cycle = create_program(
        db, "Apmācību cikls", ProgramKind.CLOSED, site, project_id=project, planned_sessions=20
    )
    open_ = create_program(db, "Nāc, pievienojies!", ProgramKind.OPEN, site, project_id=project)

    def child(first: str, last: str, target_group: bool = False) -> int:
        return register_participant(
            db,
            ParticipantDetails(
                first,
                last,
                2009,
                site,
                guardian_phone="+371 29111222",
                target_group=target_group,
            ),
        )

    zagars = child("Gustavs", "Žagars", target_group=True)
    zarins = child("Markuss", "Zariņš")
    darzins = child("Mārtiņš", "Dārziņš", target_group=True)
    caks = child("Roberts", "Čaks", target_group=True)
    cirulis = child("Emīls", "Cīrulis")
    for pid, joined in (
        (cirulis, date(2018, 9, 19)),
        (caks, date(2018, 9, 19)),
        (darzins, date(2018, 9, 19)),
        (zagars, date(2018, 10, 17)),
    ):
        enrol(db, pid, cycle, joined)

    def session(
        program: int, day: date, marks: dict[int, AttendanceStatus], status: SessionStatus
    ) -> int:
        sid = create_session(db, program, SessionPlan(day, time(15), time(17), f"Tēma {day:%d.%m}"))
        for pid, mark in marks.items():
            if mark is P:
                check_in(db, sid, pid)
            else:
                mark_attendance(db, sid, pid, mark)
        set_session_status(db, sid, status)
        return sid

    held, cancelled = SessionStatus.HELD, SessionStatus.CANCELLED
    session(cycle, date(2018, 9, 19), {cirulis: P}, held)
    session(cycle, date(2018, 10, 3), {cirulis: P, caks: L, darzins: A}, held)
    session(cycle, date(2018, 10, 17), {cirulis: E, caks: P, darzins: A}, held)
    session(cycle, date(2018, 10, 31), {caks: P}, cancelled)
    first_open = session(open_, date(2018, 10, 5), {cirulis: P, zarins: P}, held)
    second_open = session(open_, date(2018, 10, 12), {zarins: P, zagars: P}, held)
    session(open_, date(2018, 10, 19), {}, cancelled)
    set_anonymous_headcount(db, first_open, 3)
    set_anonymous_headcount(db, second_open, 2)
    session(open_, date(2018, 11, 2), {caks: P, darzins: P}, held)  # the next month
    return October(db, cycle, open_, "Jēkabpils")


def test_marks_and_totals_of_a_known_month(october: October) -> None:
    data = monthly_attendance_data(october.db, 2018, 10, by=None)
    cycle, open_ = data.programs
    assert (cycle.name, open_.name) == ("Apmācību cikls", "Nāc, pievienojies!")

    assert [f"{s.day:%d.%m}" for s in cycle.sessions] == ["03.10", "17.10", "31.10"]
    assert {r.last_name: [m.value for m in r.marks] for r in cycle.rows} == {
        "Cīrulis": ["present", "excused", "cancelled"],
        "Čaks": ["late", "present", "cancelled"],
        "Dārziņš": ["absent", "absent", "cancelled"],
        "Žagars": ["", "absent", "cancelled"],
    }
    assert [r.last_name for r in cycle.rows] == ["Cīrulis", "Čaks", "Dārziņš", "Žagars"]
    assert [r.attended for r in cycle.rows] == [1, 2, 0, 0]
    assert [cycle.count(m) for m in (Mark.PRESENT, Mark.LATE, Mark.EXCUSED, Mark.ABSENT)] == [
        2,
        1,
        1,
        3,
    ]
    assert [s.attended for s in cycle.sessions] == [2, 1, 0]
    assert (cycle.held, cycle.cancelled, cycle.attendances) == (2, 1, 3)
    assert (cycle.unique_participants, cycle.first_timers) == (2, 1)  # Čaks is new, Cīrulis not
    assert [r.first_time for r in cycle.rows] == [False, True, False, False]

    assert [r.last_name for r in open_.rows] == ["Cīrulis", "Zariņš", "Žagars"]
    assert [[m.value for m in r.marks] for r in open_.rows] == [
        ["present", "", "cancelled"],
        ["present", "present", "cancelled"],
        ["", "present", "cancelled"],
    ]
    assert (open_.held, open_.cancelled, open_.attendances, open_.anonymous_headcount) == (
        2,
        1,
        4,
        5,
    )
    assert open_.first_timers == 3

    s = data.summary
    assert (s.sessions_held, s.sessions_cancelled) == (4, 2)
    # Four different children came seven times: the two figures are never added together.
    assert (s.unique_children, s.attendances) == (4, 7)
    # Čaks and Žagars; Dārziņš is in the target group too but never came.
    assert s.target_group_children == 2
    assert s.new_children == 3  # Cīrulis first came in September
    assert s.anonymous_headcount == 5
    assert data.letterhead.library_name == "Jēkabpils Galvenā bibliotēka"
    assert data.letterhead.project_number == "LLI-263"


def test_the_printed_report_states_the_same_figures(october: October) -> None:
    pdf = monthly_report_pdf(monthly_attendance_data(october.db, 2018, 10, by=None))
    pages = pages_text(pdf)
    text = "\n".join(pages)
    assert "Mēneša apmeklējuma atskaite" in text
    assert "2018. gada oktobris" in text
    assert "Eiropas Savienība" in text and "Eiropas Reģionālās attīstības fonds" in text
    assert "OPEN UP, Nr. LLI-263" in text and "Jēkabpils Galvenā bibliotēka" in text
    assert FUNDING in text
    assert "K — klātesošs" in text and "N — nav ieradies" in text  # the legend

    # Rows in Latvian order, marks left to right, the child's total last.
    cycle = between(text, "Apmācību cikls (Jēkabpils)", "Nāc, pievienojies!")
    assert line_with(cycle, "Cīrulis, Emīls").split()[-4:] == ["K", "A", "–", "1"]
    assert line_with(cycle, "Čaks, Roberts *").split()[-4:] == ["V", "K", "–", "2"]
    assert line_with(cycle, "Dārziņš, Mārtiņš").split()[-4:] == ["N", "N", "–", "0"]
    assert line_with(cycle, "Žagars, Gustavs").split()[-3:] == ["N", "–", "0"]
    assert line_with(cycle, "Apmeklēja (K+V)").split()[-4:] == ["2", "1", "–", "3"]
    names = ["Cīrulis, Emīls", "Čaks, Roberts", "Dārziņš, Mārtiņš", "Žagars, Gustavs"]
    assert sorted(names, key=cycle.index) == names
    open_ = between(text, "Nāc, pievienojies! — atvērtās nodarbības", "Kopsavilkums")
    names = ["Cīrulis, Emīls *", "Zariņš, Markuss *", "Žagars, Gustavs *"]
    assert sorted(names, key=open_.index) == names
    assert line_with(open_, "Zariņš").split()[-4:] == ["K", "K", "–", "2"]
    assert line_with(open_, "Anonīmi apmeklētāji").split()[-4:] == ["3", "2", "–", "5"]
    assert "Apmeklējumi (K+V): 3 · K 2 · V 1 · A 1 · N 3" in cycle
    assert "Notikušas nodarbības: 2, atceltas: 1" in cycle
    assert "31.10." in text and "atc." in text

    summary = pages[-1]
    assert line_with(summary, "Unikālie bērni (katrs").split()[-1] == "4"
    assert line_with(summary, "Apmeklējumi kopā").split()[-1] == "7"
    assert line_with(summary, "mērķgrupā").split()[-1] == "2"
    # Only a count: no child's name stands beside the target group.
    assert "Žagars" not in line_with(summary, "mērķgrupā")
    assert "29111222" not in text  # guardians' phones are never printed


def test_one_program_or_one_site(october: October) -> None:
    only_open = monthly_attendance_data(october.db, 2018, 10, program_id=october.open, by=None)
    assert [p.name for p in only_open.programs] == ["Nāc, pievienojies!"]
    assert only_open.program_name == "Nāc, pievienojies!"
    assert (only_open.summary.unique_children, only_open.summary.attendances) == (3, 4)
    assert only_open.summary.target_group_children == 1
    text = "\n".join(pages_text(monthly_report_pdf(only_open)))
    assert "Apmācību cikls" not in text and "Programma: Nāc, pievienojies!" in text

    at_site = monthly_attendance_data(october.db, 2018, 10, site_name=october.site, by=None)
    assert at_site.site_name == "Jēkabpils" and len(at_site.programs) == 2
    with pytest.raises(NotFound):
        monthly_attendance_data(october.db, 2018, 10, site_name="Rīga", by=None)


def test_english_and_lithuanian_marks(october: October) -> None:
    data = monthly_attendance_data(october.db, 2018, 10, by=None)
    english = "\n".join(pages_text(monthly_report_pdf(data, "en")))
    assert "October 2018" in english and "P — present" in english
    cycle = between(english, "Apmācību cikls — training cycle", "Nāc, pievienojies!")
    assert line_with(cycle, "Čaks, Roberts *").split()[-4:] == ["L", "P", "–", "2"]
    lithuanian = "\n".join(pages_text(monthly_report_pdf(data, "lt")))
    assert "2018 m. spalis" in lithuanian
    cycle = between(lithuanian, "Apmācību cikls", "Nāc, pievienojies!")
    assert line_with(cycle, "Cīrulis, Emīls").split()[-4:] == ["D", "P", "–", "1"]
    # The day columns as Lithuanian writes a day without its year, as on the screens.
    assert "10-03" in cycle and "10-17" in cycle and "03.10" not in cycle


def test_a_month_without_sessions(sqlite_db: Database) -> None:
    add_site(sqlite_db, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    data = monthly_attendance_data(sqlite_db, 2018, 7, by=None)
    assert data.programs == () and data.summary.unique_children == 0
    assert "Šajā mēnesī nodarbību nebija." in "\n".join(pages_text(monthly_report_pdf(data)))


def made_up_month(children: int, sessions: int) -> MonthlyAttendance:
    """A program with many children and dates, built without a database."""
    columns = tuple(
        MonthSession(
            session_id=i,
            day=date(2018, 10, 1) + timedelta(days=i % 31),
            starts_at=time(10 + i // 31),
            theme="",
            status=SessionStatus.CANCELLED if i == 3 else SessionStatus.HELD,
            attended=0 if i == 3 else children,
            anonymous_headcount=0,
        )
        for i in range(sessions)
    )
    rows = tuple(
        MonthRow(
            participant_id=n,
            first_name=f"Vārds{n:03d}",
            last_name=f"Bērziņš{n:03d}",
            marks=tuple(Mark.CANCELLED if i == 3 else Mark.PRESENT for i in range(sessions)),
            first_time=False,
        )
        for n in range(1, children + 1)
    )
    program = ProgramMonth(1, "Nāc, pievienojies!", ProgramKind.OPEN, "Jēkabpils", columns, rows)
    head = Letterhead("OPEN UP", "LLI-263", "", "", FUNDING, "Jēkabpils", "Jēkabpils GB")
    summary = MonthSummary(sessions - 1, 1, children, children * (sessions - 1), 0, 0, 0, 0, 0)
    return MonthlyAttendance(head, 2018, 10, None, None, (program,), summary)


def test_a_wide_month_is_landscape_and_split_into_date_chunks_with_names_repeated() -> None:
    pdf = monthly_report_pdf(made_up_month(children=12, sessions=30))
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    text = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
    # Each chunk's line (repeated when a chunk continues on the next page).
    parts = list(dict.fromkeys(re.findall(r"nodarbības (\d+)\.–(\d+)\. no 30", text)))
    assert len(parts) == 2 and parts[0][0] == "1" and parts[1][1] == "30"
    assert int(parts[0][1]) + 1 == int(parts[1][0])  # no date lost or repeated
    assert text.count("Bērziņš007, Vārds007") == 2  # the name column in both chunks
    # The child's month total (29 sessions held) sits in the last chunk only.
    last_chunk = between(text, f"nodarbības {parts[1][0]}.–30.")
    assert line_with(last_chunk, "Bērziņš007").split()[-1] == "29"
    assert "Kopā" not in between(text, "nodarbības 1.–", f"nodarbības {parts[1][0]}.–")


def test_few_dates_stay_portrait() -> None:
    pdf = monthly_report_pdf(made_up_month(children=5, sessions=5))
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert box.width < box.height


def test_a_long_list_continues_with_the_program_and_heads_repeated() -> None:
    pdf = monthly_report_pdf(made_up_month(children=80, sessions=4))
    pages = pages_text(pdf)
    assert len(pages) >= 2
    assert "Bērziņš080, Vārds080" in "\n".join(pages[1:])
    assert "Bērziņš080" not in pages[0]
    for page in pages[1:]:
        if "Bērziņš0" in page:
            assert "Nāc, pievienojies! — atvērtās nodarbības (Jēkabpils)" in page
            assert "Uzvārds, vārds" in page
    assert pages[0].count("2018. gada oktobris") >= 1
    assert f"1. lapa no {len(pages)}" in pages[0]


def test_project_taken_from_the_database_when_the_program_has_none(sqlite_db: Database) -> None:
    site = add_site(sqlite_db, "Ludza", "LV", "Ludzas novada bibliotēka")
    add_project(sqlite_db, "OPEN UP", "LLI-263")
    program = create_program(sqlite_db, "Nāc, pievienojies!", ProgramKind.OPEN, site)
    create_session(sqlite_db, program, SessionPlan(date(2018, 10, 5), time(16), time(17)))
    data = monthly_attendance_data(sqlite_db, 2018, 10, by=None)
    assert data.letterhead.project_number == "LLI-263"
    assert data.letterhead.library_name == "Ludzas novada bibliotēka"
    with sqlite_db.reading() as s:
        assert s.scalars(select(Project.number)).all() == ["LLI-263"]

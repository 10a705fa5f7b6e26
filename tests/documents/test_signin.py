"""The sign-in sheet: who is printed, in which order, and what is never printed."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date, time

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.attendance import check_in, mark_attendance
from db.database import Database
from db.errors import NotFound
from db.models import (
    AttendanceStatus,
    ConsentPurpose,
    Enrollment,
    Gender,
    ProgramKind,
    Project,
    SessionStatus,
)
from db.people import ParticipantDetails, enrol, record_consent, register_participant
from db.programs import (
    SessionPlan,
    cancel_session,
    create_program,
    create_session,
    set_anonymous_headcount,
    set_session_status,
)
from db.reports import signin_sheet_data
from desktop.documents.signin import NO_PHOTOS, kind_text, signin_sheet_pdf
from tests.conftest import Desk

FUNDING = "Šī publikācija ir sagatavota ar Eiropas Savienības finansiālo atbalstu."
PHONE = "+371 29123456"
NOTE = "Alerģija pret riekstiem"
GUARDIAN = "Baiba Žagare"
PLACE = "Bērnu literatūras nodaļa"


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text laid out as printed, so a table row reads as one line."""
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def line_with(text: str, needle: str) -> str:
    found = [line for line in text.splitlines() if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def in_order(text: str, needles: list[str]) -> bool:
    return sorted(needles, key=text.index) == needles


def add_funding_statement(db: Database) -> None:
    with db.unit_of_work() as uow:
        for project in uow.tx.scalars(select(Project)):
            project.funding_statement = FUNDING
        uow.commit()


def child(
    desk: Desk,
    first: str,
    last: str,
    *,
    photo: bool = True,
    guardian_name: str = "",
    guardian_phone: str = "",
    notes: str = "",
    target_group: bool = False,
) -> int:
    pid = register_participant(
        desk.db,
        ParticipantDetails(
            first,
            last,
            2009,
            desk.site_id,
            Gender.BOY,
            guardian_name=guardian_name,
            guardian_phone=guardian_phone,
            notes=notes,
            target_group=target_group,
        ),
    )
    if photo:
        record_consent(desk.db, pid, ConsentPurpose.PHOTO, "Vecāks", date(2018, 9, 1))
    return pid


def friday_session(desk: Desk) -> int:
    return create_session(
        desk.db,
        desk.program_id,
        SessionPlan(
            date(2018, 10, 12), time(16), time(17), "Piedzīvojumu pasaule", PLACE, desk.librarian_id
        ),
    )


@pytest.fixture
def friday(desk: Desk) -> tuple[Desk, int]:
    """An open Friday with six children checked in; Ilze has no photo consent."""
    add_funding_statement(desk.db)
    session = friday_session(desk)
    sensitive = child(
        desk,
        "Gustavs",
        "Žagars",
        guardian_name=GUARDIAN,
        guardian_phone=PHONE,
        notes=NOTE,
        target_group=True,
    )
    for pid in (
        sensitive,
        child(desk, "Markuss", "Zariņš"),
        child(desk, "Mārtiņš", "Dārziņš"),
        child(desk, "Roberts", "Čaks"),
        child(desk, "Emīls", "Cīrulis"),
        desk.ilze_id,  # Ilze Ķēniņa: no photo consent recorded
    ):
        check_in(desk.db, session, pid)
    # Jānis was marked absent: he is not among those who came.
    mark_attendance(desk.db, session, desk.janis_id, AttendanceStatus.ABSENT)
    set_anonymous_headcount(desk.db, session, 3)
    set_session_status(desk.db, session, SessionStatus.HELD)
    return desk, session


def test_the_sheet_lists_the_children_checked_in_in_latvian_order(
    friday: tuple[Desk, int],
) -> None:
    desk, session = friday
    data = signin_sheet_data(desk.db, session, by=None)
    assert [r.last_name for r in data.rows] == [
        "Cīrulis",
        "Čaks",
        "Dārziņš",
        "Ķēniņa",
        "Zariņš",
        "Žagars",
    ]
    assert not data.from_enrolment
    (text,) = pages_text(signin_sheet_pdf(data))
    assert in_order(text, ["Cīrulis", "Čaks", "Dārziņš", "Ķēniņa", "Zariņš", "Žagars"])
    assert line_with(text, "Cīrulis").split()[:3] == ["1.", "Emīls", "Cīrulis"]
    assert line_with(text, "Žagars").split()[:3] == ["6.", "Gustavs", "Žagars"]
    assert "Žūriņš" not in text  # marked absent


def test_the_heading_says_what_where_and_when(friday: tuple[Desk, int]) -> None:
    desk, session = friday
    (text,) = pages_text(signin_sheet_pdf(signin_sheet_data(desk.db, session, by=None)))
    for expected in (
        "Eiropas Savienība",
        "Eiropas Reģionālās attīstības fonds",
        "Parakstu lapa",
        "OPEN UP, Nr. LLI-263",
        "Jēkabpils Galvenā bibliotēka",
        "Nāc, pievienojies! — Atvērtā nodarbība",
        "Piedzīvojumu pasaule",
        "piektdiena, 2018. gada 12. oktobris",
        "16:00–17:00",
        PLACE,
        "Anna Ozoliņa",
        FUNDING,
        "1. lapa no 1",
    ):
        assert expected in text, expected
    assert line_with(text, "Reģistrējušies").split()[-1] == "3"  # …: 6 · anonymous: 3
    assert "Reģistrējušies (iepriekš ierakstīti): 6" in " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "day", "written", "program"),
    [
        (
            "lv",
            date(2019, 9, 26),
            "ceturtdiena, 2019. gada 26. septembris",
            "Nāc, pievienojies! — Atvērtā nodarbība",
        ),
        (
            "lt",
            date(2019, 4, 25),
            "2019 m. balandžio 25 d., ketvirtadienis",
            "Nāc, pievienojies! — Atviras užsiėmimas",
        ),
    ],
)
def test_the_longest_dates_and_the_program_stay_on_one_line(
    friday: tuple[Desk, int], language: str, day: date, written: str, program: str
) -> None:
    desk, session = friday
    data = replace(signin_sheet_data(desk.db, session, by=None), day=day)
    (text,) = pages_text(signin_sheet_pdf(data, language))
    month = next(word for word in written.split() if word.startswith(("sept", "bal")))
    assert written in line_with(text, month)
    assert program in line_with(text, "Nāc, pievienojies!")


def test_child_without_photo_consent_is_marked_for_the_photographer(
    friday: tuple[Desk, int],
) -> None:
    desk, session = friday
    data = signin_sheet_data(desk.db, session, by=None)
    assert [r.no_photos for r in data.rows] == [False, False, False, True, False, False]
    (text,) = pages_text(signin_sheet_pdf(data))
    assert NO_PHOTOS in line_with(text, "Ķēniņa")
    assert NO_PHOTOS not in line_with(text, "Čaks")
    assert "var tikt fotografēts" in text and f"{NO_PHOTOS} — nav piekrišanas" in text


def test_never_prints_guardian_contacts_notes_or_the_target_group(
    friday: tuple[Desk, int],
) -> None:
    desk, session = friday
    for language in ("lv", "en", "lt"):
        text = "\n".join(
            pages_text(signin_sheet_pdf(signin_sheet_data(desk.db, session, by=None), language))
        )
        folded = text.casefold()
        assert "29123456" not in "".join(text.split())
        assert GUARDIAN not in text and "Žagare" not in text
        assert NOTE not in text and "riekst" not in folded
        for word in ("mērķgrup", "target", "tikslin", "risk"):
            assert word not in folded


def test_forty_children_spill_onto_a_second_page_with_the_heads_repeated(desk: Desk) -> None:
    session = friday_session(desk)
    for n in range(1, 41):
        check_in(desk.db, session, child(desk, f"Bērns{n:02d}", f"Ābele{n:02d}", photo=n != 40))
    data = signin_sheet_data(desk.db, session, by=None)
    pages = pages_text(signin_sheet_pdf(data))
    assert len(pages) == 2
    assert "1. lapa no 2" in pages[0] and "2. lapa no 2" in pages[1]
    second = pages[1]
    # The table's heads and a running heading with the session repeat on page 2.
    assert line_with(second, "Uzvārds").split() == ["Nr.", "Vārds", "Uzvārds", "Foto", "Paraksts"]
    assert "Parakstu lapa · Nāc, pievienojies! · 12.10.2018" in second
    assert "Ābele40" in second and NO_PHOTOS in line_with(second, "Ābele40")
    numbers = [
        int(line.split()[0][:-1]) for line in "\n".join(pages).splitlines() if "Ābele" in line
    ]
    assert numbers == list(range(1, 41))
    # Empty numbered rows for walk-ins follow the last child, then the footer.
    assert line_with(second, "41.").split() == ["41."]
    assert "Ierakstīti ar roku" in second and FUNDING not in second  # no statement set here


@dataclass(frozen=True)
class Cycle:
    desk: Desk
    program: int
    sessions: dict[date, int]
    members: dict[str, int]


@pytest.fixture
def cycle(desk: Desk) -> Cycle:
    """A closed cycle of 20 planned sessions; the second one was cancelled."""
    program = create_program(
        desk.db, "Apmācību cikls", ProgramKind.CLOSED, desk.site_id, planned_sessions=20
    )
    days = [date(2018, 9, 19), date(2018, 9, 26), date(2018, 10, 3), date(2018, 10, 17)]
    sessions = {
        day: create_session(
            desk.db, program, SessionPlan(day, time(15), time(17), "Vizīte uzņēmumā", PLACE)
        )
        for day in days
    }
    cancel_session(desk.db, sessions[date(2018, 9, 26)])
    members = {
        "Čaks": child(desk, "Roberts", "Čaks"),
        "Cīrulis": child(desk, "Emīls", "Cīrulis", photo=False),
        "Lācis": child(desk, "Edgars", "Lācis"),  # joins after 17.10
        "Šmits": child(desk, "Ričards", "Šmits"),  # left before 17.10
        "Eglītis": child(desk, "Niks", "Eglītis"),  # excused in advance for 17.10
    }
    for name in ("Čaks", "Cīrulis", "Šmits", "Eglītis"):
        enrol(desk.db, members[name], program, date(2018, 9, 19))
    enrol(desk.db, members["Lācis"], program, date(2018, 10, 20))
    with desk.db.unit_of_work() as uow:
        left = uow.tx.scalars(
            select(Enrollment).where(Enrollment.participant_id == members["Šmits"])
        ).one()
        left.left_on = date(2018, 10, 10)
        uow.commit()
    mark_attendance(
        desk.db, sessions[date(2018, 10, 17)], members["Eglītis"], AttendanceStatus.EXCUSED
    )
    return Cycle(desk, program, sessions, members)


def test_before_a_cycle_session_its_members_are_printed(cycle: Cycle) -> None:
    data = signin_sheet_data(cycle.desk.db, cycle.sessions[date(2018, 10, 17)], by=None)
    assert data.from_enrolment
    assert [r.last_name for r in data.rows] == ["Cīrulis", "Čaks"]
    assert (data.ordinal, data.of_sessions) == (3, 20)  # the cancelled 26.09 does not count
    text = "\n".join(pages_text(signin_sheet_pdf(data)))
    assert "Apmācību cikls, nodarbība 3/20" in text
    assert "Ciklā uzņemtie (iepriekš ierakstīti)" in text
    assert NO_PHOTOS in line_with(text, "Cīrulis")
    assert "Lācis" not in text and "Šmits" not in text and "Eglītis" not in text


def test_once_children_are_checked_in_only_they_are_printed(cycle: Cycle) -> None:
    session = cycle.sessions[date(2018, 10, 3)]
    check_in(cycle.desk.db, session, cycle.members["Čaks"])
    data = signin_sheet_data(cycle.desk.db, session, by=None)
    assert not data.from_enrolment
    assert [r.last_name for r in data.rows] == ["Čaks"]
    assert kind_text(data) == "Apmācību cikls, nodarbība 2/20"
    assert kind_text(data, "en") == "Training cycle, session 2/20"


def test_a_cancelled_session_says_so(cycle: Cycle) -> None:
    data = signin_sheet_data(cycle.desk.db, cycle.sessions[date(2018, 9, 26)], by=None)
    assert data.ordinal is None and kind_text(data) == "Apmācību cikls"
    text = "\n".join(pages_text(signin_sheet_pdf(data)))
    assert "Nodarbība atcelta (nenotika)." in text


def test_kind_words_for_open_sessions_camps_and_seminars(friday: tuple[Desk, int]) -> None:
    desk, session = friday
    data = signin_sheet_data(desk.db, session, by=None)
    assert kind_text(data) == "Atvērtā nodarbība"
    assert kind_text(data, "en") == "Open session"
    camp = replace(data, program_kind=ProgramKind.CAMP, ordinal=3, of_sessions=5)
    assert kind_text(camp) == "Nometne, diena 3/5"
    seminar = replace(data, program_kind=ProgramKind.SEMINAR, ordinal=1, of_sessions=2)
    assert kind_text(seminar, "lt") == "Seminaras, užsiėmimas 1/2"
    english = "\n".join(pages_text(signin_sheet_pdf(data, "en")))
    assert "Sign-in sheet" in english and "Friday, October 12, 2018" in english
    assert "Page 1 of 1" in english


def test_unknown_session(sqlite_db: Database) -> None:
    with pytest.raises(NotFound):
        signin_sheet_data(sqlite_db, 999, by=None)

"""The access request on paper: everything stored about a child, readable, over as many pages
as it takes, and from the command line as PDF or JSON."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from db.access_request import access_request
from db.attendance import check_in, mark_attendance
from db.database import Database
from db.loans import Borrower, lend, return_item
from db.migrate import migrate
from db.models import (
    AttendanceStatus,
    AuditEvent,
    CheckInMethod,
    ConsentPurpose,
    Gender,
    ProgramKind,
)
from db.people import (
    ParticipantDetails,
    edit_participant,
    enrol,
    record_consent,
    register_participant,
    withdraw_consent,
)
from db.programs import SessionPlan, create_program, create_session, create_weekly_series
from desktop.documents.access_request import access_request_pdf, write_access_request
from tests.conftest import Desk, make_desk
from tests.integration.test_privacy import admin, run_cli

LIBRARY = "Jēkabpils Galvenā bibliotēka"
MADE_ON = date(2019, 2, 14)
NOTES = (
    "Marta ir alerģiska pret riekstiem; mamma lūdz zvanīt, ja bērns jūtas slikti. "
    "Pēc nodarbībām Martu sagaida vecmāmiņa, kura dzīvo netālu no bibliotēkas, un "
    "viņai ir atļauts bērnu savest mājās arī tad, ja mamma kavējas darbā. Beigu vārds."
)


def marta(desk: Desk, boss: int) -> int:
    """A child with consents, two attendances, an enrolment, a returned loan, and an admin's
    edit that renamed her and set the target-group mark."""
    db = desk.db
    details = ParticipantDetails(
        "Marta",
        "Bērziņa",
        2011,
        desk.site_id,
        Gender.GIRL,
        guardian_name="Inga Bērziņa",
        guardian_phone="+371 29123456",
        notes=NOTES,
    )
    child = register_participant(db, details, by=desk.librarian_id)
    record_consent(db, child, ConsentPurpose.PHOTO, "Inga Bērziņa", date(2018, 9, 1))
    record_consent(db, child, ConsentPurpose.DATA_PROCESSING, "Inga Bērziņa", date(2018, 9, 1))
    withdraw_consent(db, child, ConsentPurpose.PHOTO, date(2018, 11, 2))
    check_in(db, desk.session_id, child, method=CheckInMethod.SCAN, by=desk.librarian_id)
    cycle = create_program(db, "Digitālās prasmes", ProgramKind.CLOSED, desk.site_id)
    enrol(db, child, cycle, date(2018, 10, 1))
    robots = create_session(db, cycle, SessionPlan(date(2018, 10, 8), time(15), time(16), "Roboti"))
    mark_attendance(db, robots, child, AttendanceStatus.LATE)
    lend(db, "LAP-01", Borrower.child(child), by=desk.librarian_id)
    return_item(db, "LAP-01", note="Atdeva ar saskrāpētu vāku")
    edit_participant(db, child, replace(details, last_name="Kalēja", target_group=True), by=boss)
    return child


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace (line breaks inside wrapped cells) as single spaces."""
    return re.sub(r"\s+", " ", text)


def test_the_pdf_holds_everything_about_the_child_in_latvian(desk: Desk) -> None:
    boss = admin(desk.db)
    child = marta(desk, boss)
    data = access_request(desk.db, child, by=boss)
    pdf = access_request_pdf(data, library=LIBRARY, made_on=MADE_ON)
    assert pdf.startswith(b"%PDF")
    text = flat("\n".join(pages_text(pdf)))

    assert "Visi par bērnu glabātie dati" in text
    assert LIBRARY in text and "2019. gada 14. februāris" in text
    # The record, each field under its Latvian label.
    for label, value in (
        ("Vārds", "Marta"),
        ("Uzvārds", "Kalēja"),
        ("Dzimšanas gads", "2011"),
        ("Dzimums", "meitene"),
        ("Filiāle", "Jēkabpils"),
        ("Mērķgrupas atzīme", "jā"),
        ("Aizbildnis", "Inga Bērziņa"),
        ("Aizbildņa tālrunis", "+371 29123456"),
        ("Arhivēts", "nē"),
    ):
        assert f"{label} {value}" in text, label
    assert data["participant"]["card_code"] in text
    assert "Beigu vārds." in text  # the long notes wrapped, to their last word
    # Consents: purposes as words, the withdrawal dated.
    assert "Piekrišanas (2)" in text
    assert "Foto" in text and "Datu apstrāde" in text and "02.11.2018" in text
    # Enrolment and attendance: each date, statuses and methods as words.
    assert "Digitālās prasmes" in text and "01.10.2018" in text
    assert "Apmeklējums (2)" in text
    for row in data["attendance"]:
        day = date.fromisoformat(row["date"])
        assert day.strftime("%d.%m.%Y") in text
    assert "05.10.2018" in text and "08.10.2018" in text
    assert "Klāt" in text and "Nokavēja" in text and "Nolasīta karte" in text
    # The loan, its item and note.
    assert "LAP-01 Portatīvais dators" in text and "Atdeva ar saskrāpētu vāku" in text
    # The audit history: who did what, and the rename old → new.
    assert "Ieraksta vēsture" in text
    # The same words for each action as the Audit log page shows (desktop/audit_words.py).
    assert "anna" in text and "Bērns reģistrēts" in text and "Bērna dati mainīti" in text
    assert "Uzvārds: Bērziņa → Kalēja" in text and "Mērķgrupas atzīme: nē → jā" in text
    # Nothing stored about the other children.
    assert "Ilze" not in text and "Jānis" not in text


def test_empty_sections_say_so(desk: Desk) -> None:
    data = access_request(desk.db, desk.janis_id, by=admin(desk.db))
    latvian = flat("\n".join(pages_text(access_request_pdf(data, made_on=MADE_ON))))
    for section in ("Piekrišanas", "Uzņemšana programmās", "Apmeklējums"):
        assert f"{section} nav" in latvian, section
    assert "Izsniegtais aprīkojums nav" in latvian
    assert "Bibliotēka:" not in latvian  # no library given, no empty line for it
    english = flat("\n".join(pages_text(access_request_pdf(data, made_on=MADE_ON, language="en"))))
    assert "Everything stored about a child" in english
    assert "Consents none" in english and "Attendance none" in english
    assert "First name Jānis" in english and "Gender —" in english
    lithuanian = flat(
        "\n".join(pages_text(access_request_pdf(data, made_on=MADE_ON, language="lt")))
    )
    assert "Visi apie vaiką saugomi duomenys" in lithuanian and "Sutikimai nėra" in lithuanian


def test_a_long_history_flows_over_pages_under_repeated_heads(desk: Desk) -> None:
    db = desk.db
    child = register_participant(db, ParticipantDetails("Marta", "Kalēja", 2011, desk.site_id))
    first = date(2015, 1, 7)
    last = date(2018, 12, 31)
    themes = {first + timedelta(weeks=n): f"Tēma nr. {n + 1}" for n in range(210)}
    sessions = create_weekly_series(
        db, desk.program_id, first, last, time(16), time(17), themes=themes
    )
    assert len(sessions) >= 200
    for session_id in sessions[:200]:
        check_in(db, session_id, child, method=CheckInMethod.AFTER_THE_FACT)
    data = access_request(db, child, by=admin(db))
    assert len(data["attendance"]) == 200

    pages = pages_text(access_request_pdf(data, library=LIBRARY, made_on=MADE_ON))
    assert len(pages) >= 4
    assert all(flat(page).strip() for page in pages)
    text = flat("\n".join(pages))
    for row in (data["attendance"][0], data["attendance"][-1]):
        assert date.fromisoformat(row["date"]).strftime("%d.%m.%Y") in text
    # Every page after the first carries the attendance or audit table's head row again,
    # and the page number out of the total.
    for number, page in enumerate(pages[1:], start=2):
        assert "Datums" in page or "Kas notika" in page, number
        assert f"{number}. lapa no {len(pages)}" in page


def test_write_access_request_saves_a_private_file_and_logs_who(desk: Desk, tmp_path: Path) -> None:
    boss = admin(desk.db)
    child = marta(desk, boss)
    pdf = write_access_request(desk.db, child, tmp_path / "marta.pdf", by=boss, language="en")
    assert (pdf.stat().st_mode & 0o777) == 0o600
    text = flat("\n".join(pages_text(pdf.read_bytes())))
    assert "Everything stored about a child" in text and f"Library: {LIBRARY}" in text
    assert "Gender girl" in text and "Status: — → Late" in text
    saved = write_access_request(desk.db, child, tmp_path / "marta.json", by=boss)
    assert json.loads(saved.read_text(encoding="utf-8"))["participant"]["id"] == child
    with desk.db.reading() as tx:
        exports = tx.scalars(
            select(AuditEvent.staff_id).where(AuditEvent.action == "participant.exported")
        )
        assert list(exports) == [boss, boss]


def test_privacy_export_writes_a_private_pdf_or_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'openup.sqlite3'}"
    db = Database(url)
    migrate(db)
    desk = make_desk(db)
    child = marta(desk, admin(db))
    db.dispose()

    pdf = tmp_path / "marta.pdf"
    done = run_cli(url, "export", str(child), "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (pdf.stat().st_mode & 0o777) == 0o600
    text = flat("\n".join(pages_text(pdf.read_bytes())))
    assert "Visi par bērnu glabātie dati" in text and "Kalēja" in text
    assert f"Bibliotēka: {LIBRARY}" in text  # the child's site's library

    english = tmp_path / "marta-en.PDF"
    done = run_cli(url, "export", str(child), "--out", str(english), "--language", "en")
    assert done.returncode == 0, done.stderr
    assert "Everything stored about a child" in flat("\n".join(pages_text(english.read_bytes())))

    out = tmp_path / "marta.json"
    done = run_cli(url, "export", str(child), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (out.stat().st_mode & 0o777) == 0o600
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert data["participant"]["last_name"] == "Kalēja"

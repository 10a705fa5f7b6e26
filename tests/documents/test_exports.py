"""Exports: CSV that Latvian Excel opens as it is, XLSX with real dates; names survive intact."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from db.accounts import add_staff
from db.attendance import check_in, mark_attendance
from db.clock import at_local
from db.database import Database
from db.equipment import ItemDetails, add_item
from db.exports import (
    AttendanceExportRow,
    BorrowerKind,
    attendance_rows,
    loan_rows,
    participant_rows,
)
from db.loans import Borrower, lend, return_item
from db.models import (
    AttendanceStatus,
    ConsentPurpose,
    Gender,
    ItemCategory,
    ProgramKind,
    Role,
)
from db.people import (
    ParticipantDetails,
    enrol,
    record_consent,
    register_participant,
    withdraw_consent,
)
from db.programs import SessionPlan, add_site, create_program, create_session
from desktop.documents.exports import export_table, write_export

# A name a spreadsheet could split or mangle: a quote, a semicolon, Latvian letters.
TRICKY_FIRST = 'Anna "Annele"'
TRICKY_LAST = "Ozoliņa; Bērziņa"
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Library:
    db: Database
    anna: int
    cakss: int
    kenina: int


@pytest.fixture
def library(sqlite_db: Database) -> Library:
    db = sqlite_db
    site = add_site(db, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    other = add_site(db, "Rokiškis", "LT")
    librarian = add_staff(db, "anna", "Anna Ozoliņa", Role.LIBRARIAN, site_id=site)
    cycle = create_program(db, "Apmācību cikls", ProgramKind.CLOSED, site)
    open_lv = create_program(db, "Nāc, pievienojies!", ProgramKind.OPEN, site)
    open_lt = create_program(db, "Ateik, prisijunk!", ProgramKind.OPEN, other)

    def child(first: str, last: str, year: int, gender: Gender, target: bool, notes: str) -> int:
        return register_participant(
            db,
            ParticipantDetails(
                first, last, year, site, gender, "Inga Ķēniņa", "+371 29123456", target, notes
            ),
        )

    anna = child(TRICKY_FIRST, TRICKY_LAST, 2009, Gender.GIRL, False, "=1+1 nav formula")
    cakss = child("Roberts", "Čaks", 2006, Gender.BOY, True, "")
    kenina = child("Ilze", "Ķēniņa", 2009, Gender.GIRL, True, "")
    enrol(db, cakss, cycle, date(2018, 9, 19))
    record_consent(db, anna, ConsentPurpose.PHOTO, "Inga Ķēniņa", date(2018, 9, 21))
    record_consent(db, anna, ConsentPurpose.DATA_PROCESSING, "Inga Ķēniņa", date(2018, 9, 21))
    record_consent(db, cakss, ConsentPurpose.PHOTO, "Aivars Čaks", date(2018, 9, 1))
    withdraw_consent(db, cakss, ConsentPurpose.PHOTO, date(2018, 12, 1))

    friday = create_session(
        db, open_lv, SessionPlan(date(2018, 10, 5), time(16), time(17), "Iespējas; „laukos”")
    )
    for pid in (kenina, anna, cakss):
        check_in(db, friday, pid, at=at_local(date(2018, 10, 5), time(16)))
    mark_attendance(db, friday, cakss, AttendanceStatus.LATE)
    wednesday = create_session(db, cycle, SessionPlan(date(2018, 10, 3), time(15), time(17)))
    mark_attendance(db, wednesday, cakss, AttendanceStatus.EXCUSED)
    november = create_session(db, open_lv, SessionPlan(date(2018, 11, 2), time(16), time(17)))
    check_in(db, november, anna, at=at_local(date(2018, 11, 2), time(16)))
    lithuania = create_session(db, open_lt, SessionPlan(date(2018, 10, 5), time(12), time(13)))
    check_in(db, lithuania, kenina, at=at_local(date(2018, 10, 5), time(12)))

    add_item(db, ItemDetails("XBOX-01", "Xbox One S", ItemCategory.CONSOLE, site))
    add_item(db, ItemDetails("LAP-01", "Portatīvais dators", ItemCategory.LAPTOP, site))
    lend(
        db,
        "XBOX-01",
        Borrower.in_session(friday),
        by=librarian,
        at=at_local(date(2018, 10, 5), time(16, 40)),
    )
    return_item(
        db,
        "XBOX-01",
        by=librarian,
        note='Kociņš "velk"; jāpārbauda',
        at=at_local(date(2018, 10, 5), time(17, 2)),
    )
    lend(
        db,
        "LAP-01",
        Borrower.child(anna),
        by=librarian,
        due_at=at_local(date(2018, 10, 8), time(18)),
        at=at_local(date(2018, 10, 5), time(17, 5)),
    )
    return Library(db, anna, cakss, kenina)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)  # Excel needs it to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def test_attendance_csv_opens_in_latvian_excel(library: Library, tmp_path: Path) -> None:
    rows = attendance_rows(library.db, date(2018, 10, 1), date(2018, 10, 31), by=None)
    path = write_export("attendance", rows, tmp_path / "apmeklejums.csv")

    raw = path.read_bytes()
    header = "Datums;Sākums;Beigas;Programma;Nodarbības tēma;Bibliotēka;Vārds;Uzvārds;Apmeklējums"
    assert raw.startswith(BOM + header.encode() + b"\r\n")
    lines = read_csv(path)
    assert lines[0] == header.split(";")
    assert all(len(line) == 9 for line in lines)
    # By date and time; within a session in Latvian order: Čaks, Ķēniņa, Ozoliņa; Bērziņa.
    assert [line[:3] + line[6:] for line in lines[1:]] == [
        ["03.10.2018", "15:00", "17:00", "Roberts", "Čaks", "attaisnots"],
        ["05.10.2018", "12:00", "13:00", "Ilze", "Ķēniņa", "piedalījās"],
        ["05.10.2018", "16:00", "17:00", "Roberts", "Čaks", "nokavēja"],
        ["05.10.2018", "16:00", "17:00", "Ilze", "Ķēniņa", "piedalījās"],
        ["05.10.2018", "16:00", "17:00", TRICKY_FIRST, TRICKY_LAST, "piedalījās"],
    ]
    assert lines[3][3:6] == ["Nāc, pievienojies!", "Iespējas; „laukos”", "Jēkabpils"]
    # The quote and the semicolon are quoted, not split.
    assert '"Anna ""Annele""";"Ozoliņa; Bērziņa"' in raw.decode("utf-8-sig")
    text = raw.decode("utf-8-sig")
    assert "+371" not in text and "Mērķa grupa" not in text


def test_loans_csv_names_borrowers_and_condition(library: Library, tmp_path: Path) -> None:
    rows = loan_rows(library.db, date(2018, 10, 1), date(2018, 10, 31), by=None)
    assert [r.borrower_kind for r in rows] == [BorrowerKind.SESSION, BorrowerKind.CHILD]
    lines = read_csv(write_export("loans", rows, tmp_path / "izsniegsana.csv"))
    assert lines[0] == [
        "Kods",
        "Aprīkojums",
        "Saņēmējs",
        "Saņēmēja veids",
        "Izsniegts",
        "Jāatgriež",
        "Atgriezts",
        "Izsniedza",
        "Pieņēma",
        "Piezīme par stāvokli",
    ]
    assert lines[1] == [
        "XBOX-01",
        "Xbox One S",
        "Nāc, pievienojies! 05.10.2018",
        "nodarbībā",
        "05.10.2018 16:40",
        "05.10.2018 17:00",
        "05.10.2018 17:02",
        "Anna Ozoliņa",
        "Anna Ozoliņa",
        'Kociņš "velk"; jāpārbauda',
    ]
    assert lines[2][2:7] == [
        f"{TRICKY_FIRST} {TRICKY_LAST}",
        "bērns",
        "05.10.2018 17:05",
        "08.10.2018 18:00",
        "",
    ]
    assert loan_rows(library.db, date(2018, 11, 1), date(2018, 11, 30), by=None) == []


def test_participants_csv_is_the_admins_whole_register(library: Library, tmp_path: Path) -> None:
    rows = participant_rows(library.db, by=None)
    lines = read_csv(write_export("participants", rows, tmp_path / "dalibnieki.csv"))
    header = lines[0]
    assert header[:9] == [
        "Nr.",
        "Vārds",
        "Uzvārds",
        "Dzimšanas gads",
        "Dzimums",
        "Bibliotēka",
        "Kartes kods",
        "Aizbildnis",
        "Aizbildņa tālrunis",
    ]
    by_name = {(line[1], line[2]): dict(zip(header, line, strict=True)) for line in lines[1:]}
    assert list(by_name) == [
        ("Roberts", "Čaks"),
        ("Ilze", "Ķēniņa"),
        (TRICKY_FIRST, TRICKY_LAST),
    ]
    anna = by_name[TRICKY_FIRST, TRICKY_LAST]
    # A leading "+" or "=" would make Excel compute a formula: a hidden apostrophe prevents it.
    assert anna["Aizbildņa tālrunis"] == "'+371 29123456"
    assert anna["Piezīmes"] == "'=1+1 nav formula"
    assert anna["Piekrišana: foto"] == "21.09.2018"
    assert anna["Piekrišana: datu apstrāde"] == "21.09.2018"
    assert anna["Piekrišana: video"] == ""
    assert (anna["Apmeklējumi"], anna["Pirmais apmeklējums"]) == ("2", "05.10.2018")
    assert anna["Pēdējais apmeklējums"] == "02.11.2018"
    assert anna["Mērķa grupa (sensitīvi dati)"] == ""
    roberts = by_name["Roberts", "Čaks"]
    assert roberts["Piekrišana: foto"] == ""  # withdrawn
    assert roberts["Apmācību cikli"] == "Apmācību cikls"
    assert roberts["Mērķa grupa (sensitīvi dati)"] == "jā"
    assert roberts["Dzimums"] == "zēns"
    # With a period: only those who came (or were registered) in it.
    november = participant_rows(library.db, date(2018, 11, 1), date(2018, 11, 30), by=None)
    assert [(r.last_name, r.attendances) for r in november] == [(TRICKY_LAST, 1)]


def test_xlsx_has_a_bold_frozen_header_and_real_dates(library: Library, tmp_path: Path) -> None:
    rows = attendance_rows(library.db, date(2018, 10, 1), date(2018, 10, 31), by=None)
    path = write_export("attendance", rows, tmp_path / "apmeklejums.xlsx")

    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "Apmeklējums"
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:3] == ["Datums", "Sākums", "Beigas"]
    assert all(c.font.b for c in sheet[1])
    first = sheet["A2"]
    assert first.is_date and first.value == datetime(2018, 10, 3)
    assert first.number_format == "DD.MM.YYYY"
    assert sheet["B2"].value == time(15, 0)
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[6:] == [TRICKY_FIRST, TRICKY_LAST, "piedalījās"]
    assert sheet.max_row == len(rows) + 1
    assert 10 <= sheet.column_dimensions["D"].width <= 50


def test_xlsx_keeps_formula_like_text_as_text(library: Library, tmp_path: Path) -> None:
    path = write_export(
        "participants", participant_rows(library.db, by=None), tmp_path / "dalibnieki.xlsx"
    )
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    anna = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == TRICKY_FIRST)
    notes = anna[header.index("Piezīmes")]
    assert (notes.value, notes.data_type) == ("=1+1 nav formula", "s")
    assert anna[header.index("Aizbildņa tālrunis")].value == "+371 29123456"
    consent = anna[header.index("Piekrišana: foto")]
    assert consent.is_date and consent.value == datetime(2018, 9, 21)
    loans = openpyxl.load_workbook(
        write_export("loans", loan_rows(library.db, by=None), tmp_path / "izsniegsana.xlsx")
    ).active
    lent = loans["E2"]
    assert lent.value == datetime(2018, 10, 5, 16, 40)  # the library's clock, not UTC
    assert lent.number_format == "DD.MM.YYYY HH:MM"
    assert loans["G3"].value is None  # still out


def test_english_headers_and_iso_dates(library: Library, tmp_path: Path) -> None:
    rows = attendance_rows(library.db, date(2018, 10, 5), date(2018, 10, 5), by=None)
    lines = read_csv(write_export("attendance", rows, tmp_path / "attendance.csv", "en"))
    assert lines[0][:2] == ["Date", "Starts"]
    assert lines[1][0] == "2018-10-05" and lines[1][-1] == "present"
    header, _ = export_table("participants", [], "lt")
    assert "Tikslinė grupė (jautrūs duomenys)" in header


def test_only_csv_or_xlsx(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_export("attendance", [], tmp_path / "x.pdf")
    with pytest.raises(ValueError):
        write_export("visitors", [], tmp_path / "x.csv")
    empty = write_export("loans", [], tmp_path / "empty.xlsx")
    assert openpyxl.load_workbook(empty).active.max_row == 1


def test_rows_are_plain_values(library: Library) -> None:
    row = attendance_rows(library.db, by=None)[0]
    assert isinstance(row, AttendanceExportRow)
    assert row.status is AttendanceStatus.EXCUSED

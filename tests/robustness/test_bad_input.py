"""Arbitrary text at the scan decoder, the name search, the participant form and the desk;
hostile files as rosters.

Hypothesis generates quotes, SQL, emoji, right-to-left text, control characters, empty and
10,000-character strings: nothing may crash, nothing may be stored that should not be, and
every refusal must be a readable message. A roster may be a workbook claiming a million
rows, a zip bomb, a device, a pipe, UTF-16 text or a file of escape sequences: each is read
or refused in one sentence, reading little.
"""

from __future__ import annotations

import codecs
import os
import re
import tracemalloc
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db import roster_file
from db.clock import at_local
from db.database import Database
from db.errors import InvalidInput, ScanRefused
from db.migrate import migrate
from db.models import Attendance, AuditEvent, Gender, Loan, Participant
from db.people import ParticipantDetails, register_participant, without_control
from db.programs import list_sites
from db.roster import preview_roster
from db.roster_file import MAX_FILE_BYTES, MAX_SHEET_ROWS, RosterUnreadable
from db.scancodes import CARD_ALPHABET, CardCode, ItemCode, card_text, decode_scan, item_text
from db.search import search_participants
from desktop import operations
from desktop.context import AppContext
from desktop.pages.desk import DeskPage
from desktop.settings import Settings
from tests.conftest import Desk, make_desk
from tests.integration.test_backups import main_py
from tests.ui.conftest import wait_for_operations

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))

NASTY = [
    "",
    " ",
    "'",
    '"',
    "'; DROP TABLE participant; --",
    "Robert'); DROP TABLE participant;--",
    "%",
    "_",
    "\\",
    "\x00",
    "Ilze\x00Ķēniņa",
    "\x1b[31m",
    "\u202eanniņēĶ ezlI",  # right-to-left override
    "مرحبا",
    "שלום",
    "👩‍👩‍👧‍👦🎮",
    "P-",
    "I--X",
    "P-7KQ2M9XH-4\n",
    "ЗФЫ-123",
    "Ǆ" * 80,
    "x" * 10_000,
]
# Every kind of text, a few hand-picked nasty ones, and the same repeated to 10,000 characters.
TEXT = st.one_of(
    st.text(),
    st.sampled_from(NASTY),
    st.text(min_size=1, max_size=12).map(lambda s: (s * 10_000)[:10_000]),
)
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    database=None,  # no .hypothesis folder in the source tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FEW = settings(SETTINGS, max_examples=150)


def readable(message: str, longest: int = 300) -> bool:
    return bool(message) and message.isprintable() and len(message) <= longest


# ----- the scan decoder ------------------------------------------------------------------


@SETTINGS
@given(TEXT)
def test_any_text_is_a_code_that_round_trips_or_a_readable_refusal(scanned: str) -> None:
    try:
        code = decode_scan(scanned)
    except ScanRefused as refusal:
        assert readable(refusal.message), repr(refusal.message)
        return
    assert isinstance(code, CardCode | ItemCode)
    assert decode_scan(code.text) == code


CARD_BODIES = st.text(alphabet=CARD_ALPHABET, min_size=1, max_size=12)
TAGS = st.from_regex(r"[A-Z0-9]{1,6}(-[A-Z0-9]{1,6}){0,2}", fullmatch=True)


@SETTINGS
@given(st.one_of(CARD_BODIES.map(card_text), TAGS.map(item_text)), st.data())
def test_a_misread_character_is_refused_never_another_record(
    text: str, data: st.DataObject
) -> None:
    code = decode_scan(text)
    assert decode_scan(f"  {text.lower()}\t") == code  # case and the scanner's whitespace
    positions = [i for i, ch in enumerate(text) if ch.isalnum() and i > 1]
    where = data.draw(st.sampled_from(positions))
    other = data.draw(st.sampled_from([c for c in CARD_ALPHABET + "01IO" if c != text[where]]))
    misread = text[:where] + other + text[where + 1 :]
    with pytest.raises(ScanRefused) as refused:
        decode_scan(misread)
    assert readable(refused.value.message)


# ----- the name search -------------------------------------------------------------------


def children(desk: Desk) -> dict[int, tuple[str, str]]:
    with desk.db.reading() as s:
        return {
            row.id: (row.first_name, row.last_name)
            for row in s.execute(
                select(Participant.id, Participant.first_name, Participant.last_name)
            )
        }


def test_search_survives_any_text(any_desk: Desk) -> None:
    before = children(any_desk)

    @FEW
    @given(TEXT)
    @example("'; DROP TABLE participant; --")
    @example("ķēniņ")
    def search(typed: str) -> None:
        for found in search_participants(any_desk.db, typed, by=None):
            assert before.get(found.id) == (found.first_name, found.last_name)

    search()
    assert children(any_desk) == before
    assert [p.id for p in search_participants(any_desk.db, "kenin", by=None)] == [any_desk.ilze_id]


# ----- the participant form's use case ---------------------------------------------------


def counts(desk: Desk) -> tuple[int, int]:
    with desk.db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Participant)) or 0,
            s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_the_participant_form_stores_a_clean_name_or_refuses(any_desk: Desk) -> None:
    outcomes = {"stored": 0, "refused": 0}

    @FEW
    @given(TEXT, TEXT, TEXT)
    @example("Ilze", "Ķēniņa", "")
    @example("Ilze\x00", "Ķēniņa", "tālr.\x07")
    @example("'; DROP TABLE participant; --", "👩‍👧", "")
    @example("x" * 81, "Ozola", "")
    def register(first: str, last: str, notes: str) -> None:
        people, events = counts(any_desk)
        try:
            new_id = register_participant(
                any_desk.db, ParticipantDetails(first, last, 2010, any_desk.site_id, notes=notes)
            )
        except InvalidInput as refusal:
            assert readable(refusal.message), refusal.message
            assert counts(any_desk) == (people, events)  # nothing half-written
            outcomes["refused"] += 1
            return
        assert counts(any_desk) == (people + 1, events + 1)
        with any_desk.db.reading() as s:
            stored = s.get(Participant, new_id)
            assert stored is not None
            for typed, kept in ((first, stored.first_name), (last, stored.last_name)):
                assert kept == " ".join(without_control(typed).split())
                assert 0 < len(kept) <= 80
                assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in kept)
            assert stored.notes == without_control(notes, keep="\n\t").strip()
        outcomes["stored"] += 1

    register()
    assert outcomes["stored"] > 10 and outcomes["refused"] > 10, outcomes


# Bidirectional overrides and isolates, zero-width spaces, joiners and marks, the word
# joiner and a byte order mark: each would make a name look other than it is.
INVISIBLE = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
)


def test_names_keep_no_direction_overrides_or_invisible_characters(any_desk: Desk) -> None:
    spoofed = ParticipantDetails(
        "Il\u200bze\u2060",
        "\u202eaniņēĶ\u202c\u2066Ķēniņa\u2069",
        2010,
        any_desk.site_id,
        guardian_name="\ufeffMāra\u200d Ķēniņa",
        guardian_phone="+371\u200e 29\u202d123456",
        notes="alerģija\u202e\n" + INVISIBLE + "rieksti\u200f",
    )
    new_id = register_participant(any_desk.db, spoofed)
    with any_desk.db.reading() as s:
        stored = s.get(Participant, new_id)
        assert stored is not None
        assert (stored.first_name, stored.last_name) == ("Ilze", "aniņēĶĶēniņa")
        assert (stored.guardian_name, stored.guardian_phone) == ("Māra Ķēniņa", "+371 29123456")
        assert stored.notes == "alerģija\nrieksti"
        assert stored.search_name == "ilze aninekkenina"
    # Nothing but invisible characters is no name at all.
    with pytest.raises(InvalidInput, match="First name and last name are both needed"):
        register_participant(
            any_desk.db, ParticipantDetails(INVISIBLE, "Ozola", 2010, any_desk.site_id)
        )


# ----- the desk's scan field -------------------------------------------------------------


def database_state(desk: Desk) -> tuple[int, ...]:
    with desk.db.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Participant, Attendance, Loan, AuditEvent)
        )


def test_the_desk_scan_field_refuses_any_text_readably(
    desk: Desk,
    tmp_path: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unexpected: list[BaseException] = []
    monkeypatch.setattr(operations, "_default_failure", lambda error, _d: unexpected.append(error))
    ctx = AppContext(desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(desk.db))
    ctx.set_staff(desk.librarian_id)
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()
    page.show()
    wait_for_operations(qtbot)
    assert page.session_id == desk.session_id
    before = database_state(desk)
    shown = {"refused": 0}

    @FEW
    @given(TEXT)
    @example("'; DROP TABLE participant; --")
    @example("P-7KQ2M9XH-4")
    @example(item_text("NOPE-1"))
    def scan(text: str) -> None:
        page.scan_input.setText(text)
        page.scan_input.textEdited.emit(text)  # as typing would: the name search runs
        wait_for_operations(qtbot)
        # Letters that find a child pick them on Enter, a check-in that is meant to happen.
        assume(not page.search_results.isVisible())
        page.scan_message.clear()
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
        wait_for_operations(qtbot)
        message = page.scan_message.text()
        assert readable(message, longest=400), repr(message)
        assert page.scan_input.text() == ""
        assert database_state(desk) == before
        shown["refused"] += 1

    scan()
    wait_for_operations(qtbot)
    assert unexpected == []
    assert shown["refused"] > 50


# ----- roster files ----------------------------------------------------------------------


SHEET = "xl/worksheets/sheet1.xml"


def dimension_bomb(path: Path) -> Path:
    """A 4.9 KB workbook with one child and one cell at XFD1048576, the last Excel has."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vārds", "Uzvārds", "Dzimšanas gads"])
    sheet.append(["Žanis", "Ūdris", 2010])
    sheet["XFD1048576"] = "x"
    book.save(path)
    return path


def with_part(
    workbook: Path, path: Path, change: Callable[[bytes], bytes], name: str = SHEET
) -> Path:
    """A copy of a workbook with one part's XML changed."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(path, "w") as copy:
        for part in source.infolist():
            data = source.read(part)
            copy.writestr(part, change(data) if part.filename == name else data)
    return path


def refusal(desk: Desk, path: Path) -> str:
    with pytest.raises(RosterUnreadable) as refused:
        preview_roster(desk.db, path)
    assert readable(refused.value.message), refused.value.message
    return refused.value.message


def test_a_workbook_reaching_cell_xfd1048576_is_refused_reading_little(
    desk: Desk, tmp_path: Path
) -> None:
    bomb = dimension_bomb(tmp_path / "bumba.xlsx")
    assert bomb.stat().st_size < 6_000
    assert b'<dimension ref="A1:XFD1048576"' in zipfile.ZipFile(bomb).read(
        "xl/worksheets/sheet1.xml"
    )
    tracemalloc.start()
    try:
        message = refusal(desk, bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == (
        "The file bumba.xlsx cannot be read: its sheet goes on past row 10,010, "
        "too far for a roster."
    )
    assert peak < 8_000_000  # 16,384 cells a row for a million rows once took every byte


def test_a_workbook_is_read_as_far_as_it_has_rows_not_as_far_as_it_claims(
    desk: Desk, tmp_path: Path
) -> None:
    small = tmp_path / "mazs.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vārds", "Uzvārds", "Dzimšanas gads"])
    sheet.append(["Žanis", "Ūdris", 2010])
    book.save(small)
    lying = with_part(
        small,
        tmp_path / "melo.xlsx",
        lambda xml: xml.replace(b'ref="A1:C2"', b'ref="A1:XFD1048576"'),
    )
    assert b"XFD1048576" in zipfile.ZipFile(lying).read("xl/worksheets/sheet1.xml")
    tracemalloc.start()
    try:
        preview = preview_roster(desk.db, lying)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(row.row, row.full_name, row.birth_year) for row in preview.rows] == [
        (2, "Žanis Ūdris", 2010)
    ]
    assert peak < 8_000_000


@pytest.mark.parametrize("last_row", [MAX_SHEET_ROWS, MAX_SHEET_ROWS + 1])
def test_a_sheet_may_reach_the_last_row_a_roster_has_and_no_further(
    desk: Desk, tmp_path: Path, last_row: int
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vārds", "Uzvārds"])
    sheet.cell(row=last_row, column=1, value="Pēdējā")
    sheet.cell(row=last_row, column=2, value="Rinda")
    path = tmp_path / "garš.xlsx"
    book.save(path)
    if last_row > MAX_SHEET_ROWS:
        assert "goes on past row 10,010" in refusal(desk, path)
    else:
        rows = preview_roster(desk.db, path).rows
        assert [(row.row, row.full_name) for row in rows] == [(last_row, "Pēdējā Rinda")]


def test_zip_bombs_and_zips_that_are_no_workbook_are_refused(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(roster_file, "MAX_UNPACKED_BYTES", 1_000_000)  # 50 MB in real use
    bomb = tmp_path / "bumba.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 2_000_000)
    assert bomb.stat().st_size < 10_000
    assert refusal(desk, bomb).endswith("bumba.xlsx cannot be read: it is too big for a roster.")

    not_a_workbook = tmp_path / "arhivs.xlsx"
    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("lasimani.txt", "Šis nav saraksts.")
    assert "it is not an Excel workbook (XLSX)" in refusal(desk, not_a_workbook)

    broken_sheet = with_part(
        dimension_bomb(tmp_path / "avots.xlsx"),
        tmp_path / "bojats.xlsx",
        lambda xml: xml.replace(b'<row r="2"', b'<row r="divi"'),
    )
    assert "it is not an Excel workbook (XLSX)" in refusal(desk, broken_sheet)

    # A million empty cell formats (12 KB zipped) once took 60 s and 680 MB to refuse.
    monkeypatch.setattr(roster_file, "MAX_PART_ELEMENTS", 1_000)  # 200,000 in real use
    formats = with_part(
        dimension_bomb(tmp_path / "avots.xlsx"),
        tmp_path / "formati.xlsx",
        lambda xml: re.sub(
            rb"<cellXfs .*</cellXfs>", b"<cellXfs>" + b"<xf/>" * 1_001 + b"</cellXfs>", xml
        ),
        "xl/styles.xml",
    )
    assert refusal(desk, formats).endswith("cannot be read: it is too big for a roster.")


def test_devices_pipes_folders_and_huge_files_are_refused_unread(
    desk: Desk, tmp_path: Path
) -> None:
    not_a_file = "it is not an ordinary file but a folder, a device or a pipe."
    fifo = tmp_path / "caurule.csv"
    os.mkfifo(fifo)  # nobody writes: reading it would wait forever
    zero = tmp_path / "nulles.csv"
    zero.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), fifo, zero, tmp_path):
        assert refusal(desk, path) == f"The file {path.name} cannot be read: {not_a_file}"
    huge = tmp_path / "milzis.csv"
    with huge.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert refusal(desk, huge) == "The file milzis.csv cannot be read: it is too big for a roster."


@pytest.mark.parametrize("body", ["\n" * 2_000_000, ";" * 2_000_000], ids=["rows", "columns"])
def test_a_csv_of_empty_rows_or_cells_is_refused_without_building_them(
    desk: Desk, tmp_path: Path, body: str
) -> None:
    path = tmp_path / "tukšs.csv"
    path.write_text("Vārds;Uzvārds\n" + body, encoding="utf-8")
    tracemalloc.start()
    try:
        message = refusal(desk, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == "The file tukšs.csv cannot be read: it is too big for a roster."
    assert peak < 40_000_000  # two million rows or cells, built, took hundreds of MB


EXCEL_UNICODE_TEXT = "Vārds\tUzvārds\tDzimšanas gads\tDzimums\r\nŽanis\tŪdris\t2010\tzēns\r\n"


@pytest.mark.parametrize(
    "data",
    [
        EXCEL_UNICODE_TEXT.encode("utf-16"),  # what Excel saves as "Unicode text"
        codecs.BOM_UTF16_BE + EXCEL_UNICODE_TEXT.encode("utf-16-be"),
    ],
    ids=["utf-16-le", "utf-16-be"],
)
def test_excel_unicode_text_is_read(desk: Desk, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "saraksts.txt"
    path.write_bytes(data)
    preview = preview_roster(desk.db, path)
    assert (preview.encoding, preview.separator) == ("utf-16", "\t")
    assert [(r.row, r.full_name, r.birth_year, r.gender) for r in preview.rows] == [
        (2, "Žanis Ūdris", 2010, Gender.BOY)
    ]


def test_utf16_without_its_mark_is_refused_naming_the_encodings(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "bez_zimes.txt"
    path.write_bytes(EXCEL_UNICODE_TEXT.encode("utf-16-le"))
    assert refusal(desk, path) == (
        "The file bez_zimes.txt cannot be read: it is neither UTF-8, UTF-16 nor Windows-1257 text."
    )


def test_any_bytes_are_a_roster_or_one_readable_sentence(desk: Desk, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for cells in (["Vārds", "Uzvārds", "Dzimšanas gads"], ["Žanis", "Ūdris", 2010]):
        sheet.append(cells)
    book.save(tmp_path / "avots.xlsx")
    workbook = (tmp_path / "avots.xlsx").read_bytes()
    good_csv = "Vārds;Uzvārds;Dzimums\nŽanis;Ūdris;zēns\n".encode()
    outcomes = {"read": 0, "refused": 0}

    @FEW
    @given(
        st.one_of(
            st.binary(max_size=3_000),
            st.text(max_size=200).map(lambda junk: good_csv + junk.encode()),
            # A workbook with a few bytes overwritten: broken zips, XML, values.
            st.lists(
                st.tuples(st.integers(0, len(workbook) - 1), st.binary(min_size=1, max_size=8)),
                min_size=1,
                max_size=4,
            ).map(lambda edits: damaged(workbook, edits)),
        )
    )
    def read(data: bytes) -> None:
        path = tmp_path / "saraksts.csv"
        path.write_bytes(data)
        try:
            preview = preview_roster(desk.db, path)
        except RosterUnreadable as refused:
            assert readable(refused.message), refused.message
            outcomes["refused"] += 1
            return
        for row in preview.rows:
            assert all(readable(problem.message) for problem in row.problems)
            # Nothing that paints a terminal or turns a line around (U+11500, unassigned, may
            # stay); notes keep their line breaks and tabs.
            kept = row.full_name + row.notes.replace("\n", "").replace("\t", "")
            assert not {unicodedata.category(ch) for ch in kept} & {"Cc", "Cf", "Zl", "Zp"}
        outcomes["read"] += 1

    read()
    assert outcomes["read"] > 10 and outcomes["refused"] > 10, outcomes


def damaged(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    for where, junk in edits:
        data = data[:where] + junk + data[where + len(junk) :]
    return data


HOSTILE_ROSTER = (
    "Vārds;Uzvārds;Dzimums;Klase\x1b[2J\n"
    "Ilga\x1b[31m;Ozola\u202e;\x1b[5mzēns\x07;4.a\n"
    "Anna;Liepa;meitene;4.b\n"
)


def test_problem_lines_show_escape_characters_escaped(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "saraksts.csv"
    path.write_text(HOSTILE_ROSTER, encoding="utf-8")
    preview = preview_roster(desk.db, path)
    assert preview.ignored_columns == ("Klase\\x1b[2J",)
    ilga, anna = preview.rows
    assert (ilga.first_name, ilga.last_name) == ("Ilga[31m", "Ozola")
    assert [problem.message for problem in ilga.problems] == [
        "Vārds contains control characters.",
        "Unknown gender “\\x1b[5mzēns\\x07”: write meitene/zēns or girl/boy.",
    ]
    assert anna.valid
    old_excel = tmp_path / "vecs\x1b[31m\u202e.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60)
    assert refusal(desk, old_excel).startswith("The file vecs\\x1b[31m\\u202e.xls cannot be read")


def test_the_command_line_says_one_sentence_and_paints_nothing(tmp_path: Path) -> None:
    database_file = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{database_file}")
    migrate(database)
    make_desk(database)
    fifo = tmp_path / "caurule.csv"
    os.mkfifo(fifo)
    db_args = ("--db", str(database_file))
    refusals = {
        dimension_bomb(tmp_path / "bumba.xlsx"): "its sheet goes on past row 10,010",
        Path("/dev/zero"): "it is not an ordinary file",
        fifo: "it is not an ordinary file",
    }
    for path, words in refusals.items():
        for dry_run in ((), ("--dry-run",)):
            run = main_py("import", "participants", str(path), *dry_run, *db_args, home=tmp_path)
            assert run.returncode == 1, run.stderr
            assert run.stdout == ""
            assert run.stderr.count("\n") == 1 and words in run.stderr, run.stderr
            assert "Traceback" not in run.stderr

    hostile = tmp_path / "saraksts.csv"
    hostile.write_text(HOSTILE_ROSTER, encoding="utf-8")
    run = main_py("import", "participants", str(hostile), "--dry-run", *db_args, home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout + run.stderr and "\u202e" not in run.stdout
    assert "Columns not imported: Klase\\x1b[2J" in run.stdout
    assert "row 2: Ilga[31m Ozola: Vārds contains control characters." in run.stdout
    assert "1 children would be imported into Jēkabpils (--dry-run)." in run.stdout
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 2
    database.dispose()

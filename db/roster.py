"""Import of a roster: a CSV or XLSX list of children read into a preview with per-row
problems, then every valid row registered in one transaction (or nothing)."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from db.accounts import require_admin
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.models import ConsentPurpose, Gender, Participant
from db.names import fold
from db.people import (
    MARK_TARGET_GROUP,
    OLDEST_BIRTH_YEAR,
    ParticipantDetails,
    _add_participant,
    _give_consent,
    _one_line,
    possible_duplicates,
    search_name,
    without_control,
)
from db.progress import Progress, go_on

MAX_FILE_BYTES = 20_000_000
MAX_ROWS = 10_000
HEADER_SEARCH_ROWS = 10  # a title line or two above the header is common in spreadsheets
# A sheet is read no further than this: its own claimed size (the dimension) is not trusted.
MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS
MAX_SHEET_COLUMNS = 100
# What a workbook may unpack to: 10,000 children take a few MB of sheet XML; a zip bomb more.
MAX_UNPACKED_BYTES = 50_000_000
# XML elements in a part openpyxl builds whole. Excel has at most 64,000 cell formats;
# 10,000 children of 9 columns, each a different text, are 180,000 elements of strings.
MAX_PART_ELEMENTS = 200_000
MAX_SHARED_STRINGS_ELEMENTS = 1_000_000
CONSENT_GIVEN_BY_DEFAULT = "roster import"

# Field → the header words that name it, folded (lower case, no diacritics): Latvian,
# English, then Lithuanian (the partner library in Rokiškis).
HEADERS: dict[str, tuple[str, ...]] = {
    "first_name": ("vards", "first name", "firstname", "given name", "vardas"),
    "last_name": ("uzvards", "last name", "lastname", "surname", "family name", "pavarde"),
    "birth_year": (
        "dzimsanas gads",
        "birth year",
        "year of birth",
        "born",
        "gads",
        "gimimo metai",
        "gime",
        "metai",
    ),
    "gender": ("dzimums", "gender", "sex", "lytis"),
    "guardian_name": (
        "aizbildnis",
        "guardian",
        "vecaks",
        "parent",
        "aizbildna vards",
        "globejas",
        "globejo vardas",
        "tevai",
        "tevu vardas",
    ),
    "guardian_phone": (
        "talrunis",
        "phone",
        "telefons",
        "tel",
        "aizbildna talrunis",
        "telefonas",
        "telefono numeris",
        "tel nr",
        "globejo telefonas",
        "tevu telefonas",
    ),
    "target_group": ("merka grupa", "target group", "tiksline grupe"),
    "notes": ("piezimes", "notes", "piezime", "note", "pastabos", "pastaba"),
    "photo_consent": (
        "foto piekrisana",
        "photo consent",
        "foto",
        "sutikimas fotografuoti",
        "nuotrauku sutikimas",
        "foto sutikimas",
    ),
}
_FIELD_OF_HEADER = {word: name for name, words in HEADERS.items() for word in words}

GIRL_WORDS = frozenset({"meitene", "girl", "female", "f", "mergaite"})
BOY_WORDS = frozenset({"zens", "boy", "male", "puisis", "berniukas"})
YES_WORDS = frozenset({"ja", "yes", "1", "true", "x", "taip"})
NO_WORDS = frozenset({"ne", "no", "0", "false", "", "-"})

# The longest text each field may hold (the database's columns; notes are free text).
LIMITS = {
    "first_name": 80,
    "last_name": 80,
    "guardian_name": 160,
    "guardian_phone": 40,
    "notes": 2000,
}


class RosterUnreadable(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "The file {name} cannot be read: {reason}")


class RosterRowRefused(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "Nothing was imported: row {row} was refused: {reason}"
    )


# Reasons for RosterUnreadable and RosterRowRefused, translated as fields of the template.
NOT_TEXT = QT_TRANSLATE_NOOP("DomainError", "it is neither UTF-8, UTF-16 nor Windows-1257 text.")
NOT_A_FILE = QT_TRANSLATE_NOOP(
    "DomainError", "it is not an ordinary file but a folder, a device or a pipe."
)
NOT_WORKBOOK = QT_TRANSLATE_NOOP("DomainError", "it is not an Excel workbook (XLSX).")
OLD_EXCEL = QT_TRANSLATE_NOOP(
    "DomainError", "old Excel files (XLS) cannot be read; save it as XLSX or CSV."
)
NO_HEADER = QT_TRANSLATE_NOOP(
    "DomainError",
    "no header row with the columns Vārds and Uzvārds (First name, Last name; Vardas, "
    "Pavardė) was found.",
)
TOO_BIG = QT_TRANSLATE_NOOP("DomainError", "it is too big for a roster.")
SHEET_TOO_BIG = QT_TRANSLATE_NOOP(
    "DomainError", "its sheet goes on past row 10,010, too far for a roster."
)
NOT_FOUND = QT_TRANSLATE_NOOP("DomainError", "there is no such file.")
HAS_PROBLEMS = QT_TRANSLATE_NOOP(
    "DomainError", "it has problems; only rows without problems can be imported."
)
REGISTERED_MEANWHILE = QT_TRANSLATE_NOOP(
    "DomainError", "the child is already registered; check the file again."
)
DATABASE_REFUSED = QT_TRANSLATE_NOOP("DomainError", "the database did not accept it.")


class ImportStopped(DomainError):
    """The librarian stopped an import before it committed: nobody was registered."""

    template = QT_TRANSLATE_NOOP(
        "DomainError", "The import was stopped at row {row} of {total}: nobody was registered."
    )


def shown(text: str) -> str:
    """Text from a file made safe to show: what is not printable as its code, e.g. `\\x1b`.

    An escape sequence or a bidirectional override in a file must not paint the terminal
    or turn a problem line around.
    """
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@dataclass(frozen=True)
class Problem:
    """Why a row cannot be imported, in plain words (Qt context "Roster" for translation)."""

    template: str
    fields: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The fields quote the file (a value, a header): shown escaped wherever printed.
        escaped = {key: shown(v) if isinstance(v, str) else v for key, v in self.fields.items()}
        object.__setattr__(self, "fields", escaped)

    @property
    def message(self) -> str:
        return self.template.format(**self.fields)


@dataclass(frozen=True)
class RosterRow:
    """One child as the file has them, with the row number a spreadsheet program shows."""

    row: int
    first_name: str
    last_name: str
    birth_year: int | None = None
    gender: Gender | None = None
    guardian_name: str = ""
    guardian_phone: str = ""
    target_group: bool = False
    notes: str = ""
    photo_consent: bool = False
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def details(self, site_id: int) -> ParticipantDetails:
        return ParticipantDetails(
            first_name=self.first_name,
            last_name=self.last_name,
            birth_year=self.birth_year,
            site_id=site_id,
            gender=self.gender,
            guardian_name=self.guardian_name,
            guardian_phone=self.guardian_phone,
            target_group=self.target_group,
            notes=self.notes,
        )


@dataclass(frozen=True)
class RosterPreview:
    """What an import would do: every row with its problems, and how the file was read."""

    rows: tuple[RosterRow, ...]
    encoding: str  # "utf-8", "utf-8-sig" (with BOM), "utf-16", "cp1257" or "xlsx"
    separator: str | None  # ";", "," or a tab for CSV
    columns: tuple[str, ...]  # the fields recognised, in the file's order
    ignored_columns: tuple[str, ...]  # headers that name nothing we keep

    @property
    def valid_rows(self) -> tuple[RosterRow, ...]:
        return tuple(row for row in self.rows if row.valid)

    @property
    def problem_rows(self) -> tuple[RosterRow, ...]:
        return tuple(row for row in self.rows if not row.valid)


# --- Reading the file ----------------------------------------------------------------------


class _Unreadable(ValueError):
    """A file refused for one of the reasons above (the reason is the message)."""


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (with or without BOM), UTF-16 (with
    its BOM: Excel's "Unicode text") or Windows-1257.

    Trying UTF-8 strictly, then Windows-1257, is exact for these two: a Baltic letter in
    Windows-1257 (0xC0–0xFE) followed by an ordinary letter is never valid UTF-8, and
    UTF-8 is the only one of the two that decodes a file with Latvian letters in UTF-8.
    (charset-normalizer would guess among dozens of code pages and may take a short
    Latvian list for Windows-1250 or -1252, so it is not used.) A NUL character is in no
    roster: text with one is binary, or UTF-16 without its BOM.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decoded(data, "utf-16"), "utf-16"  # the codec reads the BOM
    else:
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text, encoding = _decoded(data, "cp1257"), "cp1257"
    if "\x00" in text:
        raise _Unreadable(NOT_TEXT)
    return text, encoding


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _Unreadable(NOT_TEXT) from None


def _outside_quotes(line: str, separator: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == separator and not quoted:
            count += 1
    return count


SEPARATORS = ",;\t"  # in this order when the header has as many of each
SNIFF_SAMPLE = 65_536  # characters: enough lines to tell, never a whole 20 MB line


def sniff_separator(text: str) -> str:
    """`;` (what Excel writes on a Latvian Windows), `,`, or a tab (Excel's "Unicode text"),
    whichever the file uses."""
    lines = [line for line in text[: SNIFF_SAMPLE * 2].splitlines() if line.strip()]
    if not lines:
        return ","
    header = lines[0]
    try:
        sample = "\n".join(lines[:50])[:SNIFF_SAMPLE]
        found = csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        found = ""
    # The header row has no quoted separators in practice: trust it over the sniffer.
    if found and _outside_quotes(header, found):
        return found
    return max(SEPARATORS, key=lambda separator: _outside_quotes(header, separator))


def _csv_rows(text: str, separator: str) -> list[tuple[int, list[Any]]]:
    """The rows of a CSV text, refused as soon as it holds more than a roster can.

    Twenty million separators, or as many line breaks, in a 20 MB file would otherwise be
    as many cells or rows in memory (gigabytes) before the row count is even looked at.
    """
    if text.count(separator) > MAX_SHEET_ROWS * MAX_SHEET_COLUMNS:
        raise _Unreadable(TOO_BIG)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_SHEET_ROWS:
                raise _Unreadable(TOO_BIG)
            rows.append((number, cells[:MAX_SHEET_COLUMNS]))
    except csv.Error as error:  # a cell longer than the csv module's 131,072 characters
        raise _Unreadable(TOO_BIG) from error
    return rows


def _check_unpacked(data: bytes) -> None:
    """Refuse a workbook that would unpack to more than a roster, before openpyxl reads it.

    The sizes a zip declares bound what reading it yields (more fails its CRC check). The
    parts openpyxl builds whole are also counted by XML element: a 12 KB file whose styles
    held a million empty formats took 60 s and 680 MB before its sheet was even looked at.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
                raise _Unreadable(TOO_BIG)
            for part in parts:
                name = part.filename
                if name.startswith("xl/worksheets/") or not name.endswith((".xml", ".rels")):
                    continue  # sheets are streamed; pictures are not read
                xml = archive.read(part)
                elements = xml.count(b"<") - xml.count(b"</")
                strings = name == "xl/sharedStrings.xml"
                if elements > (MAX_SHARED_STRINGS_ELEMENTS if strings else MAX_PART_ELEMENTS):
                    raise _Unreadable(TOO_BIG)
    except _Unreadable:
        raise
    except Exception as error:  # not a zip, a damaged one, encrypted, unknown compression
        raise _Unreadable(NOT_WORKBOOK) from error


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    """The first sheet's rows, read as a stream and never further than a roster can go.

    The sheet's own claim of its size (the dimension, e.g. A1:XFD1048576) is not used: a
    4.9 KB file claiming it once made every row 16,384 cells wide until memory ran out.
    """
    from openpyxl import load_workbook  # imported here: only an import needs it

    _check_unpacked(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a foreign or damaged zip fails in many ways inside openpyxl
        raise _Unreadable(NOT_WORKBOOK) from error
    try:
        if not workbook.worksheets:
            raise _Unreadable(NOT_WORKBOOK)
        sheet = workbook.worksheets[0]
        rows: list[tuple[int, list[Any]]] = []
        # Asked for one row more than allowed: openpyxl yields it (maybe empty) exactly when
        # the sheet has a row at or past it, however far past.
        for number, values in enumerate(
            sheet.iter_rows(
                max_row=MAX_SHEET_ROWS + 1, max_col=MAX_SHEET_COLUMNS, values_only=True
            ),
            start=1,
        ):
            if number > MAX_SHEET_ROWS:
                raise _Unreadable(SHEET_TOO_BIG)
            cells = list(values)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append((number, cells))
        return rows
    except _Unreadable:
        raise
    except Exception as error:  # broken XML or a value openpyxl cannot make sense of
        raise _Unreadable(NOT_WORKBOOK) from error
    finally:
        workbook.close()


def _read_limited(path: Path) -> bytes:
    """The bytes of an ordinary file no bigger than a roster may be.

    A folder, a device (/dev/zero never ends) or a pipe (it blocks) is refused before it
    is read, and again on the opened file in case the name changed meanwhile; a file is
    read no further than one byte past the limit, whatever its size says.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise _Unreadable(NOT_A_FILE)
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _Unreadable(NOT_A_FILE)
        if status.st_size > MAX_FILE_BYTES:
            raise _Unreadable(TOO_BIG)
        with open(descriptor, "rb", closefd=False) as file:
            data = file.read(status.st_size + 1)  # + 1: a file grown meanwhile is seen
            if len(data) > status.st_size:
                data += file.read(MAX_FILE_BYTES + 1 - len(data))
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise _Unreadable(TOO_BIG)
    return data


def read_table(path: Path) -> tuple[list[tuple[int, list[Any]]], str, str | None]:
    """The file's rows (row number, cells), its encoding and its separator."""
    name = shown(path.name)
    try:
        data = _read_limited(path)
        if data.startswith(b"PK\x03\x04"):
            return _xlsx_rows(data), "xlsx", None
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise _Unreadable(OLD_EXCEL)
        text, encoding = decode(data)
        separator = sniff_separator(text)
        rows = _csv_rows(text, separator)
    except FileNotFoundError:
        raise RosterUnreadable(name=name, reason=NOT_FOUND) from None
    except _Unreadable as error:
        raise RosterUnreadable(name=name, reason=str(error)) from None
    except OSError as error:
        raise RosterUnreadable(name=name, reason=error.strerror or str(error)) from None
    return rows, encoding, separator


# --- Understanding the rows ----------------------------------------------------------------


def _text(value: Any) -> str:
    """A cell as text: XLSX numbers without ".0", dates as ISO dates, empty as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def header_field(header: Any) -> str | None:
    """The field a column header names, in Latvian, English or Lithuanian, any case, with or
    without ā or ė."""
    text = fold(without_control(_text(header)))
    words = " ".join(text.replace("_", " ").replace(".", " ").split())
    return _FIELD_OF_HEADER.get(words.strip(" :*"))


def _find_header(
    rows: list[tuple[int, list[Any]]],
) -> tuple[int, dict[int, str], list[str]] | None:
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        ignored: list[str] = []
        for position, cell in enumerate(cells):
            name = header_field(cell)
            if name is not None and name not in columns.values():
                columns[position] = name
            elif _text(cell):
                ignored.append(shown(_text(cell)))
        if {"first_name", "last_name"} <= set(columns.values()):
            return index, columns, ignored
    return None


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text)


def _yes_no(value: Any, column: str, problems: list[Problem]) -> bool:
    word = fold(_text(value))
    if word in YES_WORDS:
        return True
    if word not in NO_WORDS:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Roster", "Unknown answer “{value}” in {column}: write jā/nē, yes/no or 1/0."
                ),
                {"value": _text(value), "column": column},
            )
        )
    return False


def _birth_year(value: Any, this_year: int, problems: list[Problem]) -> int | None:
    if isinstance(value, datetime | date):
        year: int = value.year
    else:
        text = _text(value)
        if not text:
            return None
        try:
            year = int(text)
        except ValueError:
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP("Roster", "Birth year “{value}” is not a number."),
                    {"value": text},
                )
            )
            return None
    if not OLDEST_BIRTH_YEAR <= year <= this_year:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Roster", "Birth year {year} is impossible: it must be between 1900 and {now}."
                ),
                {"year": year, "now": this_year},
            )
        )
        return None
    return year


def _gender(value: Any, problems: list[Problem]) -> Gender | None:
    word = fold(_text(value))
    if not word:
        return None
    if word in GIRL_WORDS:
        return Gender.GIRL
    if word in BOY_WORDS:
        return Gender.BOY
    problems.append(
        Problem(
            QT_TRANSLATE_NOOP(
                "Roster", "Unknown gender “{value}”: write meitene/zēns or girl/boy."
            ),
            {"value": _text(value)},
        )
    )
    return None


def _row(
    number: int, cells: list[Any], columns: dict[int, str], headers: list[Any], this_year: int
) -> RosterRow:
    values: dict[str, Any] = {}
    header_of: dict[str, str] = {}
    for position, name in columns.items():
        values[name] = cells[position] if position < len(cells) else None
        header_of[name] = _text(headers[position])
    problems: list[Problem] = []
    raw: dict[str, str] = {}
    texts: dict[str, str] = {}
    for name in ("first_name", "last_name", "guardian_name", "guardian_phone", "notes"):
        raw[name] = _text(values.get(name))
        # Cleaned as the participant form cleans: no bidirectional overrides, no zero-width
        # characters; control characters are also a problem of the row (below).
        if name == "notes":
            texts[name] = without_control(raw[name], keep="\n\t").strip()
        else:
            texts[name] = _one_line(raw[name])
    if not texts["first_name"]:
        problems.append(Problem(QT_TRANSLATE_NOOP("Roster", "The first name is missing.")))
    if not texts["last_name"]:
        problems.append(Problem(QT_TRANSLATE_NOOP("Roster", "The last name is missing.")))
    for name, limit in LIMITS.items():
        if len(texts[name]) > limit:
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP(
                        "Roster", "{column} is too long: at most {limit} characters."
                    ),
                    {"column": header_of[name], "limit": limit},
                )
            )
        if _has_control_characters(raw[name]):
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP("Roster", "{column} contains control characters."),
                    {"column": header_of[name]},
                )
            )
    return RosterRow(
        row=number,
        first_name=texts["first_name"],
        last_name=texts["last_name"],
        birth_year=_birth_year(values.get("birth_year"), this_year, problems),
        gender=_gender(values.get("gender"), problems),
        guardian_name=texts["guardian_name"],
        guardian_phone=texts["guardian_phone"],
        target_group=_yes_no(
            values.get("target_group"), header_of.get("target_group", ""), problems
        ),
        notes=texts["notes"],
        photo_consent=_yes_no(
            values.get("photo_consent"), header_of.get("photo_consent", ""), problems
        ),
        problems=tuple(problems),
    )


def _identity(first_name: str, last_name: str) -> str:
    # The same key the register use case stores, so a very long name still matches itself.
    return search_name(first_name, last_name)


def _with_problem(row: RosterRow, problem: Problem) -> RosterRow:
    return replace(row, problems=(*row.problems, problem))


def parse_roster(
    rows: list[tuple[int, list[Any]]], name: str = "", *, this_year: int | None = None
) -> tuple[list[RosterRow], tuple[str, ...], tuple[str, ...]]:
    """The children of a table's rows, with the problems seen in the file alone."""
    found = _find_header(rows)
    if found is None:
        raise RosterUnreadable(name=name, reason=NO_HEADER)
    index, columns, ignored = found
    headers = rows[index][1]
    year = this_year or date.today().year
    children: list[RosterRow] = []
    first_seen: dict[tuple[str, int | None], int] = {}
    for number, cells in rows[index + 1 :]:
        if not any(_text(cell) for cell in cells):
            continue
        child = _row(number, cells, columns, headers, year)
        if child.first_name and child.last_name:
            key = (_identity(child.first_name, child.last_name), child.birth_year)
            if key in first_seen:
                child = _with_problem(
                    child,
                    Problem(
                        QT_TRANSLATE_NOOP("Roster", "The same child as in row {row}."),
                        {"row": first_seen[key]},
                    ),
                )
            else:
                first_seen[key] = number
        children.append(child)
    return children, tuple(columns[i] for i in sorted(columns)), tuple(ignored)


def preview_roster(db: Database, path: Path | str, *, by: int | None = None) -> RosterPreview:
    """Read a roster and say, row by row, what an import would do and what stops it."""
    path = Path(path)
    table, encoding, separator = read_table(path)
    children, columns, ignored = parse_roster(table, path.name)
    checked = []
    for child in children:
        if child.valid:
            for known in possible_duplicates(
                db, child.first_name, child.last_name, child.birth_year, by=by
            ):
                born = f", {known.birth_year}" if known.birth_year else ""
                child = _with_problem(
                    child,
                    Problem(
                        QT_TRANSLATE_NOOP("Roster", "Already registered: {name}."),
                        {"name": f"{known.full_name}{born}"},
                    ),
                )
                break
        checked.append(child)
    return RosterPreview(tuple(checked), encoding, separator, columns, ignored)


# --- The import ----------------------------------------------------------------------------


def _registered(session: Session, row: RosterRow) -> bool:
    query = select(Participant.id).where(
        Participant.search_name == _identity(row.first_name, row.last_name)
    )
    if row.birth_year is not None:
        query = query.where(
            or_(Participant.birth_year == row.birth_year, Participant.birth_year.is_(None))
        )
    return session.execute(query.limit(1)).first() is not None


def import_roster(
    db: Database,
    rows: Sequence[RosterRow],
    site_id: int,
    *,
    by: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Register every row (the valid rows of a preview) in one transaction: all or nothing.

    A row with problems, a child registered meanwhile, or a row the records refuse stops
    the whole import; returns how many children were registered. `progress(done, total)`
    hears each row; returning False stops the import before it commits (ImportStopped).
    """
    today = date.today()
    with db.unit_of_work() as uow:
        session = uow.session
        if any(row.target_group for row in rows):  # said once, not as every row's problem
            require_admin(session, by, MARK_TARGET_GROUP)
        go_on(progress, 0, len(rows))
        for done, row in enumerate(rows, start=1):
            if not row.valid:
                raise RosterRowRefused(row=row.row, reason=HAS_PROBLEMS)
            if _registered(session, row):
                raise RosterRowRefused(row=row.row, reason=REGISTERED_MEANWHILE)
            try:
                participant = _add_participant(session, row.details(site_id), by)
                if row.photo_consent:
                    _give_consent(
                        session,
                        participant,
                        ConsentPurpose.PHOTO,
                        row.guardian_name or CONSENT_GIVEN_BY_DEFAULT,
                        today,
                        by,
                    )
            except DomainError as refusal:
                raise RosterRowRefused(row=row.row, reason=refusal.message) from refusal
            except (IntegrityError, DataError) as error:
                raise RosterRowRefused(row=row.row, reason=DATABASE_REFUSED) from error
            if not go_on(progress, done, len(rows)):
                raise ImportStopped(row=done, total=len(rows))  # rolled back: nothing written
        uow.commit()
        return len(rows)

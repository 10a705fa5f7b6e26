"""Reading a roster file: a CSV (UTF-8, UTF-16 or Windows-1257, any separator) or the first
sheet of an XLSX workbook, refused in plain words when it is not a roster or too big for one."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

from db.errors import QT_TRANSLATE_NOOP, DomainError

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


class RosterUnreadable(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "The file {name} cannot be read: {reason}")


# Reasons for RosterUnreadable, translated as fields of its template.
NOT_TEXT = QT_TRANSLATE_NOOP("DomainError", "it is neither UTF-8, UTF-16 nor Windows-1257 text.")
NOT_A_FILE = QT_TRANSLATE_NOOP(
    "DomainError", "it is not an ordinary file but a folder, a device or a pipe."
)
NOT_WORKBOOK = QT_TRANSLATE_NOOP("DomainError", "it is not an Excel workbook (XLSX).")
OLD_EXCEL = QT_TRANSLATE_NOOP(
    "DomainError", "old Excel files (XLS) cannot be read; save it as XLSX or CSV."
)
TOO_BIG = QT_TRANSLATE_NOOP("DomainError", "it is too big for a roster.")
SHEET_TOO_BIG = QT_TRANSLATE_NOOP(
    "DomainError", "its sheet goes on past row 10,010, too far for a roster."
)
NOT_FOUND = QT_TRANSLATE_NOOP("DomainError", "there is no such file.")


def shown(text: str) -> str:
    """Text from a file made safe to show: what is not printable as its code, e.g. `\\x1b`.

    An escape sequence or a bidirectional override in a file must not paint the terminal
    or turn a problem line around.
    """
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


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

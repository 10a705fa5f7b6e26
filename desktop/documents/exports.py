"""Spreadsheet exports: CSV that Latvian Excel opens as it is, and XLSX with real dates.

The format follows the file's suffix (.csv or .xlsx). Column headers are in the export's
language. CSV is UTF-8 with a BOM (without it Excel reads ā as Ä), `;`-separated (Latvian
Excel's list separator, since the comma is its decimal sign), with dates as dd.mm.yyyy in
Latvian (Excel in the lv-LV locale reads them as dates) and yyyy-mm-dd otherwise.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from db.clock import local
from db.exports import (
    EXPORT_STEP,
    AttendanceExportRow,
    BorrowerKind,
    ExportStopped,
    LoanExportRow,
    ParticipantExportRow,
)
from db.files import staged
from db.models import AttendanceStatus, Gender
from db.progress import Progress, go_on
from desktop.words import NP_, words

KINDS = NP_("spreadsheet", "attendance")
# A cell starting with one of these is a formula to a spreadsheet: "+371 2…" would be one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# How many rows are looked at to size the columns (enough to see typical values).
WIDTH_SAMPLE = 500

Value = str | int | date | datetime | time | None


@dataclass(frozen=True)
class Column:
    heading: str  # English, marked with the context "spreadsheet" for the catalogue
    value: Callable[[Any, str], Value]

    def header(self, language: str) -> str:
        return words(language).pgettext("spreadsheet", self.heading)


def _yes(flag: bool, language: str) -> str:
    return words(language).gettext("yes") if flag else ""


def _status(status: AttendanceStatus, language: str) -> str:
    _ = words(language).gettext
    return {
        AttendanceStatus.PRESENT: _("present"),
        AttendanceStatus.LATE: _("late"),
        AttendanceStatus.EXCUSED: _("excused"),
        AttendanceStatus.ABSENT: _("absent"),
    }[status]


def _gender(gender: Gender | None, language: str) -> str:
    _ = words(language).gettext
    if gender is Gender.GIRL:
        return _("girl")
    if gender is Gender.BOY:
        return _("boy")
    return ""


def _borrower_kind(kind: BorrowerKind, language: str) -> str:
    _ = words(language).gettext
    return {
        BorrowerKind.CHILD: _("child"),
        BorrowerKind.LIBRARIAN: _("librarian"),
        BorrowerKind.SESSION: _("session use"),
    }[kind]


def _at(moment: datetime | None) -> datetime | None:
    """The library's wall-clock time, without a zone (spreadsheets know none)."""
    return None if moment is None else local(moment).replace(tzinfo=None, microsecond=0)


ATTENDANCE = (
    Column(NP_("spreadsheet", "Date"), lambda r, _: r.day),
    Column(NP_("spreadsheet", "Starts"), lambda r, _: r.starts_at),
    Column(NP_("spreadsheet", "Ends"), lambda r, _: r.ends_at),
    Column(NP_("spreadsheet", "Program"), lambda r, _: r.program),
    Column(NP_("spreadsheet", "Session theme"), lambda r, _: r.theme),
    Column(NP_("spreadsheet", "Site"), lambda r, _: r.site_name),
    Column(NP_("spreadsheet", "First name"), lambda r, _: r.first_name),
    Column(NP_("spreadsheet", "Last name"), lambda r, _: r.last_name),
    Column(NP_("spreadsheet", "Attendance"), lambda r, lang: _status(r.status, lang)),
)

PARTICIPANTS = (
    Column(NP_("spreadsheet", "No."), lambda r, _: r.id),
    Column(NP_("spreadsheet", "First name"), lambda r, _: r.first_name),
    Column(NP_("spreadsheet", "Last name"), lambda r, _: r.last_name),
    Column(NP_("spreadsheet", "Year of birth"), lambda r, _: r.birth_year),
    Column(NP_("spreadsheet", "Gender"), lambda r, lang: _gender(r.gender, lang)),
    Column(NP_("spreadsheet", "Site"), lambda r, _: r.site_name),
    Column(NP_("spreadsheet", "Card code"), lambda r, _: r.card_code or ""),
    Column(NP_("spreadsheet", "Guardian"), lambda r, _: r.guardian_name),
    Column(NP_("spreadsheet", "Guardian's phone"), lambda r, _: r.guardian_phone),
    Column(NP_("spreadsheet", "Consent: data processing"), lambda r, _: r.data_processing_consent),
    Column(NP_("spreadsheet", "Consent: photos"), lambda r, _: r.photo_consent),
    Column(NP_("spreadsheet", "Consent: video"), lambda r, _: r.video_consent),
    Column(NP_("spreadsheet", "Consent: publication"), lambda r, _: r.publication_consent),
    Column(NP_("spreadsheet", "Consent given by"), lambda r, _: r.consent_given_by),
    Column(NP_("spreadsheet", "Training cycles"), lambda r, _: r.programs),
    Column(NP_("spreadsheet", "Attendances"), lambda r, _: r.attendances),
    Column(NP_("spreadsheet", "First visit"), lambda r, _: r.first_visit),
    Column(NP_("spreadsheet", "Last visit"), lambda r, _: r.last_visit),
    Column(
        NP_("spreadsheet", "Target group (sensitive data)"),
        lambda r, lang: _yes(r.target_group, lang),
    ),
    Column(NP_("spreadsheet", "Archived"), lambda r, lang: _yes(r.archived, lang)),
    Column(NP_("spreadsheet", "Notes"), lambda r, _: r.notes),
    Column(NP_("spreadsheet", "Registered"), lambda r, _: _at(r.registered_at)),
)

LOANS = (
    Column(NP_("spreadsheet", "Tag"), lambda r, _: r.tag),
    Column(NP_("spreadsheet", "Item"), lambda r, _: r.item_name),
    Column(NP_("spreadsheet", "Borrower"), lambda r, _: r.borrower),
    Column(
        NP_("spreadsheet", "Borrower is"), lambda r, lang: _borrower_kind(r.borrower_kind, lang)
    ),
    Column(NP_("spreadsheet", "Lent at"), lambda r, _: _at(r.lent_at)),
    Column(NP_("spreadsheet", "Due"), lambda r, _: _at(r.due_at)),
    Column(NP_("spreadsheet", "Returned at"), lambda r, _: _at(r.returned_at)),
    Column(NP_("spreadsheet", "Lent by"), lambda r, _: r.lent_by),
    Column(NP_("spreadsheet", "Received by"), lambda r, _: r.received_by),
    Column(NP_("spreadsheet", "Condition note"), lambda r, _: r.return_note),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "attendance": ATTENDANCE,
    "participants": PARTICIPANTS,
    "loans": LOANS,
}
SHEET_TITLES = {
    "attendance": NP_("spreadsheet", "Attendance"),
    "participants": NP_("spreadsheet", "Participants"),
    "loans": NP_("spreadsheet", "Loans"),
}


def export_table(
    kind: str, rows: Sequence[object], language: str = "lv"
) -> tuple[list[str], list[list[Value]]]:
    """The header line and the typed values of an export, before any file format."""
    if kind not in COLUMNS:
        raise ValueError(f"unknown export {kind!r}: one of {', '.join(KINDS)}")
    columns = COLUMNS[kind]
    return (
        [c.header(language) for c in columns],
        [[c.value(row, language) for c in columns] for row in rows],
    )


def write_export(
    kind: str,
    rows: Sequence[object],
    path: Path,
    language: str = "lv",
    progress: Progress | None = None,
) -> Path:
    """Write an export to `path`: CSV or XLSX, by the file's suffix (CannotWriteFile if the
    system refuses it; an older file of that name then stays as it was).

    `progress(done, total)` hears the rows written every EXPORT_STEP rows; when it returns
    False the export stops (ExportStopped) and no file is saved."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"an export is saved as .csv or .xlsx, not {path.name!r}")
    header, values = export_table(kind, rows, language)

    def written(done: int) -> None:
        if not go_on(progress, done, len(values)):
            raise ExportStopped()

    # Whole or not at all, owner-only: participants' exports carry names and phones.
    with staged(path) as temporary:
        if suffix == ".csv":
            _write_csv(header, values, temporary, language, written)
        else:
            title = words(language).pgettext("spreadsheet", SHEET_TITLES[kind])
            _write_xlsx(header, values, temporary, language, title, written)
    return path


def write_attendance(rows: Sequence[AttendanceExportRow], path: Path, language: str = "lv") -> Path:
    return write_export("attendance", rows, path, language)


def write_participants(
    rows: Sequence[ParticipantExportRow], path: Path, language: str = "lv"
) -> Path:
    return write_export("participants", rows, path, language)


def write_loans(rows: Sequence[LoanExportRow], path: Path, language: str = "lv") -> Path:
    return write_export("loans", rows, path, language)


# --- CSV -------------------------------------------------------------------------------------


def _csv_text(value: Value, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        pattern = "%d.%m.%Y %H:%M" if language == "lv" else "%Y-%m-%d %H:%M"
        return value.strftime(pattern)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y" if language == "lv" else "%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int):
        return str(value)
    if value.startswith(FORMULA_START):
        # Excel hides a leading apostrophe and shows the rest as text ("+371 2…" stays a phone).
        return "'" + value
    return value


def _write_csv(
    header: list[str],
    values: list[list[Value]],
    path: Path,
    language: str,
    written: Callable[[int], None],
) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        written(0)
        for start in range(0, len(values), EXPORT_STEP):
            chunk = values[start : start + EXPORT_STEP]
            writer.writerows([_csv_text(v, language) for v in line] for line in chunk)
            written(start + len(chunk))


# --- XLSX ------------------------------------------------------------------------------------


def _column_widths(header: list[str], values: list[list[Value]], language: str) -> list[float]:
    widths = [len(h) + 2.0 for h in header]
    for line in values[:WIDTH_SAMPLE]:
        for i, value in enumerate(line):
            widths[i] = max(widths[i], len(_csv_text(value, language)) + 2.0)
    return [min(w, 50.0) for w in widths]


def _write_xlsx(
    header: list[str],
    values: list[list[Value]],
    path: Path,
    language: str,
    title: str,
    written: Callable[[int], None],
) -> None:
    # Imported here: openpyxl costs start-up time the desk never needs.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    day_format = "DD.MM.YYYY" if language == "lv" else "YYYY-MM-DD"
    formats: dict[type, str] = {
        datetime: day_format + " HH:MM",
        date: day_format,
        time: "HH:MM",
    }
    # Write-only mode streams rows: ten years of attendance stay within memory and seconds.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for i, width in enumerate(_column_widths(header, values, language), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(values) + 1}"
    bold = Font(bold=True)
    head_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        head_cells.append(cell)
    sheet.append(head_cells)
    # One styled cell per date column, refilled for each row: append() serializes the row at
    # once, and styling a fresh cell for every value would make a long export several times
    # slower.
    styled: dict[int, WriteOnlyCell] = {}
    for i in range(len(header)):
        kind = next((type(line[i]) for line in values if line[i] is not None), None)
        if kind in formats:
            styled[i] = WriteOnlyCell(sheet)
            styled[i].number_format = formats[kind]
    try:
        _append_rows(sheet, values, styled, written)
    except BaseException:
        # Stopped half-way: the rows so far, in openpyxl's own temporary file, go now (not
        # at exit), and the half-written sheet does not complain when it is collected.
        with suppress(Exception):
            sheet.close()
            sheet._writer.cleanup()
        raise
    book.properties.creator = "OpenUp Desk"
    book.properties.title = title
    # Zipped in memory, then written at once: on a full disk openpyxl's zip would stay open
    # half-written (Windows could not remove it) and complain on stderr when collected.
    content = io.BytesIO()
    book.save(content)
    path.write_bytes(content.getbuffer())


def _append_rows(
    sheet: Any,
    values: list[list[Value]],
    styled: dict[int, Any],
    written: Callable[[int], None],
) -> None:
    """Each row into the write-only sheet, dates through their styled cell."""
    from openpyxl.cell import WriteOnlyCell

    written(0)
    for number, line in enumerate(values, start=1):
        cells: list[object] = list(line)
        for i, template in styled.items():
            if line[i] is not None:
                template.value = line[i]
                cells[i] = template
        for i, value in enumerate(line):
            if isinstance(value, str) and value.startswith("="):
                # openpyxl would store it as a formula: a text cell keeps it text.
                text = WriteOnlyCell(sheet, value=value)
                text.data_type = "s"
                cells[i] = text
        sheet.append(cells)
        if number % EXPORT_STEP == 0 or number == len(values):
            written(number)

"""python -m tests.benchmarks.documents [--runs N] [--warmup N] [--only CASE …] [--json FILE]

The printouts and exports on the ten-year SQLite database, each beside a ReportLab floor:
- the monthly attendance report of one program with 200 children × 30 sessions in a month
  (added to a working copy), read + PDF; floor: the same 200 × 32 strings drawn with
  canvas.drawString on plain pages;
- the indicators report for the whole ten years, read + PDF; floor: as many plain text
  cells as its tables hold, drawn the same way;
- 100 QR labels on 3 × 7 sheets, read + PDF; floor: 100 QR codes of the same texts drawn
  with no layout (qrcode → PIL image → drawImage; reportlab's QrCodeWidget and the bare
  QR encoding are timed too);
- the ten-year attendance export to XLSX and to CSV (no target; openpyxl's XML writer named).
Writes bench-results/latest-documents.json.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import URL

from db.clock import at_local, local
from db.database import Database
from db.exports import attendance_rows
from db.indicators import Indicators, indicators_data
from db.models import (
    Attendance,
    AttendanceStatus,
    CheckInMethod,
    Enrollment,
    Item,
    ItemCategory,
    ItemStatus,
    Participant,
    Program,
    ProgramKind,
    Project,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.printing import labels_data
from db.reports import Mark, MonthlyAttendance, monthly_attendance_data
from db.scancodes import item_text
from desktop.documents.common import FONT, register_fonts
from desktop.documents.exports import write_export
from desktop.documents.indicators import indicators_pdf
from desktop.documents.labels import TEMPLATES, labels_pdf, qr_matrix
from desktop.documents.monthly import marks, monthly_report_pdf
from tests.benchmarks import dataset
from tests.benchmarks.harness import percentile

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"  # git-ignored
CACHE = RESULTS / "dataset.sqlite3"
COPY = RESULTS / "documents.sqlite3"
SAMPLES = RESULTS / "documents"  # the last PDF and export files of each case, to look at

CASES = ("monthly", "indicators", "labels", "exports")
MONTHLY_TARGET_S = 0.5
INDICATORS_TARGET_S = 1.5
LABELS_TARGET_S = 1.5
CHILDREN = 200
SESSIONS = 30
LABELS = 100
LABEL_TEMPLATE = "3x7"
SEED = 263

# Equipment a library of the project might add later; long names wrap on the labels.
NEW_ITEMS = (
    ("PLAN", "Planšetdators Samsung Galaxy Tab A8 ar aizsargvāciņu", ItemCategory.OTHER),
    ("VR", "Virtuālās realitātes brilles Meta Quest", ItemCategory.OTHER),
    ("ROBO", "Robotikas komplekts LEGO Education SPIKE Prime", ItemCategory.OTHER),
    ("WAC", "Grafiskā planšete Wacom Intuos", ItemCategory.OTHER),
    ("NB", "Nešiojamas kompiuteris Lenovo IdeaPad", ItemCategory.LAPTOP),
    ("FOTO", "Fotokamera", ItemCategory.CAMERA),
)


# --- timing ---------------------------------------------------------------------------------


class Laps:
    """Wall-clock time of a call's phases (data, PDF, …), in the order they ran."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.phases[phase] = now - self._last
        self._last = now


@dataclass
class Case:
    """One row of the table: a use case or a floor, its runs and their phases."""

    key: str
    name: str
    measures: str
    target_s: float | None = None
    floor_key: str | None = None
    samples: list[float] = field(default_factory=list)  # seconds, whole call
    phases: dict[str, list[float]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def verdict(self) -> str:
        if self.target_s is None:
            return "—"
        return "ok" if self.p95 <= self.target_s else "OVER"

    def as_json(self, floors: dict[str, Case]) -> dict[str, Any]:
        floor = floors.get(self.floor_key or "")
        return {
            "key": self.key,
            "name": self.name,
            "measures": self.measures,
            "runs": len(self.samples),
            "median_s": round(self.median, 4),
            "p95_s": round(self.p95, 4),
            "max_s": round(max(self.samples), 4),
            "samples_s": [round(s, 4) for s in self.samples],
            "phases": {
                phase: {
                    "median_s": round(statistics.median(values), 4),
                    "p95_s": round(percentile(values, 95), 4),
                }
                for phase, values in self.phases.items()
            },
            "floor": self.floor_key,
            "floor_median_s": round(floor.median, 4) if floor else None,
            "times_floor": round(self.median / floor.median, 1) if floor else None,
            "target_p95_s": self.target_s,
            "verdict": self.verdict,
            "facts": self.facts,
            "notes": self.notes,
        }


def run_case(case: Case, warmup: int, runs: int, call: Callable[[Laps], object]) -> object:
    """Call warmup + runs times, timing the last `runs`; returns the last call's result."""
    result: object = None
    for i in range(warmup + runs):
        gc.collect()  # each run starts without the previous one's garbage
        laps = Laps()
        result = call(laps)
        if i < warmup:
            continue
        case.samples.append(sum(laps.phases.values()))
        for phase, seconds in laps.phases.items():
            case.phases.setdefault(phase, []).append(seconds)
    return result


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


# --- what the run adds to its copy ----------------------------------------------------------


@dataclass(frozen=True)
class MonthProgram:
    program_id: int
    year: int
    month: int
    children: int
    sessions: int
    attendance_rows: int


def month_with_room(today: date) -> tuple[int, int]:
    """The latest month before this one with at least SESSIONS days, all of them past."""
    year, month = today.year, today.month
    while True:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        following = date(year + month // 12, month % 12 + 1, 1)
        if (following - date(year, month, 1)).days >= SESSIONS:
            return year, month


def add_month_program(database: Database) -> MonthProgram:
    """A training cycle at Jēkabpils with 30 held sessions last month and 200 members.

    Most members are marked present (some late, excused or absent); one in twelve cells
    has no mark, which the report shows as absent (a member at a held session). Ten
    children join on the month's 10th, so their first columns are blank.
    """
    rnd = random.Random(SEED)
    year, month = month_with_room(local(datetime.now(UTC)).date())
    with database.engine.begin() as connection:
        project_id = connection.execute(select(func.min(Project.id))).scalar_one()
        site_id, leader_id = connection.execute(
            select(Staff.site_id, Staff.id).where(Staff.site_id.is_not(None)).order_by(Staff.id)
        ).first() or (1, None)
        children = connection.execute(
            select(Participant.id)
            .where(
                Participant.site_id == site_id,
                Participant.archived.is_(False),
                Participant.guardian_name != "",  # children, not the seminars' librarians
            )
            .order_by(Participant.id)
        ).scalars()
        members = rnd.sample(list(children), CHILDREN)
        program_id = connection.execute(
            insert(Program.__table__).values(
                name=f"Mērījums {CHILDREN} × {SESSIONS} {year}-{month:02}",
                kind=ProgramKind.CLOSED,
                project_id=project_id,
                site_id=site_id,
                planned_sessions=SESSIONS,
            )
        ).inserted_primary_key[0]
        days = [date(year, month, d) for d in range(1, SESSIONS + 1)]
        connection.execute(
            insert(Session.__table__),
            [
                {
                    "program_id": program_id,
                    "site_id": site_id,
                    "day": day,
                    "starts_at": clock_time(16, 0),
                    "ends_at": clock_time(17, 30),
                    "theme": "",
                    "place": "Bērnu literatūras nodaļa",
                    "leader_id": leader_id,
                    "status": SessionStatus.HELD,
                    "anonymous_headcount": rnd.randint(0, 3),
                }
                for day in days
            ],
        )
        sessions = connection.execute(
            select(Session.id, Session.day)
            .where(Session.program_id == program_id)
            .order_by(Session.day)
        ).all()
        # Ten join on the 10th; the others have been members since January.
        joined = {
            pid: date(year, month, 10) if n < 10 else date(year, 1, 1)
            for n, pid in enumerate(members)
        }
        connection.execute(
            insert(Enrollment.__table__),
            [
                {"program_id": program_id, "participant_id": pid, "joined_on": joined[pid]}
                for pid in members
            ],
        )
        rows = []
        for session_id, day in sessions:
            start = at_local(day, clock_time(16, 0))
            for pid in members:
                if day < joined[pid]:
                    continue
                roll = rnd.random()
                if roll < 1 / 12:
                    continue  # not marked: a member at a held session counts as absent
                if roll < 0.15:
                    status = AttendanceStatus.ABSENT if roll < 0.12 else AttendanceStatus.EXCUSED
                    method, at = CheckInMethod.AFTER_THE_FACT, start + timedelta(hours=3)
                else:
                    status = AttendanceStatus.LATE if roll > 0.93 else AttendanceStatus.PRESENT
                    method = CheckInMethod.SCAN
                    at = start + timedelta(minutes=rnd.randint(-10, 25))
                rows.append(
                    {
                        "session_id": session_id,
                        "participant_id": pid,
                        "status": status,
                        "recorded_at": at,
                        "recorded_by_id": leader_id,
                        "method": method,
                    }
                )
        connection.execute(insert(Attendance.__table__), rows)
    return MonthProgram(program_id, year, month, len(members), len(sessions), len(rows))


def label_tags(database: Database) -> tuple[list[str], int]:
    """LABELS item tags: the copy's items, topped up with new ones; (tags, items added)."""
    with database.engine.begin() as connection:
        tags = list(connection.execute(select(Item.tag).order_by(Item.id)).scalars())
        sites = list(connection.execute(select(Site.id).order_by(Site.id)).scalars())
        project_id = connection.execute(select(func.min(Project.id))).scalar_one()
        missing = LABELS - len(tags)
        new = []
        for n in range(max(0, missing)):
            prefix, name, category = NEW_ITEMS[n % len(NEW_ITEMS)]
            number = n // len(NEW_ITEMS) + 1
            new.append(
                {
                    "tag": f"{prefix}-{number:02}",
                    "name": f"{name} #{number}",
                    "category": category,
                    "serial_number": f"BENCH{n:04}",
                    "site_id": sites[n % len(sites)],
                    "status": ItemStatus.AVAILABLE,
                    "project_id": project_id,
                    "parent_id": None,
                    "notes": "",
                }
            )
        if new:
            connection.execute(insert(Item.__table__), new)
    return (tags + [row["tag"] for row in new])[:LABELS], len(new)


# --- the floors: ReportLab with no layout logic ---------------------------------------------


def text_grid_pdf(
    rows: Sequence[Sequence[str]],
    pagesize: tuple[float, float],
    widths: Sequence[float],
    *,
    size: float = 8,
    pitch: float = 11,
    margin: float = 34,
) -> bytes:
    """Every string drawn with canvas.drawString at fixed column x, rows at a fixed pitch,
    a new page when one is full: no measuring, wrapping, styling or tables."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=pagesize, initialFontName=FONT)
    xs = [margin + sum(widths[:i]) for i in range(len(widths))]
    top = pagesize[1] - margin
    y = top
    canvas.setFont(FONT, size)
    for row in rows:
        if y < margin:
            canvas.showPage()
            canvas.setFont(FONT, size)
            y = top
        for x, text in zip(xs, row, strict=False):
            if text:
                canvas.drawString(x, y, text)
        y -= pitch
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def monthly_cells(data: MonthlyAttendance) -> list[list[str]]:
    """No., name and one letter per session: the report's strings, 2 + sessions per child."""
    letters = marks("lv")
    return [
        [f"{n}.", f"{row.last_name}, {row.first_name}", *(letters[m] or " " for m in row.marks)]
        for program in data.programs
        for n, row in enumerate(program.rows, start=1)
    ]


def indicators_cells(data: Indicators) -> list[list[str]]:
    """The cells of the report's five tables (summary, programs, sites, ages, equipment),
    header and total lines included, as plain strings (numbers unformatted)."""
    summary = [
        ["Rādītājs", "Vērtība"],
        *[
            [label, str(value)]
            for label, value in (
                ("Notikušās nodarbības", data.sessions_held),
                ("Atceltās nodarbības", data.sessions_cancelled),
                ("Apmeklējumu kopskaits", data.attendances),
                ("Dalībnieki (katrs skaitīts vienreiz)", data.unique_participants),
                ("t. sk. mērķa grupā", data.target_group),
                ("meitenes / zēni / nav norādīts", f"{data.girls} / {data.boys}"),
                ("Nereģistrēti apmeklētāji", data.anonymous_headcount),
                ("Aprīkojuma izsniegšanas reizes", data.loans),
                ("Aprīkojuma lietošanas stundas", round(data.loan_hours, 1)),
            )
        ],
    ]
    head8 = ["Programma", "Veids", "Plānots", "Notika", "Atcelta", "Apmekl.", "Dalībn.", "Nereģ."]
    programs: list[list[str]] = [head8]
    site = None
    for p in data.programs:
        if len({q.site_name for q in data.programs}) > 1 and p.site_name != site:
            site = p.site_name
            programs.append([site])  # the site's line spans the table
        programs.append(
            [
                p.name,
                p.kind.value,
                "" if p.planned_sessions is None else str(p.planned_sessions),
                str(p.held),
                str(p.cancelled),
                str(p.attendances),
                str(p.unique_participants),
                str(p.anonymous_headcount),
            ]
        )
    programs.append(["Kopā", "", "", *map(str, (data.sessions_held, data.sessions_cancelled))])
    sites = [head8]
    for s in data.sites:
        sites.append([s.name, s.country, *map(str, (s.unique_participants, s.target_group))])
        sites[-1] += [str(s.girls), str(s.boys), "0", str(s.attendances)]
    for c in data.countries:
        sites.append([c.country, "", str(c.unique_participants), str(c.target_group)])
        sites[-1] += ["", "", "", str(c.attendances)]
    sites.append(["Kopā", "", str(data.unique_participants), str(data.target_group)])
    ages = [["Vecums", "Meitenes", "Zēni", "Nav norādīts", "Dalībnieki", "Apmeklējumi"]]
    for band in data.age_bands:
        ages.append([f"{band.lowest}–{band.highest}", str(band.girls), str(band.boys)])
        ages[-1] += [str(band.not_stated), str(band.children), str(band.attendances)]
    ages.append(["Kopā", str(data.girls), str(data.boys), "", "", str(data.attendances)])
    items = [["Kods", "Aprīkojums", "Izsniegts", "Stundas", "Nav atgriezts"]]
    for item in data.items:
        items.append([item.tag, item.name, str(item.loans), f"{item.hours:.1f}"])
        items[-1].append(str(item.out_at_end) if item.out_at_end else "")
    items.append(["Kopā", "", str(data.loans), f"{data.loan_hours:.1f}", ""])
    return [*summary, *programs, *sites, *ages, *items]


def qr_widget_pdf(texts: Sequence[str], size: float) -> bytes:
    """Each text as reportlab's own QrCodeWidget (level Q, vector), at the 3 × 7 positions."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    stock = TEMPLATES[LABEL_TEMPLATE]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(stock.page_width * mm, stock.page_height * mm))
    for index, text in enumerate(texts):
        position = index % stock.per_page
        if index and position == 0:
            canvas.showPage()
        drawing = Drawing(size, size)
        drawing.add(QrCodeWidget(text, barLevel="Q", barWidth=size, barHeight=size))
        renderPDF.draw(drawing, canvas, *stock.origin(position))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def qr_image_pdf(texts: Sequence[str], size: float) -> bytes:
    """Each text as qrcode (level Q) → PIL image → canvas.drawImage, at the 3 × 7 positions."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_Q
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    stock = TEMPLATES[LABEL_TEMPLATE]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(stock.page_width * mm, stock.page_height * mm))
    for index, text in enumerate(texts):
        position = index % stock.per_page
        if index and position == 0:
            canvas.showPage()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, box_size=4, border=4)
        code.add_data(text)
        code.make(fit=True)
        image = code.make_image().get_image()
        canvas.drawImage(ImageReader(image), *stock.origin(position), size, size)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# --- the use cases --------------------------------------------------------------------------


def save(name: str, content: bytes) -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    (SAMPLES / name).write_bytes(content)


def measure_monthly(database: Database, warmup: int, runs: int) -> list[Case]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    started = time.perf_counter()
    added = add_month_program(database)
    setup_s = time.perf_counter() - started
    case = Case(
        "monthly_report",
        f"monthly report {added.children} × {added.sessions} (data + PDF)",
        f"monthly_attendance_data(db, {added.year}, {added.month}, program_id=…, by=None) + "
        "monthly_report_pdf(data) for one training cycle the run adds to its copy: "
        f"{added.children} members, {added.sessions} held sessions, "
        f"{added.attendance_rows:,} attendance rows",
        MONTHLY_TARGET_S,
        "floor_monthly",
    )

    def report(laps: Laps) -> bytes:
        data = monthly_attendance_data(
            database, added.year, added.month, program_id=added.program_id, by=None
        )
        laps.lap("data (monthly_attendance_data)")
        pdf = monthly_report_pdf(data)
        laps.lap("PDF (monthly_report_pdf)")
        return pdf

    pdf = run_case(case, warmup, runs, report)
    assert isinstance(pdf, bytes)
    save("monthly.pdf", pdf)
    data = monthly_attendance_data(
        database, added.year, added.month, program_id=added.program_id, by=None
    )
    cells = monthly_cells(data)
    program = data.programs[0]
    case.facts = {
        "program_id": added.program_id,
        "month": f"{added.year}-{added.month:02}",
        "children": len(program.rows),
        "sessions": len(program.sessions),
        "attendance_rows_added": added.attendance_rows,
        "absent_cells": program.count(Mark.ABSENT),
        "blank_cells": program.count(Mark.BLANK),
        "setup_s": round(setup_s, 2),
        "pdf_bytes": len(pdf),
        "pdf_pages": pdf_pages(pdf),
    }
    floor = Case(
        "floor_monthly",
        f"floor: {len(cells)} × {len(cells[0])} strings drawn",
        f"ReportLab canvas.drawString of the report's {len(cells)} × {len(cells[0])} strings "
        "(No., name, one mark letter per session) in DejaVu Sans 8 pt on landscape A4 at "
        "fixed positions, rows 11 pt apart, a new page when one is full, then save: no "
        "tables, styles or layout",
    )
    widths = [8 * mm, 55 * mm] + [7 * mm] * (len(cells[0]) - 2)
    floor_pdf = run_case(
        floor,
        warmup,
        runs,
        lambda laps: (text_grid_pdf(cells, landscape(A4), widths), laps.lap("PDF"))[0],
    )
    assert isinstance(floor_pdf, bytes)
    floor.facts = {"strings": sum(map(len, cells)), "pdf_pages": pdf_pages(floor_pdf)}
    case.notes.append(
        f"{case.facts['pdf_pages']} pages (the dates come in two chunks of columns, each "
        f"repeating the names); the floor draws its strings on {floor.facts['pdf_pages']}"
    )
    return [case, floor]


def ten_years(database: Database) -> tuple[date, date]:
    """The project's first day (or the first session's) to today."""
    with database.reading() as tx:
        first = tx.scalar(select(func.min(Project.starts_on))) or tx.scalar(
            select(func.min(Session.day))
        )
    assert first is not None, "the database holds no project and no session"
    return first, local(datetime.now(UTC)).date()


def measure_indicators(database: Database, warmup: int, runs: int) -> list[Case]:
    from reportlab.lib.pagesizes import A4

    first, last = ten_years(database)
    case = Case(
        "indicators_report",
        "indicators report, ten years (data + PDF)",
        f"indicators_data(db, {first}, {last}) + indicators_pdf(data), all sites",
        INDICATORS_TARGET_S,
        "floor_indicators",
    )

    def report(laps: Laps) -> bytes:
        data = indicators_data(database, first, last)
        laps.lap("data (indicators_data)")
        pdf = indicators_pdf(data)
        laps.lap("PDF (indicators_pdf)")
        return pdf

    pdf = run_case(case, warmup, runs, report)
    assert isinstance(pdf, bytes)
    save("indicators.pdf", pdf)
    data = indicators_data(database, first, last)
    cells = indicators_cells(data)
    count = sum(1 for row in cells for text in row if text)
    case.facts = {
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "programs": len(data.programs),
        "items": len(data.items),
        "months_in_chart": len(data.months),
        "attendances": data.attendances,
        "table_cells": count,
        "pdf_bytes": len(pdf),
        "pdf_pages": pdf_pages(pdf),
    }
    floor = Case(
        "floor_indicators",
        f"floor: {count} text cells drawn",
        f"ReportLab canvas.drawString of the {count} non-empty cells of the report's five "
        "tables (summary, programs, sites and countries, age bands, equipment; header and "
        "total lines included) as plain strings in DejaVu Sans 8 pt on A4 at fixed "
        "positions, then save. Not in the floor: the bar chart of "
        f"{len(data.months)} months, the EU emblem, paragraphs and number formatting",
    )
    width = (A4[0] - 68) / 8
    floor_pdf = run_case(
        floor,
        warmup,
        runs,
        lambda laps: (text_grid_pdf(cells, A4, [width] * 8), laps.lap("PDF"))[0],
    )
    assert isinstance(floor_pdf, bytes)
    floor.facts = {"cells": count, "pdf_pages": pdf_pages(floor_pdf)}
    return [case, floor]


def measure_labels(database: Database, warmup: int, runs: int) -> list[Case]:
    from reportlab.lib.units import mm

    tags, added = label_tags(database)
    case = Case(
        "labels",
        f"{len(tags)} QR labels, {LABEL_TEMPLATE} (data + PDF)",
        f"labels_data(db, {len(tags)} tags) + labels_pdf(labels, {LABEL_TEMPLATE!r}); "
        f"the copy's items, {added} of them added by the run",
        LABELS_TARGET_S,
        "floor_labels",
    )

    def sheet(laps: Laps) -> bytes:
        labels = labels_data(database, tags)
        laps.lap("data (labels_data)")
        pdf = labels_pdf(labels, LABEL_TEMPLATE)
        laps.lap("PDF (labels_pdf)")
        return pdf

    pdf = run_case(case, warmup, runs, sheet)
    assert isinstance(pdf, bytes)
    save("labels.pdf", pdf)
    case.facts = {"labels": len(tags), "items_added": added, "pdf_bytes": len(pdf)}
    case.facts["pdf_pages"] = pdf_pages(pdf)
    stock = TEMPLATES[LABEL_TEMPLATE]
    size = min(stock.label_height * mm - 2 * mm, stock.label_width * mm * 0.46)  # as labels.py
    texts = [item_text(tag) for tag in tags]
    # The floor is the faster of the two plain ways to put QR codes into a PDF; the other
    # and the QR encoding alone are timed too, to show where the labels' time goes.
    floor = Case(
        "floor_labels",
        f"floor: {len(texts)} qrcode PIL images drawn",
        f"qrcode.QRCode (level Q, 4 px modules, fit) → PIL image → canvas.drawImage of the "
        f"same {len(texts)} QR texts, {size / mm:.1f} mm, at the {LABEL_TEMPLATE} positions, "
        "then save: no text, fitting or layout",
    )
    floor_pdf = run_case(
        floor, warmup, runs, lambda laps: (qr_image_pdf(texts, size), laps.lap("PDF"))[0]
    )
    assert isinstance(floor_pdf, bytes)
    floor.facts = {"codes": len(texts), "pdf_pages": pdf_pages(floor_pdf)}
    widget = Case(
        "floor_labels_widget",
        f"  also: {len(texts)} QrCodeWidgets drawn",
        f"reportlab.graphics.barcode.qr.QrCodeWidget (level Q, vector, its own encoder) of "
        f"the same {len(texts)} texts drawn with renderPDF.draw at the {LABEL_TEMPLATE} "
        "positions, then save",
    )
    widget_pdf = run_case(
        widget, warmup, runs, lambda laps: (qr_widget_pdf(texts, size), laps.lap("PDF"))[0]
    )
    assert isinstance(widget_pdf, bytes)
    widget.facts = {"codes": len(texts), "pdf_pages": pdf_pages(widget_pdf)}
    encode = Case(
        "floor_labels_encode",
        f"  also: {len(texts)} QR matrices only",
        f"desktop.documents.labels.qr_matrix of the same {len(texts)} texts (qrcode, level Q, "
        "mask chosen by qrcode): the encoding every label needs, without any PDF",
    )
    run_case(encode, warmup, runs, lambda laps: ([qr_matrix(t) for t in texts], laps.lap("QR")))
    return [case, floor, widget, encode]


def xml_writer() -> str:
    """The XML writer openpyxl picked at import: lxml when installed, else et_xmlfile."""
    from openpyxl.xml import LXML

    name = "lxml" if LXML else "et_xmlfile"
    return f"{name} {package_version(name)}"


def measure_exports(database: Database, warmup: int, runs: int) -> list[Case]:
    cases = []
    writer = xml_writer()
    for suffix in ("xlsx", "csv"):
        path = SAMPLES / f"attendance.{suffix}"
        SAMPLES.mkdir(parents=True, exist_ok=True)
        case = Case(
            f"attendance_export_{suffix}",
            f"attendance export, ten years → {suffix.upper()}",
            f"db.exports.attendance_rows(db) (every mark) + "
            f"desktop.documents.exports.write_export('attendance', rows, {path.name})"
            + (f"; openpyxl writes with {writer}" if suffix == "xlsx" else ""),
        )

        def export(laps: Laps, path: Path = path, suffix: str = suffix) -> int:
            rows = attendance_rows(database, by=None)
            laps.lap("rows (attendance_rows)")
            write_export("attendance", rows, path)
            laps.lap(f"write {suffix.upper()}" + (f" ({writer})" if suffix == "xlsx" else ""))
            return len(rows)

        count = run_case(case, warmup, runs, export)
        case.facts = {"rows": count, "file_bytes": path.stat().st_size}
        case.notes.append(f"{count:,} rows, {path.stat().st_size / 1e6:.1f} MB")
        if suffix == "xlsx":
            case.facts["xml_writer"] = writer
        cases.append(case)
    return cases


# --- the report -----------------------------------------------------------------------------


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def environment(load: Sequence[float]) -> dict[str, Any]:
    import sqlite3

    import sqlalchemy

    packages = ("reportlab", "qrcode", "pillow", "openpyxl", "et_xmlfile", "lxml", "babel")
    return {
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        **{name: package_version(name) for name in packages},
        "openpyxl_xml_writer": xml_writer(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_before_1_5_15_min": [round(x, 2) for x in load],
    }


def table(cases: Sequence[Case]) -> str:
    floors = {case.key: case for case in cases if case.key.startswith("floor")}
    header = (
        f"{'use case':<44} {'runs':>4} {'median s':>9} {'p95 s':>8} {'floor s':>8} "
        f"{'× floor':>8} {'target p95':>10} {'':>4}"
    )
    lines = [header, "-" * len(header)]
    for case in cases:
        floor = floors.get(case.floor_key or "")
        floor_s = f"{floor.median:.3f}" if floor else ""
        ratio = f"{case.median / floor.median:.1f}×" if floor else ""
        target = f"≤ {case.target_s:g} s" if case.target_s is not None else "—"
        if case.key.startswith("floor"):
            target = ""
        lines.append(
            f"{case.name:<44} {len(case.samples):>4} {case.median:>9.3f} {case.p95:>8.3f} "
            f"{floor_s:>8} {ratio:>8} {target:>10} "
            f"{'' if case.key.startswith('floor') else case.verdict:>4}"
        )
        if len(case.phases) > 1:
            for phase, values in case.phases.items():
                share = (
                    f"{statistics.median(values) / floor.median:.1f}×"
                    if floor and phase.startswith("PDF")
                    else ""
                )
                lines.append(
                    f"{'  · ' + phase:<44} {'':>4} {statistics.median(values):>9.3f} "
                    f"{percentile(values, 95):>8.3f} {'':>8} {share:>8}"
                )
    lines.append("")
    for case in cases:
        lines.append(f"  {case.name.strip()}: {case.measures}")
        for note in case.notes:
            lines.append(f"    {note}")
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.documents",
        description="Time the monthly report, the indicators report, QR labels and the "
        "attendance exports on the ten-year SQLite database, each beside a ReportLab floor.",
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (7)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (1)")
    parser.add_argument(
        "--only", nargs="+", choices=CASES, metavar="CASE", help=f"some of: {', '.join(CASES)}"
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    wanted = args.only or CASES
    RESULTS.mkdir(exist_ok=True)
    info, built = dataset.cached(CACHE, rebuild=False)
    started = time.perf_counter()
    dataset.fresh_copy(CACHE, COPY)
    copy_s = time.perf_counter() - started
    load = os.getloadavg()
    database = Database(URL.create("sqlite", database=str(COPY)))
    measured: dict[str, list[Case]] = {}
    try:
        # The indicators and exports first, on the ten years as cached; then the monthly
        # program and the extra items are added for their own cases.
        steps = (
            ("indicators", measure_indicators),
            ("exports", measure_exports),
            ("monthly", measure_monthly),
            ("labels", measure_labels),
        )
        for name, step in steps:
            if name in wanted:
                measured[name] = step(database, args.warmup, args.runs)
    finally:
        database.dispose()
    cases = [case for name in CASES for case in measured.get(name, [])]
    env = environment(load)
    print()
    print(
        f"OpenUp Desk documents benchmark — dataset v{info.version} "
        f"({'built now' if built else 'reused'}, {info.built_at}); "
        f"working copy {COPY.relative_to(ROOT)} made in {copy_s:.1f} s"
    )
    print(
        f"{args.runs} timed runs each after {args.warmup} warm-up; target judged on p95 "
        f"(nearest rank: with 7 runs, the slowest); reportlab {env['reportlab']}, "
        f"openpyxl {env['openpyxl']} writing with {env['openpyxl_xml_writer']}; "
        f"{env['cpus']} CPUs, load {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} before the run"
    )
    print()
    print(table(cases))
    floors = {case.key: case for case in cases if case.key.startswith("floor")}
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": env,
        "dataset": {**info.as_json(), "built_now": built},
        "runs": args.runs,
        "warmup": args.warmup,
        "results": [case.as_json(floors) for case in cases],
    }
    text = json.dumps(report, ensure_ascii=False, indent=2, default=str)
    targets = [RESULTS / "latest-documents.json", *([args.json] if args.json else [])]
    for target in targets:
        target.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

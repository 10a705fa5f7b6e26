"""The indicators report's page: margins, paragraph styles, number and date formats, the grid."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.documents.common import EU_BLUE, FONT, FONT_BOLD

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#e8ecf4")
TOTAL_SHADE = colors.HexColor("#f3f3f3")


def styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles by name, fresh for each report."""
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle(
            "note", parent=body, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=9.5, leading=12.5),
        "section": ParagraphStyle(
            "section",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=9,
            spaceAfter=4,
            textColor=EU_BLUE,
        ),
        "right": ParagraphStyle("right", parent=body, fontSize=8, leading=10, alignment=2),
        "statement": ParagraphStyle(
            "statement", parent=body, fontSize=8, leading=10.5, alignment=TA_CENTER
        ),
    }


def number(value: float, language: str, decimals: int = 0) -> str:
    """A count or hours as the language groups digits ("1 234,5" in Latvian)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale="en_GB" if language == "en" else language)


def long_day(day: date, language: str) -> str:
    """ "2018. gada 1. aprīlis", "1 April 2018", "2018 m. balandžio 1 d."."""
    return format_date(day, "long", locale="en_GB" if language == "en" else language)


def grid(
    rows: list[list[object]],
    widths: list[float],
    *,
    total_row: bool = True,
    numeric_from: int = 1,
    extra: list[tuple[object, ...]] | None = None,
) -> Table:
    """A plain grid with a shaded bold header, numbers right-aligned, a bold totals line."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5, 10.5),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5, 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row:
        style += [
            ("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5, 10.5),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE),
        ]
    table.setStyle(TableStyle(style + (extra or [])))
    return table


def part(heading: Paragraph, table: Table, note: Paragraph, rows: int) -> list[object]:
    """A numbered part: its heading never left alone at a page's foot, short tables kept whole."""
    part = [heading, table, Spacer(1, 1.5 * mm), note]
    if rows <= 30:
        return [CondPageBreak(40 * mm), KeepTogether(part)]
    return [CondPageBreak(40 * mm), *part]

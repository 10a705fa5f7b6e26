"""The sign-in sheet of one session (A4 portrait): the children sign beside their names.

Children already checked in (or, before a cycle's session, its members) are printed; empty
rows follow for walk-ins, filling the last page. Guardian contacts, notes and the
target-group mark are never printed: the data handed in does not even hold them.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.models import ProgramKind, SessionStatus
from db.reports import Letterhead, SigninSheet
from desktop.documents.common import (
    FONT,
    FONT_BOLD,
    ProjectWording,
    eu_block,
    long_date,
    numbered_canvas,
    project_wording,
    register_fonts,
    short_date,
)
from desktop.words import words

NO_PHOTOS = "⊘"  # DejaVu Sans has it; printed beside children without a photo consent
PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
BOTTOM = 18 * mm  # room for the page number and the project mark
LATER_TOP = 22 * mm  # room for the running header on pages 2…
WIDTH = PAGE_W - 2 * MARGIN
HEAD_ROW = 7 * mm
ROW = 8 * mm  # tall enough for a child's signature
MIN_EMPTY_ROWS = 3
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#999999")
SHADE = colors.HexColor("#E8EDF5")
# Nr., first name, last name, photo mark, signature (the rest).
COLUMNS = (10 * mm, 38 * mm, 44 * mm, 12 * mm, WIDTH - 104 * mm)
NAME_SIZE = 10

TEXT = ParagraphStyle("text", fontName=FONT, fontSize=9, leading=11.5)
SMALL = ParagraphStyle("small", parent=TEXT, fontSize=7.5, leading=9.5, textColor=GREY)
LABEL = ParagraphStyle("label", parent=TEXT, textColor=GREY)
TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19, alignment=TA_CENTER)
SUBTITLE = ParagraphStyle("subtitle", parent=TEXT, alignment=TA_CENTER)
RIGHT = ParagraphStyle("right", parent=SMALL, alignment=2)
NOTICE = ParagraphStyle("notice", parent=TEXT, fontSize=8.5, leading=11)
FUNDING = ParagraphStyle("funding", parent=SMALL, alignment=TA_CENTER)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def kind_text(sheet: SigninSheet, language: str = "lv") -> str:
    """ "Apmācību cikls, nodarbība 7/20", "Atvērtā nodarbība", "Nometne, diena 3/5"."""
    _ = words(language).gettext
    if sheet.program_kind is ProgramKind.OPEN:
        return _("Open session")
    word = {
        ProgramKind.CLOSED: _("Training cycle, session"),
        ProgramKind.CAMP: _("Camp, day"),
        ProgramKind.SEMINAR: _("Seminar, session"),
    }[sheet.program_kind]
    if sheet.ordinal is None:
        return word.rsplit(",", 1)[0]
    return f"{word} {sheet.ordinal}/{sheet.of_sessions or sheet.ordinal}"


def _time(sheet: SigninSheet) -> str:
    return f"{sheet.starts_at:%H:%M}–{sheet.ends_at:%H:%M}"


def _title(language: str) -> str:
    return words(language).gettext("Sign-in sheet")


def _project(sheet: SigninSheet, language: str) -> str:
    head = sheet.letterhead
    number = words(language).gettext("No.")
    return f"{head.project_name}, {number} {head.project_number}".strip(", ")


def letterhead_wording(head: Letterhead, language: str = "lv") -> ProjectWording:
    """The programme, title and funding statement of the letterhead in the document's language."""
    return project_wording(
        language,
        number=head.project_number,
        programme=head.programme,
        title=head.project_title,
        funding_statement=head.funding_statement,
        library=head.library_name,
    )


def letterhead_band(head: Letterhead, width: float, language: str = "lv") -> Table:
    """The page's top: the EU emblem and fund on the left, the programme and project right."""
    words = letterhead_wording(head, language)
    right = [words.programme, words.title]
    band = Table(
        [[eu_block(language), [_p(line, RIGHT) for line in right if line]]],
        colWidths=[70 * mm, width - 70 * mm],
    )
    band.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#003399")),
            ]
        )
    )
    return band


def _details(sheet: SigninSheet, language: str) -> Table:
    _ = words(language).gettext
    head = sheet.letterhead
    kind = kind_text(sheet, language)
    program = sheet.program_name
    # The cycle is often just called "Apmācību cikls": say it once.
    program = kind if kind.startswith(program) else f"{program} — {kind}"
    place = sheet.place or head.library_name

    def label(text: str) -> Paragraph:
        return _p(text + ":", LABEL)

    rows = [
        [
            label(_("Project")),
            _p(_project(sheet, language), TEXT),
            label(_("Date")),
            _p(long_date(sheet.day, language), TEXT),
        ],
        [
            label(_("Library")),
            _p(head.library_name, TEXT),
            label(_("Time")),
            _p(_time(sheet), TEXT),
        ],
        [
            label(_("Program")),
            Paragraph(f"<b>{escape(program)}</b>", TEXT),
            label(_("Place")),
            _p(place, TEXT),
        ],
        [
            label(_("Theme")),
            Paragraph(f"<b>{escape(sheet.theme or '—')}</b>", TEXT),
            label(_("Led by")),
            _p(sheet.leader or "", TEXT),
        ],
    ]
    # On one line each: the longest date on the right ("ceturtdiena, 2019. gada 26.
    # septembris", 64 mm) and the open sessions' program and kind on the left (72 mm in
    # Lithuanian), the padding included.
    table = Table(rows, colWidths=[22 * mm, 76 * mm, 16 * mm, WIDTH - 114 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _heading(sheet: SigninSheet, language: str) -> list[Flowable]:
    story: list[Flowable] = [
        letterhead_band(sheet.letterhead, WIDTH, language),
        Spacer(0, 4 * mm),
        _p(_title(language), TITLE),
        Spacer(0, 3 * mm),
        _details(sheet, language),
    ]
    if sheet.status is SessionStatus.CANCELLED:
        story += [
            Spacer(0, 2 * mm),
            Paragraph(
                "<b>"
                + escape(
                    words(language).gettext("This session was cancelled (did not take place).")
                )
                + "</b>",
                ParagraphStyle("cancelled", parent=TEXT, textColor=colors.HexColor("#B00020")),
            ),
        ]
    story.append(Spacer(0, 4 * mm))
    return story


def _names_table(sheet: SigninSheet, empty_rows: int, language: str) -> Table:
    _ = words(language).gettext
    head = [
        _("No."),
        _("First name"),
        _("Last name"),
        _("Photo"),
        _("Signature"),
    ]
    data: list[list[str]] = [head]
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
        ("FONT", (0, 1), (-1, -1), FONT, NAME_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "CENTER"),
        ("FONT", (3, 1), (3, -1), FONT_BOLD, 12),
    ]
    for number, row in enumerate(sheet.rows, start=1):
        data.append(
            [f"{number}.", row.first_name, row.last_name, NO_PHOTOS if row.no_photos else "", ""]
        )
        # A long name shrinks to its cell rather than running into the next one.
        for col, text in ((1, row.first_name), (2, row.last_name)):
            room = COLUMNS[col] - 12
            width = stringWidth(text, FONT, NAME_SIZE)
            if width > room:
                size = max(6.0, NAME_SIZE * room / width)
                style.append(("FONT", (col, number), (col, number), FONT, size))
    first_empty = len(sheet.rows) + 1
    for number in range(first_empty, first_empty + empty_rows):
        data.append([f"{number}.", "", "", "", ""])
    table = Table(
        data,
        colWidths=list(COLUMNS),
        rowHeights=[HEAD_ROW] + [ROW] * (len(data) - 1),
        repeatRows=1,
    )
    table.setStyle(TableStyle(style))
    return table


def _footer(sheet: SigninSheet, language: str) -> list[Flowable]:
    _ = words(language).gettext
    blank = "________"
    listed = len(sheet.rows)
    if sheet.from_enrolment:
        listed_text = _("Enrolled, printed above")
    else:
        listed_text = _("Checked in, printed above")
    held = sheet.status is SessionStatus.HELD
    anonymous = str(sheet.anonymous_headcount) if held or sheet.anonymous_headcount else blank
    by_hand = _("Added by hand")
    unregistered = _("Visitors counted, not registered")
    total = _("Total")
    totals = Table(
        [
            [f"{listed_text}:", str(listed), f"{unregistered}:", anonymous],
            [f"{by_hand}:", blank, f"{total}:", blank],
        ],
        colWidths=[62 * mm, 22 * mm, 62 * mm, WIDTH - 146 * mm],
        hAlign="LEFT",
    )
    totals.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (2, 1), (-1, 1), FONT_BOLD, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (2, 0), (2, -1), 8 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    leader = sheet.leader or "_" * 24
    signature = Table(
        [
            [
                _("Session leader") + f": {leader}",
                _("Signature") + ": " + "_" * 22,
                _("Date") + f": {short_date(sheet.day, language)}",
            ]
        ],
        colWidths=[80 * mm, 62 * mm, WIDTH - 142 * mm],
        hAlign="LEFT",
    )
    signature.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    notice = (
        words(language)
        .gettext(
            "Photos may be taken during the session for the project's publicity. "
            "{0} — no photo consent: do not photograph this participant."
        )
        .format(NO_PHOTOS)
    )
    block: list[Flowable] = [
        Spacer(0, 3 * mm),
        totals,
        Spacer(0, 6 * mm),
        signature,
        Spacer(0, 3 * mm),
        _p(notice, NOTICE),
    ]
    statement = letterhead_wording(sheet.letterhead, language).funding_statement
    if statement:
        block += [Spacer(0, 2 * mm), _p(statement, FUNDING)]
    return block


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return sum(f.wrap(width, PAGE_H)[1] for f in flowables)


def _empty_rows(filled: int, first_room: float, later_room: float, footer: float) -> int:
    """Rows for walk-ins: a few at least, then as many as fill the last page.

    When the footer fits under the table, the rows stop just above it; when it does not,
    the page is filled with rows and the footer goes alone to the next page.
    """
    eps = 1.0  # points: keep clear of rounding at the frame's edge
    first_cap = int((first_room - HEAD_ROW - eps) // ROW)
    later_cap = int((later_room - HEAD_ROW - eps) // ROW)
    rows = filled + MIN_EMPTY_ROWS
    if rows <= first_cap:
        free = first_cap - rows
        left = first_room - HEAD_ROW - rows * ROW
    else:
        beyond = rows - first_cap
        on_last = beyond - (math.ceil(beyond / later_cap) - 1) * later_cap
        free = later_cap - on_last
        left = later_room - HEAD_ROW - on_last * ROW
    if left >= footer + eps:
        free = int((left - footer - eps) // ROW)
    return MIN_EMPTY_ROWS + free


def signin_sheet_pdf(data: SigninSheet, language: str = "lv") -> bytes:
    """The sign-in sheet as PDF bytes, ready to preview, print or save."""
    register_fonts()
    head = data.letterhead
    running = " · ".join(
        part
        for part in (
            _title(language),
            data.program_name,
            f"{short_date(data.day, language)} {_time(data)}",
        )
        if part
    )
    mark = " ".join(p for p in (head.project_name, head.project_number) if p)

    def later_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, PAGE_H - 13 * mm, running)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 13 * mm, mark)
        canvas.setStrokeColor(LINE)
        canvas.line(MARGIN, PAGE_H - 15 * mm, PAGE_W - MARGIN, PAGE_H - 15 * mm)
        canvas.restoreState()
        every_page(canvas, _doc)

    def every_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 8 * mm, " · ".join(p for p in (mark, head.library_name) if p))
        canvas.restoreState()

    first_room, later_room = PAGE_H - MARGIN - BOTTOM, PAGE_H - LATER_TOP - BOTTOM
    first_frame = Frame(MARGIN, BOTTOM, WIDTH, first_room, 0, 0, 0, 0, id="first")
    later_frame = Frame(MARGIN, BOTTOM, WIDTH, later_room, 0, 0, 0, 0, id="later")
    heading = _heading(data, language)
    footer = _footer(data, language)
    empty = _empty_rows(
        len(data.rows),
        first_room - _height(heading, WIDTH),
        later_room,
        _height(footer, WIDTH),
    )

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"{_title(language)} {short_date(data.day, language)}",
        author=head.library_name,
        subject=f"{mark} {data.program_name}",
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=every_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=later_page),
        ]
    )
    doc.build(
        [*heading, _names_table(data, empty, language), KeepTogether(footer)],
        canvasmaker=numbered_canvas(language, margin=MARGIN),
    )
    return out.getvalue()

"""The monthly attendance report: per program, children × session dates, then the month's totals.

Portrait while the dates fit, landscape when they do not; a month with more dates than one
page is wide is cut into chunks of columns, each repeating the names. Long lists of
children continue on the next page under the repeated program line and column heads.
Unique children and attendances are stated apart; the target group only as a count.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
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

from db.dates import day_text
from db.models import ProgramKind, SessionStatus
from db.reports import Mark, MonthlyAttendance, MonthSession, ProgramMonth
from desktop.documents.common import (
    FONT,
    FONT_BOLD,
    month_title,
    numbered_canvas,
    register_fonts,
)
from desktop.documents.signin import letterhead_band, letterhead_wording
from desktop.words import words

MARGIN = 12 * mm
BOTTOM = 16 * mm
LATER_TOP = 20 * mm
NR_COL = 8 * mm
DATE_COL = 10 * mm
TOTAL_COL = 12 * mm
NAME_MIN, NAME_MAX = 40 * mm, 62 * mm
CELL_SIZE = 8
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#9AA3AF")
SHADE = colors.HexColor("#E8EDF5")
STRIPE = colors.HexColor("#F5F7FA")
CANCELLED_SHADE = colors.HexColor("#DDDDDD")
FIRST_TIME = "*"

TEXT = ParagraphStyle("text", fontName=FONT, fontSize=9, leading=11.5)
SMALL = ParagraphStyle("small", parent=TEXT, fontSize=7.5, leading=9.5, textColor=GREY)
TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19, alignment=TA_CENTER)
MONTH = ParagraphStyle("month", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=TA_CENTER)
CENTERED = ParagraphStyle("centered", parent=TEXT, alignment=TA_CENTER)
HEADING = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=11, leading=14)
FUNDING = ParagraphStyle("funding", parent=SMALL, alignment=TA_CENTER)


def marks(language: str = "lv") -> dict[Mark, str]:
    """The letters of the table, in words the coordinator reads at a glance."""
    present, late, excused, absent = tuple(words(language).gettext("PLEA"))
    return {
        Mark.PRESENT: present,
        Mark.LATE: late,
        Mark.EXCUSED: excused,
        Mark.ABSENT: absent,
        Mark.BLANK: "",
        Mark.CANCELLED: "–",
    }


def legend(language: str = "lv") -> str:
    _ = words(language).gettext
    letters = marks(language)
    names = (
        words(language)
        .gettext(
            "present|late|excused|absent|not enrolled yet or not marked"
            "|session cancelled|first time in this program"
        )
        .split("|")
    )
    signs = [
        letters[Mark.PRESENT],
        letters[Mark.LATE],
        letters[Mark.EXCUSED],
        letters[Mark.ABSENT],
        _("empty"),
        letters[Mark.CANCELLED],
        FIRST_TIME,
    ]
    head = _("Marks")
    return f"{head}: " + "; ".join(f"{s} — {w}" for s, w in zip(signs, names, strict=True)) + "."


def _kind_words(kind: ProgramKind, language: str) -> str:
    _ = words(language).gettext
    return {
        ProgramKind.CLOSED: _("training cycle"),
        ProgramKind.OPEN: _("open sessions"),
        ProgramKind.CAMP: _("camp"),
        ProgramKind.SEMINAR: _("seminar for librarians"),
    }[kind]


def program_title(program: ProgramMonth, language: str = "lv") -> str:
    """ "Nāc, pievienojies! — atvērtās nodarbības (Jēkabpils)"; a cycle named so says it once."""
    kind = _kind_words(program.kind, language)
    name = program.name
    if not name.casefold().startswith(kind.casefold()):
        name = f"{name} — {kind}"
    return f"{name} ({program.site_name})" if program.site_name else name


def _date(session: MonthSession, language: str) -> str:
    """The session's day without the year, as the language writes it: 05.10. or 10-05."""
    return day_text(session.day, language, today=session.day)


def _name(row_first: str, row_last: str, first_time: bool) -> str:
    return f"{row_last}, {row_first}" + (f" {FIRST_TIME}" if first_time else "")


def _program_stats(program: ProgramMonth, language: str) -> str:
    _ = words(language).gettext
    letters = marks(language)
    held = words(language).pgettext("program line", "Sessions held")
    cancelled = _("cancelled")
    planned = _("not yet held")
    visits = words(language).pgettext("program line", "Attended (P+L)")
    unique = _("different participants")
    first = _("first time")
    anonymous = _("anonymous visitors")
    sessions = f"{held}: {program.held}, {cancelled}: {program.cancelled}"
    if program.not_yet_held:
        sessions += f", {planned}: {program.not_yet_held}"
    counts = " · ".join(
        f"{letters[m]} {program.count(m)}"
        for m in (Mark.PRESENT, Mark.LATE, Mark.EXCUSED, Mark.ABSENT)
    )
    return (
        f"{sessions} · {visits}: {program.attendances} · {counts} · "
        f"{unique}: {program.unique_participants} · {first}: {program.first_timers} · "
        f"{anonymous}: {program.anonymous_headcount}"
    )


def _name_width(data: MonthlyAttendance) -> float:
    widest = max(
        (
            stringWidth(_name(r.first_name, r.last_name, r.first_time), FONT, CELL_SIZE)
            for p in data.programs
            for r in p.rows
        ),
        default=0.0,
    )
    footer = stringWidth(_footer_labels("lv")[1], FONT_BOLD, CELL_SIZE)
    return min(NAME_MAX, max(NAME_MIN, widest + 8, footer + 8))


def _footer_labels(language: str) -> tuple[str, str]:
    _ = words(language).gettext
    return (
        _("Attended (P+L)"),
        _("Anonymous visitors"),
    )


def _chunks(count: int, size: int) -> list[range]:
    return [range(start, min(count, start + size)) for start in range(0, count, size)] or [range(0)]


def _program_tables(
    program: ProgramMonth, name_width: float, per_chunk: int, language: str
) -> list[Flowable]:
    _ = words(language).gettext
    letters = marks(language)
    cancelled_word = _("canc.")
    attended_label, anonymous_label = _footer_labels(language)
    title = program_title(program, language)
    chunks = _chunks(len(program.sessions), per_chunk)
    # Marks as letters once per child, not once per chunk.
    lines = [[letters[m] for m in row.marks] for row in program.rows]
    names = [_name(r.first_name, r.last_name, r.first_time) for r in program.rows]
    tables: list[Flowable] = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        cols = list(chunk)
        heading = title
        if len(chunks) > 1:
            part = (
                words(language)
                .gettext("sessions {0}–{1} of {2}")
                .format(chunk.start + 1, chunk.stop, len(program.sessions))
            )
            heading = f"{title} · {part}"
        head = [
            _("No."),
            _("Last name, first name"),
        ]
        for i in cols:
            s = program.sessions[i]
            head.append(
                f"{_date(s, language)}\n{cancelled_word}"
                if s.status is SessionStatus.CANCELLED
                else _date(s, language)
            )
        if last:
            head.append(_("Total"))
        width = 2 + len(cols) + (1 if last else 0)
        data: list[list[str]] = [[heading] + [""] * (width - 1), head]
        shrunk: list[tuple[object, ...]] = []
        for number, (name, line, row) in enumerate(
            zip(names, lines, program.rows, strict=True), start=1
        ):
            cells = [f"{number}.", name, *(line[i] for i in cols)]
            if last:
                cells.append(str(row.attended))
            data.append(cells)
            # A long name shrinks to its cell rather than running into the dates.
            room = name_width - 6
            if stringWidth(name, FONT, CELL_SIZE) > room:
                size = max(5.0, CELL_SIZE * room / stringWidth(name, FONT, CELL_SIZE))
                shrunk.append(("FONT", (1, number + 1), (1, number + 1), FONT, size, size + 1.5))
        attended = ["", attended_label, *(_count(program.sessions[i], "attended") for i in cols)]
        anonymous = [
            "",
            anonymous_label,
            *(_count(program.sessions[i], "anonymous_headcount") for i in cols),
        ]
        if last:
            attended.append(str(program.attendances))
            anonymous.append(str(program.anonymous_headcount))
        data += [attended, anonymous]

        body_end = len(data) - 3  # the last child's row
        style: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE, CELL_SIZE + 1.5),
            ("SPAN", (0, 0), (-1, 0)),
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9, 11),
            ("FONT", (0, 1), (-1, 1), FONT_BOLD, 7, 8.5),
            ("BACKGROUND", (0, 1), (-1, 1), SHADE),
            ("GRID", (0, 1), (-1, -1), 0.4, LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("ALIGN", (2, 1), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("FONT", (0, -2), (-1, -1), FONT_BOLD, CELL_SIZE, CELL_SIZE + 1.5),
            ("BACKGROUND", (0, -2), (-1, -1), SHADE),
            ("LINEABOVE", (0, -2), (-1, -2), 0.9, GREY),
        ]
        style += shrunk
        if body_end >= 2:
            style.append(("ROWBACKGROUNDS", (0, 2), (-1, body_end), [colors.white, STRIPE]))
        if last:
            style += [
                ("FONT", (-1, 2), (-1, -1), FONT_BOLD, CELL_SIZE, CELL_SIZE + 1.5),
                ("LINEBEFORE", (-1, 1), (-1, -1), 0.9, GREY),
            ]
        for col, i in enumerate(cols, start=2):
            if program.sessions[i].status is SessionStatus.CANCELLED:
                style += [
                    ("BACKGROUND", (col, 2), (col, -1), CANCELLED_SHADE),
                    ("TEXTCOLOR", (col, 1), (col, -1), GREY),
                ]
        table = Table(
            data,
            colWidths=[
                NR_COL,
                name_width,
                *([DATE_COL] * len(cols)),
                *([TOTAL_COL] if last else []),
            ],
            repeatRows=2,
            hAlign="LEFT",
        )
        table.setStyle(TableStyle(style))
        tables += [table, Spacer(0, 4 * mm)]
    if not program.rows:
        tables.insert(
            0,
            Paragraph(
                escape(_("No participant was recorded.")),
                SMALL,
            ),
        )
    return tables


def _count(session: MonthSession, field: str) -> str:
    if session.status is SessionStatus.CANCELLED:
        return "–"
    return str(getattr(session, field))


def _summary(data: MonthlyAttendance, language: str) -> list[Flowable]:
    _ = words(language).gettext
    s = data.summary
    rows = [
        (
            _("Sessions held"),
            s.sessions_held,
        ),
        (
            _("Sessions cancelled"),
            s.sessions_cancelled,
        ),
        (
            _("Unique children (each counted once)"),
            s.unique_children,
        ),
        (
            _("Total attendances (visits: present + late)"),
            s.attendances,
        ),
        (
            _("Of the unique children, in the target group"),
            s.target_group_children,
        ),
        (
            _("Children new to the project this month"),
            s.new_children,
        ),
        (
            _("Anonymous visitors (counted, not registered)"),
            s.anonymous_headcount,
        ),
    ]
    if s.seminar_participants or s.seminar_attendances:
        rows += [
            (
                _("Seminar participants (librarians), unique"),
                s.seminar_participants,
            ),
            (
                _("Seminar attendances"),
                s.seminar_attendances,
            ),
        ]
    table = Table(
        [[label, str(value)] for label, value in rows],
        colWidths=[110 * mm, 20 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5, 12),
                ("FONT", (1, 0), (1, -1), FONT_BOLD, 9.5, 12),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    note = _(
        "Unique children and attendances are different figures: one child may come many times."
    )
    signed = Table(
        [
            [
                _("Prepared by") + ": " + "_" * 34 + "  " + _("(name, signature)"),
                _("Date") + ": " + "_" * 14,
            ]
        ],
        colWidths=[130 * mm, 60 * mm],
        hAlign="LEFT",
    )
    signed.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    block: list[Flowable] = [
        Spacer(0, 2 * mm),
        Paragraph(escape(_("Summary")), HEADING),
        Spacer(0, 2 * mm),
        table,
        Spacer(0, 1.5 * mm),
        Paragraph(escape(note), SMALL),
        Spacer(0, 9 * mm),
        signed,
    ]
    statement = letterhead_wording(data.letterhead, language).funding_statement
    if statement:
        block += [Spacer(0, 6 * mm), Paragraph(escape(statement), FUNDING)]
    return [KeepTogether(block)]


def _title(language: str) -> str:
    return words(language).gettext("Monthly attendance report")


def _heading(data: MonthlyAttendance, width: float, language: str) -> list[Flowable]:
    _ = words(language).gettext
    head = data.letterhead
    number = _("No.")
    facts = [
        "{}: {}, {} {}".format(_("Project"), head.project_name, number, head.project_number),
        "{}: {}".format(_("Library"), head.library_name),
    ]
    if data.program_name:
        facts.append("{}: {}".format(_("Program"), data.program_name))
    if data.site_name:
        facts.append("{}: {}".format(_("Site"), data.site_name))
    return [
        letterhead_band(head, width, language),
        Spacer(0, 4 * mm),
        Paragraph(escape(_title(language)), TITLE),
        Paragraph(escape(month_title(data.year, data.month, language)), MONTH),
        Spacer(0, 2 * mm),
        Paragraph(escape(" · ".join(facts)), CENTERED),
        Spacer(0, 3 * mm),
        Paragraph(escape(legend(language)), SMALL),
        Spacer(0, 4 * mm),
    ]


def _layout(data: MonthlyAttendance) -> tuple[tuple[float, float], float, int]:
    """Page size, name column width and dates per chunk: portrait while the dates fit."""
    name_width = _name_width(data)
    fixed = NR_COL + name_width + TOTAL_COL
    for size in (A4, landscape(A4)):
        per_chunk = int((size[0] - 2 * MARGIN - fixed) // DATE_COL)
        if data.most_sessions <= per_chunk:
            return size, name_width, per_chunk
    return landscape(A4), name_width, per_chunk


def monthly_report_pdf(data: MonthlyAttendance, language: str = "lv") -> bytes:
    """The month's attendance as PDF bytes, ready to preview, print or save."""
    register_fonts()
    pagesize, name_width, per_chunk = _layout(data)
    page_w, page_h = pagesize
    width = page_w - 2 * MARGIN
    head = data.letterhead
    mark = " ".join(p for p in (head.project_name, head.project_number) if p)
    running = f"{_title(language)} · {month_title(data.year, data.month, language)}"

    def every_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 8 * mm, " · ".join(p for p in (mark, head.library_name) if p))
        canvas.restoreState()

    def later_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, page_h - 12 * mm, running)
        canvas.drawRightString(page_w - MARGIN, page_h - 12 * mm, mark)
        canvas.setStrokeColor(LINE)
        canvas.line(MARGIN, page_h - 14 * mm, page_w - MARGIN, page_h - 14 * mm)
        canvas.restoreState()
        every_page(canvas, doc)

    story: list[Flowable] = _heading(data, width, language)
    for program in data.programs:
        story += _program_tables(program, name_width, per_chunk, language)
        story[-1:] = [
            Paragraph(escape(_program_stats(program, language)), SMALL),
            Spacer(0, 6 * mm),
        ]
    if not data.programs:
        story.append(
            Paragraph(
                escape(words(language).gettext("There were no sessions this month.")),
                TEXT,
            )
        )
    story += _summary(data, language)

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        title=f"{_title(language)} {month_title(data.year, data.month, language)}",
        author=head.library_name,
        subject=mark,
    )
    first = Frame(MARGIN, BOTTOM, width, page_h - MARGIN - BOTTOM, 0, 0, 0, 0, id="first")
    later = Frame(MARGIN, BOTTOM, width, page_h - LATER_TOP - BOTTOM, 0, 0, 0, 0, id="later")
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=every_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=later_page),
        ]
    )
    doc.build(story, canvasmaker=numbered_canvas(language, margin=MARGIN))
    return out.getvalue()

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
    pick,
    register_fonts,
)
from desktop.documents.signin import letterhead_band, letterhead_wording

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
    present, late, excused, absent = tuple(pick(language, "PLEA", "KVAN", "DVPN"))
    return {
        Mark.PRESENT: present,
        Mark.LATE: late,
        Mark.EXCUSED: excused,
        Mark.ABSENT: absent,
        Mark.BLANK: "",
        Mark.CANCELLED: "–",
    }


def legend(language: str = "lv") -> str:
    letters = marks(language)
    words = pick(
        language,
        "present|late|excused|absent|not enrolled yet or not marked"
        "|session cancelled|first time in this program",
        "klātesošs|ieradās vēlu|attaisnoti neieradās|nav ieradies"
        "|vēl nebija uzņemts ciklā vai nav atzīmēts|nodarbība atcelta|pirmo reizi šajā programmā",
        "dalyvavo|vėlavo|pateisinamai nedalyvavo|nedalyvavo"
        "|dar nebuvo priimtas į ciklą arba nepažymėta|užsiėmimas atšauktas"
        "|pirmą kartą šioje programoje",
    ).split("|")
    signs = [
        letters[Mark.PRESENT],
        letters[Mark.LATE],
        letters[Mark.EXCUSED],
        letters[Mark.ABSENT],
        pick(language, "empty", "tukšs", "tuščia"),
        letters[Mark.CANCELLED],
        FIRST_TIME,
    ]
    head = pick(language, "Marks", "Apzīmējumi", "Žymėjimai")
    return f"{head}: " + "; ".join(f"{s} — {w}" for s, w in zip(signs, words, strict=True)) + "."


def _kind_words(kind: ProgramKind, language: str) -> str:
    return {
        ProgramKind.CLOSED: pick(language, "training cycle", "apmācību cikls", "mokymų ciklas"),
        ProgramKind.OPEN: pick(
            language, "open sessions", "atvērtās nodarbības", "atviri užsiėmimai"
        ),
        ProgramKind.CAMP: pick(language, "camp", "nometne", "stovykla"),
        ProgramKind.SEMINAR: pick(
            language,
            "seminar for librarians",
            "seminārs bibliotekāriem",
            "seminaras bibliotekininkams",
        ),
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
    letters = marks(language)
    held = pick(language, "Sessions held", "Notikušas nodarbības", "Įvykę užsiėmimai")
    cancelled = pick(language, "cancelled", "atceltas", "atšaukti")
    planned = pick(language, "not yet held", "vēl nenotikušas", "dar neįvykę")
    visits = pick(language, "Attended (P+L)", "Apmeklējumi (K+V)", "Apsilankymai (D+V)")
    unique = pick(language, "different participants", "dažādi dalībnieki", "skirtingi dalyviai")
    first = pick(language, "first time", "pirmo reizi", "pirmą kartą")
    anonymous = pick(
        language, "anonymous visitors", "anonīmi apmeklētāji", "anoniminiai lankytojai"
    )
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
    return (
        pick(language, "Attended (P+L)", "Apmeklēja (K+V)", "Dalyvavo (D+V)"),
        pick(language, "Anonymous visitors", "Anonīmi apmeklētāji", "Anoniminiai lankytojai"),
    )


def _chunks(count: int, size: int) -> list[range]:
    return [range(start, min(count, start + size)) for start in range(0, count, size)] or [range(0)]


def _program_tables(
    program: ProgramMonth, name_width: float, per_chunk: int, language: str
) -> list[Flowable]:
    letters = marks(language)
    cancelled_word = pick(language, "canc.", "atc.", "atš.")
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
            part = pick(
                language,
                "sessions {0}–{1} of {2}",
                "nodarbības {0}.–{1}. no {2}",
                "užsiėmimai {0}–{1} iš {2}",
            ).format(chunk.start + 1, chunk.stop, len(program.sessions))
            heading = f"{title} · {part}"
        head = [
            pick(language, "No.", "Nr.", "Nr."),
            pick(language, "Last name, first name", "Uzvārds, vārds", "Pavardė, vardas"),
        ]
        for i in cols:
            s = program.sessions[i]
            head.append(
                f"{_date(s, language)}\n{cancelled_word}"
                if s.status is SessionStatus.CANCELLED
                else _date(s, language)
            )
        if last:
            head.append(pick(language, "Total", "Kopā", "Iš viso"))
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
                escape(
                    pick(
                        language,
                        "No participant was recorded.",
                        "Neviens dalībnieks nav reģistrēts.",
                        "Neužregistruotas nė vienas dalyvis.",
                    )
                ),
                SMALL,
            ),
        )
    return tables


def _count(session: MonthSession, field: str) -> str:
    if session.status is SessionStatus.CANCELLED:
        return "–"
    return str(getattr(session, field))


def _summary(data: MonthlyAttendance, language: str) -> list[Flowable]:
    s = data.summary
    rows = [
        (
            pick(language, "Sessions held", "Notikušās nodarbības", "Įvykę užsiėmimai"),
            s.sessions_held,
        ),
        (
            pick(language, "Sessions cancelled", "Atceltās nodarbības", "Atšaukti užsiėmimai"),
            s.sessions_cancelled,
        ),
        (
            pick(
                language,
                "Unique children (each counted once)",
                "Unikālie bērni (katrs skaitīts vienreiz)",
                "Unikalūs vaikai (kiekvienas skaičiuojamas kartą)",
            ),
            s.unique_children,
        ),
        (
            pick(
                language,
                "Total attendances (visits: present + late)",
                "Apmeklējumi kopā (apmeklējumu reizes: K + V)",
                "Iš viso apsilankymų (D + V)",
            ),
            s.attendances,
        ),
        (
            pick(
                language,
                "Of the unique children, in the target group",
                "No unikālajiem bērniem — mērķgrupā",
                "Iš unikalių vaikų — tikslinėje grupėje",
            ),
            s.target_group_children,
        ),
        (
            pick(
                language,
                "Children new to the project this month",
                "Bērni, kas projektā piedalījās pirmo reizi",
                "Vaikai, pirmą kartą dalyvavę projekte",
            ),
            s.new_children,
        ),
        (
            pick(
                language,
                "Anonymous visitors (counted, not registered)",
                "Anonīmi apmeklētāji (saskaitīti, nereģistrēti)",
                "Anoniminiai lankytojai (suskaičiuoti, neregistruoti)",
            ),
            s.anonymous_headcount,
        ),
    ]
    if s.seminar_participants or s.seminar_attendances:
        rows += [
            (
                pick(
                    language,
                    "Seminar participants (librarians), unique",
                    "Semināru dalībnieki (bibliotekāri), unikālie",
                    "Seminarų dalyviai (bibliotekininkai), unikalūs",
                ),
                s.seminar_participants,
            ),
            (
                pick(
                    language,
                    "Seminar attendances",
                    "Semināru apmeklējumi",
                    "Seminarų apsilankymai",
                ),
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
    note = pick(
        language,
        "Unique children and attendances are different figures: one child may come many times.",
        "Unikālie bērni un apmeklējumi ir dažādi rādītāji: viens bērns var apmeklēt vairākas"
        " nodarbības.",
        "Unikalūs vaikai ir apsilankymai yra skirtingi rodikliai: vienas vaikas gali ateiti"
        " daug kartų.",
    )
    signed = Table(
        [
            [
                pick(language, "Prepared by", "Sagatavoja", "Parengė")
                + ": "
                + "_" * 34
                + "  "
                + pick(
                    language,
                    "(name, signature)",
                    "(vārds, uzvārds, paraksts)",
                    "(vardas, pavardė, parašas)",
                ),
                pick(language, "Date", "Datums", "Data") + ": " + "_" * 14,
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
        Paragraph(escape(pick(language, "Summary", "Kopsavilkums", "Santrauka")), HEADING),
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
    return pick(
        language,
        "Monthly attendance report",
        "Mēneša apmeklējuma atskaite",
        "Mėnesio lankomumo ataskaita",
    )


def _heading(data: MonthlyAttendance, width: float, language: str) -> list[Flowable]:
    head = data.letterhead
    number = pick(language, "No.", "Nr.", "Nr.")
    facts = [
        f"{pick(language, 'Project', 'Projekts', 'Projektas')}: "
        f"{head.project_name}, {number} {head.project_number}",
        f"{pick(language, 'Library', 'Bibliotēka', 'Biblioteka')}: {head.library_name}",
    ]
    if data.program_name:
        facts.append(f"{pick(language, 'Program', 'Programma', 'Programa')}: {data.program_name}")
    if data.site_name:
        facts.append(f"{pick(language, 'Site', 'Filiāle', 'Padalinys')}: {data.site_name}")
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
                escape(
                    pick(
                        language,
                        "There were no sessions this month.",
                        "Šajā mēnesī nodarbību nebija.",
                        "Šį mėnesį užsiėmimų nebuvo.",
                    )
                ),
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

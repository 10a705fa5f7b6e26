"""The indicators report for the funder: what the project did in a period, in counts only.

No child is named here: the target group, genders and ages appear only as totals.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from db.indicators import AgeBandIndicators, Indicators
from db.models import ProgramKind
from desktop.documents.common import (
    EU_BLUE,
    FONT,
    FONT_BOLD,
    ProjectWording,
    eu_block,
    eu_disclaimer,
    numbered_canvas,
    pick,
    project_wording,
    register_fonts,
    short_date,
)

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#e8ecf4")
TOTAL_SHADE = colors.HexColor("#f3f3f3")
# Beyond two years a label under every monthly bar would crowd: only years are named.
MONTH_LABELS_UP_TO = 24


def _styles() -> dict[str, ParagraphStyle]:
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


def _number(value: float, language: str, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale="en_GB" if language == "en" else language)


def _long_date(day: date, language: str) -> str:
    """ "2018. gada 1. aprīlis", "1 April 2018", "2018 m. balandžio 1 d."."""
    return format_date(day, "long", locale="en_GB" if language == "en" else language)


def _kind(kind: ProgramKind, language: str) -> str:
    return {
        ProgramKind.CLOSED: pick(language, "Training cycle", "Apmācību cikls", "Mokymų ciklas"),
        ProgramKind.OPEN: pick(
            language, "Open sessions", "Atvērtās nodarbības", "Atviri užsiėmimai"
        ),
        ProgramKind.CAMP: pick(language, "Camp", "Nometne", "Stovykla"),
        ProgramKind.SEMINAR: pick(language, "Seminar", "Seminārs", "Seminaras"),
    }[kind]


def _country(code: str, language: str) -> str:
    if code == "LT":
        return pick(language, "Lithuania (LT)", "Lietuva (LT)", "Lietuva (LT)")
    return pick(language, "Latvia (LV)", "Latvija (LV)", "Latvija (LV)")


def _band(band: AgeBandIndicators, language: str) -> str:
    if band.unknown:
        return pick(language, "not known", "nav zināms", "nežinomas")
    if band.lowest is None:
        return pick(language, "up to {0}", "līdz {0}", "iki {0}").format(band.highest)
    if band.highest is None:
        return pick(language, "{0} and over", "{0} un vairāk", "{0} ir daugiau").format(band.lowest)
    return f"{band.lowest}–{band.highest}"


def _table(
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


def _section(heading: Paragraph, table: Table, note: Paragraph, rows: int) -> list[object]:
    """A numbered part: its heading never left alone at a page's foot, short tables kept whole."""
    part = [heading, table, Spacer(1, 1.5 * mm), note]
    if rows <= 30:
        return [CondPageBreak(40 * mm), KeepTogether(part)]
    return [CondPageBreak(40 * mm), *part]


def _wording(data: Indicators, language: str) -> ProjectWording:
    project = data.project
    return project_wording(
        language,
        number=project.number if project else "",
        programme=project.programme if project else "",
        title=project.title if project else "",
        funding_statement=project.funding_statement if project else "",
        library=data.library_name,
    )


def _header(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    project = data.project
    words = _wording(data, language)
    right_lines = []
    if project is not None:
        if words.programme:
            right_lines.append(escape(words.programme))
        right_lines.append(f"<b>{escape(project.name)} · {escape(project.number)}</b>")
    if data.library_name:
        right_lines.append(escape(data.library_name))
    top = Table(
        [[eu_block(language), Paragraph("<br/>".join(right_lines), st["right"])]],
        colWidths=[WIDTH * 0.45, WIDTH * 0.55],
    )
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, EU_BLUE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    title = pick(
        language,
        "Project indicators report",
        "Projekta rādītāju pārskats",
        "Projekto rodiklių ataskaita",
    )
    period = f"{_long_date(data.first_day, language)} – {_long_date(data.last_day, language)}"
    lines = []
    if project is not None and words.title:
        opening, closing = tuple(pick(language, "“”", "„”", "„“"))
        lines.append(escape(f"{project.name} {opening}{words.title}{closing}"))
    lines.append(f"<b>{pick(language, 'Period', 'Periods', 'Laikotarpis')}:</b> {period}")
    where = escape(data.site_name or "") or pick(
        language, "all sites", "visas bibliotēkas", "visos bibliotekos"
    )
    lines.append(f"<b>{pick(language, 'Site', 'Bibliotēka', 'Biblioteka')}:</b> {where}")
    return [
        top,
        Spacer(1, 5 * mm),
        Paragraph(title, st["title"]),
        Paragraph("<br/>".join(lines), st["subtitle"]),
        Spacer(1, 2 * mm),
    ]


def _summary(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: _number(value, language)  # noqa: E731
    rows: list[list[object]] = [
        [
            pick(language, "Indicator", "Rādītājs", "Rodiklis"),
            pick(language, "Value", "Vērtība", "Reikšmė"),
        ],
        [
            pick(language, "Sessions held", "Notikušās nodarbības", "Įvykę užsiėmimai"),
            n(data.sessions_held),
        ],
        [
            pick(language, "Sessions cancelled", "Atceltās nodarbības", "Atšaukti užsiėmimai"),
            n(data.sessions_cancelled),
        ],
        [
            pick(
                language,
                "Attendances (total visits)",
                "Apmeklējumu kopskaits",
                "Apsilankymų iš viso",
            ),
            n(data.attendances),
        ],
        [
            pick(
                language,
                "Participants, each counted once",
                "Dalībnieki (katrs skaitīts vienreiz)",
                "Dalyviai (kiekvienas skaičiuojamas kartą)",
            ),
            n(data.unique_participants),
        ],
        [
            "    "
            + pick(
                language,
                "of whom in the target group",
                "t. sk. mērķa grupā",
                "iš jų tikslinėje grupėje",
            ),
            n(data.target_group),
        ],
        [
            "    "
            + pick(
                language,
                "girls / boys / not stated",
                "meitenes / zēni / nav norādīts",
                "mergaitės / berniukai / nenurodyta",
            ),
            f"{n(data.girls)} / {n(data.boys)} / {n(data.gender_not_stated)}",
        ],
        [
            pick(
                language,
                "Unregistered visitors (headcount)",
                "Nereģistrēti apmeklētāji (saskaitīti)",
                "Neregistruoti lankytojai",
            ),
            n(data.anonymous_headcount),
        ],
        [
            pick(
                language, "Equipment loans", "Aprīkojuma izsniegšanas reizes", "Įrangos išdavimai"
            ),
            n(data.loans),
        ],
        [
            pick(
                language,
                "Equipment hours in use",
                "Aprīkojuma lietošanas stundas",
                "Įrangos naudojimo valandos",
            ),
            _number(data.loan_hours, language, 1),
        ],
    ]
    return [
        Paragraph(pick(language, "Summary", "Kopsavilkums", "Santrauka"), st["section"]),
        _table(rows, [WIDTH * 0.62, WIDTH * 0.2], total_row=False),
    ]


def _programs(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: _number(value, language)  # noqa: E731
    several_sites = len({p.site_name for p in data.programs}) > 1
    head = [
        pick(language, "Program", "Programma", "Programa"),
        pick(language, "Kind", "Veids", "Rūšis"),
        pick(language, "Planned", "Plānots", "Planuo-\nta"),
        pick(language, "Held", "Notika", "Įvyko"),
        pick(language, "Cancel-\nled", "Atcelta", "Atšauk-\nta"),
        pick(language, "Atten-\ndances", "Apmeklē-\njumi", "Apsilanky-\nmai"),
        pick(language, "Partici-\npants", "Dalīb-\nnieki", "Dalyviai"),
        pick(language, "Unregist.\nvisitors", "Nereģ.\napmekl.", "Neregistr.\nlankyt."),
    ]
    rows: list[list[object]] = [list(head)]
    extra: list[tuple[object, ...]] = []
    site = None
    for p in data.programs:
        if several_sites and p.site_name != site:
            # A shaded line names the library its programs belong to.
            site = p.site_name
            extra += [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), TOTAL_SHADE),
                ("FONT", (0, len(rows)), (-1, len(rows)), FONT_BOLD, 8.5, 10.5),
            ]
            rows.append([site, "", "", "", "", "", "", ""])
        rows.append(
            [
                Paragraph(escape(p.name), st["cell"]),
                Paragraph(_kind(p.kind, language), st["cell"]),
                "" if p.planned_sessions is None else n(p.planned_sessions),
                n(p.held),
                n(p.cancelled),
                n(p.attendances),
                n(p.unique_participants),
                n(p.anonymous_headcount),
            ]
        )
    rows.append(
        [
            pick(language, "Total", "Kopā", "Iš viso"),
            "",
            "",
            n(data.sessions_held),
            n(data.sessions_cancelled),
            n(data.attendances),
            n(data.unique_participants),
            n(data.anonymous_headcount),
        ]
    )
    widths = [0.24, 0.21, 0.08, 0.075, 0.08, 0.11, 0.095, 0.11]
    return _section(
        Paragraph(
            pick(
                language,
                "1. Sessions per program",
                "1. Nodarbības pa programmām",
                "1. Užsiėmimai pagal programas",
            ),
            st["section"],
        ),
        _table(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            pick(
                language,
                "Participants in the total line are counted once even when they came to several "
                "programs. Planned: the program's whole plan.",
                "Kopā rindā katrs dalībnieks skaitīts vienreiz, arī ja apmeklējis vairākas "
                "programmas. Plānots — visas programmas plāns.",
                "Eilutėje „Iš viso“ kiekvienas dalyvis skaičiuojamas kartą, net jei lankė kelias "
                "programas. Planuota — visos programos planas.",
            ),
            st["note"],
        ),
        len(rows),
    )


def _sites(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: _number(value, language)  # noqa: E731
    head = [
        pick(language, "Site", "Bibliotēka", "Biblioteka"),
        pick(language, "Country", "Valsts", "Šalis"),
        pick(language, "Partici-\npants", "Dalīb-\nnieki", "Dalyviai"),
        pick(language, "of whom\ntarget group", "t. sk. mērķa\ngrupā", "iš jų\ntikslinė gr."),
        pick(language, "Girls", "Meitenes", "Mergaitės"),
        pick(language, "Boys", "Zēni", "Berniukai"),
        pick(language, "Not\nstated", "Nav\nnorādīts", "Nenuro-\ndyta"),
        pick(language, "Attendances", "Apmeklē-\njumi", "Apsilanky-\nmai"),
    ]
    rows: list[list[object]] = [list(head)]
    for site in data.sites:
        rows.append(
            [
                site.name,
                site.country,
                n(site.unique_participants),
                n(site.target_group),
                n(site.girls),
                n(site.boys),
                n(site.unique_participants - site.girls - site.boys),
                n(site.attendances),
            ]
        )
    first_country = len(rows)
    for country in data.countries:
        rows.append(
            [
                _country(country.country, language),
                "",
                n(country.unique_participants),
                n(country.target_group),
                "",
                "",
                "",
                n(country.attendances),
            ]
        )
    rows.append(
        [
            pick(language, "Total", "Kopā", "Iš viso"),
            "",
            n(data.unique_participants),
            n(data.target_group),
            n(data.girls),
            n(data.boys),
            n(data.gender_not_stated),
            n(data.attendances),
        ]
    )
    extra: list[tuple[object, ...]] = [
        (
            "BACKGROUND",
            (0, first_country),
            (-1, first_country + len(data.countries) - 1),
            TOTAL_SHADE,
        ),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]
    extra += [("SPAN", (0, row), (1, row)) for row in range(first_country, len(rows))]
    widths = [0.25, 0.08, 0.1, 0.13, 0.1, 0.1, 0.1, 0.14]
    return _section(
        Paragraph(
            pick(
                language,
                "2. Participants by site and country",
                "2. Dalībnieki pa bibliotēkām un valstīm",
                "2. Dalyviai pagal bibliotekas ir šalis",
            ),
            st["section"],
        ),
        _table(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            pick(
                language,
                "Each participant is counted at the library they belong to; the target group is "
                "given as a count only.",
                "Katrs dalībnieks skaitīts pie bibliotēkas, kurai viņš piederīgs; mērķa grupa "
                "norādīta tikai kā skaits.",
                "Kiekvienas dalyvis skaičiuojamas prie savo bibliotekos; tikslinė grupė nurodoma "
                "tik skaičiumi.",
            ),
            st["note"],
        ),
        len(rows),
    )


def _ages(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: _number(value, language)  # noqa: E731
    head = [
        pick(language, "Age", "Vecums", "Amžius"),
        pick(language, "Girls", "Meitenes", "Mergaitės"),
        pick(language, "Boys", "Zēni", "Berniukai"),
        pick(language, "Not stated", "Nav norādīts", "Nenurodyta"),
        pick(language, "Participants", "Dalībnieki", "Dalyviai"),
        pick(language, "Attendances", "Apmeklējumi", "Apsilankymai"),
    ]
    rows: list[list[object]] = [list(head)]
    for band in data.age_bands:
        rows.append(
            [
                _band(band, language),
                n(band.girls),
                n(band.boys),
                n(band.not_stated),
                n(band.children),
                n(band.attendances),
            ]
        )
    rows.append(
        [
            pick(language, "Total", "Kopā", "Iš viso"),
            n(data.girls),
            n(data.boys),
            n(data.gender_not_stated),
            n(data.unique_participants),
            n(data.attendances),
        ]
    )
    widths = [0.2, 0.13, 0.13, 0.13, 0.13, 0.15]
    return _section(
        Paragraph(
            pick(
                language,
                "3. Participants by age band and gender",
                "3. Dalībnieki pa vecuma grupām un dzimuma",
                "3. Dalyviai pagal amžiaus grupes ir lytį",
            ),
            st["section"],
        ),
        _table(rows, [w * WIDTH for w in widths]),
        Paragraph(
            pick(
                language,
                "Age = the session's year minus the year of birth. Each participant is counted "
                "once, at their age at their first visit in the period; attendances use the age "
                "in each session's year.",
                "Vecums = nodarbības gads mīnus dzimšanas gads. Katrs dalībnieks skaitīts vienreiz "
                "— pēc vecuma pirmajā apmeklējumā periodā; apmeklējumi — pēc vecuma katras "
                "nodarbības gadā.",
                "Amžius = užsiėmimo metai minus gimimo metai. Kiekvienas dalyvis skaičiuojamas "
                "kartą — pagal amžių pirmojo apsilankymo laikotarpyje metu; apsilankymai — pagal "
                "amžių kiekvieno užsiėmimo metais.",
            ),
            st["note"],
        ),
        len(rows),
    )


def _month_labels(data: Indicators, language: str, slot: float, size: float) -> list[str]:
    """Month names under the bars ("okt."), the year under each January and the first bar.

    Over two years only the years are named; where a name is wider than its bar's slot
    (Lithuanian "gruod." in a two-year chart) the month's number stands in.
    """
    months = data.months
    if len(months) > MONTH_LABELS_UP_TO:
        return [str(m.year) if m.month == 1 or i == 0 else "" for i, m in enumerate(months)]
    locale = "en_GB" if language == "en" else language
    names = [format_date(date(2000, m, 1), "LLL", locale=locale) for m in range(1, 13)]
    if max(stringWidth(name, FONT, size) for name in names) > slot * 0.92:
        names = [f"{m:02d}" for m in range(1, 13)]
    return [
        f"{names[m.month - 1]}\n{m.year}" if m.month == 1 or i == 0 else names[m.month - 1]
        for i, m in enumerate(months)
    ]


def _chart(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    months = data.months
    many = len(months) > MONTH_LABELS_UP_TO
    height = 62 * mm
    drawing = Drawing(WIDTH, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 11 * mm
    chart.width, chart.height = WIDTH - 16 * mm, height - 17 * mm
    chart.data = [[m.attendances for m in months] or [0]]
    label_size = 7 if many else 6.5
    slot = chart.width / max(1, len(months))
    chart.categoryAxis.categoryNames = _month_labels(data, language, slot, label_size) or [""]
    chart.bars[0].fillColor = EU_BLUE
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 1 if many else 4
    top = max((m.attendances for m in months), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(10, int(top * 1.15) + 1)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d5d5d5")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.strokeColor = GRID
    chart.categoryAxis.strokeColor = GRID
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.tickDown = 2 if not many else 0
    if not many:
        # The exact number above each bar, so the chart can be checked against the tables.
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 5
    drawing.add(chart)
    axis_title = pick(
        language, "Attendances per month", "Apmeklējumi mēnesī", "Apsilankymai per mėnesį"
    )
    return [
        CondPageBreak(height + 30 * mm),
        Paragraph(
            pick(
                language,
                "4. Attendance per month",
                "4. Apmeklējums pa mēnešiem",
                "4. Lankomumas pagal mėnesius",
            ),
            st["section"],
        ),
        Paragraph(axis_title, st["note"]),
        drawing,
    ]


def _equipment(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: _number(value, language)  # noqa: E731
    head = [
        pick(language, "Tag", "Kods", "Kodas"),
        pick(language, "Item", "Aprīkojums", "Įranga"),
        pick(language, "Loans", "Izsniegts\n(reizes)", "Išduota\n(kartai)"),
        pick(language, "Hours\nin use", "Lietošanas\nstundas", "Naudojimo\nvalandos"),
        pick(
            language,
            "Not back at\nperiod end",
            "Nav atgriezts\nperioda beigās",
            "Negrąžinta\nlaikotarpio pab.",
        ),
    ]
    rows: list[list[object]] = [list(head)]
    for item in data.items:
        rows.append(
            [
                item.tag,
                Paragraph(escape(item.name), st["cell"]),
                n(item.loans),
                _number(item.hours, language, 1),
                n(item.out_at_end) if item.out_at_end else "",
            ]
        )
    rows.append(
        [
            pick(language, "Total", "Kopā", "Iš viso"),
            "",
            n(data.loans),
            _number(data.loan_hours, language, 1),
            n(sum(item.out_at_end for item in data.items)) or "",
        ]
    )
    widths = [0.13, 0.4, 0.13, 0.14, 0.17]
    return _section(
        Paragraph(
            pick(
                language, "5. Equipment usage", "5. Aprīkojuma izmantošana", "5. Įrangos naudojimas"
            ),
            st["section"],
        ),
        _table(rows, [w * WIDTH for w in widths], numeric_from=2),
        Paragraph(
            pick(
                language,
                "A loan counts in the period it began; its hours run from lending to return, or "
                "to the end of the period while it is still out. A kit's parts are counted each.",
                "Izsniegšana skaitīta periodā, kurā tā sākta; stundas — no izsniegšanas līdz "
                "atgriešanai, bet neatgrieztam — līdz perioda beigām. Komplekta daļas skaitītas "
                "katra atsevišķi.",
                "Išdavimas skaičiuojamas laikotarpyje, kuriame prasidėjo; valandos — nuo išdavimo "
                "iki grąžinimo, o negrąžintam — iki laikotarpio pabaigos. Komplekto dalys "
                "skaičiuojamos atskirai.",
            ),
            st["note"],
        ),
        len(rows),
    )


def _closing(
    data: Indicators, language: str, st: dict[str, ParagraphStyle], prepared_on: date
) -> list[object]:
    # The funder's report always carries the EU's disclaimer, even when the record has none.
    statement = _wording(data, language).funding_statement or eu_disclaimer(
        data.library_name, language
    )
    prepared = pick(language, "Prepared: {0}", "Sagatavots: {0}", "Parengta: {0}").format(
        short_date(prepared_on, language)
    )
    signature = pick(
        language,
        "Prepared by (name, signature): ",
        "Sagatavoja (vārds, uzvārds, paraksts): ",
        "Parengė (vardas, pavardė, parašas): ",
    )
    sign = Table(
        [[prepared, signature + "_" * 34]],
        colWidths=[WIDTH * 0.38, WIDTH * 0.62],
    )
    sign.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5, 11),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                sign,
                Spacer(1, 4 * mm),
                Table(
                    [[Paragraph(escape(statement), st["statement"])]],
                    colWidths=[WIDTH],
                    style=TableStyle(
                        [
                            ("LINEABOVE", (0, 0), (-1, 0), 0.6, EU_BLUE),
                            ("TOPPADDING", (0, 0), (-1, -1), 4),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ]
                    ),
                ),
            ]
        ),
    ]


def indicators_pdf(
    data: Indicators, language: str = "lv", *, prepared_on: date | None = None
) -> bytes:
    """The indicators report as PDF bytes, ready to preview, print or save."""
    register_fonts()
    st = _styles()
    out = io.BytesIO()
    title = pick(
        language,
        "Project indicators report",
        "Projekta rādītāju pārskats",
        "Projekto rodiklių ataskaita",
    )
    number = data.project.number if data.project is not None else ""
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=f"{title} {data.first_day.isoformat()} – {data.last_day.isoformat()}",
        author=data.library_name,
        subject=number,
    )
    footer = " · ".join(
        x
        for x in (
            number,
            title,
            f"{_long_date(data.first_day, language)} – {_long_date(data.last_day, language)}",
        )
        if x
    )

    def on_page(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(MARGIN, 8 * mm, footer)
        canvas.restoreState()

    story: list[object] = [
        *_header(data, language, st),
        *_summary(data, language, st),
        *_programs(data, language, st),
        *_sites(data, language, st),
        *_ages(data, language, st),
        *_chart(data, language, st),
        *_equipment(data, language, st),
        *_closing(data, language, st, prepared_on or date.today()),
    ]
    doc.build(
        story,
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=numbered_canvas(language, margin=MARGIN),
    )
    return out.getvalue()

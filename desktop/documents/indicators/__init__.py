"""The indicators report for the funder: what the project did in a period, in counts only.

No child is named here: the target group, genders and ages appear only as totals.

Built in parts: the page (layout), the tables, the monthly chart; the heading, the closing
signature and the EU statement, and the assembly, are here.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.indicators import Indicators
from desktop.documents.common import (
    EU_BLUE,
    FONT,
    ProjectWording,
    eu_block,
    eu_disclaimer,
    numbered_canvas,
    project_wording,
    register_fonts,
    short_date,
)
from desktop.documents.indicators.chart import chart
from desktop.documents.indicators.layout import MARGIN, WIDTH, long_day, styles
from desktop.documents.indicators.tables import ages, equipment, programs, sites, summary
from desktop.words import words


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
    _ = words(language).gettext
    project = data.project
    wording = _wording(data, language)
    right_lines = []
    if project is not None:
        if wording.programme:
            right_lines.append(escape(wording.programme))
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
    title = _("Project indicators report")
    period = f"{long_day(data.first_day, language)} – {long_day(data.last_day, language)}"
    lines = []
    if project is not None and wording.title:
        # Translators: the opening and the closing quotation mark, as the language writes them.
        opening, closing = tuple(_("“”"))
        lines.append(escape(f"{project.name} {opening}{wording.title}{closing}"))
    lines.append("<b>{}:</b> {}".format(_("Period"), period))
    where = escape(data.site_name or "") or _("all sites")
    lines.append("<b>{}:</b> {}".format(words(language).pgettext("indicators", "Site"), where))
    return [
        top,
        Spacer(1, 5 * mm),
        Paragraph(title, st["title"]),
        Paragraph("<br/>".join(lines), st["subtitle"]),
        Spacer(1, 2 * mm),
    ]


def _closing(
    data: Indicators, language: str, st: dict[str, ParagraphStyle], prepared_on: date
) -> list[object]:
    # The funder's report always carries the EU's disclaimer, even when the record has none.
    _ = words(language).gettext
    statement = _wording(data, language).funding_statement or eu_disclaimer(
        data.library_name, language
    )
    prepared = _("Prepared: {0}").format(short_date(prepared_on, language))
    signature = _("Prepared by (name, signature): ")
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
    st = styles()
    out = io.BytesIO()
    title = words(language).gettext("Project indicators report")
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
            f"{long_day(data.first_day, language)} – {long_day(data.last_day, language)}",
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
        *summary(data, language, st),
        *programs(data, language, st),
        *sites(data, language, st),
        *ages(data, language, st),
        *chart(data, language, st),
        *equipment(data, language, st),
        *_closing(data, language, st, prepared_on or date.today()),
    ]
    doc.build(
        story,
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=numbered_canvas(language, margin=MARGIN),
    )
    return out.getvalue()

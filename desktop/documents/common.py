"""What every printout shares: the bundled font, dates in the document's language, the EU emblem."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from babel.dates import format_date
from reportlab.graphics.shapes import Drawing, Polygon, Rect
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from db.dates import day_text
from desktop.resources import FONTS
from desktop.words import N_, words

# ReportLab's own Helvetica has no ā č ē ģ ī ķ ļ ņ š ū ž ą ę ė į ų: DejaVu Sans has them all.
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
LANGUAGES = ("lv", "en", "lt")
EU_BLUE = HexColor("#003399")
EU_YELLOW = HexColor("#FFCC00")


@cache
def register_fonts() -> None:
    """Make the bundled DejaVu Sans known to ReportLab (once per process)."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def month_title(year: int, month: int, language: str = "lv") -> str:
    """ "2018. gada oktobris", "October 2018", "2018 m. spalis"."""
    # Translators: a CLDR date pattern for a month's title: LLLL the month's name, y the year.
    pattern = words(language).gettext("LLLL y")
    text = format_date(date(year, month, 1), pattern, locale=language)
    return text[0].upper() + text[1:] if language == "en" else text


def long_date(day: date, language: str = "lv") -> str:
    """ "piektdiena, 2018. gada 5. oktobris"."""
    return format_date(day, "full", locale=language)


def short_date(day: date, language: str = "lv") -> str:
    """ "05.10.2018" in Latvian and English, "2018-10-05" in Lithuanian: as on the screens."""
    return day_text(day, language)


def _star(cx: float, cy: float, outer: float, fill: Color) -> Polygon:
    points: list[float] = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        points += [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
    return Polygon(points, fillColor=fill, strokeColor=None)


def eu_emblem(width: float) -> Drawing:
    """The European flag as vector graphics: twelve yellow stars in a circle on blue (3:2)."""
    height = width * 2 / 3
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=EU_BLUE, strokeColor=None))
    ring, star = height / 3, height / 18
    for i in range(12):
        angle = i * math.pi / 6
        drawing.add(
            _star(
                width / 2 + ring * math.cos(angle),
                height / 2 + ring * math.sin(angle),
                star,
                EU_YELLOW,
            )
        )
    return drawing


def eu_funding_lines(language: str = "lv") -> tuple[str, str]:
    _ = words(language).gettext
    return (
        _("European Union"),
        _("European Regional Development Fund"),
    )


# Projects numbered LLI-… are the Interreg V-A Latvia–Lithuania programme's, co-financed by
# the ERDF. The project's record holds its Latvian wording; the catalogue holds the
# programme's own name in each language, so a Lithuanian or English document says the same
# in its words.
INTERREG_LV_LT_PREFIX = "LLI-"
INTERREG_LV_LT = N_("Interreg V-A Latvia–Lithuania Cross Border Cooperation Programme 2014–2020")
# Titles of known projects, in English (the catalogue has them in Latvian and Lithuanian).
PROJECT_TITLES = {
    "LLI-263": N_(
        "Interactive education space – efficient way of social integration of children "
        "from disadvantaged families"
    ),
}


@dataclass(frozen=True)
class ProjectWording:
    """The programme, the project's title and the funding statement in a document's language."""

    programme: str
    title: str
    funding_statement: str  # empty when the project has none


def co_financed(language: str = "lv") -> str:
    """The ERDF co-financing sentence an Interreg V-A Latvia–Lithuania project prints."""
    return words(language).gettext(
        "The project is co-financed by the European Regional Development Fund."
    )


def eu_disclaimer(library: str, language: str = "lv") -> str:
    """The EU's disclaimer naming who answers for a publication's content."""
    return (
        words(language)
        .gettext(
            "This publication has been produced with the financial assistance of the European "
            "Union. The contents of this publication are the sole responsibility of {0} and can "
            "under no circumstances be regarded as reflecting the position of the European Union."
        )
        .format(library or "OPEN UP")
    )


def project_wording(
    language: str,
    *,
    number: str,
    programme: str,
    title: str,
    funding_statement: str,
    library: str,
) -> ProjectWording:
    """The project record's Latvian texts as a document in `language` prints them.

    Latvian prints the record as it is; English and Lithuanian print the programme's and the
    project's names in their own words, and the EU's disclaimer naming the library. What the
    record leaves empty stays empty in every language.
    """
    interreg = number.upper().startswith(INTERREG_LV_LT_PREFIX)
    statement = funding_statement.strip()
    if language in ("en", "lt"):
        if programme and interreg:
            programme = words(language).gettext(INTERREG_LV_LT)
        known = PROJECT_TITLES.get(number.upper())
        title = (words(language).gettext(known) if known else title) if title else ""
        if statement:
            statement = eu_disclaimer(library, language)
    if statement and interreg and co_financed(language) not in statement:
        statement = f"{co_financed(language)} {statement}"
    return ProjectWording(programme=programme, title=title, funding_statement=statement)


def page_of(page: int, pages: int, language: str = "lv") -> str:
    """ "1. lapa no 2", "Page 1 of 2", "1 psl. iš 2"."""
    return words(language).gettext("Page {0} of {1}").format(page, pages)


def numbered_canvas(language: str = "lv", *, margin: float = 15 * mm) -> type[Canvas]:
    """A canvas for `doc.build(canvasmaker=...)` that writes "1. lapa no 2" at each page's foot.

    The total is known only at the end, so pages are kept until then (ReportLab's usual way).
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(FONT, 7.5)
                self.setFillColor(HexColor("#444444"))
                self.drawRightString(
                    width - margin, 8 * mm, page_of(number, len(self._pages), language)
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def eu_block(language: str = "lv", emblem_width: float = 15 * mm, font_size: float = 7.5) -> Table:
    """The EU emblem with "Eiropas Savienība / Eiropas Reģionālās attīstības fonds" beside it."""
    union, fund = eu_funding_lines(language)
    block = Table(
        [[eu_emblem(emblem_width), f"{union}\n{fund}"]],
        colWidths=[emblem_width + 2 * mm, None],
        hAlign="LEFT",
    )
    block.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, font_size, font_size * 1.25),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return block

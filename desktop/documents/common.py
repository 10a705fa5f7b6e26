"""What every printout shares: the bundled font, dates in the document's language, the EU emblem."""

from __future__ import annotations

import math
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


def pick(language: str, en: str, lv: str, lt: str) -> str:
    """A document's own words in its language: Latvian by default, English, Lithuanian."""
    return {"en": en, "lt": lt}.get(language, lv)


def month_title(year: int, month: int, language: str = "lv") -> str:
    """ "2018. gada oktobris", "October 2018", "2018 m. spalis"."""
    pattern = pick(language, "LLLL y", "y. 'gada' LLLL", "y 'm.' LLLL")
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
    return (
        pick(language, "European Union", "Eiropas Savienība", "Europos Sąjunga"),
        pick(
            language,
            "European Regional Development Fund",
            "Eiropas Reģionālās attīstības fonds",
            "Europos regioninės plėtros fondas",
        ),
    )


def page_of(page: int, pages: int, language: str = "lv") -> str:
    """ "1. lapa no 2", "Page 1 of 2", "1 psl. iš 2"."""
    return pick(language, "Page {0} of {1}", "{0}. lapa no {1}", "{0} psl. iš {1}").format(
        page, pages
    )


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

"""The indicators report's chart: attendances per month as bars, months named beneath."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph

from db.indicators import Indicators
from desktop.documents.common import EU_BLUE, FONT
from desktop.documents.indicators.layout import GRID, WIDTH
from desktop.words import words

# Beyond two years a label under every monthly bar would crowd: only years are named.
MONTH_LABELS_UP_TO = 24


def month_labels(data: Indicators, language: str, slot: float, size: float) -> list[str]:
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


def chart(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
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
    chart.categoryAxis.categoryNames = month_labels(data, language, slot, label_size) or [""]
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
    axis_title = _("Attendances per month")
    return [
        CondPageBreak(height + 30 * mm),
        Paragraph(
            _("4. Attendance per month"),
            st["section"],
        ),
        Paragraph(axis_title, st["note"]),
        drawing,
    ]

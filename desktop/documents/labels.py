"""QR labels for the project's equipment, on A4 label sheets or a 62 mm roll printer.

Each label: the QR of the item's scan text, the tag in large letters, the item's name,
the library's name and the funded-asset mark "OPEN UP LLI-263". The QR is drawn as
vector rectangles, so it is crisp at any printer resolution, with its quiet zone
(4 modules) kept clear inside the label.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from db.printing import LabelData
from desktop.documents.common import FONT, FONT_BOLD, register_fonts
from desktop.words import words

QUIET_MODULES = 4  # the clear margin a QR reader needs around the code
MIN_QR_MM = 15.0  # smaller codes fail with the desk's cheap scanners
ELLIPSIS = "…"
FINE_PRINT = 4.0  # points: the smallest text a label or card shrinks to instead of cutting


@dataclass(frozen=True)
class LabelTemplate:
    """A label stock: its page, grid and pitch in millimetres (as the maker publishes them)."""

    name: str
    description: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # sheet edge to the first column's left edge
    top: float  # sheet edge to the first row's top edge
    pitch_x: float  # left edge to the next column's left edge (label width + gap)
    pitch_y: float
    padding: float  # inner margin the text keeps (the QR's quiet zone is white anyway)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, position: int) -> tuple[float, float]:
        """Bottom-left corner (points) of a 0-based position, counted row by row from the top."""
        row, column = divmod(position, self.columns)
        x = self.left + column * self.pitch_x
        y = self.page_height - self.top - row * self.pitch_y - self.label_height
        return x * mm, y * mm


TEMPLATES: dict[str, LabelTemplate] = {
    # Avery L7160 / J8160: 3 × 7, 21 labels, 2.54 mm between columns, rows butt-cut.
    "3x7": LabelTemplate(
        "3x7", "A4, 3 × 7, 63.5 × 38.1 mm (Avery L7160)",
        210, 297, 3, 7, 63.5, 38.1, 7.21, 15.15, 66.04, 38.1, 2.0,
    ),
    # Avery L7163 / J8163: 2 × 7, 14 labels, 2.5 mm between columns.
    "2x7": LabelTemplate(
        "2x7", "A4, 2 × 7, 99.1 × 38.1 mm (Avery L7163)",
        210, 297, 2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1, 2.5,
    ),
    # Avery Zweckform 3474: 3 × 8, 24 labels edge to edge, 0.5 mm top and bottom;
    # more inner margin, since many printers leave the sheet's outer 3–4 mm blank.
    "3x8": LabelTemplate(
        "3x8", "A4, 3 × 8, 70 × 37 mm (Avery Zweckform 3474)",
        210, 297, 3, 8, 70, 37, 0, 0.5, 70, 37, 3.5,
    ),
    # Brother DK-11209 die-cut labels on a QL printer: one 62 × 29 mm label per page.
    "roll62": LabelTemplate(
        "roll62", "62 mm roll, one 62 × 29 mm label (Brother DK-11209)",
        62, 29, 1, 1, 62, 29, 0, 0, 62, 29, 1.5,
    ),
}  # fmt: skip
DEFAULT_TEMPLATE = "3x7"


def qr_matrix(text: str, level: int = ERROR_CORRECT_Q) -> list[list[bool]]:
    """The QR's dark modules, without quiet zone; level M or better (Q by default)."""
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(text, optimize=0)  # one segment: A–Z 0–9 '-' goes in alphanumeric mode
    code.make(fit=True)
    return code.get_matrix()


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> float:
    """Draw a QR whose quiet zone fills the square (x, y, size); returns the code's own side."""
    matrix = qr_matrix(text)
    count = len(matrix)
    module = size / (count + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    top = y + size - QUIET_MODULES * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            # One rectangle per run of dark modules: fewer operators, no seams between them.
            path.rect(left + start * module, top - (r + 1) * module, (c - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    return count * module


def fit_lines(
    text: str, font: str, largest: float, smallest: float, width: float, max_lines: int
) -> tuple[float, list[str]]:
    """The largest font size at which the text wraps into max_lines; cut with "…" if never."""
    size = largest
    while True:
        lines = wrap(text, font, size, width)
        if len(lines) <= max_lines:
            return size, lines
        if size - 0.5 < smallest:
            break
        size -= 0.5
    kept = lines[:max_lines]
    kept[-1] = clip(kept[-1] + " " + " ".join(lines[max_lines:]), font, size, width)
    return size, kept


def fit_whole(
    text: str, font: str, largest: float, smallest: float, width: float, max_lines: int
) -> tuple[float, list[str]]:
    """The largest size at which the text wraps into max_lines; below smallest rather than cut.

    For what must be printed whole, like a library's full name.
    """
    size = largest
    while True:
        lines = wrap(text, font, size, width)
        if len(lines) <= max_lines or size <= FINE_PRINT:
            return size, lines
        size -= 0.5 if size > smallest else 0.25


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines at word breaks; a word longer than the width is broken where it must."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def clip(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened with "…" until it fits the width."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def library_lines(
    name: str, size: float, width: float, font: str = FONT
) -> tuple[float, list[str]]:
    """The library's full name, never cut: one line if a slightly smaller size allows it,
    else two, else three ("Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka")."""
    for most in (1, 2):
        if len(wrap(name, font, size - 1, width)) <= most:
            return fit_whole(name, font, size, size - 1, width, most)
    return fit_whole(name, font, size, size - 1.5, width, 3)


def _draw_label(
    canvas: Canvas, label: LabelData, template: LabelTemplate, x: float, y: float
) -> None:
    w, h = template.label_width * mm, template.label_height * mm
    pad = template.padding * mm
    # The quiet zone may reach close to the label's edge: it is white paper either way.
    qr_box = min(h - 2 * mm, w * 0.46)
    qr_x, qr_y = x + 1 * mm, y + (h - qr_box) / 2
    if draw_qr(canvas, label.code_text, qr_x, qr_y, qr_box) < MIN_QR_MM * mm:
        raise ValueError(f"the QR of {label.tag} would be smaller than {MIN_QR_MM} mm")

    text_x = qr_x + qr_box + 0.8 * mm  # glyphs like J reach left of their origin
    text_w = x + w - pad - text_x
    top = y + h - pad
    bottom = y + pad

    # The tag in large letters: what a librarian reads when the scanner fails.
    tag_size, _ = fit_lines(label.tag, FONT_BOLD, 18, 6, text_w, 1)
    tag_line = clip(label.tag, FONT_BOLD, tag_size, text_w)
    top -= tag_size * 0.8
    canvas.setFont(FONT_BOLD, tag_size)
    canvas.drawString(text_x, top, tag_line)
    top -= tag_size * 0.35

    # The library and the funded-asset mark, anchored at the bottom.
    small = 6.5
    foot: list[tuple[str, float, str]] = []
    if label.funded_mark:
        foot.append((FONT_BOLD, small, clip(label.funded_mark, FONT_BOLD, small, text_w)))
    if label.library_name:
        size, lines = library_lines(label.library_name, small, text_w)
        foot.extend((FONT, size, line) for line in reversed(lines))
    line_y = bottom + 0.5
    placed: list[tuple[str, float, str, float]] = []
    for font, size, line in foot:
        placed.append((font, size, line, line_y))
        line_y += size * 1.2
    foot_top = line_y - small * 0.2
    # Drawn top line first, so the PDF's text reads in order ("Rokiškio rajono …").
    for font, size, line, baseline in reversed(placed):
        canvas.setFont(font, size)
        canvas.drawString(text_x, baseline, line)

    # The item's name fills what is left between them.
    room = top - foot_top - 1.5
    name_size, name_lines = fit_lines(label.name, FONT, 10, 6, text_w, 3)
    fit = max(1, min(len(name_lines), int(room // (name_size * 1.15))))
    if fit < len(name_lines):
        name_size, name_lines = fit_lines(label.name, FONT, name_size, 6, text_w, fit)
    canvas.setFont(FONT, name_size)
    line_y = top - name_size
    for line in name_lines:
        canvas.drawString(text_x, line_y, line)
        line_y -= name_size * 1.15


def labels_pdf(
    labels: Sequence[LabelData],
    template: str = DEFAULT_TEMPLATE,
    start: int = 1,
    *,
    outlines: bool = False,
    language: str = "lv",
) -> bytes:
    """The labels as a PDF; start (1-based) skips the positions already used on the first sheet.

    outlines draws each label's edge in light grey, for a test print on plain paper.
    """
    if template not in TEMPLATES:
        raise ValueError(f"unknown label template {template!r}; known: {', '.join(TEMPLATES)}")
    stock = TEMPLATES[template]
    if not 1 <= start <= stock.per_page:
        raise ValueError(f"start position must be 1–{stock.per_page} on {template}")
    register_fonts()
    out = io.BytesIO()
    # initialFontName: not even an unused Helvetica in the file.
    canvas = Canvas(
        out,
        pagesize=(stock.page_width * mm, stock.page_height * mm),
        initialFontName=FONT,
    )
    canvas.setTitle(words(language).gettext("Equipment labels"))
    canvas.setCreator("OpenUp Desk")
    position = start - 1
    for index, label in enumerate(labels):
        if index and position == 0:
            canvas.showPage()
        x, y = stock.origin(position)
        if outlines:
            canvas.setStrokeGray(0.75)
            canvas.setLineWidth(0.3)
            canvas.roundRect(x, y, stock.label_width * mm, stock.label_height * mm, 1.5 * mm)
        _draw_label(canvas, label, stock, x, y)
        position = (position + 1) % stock.per_page
    canvas.showPage()
    canvas.save()
    return out.getvalue()

"""Children's member cards: credit-card size, ten to an A4 page, with cutting marks.

A card says "Ilze Ķ." and nothing else about the child: the QR carries an opaque code
(db.scancodes.card_text), printed below it too so a librarian can type it when a
scanner fails.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from db.printing import CardData
from desktop.documents.common import (
    EU_BLUE,
    FONT,
    FONT_BOLD,
    eu_emblem,
    register_fonts,
)
from desktop.documents.labels import clip, draw_qr, fit_lines, library_lines
from desktop.words import words

CARD_WIDTH = 85.6 * mm  # ISO/IEC 7810 ID-1, a bank card
CARD_HEIGHT = 54 * mm
COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS
# Cards touch, so one guillotine cut separates two of them; the grid sits centred.
LEFT = (A4[0] - COLUMNS * CARD_WIDTH) / 2
BOTTOM = (A4[1] - ROWS * CARD_HEIGHT) / 2
MARK_GAP = 2 * mm  # marks start this far from the cards, so a cut never shows them
MARK_LENGTH = 7 * mm
INSET = 3.5 * mm  # nothing is printed closer to a card's edge than this
EMBLEM_WIDTH = 9 * mm


def card_origin(position: int) -> tuple[float, float]:
    """Bottom-left corner of a card's place on the page, counted row by row from the top."""
    row, column = divmod(position, COLUMNS)
    return LEFT + column * CARD_WIDTH, BOTTOM + (ROWS - 1 - row) * CARD_HEIGHT


def _cutting_marks(canvas: Canvas) -> None:
    """Short lines in the page margin on the line of every cut, outside all the cards."""
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.3)
    right, top = LEFT + COLUMNS * CARD_WIDTH, BOTTOM + ROWS * CARD_HEIGHT
    for i in range(ROWS + 1):
        y = BOTTOM + i * CARD_HEIGHT
        canvas.line(LEFT - MARK_GAP - MARK_LENGTH, y, LEFT - MARK_GAP, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y)
    for i in range(COLUMNS + 1):
        x = LEFT + i * CARD_WIDTH
        canvas.line(x, BOTTOM - MARK_GAP - MARK_LENGTH, x, BOTTOM - MARK_GAP)
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH)


def _draw_card(
    canvas: Canvas, card: CardData, x: float, y: float, title: str, emblem: Drawing
) -> None:
    inner_w = CARD_WIDTH - 2 * INSET
    top = y + CARD_HEIGHT - INSET

    # A blue heading with the library's full name, inset so a slightly wrong cut stays
    # white; a long name takes a second line and the heading grows, the name is never cut.
    text_w = inner_w - 2 * 2.5 * mm
    size, lines = library_lines(card.library_name, 9, text_w, FONT_BOLD)
    line_y = top - 1.75 * mm - size * 0.8
    baselines = [line_y - i * size * 1.1 for i in range(len(lines))] or [line_y]
    title_y = baselines[-1] - 3.7 * mm
    band = top - title_y + 2 * mm
    canvas.setFillColor(EU_BLUE)
    canvas.roundRect(x + INSET, top - band, inner_w, band, 1.5 * mm, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(FONT_BOLD, size)
    for line, baseline in zip(lines, baselines, strict=False):
        canvas.drawString(x + INSET + 2.5 * mm, baseline, line)
    canvas.setFont(FONT, 7)
    canvas.drawString(x + INSET + 2.5 * mm, title_y, clip(title, FONT, 7, text_w))
    canvas.setFillGray(0)

    # The QR on the left: its quiet zone reaches down to the inset, white like the card.
    body_top = top - band - 0.5 * mm
    qr_box = body_top - (y + INSET) + 2 * mm
    qr_x = x + INSET - 1.5 * mm
    qr_side = draw_qr(canvas, card.code_text, qr_x, y + INSET - 2 * mm, qr_box)
    quiet = (qr_box - qr_side) / 2

    # The name beside it, large; below it the code for typing by hand.
    text_x = qr_x + qr_box - quiet + 3 * mm
    text_w = x + CARD_WIDTH - INSET - text_x
    name_size, name_lines = fit_lines(card.name_on_card, FONT_BOLD, 17, 9, text_w, 2)
    line_y = body_top - quiet - name_size * 0.8
    canvas.setFont(FONT_BOLD, name_size)
    for line in name_lines:
        canvas.drawString(text_x, line_y, line)
        line_y -= name_size * 1.15
    canvas.setFont(FONT, 7.5)
    canvas.setFillGray(0.3)
    canvas.drawString(text_x, line_y - 1 * mm, clip(card.code_text, FONT, 7.5, text_w))
    canvas.setFillGray(0)

    # The funder's mark in the corner: the EU emblem and the project's name.
    emblem_w = emblem.width
    emblem_y = y + INSET + quiet - 2 * mm
    renderPDF.draw(emblem, canvas, text_x, emblem_y)
    if card.project_name:
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawString(
            text_x + emblem_w + 2 * mm,
            emblem_y + emblem.height / 2 - 2.8,
            clip(card.project_name, FONT_BOLD, 8, text_w - emblem_w - 2 * mm),
        )


def card_title(language: str) -> str:
    return words(language).gettext("Member card")


def member_cards_pdf(cards: Sequence[CardData], language: str | None = None) -> bytes:
    """The cards as a PDF, ten to an A4 page in the order given, with cutting marks.

    Each card speaks its child's library's language (a Rokiškis child's is Lithuanian)
    unless a language is chosen for them all.
    """
    register_fonts()
    emblem = eu_emblem(EMBLEM_WIDTH)
    emblem.initialFontName = FONT  # else ReportLab names an unused Helvetica in the file
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=FONT)
    languages = {card.language for card in cards}
    whole = language or (languages.pop() if len(languages) == 1 else "lv")
    canvas.setTitle(words(whole).gettext("Member cards"))
    canvas.setCreator("OpenUp Desk")
    for start in range(0, max(len(cards), 1), PER_PAGE):
        _cutting_marks(canvas)
        for position, card in enumerate(cards[start : start + PER_PAGE]):
            title = card_title(language or card.language)
            _draw_card(canvas, card, *card_origin(position), title, emblem)
        canvas.showPage()
    canvas.save()
    return out.getvalue()

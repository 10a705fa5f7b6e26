"""Member cards: "Ilze Ķ." and a code that scans back to her, and nothing else about her."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader

from db.attendance import mark_attendance
from db.errors import NotFound
from db.models import AttendanceStatus, ProgramKind
from db.participant_records import participant_record
from db.people import ParticipantDetails, register_participant, set_archived
from db.printing import CardData, cards_data, name_on_card
from db.programs import SessionPlan, create_program, create_session
from db.scancodes import card_text
from desktop.documents.cards import CARD_HEIGHT, CARD_WIDTH, LEFT, member_cards_pdf
from tests.conftest import Desk
from tests.documents.rendering import render_pages
from tests.documents.test_labels import MM_PER_PX, centre_mm, decode

PT_PER_MM = 72 / 25.4


def card_at(result_centre: tuple[float, float]) -> int:
    """The 0-based card position (row by row from the top) a point in mm falls in."""
    x, y = result_centre
    top = (297 - 5 * CARD_HEIGHT / PT_PER_MM) / 2
    column = int((x - LEFT / PT_PER_MM) // (CARD_WIDTH / PT_PER_MM))
    row = int((y - top) // (CARD_HEIGHT / PT_PER_MM))
    return row * 2 + column


def made_up_cards(count: int) -> list[CardData]:
    return [
        CardData(
            participant_id=n,
            name_on_card=f"Bērns{n} Ž.",
            code_text=card_text(f"ABCD{n:04d}"),
            library_name="Jēkabpils Galvenā bibliotēka",
            project_name="OPEN UP",
        )
        for n in range(1, count + 1)
    ]


def test_a_card_names_the_child_by_first_name_and_last_initial(desk: Desk) -> None:
    cards = cards_data(desk.db, by=None)
    # Latvian order by last name: Ķēniņa (ķ after k) before Žūriņš (ž last).
    assert [card.name_on_card for card in cards] == ["Ilze Ķ.", "Jānis Ž."]
    ilze = cards[0]
    assert ilze.participant_id == desk.ilze_id
    assert ilze.code_text == card_text(
        participant_record(desk.db, desk.ilze_id, by=None).card_code or ""
    )
    assert ilze.library_name == "Jēkabpils Galvenā bibliotēka"
    assert ilze.project_name == "OPEN UP"


def test_name_on_card_keeps_only_the_initial() -> None:
    assert name_on_card("Ilze", "Ķēniņa") == "Ilze Ķ."
    assert name_on_card("Anna Marija", "ēlerte-Kalniņa") == "Anna Marija Ē."
    # A last name typed in decomposed form still gives one letter with its mark.
    assert name_on_card("Līva", "S\u030cmite") == "Līva Š."


def test_archived_children_and_seminar_guests_get_no_card_unless_chosen(desk: Desk) -> None:
    set_archived(desk.db, desk.janis_id)
    seminar = create_program(desk.db, "Seminārs bibliotekāriem", ProgramKind.SEMINAR, desk.site_id)
    day = create_session(desk.db, seminar, SessionPlan(date(2018, 11, 8), time(10), time(14)))
    guest = register_participant(
        desk.db, ParticipantDetails("Sandra", "Kokina", 1975, desk.site_id)
    )
    mark_attendance(desk.db, day, guest, AttendanceStatus.PRESENT)
    assert [card.name_on_card for card in cards_data(desk.db, by=None)] == ["Ilze Ķ."]
    chosen = cards_data(desk.db, [guest, desk.janis_id, desk.ilze_id], by=None)
    # Kokina before Ķēniņa: ķ is a letter of its own, after k.
    assert [card.name_on_card for card in chosen] == ["Sandra K.", "Ilze Ķ.", "Jānis Ž."]


def test_an_unknown_child_is_refused(desk: Desk) -> None:
    with pytest.raises(NotFound):
        cards_data(desk.db, [desk.ilze_id, 9999], by=None)


def test_the_card_shows_the_short_name_and_nothing_else_about_the_child(desk: Desk) -> None:
    pdf = member_cards_pdf(cards_data(desk.db, by=None))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Ilze Ķ." in text
    assert "Jānis Ž." in text
    assert "Jēkabpils Galvenā bibliotēka" in text
    assert "OPEN UP" in text
    for never in ("Ķēniņa", "Žūriņš", "2009", "2010"):
        assert never not in text
    assert b"Helvetica" not in pdf  # its boxes instead of ā ķ ž: only DejaVu Sans is used
    (page,) = render_pages(pdf)
    found = {card_at(centre_mm(r)): r.text for r in decode(page)}
    assert found == {i: card.code_text for i, card in enumerate(cards_data(desk.db, by=None))}


def test_ten_cards_to_a_page_each_code_in_its_place() -> None:
    cards = made_up_cards(12)
    pdf = member_cards_pdf(cards)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    pages = render_pages(pdf)
    first = {card_at(centre_mm(r)): r.text for r in decode(pages[0])}
    assert first == {i: card.code_text for i, card in enumerate(cards[:10])}
    second = {card_at(centre_mm(r)): r.text for r in decode(pages[1])}
    assert second == {0: cards[10].code_text, 1: cards[11].code_text}
    for result in decode(pages[0]):
        x0 = min(result.position.top_left.x, result.position.bottom_left.x)
        x1 = max(result.position.top_right.x, result.position.bottom_right.x)
        assert (x1 - x0) * MM_PER_PX >= 20  # a child's card is scanned at arm's length
        assert result.ec_level in ("M", "Q", "H")


def test_cards_are_credit_card_size_with_marks_outside_them() -> None:
    width_mm, height_mm = CARD_WIDTH / PT_PER_MM, CARD_HEIGHT / PT_PER_MM
    assert (width_mm, height_mm) == pytest.approx((85.6, 54))
    (page,) = render_pages(member_cards_pdf(made_up_cards(10)), dpi=100)
    px_per_mm = 100 / 25.4
    left, right = LEFT / PT_PER_MM, 210 - LEFT / PT_PER_MM
    top, bottom = (297 - 270) / 2, 297 - (297 - 270) / 2
    ink = page.point(lambda v: 255 if v < 128 else 0)
    # A mark in the margin on the line of every cut: 3 vertical cuts, 6 horizontal ones.
    cuts_x = [left + i * 85.6 for i in range(3)]
    cuts_y = [top + i * 54 for i in range(6)]
    for x in cuts_x:
        px = int(x * px_per_mm)
        assert ink.crop((px - 2, 0, px + 3, int(top * px_per_mm))).getbbox() is not None
        assert ink.crop((px - 2, int(bottom * px_per_mm), px + 3, page.height)).getbbox()
    for y in cuts_y:
        py = int(y * px_per_mm)
        assert ink.crop((0, py - 2, int(left * px_per_mm), py + 3)).getbbox() is not None
        assert ink.crop((int(right * px_per_mm), py - 2, page.width, py + 3)).getbbox()
    # Nothing printed within 2.5 mm inside a card's edge, so a slightly wrong cut stays clean.
    edge = 2.5 * px_per_mm
    for position in range(10):
        column, row = position % 2, position // 2
        x0 = (left + column * 85.6) * px_per_mm
        y0 = (top + row * 54) * px_per_mm
        x1, y1 = x0 + 85.6 * px_per_mm, y0 + 54 * px_per_mm
        for strip in (
            (x0 + 1, y0 + 1, x1 - 1, y0 + edge),
            (x0 + 1, y1 - edge, x1 - 1, y1 - 1),
            (x0 + 1, y0 + 1, x0 + edge, y1 - 1),
            (x1 - edge, y0 + 1, x1 - 1, y1 - 1),
        ):
            assert ink.crop(tuple(int(v) for v in strip)).getbbox() is None, (position, strip)

from __future__ import annotations

import pytest

from db.errors import ScanRefused
from db.scancodes import (
    CARD_ALPHABET,
    CardCode,
    ItemCode,
    card_text,
    decode_scan,
    item_text,
    new_card_code,
    normalize_tag,
)


def test_item_label_round_trips() -> None:
    text = item_text("LAP-01")
    assert text.startswith("I-LAP-01-")
    assert decode_scan(text) == ItemCode("LAP-01")


def test_card_round_trips_and_reveals_nothing() -> None:
    code = new_card_code()
    assert len(code) == 8 and set(code) <= set(CARD_ALPHABET)
    assert decode_scan(card_text(code)) == CardCode(code)


def test_whitespace_and_case_are_forgiven() -> None:
    assert decode_scan(f"  {item_text('XBOX-01').lower()}\r\n") == ItemCode("XBOX-01")


def test_lithuanian_layout_number_row_is_repaired() -> None:
    # A scanner typing "I-CTL-01-?" on a laptop set to the Lithuanian layout.
    text = item_text("CTL-01")
    damaged = text.replace("0", "“").replace("1", "ą")
    assert damaged != text
    assert decode_scan(damaged) == ItemCode("CTL-01")


def test_russian_layout_letters_are_repaired() -> None:
    text = card_text("KQ2M9XHA")
    # The same keys on ЙЦУКЕН: K→л, Q→й, M→ь, X→ч, H→р, A→ф, P→з.
    russian = str.maketrans("KQMXHAP", "лйьчрфз")
    assert decode_scan(text.translate(russian)) == CardCode("KQ2M9XHA")


@pytest.mark.parametrize("position", [2, 3, 4, 6, 7, 9])
def test_every_single_misread_character_is_refused(position: int) -> None:
    text = item_text("LAP-01")  # I-LAP-01-?; the hyphens at 1, 5 and 8 only separate
    for replacement in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        damaged = text[:position] + replacement + text[position + 1 :]
        if damaged == text:
            continue
        with pytest.raises(ScanRefused):
            assert decode_scan(damaged) != ItemCode("LAP-01")


def test_swapped_neighbours_are_refused() -> None:
    text = card_text("ABCDEFGH")
    swapped = text[:3] + text[4] + text[3] + text[5:]
    with pytest.raises(ScanRefused):
        decode_scan(swapped)


@pytest.mark.parametrize(
    ("scanned", "says"),
    [
        ("", "nothing was read"),
        ("   ", "nothing was read"),
        ("hello world", "characters no OpenUp code has"),
        ("https://example.org", "characters no OpenUp code has"),
        ("X-LAP-01-Q", "not a member card or an equipment label"),
        ("I-LAP", "not a member card or an equipment label"),
        ("'; DROP TABLE participant; --", "characters no OpenUp code has"),
    ],
)
def test_garbage_is_refused_with_a_reason(scanned: str, says: str) -> None:
    with pytest.raises(ScanRefused) as refusal:
        decode_scan(scanned)
    assert says in refusal.value.message
    assert "Scanned" in refusal.value.message


def test_refusal_shows_a_long_scan_shortened_and_printable() -> None:
    with pytest.raises(ScanRefused) as refusal:
        decode_scan("\x00" * 5 + "A" * 500)
    assert len(refusal.value.message) < 160
    assert "\x00" not in refusal.value.message


@pytest.mark.parametrize("tag", ["lap-01", " LAP-01 ", "Lap-01"])
def test_tags_are_normalised(tag: str) -> None:
    assert normalize_tag(tag) == "LAP-01"


@pytest.mark.parametrize("tag", ["", "LAP 01", "LAP--01", "-LAP", "LĀP-01", "X" * 21])
def test_bad_tags_are_refused(tag: str) -> None:
    with pytest.raises(ScanRefused):
        normalize_tag(tag)

"""Arbitrary text at the scan decoder, the name search, the participant form and the desk.

Hypothesis generates quotes, SQL, emoji, right-to-left text, control characters, empty and
10,000-character strings: nothing may crash, nothing may be stored that should not be, and
every refusal must be a readable message.
"""

from __future__ import annotations

import unicodedata
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.clock import at_local
from db.errors import InvalidInput, ScanRefused
from db.models import Attendance, AuditEvent, Loan, Participant
from db.people import (
    ParticipantDetails,
    register_participant,
    search_participants,
    without_control,
)
from db.programs import list_sites
from db.scancodes import CARD_ALPHABET, CardCode, ItemCode, card_text, decode_scan, item_text
from desktop import operations
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.pages.desk import DeskPage
from desktop.settings import Settings
from tests.conftest import Desk

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))

NASTY = [
    "",
    " ",
    "'",
    '"',
    "'; DROP TABLE participant; --",
    "Robert'); DROP TABLE participant;--",
    "%",
    "_",
    "\\",
    "\x00",
    "Ilze\x00Ķēniņa",
    "\x1b[31m",
    "\u202eanniņēĶ ezlI",  # right-to-left override
    "مرحبا",
    "שלום",
    "👩‍👩‍👧‍👦🎮",
    "P-",
    "I--X",
    "P-7KQ2M9XH-4\n",
    "ЗФЫ-123",
    "Ǆ" * 80,
    "x" * 10_000,
]
# Every kind of text, a few hand-picked nasty ones, and the same repeated to 10,000 characters.
TEXT = st.one_of(
    st.text(),
    st.sampled_from(NASTY),
    st.text(min_size=1, max_size=12).map(lambda s: (s * 10_000)[:10_000]),
)
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    database=None,  # no .hypothesis folder in the source tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FEW = settings(SETTINGS, max_examples=150)


def readable(message: str, longest: int = 300) -> bool:
    return bool(message) and message.isprintable() and len(message) <= longest


# ----- the scan decoder ------------------------------------------------------------------


@SETTINGS
@given(TEXT)
def test_any_text_is_a_code_that_round_trips_or_a_readable_refusal(scanned: str) -> None:
    try:
        code = decode_scan(scanned)
    except ScanRefused as refusal:
        assert readable(refusal.message), repr(refusal.message)
        return
    assert isinstance(code, CardCode | ItemCode)
    assert decode_scan(code.text) == code


CARD_BODIES = st.text(alphabet=CARD_ALPHABET, min_size=1, max_size=12)
TAGS = st.from_regex(r"[A-Z0-9]{1,6}(-[A-Z0-9]{1,6}){0,2}", fullmatch=True)


@SETTINGS
@given(st.one_of(CARD_BODIES.map(card_text), TAGS.map(item_text)), st.data())
def test_a_misread_character_is_refused_never_another_record(
    text: str, data: st.DataObject
) -> None:
    code = decode_scan(text)
    assert decode_scan(f"  {text.lower()}\t") == code  # case and the scanner's whitespace
    positions = [i for i, ch in enumerate(text) if ch.isalnum() and i > 1]
    where = data.draw(st.sampled_from(positions))
    other = data.draw(st.sampled_from([c for c in CARD_ALPHABET + "01IO" if c != text[where]]))
    misread = text[:where] + other + text[where + 1 :]
    with pytest.raises(ScanRefused) as refused:
        decode_scan(misread)
    assert readable(refused.value.message)


# ----- the name search -------------------------------------------------------------------


def children(desk: Desk) -> dict[int, tuple[str, str]]:
    with desk.db.reading() as s:
        return {
            row.id: (row.first_name, row.last_name)
            for row in s.execute(
                select(Participant.id, Participant.first_name, Participant.last_name)
            )
        }


def test_search_survives_any_text(any_desk: Desk) -> None:
    before = children(any_desk)

    @FEW
    @given(TEXT)
    @example("'; DROP TABLE participant; --")
    @example("ķēniņ")
    def search(typed: str) -> None:
        for found in search_participants(any_desk.db, typed, by=None):
            assert before.get(found.id) == (found.first_name, found.last_name)

    search()
    assert children(any_desk) == before
    assert [p.id for p in search_participants(any_desk.db, "kenin", by=None)] == [any_desk.ilze_id]


# ----- the participant form's use case ---------------------------------------------------


def counts(desk: Desk) -> tuple[int, int]:
    with desk.db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Participant)) or 0,
            s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_the_participant_form_stores_a_clean_name_or_refuses(any_desk: Desk) -> None:
    outcomes = {"stored": 0, "refused": 0}

    @FEW
    @given(TEXT, TEXT, TEXT)
    @example("Ilze", "Ķēniņa", "")
    @example("Ilze\x00", "Ķēniņa", "tālr.\x07")
    @example("'; DROP TABLE participant; --", "👩‍👧", "")
    @example("x" * 81, "Ozola", "")
    def register(first: str, last: str, notes: str) -> None:
        people, events = counts(any_desk)
        try:
            new_id = register_participant(
                any_desk.db, ParticipantDetails(first, last, 2010, any_desk.site_id, notes=notes)
            )
        except InvalidInput as refusal:
            assert readable(refusal.message), refusal.message
            assert counts(any_desk) == (people, events)  # nothing half-written
            outcomes["refused"] += 1
            return
        assert counts(any_desk) == (people + 1, events + 1)
        with any_desk.db.reading() as s:
            stored = s.get(Participant, new_id)
            assert stored is not None
            for typed, kept in ((first, stored.first_name), (last, stored.last_name)):
                assert kept == " ".join(without_control(typed).split())
                assert 0 < len(kept) <= 80
                assert not any(unicodedata.category(ch) == "Cc" for ch in kept)
            assert stored.notes == without_control(notes, keep="\n\t").strip()
        outcomes["stored"] += 1

    register()
    assert outcomes["stored"] > 10 and outcomes["refused"] > 10, outcomes


# ----- the desk's scan field -------------------------------------------------------------


def database_state(desk: Desk) -> tuple[int, ...]:
    with desk.db.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Participant, Attendance, Loan, AuditEvent)
        )


def test_the_desk_scan_field_refuses_any_text_readably(
    desk: Desk,
    tmp_path: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    unexpected: list[BaseException] = []
    monkeypatch.setattr(operations, "_default_failure", lambda error, _d: unexpected.append(error))
    ctx = AppContext(desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(desk.db))
    ctx.set_staff(desk.librarian_id)
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()
    page.show()
    assert page.session_id == desk.session_id
    before = database_state(desk)
    shown = {"refused": 0}

    @FEW
    @given(TEXT)
    @example("'; DROP TABLE participant; --")
    @example("P-7KQ2M9XH-4")
    @example(item_text("NOPE-1"))
    def scan(text: str) -> None:
        page.scan_input.setText(text)
        page.scan_input.textEdited.emit(text)  # as typing would: the name search runs
        # Letters that find a child pick them on Enter, a check-in that is meant to happen.
        assume(not page.search_results.isVisible())
        page.scan_message.clear()
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
        Operation.wait_for_all()
        qtbot.waitUntil(lambda: not Operation._running, timeout=5000)
        message = page.scan_message.text()
        assert readable(message, longest=400), repr(message)
        assert page.scan_input.text() == ""
        assert database_state(desk) == before
        shown["refused"] += 1

    scan()
    Operation.wait_for_all()
    assert unexpected == []
    assert shown["refused"] > 50

"""The kiosk's core: tiles that carry a first name and an initial only, and kiosk check-ins."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from db.accounts import NotSignedIn, disable_staff
from db.errors import UnknownCode
from db.kiosk import KioskChild, kiosk_check_in, kiosk_check_in_card, kiosk_screen
from db.models import Attendance, CheckInMethod, Participant
from db.people import ParticipantDetails, register_participant, set_archived
from db.programs import add_site
from tests.conftest import Desk


def test_tiles_hold_first_name_and_initial_in_latvian_order(any_desk: Desk) -> None:
    site = any_desk.site_id
    for first, last in (("Čaba", "Zariņa"), ("Cīrulis", "Ābols"), ("Ilze", "Bērziņa")):
        register_participant(any_desk.db, ParticipantDetails(first, last, 2010, site))
    # A child of another library has no tile here.
    ludza = add_site(any_desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    register_participant(any_desk.db, ParticipantDetails("Anna", "Kalēja", 2010, ludza))

    screen = kiosk_screen(any_desk.db, any_desk.session_id, by=any_desk.librarian_id)

    assert [c.tile_text for c in screen.children] == [
        "Cīrulis Ā.",
        "Čaba Z.",
        "Ilze B.",
        "Ilze Ķ.",
        "Jānis Ž.",
    ]
    assert screen.theme == "Iespējas dzīvojot laukos" and screen.program == "Nāc, pievienojies!"
    assert screen.language == "lv"
    # Nothing but these three ever leaves the core for a tile.
    assert [f.name for f in dataclasses.fields(KioskChild)] == ["id", "first_name", "initial"]


def test_archived_children_have_no_tile(any_desk: Desk) -> None:
    set_archived(any_desk.db, any_desk.janis_id)
    screen = kiosk_screen(any_desk.db, any_desk.session_id, by=any_desk.librarian_id)
    assert [c.id for c in screen.children] == [any_desk.ilze_id]


def test_a_disabled_account_reads_no_tiles(any_desk: Desk) -> None:
    disable_staff(any_desk.db, any_desk.librarian_id)
    with pytest.raises(NotSignedIn):
        kiosk_screen(any_desk.db, any_desk.session_id, by=any_desk.librarian_id)


def kiosk_rows(desk: Desk) -> list[tuple[int, CheckInMethod, int | None]]:
    with desk.db.reading() as s:
        return [
            tuple(row)  # type: ignore[misc]
            for row in s.execute(
                select(Attendance.participant_id, Attendance.method, Attendance.recorded_by_id)
            )
        ]


def test_a_tap_checks_in_with_the_method_kiosk(any_desk: Desk) -> None:
    welcome = kiosk_check_in(
        any_desk.db, any_desk.session_id, any_desk.ilze_id, by=any_desk.librarian_id
    )
    assert welcome.first_name == "Ilze" and not welcome.already_here
    assert kiosk_rows(any_desk) == [(any_desk.ilze_id, CheckInMethod.KIOSK, any_desk.librarian_id)]
    again = kiosk_check_in(
        any_desk.db, any_desk.session_id, any_desk.ilze_id, by=any_desk.librarian_id
    )
    assert again.already_here and len(kiosk_rows(any_desk)) == 1
    # The welcome carries the first name only.
    assert [f.name for f in dataclasses.fields(welcome)] == ["first_name", "already_here"]


def test_a_card_checks_in_with_the_method_kiosk(any_desk: Desk) -> None:
    with any_desk.db.reading() as s:
        code = s.get(Participant, any_desk.janis_id).card_code  # type: ignore[union-attr]
    assert code
    welcome = kiosk_check_in_card(any_desk.db, any_desk.session_id, code, by=None)
    assert welcome.first_name == "Jānis"
    assert kiosk_rows(any_desk) == [(any_desk.janis_id, CheckInMethod.KIOSK, None)]
    with pytest.raises(UnknownCode):
        kiosk_check_in_card(any_desk.db, any_desk.session_id, "ZZZZZZZZ", by=None)

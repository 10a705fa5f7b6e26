"""The desk's scan flow, driven like a scanner does (keys + Enter), asserted on the database."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.attendance import check_in
from db.clock import at_local
from db.database import Database
from db.desk import DeskLists
from db.equipment import ItemDetails, add_item
from db.loans import Borrower, lend
from db.models import (
    Attendance,
    CheckInMethod,
    Consent,
    ConsentPurpose,
    ItemCategory,
    Loan,
    Participant,
)
from db.people import get_participant
from db.scancodes import card_text, item_text, typed_through
from desktop.context import AppContext
from desktop.pages.desk import DeskPage
from desktop.pages.settings_page import SettingsPage
from desktop.resources import SOUNDS_FOLDER
from desktop.settings import PLAY_SOUNDS, SITE, Settings
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> DeskPage:
    desk_page = DeskPage(ctx)
    qtbot.addWidget(desk_page)
    desk_page.clock = lambda: FRIDAY_1605
    desk_page.reload_sessions()
    desk_page.show()
    wait_for_operations(qtbot)
    return desk_page


def scan(qtbot: QtBot, page: DeskPage, text: str) -> None:
    """Type like a scanner: the characters, then Enter; wait for the database worker."""
    qtbot.keyClicks(page.scan_input, text)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def count(desk: Desk, model: type) -> int:
    with desk.db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def card(desk: Desk, participant_id: int) -> str:
    with desk.db.reading() as s:
        code = get_participant(s, participant_id).card_code
    assert code
    return card_text(code)


def present_names(page: DeskPage) -> list[str]:
    return [page.present_list.item(i).text() for i in range(page.present_list.count())]


def test_the_session_running_now_is_picked_by_the_clock(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    assert page.session_id == desk.session_id
    assert "Nāc, pievienojies!" in page.session_title.text()
    page.chosen_by_hand = False
    page.clock = lambda: at_local(date(2018, 10, 5), time(15, 40))  # 20 minutes early
    page.reload_sessions()
    wait_for_operations(qtbot)
    assert page.session_id == desk.session_id
    page.clock = lambda: at_local(date(2018, 10, 5), time(14, 0))
    page.reload_sessions()
    wait_for_operations(qtbot)
    assert page.session_id is None


def test_card_checks_in_and_second_scan_says_already_here(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert "Ilze Ķēniņa" in page.scan_message.text()
    assert present_names(page)[0].startswith("Ilze Ķēniņa")
    assert "no photos" in present_names(page)[0]
    assert page.present_count.text().endswith("1")

    scan(qtbot, page, card(desk, desk.ilze_id))
    assert "Already here" in page.scan_message.text()
    assert count(desk, Attendance) == 1
    assert page.present_list.count() == 1
    assert page.scan_input.hasFocus() or not page.isActiveWindow()


def test_child_then_item_lends_and_item_again_returns(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.janis_id))
    scan(qtbot, page, item_text("LAP-01"))
    with desk.db.reading() as s:
        loan = s.scalars(select(Loan)).one()
        assert (loan.participant_id, loan.returned_at) == (desk.janis_id, None)
    assert "Jānis Žūriņš" in page.scan_message.text()
    assert page.out_list.rowCount() == 1

    scan(qtbot, page, item_text("LAP-01").lower())
    with desk.db.reading() as s:
        assert s.scalars(select(Loan)).one().returned_at is not None
    assert "Returned" in page.scan_message.text()
    assert page.out_list.rowCount() == 0
    # The condition note is asked for without blocking the next scan.
    assert page.note_panel.isVisible()
    page.return_note.setText("Ekrānā skramba")
    page.return_note.returnPressed.emit()
    wait_for_operations(qtbot)
    with desk.db.reading() as s:
        assert s.scalars(select(Loan.return_note)).one() == "Ekrānā skramba"


def test_item_without_a_child_goes_to_the_session_kit_and_all(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, item_text("XBOX-01"))
    with desk.db.reading() as s:
        loans = s.scalars(select(Loan)).all()
    assert {loan.session_id for loan in loans} == {desk.session_id}
    assert len(loans) == 3  # the Xbox and both controllers
    assert page.out_list.rowCount() == 3


@pytest.mark.parametrize(
    "garbage", ["hello", "I-LAP-01-Q", "X-1-2", "P-ZZZZZZZZ-5", "'; DROP TABLE loan; --"]
)
def test_garbage_is_refused_and_nothing_changes(
    qtbot: QtBot, page: DeskPage, desk: Desk, garbage: str
) -> None:
    before = (count(desk, Attendance), count(desk, Loan), count(desk, Participant))
    scan(qtbot, page, garbage)
    message = page.scan_message.text()
    assert garbage[:10] in message or "Scanned" in message
    assert "#fde2e1" in page.scan_message.styleSheet()  # red
    assert (count(desk, Attendance), count(desk, Loan), count(desk, Participant)) == before


def test_typing_a_name_without_diacritics_finds_and_checks_in(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    qtbot.keyClicks(page.scan_input, "kenin")
    wait_for_operations(qtbot)
    assert page.search_results.isVisible()
    assert page.search_results.item(0).text().startswith("Ilze Ķēniņa")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.present_list.count() == 1)
    with desk.db.reading() as s:
        row = s.scalars(select(Attendance)).one()
    assert (row.participant_id, row.method) == (desk.ilze_id, CheckInMethod.NAME_SEARCH)


def test_undo_last_scan(qtbot: QtBot, page: DeskPage, desk: Desk) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert count(desk, Attendance) == 1
    qtbot.mouseClick(page.undo, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.present_list.count() == 0)
    assert count(desk, Attendance) == 0


def test_headcount_buttons(qtbot: QtBot, page: DeskPage, desk: Desk) -> None:
    from db.desk import anonymous_headcount

    plus = page.findChild(type(page.undo), "headcountPlus")
    for _ in range(3):
        qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
        wait_for_operations(qtbot)
    assert anonymous_headcount(desk.db, desk.session_id) == 3
    assert page.headcount.text() == "3"


def test_new_child_is_registered_with_consents_and_checked_in(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    from desktop.dialogs.new_child import NewChildDialog

    dialog = NewChildDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.registered.connect(lambda pid: page.check_in_child(pid, CheckInMethod.NAME_SEARCH))
    dialog.first_name.setText("Līva")
    dialog.last_name.setText("Čakste")
    dialog.birth_year.setValue(2011)
    dialog.guardian_name.setText("Dace Čakste")
    dialog.guardian_phone.setText("+371 29123456")
    dialog.consents[ConsentPurpose.PHOTO].setChecked(True)
    dialog.save()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.present_list.count() == 1)
    with desk.db.reading() as s:
        child = s.scalars(select(Participant).where(Participant.last_name == "Čakste")).one()
        assert (child.birth_year, child.guardian_phone) == (2011, "+371 29123456")
        assert [c.purpose for c in s.scalars(select(Consent))] == [ConsentPurpose.PHOTO]
    assert present_names(page)[0].startswith("Līva Čakste")
    assert "no photos" not in present_names(page)[0]


def test_new_child_points_out_a_possible_duplicate(qtbot: QtBot, page: DeskPage) -> None:
    from desktop.dialogs.new_child import NewChildDialog

    dialog = NewChildDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Ilze")
    dialog.last_name.setText("Ķēniņa")
    dialog.birth_year.setValue(2009)
    dialog.look_for_duplicates()
    wait_for_operations(qtbot)  # read on the worker
    assert not dialog.duplicates.isHidden()
    assert "Ilze Ķēniņa (2009)" in dialog.duplicates.text()


def test_an_item_long_after_the_card_goes_to_the_session(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    from datetime import timedelta

    scan(qtbot, page, card(desk, desk.ilze_id))
    assert "Ilze Ķēniņa" in page.borrower_hint.text()
    page.clock = lambda: FRIDAY_1605 + timedelta(minutes=5)
    page._each_minute()
    wait_for_operations(qtbot)
    assert page.borrower_hint.text() == ""
    scan(qtbot, page, item_text("LAP-01"))
    with desk.db.reading() as s:
        loan = s.scalars(select(Loan)).one()
    assert (loan.session_id, loan.participant_id) == (desk.session_id, None)


def enter(qtbot: QtBot, page: DeskPage, text: str) -> None:
    """A scan with letters keyClicks cannot type (Lithuanian, Cyrillic): set, then Enter."""
    page.scan_input.setText(text)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def test_a_scan_through_another_layout_counts_and_the_layout_is_said_once(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert page.layout_note.text() == ""  # read as printed: nothing to say

    enter(qtbot, page, typed_through(card(desk, desk.janis_id), "ru"))  # З-…: P's key
    assert "Jānis Žūriņš" in page.scan_message.text()
    assert count(desk, Attendance) == 2
    said = page.layout_note.text()
    assert "Russian" in said and "keyboard" in said

    enter(qtbot, page, typed_through(item_text("LAP-01"), "lt", caps_lock=True))
    with desk.db.reading() as s:
        assert s.scalars(select(Loan.participant_id)).one() == desk.janis_id
    assert page.layout_note.text() == said  # once a session, not at every scan


def test_the_out_now_list_is_the_desks_own_librarys(
    two_site_ctx: AppContext, desk: Desk, qtbot
) -> None:
    """Ludza's tablet out to a child is on Ludza's desk, not on Jēkabpils's (and back)."""
    ludza = next(site_id for site_id, name, _c in two_site_ctx.sites if name == "Ludza")
    add_item(desk.db, ItemDetails("TAB-09", "Planšete", ItemCategory.OTHER, site_id=ludza))
    lend(desk.db, "TAB-09", Borrower.child(desk.ilze_id), at=FRIDAY_1605)
    lend(desk.db, "LAP-01", Borrower.child(desk.janis_id), at=FRIDAY_1605)
    shown: dict[str, list[str]] = {}
    for site in ("Jēkabpils", "Ludza"):
        two_site_ctx.settings.set(SITE, site)
        desk_page = DeskPage(two_site_ctx)
        qtbot.addWidget(desk_page)
        desk_page.clock = lambda: FRIDAY_1605
        desk_page.reload_out()
        wait_for_operations(qtbot)
        rows = desk_page.out_list
        shown[site] = [rows.item(row, 0).text() for row in range(rows.rowCount())]
    assert shown == {"Jēkabpils": ["LAP-01"], "Ludza": ["TAB-09"]}


def test_sounds_play_while_the_settings_page_says_so(
    qtbot: QtBot,
    page: DeskPage,
    ctx: AppContext,
    desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The checkbox on the Settings page turns the scan sounds off, on this laptop for good."""
    assert sorted(path.name for path in SOUNDS_FOLDER.glob("*.wav")) == ["ok.wav", "refused.wav"]
    played: list[str] = []
    monkeypatch.setattr(page.sounds, "play", played.append)
    settings_page = SettingsPage(ctx)
    qtbot.addWidget(settings_page)
    assert settings_page.sounds.isChecked()  # on, until a librarian turns them off

    scan(qtbot, page, card(desk, desk.ilze_id))
    scan(qtbot, page, "hello")
    assert played == ["ok", "refused"]

    settings_page.sounds.setChecked(False)
    assert Settings(str(tmp_path / "settings.ini")).get(PLAY_SOUNDS) is False
    scan(qtbot, page, card(desk, desk.janis_id))
    scan(qtbot, page, "hello")
    assert count(desk, Attendance) == 2
    assert played == ["ok", "refused"]  # the scans counted, silently


def test_a_scan_changes_the_lists_row_by_row_and_another_pages_change_reads_them(
    qtbot: QtBot, page: DeskPage, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.pages import desk_lists

    reads: list[int | None] = []
    real = desk_lists.desk_lists

    def counted(db: Database, session_id: int | None, **kwargs: Any) -> DeskLists:
        reads.append(session_id)
        return real(db, session_id, **kwargs)

    monkeypatch.setattr(desk_lists, "desk_lists", counted)
    scan(qtbot, page, card(desk, desk.ilze_id))
    scan(qtbot, page, item_text("LAP-01"))
    assert present_names(page)[0].startswith("Ilze Ķēniņa")
    assert [page.out_list.item(0, c).text() for c in (0, 2)] == ["LAP-01", "Ilze Ķēniņa"]
    assert page.out_title.text() == "Out now: 1"
    scan(qtbot, page, item_text("LAP-01"))
    assert page.out_list.rowCount() == 0
    page.undo.click()  # the return undone: the row is back, from the undo's outcome
    wait_for_operations(qtbot)
    assert page.out_list.rowCount() == 1
    assert reads == []  # nothing read again after the desk's own scans
    # Jānis checked in on another laptop (or page): the desk reads its lists again.
    ctx: AppContext = page.ctx
    ctx.operation(None, lambda db, by: check_in(db, desk.session_id, desk.janis_id, by=by)).run()
    wait_for_operations(qtbot)
    assert reads == [desk.session_id]
    assert sorted(name.split("   ")[0] for name in present_names(page)) == [
        "Ilze Ķēniņa",
        "Jānis Žūriņš",
    ]


def test_typing_fast_shows_the_newest_names_and_enter_before_them_checks_in(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    for typed in ("zu", "zur", "ke", "keni"):
        page.scan_input.setText(typed)
        page.scan_input.textEdited.emit(typed)
    wait_for_operations(qtbot)
    shown = [page.search_results.item(i).text() for i in range(page.search_results.count())]
    assert shown == ["Ilze Ķēniņa (2009)"]
    page.scan_input.clear()
    page._hide_results()
    # Enter pressed before the names for "zurin" arrived: the child found is checked in.
    page.scan_input.setText("zurin")
    page.scan_input.textEdited.emit("zurin")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert page.scan_message.text().startswith("Checked in: Jānis Žūriņš")
    with desk.db.reading() as s:
        assert s.scalars(select(Attendance.participant_id)).all() == [desk.janis_id]

"""The whole desk by keyboard: every action has its key, and the scan field gets the keys back."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.clock import at_local
from db.desk import anonymous_headcount
from db.models import Attendance, Loan
from db.people import ParticipantDetails, get_participant, register_participant
from db.programs import SessionPlan, create_session
from db.scancodes import card_text, item_text
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.pages.desk import GREEN, DeskPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.desk.clock = lambda: FRIDAY_1605
    main.desk.reload_sessions()
    main.show()
    wait_for_operations(qtbot)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main.desk.scan_input)
    return main


@pytest.fixture
def page(window: MainWindow) -> DeskPage:
    return window.desk


def press(qtbot: QtBot, key: Qt.Key | str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the focus: the keys go nowhere"
    qtbot.keyClick(target, key, modifier)
    wait_for_operations(qtbot)


def ctrl(qtbot: QtBot, key: Qt.Key) -> None:
    press(qtbot, key, Qt.KeyboardModifier.ControlModifier)


def scan(qtbot: QtBot, page: DeskPage, text: str) -> None:
    qtbot.keyClicks(page.scan_input, text)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def attendances(desk: Desk) -> int:
    with desk.db.reading() as s:
        return s.scalar(select(func.count()).select_from(Attendance)) or 0


def card(desk: Desk, participant_id: int) -> str:
    with desk.db.reading() as s:
        code = get_participant(s, participant_id).card_code
    assert code
    return card_text(code)


def assert_scan_field_has_the_keys(qtbot: QtBot, page: DeskPage) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan_input)


def test_ctrl_n_registers_a_walk_in_and_checks_them_in(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    from desktop.dialogs.new_child import NewChildDialog

    ctrl(qtbot, Qt.Key.Key_N)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewChildDialog)
    dialog.first_name.setText("Līva")
    dialog.last_name.setText("Čakste")
    dialog.save()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.present_list.count() == 1)
    assert page.present_list.item(0).text().startswith("Līva Čakste")
    assert_scan_field_has_the_keys(qtbot, page)


def test_ctrl_z_undoes_the_last_scan_but_not_what_is_being_typed(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert attendances(desk) == 1 and page.undo.isEnabled()
    assert "Ctrl+Z" in page.undo.toolTip() and "Ilze Ķēniņa" in page.undo.toolTip()

    # Half a name typed: Ctrl+Z takes back the typing, the check-in stays.
    qtbot.keyClicks(page.scan_input, "zur")
    ctrl(qtbot, Qt.Key.Key_Z)
    assert page.scan_input.text() != "zur"
    assert attendances(desk) == 1
    page.scan_input.clear()

    ctrl(qtbot, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: page.present_list.count() == 0)
    assert attendances(desk) == 0
    assert "Undone" in page.scan_message.text() and not page.undo.isEnabled()
    ctrl(qtbot, Qt.Key.Key_Z)  # nothing left to undo: the desk says so, nothing changes
    assert attendances(desk) == 0
    assert "Nothing to undo" in page.scan_message.text()
    assert_scan_field_has_the_keys(qtbot, page)


def test_an_item_after_an_undone_check_in_goes_to_the_session_not_to_that_child(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert "Ilze" in page.borrower_hint.text()
    ctrl(qtbot, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: page.present_list.count() == 0)
    assert page.borrower_hint.text() == ""
    scan(qtbot, page, item_text("LAP-01"))
    with desk.db.reading() as tx:
        loan = tx.scalars(select(Loan)).one()
    assert loan.participant_id is None and loan.session_id == desk.session_id


def test_ctrl_p_previews_the_sign_in_sheet_of_the_session(qtbot: QtBot, page: DeskPage) -> None:
    from desktop.dialogs.pdf_preview import PdfPreview

    ctrl(qtbot, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PdfPreview))
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, PdfPreview)
    assert preview.document.pageCount() >= 1
    assert preview.file_name == f"parakstu-lapa-{page.session_id}.pdf"
    preview.reject()
    assert_scan_field_has_the_keys(qtbot, page)


def test_f4_chooses_another_session(qtbot: QtBot, page: DeskPage, desk: Desk) -> None:
    later = create_session(
        desk.db,
        desk.program_id,
        SessionPlan(date(2018, 10, 12), time(16), time(17), "Mani supervaroņi"),
    )
    page.reload_sessions()
    assert page.session_id == desk.session_id
    press(qtbot, Qt.Key.Key_F4)
    popup = page.session_choice.view()
    qtbot.waitUntil(popup.isVisible)
    target = page.session_choice.findData(later)
    popup.setCurrentIndex(page.session_choice.model().index(target, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.session_id == later)
    assert "Mani supervaroņi" in page.session_title.text()
    assert_scan_field_has_the_keys(qtbot, page)


def test_plus_and_minus_count_visitors_only_while_the_scan_field_is_empty(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    # Pressed quicker than the database answers: every press counts.
    for key in ("+", "+", "+", "-"):
        qtbot.keyClick(page.scan_input, key)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.headcount.text() == "2")
    assert anonymous_headcount(desk.db, desk.session_id) == 2
    assert page.scan_input.text() == ""

    # Typed into a word, + and − are characters like any other.
    qtbot.keyClicks(page.scan_input, "ab+c-d")
    wait_for_operations(qtbot)
    assert page.scan_input.text() == "ab+c-d"
    assert anonymous_headcount(desk.db, desk.session_id) == 2
    assert_scan_field_has_the_keys(qtbot, page)


def test_tab_walks_the_desk_and_a_button_pressed_gives_the_keys_back(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    walked: list[str] = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        walked.append(focused.objectName())
    # The return note shows only after a return, and nothing is to be undone yet: skipped.
    assert walked == [
        "newChildButton",
        "signinButton",
        "headcountMinus",
        "headcountPlus",
        "sessionChoice",
    ]
    page.take_focus()
    for _ in range(4):  # to the + button
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.findChild(QWidget, "headcountPlus")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: anonymous_headcount(desk.db, desk.session_id) == 1)
    assert_scan_field_has_the_keys(qtbot, page)


def test_the_keys_are_told_and_clash_with_no_page_shortcut(
    window: MainWindow, page: DeskPage
) -> None:
    tips = {
        "newChildButton": "Ctrl+N",
        "undoButton": "Ctrl+Z",
        "signinButton": "Ctrl+P",
        "sessionChoice": "F4",
        "headcountPlus": "+",
        "headcountMinus": "−",
    }
    for name, key in tips.items():
        widget = page.findChild(QWidget, name)
        assert widget is not None and key in widget.toolTip(), name
    desk_keys = {shortcut.key().toString() for shortcut in page.findChildren(QShortcut)}
    # Alt+1…9 keep a kit's missing part out (told in the return message's links).
    assert desk_keys == {"Ctrl+N", "Ctrl+Z", "Ctrl+P", "F4"} | {f"Alt+{n}" for n in range(1, 10)}
    window_keys = {
        shortcut.key().toString()
        for shortcut in window.findChildren(QShortcut)
        if shortcut.parent() is window
    }
    assert window_keys == {f"Ctrl+{n}" for n in range(1, 8)} | {"F1"}  # F1: About
    assert not desk_keys & window_keys
    assert QKeySequence("Ctrl+1").toString() in window_keys


def test_the_desk_keys_do_nothing_on_another_page(
    qtbot: QtBot, window: MainWindow, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.ilze_id))
    ctrl(qtbot, Qt.Key.Key_2)  # Participants
    assert window.stack.currentWidget() is window.participants
    for key in (Qt.Key.Key_N, Qt.Key.Key_Z, Qt.Key.Key_P):
        ctrl(qtbot, key)
        assert QApplication.activeModalWidget() is None
    press(qtbot, Qt.Key.Key_F4)
    assert not page.session_choice.view().isVisible()
    assert attendances(desk) == 1
    ctrl(qtbot, Qt.Key.Key_1)
    assert_scan_field_has_the_keys(qtbot, page)


def test_name_search_results_are_as_large_as_the_here_now_list_and_mark_who_is_here(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    register_participant(desk.db, ParticipantDetails("Kārlis", "Ķēniņš", 2008, desk.site_id))
    scan(qtbot, page, card(desk, desk.ilze_id))
    qtbot.keyClicks(page.scan_input, "kenin")
    wait_for_operations(qtbot)
    results = page.search_results
    assert results.isVisible() and results.count() == 2
    ilze, karlis = results.item(0), results.item(1)
    assert ilze.text().startswith("Ilze Ķēniņa") and "already here" in ilze.text()
    assert ilze.background().color().name() == GREEN
    assert karlis.text() == "Kārlis Ķēniņš (2008)"
    assert karlis.background().style() == Qt.BrushStyle.NoBrush

    assert results.font().pointSize() == page.present_list.font().pointSize() == 13
    # Both show Ilze with the "no photos" sign: the same row height in both lists.
    assert results.sizeHintForRow(0) == page.present_list.sizeHintForRow(0)
    # Every name found shows at once, without a scroll bar.
    assert results.verticalScrollBar().maximum() == 0
    assert results.height() >= results.sizeHintForRow(0) + results.sizeHintForRow(1)

    # Choosing a child already here says so, and counts nothing twice.
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert "Already here" in page.scan_message.text()
    assert attendances(desk) == 1
    assert_scan_field_has_the_keys(qtbot, page)


def test_escape_drops_the_typing_and_the_names_found(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    qtbot.keyClicks(page.scan_input, "kenin")
    wait_for_operations(qtbot)
    assert page.search_results.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert page.scan_input.text() == "" and not page.search_results.isVisible()
    # Enter now checks nobody in: the name found before is gone.
    press(qtbot, Qt.Key.Key_Return)
    assert attendances(desk) == 0
    assert_scan_field_has_the_keys(qtbot, page)

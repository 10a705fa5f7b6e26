"""A scanner's fast burst lands in the desk's scan handling wherever the focus is on the desk;
a person's slow typing goes where it was typed. Key events carry synthetic times."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Attendance
from desktop.pages.desk import DeskPage
from tests.conftest import Desk
from tests.ui import test_desk_keyboard as keyboard
from tests.ui.conftest import wait_for_operations
from tests.ui.test_desk_keyboard import card

# The desk in its main window, focus on the scan field, at Friday 16:05 (fixtures).
window = keyboard.window
page = keyboard.page


def send_keys(widget: QWidget, text: str, start: int, gap: int, end: Qt.Key) -> int:
    """Press each character (Latvian letters too) and then `end`, one every `gap` ms."""
    at = start
    for ch in text:
        key = Qt.Key(ord(ch.upper())) if ch.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(at)
            QApplication.sendEvent(widget, event)
        at += gap
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, end, Qt.KeyboardModifier.NoModifier, "\r")
        event.setTimestamp(at)
        QApplication.sendEvent(widget, event)
    return at


def checked_in(desk: Desk) -> list[int]:
    with desk.db.reading() as s:
        return list(s.scalars(select(Attendance.participant_id)))


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_a_scan_with_the_focus_in_the_note_field_checks_in_and_types_nothing(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    focus(qtbot, page.return_note)
    page.return_note.setText("stick ")
    send_keys(page.return_note, card(desk, desk.ilze_id), 50_000, 8, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert checked_in(desk) == [desk.ilze_id]
    assert page.scan_message.text().startswith("Checked in: Ilze Ķēniņa")
    assert page.return_note.text() == "stick "  # not a character of the code in the form


def test_slow_typing_in_the_note_field_stays_there(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    focus(qtbot, page.return_note)
    # The same characters a card carries, typed by a person: they are a note, not a scan.
    typed = card(desk, desk.ilze_id)
    send_keys(page.return_note, typed, 50_000, 180, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.return_note.text() == typed)
    wait_for_operations(qtbot)
    assert checked_in(desk) == []


def test_latvian_letters_typed_slowly_reach_the_note_field(qtbot: QtBot, page: DeskPage) -> None:
    focus(qtbot, page.return_note)
    send_keys(page.return_note, "Kociņš drifts", 50_000, 120, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.return_note.text() == "Kociņš drifts")


def test_a_scan_with_the_focus_on_the_session_chooser_keeps_the_session(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    focus(qtbot, page.session_choice)
    chosen = page.session_choice.currentIndex()
    send_keys(page.session_choice, card(desk, desk.janis_id), 50_000, 5, Qt.Key.Key_Tab)
    wait_for_operations(qtbot)
    assert checked_in(desk) == [desk.janis_id]
    assert page.session_choice.currentIndex() == chosen and page.session_id == desk.session_id


def test_the_same_card_twice_within_two_seconds_counts_once(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    focus(qtbot, page.scan_input)
    code = card(desk, desk.ilze_id)
    ended = send_keys(page.scan_input, code, 50_000, 4, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert page.scan_message.text().startswith("Checked in: Ilze Ķēniņa")
    # The scanner fired again a moment later: nothing new is said, the field stays clean.
    send_keys(page.scan_input, code, ended + 600, 4, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert page.scan_message.text().startswith("Checked in: Ilze Ķēniņa")
    assert page.scan_input.text() == ""
    # Later it is a scan again: "already here".
    send_keys(page.scan_input, code, ended + 5_000, 4, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert page.scan_message.text().startswith("Already here: Ilze Ķēniņa")
    assert checked_in(desk) == [desk.ilze_id]


def test_a_scan_into_a_form_over_the_desk_is_neither_typed_nor_used(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    from desktop.dialogs.new_child import NewChildDialog

    page.open_new_child()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewChildDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewChildDialog)
    focus(qtbot, dialog.first_name)
    send_keys(dialog.first_name, card(desk, desk.ilze_id), 50_000, 6, Qt.Key.Key_Return)
    wait_for_operations(qtbot)
    assert dialog.first_name.text() == "" and dialog.isVisible()  # nor did Enter save it
    # Nothing happens behind the open form, and the desk says why.
    assert checked_in(desk) == []
    assert page.scan_message.text() == (
        "That scan was not used: finish the open window first, then scan."
    )
    # A name typed by hand still lands in the form.
    send_keys(dialog.first_name, "Līva", 60_000, 150, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dialog.first_name.text() == "Līva")
    dialog.reject()

"""The desk on a database of two libraries: kits back whole, overdue warnings, partner children.

Driven as a scanner drives it (characters, then Enter, into the scan field); Latvian letters
go in as key events carrying the text, since keyClicks aborts on them.
"""

# The `page` fixture is imported from test_desk.py, so its parameters shadow it on purpose.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.clock import at_local
from db.equipment import ItemDetails, add_item
from db.loans import Borrower, lend
from db.models import Attendance, ItemCategory, Loan
from db.people import ParticipantDetails, register_participant
from db.programs import add_site
from db.scancodes import item_text
from desktop.pages.desk import DeskPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations
from tests.ui.test_desk import FRIDAY_1605, card, page, scan  # noqa: F401 (fixture)

SEPTEMBER_28 = at_local(date(2018, 9, 28), time(16, 20))  # a Friday a week before


@pytest.fixture
def desk(desk: Desk) -> Desk:
    """The small desk, with the Xbox's games and a second library, Ludza, with its child."""
    ludza = add_site(desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    register_participant(desk.db, ParticipantDetails("Marta", "Kalēja", 2010, ludza))
    for tag, name in (("GAME-01", "Minecraft"), ("GAME-02", "Forza Horizon 4")):
        add_item(
            desk.db, ItemDetails(tag, name, ItemCategory.GAME, desk.site_id, parent_tag="XBOX-01")
        )
    return desk


def type_in(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type text key by key; a Latvian letter arrives as a key event with its text."""
    for letter in text:
        if letter.isascii():
            qtbot.keyClicks(widget, letter)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter)
            )


def settle(qtbot: QtBot) -> None:
    wait_for_operations(qtbot)


def open_loans_now(desk: Desk) -> list[tuple[str, int | None, int | None]]:
    """Every open loan: tag, child, session."""
    with desk.db.reading() as s:
        return sorted(
            (loan.item.tag, loan.participant_id, loan.session_id)
            for loan in s.scalars(select(Loan).where(Loan.returned_at.is_(None)))
        )


def marta_id(desk: Desk) -> int:
    from db.models import Participant

    with desk.db.reading() as s:
        return s.scalars(select(Participant.id).where(Participant.last_name == "Kalēja")).one()


def test_a_kit_comes_back_whole_and_a_missing_part_stays_out(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.janis_id))
    scan(qtbot, page, item_text("XBOX-01"))
    kit = ["CTL-01", "CTL-02", "GAME-01", "GAME-02", "XBOX-01"]
    assert open_loans_now(desk) == [(tag, desk.janis_id, None) for tag in kit]
    with desk.db.reading() as s:
        due = {loan.due_at for loan in s.scalars(select(Loan))}
    assert len(due) == 1

    scan(qtbot, page, item_text("XBOX-01"))
    assert open_loans_now(desk) == []
    message = page.scan_message.text()
    assert "Returned: XBOX-01 Xbox One S with CTL-01, CTL-02, GAME-01, GAME-02" in message
    assert "from Jānis Žūriņš" in message
    assert page.out_list.rowCount() == 0
    assert '<a href="CTL-01">CTL-01&nbsp;not&nbsp;returned&nbsp;(Alt+1)</a>' in message

    # The controller is not in the box: one action keeps it out to Jānis, due as before.
    page.scan_message.linkActivated.emit("CTL-01")
    settle(qtbot)
    assert open_loans_now(desk) == [("CTL-01", desk.janis_id, None)]
    with desk.db.reading() as s:
        kept = s.scalars(select(Loan).where(Loan.returned_at.is_(None))).one()
    assert {kept.due_at} == due
    message = page.scan_message.text()
    assert "Not returned: CTL-01 Xbox kontrolieris, still out to Jānis Žūriņš" in message
    assert "with CTL-02, GAME-01, GAME-02" in message
    assert 'href="CTL-01"' not in message and 'href="CTL-02"' in message
    assert page.out_list.rowCount() == 1
    assert page.out_list.item(0, 2).text() == "Jānis Žūriņš"
    assert page.scan_input.hasFocus() or not page.isActiveWindow()


def test_a_part_scanned_alone_comes_back_alone_from_the_session(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, item_text("XBOX-01"))
    message = page.scan_message.text()
    assert "to the session “Nāc, pievienojies!” 16:00, due 17:00" in message
    assert "2018-10-05" not in message

    scan(qtbot, page, item_text("GAME-02"))
    assert [tag for tag, *_ in open_loans_now(desk)] == ["CTL-01", "CTL-02", "GAME-01", "XBOX-01"]
    assert page.scan_message.text() == (
        "Returned: GAME-02 Forza Horizon 4 (was out to the session “Nāc, pievienojies!” 16:00)"
    )
    assert page.out_list.rowCount() == 4


def test_undo_of_a_kit_return_puts_the_kit_out_again_as_it_was(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.janis_id))
    scan(qtbot, page, item_text("XBOX-01"))
    with desk.db.reading() as s:
        before = sorted(
            (loan.item_id, loan.participant_id, loan.due_at) for loan in s.scalars(select(Loan))
        )
    scan(qtbot, page, item_text("XBOX-01"))
    assert open_loans_now(desk) == []
    qtbot.mouseClick(page.undo, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: page.out_list.rowCount() == 5)
    with desk.db.reading() as s:
        loans = s.scalars(select(Loan)).all()
        assert sorted((loan.item_id, loan.participant_id, loan.due_at) for loan in loans) == before
        assert all(loan.returned_at is None for loan in loans)
    assert page.scan_message.text() == "Undone: return of XBOX-01"


def test_an_overdue_child_is_checked_in_with_a_note_and_lending_asks_first(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), at=SEPTEMBER_28)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    type_in(qtbot, page.scan_input, "Ķēniņa")
    settle(qtbot)
    assert page.search_results.item(0).text().startswith("Ilze Ķēniņa")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot)
    with desk.db.reading() as s:
        assert s.scalars(select(Attendance.participant_id)).all() == [desk.ilze_id]
    message = page.scan_message.text()
    assert message.startswith("Checked in: Ilze Ķēniņa")
    assert "Still has, overdue: LAP-01 since 28.09." in message
    assert "#fff3cd" in page.scan_message.styleSheet()  # amber

    # Lending her the Xbox asks first; Esc says no and nothing is lent.
    scan(qtbot, page, item_text("XBOX-01"))
    question = page.overdue_question
    assert question is not None and question.isVisible()
    assert "Ilze Ķēniņa still has overdue: LAP-01 since 28.09." in question.text()
    assert open_loans_now(desk) == [("LAP-01", desk.ilze_id, None)]
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.overdue_question is None)
    assert open_loans_now(desk) == [("LAP-01", desk.ilze_id, None)]
    assert page.scan_message.text() == "Not lent: XBOX-01"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan_input)

    # Again, and Enter lends anyway: the kit goes to her, the scan field has the focus.
    scan(qtbot, page, item_text("XBOX-01"))
    question = page.overdue_question
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.waitUntil(lambda: len(open_loans_now(desk)) == 6)
    assert {child for _tag, child, _s in open_loans_now(desk)} == {desk.ilze_id}
    assert "Lent: XBOX-01 Xbox One S" in page.scan_message.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan_input)


def test_a_child_with_nothing_overdue_borrows_without_a_question(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), at=FRIDAY_1605)  # due at 17:00
    scan(qtbot, page, card(desk, desk.ilze_id))
    assert "overdue" not in page.scan_message.text()
    scan(qtbot, page, item_text("CTL-01"))
    assert page.overdue_question is None
    assert ("CTL-01", desk.ilze_id, None) in open_loans_now(desk)


def test_a_child_of_the_partner_library_is_checked_in_by_card_with_a_note(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    assert len(page.ctx.sites) == 2 and page.session_id == desk.session_id
    marta = marta_id(desk)
    scan(qtbot, page, card(desk, marta))
    with desk.db.reading() as s:
        assert s.scalars(select(Attendance.participant_id)).all() == [marta]
    assert page.scan_message.text() == "Checked in: Marta Kalēja  (no photos)  (from Ludza)"
    assert "#d8f5dc" in page.scan_message.styleSheet()  # green: welcome, not refused
    assert page.present_list.item(0).text().startswith("Marta Kalēja")
    # Our own child gets no such note.
    scan(qtbot, page, card(desk, desk.janis_id))
    assert "from" not in page.scan_message.text()


def test_a_kit_part_is_kept_out_only_right_after_the_kit_came_back(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, item_text("XBOX-01"))
    scan(qtbot, page, item_text("XBOX-01"))
    assert 'href="CTL-01"' in page.scan_message.text()
    scan(qtbot, page, card(desk, desk.ilze_id))  # the next child: the kit's message is gone
    assert "href" not in page.scan_message.text()
    page.scan_message.linkActivated.emit("CTL-01")
    settle(qtbot)
    assert open_loans_now(desk) == []
    assert page.scan_message.text().startswith("Checked in: Ilze Ķēniņa")


def test_a_missing_part_is_kept_out_by_keyboard_and_the_scanner_keeps_the_focus(
    qtbot: QtBot, page: DeskPage, desk: Desk
) -> None:
    scan(qtbot, page, card(desk, desk.janis_id))
    scan(qtbot, page, item_text("XBOX-01"))
    scan(qtbot, page, item_text("XBOX-01"))
    assert open_loans_now(desk) == []
    # CTL-01, CTL-02, GAME-01, GAME-02 are listed as back; the second controller is missing.
    qtbot.keyClick(page.scan_input, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle(qtbot)
    assert open_loans_now(desk) == [("CTL-02", desk.janis_id, None)]
    assert "Not returned: CTL-02" in page.scan_message.text()
    # The list moved up: Alt+2 now means GAME-01, Alt+9 means nothing.
    qtbot.keyClick(page.scan_input, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    settle(qtbot)
    assert open_loans_now(desk) == [("CTL-02", desk.janis_id, None)]
    assert page.scan_input.hasFocus() or not page.isActiveWindow()

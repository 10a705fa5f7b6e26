"""Pages hear what an operation wrote from the operation itself: no page tells another."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.areas import Area
from db.clock import at_local
from db.errors import ItemAlreadyOut
from db.loans import Borrower, lend
from db.people import get_participant
from db.scancodes import card_text, item_text
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.pages.desk import DeskPage
from desktop.pages.equipment import BORROWER, EquipmentPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


@pytest.fixture
def desk_page(ctx: AppContext, qtbot: QtBot) -> DeskPage:
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()
    page.show()
    wait_for_operations(qtbot)
    return page


@pytest.fixture
def equipment(ctx: AppContext, qtbot: QtBot) -> EquipmentPage:
    page = EquipmentPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_for_operations(qtbot)
    return page


def told(ctx: AppContext) -> list[tuple[frozenset[Area], object]]:
    heard: list[tuple[frozenset[Area], object]] = []
    ctx.changed.connect(lambda areas, initiator: heard.append((areas, initiator)))
    return heard


def scan(qtbot: QtBot, page: DeskPage, text: str) -> None:
    qtbot.keyClicks(page.scan_input, text)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    wait_for_operations(qtbot)


def borrower_of(page: EquipmentPage, tag: str) -> str:
    return str(page._index_of(tag).siblingAtColumn(BORROWER).data() or "")


def test_a_loan_at_the_desk_shows_on_equipment_out_now(
    qtbot: QtBot, ctx: AppContext, desk: Desk, desk_page: DeskPage, equipment: EquipmentPage
) -> None:
    assert "Out now: 0" in equipment.summary.text()
    heard = told(ctx)
    with ctx.database.reading() as tx:
        code = get_participant(tx, desk.janis_id).card_code
    assert code is not None
    scan(qtbot, desk_page, card_text(code))
    scan(qtbot, desk_page, item_text("LAP-01"))
    qtbot.waitUntil(lambda: "Out now: 1" in equipment.summary.text(), timeout=3000)
    assert borrower_of(equipment, "LAP-01") == "Jānis Žūriņš"
    # The check-in, then the loan: each told by the desk page that started it.
    assert heard == [
        (frozenset({Area.ATTENDANCE, Area.AUDIT}), desk_page),
        (frozenset({Area.LOANS, Area.AUDIT}), desk_page),
    ]

    scan(qtbot, desk_page, item_text("LAP-01"))  # taken back
    qtbot.waitUntil(lambda: "Out now: 0" in equipment.summary.text(), timeout=3000)
    desk_page.undo.click()  # the return undone: out again
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "Out now: 1" in equipment.summary.text(), timeout=3000)


def run(qtbot: QtBot, work: Callable[[], Any]) -> list[BaseException]:
    failed: list[BaseException] = []
    Operation(None, work).failure(lambda error, _details: failed.append(error)).run()
    wait_for_operations(qtbot)
    return failed


def test_work_that_writes_nothing_tells_nothing(qtbot: QtBot, ctx: AppContext, desk: Desk) -> None:
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
    heard = told(ctx)
    refused = run(qtbot, lambda: lend(desk.db, "LAP-01", Borrower.child(desk.janis_id)))
    assert [type(error) for error in refused] == [ItemAlreadyOut]
    assert heard == []


def test_what_committed_before_a_refusal_is_still_told(
    qtbot: QtBot, ctx: AppContext, desk: Desk
) -> None:
    """Work of two units of work: the first lent, the second was refused; the loan stays."""
    heard = told(ctx)

    def two_loans() -> None:
        lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
        lend(desk.db, "LAP-01", Borrower.child(desk.janis_id))

    refused = run(qtbot, two_loans)
    assert [type(error) for error in refused] == [ItemAlreadyOut]
    assert heard == [(frozenset({Area.LOANS, Area.AUDIT}), None)]

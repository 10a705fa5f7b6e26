"""The Equipment page: the list and its kits, add/edit, status, lending by hand, history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select

from db.clock import local, now_utc
from db.equipment import ItemDetails, add_item, set_item_status
from db.equipment_lists import item_history, list_items
from db.loans import Borrower, lend
from db.models import Item, ItemCategory, ItemStatus, Loan
from db.programs import add_site, list_sites
from desktop.context import AppContext
from desktop.dialogs.item_dialog import ItemDialog, LendDialog, ReturnDialog
from desktop.operations import Operation
from desktop.pages.equipment import (
    BORROWER,
    DUE,
    NAME,
    OVERDUE_BACKGROUND,
    OVERDUE_TEXT,
    STATUS,
    TAG,
    EquipmentPage,
)
from desktop.settings import Settings
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> Iterator[EquipmentPage]:
    shown = EquipmentPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1200, 760)
    shown.show()
    wait_for_operations(qtbot)
    yield shown


def item_row(desk: Desk, tag: str) -> Item:
    with desk.db.reading() as tx:
        item = tx.scalars(select(Item).where(Item.tag == tag)).one()
        tx.expunge(item)
        return item


def loans_of(desk: Desk, tag: str) -> list[Loan]:
    with desk.db.reading() as tx:
        loans = list(
            tx.scalars(select(Loan).join(Loan.item).where(Item.tag == tag).order_by(Loan.id)).all()
        )
        tx.expunge_all()
        return loans


def cell(page: EquipmentPage, tag: str, column: int) -> str:
    index = page._index_of(tag)
    assert index.isValid(), f"{tag} is not in the list"
    return str(index.siblingAtColumn(column).data())


def tree(page: EquipmentPage) -> dict[str, list[str]]:
    """Top-level tags and the tags shown under each."""
    model = page.model
    shown: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        top = model.item(row, TAG)
        shown[top.text()] = [top.child(i, TAG).text() for i in range(top.rowCount())]
    return shown


def history_rows(page: EquipmentPage) -> list[list[str]]:
    model = page.history_model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def choose(page: EquipmentPage, qtbot: QtBot, tag: str) -> None:
    page.select(tag)
    qtbot.waitUntil(lambda: page.selected_tag() == tag)
    wait_for_operations(qtbot)  # its loans


def as_shown(at: datetime | None) -> str:
    """The Latvian short form the page uses: no year when it is this year's."""
    assert at is not None
    wall = local(at)
    this_year = wall.year == local(now_utc()).year
    return f"{wall:%d.%m.} {wall:%H:%M}" if this_year else f"{wall:%d.%m.%Y %H:%M}"


def test_list_shows_items_and_the_xbox_kit_with_its_controllers(page: EquipmentPage) -> None:
    assert tree(page) == {"LAP-01": [], "XBOX-01": ["CTL-01", "CTL-02"]}
    assert cell(page, "LAP-01", NAME) == "Portatīvais dators"
    assert cell(page, "XBOX-01", 2) == "Game console"
    assert cell(page, "CTL-01", 2) == "Controller"
    assert cell(page, "LAP-01", STATUS) == "Available"
    assert page.tree.isExpanded(page._index_of("XBOX-01"))
    assert page.summary.text() == "Items: 4   Out now: 0   Overdue: 0"
    # Nothing chosen yet: only adding makes sense.
    assert page.add_button.isEnabled()
    assert not page.edit_button.isEnabled()
    assert not page.lend_button.isEnabled()


def test_adding_an_item_through_the_dialog_creates_it_under_its_kit(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)  # the kits it may join, then the dialog
    dialog = page.item_actions.dialog
    assert isinstance(dialog, ItemDialog)
    assert not dialog.ok_button.isEnabled()  # a tag and a name are needed first
    qtbot.keyClicks(dialog.tag, "game-01")
    assert dialog.tag.text() == "GAME-01"  # labels carry upper case only
    dialog.name.setText("Kinect Sports Rivals")
    dialog.category.setCurrentIndex(dialog.category.findData(ItemCategory.GAME))
    dialog.serial.setText("KSR-2018-7")
    dialog.kit.setCurrentIndex(dialog.kit.findData("XBOX-01"))
    dialog.notes.setPlainText("Diska kastīte saplaisājusi")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: "GAME-01" in page.rows)

    item = item_row(desk, "GAME-01")
    assert (item.name, item.category, item.serial_number, item.notes) == (
        "Kinect Sports Rivals",
        ItemCategory.GAME,
        "KSR-2018-7",
        "Diska kastīte saplaisājusi",
    )
    assert item.site_id == desk.site_id
    assert item.parent_id == item_row(desk, "XBOX-01").id
    assert tree(page)["XBOX-01"] == ["CTL-01", "CTL-02", "GAME-01"]
    assert page.selected_tag() == "GAME-01"
    assert not dialog.isVisible()
    assert page.message.text() == "Added GAME-01 Kinect Sports Rivals."


def test_a_tag_in_use_is_refused_inside_the_dialog(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    page.add_item()
    wait_for_operations(qtbot)
    dialog = page.item_actions.dialog
    assert isinstance(dialog, ItemDialog)
    dialog.tag.setText("LAP-01")
    dialog.name.setText("Vēl viens dators")
    dialog.ok_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text() == "Another item already has this tag."
    assert dialog.isVisible()  # the librarian can type another tag
    assert item_row(desk, "LAP-01").name == "Portatīvais dators"


def test_editing_keeps_the_tag_printed_on_the_label(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(page, qtbot, "LAP-01")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    dialog = page.item_actions.dialog
    assert isinstance(dialog, ItemDialog)
    assert dialog.tag.isReadOnly()
    assert dialog.tag.text() == "LAP-01"
    assert dialog.name.text() == "Portatīvais dators"
    dialog.name.setText("Portatīvais dators Lenovo ThinkPad")
    dialog.serial.setText("PF-1Z2X3C")
    dialog.ok_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    item = item_row(desk, "LAP-01")
    assert (item.name, item.serial_number) == ("Portatīvais dators Lenovo ThinkPad", "PF-1Z2X3C")
    assert cell(page, "LAP-01", NAME) == "Portatīvais dators Lenovo ThinkPad"
    assert "Serial number: PF-1Z2X3C" in page.history_details.text()


def test_a_kit_with_parts_cannot_be_made_a_part(page: EquipmentPage, qtbot: QtBot) -> None:
    choose(page, qtbot, "XBOX-01")
    page.edit_item()
    wait_for_operations(qtbot)
    dialog = page.item_actions.dialog
    assert isinstance(dialog, ItemDialog)
    assert not dialog.kit.isEnabled()
    assert dialog.kit.findData("XBOX-01") == -1  # never its own kit


def test_sent_to_repair_it_cannot_be_lent_and_the_page_says_why(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(page, qtbot, "LAP-01")
    qtbot.mouseClick(page.repair_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, "LAP-01", STATUS) == "In repair")
    assert item_row(desk, "LAP-01").status is ItemStatus.IN_REPAIR
    assert page.selected_tag() == "LAP-01"
    assert not page.repair_button.isEnabled()
    assert page.service_button.isEnabled()

    dialogs_before = page.item_actions.dialog
    qtbot.mouseClick(page.lend_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert page.message.isVisible()
    assert page.message.text() == "LAP-01 Portatīvais dators cannot be lent: it is in repair."
    assert page.item_actions.dialog is dialogs_before  # no borrower to choose for nothing
    assert loans_of(desk, "LAP-01") == []

    qtbot.mouseClick(page.service_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, "LAP-01", STATUS) == "Available")
    assert item_row(desk, "LAP-01").status is ItemStatus.AVAILABLE


def test_sent_to_repair_on_another_laptop_meanwhile_the_loan_is_refused(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(page, qtbot, "LAP-01")
    page.lend()
    dialog = page.item_actions.dialog
    assert isinstance(dialog, LendDialog)
    set_item_status(desk.db, "LAP-01", ItemStatus.IN_REPAIR)  # the list here is now stale
    dialog.child_search.setText("ilze")
    wait_for_operations(qtbot)  # found on the worker
    dialog.ok_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == "LAP-01 Portatīvais dators cannot be lent: it is in repair."
    assert not dialog.isVisible()
    assert cell(page, "LAP-01", STATUS) == "In repair"  # read again
    assert loans_of(desk, "LAP-01") == []


def test_lending_and_returning_by_hand_shows_in_the_history_and_the_loan_row(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(page, qtbot, "LAP-01")
    assert page.history_model.rowCount() == 0
    assert "Never lent yet." in page.history_details.text()
    qtbot.mouseClick(page.lend_button, Qt.MouseButton.LeftButton)
    dialog = page.item_actions.dialog
    assert isinstance(dialog, LendDialog)
    assert not dialog.ok_button.isEnabled()  # nobody chosen yet
    shown = dialog.due.dateTime().toPython()
    assert dialog.due.text() == f"{shown:%d.%m.%Y %H:%M}"  # the Latvian form, not ISO
    dialog.child_search.setText("kenina")  # diacritic-insensitive, as at the desk
    wait_for_operations(qtbot)
    assert dialog.child_results.count() == 1
    assert dialog.child_results.item(0).text() == "Ilze Ķēniņa (2009)"
    assert not dialog.with_parts.isVisibleTo(dialog)  # a laptop has no parts
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, "LAP-01", BORROWER) == "Ilze Ķēniņa")
    assert cell(page, "LAP-01", STATUS) == "On loan"
    assert page.message.text().startswith("Lent LAP-01 to Ilze Ķēniņa, due back ")
    assert page.return_button.isEnabled() and not page.lend_button.isEnabled()
    [loan] = loans_of(desk, "LAP-01")
    assert (loan.participant_id, loan.lent_by_id, loan.returned_at) == (
        desk.ilze_id,
        desk.librarian_id,
        None,
    )
    assert history_rows(page)[0][1:4] == [
        "Ilze Ķēniņa",
        as_shown(loan.due_at),
        "Still out",
    ]

    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    back = page.item_actions.dialog
    assert isinstance(back, ReturnDialog)
    back.note.setText("Ekrānā skrāpējums")
    qtbot.mouseClick(back.ok_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, "LAP-01", BORROWER) == "")

    [loan] = loans_of(desk, "LAP-01")
    assert loan.returned_at is not None
    assert (loan.return_note, loan.received_by_id) == ("Ekrānā skrāpējums", desk.librarian_id)
    [shown] = history_rows(page)
    assert shown == [
        as_shown(loan.lent_at),
        "Ilze Ķēniņa",
        as_shown(loan.due_at),
        as_shown(loan.returned_at),
        "Anna Ozoliņa",
        "Ekrānā skrāpējums",
    ]
    assert page.message.text() == "Returned: LAP-01, from Ilze Ķēniņa."
    assert cell(page, "LAP-01", STATUS) == "Available"


def test_the_kit_goes_out_and_comes_back_with_its_parts(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(page, qtbot, "XBOX-01")
    page.lend()
    dialog = page.item_actions.dialog
    assert isinstance(dialog, LendDialog)
    assert dialog.with_parts.text() == "Lend its parts too: CTL-01, CTL-02"
    assert dialog.with_parts.isChecked()
    dialog.to_librarian.setChecked(True)
    # The librarians are read on the worker: no one to lend to until they arrive.
    assert dialog.librarian.count() == 0 and not dialog.ok_button.isEnabled()
    wait_for_operations(qtbot)
    assert dialog.ok_button.isEnabled()
    assert dialog.librarian.currentData() == desk.librarian_id
    dialog.set_due.setChecked(True)
    due = local(now_utc() + timedelta(days=2)).replace(second=0, microsecond=0)
    dialog.due.setDateTime(due.replace(tzinfo=None))
    dialog.ok_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: cell(page, "CTL-02", BORROWER) == "Anna Ozoliņa")
    for tag in ("XBOX-01", "CTL-01", "CTL-02"):
        [loan] = loans_of(desk, tag)
        assert loan.staff_id == desk.librarian_id
        assert loan.due_at == due.astimezone(UTC)
    assert page.summary.text() == "Items: 4   Out now: 3   Overdue: 0"

    page.take_back()
    back = page.item_actions.dialog
    assert isinstance(back, ReturnDialog)
    assert back.with_parts.text() == "Its parts come back too: CTL-01, CTL-02"
    back.ok_button.click()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: page.summary.text() == "Items: 4   Out now: 0   Overdue: 0")
    for tag in ("XBOX-01", "CTL-01", "CTL-02"):
        assert loans_of(desk, tag)[0].returned_at is not None


def test_an_overdue_loan_is_highlighted(page: EquipmentPage, desk: Desk, qtbot: QtBot) -> None:
    lent_at = now_utc() - timedelta(days=3)
    lend(
        desk.db,
        "LAP-01",
        Borrower.child(desk.janis_id),
        at=lent_at,
        due_at=lent_at + timedelta(hours=2),
    )
    lend(desk.db, "CTL-01", Borrower.child(desk.ilze_id), due_at=now_utc() + timedelta(hours=1))
    page.reload()
    wait_for_operations(qtbot)

    overdue = page._index_of("LAP-01")
    for column in range(page.model.columnCount()):
        background = overdue.siblingAtColumn(column).data(Qt.ItemDataRole.BackgroundRole)
        assert isinstance(background, QBrush)
        assert background.color() == QColor(OVERDUE_BACKGROUND)
    foreground = overdue.siblingAtColumn(DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert foreground.color() == QColor(OVERDUE_TEXT)
    assert cell(page, "LAP-01", BORROWER) == "Jānis Žūriņš"
    # A loan still within its time is not marked.
    in_time = page._index_of("CTL-01")
    assert in_time.siblingAtColumn(DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.summary.text() == "Items: 4   Out now: 2   Overdue: 1"

    choose(page, qtbot, "LAP-01")
    returned = page.history_model.index(0, 3)
    assert returned.data() == "Still out"
    assert returned.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(OVERDUE_BACKGROUND)


def test_retiring_asks_first(page: EquipmentPage, desk: Desk, qtbot: QtBot) -> None:
    choose(page, qtbot, "CTL-02")

    def answer(role: QMessageBox.ButtonRole | None) -> None:
        qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
        box = page.item_actions.confirm_box
        assert box is not None and box.isVisible()
        assert box.text().startswith("Retire CTL-02 Xbox kontrolieris?")
        if role is None:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            [button] = [b for b in box.buttons() if box.buttonRole(b) == role]
            button.click()
        wait_for_operations(qtbot)

    answer(None)
    assert item_row(desk, "CTL-02").status is ItemStatus.AVAILABLE

    answer(QMessageBox.ButtonRole.DestructiveRole)
    qtbot.waitUntil(lambda: cell(page, "CTL-02", STATUS) == "Retired")
    assert item_row(desk, "CTL-02").status is ItemStatus.RETIRED
    assert not page.retire_button.isEnabled()
    assert page.service_button.isEnabled()
    # A retired part is not offered when the kit is lent.
    choose(page, qtbot, "XBOX-01")
    page.lend()
    assert isinstance(page.item_actions.dialog, LendDialog)
    assert page.item_actions.dialog.with_parts.text() == "Lend its parts too: CTL-01"


def test_an_item_on_loan_must_come_back_before_repair(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id))
    page.reload()
    wait_for_operations(qtbot)
    choose(page, qtbot, "LAP-01")
    assert not page.repair_button.isEnabled()
    assert not page.retire_button.isEnabled()
    assert page.repair_button.toolTip() == "It is on loan: return it first."


def test_site_filter_shows_one_library_or_all(desk: Desk, tmp_path: Path, qtbot: QtBot) -> None:
    ludza = add_site(desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    add_item(desk.db, ItemDetails("LAP-21", "Portatīvais dators", ItemCategory.LAPTOP, ludza))
    ctx = AppContext(desk.db, Settings(str(tmp_path / "two.ini")), list_sites(desk.db))
    page = EquipmentPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_for_operations(qtbot)
    assert page.site_filter.isVisible()
    assert page.site_filter.currentText() == "Jēkabpils"  # this laptop's site
    assert "LAP-21" not in page.rows
    assert page.tree.isColumnHidden(7)

    page.site_filter.setCurrentIndex(page.site_filter.findData(ludza))
    wait_for_operations(qtbot)
    assert list(page.rows) == ["LAP-21"]
    page.site_filter.setCurrentIndex(page.site_filter.findData(None))
    wait_for_operations(qtbot)
    assert set(page.rows) == {"CTL-01", "CTL-02", "LAP-01", "LAP-21", "XBOX-01"}
    assert not page.tree.isColumnHidden(7)
    assert cell(page, "LAP-21", 7) == "Ludza"


def test_a_change_elsewhere_keeps_the_chosen_item_and_the_scroll(
    page: EquipmentPage, desk: Desk, qtbot: QtBot
) -> None:
    for number in range(1, 41):
        add_item(
            desk.db,
            ItemDetails(f"TAB-{number:02}", "Planšetdators", ItemCategory.LAPTOP, desk.site_id),
        )
    page.resize(1000, 500)
    page.reload()
    wait_for_operations(qtbot)
    choose(page, qtbot, "TAB-02")
    bar = page.tree.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() - 2)  # reading further down, away from the chosen one
    scrolled = bar.value()

    # The desk sends a laptop to repair: the list is read again under the librarian's eyes.
    Operation(None, lambda: set_item_status(desk.db, "LAP-01", ItemStatus.IN_REPAIR)).run()
    wait_for_operations(qtbot)
    assert cell(page, "LAP-01", STATUS) == "In repair"
    assert page.selected_tag() == "TAB-02"
    assert bar.value() == scrolled
    assert "TAB-02" in page.history_title.text()


def test_one_library_has_no_site_filter(page: EquipmentPage) -> None:
    assert not page.site_filter.isVisible()


def test_list_items_reads_the_current_loan_and_kit_in_one_query(desk: Desk) -> None:
    at = datetime(2018, 10, 5, 13, 40, tzinfo=UTC)
    lend(desk.db, "CTL-01", Borrower.in_session(desk.session_id), at=at)
    statements: list[str] = []

    def count(*args: object) -> None:
        if str(args[2]).startswith("SELECT"):
            statements.append(str(args[2]))

    event.listen(desk.db.engine, "before_cursor_execute", count)
    try:
        rows = {row.tag: row for row in list_items(desk.db, at=at + timedelta(hours=1), by=None)}
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", count)
    assert len(statements) == 1
    controller = rows["CTL-01"]
    assert controller.parent_tag == "XBOX-01"
    assert controller.borrower == "Nāc, pievienojies! 05.10.2018"
    assert controller.overdue  # the session ended at 17:00 local, 14:00 UTC
    assert rows["LAP-01"].borrower is None and not rows["LAP-01"].overdue
    [history] = item_history(desk.db, "ctl-01", at=at, by=None)
    assert history.borrower == "Nāc, pievienojies! 05.10.2018"
    assert not history.late

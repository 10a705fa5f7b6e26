"""On a database with several sites nothing flashes up as a window of its own, the main
window keeps its shortcuts, and whenever the Desk is shown again the scanner types into
its scan field: after a page switch, a dialog, a message box, the PDF preview, the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.accounts import set_password
from db.clock import at_local
from desktop.context import AppContext
from desktop.main_window import MainWindow
from tests.conftest import Desk
from tests.ui.conftest import WindowWatch, wait_for_operations

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))
ANNA_PASSWORD = "anna-2018-desk"


@pytest.fixture
def window(two_site_ctx: AppContext, qtbot: QtBot) -> MainWindow:
    assert len(two_site_ctx.sites) == 2
    main = MainWindow(two_site_ctx)
    qtbot.addWidget(main)
    main.desk.clock = lambda: FRIDAY_1605
    main.desk.reload_sessions()
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the librarian presses it: into whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the focus: the keys go nowhere"
    qtbot.keyClick(target, key, modifier)


def assert_back_on_the_desk(qtbot: QtBot, window: MainWindow, watch: WindowWatch) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.desk.scan_input)
    assert window.stack.currentWidget() is window.desk
    assert watch.unexpected == [], f"windows of their own: {watch.unexpected}"


def close_modal(qtbot: QtBot, kind: type[QWidget]) -> None:
    """The dialog open now is of the kind expected; Escape closes it, as at the desk."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not dialog)


def test_every_page_by_its_shortcut_and_back_to_the_scan_field(
    qtbot: QtBot,
    window: MainWindow,
    window_watch: WindowWatch,
) -> None:
    pages = window.page_keys()
    assert pages[:2] == ["desk", "participants"] and len(pages) >= 6
    for number in range(2, len(pages) + 1):
        press(qtbot, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.page(number - 1), pages[number - 1]
        # The page shows its site choice (two sites), inside the main window.
        assert QApplication.activeWindow() is window, pages[number - 1]
        assert window_watch.unexpected == [], pages[number - 1]
        press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert_back_on_the_desk(qtbot, window, window_watch)
    assert window.participants.site_filter.isVisibleTo(window.participants)
    assert window.equipment.site_filter.isVisibleTo(window.equipment)
    form = window.participants.form
    assert form.site.isVisibleTo(form.details_box)


def test_after_every_dialog_the_desk_has_the_scan_field(
    qtbot: QtBot,
    window: MainWindow,
    window_watch: WindowWatch,
) -> None:
    from desktop.dialogs.import_dialog import ImportDialog
    from desktop.dialogs.item_dialog import ItemDialog
    from desktop.dialogs.new_child import NewChildDialog
    from desktop.dialogs.pdf_preview import PdfPreview
    from desktop.dialogs.session_dialogs import NewSessionDialog

    def from_page(number: int, open_it: Callable[[], object], kind: type[QWidget]) -> None:
        press(qtbot, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        open_it()
        close_modal(qtbot, kind)
        # The window takes the activation back (a dialog opened once a read arrived may
        # close with no window active), and then the keys go to it.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert_back_on_the_desk(qtbot, window, window_watch)

    # On the desk itself, by its keys.
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    close_modal(qtbot, NewChildDialog)
    assert_back_on_the_desk(qtbot, window, window_watch)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_for_operations(qtbot)
    close_modal(qtbot, PdfPreview)
    assert_back_on_the_desk(qtbot, window, window_watch)

    # On the other pages: the participant form's site row, the roster import, an item, a session.
    from_page(2, window.participants.import_roster, ImportDialog)
    from_page(4, window.equipment.add_item, ItemDialog)
    # Ctrl+N on Sessions is its own "new session", not the desk's "new child".
    from_page(
        3,
        lambda: press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
        NewSessionDialog,
    )

    # A message box over the desk.
    box = QMessageBox(QMessageBox.Icon.Information, "OpenUp", "Ready.", parent=window)
    box.open()
    close_modal(qtbot, QMessageBox)
    assert_back_on_the_desk(qtbot, window, window_watch)


def test_after_the_lock_the_scanner_types_into_the_scan_field(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    window_watch: WindowWatch,
) -> None:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Participants
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.sidebar.setFocus()  # a click on the sidebar last, say
    window.idle_lock.lock()
    dialog = window.idle_lock.dialog
    assert dialog is not None
    wait_for_operations(qtbot)  # whose password the lock asks for is read on the worker
    dialog.password.setText(ANNA_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked)
    assert_back_on_the_desk(qtbot, window, window_watch)

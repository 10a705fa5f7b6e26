"""The shell: pages by shortcut, status bar, language switch, errors that never kill it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.app import DeskApplication
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.settings import LANGUAGE
from tests.ui.conftest import sidebar_texts, wait_for_operations


@pytest.fixture
def latvian(ctx: AppContext) -> Iterator[AppContext]:
    ctx.settings.set(LANGUAGE, "lv")
    i18n.install("lv")
    yield ctx
    i18n.install("en")


def test_pages_by_keyboard_shortcut(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, page in enumerate(
        [
            window.desk,
            window.participants,
            window.sessions,
            window.equipment,
            window.reports,
            window.settings_page,
        ],
        start=1,
    ):
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(
            focused, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentWidget() is page
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier
    )
    assert window.desk.scan_input.hasFocus()


def test_status_bar_names_the_database_and_the_librarian(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_for_operations(qtbot)
    assert "openup.sqlite3" in window.database_label.text()
    assert window.signed_in.text() == "Anna Ozoliņa"
    assert window.sign_out.isVisibleTo(window)


def test_latvian_is_the_default_and_english_is_one_click_away(
    latvian: AppContext, qtbot: QtBot
) -> None:
    desk_app = DeskApplication(latvian)
    qtbot.addWidget(desk_app.window)
    assert sidebar_texts(desk_app.window) == [
        "Šodien",
        "Dalībnieki",
        "Nodarbības",
        "Aprīkojums",
        "Atskaites",
        "Iestatījumi",
    ]
    assert desk_app.window.desk.new_child.text() == "Jauns bērns…"
    desk_app.window.show_page(5)  # the language is chosen on the Settings page
    settings_page = desk_app.window.settings_page
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    settings_page.language.activated.emit(settings_page.language.currentIndex())
    qtbot.addWidget(desk_app.window)
    assert sidebar_texts(desk_app.window) == [
        "Desk",
        "Participants",
        "Sessions",
        "Equipment",
        "Reports",
        "Settings",
    ]
    assert desk_app.window.desk.new_child.text() == "New child…"
    assert latvian.settings.get(LANGUAGE) == "en"
    # The window came back on the page the librarian was on.
    assert desk_app.window.stack.currentWidget() is desk_app.window.settings_page


def test_refusals_arrive_translated(latvian: AppContext) -> None:
    from db.errors import ItemNotOut
    from desktop.errors import translate_error

    assert (
        translate_error(ItemNotOut(tag="LAP-01", name="Dators")) == "LAP-01 Dators nav izsniegts."
    )


def test_an_unexpected_error_is_logged_and_shown_not_fatal(
    ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import sys

    from desktop.errors import install_excepthook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    previous = sys.excepthook
    install_excepthook()
    try:
        with caplog.at_level(logging.ERROR):
            try:
                raise RuntimeError("a bug in a callback")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert "a bug in a callback" in caplog.text
    assert shown and "keeps running" in shown[0]
    assert QApplication.instance() is not None


def test_long_database_work_shows_the_busy_indicator(ctx: AppContext, qtbot: QtBot) -> None:
    import threading

    from desktop.operations import Operation

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    done: list[str] = []
    Operation(window, lambda: release.wait(5) and "saved").success(done.append).run()
    qtbot.waitUntil(window.busy.isVisible, timeout=2000)
    release.set()
    wait_for_operations(qtbot)  # the save, and the window's own reads queued behind it
    assert done == ["saved"]
    assert not window.busy.isVisible()

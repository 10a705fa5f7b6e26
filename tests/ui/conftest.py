"""UI tests: the real window on a real database file, offscreen; fail on Qt warnings."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import getCppPointer, isValid
from sqlalchemy import Engine, event

from db.programs import add_site, list_sites
from desktop import operations
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.settings import Settings
from tests.conftest import Desk

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.pages.participants import ParticipantsPage


@pytest.fixture(autouse=True)
def english_for_each_test(qapp: object) -> Iterator[None]:
    """Every test starts in the source language, whatever the one before it installed
    (the program's own start-up installs the laptop's language); the words from the
    printouts' catalogue (desktop/code_words.py) follow it as Qt's do."""
    from desktop import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def no_unexpected_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """A bug in an operation fails the test, instead of waiting on a modal error dialog."""
    errors: list[BaseException] = []
    monkeypatch.setattr(
        operations, "_default_failure", lambda error, _details: errors.append(error)
    )
    yield errors
    assert errors == []


# Windows that come and go by design: a drop-down list, a menu, a tooltip, a completer.
TRANSIENT = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip})


def describe_widget(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.metaObject().className()})"


class WindowWatch(QObject):
    """Watches every window the application shows, to catch widgets shown as stray windows.

    A widget made visible before it is in a layout flashes up as a window of its own and takes
    the activation from the main window (its shortcuts stop, the scan field loses the focus).
    `strays` names each widget shown as a window and later placed inside another one: such a
    widget never meant to be a window. `unexpected` names every window shown that is not the
    main window, a dialog or a transient popup: on a main window nothing else may show.
    """

    def __init__(self) -> None:
        super().__init__()
        # By C++ address (a widget may get a new Python wrapper); the wrapper kept tells
        # whether the widget still lives (a new one may be built at a freed address).
        self._shown_as_window: dict[int, QWidget] = {}
        self.strays: list[str] = []
        self.unexpected: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and watched.isWindow():
            if watched.windowType() in TRANSIENT or isinstance(watched, QMainWindow | QDialog):
                return False
            self._shown_as_window[getCppPointer(watched)[0]] = watched
            self.unexpected.append(describe_widget(watched))
        elif kind == QEvent.Type.ParentChange and not watched.isWindow():
            shown = self._shown_as_window.pop(getCppPointer(watched)[0], None)
            if shown is not None and isValid(shown):
                self.strays.append(describe_widget(watched))
        return False


@pytest.fixture(autouse=True)
def window_watch(qapp: QApplication) -> Iterator[WindowWatch]:
    """Every UI test fails when a widget showed as a window before it was laid out."""
    watch = WindowWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)
    assert watch.strays == [], f"shown as windows of their own: {watch.strays}"


def desk_context(desk: Desk, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(desk.db))
    context.set_staff(desk.librarian_id)
    yield context
    Operation.wait_for_all()


@pytest.fixture
def ctx(desk: Desk, tmp_path: Path, qapp: object) -> Iterator[AppContext]:
    """An app context on the small desk of tests/conftest.py, with settings in tmp_path."""
    yield from desk_context(desk, tmp_path)


@pytest.fixture
def two_site_ctx(desk: Desk, tmp_path: Path, qapp: object) -> Iterator[AppContext]:
    """The small desk with a partner library beside it: the pages show their site choices."""
    add_site(desk.db, "Ludza", "LV", "Ludzas novada bibliotēka")
    yield from desk_context(desk, tmp_path)


def wait_for_operations(qtbot: QtBot, timeout: int = 5000) -> None:
    """Until every operation and query started has ended and its result was shown."""
    qtbot.waitUntil(Operation.idle, timeout=timeout)


def sidebar_texts(window: MainWindow) -> list[str]:
    """The pages the window's sidebar offers, in its order."""
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


@pytest.fixture
def participants_page(ctx: AppContext, qtbot: QtBot) -> ParticipantsPage:
    """The Participants page as a librarian opens it, its list arrived."""
    from desktop.pages.participants import ParticipantsPage

    page = ParticipantsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    wait_for_operations(qtbot)
    return page


DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")
# Where the program may touch the database on the UI thread: before its window is up (the
# start-up's checks and sign-in, a remembered staff member's role) and the command line.
UI_THREAD_ALLOWED = {
    ("app.py", "main"),
    ("app.py", "open_context"),
    ("app.py", "run_kiosk"),  # whether a session runs, before the kiosk's window opens
    ("app.py", "sign_in_at_start"),
    ("context.py", "set_staff"),
}
UI_THREAD_ALLOWED_FILES = ("cli", "screenshots.py")


def ui_thread_caller() -> str | None:
    """The program's code that made this database call on the UI thread, else None."""
    if threading.current_thread() is not threading.main_thread():
        return None
    frame = sys._getframe(2)
    callers = []
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(DESKTOP):
            relative = name[len(DESKTOP) + 1 :]
            if (relative, frame.f_code.co_name) in UI_THREAD_ALLOWED or relative.startswith(
                UI_THREAD_ALLOWED_FILES
            ):
                return None
            callers.append(f"{relative}:{frame.f_code.co_name}")
        frame = frame.f_back  # type: ignore[assignment]
    return " ← ".join(callers) if callers else None


@pytest.fixture(autouse=True)
def no_database_on_ui_thread() -> Iterator[list[str]]:
    """Every UI test fails when a page or dialog reads or writes the database on the UI
    thread: over a network link each such call freezes the window for a round trip.
    Test code may read the database itself to check what happened."""
    calls: list[str] = []

    def check(*_args: Any) -> None:
        caller = ui_thread_caller()
        if caller is not None and caller not in calls:
            calls.append(caller)

    event.listen(Engine, "before_cursor_execute", check)
    yield calls
    event.remove(Engine, "before_cursor_execute", check)
    assert calls == [], "the database on the UI thread: " + "; ".join(calls)

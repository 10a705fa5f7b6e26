"""At 1280×800, the laptops' screen, every page fits in Latvian and Lithuanian: nothing that
matters is cut (a button's words, a column header, a field's hint) or pushed off the window.

Each page is grabbed to a PNG under pytest's tmp_path, to look at when a check fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.accounts import add_staff, create_first_admin
from db.clock import at_local
from db.database import Database
from db.loans import Borrower, lend, lend_kit
from db.models import Role
from db.programs import list_sites
from db.scancodes import item_text
from desktop import i18n
from desktop.app import load_fonts
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.settings import LANGUAGE, Settings
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

SCREEN = QSize(1280, 800)
FRIDAY_1530 = at_local(date(2018, 10, 5), time(15, 30))
FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


@pytest.fixture(autouse=True)
def programs_font(qapp: QApplication) -> Iterator[None]:
    """The pages measured in the font the program sets (DejaVu Sans 10), wider than the
    machine's default: a page that fits only in the default font grows the real window."""
    before = qapp.font()
    load_fonts(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture(params=["lv", "lt"])
def language(request: pytest.FixtureRequest, two_site_ctx: AppContext) -> Iterator[str]:
    two_site_ctx.settings.set(LANGUAGE, request.param)
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


@pytest.fixture
def admin_window(desk: Desk, two_site_ctx: AppContext, language: str, qtbot: QtBot) -> MainWindow:
    """An administrator's window (every page, the Audit log too) with loans out on the desk."""
    assert len(list_sites(desk.db)) == 2
    admin = add_staff(desk.db, "ilga", "Ilga Bērziņa", Role.ADMIN, site_id=desk.site_id)
    # Friday 5 October 2018 at the desk: a laptop out to Ilze, the Xbox kit overdue.
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), by=desk.librarian_id, at=FRIDAY_1530)
    lend_kit(
        desk.db,
        "XBOX-01",
        Borrower.in_session(desk.session_id),
        by=desk.librarian_id,
        at=FRIDAY_1530,
        due_at=FRIDAY_1530 + timedelta(minutes=30),
    )
    two_site_ctx.set_staff(admin)
    window = MainWindow(two_site_ctx)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.desk.clock = lambda: FRIDAY_1605
    window.desk.reload_sessions()
    return window


W = TypeVar("W", bound=QWidget)


def _visible(page: QWidget, kind: type[W]) -> list[W]:
    return [w for w in page.findChildren(kind) if w.isVisibleTo(page) and w.width() > 0]


def _fits(button: QAbstractButton) -> bool:
    """A small fixed button (the headcount's − and +) is narrower than the style's usual
    minimum width, yet its words fit: text, icon and the style's margins, nothing more."""
    margin = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    return words + icon + 2 * margin <= button.width()


def what_is_cut(page: QWidget) -> list[str]:
    """Every button whose words do not fit, column header cut, field hint cut short."""
    cut = []
    for button in _visible(page, QAbstractButton):
        if button.text() and button.sizeHint().width() > button.width() and not _fits(button):
            cut.append(
                f"button “{button.text()}”: needs {button.sizeHint().width()} px,"
                f" has {button.width()}"
            )
    for edit in _visible(page, QLineEdit):
        hint = edit.placeholderText()
        room = edit.contentsRect().width() - edit.textMargins().left() - 8  # Qt's frame padding
        needed = edit.fontMetrics().horizontalAdvance(hint)
        if hint and needed > room:
            cut.append(f"field hint “{hint}”: needs {needed} px, has {room}")
    for view in _visible(page, QAbstractItemView):
        header = getattr(view, "horizontalHeader", getattr(view, "header", None))
        if header is None or not header().isVisibleTo(page):
            continue
        header = header()
        model = view.model()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            needed = header.sectionSizeFromContents(column).width()
            if needed > header.sectionSize(column):
                text = model.headerData(column, header.orientation())
                cut.append(f"column “{text}”: needs {needed} px, has {header.sectionSize(column)}")
    return cut


def what_does_not_fit(window: MainWindow, key: str) -> list[str]:
    """The page shown: larger than the room the window gives it, or with words cut."""
    page = window.stack.currentWidget()
    assert window.size() == SCREEN, f"{key}: the window grew to {window.size()}"
    room, wanted = window.stack.size(), page.minimumSizeHint()
    problems = []
    if wanted.width() > room.width() or wanted.height() > room.height():
        problems.append(
            f"{key}: needs at least {wanted.width()}×{wanted.height()},"
            f" the window gives {room.width()}×{room.height()}"
        )
    return problems + [f"{key}: {what}" for what in what_is_cut(page)]


def test_every_page_fits_the_laptop_screen(
    admin_window: MainWindow, desk: Desk, language: str, qtbot: QtBot, tmp_path: Path
) -> None:
    window = admin_window
    keys = window.page_keys()
    assert "audit" in keys and len(keys) == 7  # an administrator sees every page
    problems: list[str] = []
    for index, key in enumerate(keys):
        window.show_page(index)
        wait_for_operations(qtbot)
        qtbot.wait(50)  # let the layouts settle after the rows came in
        page = window.stack.currentWidget()
        if page is window.desk:  # the laptop comes back: the desk asks for its condition
            window.desk.scan_input.setText(item_text("LAP-01"))
            qtbot.keyClick(window.desk.scan_input, Qt.Key.Key_Return)
            wait_for_operations(qtbot)
            assert window.desk.note_panel.isVisible()
        elif page is window.participants:  # a child's whole record, the longest form
            window.participants.open_participant(desk.ilze_id)
        elif page is window.sessions:  # a month with its sessions, not an empty one
            window.sessions.month_view.show_month(2018, 10)
        wait_for_operations(qtbot)
        window.grab().save(str(tmp_path / f"{language}-{index + 1}-{key}.png"))
        problems += what_does_not_fit(window, key)
    assert problems == [], f"{language} at 1280×800 (pictures in {tmp_path}):\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("lang", ["lv", "lt"])
def test_a_new_databases_next_step_reads_whole(
    sqlite_db: Database, lang: str, qtbot: QtBot, tmp_path: Path
) -> None:
    """Right after the first administrator: the desk's and the Sessions page's next step."""
    admin = create_first_admin(
        sqlite_db, "ilga", "Ilga Bērziņa", "ilga-2026-admin", "Rokiškis", "Rokiškio biblioteka"
    )
    ctx = AppContext(sqlite_db, Settings(str(tmp_path / "settings.ini")), list_sites(sqlite_db))
    ctx.settings.set(LANGUAGE, lang)
    ctx.set_staff(admin)
    i18n.install(lang)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(SCREEN)
        window.show()
        qtbot.waitExposed(window)
        wait_for_operations(qtbot)
        problems: list[str] = []
        for key in ("desk", "sessions"):
            window.show_page(window.page_keys().index(key))
            wait_for_operations(qtbot)
            qtbot.wait(50)  # let the layouts settle after the rows came in
            window.grab().save(str(tmp_path / f"{lang}-new-{key}.png"))
            problems += what_does_not_fit(window, key)
            month = window.sessions.month_view
            next_step = window.desk.first_program if key == "desk" else month.empty_action
            assert next_step.isVisibleTo(window), key
        assert problems == [], f"{lang}, a new database (pictures in {tmp_path}):\n" + "\n".join(
            problems
        )
    finally:
        i18n.install("en")

"""The kiosk on the interactive table: a tap or a card checks a child in with the method
kiosk; its screens show no surname and nothing of another child; leaving needs a password."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.accounts import set_password
from db.models import Attendance, CheckInMethod, Participant
from db.people import ParticipantDetails, register_participant
from db.scancodes import card_text
from desktop.context import AppContext
from desktop.dialogs.sign_in import SignInDialog
from desktop.kiosk import KioskWindow
from desktop.operations import Operation
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations

ANNA_PASSWORD = "anna-kiosk-2018"
SURNAMES = ("Ķēniņa", "Žūriņš", "Ozola")


@pytest.fixture
def kiosk(ctx: AppContext, desk: Desk, qtbot: QtBot) -> KioskWindow:
    register_participant(desk.db, ParticipantDetails("Ieva", "Ozola", 2011, desk.site_id))
    window = KioskWindow(ctx, desk.session_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: len(tiles(window)) == 3)
    return window


def tiles(window: QWidget) -> list[QAbstractButton]:
    return [
        tile
        for tile in window.findChildren(QAbstractButton, "kioskTile")
        if tile.isVisibleTo(window)
    ]


def tile(window: QWidget, text: str) -> QAbstractButton:
    return next(t for t in tiles(window) if t.text() == text)


def texts_shown(window: QWidget) -> list[str]:
    """Every text a widget of the window shows, or would show on hover."""
    found = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        found.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
    return [text for text in found if text]


def kiosk_rows(desk: Desk) -> list[tuple[int, CheckInMethod]]:
    with desk.db.reading() as s:
        return [
            (row.participant_id, row.method)
            for row in s.execute(select(Attendance.participant_id, Attendance.method))
        ]


def test_a_tap_checks_in_with_the_method_kiosk_and_welcomes_by_first_name(
    qtbot: QtBot, kiosk: KioskWindow, desk: Desk
) -> None:
    assert [t.text() for t in tiles(kiosk)] == ["Ieva O.", "Ilze Ķ.", "Jānis Ž."]
    tile(kiosk, "Ilze Ķ.").click()
    wait_for_operations(qtbot)
    assert kiosk_rows(desk) == [(desk.ilze_id, CheckInMethod.KIOSK)]
    assert kiosk.welcome.isVisibleTo(kiosk)
    assert kiosk.welcome.text() == "Welcome, Ilze!"
    assert kiosk.welcome_theme.text() == "Today: Iespējas dzīvojot laukos"
    shown = " | ".join(texts_shown(kiosk))
    # The welcome names her by first name only, and no other child at all.
    for other in ("Ieva", "Jānis", *SURNAMES):
        assert other not in shown
    # A tap on the welcome brings the tiles back for the next child.
    kiosk.show_tiles()
    assert len(tiles(kiosk)) == 3


def test_first_letters_narrow_the_tiles(qtbot: QtBot, kiosk: KioskWindow) -> None:
    letters = [
        b.text() for b in kiosk.letters.findChildren(QAbstractButton) if b.isVisibleTo(kiosk)
    ]
    assert letters == ["All", "I", "J"]
    kiosk.choose_letter("J")
    assert [t.text() for t in tiles(kiosk)] == ["Jānis Ž."]
    kiosk.choose_letter(None)
    assert len(tiles(kiosk)) == 3


def test_letters_in_rows_stand_evenly_under_each_other(
    qtbot: QtBot, kiosk: KioskWindow, desk: Desk
) -> None:
    for first in ("Agnese", "Beāte", "Dārta", "Egils", "Gatis", "Kārlis", "Laura", "Marta"):
        register_participant(desk.db, ParticipantDetails(first, "Ābele", 2011, desk.site_id))
    kiosk.resize(800, 768)  # room for eight letters a row: the eleven take two
    kiosk.reload()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: len(tiles(kiosk)) == 11)
    qtbot.wait(20)
    letters = [b for b in kiosk.letters.findChildren(QAbstractButton) if b.isVisibleTo(kiosk)][1:]
    rows: dict[int, list[int]] = {}
    for button in letters:
        rows.setdefault(button.y(), []).append(button.x())
    assert len(rows) == 2
    first, second = (sorted(xs) for _y, xs in sorted(rows.items()))
    assert second == first[: len(second)]  # the second row's letters under the first's
    steps = {b - a for xs in (first, second) for a, b in pairwise(xs)}
    assert len(steps) == 1  # one gap between every two letters


def send_scan(widget: QWidget, text: str, start: int) -> None:
    at = start
    for ch in [*text, "\r"]:
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(ord(ch))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(at)
            QApplication.sendEvent(widget, event)
        at += 6


def test_a_card_at_the_scanner_checks_in_with_the_method_kiosk(
    qtbot: QtBot, kiosk: KioskWindow, desk: Desk
) -> None:
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kiosk)
    with desk.db.reading() as s:
        janis = s.get(Participant, desk.janis_id)
        assert janis is not None
        code = janis.card_code
    assert code
    send_scan(kiosk, card_text(code), 80_000)
    wait_for_operations(qtbot)
    assert kiosk_rows(desk) == [(desk.janis_id, CheckInMethod.KIOSK)]
    assert kiosk.welcome.text() == "Welcome, Jānis!"


def test_an_unknown_card_says_to_ask_a_librarian_and_names_nobody(
    qtbot: QtBot, kiosk: KioskWindow, desk: Desk
) -> None:
    kiosk.scan_text(card_text("ZZZZ2345"))
    wait_for_operations(qtbot)
    assert kiosk.message.text() == "This card is not known here. Please ask a librarian."
    assert kiosk_rows(desk) == []


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_no_screen_shows_a_surname(
    qtbot: QtBot, kiosk: KioskWindow, tmp_path: Path, size: tuple[int, int]
) -> None:
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: kiosk.size().width() == size[0])
    picture = kiosk.grab()
    assert (picture.width(), picture.height()) == size
    picture.save(str(tmp_path / f"kiosk-{size[0]}.png"))
    for text in texts_shown(kiosk):
        assert not any(surname in text for surname in SURNAMES), text
    # Every tile is in view side by side (no tile cut off at the right edge).
    for t in tiles(kiosk):
        assert t.mapTo(kiosk, t.rect().topRight()).x() <= size[0]
    tile(kiosk, "Ieva O.").click()
    wait_for_operations(qtbot)
    for text in texts_shown(kiosk):
        assert not any(surname in text for surname in SURNAMES), text


def leave_dialog(qtbot: QtBot, kiosk: KioskWindow) -> SignInDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SignInDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SignInDialog)
    return dialog


def test_leaving_needs_a_librarians_password(qtbot: QtBot, kiosk: KioskWindow, desk: Desk) -> None:
    set_password(desk.db, desk.librarian_id, ANNA_PASSWORD)
    left: list[bool] = []
    kiosk.left.connect(lambda: left.append(True))
    # Closing the window (Alt+F4, the cross) only asks for the password.
    kiosk.close()
    dialog = leave_dialog(qtbot, kiosk)
    assert kiosk.isVisible()
    dialog.username.setText("anna")
    dialog.password.setText("not-her-password")
    dialog.try_sign_in()
    wait_for_operations(qtbot)
    assert dialog.isVisible() and dialog.message.text()
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert kiosk.isVisible() and left == []

    kiosk.leave.click()
    dialog = leave_dialog(qtbot, kiosk)
    dialog.username.setText("anna")
    dialog.password.setText(ANNA_PASSWORD)
    dialog.try_sign_in()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    assert left == [True]


def test_an_administrator_opens_the_kiosk_from_the_desk(
    qtbot: QtBot, ctx: AppContext, desk: Desk
) -> None:
    from datetime import date, time

    from db.accounts import add_staff
    from db.clock import at_local
    from db.models import Role
    from desktop.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.desk
    page.clock = lambda: at_local(date(2018, 10, 5), time(16, 5))
    page.reload_sessions()
    window.show()
    wait_for_operations(qtbot)
    assert page.kiosk_button.isHidden()  # a librarian does not open it
    admin = add_staff(desk.db, "maija", "Maija Liepa", Role.ADMIN)
    ctx.set_staff(admin)
    assert not page.kiosk_button.isHidden()
    page.kiosk_button.click()
    qtbot.waitUntil(lambda: isinstance(getattr(page, "kiosk", None), KioskWindow))
    kiosk = page.kiosk
    assert kiosk.session_id == desk.session_id and kiosk.isFullScreen()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: len(tiles(kiosk)) == 2)
    # Nothing of the desk (full names) can be switched to while the kiosk is open.
    assert not window.isVisible()
    kiosk._leaving = True  # the password path has its own test
    kiosk.close()
    kiosk.left.emit()
    assert window.isVisible()


def test_a_walk_in_registered_at_the_desk_gets_a_tile(
    qtbot: QtBot, kiosk: KioskWindow, ctx: AppContext, desk: Desk
) -> None:
    # Registered the way the desk does it: an operation, whose change reaches every window.
    Operation(
        None,
        lambda: register_participant(
            desk.db, ParticipantDetails("Ēriks", "Ābele", 2012, desk.site_id)
        ),
    ).run()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: len(tiles(kiosk)) == 4)
    assert [t.text() for t in tiles(kiosk)] == ["Ēriks Ā.", "Ieva O.", "Ilze Ķ.", "Jānis Ž."]


@pytest.fixture
def signed_in_at_start(monkeypatch: pytest.MonkeyPatch, ctx: AppContext, desk: Desk) -> None:
    """`main.py kiosk` on the test desk: the database opened, the librarian signed in."""
    import desktop.app
    import desktop.errors

    monkeypatch.setattr(desktop.app, "open_context", lambda _name: ctx)
    monkeypatch.setattr(desktop.app, "sign_in_at_start", lambda _ctx: desk.librarian_id)
    # The application's font and excepthook stay the test session's own.
    monkeypatch.setattr(desktop.app, "load_fonts", lambda _app: None)
    monkeypatch.setattr(desktop.errors, "install_excepthook", lambda: None)


def test_main_py_kiosk_without_a_running_session_says_so(
    monkeypatch: pytest.MonkeyPatch, signed_in_at_start: None
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import run_kiosk

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    # The test desk's only session was on 5 October 2018: nothing runs now.
    assert run_kiosk("the test desk") == 1
    assert said == [
        "No session is running now (or starting within half an hour): "
        "the kiosk opens for a running session."
    ]


def test_main_py_kiosk_fills_the_screen_for_the_running_session(
    monkeypatch: pytest.MonkeyPatch, signed_in_at_start: None, desk: Desk
) -> None:
    from datetime import date, time

    import db.desk
    from db.clock import at_local
    from desktop.app import run_kiosk

    friday_1605 = at_local(date(2018, 10, 5), time(16, 5))
    running = db.desk.current_session(desk.db, desk.site_id, friday_1605)
    assert running == desk.session_id
    monkeypatch.setattr(db.desk, "current_session", lambda *_args: running)
    opened: list[tuple[int, bool]] = []

    def event_loop() -> int:
        kiosk = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
        opened.append((kiosk.session_id, kiosk.isVisible()))
        kiosk._leaving = True  # the password path has its own test
        kiosk.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert run_kiosk("the test desk") == 0
    assert opened == [(desk.session_id, True)]

"""The kiosk on the interactive table: children check themselves in to the running session.

Full screen and touch-sized: a child taps their first name and last initial (narrowed by
tapping the first letter), or holds their card to the scanner or the camera, and sees a
big welcome with their first name and the session's theme. The whole room sees the table,
so it shows nothing else about any child. Leaving it takes a librarian's password.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.areas import Area
from db.errors import DomainError, ScanRefused
from db.kiosk import KioskChild, KioskScreen, KioskWelcome, kiosk_check_in, kiosk_check_in_card
from db.kiosk import kiosk_screen as read_kiosk_screen
from db.names import sort_key
from db.scancodes import CardCode, decode_scan
from desktop.context import AppContext, Work
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.scan_keys import ScanKeys

WELCOME_MS = 5_000  # the welcome stays this long, then the next child's tiles come back
TILE_WIDTH = 300
LETTER_WIDTH = 64  # touch-sized: a child's fingertip, and a name in 26 px letters
BACKGROUND = "#fdf6e3"


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class KioskWindow(QWidget):
    """The self check-in for one session; `left` once a librarian's password closed it."""

    left = Signal()

    def __init__(self, ctx: AppContext, session_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.session_id = session_id
        self.screen_data: KioskScreen | None = None
        self.letter: str | None = None
        self._tiles: dict[int, QPushButton] = {}
        self._leaving = False
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("OpenUp Desk: check in"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"QWidget#kiosk {{ background: {BACKGROUND}; }}"
            "QPushButton[tile='true'] { background: #ffffff; border: 2px solid #90a4ae;"
            " border-radius: 14px; }"
            "QPushButton[tile='true']:pressed { background: #c8e6c9; }"
            "QPushButton[letter='true'] { background: #ffffff; border: 1px solid #90a4ae;"
            " border-radius: 8px; }"
            "QPushButton[letter='true']:checked { background: #1565c0; color: white; }"
            "QPushButton[big='true'] { background: #ffffff; border: 2px solid #1565c0;"
            " border-radius: 10px; padding: 0 18px; }"
            "QScrollBar:vertical { width: 28px; }"  # wide enough for a finger
        )
        # The window keeps the keyboard focus, so a scanner's keys always reach it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.scan_keys = ScanKeys(self, self.scan_text)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.setInterval(WELCOME_MS)
        self._back.timeout.connect(self.show_tiles)
        ctx.changed.connect(self._on_changed)  # bound: gone with the window
        self.reload()

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.title.setFont(_font(34, bold=True))
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            self.tr("Tap your name, or hold your card to the scanner or the camera.")
        )
        self.hint.setFont(_font(24))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("kioskMessage")
        self.message.setFont(_font(24, bold=True))
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.letters = QWidget()
        self.letters_layout = QGridLayout(self.letters)
        self.letters_layout.setContentsMargins(0, 0, 0, 0)
        self.letters_layout.setSpacing(6)
        self.letters_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)

        self.tiles = QWidget()
        self.tiles.setObjectName("kioskTiles")
        self.tiles.setStyleSheet(f"QWidget#kioskTiles {{ background: {BACKGROUND}; }}")
        self.tiles_layout = QGridLayout(self.tiles)
        self.tiles_layout.setSpacing(14)
        self.tile_scroll = QScrollArea()
        self.tile_scroll.setWidgetResizable(True)
        self.tile_scroll.setWidget(self.tiles)
        self.tile_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tile_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A finger drags the tiles up and down, as on a phone.
        QScroller.grabGesture(
            self.tile_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )

        self.camera = self._button(self.tr("My card to the camera"), 24, self.open_camera)
        self.camera.setObjectName("kioskCamera")
        self.camera.setProperty("big", True)
        self.leave = self._button(self.tr("Librarian: leave the kiosk"), 16, self.ask_to_leave)
        self.leave.setObjectName("kioskLeave")
        bottom = QHBoxLayout()
        bottom.addWidget(self.camera)
        bottom.addStretch(1)
        bottom.addWidget(self.leave)

        choosing = QWidget()
        choose_layout = QVBoxLayout(choosing)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(self.hint)
        choose_layout.addWidget(self.message)
        choose_layout.addWidget(self.letters)
        choose_layout.addWidget(self.tile_scroll, 1)

        self.welcome = QLabel()
        self.welcome.setObjectName("kioskWelcome")
        self.welcome.setFont(_font(96, bold=True))
        self.welcome.setStyleSheet("color: #2e7d32;")
        self.welcome.setWordWrap(True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_theme = QLabel()
        self.welcome_theme.setObjectName("kioskWelcomeTheme")
        self.welcome_theme.setFont(_font(40))
        self.welcome_theme.setWordWrap(True)
        self.welcome_theme.setAlignment(Qt.AlignmentFlag.AlignCenter)
        welcoming = QWidget()
        welcome_layout = QVBoxLayout(welcoming)
        welcome_layout.addStretch(1)
        welcome_layout.addWidget(self.welcome)
        welcome_layout.addWidget(self.welcome_theme)
        welcome_layout.addStretch(1)
        # A tap anywhere on the welcome brings the tiles back for the next child.
        welcoming.mousePressEvent = lambda _event: self.show_tiles()  # type: ignore[method-assign]

        self.pages = QStackedWidget()
        self.pages.addWidget(choosing)
        self.pages.addWidget(welcoming)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

    def _button(self, text: str, pixels: int, clicked: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setFont(_font(pixels))
        button.setMinimumHeight(pixels * 2 + 12)
        # Buttons never take the focus: the window keeps it for the scanner.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: clicked())  # not with `checked` as an argument
        return button

    # ----- the children's tiles -----------------------------------------------------------

    def reload(self) -> None:
        session_id = self.session_id
        self.ctx.query(self, lambda db, by: read_kiosk_screen(db, session_id, by=by)).latest(
            "screen"
        ).success(self._show_screen).failure(self._refused).run()

    def _on_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if Area.PARTICIPANTS in areas or Area.SESSIONS in areas:
            self.reload()  # a walk-in registered at the desk gets a tile at once

    def _show_screen(self, screen: KioskScreen) -> None:
        self.screen_data = screen
        self.title.setText(" – ".join(part for part in (screen.program, screen.theme) if part))
        self._make_tiles()  # first: laying out the letters may resize, which places tiles
        self._fill_letters()
        self._fill_tiles()

    def _fill_letters(self) -> None:
        while (old := self.letters_layout.takeAt(0)) is not None:
            if (widget := old.widget()) is not None:
                widget.hide()  # gone at once, deleted when the event loop comes by
                widget.deleteLater()
        screen = self.screen_data
        if screen is None:
            return
        firsts = sorted(
            {child.first_name[:1].upper() for child in screen.children if child.first_name},
            key=lambda letter: sort_key(letter, screen.language),
        )
        # The whole alphabet may not fit one row of a 1366 px screen: rows of what fits.
        # "All" stands before the rows, so each letter's column is as wide as a letter.
        per_row = max(8, (self.width() - 200) // (LETTER_WIDTH + 6))
        rows = max(1, -(-len(firsts) // per_row))
        every = self._letter_button(self.tr("All"), None)
        self.letters_layout.addWidget(every, 0, 0, rows, 1, Qt.AlignmentFlag.AlignTop)
        every.show()
        for index, letter in enumerate(firsts):
            button = self._letter_button(letter, letter)
            self.letters_layout.addWidget(button, index // per_row, 1 + index % per_row)
            button.show()

    def _letter_button(self, text: str, letter: str | None) -> QPushButton:
        button = self._button(text, 26, lambda: self.choose_letter(letter))
        button.setProperty("letter", True)
        button.setCheckable(True)
        button.setChecked(letter == self.letter)
        button.setFixedSize(LETTER_WIDTH if letter else button.sizeHint().width(), 64)
        return button

    def choose_letter(self, letter: str | None) -> None:
        """Only the names starting with this letter (None: all of them)."""
        self.letter = letter
        for index in range(self.letters_layout.count()):
            item = self.letters_layout.itemAt(index)
            button = item.widget() if item is not None else None
            if isinstance(button, QPushButton):
                button.setChecked(button.text() == letter or (letter is None and index == 0))
        self._fill_tiles()

    def shown_children(self) -> list[KioskChild]:
        if self.screen_data is None:
            return []
        return [
            child
            for child in self.screen_data.children
            if self.letter is None or child.first_name[:1].upper() == self.letter
        ]

    def _make_tiles(self) -> None:
        """One tile per child, made once per reading: narrowing only places them anew."""
        for old in self._tiles.values():
            old.hide()  # gone at once, deleted when the event loop comes by
            old.deleteLater()
        self._tiles = {}
        for child in self.screen_data.children if self.screen_data else ():
            tile = self._button(child.tile_text, 26, partial(self.tapped, child))
            tile.setParent(self.tiles)
            tile.hide()
            tile.setObjectName("kioskTile")
            tile.setProperty("tile", True)
            tile.setMinimumHeight(96)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._tiles[child.id] = tile

    def _fill_tiles(self) -> None:
        while self.tiles_layout.takeAt(0) is not None:
            pass
        for row in range(self.tiles_layout.rowCount()):
            self.tiles_layout.setRowStretch(row, 0)
        shown = {child.id for child in self.shown_children()}
        for child_id, tile in self._tiles.items():
            if child_id not in shown:
                tile.hide()
        columns = max(2, (self.width() - 60) // (TILE_WIDTH + 14))
        for index, child in enumerate(self.shown_children()):
            tile = self._tiles[child.id]
            self.tiles_layout.addWidget(tile, index // columns, index % columns)
            tile.show()  # now, not when the event loop comes by: a tap may follow at once
        # The tiles stay at the top when they fill less than the screen.
        self.tiles_layout.setRowStretch(len(shown) // columns + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.screen_data is not None:
            self._fill_letters()
            self._fill_tiles()  # as many columns as the table's screen holds

    # ----- checking in --------------------------------------------------------------------

    def tapped(self, child: KioskChild) -> None:
        session_id = self.session_id
        self._run(
            lambda db, by: kiosk_check_in(db, session_id, child.id, by=by),
            self.tr("That did not work. Please ask a librarian."),
        )

    def scan_text(self, text: str) -> None:
        """A code from the scanner or the camera: a child's card checks them in."""
        try:
            code = decode_scan(text)
        except ScanRefused:
            self.say_refused(self.tr("This card could not be read. Please try again."))
            return
        if not isinstance(code, CardCode):
            self.say_refused(self.tr("This is an equipment label. Hold your own card, please."))
            return
        session_id, scanned = self.session_id, text.strip()
        self._run(
            lambda db, by: kiosk_check_in_card(db, session_id, code.code, scanned=scanned, by=by),
            self.tr("This card is not known here. Please ask a librarian."),
        )

    def _run(self, work: Work[KioskWelcome], refusal: str) -> None:
        # A refusal's own words may name a code or a record: the room hears only `refusal`.
        self.ctx.operation(self, work).success(self._welcomed).failure(
            lambda _error, _details: self.say_refused(refusal)
        ).run()

    def _welcomed(self, welcome: KioskWelcome) -> None:
        name = welcome.first_name
        if welcome.already_here:
            text = fill(self.tr("Hello, %1! You are already checked in."), name)
        else:
            text = fill(self.tr("Welcome, %1!"), name)
        self.welcome.setText(text)
        theme = self.screen_data.theme if self.screen_data else ""
        self.welcome_theme.setText(
            fill(self.tr("Today: %1"), theme) if theme else self.tr("Have a good time!")
        )
        self.message.clear()
        self.pages.setCurrentIndex(1)
        self._back.start()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say_refused(translate_error(error))

    def say_refused(self, text: str) -> None:
        self.show_tiles()
        self.message.setText(text)

    def show_tiles(self) -> None:
        self._back.stop()
        self.letter = None
        self.choose_letter(None)
        self.pages.setCurrentIndex(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_camera(self) -> None:
        from desktop.camera import CameraWindow  # QtMultimedia only when asked for

        window = CameraWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.scanned.connect(self.scan_text)
        window.show()

    # ----- leaving ------------------------------------------------------------------------

    def ask_to_leave(self) -> None:
        """A librarian's username and password close the kiosk; anything else keeps it."""
        from desktop.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(self.ctx.database, self, any_user=True)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(lambda _result: self._asked(dialog))
        self.leave_dialog = dialog
        dialog.show()

    def _asked(self, dialog: QWidget) -> None:
        from desktop.dialogs.sign_in import SignInDialog

        assert isinstance(dialog, SignInDialog)
        who = dialog.signed_in
        dialog.deleteLater()
        if who is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._leaving = True
        self.close()
        self.left.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving:  # Alt+F4 or the window's cross: only a librarian's password
            event.ignore()
            QTimer.singleShot(0, self.ask_to_leave)
            return
        super().closeEvent(event)

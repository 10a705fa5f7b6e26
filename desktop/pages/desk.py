"""The Desk: check children in and lend or take back equipment by scanning, with zero clicks.

One scan field always has the focus. A card checks a child in; an item's label returns
it when it is out, else lends it to the child scanned just before (or to the session).
Letters typed instead of a code search children by name.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import dates
from db.areas import Area
from db.attendance import CheckIn, check_in, check_in_card, present_in_session, undo_check_in
from db.clock import local, now_utc
from db.desk import (
    DeskFound,
    DeskSession,
    anonymous_headcount,
    search_at_desk,
    sessions_near,
    undo_lend,
)
from db.equipment import (
    Borrower,
    KitLent,
    KitReturned,
    Lent,
    OverdueItem,
    Returned,
    SessionBorrower,
    add_return_note,
    item_state,
    keep_part_out,
    lend,
    lend_kit,
    open_loans,
    return_item,
    return_kit,
    undo_returns,
)
from db.errors import (
    QT_TRANSLATE_NOOP,
    BorrowerHasOverdue,
    DomainError,
    InvalidInput,
    ScanRefused,
)
from db.models import CheckInMethod, SessionStatus
from db.programs import list_programs, running_sessions
from db.scancodes import LAYOUT_NAMES, CardCode, ItemCode, decode_scan
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.resources import SOUNDS_FOLDER
from desktop.scan_keys import ScanKeys
from desktop.settings import LOAN_HOURS, PLAY_SOUNDS

# The child scanned just before an item borrows it, if the item follows within this time.
BORROWER_WAIT = timedelta(minutes=2)
FLASH_MS = 1500
GREEN, RED, AMBER = "#d8f5dc", "#fde2e1", "#fff3cd"
# The desk by keyboard. None of them is a page's shortcut (Ctrl+1…7 in the main window).
NEW_CHILD_KEY, UNDO_KEY, SIGNIN_KEY, SESSION_KEY = "Ctrl+N", "Ctrl+Z", "Ctrl+P", "F4"
# The names in both lists, large enough to read from a step back from the desk.
LIST_POINT_SIZE, LIST_ICON = 13, QSize(20, 20)


def no_photos_icon(size: int = 16) -> QIcon:
    """A red "no" sign: this child must not be photographed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#c62828"), 2))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.drawLine(4, size - 4, size - 4, 4)
    painter.end()
    return QIcon(pixmap)


@dataclass(frozen=True)
class PendingBorrower:
    participant_id: int
    name: str
    scanned_at: datetime


def with_key(text: str, key: str) -> str:
    """A tooltip that also tells the key, in the form the keyboard shows it."""
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shown})"


class ScanField(QLineEdit):
    """The scan field: arrows move through the name search results without leaving it.

    While it is empty, + and − count a visitor who does not register (a scanned code or a
    name never starts with them), and Ctrl+Z undoes the last scan instead of the typing.
    Escape drops what was typed, and the names it found.
    """

    def __init__(
        self,
        on_arrow: Callable[[int], None],
        on_count: Callable[[int], None],
        on_escape: Callable[[], None],
    ) -> None:
        super().__init__()
        self._on_arrow = on_arrow
        self._on_count = on_count
        self._on_escape = on_escape

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and not self.text()
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()  # not the field's own undo: the desk's "Undo last scan" shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._on_arrow(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self._on_escape()
            return
        step = {"+": 1, "-": -1, "–": -1, "−": -1}.get(event.text())
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if step is not None and plain and not self.text():
            self._on_count(step)
            return
        super().keyPressEvent(event)


class Sounds:
    """The short "got it" and "look at the screen" sounds (QtMultimedia, if it loads here)."""

    def __init__(self) -> None:
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # no audio libraries on this machine: the colours still tell
            return
        for name in ("ok", "refused"):
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS_FOLDER / f"{name}.wav")))
            effect.setVolume(0.6)
            self._effects[name] = effect

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]


class DeskPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("deskPage")
        self.clock: Callable[[], datetime] = now_utc
        self.session_id: int | None = None
        self.chosen_by_hand = False
        self.pending: PendingBorrower | None = None
        self.last_undo: tuple[str, Callable[[], object]] | None = None
        self.returned_tag: str | None = None
        # The kit taken back last, and its parts the librarian said did not come back.
        self.kit_back: KitReturned | None = None
        self.kept_out: list[Lent] = []
        self.overdue_question: QMessageBox | None = None
        self.sounds = Sounds()
        self._sessions: list[DeskSession] = []
        self._flash_id: int | None = None
        self._build()
        # A scanner's burst lands here wherever the focus is on the desk, never in a form.
        self.scan_keys = ScanKeys(self, self.scan_text, self.scan_input, self._scan_in_dialog)
        self._offer_kiosk()  # once laid out: a button shown before is a window of its own
        ctx.staff_changed.connect(self._offer_kiosk)  # bound: gone with the page
        ctx.changed.connect(self._on_changed)
        self.scan_message.linkActivated.connect(self._keep_out)
        self.minute = QTimer(self)
        self.minute.timeout.connect(self._each_minute)
        self.minute.start(60_000)
        self.reload_sessions()

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.session_title = QLabel()
        self.session_title.setObjectName("sessionTitle")
        title_font = QFont(self.font())
        title_font.setPointSize(15)
        title_font.setBold(True)
        self.session_title.setFont(title_font)
        self.session_title.setWordWrap(True)
        self.session_choice = QComboBox()
        self.session_choice.setObjectName("sessionChoice")
        self.session_choice.setMinimumWidth(360)
        # As wide as 40 letters, not as the longest session's name: the lists need the room.
        self.session_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session_choice.setMinimumContentsLength(40)
        # Tab reaches it, a click does not keep it: the scanner's keys go to the scan field.
        self.session_choice.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.session_choice.setToolTip(with_key(self.tr("Choose another session"), SESSION_KEY))
        self.session_choice.activated.connect(self._session_chosen)
        # On a new database the desk's next step: the first program and its sessions.
        self.first_program = QPushButton(self.tr("Create the first program…"), self)
        self.first_program.setObjectName("firstProgram")
        self.first_program.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.first_program.hide()
        self.first_program.clicked.connect(self.plan_first_program)
        title_box = QVBoxLayout()
        title_box.addWidget(self.session_title)
        title_box.addWidget(self.first_program, 0, Qt.AlignmentFlag.AlignLeft)
        header = QHBoxLayout()
        header.addLayout(title_box, 1)
        header.addWidget(QLabel(self.tr("Session:")))
        header.addWidget(self.session_choice)

        self.scan_input = ScanField(
            self._move_highlight, self._change_headcount, self._hide_results
        )
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan a card or a label, or type a name"))
        scan_font = QFont(self.font())
        scan_font.setPointSize(16)
        self.scan_input.setFont(scan_font)
        self.scan_input.setMinimumHeight(44)
        self.scan_input.returnPressed.connect(self._enter)
        self.scan_input.textEdited.connect(self._search)

        self.scan_message = QLabel(self.tr("Ready. Scan a card or a label."))
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setWordWrap(True)
        self.scan_message.setMinimumHeight(48)
        self._paint_message("#eef2f7")

        list_font = QFont(self.font())
        list_font.setPointSize(LIST_POINT_SIZE)
        self.search_results = QListWidget()
        self.search_results.setObjectName("searchResults")
        self.search_results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # As large as the here-now list below: the same names at the same size.
        self.search_results.setFont(list_font)
        self.search_results.setIconSize(LIST_ICON)
        self.search_results.setSpacing(2)
        self.search_results.itemClicked.connect(lambda _item: self._check_in_highlighted())
        self.search_results.hide()

        self.borrower_hint = QLabel()
        self.borrower_hint.setObjectName("borrowerHint")
        self.borrower_hint.setStyleSheet("color: #455a64;")
        # Said once: which keyboard layout the scanner's text came through (repaired).
        self.layout_note = QLabel()
        self.layout_note.setObjectName("layoutNote")
        self.layout_note.setStyleSheet("color: #607d8b; font-size: 9pt;")

        self.note_panel = QFrame()
        self.note_panel.setObjectName("notePanel")
        self.note_label = QLabel()
        self.return_note = QLineEdit()
        self.return_note.setObjectName("returnNote")
        self.return_note.setPlaceholderText(self.tr("Condition (optional), e.g. stick drifts"))
        self.return_note.returnPressed.connect(self._save_note)
        save_note = QPushButton(self.tr("Save note"))
        save_note.setObjectName("saveNote")
        save_note.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        save_note.clicked.connect(self._save_note)
        # The label above the field, so the field's hint is read whole in every language.
        note_box = QVBoxLayout(self.note_panel)
        note_box.setContentsMargins(0, 0, 0, 0)
        note_box.setSpacing(2)
        note_box.addWidget(self.note_label)
        note_row = QHBoxLayout()
        note_row.addWidget(self.return_note, 1)
        note_row.addWidget(save_note)
        note_box.addLayout(note_row)
        self.note_panel.hide()

        self.new_child = QPushButton(self.tr("New child…"))
        self.new_child.setObjectName("newChildButton")
        self.new_child.setToolTip(
            with_key(self.tr("Register a child who came without a card"), NEW_CHILD_KEY)
        )
        self.new_child.clicked.connect(self.open_new_child)
        self.undo = QPushButton(self.tr("Undo last scan"))
        self.undo.setObjectName("undoButton")
        self.undo.setToolTip(with_key(self.tr("Nothing to undo yet"), UNDO_KEY))
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self._undo_last)
        self.signin = QPushButton(self.tr("Sign-in sheet…"))
        self.signin.setObjectName("signinButton")
        self.signin.setToolTip(
            with_key(self.tr("Print the sign-in sheet of this session"), SIGNIN_KEY)
        )
        self.signin.clicked.connect(self.print_signin_sheet)
        # The same actions by key, while the desk is the page shown (a page's shortcuts
        # only fire while the page is visible). A button clicked this way does nothing
        # while disabled, as with the mouse.
        for key, button in (
            (NEW_CHILD_KEY, self.new_child),
            (UNDO_KEY, self.undo),
            (SIGNIN_KEY, self.signin),
        ):
            QShortcut(QKeySequence(key), self, button.click)
        QShortcut(QKeySequence(SESSION_KEY), self, self.choose_session)
        # Alt+1…9: the kit's Nth part listed did not come back (the links, by keyboard).
        for number in range(1, 10):
            QShortcut(
                QKeySequence(f"Alt+{number}"), self, lambda n=number: self._keep_out_listed(n)
            )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_child)
        buttons.addWidget(self.undo)
        buttons.addWidget(self.signin)
        camera = QPushButton(self.tr("Scan with camera…"))
        camera.setObjectName("cameraButton")
        camera.clicked.connect(self.open_camera)
        buttons.addWidget(camera)
        # The children's self check-in on the interactive table: an administrator opens it
        # (below the list, where the row has room at 1280 px).
        self.kiosk_button = QPushButton(self.tr("Kiosk…"))
        self.kiosk_button.setObjectName("kioskButton")
        self.kiosk_button.setToolTip(
            self.tr("The children's self check-in on the interactive table, full screen")
        )
        self.kiosk_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.kiosk_button.clicked.connect(self.open_kiosk)
        buttons.addStretch(1)

        self.present_count = QLabel()
        self.present_count.setObjectName("presentCount")
        count_font = QFont(self.font())
        count_font.setBold(True)
        count_font.setPointSize(12)
        self.present_count.setFont(count_font)
        self.present_list = QListWidget()
        self.present_list.setObjectName("presentList")
        self.present_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.present_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.present_list.setFont(list_font)
        self.present_list.setIconSize(LIST_ICON)
        self.present_list.setSpacing(2)
        self._no_photos = no_photos_icon(LIST_ICON.width())

        self.headcount = QLabel("0")
        self.headcount.setObjectName("headcount")
        self.headcount.setMinimumWidth(30)
        self.headcount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        minus, plus = QPushButton("–"), QPushButton("+")
        minus.setObjectName("headcountMinus")
        plus.setObjectName("headcountPlus")
        minus.setToolTip(self.tr("One visitor less (−, while the scan field is empty)"))
        plus.setToolTip(self.tr("One more visitor (+, while the scan field is empty)"))
        for button, step in ((minus, -1), (plus, 1)):
            button.setFixedWidth(36)
            button.clicked.connect(lambda _c=False, s=step: self._change_headcount(s))
        headcount_row = QHBoxLayout()
        headcount_row.addWidget(QLabel(self.tr("Visitors not registered:")))
        headcount_row.addWidget(minus)
        headcount_row.addWidget(self.headcount)
        headcount_row.addWidget(plus)
        headcount_row.addStretch(1)
        headcount_row.addWidget(self.kiosk_button)

        left = QVBoxLayout()
        left.addWidget(self.scan_input)
        left.addWidget(self.search_results)
        left.addWidget(self.scan_message)
        left.addWidget(self.note_panel)
        left.addWidget(self.borrower_hint)
        left.addWidget(self.layout_note)
        left.addLayout(buttons)
        left.addWidget(self.present_count)
        left.addWidget(self.present_list, 1)
        left.addLayout(headcount_row)

        self.out_title = QLabel()
        self.out_title.setFont(count_font)
        self.out_list = QTableWidget(0, 5)
        self.out_list.setObjectName("outList")
        self.out_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.out_list.setHorizontalHeaderLabels(
            [
                self.tr("Tag"),
                self.tr("Item"),
                self.tr("Who has it"),
                self.tr("Since"),
                self.tr("Due"),
            ]
        )
        self.out_list.verticalHeader().hide()
        self.out_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.out_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.out_list.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.out_title)
        right.addWidget(self.out_list, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)

        # Tab walks the desk from the scan field in reading order; a click on a button does
        # not take the focus, so the scanner keeps typing into the scan field.
        self._tab_chain: list[QWidget] = [
            self.scan_input,
            self.return_note,
            self.new_child,
            self.undo,
            self.signin,
            minus,
            plus,
            self.session_choice,
        ]
        for button in (self.new_child, self.undo, self.signin, minus, plus):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def showEvent(self, event: QShowEvent) -> None:
        # Set here, inside the main window: moving the page into it reorders the chain.
        for before, after in pairwise(self._tab_chain):
            self.setTabOrder(before, after)
        super().showEvent(event)

    def take_focus(self) -> None:
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_session(self) -> None:
        """Open the session chooser from the keyboard; a choice gives the focus back."""
        self.session_choice.showPopup()

    # ----- sessions -----------------------------------------------------------------------

    def reload_sessions(self) -> None:
        """Fill the session chooser; unless chosen by hand, pick the session running now."""
        now = self.clock()
        self._sessions = sessions_near(self.ctx.database, self.ctx.site_id, local(now).date())
        running = None
        if not self.chosen_by_hand:
            with self.ctx.database.reading() as session:
                row = session.scalars(running_sessions(now, self.ctx.site_id)).first()
                running = row.id if row else None
        self.session_choice.clear()
        self.session_choice.addItem(self.tr("— no session —"), 0)
        for s in self._sessions:
            hours = dates.time_span_text(s.starts_at, s.ends_at)
            label = f"{dates.day_text(s.day)} {hours} {s.program}"
            if s.theme:
                label += f" · {s.theme}"
            if s.status is SessionStatus.CANCELLED:
                label += " " + self.tr("(cancelled)")
            self.session_choice.addItem(label, s.id)
        self._show_session(running if not self.chosen_by_hand else self.session_id)

    def plan_first_program(self) -> None:
        """The program and its sessions (the Sessions page's dialogs); the desk follows."""
        from desktop.dialogs.session_dialogs import ScheduleDialog, plan_new_program

        def scheduled(dialog: ScheduleDialog) -> None:
            dialog.deleteLater()
            self.take_focus()

        plan_new_program(self.ctx, self, scheduled)

    def _session_chosen(self, index: int) -> None:
        self.chosen_by_hand = True
        self._show_session(self.session_choice.itemData(index) or None)
        self.take_focus()

    def _show_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.session_choice.setCurrentIndex(max(0, self.session_choice.findData(session_id or 0)))
        chosen = next((s for s in self._sessions if s.id == session_id), None)
        no_programs = not self._sessions and not list_programs(self.ctx.database, self.ctx.site_id)
        self.first_program.setVisible(no_programs)
        if no_programs:
            self.session_title.setText(
                self.tr(
                    "This library has no programs yet. Create its first program and its"
                    " sessions to check children in."
                )
            )
        elif chosen is None:
            self.session_title.setText(
                self.tr("No session is running now. Choose one to check children in.")
            )
        else:
            self.session_title.setText(
                f"{chosen.program} · {dates.time_span_text(chosen.starts_at, chosen.ends_at)}"
                + (f"\n{chosen.theme}" if chosen.theme else "")
            )
        self.reload_present()
        self.reload_out()

    def _each_minute(self) -> None:
        if self.pending and self.clock() - self.pending.scanned_at > BORROWER_WAIT:
            self.pending = None  # the next item goes to the session again
            self.borrower_hint.clear()
        if not self.chosen_by_hand:
            self.reload_sessions()
        else:
            self.reload_out()

    # ----- lists --------------------------------------------------------------------------

    def reload_present(self) -> None:
        self.present_list.clear()
        present = (
            present_in_session(self.ctx.database, self.session_id, by=self.ctx.staff_id)
            if self.session_id
            else []
        )
        for child in present:
            item = QListWidgetItem(f"{child.full_name}   {dates.time_text(child.recorded_at)}")
            item.setData(Qt.ItemDataRole.UserRole, child.participant_id)
            if child.no_photos:
                item.setIcon(self._no_photos)
                item.setText(item.text() + "   " + self.tr("no photos"))
                item.setToolTip(self.tr("No photo consent: do not photograph this child."))
            self.present_list.addItem(item)
        self.present_count.setText(fill(self.tr("Here now: %1"), str(len(present))))
        headcount = (
            anonymous_headcount(self.ctx.database, self.session_id) if self.session_id else 0
        )
        self.headcount.setText(str(headcount))
        if self._flash_id is not None:
            self._flash(self._flash_id)

    def reload_out(self) -> None:
        now = self.clock()
        loans = open_loans(
            self.ctx.database, at=now, site_id=self.ctx.site_id, by=self.ctx.staff_id
        )
        today = local(now).date()  # the desk's clock, which tests may set
        overdue = sum(loan.overdue for loan in loans)
        self.out_title.setText(
            fill(self.tr("Out now: %1"), str(len(loans)))
            + ("   " + fill(self.tr("overdue: %1"), str(overdue)) if overdue else "")
        )
        self.out_list.setRowCount(len(loans))
        for row, loan in enumerate(loans):
            cells = [
                loan.tag,
                loan.item_name,
                loan.borrower,
                dates.moment_text(loan.lent_at, today=today),
                dates.moment_or_time_text(loan.due_at, today=today),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if loan.overdue:
                    cell.setBackground(QBrush(QColor(RED)))
                    cell.setToolTip(self.tr("Overdue"))
                    if column == 4:
                        bold = cell.font()
                        bold.setBold(True)
                        cell.setFont(bold)
                self.out_list.setItem(row, column, cell)
        self.out_list.resizeColumnsToContents()
        # The item and who has it share the room the short columns leave, wrapping their
        # words: a session as borrower ("Nāc, pievienojies! 05.10.2018") would otherwise
        # squeeze the item's name to a sliver and push the due time off the list.
        for wrapped in (1, 2):
            self.out_list.horizontalHeader().setSectionResizeMode(
                wrapped, QHeaderView.ResizeMode.Stretch
            )
        self.out_list.resizeRowsToContents()

    def _on_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if Area.SESSIONS in areas:
            self.reload_sessions()
            return
        if areas & {Area.ATTENDANCE, Area.PARTICIPANTS}:
            self.reload_present()
        if areas & {Area.LOANS, Area.ITEMS, Area.PARTICIPANTS}:
            self.reload_out()

    # ----- messages, sounds, flash --------------------------------------------------------

    def _paint_message(self, colour: str) -> None:
        self.scan_message.setStyleSheet(
            f"QLabel#scanMessage {{ background: {colour}; border-radius: 6px; padding: 8px;"
            " font-size: 13pt; }"
        )

    def say(
        self,
        text: str,
        colour: str = GREEN,
        sound: str | None = "ok",
        links: list[tuple[str, str]] | None = None,
    ) -> None:
        """Show a message; `links` (target, words) become clickable actions below it."""
        if links:
            self.scan_message.setTextFormat(Qt.TextFormat.RichText)
            self.scan_message.setText(
                html.escape(text).replace("\n", "<br>")
                + "<br>"
                + " · ".join(
                    # Each action on one line of its own, never split between two.
                    f'<a href="{html.escape(target)}">'
                    f"{html.escape(words).replace(' ', '&nbsp;')}</a>"
                    for target, words in links
                )
            )
        else:
            self.scan_message.setTextFormat(Qt.TextFormat.PlainText)
            self.scan_message.setText(text)
        self._paint_message(colour)
        if sound and self.ctx.settings.get(PLAY_SOUNDS):
            self.sounds.play(sound)

    def refuse(self, text: str) -> None:
        self.say(text, RED, "refused")

    def _flash(self, participant_id: int) -> None:
        for row in range(self.present_list.count()):
            item = self.present_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setBackground(QBrush(QColor(GREEN)))
                QTimer.singleShot(FLASH_MS, self._end_flash)
                return

    def _end_flash(self) -> None:
        self._flash_id = None
        for row in range(self.present_list.count()):
            self.present_list.item(row).setBackground(QBrush())

    # ----- scanning -----------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], object],
        done: Callable[[object], None],
        ask: Callable[[BorrowerHasOverdue], None] | None = None,
    ) -> None:
        def refused(error: BaseException, _details: str) -> None:
            assert isinstance(error, DomainError)
            if ask is not None and isinstance(error, BorrowerHasOverdue):
                ask(error)
            else:
                self.refuse(translate_error(error))

        Operation(self, work).success(done).failure(refused).finally_(self.take_focus).run()

    def _enter(self) -> None:
        scanned = self.scan_input.text()
        self.scan_input.clear()
        try:
            code = decode_scan(scanned)
        except ScanRefused as refusal:
            if self.search_results.isVisible() and self.search_results.currentItem():
                self._check_in_highlighted()
            else:
                self._hide_results()
                self.refuse(translate_error(refusal))
            return
        self._hide_results()
        if code.layout is not None and not self.layout_note.text():
            self.layout_note.setText(
                fill(
                    self.tr(
                        "This laptop's keyboard seems to be set to %1; scans are still read right."
                    ),
                    QCoreApplication.translate("KeyboardLayout", LAYOUT_NAMES[code.layout]),
                )
            )
        if isinstance(code, CardCode):
            self._check_in_card(code, scanned.strip())
        else:
            self._scan_item(code)

    def open_camera(self) -> None:
        """The camera's window; what it reads is handled as the scanner's typing is."""
        from desktop.camera import CameraWindow  # QtMultimedia only when asked for

        window = CameraWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.scanned.connect(self.scan_text)
        window.show()

    def _offer_kiosk(self, _staff_id: int = 0) -> None:
        self.kiosk_button.setVisible(self.ctx.is_admin)

    def open_kiosk(self) -> None:
        """The desk's session full screen for the children, until a librarian's password."""
        if self._needs_session():
            return
        from desktop.kiosk import KioskWindow

        assert self.session_id is not None
        self.kiosk = KioskWindow(self.ctx, self.session_id)
        self.kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The desk's window, full names and all, is out of reach (Alt+Tab) until a
        # librarian's password closes the kiosk; hidden, it does not lock itself either.
        desk_window = self.window()
        self.kiosk.left.connect(desk_window.show)
        self.kiosk.left.connect(self.take_focus)
        self.kiosk.showFullScreen()
        desk_window.hide()

    def scan_text(self, text: str) -> None:
        """A code read another way (the camera): the same handling, messages and sounds.

        A name being typed is put back afterwards; its search list is not what the code
        chooses from (a refused code must not check in the highlighted child).
        """
        typing = self.scan_input.text()
        self._hide_results()
        self.scan_input.setText(text)
        self._enter()
        if typing:
            self.scan_input.setText(typing)

    def _scan_in_dialog(self) -> None:
        self.refuse(self.tr("That scan was not used: finish the open window first, then scan."))

    def _needs_session(self) -> bool:
        if self.session_id is None:
            self.refuse(self.tr("Choose a session first: no session is running now."))
            return True
        return False

    def _check_in_card(self, code: CardCode, scanned: str) -> None:
        if self._needs_session():
            return
        session_id, staff, now = self.session_id, self.ctx.staff_id, self.clock()
        assert session_id is not None
        self._run(
            lambda: check_in_card(
                self.ctx.database, session_id, code.code, scanned=scanned, by=staff, at=now
            ),
            lambda result: self._checked_in(result),  # type: ignore[arg-type]
        )

    def _checked_in(self, result: CheckIn) -> None:
        self.kit_back = None  # its keep-out links are gone with its message
        self.pending = PendingBorrower(result.participant_id, result.full_name, self.clock())
        self.borrower_hint.setText(
            fill(self.tr("An item scanned now is lent to %1."), result.full_name)
        )
        photo = ("  " + self.tr("(no photos)")) if result.no_photos else ""
        if result.home_site:
            photo += "  " + fill(self.tr("(from %1)"), result.home_site)
        if result.overdue:
            photo += "\n" + fill(
                self.tr("Still has, overdue: %1"), self._overdue_words(result.overdue)
            )
        colour = AMBER if result.already_here or result.overdue else GREEN
        if result.already_here:
            self.say(fill(self.tr("Already here: %1"), result.full_name) + photo, colour)
        else:
            self.say(fill(self.tr("Checked in: %1"), result.full_name) + photo, colour)
            attendance_id = result.attendance_id
            self._remember_undo(
                fill(self.tr("check-in of %1"), result.full_name),
                lambda: undo_check_in(self.ctx.database, attendance_id, by=self.ctx.staff_id),
            )
        self._flash_id = result.participant_id

    def _overdue_words(self, overdue: list[OverdueItem]) -> str:
        """ "LAP-03 since 27.11.": the tag and the day it went out, Latvian short form."""
        return ", ".join(
            fill(
                self.tr("%1 since %2"),
                item.tag,
                dates.day_text(local(item.lent_at).date(), today=self._today()),
            )
            for item in overdue
        )

    def _today(self) -> date:
        return local(self.clock()).date()

    def _to_whom(self, borrower: str, session: SessionBorrower | None) -> str:
        """Who has an item, in words: a child's name, or the session and its start."""
        if session is None:
            return borrower
        return fill(
            self.tr("the session “%1” %2"), session.program, dates.time_text(session.starts_at)
        )

    def _borrower(self) -> tuple[Borrower, str] | None:
        now = self.clock()
        if self.pending and now - self.pending.scanned_at <= BORROWER_WAIT:
            return Borrower.child(self.pending.participant_id), self.pending.name
        if self.session_id is not None:
            return Borrower.in_session(self.session_id), self.tr("the session")
        if self.ctx.staff_id is not None:
            return Borrower.librarian(self.ctx.staff_id), self.tr("you")
        return None

    def _scan_item(self, code: ItemCode, lend_anyway: bool = False) -> None:
        database, staff = self.ctx.database, self.ctx.staff_id
        borrower = self._borrower()
        hours = self.ctx.settings.get(LOAN_HOURS)
        now = self.clock()
        due = now + timedelta(hours=hours) if hours and self.pending else None
        ask = not lend_anyway

        def work() -> object:
            # Out → it comes back (a kit with its parts); in → it goes out (the same).
            state = item_state(database, code.tag, at=now, by=staff)
            if state.loan is not None:
                if state.parts:
                    return return_kit(database, code.tag, by=staff, at=now)
                return return_item(database, code.tag, by=staff, at=now)
            if borrower is None:
                raise InvalidInput(
                    problem=QT_TRANSLATE_NOOP(
                        "DomainError",
                        "Nobody to lend to: scan a child's card first, or choose a session.",
                    )
                )
            lend_it = lend_kit if state.parts else lend
            return lend_it(
                database, code.tag, borrower[0], by=staff, due_at=due, at=now, ask_if_overdue=ask
            )

        self._run(work, self._item_done, lambda asked: self._ask_to_lend_anyway(asked, code))

    def _ask_to_lend_anyway(self, asked: BorrowerHasOverdue, code: ItemCode) -> None:
        """The child still has something overdue: Enter lends anyway, Esc does not."""
        name = str(asked.fields.get("name", ""))
        overdue = self._overdue_words(list(asked.fields.get("overdue", [])))
        question = fill(self.tr("%1 still has overdue: %2"), name, overdue)
        self.say(question, AMBER, "refused")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Overdue items"),
            question + "\n\n" + fill(self.tr("Lend %1 anyway?"), code.tag),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        lend_button = box.button(QMessageBox.StandardButton.Yes)
        lend_button.setText(self.tr("Lend anyway (Enter)"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not lend (Esc)"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setEscapeButton(QMessageBox.StandardButton.No)

        def answered(_result: int) -> None:
            self.overdue_question = None
            box.deleteLater()
            if box.clickedButton() is lend_button:
                self._scan_item(code, lend_anyway=True)
            else:
                self.say(fill(self.tr("Not lent: %1"), code.tag), AMBER, sound=None)
            # Back to the scanner: the desk's window, not the closed question, is active.
            self.window().activateWindow()
            self.take_focus()

        box.finished.connect(answered)
        self.overdue_question = box
        box.open()

    def _item_done(self, result: object) -> None:
        if isinstance(result, KitReturned):
            self._kit_returned(result)
        elif isinstance(result, Returned):
            self._returned(result)
        elif isinstance(result, KitLent):
            self._lent(result.lent, [translate_error(why) for why in result.refusals])
        elif isinstance(result, Lent):
            self._lent([result], [])

    def _lent(self, lent: list[Lent], left_behind: list[str]) -> None:
        self.kit_back = None
        first = lent[0]
        text = fill(
            self.tr("Lent: %1 to %2, due %3"),
            ", ".join(f"{x.tag} {x.item_name}" for x in lent),
            self._to_whom(first.borrower, first.session),
            dates.moment_or_time_text(first.due_at, today=self._today()),
        )
        if left_behind:
            text += "\n" + fill(self.tr("Left behind: %1"), "; ".join(left_behind))
        self.say(text, AMBER if left_behind else GREEN)
        self.pending = None
        self.borrower_hint.clear()
        loan_ids = [x.loan_id for x in lent]
        self._remember_undo(
            fill(self.tr("loan of %1"), first.tag),
            lambda: undo_lend(self.ctx.database, loan_ids, by=self.ctx.staff_id),
        )

    def _returned_words(self, result: Returned, what: str) -> str:
        """ "Returned: LAP-01 … from Jānis", or "(was out to the session “…” 16:00)"."""
        if result.session is not None:
            text = fill(
                self.tr("Returned: %1 (was out to %2)"),
                what,
                self._to_whom(result.borrower, result.session),
            )
        else:
            text = fill(self.tr("Returned: %1 from %2"), what, result.borrower)
        return text + (("  " + self.tr("(it was overdue)")) if result.was_overdue else "")

    def _returned(self, result: Returned) -> None:
        self.kit_back = None
        self.say(self._returned_words(result, f"{result.tag} {result.item_name}"))
        self._after_return(result.tag, [result.loan_id])

    def _after_return(self, tag: str, loan_ids: list[int]) -> None:
        # Ask for a condition note without holding up the next scan.
        self.returned_tag = tag
        self.note_label.setText(fill(self.tr("Note on %1:"), tag))
        self.return_note.clear()
        self.note_panel.show()
        self._remember_undo(
            fill(self.tr("return of %1"), tag),
            lambda: undo_returns(self.ctx.database, loan_ids, by=self.ctx.staff_id),
        )

    def _kit_returned(self, result: KitReturned) -> None:
        self.kit_back, self.kept_out = result, []
        self._say_kit_back()
        self._after_return(result.kit.tag, [part.loan_id for part in result.returned])

    def _say_kit_back(self) -> None:
        """The kit's return, its parts that came back, and a link per part to keep it out."""
        result = self.kit_back
        assert result is not None
        kept = {lent.tag for lent in self.kept_out}
        back = [part for part in result.parts if part.tag not in kept]
        what = f"{result.kit.tag} {result.kit.item_name}"
        if back:
            what = fill(self.tr("%1 with %2"), what, ", ".join(part.tag for part in back))
        text = self._returned_words(result.kit, what)
        for lent in self.kept_out:
            text += "\n" + (
                fill(
                    self.tr("Not returned: %1, still out to %2"),
                    f"{lent.tag} {lent.item_name}",
                    self._to_whom(lent.borrower, lent.session),
                )
            )
        links = [
            (part.tag, with_key(fill(self.tr("%1 not returned"), part.tag), f"Alt+{n}"))
            for n, part in enumerate(back[:9], start=1)
        ] + [(part.tag, fill(self.tr("%1 not returned"), part.tag)) for part in back[9:]]
        self.say(
            text, AMBER if self.kept_out else GREEN, "refused" if self.kept_out else "ok", links
        )

    def _keep_out_listed(self, number: int) -> None:
        """The Nth part the kit's return lists as back did not come back after all."""
        if self.kit_back is None:
            return
        kept = {lent.tag for lent in self.kept_out}
        back = [part.tag for part in self.kit_back.parts if part.tag not in kept]
        if number <= len(back):
            self._keep_out(back[number - 1])
        self.take_focus()

    def _keep_out(self, tag: str) -> None:
        """A part of the kit just taken back did not come back: it stays out, as it was."""
        if self.kit_back is None or tag not in {part.tag for part in self.kit_back.parts}:
            return
        database, staff, kit = self.ctx.database, self.ctx.staff_id, self.kit_back

        def kept(lent: object) -> None:
            assert isinstance(lent, Lent)
            if self.kit_back is kit:  # its message still shows: say it again, with the part
                self.kept_out.append(lent)
                self._say_kit_back()

        self._run(lambda: keep_part_out(database, tag, by=staff), kept)

    def _save_note(self) -> None:
        note, tag = self.return_note.text().strip(), self.returned_tag
        self.note_panel.hide()
        if not note or tag is None:
            self.take_focus()
            return
        self._run(
            lambda: add_return_note(self.ctx.database, tag, note, by=self.ctx.staff_id),
            lambda _r: self.say(fill(self.tr("Note saved for %1."), tag), sound=None),
        )

    # ----- name search --------------------------------------------------------------------

    def _search(self, typed: str) -> None:
        stripped = typed.strip()
        # A scanner's code arrives character by character: no search while it looks like one.
        if len(stripped) < 2 or stripped[:2].upper() in ("P-", "I-"):
            self._hide_results()
            return
        found = search_at_desk(
            self.ctx.database,
            stripped,
            self.session_id,
            site_id=self.ctx.site_id,
            limit=8,
            by=self.ctx.staff_id,
        )
        self.search_results.clear()
        for each in found:
            self.search_results.addItem(self._found_item(each))
        if found:
            self.search_results.setCurrentRow(0)
            # Every name found shows at once, none behind a scroll bar.
            rows = sum(self.search_results.sizeHintForRow(r) for r in range(len(found)))
            spacing = 2 * self.search_results.spacing() * len(found)
            self.search_results.setFixedHeight(
                rows + spacing + 2 * self.search_results.frameWidth()
            )
            self.search_results.show()
        else:
            self.search_results.hide()

    def _found_item(self, found: DeskFound) -> QListWidgetItem:
        child = found.child
        year = f" ({child.birth_year})" if child.birth_year else ""
        item = QListWidgetItem(child.full_name + year)
        item.setData(Qt.ItemDataRole.UserRole, child)
        if child.no_photos:
            item.setIcon(self._no_photos)
            item.setToolTip(self.tr("No photo consent: do not photograph this child."))
        if found.here:
            item.setText(item.text() + "   ✓ " + self.tr("already here"))
            item.setBackground(QBrush(QColor(GREEN)))
            item.setToolTip(self.tr("Already checked in to this session"))
        return item

    def _hide_results(self) -> None:
        self.search_results.clear()
        self.search_results.hide()

    def _move_highlight(self, step: int) -> None:
        if self.search_results.count():
            row = (self.search_results.currentRow() + step) % self.search_results.count()
            self.search_results.setCurrentRow(row)

    def _check_in_highlighted(self) -> None:
        item = self.search_results.currentItem()
        if item is None:
            return
        child = item.data(Qt.ItemDataRole.UserRole)
        self.scan_input.clear()
        self._hide_results()
        self.check_in_child(child.id, CheckInMethod.NAME_SEARCH)

    def check_in_child(self, participant_id: int, method: CheckInMethod) -> None:
        if self._needs_session():
            return
        session_id, staff, now = self.session_id, self.ctx.staff_id, self.clock()
        assert session_id is not None
        self._run(
            lambda: check_in(
                self.ctx.database, session_id, participant_id, method=method, by=staff, at=now
            ),
            lambda result: self._checked_in(result),  # type: ignore[arg-type]
        )

    # ----- walk-ins, headcount, undo ------------------------------------------------------

    def open_new_child(self) -> None:
        from desktop.dialogs.new_child import NewChildDialog

        dialog = NewChildDialog(self.ctx, self)
        dialog.registered.connect(
            lambda participant_id: self.check_in_child(participant_id, CheckInMethod.NAME_SEARCH)
        )
        dialog.finished.connect(lambda _result: self.take_focus())
        dialog.open()

    def print_signin_sheet(self) -> None:
        from desktop.pages.reports import preview_signin_sheet

        if not self._needs_session():
            assert self.session_id is not None
            preview_signin_sheet(self, self.ctx, self.session_id)

    def _change_headcount(self, step: int) -> None:
        if self._needs_session():
            return
        from db.programs import count_visitors

        session_id, staff = self.session_id, self.ctx.staff_id
        assert session_id is not None
        self._run(
            lambda: count_visitors(self.ctx.database, session_id, step, by=staff),
            lambda _r: None,
        )

    def _remember_undo(self, what: str, undo: Callable[[], object]) -> None:
        self.last_undo = (what, undo)
        self.undo.setEnabled(True)
        self.undo.setToolTip(with_key(fill(self.tr("Undo the %1"), what), UNDO_KEY))

    def _undo_last(self) -> None:
        if self.last_undo is None:
            return
        what, undo = self.last_undo
        self.last_undo = None
        self.undo.setEnabled(False)
        self.note_panel.hide()

        def undone(_result: object) -> None:
            self.kit_back = None
            self.say(fill(self.tr("Undone: %1"), what), AMBER)

        self._run(undo, undone)

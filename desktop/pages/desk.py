"""The Desk: check children in and lend or take back equipment by scanning, with zero clicks.

One scan field always has the focus. A card checks a child in; an item's label returns
it when it is out, else lends it to the child scanned just before (or to the session).
Letters typed instead of a code search children by name. What a scan means is decided in
the core (db/desk_scan.py), on the database worker; the page shows the outcome.

When the shared server stops answering, the desk goes on with the laptop's copy and journal
(desktop/offline_desk.py): a banner says since when, what is saved here shows in blue, and
all of it is sent when the server answers again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.areas import Area
from db.clock import local, now_utc
from db.desk_scan import (
    CheckedIn,
    DeskChange,
    DeskOutcome,
    DeskState,
    ScannedChild,
    check_in_at_desk,
    scan_at_desk,
    undo_at_desk,
)
from db.equipment import add_return_note
from db.errors import DomainError, ScanRefused
from db.models import CheckInMethod
from db.offline.desk import (
    SavedHere,
    check_in_offline_at_desk,
    scan_offline,
)
from db.programs import count_visitors
from db.scancodes import LAYOUT_NAMES, CardCode, ItemCode, decode_scan
from desktop.context import AppContext, Work
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.offline_desk import OfflineDesk
from desktop.operations import when_idle
from desktop.pages.desk_actions import DeskActions
from desktop.pages.desk_away import AwayBanner, AwayDesk
from desktop.pages.desk_lists import DeskListing, Headcount, OutList, PresentList
from desktop.pages.desk_message import (
    AMBER,
    GREEN,
    RED,
    DeskWords,
    ReturnNote,
    ScanMessage,
)
from desktop.pages.desk_outcomes import KitBackMessage, OutcomeMessage
from desktop.pages.desk_search import NameSearch
from desktop.pages.desk_sessions import SESSION_KEY, SessionHeader
from desktop.scan_field import ScanField
from desktop.scan_keys import ScanKeys
from desktop.settings import LOAN_HOURS, PLAY_SOUNDS
from desktop.sounds import Sounds

__all__ = ["AMBER", "GREEN", "RED", "DeskPage"]
T = TypeVar("T")


class DeskPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("deskPage")
        self.clock: Callable[[], datetime] = now_utc
        self.pending: ScannedChild | None = None
        # The last scan to undo: what it was in words, its outcome (saved here while the
        # server was away), the session it was in.
        self.last_undo: tuple[str, DeskOutcome | SavedHere, int | None] | None = None
        self.kit_back = KitBackMessage(self)
        self.outcomes = OutcomeMessage(self, self, self.kit_back)
        self.overdue_question: QMessageBox | None = None
        self.sounds = Sounds()
        self.words = DeskWords(self)
        self.offline: OfflineDesk = OfflineDesk(ctx, lambda: self.clock(), self)
        self._build()
        self.away = AwayDesk(self, self, self.offline)
        # A scanner's burst lands here wherever the focus is on the desk, never in a form.
        self.scan_keys = ScanKeys(self, self.scan_text, self.scan_input, self._scan_in_dialog)
        self._offer_kiosk()  # once laid out: a button shown before is a window of its own
        ctx.staff_changed.connect(self._offer_kiosk)  # bound: gone with the page
        ctx.changed.connect(self._on_changed)
        self.scan_message.linkActivated.connect(self.kit_back.keep_out)
        self.minute = QTimer(self)
        self.minute.timeout.connect(self._each_minute)
        self.minute.start(60_000)
        self.reload_sessions()
        # Once the desk is ready: a journal left waiting is sent, the copy made fresh.
        when_idle(self.offline, self.offline.start)

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.away_banner = AwayBanner()
        self.header = SessionHeader(self.ctx, self.offline)
        self.header.shown.connect(self.reload_lists)
        self.header.done.connect(self.take_focus)
        self.session_title, self.session_choice = self.header.title, self.header.choice
        self.first_program = self.header.first_program

        self.scan_input = ScanField(
            self._move_highlight, self._change_headcount, self._hide_results
        )
        self.scan_input.returnPressed.connect(self._enter)
        self.scan_input.textEdited.connect(self._search)

        self.scan_message = ScanMessage(self.tr("Ready. Scan a card or a label."))

        self.present_list = PresentList()
        self.search_results = NameSearch(
            self.ctx, self.offline, self.scan_input, self.present_list.no_photos
        )
        self.search_results.chosen.connect(
            lambda child_id: self.check_in_child(child_id, CheckInMethod.NAME_SEARCH)
        )
        self.search_results.refused.connect(lambda why: self.refuse(translate_error(why)))

        self.borrower_hint = QLabel()
        self.borrower_hint.setObjectName("borrowerHint")
        self.borrower_hint.setStyleSheet("color: #455a64;")
        # Said once: which keyboard layout the scanner's text came through (repaired).
        self.layout_note = QLabel()
        self.layout_note.setObjectName("layoutNote")
        self.layout_note.setStyleSheet("color: #607d8b; font-size: 9pt;")

        self.note_panel = ReturnNote()
        self.return_note = self.note_panel.field
        self.note_panel.given.connect(self._save_note)

        self.actions_row = DeskActions(
            new_child=self.open_new_child,
            undo=self._undo_last,
            signin=self.print_signin_sheet,
            camera=self.open_camera,
            kiosk=self.open_kiosk,
        )
        self.new_child, self.undo = self.actions_row.new_child, self.actions_row.undo
        self.signin, self.kiosk_button = self.actions_row.signin, self.actions_row.kiosk
        QShortcut(QKeySequence(SESSION_KEY), self, self.choose_session)
        # Alt+1…9: the kit's Nth part listed did not come back (the links, by keyboard).
        for number in range(1, 10):
            QShortcut(
                QKeySequence(f"Alt+{number}"),
                self,
                lambda n=number: self.kit_back.keep_out_listed(n),
            )

        self.visitors = Headcount()
        self.visitors.step.connect(self._change_headcount)
        self.visitors.row.addWidget(self.kiosk_button)
        self.headcount = self.visitors.count
        self.out_list = OutList()
        self.listing = DeskListing(
            self.ctx,
            self.offline,
            lambda: self.session_id,
            self.present_list,
            self.out_list,
            self.headcount,
        )
        self.present_count, self.out_title = self.listing.present_count, self.listing.out_title

        left = QVBoxLayout()
        left.addWidget(self.scan_input)
        left.addWidget(self.search_results)
        left.addWidget(self.scan_message)
        left.addWidget(self.note_panel)
        left.addWidget(self.borrower_hint)
        left.addWidget(self.layout_note)
        left.addWidget(self.actions_row)
        left.addWidget(self.present_count)
        left.addWidget(self.present_list, 1)
        left.addWidget(self.visitors)

        right = QVBoxLayout()
        right.addWidget(self.out_title)
        right.addWidget(self.out_list, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.away_banner)
        layout.addWidget(self.header)
        layout.addLayout(columns, 1)

        # Tab walks the desk from the scan field in reading order; a click on a button does
        # not take the focus, so the scanner keeps typing into the scan field.
        self._tab_chain: list[QWidget] = [
            self.scan_input,
            self.return_note,
            self.new_child,
            self.undo,
            self.signin,
            self.visitors.minus,
            self.visitors.plus,
            self.session_choice,
        ]

    def showEvent(self, event: QShowEvent) -> None:
        # Set here, inside the main window: moving the page into it reorders the chain.
        for before, after in pairwise(self._tab_chain):
            self.setTabOrder(before, after)
        super().showEvent(event)

    def take_focus(self) -> None:
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_to_scanner(self) -> None:
        """After a dialog of the desk's closed: the desk's window, not the closed dialog, is
        the active one, and its scan field has the keys."""
        self.window().activateWindow()
        self.take_focus()

    def choose_session(self) -> None:
        """Open the session chooser from the keyboard; a choice gives the focus back."""
        self.session_choice.showPopup()

    # ----- database work ------------------------------------------------------------------

    def act(self, work: Work[T], done: Callable[[T], None]) -> None:
        """Work of the librarian's, on the database worker; a refusal is said in red and
        the focus comes back to the scan field either way."""

        def refused(error: BaseException, _details: str) -> None:
            assert isinstance(error, DomainError)  # anything else goes to the error dialog
            self.refuse(translate_error(error))

        operation = self.ctx.operation(self, work)
        operation.success(done).failure(refused).finally_(self.take_focus).run()

    def _state(self, *, lend_anyway: bool = False) -> DeskState:
        """The desk as it is the moment the librarian scans."""
        return DeskState(
            site_id=self.ctx.site_id,
            session_id=self.session_id,
            at=self.clock(),
            child=self.pending,
            loan_hours=self.ctx.settings.get(LOAN_HOURS) or 0,
            lend_anyway=lend_anyway,
        )

    def today(self) -> date:
        return local(self.clock()).date()

    # ----- sessions -----------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self.header.session_id

    @session_id.setter
    def session_id(self, session_id: int | None) -> None:
        self.header.session_id = session_id

    @property
    def chosen_by_hand(self) -> bool:
        return self.header.chosen_by_hand

    @chosen_by_hand.setter
    def chosen_by_hand(self, by_hand: bool) -> None:
        self.header.chosen_by_hand = by_hand

    def reload_sessions(self) -> None:
        """Fill the session chooser; unless chosen by hand, pick the session running now."""
        self.header.reload(self.clock())

    def _show_session(self, session_id: int | None) -> None:
        self.header.show_session(session_id)

    def _each_minute(self) -> None:
        if self.pending and self._state().child_waiting() is None:
            self.pending = None  # the next item goes to the session again
            self.borrower_hint.clear()
        if not self.chosen_by_hand:
            self.reload_sessions()
        else:
            self.reload_lists()

    # ----- lists --------------------------------------------------------------------------

    def reload_lists(self) -> None:
        """Read who is here and what is out again (a new session, another laptop's change)."""
        self.listing.reload(self.clock())

    # The names the tests and the main window know the two reloads by.
    reload_present = reload_out = reload_lists

    def _apply(self, change: DeskChange, session_id: int | None) -> None:
        self.listing.apply(change, session_id, self.today())

    def _on_changed(self, areas: frozenset[Area], initiator: object) -> None:
        if initiator is self:
            return  # the desk's own work: its outcome changed the lists row by row already
        if Area.SESSIONS in areas:
            self.reload_sessions()
        elif areas & {Area.ATTENDANCE, Area.PARTICIPANTS, Area.LOANS, Area.ITEMS}:
            self.reload_lists()

    # ----- messages -----------------------------------------------------------------------

    def say(
        self,
        text: str,
        colour: str = GREEN,
        sound: str | None = "ok",
        links: list[tuple[str, str]] | None = None,
    ) -> None:
        """Show a message; `links` (target, words) become clickable actions below it."""
        self.scan_message.show_text(text, colour, links)
        if sound and self.ctx.settings.get(PLAY_SOUNDS):
            self.sounds.play(sound)

    def refuse(self, text: str) -> None:
        self.say(text, RED, "refused")

    # ----- scanning -----------------------------------------------------------------------

    def _enter(self) -> None:
        scanned = self.scan_input.text()
        self.scan_input.clear()
        try:
            code = decode_scan(scanned)
        except ScanRefused as refusal:
            if not self.search_results.enter(scanned, refusal):
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
        self.scan(code, scanned.strip())

    def scan(self, code: CardCode | ItemCode, scanned: str, *, lend_anyway: bool = False) -> None:
        state = self._state(lend_anyway=lend_anyway)
        self.away.run(
            state,
            lambda db, by: scan_at_desk(db, code, state, scanned=scanned, by=by),
            lambda copy, journal, by: scan_offline(
                copy, journal, code, state, scanned=scanned, by=by
            ),
            again=lambda: self.scan(code, scanned, lend_anyway=lend_anyway),
        )

    def _save_note(self, tag: str, note: str) -> None:
        if not note or self.away.needs_server():
            self.take_focus()
            return
        self.act(
            lambda db, by: add_return_note(db, tag, note, by=by),
            lambda _r: self.say(fill(self.tr("Note saved for %1."), tag), sound=None),
        )

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

    # ----- name search --------------------------------------------------------------------

    def _search(self, typed: str) -> None:
        self.search_results.search(typed, self.session_id)

    def _hide_results(self) -> None:
        self.search_results.hide_results()

    def _move_highlight(self, step: int) -> None:
        self.search_results.move_highlight(step)

    def check_in_child(self, participant_id: int, method: CheckInMethod) -> None:
        state = self._state()
        self.away.run(
            state,
            lambda db, by: check_in_at_desk(db, participant_id, state, method=method, by=by),
            lambda copy, journal, by: check_in_offline_at_desk(
                copy, journal, participant_id, state, method=method, by=by
            ),
            again=lambda: self.check_in_child(participant_id, method),
        )

    # ----- walk-ins, headcount, undo ------------------------------------------------------

    def open_new_child(self) -> None:
        from desktop.dialogs.new_child import NewChildDialog

        dialog = NewChildDialog(self.ctx, self, self.offline)
        dialog.registered.connect(
            lambda participant_id: self.check_in_child(participant_id, CheckInMethod.NAME_SEARCH)
        )
        dialog.finished.connect(lambda _result: self.back_to_scanner())
        dialog.open()

    def print_signin_sheet(self) -> None:
        from desktop.pages.report_signin import preview_signin_sheet

        if not self._needs_session():
            assert self.session_id is not None
            preview_signin_sheet(self, self.ctx, self.session_id)

    def _change_headcount(self, step: int) -> None:
        if self._needs_session() or self.away.needs_server():
            return
        session_id = self.session_id
        assert session_id is not None

        def counted(headcount: object) -> None:
            if session_id == self.session_id:
                self.headcount.setText(str(headcount))

        self.act(lambda db, by: count_visitors(db, session_id, step, by=by), counted)

    def remember_undo(self, what: str, outcome: DeskOutcome | SavedHere) -> None:
        self.last_undo = (what, outcome, self.session_id)
        self.actions_row.offer_undo(what)

    def _undo_last(self) -> None:
        if self.last_undo is None:
            self.say(self.tr("Nothing to undo."), AMBER, sound=None)
            return
        what, outcome, session_id = self.last_undo
        self.last_undo = None
        self.actions_row.offer_undo(None)
        self.note_panel.hide()
        at, site_id = self.clock(), self.ctx.site_id

        taken_back = outcome.outcome if isinstance(outcome, SavedHere) else outcome
        not_here = taken_back.check_in.participant_id if isinstance(taken_back, CheckedIn) else None

        def undone(change: object) -> None:
            self.kit_back.clear()
            self.say(fill(self.tr("Undone: %1"), what), AMBER)
            if self.pending is not None and self.pending.participant_id == not_here:
                self.pending = None  # the next item is not lent to a child not here
                self.borrower_hint.clear()
            if isinstance(change, DeskChange):
                self._apply(change, session_id)
            else:  # taken back on the copy: its lists are read again
                self.reload_lists()

        if isinstance(outcome, SavedHere):
            self.away.undo(outcome, at, undone)
            return
        self.act(lambda db, by: undo_at_desk(db, outcome, at=at, site_id=site_id, by=by), undone)
        self.offline.refresh_copy()  # the copy followed the scan; it learns the undo anew

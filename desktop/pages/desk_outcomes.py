"""How the desk shows a scan's outcome (db.desk_scan) in its message area, and a kit taken
back: its message lists the parts that came back, each with a "… not returned" link
(Alt+1, Alt+2, … by keyboard) that keeps a missing part out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from db.desk_scan import (
    AlreadyHere,
    AskLendAnyway,
    CheckedIn,
    DeskChange,
    DeskOutcome,
    DeskState,
    ItemBack,
    ItemLent,
    KitBack,
    KitWentOut,
    Refused,
    ScannedChild,
    ScanOutcome,
)
from db.equipment import OpenLoan, keep_part_out
from db.loans import KitReturned, Lent
from db.scancodes import ItemCode
from desktop.context import Work
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.pages.desk_lists import DeskListing, PresentList
from desktop.pages.desk_message import AMBER, GREEN, DeskWords, ReturnNote

T = TypeVar("T")


class Desk(Protocol):
    """What of the desk page its outcomes and kit-back message use."""

    clock: Callable[[], datetime]
    pending: ScannedChild | None
    overdue_question: QMessageBox | None
    words: DeskWords
    listing: DeskListing
    present_list: PresentList
    borrower_hint: QLabel
    note_panel: ReturnNote

    @property
    def session_id(self) -> int | None: ...

    def say(
        self,
        text: str,
        colour: str = ...,
        sound: str | None = ...,
        links: list[tuple[str, str]] | None = ...,
    ) -> None: ...

    def refuse(self, text: str) -> None: ...

    def act(self, work: Work[T], done: Callable[[T], None]) -> None: ...

    def scan(self, code: ItemCode, scanned: str, *, lend_anyway: bool = ...) -> None: ...

    def remember_undo(self, what: str, outcome: DeskOutcome) -> None: ...

    def take_focus(self) -> None: ...

    def back_to_scanner(self) -> None: ...

    def today(self) -> date: ...

    def window(self) -> QWidget: ...


class KitBackMessage(QObject):
    """The kit taken back last, while its message shows, and the parts kept out since."""

    def __init__(self, page: Desk) -> None:
        super().__init__()
        self.page = page
        self.kit: KitReturned | None = None
        self.kept_out: list[Lent] = []

    def show(self, kit: KitReturned) -> None:
        self.kit, self.kept_out = kit, []
        self._say()

    def clear(self) -> None:
        """Another message took its place: its links are gone with it."""
        self.kit = None

    def _say(self) -> None:
        assert self.kit is not None
        text, links = self.page.words.kit_back(self.kit, self.kept_out)
        kept = bool(self.kept_out)
        self.page.say(text, AMBER if kept else GREEN, "refused" if kept else "ok", links)

    def keep_out_listed(self, number: int) -> None:
        """The Nth part the kit's return lists as back did not come back after all."""
        if self.kit is not None:
            kept = {lent.tag for lent in self.kept_out}
            back = [part.tag for part in self.kit.parts if part.tag not in kept]
            if number <= len(back):
                self.keep_out(back[number - 1])
        self.page.take_focus()

    def keep_out(self, tag: str) -> None:
        """A part of the kit just taken back did not come back: it stays out, as it was."""
        kit, page = self.kit, self.page
        if kit is None or tag not in {part.tag for part in kit.parts}:
            return
        lent_at = next(part.lent_at for part in kit.parts if part.tag == tag)
        session_id = page.session_id

        def kept(result: object) -> None:
            assert isinstance(result, Lent)
            row = OpenLoan(
                result.loan_id,
                result.tag,
                result.item_name,
                result.borrower,
                lent_at,
                result.due_at,
                result.due_at < page.clock(),
            )
            page.listing.apply(DeskChange(out=[row]), session_id, page.today())
            if self.kit is kit:  # its message still shows: say it again, with the part
                self.kept_out.append(result)
                self._say()

        page.act(lambda db, by: keep_part_out(db, tag, by=by), kept)


class OutcomeMessage(QObject):
    """What the desk shows of a scan's outcome: the words and colour, the child an item
    scanned next goes to, the note asked after a return, and what Undo would take back."""

    def __init__(self, page: Desk, widget: QWidget, kit_back: KitBackMessage) -> None:
        super().__init__()
        # `widget` is the page as a widget: the overdue question opens over it.
        self.page, self.widget, self.kit_back = page, widget, kit_back

    def show(self, outcome: ScanOutcome, state: DeskState) -> None:
        page = self.page
        if isinstance(outcome, Refused):
            page.refuse(translate_error(outcome.error))
            return
        if isinstance(outcome, AskLendAnyway):
            self._ask_to_lend_anyway(outcome)
            return
        self.kit_back.clear()  # its keep-out links are gone with the message they were in
        if isinstance(outcome, CheckedIn | AlreadyHere):
            self._checked_in(outcome)
        elif isinstance(outcome, ItemLent | KitWentOut):
            self._lent(outcome)
        elif isinstance(outcome, KitBack):
            self.kit_back.show(outcome.kit)
            self._after_return(outcome.kit.kit.tag, outcome)
        else:
            what = f"{outcome.returned.tag} {outcome.returned.item_name}"
            page.say(page.words.returned(outcome.returned, what))
            self._after_return(outcome.returned.tag, outcome)
        page.listing.apply(outcome.change, state.session_id, page.today())
        if isinstance(outcome, CheckedIn):
            page.present_list.flash(outcome.check_in.participant_id)

    def _checked_in(self, outcome: CheckedIn | AlreadyHere) -> None:
        page, result = self.page, outcome.check_in
        page.pending = ScannedChild(result.participant_id, result.full_name, page.clock())
        page.borrower_hint.setText(
            fill(self.tr("An item scanned now is lent to %1."), result.full_name)
        )
        colour = AMBER if result.already_here or result.overdue else GREEN
        page.say(page.words.checked_in(result, page.today()), colour)
        if isinstance(outcome, CheckedIn):
            page.remember_undo(fill(self.tr("check-in of %1"), result.full_name), outcome)

    def _lent(self, outcome: ItemLent | KitWentOut) -> None:
        page = self.page
        if isinstance(outcome, KitWentOut):
            lent = outcome.kit.lent
            left_behind = [translate_error(why) for why in outcome.kit.refusals]
        else:
            lent, left_behind = [outcome.lent], []
        text = page.words.lent(lent, left_behind, page.today())
        page.say(text, AMBER if left_behind else GREEN)
        page.pending = None
        page.borrower_hint.clear()
        page.remember_undo(fill(self.tr("loan of %1"), lent[0].tag), outcome)

    def _ask_to_lend_anyway(self, asked: AskLendAnyway) -> None:
        """The child still has something overdue: Enter lends anyway, Esc does not."""
        page = self.page
        overdue = page.words.overdue(asked.overdue, page.today())
        question = fill(self.tr("%1 still has overdue: %2"), asked.name, overdue)
        page.say(question, AMBER, "refused")
        box, lend_button = page.words.lend_anyway_box(self.widget, question, asked.tag)

        def answered(_result: int) -> None:
            page.overdue_question = None
            box.deleteLater()
            if box.clickedButton() is lend_button:
                page.scan(ItemCode(asked.tag), asked.tag, lend_anyway=True)
            else:
                page.say(fill(self.tr("Not lent: %1"), asked.tag), AMBER, sound=None)
            page.back_to_scanner()

        box.finished.connect(answered)
        page.overdue_question = box
        box.open()

    def _after_return(self, tag: str, outcome: ItemBack | KitBack) -> None:
        self.page.note_panel.ask(tag)  # a condition note, without holding up the next scan
        self.page.remember_undo(fill(self.tr("return of %1"), tag), outcome)

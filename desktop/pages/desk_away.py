"""The desk while its server is away: where each scan goes (the server, or this laptop's
copy and journal), a banner while it works on the copy, what was saved here shown in blue,
and, once the journal was sent, the scans the server did not take, each with why and what
was done instead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import dates
from db.database import Database
from db.desk_scan import DeskOutcome, DeskState, ScanOutcome
from db.offline.desk import (
    SavedHere,
    ServerAway,
    keep_in_step,
    undo_offline_at_desk,
    unless_away,
)
from db.offline.journal import Entry, EntryKind
from db.offline.sending import SendResult
from desktop.context import Work
from desktop.errors import server_unreachable
from desktop.i18n import fill
from desktop.offline_desk import OfflineDesk
from desktop.pages.desk_actions import DeskActions
from desktop.pages.desk_lists import DeskListing
from desktop.pages.desk_message import AMBER, GREEN, SAVED_HERE, DeskWords, ScanMessage
from desktop.pages.desk_outcomes import OutcomeMessage

T = TypeVar("T")


class AwayBanner(QLabel):
    """Above the desk while the server is away: since when, and how much waits to be sent."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("awayBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#awayBanner { background: #fff3cd; border: 1px solid #e0b000;"
            " border-radius: 6px; padding: 6px; font-weight: bold; }"
        )
        self.hide()

    def show_away(self, since: datetime | None, waiting: int) -> None:
        if since is None:
            self.hide()
            return
        self.setText(
            fill(
                self.tr(
                    "The server has not answered since %1. The desk goes on: scans are saved"
                    " on this laptop (%2 waiting) and sent when the server answers."
                ),
                dates.time_text(since),
                str(waiting),
            )
        )
        self.show()


def _refusal_text(template: str | None, fields: dict[str, object]) -> str:
    if template is None:
        return ""
    words = QCoreApplication.translate("DomainError", template)
    try:
        return words.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return template.format(**fields)


class JournalRefusals(QDialog):
    """The scans saved on this laptop that the server did not take, never dropped silently."""

    def __init__(self, refusals: list[Entry], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("journalRefusals")
        self.setWindowTitle(self.tr("Not taken by the server"))
        intro = QLabel(
            self.tr(
                "These scans were saved on this laptop while the server was away. When they"
                " were sent, the server did not take them, for the reason beside each."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(refusals), 4)
        self.table.setObjectName("refusalsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Why"), self.tr("What was done instead")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, entry in enumerate(refusals):
            cells = [
                dates.moment_text(entry.at),
                self.what(entry),
                _refusal_text(entry.refusal, entry.refusal_fields),
                _refusal_text(entry.instead, {}),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wrapped in (2, 3):
            header.setSectionResizeMode(wrapped, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 360)

    def what(self, entry: Entry) -> str:
        """The scan in the librarian's words: the card or the label, as it was scanned."""
        arguments = entry.arguments
        tag = str(arguments.get("tag", ""))
        if entry.kind is EntryKind.CHECK_IN:
            card = arguments.get("card_code")
            return fill(self.tr("Check-in, card %1"), str(card)) if card else self.tr("Check-in")
        if entry.kind is EntryKind.WALK_IN:
            details = arguments.get("details") or {}
            name = f"{details.get('first_name', '')} {details.get('last_name', '')}".strip()
            return fill(self.tr("New child registered: %1"), name)
        if entry.kind in (EntryKind.LEND, EntryKind.LEND_KIT):
            return fill(self.tr("Loan of %1"), tag)
        if entry.kind in (EntryKind.RETURN, EntryKind.RETURN_KIT):
            return fill(self.tr("Return of %1"), tag)
        return self.tr("Undo of a scan")


class Desk(Protocol):
    """What of the desk page the server's absence changes."""

    outcomes: OutcomeMessage
    words: DeskWords
    scan_message: ScanMessage
    away_banner: AwayBanner
    listing: DeskListing
    actions_row: DeskActions
    last_undo: tuple[str, DeskOutcome | SavedHere, int | None] | None

    def act(self, work: Work[T], done: Callable[[T], None]) -> None: ...

    def say(self, text: str, colour: str = ..., sound: str | None = ...) -> None: ...

    def refuse(self, text: str) -> None: ...

    def reload_lists(self) -> None: ...


OnServer = Callable[[Database, int | None], ScanOutcome]
OnCopy = Callable[[Database, Path, int | None], SavedHere]


class AwayDesk(QObject):
    """Where the desk's scans go: to the server, the copy kept in step; when the server does
    not answer, the same scan again on this laptop's copy, into its journal."""

    def __init__(self, page: Desk, widget: QWidget, offline: OfflineDesk) -> None:
        super().__init__()
        # `widget` is the page as a widget: the list of what the server refused opens over it.
        self.page, self.widget, self.offline = page, widget, offline
        offline.away_changed.connect(self._away_changed)
        offline.sent.connect(self._journal_sent)
        page.listing.read.connect(self._count_waiting)

    def run(
        self, state: DeskState, on_server: OnServer, on_copy: OnCopy, *, again: Callable[[], None]
    ) -> None:
        """`on_server` while the server answers (done on the copy too); `on_copy` while it is
        away; `again` does the librarian's action anew when the server just went away."""
        page, offline = self.page, self.offline
        if offline.away:
            copy, journal = offline.database(), offline.journal
            page.act(
                lambda _db, by: on_copy(copy, journal, by),
                lambda saved: self.show_saved(saved, state),
            )
            return
        alongside = offline.alongside()

        def work(db: Database, by: int | None) -> ScanOutcome | ServerAway:
            outcome = unless_away(lambda: on_server(db, by))
            keep_in_step(alongside, outcome, lambda copy: on_server(copy, by))
            return outcome

        page.act(work, lambda outcome: self._show_or_go_on(outcome, state, again))

    def _show_or_go_on(
        self, outcome: ScanOutcome | ServerAway, state: DeskState, again: Callable[[], None]
    ) -> None:
        """An outcome shown; when the server did not answer, the same action is done again
        on this laptop's copy, or, with no copy to go on with, said plainly."""
        if not isinstance(outcome, ServerAway):
            self.page.outcomes.show(outcome, state)
        elif self.offline.go_away(state.at):
            again()
        else:
            self.page.refuse(server_unreachable())

    def show_saved(self, saved: SavedHere, state: DeskState) -> None:
        """An action done on this laptop's copy: shown as online, in blue, "not yet sent"."""
        page = self.page
        if saved.outcome is None:  # the copy could not decide: the server will
            assert saved.entry is not None
            page.say(page.words.left_to_the_server(saved.entry), SAVED_HERE)
        else:
            page.outcomes.show(saved.outcome, state)
            # Undo, just offered for this outcome, takes it back on the copy and the journal.
            if page.last_undo is not None and page.last_undo[1] is saved.outcome:
                page.last_undo = (page.last_undo[0], saved, page.last_undo[2])
            if saved.entry is not None:
                page.scan_message.add_line(self.tr("Saved on this laptop, not yet sent."))
                page.scan_message.paint(SAVED_HERE)
        page.reload_lists()

    def undo(self, saved: SavedHere, at: datetime, undone: Callable[[object], None]) -> None:
        """Take back a scan saved here: on the copy now, on the server when sent."""
        copy, journal = self.offline.database(), self.offline.journal
        self.page.act(
            lambda _db, by: undo_offline_at_desk(copy, journal, saved, at=at, by=by), undone
        )

    def needs_server(self) -> bool:
        """What the journal does not carry (a headcount, a note) waits for the server."""
        if self.offline.away:
            self.page.refuse(self.tr("This can be done again when the server answers."))
            return True
        return False

    def _away_changed(self) -> None:
        """The server went away or came back: the banner, the lists from where they are.
        The last scan's undo is forgotten: it names rows of the place the desk just left."""
        page = self.page
        page.away_banner.show_away(self.offline.away_since, page.listing.waiting)
        page.last_undo = None
        page.actions_row.offer_undo(None)
        page.reload_lists()

    def _count_waiting(self) -> None:
        if self.offline.away:
            self.page.away_banner.show_away(self.offline.away_since, self.page.listing.waiting)

    def _journal_sent(self, result: SendResult) -> None:
        """Back on the server: say what was sent, and list what it refused."""
        page = self.page
        if result.sent or result.refused:
            page.say(page.words.journal_sent(result), AMBER if result.refused else GREEN)
        if result.refusals:
            JournalRefusals(result.refusals, self.widget).open()

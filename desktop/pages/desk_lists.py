"""The desk's two lists: the children here now, and the equipment out now.

Each keeps the rows it shows: filled whole when read, and changed row by row from what a
scan at this desk reports (db.desk_scan.DeskChange), without reading everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from db import dates
from db.attendance import Present
from db.clock import local
from db.database import Database
from db.desk import desk_lists
from db.desk_scan import DeskChange
from db.equipment import OpenLoan
from db.offline.desk import OfflineLists, offline_desk_lists
from desktop.context import AppContext
from desktop.i18n import fill
from desktop.offline_desk import OfflineDesk
from desktop.widgets import no_photos_icon

GREEN, RED, AMBER = "#d8f5dc", "#fde2e1", "#fff3cd"
UNSENT = "#1f5fa8"  # rows saved on this laptop while the server was away, not yet sent
FLASH_MS = 1500
# The names in both lists, large enough to read from a step back from the desk.
LIST_POINT_SIZE, LIST_ICON = 13, QSize(20, 20)


def list_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSize(LIST_POINT_SIZE)
    return font


def mark_unsent(row: QListWidgetItem | QTableWidgetItem, words: str) -> None:
    """A row saved on this laptop while the server was away: blue, slanted, and said so."""
    row.setForeground(QBrush(QColor(UNSENT)))
    font = row.font()
    font.setItalic(True)
    row.setFont(font)
    row.setToolTip(words)


class PresentList(QListWidget):
    """The children checked in to the desk's session, the latest arrival first."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("presentList")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFont(list_font(self.font()))
        self.setIconSize(LIST_ICON)
        self.setSpacing(2)
        self.no_photos = no_photos_icon(LIST_ICON.width())
        self.rows: list[Present] = []
        self.unsent: set[int] = set()  # children checked in on this laptop, not yet sent
        self._flash_id: int | None = None

    def count_text(self) -> str:
        return fill(self.tr("Here now: %1"), str(len(self.rows)))

    def set_rows(self, rows: list[Present], unsent: set[int] | None = None) -> None:
        self.rows = list(rows)
        if unsent is not None:
            self.unsent = unsent
        self._draw()

    def apply(self, change: DeskChange) -> None:
        """A check-in adds (or replaces) its child's row; an undone one drops it."""
        dropped = set(change.gone) | {row.participant_id for row in change.present}
        rows = [row for row in self.rows if row.participant_id not in dropped] + change.present
        rows.sort(key=lambda row: (row.recorded_at, row.attendance_id), reverse=True)
        self.set_rows(rows)

    def _draw(self) -> None:
        self.clear()
        for child in self.rows:
            item = QListWidgetItem(f"{child.full_name}   {dates.time_text(child.recorded_at)}")
            item.setData(Qt.ItemDataRole.UserRole, child.participant_id)
            if child.no_photos:
                item.setIcon(self.no_photos)
                item.setText(item.text() + "   " + self.tr("no photos"))
                item.setToolTip(self.tr("No photo consent: do not photograph this child."))
            if child.participant_id in self.unsent:
                mark_unsent(item, self.tr("Saved on this laptop, not yet sent"))
            self.addItem(item)
        if self._flash_id is not None:
            self.flash(self._flash_id)

    def flash(self, participant_id: int) -> None:
        """Green for a moment: the child just checked in, found at a glance."""
        self._flash_id = participant_id
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setBackground(QBrush(QColor(GREEN)))
                QTimer.singleShot(FLASH_MS, self, self._end_flash)
                return

    def _end_flash(self) -> None:
        self._flash_id = None
        for row in range(self.count()):
            self.item(row).setBackground(QBrush())


class OutList(QTableWidget):
    """The equipment out now, soonest due first; overdue rows in red."""

    def __init__(self) -> None:
        super().__init__(0, 5)
        self.setObjectName("outList")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Tag"),
                self.tr("Item"),
                self.tr("Who has it"),
                self.tr("Since"),
                self.tr("Due"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.loans: list[OpenLoan] = []
        self.unsent: set[str] = set()  # tags lent on this laptop, not yet sent
        self.today: date | None = None

    def title_text(self) -> str:
        overdue = sum(loan.overdue for loan in self.loans)
        return fill(self.tr("Out now: %1"), str(len(self.loans))) + (
            "   " + fill(self.tr("overdue: %1"), str(overdue)) if overdue else ""
        )

    def set_rows(self, loans: list[OpenLoan], today: date, unsent: set[str] | None = None) -> None:
        self.loans, self.today = list(loans), today
        if unsent is not None:
            self.unsent = unsent
        self._draw()

    def apply(self, change: DeskChange, today: date) -> None:
        """A loan adds (or replaces) its row; a return, or an undone loan, drops it."""
        dropped = set(change.back) | {loan.loan_id for loan in change.out}
        loans = [loan for loan in self.loans if loan.loan_id not in dropped] + change.out
        loans.sort(key=lambda loan: (loan.due_at, loan.tag))
        self.set_rows(loans, today)

    def _draw(self) -> None:
        today = self.today
        self.setRowCount(len(self.loans))
        for row, loan in enumerate(self.loans):
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
                if loan.tag.upper() in self.unsent:
                    mark_unsent(cell, self.tr("Saved on this laptop, not yet sent"))
                self.setItem(row, column, cell)
        self.resizeColumnsToContents()
        # The item and who has it share the room the short columns leave, wrapping their
        # words: a session as borrower ("Nāc, pievienojies! 05.10.2018") would otherwise
        # squeeze the item's name to a sliver and push the due time off the list.
        for wrapped in (1, 2):
            self.horizontalHeader().setSectionResizeMode(wrapped, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()


class Headcount(QWidget):
    """Visitors who do not register, counted with − and + (`step`)."""

    step = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.count = QLabel("0")
        self.count.setObjectName("headcount")
        self.count.setMinimumWidth(30)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minus, self.plus = QPushButton("–"), QPushButton("+")
        self.minus.setObjectName("headcountMinus")
        self.plus.setObjectName("headcountPlus")
        self.minus.setToolTip(self.tr("One visitor less (−, while the scan field is empty)"))
        self.plus.setToolTip(self.tr("One more visitor (+, while the scan field is empty)"))
        for button, step in ((self.minus, -1), (self.plus, 1)):
            button.setFixedWidth(36)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, s=step: self.step.emit(s))
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(QLabel(self.tr("Visitors not registered:")))
        self.row.addWidget(self.minus)
        self.row.addWidget(self.count)
        self.row.addWidget(self.plus)
        self.row.addStretch(1)


class DeskListing(QObject):
    """The desk's lists and their counts: read whole for a session (or after another page's
    or laptop's change), and changed row by row by the outcome of a scan here. While the
    server is away they are read from the laptop's copy; `read` says a reading arrived."""

    read = Signal()

    def __init__(
        self,
        ctx: AppContext,
        offline: OfflineDesk,
        session_shown: Callable[[], int | None],
        present: PresentList,
        out: OutList,
        headcount: QLabel,
    ) -> None:
        super().__init__(present)
        self.ctx, self.offline, self.session_shown = ctx, offline, session_shown
        self.waiting = 0  # while the server is away: scans saved here, not yet sent
        self.present, self.out, self.headcount = present, out, headcount
        count_font = QFont(present.font())
        count_font.setBold(True)
        count_font.setPointSize(12)
        self.present_count, self.out_title = QLabel(), QLabel()
        self.present_count.setObjectName("presentCount")
        for label in (self.present_count, self.out_title):
            label.setFont(count_font)
        self._changes_applied = 0  # a read begun before one of them is read again

    def reload(self, now: datetime) -> None:
        session_id, site_id = self.session_shown(), self.ctx.site_id
        changes_before = self._changes_applied
        offline, journal = self.offline.away, self.offline.journal

        def read(db: Database, by: int | None) -> OfflineLists:
            if offline:  # the copy's lists, marked where they wait to be sent
                return offline_desk_lists(db, journal, session_id, site_id=site_id, at=now, by=by)
            lists = desk_lists(db, session_id, site_id=site_id, at=now, by=by)
            return OfflineLists(lists, set(), set(), 0)

        def shown(read: OfflineLists) -> None:
            if self._changes_applied != changes_before:
                # A scan's outcome was shown meanwhile, and these rows may predate it.
                self.reload(now)
                return
            lists = read.lists
            if session_id == self.session_shown():
                self.present.set_rows(lists.present, read.unsent_children)
                self.headcount.setText(str(lists.headcount))
            self.out.set_rows(lists.out, local(now).date(), read.unsent_tags)
            self.waiting = read.waiting
            self._show_counts()
            self.read.emit()

        self.offline.query(self, read).latest("lists").success(shown).run()

    def apply(self, change: DeskChange, session_id: int | None, today: date) -> None:
        """What a scan here changed, row by row, without reading the lists again."""
        self._changes_applied += 1
        if session_id == self.session_shown():
            self.present.apply(change)
        self.out.apply(change, today)
        self._show_counts()

    def _show_counts(self) -> None:
        self.present_count.setText(self.present.count_text())
        self.out_title.setText(self.out.title_text())

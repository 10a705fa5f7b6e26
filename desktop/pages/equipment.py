"""The Equipment page: every item with its status and who has it, kits as a tree, one item's loans.

The desk lends by scanning; this page is for the rest: adding and editing items, sending
them to repair or retiring them, and lending or taking back by hand for the odd case.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.areas import Area
from db.equipment_lists import ItemRow, LoanHistoryRow, item_history, list_items
from db.models import ItemStatus
from desktop.code_words import item_category_words, item_status_words
from desktop.context import AppContext
from desktop.dialogs.item_dialog import when
from desktop.i18n import fill
from desktop.pages.equipment_actions import ItemActions
from desktop.widgets import page_title

TAG, NAME, CATEGORY, STATUS, BORROWER, SINCE, DUE, SITE = range(8)
HISTORY_LENT, HISTORY_TO, HISTORY_DUE, HISTORY_RETURNED, HISTORY_RECEIVED, HISTORY_NOTE = range(6)
TAG_ROLE = Qt.ItemDataRole.UserRole + 1

OVERDUE_BACKGROUND = "#fde2e1"
OVERDUE_TEXT = "#b71c1c"
REPAIR_TEXT = "#8a5a00"
RETIRED_TEXT = "#90a4ae"
GREEN, RED = "#d8f5dc", "#fde2e1"
# Overdue marks change with the clock, not only with the records.
REFRESH_MS = 60_000


class EquipmentPage(QWidget):
    """Items and kits, their status and borrower, and the selected item's loan history."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("equipmentPage")
        self.rows: dict[str, ItemRow] = {}
        self._wanted: str | None = None  # the tag to select after the next reload
        self._history_of: str | None = None  # the item whose loans the history shows
        self.item_actions = ItemActions(ctx, self)
        self.item_actions.said.connect(self.say)
        self.item_actions.refused.connect(self._refused)
        self.item_actions.chosen.connect(self._keep_chosen)

        title = page_title(self.tr("Equipment"))

        self.summary = QLabel()
        self.summary.setObjectName("equipmentSummary")
        self.summary.setStyleSheet("color: #455a64;")

        self.site_filter = QComboBox()
        self.site_filter.setObjectName("siteFilter")
        self.site_filter.addItem(self.tr("All sites"), 0)
        for site_id, name, _country in ctx.sites:
            self.site_filter.addItem(name, site_id)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(ctx.site_id or 0)))
        self.site_filter.currentIndexChanged.connect(lambda _i: self.reload())
        # One library has nothing to choose between. (Never shown here: not yet laid out,
        # it would show as a window of its own.)
        if len(ctx.sites) <= 1:
            self.site_filter.hide()

        def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.clicked.connect(slot)
            return made

        self.add_button = button(self.tr("Add item…"), "addItem", self.add_item)
        self.edit_button = button(self.tr("Edit item…"), "editItem", self.edit_item)
        self.lend_button = button(self.tr("Lend…"), "lendItem", self.lend)
        self.return_button = button(self.tr("Return…"), "returnItem", self.take_back)
        self.repair_button = button(self.tr("Send to repair"), "sendToRepair", self.send_to_repair)
        self.service_button = button(
            self.tr("Back in service"), "backInService", self.back_in_service
        )
        self.retire_button = button(self.tr("Retire…"), "retireItem", self.retire)
        self.labels_button = button(self.tr("Print labels…"), "printLabels", self.print_labels)
        self.labels_button.setToolTip(self.tr("QR labels of the chosen item, or of every item"))
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(16)
        heading.addWidget(self.summary, 1)
        heading.addWidget(self.site_filter)
        # Printing sits with the heading: one row of every action was wider than the
        # laptops' 1280 px in Latvian.
        heading.addWidget(self.labels_button)

        actions = QHBoxLayout()
        # A narrow gap between the groups: in Latvian and Lithuanian, in the program's font,
        # the buttons fill a 1280-pixel screen nearly to its edge.
        for position, group in enumerate(
            (
                (self.add_button, self.edit_button),
                (self.lend_button, self.return_button),
                (self.repair_button, self.service_button, self.retire_button),
            )
        ):
            if position:
                actions.addSpacing(8)
            for each in group:
                actions.addWidget(each)
        actions.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("equipmentMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Tag"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Status"),
                self.tr("Who has it"),
                self.tr("Since"),
                self.tr("Due back"),
                self.tr("Site"),
            ]
        )
        self.tree = QTreeView()
        self.tree.setObjectName("itemTree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.tree.selectionModel().currentRowChanged.connect(self._on_current)
        self.tree.doubleClicked.connect(lambda _index: self.edit_item())

        self.history_title = QLabel()
        self.history_title.setObjectName("historyTitle")
        bold = QFont(self.history_title.font())
        bold.setBold(True)
        self.history_title.setFont(bold)
        self.history_details = QLabel()
        self.history_details.setObjectName("historyDetails")
        self.history_details.setStyleSheet("color: #455a64;")
        self.history_details.setWordWrap(True)
        self.history_model = QStandardItemModel(0, 6, self)
        self.history_model.setHorizontalHeaderLabels(
            [
                self.tr("Lent"),
                self.tr("To"),
                self.tr("Due back"),
                self.tr("Returned"),
                self.tr("Received by"),
                self.tr("Condition note"),
            ]
        )
        self.history = QTableView()
        self.history.setObjectName("historyTable")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.history.horizontalHeader().setStretchLastSection(True)

        history_panel = QFrame()
        history_layout = QVBoxLayout(history_panel)
        history_layout.setContentsMargins(0, 6, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_details)
        history_layout.addWidget(self.history, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(history_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.refresh = QTimer(self)
        self.refresh.setInterval(REFRESH_MS)
        self.refresh.timeout.connect(self._tick)
        self.refresh.start()
        ctx.changed.connect(self._on_changed)
        self.reload()

    # ----- the list -----------------------------------------------------------------------

    def take_focus(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        # Another laptop may have lent or returned something meanwhile.
        super().showEvent(event)
        self.reload()

    def _tick(self) -> None:
        if self.isVisible():
            self.reload()

    def _on_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & {Area.ITEMS, Area.LOANS, Area.PARTICIPANTS}:
            self.reload()

    def reload(self) -> None:
        """Read the items again on the database worker; of a burst of changes only the
        newest list is shown."""
        site_id = self.site_filter.currentData() or None
        self.ctx.query(self, lambda db, by: list_items(db, site_id=site_id, by=by)).latest(
            "list"
        ).success(lambda rows: self._show_rows(rows, site_id)).run()

    def _keep_chosen(self, tag: str) -> None:
        self._wanted = tag

    def _show_rows(self, rows: list[ItemRow], site_id: int | None) -> None:
        """The list as it came, the item chosen before still chosen, scrolled as it was;
        an item an action just saved, lent or took back is chosen and scrolled to."""
        just_done = self._wanted
        wanted = just_done or self.selected_tag()
        self._wanted = None
        self.rows = {row.tag: row for row in rows}
        scrolled = self.tree.verticalScrollBar().value()

        self.model.removeRows(0, self.model.rowCount())
        parents: dict[str, QStandardItem] = {}
        for row in rows:
            if row.parent_tag is None or row.parent_tag not in self.rows:
                cells = self._cells(row)
                self.model.appendRow(cells)
                parents[row.tag] = cells[TAG]
        for row in rows:
            if row.parent_tag in parents and row.tag not in parents:
                parents[row.parent_tag].appendRow(self._cells(row))
        self.tree.expandAll()
        self.tree.setColumnHidden(SITE, site_id is not None)
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        out = [row for row in rows if row.on_loan]
        self.summary.setText(
            fill(
                self.tr("Items: %1   Out now: %2   Overdue: %3"),
                str(len(rows)),
                str(len(out)),
                str(sum(row.overdue for row in out)),
            )
        )
        index = self._index_of(wanted) if wanted else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
        if just_done is None:
            # Where the librarian had scrolled to, even away from the chosen item.
            self.tree.doItemsLayout()
            self.tree.verticalScrollBar().setValue(scrolled)
        self._show_history()

    def _cells(self, row: ItemRow) -> list[QStandardItem]:
        status = item_status_words(row.status)
        if row.on_loan and row.status is ItemStatus.AVAILABLE:
            status = self.tr("On loan")
        texts = [
            row.tag,
            row.name,
            item_category_words(row.category),
            status,
            row.borrower or "",
            when(row.lent_at) if row.lent_at else "",
            when(row.due_at) if row.due_at else "",
            row.site_name,
        ]
        cells = [QStandardItem(text) for text in texts]
        cells[TAG].setData(row.tag, TAG_ROLE)
        if row.overdue:
            for cell in cells:
                cell.setBackground(QBrush(QColor(OVERDUE_BACKGROUND)))
                cell.setToolTip(self.tr("Overdue: it should have been back by now."))
            cells[DUE].setForeground(QBrush(QColor(OVERDUE_TEXT)))
            font = cells[DUE].font()
            font.setBold(True)
            cells[DUE].setFont(font)
        if row.status is ItemStatus.IN_REPAIR:
            cells[STATUS].setForeground(QBrush(QColor(REPAIR_TEXT)))
        elif row.status is ItemStatus.RETIRED:
            for cell in cells:
                cell.setForeground(QBrush(QColor(RETIRED_TEXT)))
        if row.serial_number:
            cells[NAME].setToolTip(fill(self.tr("Serial number: %1"), row.serial_number))
        return cells

    def _index_of(self, tag: str) -> QModelIndex:
        found = self.model.match(
            self.model.index(0, TAG),
            TAG_ROLE,
            tag,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return found[0] if found else QModelIndex()

    def print_labels(self) -> None:
        """Open Reports on the labels form, with the chosen item (and its kit's parts) ticked."""
        tag = self.selected_tag()
        if tag is None:
            tags: list[object] = [row.tag for row in self.rows.values()]
        else:
            tags = [tag, *(row.tag for row in self.rows.values() if row.parent_tag == tag)]
        self.ctx.report_wanted.emit("labels", tags)

    def selected_tag(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        tag = index.siblingAtColumn(TAG).data(TAG_ROLE)
        return tag if isinstance(tag, str) else None

    def selected(self) -> ItemRow | None:
        tag = self.selected_tag()
        return self.rows.get(tag) if tag else None

    def select(self, tag: str) -> None:
        index = self._index_of(tag)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _parts(self, kit: ItemRow) -> list[ItemRow]:
        return [row for row in self.rows.values() if row.parent_tag == kit.tag]

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_history()

    # ----- one item's loans ---------------------------------------------------------------

    def _show_history(self) -> None:
        row = self.selected()
        self._enable_actions(row)
        if row is None or row.tag != self._history_of:
            # Another item: its loans are not the ones shown (a reload keeps them meanwhile).
            self.history_model.removeRows(0, self.history_model.rowCount())
        self._history_of = row.tag if row is not None else None
        if row is None:
            self.history_title.setText(self.tr("Loan history"))
            self.history_details.setText(
                self.tr("Choose an item above to see who had it and how it came back.")
                if self.rows
                else self.tr("No equipment yet: add the first item with “Add item…”.")
            )
            return
        self.history_title.setText(fill(self.tr("Loans of %1 %2"), row.tag, row.name))
        facts = [fill(self.tr("Site: %1"), row.site_name)]
        if row.serial_number:
            facts.append(fill(self.tr("Serial number: %1"), row.serial_number))
        if row.parent_tag:
            facts.append(fill(self.tr("Part of the kit %1"), row.parent_tag))
        parts = self._parts(row)
        if parts:
            facts.append(fill(self.tr("Parts: %1"), ", ".join(part.tag for part in parts)))
        if row.notes:
            facts.append(fill(self.tr("Notes: %1"), row.notes))
        tag = row.tag
        self.ctx.query(self, lambda db, by: item_history(db, tag, by=by)).latest("history").success(
            lambda history: self._show_loans(tag, facts, history)
        ).run()

    def _show_loans(self, tag: str, facts: list[str], history: list[LoanHistoryRow]) -> None:
        if tag != self._history_of:  # another item was chosen meanwhile
            return
        self.history_model.removeRows(0, self.history_model.rowCount())
        if not history:
            facts.append(self.tr("Never lent yet."))
        self.history_details.setText("   ·   ".join(facts))
        for loan in history:
            returned = when(loan.returned_at) if loan.returned_at else self.tr("Still out")
            cells = [
                QStandardItem(text)
                for text in (
                    when(loan.lent_at),
                    loan.borrower,
                    when(loan.due_at),
                    returned,
                    loan.received_by,
                    loan.return_note,
                )
            ]
            if loan.lent_by:
                cells[HISTORY_LENT].setToolTip(fill(self.tr("Lent by %1"), loan.lent_by))
            if loan.late:
                late = cells[HISTORY_RETURNED]
                late.setBackground(QBrush(QColor(OVERDUE_BACKGROUND)))
                late.setForeground(QBrush(QColor(OVERDUE_TEXT)))
                late.setToolTip(
                    self.tr("Came back after it was due.")
                    if loan.returned_at
                    else self.tr("Overdue: it should have been back by now.")
                )
            if loan.return_note:
                cells[HISTORY_NOTE].setToolTip(loan.return_note)
            self.history_model.appendRow(cells)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(
            HISTORY_NOTE, QHeaderView.ResizeMode.Stretch
        )

    def _enable_actions(self, row: ItemRow | None) -> None:
        chosen = row is not None
        out = row is not None and row.on_loan
        status = row.status if row is not None else None
        self.edit_button.setEnabled(chosen)
        self.lend_button.setEnabled(chosen and not out)
        self.return_button.setEnabled(out)
        self.repair_button.setEnabled(chosen and not out and status is ItemStatus.AVAILABLE)
        self.service_button.setEnabled(chosen and status is not ItemStatus.AVAILABLE)
        self.retire_button.setEnabled(chosen and not out and status is not ItemStatus.RETIRED)
        taken_back_first = self.tr("It is on loan: return it first.") if out else ""
        self.repair_button.setToolTip(taken_back_first)
        self.retire_button.setToolTip(taken_back_first)

    # ----- messages -----------------------------------------------------------------------

    def say(self, text: str) -> None:
        self._message(text, GREEN)

    def refuse(self, text: str) -> None:
        self._message(text, RED)

    def _message(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            f"QLabel#equipmentMessage {{ background: {colour}; border-radius: 6px; padding: 6px; }}"
        )
        self.message.show()

    def _refused(self, text: str) -> None:
        self.refuse(text)
        self.reload()

    # ----- the buttons: on the chosen item ------------------------------------------------

    def add_item(self) -> None:
        self.item_actions.add_item(self.site_filter.currentData() or self.ctx.site_id)

    def edit_item(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.edit_item(row, has_parts=bool(self._parts(row)))

    def send_to_repair(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.send_to_repair(row)

    def back_in_service(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.back_in_service(row)

    def retire(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.retire(row)

    def lend(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.lend(row, self._parts(row))

    def take_back(self) -> None:
        row = self.selected()
        if row is not None:
            self.item_actions.take_back(row, self._parts(row))

"""The Participants page: find a child, edit their record, consents and enrolments, archive.

The only place that shows the sensitive "target group" mark, and only to an administrator.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.areas import Area
from db.participant_records import ParticipantRow, list_participants
from desktop.context import AppContext
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.participant_form import ParticipantForm
from desktop.i18n import fill
from desktop.table_model import RowsModel
from desktop.widgets import page_title

_Index = QModelIndex | QPersistentModelIndex


class ParticipantsModel(RowsModel):
    """The list of children; rows come already in their library's alphabetical order."""

    LAST_NAME, FIRST_NAME, BORN, SITE, PHOTOS, TARGET_GROUP, CARD = range(7)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ParticipantRow] = []
        self._headers = [
            self.tr("Last name"),
            self.tr("First name"),
            self.tr("Born"),
            self.tr("Site"),
            self.tr("Photos"),
            self.tr("Target group"),
            self.tr("Card"),
        ]

    def row_of(self, participant_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.id == participant_id:
                return number
        return -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.PHOTOS and row.no_photos:
                return QBrush(QColor("#b00020"))
            if column == self.PHOTOS:
                return QBrush(QColor("#1b7a2e"))
            if row.archived:
                return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.BackgroundRole and column == self.PHOTOS and row.no_photos:
            return QBrush(QColor("#fde7ea"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(row.archived)
            font.setBold(column == self.PHOTOS and row.no_photos)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.archived:
            return self.tr("Archived")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BORN, self.CARD):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: ParticipantRow, column: int) -> str:
        if column == self.LAST_NAME:
            return row.last_name
        if column == self.FIRST_NAME:
            return row.first_name
        if column == self.BORN:
            return str(row.birth_year) if row.birth_year else "—"
        if column == self.SITE:
            return row.site_name
        if column == self.PHOTOS:
            return self.tr("✗ no photos") if row.no_photos else "✓"
        if column == self.TARGET_GROUP:
            return "●" if row.target_group else ""
        if column == self.CARD:
            return row.card_code or "—"
        return ""


class ParticipantsPage(QWidget):
    """Search on the left, the chosen child's record on the right."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("participantsPage")

        title = page_title(self.tr("Participants"))

        self.search = QLineEdit()
        self.search.setObjectName("participantSearch")
        self.search.setPlaceholderText(self.tr("Search by name: “kenins” finds Ķēniņš"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.search.returnPressed.connect(self._open_first)

        self.site_filter = QComboBox()
        self.site_filter.setObjectName("siteFilter")
        self.site_filter.addItem(self.tr("All sites"), 0)
        for site_id, name, _country in ctx.sites:
            self.site_filter.addItem(name, site_id)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(ctx.site_id or 0)))
        if len(ctx.sites) <= 1:  # hidden, never shown here: not yet laid out, it would be a window
            self.site_filter.hide()
        self.site_filter.currentIndexChanged.connect(self.reload)

        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self.reload)

        self.new_button = QPushButton(self.tr("New participant"))
        self.new_button.setObjectName("newParticipant")
        self.new_button.clicked.connect(self.new_participant)

        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importParticipants")
        self.import_button.setToolTip(self.tr("Register the children of a roster (CSV or XLSX)"))
        self.import_button.clicked.connect(self.import_roster)

        self.model = ParticipantsModel()
        self.table = QTableView()
        self.table.setObjectName("participantList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ParticipantsModel.LAST_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ParticipantsModel.FIRST_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        self.count = QLabel()
        self.count.setObjectName("participantCount")

        self.form = ParticipantForm(ctx)
        self.form.opened.connect(self._select)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.site_filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_archived)
        bottom.addStretch(1)
        bottom.addWidget(self.count)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(filters)
        left_column.addWidget(self.table, 1)
        left_column.addLayout(bottom)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 520])
        splitter.setChildrenCollapsible(False)

        self.cards_button = QPushButton(self.tr("Print member cards…"))
        self.cards_button.setObjectName("printCards")
        self.cards_button.setToolTip(
            self.tr("The card of the chosen child, or of every child shown")
        )
        self.cards_button.clicked.connect(self.print_cards)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.cards_button)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        ctx.changed.connect(self._records_changed)
        ctx.staff_changed.connect(self.reload)  # bound: gone with a page rebuilt for a language
        self._listing = False  # a list read is on its way
        self._open_when_listed = False
        self.reload()

    def take_focus(self) -> None:
        """Opening the page puts the cursor in the search field."""
        self.search.setFocus()
        self.search.selectAll()

    @property
    def site_id(self) -> int | None:
        data = self.site_filter.currentData()
        return int(data) if data else None

    def reload(self) -> None:
        """Read the list on the database worker; of a burst of keystrokes or changes only
        the newest answer is shown."""
        site_id, archived, typed = self.site_id, self.show_archived.isChecked(), self.search.text()
        viewer_site_id = self.ctx.site_id
        self._listing = True
        self.ctx.query(
            self,
            lambda db, by: list_participants(
                db, site_id, archived, by=by, typed=typed, viewer_site_id=viewer_site_id
            ),
        ).latest("list").success(lambda rows: self._show_rows(rows, site_id)).run()

    def _show_rows(self, rows: list[ParticipantRow], site_id: int | None) -> None:
        self._listing = False
        self.model.set_rows(rows)
        # One site chosen: its name in every row would tell nothing.
        self.table.setColumnHidden(ParticipantsModel.SITE, site_id is not None)
        self.table.setColumnHidden(ParticipantsModel.TARGET_GROUP, not self.ctx.is_admin)
        self.count.setText(fill(self.tr("Shown: %1"), str(len(rows))))
        if self.form.participant_id is not None:
            self._select(self.form.participant_id)
        if self._open_when_listed:
            self._open_when_listed = False
            self._open_first()

    def _records_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & {Area.PARTICIPANTS, Area.ATTENDANCE}:
            self.reload()
            self.form.refresh()

    def print_cards(self) -> None:
        """Open Reports on the member cards form, with the chosen child (or those shown) ticked."""
        chosen = self.form.participant_id
        ids: list[object] = (
            [chosen] if chosen is not None else [row.id for row in self.model.rows if row.card_code]
        )
        self.ctx.report_wanted.emit("cards", ids)

    def _select(self, participant_id: int) -> None:
        """Highlight the child the form shows, without opening them again."""
        row = self.model.row_of(participant_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clear()
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        participant_id = self.model.rows[current.row()].id
        if participant_id == self.form.participant_id:
            return
        if self.may_leave_form():
            self.form.show_participant(participant_id)
        elif self.form.participant_id is not None:
            self._select(self.form.participant_id)
        else:
            self._select(-1)

    def open_participant(self, participant_id: int) -> None:
        """Show one child's record (and highlight them if the list shows them)."""
        if self.may_leave_form():
            self.form.show_participant(participant_id)

    def _open_first(self) -> None:
        """Enter in the search opens the first child found, once the list for what was
        typed has arrived (not the first of the list before the last keystroke)."""
        if self._listing:
            self._open_when_listed = True
            return
        if self.model.rows:
            self.open_participant(self.model.rows[0].id)
            self.form.first_name.setFocus()

    def new_participant(self) -> None:
        """A blank form for a child not registered yet."""
        if self.may_leave_form():
            self._select(-1)
            self.form.start_new(self.site_id or self.ctx.site_id)

    def import_roster(self) -> ImportDialog:
        """Open the import dialog; the list reloads when the import writes the new children."""
        dialog = ImportDialog(self.ctx, self.site_id or self.ctx.site_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def may_leave_form(self) -> bool:
        """Unsaved edits are kept unless the librarian agrees to drop them."""
        if not self.form.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The changes to this participant are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

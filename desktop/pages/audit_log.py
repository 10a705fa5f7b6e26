"""The Audit log page (admins only): who changed what and when, with filters, newest first."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.accounts import AdminOnly, list_staff
from db.audit_log import AuditRow, audit_entities, audit_events
from db.clock import at_local, local
from desktop.audit_words import (
    action_words,
    changes_words,
    codes_shown_as,
    entity_words,
    record_words,
)
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.table_model import RowsModel
from desktop.widgets import page_title

_Index = QModelIndex | QPersistentModelIndex
SHOWN_AT_MOST = 500
NO_DATE = QDate(2000, 1, 1)  # the date fields' "any" value


def changes_text(changes: dict[str, Any] | None) -> str:
    """Old → new for each changed field, e.g. "Guardian's phone: 2000 → 2999; Active: yes → no"."""
    return changes_words(changes)


class AuditModel(RowsModel):
    WHEN, WHO, WHAT, RECORD, DESCRIPTION, CHANGES = range(6)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AuditRow] = []
        self._headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Record"),
            self.tr("Description"),
            self.tr("Old → new"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        return None

    def _text(self, row: AuditRow, column: int) -> str:
        if column == self.WHEN:
            return f"{local(row.at):%Y-%m-%d %H:%M:%S}"
        if column == self.WHO:
            return row.who or self.tr("(direct database access)")
        if column == self.WHAT:
            return action_words(row.action)
        if column == self.RECORD:
            return record_words(row.entity, row.entity_id)
        if column == self.DESCRIPTION:
            return row.description
        return changes_text(row.changes)


class AuditLogPage(QWidget):
    """Every recorded change; filter by words, account, kind of record and dates."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("auditLogPage")

        title = page_title(self.tr("Audit log"))

        self.search = QLineEdit()
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(self.tr("Search the descriptions, actions and names"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)

        self.who = QComboBox()
        self.who.setObjectName("auditWho")
        self.who.addItem(self.tr("Everyone"), 0)
        for staff_id, username, display_name, _role in list_staff(ctx.database, active_only=False):
            self.who.addItem(f"{display_name} ({username})", staff_id)
        self.who.currentIndexChanged.connect(self.reload)

        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.addItem(self.tr("All records"), "")
        for entity in sorted(
            audit_entities(ctx.database), key=lambda e: entity_words(e).casefold()
        ):
            self.kind.addItem(entity_words(entity), entity)
        self.kind.currentIndexChanged.connect(self.reload)

        self.since = self._date_field("auditSince")
        self.until = self._date_field("auditUntil")

        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)

        self.count = QLabel()
        self.count.setObjectName("auditCount")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Who")))
        filters.addWidget(self.who)
        filters.addWidget(QLabel(self.tr("Record")))
        filters.addWidget(self.kind)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        ctx.changed.connect(self._records_changed)
        self.reload()

    def _date_field(self, name: str) -> QDateEdit:
        field = QDateEdit()
        field.setObjectName(name)
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(NO_DATE)
        field.setSpecialValueText(self.tr("any day"))
        field.setDate(NO_DATE)
        field.dateChanged.connect(self.reload)
        return field

    @staticmethod
    def _day(field: QDateEdit) -> date | None:
        chosen = field.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def take_focus(self) -> None:
        self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def _records_changed(self, _areas: frozenset[str]) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the events the filters let through (a quick read, done right here)."""
        first, last = self._day(self.since), self._day(self.until)
        since: datetime | None = at_local(first, time(0)) if first else None
        until: datetime | None = None
        if last is not None:
            until = at_local(last + timedelta(days=1), time(0)) - timedelta(microseconds=1)
        try:
            rows = audit_events(
                self.ctx.database,
                by=self.ctx.staff_id,
                entity=str(self.kind.currentData() or "") or None,
                staff_id=int(self.who.currentData() or 0) or None,
                text=self.search.text(),
                codes_shown_as=codes_shown_as,
                since=since,
                until=until,
                limit=SHOWN_AT_MOST,
            )
        except AdminOnly as refused:
            self.model.set_rows([])
            self.count.setText(translate_error(refused))
            return
        self.model.set_rows(rows)
        if len(rows) >= SHOWN_AT_MOST:
            self.count.setText(
                self.tr("Shown: the newest %1; narrow the filters to see older events").replace(
                    "%1", str(len(rows))
                )
            )
        else:
            self.count.setText(self.tr("Shown: %1").replace("%1", str(len(rows))))

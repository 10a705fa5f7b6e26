"""The Audit log page (admins only): who changed what and when, with filters, newest first,
and whether the log's chain was last found intact (see db.audit)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.accounts import AdminOnly, list_staff
from db.areas import Area
from db.audit_log import (
    AuditRow,
    ChainCheck,
    audit_entities,
    audit_events,
    check_audit_log,
    check_sentence,
    day_and_time,
    last_audit_check,
)
from db.clock import at_local
from db.database import Database
from db.dates import day_pattern, moment_text
from db.errors import DomainError
from desktop.audit_words import (
    action_words,
    changes_words,
    codes_shown_as,
    entity_words,
    record_words,
)
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.table_model import RowsModel
from desktop.widgets import DONE_STYLE, ERROR_STYLE, page_title

_Index = QModelIndex | QPersistentModelIndex
SHOWN_AT_MOST = 500
NO_DATE = QDate(2000, 1, 1)  # the date fields' "any" value


def check_text(check: ChainCheck) -> str:
    """What a check of the chain found, in the user's language."""
    template, fields = check_sentence(check)
    try:
        return QCoreApplication.translate("AuditCheck", template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return template.format(**fields)


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
            return moment_text(row.at, full=True)
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
        self.who.currentIndexChanged.connect(self.reload)

        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.addItem(self.tr("All records"), "")
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

        self.chain = QLabel()
        self.chain.setObjectName("auditChain")
        self.chain.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check now"))
        self.check_button.setObjectName("auditCheckNow")
        self.check_button.setToolTip(
            self.tr("Check every event against the chain: was any removed, changed or added?")
        )
        self.check_button.clicked.connect(self.check_now)
        checking = QHBoxLayout()
        checking.addWidget(self.chain, 1)
        checking.addWidget(self.check_button)

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
        layout.addLayout(checking)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        ctx.changed.connect(self._records_changed)
        self._read_choices()
        self.reload()
        self.show_last_check()

    def _read_choices(self) -> None:
        """The accounts and the kinds of records to filter by, read on the database worker."""

        def read(db: Database, _by: int | None) -> tuple[list[tuple[int, str]], list[str]]:
            accounts = [
                (staff_id, f"{display_name} ({username})")
                for staff_id, username, display_name, _role in list_staff(db, active_only=False)
            ]
            return accounts, audit_entities(db)

        self.ctx.query(self, read).latest("choices").success(
            lambda found: self._show_choices(*found)
        ).run()

    def _show_choices(self, accounts: list[tuple[int, str]], entities: list[str]) -> None:
        # Filled quietly: "Everyone" and "All records" stay chosen, the list stays as it is.
        for choice in (self.who, self.kind):
            choice.blockSignals(True)
        for staff_id, name in accounts:
            self.who.addItem(name, staff_id)
        for entity in sorted(entities, key=lambda e: entity_words(e).casefold()):
            self.kind.addItem(entity_words(entity), entity)
        for choice in (self.who, self.kind):
            choice.blockSignals(False)

    def _date_field(self, name: str) -> QDateEdit:
        field = QDateEdit()
        field.setObjectName(name)
        field.setCalendarPopup(True)
        field.setDisplayFormat(day_pattern())
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
        self.show_last_check()

    def show_last_check(self) -> None:
        """The library's last check of the chain, from any computer, read on the worker."""
        self.ctx.query(self, lambda db, by: last_audit_check(db, by=by)).latest("check").success(
            self._show_last_check
        ).failure(self._no_check_for_librarians).run()

    def _show_last_check(self, check: ChainCheck | None) -> None:
        self.check_button.show()
        self._show_check(check)

    def _no_check_for_librarians(self, error: BaseException, _details: str) -> None:
        if not isinstance(error, AdminOnly):
            self._check_refused(error, _details)
            return
        self.chain.clear()
        self.check_button.hide()

    def _show_check(self, check: ChainCheck | None) -> None:
        if check is None:
            self.chain.setText(self.tr("The audit log has not been checked yet."))
            self.chain.setStyleSheet("")
        elif check.intact:
            self.chain.setText(
                fill(self.tr("Last checked intact: %1"), day_and_time(check.checked_at))
            )
            self.chain.setStyleSheet(DONE_STYLE)
        else:
            since = (
                fill(self.tr("Last checked intact: %1"), day_and_time(check.last_intact))
                if check.last_intact is not None
                else self.tr("It was never found intact.")
            )
            checked = fill(self.tr("Checked: %1."), day_and_time(check.checked_at))
            self.chain.setText(f"{check_text(check)} {checked} {since}")
            self.chain.setStyleSheet(ERROR_STYLE)

    def check_now(self) -> None:
        """Walk the whole chain on the database worker; the page stays usable meanwhile."""
        self.check_button.setEnabled(False)
        self.chain.setText(self.tr("Checking the audit log…"))
        self.chain.setStyleSheet("")
        self.ctx.operation(self, lambda db, by: check_audit_log(db, by=by)).success(
            self._show_check
        ).failure(self._check_refused).finally_(lambda: self.check_button.setEnabled(True)).run()

    def _check_refused(self, error: BaseException, _details: str) -> None:
        """A refusal (the account lost its admin role, the database is unreachable) said here."""
        self.chain.setText(translate_error(error) if isinstance(error, DomainError) else str(error))
        self.chain.setStyleSheet(ERROR_STYLE)

    def _records_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if Area.AUDIT in areas and self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the events the filters let through, on the database worker; of a burst of
        keystrokes or changes only the newest answer is shown."""
        first, last = self._day(self.since), self._day(self.until)
        since: datetime | None = at_local(first, time(0)) if first else None
        until: datetime | None = None
        if last is not None:
            until = at_local(last + timedelta(days=1), time(0)) - timedelta(microseconds=1)
        entity = str(self.kind.currentData() or "") or None
        staff_id = int(self.who.currentData() or 0) or None
        text = self.search.text()
        self.ctx.query(
            self,
            lambda db, by: audit_events(
                db,
                by=by,
                entity=entity,
                staff_id=staff_id,
                text=text,
                codes_shown_as=codes_shown_as,
                since=since,
                until=until,
                limit=SHOWN_AT_MOST,
            ),
        ).latest("list").success(self._show_rows).failure(self._not_for_librarians).run()

    def _not_for_librarians(self, error: BaseException, _details: str) -> None:
        self.model.set_rows([])
        self.count.setText(translate_error(error) if isinstance(error, DomainError) else "")

    def _show_rows(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        if len(rows) >= SHOWN_AT_MOST:
            self.count.setText(
                fill(
                    self.tr("Shown: the newest %1; narrow the filters to see older events"),
                    str(len(rows)),
                )
            )
        else:
            self.count.setText(fill(self.tr("Shown: %1"), str(len(rows))))

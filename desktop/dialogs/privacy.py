"""An administrator's privacy work: one child's access request and erasure, and the children
kept longer than the library's retention rule allows.

The functions serve any page, so their texts have a Qt context of their own, "privacy"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.database import Database
from db.dates import day_text
from db.errors import DomainError
from db.retention import PastRetention, RetentionRule, RetentionStart
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.settings import LANGUAGE
from desktop.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex


def rule_text(rule: RetentionRule) -> str:
    """ "5 years after the last attendance" in the user's language."""
    if rule.start == RetentionStart.PROJECT_END:
        text = QCoreApplication.translate(
            "privacy", "%1 years after the project ends (or the last attendance, if later)"
        )
    else:
        text = QCoreApplication.translate("privacy", "%1 years after the last attendance")
    return fill(text, str(rule.years))


def save_access_request(parent: QWidget, ctx: AppContext, participant_id: int, name: str) -> None:
    """Ask where, then write everything stored about one child as PDF or JSON (admins)."""
    from desktop.documents.access_request import write_access_request

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(folder or Path.home()) / f"{name} — {date.today().isoformat()}.pdf"
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        fill(QCoreApplication.translate("privacy", "Everything stored about %1"), name),
        str(suggested),
        QCoreApplication.translate("privacy", "PDF document (*.pdf);;JSON data (*.json)"),
    )
    if not chosen:
        return
    out = Path(chosen)
    if out.suffix.lower() not in (".pdf", ".json"):
        out = out.with_name(out.name + (".json" if "json" in chosen_filter else ".pdf"))
    language = ctx.settings.get(LANGUAGE)
    title = QCoreApplication.translate("privacy", "Access request")

    def saved(path: Path) -> None:
        QMessageBox.information(
            parent,
            title,
            fill(
                QCoreApplication.translate(
                    "privacy",
                    "Everything stored about %1 was saved to %2. The file is readable by you only; "
                    "hand it over in person or encrypted.",
                ),
                name,
                str(path),
            ),
        )

    def refused(error: BaseException, _details: str) -> None:
        # A refused role, or a file the system would not write (full disk, missing folder).
        assert isinstance(error, DomainError)
        QMessageBox.warning(parent, title, translate_error(error))

    ctx.operation(
        parent,
        lambda db, by: write_access_request(db, participant_id, out, by=by, language=language),
    ).success(saved).failure(refused).run()


def confirm_erasure(
    parent: QWidget, ctx: AppContext, participant_id: int, name: str, done: Callable[[], None]
) -> None:
    """Erase one child after the administrator confirmed (Cancel is the default button)."""
    from db.privacy import erase_participant

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("privacy", "Erase a child's records"))
    box.setText(fill(QCoreApplication.translate("privacy", "Erase %1's records for good?"), name))
    box.setInformativeText(
        QCoreApplication.translate(
            "privacy",
            "The name, guardian, phone, notes, consents and card code are removed, also from "
            "the audit log. Attendance and loans stay as anonymous rows, so the project's "
            "totals do not change. This cannot be undone.",
        )
    )
    erase = box.addButton(
        QCoreApplication.translate("privacy", "Erase"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    if box.clickedButton() is not erase:
        return
    ctx.operation(parent, lambda db, by: erase_participant(db, participant_id, by=by)).success(
        lambda _erased: done()
    ).run()


class PastRetentionModel(RowsModel):
    NAME, LAST_SEEN, COUNTED_FROM = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PastRetention] = []
        self._headers = [
            self.tr("Child"),
            self.tr("Last came"),
            self.tr("Counted from"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        child, column = self.rows[index.row()], index.column()
        if column == self.NAME:
            return child.full_name
        if column == self.LAST_SEEN:
            seen = day_text(child.last_seen)
            return seen if child.came else fill(self.tr("never (registered %1)"), seen)
        return day_text(child.counted_from)


class RetentionDialog(QDialog):
    """The children kept longer than the rule allows, and one button that erases them all."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Children past the retention period"))
        self.rule = RetentionRule()
        self.summary = QLabel()
        self.summary.setObjectName("retentionSummary")
        self.summary.setWordWrap(True)
        self.said = QLabel()
        self.said.setObjectName("retentionSaid")
        self.said.setStyleSheet("color: #1b7a2e;")
        self.said.hide()
        self.model = PastRetentionModel()
        self.table = QTableView()
        self.table.setObjectName("pastRetentionList")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PastRetentionModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("erasePastRetention")
        self.erase_button.clicked.connect(self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.said)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.reload()

    def reload(self) -> None:
        """Read the rule and the children past it on the database worker (0.2 s on ten
        years of records), then show them."""
        from db.retention import past_retention, retention_rule

        def read(db: Database, by: int | None) -> tuple[RetentionRule, list[PastRetention]]:
            rule = retention_rule(db)
            return rule, past_retention(db, rule, by=by)

        self.erase_button.setEnabled(False)
        self.ctx.query(self, read).latest("children").success(self._show).run()

    def _show(self, found: tuple[RetentionRule, list[PastRetention]]) -> None:
        self.rule, children = found
        self.model.set_rows(children)
        count = len(children)
        self.summary.setText(
            fill(
                self.tr("The library keeps a child's records %1. Older than that: %2 children."),
                rule_text(self.rule),
                str(count),
            )
        )
        self.erase_button.setText(fill(self.tr("Erase these %1 children…"), str(count)))
        self.erase_button.setEnabled(count > 0)

    def confirm(self) -> None:
        count = len(self.model.rows)
        answer = QMessageBox.warning(
            self,
            self.windowTitle(),
            fill(
                self.tr(
                    "Erase the records of %1 children for good? Their names, guardians, phones, "
                    "notes, consents and card codes are removed; attendance stays as anonymous "
                    "rows, so the project's totals do not change. This cannot be undone."
                ),
                str(count),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.erase()

    def erase(self) -> None:
        """Erase in batches with the count shown; Cancel stops between two batches."""
        from db.retention import erase_past_retention

        database, staff, rule = self.ctx.database, self.ctx.staff_id, self.rule
        self.erase_button.setEnabled(False)
        operation = Operation.tracked(
            self, lambda progress: erase_past_retention(database, rule, by=staff, progress=progress)
        )
        operation.show_progress(
            self.windowTitle(),
            self.tr("Erasing the records of the children past the retention period…"),
            stopping=self.tr(
                "Stopping after this batch: the children erased so far stay erased, "
                "the others are kept."
            ),
        ).success(lambda count: self._erased(count, operation.cancelled)).finally_(
            self.reload
        ).run()

    def _erased(self, count: int, stopped: bool) -> None:
        if stopped:
            kept = len(self.model.rows) - count
            text = fill(self.tr("Stopped: %1 children erased, %2 kept."), str(count), str(kept))
        else:
            text = fill(self.tr("Erased: %1 children."), str(count))
        self.said.setText(text)
        self.said.show()

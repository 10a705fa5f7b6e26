"""Exports to Excel: attendance, loans or (an administrator's) participants, as XLSX or CSV,
written off the UI thread, whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog

from db.clock import local, now_utc
from desktop.context import AppContext
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.pages.report_form import ReportForm
from desktop.widgets import date_edit, from_qdate


class ExportForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Export to Excel"),
            self.tr(
                "Attendance, participants or loans as an Excel workbook (XLSX) or as CSV that "
                "Latvian Excel opens as it is."
            ),
        )
        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        self.kind.addItem(self.tr("Attendance"), "attendance")
        self.kind.addItem(self.tr("Loans"), "loans")
        self._offer_personal_data()
        ctx.staff_changed.connect(self._offer_personal_data)
        self.first = date_edit(date(2018, 4, 1), "exportFrom")
        self.last = date_edit(local(now_utc()).date(), "exportTo")
        self.site = self.site_choice()
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), ".xlsx")
        self.format.addItem(self.tr("CSV for Excel (.csv)"), ".csv")
        self.form.addRow(self.tr("What"), self.kind)
        self.form.addRow(self.tr("From"), self.first)
        self.form.addRow(self.tr("To"), self.last)
        self.form.addRow(self.tr("Site"), self.site)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Save…"))

    def _offer_personal_data(self, _staff_id: int = 0) -> None:
        """The participants' export (names and parents' contacts) only for an administrator."""
        offered = self.kind.findData("participants")
        if self.ctx.is_admin and offered < 0:
            self.kind.insertItem(
                1, self.tr("Participants (with contacts: handle with care)"), "participants"
            )
        elif not self.ctx.is_admin and offered >= 0:
            self.kind.removeItem(offered)

    def run(self) -> None:
        suffix = str(self.format.currentData())
        kind = str(self.kind.currentData())
        suggested = f"{kind}-{from_qdate(self.first.date())}-{from_qdate(self.last.date())}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested)
        if path:
            self.export_to(Path(path if path.endswith(suffix) else path + suffix))

    def export_to(self, path: Path) -> None:
        from db import exports
        from desktop.documents.exports import write_export

        kind, database = str(self.kind.currentData()), self.ctx.database
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        site, language = str(self.site.currentData()) or None, self.document_language()
        by = self.ctx.staff_id

        def work(progress: Callable[[int, int], bool]) -> int:
            rows: Sequence[object]
            if kind == "attendance":
                rows = exports.attendance_rows(database, first, last, site_name=site, by=by)
            elif kind == "participants":
                rows = exports.participant_rows(database, first, last, site_name=site, by=by)
            else:
                rows = exports.loan_rows(database, first, last, site_name=site, by=by)
            write_export(kind, rows, path, language, progress=progress)
            return len(rows)

        self.action.setEnabled(False)
        self.say(fill(self.tr("Writing %1…"), path.name))
        # Written whole or not at all: a stopped export leaves no file, an older one as it was.
        Operation.tracked(self, work).show_progress(
            self.tr("Export"),
            fill(self.tr("Writing %1…"), path.name),
            stopping=self.tr("Stopping: no file is saved."),
        ).success(
            lambda count: self.say(fill(self.tr("Saved %1 rows to %2."), str(count), str(path)))
        ).failure(self.refused).finally_(lambda: self.action.setEnabled(True)).run()

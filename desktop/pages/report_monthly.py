"""The monthly attendance report's form: a month, a program and a site."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from db.clock import local, now_utc
from db.programs import ProgramRow, list_programs
from desktop.context import AppContext
from desktop.month_field import MonthField
from desktop.pages.report_form import ReportForm


class MonthlyForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Monthly attendance"),
            self.tr(
                "Children × session dates with present, late, excused and absent marks, "
                "per program, with the month's totals."
            ),
        )
        today = local(now_utc()).date()
        self.month = MonthField(today.year, today.month)
        self.month.setObjectName("reportMonth")
        self.month.returnPressed.connect(self.run)
        self.program = QComboBox()
        self.program.setObjectName("reportProgram")
        self.program.addItem(self.tr("All programs"), 0)
        site_id = ctx.site_id
        ctx.query(self, lambda db, _by: list_programs(db, site_id)).success(
            self._show_programs
        ).run()
        self.site = self.site_choice()
        self.form.addRow(self.tr("Month"), self.month)
        self.form.addRow(self.tr("Program"), self.program)
        self.form.addRow(self.tr("Site"), self.site)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))

    def _show_programs(self, programs: list[ProgramRow]) -> None:
        for program in programs:
            self.program.addItem(program.name, program.id)

    def run(self) -> None:
        from db.reports import monthly_attendance_data
        from desktop.documents.monthly import monthly_report_pdf

        typed = self.month.month()
        if typed is None:
            self.say(self.tr("Type the month as month.year, e.g. 10.2018."), problem=True)
            self.month.setFocus()
            return
        year, month = typed
        program_id = int(self.program.currentData()) or None
        site = str(self.site.currentData()) or None
        language, database, by = self.document_language(), self.ctx.database, self.ctx.staff_id
        self.preview(
            lambda: monthly_report_pdf(
                monthly_attendance_data(
                    database, year, month, program_id=program_id, site_name=site, by=by
                ),
                language,
            ),
            self.tr("Monthly attendance"),
            f"apmeklejums-{year}-{month:02d}.pdf",
        )

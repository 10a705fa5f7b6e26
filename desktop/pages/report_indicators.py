"""The funder's project indicators' form: a period and a site."""

from __future__ import annotations

from datetime import date

from db.clock import local, now_utc
from desktop.context import AppContext
from desktop.pages.report_form import ReportForm
from desktop.widgets import date_edit, from_qdate


class IndicatorsForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Project indicators"),
            self.tr(
                "Sessions held, attendances, unique participants and the target group, by "
                "site, age and gender; equipment use; attendance per month — for the funder."
            ),
        )
        self.first = date_edit(date(2018, 4, 1), "reportFrom")
        self.last = date_edit(local(now_utc()).date(), "reportTo")
        self.site = self.site_choice()
        self.form.addRow(self.tr("From"), self.first)
        self.form.addRow(self.tr("To"), self.last)
        self.form.addRow(self.tr("Site"), self.site)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))

    def run(self) -> None:
        from db.indicators import indicators_data
        from desktop.documents.indicators import indicators_pdf

        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        site = str(self.site.currentData()) or None
        language, database = self.document_language(), self.ctx.database
        self.preview(
            lambda: indicators_pdf(
                indicators_data(database, first, last, site_name=site), language
            ),
            self.tr("Project indicators"),
            f"raditaji-{first}-{last}.pdf",
        )

"""The sign-in sheet of one session: its form, and the preview the Desk and Sessions pages
open too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from db.clock import local, now_utc
from db.dates import time_span_text
from db.programs import SessionRow, sessions_between
from desktop.context import AppContext
from desktop.dialogs.pdf_preview import show_pdf
from desktop.pages.report_form import ReportForm
from desktop.settings import LANGUAGE
from desktop.widgets import date_edit, from_qdate


class SigninForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Sign-in sheet"),
            self.tr(
                "The list of one session for the children's signatures: those checked in, "
                "then empty rows for walk-ins."
            ),
        )
        self.day = date_edit(local(now_utc()).date(), "reportDay")
        self.session = QComboBox()
        self.session.setObjectName("reportSession")
        self.day.dateChanged.connect(lambda _d: self.fill_sessions())
        self.form.addRow(self.tr("Date"), self.day)
        self.form.addRow(self.tr("Session"), self.session)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))
        self.fill_sessions()

    def fill_sessions(self) -> None:
        """The sessions of the chosen day, read on the database worker (the newest day's)."""
        day, site_id = from_qdate(self.day.date()), self.ctx.site_id
        self.action.setEnabled(False)
        self.ctx.query(
            self, lambda db, _by: sessions_between(db, day, day, site_id=site_id)
        ).latest("sessions").success(self._show_sessions).run()

    def _show_sessions(self, sessions: list[SessionRow]) -> None:
        self.session.clear()
        for row in sessions:
            label = f"{time_span_text(row.starts_at, row.ends_at)} {row.program}"
            self.session.addItem(label + (f" · {row.theme}" if row.theme else ""), row.id)
        self.action.setEnabled(self.session.count() > 0)
        self.say("" if self.session.count() else self.tr("No session on this date."))

    def run(self) -> None:
        if self.session.count():
            preview_signin_sheet(self, self.ctx, int(self.session.currentData()))


def preview_signin_sheet(parent: QWidget, ctx: AppContext, session_id: int) -> None:
    """The sign-in sheet of one session, in the program's language (Desk, Sessions, Reports)."""
    from db.reports import signin_sheet_data
    from desktop.documents.signin import signin_sheet_pdf

    database, language, by = ctx.database, ctx.settings.get(LANGUAGE), ctx.staff_id
    if isinstance(parent, ReportForm):
        language = parent.document_language()
    show_pdf(
        parent,
        lambda: signin_sheet_pdf(signin_sheet_data(database, session_id, by=by), language),
        QCoreApplication.translate("ReportsPage", "Sign-in sheet"),
        f"parakstu-lapa-{session_id}.pdf",
    )

"""Reports: the printouts and exports a coordinator hands to the funder, and labels and cards.

Each document has a small form (desktop/pages/report_*.py); "Preview…" builds the PDF off
the UI thread and shows it with Print and Save; exports are written straight to the file
the librarian chooses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.pages.report_cards import CardsForm
from desktop.pages.report_export import ExportForm
from desktop.pages.report_form import ReportForm
from desktop.pages.report_indicators import IndicatorsForm
from desktop.pages.report_labels import LabelsForm
from desktop.pages.report_monthly import MonthlyForm
from desktop.pages.report_signin import SigninForm
from desktop.widgets import page_title


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("reportsPage")
        self.monthly = MonthlyForm(ctx)
        self.indicators = IndicatorsForm(ctx)
        self.signin = SigninForm(ctx)
        self.labels = LabelsForm(ctx)
        self.cards = CardsForm(ctx)
        self.export = ExportForm(ctx)
        forms: list[tuple[str, ReportForm]] = [
            (self.tr("Monthly attendance"), self.monthly),
            (self.tr("Project indicators"), self.indicators),
            (self.tr("Sign-in sheet"), self.signin),
            (self.tr("QR labels"), self.labels),
            (self.tr("Member cards"), self.cards),
            (self.tr("Export to Excel"), self.export),
        ]
        self.choice = QListWidget()
        self.choice.setObjectName("reportChoice")
        self.choice.setFixedWidth(240)
        self.choice.setStyleSheet(
            "QListWidget { font-size: 12pt; } QListWidget::item { padding: 8px 10px; }"
        )
        self.stack = QStackedWidget()
        for title, form in forms:
            self.choice.addItem(title)
            self.stack.addWidget(form)
        self.choice.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.choice.setCurrentRow(0)
        heading = page_title(self.tr("Reports"))
        body = QHBoxLayout()
        body.addWidget(self.choice)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)

    def show_form(self, form: ReportForm) -> None:
        self.choice.setCurrentRow(self.stack.indexOf(form))

    def prepare(self, kind: str, keys: list[object]) -> None:
        """Open a form with what another page chose, ticked: labels of items, cards of children."""
        if kind == "labels":
            self.labels.reload([str(key) for key in keys])
            self.show_form(self.labels)
        elif kind == "cards":
            self.cards.reload([int(str(key)) for key in keys])
            self.show_form(self.cards)

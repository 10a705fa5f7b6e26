"""What every form of the Reports page shares: the heading, the document's language, a
message line and the action button; and a list to tick what to print."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from desktop.context import AppContext
from desktop.dialogs.pdf_preview import show_pdf
from desktop.errors import translate_error
from desktop.settings import LANGUAGE, LANGUAGES


class ReportForm(QWidget):
    """A document's options and its action button; subclasses fill the form."""

    def __init__(self, ctx: AppContext, title: str, explanation: str) -> None:
        super().__init__()
        self.ctx = ctx
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        about = QLabel(explanation)
        about.setWordWrap(True)
        about.setStyleSheet("color: #455a64;")
        self.form = QFormLayout()
        # Fields as wide as their content, not the whole page: easier to read down the form.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.settings.get(LANGUAGE))))
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.action = QPushButton()
        self.action.setObjectName("reportAction")
        self.action.clicked.connect(self.run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.action)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def document_language(self) -> str:
        return str(self.language.currentData())

    def site_choice(self) -> QComboBox:
        choice = QComboBox()
        choice.addItem(self.tr("All sites"), "")
        for _site_id, name, _country in self.ctx.sites:
            choice.addItem(name, name)
        return choice

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.setStyleSheet("color: #b71c1c;" if problem else "color: #1b5e20;")
        self.message.setText(text)

    def refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error), problem=True)

    def preview(self, build: Callable[[], bytes], title: str, file_name: str) -> None:
        self.say("")
        show_pdf(self, build, title, file_name, on_refusal=self.refused)

    def run(self) -> None:
        raise NotImplementedError


class CheckList(QListWidget):
    """A list to tick what to print; everything ticked to begin with."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumSize(460, 320)

    def fill(self, rows: Sequence[tuple[str, object]], ticked: set[object] | None = None) -> None:
        self.clear()
        for text, key in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = ticked is None or key in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.addItem(item)

    def ticked(self) -> list[object]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.count()):
            self.item(i).setCheckState(state)


def tick_all_buttons(form: ReportForm, checks: CheckList) -> QHBoxLayout:
    """Tick all / Tick none under a list of what to print."""
    row = QHBoxLayout()
    every = QPushButton(QCoreApplication.translate("ReportForm", "Tick all"))
    none = QPushButton(QCoreApplication.translate("ReportForm", "Tick none"))
    every.clicked.connect(lambda: checks.tick_all(True))
    none.clicked.connect(lambda: checks.tick_all(False))
    row.addWidget(every)
    row.addWidget(none)
    row.addStretch(1)
    return row

"""Import a roster: choose a CSV or XLSX file, see every row and its problems, import the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.roster import ImportStopped, RosterPreview, import_roster, preview_roster
from db.roster_file import shown
from db.roster_rows import Problem, RosterRow
from desktop.code_words import gender_words
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fde7ea")
PROBLEM_TEXT = QColor("#b00020")


def problem_text(problem: Problem) -> str:
    """A row's problem in the user's language."""
    return QCoreApplication.translate("Roster", problem.template).format(**problem.fields)


class RosterModel(RowsModel):
    """The rows of a roster as the file has them; rows with problems say why."""

    ROW, FIRST_NAME, LAST_NAME, BORN, GENDER, GUARDIAN, PHOTOS, PROBLEMS = range(8)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RosterRow] = []
        self._headers = [
            self.tr("Row"),
            self.tr("First name"),
            self.tr("Last name"),
            self.tr("Born"),
            self.tr("Gender"),
            self.tr("Guardian"),
            self.tr("Photos"),
            self.tr("Problems"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and not row.valid:
            return "\n".join(problem_text(problem) for problem in row.problems)
        if role == Qt.ItemDataRole.BackgroundRole and not row.valid:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROBLEMS:
            return QBrush(PROBLEM_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ROW, self.BORN):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def text(self, row: RosterRow, column: int) -> str:
        if column == self.ROW:
            return str(row.row)
        if column == self.FIRST_NAME:
            return row.first_name
        if column == self.LAST_NAME:
            return row.last_name
        if column == self.BORN:
            return str(row.birth_year) if row.birth_year else ""
        if column == self.GENDER:
            return "" if row.gender is None else gender_words(row.gender)
        if column == self.GUARDIAN:
            return " ".join(part for part in (row.guardian_name, row.guardian_phone) if part)
        if column == self.PHOTOS:
            return "✓" if row.photo_consent else ""
        if column == self.PROBLEMS:
            return " ".join(problem_text(problem) for problem in row.problems)
        return ""


class ImportDialog(QDialog):
    """Choose a roster, check the preview, import every valid row at once (or none)."""

    imported = Signal(int)

    def __init__(
        self, ctx: AppContext, site_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: RosterPreview | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a roster"))
        self.resize(900, 560)

        explanation = QLabel(
            self.tr(
                "A CSV or Excel (XLSX) file with a header row: Vārds, Uzvārds, and as you like "
                "Dzimšanas gads, Dzimums, Aizbildnis, Tālrunis, Mērķa grupa, Piezīmes, "
                "Foto piekrišana (or the same in English or Lithuanian: Vardas, Pavardė, …). "
                "Rows with problems are not imported."
            )
        )
        explanation.setWordWrap(True)

        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseRoster")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("rosterFile")

        self.site = QComboBox()
        self.site.setObjectName("importSite")
        for choice_id, name, _country in ctx.sites:
            self.site.addItem(name, choice_id)
        self.site.setCurrentIndex(max(0, self.site.findData(site_id or ctx.site_id or 0)))
        site_label = QLabel(self.tr("Site:"))
        if len(ctx.sites) <= 1:  # never shown before it is laid out: it would be a window
            for widget in (site_label, self.site):
                widget.hide()

        self.model = RosterModel()
        self.table = QTableView()
        self.table.setObjectName("rosterPreview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A 300-character name in a broken row must not push the problems out of sight.
        header.setMaximumSectionSize(max(160, self.fontMetrics().averageCharWidth() * 24))
        header.setSectionResizeMode(RosterModel.PROBLEMS, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importRoster")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_rows)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeImport")
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(site_label)
        top.addWidget(self.site)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @property
    def site_id(self) -> int | None:
        data = self.site.currentData()
        return int(data) if data else None

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a roster"),
            "",
            self.tr("Rosters (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read a roster into the preview (off the UI thread: a big XLSX takes a moment)."""
        path = Path(path)
        self.file_label.setText(shown(path.name))
        self.preview = None  # the last file's rows go: only the file being read may be imported
        self.model.set_rows([])
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("Import"))
        self.summary.setText(self.tr("Reading the file…"))
        # Another file chosen meanwhile: only the newest one's rows are shown.
        self.ctx.query(self, lambda db, by: preview_roster(db, path, by=by)).latest(
            "roster"
        ).success(self._show).failure(self._refused).run()

    def _show(self, preview: RosterPreview) -> None:
        self.preview = preview
        self.model.set_rows(list(preview.rows))
        valid, wrong = len(preview.valid_rows), len(preview.problem_rows)
        text = self.tr("Rows: %1, ready to import: %2, with problems: %3.")
        text = fill(text, str(len(preview.rows)), str(valid), str(wrong))
        if preview.ignored_columns:
            ignored = self.tr("Columns not imported: %1.")
            text += " " + fill(ignored, ", ".join(preview.ignored_columns))
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self.import_button.setText(fill(self.tr("Import %1 children"), str(valid)))
        self.import_button.setEnabled(valid > 0 and self.site_id is not None)

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.summary.setText(translate_error(error))
        self.summary.setStyleSheet(f"color: {PROBLEM_TEXT.name()};")
        # Stopped by the librarian, the same rows may be imported later.
        self.import_button.setEnabled(isinstance(error, ImportStopped) and self.preview is not None)

    def import_rows(self) -> None:
        """Register every valid row in one transaction; a refusal leaves nothing stored."""
        site_id = self.site_id
        if self.preview is None or site_id is None or not self.preview.valid_rows:
            return
        rows, database, by = self.preview.valid_rows, self.ctx.database, self.ctx.staff_id
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        Operation.tracked(
            self,
            lambda progress: import_roster(database, rows, site_id, by=by, progress=progress),
        ).show_progress(
            self.windowTitle(),
            self.tr("Registering the children of the roster…"),
            stopping=self.tr("Stopping: nobody from this roster is registered."),
        ).success(self._imported).failure(self._refused).finally_(
            lambda: self.choose_button.setEnabled(True)
        ).run()

    def _imported(self, count: int) -> None:
        self.preview = None
        self.summary.setText(fill(self.tr("Imported %1 children."), str(count)))
        self.summary.setStyleSheet("")
        self.import_button.setText(self.tr("Import"))
        self.imported.emit(count)

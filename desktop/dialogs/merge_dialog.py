"""Merge a camp laptop's records: choose its file, read the dry run (each child, what is left
out and why), decide for the children the merge is unsure of, then merge in one go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.merge import Decisions, Fate, Kind, MergeLine, MergeReport, merge_laptop
from db.merge.report import Note
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation

PROBLEM_TEXT = "#b00020"
# A decision's choice in its drop-down: leave the child out, or add as a new child; else
# the number of the database's child.
LEAVE_OUT = 0
ADD_NEW = -1


def note_text(note: Note | None) -> str:
    """Why or how, in the user's language (a field that is a word of the merge too)."""
    if note is None:
        return ""
    fields = {key: QCoreApplication.translate("Merge", value) for key, value in note.fields.items()}
    return QCoreApplication.translate("Merge", note.template).format(**fields)


class MergeDialog(QDialog):
    """An administrator's merge of a laptop's file into the database in use."""

    merged = Signal(object)  # the MergeReport of the real run

    CHILD, FATE, WHY = range(3)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.report: MergeReport | None = None
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge a laptop's records"))
        self.resize(900, 600)

        explanation = QLabel(
            self.tr(
                "A laptop that worked on its own file (at a camp, say) brings its sessions, "
                "check-ins, new children, loans and consents into this database. First you "
                "see what would be added, what is already here and what is left out; nothing "
                "is written until you press Merge. Merging the same file again adds nothing."
            )
        )
        explanation.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose the laptop's file…"))
        self.choose_button.setObjectName("chooseLaptopFile")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("laptopFile")

        self.child_table = QTableWidget(0, 3)
        self.child_table.setObjectName("mergeChildren")
        self.child_table.setHorizontalHeaderLabels(
            [
                self.tr("Child on the laptop"),
                self.tr("What happens"),
                self.tr("Why, or your decision"),
            ]
        )
        self.child_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.child_table.verticalHeader().hide()
        header = self.child_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.WHY, QHeaderView.ResizeMode.Stretch)
        self.decisions: dict[int, QComboBox] = {}

        self.others = QPlainTextEdit()
        self.others.setObjectName("mergeOthers")
        self.others.setReadOnly(True)
        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)

        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("mergeRecords")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeMerge")
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Children")))
        layout.addWidget(self.child_table, 2)
        layout.addWidget(QLabel(self.tr("Other records: new, brought up to date or left out")))
        layout.addWidget(self.others, 1)
        layout.addLayout(buttons)

    # --- words

    def kind_words(self, kind: Kind, number: int) -> str:
        """ "3 check-ins": a count of one kind of record."""
        words = {
            Kind.SITE: self.tr("sites: %1"),
            Kind.PROGRAM: self.tr("programs: %1"),
            Kind.SESSION: self.tr("sessions: %1"),
            Kind.CHILD: self.tr("children: %1"),
            Kind.CONSENT: self.tr("consents: %1"),
            Kind.CHECK_IN: self.tr("check-ins: %1"),
            Kind.ITEM: self.tr("items: %1"),
            Kind.LOAN: self.tr("loans: %1"),
        }
        return fill(words[kind], str(number))

    def kind_name(self, kind: Kind) -> str:
        return {
            Kind.SITE: self.tr("Site"),
            Kind.PROGRAM: self.tr("Program"),
            Kind.SESSION: self.tr("Session"),
            Kind.CHILD: self.tr("Child"),
            Kind.CONSENT: self.tr("Consent"),
            Kind.CHECK_IN: self.tr("Check-in"),
            Kind.ITEM: self.tr("Item"),
            Kind.LOAN: self.tr("Loan"),
        }[kind]

    def fate_words(self, fate: Fate) -> str:
        return {
            Fate.ADDED: self.tr("new"),
            Fate.MATCHED: self.tr("already here"),
            Fate.UPDATED: self.tr("already here, brought up to date"),
            Fate.LEFT_OUT: self.tr("left out"),
            Fate.NEEDS_DECISION: self.tr("needs your decision"),
        }[fate]

    # --- the file and the dry run

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Merge a laptop's records"),
            "",
            self.tr("OpenUp Desk databases (*.sqlite3);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """The dry run of the chosen file, off the UI thread: nothing is written."""
        self.path = Path(path)
        self.report = None
        self.file_label.setText(self.path.name)
        self.merge_button.setEnabled(False)
        self._say(self.tr("Reading the laptop's file…"))
        database, by, chosen = self.ctx.database, self.ctx.staff_id, self.path
        Operation(self, lambda: merge_laptop(database, chosen, by=by, dry_run=True)).success(
            self._show
        ).failure(self._refused).run()

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {PROBLEM_TEXT};" if problem else "")

    def _show(self, report: MergeReport) -> None:
        self.report = report
        self._fill_children([line for line in report.lines if line.kind is Kind.CHILD])
        others = [
            f"{self.kind_name(line.kind)} {line.what}: {self.fate_words(line.fate)}"
            + (f" ({note_text(line.why)})" if line.why is not None else "")
            for line in report.lines
            if line.kind is not Kind.CHILD and line.one_by_one
        ]
        self.others.setPlainText("\n".join(others))
        self._say(self._counts(report))
        self.merge_button.setEnabled(not report.written)

    def _counts(self, report: MergeReport) -> str:
        parts = []
        headings = (
            (Fate.ADDED, self.tr("Merged, new: %1.") if report.written else self.tr("New: %1.")),
            (Fate.MATCHED, self.tr("Already here: %1.")),
            (Fate.LEFT_OUT, self.tr("Left out: %1.")),
        )
        for fate, heading in headings:
            counted = [
                self.kind_words(kind, number)
                for kind in Kind
                if (number := report.count(kind, fate))
            ]
            if counted:
                parts.append(fill(heading, ", ".join(counted)))
        undecided = len(report.undecided)
        if undecided and not report.written:
            parts.append(fill(self.tr("Children that need your decision: %1."), str(undecided)))
        return " ".join(parts) or self.tr("The laptop's file holds no records.")

    def _fill_children(self, lines: list[MergeLine]) -> None:
        self.decisions = {}
        self.child_table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = f"#{line.laptop_id} {line.what}".strip()
            self.child_table.setItem(row, self.CHILD, QTableWidgetItem(name))
            self.child_table.setItem(row, self.FATE, QTableWidgetItem(self.fate_words(line.fate)))
            if line.fate is Fate.NEEDS_DECISION:
                choice = QComboBox()
                choice.setObjectName(f"decision{line.laptop_id}")
                choice.addItem(self.tr("Leave out for now"), LEAVE_OUT)
                for candidate in line.candidates:
                    choice.addItem(
                        fill(self.tr("The same child as %1"), candidate.label),
                        candidate.participant_id,
                    )
                choice.addItem(self.tr("Add as a new child"), ADD_NEW)
                choice.setToolTip(note_text(line.why))
                self.child_table.setCellWidget(row, self.WHY, choice)
                self.decisions[line.laptop_id] = choice
            else:
                self.child_table.setItem(row, self.WHY, QTableWidgetItem(note_text(line.why)))

    def _refused(self, error: BaseException, details: str) -> None:
        if not isinstance(error, DomainError):
            from desktop.errors import show_error

            show_error(error, details)
            return
        self._say(translate_error(error), problem=True)
        self.merge_button.setEnabled(self.report is not None and not self.report.written)

    # --- the merge

    def chosen_decisions(self) -> Decisions:
        matches: dict[int, int] = {}
        added: list[int] = []
        for laptop_id, choice in self.decisions.items():
            value = int(choice.currentData())
            if value == ADD_NEW:
                added.append(laptop_id)
            elif value != LEAVE_OUT:
                matches[laptop_id] = value
        return Decisions(matches=matches, added=tuple(added))

    def merge(self) -> None:
        """The real run with the decisions made: one transaction, all or nothing."""
        if self.path is None or self.report is None:
            return
        database, by, chosen = self.ctx.database, self.ctx.staff_id, self.path
        decisions = self.chosen_decisions()
        self.merge_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self._say(self.tr("Merging…"))
        Operation(self, lambda: merge_laptop(database, chosen, by=by, decisions=decisions)).success(
            self._merged
        ).failure(self._refused).finally_(lambda: self.choose_button.setEnabled(True)).run()

    def _merged(self, report: MergeReport) -> None:
        self._show(report)
        self.merged.emit(report)

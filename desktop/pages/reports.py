"""Reports: the printouts and exports a coordinator hands to the funder, and labels and cards.

Each document has a small form; "Preview…" builds the PDF off the UI thread and shows it
with Print and Save; exports are written straight to the file the librarian chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.clock import local, now_utc
from db.dates import day_pattern, time_span_text
from db.equipment import list_items
from db.errors import DomainError
from db.people import ParticipantRow, list_participants
from db.programs import ProgramRow, SessionRow, list_programs, sessions_between
from desktop.context import AppContext
from desktop.dialogs.pdf_preview import show_pdf
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.month_field import MonthField
from desktop.operations import Operation
from desktop.settings import LANGUAGE, LANGUAGES
from desktop.widgets import page_title


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(day_pattern())
    return edit


def _day(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


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
        self.first = _date_edit(date(2018, 4, 1))
        self.first.setObjectName("reportFrom")
        self.last = _date_edit(local(now_utc()).date())
        self.last.setObjectName("reportTo")
        self.site = self.site_choice()
        self.form.addRow(self.tr("From"), self.first)
        self.form.addRow(self.tr("To"), self.last)
        self.form.addRow(self.tr("Site"), self.site)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))

    def run(self) -> None:
        from db.indicators import indicators_data
        from desktop.documents.indicators import indicators_pdf

        first, last = _day(self.first), _day(self.last)
        site = str(self.site.currentData()) or None
        language, database = self.document_language(), self.ctx.database
        self.preview(
            lambda: indicators_pdf(
                indicators_data(database, first, last, site_name=site), language
            ),
            self.tr("Project indicators"),
            f"raditaji-{first}-{last}.pdf",
        )


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
        self.day = _date_edit(local(now_utc()).date())
        self.day.setObjectName("reportDay")
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
        day, site_id = _day(self.day), self.ctx.site_id
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


def _all_none_buttons(form: ReportForm, checks: CheckList) -> QHBoxLayout:
    row = QHBoxLayout()
    every = QPushButton(QCoreApplication.translate("ReportForm", "Tick all"))
    none = QPushButton(QCoreApplication.translate("ReportForm", "Tick none"))
    every.clicked.connect(lambda: checks.tick_all(True))
    none.clicked.connect(lambda: checks.tick_all(False))
    row.addWidget(every)
    row.addWidget(none)
    row.addStretch(1)
    return row


class LabelsForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        from desktop.documents.labels import DEFAULT_TEMPLATE, TEMPLATES

        super().__init__(
            ctx,
            self.tr("QR labels for equipment"),
            self.tr(
                "Labels to stick on the equipment: scanning one lends or takes back the item. "
                "Start at the first free label of a half-used sheet."
            ),
        )
        self.templates = TEMPLATES
        self.template = QComboBox()
        self.template.setObjectName("labelTemplate")
        for name, template in TEMPLATES.items():
            self.template.addItem(template.description, name)
        self.template.setCurrentIndex(self.template.findData(DEFAULT_TEMPLATE))
        self.start = QSpinBox()
        self.start.setObjectName("labelStart")
        self.template.currentIndexChanged.connect(lambda _i: self._limit_start())
        self._limit_start()
        self.items = CheckList()
        self.items.setObjectName("labelItems")
        self.form.addRow(self.tr("Label sheet"), self.template)
        self.form.addRow(self.tr("First free label"), self.start)
        self.form.addRow(self.tr("Items"), self.items)
        self.form.addRow("", _all_none_buttons(self, self.items))
        self.action.setText(self.tr("Preview…"))
        self.reload()

    def _limit_start(self) -> None:
        self.start.setRange(1, self.templates[str(self.template.currentData())].per_page)

    def reload(self, ticked: list[str] | None = None) -> None:
        """The items to tick, read on the database worker; `ticked` alone ticked."""
        self.ctx.query(self, lambda db, by: list_items(db, by=by)).latest("list").success(
            lambda items: self.items.fill(
                [(f"{i.tag}  {i.name}", i.tag) for i in items], set(ticked) if ticked else None
            )
        ).run()

    def run(self) -> None:
        from db.printing import labels_data
        from desktop.documents.labels import labels_pdf

        tags = [str(tag) for tag in self.items.ticked()]
        if not tags:
            self.say(self.tr("Tick at least one item."), problem=True)
            return
        template, start, database = (
            str(self.template.currentData()),
            self.start.value(),
            self.ctx.database,
        )
        language = self.document_language()  # the app's: a label has only its file's title
        self.preview(
            lambda: labels_pdf(labels_data(database, tags), template, start, language=language),
            self.tr("QR labels for equipment"),
            "uzlimes.pdf",
        )


class CardsForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Member cards"),
            self.tr(
                "Cards with the child's QR code, first name and last initial — nothing more "
                "about the child. Ten to an A4 page, with cutting marks."
            ),
        )
        self.child_list = CheckList()
        self.child_list.setObjectName("cardChildren")
        self.form.addRow(self.tr("Children"), self.child_list)
        self.form.addRow("", _all_none_buttons(self, self.child_list))
        # A card speaks its child's library's language unless one is chosen for them all.
        self.language.insertItem(0, self.tr("Each child's library's language"), "")
        self.language.setCurrentIndex(0)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))
        self.reload()

    def reload(self, ticked: list[int] | None = None) -> None:
        """The children with a card, read on the database worker; `ticked` alone ticked."""
        site_id = self.ctx.site_id
        self.ctx.query(
            self, lambda db, by: list_participants(db, site_id, by=by, limit=100_000)
        ).latest("list").success(lambda children: self._show_children(children, ticked)).run()

    def _show_children(self, children: list[ParticipantRow], ticked: list[int] | None) -> None:
        rows = [(f"{c.last_name} {c.first_name}", c.id) for c in children if c.card_code]
        self.child_list.fill(rows, set(ticked) if ticked else None)

    def run(self) -> None:
        from db.printing import cards_data
        from desktop.documents.cards import member_cards_pdf

        ids = [int(str(key)) for key in self.child_list.ticked()]
        if not ids:
            self.say(self.tr("Tick at least one child."), problem=True)
            return
        language = self.document_language() or None
        database, by = self.ctx.database, self.ctx.staff_id
        self.preview(
            lambda: member_cards_pdf(cards_data(database, ids, by=by), language),
            self.tr("Member cards"),
            "kartes.pdf",
        )


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
        self.first = _date_edit(date(2018, 4, 1))
        self.last = _date_edit(local(now_utc()).date())
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
        suggested = f"{kind}-{_day(self.first)}-{_day(self.last)}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested)
        if path:
            self.export_to(Path(path if path.endswith(suffix) else path + suffix))

    def export_to(self, path: Path) -> None:
        from db import exports
        from desktop.documents.exports import write_export

        kind, database = str(self.kind.currentData()), self.ctx.database
        first, last = _day(self.first), _day(self.last)
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

"""The Sessions page's month list: what took place and how many came, and the buttons that
plan and settle sessions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.database import Database
from db.errors import DomainError
from db.models import SessionStatus
from db.programs import (
    SessionRow,
    list_programs,
    session_row,
    sessions_in_month,
    set_session_status,
)
from desktop.code_words import session_status_words
from desktop.context import AppContext
from desktop.dialogs.session_dialogs import (
    NewSessionDialog,
    WeeklySeriesDialog,
    day_text,
    plan_new_program,
    time_span,
)
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.pages.session_words import (
    CANCELLED_COLOUR,
    HELD_COLOUR,
    INFO_STYLE,
    cell,
)
from desktop.widgets import ERROR_STYLE


class MonthView(QWidget):
    """The sessions of one month, with the buttons that plan and settle them."""

    COLUMNS = ("date", "time", "program", "theme", "place", "status", "checked_in", "anonymous")

    # The librarian opens a session's attendance sheet (its id).
    opened = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        today = date.today()
        self.year, self.month = today.year, today.month
        self.rows: list[SessionRow] = []

        self.previous_button = QPushButton(self.tr("◀ Previous month"))
        self.previous_button.setObjectName("previousMonth")
        self.previous_button.setToolTip(self.tr("Page Up"))
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setMinimumWidth(220)
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.month_label.setFont(font)
        self.next_button = QPushButton(self.tr("Next month ▶"))
        self.next_button.setObjectName("nextMonth")
        self.next_button.setToolTip(self.tr("Page Down"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.this_month_button = QPushButton(self.tr("This month"))
        self.this_month_button.setObjectName("thisMonth")
        self.this_month_button.clicked.connect(
            lambda: self.show_month(date.today().year, date.today().month)
        )

        self.new_button = QPushButton(self.tr("New session…"))
        self.new_button.setObjectName("newSession")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.new_button.clicked.connect(self.new_session)
        self.series_button = QPushButton(self.tr("Weekly series…"))
        self.series_button.setObjectName("weeklySeries")
        self.series_button.clicked.connect(self.new_series)

        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.month_label)
        top.addWidget(self.next_button)
        top.addWidget(self.this_month_button)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.series_button)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("sessionTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Program"),
                self.tr("Theme"),
                self.tr("Place"),
                self.tr("Status"),
                self.tr("Checked in"),
                self.tr("Not registered"),
            ]
        )
        anonymous = QTableWidgetItem(self.tr("Not registered"))
        anonymous.setToolTip(self.tr("Visitors counted at the session but not registered by name"))
        self.table.setHorizontalHeaderItem(self.COLUMNS.index("anonymous"), anonymous)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())

        # Where the table would be: what to do next, centred, with the button that does it.
        self.empty_label = QLabel()
        self.empty_label.setObjectName("noSessions")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #616161; font-size: 12pt;")
        self.empty_action = QPushButton()
        self.empty_action.setObjectName("emptyAction")
        self.empty_action.clicked.connect(self._next_step)
        self.empty_state = QWidget()
        self.empty_state.setObjectName("emptyState")
        empty_layout = QVBoxLayout(self.empty_state)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addSpacing(8)
        empty_layout.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.has_programs = True

        self.open_button = QPushButton(self.tr("Open attendance"))
        self.open_button.setObjectName("openSession")
        self.open_button.setToolTip(self.tr("Enter, or double-click the session"))
        self.open_button.clicked.connect(self.open_selected)
        self.held_button = QPushButton(self.tr("Mark held"))
        self.held_button.setObjectName("markHeld")
        self.held_button.clicked.connect(self.mark_held)
        self.cancel_button = QPushButton(self.tr("Cancel session…"))
        self.cancel_button.setObjectName("cancelSession")
        self.cancel_button.setToolTip(self.tr("Mark that the session did not occur"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.planned_button = QPushButton(self.tr("Back to planned"))
        self.planned_button.setObjectName("backToPlanned")
        self.planned_button.setToolTip(self.tr("Undo “held” or “did not occur”"))
        self.planned_button.clicked.connect(self.mark_planned)

        self.signin_button = QPushButton(self.tr("Sign-in sheet…"))
        self.signin_button.setObjectName("signinSheet")
        self.signin_button.clicked.connect(self.print_signin_sheet)

        self.message = QLabel()
        self.message.setObjectName("sessionsMessage")
        self.message.setWordWrap(True)

        self.session_buttons = QWidget()  # nothing to act on in an empty month: hidden
        bottom = QHBoxLayout(self.session_buttons)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.held_button)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.planned_button)
        bottom.addWidget(self.signin_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state, 1)
        under = QHBoxLayout()
        under.addWidget(self.session_buttons)
        under.addSpacing(12)
        under.addWidget(self.message, 1)
        layout.addLayout(under)

        for keys, action in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step_month(-1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step_month(1)),
            (QKeySequence.StandardKey.New, self.new_session),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.table.installEventFilter(self)

        # Until the month's rows arrive: neither an empty month's words nor buttons for none.
        self.empty_state.hide()
        self.session_buttons.hide()
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the list opens the session, as a double-click does.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # The month shown

    def month_title(self) -> str:
        locale = QLocale()
        name = locale.standaloneMonthName(self.month)
        # Translators may reorder: Latvian "%2. gada %1" gives "2018. gada oktobris".
        text = self.tr("%1 %2", "month name and year")
        text = fill(text, name, str(self.year))
        return text[:1].upper() + text[1:]

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.message.clear()
        self.reload()

    def step_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.show_month(index // 12, index % 12 + 1)

    def reload(self, *, select: int | None = None) -> None:
        """Read the month on the database worker; a burst of changes shows only the newest.

        `select` is the session to select when the rows arrive (one just scheduled)."""
        self.month_label.setText(self.month_title())
        year, month, site_id = self.year, self.month, self.ctx.site_id

        def read(db: Database, _by: int | None) -> tuple[list[SessionRow], bool]:
            rows = sessions_in_month(db, year, month, site_id)
            # An empty month says where to begin: with a program first if there is none.
            return rows, bool(rows) or bool(list_programs(db, site_id))

        self.ctx.query(self, read).latest("month").success(
            lambda found: self._show_rows(*found, select=select)
        ).run()

    def _show_rows(self, rows: list[SessionRow], has_programs: bool, *, select: int | None) -> None:
        selected = self.selected()
        keep = select if select is not None else selected.id if selected is not None else None
        self.rows = rows
        self.has_programs = has_programs
        today = date.today()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = [
                cell(day_text(row.day)),
                cell(time_span(row.starts_at, row.ends_at)),
                cell(row.program),
                cell(row.theme),
                cell(row.place),
                cell(session_status_words(row.status)),
                cell(str(row.checked_in), align_right=True),
                cell(str(row.anonymous_headcount), align_right=True),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, row.id)
            if row.theme:
                cells[3].setToolTip(row.theme)
            if row.leader:
                cells[2].setToolTip(fill(self.tr("Led by %1"), row.leader))
            if row.status is SessionStatus.CANCELLED:
                for item in cells:
                    item.setForeground(QBrush(CANCELLED_COLOUR))
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
            elif row.status is SessionStatus.HELD:
                cells[5].setForeground(QBrush(HELD_COLOUR))
            if row.day == today:
                for item in cells:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            for column, item in enumerate(cells):
                self.table.setItem(index, column, item)
        self.table.setVisible(bool(self.rows))
        self.session_buttons.setVisible(bool(self.rows))
        self.empty_state.setVisible(not self.rows)
        if not self.rows:
            self._show_next_step()
        if keep is not None:
            self.select(keep)
        self._update_buttons()

    def _show_next_step(self) -> None:
        """An empty month says what to do; a site without programs, where to begin."""
        if self.has_programs:
            self.empty_label.setText(self.tr("No sessions are scheduled in this month."))
            self.empty_action.setText(self.tr("Schedule sessions…"))
        else:
            self.empty_label.setText(
                self.tr(
                    "There are no programs yet. Create the first program and schedule its"
                    " sessions: then the desk picks the session running now."
                )
            )
            self.empty_action.setText(self.tr("Create the first program…"))

    def _next_step(self) -> None:
        if self.has_programs:
            self.new_series()
        else:
            plan_new_program(self.ctx, self, self._scheduled)

    # Selection

    def selected(self) -> SessionRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select(self, session_id: int) -> bool:
        for index, row in enumerate(self.rows):
            if row.id == session_id:
                self.table.selectRow(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.held_button.setEnabled(row is not None and row.status is SessionStatus.PLANNED)
        self.cancel_button.setEnabled(row is not None and row.status is SessionStatus.PLANNED)
        self.planned_button.setEnabled(row is not None and row.status is not SessionStatus.PLANNED)
        self.signin_button.setEnabled(row is not None)

    # Actions

    def print_signin_sheet(self) -> None:
        from desktop.pages.report_signin import preview_signin_sheet

        row = self.selected()
        if row is not None:
            preview_signin_sheet(self, self.ctx, row.id)

    def _default_day(self) -> date:
        today = date.today()
        if (today.year, today.month) == (self.year, self.month):
            return today
        return date(self.year, self.month, 1)

    def new_session(self) -> None:
        dialog = NewSessionDialog(self.ctx, self, self._default_day())
        dialog.finished.connect(lambda _result: self._scheduled(dialog))
        dialog.open()

    def new_series(self) -> None:
        dialog = WeeklySeriesDialog(self.ctx, self, self._default_day())
        dialog.finished.connect(lambda _result: self._scheduled(dialog))
        dialog.open()

    def _scheduled(self, dialog: NewSessionDialog | WeeklySeriesDialog) -> None:
        ids = dialog.created_ids
        dialog.deleteLater()
        if not ids:
            if dialog.result() == NewSessionDialog.DialogCode.Accepted:
                self.say(self.tr("Every date of the series already had a session."))
            return
        self.ctx.query(self, lambda db, _by: session_row(db, ids[0])).success(
            lambda first: self._show_scheduled(first, len(ids))
        ).failure(self._refused).run()

    def _show_scheduled(self, first: SessionRow, count: int) -> None:
        """The list moves to the first new session's month and selects it."""
        self.year, self.month = first.day.year, first.day.month
        self.reload(select=first.id)
        if count == 1:
            self.say(fill(self.tr("Scheduled the session of %1."), day_text(first.day)))
        else:
            self.say(fill(self.tr("Scheduled %1 sessions."), str(count)))

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.opened.emit(row.id)

    def mark_held(self) -> None:
        row = self.selected()
        if row is not None:
            self._set_status(row, SessionStatus.HELD)

    def mark_planned(self) -> None:
        row = self.selected()
        if row is not None:
            self._set_status(row, SessionStatus.PLANNED)

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr(
            "Mark the session of %1 (%2) as “did not occur”? "
            "Attendance already taken stays in the records."
        )
        question = fill(question, day_text(row.day), row.program)
        answer = QMessageBox.question(
            self,
            self.tr("Cancel session"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._set_status(row, SessionStatus.CANCELLED)

    def _set_status(self, row: SessionRow, status: SessionStatus) -> None:
        self.ctx.operation(
            self, lambda db, by: set_session_status(db, row.id, status, by=by)
        ).failure(self._refused).run()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error), error=True)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)

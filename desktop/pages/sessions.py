"""Sessions: the month's schedule, planning sessions, and correcting a session's attendance.

The month list shows what took place and how many came; opening a session shows its
attendance sheet, where a librarian corrects statuses, adds a child who was not checked
in, and sets the count of visitors who were not registered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.areas import Area
from db.attendance import RosterRow, mark_attendance, session_roster
from db.errors import DomainError
from db.models import AttendanceStatus, SessionStatus
from db.people import search_participants
from db.programs import (
    SessionRow,
    list_programs,
    session_row,
    sessions_in_month,
    set_anonymous_headcount,
    set_session_status,
)
from desktop.code_words import attendance_words, check_in_words, session_status_words
from desktop.context import AppContext
from desktop.dialogs.session_dialogs import (
    NewSessionDialog,
    WeeklySeriesDialog,
    day_text,
    plan_new_program,
    time_span,
    to_qdate,
)
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.widgets import ERROR_STYLE, page_title

INFO_STYLE = "color: #1b5e20;"
HELD_COLOUR = QColor("#2e7d32")
CANCELLED_COLOUR = QColor("#8a8a8a")
# The headcount is saved once the librarian stops clicking the arrows for a moment.
HEADCOUNT_SAVE_DELAY_MS = 700


def _cell(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MonthView(QWidget):
    """The sessions of one month, with the buttons that plan and settle them."""

    COLUMNS = ("date", "time", "program", "theme", "place", "status", "checked_in", "anonymous")

    def __init__(self, page: SessionsPage) -> None:
        super().__init__()
        self.page = page
        self.ctx = page.ctx
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

    def reload(self) -> None:
        """Read the month again (a few rows: fast enough on the UI thread)."""
        keep = self.selected()
        self.month_label.setText(self.month_title())
        self.rows = sessions_in_month(self.ctx.database, self.year, self.month, self.ctx.site_id)
        today = date.today()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = [
                _cell(day_text(row.day)),
                _cell(time_span(row.starts_at, row.ends_at)),
                _cell(row.program),
                _cell(row.theme),
                _cell(row.place),
                _cell(session_status_words(row.status)),
                _cell(str(row.checked_in), align_right=True),
                _cell(str(row.anonymous_headcount), align_right=True),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, row.id)
            if row.theme:
                cells[3].setToolTip(row.theme)
            if row.leader:
                cells[2].setToolTip(fill(self.tr("Led by %1"), row.leader))
            if row.status is SessionStatus.CANCELLED:
                for cell in cells:
                    cell.setForeground(QBrush(CANCELLED_COLOUR))
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
            elif row.status is SessionStatus.HELD:
                cells[5].setForeground(QBrush(HELD_COLOUR))
            if row.day == today:
                for cell in cells:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, cell)
        self.table.setVisible(bool(self.rows))
        self.session_buttons.setVisible(bool(self.rows))
        self.empty_state.setVisible(not self.rows)
        if not self.rows:
            self._show_next_step()
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def _show_next_step(self) -> None:
        """An empty month says what to do; a site without programs, where to begin."""
        self.has_programs = bool(list_programs(self.ctx.database, self.ctx.site_id))
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
        from desktop.pages.reports import preview_signin_sheet

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
        first = session_row(self.ctx.database, ids[0])
        self.show_month(first.day.year, first.day.month)
        self.select(first.id)
        if len(ids) == 1:
            self.say(fill(self.tr("Scheduled the session of %1."), day_text(first.day)))
        else:
            self.say(fill(self.tr("Scheduled %1 sessions."), str(len(ids))))

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.page.open_session(row.id)

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
        database, by = self.ctx.database, self.ctx.staff_id
        Operation(self, lambda: set_session_status(database, row.id, status, by=by)).failure(
            self._refused
        ).run()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error), error=True)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)


class AttendanceView(QWidget):
    """One session's attendance sheet, for corrections after the session."""

    NAME_COLUMN, STATUS_COLUMN, HOW_COLUMN = 0, 1, 2
    CHOICES = (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.ABSENT,
    )

    def __init__(self, page: SessionsPage) -> None:
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.session: SessionRow | None = None
        self.roster: list[RosterRow] = []
        self._saved_headcount = 0

        self.back_button = QPushButton(self.tr("◀ Back to the month"))
        self.back_button.setObjectName("backToMonth")
        self.back_button.setToolTip(self.tr("Esc"))
        self.back_button.clicked.connect(page.show_month_view)
        self.heading = QLabel()
        self.heading.setObjectName("sessionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("sessionDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setObjectName("sessionNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(ERROR_STYLE)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("rosterTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Child"), self.tr("Attendance"), self.tr("Recorded")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.STATUS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.HOW_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.empty_label = QLabel(
            self.tr("Nobody is recorded for this session yet. Add the children who came.")
        )
        self.empty_label.setObjectName("emptyRoster")
        self.empty_label.setStyleSheet("color: #616161;")
        self.empty_label.setWordWrap(True)

        # Adding a child who came but was not checked in at the desk.
        self.search = QLineEdit()
        self.search.setObjectName("addChildSearch")
        self.search.setPlaceholderText(self.tr("Type a few letters of a name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.find_children)
        self.search.returnPressed.connect(self.add_chosen_child)
        self.results = QListWidget()
        self.results.setObjectName("addChildResults")
        self.results.itemDoubleClicked.connect(lambda _item: self.add_chosen_child())
        self.results.currentRowChanged.connect(lambda _row: self._update_add_button())
        self.add_button = QPushButton(self.tr("Add as present"))
        self.add_button.setObjectName("addChildButton")
        self.add_button.clicked.connect(self.add_chosen_child)
        add_box = QGroupBox(self.tr("Add a child who came"))
        add_layout = QVBoxLayout(add_box)
        add_layout.addWidget(self.search)
        add_layout.addWidget(self.results, 1)
        add_layout.addWidget(self.add_button)

        # Visitors counted but not registered by name.
        self.headcount = QSpinBox()
        self.headcount.setObjectName("headcountSpin")
        self.headcount.setRange(0, 999)
        self.headcount.setMinimumWidth(90)
        self.headcount.setMaximumWidth(140)
        self.headcount.valueChanged.connect(self._headcount_changed)
        self.headcount.editingFinished.connect(self.save_headcount)
        self._headcount_timer = QTimer(self)
        self._headcount_timer.setSingleShot(True)
        self._headcount_timer.setInterval(HEADCOUNT_SAVE_DELAY_MS)
        self._headcount_timer.timeout.connect(self.save_headcount)
        headcount_box = QGroupBox(self.tr("Visitors not registered by name"))
        headcount_layout = QVBoxLayout(headcount_box)
        headcount_hint = QLabel(self.tr("Saved as you change it."))
        headcount_hint.setStyleSheet("color: #616161;")
        headcount_layout.addWidget(self.headcount)
        headcount_layout.addWidget(headcount_hint)

        self.message = QLabel()
        self.message.setObjectName("attendanceMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.heading, 1)

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_label)
        left.addWidget(self.summary)
        right = QVBoxLayout()
        right.addWidget(add_box, 1)
        right.addWidget(headcount_box)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.note)
        layout.addWidget(line)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(page.show_month_view)

    # Showing a session

    def show_session(self, session_id: int) -> None:
        self.save_headcount()  # a change still waiting for the timer belongs to the old one
        self.session = None
        self.message.clear()
        self.search.clear()
        self.reload(session_id)

    def reload(self, session_id: int | None = None) -> None:
        if session_id is None:
            if self.session is None:
                return
            session_id = self.session.id
        try:
            self.session = session_row(self.ctx.database, session_id)
        except DomainError:  # removed meanwhile on another laptop
            self.page.show_month_view()
            return
        row = self.session
        locale = QLocale()
        day = locale.toString(to_qdate(row.day), QLocale.FormatType.LongFormat)
        self.heading.setText(fill(self.tr("%1, %2"), day, time_span(row.starts_at, row.ends_at)))
        parts = [row.program]
        if row.theme:
            parts.append(fill(self.tr("“%1”"), row.theme))
        if row.place:
            parts.append(row.place)
        parts.append(session_status_words(row.status))
        if row.leader:
            parts.append(fill(self.tr("led by %1"), row.leader))
        self.details.setText(" · ".join(parts))
        cancelled = row.status is SessionStatus.CANCELLED
        self.note.setText(
            self.tr(
                "This session did not occur, so its attendance cannot be changed. "
                "Use “Back to planned” in the month list if it took place after all."
            )
            if cancelled
            else ""
        )
        self.note.setVisible(cancelled)
        if not self.headcount.hasFocus() and not self._headcount_timer.isActive():
            self.headcount.blockSignals(True)
            self.headcount.setValue(row.anonymous_headcount)
            self.headcount.blockSignals(False)
            self._saved_headcount = row.anonymous_headcount
        self.headcount.setEnabled(not cancelled)
        self.search.setEnabled(not cancelled)
        self.results.setEnabled(not cancelled)
        self._fill_roster(
            session_roster(self.ctx.database, row.id, by=self.ctx.staff_id), editable=not cancelled
        )
        self._update_add_button()

    def _fill_roster(self, roster: list[RosterRow], *, editable: bool) -> None:
        self.roster = roster
        self.table.setRowCount(len(roster))
        for index, child in enumerate(roster):
            name = _cell(child.full_name)
            name.setData(Qt.ItemDataRole.UserRole, child.participant_id)
            if child.enrolled:
                name.setToolTip(self.tr("Enrolled in this training cycle"))
            self.table.setItem(index, self.NAME_COLUMN, name)
            self.table.setItem(index, self.HOW_COLUMN, _cell(check_in_words(child.method)))
            self.table.setCellWidget(
                index, self.STATUS_COLUMN, self._status_choice(child, editable)
            )
        counts = {status: 0 for status in self.CHOICES}
        unmarked = 0
        for child in roster:
            if child.status is None:
                unmarked += 1
            else:
                counts[child.status] += 1
        summary = self.tr("Present %1 · late %2 · excused %3 · absent %4")
        for number, status in enumerate(self.CHOICES, start=1):
            summary = summary.replace(f"%{number}", str(counts[status]))
        if unmarked:
            summary += " · " + fill(self.tr("not marked %1"), str(unmarked))
        self.summary.setText(summary)
        self.table.setVisible(bool(roster))
        self.empty_label.setVisible(not roster)

    def _status_choice(self, child: RosterRow, editable: bool) -> QComboBox:
        choice = QComboBox()
        choice.setObjectName(f"attendance_{child.participant_id}")
        if child.status is None:
            choice.addItem(self.tr("— not marked —"), "")
        for status in self.CHOICES:
            choice.addItem(attendance_words(status), status.value)
        choice.setCurrentIndex(0 if child.status is None else choice.findData(child.status.value))
        choice.setEnabled(editable)
        choice.currentIndexChanged.connect(
            lambda _index, c=choice, p=child.participant_id: self._status_chosen(p, c)
        )
        return choice

    def status_choice(self, participant_id: int) -> QComboBox | None:
        """The attendance choice on a child's row (None when they are not on the sheet)."""
        for index, child in enumerate(self.roster):
            if child.participant_id == participant_id:
                widget = self.table.cellWidget(index, self.STATUS_COLUMN)
                return widget if isinstance(widget, QComboBox) else None
        return None

    # Corrections

    def _status_chosen(self, participant_id: int, choice: QComboBox) -> None:
        value = choice.currentData()
        if not value or self.session is None:
            return
        self.mark(participant_id, AttendanceStatus(value))

    def mark(self, participant_id: int, status: AttendanceStatus) -> None:
        assert self.session is not None
        database, session_id, by = self.ctx.database, self.session.id, self.ctx.staff_id
        name = next((c.full_name for c in self.roster if c.participant_id == participant_id), "")
        Operation(
            self, lambda: mark_attendance(database, session_id, participant_id, status, by=by)
        ).success(lambda _id: self._marked(name, status)).failure(self._refused).run()

    def _marked(self, name: str, status: AttendanceStatus) -> None:
        self.say(fill(self.tr("%1: %2, saved."), name, attendance_words(status)))

    def find_children(self, typed: str) -> None:
        self.results.clear()
        if self.session is not None and typed.strip():
            recorded = {c.participant_id for c in self.roster if c.status is not None}
            found = search_participants(
                self.ctx.database, typed, site_id=self.ctx.site_id, by=self.ctx.staff_id
            )
            for child in found:
                label = child.full_name
                if child.birth_year:
                    label = fill(self.tr("%1 (born %2)"), label, str(child.birth_year))
                if child.id in recorded:
                    label = fill(self.tr("%1 — already on the list"), label)
                item = QListWidgetItem(label)
                if child.id in recorded:
                    item.setForeground(QBrush(CANCELLED_COLOUR))
                item.setData(Qt.ItemDataRole.UserRole, child.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, child.full_name)
                self.results.addItem(item)
            if self.results.count():
                self.results.setCurrentRow(0)
        self._update_add_button()

    def _update_add_button(self) -> None:
        cancelled = self.session is None or self.session.status is SessionStatus.CANCELLED
        self.add_button.setEnabled(not cancelled and self.results.currentItem() is not None)

    def add_chosen_child(self) -> None:
        item = self.results.currentItem()
        if item is None or not self.add_button.isEnabled():
            return
        participant_id = int(item.data(Qt.ItemDataRole.UserRole))
        name = str(item.data(Qt.ItemDataRole.UserRole + 1))
        for index, child in enumerate(self.roster):
            if child.participant_id == participant_id and child.status is not None:
                # Already on the sheet: their row is where to change the status.
                self.table.selectRow(index)
                self.say(fill(self.tr("%1 is already on the list."), name))
                return
        assert self.session is not None
        database, session_id, by = self.ctx.database, self.session.id, self.ctx.staff_id
        Operation(
            self,
            lambda: mark_attendance(
                database, session_id, participant_id, AttendanceStatus.PRESENT, by=by
            ),
        ).success(lambda _id: self._added(name)).failure(self._refused).run()

    def _added(self, name: str) -> None:
        self.search.clear()
        self.say(fill(self.tr("%1 was added as present."), name))
        self.search.setFocus()

    def _headcount_changed(self, _value: int) -> None:
        self._headcount_timer.start()

    def save_headcount(self) -> None:
        self._headcount_timer.stop()
        value = self.headcount.value()
        if self.session is None or value == self._saved_headcount:
            return
        self._saved_headcount = value
        database, session_id, by = self.ctx.database, self.session.id, self.ctx.staff_id
        Operation(
            self, lambda: set_anonymous_headcount(database, session_id, value, by=by)
        ).failure(self._refused).run()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error), error=True)
        self.reload()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)


class SessionsPage(QWidget):
    """The Sessions page: a month's schedule, or one session's attendance sheet."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("sessionsPage")

        self.month_view = MonthView(self)
        self.attendance_view = AttendanceView(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_view)
        self.stack.addWidget(self.attendance_view)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Sessions")))
        layout.addWidget(self.stack, 1)

        ctx.changed.connect(self._records_changed)

    def open_session(self, session_id: int) -> None:
        self.attendance_view.show_session(session_id)
        self.stack.setCurrentWidget(self.attendance_view)
        self.attendance_view.search.setFocus()

    def show_month_view(self) -> None:
        self.attendance_view.save_headcount()
        session = self.attendance_view.session
        self.stack.setCurrentWidget(self.month_view)
        if session is not None:
            self.month_view.select(session.id)
        self.month_view.table.setFocus()

    def take_focus(self) -> None:
        """Called by the main window when the page is shown."""
        if self.stack.currentWidget() is self.attendance_view:
            self.attendance_view.search.setFocus()
        else:
            self.month_view.table.setFocus()

    def _records_changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if areas & {Area.SESSIONS, Area.ATTENDANCE}:
            self.month_view.reload()
        if areas & {Area.SESSIONS, Area.ATTENDANCE, Area.PARTICIPANTS}:
            self.attendance_view.reload()

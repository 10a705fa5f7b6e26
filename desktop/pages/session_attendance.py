"""The Sessions page's attendance sheet of one session: a librarian corrects statuses, adds a
child who was not checked in, and sets the count of visitors who were not registered."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
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
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from db.attendance import RosterRow, mark_attendance, session_roster
from db.database import Database
from db.errors import DomainError
from db.models import AttendanceStatus, SessionStatus
from db.programs import SessionRow, session_row, set_anonymous_headcount
from db.search import FoundParticipant, search_participants
from desktop.code_words import attendance_words, check_in_words, session_status_words
from desktop.context import AppContext
from desktop.dialogs.session_dialogs import time_span, to_qdate
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.pages.session_words import (
    CANCELLED_COLOUR,
    INFO_STYLE,
    cell,
)
from desktop.widgets import ERROR_STYLE

# The headcount is saved once the librarian stops clicking the arrows for a moment.
HEADCOUNT_SAVE_DELAY_MS = 700


class AttendanceView(QWidget):
    """One session's attendance sheet, for corrections after the session."""

    NAME_COLUMN, STATUS_COLUMN, HOW_COLUMN = 0, 1, 2
    CHOICES = (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.ABSENT,
    )

    # Back to the month (the button, Esc, or the session removed on another laptop).
    back = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session: SessionRow | None = None
        self.roster: list[RosterRow] = []
        self._saved_headcount = 0

        self.back_button = QPushButton(self.tr("◀ Back to the month"))
        self.back_button.setObjectName("backToMonth")
        self.back_button.setToolTip(self.tr("Esc"))
        self.back_button.clicked.connect(self.back)
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

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    # Showing a session

    def show_session(self, session_id: int) -> None:
        self.save_headcount()  # a change still waiting for the timer belongs to the old one
        self.session = None
        self.message.clear()
        self.search.clear()
        # Nothing of the session shown before stays on screen while this one is read.
        self.heading.clear()
        self.details.clear()
        self.note.hide()
        self.summary.clear()
        self.roster = []
        self.table.setRowCount(0)
        self.table.hide()
        self.empty_label.hide()
        self.reload(session_id)

    def reload(self, session_id: int | None = None) -> None:
        """Read the session and its sheet on the database worker; the newest read is shown."""
        if session_id is None:
            if self.session is None:
                return
            session_id = self.session.id
        wanted = session_id

        def read(db: Database, by: int | None) -> tuple[SessionRow, list[RosterRow]]:
            return session_row(db, wanted), session_roster(db, wanted, by=by)

        self.ctx.query(self, read).latest("session").success(
            lambda found: self._show_session(*found)
        ).failure(self._gone).run()

    def _gone(self, _error: BaseException, _details: str) -> None:
        """Removed meanwhile on another laptop: back to the month, which no longer lists it."""
        self.back.emit()

    def _show_session(self, row: SessionRow, roster: list[RosterRow]) -> None:
        self.session = row
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
        self._fill_roster(roster, editable=not cancelled)
        self._update_add_button()

    def _fill_roster(self, roster: list[RosterRow], *, editable: bool) -> None:
        self.roster = roster
        self.table.setRowCount(len(roster))
        for index, child in enumerate(roster):
            name = cell(child.full_name)
            name.setData(Qt.ItemDataRole.UserRole, child.participant_id)
            if child.enrolled:
                name.setToolTip(self.tr("Enrolled in this training cycle"))
            self.table.setItem(index, self.NAME_COLUMN, name)
            self.table.setItem(index, self.HOW_COLUMN, cell(check_in_words(child.method)))
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
        session_id = self.session.id
        name = next((c.full_name for c in self.roster if c.participant_id == participant_id), "")
        self.ctx.operation(
            self, lambda db, by: mark_attendance(db, session_id, participant_id, status, by=by)
        ).success(lambda _id: self._marked(name, status)).failure(self._refused).run()

    def _marked(self, name: str, status: AttendanceStatus) -> None:
        self.say(fill(self.tr("%1: %2, saved."), name, attendance_words(status)))

    def find_children(self, typed: str) -> None:
        """Search as the librarian types, on the database worker: only the newest is shown
        (an emptied field too, so a slow answer for "Jā" does not fill it afterwards)."""
        searching = self.session is not None and bool(typed.strip())
        site_id = self.ctx.site_id
        self.ctx.query(
            self,
            lambda db, by: (
                search_participants(db, typed, site_id=site_id, by=by) if searching else []
            ),
        ).latest("search").success(self._show_found).run()

    def _show_found(self, found: list[FoundParticipant]) -> None:
        self.results.clear()
        if self.session is not None:
            recorded = {c.participant_id for c in self.roster if c.status is not None}
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
        session_id = self.session.id
        self.ctx.operation(
            self,
            lambda db, by: mark_attendance(
                db, session_id, participant_id, AttendanceStatus.PRESENT, by=by
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
        session_id = self.session.id
        self.ctx.operation(
            self, lambda db, by: set_anonymous_headcount(db, session_id, value, by=by)
        ).failure(self._refused).run()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error), error=True)
        self.reload()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)

"""Scheduling sessions: one session, or a weekly series with a theme for each date; a new
program, then its sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from db import dates
from db.accounts import list_staff
from db.database import Database
from db.errors import DomainError
from db.models import ProgramKind, Role
from db.programs import (
    ProgramRow,
    SessionPlan,
    create_program,
    create_session,
    create_weekly_series,
    list_programs,
    sessions_between,
)
from desktop.context import AppContext
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.widgets import date_edit, from_qdate, ok_cancel, problem_line
from desktop.widgets import to_qdate as to_qdate  # re-exported: the Sessions page takes it here

# The Friday open sessions run 16:00–17:00: the most common choice is the default.
DEFAULT_START = time(16)
DEFAULT_END = time(17)
# A series longer than this is refused by the records core anyway; the table stops here.
MAX_SERIES_ROWS = 5 * 53
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def day_text(day: date) -> str:
    """A date with its weekday in the user's language, e.g. "05.10.2018 (piektdiena)"."""
    weekday = QLocale().dayName(to_qdate(day).dayOfWeek())
    return f"{dates.day_text(day)} ({weekday})"


def time_span(starts_at: time, ends_at: time) -> str:
    return dates.time_span_text(starts_at, ends_at)


def _time_edit(value: time, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    return edit


def _clock(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class _ScheduleDialog(QDialog):
    """What both dialogs share: program, times, place, leading librarian, and the save path."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_ids: list[int] = []

        self.program = QComboBox()
        self.program.setObjectName("programChoice")
        # A program asked for before the list arrived (the one just created) is chosen then.
        self._wanted_program: int | None = None

        self.starts_at = _time_edit(DEFAULT_START, "startTime")
        self.ends_at = _time_edit(DEFAULT_END, "endTime")

        self.place = QLineEdit()
        self.place.setObjectName("placeInput")
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(
            QCoreApplication.translate("_ScheduleDialog", "e.g. children's reading room")
        )

        self.leader = QComboBox()
        self.leader.setObjectName("leaderChoice")
        self.leader.addItem(QCoreApplication.translate("_ScheduleDialog", "(nobody chosen)"), 0)

        self.message = problem_line()
        self.buttons, self.save_button = ok_cancel(
            self, "scheduleButton", QCoreApplication.translate("_ScheduleDialog", "Schedule")
        )
        # Nothing to schedule until the site's programs and the librarians are read.
        self.loaded = False
        self.save_button.setEnabled(False)
        site_id = ctx.site_id
        ctx.query(self, lambda db, by: (list_programs(db, site_id), list_staff(db), by)).success(
            self._show_choices
        ).run()

    def choose_program(self, program_id: int) -> None:
        """Offer this program, now or once the programs are read."""
        if self.loaded:
            self.program.setCurrentIndex(max(0, self.program.findData(program_id)))
        else:
            self._wanted_program = program_id

    def _show_choices(
        self, read: tuple[list[ProgramRow], list[tuple[int, str, str, Role]], int | None]
    ) -> None:
        programs, staff, by = read
        for program in programs:
            self.program.addItem(program.name, program.id)
            self.program.setItemData(self.program.count() - 1, program.kind.value, KIND_ROLE)
        for staff_id, _username, display_name, _role in staff:
            self.leader.addItem(display_name, staff_id)
        # The librarian who opened the dialog leads by default.
        self.leader.setCurrentIndex(max(0, self.leader.findData(by or 0)))
        self.loaded = True
        self._offer_first_program()
        if self._wanted_program is not None:
            self.choose_program(self._wanted_program)
        if self.program.count() == 0:
            self._show_message(
                QCoreApplication.translate(
                    "_ScheduleDialog",
                    "This site has no programs yet, so there is nothing to schedule.",
                )
            )
        else:
            self.save_button.setEnabled(True)

    def _offer_first_program(self) -> None:
        """Which program is offered first when none was asked for: the first of the list."""

    def _program_id(self) -> int | None:
        value = self.program.currentData()
        return int(value) if value else None

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _times_make_sense(self) -> bool:
        if _clock(self.ends_at) <= _clock(self.starts_at):
            self._show_message(
                QCoreApplication.translate(
                    "_ScheduleDialog", "The session must end after it starts."
                )
            )
            self.ends_at.setFocus()
            return False
        return True

    def _save(self, work: Operation[list[int]]) -> None:
        """Run the scheduling off the UI thread; close only when it is in the records."""
        self.save_button.setEnabled(False)
        self._show_message("")
        work.success(self._saved).failure(self._refused).finally_(
            lambda: self.save_button.setEnabled(True)
        ).run()

    def _saved(self, ids: list[int]) -> None:
        self.created_ids = ids
        super().accept()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self._show_message(translate_error(error))


class NewSessionDialog(_ScheduleDialog):
    """Schedule one session: a camp day, a seminar, a meeting of the training cycle."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, day: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle(self.tr("New session"))

        self.day = date_edit(day or date.today(), "sessionDate")
        self.theme = QLineEdit()
        self.theme.setObjectName("themeInput")
        self.theme.setMaxLength(300)
        self.theme.setPlaceholderText(self.tr("What the session is about"))

        form = QFormLayout()
        form.addRow(self.tr("Program"), self.program)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Starts at"), self.starts_at)
        form.addRow(self.tr("Ends at"), self.ends_at)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Led by"), self.leader)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def plan(self) -> SessionPlan:
        return SessionPlan(
            day=from_qdate(self.day.date()),
            starts_at=_clock(self.starts_at),
            ends_at=_clock(self.ends_at),
            theme=self.theme.text(),
            place=self.place.text(),
            leader_id=self.leader.currentData() or None,
        )

    def accept(self) -> None:
        program_id = self._program_id()
        if program_id is None or not self._times_make_sense():
            return
        plan = self.plan()
        self._save(
            self.ctx.operation(self, lambda db, by: [create_session(db, program_id, plan, by=by)])
        )


class WeeklySeriesDialog(_ScheduleDialog):
    """Schedule the same weekday every week, e.g. the Friday open sessions, each with a theme."""

    DATE_COLUMN, THEME_COLUMN = 0, 1

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, first_day: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("weeklySeriesDialog")
        self.setWindowTitle(self.tr("Weekly series of sessions"))
        # Themes typed so far, kept when the dates change and the table is rebuilt.
        self.themes: dict[date, str] = {}
        self._filling = False

        first = first_day or date.today()
        self.first_day = date_edit(first, "firstDate")
        self.last_day = date_edit(first + timedelta(weeks=7), "lastDate")

        self.summary = QLabel()
        self.summary.setObjectName("seriesSummary")
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, 2)
        self.table.setObjectName("themeTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Theme")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.DATE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.THEME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._theme_typed)

        form = QFormLayout()
        form.addRow(self.tr("Program"), self.program)
        form.addRow(self.tr("First date"), self.first_day)
        form.addRow(self.tr("Last date"), self.last_day)
        form.addRow(self.tr("Starts at"), self.starts_at)
        form.addRow(self.tr("Ends at"), self.ends_at)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Led by"), self.leader)

        hint = QLabel(self.tr("Type each date's theme in the table; a theme may stay empty."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 640)

        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self.fill_dates)
        self.starts_at.timeChanged.connect(self.fill_dates)
        self.program.currentIndexChanged.connect(self.fill_dates)
        self.fill_dates()

    def _offer_first_program(self) -> None:
        """Weekly series are mostly the open Friday sessions: offer that program first."""
        open_program = self.program.findData(ProgramKind.OPEN.value, KIND_ROLE)
        if open_program >= 0:
            self.program.setCurrentIndex(open_program)

    def dates(self) -> list[date]:
        """The dates the series will have: the first date's weekday, every week, to the last."""
        first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
        days: list[date] = []
        day = first
        while day <= last and len(days) < MAX_SERIES_ROWS:
            days.append(day)
            day += timedelta(weeks=1)
        return days

    def fill_dates(self) -> None:
        """Rebuild the table of dates, marking those the program already has a session on
        (read on the worker: the table follows the newest dates chosen)."""
        days = self.dates()
        program_id = self._program_id()
        if not days or program_id is None:
            self._show_dates(days, {})
            return
        starts = _clock(self.starts_at)
        first, last = days[0], days[-1]

        def existing(db: Database, _by: int | None) -> dict[date, str]:
            rows = sessions_between(db, first, last, program_id=program_id)
            return {row.day: row.theme for row in rows if row.starts_at == starts}

        self.ctx.query(self, existing).latest("dates").success(
            lambda found: self._show_dates(days, found)
        ).run()

    def _show_dates(self, days: list[date], existing: dict[date, str]) -> None:
        self._filling = True
        self.table.setRowCount(len(days))
        for index, day in enumerate(days):
            date_item = QTableWidgetItem(day_text(day))
            date_item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            date_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            theme_item = QTableWidgetItem(self.themes.get(day, ""))
            if day in existing:
                # The series leaves existing sessions as they are: show theirs, read-only.
                theme_item.setText(existing[day])
                theme_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                theme_item.setForeground(QBrush(QColor("#757575")))
                note = self.tr("Already scheduled; this date is left as it is.")
                theme_item.setToolTip(note)
                date_item.setToolTip(note)
            self.table.setItem(index, self.DATE_COLUMN, date_item)
            self.table.setItem(index, self.THEME_COLUMN, theme_item)
        self._filling = False
        self._summarize(days, len(existing))

    def _summarize(self, days: list[date], existing: int) -> None:
        if not days:
            self.summary.setText(self.tr("The last date is before the first one."))
            return
        weekday = QLocale().dayName(to_qdate(days[0]).dayOfWeek())
        text = self.tr("Every %1: %2 sessions from %3 to %4.")
        text = fill(text, weekday, str(len(days) - existing), day_text(days[0]), day_text(days[-1]))
        if existing:
            text += " " + self.tr("%1 dates already have a session and are left as they are.")
            text = fill(text, str(existing))
        self.summary.setText(text)

    def _day_of_row(self, row: int) -> date | None:
        item = self.table.item(row, self.DATE_COLUMN)
        return None if item is None else date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))

    def _theme_typed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.THEME_COLUMN:
            return
        day = self._day_of_row(item.row())
        if day is not None:
            self.themes[day] = item.text()

    def set_theme(self, day: date, theme: str) -> None:
        """Fill one date's theme, as typing it into the table does."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.THEME_COLUMN)
            if item is not None and self._day_of_row(row) == day:
                item.setText(theme)
                return
        raise ValueError(f"{day} is not a date of this series")

    def accept(self) -> None:
        program_id = self._program_id()
        if program_id is None or not self._times_make_sense():
            return
        days = set(self.dates())
        themes = {day: theme for day, theme in self.themes.items() if day in days and theme}
        first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
        starts, ends = _clock(self.starts_at), _clock(self.ends_at)
        place, leader = self.place.text(), self.leader.currentData() or None
        self._save(
            self.ctx.operation(
                self,
                lambda db, by: create_weekly_series(
                    db,
                    program_id,
                    first,
                    last,
                    starts,
                    ends,
                    themes=themes,
                    place=place,
                    leader_id=leader,
                    by=by,
                ),
            )
        )


def kind_word(kind: ProgramKind) -> str:
    words = {
        ProgramKind.CLOSED: QCoreApplication.translate("ProgramKind", "Training cycle"),
        ProgramKind.OPEN: QCoreApplication.translate("ProgramKind", "Open sessions"),
        ProgramKind.CAMP: QCoreApplication.translate("ProgramKind", "Camp"),
        ProgramKind.SEMINAR: QCoreApplication.translate("ProgramKind", "Seminar for librarians"),
    }
    return words[kind]


class NewProgramDialog(QDialog):
    """A program of this site (the first one on a new database): its name and kind."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newProgramDialog")
        self.setWindowTitle(self.tr("New program"))
        self.created_id: int | None = None

        self.name = QLineEdit()
        self.name.setObjectName("programName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Nāc, pievienojies!"))
        self.kind = QComboBox()
        self.kind.setObjectName("programKind")
        for kind in (ProgramKind.OPEN, ProgramKind.CLOSED, ProgramKind.CAMP, ProgramKind.SEMINAR):
            self.kind.addItem(kind_word(kind), kind.value)
        hint = QLabel(self.tr("Its sessions are scheduled next."))
        hint.setWordWrap(True)

        self.message = problem_line()
        self.buttons, self.save_button = ok_cancel(self, "createProgramButton", self.tr("Create"))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def chosen_kind(self) -> ProgramKind:
        return ProgramKind(self.kind.currentData())

    def accept(self) -> None:
        site_id = self.ctx.site_id
        name, kind = self.name.text(), self.chosen_kind()
        if site_id is None:  # a database always gets its library with the first admin
            return
        self.save_button.setEnabled(False)
        self.message.hide()
        self.ctx.operation(
            self, lambda db, by: create_program(db, name, kind, site_id, by=by)
        ).success(self._created).failure(self._refused).finally_(
            lambda: self.save_button.setEnabled(True)
        ).run()

    def _created(self, program_id: int) -> None:
        self.created_id = program_id
        super().accept()

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.message.setText(translate_error(error))
        self.message.show()
        self.name.setFocus()


ScheduleDialog = NewSessionDialog | WeeklySeriesDialog


def plan_new_program(
    ctx: AppContext, parent: QWidget, scheduled: Callable[[ScheduleDialog], None]
) -> NewProgramDialog:
    """Create a program, then schedule its sessions: a weekly series for open sessions and a
    training cycle, one session for a camp day or a seminar. `scheduled` gets that dialog."""
    dialog = NewProgramDialog(ctx, parent)

    def created(_result: int) -> None:
        dialog.deleteLater()
        if dialog.created_id is None:
            return
        follow: ScheduleDialog
        if dialog.chosen_kind() in (ProgramKind.OPEN, ProgramKind.CLOSED):
            follow = WeeklySeriesDialog(ctx, parent)
        else:
            follow = NewSessionDialog(ctx, parent)
        follow.choose_program(dialog.created_id)
        follow.finished.connect(lambda _result: scheduled(follow))
        follow.open()

    dialog.finished.connect(created)
    dialog.open()
    return dialog

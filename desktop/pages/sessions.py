"""Sessions: the month's schedule, planning sessions, and correcting a session's attendance.

The month list shows what took place and how many came; opening a session shows its
attendance sheet, where a librarian corrects statuses, adds a child who was not checked
in, and sets the count of visitors who were not registered.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from db.areas import Area
from desktop.context import AppContext
from desktop.pages.session_attendance import AttendanceView
from desktop.pages.session_month import MonthView
from desktop.widgets import page_title


class SessionsPage(QWidget):
    """The Sessions page: a month's schedule, or one session's attendance sheet."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("sessionsPage")

        self.month_view = MonthView(ctx)
        self.month_view.opened.connect(self.open_session)
        self.attendance_view = AttendanceView(ctx)
        self.attendance_view.back.connect(self.show_month_view)
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
        tx = self.attendance_view.session
        self.stack.setCurrentWidget(self.month_view)
        if tx is not None:
            self.month_view.select(tx.id)
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

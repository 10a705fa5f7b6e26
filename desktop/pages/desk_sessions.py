"""The desk's session: the one the clock picks, or one the librarian chooses (F4)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db import dates
from db.desk import DeskSession, DeskSessions, desk_sessions
from db.models import SessionStatus
from desktop.context import AppContext
from desktop.offline_desk import OfflineDesk
from desktop.scan_field import with_key

SESSION_KEY = "F4"


class SessionHeader(QWidget):
    """The session's name and time, the chooser, and on a new database the first step.

    `shown` follows every change of the session shown; `done` once a choice or the
    first program's dialogs are over, for the scan field to take the keys back.
    """

    shown = Signal()
    done = Signal()

    def __init__(self, ctx: AppContext, offline: OfflineDesk) -> None:
        super().__init__()
        self.ctx, self.offline = ctx, offline
        self.session_id: int | None = None
        self.chosen_by_hand = False
        self.sessions: list[DeskSession] = []
        self.has_programs = True
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        title_font = QFont(self.font())
        title_font.setPointSize(15)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setObjectName("sessionChoice")
        self.choice.setMinimumWidth(360)
        # As wide as 40 letters, not as the longest session's name: the lists need the room.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(40)
        # Tab reaches it, a click does not keep it: the scanner's keys go to the scan field.
        self.choice.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.choice.setToolTip(with_key(self.tr("Choose another session"), SESSION_KEY))
        self.choice.activated.connect(self._chosen)
        # On a new database the desk's next step: the first program and its sessions.
        self.first_program = QPushButton(self.tr("Create the first program…"), self)
        self.first_program.setObjectName("firstProgram")
        self.first_program.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.first_program.hide()
        self.first_program.clicked.connect(self.plan_first_program)
        title_box = QVBoxLayout()
        title_box.addWidget(self.title)
        title_box.addWidget(self.first_program, 0, Qt.AlignmentFlag.AlignLeft)
        header = QHBoxLayout(self)
        header.setContentsMargins(0, 0, 0, 0)
        header.addLayout(title_box, 1)
        header.addWidget(QLabel(self.tr("Session:")))
        header.addWidget(self.choice)

    def reload(self, now: datetime) -> None:
        """Fill the chooser; unless chosen by hand, pick the session running `now`."""
        site_id = self.ctx.site_id
        self.offline.query(self, lambda db, _by: desk_sessions(db, site_id, now)).latest(
            "sessions"
        ).success(self._fill).run()

    def _fill(self, found: DeskSessions) -> None:
        self.sessions, self.has_programs = found.sessions, found.has_programs
        self.choice.clear()
        self.choice.addItem(self.tr("— no session —"), 0)
        for s in self.sessions:
            hours = dates.time_span_text(s.starts_at, s.ends_at)
            label = f"{dates.day_text(s.day)} {hours} {s.program}"
            if s.theme:
                label += f" · {s.theme}"
            if s.status is SessionStatus.CANCELLED:
                label += " " + self.tr("(cancelled)")
            self.choice.addItem(label, s.id)
        self.show_session(found.running if not self.chosen_by_hand else self.session_id)

    def plan_first_program(self) -> None:
        """The program and its sessions (the Sessions page's dialogs); the desk follows."""
        from desktop.dialogs.session_dialogs import ScheduleDialog, plan_new_program

        def scheduled(dialog: ScheduleDialog) -> None:
            dialog.deleteLater()
            self.done.emit()

        plan_new_program(self.ctx, self, scheduled)

    def _chosen(self, index: int) -> None:
        self.chosen_by_hand = True
        self.show_session(self.choice.itemData(index) or None)
        self.done.emit()

    def show_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.choice.setCurrentIndex(max(0, self.choice.findData(session_id or 0)))
        chosen = next((s for s in self.sessions if s.id == session_id), None)
        self.first_program.setVisible(not self.has_programs)
        if not self.has_programs:
            self.title.setText(
                self.tr(
                    "This library has no programs yet. Create its first program and its"
                    " sessions to check children in."
                )
            )
        elif chosen is None:
            self.title.setText(
                self.tr("No session is running now. Choose one to check children in.")
            )
        else:
            self.title.setText(
                f"{chosen.program} · {dates.time_span_text(chosen.starts_at, chosen.ends_at)}"
                + (f"\n{chosen.theme}" if chosen.theme else "")
            )
        self.shown.emit()

"""The main window: a sidebar of pages (Ctrl+1…5), a status bar with database and librarian."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from db.accounts import list_staff
from db.database import describe
from desktop.context import AppContext
from desktop.pages.desk import DeskPage
from desktop.pages.equipment import EquipmentPage
from desktop.pages.participants import ParticipantsPage
from desktop.pages.sessions import SessionsPage
from desktop.pages.settings_page import SettingsPage


class MainWindow(QMainWindow):
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OpenUp Desk"))
        self.resize(1280, 800)

        self.desk = DeskPage(ctx)
        self.participants = ParticipantsPage(ctx)
        self.sessions = SessionsPage(ctx)
        self.equipment = EquipmentPage(ctx)
        self.settings_page = SettingsPage(ctx)
        self.settings_page.language_chosen.connect(self.language_chosen)
        pages: list[tuple[str, QWidget]] = [
            (self.tr("Desk"), self.desk),
            (self.tr("Participants"), self.participants),
            (self.tr("Sessions"), self.sessions),
            (self.tr("Equipment"), self.equipment),
            (self.tr("Settings"), self.settings_page),
        ]

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: #263238; color: #eceff1; border: none;"
            " font-size: 13pt; padding-top: 12px; }"
            "QListWidget#sidebar::item { padding: 10px 16px; }"
            "QListWidget#sidebar::item:selected { background: #00897b; color: white; }"
        )
        self.stack = QStackedWidget()
        for number, (title, page) in enumerate(pages, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            self.sidebar.addItem(item)
            self.stack.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self.show_page(n - 1))
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.currentRowChanged.connect(self._focus_page)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self._build_status_bar()
        self.show_page(0)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", describe(self.ctx.database.url))
        )
        self.database_label.setObjectName("databaseLabel")
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(QLabel(self.tr("Librarian:")))
        self.staff_choice = QComboBox()
        self.staff_choice.setObjectName("staffChoice")
        for staff_id, _username, display_name, _role in list_staff(self.ctx.database):
            self.staff_choice.addItem(display_name, staff_id)
        index = self.staff_choice.findData(self.ctx.staff_id or 0)
        if index < 0 and self.staff_choice.count():
            index = 0
        self.staff_choice.setCurrentIndex(index)
        self.ctx.set_staff(self._chosen_staff())
        self.staff_choice.currentIndexChanged.connect(
            lambda _i: self.ctx.set_staff(self._chosen_staff())
        )
        status.addPermanentWidget(self.staff_choice)

    def _chosen_staff(self) -> int | None:
        # An empty chooser (no accounts yet) has no data to hand back.
        return int(self.staff_choice.currentData()) if self.staff_choice.count() else None

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def _focus_page(self, index: int) -> None:
        page = self.stack.widget(index)
        focus = getattr(page, "take_focus", None)
        if focus is not None:
            focus()
        elif page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

"""The main window: a sidebar of pages (Ctrl+1…6), a status bar with database and librarian."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from db.accounts import signed_in_as
from db.database import describe
from desktop import operations
from desktop.context import AppContext
from desktop.idle_lock import IdleLock
from desktop.pages.desk import DeskPage
from desktop.pages.settings_page import SettingsPage

if TYPE_CHECKING:
    from desktop.pages.equipment import EquipmentPage
    from desktop.pages.participants import ParticipantsPage
    from desktop.pages.reports import ReportsPage
    from desktop.pages.sessions import SessionsPage


def _build(module: str, name: str, ctx: AppContext) -> QWidget:
    page: QWidget = getattr(importlib.import_module(module), name)(ctx)
    return page


BUSY_DELAY_MS = 300


class MainWindow(QMainWindow):
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OpenUp Desk"))
        self.resize(1280, 800)

        # Built when first shown, so the Desk is ready sooner; the Desk itself at once.
        self._factories: list[Callable[[], QWidget]] = [
            lambda: DeskPage(ctx),
            lambda: _build("desktop.pages.participants", "ParticipantsPage", ctx),
            lambda: _build("desktop.pages.sessions", "SessionsPage", ctx),
            lambda: _build("desktop.pages.equipment", "EquipmentPage", ctx),
            lambda: _build("desktop.pages.reports", "ReportsPage", ctx),
            self._build_settings,
        ]
        self._built: dict[int, QWidget] = {}
        titles = [
            self.tr("Desk"),
            self.tr("Participants"),
            self.tr("Sessions"),
            self.tr("Equipment"),
            self.tr("Reports"),
            self.tr("Settings"),
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
        for number, title in enumerate(titles, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self.show_page(n - 1))
        self.sidebar.currentRowChanged.connect(self._show_row)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        ctx.report_wanted.connect(self._report_wanted)
        # Locks the window after the idle time in Settings, and on "Sign out".
        self.idle_lock = IdleLock(self, ctx)
        self._build_status_bar()
        self.show_page(0)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", describe(self.ctx.database.url))
        )
        self.database_label.setObjectName("databaseLabel")
        status.addWidget(self.database_label, 1)
        # A moving bar while the database works longer than a blink (a scan takes ~10 ms).
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setToolTip(self.tr("Working with the database…"))
        self.busy.hide()
        status.addPermanentWidget(self.busy)
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_DELAY_MS)
        self._busy_delay.timeout.connect(self.busy.show)
        operations.activity.busy.connect(self._database_busy)
        status.addPermanentWidget(QLabel(self.tr("Librarian:")))
        self.signed_in = QLabel()
        self.signed_in.setObjectName("signedIn")
        status.addPermanentWidget(self.signed_in)
        self.sign_out = QPushButton(self.tr("Sign out"))
        self.sign_out.setObjectName("signOut")
        self.sign_out.setToolTip(self.tr("Cover the window until someone signs in"))
        self.sign_out.clicked.connect(lambda: self.idle_lock.lock(sign_out=True))
        status.addPermanentWidget(self.sign_out)
        # A bound method, so a window rebuilt for another language is disconnected with it.
        self.ctx.staff_changed.connect(self._show_signed_in)
        self._show_signed_in()

    def _database_busy(self, busy: bool) -> None:
        if busy:
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy.hide()

    def _show_signed_in(self, _staff_id: int = 0) -> None:
        staff_id = self.ctx.staff_id
        self.signed_in.setText(
            signed_in_as(self.ctx.database, staff_id).display_name if staff_id else "—"
        )

    def page(self, index: int) -> QWidget:
        """The page at a sidebar row, built now if it was not yet."""
        page = self._built.get(index)
        if page is None:
            page = self._factories[index]()
            stand_in = self.stack.widget(index)
            assert stand_in is not None
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[index] = page
        return page

    @property
    def desk(self) -> DeskPage:
        page = self.page(0)
        assert isinstance(page, DeskPage)
        return page

    @property
    def participants(self) -> ParticipantsPage:
        return self.page(1)  # type: ignore[return-value]

    @property
    def sessions(self) -> SessionsPage:
        return self.page(2)  # type: ignore[return-value]

    @property
    def equipment(self) -> EquipmentPage:
        return self.page(3)  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsPage:
        return self.page(4)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(5)  # type: ignore[return-value]

    def _report_wanted(self, kind: str, keys: list[object]) -> None:
        """Another page asked to print labels or cards: open Reports with them ticked."""
        self.reports.prepare(kind, keys)
        self.show_page(4)

    def _build_settings(self) -> QWidget:
        page = SettingsPage(self.ctx)
        page.language_chosen.connect(self.language_chosen)
        return page

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)
        self._show_row(index)

    def _show_row(self, index: int) -> None:
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        focus = getattr(page, "take_focus", None)
        if focus is not None:
            focus()
        else:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

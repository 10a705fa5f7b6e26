"""The main window: a sidebar of pages (Ctrl+1…7), a status bar with database and librarian.

The Audit log page is in the sidebar only while an administrator is signed in.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
from desktop.i18n import fill
from desktop.idle_lock import IdleLock
from desktop.pages.desk import DeskPage

if TYPE_CHECKING:
    from desktop.pages.audit_log import AuditLogPage
    from desktop.pages.equipment import EquipmentPage
    from desktop.pages.participants import ParticipantsPage
    from desktop.pages.reports import ReportsPage
    from desktop.pages.sessions import SessionsPage
    from desktop.pages.settings_page import SettingsPage


def _build(module: str, name: str, ctx: AppContext) -> QWidget:
    page: QWidget = getattr(importlib.import_module(module), name)(ctx)
    return page


BUSY_DELAY_MS = 300
# Windows that close without handing anything back: a drop-down list, a menu, a tooltip.
TRANSIENT = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip})


class MainWindow(QMainWindow):
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OpenUp Desk"))
        self.resize(1280, 800)

        # Built when first shown, so the Desk is ready sooner; the Desk itself at once.
        self._factories: dict[str, Callable[[], QWidget]] = {
            "desk": lambda: DeskPage(ctx),
            "participants": lambda: _build("desktop.pages.participants", "ParticipantsPage", ctx),
            "sessions": lambda: _build("desktop.pages.sessions", "SessionsPage", ctx),
            "equipment": lambda: _build("desktop.pages.equipment", "EquipmentPage", ctx),
            "reports": lambda: _build("desktop.pages.reports", "ReportsPage", ctx),
            "audit": lambda: _build("desktop.pages.audit_log", "AuditLogPage", ctx),
            "settings": self._build_settings,
        }
        self._built: dict[str, QWidget] = {}
        self._titles = {
            "desk": self.tr("Desk"),
            "participants": self.tr("Participants"),
            "sessions": self.tr("Sessions"),
            "equipment": self.tr("Equipment"),
            "reports": self.tr("Reports"),
            "audit": self.tr("Audit log"),
            "settings": self.tr("Settings"),
        }
        self._keys: list[str] = []  # the pages in the sidebar, in its order

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
        # Ctrl+N is the N-th page of the sidebar, whichever pages it shows.
        for number in range(1, len(self._factories) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self._shortcut(n))
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_about)
        self._fill_sidebar()
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.ctx.staff_changed.connect(self._staff_changed)

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
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # to see our dialogs close (eventFilter)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(fill(self.tr("Database: %1"), describe(self.ctx.database.url)))
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
        status.addPermanentWidget(QLabel(self.tr("Signed in:")))
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
        """Who is signed in, by name, read on the database worker (the newest sign-in's)."""
        staff_id = self.ctx.staff_id
        if not staff_id:
            self.signed_in.setText("—")
        self.ctx.query(
            self, lambda db, _by: signed_in_as(db, staff_id).display_name if staff_id else "—"
        ).latest("signed in").success(self.signed_in.setText).run()

    def _wanted_keys(self) -> list[str]:
        return [key for key in self._factories if key != "audit" or self.ctx.is_admin]

    def _fill_sidebar(self) -> None:
        self._keys = self._wanted_keys()
        blocked = self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for number, key in enumerate(self._keys, start=1):
            item = QListWidgetItem(self._titles[key])
            item.setToolTip(f"Ctrl+{number}")
            self.sidebar.addItem(item)
        self.sidebar.blockSignals(blocked)

    def _staff_changed(self, _staff_id: int = 0) -> None:
        """Someone else signed in: show the sidebar their role may use."""
        if self._wanted_keys() == self._keys:
            return
        row = self.sidebar.currentRow()
        current = self._keys[row] if 0 <= row < len(self._keys) else "desk"
        self._fill_sidebar()
        audit = self._built.pop("audit", None)
        if audit is not None and "audit" not in self._keys:
            self.stack.removeWidget(audit)
            audit.deleteLater()
        self.show_page(self._keys.index(current) if current in self._keys else 0)

    def show_about(self) -> None:
        """F1 from any page: the version, the database in use, the licences."""
        from desktop.dialogs.about import AboutDialog

        AboutDialog(self.ctx.database, self).exec()

    def _shortcut(self, number: int) -> None:
        if number <= len(self._keys):
            self.show_page(number - 1)

    def page_keys(self) -> list[str]:
        """The pages in the sidebar, in its order (desk, participants, …, settings)."""
        return list(self._keys)

    def page(self, index: int) -> QWidget:
        """The page at a sidebar row, built now if it was not yet."""
        return self._page(self._keys[index])

    def _page(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            page = self._factories[key]()
            self.stack.addWidget(page)
            self._built[key] = page
        return page

    @property
    def desk(self) -> DeskPage:
        page = self._page("desk")
        assert isinstance(page, DeskPage)
        return page

    @property
    def participants(self) -> ParticipantsPage:
        return self._page("participants")  # type: ignore[return-value]

    @property
    def sessions(self) -> SessionsPage:
        return self._page("sessions")  # type: ignore[return-value]

    @property
    def equipment(self) -> EquipmentPage:
        return self._page("equipment")  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsPage:
        return self._page("reports")  # type: ignore[return-value]

    @property
    def audit_log(self) -> AuditLogPage:
        """The Audit log page (only an admin's sidebar shows it)."""
        return self._page("audit")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self._page("settings")  # type: ignore[return-value]

    def _report_wanted(self, kind: str, keys: list[object]) -> None:
        """Another page asked to print labels or cards: open Reports with them ticked."""
        self.reports.prepare(kind, keys)
        self.show_page(self._keys.index("reports"))

    def _build_settings(self) -> QWidget:
        from desktop.pages.settings_page import SettingsPage

        page = SettingsPage(self.ctx)
        page.language_chosen.connect(self.language_chosen)
        return page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Hide
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self
            and watched.windowType() not in TRANSIENT
            and watched.parentWidget() is not None
            and watched.parentWidget().window() is self  # type: ignore[union-attr]
        ):
            QTimer.singleShot(0, self, self._take_back_activation)
        return False

    def _take_back_activation(self) -> None:
        """One of our dialogs closed and left no window active (not every platform's window
        manager hands the activation back): give it to the dialog still open, else to us."""
        if not self.isVisible() or QApplication.activeWindow() is not None:
            return
        (QApplication.activeModalWidget() or self).activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back from a dialog, a message box, the PDF preview or the lock: Qt gives the
            # focus back only after this event, so look once it has.
            QTimer.singleShot(0, self, self._keep_scanner_on_desk)

    def _keep_scanner_on_desk(self) -> None:
        """On the Desk, the keys go to the Desk: to its scan field unless already inside it."""
        desk = self._built.get("desk")
        if desk is None or self.stack.currentWidget() is not desk or not self.isActiveWindow():
            return
        focused = QApplication.focusWidget()
        if focused is None or not desk.isAncestorOf(focused):
            self.desk.take_focus()

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)
        self._show_row(index)

    def _show_row(self, index: int) -> None:
        if not 0 <= index < len(self._keys):
            return
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        focus = getattr(page, "take_focus", None)
        if focus is not None:
            focus()
        else:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

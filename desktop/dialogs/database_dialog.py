"""Where this laptop's records live: its own file, or the library's shared database (server).

Asked at the first start, and from Settings → Database by an administrator, who may also
move this laptop's records into an empty shared database. The password goes to the
operating system's keyring; the connection is tested off the UI thread before it is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.connection import DEFAULT_PORT, ServerAddress, ServerState, try_connection
from db.database import Database
from db.errors import DomainError
from db.progress import Progress
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.settings import DATABASE_KIND, Settings
from desktop.shared_database import (
    SERVER,
    choose_laptop,
    choose_server,
    keep_password,
    kept_password,
    saved_address,
)
from desktop.widgets import DONE_STYLE, ERROR_STYLE

if TYPE_CHECKING:
    from db.move_records import Moved


class DatabaseDialog(QDialog):
    """This laptop only, or the shared server: its address, password, TLS and a test.

    `laptop`: the database open now, whose records an administrator may move to the server
    (Settings); None at the first start, when nothing is open yet. `chosen` says what was
    kept once the dialog is accepted ("laptop" or "server")."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        laptop: Database | None = None,
        staff_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.laptop = laptop
        self.staff_id = staff_id
        self.chosen: str | None = None
        self.moved: Moved | None = None  # what was moved to the server, when it was
        self.setObjectName("databaseDialog")
        self.setWindowTitle(self.tr("OpenUp Desk: where the records live"))
        self.setMinimumWidth(520)

        self.laptop_choice = QRadioButton(self.tr("This laptop only (a file on this computer)"))
        self.laptop_choice.setObjectName("useLaptop")
        self.server_choice = QRadioButton(self.tr("The library's shared database (server)"))
        self.server_choice.setObjectName("useServer")
        choices = QButtonGroup(self)
        choices.addButton(self.laptop_choice)
        choices.addButton(self.server_choice)

        saved = saved_address(settings)
        self.host = QLineEdit(saved.host if saved else "")
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. db.jekabpils-biblioteka.lv"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(saved.port if saved else DEFAULT_PORT)
        self.database = QLineEdit(saved.database if saved else "openup")
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(saved.user if saved else "openup_desk")
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if saved is not None and kept_password(saved):
            self.password.setPlaceholderText(self.tr("kept in this computer's keyring"))
        self.tls = QComboBox()
        self.tls.setObjectName("serverTls")
        self.tls.addItem(self.tr("verify-full: check the server's certificate"), "verify-full")
        self.tls.addItem(self.tr("require: encrypted, certificate not checked"), "require")
        self.tls.setCurrentIndex(max(0, self.tls.findData(saved.tls if saved else "verify-full")))
        self.ca_file = QLineEdit(saved.ca_file if saved else "")
        self.ca_file.setObjectName("serverCaFile")
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseCaFile")
        browse.clicked.connect(self.choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.ca_row = QWidget()
        self.ca_row.setLayout(ca_row)
        ca_row.setContentsMargins(0, 0, 0, 0)
        self.tls.currentIndexChanged.connect(self._show_ca_row)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test)
        self.move_records = QCheckBox(
            self.tr("Move this laptop's records into the shared database (it must be empty)")
        )
        self.move_records.setObjectName("moveRecords")

        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Encryption (TLS)"), self.tls)
        form.addRow(self.tr("CA file"), self.ca_row)
        form.addRow("", self.test_button)
        form.addRow("", self.move_records)
        # Only from Settings, and only a laptop's own file has records to move (hidden once
        # it is laid out: shown before, it would flash up as a window of its own).
        self.move_records.setHidden(laptop is None or not laptop.is_sqlite)

        self.message = QLabel()
        self.message.setObjectName("connectionMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.keep)
        self.buttons.rejected.connect(self.reject)

        intro = QLabel(
            self.tr(
                "Where should this computer keep the records? A laptop on its own (a camp, a "
                "single desk) uses a file; several laptops and the partner libraries share "
                "one database on the library's server."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.laptop_choice)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.server_choice.toggled.connect(self._show_server_form)
        server_now = settings.get(DATABASE_KIND) == SERVER or (
            laptop is not None and not laptop.is_sqlite
        )
        (self.server_choice if server_now else self.laptop_choice).setChecked(True)
        self._show_server_form(server_now)
        self._show_ca_row()

    def _show_server_form(self, on: bool) -> None:
        self.server_form.setEnabled(on)
        self.message.hide()

    def _show_ca_row(self, _index: int = 0) -> None:
        self.ca_row.setEnabled(self.tls.currentData() == "verify-full")

    def choose_ca_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The CA file"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
            tls=str(self.tls.currentData()),
            ca_file=self.ca_file.text().strip(),
        )

    def password_to_use(self, address: ServerAddress) -> str | None:
        """What was typed, else the one kept for this very account and server."""
        return self.password.text() or kept_password(address)

    def say(self, text: str, *, good: bool = False) -> None:
        self.message.setStyleSheet(DONE_STYLE if good else ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    def _busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _checked_address(self) -> ServerAddress | None:
        address = self.address()
        problem = address.problem()
        if problem is not None:
            self.say(QCoreApplication.translate("DomainError", problem))
            return None
        return address

    def test(self, *, then_keep: bool = False) -> None:
        """Connect once off the UI thread; say what was found, or what failed."""
        address = self._checked_address()
        if address is None:
            return
        url = address.url(self.password_to_use(address))
        self._busy(True)
        self.say(fill(self.tr("Connecting to %1…"), address.host), good=True)
        Operation(self, lambda: try_connection(url)).success(
            lambda state: self._connected(address, state, then_keep)
        ).failure(lambda error, _details: self._failed(error)).finally_(
            lambda: self._busy(False)
        ).run()

    def _failed(self, error: BaseException) -> None:
        assert isinstance(error, DomainError)
        self.say(translate_error(error))

    def _connected(self, address: ServerAddress, state: ServerState, then_keep: bool) -> None:
        if state.tables == 0:
            found = self.tr("an empty database, ready for OpenUp Desk")
        elif state.revision is None:
            found = self.tr("a database that holds another program's tables")
        else:
            found = fill(self.tr("OpenUp Desk's records (schema %1)"), state.revision)
        self.say(
            fill(self.tr("Connected: PostgreSQL %1, %2."), state.server_version.split()[0], found),
            good=True,
        )
        if then_keep:
            self._keep_server(address)

    def keep(self) -> None:
        """OK: the laptop's file at once; a server only once it answered."""
        if self.laptop_choice.isChecked():
            choose_laptop(self.settings)
            self.chosen = "laptop"
            self.accept()
            return
        self.test(then_keep=True)

    def _keep_server(self, address: ServerAddress) -> None:
        password = self.password_to_use(address) or ""
        try:  # first, so a keyring that refuses leaves every choice as it was
            keep_password(address, password)
        except DomainError as refused:
            self.say(translate_error(refused))
            return
        if not self.move_records.isHidden() and self.move_records.isChecked():
            self._move_then_keep(address, password)
            return
        choose_server(self.settings, address, password)
        self.chosen = SERVER
        self.accept()

    def _move_then_keep(self, address: ServerAddress, password: str) -> None:
        from db.move_records import move_records

        laptop, staff = self.laptop, self.staff_id
        assert laptop is not None
        url = address.url(password)

        def work(progress: Progress) -> Moved:
            shared = Database(url)
            try:
                return move_records(laptop, shared, by=staff, progress=progress)
            finally:
                shared.dispose()

        def moved(result: Moved) -> None:
            choose_server(self.settings, address, password)
            self.chosen = SERVER
            self.moved = result
            self.accept()

        self._busy(True)
        Operation.tracked(self, work).show_progress(
            self.tr("Moving the records"), self.tr("Copying and counting the records…")
        ).success(moved).failure(lambda error, _details: self._failed(error)).finally_(
            lambda: self._busy(False)
        ).run()

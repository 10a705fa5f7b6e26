"""Signing in: the first administrator on an empty database, then username and password.

Refusals (a wrong password, a locked account) are shown inside the dialog, not in a box
over it, so the librarian simply types again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.accounts import MIN_PASSWORD_LENGTH, SignedIn, create_first_admin, sign_in
from db.database import Database
from db.errors import DomainError
from desktop.errors import translate_error
from desktop.operations import Operation
from desktop.widgets import ERROR_STYLE


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInDialog(QDialog):
    """Username and password; `signed_in` holds who signed in once the dialog is accepted.

    As the lock (`locked=True`) it cannot be cancelled; the username is fixed unless the
    librarian signed out (`any_user=True`), when anyone may sign in.
    """

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        username: str = "",
        locked: bool = False,
        any_user: bool = False,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.locked = locked
        self.signed_in: SignedIn | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("OpenUp Desk: sign in"))
        self.setMinimumWidth(380)

        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setReadOnly(locked and not any_user)
        self.password = _password_field("password")
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        intro = QLabel(
            self.tr("The program was locked while nobody used it. Type your password to go on.")
            if locked and not any_user
            else self.tr("Sign in with your username and password.")
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if not locked:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def wait_for_username(self) -> None:
        """The lock's account is being read: no sign-in until its name is in the field."""
        self.username.setReadOnly(True)
        self.sign_in_button.setEnabled(False)

    def username_known(self, username: str) -> None:
        self.username.setText(username)
        self.sign_in_button.setEnabled(True)
        self.password.setFocus()

    def anyone_may_sign_in(self) -> None:
        """The lock's account could not be read (gone meanwhile): any account may sign in."""
        self.username.setReadOnly(False)
        self.sign_in_button.setEnabled(True)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        if not self.sign_in_button.isEnabled():
            return  # Enter before the lock's account was read, or while a sign-in runs
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.show_refusal(self.tr("Type your username and your password."))
            return
        self.sign_in_button.setEnabled(False)
        database = self.database
        Operation(self, lambda: sign_in(database, username, password)).success(
            self._signed_in
        ).failure(lambda error, _details: self._refused(error)).finally_(
            lambda: self.sign_in_button.setEnabled(True)
        ).run()

    def _signed_in(self, who: SignedIn) -> None:
        self.signed_in = who
        self.password.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        assert isinstance(error, DomainError)
        self.password.clear()
        self.password.setFocus()
        self.show_refusal(translate_error(error))

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.locked and event.key() == Qt.Key.Key_Escape:
            return  # the lock stays until the password is typed
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.locked:
            super().reject()


class FirstRunDialog(QDialog):
    """The first start on an empty database: the first administrator and their library."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.signed_in: SignedIn | None = None
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("OpenUp Desk: first start"))
        self.setMinimumWidth(460)

        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("e.g. ilze.k"))
        self.password = _password_field("password")
        self.repeat = _password_field("passwordAgain")
        self.site_name = QLineEdit("Jēkabpils")
        self.site_name.setObjectName("siteName")
        self.country = QComboBox()
        self.country.setObjectName("country")
        self.country.addItem(self.tr("Latvia"), "LV")
        self.country.addItem(self.tr("Lithuania"), "LT")
        self.library_name = QLineEdit()
        self.library_name.setObjectName("libraryName")
        self.library_name.setPlaceholderText(self.tr("e.g. Jēkabpils Galvenā bibliotēka"))
        self.message = QLabel()
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        intro = QLabel(
            self.tr(
                "This database has no accounts yet. Create the first administrator: "
                "they add the librarians' accounts later."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        form.addRow(self.tr("Site"), self.site_name)
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Library"), self.library_name)

        self.buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("Create and sign in"))
        self.create_button.setObjectName("createAdmin")
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_admin)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.display_name.setFocus()

    def problem(self) -> str | None:
        """What is missing or wrong in the form, before the database is asked."""
        if not self.display_name.text().strip() or not self.username.text().strip():
            return self.tr("Type your name and a username.")
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            )
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ: type the same one twice.")
        if not self.site_name.text().strip():
            return self.tr("Name the site, e.g. Jēkabpils.")
        return None

    def create_admin(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.show_refusal(problem)
            return
        database = self.database
        username, name = self.username.text(), self.display_name.text()
        password, site = self.password.text(), self.site_name.text()
        library, country = self.library_name.text(), str(self.country.currentData())

        def work() -> SignedIn:
            create_first_admin(database, username, name, password, site, library, country=country)
            return sign_in(database, username, password)

        self.create_button.setEnabled(False)
        Operation(self, work).success(self._created).failure(
            lambda error, _details: self._refused(error)
        ).finally_(lambda: self.create_button.setEnabled(True)).run()

    def _created(self, who: SignedIn) -> None:
        self.signed_in = who
        self.password.clear()
        self.repeat.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        assert isinstance(error, DomainError)
        self.show_refusal(translate_error(error))

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

"""The question before a shared database is upgraded: an administrator of the program signs
for it with their password, as every laptop on the server is affected."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets import ok_cancel, problem_line


class UpgradeDialog(QDialog):
    """Why the upgrade is asked for, and an administrator's username and password."""

    def __init__(self, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeDialog")
        self.setWindowTitle(self.tr("Upgrade the shared database"))
        self.setMinimumWidth(460)
        text = QLabel(why + "\n\n" + self.tr("An administrator signs to upgrade it now:"))
        text.setObjectName("upgradeQuestion")
        text.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("upgradeUsername")
        self.password = QLineEdit()
        self.password.setObjectName("upgradePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Administrator's username:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        self.problem = problem_line()
        buttons, _upgrade = ok_cancel(self, "upgradeNow", self.tr("Upgrade"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def credentials(self) -> tuple[str, str]:
        return self.username.text(), self.password.text()

    def ask_again(self, why: str) -> None:
        """After a refusal: say why in the dialog, clear the password, and wait again."""
        self.problem.setText(why)
        self.problem.show()
        self.password.clear()
        self.password.setFocus()

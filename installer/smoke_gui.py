"""The installed program's window, opened as a librarian opens it, with no screen.

Run by installer/smoke-test with the installed Python (under Wine, QT_QPA_PLATFORM=offscreen),
through the program's own start-up, desktop.app.run (icon, fonts, language, database, the
start-up dialog, the main window):
1. a new database file: the first-run dialog, filled in, creates the first administrator;
2. the user's own database (where `demo` put the demo year): anna signs in through the
   sign-in dialog and the main window shows.
Each dialog and the main window are saved as PNG files in the folder given, and a line says
who signed in each time, so the test can check it. Not part of the setup file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.app import run
from desktop.dialogs.sign_in import FirstRunDialog, SignInDialog
from desktop.main_window import MainWindow
from desktop.operations import Operation


def when_shown(kind: type[QDialog], answer: Callable[[Any], None]) -> None:
    """Answer the start-up dialog once it is up (it runs its own event loop)."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            answer(dialog)
        else:
            QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)


def first_run(dialog: FirstRunDialog, folder: Path) -> None:
    dialog.grab().save(str(folder / "first-run.png"))
    dialog.display_name.setText("Ilze Kalniņa")
    dialog.username.setText("ilze")
    dialog.password.setText("kalniņa-2018")
    dialog.repeat.setText("kalniņa-2018")
    dialog.create_button.click()


def sign_in(dialog: SignInDialog, folder: Path) -> None:
    dialog.grab().save(str(folder / "sign-in.png"))
    dialog.username.setText("anna")
    dialog.password.setText("anna-demo-2018")
    dialog.sign_in_button.click()


def when_main_window(folder: Path, name: str, signed_in: list[str]) -> None:
    """Once the main window is up: let its first page load, save it, say who signed in, quit."""

    def check() -> None:
        shown = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.isVisible()
        ]
        if not shown:
            QTimer.singleShot(100, check)
            return
        window = shown[0]
        window.resize(1280, 800)
        for _ in range(20):  # the desk page loads its session through the database worker
            Operation.wait_for_all()
            QApplication.processEvents()
        window.grab().save(str(folder / name))
        signed_in.append(window.signed_in.text())
        window.close()
        Operation.wait_for_all()
        QApplication.quit()

    QTimer.singleShot(100, check)


def main(folder: Path) -> int:
    """The program's own start (desktop.app.run: icon, fonts, database, dialog) twice."""
    QApplication(sys.argv[:1])  # run() takes it over; the timers below need it first
    signed_in: list[str] = []
    when_shown(FirstRunDialog, lambda dialog: first_run(dialog, folder))
    when_main_window(folder, "new.png", signed_in)
    run(str(folder / "new.sqlite3"))
    print(f"first run, signed in: {signed_in[-1] if signed_in else None}")
    when_shown(SignInDialog, lambda dialog: sign_in(dialog, folder))
    when_main_window(folder, "main-window.png", signed_in)
    run(None)  # the user's own database, where `demo` put the demo year
    print(f"demo, signed in: {signed_in[-1] if len(signed_in) == 2 else None}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

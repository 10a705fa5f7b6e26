"""The installed program's window, opened as a librarian opens it, with no screen.

Run by installer/smoke-test with the installed Python (under Wine, QT_QPA_PLATFORM=offscreen),
through the program's own start-up (fonts, language, database, the start-up dialog):
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
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from desktop.about import APP_ICON
from desktop.app import Program, load_fonts, open_context, sign_in_at_start
from desktop.dialogs.sign_in import FirstRunDialog, SignInDialog
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


def start(app: QApplication, database: str | None, folder: Path, name: str) -> str | None:
    """The program's start-up up to its main window; who signed in (None: nobody)."""
    ctx = open_context(database)
    staff_id = sign_in_at_start(ctx)
    if staff_id is None:
        return None
    window = Program(ctx, staff_id=staff_id).window
    window.resize(1280, 800)
    window.show()
    for _ in range(20):  # let the desk page load its session through the database worker
        Operation.wait_for_all()
        app.processEvents()
    window.grab().save(str(folder / name))
    who = window.signed_in.text()
    window.close()
    Operation.wait_for_all()
    ctx.database.dispose()
    return who


def main(folder: Path) -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("OpenUp Desk")
    app.setWindowIcon(QIcon(str(APP_ICON)))
    load_fonts(app)
    when_shown(FirstRunDialog, lambda dialog: first_run(dialog, folder))
    print(f"first run, signed in: {start(app, str(folder / 'new.sqlite3'), folder, 'new.png')}")
    when_shown(SignInDialog, lambda dialog: sign_in(dialog, folder))
    print(f"demo, signed in: {start(app, None, folder, 'main-window.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

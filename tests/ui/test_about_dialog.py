"""About OpenUp Desk: reached by F1 and from Settings, it names the version, the database in
use and the licences of the bundled fonts and libraries. And the program's icon on its windows."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.about import APP_ICON
from desktop.context import AppContext
from desktop.dialogs.about import AboutDialog
from desktop.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def shown_about(qtbot: QtBot, open_it: Callable[[], object]) -> dict[str, str]:
    """Open the dialog the librarian's way, read what it shows, close it with Escape."""
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["version"] = dialog.version.text()
        seen["database"] = dialog.database.text()
        seen["licences"] = dialog.licences.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    open_it()
    return seen


def test_f1_shows_the_version_the_database_and_the_licences(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    seen = shown_about(
        qtbot, lambda: qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    )

    assert seen["version"] == f"Version {pyproject_version()}"
    assert seen["database"].endswith("openup.sqlite3")
    licences = seen["licences"]
    assert "GPL-3.0-or-later" in licences  # the program's own
    assert "Font DejaVu" in licences and "Bitstream Vera" in licences  # the font notice in full
    assert "SQLAlchemy" in licences and "PySide6_Essentials" in licences
    assert "LGPL-3.0" in licences  # Qt's licence
    assert "pytest" not in licences  # a test tool is not part of the program


def test_settings_has_an_about_button(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.settings_page

    seen = shown_about(qtbot, page.about_button.click)

    assert seen["version"].endswith(pyproject_version())
    assert "DejaVu" in seen["licences"]


def test_the_program_gives_its_windows_its_icon(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QMessageBox

    from desktop import app, errors

    # run() up to its first dialog: here the database cannot be opened, and it says so.
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    monkeypatch.setattr(app, "open_context", lambda _name: (_ for _ in ()).throw(OSError()))
    qapp.setWindowIcon(QIcon())
    assert app.run(str(tmp_path / "openup.sqlite3")) == 2
    icon = qapp.windowIcon()
    assert not icon.isNull()
    shown = icon.pixmap(256, 256).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert shown == QImage(str(APP_ICON)).convertToFormat(QImage.Format.Format_ARGB32)

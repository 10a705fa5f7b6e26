"""Where the records live: the dialog against the real test server, Settings → Database,
and the first start's question."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.accounts import add_staff
from db.connection import REFUSED, TLS_REFUSED, WRONG_PASSWORD
from db.database import Database
from db.models import Participant, Role
from desktop.context import AppContext
from desktop.dialogs.database_dialog import DatabaseDialog
from desktop.pages.settings_page import SettingsPage
from desktop.settings import DATABASE_KIND, LANGUAGE, Settings
from desktop.shared_database import KEYRING_SERVICE, LAPTOP, SERVER
from tests.conftest import Desk, MemoryKeyring
from tests.postgres_server import PostgresServer
from tests.server_access import ROLE_PASSWORD
from tests.ui.conftest import wait_for_operations

PASSWORD = "Ķēniņš-2018!"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fill(
    dialog: DatabaseDialog,
    server: PostgresServer,
    *,
    database: str = "postgres",
    port: int | None = None,
    user: str | None = None,
    password: str = PASSWORD,
    tls: str = "verify-full",
    ca_file: Path | None = None,
) -> None:
    dialog.server_choice.setChecked(True)
    dialog.host.setText(server.host)
    dialog.port.setValue(port or server.port)
    dialog.database.setText(database)
    dialog.user.setText(user or server.user)
    dialog.password.setText(password)  # setText: a keyClick of "Ķ" aborts the process
    dialog.tls.setCurrentIndex(dialog.tls.findData(tls))
    dialog.ca_file.setText(str(ca_file or ""))


def _test(dialog: DatabaseDialog, qtbot: QtBot) -> str:
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    return dialog.message.text()


def _dialog(tmp_path: Path, qtbot: QtBot, **kwargs: object) -> tuple[DatabaseDialog, Path]:
    ini = tmp_path / "settings.ini"
    dialog = DatabaseDialog(Settings(str(ini)), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog, ini


@pytest.mark.postgres
def test_a_server_with_tls_is_tested_then_kept_with_its_password_in_the_keyring(
    postgres_server: PostgresServer,
    tls_server: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    dialog, ini = _dialog(tmp_path, qtbot)
    _fill(dialog, postgres_server, ca_file=tls_server)

    assert _test(dialog, qtbot).startswith("Connected: PostgreSQL 1")

    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_for_operations(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == SERVER
    settings = Settings(str(ini))
    assert settings.get(DATABASE_KIND) == SERVER
    assert list(memory_keyring.kept.values()) == [PASSWORD]
    assert next(iter(memory_keyring.kept))[0] == KEYRING_SERVICE
    assert "2018" not in ini.read_text(encoding="utf-8")


@pytest.mark.postgres
def test_a_wrong_password_is_said_and_nothing_is_kept(
    postgres_server: PostgresServer,
    tls_server: Path,
    password_role: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    dialog, ini = _dialog(tmp_path, qtbot)
    _fill(dialog, postgres_server, user=password_role, password="nepareizi", ca_file=tls_server)

    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_for_operations(qtbot)

    assert dialog.message.text() == WRONG_PASSWORD
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.chosen is None
    assert memory_keyring.kept == {} and Settings(str(ini)).get(DATABASE_KIND) == ""
    dialog.password.setText(ROLE_PASSWORD)
    assert _test(dialog, qtbot).startswith("Connected")


@pytest.mark.postgres
def test_a_server_that_is_down(
    postgres_server: PostgresServer,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    dialog, _ini = _dialog(tmp_path, qtbot)
    _fill(dialog, postgres_server, port=_free_port(), tls="require")
    assert _test(dialog, qtbot) == REFUSED


@pytest.mark.postgres
def test_tls_required_of_a_server_without_it(
    postgres_server: PostgresServer,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    dialog, _ini = _dialog(tmp_path, qtbot)
    _fill(dialog, postgres_server, tls="require")
    assert _test(dialog, qtbot) == TLS_REFUSED


def test_a_missing_ca_file_is_said_before_connecting(
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    dialog, _ini = _dialog(tmp_path, qtbot)
    dialog.server_choice.setChecked(True)
    dialog.host.setText("db.jekabpils-biblioteka.lv")
    dialog.tls.setCurrentIndex(dialog.tls.findData("verify-full"))
    dialog.ca_file.setText(str(tmp_path / "missing.pem"))
    assert _test(dialog, qtbot) == "Choose the CA file that checks the server's certificate."


def test_this_laptop_only(tmp_path: Path, qtbot: QtBot) -> None:
    dialog, ini = _dialog(tmp_path, qtbot)
    assert dialog.laptop_choice.isChecked() and not dialog.server_form.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert Settings(str(ini)).get(DATABASE_KIND) == LAPTOP


def test_settings_show_the_database_and_only_an_administrator_changes_it(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    group = page.database
    assert group.kind.text() == "This laptop only (a file on this computer)"
    assert group.where.text() == str(desk.db.url.database)
    assert group.change_button.isHidden() and not group.admin_only_note.isHidden()
    ctx.set_staff(add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN))
    assert not group.change_button.isHidden() and group.admin_only_note.isHidden()


def test_a_librarian_reads_the_database_note_on_one_line(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1090, 760)  # the page's room in a 1280 × 800 window
    page.show()
    wait_for_operations(qtbot)
    for note in (page.database.admin_only_note, page.backups.admin_only_note):
        assert note.isVisible()
        assert note.height() < 2 * note.fontMetrics().lineSpacing(), note.text()
        assert note.width() >= note.fontMetrics().horizontalAdvance(note.text())


@pytest.mark.postgres
def test_an_administrator_moves_the_laptops_records_to_the_shared_database(
    ctx: AppContext,
    desk: Desk,
    postgres_server: PostgresServer,
    postgres_url: str,
    tls_server: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QApplication, "quit", lambda: told.append("quit"))
    ctx.set_staff(add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.database.change()
    shared_name = postgres_url.rsplit("/", 1)[1]
    _fill(dialog, postgres_server, database=shared_name, ca_file=tls_server)
    assert not dialog.move_records.isHidden()
    dialog.move_records.setChecked(True)

    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_for_operations(qtbot)  # the connection test
    wait_for_operations(qtbot)  # the move

    assert dialog.moved is not None and dialog.moved.counts["participant"] == 2
    assert told[0].startswith("The records were moved and counted: 2 children")
    assert told[-1] == "quit" and ctx.settings.get(DATABASE_KIND) == SERVER
    shared = Database(postgres_url)
    with shared.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(Participant)) == 2
    shared.dispose()


def test_the_first_start_asks_only_a_laptop_that_has_not_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from desktop import app

    monkeypatch.delenv("OPENUP_DB", raising=False)
    monkeypatch.setattr("db.database.data_folder", lambda: tmp_path)
    asked: list[str] = []

    def answer(dialog: DatabaseDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.keep()  # "This laptop only" is chosen at first
        return int(dialog.result())

    monkeypatch.setattr(DatabaseDialog, "exec", answer)
    settings = Settings(str(tmp_path / "settings.ini"))

    assert app.ask_where_records_live(settings, "script.sqlite3") and asked == []
    assert app.ask_where_records_live(settings, None) and len(asked) == 1
    assert settings.get(DATABASE_KIND) == LAPTOP
    assert app.ask_where_records_live(settings, None) and len(asked) == 1  # chosen: not again

    older = Settings(str(tmp_path / "older.ini"))
    (tmp_path / "openup.sqlite3").touch()  # a laptop from before the question
    assert app.ask_where_records_live(older, None) and len(asked) == 1
    assert older.get(DATABASE_KIND) == LAPTOP


def test_a_chosen_server_that_fails_at_start_offers_the_dialog(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from db.connection import ServerAddress
    from desktop import app
    from desktop.shared_database import choose_server

    monkeypatch.delenv("OPENUP_DB", raising=False)
    monkeypatch.setattr("desktop.settings.data_folder", lambda: tmp_path)
    monkeypatch.setattr("db.database.data_folder", lambda: tmp_path)
    settings = Settings()
    settings.set(LANGUAGE, "en")
    down = ServerAddress("127.0.0.1", "openup", "openup_desk", port=_free_port(), tls="require")
    choose_server(settings, down, PASSWORD)
    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *_rest: object) -> object:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    def choose_laptop_instead(dialog: DatabaseDialog) -> int:
        dialog.laptop_choice.setChecked(True)
        dialog.keep()
        return int(dialog.result())

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(DatabaseDialog, "exec", choose_laptop_instead)

    ctx = app.open_reachable(settings, None)

    assert questions == [REFUSED + "\n\nChange where the records live?"]
    assert ctx is not None and ctx.database.is_sqlite
    assert ctx.database.url.database == str(tmp_path / "openup.sqlite3")
    ctx.database.dispose()


@pytest.mark.postgres
def test_a_computer_without_a_keyring_is_told_and_nothing_changes(
    postgres_server: PostgresServer,
    tls_server: Path,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what a Linux without Secret Service has
    try:
        dialog, ini = _dialog(tmp_path, qtbot)
        _fill(dialog, postgres_server, ca_file=tls_server)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        wait_for_operations(qtbot)
    finally:
        keyring.set_keyring(before)
    assert dialog.message.text().startswith("The password cannot be kept: this computer's keyring")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert Settings(str(ini)).get(DATABASE_KIND) == ""

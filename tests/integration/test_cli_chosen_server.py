"""The command line follows the database chosen in the program (issue 13): without --db and
OPENUP_DB a command works on the shared server of Settings → Database, with the password the
keyring keeps, not on a file of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url

from db.connection import ServerAddress
from db.database import ENV_VAR, Database
from db.migrate import current_revision
from db.revisions import HEAD
from desktop import cli
from desktop.cli.common import chosen_database
from desktop.settings import Settings
from desktop.shared_database import choose_laptop, choose_server
from tests.conftest import MemoryKeyring

PASSWORD = "Ķēniņš-2018!"


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The laptop's data folder (settings.ini) in the test's folder; no log file written."""
    monkeypatch.setattr("desktop.settings.data_folder", lambda: tmp_path)
    monkeypatch.setattr("db.database.data_folder", lambda: tmp_path)
    monkeypatch.setattr(cli, "start_logging", lambda: tmp_path / "openup.log")
    monkeypatch.delenv(ENV_VAR, raising=False)
    return tmp_path


def test_the_server_chosen_in_the_program_with_the_keyrings_password(
    data_folder: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = ServerAddress("db.biblioteka.lv", "openup", "openup_desk", tls="verify-full")
    choose_server(Settings(), server, PASSWORD)

    url = chosen_database(None)

    assert not isinstance(url, str) and url is not None
    assert (url.host, url.database, url.username) == ("db.biblioteka.lv", "openup", "openup_desk")
    assert url.password == PASSWORD
    # A script's choice still comes first, and so does OPENUP_DB.
    assert chosen_database("camp.sqlite3") == "camp.sqlite3"
    monkeypatch.setenv(ENV_VAR, "sqlite:///elsewhere.sqlite3")
    assert chosen_database(None) is None  # resolve_url reads OPENUP_DB
    monkeypatch.delenv(ENV_VAR)
    choose_laptop(Settings())
    assert chosen_database(None) is None  # the laptop's own file


@pytest.mark.postgres
def test_a_command_without_db_works_on_the_chosen_server(
    data_folder: Path,
    memory_keyring: MemoryKeyring,
    postgres_url: str,
    tls_server: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    given = make_url(postgres_url)
    assert given.host is not None and given.database is not None and given.username is not None
    server = ServerAddress(
        given.host, given.database, given.username, port=given.port or 5432, tls="require"
    )
    choose_server(Settings(), server, PASSWORD)

    assert cli.main(["migrate"]) == 0
    assert cli.main(["audit", "verify"]) == 0

    said = capsys.readouterr().out
    assert f"@{given.host}:{given.port}/{given.database}?" in said and "sslmode=require" in said
    assert f"schema at revision {HEAD}" in said and "0 events, chain intact." in said
    assert PASSWORD not in said
    database = Database(postgres_url)
    assert current_revision(database) == HEAD
    database.dispose()
    assert not (data_folder / "openup.sqlite3").exists()


def test_without_a_choice_a_command_keeps_to_the_laptops_file(
    data_folder: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["migrate"]) == 0
    assert (data_folder / "openup.sqlite3").exists()
    assert f"{data_folder / 'openup.sqlite3'}: schema at revision {HEAD}" in capsys.readouterr().out

"""The database chosen in the program: the server in settings.ini, its password in the keyring."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.connection import REFUSED, ConnectionFailed, ServerAddress
from db.database import ENV_VAR
from desktop.app import open_context
from desktop.settings import DATABASE_KIND, Settings
from desktop.shared_database import (
    KEYRING_SERVICE,
    LAPTOP,
    choose_laptop,
    choose_server,
    chosen_url,
    named_outside,
)
from tests.conftest import MemoryKeyring

PASSWORD = "Ķēniņš-2018!"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """open_context installs the laptop's language (Latvian): later tests read English."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from desktop import i18n

        i18n.install("en")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server(port: int = 5432) -> ServerAddress:
    return ServerAddress("127.0.0.1", "openup", "openup_desk", port=port, tls="require")


def test_the_password_goes_to_the_keyring_and_nowhere_else(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    ini = tmp_path / "settings.ini"
    settings = Settings(str(ini))

    choose_server(settings, _server(), PASSWORD)

    assert memory_keyring.kept == {(KEYRING_SERVICE, "openup_desk@127.0.0.1:5432/openup"): PASSWORD}
    written = ini.read_text(encoding="utf-8")
    assert "openup_desk" in written and "127.0.0.1" in written
    assert "2018" not in written and "password" not in written.lower()
    url = chosen_url(Settings(str(ini)))
    assert url is not None and url.password == PASSWORD and url.query["sslmode"] == "require"


def test_the_laptops_own_file_needs_no_url(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    settings = Settings(str(tmp_path / "settings.ini"))
    assert settings.get(DATABASE_KIND) == ""  # not chosen: the first run asks
    choose_server(settings, _server(), PASSWORD)
    choose_laptop(settings)
    assert settings.get(DATABASE_KIND) == LAPTOP and chosen_url(settings) is None


def test_a_server_without_a_kept_password(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    settings = Settings(str(tmp_path / "settings.ini"))
    choose_server(settings, _server(), PASSWORD)
    memory_keyring.kept.clear()
    url = chosen_url(settings)
    assert url is not None and url.password is None


def test_db_and_openup_db_still_come_first(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    ini = str(tmp_path / "settings.ini")
    choose_server(Settings(ini), _server(port=_free_port()), PASSWORD)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert not named_outside(None) and named_outside("x.sqlite3")

    given = tmp_path / "script.sqlite3"
    ctx = open_context(str(given), ini)
    assert ctx.database.url.database == str(given)
    ctx.database.dispose()

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    ctx = open_context(None, ini)
    assert ctx.database.url.database == str(tmp_path / "env.sqlite3")
    ctx.database.dispose()


def test_a_chosen_server_that_refuses_is_said_in_plain_words(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    ini = str(tmp_path / "settings.ini")
    choose_server(Settings(ini), _server(port=_free_port()), PASSWORD)
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(ConnectionFailed) as failed:
        open_context(None, ini)
    assert failed.value.message == REFUSED
    assert PASSWORD not in str(failed.value.__cause__)

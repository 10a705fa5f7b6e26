"""The program's settings on this laptop, each declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from db.database import data_folder

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


LANGUAGE = Setting("ui/language", "lv")  # lv, en, lt
SITE = Setting("desk/site", "")  # the site's name; empty: the first site
LOAN_HOURS = Setting("loans/default_hours", 0)  # 0: until the session's or the day's end
PLAY_SOUNDS = Setting("desk/sounds", True)  # a sound for each scan's outcome
STAFF_ID = Setting("desk/staff_id", 0)  # the librarian last signed in here
IDLE_MINUTES = Setting("security/idle_minutes", 10)  # the program locks itself after
# Which database the program opens: "" (not chosen yet: the first run asks), "laptop" (the
# SQLite file in the data folder) or "server" (the library's shared PostgreSQL). The
# server's password is never here: it is in the operating system's keyring.
DATABASE_KIND = Setting("database/kind", "")
SERVER_HOST = Setting("database/host", "")
SERVER_PORT = Setting("database/port", 5432)
SERVER_DATABASE = Setting("database/name", "")
SERVER_USER = Setting("database/user", "")
SERVER_TLS = Setting("database/tls", "verify-full")  # require, verify-full
SERVER_CA_FILE = Setting("database/ca_file", "")

LANGUAGES = {"lv": "Latviešu", "en": "English", "lt": "Lietuvių"}


class Settings:
    """Typed access to an INI file in the user's data folder (beside the database)."""

    def __init__(self, path: str | None = None) -> None:
        self._store = QSettings(
            path or str(data_folder() / "settings.ini"), QSettings.Format.IniFormat
        )

    @property
    def folder(self) -> Path:
        """Where the file is: this laptop's data folder (its local copy and journal too)."""
        return Path(self._store.fileName()).parent

    def get(self, setting: Setting[T]) -> T:
        value: object = self._store.value(setting.key, setting.default)
        default = setting.default
        # INI files hand every value back as text.
        if isinstance(default, bool):
            text = str(value).lower()
            return text in ("true", "1", "yes") if text else default
        if isinstance(default, int):
            try:
                return int(str(value))
            except ValueError:
                return default
        return str(value)

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)
        self._store.sync()

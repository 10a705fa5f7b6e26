"""Shared fixtures: a fresh migrated database per test, on a SQLite file or a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

# Qt must find no display here; set before any Qt import (pytest-qt aborts otherwise).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest

from db.accounts import add_staff
from db.database import Database
from db.equipment import ItemDetails, add_item
from db.migrate import migrate
from db.models import ItemCategory, ProgramKind, Role
from db.people import ParticipantDetails, register_participant
from db.programs import SessionPlan, add_project, add_site, create_program, create_session
from tests.postgres_server import (  # noqa: F401
    pg_ctl_path,
    postgres_proc,
    postgres_server,
    postgres_url,
)
from tests.server_access import password_role, tls_server  # noqa: F401


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'openup.sqlite3'}")
    migrate(database)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on a SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'openup.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    migrate(database)
    yield database
    database.dispose()


@dataclass(frozen=True)
class Desk:
    """A small library day: a site, a librarian, an open session, two children, equipment."""

    db: Database
    site_id: int
    librarian_id: int
    program_id: int
    session_id: int
    ilze_id: int
    janis_id: int


def make_desk(database: Database) -> Desk:
    site = add_site(database, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    project = add_project(database, "OPEN UP", "LLI-263")
    librarian = add_staff(database, "anna", "Anna Ozoliņa", Role.LIBRARIAN, site_id=site)
    program = create_program(
        database, "Nāc, pievienojies!", ProgramKind.OPEN, site, project_id=project
    )
    session = create_session(
        database,
        program,
        SessionPlan(date(2018, 10, 5), time(16), time(17), "Iespējas dzīvojot laukos"),
    )
    ilze = register_participant(database, ParticipantDetails("Ilze", "Ķēniņa", 2009, site))
    janis = register_participant(database, ParticipantDetails("Jānis", "Žūriņš", 2010, site))
    for tag, name, category in (
        ("LAP-01", "Portatīvais dators", ItemCategory.LAPTOP),
        ("XBOX-01", "Xbox One S", ItemCategory.CONSOLE),
    ):
        add_item(database, ItemDetails(tag, name, category, site))
    for tag in ("CTL-01", "CTL-02"):
        add_item(
            database,
            ItemDetails(
                tag, "Xbox kontrolieris", ItemCategory.CONTROLLER, site, parent_tag="XBOX-01"
            ),
        )
    return Desk(database, site, librarian, program, session, ilze, janis)


@pytest.fixture
def desk(sqlite_db: Database) -> Desk:
    return make_desk(sqlite_db)


@pytest.fixture
def any_desk(any_db: Database) -> Desk:
    return make_desk(any_db)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The operating system's keyring, in memory: what the program kept, for a test to read."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """keyring's backend swapped for one in memory (keyring.set_keyring), restored after."""
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)

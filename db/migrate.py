"""Bring a database's schema to the version this program expects, backing up a SQLite file first."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from db.database import APPLICATION_ID, Database, mark_as_ours, sqlite_path
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.models import SharedSetting
from db.revisions import HEAD, PROGRAM_VERSION, alembic_config

# shared_setting key: the version of the program that last migrated the schema, the oldest
# that can open it (read by an older program to say which version to install).
PROGRAM_VERSION_KEY = "program_version"


class ProgramTooOld(DomainError):
    """The database's schema is newer than this program knows: nothing is opened for writing."""

    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "This computer's program is older than the shared database: "
        "install version {version} or newer.",
    )


class ProgramTooOldUnknownVersion(ProgramTooOld):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "This computer's program is older than the shared database: "
        "install the newest version of OpenUp Desk.",
    )


class UpgradeNeedsConfirmation(DomainError):
    """A shared database at an older schema: every laptop on it is affected, so it is
    migrated only after an administrator confirms (`main.py migrate`, or the program's
    question at start)."""

    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The shared database was made by an older version of OpenUp Desk. An administrator "
        "must confirm its upgrade to version {version}; laptops with an older program "
        "cannot use it afterwards.",
    )


class UpgraderNotAdmin(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "Only an administrator of OpenUp Desk may confirm the upgrade of the shared database.",
    )


def upgrader(database: Database, username: str, password: str) -> int:
    """The administrator confirming a shared database's upgrade, checked by their password.

    Read with plain SQL: the records are at the older schema, which the models no longer
    describe (the staff's name, hash, role and state are there since the first version)."""
    from db.accounts import SignInRefused, verify_password

    with database.engine.connect() as connection:
        found = connection.execute(
            text("SELECT id, password_hash, role, active FROM staff WHERE username = :name"),
            {"name": username.strip().lower()},
        ).first()
    if found is None or not found.active or not verify_password(found.password_hash, password):
        if found is None:
            verify_password(None, password)  # as slow as a real check
        raise SignInRefused()
    if found.role != "admin":
        raise UpgraderNotAdmin()
    return int(found.id)


class UpgradeNotAllowed(DomainError):
    """The account may read and write records but not change the schema (the desk role)."""

    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "This account may not upgrade the shared database: the person who runs the server "
        "upgrades it with the schema owner's account (main.py migrate). Nothing was changed.",
    )


# PostgreSQL's insufficient_privilege, also "must be owner of table".
_NOT_ALLOWED = "42501"


def current_revision(database: Database) -> str | None:
    """The schema revision the database is at (None: an empty or pre-Alembic database)."""
    with database.engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


def backup_sqlite_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with SQLite's online backup (safe while others write),
    verified with integrity_check (a copy that fails is deleted and BackupFailed raised)."""
    from db.backups import backup_to

    return backup_to(source, target)


def _holds_tables(database: Database) -> bool:
    with database.engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def _is_marked(database: Database) -> bool:
    with database.engine.execution_options(read_only=True).connect() as connection:
        return connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID


def _mark(database: Database) -> None:
    """Mark a SQLite file as ours when it is opened for writing (files from before the mark).

    Not marking is no harm: a file with our tables and a schema revision is known as ours,
    and a file that cannot be written now is marked another time."""
    path = sqlite_path(database.url)
    if path is not None and not _is_marked(database):
        with suppress(sqlite3.Error):
            mark_as_ours(path)


def required_version(database: Database) -> str | None:
    """The program version a database's schema asks for (None: not written down)."""
    query = select(SharedSetting.value).where(SharedSetting.key == PROGRAM_VERSION_KEY)
    with database.engine.execution_options(read_only=True).connect() as connection:
        try:
            value: object = connection.execute(query).scalar()
        except DBAPIError:
            return None
    return value.get("version") if isinstance(value, dict) else None


def check_schema_known(database: Database, current: str | None) -> None:
    """Refuse a schema newer than this program before anything is written to it."""
    from db.revisions import known_revisions

    if current is None or current == HEAD or current in known_revisions():
        return
    version = required_version(database)
    if version is None:
        raise ProgramTooOldUnknownVersion()
    raise ProgramTooOld(version=version)


def _write_program_version(connection: Connection) -> None:
    connection.execute(delete(SharedSetting).where(SharedSetting.key == PROGRAM_VERSION_KEY))
    connection.execute(
        insert(SharedSetting).values(key=PROGRAM_VERSION_KEY, value={"version": PROGRAM_VERSION})
    )


def migrate(database: Database, *, back_up: bool = True, confirmed: bool = False) -> Path | None:
    """Upgrade to head; returns the backup copy taken of an older SQLite file, if any.

    `back_up=False` for a file that is itself a copy (a backup being restored). A shared
    (server) database that already holds a schema is upgraded only when `confirmed`
    (UpgradeNeedsConfirmation otherwise); an empty one is set up without asking."""
    current = current_revision(database)
    check_schema_known(database, current)
    _mark(database)
    if current == HEAD:
        return None
    if current is not None and not database.is_sqlite and not confirmed:
        raise UpgradeNeedsConfirmation(version=PROGRAM_VERSION)
    from alembic import command

    backup = None
    path = sqlite_path(database.url)
    if back_up and path is not None and _holds_tables(database):
        from db.backup_folder import new_backup_path, prune

        reason = f"before-migration-{current or 'base'}"
        backup = backup_sqlite_file(path, new_backup_path(path, datetime.now(), reason))
        prune(path)
    config = alembic_config()
    try:
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            _write_program_version(connection)
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == _NOT_ALLOWED:
            raise UpgradeNotAllowed() from error
        raise
    return backup

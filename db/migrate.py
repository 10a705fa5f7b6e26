"""Bring a database's schema to the version this program expects, backing up a SQLite file first."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from db.database import APPLICATION_ID, Database, mark_as_ours, sqlite_path
from db.revisions import HEAD, alembic_config


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


def migrate(database: Database, *, back_up: bool = True) -> Path | None:
    """Upgrade to head; returns the backup copy taken of an older SQLite file, if any.

    `back_up=False` for a file that is itself a copy (a backup being restored)."""
    current = current_revision(database)
    _mark(database)
    if current == HEAD:
        return None
    from alembic import command

    backup = None
    path = sqlite_path(database.url)
    if back_up and path is not None and _holds_tables(database):
        from db.backups import new_backup_path, prune

        reason = f"before-migration-{current or 'base'}"
        backup = backup_sqlite_file(path, new_backup_path(path, datetime.now(), reason))
        prune(path)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup

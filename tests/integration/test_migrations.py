from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from db.database import Database
from db.migrate import current_revision, migrate
from db.models import Base
from db.revisions import alembic_config, head_revision


def test_empty_database_migrates_to_head_and_matches_the_model(any_db: Database) -> None:
    assert current_revision(any_db) == head_revision()
    with any_db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    assert {"participant", "attendance", "loan", "item", "audit_event", "consent"} <= tables


def test_migrating_twice_changes_nothing(any_db: Database) -> None:
    assert migrate(any_db) is None


def test_sqlite_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_older_file_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate(database)
    # Make it an older file: schema stepped back to base, holding a record of its own.
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.exec_driver_sql("CREATE TABLE older_note (text TEXT)")
        connection.exec_driver_sql("INSERT INTO older_note VALUES ('Ķēniņa: pirms migrācijas')")
    assert current_revision(database) is None

    backup = migrate(database)

    assert current_revision(database) == head_revision()
    assert backup is not None and backup.parent == tmp_path / "backups"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT text FROM older_note").fetchall() == [
            ("Ķēniņa: pirms migrācijas",)
        ]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    database.dispose()


def test_a_new_file_needs_no_backup(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert migrate(database) is None
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_backup_copy_is_a_complete_database(tmp_path: Path, sqlite_db: Database) -> None:
    from db.database import sqlite_path
    from db.migrate import backup_sqlite_file

    with sqlite_db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO site (name, country, library_name) VALUES ('Ludza', 'LV', '')")
        )
    source = sqlite_path(sqlite_db.url)
    assert source is not None
    copy = backup_sqlite_file(source, tmp_path / "backups" / "copy.sqlite3")
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT name FROM site").fetchall() == [("Ludza",)]


def test_the_head_constant_names_the_newest_migration() -> None:
    from db.revisions import HEAD

    assert head_revision() == HEAD


def test_migration_0004_chains_the_events_already_written(any_db: Database) -> None:
    """A log written before the chain existed is chained as the program would have done."""
    from sqlalchemy import select

    from db.audit_log import check_audit_log
    from db.models import AuditEvent
    from tests.conftest import make_desk

    make_desk(any_db)
    with any_db.reading() as tx:
        written = tx.execute(select(AuditEvent.id, AuditEvent.chain).order_by("id")).all()
    config = alembic_config()
    with any_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert current_revision(any_db) == "0003"
    with any_db.engine.connect() as connection:
        assert "chain" not in {c["name"] for c in inspect(connection).get_columns("audit_event")}

    migrate(any_db, confirmed=True)  # a shared database: the administrator confirmed

    with any_db.reading() as tx:
        chained = tx.execute(select(AuditEvent.id, AuditEvent.chain).order_by("id")).all()
    assert chained == written and len(chained) >= 10
    found = check_audit_log(any_db, by=None)
    assert found.intact and found.events == len(written)

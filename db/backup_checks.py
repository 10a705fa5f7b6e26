"""Whether a file is a sound OpenUp Desk database: SQLite's own integrity check, our
application id and tables, a schema this program knows, and real records in it.

A file is only ever opened read-only here, so a damaged database is never written to.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from db.database import APPLICATION_ID
from db.errors import QT_TRANSLATE_NOOP

# Tables every OpenUp Desk database has had since its first schema revision.
_OUR_TABLES = frozenset(
    {"alembic_version", "site", "staff", "participant", "session", "attendance", "audit_event"}
)
# Tables whose rows are real records: a copy with none of them (at most the first-run
# site and accounts) holds nothing worth keeping.
_RECORD_TABLES = ("participant", "attendance", "session", "item", "loan")
# Why a file is not a database of ours (fields of DatabaseDamaged and NotAGoodCopy).
EMPTY_FILE = QT_TRANSLATE_NOOP("DomainError", "the file is empty")
FOREIGN_FILE = QT_TRANSLATE_NOOP("DomainError", "it is not an OpenUp Desk database")
NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "DomainError", "it was made by a newer version of OpenUp Desk than this one"
)


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to the file (sqlite3.Error when it cannot be read)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    connection = None
    try:
        connection = sqlite3.connect(uri, uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        if not isinstance(error, sqlite3.OperationalError) or Path(f"{path}-wal").exists():
            raise
        # A WAL file on a read-only folder or disk cannot make its -shm: with no -wal beside
        # it nobody is writing, so it can be read as an unchanging file.
        connection = sqlite3.connect(f"{uri}&immutable=1", uri=True)
    with closing(connection):
        yield connection


def integrity_problem(path: Path, *, quick: bool = False) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong in SQLite's words.

    The file is opened read-only, so a damaged database is never written to. `quick` runs
    `PRAGMA quick_check` (every page and row, not the indexes' contents): at each start of
    the program on ten years of records it costs a fraction of the full check.
    """
    if not path.is_file():
        return "the file does not exist"
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    try:
        with _read_only(path) as connection:
            found = [str(row[0]) for row in connection.execute(pragma)]
    except sqlite3.Error as error:
        return str(error)
    return None if found == ["ok"] else "; ".join(found[:3])


def start_problem(path: Path) -> str | None:
    """What is wrong with an existing file the program is about to open (None: nothing):
    SQLite's quick check, then whether it is ours. Only reads, so any thread may ask."""
    return integrity_problem(path, quick=True) or foreign_problem(path)


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


def foreign_problem(path: Path) -> str | None:
    """None when a sound SQLite file is an OpenUp Desk database, else why it is not.

    Ours carries the program's application_id (older files: our tables and a schema
    revision); an empty file is a database of nobody's, not a new one.
    """
    if path.stat().st_size == 0:
        return EMPTY_FILE
    try:
        with _read_only(path) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = _tables(connection)
    except sqlite3.Error as error:
        return str(error)
    if application_id == APPLICATION_ID or (application_id == 0 and tables >= _OUR_TABLES):
        return None
    return FOREIGN_FILE


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def restore_problem(path: Path) -> str | None:
    """None when the file can be restored: a sound OpenUp Desk database whose schema this
    program knows; else why not."""
    from db.revisions import known_revisions

    problem = integrity_problem(path) or foreign_problem(path)
    if problem is not None:
        return problem
    try:
        with _read_only(path) as connection:
            if not _tables(connection) >= _OUR_TABLES:
                return FOREIGN_FILE
            revision = _revision(connection)
    except sqlite3.Error as error:
        return str(error)
    return None if revision in known_revisions() else NEWER_SCHEMA


def holds_records(path: Path) -> bool:
    """Whether a copy is of our database and holds any real record (a child, an attendance,
    a session, an item, a loan), not only an empty schema or the first run's accounts."""
    try:
        if not path.is_file() or foreign_problem(path) is not None:
            return False
        with _read_only(path) as connection:
            tables = _tables(connection)
            return any(
                connection.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
                for table in _RECORD_TABLES
                if table in tables
            )
    except sqlite3.Error:
        return False

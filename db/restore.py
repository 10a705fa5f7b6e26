"""Put a backup in a SQLite database's place, without bringing an erased child back.

Apart from db.backups because a restore migrates the copy it puts back (to erase again
the children erased after it was made), and migrating backs up through db.backups.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from db.accounts import BACK_UP_OR_RESTORE, check_admin
from db.backup_checks import foreign_problem, integrity_problem, restore_problem
from db.backup_folder import (
    BEFORE_RESTORE,
    DAMAGED,
    list_backups,
    new_backup_path,
    private_folder,
    prune,
    remove_file,
)
from db.backups import (
    BackupFailed,
    BackupNotWritten,
    BackupTargetTaken,
    DatabaseNotReplaced,
    NotAGoodCopy,
    backup_to,
    database_file,
    why_not_written,
)
from db.database import Database, make_private
from db.files import folder_to_disk

if TYPE_CHECKING:
    from db.privacy import Erasure

log = logging.getLogger(__name__)


def _keep_damaged(path: Path, kept: Path) -> Path:
    """The damaged file (and its -wal) byte for byte, for someone to look at later."""
    copies = [Path(f"{kept}{suffix}") for suffix in ("", "-wal")]
    try:
        private_folder(kept.parent)
        for suffix, copy in zip(("", "-wal"), copies, strict=True):
            if Path(f"{path}{suffix}").exists():
                shutil.copyfile(f"{path}{suffix}", copy)
                make_private(copy)
    except OSError as error:
        for copy in copies:
            with suppress(OSError):
                remove_file(copy)
        raise BackupNotWritten(
            folder=str(kept.parent), reason=why_not_written(error) or str(error)
        ) from error
    return kept


def _erasures_in(path: Path) -> list[Erasure]:
    """The erasure register of a database file or copy, read without writing to it;
    nothing when it cannot be read (a damaged file: the safety copies hold it too)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from db.privacy import erasure_register

    if not path.is_file() or foreign_problem(path) is not None:
        return []
    uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with Session(engine) as tx:
            return erasure_register(tx)
    except (SQLAlchemyError, sqlite3.Error):
        return []
    finally:
        engine.dispose()


def _reapply_erasures(staged: Path, register: list[Erasure]) -> int:
    """Erase in the copy being restored every child erased after it was made, before anyone
    uses it: brought to this program's schema (the copy is the backup of what it was),
    erased, logged, and folded back into one self-contained, checked file."""
    from db.migrate import migrate
    from db.privacy import reapply_erasures

    if not register:
        return 0
    restored = Database(URL.create("sqlite", database=str(staged)))
    try:
        migrate(restored, back_up=False)
        count = reapply_erasures(restored, register)
    finally:
        restored.dispose()
    with closing(sqlite3.connect(staged)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    problem = integrity_problem(staged)
    if problem is not None:
        raise BackupFailed(path=str(staged), problem=problem)
    return count


def restore(
    url: URL, source: Path, database: Database | None = None, *, by: int | None = None
) -> Path | None:
    """Put a backup in the database's place; returns the copy kept of the state before.

    The source is verified first; the erasure register is read from the database and its
    safety copies; the current state is backed up (or, when damaged, kept byte for byte as
    a `-damaged` copy); every connection of `database` is closed; the children erased
    after the backup was made are erased again in a copy written beside the database,
    which then replaces it in one rename.
    From the program `by` is the signed-in account, which must be an admin.
    """
    if by is not None:
        assert database is not None, "an account is checked against its database"
        check_admin(database, by, BACK_UP_OR_RESTORE)
    path = database_file(url)
    source = source.expanduser().resolve()
    problem = restore_problem(source)
    if problem is not None:
        raise NotAGoodCopy(path=str(source), problem=problem)
    if source == path:
        raise BackupTargetTaken(path=str(source))
    register = _erasures_in(path)
    for backup in list_backups(path):
        if backup.reason:  # before a restore or a migration, or of a damaged file
            register += _erasures_in(backup.path)
    if database is not None:
        database.dispose()
    now = datetime.now()
    kept: Path | None = None
    if path.exists():
        if integrity_problem(path) is None and foreign_problem(path) is None:
            kept = backup_to(path, new_backup_path(path, now, BEFORE_RESTORE))
        else:
            kept = _keep_damaged(path, new_backup_path(path, now, DAMAGED))
    prune(path)  # older safety copies go; the one just taken is the newest
    staged = backup_to(source, path.with_name(f".{path.name}.restoring"))
    try:
        erased_again = _reapply_erasures(staged, register)
        # The old -wal must go first: SQLite would apply its pages to the restored file.
        for suffix in ("-wal", "-shm", "-journal"):
            remove_file(Path(f"{path}{suffix}"))
        os.replace(staged, path)
    except BaseException as error:
        for leftover in (staged, *(Path(f"{staged}{end}") for end in ("-wal", "-shm"))):
            with suppress(OSError):
                remove_file(leftover)
        if isinstance(error, OSError):  # another program holds the file (Windows), or worse
            reason = why_not_written(error) or str(error)
            raise DatabaseNotReplaced(path=str(path), reason=reason) from error
        raise
    if erased_again:
        log.info("restore: %d children erased after the copy was made erased again", erased_again)
    folder_to_disk(path.parent)
    return kept

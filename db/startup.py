"""Opening the database as the program starts: integrity check, migration; the daily backup.

Shared by the desk's start-up and every command of the CLI; no screen is involved.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy.engine import URL

    from db.database import Database

log = logging.getLogger(__name__)


class StartCheck:
    """db.backups.check_at_start of the file about to be opened, begun on a thread of its own
    as soon as the file is known: SQLite lets go of the GIL while it reads every page (~0.15 s
    on ten years of records), so the program's imports go on beside it. The thread only
    reads; `wait` raises on the caller's thread what it found, before anything writes."""

    def __init__(self, given: str | URL | None) -> None:
        from db.backup_checks import start_problem
        from db.database import resolve_url, sqlite_path

        self.url = resolve_url(given)
        self._path = sqlite_path(self.url)
        self._problem: str | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if self._path is not None and self._path.exists():
            self._thread = threading.Thread(
                target=self._check, args=(start_problem, self._path), name="start-up check"
            )
            self._thread.start()

    def _check(self, start_problem: Callable[[Path], str | None], path: Path) -> None:
        try:
            self._problem = start_problem(path)
        except BaseException as error:  # raised again by wait, on the thread that opens
            self._error = error

    def wait(self) -> None:
        """DatabaseDamaged (naming the newest good backup) when the file failed the check."""
        if self._thread is None:
            return
        self._thread.join()
        if self._error is not None:
            raise self._error
        from db.backups import refuse_damaged

        assert self._path is not None
        refuse_damaged(self._path, self._problem)


def open_database(
    given: str | URL | None,
    *,
    confirmed: bool = False,
    upgrade_by: tuple[str, str] | None = None,
    check: StartCheck | None = None,
) -> Database:
    """The chosen database, migrated to this program's schema (with a backup of an older file).

    A SQLite file that fails its integrity check is refused (DatabaseDamaged names the newest
    good backup) before anything opens it for writing, and so is a schema newer than this
    program (ProgramTooOld); the program's daily backup is `daily_backup`. `confirmed`: an
    administrator agreed to upgrade a shared database (running a command as the server's
    schema owner); `upgrade_by`: the username and password of the program's administrator
    who agreed at the desk, checked first and logged. `check`: the StartCheck of `given`
    begun earlier, waited for here (else it runs now).
    """
    # Imported here: a CLI command that needs no database does not pay for Alembic.
    from sqlalchemy.exc import OperationalError

    from db.backups import check_at_start
    from db.connection import connection_failure
    from db.database import Database, describe, resolve_url
    from db.errors import DomainError
    from db.migrate import current_revision, migrate, upgrader
    from db.revisions import HEAD

    url = resolve_url(given)
    if check is None:
        check_at_start(url)
    else:
        assert check.url == url, "the check begun was of another database"
        check.wait()
    database = Database(url)
    try:
        admin = None if upgrade_by is None else upgrader(database, *upgrade_by)
        upgrading = admin is not None and current_revision(database) != HEAD
        backup = migrate(database, confirmed=confirmed or admin is not None)
        if upgrading:
            assert admin is not None
            _log_upgrade(database, admin)
    except DomainError:
        database.dispose()
        raise
    except OperationalError as error:
        database.dispose()
        if database.is_sqlite:
            raise
        # The shared server could not be reached: which of the usual troubles, in plain words.
        raise connection_failure(error) from error
    if backup is not None:
        log.info("migrated %s after backing it up to %s", describe(database.url), backup)
    return database


def daily_backup(database: Database) -> Path | None:
    """The automatic backup of the program's SQLite file, at most once a day (None: none made).

    A failure is logged and the desk goes on. The program runs it on the database worker
    once the desk is up: on ten years of records the copy and its check take ~1 s."""
    from db.backups import backup_if_due
    from db.database import sqlite_path
    from db.errors import DomainError

    path = sqlite_path(database.url)
    if path is None:
        return None
    try:
        daily = backup_if_due(path)
    except (DomainError, OSError):  # the desk still works; the log says why
        log.exception("the automatic backup of %s failed", path)
        return None
    if daily is not None:
        log.info("backed up %s to %s", path, daily)
    return daily


def _log_upgrade(database: Database, admin: int) -> None:
    from db import audit
    from db.audit_actions import AuditAction
    from db.revisions import PROGRAM_VERSION

    with database.unit_of_work() as uow:
        audit.record(
            uow.tx,
            admin,
            AuditAction.DATABASE_UPGRADED,
            "database",
            None,
            f"Upgraded the shared database to version {PROGRAM_VERSION}",
        )
        uow.commit()

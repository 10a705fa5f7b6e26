"""Backups of a SQLite database file: online copies, verified, taken daily at start or when
asked, and kept as db.backup_folder says.

Copies are made with SQLite's online backup (a consistent snapshot while the program and
others keep writing) into `backups/` beside the database, named with the date and time,
checked with `PRAGMA integrity_check` after writing, and readable by the owner only.
A damaged database is never written to: it is reported with the newest good backup.
A PostgreSQL database is the server's to back up; this module says so with the pg_dump
command to use instead of pretending.
"""

from __future__ import annotations

import errno
import logging
import os
import shlex
import sqlite3
from contextlib import closing, suppress
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import URL

from db import clock
from db.accounts import BACK_UP_OR_RESTORE, check_admin
from db.backup_checks import integrity_problem, start_problem
from db.backup_folder import (
    backups_folder,
    list_backups,
    new_backup_path,
    newest_good_backup,
    private_folder,
    prune,
    remove_file,
)
from db.database import (
    BUSY_TIMEOUT_MS,
    Database,
    create_private_file,
    make_private,
    sqlite_path,
)
from db.dates import moment_text
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.files import folder_to_disk, to_disk
from db.progress import Progress, go_on

log = logging.getLogger(__name__)

# Pages copied per step when someone watches (4 MB at SQLite's usual 4 KB pages): often
# enough for a count that moves, few enough that a write elsewhere rarely restarts the copy.
BACKUP_STEP_PAGES = 1024


class BackupFailed(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The backup {path} failed its check and was deleted: {problem}"
    )


class BackupNotWritten(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "No backup could be written in {folder}: {reason}. Nothing was left there."
    )


# Why a copy could not be written (fields of BackupNotWritten).
READ_ONLY = QT_TRANSLATE_NOOP("DomainError", "the disk or the folder is read-only")
DISK_FULL = QT_TRANSLATE_NOOP("DomainError", "the disk is full")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "this user may not write there")
NO_FOLDER = QT_TRANSLATE_NOOP("DomainError", "the folder cannot be made there")


class DatabaseNotReplaced(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database {path} could not be replaced ({reason}). Close the program on every "
        "computer that uses it, then restore again.",
    )


class NotAGoodCopy(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "{path} is not a sound copy of the database ({problem}), so nothing was restored.",
    )


class NoDatabaseFile(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "There is no database file at {path}.")


class BackupTargetTaken(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{path} already exists or is the database itself; choose a new file name."
    )


class ServerBackups(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "This database is on a PostgreSQL server: backups are the server's job, and this "
        "program does not make them. Ask the server's administrator, or back it up with "
        "(it asks for the password): {command}",
    )


class DatabaseDamaged(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database file {path} is damaged or cannot be opened ({problem}). The program "
        "did not open it and left the file as it is. The newest good backup is {backup}, "
        "made {made}. To restore it, close the program and run: {command}",
    )


class DatabaseDamagedNoBackup(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database file {path} is damaged or cannot be opened ({problem}). The program "
        "did not open it and left the file as it is. No good backup was found in {folder}. "
        "Keep the file and ask for help.",
    )


def why_not_written(error: OSError | sqlite3.Error) -> str | None:
    """A full, read-only or forbidden target in plain words; None: not the target's fault."""
    if isinstance(error, OSError):
        reasons = {
            errno.EROFS: READ_ONLY,
            errno.ENOSPC: DISK_FULL,
            getattr(errno, "EDQUOT", errno.ENOSPC): DISK_FULL,
            errno.EACCES: NOT_ALLOWED,
            errno.EPERM: NOT_ALLOWED,
            errno.ENOENT: NO_FOLDER,
            errno.ENOTDIR: NO_FOLDER,
        }
        return reasons.get(error.errno or 0, error.strerror or str(error))
    text = str(error).lower()
    if "full" in text:
        return DISK_FULL
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "unable to open" in text:
        return NOT_ALLOWED
    return None


def backup_to(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy a live SQLite database to target with the online backup, then verify the copy.

    The copy is written beside target and renamed into place only after it passed
    `PRAGMA integrity_check`; a copy that fails is deleted and BackupFailed raised. A
    target that cannot be written (read-only, full, forbidden) is BackupNotWritten, and
    nothing is left there either.
    `progress(done, total)` hears the kilobytes copied after each step (it cannot stop it).
    """
    if not source.is_file():
        raise NoDatabaseFile(path=str(source))
    partial = target.with_name(f".{target.name}.partial")
    leftovers = (partial, Path(f"{partial}-journal"))
    try:
        private_folder(target.parent)
        for leftover in leftovers:
            remove_file(leftover)
        create_private_file(partial)
        with (
            closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            if progress is None:
                src.backup(dst)
            else:
                page_kb = src.execute("PRAGMA page_size").fetchone()[0] / 1024

                def copied(_status: int, remaining: int, total: int) -> None:
                    go_on(progress, round((total - remaining) * page_kb), round(total * page_kb))

                src.backup(dst, pages=BACKUP_STEP_PAGES, progress=copied)
            # A self-contained file: no -wal beside the copy, whatever the source used.
            dst.execute("PRAGMA journal_mode=DELETE")
        make_private(partial)
        problem = integrity_problem(partial)
        if problem is not None:
            raise BackupFailed(path=str(target), problem=problem)
        to_disk(partial)  # on disk before it takes the name: a power cut leaves no empty copy
        os.replace(partial, target)
    except (OSError, sqlite3.Error, BackupFailed) as error:
        for leftover in leftovers:
            with suppress(OSError):
                remove_file(leftover)
        if isinstance(error, BackupFailed):
            raise
        reason = why_not_written(error)
        if reason is None:
            raise BackupFailed(path=str(target), problem=str(error)) from error
        raise BackupNotWritten(folder=str(target.parent), reason=reason) from error
    folder_to_disk(target.parent)
    return target


def _library_now() -> datetime:
    """The library's wall-clock time, as a copy's name carries it: the program's clock, so a
    copy is stamped with the same "now" as the records it holds."""
    return clock.local(clock.now_utc()).replace(tzinfo=None)


def back_up_now(
    database_file: Path, *, now: datetime | None = None, progress: Progress | None = None
) -> Path:
    """A verified copy into the backups folder, then retention."""
    target = backup_to(
        database_file, new_backup_path(database_file, now or _library_now()), progress
    )
    prune(database_file)
    return target


def backup_if_due(database_file: Path, *, now: datetime | None = None) -> Path | None:
    """The automatic backup at start: at most one a day (None when today's exists)."""
    now = now or _library_now()
    if not database_file.is_file() or any(
        backup.made.date() == now.date() and not backup.reason
        for backup in list_backups(database_file)
    ):
        return None
    return back_up_now(database_file, now=now)


def restore_command(database_file: Path, backup: Path) -> str:
    return shlex.join(["python", "main.py", "--db", str(database_file), "restore", str(backup)])


def check_at_start(url: URL) -> None:
    """Refuse to open a SQLite file that fails its integrity check, is empty or is not ours,
    naming the newest good backup; such a file is only read, never written. Only a missing
    file is a new database."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return
    refuse_damaged(path, start_problem(path))


def refuse_damaged(path: Path, problem: str | None) -> None:
    """Refuse a file that has a problem (start_problem), naming the newest good backup."""
    if problem is None:
        return
    good = newest_good_backup(path)
    if good is None:
        raise DatabaseDamagedNoBackup(
            path=str(path), problem=problem, folder=str(backups_folder(path))
        )
    raise DatabaseDamaged(
        path=str(path),
        problem=problem,
        backup=str(good.path),
        made=moment_text(good.made, full=True),
        command=restore_command(path, good.path),
    )


def pg_dump_command(url: URL, today: date | None = None) -> str:
    """The pg_dump command for a server database, without its password (pg_dump asks)."""
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    day = today or date.today()
    return shlex.join(
        [
            "pg_dump",
            "--format=custom",
            f"--file=openup-{day.isoformat()}.dump",
            plain.render_as_string(hide_password=False),
        ]
    )


def database_file(url: URL) -> Path:
    """The SQLite file to back up or restore; a server database is refused with advice."""
    path = sqlite_path(url)
    if path is None:
        raise ServerBackups(command=pg_dump_command(url))
    return path


def back_up(
    url: URL,
    out: Path | None = None,
    *,
    database: Database | None = None,
    by: int | None = None,
    progress: Progress | None = None,
) -> Path:
    """`Back up now`: into the backups folder, or to `out` (a new file) when given.

    From the program `by` is the signed-in account, which must be an admin;
    `progress(done, total)` hears the kilobytes copied.
    """
    if by is not None:
        assert database is not None, "an account is checked against its database"
        check_admin(database, by, BACK_UP_OR_RESTORE)
    path = database_file(url)
    if not path.exists():
        raise NoDatabaseFile(path=str(path))
    check_at_start(url)  # a damaged database is reported with its newest good backup
    if out is None:
        return back_up_now(path, progress=progress)
    out = out.expanduser().resolve()
    if out.exists() or out == path:
        raise BackupTargetTaken(path=str(out))
    return backup_to(path, out, progress)

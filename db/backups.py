"""Backups of a SQLite database file: online copies, verified, kept 14 days and 12 months.

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
import re
import shlex
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import URL

from db import clock
from db.accounts import BACK_UP_OR_RESTORE, check_admin
from db.database import (
    APPLICATION_ID,
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

FOLDER_NAME = "backups"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_SAFETY = 5  # copies taken before a restore or a migration
# Pages copied per step when someone watches (4 MB at SQLite's usual 4 KB pages): often
# enough for a count that moves, few enough that a write elsewhere rarely restarts the copy.
BACKUP_STEP_PAGES = 1024
PRIVATE_FOLDER = 0o700
_STAMP = "%Y-%m-%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})(?:-(?P<reason>[a-z0-9-]+))?\.sqlite3$"
)
# Reasons for copies outside the daily routine (see prune for how long they stay).
BEFORE_RESTORE = "before-restore"
DAMAGED = "damaged"
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


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    reason: str  # "" for a daily or manual copy; else why it was taken


def backups_folder(database_file: Path) -> Path:
    return database_file.parent / FOLDER_NAME


def backup_path(database_file: Path, made: datetime, reason: str = "") -> Path:
    suffix = f"-{reason}" if reason else ""
    name = f"{database_file.stem}-{made.strftime(_STAMP)}{suffix}.sqlite3"
    return backups_folder(database_file) / name


def new_backup_path(database_file: Path, made: datetime, reason: str = "") -> Path:
    """A name for a new copy that no other copy has: two copies in the same second (two
    restores in a row) must not replace one another."""
    target = backup_path(database_file, made, reason)
    while target.exists():
        made += timedelta(seconds=1)
        target = backup_path(database_file, made, reason)
    return target


def list_backups(database_file: Path) -> list[Backup]:
    """The copies of this database in its backups folder, newest first."""
    folder = backups_folder(database_file)
    found = []
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database_file.stem:
            continue
        try:
            made = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        found.append(Backup(path, made, match["reason"] or ""))
    return sorted(found, key=lambda backup: (backup.made, backup.path.name), reverse=True)


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


def private_folder(folder: Path) -> None:
    """A folder this module creates is the owner's only; one that exists is left as it is."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def remove_file(path: Path) -> None:
    with suppress(FileNotFoundError):
        path.unlink()


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


def to_delete(
    made: Iterable[datetime], *, daily: int = KEEP_DAILY, monthly: int = KEEP_MONTHLY
) -> set[datetime]:
    """Which backups retention removes: all but the newest of each of the last `daily` days
    that have one, and the newest of each of the last `monthly` months that have one."""
    newest_first = sorted(set(made), reverse=True)
    per_day: dict[date, datetime] = {}
    per_month: dict[tuple[int, int], datetime] = {}
    for stamp in newest_first:
        per_day.setdefault(stamp.date(), stamp)
        per_month.setdefault((stamp.year, stamp.month), stamp)
    keep = set(list(per_day.values())[:daily]) | set(list(per_month.values())[:monthly])
    return set(newest_first) - keep


def newest_with_records(backups: Iterable[Backup]) -> Path | None:
    """The newest of these copies that holds real records (copies of a damaged file aside)."""
    for backup in backups:
        if backup.reason != DAMAGED and holds_records(backup.path):
            return backup.path
    return None


def prune(database_file: Path) -> list[Path]:
    """Delete the copies retention no longer keeps: daily copies past 14 days and 12 months,
    and safety copies (before a restore or a migration) but the newest KEEP_SAFETY.
    Copies of a damaged file stay until someone who looked at them deletes them, and the
    newest copy that holds real records always stays: restores of empty databases must not
    push the last copy of the real data out."""
    backups = list_backups(database_file)  # newest first
    routine = [backup for backup in backups if not backup.reason]
    going = to_delete(backup.made for backup in routine)
    removed = [backup.path for backup in routine if backup.made in going]
    safety = [backup for backup in backups if backup.reason and backup.reason != DAMAGED]
    removed += [backup.path for backup in safety[KEEP_SAFETY:]]
    if removed:
        keep = newest_with_records(backups)
        removed = [path for path in removed if path != keep]
    for path in removed:
        remove_file(path)
    return removed


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


def newest_good_backup(database_file: Path) -> Backup | None:
    """The newest copy a restore would take (copies of a damaged file aside)."""
    for backup in list_backups(database_file):
        if backup.reason != DAMAGED and restore_problem(backup.path) is None:
            return backup
    return None


def restore_command(database_file: Path, backup: Path) -> str:
    return shlex.join(["python", "main.py", "--db", str(database_file), "restore", str(backup)])


def check_at_start(url: URL) -> None:
    """Refuse to open a SQLite file that fails its integrity check, is empty or is not ours,
    naming the newest good backup; such a file is only read, never written. Only a missing
    file is a new database."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return
    problem = integrity_problem(path, quick=True) or foreign_problem(path)
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

"""Backups of a SQLite database file: online copies, verified, kept 14 days and 12 months.

Copies are made with SQLite's online backup (a consistent snapshot while the program and
others keep writing) into `backups/` beside the database, named with the date and time,
checked with `PRAGMA integrity_check` after writing, and readable by the owner only.
A damaged database is never written to: it is reported with the newest good backup.
A PostgreSQL database is the server's to back up; this module says so with the pg_dump
command to use instead of pretending.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import URL

from db.accounts import BACK_UP_OR_RESTORE, check_admin
from db.database import BUSY_TIMEOUT_MS, Database, create_private_file, make_private, sqlite_path
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.progress import Progress, go_on

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


class BackupFailed(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The backup {path} failed its check and was deleted: {problem}"
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


def integrity_problem(path: Path, *, quick: bool = False) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong in SQLite's words.

    The file is opened read-only, so a damaged database is never written to. `quick` runs
    `PRAGMA quick_check` (every page and row, not the indexes' contents): at each start of
    the program on ten years of records it costs a fraction of the full check.
    """
    if not path.is_file():
        return "the file does not exist"
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        found = _integrity_check(uri, quick)
    except sqlite3.OperationalError as error:
        if Path(f"{path}-wal").exists():
            return str(error)
        # A WAL file on a read-only folder or disk cannot make its -shm: with no -wal beside
        # it nobody is writing, so it can be read as an unchanging file.
        try:
            found = _integrity_check(f"{uri}&immutable=1", quick)
        except sqlite3.Error:
            return str(error)
    except sqlite3.Error as error:
        return str(error)
    return None if found == ["ok"] else "; ".join(found[:3])


def _integrity_check(uri: str, quick: bool = False) -> list[str]:
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return [str(row[0]) for row in connection.execute(pragma)]


def _private_folder(folder: Path) -> None:
    """A folder this module creates is the owner's only; one that exists is left as it is."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def _remove(path: Path) -> None:
    with suppress(FileNotFoundError):
        path.unlink()


def backup_to(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy a live SQLite database to target with the online backup, then verify the copy.

    The copy is written beside target and renamed into place only after it passed
    `PRAGMA integrity_check`; a copy that fails is deleted and BackupFailed raised.
    `progress(done, total)` hears the kilobytes copied after each step (it cannot stop it).
    """
    if not source.is_file():
        raise NoDatabaseFile(path=str(source))
    _private_folder(target.parent)
    partial = target.with_name(f".{target.name}.partial")
    for leftover in (partial, Path(f"{partial}-journal")):
        _remove(leftover)
    create_private_file(partial)
    try:
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
    except sqlite3.Error as error:
        _remove(partial)
        raise BackupFailed(path=str(target), problem=str(error)) from error
    make_private(partial)
    problem = integrity_problem(partial)
    if problem is not None:
        _remove(partial)
        raise BackupFailed(path=str(target), problem=problem)
    os.replace(partial, target)
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


def prune(database_file: Path) -> list[Path]:
    """Delete the copies retention no longer keeps: daily copies past 14 days and 12 months,
    and safety copies (before a restore or a migration) but the newest KEEP_SAFETY.
    Copies of a damaged file stay until someone who looked at them deletes them."""
    backups = list_backups(database_file)  # newest first
    routine = [backup for backup in backups if not backup.reason]
    going = to_delete(backup.made for backup in routine)
    removed = [backup.path for backup in routine if backup.made in going]
    safety = [backup for backup in backups if backup.reason and backup.reason != DAMAGED]
    removed += [backup.path for backup in safety[KEEP_SAFETY:]]
    for path in removed:
        _remove(path)
    return removed


def back_up_now(
    database_file: Path, *, now: datetime | None = None, progress: Progress | None = None
) -> Path:
    """A verified copy into the backups folder, then retention."""
    made = backup_path(database_file, now or datetime.now())
    target = backup_to(database_file, made, progress)
    prune(database_file)
    return target


def backup_if_due(database_file: Path, *, now: datetime | None = None) -> Path | None:
    """The automatic backup at start: at most one a day (None when today's exists)."""
    now = now or datetime.now()
    if not database_file.is_file() or any(
        backup.made.date() == now.date() and not backup.reason
        for backup in list_backups(database_file)
    ):
        return None
    return back_up_now(database_file, now=now)


def newest_good_backup(database_file: Path) -> Backup | None:
    """The newest copy that passes its integrity check (copies of a damaged file aside)."""
    for backup in list_backups(database_file):
        if backup.reason != DAMAGED and integrity_problem(backup.path) is None:
            return backup
    return None


def restore_command(database_file: Path, backup: Path) -> str:
    return shlex.join(["python", "main.py", "--db", str(database_file), "restore", str(backup)])


def check_at_start(url: URL) -> None:
    """Refuse to open a SQLite file that fails its integrity check, naming the newest good
    backup; the damaged file is only read, never written."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return
    problem = integrity_problem(path, quick=True)
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
        made=good.made.strftime("%Y-%m-%d %H:%M"),
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


def restore(
    url: URL, source: Path, database: Database | None = None, *, by: int | None = None
) -> Path | None:
    """Put a backup in the database's place; returns the copy kept of the state before.

    The source is verified first; the current state is backed up (or, when damaged,
    kept byte for byte as a `-damaged` copy); every connection of `database` is closed;
    then the restored copy, written beside the database, replaces it in one rename.
    From the program `by` is the signed-in account, which must be an admin.
    """
    if by is not None:
        assert database is not None, "an account is checked against its database"
        check_admin(database, by, BACK_UP_OR_RESTORE)
    path = database_file(url)
    source = source.expanduser().resolve()
    problem = integrity_problem(source)
    if problem is not None:
        raise NotAGoodCopy(path=str(source), problem=problem)
    if source == path:
        raise BackupTargetTaken(path=str(source))
    if database is not None:
        database.dispose()
    now = datetime.now()
    kept: Path | None = None
    if path.exists():
        if integrity_problem(path) is None:
            kept = backup_to(path, backup_path(path, now, BEFORE_RESTORE))
        else:
            kept = backup_path(path, now, DAMAGED)
            _private_folder(kept.parent)
            for suffix in ("", "-wal"):
                if Path(f"{path}{suffix}").exists():
                    shutil.copyfile(f"{path}{suffix}", f"{kept}{suffix}")
                    make_private(Path(f"{kept}{suffix}"))
    prune(path)  # older safety copies go; the one just taken is the newest
    staged = backup_to(source, path.with_name(f".{path.name}.restoring"))
    for suffix in ("-wal", "-shm", "-journal"):
        _remove(Path(f"{path}{suffix}"))
    os.replace(staged, path)
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return kept

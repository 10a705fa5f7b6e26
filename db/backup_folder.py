"""The backups folder beside a SQLite database: the copies' names (date, time and why one
was taken), listing them, and retention: 14 daily and 12 monthly copies, 5 safety copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from db.backup_checks import holds_records, restore_problem

FOLDER_NAME = "backups"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_SAFETY = 5  # copies taken before a restore or a migration
PRIVATE_FOLDER = 0o700
_STAMP = "%Y-%m-%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})(?:-(?P<reason>[a-z0-9-]+))?\.sqlite3$"
)
# Reasons for copies outside the daily routine (see prune for how long they stay).
BEFORE_RESTORE = "before-restore"
DAMAGED = "damaged"


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


def private_folder(folder: Path) -> None:
    """A folder this module creates is the owner's only; one that exists is left as it is."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def remove_file(path: Path) -> None:
    with suppress(FileNotFoundError):
        path.unlink()


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


def newest_good_backup(database_file: Path) -> Backup | None:
    """The newest copy a restore would take (copies of a damaged file aside)."""
    for backup in list_backups(database_file):
        if backup.reason != DAMAGED and restore_problem(backup.path) is None:
            return backup
    return None

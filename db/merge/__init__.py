"""Merge a camp laptop's own SQLite file into the database in use (the shared server or
another file): its sites, programs, sessions, walk-in children, check-ins, items, loans and
consents, each matched by what it is in the library's world, never by its number.

A child is matched by card code, then by the same registration, then by name and birth year;
when unsure (the same name, and a birth year that differs, is missing, or two children) the
merge offers the match instead of deciding: the child needs a decision and is left out until
an administrator gives one. The dry run and the real run walk the file the same way; only the
real one writes, in one transaction with one audit event holding the counts. Running it
twice adds nothing: every record is looked up by its natural key first.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from db import audit
from db.accounts import check_admin
from db.audit_actions import AuditAction
from db.database import Database, sqlite_path
from db.merge.equipment import merge_items, merge_loans
from db.merge.report import (
    MERGE_RECORDS,
    Decisions,
    Fate,
    Kind,
    LaptopFileInUse,
    LaptopFileRefused,
    MergeLine,
    MergeReport,
)
from db.merge.walk import Walk

__all__ = [
    "Decisions",
    "Fate",
    "Kind",
    "MergeLine",
    "MergeReport",
    "laptop_records",
    "merge_laptop",
]


def _refused(path: Path, problem: str) -> LaptopFileRefused:
    return LaptopFileRefused(path=path.name, problem=problem)


@contextmanager
def laptop_records(path: Path) -> Iterator[Session]:
    """A session on the laptop's file, read-only; a file of an older schema is brought up to
    date in a private copy first (the file itself is never written)."""
    from db.backup_checks import restore_problem
    from db.backups import NoDatabaseFile, backup_to
    from db.migrate import migrate
    from db.revisions import HEAD

    if not path.is_file():
        raise NoDatabaseFile(path=str(path))
    problem = restore_problem(path)
    if problem is not None:
        raise _refused(path, problem)
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as probe:
        revision = probe.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    with tempfile.TemporaryDirectory(prefix="openup-merge-") as folder:  # the owner's only
        if revision == HEAD:
            uri = f"{path.resolve().as_uri()}?mode=ro"
        else:
            copy = backup_to(path, Path(folder) / "laptop.sqlite3")
            migrated = Database(URL.create("sqlite", database=str(copy)))
            try:
                migrate(migrated, back_up=False)
            finally:
                migrated.dispose()
            uri = f"{copy.as_uri()}?mode=ro"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
        try:
            with Session(engine) as tx:
                yield tx
        finally:
            engine.dispose()


def _summary(report: MergeReport) -> dict[str, int]:
    """The audit event's counts: numbers only, no names."""
    return {
        "children_added": report.count(Kind.CHILD, Fate.ADDED),
        "children_matched": report.count(Kind.CHILD, Fate.MATCHED)
        + report.count(Kind.CHILD, Fate.UPDATED),
        "children_left_out": report.count(Kind.CHILD, Fate.LEFT_OUT)
        + report.count(Kind.CHILD, Fate.NEEDS_DECISION),
        "sessions_added": report.count(Kind.SESSION, Fate.ADDED),
        "check_ins_added": report.count(Kind.CHECK_IN, Fate.ADDED),
        "loans_added": report.count(Kind.LOAN, Fate.ADDED),
        "loans_updated": report.count(Kind.LOAN, Fate.UPDATED),
        "consents_added": report.count(Kind.CONSENT, Fate.ADDED),
        "items_added": report.count(Kind.ITEM, Fate.ADDED),
    }


def _walk(walk: Walk) -> None:
    walk.people_and_sessions()
    merge_items(walk)
    merge_loans(walk)


def merge_laptop(
    db: Database,
    path: Path,
    *,
    by: int | None,
    decisions: Decisions | None = None,
    dry_run: bool = False,
) -> MergeReport:
    """Merge the laptop's file `path` into `db` (administrators; `by=None` is the command
    line), or with `dry_run` only say what it would do. One transaction: all or nothing."""
    check_admin(db, by, MERGE_RECORDS)  # before the file is even read: it names children
    decisions = decisions or Decisions()
    path = path.expanduser()
    own = sqlite_path(db.url)
    if own is not None and path.is_file() and path.resolve() == own.resolve():
        raise LaptopFileInUse(path=path.name)
    with laptop_records(path) as laptop:
        if dry_run:
            with db.reading() as target:
                walk = Walk(laptop, target, decisions, write=False)
                _walk(walk)
            return MergeReport(path.name, False, tuple(walk.lines))
        with db.unit_of_work() as uow:
            walk = Walk(laptop, uow.tx, decisions, write=True)
            _walk(walk)
            report = MergeReport(path.name, True, tuple(walk.lines))
            counts = _summary(report)
            said = ", ".join(
                f"{number} {what.replace('_', ' ')}" for what, number in counts.items()
            )
            audit.record(
                uow.tx,
                by,
                AuditAction.RECORDS_MERGED,
                "database",
                None,
                f"Merged a laptop's records from {path.name}: {said}",
                changes=counts,
            )
            uow.commit()
    return report

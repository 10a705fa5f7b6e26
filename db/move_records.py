"""Move a laptop's records (its SQLite file) into the library's empty shared database: one
copy in one transaction, every table's count checked before it commits; the file is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Integer, Table, delete, func, insert, select, text

from db import audit
from db.accounts import check_admin
from db.audit_actions import AuditAction
from db.database import Database, sqlite_path
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.migrate import PROGRAM_VERSION_KEY, migrate
from db.models import Base, SharedSetting
from db.progress import Progress

MOVE_RECORDS = QT_TRANSLATE_NOOP("DomainError", "move the records to the shared database")
# Moved with its numbers in batches, so a big file does not build one huge statement.
_BATCH = 500


class SharedDatabaseNotEmpty(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The shared database already holds records ({tables}): only an empty one takes "
        "this laptop's records. Nothing was copied.",
    )


class CopyCountsDiffer(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The copy of {table} holds {copied} rows, not {kept}: nothing was moved, and this "
        "laptop keeps its records.",
    )


class NotALaptopFile(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "Only a laptop's own database file can be moved to the shared database."
    )


@dataclass(frozen=True)
class Moved:
    counts: dict[str, int]  # rows per table, the same on both sides
    kept_file: Path  # the checked copy of the laptop's file, kept as a backup


def _record_tables() -> list[Table]:
    skip = {"alembic_version", SharedSetting.__tablename__}
    return [table for table in Base.metadata.sorted_tables if table.name not in skip]


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _copy_table(source: Connection, target: Connection, table: Table) -> None:
    # In key order, so an item's parent (a kit) is there before its parts.
    rows = source.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(dict(row))
        if len(batch) == _BATCH:
            target.execute(insert(table), batch)
            batch = []
    if batch:
        target.execute(insert(table), batch)


def _continue_numbering(target: Connection, table: Table) -> None:
    """The server's next number follows the moved ones (they kept their numbers)."""
    for column in table.primary_key.columns:
        if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
            target.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f"(SELECT max({column.name}) FROM {table.name}))"
                ),
                {"table": table.name, "column": column.name},
            )


def move_records(
    laptop: Database, shared: Database, *, by: int | None, progress: Progress | None = None
) -> Moved:
    """Copy every record of the laptop's file into the empty shared database and check it.

    The shared database gets its schema first when it has none (an account that may create
    it), is refused when it holds records, and keeps nothing when a count differs."""
    from db.backup_folder import new_backup_path
    from db.backups import backup_to

    check_admin(laptop, by, MOVE_RECORDS)
    path = sqlite_path(laptop.url)
    if path is None or shared.is_sqlite:
        raise NotALaptopFile()
    migrate(shared)  # an empty server gets the schema; an older or newer one refuses
    tables = _record_tables()
    with shared.engine.connect() as target:
        found = {table.name: _count(target, table) for table in tables}
    holding = sorted(name for name, rows in found.items() if rows)
    if holding:
        raise SharedDatabaseNotEmpty(tables=", ".join(holding))
    kept = backup_to(path, new_backup_path(path, datetime.now(), "moved-to-server"))
    counts: dict[str, int] = {}
    with laptop.engine.connect() as source, shared.unit_of_work() as uow:
        target = uow.tx.connection()
        for done, table in enumerate(tables):
            _copy_table(source, target, table)
            _continue_numbering(target, table)
            if progress is not None:
                progress(done + 1, len(tables))
        for table in tables:
            kept_rows, copied = _count(source, table), _count(target, table)
            if kept_rows != copied:  # raised inside the transaction: it rolls back
                raise CopyCountsDiffer(table=table.name, copied=copied, kept=kept_rows)
            counts[table.name] = copied
        # The library's rules and the audit chain's state travel; the schema's version stays.
        settings: Table = SharedSetting.__table__  # type: ignore[assignment]
        moving = source.execute(
            select(settings).where(settings.c.key != PROGRAM_VERSION_KEY)
        ).mappings()
        rules = [dict(row) for row in moving]
        target.execute(delete(settings).where(settings.c.key != PROGRAM_VERSION_KEY))
        if rules:
            target.execute(insert(settings), rules)
        # Logged in the shared database, on the chain that came along with the records.
        audit.record(
            uow.tx,
            by,
            AuditAction.RECORDS_MOVED,
            "database",
            None,
            f"Moved this laptop's records to the shared database: {counts['participant']} "
            f"children, {counts['attendance']} check-ins, {counts['loan']} loans, "
            f"{sum(counts.values())} rows in all",
        )
        uow.commit()
    return Moved(counts, kept)

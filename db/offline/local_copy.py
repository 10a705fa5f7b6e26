"""The laptop's local copy of what its desk needs, to decide scans while the server is away.

The copy is a small owner-only SQLite file with the program's schema, holding the site's
children (card codes and search keys, no guardians, notes or target-group marks), every
site, the staff (the password hashes only of the site's own active accounts: a laptop-only
database holds them all, and a desk whose server is away must still unlock), the site's items
and kits, its sessions of the week
around today with their check-ins, and the loans still open. The existing use cases run on
it unchanged. It is replaced in one go: written to a temporary file, then renamed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, or_, select

from db.database import Database, data_folder, mark_as_ours
from db.files import staged
from db.migrate import migrate
from db.models import (
    Attendance,
    Base,
    Consent,
    Item,
    Loan,
    Participant,
    Program,
    Project,
    Session,
    Site,
    Staff,
)

COPY_FILE_NAME = "offline-copy.sqlite3"
# The sessions a desk may switch to without its server: a week either side of today.
WEEK_AROUND = timedelta(days=7)
_CHUNK = 500  # ids per IN list, well below any driver's limit on parameters

# Columns the desk never needs and a laptop should not carry: they are blanked in the copy.
_LEFT_OUT: dict[str, dict[str, Any]] = {
    "staff": {"failed_sign_ins": 0, "locked_until": None},
    "participant": {"notes": "", "guardian_name": "", "guardian_phone": "", "target_group": False},
    "consent": {"given_by": ""},
}


@dataclass(frozen=True)
class LocalCopy:
    """A refreshed copy: where it is and how many rows of each table it holds."""

    path: Path
    counts: dict[str, int]


def local_copy_path(folder: Path | None = None) -> Path:
    """Where the laptop keeps its local copy: the data folder, beside the settings."""
    return (folder or data_folder()) / COPY_FILE_NAME


def open_local_copy(path: Path) -> Database:
    """The copy as a database the use cases run on (the desk's while the server is away)."""
    return Database(f"sqlite:///{path}")


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _rows_by_id(
    connection: Connection, model: type[Any], ids: Iterable[int]
) -> list[dict[str, Any]]:
    table = _table(model)
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        result = connection.execute(select(table).where(table.c.id.in_(chunk)).order_by(table.c.id))
        rows += [dict(row) for row in result.mappings()]
    blanked = _LEFT_OUT.get(table.name, {})
    return [{**row, **blanked} for row in rows]


def _ids(connection: Connection, query: Any) -> set[int]:
    return set(connection.execute(query).scalars())


def _items_with_their_kits(connection: Connection, site_id: int) -> set[int]:
    """The site's items, with every kit they belong to and every part of those kits."""
    ids = _ids(connection, select(Item.id).where(Item.site_id == site_id))
    while True:
        related = _ids(
            connection,
            select(Item.id).where(
                or_(
                    Item.id.in_(select(Item.parent_id).where(Item.id.in_(ids))),
                    Item.parent_id.in_(ids),
                )
            ),
        )
        if related <= ids:
            return ids
        ids |= related


def _read_what_the_desk_needs(
    connection: Connection, site_id: int, today: date
) -> dict[str, list[dict[str, Any]]]:
    items = _items_with_their_kits(connection, site_id)
    loans = set()
    for chunk in _chunks(items):
        loans |= _ids(
            connection, select(Loan.id).where(Loan.item_id.in_(chunk), Loan.returned_at.is_(None))
        )
    loan_rows = _rows_by_id(connection, Loan, loans)
    sessions = _ids(
        connection,
        select(Session.id).where(
            Session.site_id == site_id,
            Session.day >= today - WEEK_AROUND,
            Session.day <= today + WEEK_AROUND,
        ),
    )
    # A session that itself has an item out must be there for the loan to be taken back.
    sessions |= {row["session_id"] for row in loan_rows if row["session_id"] is not None}
    session_rows = _rows_by_id(connection, Session, sessions)
    attendance = set()
    for chunk in _chunks(sessions):
        attendance |= _ids(
            connection, select(Attendance.id).where(Attendance.session_id.in_(chunk))
        )
    attendance_rows = _rows_by_id(connection, Attendance, attendance)
    # The site's children still coming, and any child the copied check-ins and loans name.
    children = _ids(
        connection,
        select(Participant.id).where(
            Participant.site_id == site_id, Participant.archived.is_(False)
        ),
    )
    children |= {row["participant_id"] for row in attendance_rows}
    children |= {row["participant_id"] for row in loan_rows if row["participant_id"] is not None}
    consents = set()
    for chunk in _chunks(children):
        consents |= _ids(connection, select(Consent.id).where(Consent.participant_id.in_(chunk)))
    programs = {row["program_id"] for row in session_rows}
    return {
        "site": _rows_by_id(connection, Site, _ids(connection, select(Site.id))),
        "project": _rows_by_id(connection, Project, _ids(connection, select(Project.id))),
        "staff": _without_others_passwords(
            _rows_by_id(connection, Staff, _ids(connection, select(Staff.id))), site_id
        ),
        "program": _rows_by_id(connection, Program, programs),
        "session": session_rows,
        "participant": _rows_by_id(connection, Participant, children),
        "consent": _rows_by_id(connection, Consent, consents),
        "attendance": attendance_rows,
        "item": sorted(_rows_by_id(connection, Item, items), key=_kits_first),
        "loan": loan_rows,
    }


def _without_others_passwords(rows: list[dict[str, Any]], site_id: int) -> list[dict[str, Any]]:
    """Every account by name (loans and check-ins name them); a password hash only of this
    site's active accounts, who may unlock the desk while the server is away."""
    return [
        row if row["active"] and row["site_id"] == site_id else {**row, "password_hash": None}
        for row in rows
    ]


def _kits_first(row: dict[str, Any]) -> tuple[bool, int]:
    return (row["parent_id"] is not None, row["id"])


CopyRows = dict[str, list[dict[str, Any]]]


def read_for_local_copy(shared_db: Database, site_id: int, today: date) -> CopyRows:
    """What the site's desk needs now, read from the server in one snapshot: the slow part
    of a refresh, which a desk does beside its scans (it touches no file)."""
    with shared_db.engine.connect() as connection:
        if not shared_db.is_sqlite:
            # One snapshot: a loan written between two reads must not name a missing child.
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            return _read_what_the_desk_needs(connection, site_id, today)


def write_local_copy(rows: CopyRows, path: Path) -> LocalCopy:
    """Replace the local copy with these rows, written to a temporary file and renamed.
    Nothing may have the copy open meanwhile (the desk lets go of its connections first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with staged(path) as temporary:
        copy = Database(f"sqlite:///{temporary}")
        try:
            mark_as_ours(temporary)
            migrate(copy, back_up=False)
            with copy.engine.begin() as target:
                for name, table_rows in rows.items():
                    if table_rows:
                        target.execute(insert(Base.metadata.tables[name]), table_rows)
            copy.checkpoint()
        finally:
            copy.dispose()
        # The old copy's write-ahead log must not be applied to the new file.
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return LocalCopy(path, {name: len(table_rows) for name, table_rows in rows.items()})


def refresh_local_copy(shared_db: Database, site_id: int, path: Path, today: date) -> LocalCopy:
    """Replace the local copy with what the site's desk needs now, read in one snapshot.

    Only while the journal holds nothing waiting (send it first): the new copy knows only
    what the server knows. The desk closes its own connection to the old copy first."""
    return write_local_copy(read_for_local_copy(shared_db, site_id, today), path)

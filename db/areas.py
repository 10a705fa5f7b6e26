"""Which areas of the records a unit of work changed, read from the tables it wrote.

The session notes every table a flush or a bulk statement wrote (`watch`); the unit of work
hands them on at commit (`record`) to whoever is collecting in this thread (`collecting`):
the desktop's worker, which tells the pages, so no screen has to guess what an action did.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Table, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.sql.dml import UpdateBase

# Written into session.info: the areas flushed or executed and not yet committed.
_WRITTEN = "areas_written"
# A statement's execution option that names its area when its table alone does not tell:
# the audit chain's head is a shared setting, but it moves with the audit log, not Settings.
AREA_OPTION = "openup_area"


class Area(enum.StrEnum):
    """A part of the records a page may show; a change names the ones it wrote."""

    ATTENDANCE = "attendance"
    LOANS = "loans"
    ITEMS = "items"
    PARTICIPANTS = "participants"
    SESSIONS = "sessions"
    STAFF = "staff"
    SETTINGS = "settings"
    AUDIT = "audit"


# Every table of db/models.py; test_areas checks that none is missing.
TABLE_AREAS: dict[str, Area] = {
    "attendance": Area.ATTENDANCE,
    "loan": Area.LOANS,
    "item": Area.ITEMS,
    "participant": Area.PARTICIPANTS,
    "consent": Area.PARTICIPANTS,
    "enrollment": Area.PARTICIPANTS,
    "session": Area.SESSIONS,
    "program": Area.SESSIONS,
    "staff": Area.STAFF,
    "site": Area.SETTINGS,
    "project": Area.SETTINGS,
    "shared_setting": Area.SETTINGS,
    "audit_event": Area.AUDIT,
    # Bookkeeping of offline desks' journals: the entry's own records name what changed.
    "applied_entry": Area.AUDIT,
}

_collector: ContextVar[set[Area] | None] = ContextVar("areas_collector", default=None)


def area_of_table(name: str) -> Area | None:
    """The area a table belongs to (None for the migrations' own bookkeeping)."""
    return TABLE_AREAS.get(name)


def _note(tx: Session, areas: Iterable[Area | None]) -> None:
    written: set[Area] = tx.info.setdefault(_WRITTEN, set())
    written.update(area for area in areas if area is not None)


def note_written(tx: Session, *areas: Area) -> None:
    """Note areas a statement wrote that neither a flush nor a table's name tells (SQL text)."""
    _note(tx, areas)


def _flushed(tx: Session, _flush: UOWTransaction) -> None:
    # After a flush the new, dirty and deleted lists still hold what was just written.
    changed = [*tx.new, *tx.deleted]
    changed += [obj for obj in tx.dirty if tx.is_modified(obj)]
    _note(
        tx,
        (area_of_table(table.name) for obj in changed for table in inspect(obj).mapper.tables),
    )


def _executed(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, UpdateBase):
        return
    named = state.execution_options.get(AREA_OPTION)
    if named is not None:
        _note(state.session, [Area(named)])
        return
    table = statement.table
    if isinstance(table, Table):
        _note(state.session, [area_of_table(table.name)])


def watch(sessions: sessionmaker[Session]) -> None:
    """Note the areas every session made by `sessions` writes."""
    event.listen(sessions, "after_flush", _flushed)
    event.listen(sessions, "do_orm_execute", _executed)


def forget(tx: Session) -> None:
    """Drop what a session noted (its transaction was rolled back)."""
    tx.info.pop(_WRITTEN, None)


def record(tx: Session) -> None:
    """A unit of work committed: its areas go to the collector of this thread, if any."""
    written: set[Area] = tx.info.pop(_WRITTEN, set())
    collector = _collector.get()
    if collector is not None:
        collector.update(written)


@contextmanager
def collecting() -> Iterator[set[Area]]:
    """The areas of every unit of work committed inside (in this thread), filled as they commit."""
    areas: set[Area] = set()
    token = _collector.set(areas)
    try:
        yield areas
    finally:
        _collector.reset(token)

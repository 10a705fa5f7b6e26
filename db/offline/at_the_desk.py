"""What the desk calls while its server is away: each action is decided on the local copy by
the same use cases as online, and written to the journal before the desk confirms it.

The journal entry is written while the copy's transaction commits, just before it (a hook
on the commit, below): a laptop stopped between the two has the entry without the copy's
change, never the other way round, so a scan the copy took is never missing from what is
sent (scanned again, the server lists the second as "already checked in").

An action the copy refuses for a reason that holds anywhere (an item in repair, a cancelled
session) is refused at once, as online, and nothing is written. What the copy cannot know —
an item it last saw out may have come back on another laptop, a card registered since — is
recorded and flagged, for the server to decide when the journal is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Table, event, select
from sqlalchemy.orm import ORMExecuteState, UOWTransaction
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.dml import UpdateBase

from db.attendance import CheckIn, check_in, check_in_card
from db.database import Database, replaying
from db.errors import ItemAlreadyOut, ItemNotOut, UnknownCode
from db.loans import (
    Borrower,
    KitLent,
    KitReturned,
    Lent,
    Returned,
    lend,
    lend_kit,
    return_item,
    return_kit,
)
from db.models import Attendance, CheckInMethod, ConsentPurpose, Loan, Participant
from db.offline.journal import Entry, EntryKind, Flag, record
from db.people import ParticipantDetails, register_walk_in

T = TypeVar("T")


@dataclass(frozen=True)
class Recorded(Generic[T]):
    """What the desk shows: the copy's answer (None when the copy could not decide, the
    entry is flagged then) and the journal entry (None when nothing needs sending)."""

    result: T | None
    entry: Entry | None

    @property
    def flagged(self) -> bool:
        return self.entry is not None and self.entry.flag is not None


# --- the hook: the journal entry is written as the copy's transaction commits -----------

# What the entry says, from the rows the use case wrote on the copy (a check-in's child).
Arguments = Callable[[OrmSession, list[object]], dict[str, Any]]


@dataclass
class _Journaling:
    journal: Path
    kind: EntryKind
    arguments: Arguments
    by: int | None
    at: datetime
    written: list[object] = field(default_factory=list)
    entry: Entry | None = None


# What a desk's action writes that the server must hear of: check-ins, loans, children.
_JOURNALED_TABLES = frozenset({"attendance", "loan", "participant"})

_journaling: ContextVar[_Journaling | None] = ContextVar("offline_journaling", default=None)


@contextmanager
def _journaled(
    journal: Path, kind: EntryKind, arguments: Arguments, by: int | None, at: datetime
) -> Iterator[_Journaling]:
    journaling = _Journaling(journal, kind, arguments, by, at)
    token = _journaling.set(journaling)
    try:
        yield journaling
    finally:
        _journaling.reset(token)


@event.listens_for(OrmSession, "after_flush")
def _note_written(tx: OrmSession, _flush: UOWTransaction) -> None:
    journaling = _journaling.get()
    if journaling is not None:
        changed = (*tx.new, *tx.dirty, *tx.deleted)
        journaling.written += [r for r in changed if isinstance(r, Attendance | Loan | Participant)]


@event.listens_for(OrmSession, "do_orm_execute")
def _note_executed(state: ORMExecuteState) -> None:
    """A write sent as a statement (a scan's INSERT or UPDATE on the table, not a flush)."""
    journaling = _journaling.get()
    statement = state.statement
    if journaling is not None and isinstance(statement, UpdateBase):
        table = statement.table
        if isinstance(table, Table) and table.name in _JOURNALED_TABLES:
            journaling.written.append(table.name)


@event.listens_for(OrmSession, "before_commit")
def _write_entry(tx: OrmSession) -> None:
    journaling = _journaling.get()
    if journaling is None or journaling.entry is not None or tx.in_nested_transaction():
        return
    tx.flush()
    if not journaling.written:  # the copy had it already ("already here"): nothing to send
        return
    arguments = journaling.arguments(tx, journaling.written)
    # A walk-in's entry is known by the child's uid: what later entries name them by.
    journaling.entry = record(
        journaling.journal,
        journaling.kind,
        arguments,
        by=journaling.by,
        at=journaling.at,
        uid=arguments["participant_uid"] if journaling.kind is EntryKind.WALK_IN else None,
    )


def _given(arguments: dict[str, Any]) -> Arguments:
    return lambda _session, _written: arguments


def _checked_in(arguments: dict[str, Any], child: ColumnElement[bool]) -> Arguments:
    """A check-in's arguments with the child the copy found, by uid."""

    def build(tx: OrmSession, _written: list[object]) -> dict[str, Any]:
        uid = tx.scalar(select(Participant.uid).where(child))
        assert uid is not None
        return {**arguments, "participant_uid": uid}

    return build


# --- the desk's actions ---------------------------------------------------------------


def _uid_of(copy: Database, participant_id: int) -> str:
    with copy.reading() as tx:
        uid = tx.scalar(select(Participant.uid).where(Participant.id == participant_id))
    assert uid is not None
    return uid


def _borrower(copy: Database, to: Borrower) -> dict[str, Any]:
    """Who borrows, as the server will know them: a child by uid (a walk-in has no id there)."""
    if to.participant_id is not None:
        return {"participant_uid": _uid_of(copy, to.participant_id)}
    if to.staff_id is not None:
        return {"staff_id": to.staff_id}
    return {"session_id": to.session_id}


def check_in_card_offline(
    copy: Database,
    journal: Path,
    session_id: int,
    card_code: str,
    *,
    scanned: str = "",
    by: int | None,
    at: datetime,
) -> Recorded[CheckIn]:
    """A card scanned offline; a card the copy does not know is recorded for the server."""
    arguments = {"session_id": session_id, "card_code": card_code, "method": CheckInMethod.SCAN}
    try:
        found = _checked_in(arguments, Participant.card_code == card_code)
        with _journaled(journal, EntryKind.CHECK_IN, found, by, at) as done:
            result = check_in_card(copy, session_id, card_code, scanned=scanned, by=by, at=at)
    except UnknownCode:
        entry = record(journal, EntryKind.CHECK_IN, arguments, by=by, at=at, flag=Flag.CARD_UNKNOWN)
        return Recorded(None, entry)
    return Recorded(result, done.entry)


def check_in_offline(
    copy: Database,
    journal: Path,
    session_id: int,
    participant_id: int,
    *,
    method: CheckInMethod = CheckInMethod.NAME_SEARCH,
    by: int | None,
    at: datetime,
) -> Recorded[CheckIn]:
    """A child picked by name (or just registered) checked in offline."""
    arguments = _checked_in(
        {"session_id": session_id, "method": method}, Participant.id == participant_id
    )
    with _journaled(journal, EntryKind.CHECK_IN, arguments, by, at) as done:
        result = check_in(copy, session_id, participant_id, method=method, by=by, at=at)
    return Recorded(result, done.entry)


def walk_in_offline(
    copy: Database,
    journal: Path,
    details: ParticipantDetails,
    consents: list[ConsentPurpose],
    given_by: str,
    given_on: date,
    *,
    by: int | None,
    at: datetime,
) -> Recorded[int]:
    """A new child registered offline; the server will know them by the same uid and card."""

    def arguments(_session: OrmSession, written: list[object]) -> dict[str, Any]:
        child = next(row for row in written if isinstance(row, Participant))
        return {
            "participant_uid": child.uid,
            "card_code": child.card_code,
            "details": asdict(details),
            "consents": [purpose.value for purpose in consents],
            "given_by": given_by,
            "given_on": given_on.isoformat(),
        }

    with _journaled(journal, EntryKind.WALK_IN, arguments, by, at) as done, replaying(at):
        participant_id = register_walk_in(copy, details, consents, given_by, given_on, by=by)
    return Recorded(participant_id, done.entry)


def lend_offline(
    copy: Database,
    journal: Path,
    tag: str,
    to: Borrower,
    *,
    kit: bool = False,
    by: int | None,
    at: datetime,
    due_at: datetime | None = None,
    ask_if_overdue: bool = False,
) -> Recorded[Lent | KitLent]:
    """Lend an item (or a kit with its parts) offline; an item the copy saw out is recorded
    and flagged: it may have come back on another laptop meanwhile."""
    arguments: dict[str, Any] = {
        "tag": tag,
        "due_at": None if due_at is None else due_at.isoformat(),
        **_borrower(copy, to),
    }
    kind = EntryKind.LEND_KIT if kit else EntryKind.LEND
    use_case = lend_kit if kit else lend
    try:
        with _journaled(journal, kind, _given(arguments), by, at) as done:
            result = use_case(
                copy, tag, to, by=by, at=at, due_at=due_at, ask_if_overdue=ask_if_overdue
            )
    except ItemAlreadyOut:
        entry = record(journal, kind, arguments, by=by, at=at, flag=Flag.ITEM_SEEN_OUT)
        return Recorded(None, entry)
    return Recorded(result, done.entry)


def return_offline(
    copy: Database,
    journal: Path,
    tag: str,
    *,
    kit: bool = False,
    note: str = "",
    by: int | None,
    at: datetime,
) -> Recorded[Returned | KitReturned]:
    """Take an item (or a kit) back offline; one the copy saw in is recorded and flagged."""
    arguments = {"tag": tag, "note": note}
    kind = EntryKind.RETURN_KIT if kit else EntryKind.RETURN
    use_case = return_kit if kit else return_item
    try:
        with _journaled(journal, kind, _given(arguments), by, at) as done:
            result = use_case(copy, tag, by=by, note=note, at=at)
    except ItemNotOut:
        entry = record(journal, kind, arguments, by=by, at=at, flag=Flag.ITEM_SEEN_IN)
        return Recorded(None, entry)
    return Recorded(result, done.entry)


def undo_offline(journal: Path, undone: Entry, *, by: int | None, at: datetime) -> Entry:
    """Record the desk's "undo last scan" of an entry; the desk undoes it on the copy itself
    (undo_check_in, undo_lend, undo_returns), the server when the journal is sent."""
    return record(journal, EntryKind.UNDO, {"entry_uid": undone.uid}, by=by, at=at)

"""Use cases for lending at the desk: lend an item or a kit by its scan, take it back.

On the shared server each is two network round trips: one query (db.loan_views) reads
everything the scan decides on, and the writes and the audit chain go with the COMMIT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, Table, insert, update
from sqlalchemy.orm import Session as OrmSession

from db import audit
from db.audit_actions import AuditAction
from db.clock import at_local, end_of_local_day, local, now_utc
from db.database import Database, insert_row, queued, retried_if_raced
from db.dates import day_text, moment_text
from db.errors import (
    QT_TRANSLATE_NOOP,
    BorrowerHasOverdue,
    DomainError,
    InvalidInput,
    ItemAlreadyOut,
    ItemNotAvailable,
    ItemNotOut,
    ItemOutWithSession,
    NotFound,
    UnknownCode,
)
from db.loan_views import (
    Holder,
    first_per_item,
    holder,
    lend_view,
    return_view,
)
from db.models import ItemStatus, Loan, Participant, Session, Staff

# The table itself: its INSERT and UPDATE skip the ORM's bulk machinery (a scan writes one row).
LOANS: Table = Loan.__table__  # type: ignore[assignment]

STATUS_WORDS = {
    ItemStatus.IN_REPAIR: QT_TRANSLATE_NOOP("DomainError", "in repair"),
    ItemStatus.RETIRED: QT_TRANSLATE_NOOP("DomainError", "retired"),
}


@dataclass(frozen=True)
class Borrower:
    """Who has an item: a child, a librarian, or the session itself ("in-session use")."""

    participant_id: int | None = None
    staff_id: int | None = None
    session_id: int | None = None

    def __post_init__(self) -> None:
        given = [self.participant_id, self.staff_id, self.session_id]
        if sum(x is not None for x in given) != 1:
            raise ValueError("a borrower is exactly one of child, librarian or session")

    @classmethod
    def child(cls, participant_id: int) -> Borrower:
        return cls(participant_id=participant_id)

    @classmethod
    def librarian(cls, staff_id: int) -> Borrower:
        return cls(staff_id=staff_id)

    @classmethod
    def in_session(cls, session_id: int) -> Borrower:
        return cls(session_id=session_id)


@dataclass(frozen=True)
class SessionBorrower:
    """A session that borrowed an item itself, as a message names it: program and start."""

    program: str
    starts_at: datetime


@dataclass(frozen=True)
class OverdueItem:
    """An item a child still has past its due time, for the warnings at the desk."""

    tag: str
    item_name: str
    lent_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class Lent:
    loan_id: int
    tag: str
    item_name: str
    borrower: str
    due_at: datetime
    session: SessionBorrower | None = None  # set when the session itself borrowed


@dataclass(frozen=True)
class KitLent:
    """A kit lent in one action: the parts that went out, and those left behind and why."""

    lent: list[Lent]
    left_behind: list[tuple[str, str]] = field(default_factory=list)
    # The refusals behind left_behind, for a window to say them in the user's language.
    refusals: list[DomainError] = field(default_factory=list)


@dataclass(frozen=True)
class Returned:
    tag: str
    item_name: str
    borrower: str
    lent_at: datetime
    was_overdue: bool
    note: str
    loan_id: int
    session: SessionBorrower | None = None  # set when the session itself borrowed


@dataclass(frozen=True)
class KitReturned:
    """A kit taken back by its label: the kit first, then each part that came back with it."""

    returned: list[Returned]

    @property
    def kit(self) -> Returned:
        return self.returned[0]

    @property
    def parts(self) -> list[Returned]:
        return self.returned[1:]


def _since(at: datetime) -> str:
    return moment_text(at, full=True)


def borrower_words(
    first_name: str | None,
    last_name: str | None,
    staff_name: str | None,
    program_name: str | None,
    day: date | None,
) -> str:
    """The same words as `borrower_name`, from columns of one joined query."""
    if first_name is not None:
        return f"{first_name} {last_name or ''}".strip()
    if staff_name is not None:
        return staff_name
    return f"{program_name or ''} {day_text(day) if day else ''}".strip()


def _check_borrower(tx: OrmSession, to: Borrower) -> None:
    for model, key, what in (
        (Participant, to.participant_id, QT_TRANSLATE_NOOP("DomainError", "Participant")),
        (Staff, to.staff_id, QT_TRANSLATE_NOOP("DomainError", "Librarian")),
        (Session, to.session_id, QT_TRANSLATE_NOOP("DomainError", "Session")),
    ):
        if key is not None and tx.get(model, key) is None:
            raise NotFound(what=what, key=key)


def overdue_from(rows: Sequence[Any]) -> list[OverdueItem]:
    """The overdue items among rows with `overdue_columns` (None where there is none), oldest
    loan first; a kit's parts are named by the kit alone."""
    found = [row for row in rows if row.overdue_item_id is not None]
    kits = {row.overdue_item_id for row in found}
    return [
        OverdueItem(row.overdue_tag, row.overdue_name, row.overdue_lent_at, row.overdue_due_at)
        for row in found
        if row.overdue_parent_id not in kits
    ]


def _holder_words(who: Holder) -> str:
    return borrower_words(who.first_name, who.last_name, who.staff_name, who.program_name, who.day)


def _holder_session(who: Holder) -> SessionBorrower | None:
    start = who.session_start()
    return None if start is None else SessionBorrower(who.program_name or "", start)


def _out_refusal(row: Any) -> ItemAlreadyOut:
    """The refusal naming who has a scanned item: a child or librarian by name, or the session."""
    out = holder(row, "out")
    if out.is_session:
        return ItemOutWithSession(
            tag=row.tag, name=row.name, program=out.program_name, since=_since(row.out_lent_at)
        )
    return ItemAlreadyOut(
        tag=row.tag, name=row.name, borrower=_holder_words(out), since=_since(row.out_lent_at)
    )


def _default_due(row: Any, to: Borrower, at: datetime) -> datetime:
    """The end of the borrowing session, else of the session running now, else of the day."""
    if to.session_id is not None:
        end = holder(row, "to").session_end()
    elif row.running_ends_at is not None:
        end = at_local(local(at).date(), row.running_ends_at)
    else:
        end = None
    if end is not None and end > at:
        return end
    return end_of_local_day(at)


def _lend(
    tx: OrmSession,
    row: Any,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
) -> Lent:
    if row.status is not ItemStatus.AVAILABLE:
        raise ItemNotAvailable(tag=row.tag, name=row.name, status=STATUS_WORDS[row.status])
    if row.out_id is not None:
        raise _out_refusal(row)
    if due_at is not None and due_at <= at:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError", "The due time must be after the time of lending."
            )
        )
    due = due_at or _default_due(row, to, at)
    # Two laptops lending the same item at once: the partial unique index lets one win,
    # the other's COMMIT fails and _lending tries once more, finding the item out.
    loan_id = insert_row(
        tx,
        insert(LOANS).values(
            item_id=row.item_id,
            participant_id=to.participant_id,
            staff_id=to.staff_id,
            session_id=to.session_id,
            lent_at=at,
            due_at=due,
            lent_by_id=by,
        ),
        getattr(row, "next_id", None),
    )
    who = holder(row, "to")
    name = _holder_words(who)
    audit.record(
        tx, by, AuditAction.LOAN_LENT, "loan", loan_id, f"Lent {row.tag} {row.name} to {name}"
    )
    return Lent(loan_id, row.tag, row.name, name, due, _holder_session(who))


def _lend_scanned(
    tx: OrmSession,
    tag: str,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
    ask_if_overdue: bool,
    kit: bool,
) -> KitLent:
    rows = tx.execute(lend_read(tx, tag, to, at, ask_if_overdue, with_parts=kit)).all()
    return lend_rows(tx, rows, tag, to, by, due_at, at, ask_if_overdue)


def lend_read(
    tx: OrmSession,
    tag: str,
    to: Borrower,
    at: datetime,
    ask_if_overdue: bool,
    *,
    with_parts: bool,
    or_return: bool = False,
) -> Select[Any]:
    """The one query a lend decides on (`lend_view` for this borrower); with `or_return`,
    a return as well."""
    return lend_view(
        tx,
        tag.upper(),
        participant_id=to.participant_id,
        staff_id=to.staff_id,
        session_id=to.session_id,
        at=at,
        with_parts=with_parts,
        overdue=ask_if_overdue,
        or_return=or_return,
    )


def lend_rows(
    tx: OrmSession,
    rows: Sequence[Any],
    tag: str,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
    ask_if_overdue: bool,
) -> KitLent:
    """Lend what `lend_read` read: the scanned item, and the parts (items after the first)."""
    if not rows or not rows[0].to_found:
        _check_borrower(tx, to)  # a missing borrower is said first
        raise UnknownCode(scanned=tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
    items = first_per_item(rows)
    if ask_if_overdue and to.participant_id is not None:
        overdue = overdue_from([row for row in rows if row.item_id == items[0].item_id])
        if overdue:
            child = holder(items[0], "to")
            raise BorrowerHasOverdue(
                name=f"{child.first_name} {child.last_name}",
                items=", ".join(item.tag for item in overdue),
                overdue=overdue,
            )
    lent = [_lend(tx, items[0], to, by, due_at, at)]
    left_behind: list[tuple[str, str]] = []
    refusals: list[DomainError] = []
    for part in items[1:]:
        if part.status is ItemStatus.RETIRED:
            continue
        try:
            lent.append(_lend(tx, part, to, by, lent[0].due_at, at))
        except (ItemNotAvailable, ItemAlreadyOut) as refusal:
            left_behind.append((part.tag, refusal.message))
            refusals.append(refusal)
    return KitLent(lent, left_behind, refusals)


def _lending(
    db: Database,
    tag: str,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
    ask_if_overdue: bool,
    *,
    kit: bool,
) -> KitLent:
    """Lend the scanned item, and with `kit` its parts: one query, then the writes with the
    COMMIT. A race lost to another laptop (a unique key at COMMIT) is tried again."""
    return retried_if_raced(
        db, lambda tx: _lend_scanned(tx, tag, to, by, due_at, at, ask_if_overdue, kit)
    )


def lend_in(
    tx: OrmSession,
    tag: str,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
    ask_if_overdue: bool,
    *,
    kit: bool,
) -> KitLent:
    """`lend` or `lend_kit` inside a unit of work another use case holds (the desk's scan)."""
    return _lend_scanned(tx, tag, to, by, due_at, at, ask_if_overdue, kit)


def lend(
    db: Database,
    tag: str,
    to: Borrower,
    *,
    by: int | None = None,
    due_at: datetime | None = None,
    at: datetime | None = None,
    ask_if_overdue: bool = False,
) -> Lent:
    """Lend one item; refused, naming who has it, when it is already out, in repair or retired.

    With `ask_if_overdue`, a child who still has an overdue item is refused with
    `BorrowerHasOverdue`, for the librarian to confirm before lending again.
    """
    lent = _lending(db, tag, to, by, due_at, at or now_utc(), ask_if_overdue, kit=False)
    return lent.lent[0]


def lend_kit(
    db: Database,
    tag: str,
    to: Borrower,
    *,
    by: int | None = None,
    due_at: datetime | None = None,
    at: datetime | None = None,
    ask_if_overdue: bool = False,
) -> KitLent:
    """Lend a kit and its parts in one action; parts out or in repair stay behind, named."""
    return _lending(db, tag, to, by, due_at, at or now_utc(), ask_if_overdue, kit=True)


def _return(tx: OrmSession, row: Any, by: int | None, note: str, at: datetime) -> Returned:
    returned_at = max(at, row.lent_at)  # a laptop's clock may lag the lender's
    note = note.strip()[:2000]
    queued(
        tx,
        update(LOANS)
        .where(LOANS.c.id == row.loan_id)
        .values(returned_at=returned_at, received_by_id=by, return_note=note),
    )
    who = holder(row, "out")
    name = _holder_words(who)
    audit.record(
        tx,
        by,
        AuditAction.LOAN_RETURNED,
        "loan",
        row.loan_id,
        f"Returned {row.tag} {row.name} from {name}" + (f": {note}" if note else ""),
    )
    return Returned(
        row.tag,
        row.name,
        name,
        row.lent_at,
        row.due_at < at,
        note,
        row.loan_id,
        _holder_session(who),
    )


def _returning(
    db: Database, tag: str, by: int | None, note: str, at: datetime, *, kit: bool
) -> list[Returned]:
    """Take the scanned item back, and with `kit` every part out to the same borrower: one
    query (the loans locked on a server), then the writes with the COMMIT."""
    with db.unit_of_work() as uow:
        returned = return_in(uow.tx, tag, by, note, at, kit=kit)
        uow.commit()
        return returned


def return_in(
    tx: OrmSession, tag: str, by: int | None, note: str, at: datetime, *, kit: bool
) -> list[Returned]:
    """`return_item` or `return_kit` inside a unit of work another use case holds."""
    rows = tx.execute(return_view(tag.upper(), with_parts=kit)).all()
    if not rows:
        raise UnknownCode(scanned=tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
    return return_rows(tx, rows, by, note, at)


def return_rows(
    tx: OrmSession, rows: Sequence[Any], by: int | None, note: str, at: datetime
) -> list[Returned]:
    """Take back what `return_view` read: the scanned item, and the parts (rows after the
    first) out to the same borrower."""
    scanned = rows[0]
    if scanned.loan_id is None:
        raise ItemNotOut(tag=scanned.tag, name=scanned.name)
    returned = [_return(tx, scanned, by, note, at)]
    borrower = (scanned.participant_id, scanned.staff_id, scanned.session_id)
    for part in rows[1:]:
        same = (part.participant_id, part.staff_id, part.session_id) == borrower
        if part.loan_id is not None and same:
            returned.append(_return(tx, part, by, "", at))
    return returned


def return_item(
    db: Database, tag: str, *, by: int | None = None, note: str = "", at: datetime | None = None
) -> Returned:
    """Take one item back (a kit's part alone, too), with an optional note on its condition."""
    return _returning(db, tag, by, note, at or now_utc(), kit=False)[0]


def return_kit(
    db: Database, tag: str, *, by: int | None = None, note: str = "", at: datetime | None = None
) -> KitReturned:
    """Take a kit back by its label: with it, every part still out to the same borrower.

    A part that did not come back is kept out afterwards with `keep_part_out`.
    """
    return KitReturned(_returning(db, tag, by, note, at or now_utc(), kit=True))

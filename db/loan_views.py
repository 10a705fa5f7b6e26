"""What a lend or a return at the desk decides on, read in one query: on the shared server
a scan is then two round trips, this query and the writes that go with the COMMIT.

Each row is one item (the scanned one, and for a kit each of its parts) with its open loan
and who has it; a lend's rows also carry the borrower and, when asked, one row per item
the child still has past its due time (so an item may come on several rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock_time
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, func, null, or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from db.clock import at_local, local
from db.database import is_server
from db.models import Item, Loan, Participant, Program, Session, SessionStatus, Staff
from db.programs import EARLY_ARRIVAL

# The columns naming a loan's holder, each under a prefix: the item's open loan ("out"),
# or the borrower a lend is for ("to").
_HOLDER = ("first_name", "last_name", "staff_name", "program_name", "day", "starts_at", "ends_at")


@dataclass(frozen=True)
class Holder:
    """Who has (or is to have) an item, as the columns of one query name them."""

    first_name: str | None
    last_name: str | None
    staff_name: str | None
    program_name: str | None
    day: date | None
    starts_at: clock_time | None
    ends_at: clock_time | None

    @property
    def is_session(self) -> bool:
        return self.first_name is None and self.staff_name is None

    def session_start(self) -> datetime | None:
        if not self.is_session or self.day is None or self.starts_at is None:
            return None
        return at_local(self.day, self.starts_at)

    def session_end(self) -> datetime | None:
        if not self.is_session or self.day is None or self.ends_at is None:
            return None
        return at_local(self.day, self.ends_at)


def holder(row: Any, prefix: str) -> Holder:
    return Holder(*(getattr(row, f"{prefix}_{name}") for name in _HOLDER))


@dataclass(frozen=True)
class _HolderTables:
    child: Any
    librarian: Any
    held_by: Any
    program: Any


def _holder_tables() -> _HolderTables:
    return _HolderTables(aliased(Participant), aliased(Staff), aliased(Session), aliased(Program))


# Made once: building ORM aliases is what a query's Python time would go to on every scan.
_TABLES = {"out": _holder_tables(), "to": _holder_tables()}
_KIT = aliased(Item)
_SCANNED = aliased(Item)
_RUNNING = aliased(Session)
_OUT = aliased(Loan)
_OVERDUE_ITEM = aliased(Item)
_OVERDUE_LOAN = aliased(Loan)


def join_holder(
    query: Select[Any], prefix: str, participant: Any, staff: Any, session: Any
) -> tuple[Select[Any], list[Any]]:
    """Join the holder's names: a child, a librarian, or a session (its program and times).

    A key given as None (a lend to a child has no borrowing session) joins nothing: an
    `id IS NULL` join would read the whole table."""
    tables = _TABLES[prefix]
    child, librarian, held_by, program = (
        tables.child,
        tables.librarian,
        tables.held_by,
        tables.program,
    )
    columns: list[Any] = [null()] * len(_HOLDER)
    if participant is not None:
        query = query.outerjoin(child, child.id == participant)
        columns[0:2] = [child.first_name, child.last_name]
    if staff is not None:
        query = query.outerjoin(librarian, librarian.id == staff)
        columns[2] = librarian.display_name
    if session is not None:
        query = query.outerjoin(held_by, held_by.id == session).outerjoin(
            program, program.id == held_by.program_id
        )
        columns[3:] = [program.name, held_by.day, held_by.starts_at, held_by.ends_at]
    return query, [
        column.label(f"{prefix}_{name}") for column, name in zip(columns, _HOLDER, strict=True)
    ]


def _scanned(tag: str, with_parts: bool, item: Any = Item) -> ColumnElement[bool]:
    """The item of a tag, and with_parts also the parts of the kit it is."""
    if not with_parts:
        return item.tag == tag  # type: ignore[no-any-return]
    kit = _KIT
    return or_(
        item.tag == tag,
        item.parent_id == select(kit.id).where(kit.tag == tag).scalar_subquery(),
    )


def _item_columns() -> list[Any]:
    return [
        Item.id.label("item_id"),
        Item.tag,
        Item.name,
        Item.status,
        Item.parent_id,
        Item.site_id,
    ]


def _kit_first() -> list[Any]:
    return [Item.parent_id.is_not(None), Item.tag]


def _running_end(at: datetime) -> Any:
    """When the session running at the item's site at `at` ends (as `running_sessions`
    picks it: running, or starting within half an hour, the earliest first)."""
    moment = local(at)
    soon = moment + EARLY_ARRIVAL
    latest_start = soon.time() if soon.date() == moment.date() else clock_time.max
    running = _RUNNING
    return (
        select(running.ends_at)
        .where(
            running.site_id == Item.site_id,
            running.day == moment.date(),
            running.status != SessionStatus.CANCELLED,
            running.starts_at <= latest_start,
            running.ends_at > moment.time(),
        )
        .order_by(running.starts_at)
        .limit(1)
        .scalar_subquery()
        .label("running_ends_at")
    )


def overdue_loan_of(participant_id: Any, at: datetime, loan: Any = Loan) -> ColumnElement[bool]:
    """A loan still out to the child past its due time (a join condition, or a filter)."""
    return and_(
        loan.participant_id == participant_id,
        loan.returned_at.is_(None),
        loan.due_at < at,
    )


def overdue_columns(item: Any = Item, loan: Any = Loan) -> tuple[Any, ...]:
    """The columns `overdue_from` reads, of an item and its loan joined for the overdue loans."""
    return (
        item.id.label("overdue_item_id"),
        item.parent_id.label("overdue_parent_id"),
        item.tag.label("overdue_tag"),
        item.name.label("overdue_name"),
        loan.lent_at.label("overdue_lent_at"),
        loan.due_at.label("overdue_due_at"),
    )


def lend_view(
    tx: OrmSession,
    tag: str,
    *,
    participant_id: int | None,
    staff_id: int | None,
    session_id: int | None,
    at: datetime,
    with_parts: bool,
    overdue: bool,
    or_return: bool = False,
) -> Select[Any]:
    """The scanned item (a kit with its parts) with its open loan, whether the borrower
    exists and who they are, when the session running at the item's site ends, a new loan
    id per item not out on a server, and with `overdue` what the child still has past its
    due time. With `or_return`, the open loans are read as `return_view` reads them (locked
    on a server, with the columns a return decides on): the same rows then decide a lend or
    a return, whichever the item's state calls for (the desk's scan)."""
    out: Any
    if or_return:
        loans = _locked_open_loans(tag, with_parts)
        out = loans.c
        query: Select[Any] = select(
            *_item_columns(),
            out.id.label("out_id"),
            out.lent_at.label("out_lent_at"),
            *_return_columns(out),
        ).outerjoin(loans, out.item_id == Item.id)
    else:
        out = _OUT
        query = select(
            *_item_columns(), out.id.label("out_id"), out.lent_at.label("out_lent_at")
        ).outerjoin(out, and_(out.item_id == Item.id, out.returned_at.is_(None)))
    query, out_columns = join_holder(query, "out", out.participant_id, out.staff_id, out.session_id)
    query, to_columns = join_holder(query, "to", participant_id, staff_id, session_id)
    model, key = next(
        (model, key)
        for model, key in ((Participant, participant_id), (Staff, staff_id), (Session, session_id))
        if key is not None
    )
    found = select(model.id).where(model.id == key).exists().label("to_found")
    columns = [*out_columns, *to_columns, found, _running_end(at)]
    if is_server(tx):
        # One per row of an item not out: each item of a kit gets its own (an overdue row's
        # spare one is unused); an item out draws none (CASE evaluates nextval only when
        # needed), so a return or a refusal leaves the sequence alone.
        draw = func.nextval(func.pg_get_serial_sequence("loan", "id"))
        columns.append(case((out.id.is_(None), draw), else_=null()).label("next_id"))
    order = _kit_first()
    if overdue and participant_id is not None:
        overdue_item, overdue_loan = _OVERDUE_ITEM, _OVERDUE_LOAN
        columns += overdue_columns(overdue_item, overdue_loan)
        query = query.outerjoin(
            overdue_loan, overdue_loan_of(participant_id, at, overdue_loan)
        ).outerjoin(overdue_item, overdue_item.id == overdue_loan.item_id)
        order += [overdue_loan.lent_at, overdue_item.tag]
    return query.add_columns(*columns).where(_scanned(tag, with_parts)).order_by(*order)


def _locked_open_loans(tag: str, with_parts: bool) -> Subquery:
    """The open loans of the scanned item (a kit: and of its parts), locked on a server so a
    second laptop returning the same item waits, then finds it back."""
    scanned = _SCANNED
    return (
        select(Loan)
        .where(
            Loan.returned_at.is_(None),
            Loan.item_id.in_(select(scanned.id).where(_scanned(tag, with_parts, scanned))),
        )
        .with_for_update()
        .subquery("open_loan")
    )


def _return_columns(out: Any) -> list[Any]:
    """What a return decides on of an open loan (`return_rows`)."""
    return [
        out.id.label("loan_id"),
        out.lent_at.label("lent_at"),
        out.due_at.label("due_at"),
        out.participant_id.label("participant_id"),
        out.staff_id.label("staff_id"),
        out.session_id.label("session_id"),
    ]


def return_view(tag: str, *, with_parts: bool) -> Select[Any]:
    """The scanned item (a kit with its parts) with its open loan, that loan locked on a
    server so a second laptop returning the same item waits, then finds it back."""
    loans = _locked_open_loans(tag, with_parts)
    out = loans.c
    query: Select[Any] = select(*_item_columns(), *_return_columns(out)).outerjoin(
        loans, out.item_id == Item.id
    )
    query, out_columns = join_holder(query, "out", out.participant_id, out.staff_id, out.session_id)
    return query.add_columns(*out_columns).where(_scanned(tag, with_parts)).order_by(*_kit_first())


def first_per_item(rows: Sequence[Any]) -> list[Any]:
    """One row per item, in the query's order (a lend's overdue rows repeat the items)."""
    seen: set[int] = set()
    firsts = []
    for row in rows:
        if row.item_id not in seen:
            seen.add(row.item_id)
            firsts.append(row)
    return firsts

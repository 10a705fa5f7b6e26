"""What a scan at the desk means, decided in one transaction, and how to take it back.

The desk page hands over the decoded scan (a card or an item's label) and the desk's state
(its site, the session chosen, the child scanned just before, the loan length, the moment);
`scan_at_desk` checks the child in, or reads the item's state and lends or returns it, kit or
not, and answers with a typed outcome that says what the desk's lists gained or lost. The page
only shows it: words, colours, sounds. `undo_at_desk` takes such an outcome back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.attendance import CheckIn, Present, check_in_card_in, check_in_in, undo_check_in
from db.database import Database, retried_if_raced
from db.desk import undo_lend
from db.equipment import OpenLoan, undo_returns
from db.errors import QT_TRANSLATE_NOOP, BorrowerHasOverdue, DomainError, InvalidInput, UnknownCode
from db.loan_views import first_per_item, return_view
from db.loans import (
    Borrower,
    KitLent,
    KitReturned,
    Lent,
    OverdueItem,
    Returned,
    lend_read,
    lend_rows,
    return_rows,
)
from db.models import AttendanceStatus, CheckInMethod, Item
from db.scancodes import CardCode, ItemCode

# The child scanned just before an item borrows it, if the item follows within this time.
BORROWER_WAIT = timedelta(minutes=2)


@dataclass(frozen=True)
class ScannedChild:
    """The child the desk checked in last, and when: the next item goes to them for a while."""

    participant_id: int
    name: str
    scanned_at: datetime


@dataclass(frozen=True)
class DeskState:
    """What the desk knows when the librarian scans: fixed at that moment, not on the worker."""

    site_id: int | None
    session_id: int | None
    at: datetime
    child: ScannedChild | None = None
    loan_hours: int = 0  # a child's loan is due this many hours later (0: the usual end)
    lend_anyway: bool = False  # the librarian said yes to lending despite overdue items

    def child_waiting(self) -> ScannedChild | None:
        """The child scanned just before, while an item scanned now still goes to them."""
        if self.child is not None and self.at - self.child.scanned_at <= BORROWER_WAIT:
            return self.child
        return None


@dataclass(frozen=True)
class DeskChange:
    """What the desk's lists gain or lose: rows to add or replace, rows to drop."""

    present: list[Present] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)  # participants no longer here
    out: list[OpenLoan] = field(default_factory=list)
    back: list[int] = field(default_factory=list)  # loans no longer out


@dataclass(frozen=True)
class CheckedIn:
    """A child checked in now (`check_in.overdue`: what they still have past its due time)."""

    check_in: CheckIn
    change: DeskChange


@dataclass(frozen=True)
class AlreadyHere:
    """The child was checked in to this session before: nothing changed."""

    check_in: CheckIn
    change: DeskChange = field(default_factory=DeskChange)


@dataclass(frozen=True)
class ItemLent:
    lent: Lent
    change: DeskChange


@dataclass(frozen=True)
class KitWentOut:
    kit: KitLent
    change: DeskChange


@dataclass(frozen=True)
class ItemBack:
    returned: Returned
    change: DeskChange


@dataclass(frozen=True)
class KitBack:
    kit: KitReturned
    change: DeskChange


@dataclass(frozen=True)
class Refused:
    """The scan did nothing, for the reason the error says in the librarian's language."""

    error: DomainError
    change: DeskChange = field(default_factory=DeskChange)


@dataclass(frozen=True)
class AskLendAnyway:
    """The child still has something overdue: the desk asks before lending `tag` to them."""

    name: str
    overdue: list[OverdueItem]
    tag: str
    change: DeskChange = field(default_factory=DeskChange)


DeskOutcome = CheckedIn | AlreadyHere | ItemLent | KitWentOut | ItemBack | KitBack
ScanOutcome = DeskOutcome | Refused | AskLendAnyway

NO_SESSION = QT_TRANSLATE_NOOP("DomainError", "Choose a session first: no session is running now.")
NOBODY_TO_LEND_TO = QT_TRANSLATE_NOOP(
    "DomainError", "Nobody to lend to: scan a child's card first, or choose a session."
)


def _present(result: CheckIn, at: datetime) -> Present:
    """The here-now row of a child just checked in: present from the moment of the scan, as
    the check-in wrote it (no query: its writes go with the COMMIT)."""
    return Present(
        result.attendance_id,
        result.participant_id,
        result.first_name,
        result.last_name,
        AttendanceStatus.PRESENT,
        at,
        result.no_photos,
    )


def checked_in(result: CheckIn, at: datetime) -> CheckedIn | AlreadyHere:
    if result.already_here:
        return AlreadyHere(result)
    return CheckedIn(result, DeskChange(present=[_present(result, at)]))


def borrower_for(state: DeskState, by: int | None) -> Borrower | None:
    """The child scanned just before, else the session itself, else the librarian."""
    child = state.child_waiting()
    if child is not None:
        return Borrower.child(child.participant_id)
    if state.session_id is not None:
        return Borrower.in_session(state.session_id)
    if by is not None:
        return Borrower.librarian(by)
    return None


def due_for(state: DeskState, to: Borrower) -> datetime | None:
    """When a loan made now is due: a child's after the desk's loan hours, if set; else
    the use case's usual end."""
    if to.participant_id is not None and state.loan_hours:
        return state.at + timedelta(hours=state.loan_hours)
    return None


def _shown_tags(tx: OrmSession, tags: list[str], site_id: int | None) -> set[str]:
    """Of these items, the ones the desk's out-now list shows: its own library's."""
    if site_id is None:
        return set(tags)
    query = select(Item.tag).where(Item.tag.in_(tags), Item.site_id == site_id)
    return set(tx.scalars(query))


def _out_rows(lent: list[Lent], sites: dict[str, int], state: DeskState) -> list[OpenLoan]:
    """The loans as the out-now list shows them (just lent: none is overdue), of this desk's
    library only (a partner library's item lent here is on its own list). `sites`: each
    scanned item's library, as the scan read it."""
    return [
        OpenLoan(
            each.loan_id, each.tag, each.item_name, each.borrower, state.at, each.due_at, False
        )
        for each in lent
        if state.site_id is None or sites.get(each.tag) == state.site_id
    ]


def _scan_item(tx: OrmSession, code: ItemCode, state: DeskState, by: int | None) -> DeskOutcome:
    """Out → it comes back (a kit with its parts); in → it goes out (the same). One read
    answers both, whatever the desk's out-now list shows (another laptop may have lent or
    taken the item back meanwhile): the item's open loans, locked on a server, with the
    lend's facts beside them. A scan is that read and the writes with the COMMIT."""
    tag = code.tag.upper()
    to = borrower_for(state, by)
    if to is None:
        rows = tx.execute(return_view(tag, with_parts=True)).all()
        if not rows:
            raise UnknownCode(scanned=tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
        if rows[0].loan_id is None:
            raise InvalidInput(problem=NOBODY_TO_LEND_TO)
        return _take_back(tx, rows, state, by)
    ask = not state.lend_anyway
    rows = tx.execute(lend_read(tx, tag, to, state.at, ask, with_parts=True, or_return=True)).all()
    items = first_per_item(rows)
    if items and items[0].loan_id is not None:
        return _take_back(tx, items, state, by)
    went = lend_rows(tx, rows, code.tag, to, by, due_for(state, to), state.at, ask)
    sites = {row.tag: row.site_id for row in items}
    change = DeskChange(out=_out_rows(went.lent, sites, state))
    if len(items) > 1:
        return KitWentOut(went, change)
    return ItemLent(went.lent[0], change)


def _take_back(
    tx: OrmSession, items: Sequence[Any], state: DeskState, by: int | None
) -> ItemBack | KitBack:
    """The scanned item back (a kit with its parts out to the same borrower), as the scan's
    read found it out: one row per item, the scanned one first. The writes go with the
    COMMIT."""
    returned = return_rows(tx, items, by, "", state.at)
    back = [each.loan_id for each in returned]
    if len(items) > 1:
        return KitBack(KitReturned(returned), DeskChange(back=back))
    return ItemBack(returned[0], DeskChange(back=back))


def _scan(
    tx: OrmSession, code: CardCode | ItemCode, scanned: str, state: DeskState, by: int | None
) -> DeskOutcome:
    if isinstance(code, ItemCode):
        return _scan_item(tx, code, state, by)
    if state.session_id is None:
        raise InvalidInput(problem=NO_SESSION)
    result = check_in_card_in(
        tx, state.session_id, code.code, scanned, CheckInMethod.SCAN, by, state.at
    )
    return checked_in(result, state.at)


def scan_at_desk(
    db: Database,
    code: CardCode | ItemCode,
    state: DeskState,
    *,
    scanned: str = "",
    by: int | None = None,
) -> ScanOutcome:
    """A card checks its child in; an item's label returns it when it is out, else lends it
    to the child scanned just before (or to the session). One transaction; a refusal
    leaves the records as they were."""
    try:
        return retried_if_raced(db, lambda tx: _scan(tx, code, scanned, state, by))
    except BorrowerHasOverdue as asked:
        assert isinstance(code, ItemCode)
        return AskLendAnyway(
            str(asked.fields.get("name", "")), list(asked.fields.get("overdue", [])), code.tag
        )
    except DomainError as refusal:
        return Refused(refusal)


def check_in_at_desk(
    db: Database,
    participant_id: int,
    state: DeskState,
    *,
    method: CheckInMethod = CheckInMethod.NAME_SEARCH,
    by: int | None = None,
) -> CheckedIn | AlreadyHere | Refused:
    """A child chosen by name (or registered just now) checked in to the desk's session."""
    try:
        with db.unit_of_work() as uow:
            if state.session_id is None:
                raise InvalidInput(problem=NO_SESSION)
            result = check_in_in(uow.tx, state.session_id, participant_id, method, by, state.at)
            outcome = checked_in(result, state.at)
            uow.commit()
            return outcome
    except DomainError as refusal:
        return Refused(refusal)


def undo_at_desk(
    db: Database,
    outcome: DeskOutcome,
    *,
    at: datetime,
    site_id: int | None,
    by: int | None = None,
) -> DeskChange:
    """Take back a scan made by mistake a moment ago: what the desk's lists lose or regain."""
    if isinstance(outcome, CheckedIn):
        undo_check_in(db, outcome.check_in.attendance_id, by=by)
        return DeskChange(gone=[outcome.check_in.participant_id])
    if isinstance(outcome, ItemLent | KitWentOut):
        lent = [outcome.lent] if isinstance(outcome, ItemLent) else outcome.kit.lent
        loan_ids = [each.loan_id for each in lent]
        undo_lend(db, loan_ids, by=by)
        return DeskChange(back=loan_ids)
    if isinstance(outcome, ItemBack | KitBack):
        returned = [outcome.returned] if isinstance(outcome, ItemBack) else outcome.kit.returned
        lent_at = {each.loan_id: each.lent_at for each in returned}
        reopened = undo_returns(db, list(lent_at), by=by)
        with db.reading() as tx:
            shown = _shown_tags(tx, [each.tag for each in reopened], site_id)
        return DeskChange(
            out=[
                OpenLoan(
                    each.loan_id,
                    each.tag,
                    each.item_name,
                    each.borrower,
                    lent_at[each.loan_id],
                    each.due_at,
                    each.due_at < at,
                )
                for each in reopened
                if each.tag in shown
            ]
        )
    raise ValueError(f"nothing to undo in {type(outcome).__name__}")

"""Use cases for the project's equipment: items and kits, lending by scan, returns, what is out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias

from sqlalchemy import Row, Select, and_, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased, joinedload

from db import audit
from db.accounts import reader_is_admin
from db.clock import at_local, end_of_local_day, local, now_utc
from db.database import Database, insert_row, queued
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
    overdue_columns,
    overdue_loan_of,
    return_view,
)
from db.models import (
    Item,
    ItemCategory,
    ItemStatus,
    Loan,
    Participant,
    Program,
    Session,
    Site,
    Staff,
)
from db.scancodes import normalize_tag

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
class ItemDetails:
    tag: str
    name: str
    category: ItemCategory
    site_id: int
    serial_number: str = ""
    project_id: int | None = None
    parent_tag: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class OpenLoan:
    """A row of "what is out now"."""

    loan_id: int
    tag: str
    item_name: str
    borrower: str
    lent_at: datetime
    due_at: datetime
    overdue: bool


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


@dataclass(frozen=True)
class ItemState:
    """An item as the desk or `main.py scan` describes it."""

    tag: str
    name: str
    category: ItemCategory
    status: ItemStatus
    parts: list[str]
    loan: OpenLoan | None


def borrower_name(loan: Loan) -> str:
    if loan.participant is not None:
        return loan.participant.full_name
    if loan.staff is not None:
        return loan.staff.display_name
    assert loan.session is not None
    return f"{loan.session.program.name} {day_text(loan.session.day)}"


def session_borrower(loan: Loan) -> SessionBorrower | None:
    """The borrowing session's program and start, when the session itself has the item."""
    if loan.session is None:
        return None
    row = loan.session
    return SessionBorrower(row.program.name, at_local(row.day, row.starts_at))


def _since(at: datetime) -> str:
    return moment_text(at, full=True)


def _already_out(item: Item, current: Loan | None) -> ItemAlreadyOut:
    """The refusal naming who has an item: a child or librarian by name, or the session."""
    if current is None:  # the winner of a race undid its loan at once
        return ItemAlreadyOut(tag=item.tag, name=item.name, borrower="?", since="?")
    at_session = session_borrower(current)
    if at_session is not None:
        return ItemOutWithSession(
            tag=item.tag, name=item.name, program=at_session.program, since=_since(current.lent_at)
        )
    return ItemAlreadyOut(
        tag=item.tag, name=item.name, borrower=borrower_name(current), since=_since(current.lent_at)
    )


def _item_by_tag(session: OrmSession, tag: str, scanned: str | None = None) -> Item:
    item = session.scalars(select(Item).where(Item.tag == tag.upper())).first()
    if item is None:
        raise UnknownCode(scanned=scanned or tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
    return item


def _open_loan(session: OrmSession, item_id: int, *, lock: bool = False) -> Loan | None:
    query = (
        select(Loan)
        .where(Loan.item_id == item_id, Loan.returned_at.is_(None))
        .options(joinedload(Loan.participant), joinedload(Loan.staff), joinedload(Loan.session))
    )
    if lock:
        # PostgreSQL: a second laptop returning the same item waits here, then finds the
        # loan closed (no double return); SQLite's BEGIN IMMEDIATE already serialises.
        query = query.with_for_update(of=Loan)
    return session.scalars(query).first()


def _parent_id(session: OrmSession, parent_tag: str | None, own_tag: str) -> int | None:
    if not parent_tag:
        return None
    parent = _item_by_tag(session, normalize_tag(parent_tag))
    if parent.tag == own_tag or parent.parent_id is not None:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError", "A kit's part must belong to a kit that is not itself a part."
            )
        )
    return parent.id


def add_item(db: Database, details: ItemDetails, *, by: int | None = None) -> int:
    """Add a piece of equipment (its tag goes on the QR label); a tag in use is refused."""
    tag = normalize_tag(details.tag)
    name = " ".join(details.name.split())
    if not name:
        raise InvalidInput(problem=QT_TRANSLATE_NOOP("DomainError", "An item needs a name."))
    with db.unit_of_work() as uow:
        if uow.session.get(Site, details.site_id) is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=details.site_id)
        if uow.session.scalars(select(Item.id).where(Item.tag == tag)).first() is not None:
            raise InvalidInput(
                problem=QT_TRANSLATE_NOOP("DomainError", "Another item already has this tag.")
            )
        item = Item(
            tag=tag,
            name=name,
            category=details.category,
            serial_number=details.serial_number.strip(),
            site_id=details.site_id,
            project_id=details.project_id,
            parent_id=_parent_id(uow.session, details.parent_tag, tag),
            notes=details.notes.strip(),
        )
        uow.session.add(item)
        uow.session.flush()
        audit.record(uow.session, by, "item.added", "item", item.id, f"Added {tag} {name}")
        uow.commit()
        return item.id


def _snapshot(item: Item) -> dict[str, object]:
    return {
        "name": item.name,
        "category": item.category.value,
        "serial_number": item.serial_number,
        "site_id": item.site_id,
        "project_id": item.project_id,
        "parent_id": item.parent_id,
        "notes": item.notes,
    }


def edit_item(db: Database, item_id: int, details: ItemDetails, *, by: int | None = None) -> None:
    """Change what is known of an item; its tag stays, since it is printed on the label."""
    with db.unit_of_work() as uow:
        item = uow.session.get(Item, item_id)
        if item is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Item"), key=item_id)
        before = _snapshot(item)
        item.name = " ".join(details.name.split()) or item.name
        item.category = ItemCategory(details.category)  # a combo box may hand back its text
        item.serial_number = details.serial_number.strip()
        item.site_id = details.site_id
        item.project_id = details.project_id
        item.parent_id = _parent_id(uow.session, details.parent_tag, item.tag)
        item.notes = details.notes.strip()
        changes = audit.diff(before, _snapshot(item))
        if changes:
            audit.record(
                uow.session,
                by,
                "item.edited",
                "item",
                item.id,
                f"Edited {item.tag}: {', '.join(sorted(changes))}",
                changes,
            )
        uow.commit()


def set_item_status(db: Database, tag: str, status: ItemStatus, *, by: int | None = None) -> None:
    """Send an item to repair, retire it, or make it available again."""
    with db.unit_of_work() as uow:
        item = _item_by_tag(uow.session, normalize_tag(tag))
        if item.status is status:
            return
        before = item.status
        item.status = status
        audit.record(
            uow.session,
            by,
            "item.status",
            "item",
            item.id,
            f"{item.tag} {before.value} → {status.value}",
            {"status": [before.value, status.value]},
        )
        uow.commit()


def _check_borrower(session: OrmSession, to: Borrower) -> None:
    for model, key, what in (
        (Participant, to.participant_id, QT_TRANSLATE_NOOP("DomainError", "Participant")),
        (Staff, to.staff_id, QT_TRANSLATE_NOOP("DomainError", "Librarian")),
        (Session, to.session_id, QT_TRANSLATE_NOOP("DomainError", "Session")),
    ):
        if key is not None and session.get(model, key) is None:
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


def overdue_with(session: OrmSession, participant_id: int, at: datetime) -> list[OverdueItem]:
    """What a child still has past its due time; a kit's parts are named by the kit alone."""
    rows = session.execute(
        select(*overdue_columns())
        .join(Item, Item.id == Loan.item_id)
        .where(overdue_loan_of(participant_id, at))
        .order_by(Loan.lent_at, Item.tag)
    ).all()
    return overdue_from(rows)


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
    session: OrmSession,
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
        session,
        insert(Loan).values(
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
    audit.record(session, by, "loan.lent", "loan", loan_id, f"Lent {row.tag} {row.name} to {name}")
    return Lent(loan_id, row.tag, row.name, name, due, _holder_session(who))


def _lend_scanned(
    session: OrmSession,
    tag: str,
    to: Borrower,
    by: int | None,
    due_at: datetime | None,
    at: datetime,
    ask_if_overdue: bool,
    kit: bool,
) -> KitLent:
    view = lend_view(
        session,
        tag.upper(),
        participant_id=to.participant_id,
        staff_id=to.staff_id,
        session_id=to.session_id,
        at=at,
        with_parts=kit,
        overdue=ask_if_overdue,
    )
    rows = session.execute(view).all()
    if not rows or not rows[0].to_found:
        _check_borrower(session, to)  # a missing borrower is said first
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
    lent = [_lend(session, items[0], to, by, due_at, at)]
    left_behind: list[tuple[str, str]] = []
    refusals: list[DomainError] = []
    for part in items[1:]:
        if part.status is ItemStatus.RETIRED:
            continue
        try:
            lent.append(_lend(session, part, to, by, lent[0].due_at, at))
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
    COMMIT. A race lost to another laptop (a unique key at COMMIT) is tried once more."""
    for attempt in (1, 2):
        try:
            with db.unit_of_work() as uow:
                lent = _lend_scanned(uow.session, tag, to, by, due_at, at, ask_if_overdue, kit)
                uow.commit()
                return lent
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


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


def _return(session: OrmSession, row: Any, by: int | None, note: str, at: datetime) -> Returned:
    returned_at = max(at, row.lent_at)  # a laptop's clock may lag the lender's
    note = note.strip()[:2000]
    queued(
        session,
        update(Loan)
        .where(Loan.id == row.loan_id)
        .values(returned_at=returned_at, received_by_id=by, return_note=note)
        .execution_options(synchronize_session=False),
    )
    who = holder(row, "out")
    name = _holder_words(who)
    audit.record(
        session,
        by,
        "loan.returned",
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
        rows = uow.session.execute(return_view(tag.upper(), with_parts=kit)).all()
        if not rows:
            raise UnknownCode(scanned=tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
        scanned = rows[0]
        if scanned.loan_id is None:
            raise ItemNotOut(tag=scanned.tag, name=scanned.name)
        returned = [_return(uow.session, scanned, by, note, at)]
        borrower = (scanned.participant_id, scanned.staff_id, scanned.session_id)
        for part in rows[1:]:
            same = (part.participant_id, part.staff_id, part.session_id) == borrower
            if part.loan_id is not None and same:
                returned.append(_return(uow.session, part, by, "", at))
        uow.commit()
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


def _reopen(
    session: OrmSession, loan: Loan, by: int | None, summary: str, *, kept_out: bool = False
) -> Lent:
    """Put a returned loan back as it was: the same borrower, the same due time."""
    current = _open_loan(session, loan.item_id)
    if current is not None and current.id != loan.id:
        raise _already_out(loan.item, current)
    loan.returned_at = None
    loan.received_by_id = None
    loan.return_note = ""
    audit.record(
        session, by, PART_KEPT_OUT if kept_out else RETURN_UNDONE, "loan", loan.id, summary
    )
    return Lent(
        loan.id,
        loan.item.tag,
        loan.item.name,
        borrower_name(loan),
        loan.due_at,
        session_borrower(loan),
    )


def keep_part_out(db: Database, tag: str, *, by: int | None = None) -> Lent:
    """A part that did not come back with its kit stays out to the kit's borrower."""
    with db.unit_of_work() as uow:
        part = _item_by_tag(uow.session, normalize_tag(tag))
        loan = uow.session.scalars(
            select(Loan)
            .where(Loan.item_id == part.id)
            .order_by(Loan.lent_at.desc(), Loan.id.desc())
        ).first()
        if part.parent is None or loan is None or loan.returned_at is None:
            raise ItemNotOut(tag=part.tag, name=part.name)
        kept = _reopen(
            uow.session,
            loan,
            by,
            f"{part.tag} {part.name} did not come back with {part.parent.tag}: still out",
            kept_out=True,
        )
        uow.commit()
        return kept


def undo_returns(db: Database, loan_ids: list[int], *, by: int | None = None) -> list[Lent]:
    """Put back on loan what was scanned back by mistake: a kit, every part as it was."""
    with db.unit_of_work() as uow:
        loans = uow.session.scalars(
            select(Loan).where(Loan.id.in_(loan_ids)).order_by(Loan.id)
        ).all()
        reopened = [
            _reopen(uow.session, loan, by, f"Undid return of {loan.item.tag}")
            for loan in loans
            if loan.returned_at is not None  # a part kept out is out already
        ]
        uow.commit()
        return reopened


def add_return_note(db: Database, tag: str, note: str, *, by: int | None = None) -> None:
    """Add the condition note to an item's latest return, typed after the scan."""
    with db.unit_of_work() as uow:
        item = _item_by_tag(uow.session, tag)
        loan = uow.session.scalars(
            select(Loan)
            .where(Loan.item_id == item.id, Loan.returned_at.is_not(None))
            .order_by(Loan.returned_at.desc())
        ).first()
        if loan is None:
            raise ItemNotOut(tag=item.tag, name=item.name)
        loan.return_note = note.strip()[:2000]
        audit.record(
            uow.session,
            by,
            "loan.note",
            "loan",
            loan.id,
            f"Condition of {item.tag}: {loan.return_note}",
        )
        uow.commit()


def _open_loan_rows(
    session: OrmSession, at: datetime, overdue_only: bool, site_id: int | None = None
) -> list[OpenLoan]:
    query = (
        select(Loan)
        .join(Loan.item)
        .where(Loan.returned_at.is_(None))
        .options(
            joinedload(Loan.item),
            joinedload(Loan.participant),
            joinedload(Loan.staff),
            joinedload(Loan.session).joinedload(Session.program),
        )
        .order_by(Loan.due_at, Item.tag)
    )
    if overdue_only:
        query = query.where(Loan.due_at < at)
    if site_id is not None:
        query = query.where(Item.site_id == site_id)
    return [
        OpenLoan(
            loan.id,
            loan.item.tag,
            loan.item.name,
            borrower_name(loan),
            loan.lent_at,
            loan.due_at,
            loan.due_at < at,
        )
        for loan in session.scalars(query).unique()
    ]


def open_loans(
    db: Database, *, by: int | None, at: datetime | None = None, site_id: int | None = None
) -> list[OpenLoan]:
    """Everything out now, soonest due first; overdue ones are marked. With `site_id`, only
    that library's own items: a partner's desk does not list another library's laptops."""
    with db.reading() as session:
        reader_is_admin(session, by)  # borrowers' names: any active account
        return _open_loan_rows(session, at or now_utc(), overdue_only=False, site_id=site_id)


def overdue_loans(db: Database, *, by: int | None, at: datetime | None = None) -> list[OpenLoan]:
    """What should have been back by now."""
    with db.reading() as session:
        reader_is_admin(session, by)
        return _open_loan_rows(session, at or now_utc(), overdue_only=True)


def item_state(db: Database, tag: str, *, by: int | None, at: datetime | None = None) -> ItemState:
    """An item with its status, its kit's parts and who has it now."""
    at = at or now_utc()
    with db.reading() as session:
        reader_is_admin(session, by)
        item = _item_by_tag(session, tag)
        loan = _open_loan(session, item.id)
        return ItemState(
            item.tag,
            item.name,
            item.category,
            item.status,
            [part.tag for part in item.parts],
            None
            if loan is None
            else OpenLoan(
                loan.id,
                item.tag,
                item.name,
                borrower_name(loan),
                loan.lent_at,
                loan.due_at,
                loan.due_at < at,
            ),
        )


# Read queries for the Equipment page: every item with who has it, and one item's loans.


@dataclass(frozen=True)
class ItemRow:
    """An item as the equipment list shows it, with its current loan if it is out."""

    id: int
    tag: str
    name: str
    category: ItemCategory
    status: ItemStatus
    site_id: int
    site_name: str
    serial_number: str
    notes: str
    project_id: int | None
    parent_tag: str | None
    loan_id: int | None = None
    borrower: str | None = None
    lent_at: datetime | None = None
    due_at: datetime | None = None
    overdue: bool = False

    @property
    def on_loan(self) -> bool:
        return self.loan_id is not None

    def details(self) -> ItemDetails:
        """What the edit dialog starts from (the project is kept as it was)."""
        return ItemDetails(
            self.tag,
            self.name,
            self.category,
            self.site_id,
            self.serial_number,
            self.project_id,
            self.parent_tag,
            self.notes,
        )


@dataclass(frozen=True)
class LoanHistoryRow:
    """One loan of an item: to whom, when, and how it came back."""

    loan_id: int
    lent_at: datetime
    borrower: str
    due_at: datetime
    returned_at: datetime | None
    lent_by: str
    received_by: str
    return_note: str
    late: bool  # came back well after its due time, or is still out past it


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


# Tidying up after a session takes a few minutes; a return within them is not a late one.
LATE_RETURN_GRACE = timedelta(minutes=15)
RETURN_UNDONE = "loan.return_undone"
PART_KEPT_OUT = "loan.part_kept_out"  # a kit came back without this part

# Queries whose columns are read by label, so their width need not be spelled out.
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
AnyRow: TypeAlias = Row[*tuple[Any, ...]]


def _borrower_columns(staff: type[Staff]) -> tuple[Any, ...]:
    """Columns naming a loan's borrower, for `borrower_words`."""
    return (
        Participant.first_name.label("first_name"),
        Participant.last_name.label("last_name"),
        staff.display_name.label("staff_name"),
        Program.name.label("program_name"),
        Session.day.label("session_day"),
    )


def _borrower_of(row: AnyRow) -> str:
    return borrower_words(
        row.first_name, row.last_name, row.staff_name, row.program_name, row.session_day
    )


def _join_borrower(query: AnySelect, staff: type[Staff]) -> AnySelect:
    return (
        query.outerjoin(Participant, Participant.id == Loan.participant_id)
        .outerjoin(staff, staff.id == Loan.staff_id)
        .outerjoin(Session, Session.id == Loan.session_id)
        .outerjoin(Program, Program.id == Session.program_id)
    )


def list_items(
    db: Database, site_id: int | None = None, at: datetime | None = None, *, by: int | None
) -> list[ItemRow]:
    """Every item (of one site, or all) with its kit and current loan, in one query."""
    at = at or now_utc()
    kit = aliased(Item)
    borrowing_staff = aliased(Staff)
    query: AnySelect = (
        select(
            Item.id,
            Item.tag,
            Item.name,
            Item.category,
            Item.status,
            Item.site_id,
            Site.name.label("site_name"),
            Item.serial_number,
            Item.notes,
            Item.project_id,
            kit.tag.label("kit_tag"),
            Loan.id.label("loan_id"),
            Loan.lent_at,
            Loan.due_at,
            *_borrower_columns(borrowing_staff),
        )
        .join(Site, Site.id == Item.site_id)
        .outerjoin(kit, kit.id == Item.parent_id)
        .outerjoin(Loan, and_(Loan.item_id == Item.id, Loan.returned_at.is_(None)))
        .order_by(Item.tag)
    )
    query = _join_borrower(query, borrowing_staff)
    if site_id is not None:
        query = query.where(Item.site_id == site_id)
    with db.reading() as session:
        reader_is_admin(session, by)
        rows = session.execute(query).all()
    return [
        ItemRow(
            id=row.id,
            tag=row.tag,
            name=row.name,
            category=row.category,
            status=row.status,
            site_id=row.site_id,
            site_name=row.site_name,
            serial_number=row.serial_number,
            notes=row.notes,
            project_id=row.project_id,
            parent_tag=row.kit_tag,
            loan_id=row.loan_id,
            borrower=None if row.loan_id is None else _borrower_of(row),
            lent_at=row.lent_at,
            due_at=row.due_at,
            overdue=row.due_at is not None and row.due_at < at,
        )
        for row in rows
    ]


def item_history(
    db: Database, tag: str, *, by: int | None, at: datetime | None = None
) -> list[LoanHistoryRow]:
    """One item's loans, newest first: who had it, who lent and received it, its condition."""
    at = at or now_utc()
    borrowing_staff = aliased(Staff)
    lender = aliased(Staff)
    receiver = aliased(Staff)
    with db.reading() as session:
        reader_is_admin(session, by)
        item = _item_by_tag(session, normalize_tag(tag))
        query = (
            select(
                Loan.id,
                Loan.lent_at,
                Loan.due_at,
                Loan.returned_at,
                Loan.return_note,
                lender.display_name.label("lent_by"),
                receiver.display_name.label("received_by"),
                *_borrower_columns(borrowing_staff),
            )
            .outerjoin(lender, lender.id == Loan.lent_by_id)
            .outerjoin(receiver, receiver.id == Loan.received_by_id)
            .where(Loan.item_id == item.id)
            .order_by(Loan.lent_at.desc(), Loan.id.desc())
        )
        rows = session.execute(_join_borrower(query, borrowing_staff)).all()
    return [
        LoanHistoryRow(
            loan_id=row.id,
            lent_at=row.lent_at,
            borrower=_borrower_of(row),
            due_at=row.due_at,
            returned_at=row.returned_at,
            lent_by=row.lent_by or "",
            received_by=row.received_by or "",
            return_note=row.return_note or "",
            late=(
                row.returned_at - row.due_at > LATE_RETURN_GRACE
                if row.returned_at is not None
                else at > row.due_at
            ),
        )
        for row in rows
    ]

"""Use cases for the project's equipment: items and kits, what is out, a loan's corrections (lending
and returns are db/loans.py; the Equipment page's lists db/equipment_lists.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import joinedload

from db import audit
from db.accounts import reader_is_admin, rows_for_reader
from db.audit_actions import AuditAction
from db.clock import at_local, now_utc
from db.database import Database
from db.dates import day_text
from db.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInput,
    ItemAlreadyOut,
    ItemNotOut,
    ItemOutWithSession,
    NotFound,
    UnknownCode,
)
from db.loan_views import join_holder
from db.loans import (
    Lent,
    SessionBorrower,
    _since,
    borrower_words,
)
from db.models import (
    Item,
    ItemCategory,
    ItemStatus,
    Loan,
    Site,
)
from db.scancodes import normalize_tag


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


def _item_by_tag(tx: OrmSession, tag: str, scanned: str | None = None) -> Item:
    item = tx.scalars(select(Item).where(Item.tag == tag.upper())).first()
    if item is None:
        raise UnknownCode(scanned=scanned or tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
    return item


def _open_loan(tx: OrmSession, item_id: int, *, lock: bool = False) -> Loan | None:
    query = (
        select(Loan)
        .where(Loan.item_id == item_id, Loan.returned_at.is_(None))
        .options(joinedload(Loan.participant), joinedload(Loan.staff), joinedload(Loan.session))
    )
    if lock:
        # PostgreSQL: a second laptop returning the same item waits here, then finds the
        # loan closed (no double return); SQLite's BEGIN IMMEDIATE already serialises.
        query = query.with_for_update(of=Loan)
    return tx.scalars(query).first()


def _parent_id(tx: OrmSession, parent_tag: str | None, own_tag: str) -> int | None:
    if not parent_tag:
        return None
    parent = _item_by_tag(tx, normalize_tag(parent_tag))
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
        if uow.tx.get(Site, details.site_id) is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=details.site_id)
        if uow.tx.scalars(select(Item.id).where(Item.tag == tag)).first() is not None:
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
            parent_id=_parent_id(uow.tx, details.parent_tag, tag),
            notes=details.notes.strip(),
        )
        uow.tx.add(item)
        uow.tx.flush()
        audit.record(uow.tx, by, AuditAction.ITEM_ADDED, "item", item.id, f"Added {tag} {name}")
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
        item = uow.tx.get(Item, item_id)
        if item is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Item"), key=item_id)
        before = _snapshot(item)
        item.name = " ".join(details.name.split()) or item.name
        item.category = ItemCategory(details.category)  # a combo box may hand back its text
        item.serial_number = details.serial_number.strip()
        item.site_id = details.site_id
        item.project_id = details.project_id
        item.parent_id = _parent_id(uow.tx, details.parent_tag, item.tag)
        item.notes = details.notes.strip()
        changes = audit.diff(before, _snapshot(item))
        if changes:
            audit.record(
                uow.tx,
                by,
                AuditAction.ITEM_EDITED,
                "item",
                item.id,
                f"Edited {item.tag}: {', '.join(sorted(changes))}",
                changes,
            )
        uow.commit()


def set_item_status(db: Database, tag: str, status: ItemStatus, *, by: int | None = None) -> None:
    """Send an item to repair, retire it, or make it available again."""
    with db.unit_of_work() as uow:
        item = _item_by_tag(uow.tx, normalize_tag(tag))
        if item.status is status:
            return
        before = item.status
        item.status = status
        audit.record(
            uow.tx,
            by,
            AuditAction.ITEM_STATUS,
            "item",
            item.id,
            f"{item.tag} {before.value} → {status.value}",
            {"status": [before.value, status.value]},
        )
        uow.commit()


def _reopen(
    tx: OrmSession, loan: Loan, by: int | None, summary: str, *, kept_out: bool = False
) -> Lent:
    """Put a returned loan back as it was: the same borrower, the same due time."""
    current = _open_loan(tx, loan.item_id)
    if current is not None and current.id != loan.id:
        raise _already_out(loan.item, current)
    loan.returned_at = None
    loan.received_by_id = None
    loan.return_note = ""
    audit.record(
        tx,
        by,
        AuditAction.LOAN_PART_KEPT_OUT if kept_out else AuditAction.LOAN_RETURN_UNDONE,
        "loan",
        loan.id,
        summary,
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
        part = _item_by_tag(uow.tx, normalize_tag(tag))
        loan = uow.tx.scalars(
            select(Loan)
            .where(Loan.item_id == part.id)
            .order_by(Loan.lent_at.desc(), Loan.id.desc())
        ).first()
        if part.parent is None or loan is None or loan.returned_at is None:
            raise ItemNotOut(tag=part.tag, name=part.name)
        kept = _reopen(
            uow.tx,
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
        loans = uow.tx.scalars(select(Loan).where(Loan.id.in_(loan_ids)).order_by(Loan.id)).all()
        reopened = [
            _reopen(uow.tx, loan, by, f"Undid return of {loan.item.tag}")
            for loan in loans
            if loan.returned_at is not None  # a part kept out is out already
        ]
        uow.commit()
        return reopened


def add_return_note(db: Database, tag: str, note: str, *, by: int | None = None) -> None:
    """Add the condition note to an item's latest return, typed after the scan."""
    with db.unit_of_work() as uow:
        item = _item_by_tag(uow.tx, tag)
        loan = uow.tx.scalars(
            select(Loan)
            .where(Loan.item_id == item.id, Loan.returned_at.is_not(None))
            .order_by(Loan.returned_at.desc())
        ).first()
        if loan is None:
            raise ItemNotOut(tag=item.tag, name=item.name)
        loan.return_note = note.strip()[:2000]
        audit.record(
            uow.tx,
            by,
            AuditAction.LOAN_NOTE,
            "loan",
            loan.id,
            f"Condition of {item.tag}: {loan.return_note}",
        )
        uow.commit()


def open_loans_query(site_id: int | None = None) -> Select[Any]:
    """What is out now with who has it (with `site_id`, that library's own items only), one
    row per loan with the columns `open_loan_from` reads; unordered."""
    columns: list[Any] = [
        Loan.id.label("loan_id"),
        Item.tag,
        Item.name.label("item_name"),
        Loan.lent_at,
        Loan.due_at,
    ]
    query: Select[Any] = (
        select(*columns).join(Item, Item.id == Loan.item_id).where(Loan.returned_at.is_(None))
    )
    query, who = join_holder(query, "out", Loan.participant_id, Loan.staff_id, Loan.session_id)
    if site_id is not None:
        query = query.where(Item.site_id == site_id)
    return query.add_columns(*who)


def open_loan_from(row: Any, at: datetime) -> OpenLoan:
    """A row of `open_loans_query` as the lists show it, overdue at `at` or not."""
    return OpenLoan(
        row.loan_id,
        row.tag,
        row.item_name,
        borrower_words(
            row.out_first_name,
            row.out_last_name,
            row.out_staff_name,
            row.out_program_name,
            row.out_day,
        ),
        row.lent_at,
        row.due_at,
        row.due_at < at,
    )


def _open_loans_listed(
    db: Database, by: int | None, at: datetime, overdue_only: bool, site_id: int | None = None
) -> list[OpenLoan]:
    query = open_loans_query(site_id).order_by(Loan.due_at, Item.tag)
    if overdue_only:
        query = query.where(Loan.due_at < at)
    # Borrowers' names: any active account.
    return [open_loan_from(row, at) for row in rows_for_reader(db, query, by)]


def open_loans(
    db: Database, *, by: int | None, at: datetime | None = None, site_id: int | None = None
) -> list[OpenLoan]:
    """Everything out now, soonest due first; overdue ones are marked. With `site_id`, only
    that library's own items: a partner's desk does not list another library's laptops."""
    return _open_loans_listed(db, by, at or now_utc(), overdue_only=False, site_id=site_id)


def overdue_loans(db: Database, *, by: int | None, at: datetime | None = None) -> list[OpenLoan]:
    """What should have been back by now."""
    return _open_loans_listed(db, by, at or now_utc(), overdue_only=True)


def item_state(db: Database, tag: str, *, by: int | None, at: datetime | None = None) -> ItemState:
    """An item with its status, its kit's parts and who has it now."""
    with db.reading() as tx:
        reader_is_admin(tx, by)
        return _item_state(tx, tag, at or now_utc())


def _item_state(tx: OrmSession, tag: str, at: datetime) -> ItemState:
    item = _item_by_tag(tx, tag)
    loan = _open_loan(tx, item.id)
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

"""The Equipment page's reads: every item with who has it, and one item's loans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeAlias

from sqlalchemy import Row, Select, and_, select
from sqlalchemy.orm import aliased

from db.accounts import reader_is_admin, rows_for_reader
from db.clock import now_utc
from db.database import Database
from db.equipment import ItemDetails, _item_by_tag
from db.loans import (
    borrower_words,
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


# Tidying up after a session takes a few minutes; a return within them is not a late one.
LATE_RETURN_GRACE = timedelta(minutes=15)

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
    # Borrowers' names: any active account.
    rows = rows_for_reader(db, query, by)
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
    with db.reading() as tx:
        reader_is_admin(tx, by)
        item = _item_by_tag(tx, normalize_tag(tag))
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
        rows = tx.execute(_join_borrower(query, borrowing_staff)).all()
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

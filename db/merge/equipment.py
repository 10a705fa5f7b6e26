"""The equipment of a laptop's file: items matched by tag, loans by item and the moment lent;
a loan the laptop saw returned closes the one here, and an item out here keeps its loan."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from db.dates import moment_text
from db.merge.report import CHILD_LEFT_OUT, ITEM_OUT, NO_ACCOUNT, RETURNED, Fate, Kind, Note
from db.merge.walk import Walk
from db.models import Item, Loan


def merge_items(walk: Walk) -> None:
    items = list(walk.laptop.scalars(select(Item).order_by(Item.id)))
    known = {
        tag: number
        for tag, number in walk.target.execute(
            select(Item.tag, Item.id).where(Item.tag.in_([item.tag for item in items]))
        )
    }
    # Kits before their parts, so a part finds its kit's number.
    for parts in (False, True):
        added: list[tuple[int, Any]] = []
        for item in items:
            if (item.parent_id is not None) is not parts:
                continue
            walk.item_tags[item.id] = item.tag
            what = f"{item.tag} {item.name}"
            found = known.get(item.tag)
            if found is not None:
                walk.items[item.id] = found
                walk.note(Kind.ITEM, item.id, what, Fate.MATCHED)
                continue
            copy = Item(
                tag=item.tag,
                name=item.name,
                category=item.category,
                serial_number=item.serial_number,
                site_id=walk.sites[item.site_id],
                status=item.status,
                parent_id=None if item.parent_id is None else walk.items.get(item.parent_id),
                notes=item.notes,
            )
            added.append((item.id, copy))
            walk.note(Kind.ITEM, item.id, what, Fate.ADDED)
        walk.numbered(added, walk.items)


def merge_loans(walk: Walk) -> None:
    loans = list(walk.laptop.scalars(select(Loan).order_by(Loan.lent_at, Loan.id)))
    items = list(walk.items.values())
    walk.known_loans = {
        (found.item_id, found.lent_at): found
        for found in walk.target.scalars(
            select(Loan).where(
                Loan.item_id.in_(items), Loan.lent_at.in_({loan.lent_at for loan in loans})
            )
        )
    }
    walk.out_since = {
        item_id: lent_at
        for item_id, lent_at in walk.target.execute(
            select(Loan.item_id, Loan.lent_at).where(
                Loan.item_id.in_(items), Loan.returned_at.is_(None)
            )
        )
    }
    for loan in loans:
        _loan(walk, loan)


def _borrower(walk: Walk, loan: Loan) -> tuple[str, dict[str, int | None], Note | None]:
    """Who has it, in words; the loan's borrower in the database in use; why not."""
    if loan.participant_id is not None:
        child_id = walk.children.get(loan.participant_id)
        why = None if child_id is not None else Note(CHILD_LEFT_OUT)
        words = walk.child_words[loan.participant_id]
        return words, {"participant_id": child_id}, why
    if loan.staff_id is not None:
        username = walk.staff_names[loan.staff_id]
        staff_id = walk.staff.get(loan.staff_id)
        why = None if staff_id is not None else Note(NO_ACCOUNT, {"username": username})
        return username, {"staff_id": staff_id}, why
    assert loan.session_id is not None  # one borrower: a database constraint
    words = walk.session_words[loan.session_id]
    return words, {"session_id": walk.sessions[loan.session_id]}, None


def _loan(walk: Walk, loan: Loan) -> None:
    tag = walk.item_tags[loan.item_id]
    borrower, holder, why = _borrower(walk, loan)
    what = f"{tag} → {borrower} · {moment_text(loan.lent_at, full=True)}"
    if why is not None:
        walk.note(Kind.LOAN, loan.id, what, Fate.LEFT_OUT, why)
        return
    item_id = walk.items[loan.item_id]
    found = walk.known_loans.get((item_id, loan.lent_at))
    if found is not None:
        if found.returned_at is None and loan.returned_at is not None:
            if walk.write:
                found.returned_at = loan.returned_at
                found.received_by_id = walk.account(loan.received_by_id)
                found.return_note = loan.return_note
            walk.out_since.pop(item_id, None)
            walk.note(Kind.LOAN, loan.id, what, Fate.UPDATED, Note(RETURNED))
        else:
            walk.note(Kind.LOAN, loan.id, what, Fate.MATCHED)
        return
    if loan.returned_at is None:
        out_since = walk.out_since.get(item_id)
        if out_since is not None:  # one open loan per item: the other laptop's stands
            fields = {"tag": tag, "moment": moment_text(out_since, full=True)}
            walk.note(Kind.LOAN, loan.id, what, Fate.LEFT_OUT, Note(ITEM_OUT, fields))
            return
        walk.out_since[item_id] = loan.lent_at
    copy = Loan(
        item_id=item_id,
        lent_at=loan.lent_at,
        due_at=loan.due_at,
        returned_at=loan.returned_at,
        lent_by_id=walk.account(loan.lent_by_id),
        received_by_id=walk.account(loan.received_by_id),
        return_note=loan.return_note,
        **holder,
    )
    walk.later(copy)
    walk.note(Kind.LOAN, loan.id, what, Fate.ADDED)

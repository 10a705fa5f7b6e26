"""Commands for the desk's database itself: migrate it, fill a demo year, say what a code is."""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.startup import open_database


def cmd_migrate(args: argparse.Namespace) -> int:
    from db.database import describe
    from db.migrate import current_revision

    # Running the command is the administrator's confirmation to upgrade a shared database.
    database = open_database(args.db, confirmed=True)
    print(f"{describe(database.url)}: schema at revision {current_revision(database)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill the demo year and say in words what it added (a rerun adds nothing)."""
    from db.database import describe
    from db.demo import fill_demo, summarize
    from db.demo_data import DEMO_PASSWORDS

    def counted(number: int, one: str, many: str) -> str:
        # Thousands apart by a plain space, as Latvian writes them ("1 279"); any console prints it.
        return f"{number:,}".replace(",", " ") + " " + (one if number == 1 else many)

    database = open_database(args.db)
    before = summarize(database)
    after = fill_demo(database)
    where = describe(database.url)
    changes = (
        (after.sites - before.sites, "site", "sites"),
        (after.programs - before.programs, "program", "programs"),
        (after.sessions - before.sessions, "session", "sessions"),
        (after.participants - before.participants, "participant", "participants"),
        (after.attendance - before.attendance, "check-in", "check-ins"),
        (after.items - before.items, "item", "items"),
        (after.kits - before.kits, "kit", "kits"),
        (after.loans - before.loans, "loan", "loans"),
    )
    added = [counted(number, one, many) for number, one, many in changes if number]
    if not added:
        print(f"The demo year is already in {where}: nothing was added.")
        return 0
    what = "The demo year" if before.sessions == 0 else "Today's demo session"
    print(f"{what} was added to {where}: {', '.join(added)}.")
    print(f"Out now: {counted(after.open_loans, 'item', 'items')}, {after.overdue_loans} overdue.")
    if after.staff > before.staff:
        accounts = ", ".join(f"{name} / {password}" for name, password in DEMO_PASSWORDS.items())
        print(f"Accounts (name / password): {accounts}.")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    """Say what a scanned code is: an item with its status and borrower, or a child's card."""
    from db.dates import moment_text
    from db.equipment import item_state
    from db.scancodes import CardCode, decode_scan
    from db.search import find_by_card
    from desktop.qr_reader import code_in_image_file

    if args.image is not None:
        code = code_in_image_file(args.image)
        scanned = code.text
    else:
        code = decode_scan(args.code)
        scanned = args.code
    database = open_database(args.db)
    if isinstance(code, CardCode):
        child = find_by_card(database, code.code, scanned=scanned, by=None)
        answer: dict[str, Any] = {
            "kind": "card",
            "code": code.text,
            "participant_id": child.id,
            "name": child.full_name,
            "birth_year": child.birth_year,
            "no_photos": child.no_photos,
        }
        text = f"{code.text}: member card of {child.full_name}" + (
            " (no photos)" if child.no_photos else ""
        )
    else:
        item = item_state(database, code.tag, by=None)
        loan = item.loan
        answer = {
            "kind": "item",
            "code": code.text,
            "tag": item.tag,
            "name": item.name,
            "category": item.category.value,
            "status": item.status.value,
            "parts": item.parts,
            "on_loan": None
            if loan is None
            else {
                "borrower": loan.borrower,
                "lent_at": loan.lent_at.isoformat(),
                "due_at": loan.due_at.isoformat(),
                "overdue": loan.overdue,
            },
        }
        where = (
            "in the library"
            if loan is None
            else f"lent to {loan.borrower}, due {moment_text(loan.due_at)}"
            + (" — OVERDUE" if loan.overdue else "")
        )
        text = f"{item.tag} {item.name}: {item.status.value}, {where}"
    print(json.dumps(answer, ensure_ascii=False) if args.json else text)
    return 0

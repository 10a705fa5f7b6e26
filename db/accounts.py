"""Librarians' accounts (passwords and sign-in come with the accounts issue)."""

from __future__ import annotations

import re

from sqlalchemy import select

from db import audit
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.models import Role, Staff

USERNAME = re.compile(r"^[a-z0-9._-]{2,60}$")


def add_staff(
    db: Database,
    username: str,
    display_name: str,
    role: Role = Role.LIBRARIAN,
    *,
    site_id: int | None = None,
    by: int | None = None,
) -> int:
    """Add a librarian's account; an existing username returns that account."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError",
                "A username is 2–60 characters: small letters, digits, dots, hyphens.",
            )
        )
    with db.unit_of_work() as uow:
        existing = uow.session.scalars(select(Staff).where(Staff.username == username)).first()
        if existing is not None:
            return existing.id
        staff = Staff(
            username=username,
            display_name=" ".join(display_name.split()) or username,
            role=role,
            site_id=site_id,
        )
        uow.session.add(staff)
        uow.session.flush()
        audit.record(
            uow.session, by, "staff.added", "staff", staff.id, f"Added {role.value} {username}"
        )
        uow.commit()
        return staff.id


def list_staff(db: Database, *, active_only: bool = True) -> list[tuple[int, str, str, Role]]:
    """Accounts for the librarian chooser: id, username, display name, role."""
    query = select(Staff.id, Staff.username, Staff.display_name, Staff.role).order_by(
        Staff.display_name
    )
    if active_only:
        query = query.where(Staff.active.is_(True))
    with db.reading() as session:
        return [(row[0], row[1], row[2], row[3]) for row in session.execute(query)]

"""The audit log: written by each use case inside its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.database import Database, acting_now
from db.errors import QT_TRANSLATE_NOOP
from db.models import AuditEvent, Staff


def record(
    session: Session,
    by: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    description: str,
    changes: dict[str, Any] | None = None,
) -> None:
    """Add one audit event; it commits or rolls back with the change it describes."""
    session.add(
        AuditEvent(
            at=acting_now(session),
            staff_id=by,
            action=action,
            entity=entity,
            entity_id=entity_id,
            description=description,
            changes=changes,
        )
    )


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Old → new for the fields that changed, as JSON-friendly text."""
    return {
        key: [_plain(before.get(key)), _plain(value)]
        for key, value in after.items()
        if before.get(key) != value
    }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


# What AdminOnly names when a librarian asks for the audit log.
READ_AUDIT_LOG = QT_TRANSLATE_NOOP("DomainError", "read the audit log")


@dataclass(frozen=True)
class AuditRow:
    """One audit event for the log: `at` in UTC; `who` is the account's display name."""

    id: int
    at: datetime
    staff_id: int | None
    who: str
    action: str
    entity: str
    entity_id: int | None
    description: str
    changes: dict[str, Any] | None


def audit_events(
    db: Database,
    *,
    by: int | None,
    entity: str | None = None,
    staff_id: int | None = None,
    text: str = "",
    codes_shown_as: Callable[[str], Collection[str]] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditRow]:
    """The audit log, newest first (admins only), filtered by record kind, account, words
    (in the description, action, record kind or the account's name, in any case) and
    instants `since` ≤ at ≤ `until`. `codes_shown_as(word)` names the action and record-kind
    codes whose words on the reader's screen contain a word, so those words find them too."""
    from db.accounts import require_admin  # db.accounts writes audit events itself

    query = (
        select(AuditEvent, Staff.display_name)
        .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(max(0, limit))
    )
    if entity:
        query = query.where(AuditEvent.entity == entity)
    if staff_id is not None:
        query = query.where(AuditEvent.staff_id == staff_id)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at <= until)
    for word in text.lower().split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = [
            _folded(column, word).like(pattern, escape="\\")
            for column in (
                AuditEvent.description,
                AuditEvent.action,
                AuditEvent.entity,
                Staff.display_name,
                Staff.username,
            )
        ]
        codes = list(codes_shown_as(word)) if codes_shown_as is not None else []
        if codes:
            found += [AuditEvent.action.in_(codes), AuditEvent.entity.in_(codes)]
        query = query.where(or_(*found))
    with db.reading() as session:
        require_admin(session, by, READ_AUDIT_LOG)
        return [
            AuditRow(
                event.id,
                event.at,
                event.staff_id,
                name or "",
                event.action,
                event.entity,
                event.entity_id,
                event.description,
                event.changes,
            )
            for event, name in session.execute(query)
        ]


def _folded(column: Any, word: str) -> Any:
    """The column in lower case, at least for the letters of `word`: SQLite's lower() folds
    A–Z only (as does PostgreSQL's in the C locale), so "ķēniņa" would miss "Ķēniņa"."""
    for letter in sorted(set(word)):
        capital = letter.upper()
        if capital != letter and not capital.isascii() and capital.lower() == letter:
            column = func.replace(column, capital, letter)
    return func.lower(column)


def audit_entities(db: Database) -> list[str]:
    """The kinds of records the log names (staff, participant, item…), for a filter."""
    with db.reading() as session:
        return list(
            session.scalars(select(AuditEvent.entity).distinct().order_by(AuditEvent.entity))
        )

"""The audit log: written by each use case inside its own transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEvent


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

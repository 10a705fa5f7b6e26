"""Privacy by design: erasing a child.

Erasure keeps the funder's totals: the participant row stays as an anonymous tombstone
with only birth year, gender, site and the target-group mark (the indicators count by age
band, gender and target group; without a name these no longer point at anyone), and the
attendance rows, enrolments and loans keep pointing at it. Everything that names the child
or their guardian goes: name, contacts, notes, consents, card code, and the name in the
audit log's texts, which are rewritten. The erasure's own audit event seals the events it
rewrote, so the audit log's chain still checks out afterwards (see db.audit).

An access request is db.access_request's, the retention rule and who is past it
db.retention's. All are admin actions (see db.accounts.require_admin); `by=None` is direct
database access (the command line), which is trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from db import audit
from db.accounts import require_admin
from db.audit_actions import AuditAction
from db.clock import local
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP
from db.models import (
    Attendance,
    AuditEvent,
    Consent,
    Enrollment,
    Loan,
    Participant,
)
from db.people import get_participant

ERASED_FIRST_NAME = "(dzēsts)"  # "(erased)": what lists and reports show instead of a name
ERASED_TEXT = "(erased)"

# What AdminOnly names, translated as a field of the DomainError context.
ERASE_CHILD = QT_TRANSLATE_NOOP("DomainError", "erase a child's records")

# Fields of a participant's audit changes that hold personal text, erased whatever they say.
_PERSONAL_FIELDS = frozenset(
    {"first_name", "last_name", "search_name", "guardian_name", "guardian_phone", "notes"}
)


def _ids(tx: Session, column: Any, participant_id: int) -> list[int]:
    table = column.class_
    return list(tx.scalars(select(table.id).where(column == participant_id)))


def _names_in_history(tx: Session, participant: Participant) -> set[str]:
    """Every name the record has had (from its edits), with the guardian's name and phone."""
    texts = {
        participant.full_name,
        participant.first_name,
        participant.last_name,
        participant.guardian_name,
        participant.guardian_phone,
    }
    texts.update(
        tx.scalars(select(Consent.given_by).where(Consent.participant_id == participant.id))
    )
    for changes in _edits(tx, participant.id):
        for key, values in changes.items():
            if key in _PERSONAL_FIELDS and key != "notes" and isinstance(values, list):
                texts.update(v for v in values if isinstance(v, str))
    texts.update(_full_names(tx, participant))
    return {t.strip() for t in texts if len(t.strip()) >= 2 and t.strip() != ERASED_TEXT}


def _edits(tx: Session, participant_id: int) -> list[dict[str, Any]]:
    events = tx.scalars(
        select(AuditEvent.changes).where(
            AuditEvent.entity == "participant", AuditEvent.entity_id == participant_id
        )
    )
    return [changes for changes in events if changes]


def _full_names(tx: Session, participant: Participant) -> set[str]:
    """The child's full name now and before each rename, as the audit texts wrote it."""
    if participant.first_name == ERASED_FIRST_NAME:
        return set()
    firsts, lasts = {participant.first_name}, {participant.last_name}
    for changes in _edits(tx, participant.id):
        firsts.update(v for v in changes.get("first_name", []) if isinstance(v, str))
        lasts.update(v for v in changes.get("last_name", []) if isinstance(v, str))
    names = {f"{first} {last}".strip() for first in firsts for last in lasts}
    return {name for name in names if len(name) >= 2}


def events_about(tx: Session, participant: Participant) -> list[AuditEvent]:
    """The audit events about one child: of their record, consents, enrolments,
    attendance and loans, and any other whose text names them."""
    pid = participant.id
    linked = [
        ("participant", [pid]),
        ("consent", _ids(tx, Consent.participant_id, pid)),
        ("enrollment", _ids(tx, Enrollment.participant_id, pid)),
        ("attendance", _ids(tx, Attendance.participant_id, pid)),
        ("loan", _ids(tx, Loan.participant_id, pid)),
    ]
    clauses: list[ColumnElement[bool]] = [
        (AuditEvent.entity == entity) & AuditEvent.entity_id.in_(ids)
        for entity, ids in linked
        if ids
    ]
    # Undone check-ins and loans are deleted rows: only their text still names the child.
    names = _full_names(tx, participant)
    clauses.extend(AuditEvent.description.contains(name, autoescape=True) for name in names)
    query = select(AuditEvent).where(or_(*clauses)).order_by(AuditEvent.id)
    events = list(tx.scalars(query))
    # SQLite may give a deleted (undone) row's id to a new row: events of that id up to its
    # last undo were about the row before, perhaps another child's, unless they name this one.
    last_undo: dict[tuple[str, int | None], int] = {}
    for event in events:
        if event.entity in ("attendance", "loan") and event.action.endswith(".undone"):
            last_undo[(event.entity, event.entity_id)] = event.id
    folded = [name.casefold() for name in names]
    return sorted(
        (
            event
            for event in events
            if event.id > last_undo.get((event.entity, event.entity_id), 0)
            or any(name in event.description.casefold() for name in folded)
        ),
        key=lambda event: (event.at, event.id),
    )


def _scrub(text: str, secrets: Iterable[str], placeholder: str) -> str:
    # Longest first, so "Ilze Ķēniņa" goes whole before "Ilze" alone.
    for secret in sorted(secrets, key=len, reverse=True):
        text = re.sub(re.escape(secret), placeholder, text, flags=re.IGNORECASE)
    return text


def _scrub_json(value: Any, secrets: Iterable[str], placeholder: str) -> Any:
    if isinstance(value, str):
        return _scrub(value, secrets, placeholder)
    if isinstance(value, list):
        return [_scrub_json(v, secrets, placeholder) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_json(v, secrets, placeholder) for k, v in value.items()}
    return value


def _anonymise_event(event: AuditEvent, secrets: set[str], placeholder: str) -> None:
    event.description = _scrub(event.description, secrets, placeholder)
    if event.changes:
        changes = dict(event.changes)
        if event.entity == "participant":
            for key in _PERSONAL_FIELDS & changes.keys():
                changes[key] = [ERASED_TEXT, ERASED_TEXT]
        event.changes = _scrub_json(changes, secrets, placeholder)


def _is_erased(tx: Session, participant_id: int) -> bool:
    return bool(
        tx.scalar(
            select(
                exists().where(
                    AuditEvent.action == AuditAction.PARTICIPANT_ERASED,
                    AuditEvent.entity == "participant",
                    AuditEvent.entity_id == participant_id,
                )
            )
        )
    )


def erase_child(
    tx: Session, participant: Participant, by: int | None, why: str | None = None
) -> bool:
    """Erase one child inside the caller's transaction; False when already erased.

    `why`: the audit log's text when it is not the usual one."""
    if _is_erased(tx, participant.id):
        return False
    placeholder = f"participant #{participant.id}"
    secrets = _names_in_history(tx, participant)
    rewritten = []
    for event in events_about(tx, participant):
        before = audit.digest_of(audit.content_of(event))
        _anonymise_event(event, secrets, placeholder)
        if audit.digest_of(audit.content_of(event)) != before:
            rewritten.append(event)
    for loan in tx.scalars(select(Loan).where(Loan.participant_id == participant.id)):
        loan.return_note = _scrub(loan.return_note, secrets, placeholder)
    tx.execute(delete(Consent).where(Consent.participant_id == participant.id))
    participant.first_name = ERASED_FIRST_NAME
    participant.last_name = f"#{participant.id}"
    participant.search_name = ""
    participant.card_code = None
    participant.notes = ""
    participant.guardian_name = ""
    participant.guardian_phone = ""
    participant.archived = True
    tx.flush()
    audit.record(
        tx,
        by,
        AuditAction.PARTICIPANT_ERASED,
        "participant",
        participant.id,
        why
        or f"Erased participant #{participant.id}: name, contacts, notes, consents and card code",
        rewrote=rewritten,  # sealed by this event, so the chain still holds (see db.audit)
    )
    return True


@dataclass(frozen=True)
class Erasure:
    """An entry of the erasure register (the audit log's erasure events): which child and
    when, with nothing that names them."""

    participant_id: int
    registered_at: datetime  # tells this child from another database's child of that number
    erased_at: datetime


def erasure_register(tx: Session) -> list[Erasure]:
    """Every erasure recorded in this database."""
    rows = tx.execute(
        select(Participant.id, Participant.created_at, AuditEvent.at)
        .join(Participant, Participant.id == AuditEvent.entity_id)
        .where(
            AuditEvent.action == AuditAction.PARTICIPANT_ERASED, AuditEvent.entity == "participant"
        )
    )
    return [Erasure(pid, registered, at) for pid, registered, at in rows]


def reapply_erasures(db: Database, register: Iterable[Erasure]) -> int:
    """Erase again the children of the register that a restored copy still holds (erased
    after the copy was made); how many. Direct database access, like the command line.

    A child is matched by number and registration time, so the register of another
    database never erases a child who only shares a number."""
    newest: dict[int, Erasure] = {}
    for erasure in register:
        newest[erasure.participant_id] = erasure
    count = 0
    with db.unit_of_work() as uow:
        for erasure in sorted(newest.values(), key=lambda e: e.participant_id):
            participant = uow.tx.get(Participant, erasure.participant_id)
            if participant is None or participant.created_at != erasure.registered_at:
                continue
            erased_on = local(erasure.erased_at).date().isoformat()
            why = (
                f"Erased participant #{participant.id} again after a restore: the copy was "
                f"made before the erasure of {erased_on}"
            )
            if erase_child(uow.tx, participant, None, why):
                count += 1
        uow.commit()
    if count:
        db.checkpoint()
    return count


def erase_participant(db: Database, participant_id: int, *, by: int | None) -> bool:
    """Erase a child (admins only); attendance stays anonymous so the totals do not change.

    Returns False when the child was erased before (nothing is done then)."""
    with db.unit_of_work() as uow:
        require_admin(uow.tx, by, ERASE_CHILD)
        participant = get_participant(uow.tx, participant_id)
        erased = erase_child(uow.tx, participant, by)
        uow.commit()
    if erased:
        db.checkpoint()
    return erased

"""Reading the audit log (admins only): the events with filters, and checking its chain.

The writer and the chain's rules are in db.audit; this module only reads them, and records
when the chain was last checked (a shared setting, the same on every laptop).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, or_, select
from sqlalchemy.orm import Session

from db.accounts import check_admin, require_admin
from db.audit import CHAIN_KEY, GENESIS, content_of, digest_of, link
from db.clock import local, now_utc
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP
from db.models import AuditEvent, SharedSetting, Staff

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
    with db.reading() as tx:
        require_admin(tx, by, READ_AUDIT_LOG)
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
            for event, name in tx.execute(query)
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
    with db.reading() as tx:
        return list(tx.scalars(select(AuditEvent.entity).distinct().order_by(AuditEvent.entity)))


# What AdminOnly names when a librarian asks to check the audit log.
CHECK_AUDIT_LOG = QT_TRANSLATE_NOOP("DomainError", "check the audit log")
CHECK_KEY = "audit_check"  # the shared setting: the last check's outcome


class Break(enum.Enum):
    """How the chain is broken at the first broken link."""

    CHANGED = "changed"  # the event's content is not what was written (or sealed)
    LINK = "link"  # the event does not follow the one before it: an event was removed or added
    UNSEALED = "unsealed"  # the event has no chain value: it was written outside the program
    REMOVED_NEWEST = "removed_newest"  # the head counts more events: the newest were removed
    ADDED_NEWEST = "added_newest"  # events after the head: added outside the program


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of checking the chain; `event_id`/`event_at` name the first broken link."""

    checked_at: datetime
    events: int
    broken: Break | None = None
    event_id: int | None = None
    event_at: datetime | None = None
    last_intact: datetime | None = None  # the newest check that found the chain intact

    @property
    def intact(self) -> bool:
        return self.broken is None


def check_audit_log(db: Database, *, by: int | None) -> ChainCheck:
    """Walk the whole chain (admins only), name its first broken link, and keep the outcome
    as the library's last check."""
    check_admin(db, by, CHECK_AUDIT_LOG)
    found = _walk(db)
    with db.unit_of_work() as uow:
        before = _stored_check(uow.tx)
        last_intact = found.checked_at if found.intact else None
        if not found.intact and before is not None:
            last_intact = before.last_intact
        found = ChainCheck(
            found.checked_at,
            found.events,
            found.broken,
            found.event_id,
            found.event_at,
            last_intact,
        )
        setting = uow.tx.get(SharedSetting, CHECK_KEY, with_for_update=True)
        value = _check_value(found)
        if setting is None:
            uow.tx.add(SharedSetting(key=CHECK_KEY, value=value))
        else:
            setting.value = value
        uow.commit()
    return found


def last_audit_check(db: Database, *, by: int | None) -> ChainCheck | None:
    """The library's last check of the chain (admins only); None when never checked."""
    with db.reading() as tx:
        require_admin(tx, by, READ_AUDIT_LOG)
        return _stored_check(tx)


def _walk(db: Database) -> ChainCheck:
    """Every event in id order, against its digest or seal and the chain before it."""
    events: Table = AuditEvent.__table__  # type: ignore[assignment]
    checked_at = now_utc()
    # One snapshot for the head and the events: an event written meanwhile is no break.
    options: dict[str, Any] = {"read_only": True}
    if not db.is_sqlite:
        options["isolation_level"] = "REPEATABLE READ"
    with db.engine.connect().execution_options(**options) as connection, connection.begin():
        head = connection.execute(
            select(SharedSetting.value).where(SharedSetting.key == CHAIN_KEY)
        ).scalar_one_or_none()
        rows = connection.execution_options(yield_per=2000).execute(
            select(events).order_by(events.c.id)
        )
        counted = int(head.get("events", 0)) if head else 0
        chain, count = GENESIS, 0
        beyond: tuple[int, datetime] | None = None  # the first event the head does not count
        first: tuple[Break, int, datetime] | None = None
        seals: dict[int, dict[str, str]] = {}
        rewritten: list[tuple[int, datetime, int, str]] = []  # id, at, sealed by, digest now
        last: tuple[int, datetime] | None = None
        for row in rows:
            count += 1
            last = (row.id, row.at)
            if count == counted + 1:
                beyond = last
            if row.seals:
                seals[row.id] = dict(row.seals)
            if first is not None:
                continue  # counting the rest, and the seals an earlier rewrite may need
            if row.chain is None or row.digest is None:
                first = (Break.UNSEALED, row.id, row.at)
            elif row.sealed_by is None and digest_of(content_of(row)) != row.digest:
                first = (Break.CHANGED, row.id, row.at)
            elif link(chain, row.digest) != row.chain:
                first = (Break.LINK, row.id, row.at)
            else:
                if row.sealed_by is not None:
                    rewritten.append((row.id, row.at, row.sealed_by, digest_of(content_of(row))))
                chain = row.chain
    # A rewritten event must match the seal its erasure keeps for it (a later event).
    for event_id, at, sealed_by, now in rewritten:
        if sealed_by <= event_id or seals.get(sealed_by, {}).get(str(event_id)) != now:
            if first is None or event_id < first[1]:
                first = (Break.CHANGED, event_id, at)
            break
    if first is None and (head is None or head.get("chain") != chain):
        if beyond is not None and head is not None:
            first = (Break.ADDED_NEWEST, *beyond)
        elif last is not None:
            # The newest event rebuilt by hand, or the ones after it removed.
            first = (Break.CHANGED if count == counted else Break.REMOVED_NEWEST, *last)
        elif head is not None:  # every event removed: no event left to name
            return ChainCheck(checked_at, 0, Break.REMOVED_NEWEST)
    if first is None:
        return ChainCheck(checked_at, count)
    return ChainCheck(checked_at, count, first[0], first[1], first[2])


def _check_value(check: ChainCheck) -> dict[str, Any]:
    def iso(at: datetime | None) -> str | None:
        return None if at is None else at.isoformat()

    return {
        "checked_at": iso(check.checked_at),
        "events": check.events,
        "broken": check.broken.value if check.broken else None,
        "event_id": check.event_id,
        "event_at": iso(check.event_at),
        "last_intact": iso(check.last_intact),
    }


def _stored_check(tx: Session) -> ChainCheck | None:
    setting = tx.get(SharedSetting, CHECK_KEY)
    if setting is None:
        return None
    value = setting.value

    def instant(name: str) -> datetime | None:
        text = value.get(name)
        return datetime.fromisoformat(text) if isinstance(text, str) else None

    checked_at = instant("checked_at")
    if checked_at is None:
        return None
    broken = value.get("broken")
    return ChainCheck(
        checked_at,
        int(value.get("events") or 0),
        Break(broken) if broken in {b.value for b in Break} else None,
        value.get("event_id"),
        instant("event_at"),
        instant("last_intact"),
    )


# The outcome of a check in a sentence: English templates with named fields, translated by
# the page in the "AuditCheck" context; the command line prints them as they are.
INTACT = QT_TRANSLATE_NOOP("AuditCheck", "{events} events, chain intact.")
BROKEN: dict[Break, str] = {
    Break.CHANGED: QT_TRANSLATE_NOOP(
        "AuditCheck",
        "The audit log is broken at event #{event} ({time}): it was changed after it was written.",
    ),
    Break.LINK: QT_TRANSLATE_NOOP(
        "AuditCheck",
        "The audit log is broken at event #{event} ({time}): "
        "an event before it was removed, or one was added outside the program.",
    ),
    Break.UNSEALED: QT_TRANSLATE_NOOP(
        "AuditCheck",
        "The audit log is broken at event #{event} ({time}): it was written outside the program.",
    ),
    Break.REMOVED_NEWEST: QT_TRANSLATE_NOOP(
        "AuditCheck",
        "The audit log is broken after event #{event} ({time}): the newest events were removed.",
    ),
    Break.ADDED_NEWEST: QT_TRANSLATE_NOOP(
        "AuditCheck",
        "The audit log is broken at event #{event} ({time}): "
        "it and any after it were added outside the program.",
    ),
}
ALL_REMOVED = QT_TRANSLATE_NOOP(
    "AuditCheck", "The audit log is broken: all its events were removed."
)


def check_sentence(check: ChainCheck) -> tuple[str, dict[str, Any]]:
    """The template saying what a check found, and its fields (times in library time)."""
    if check.broken is None:
        return INTACT, {"events": check.events}
    if check.event_id is None or check.event_at is None:
        return ALL_REMOVED, {}
    return BROKEN[check.broken], {"event": check.event_id, "time": day_and_time(check.event_at)}


def day_and_time(at: datetime) -> str:
    """An instant as the library reads it: 30.11.2026 16:05."""
    return f"{local(at):%d.%m.%Y %H:%M}"

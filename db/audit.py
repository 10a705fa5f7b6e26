"""The audit log's writer: each use case records its events inside its own transaction, and
the events are chained so that a row deleted, edited or slipped in later is found.

How the chain works (a reader of the database should be able to check it by hand):

- Every event stores `digest`, the SHA-256 of its content as written — time, account,
  action, record kind and id, description, changes and seals (below) — in one canonical
  serialisation (`canonical`), and `chain`, the SHA-256 of the previous event's `chain`
  followed by its own `digest` (the first event follows `GENESIS`). Events are chained in
  the order of their ids.
- The shared setting `audit_chain` is the head: the newest `chain` and how many events
  the log holds, so removing the newest events is found too.
- Events are chained when their transaction commits, after every other change of it is
  written: the head row is read with SELECT … FOR UPDATE, so writers on several laptops
  queue there for a moment and never fork the chain (on SQLite every writer already holds
  the file's write lock from BEGIN IMMEDIATE). On PostgreSQL one statement locks the head,
  chains the events in SQL (the same SHA-256 of the previous chain followed by the digest,
  computed by the server from the value it holds under the lock), writes them and moves
  the head; it waits for no answer and travels with the COMMIT, so the lock is held for
  the moment the server takes to run it and commit, and the chain costs no round trip.
- Erasure (db.privacy) must rewrite old events' texts, which would break their digests.
  It leaves `digest` and `chain` of those events as they were (the chain still links),
  marks each rewritten event with `sealed_by`, the id of the erasure's own event, and that
  event carries `seals`: the digest of each rewritten event's content as it now stands.
  The erasure event is itself chained, so the rewritten texts are covered by the chain from
  then on: an event is intact when its content matches its `digest`, or, when it was
  rewritten, the seal its `sealed_by` event holds for it. An event rewritten by a second
  erasure is sealed by the later one.

The chain holds against edits made outside the program by hand (a database browser, an
SQL console); whoever can run this program's code against the database could rebuild it,
so it does not replace the database's own access control.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, event, insert, select, text, update
from sqlalchemy.orm import Session, SessionTransaction

from db.areas import AREA_OPTION, Area, note_written
from db.audit_actions import AuditAction
from db.database import acting_now, is_server, queued
from db.models import AuditEvent, SharedSetting

CHAIN_KEY = "audit_chain"  # the shared setting holding the chain's head
GENESIS = "0" * 64  # what the first event's chain follows
_PENDING = "audit.pending"  # session.info key: the transaction's events not yet written

# The content an event's digest covers, in this order.
CONTENT = ("at", "staff_id", "action", "entity", "entity_id", "description", "changes", "seals")


def canonical(content: Mapping[str, Any]) -> bytes:
    """One byte string per event content, the same from any database and any platform."""
    at: datetime = content["at"]
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    document = [at.isoformat(timespec="microseconds")] + [content[name] for name in CONTENT[1:]]
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def digest_of(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def link(previous_chain: str, digest: str) -> str:
    """The chain value of an event: its digest bound to everything before it."""
    return hashlib.sha256((previous_chain + digest).encode("ascii")).hexdigest()


def content_of(row: Any) -> dict[str, Any]:
    """The content of a stored event (an AuditEvent or a row with the same names)."""
    return {name: getattr(row, name) for name in CONTENT}


@dataclass
class _Pending:
    content: dict[str, Any]
    rewrote: list[AuditEvent]
    within: SessionTransaction | None  # the savepoint or transaction it was recorded in


def record(
    tx: Session,
    by: int | None,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    description: str,
    changes: dict[str, Any] | None = None,
    *,
    rewrote: Collection[AuditEvent] = (),
) -> None:
    """Add one audit event; it commits or rolls back with the change it describes.

    `rewrote`: older events whose text this action rewrote (an erasure); it seals them."""
    content = {
        "at": acting_now(tx),
        "staff_id": by,
        "action": action.value,  # the code as text: the digest is the same as before the enum
        "entity": entity,
        "entity_id": entity_id,
        "description": description,
        # As the JSON column will hand it back (string keys, lists), so the digest matches.
        "changes": None if changes is None else json.loads(json.dumps(changes)),
        "seals": None,
    }
    within = tx.get_nested_transaction() or tx.get_transaction()
    tx.info.setdefault(_PENDING, []).append(_Pending(content, list(rewrote), within))


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


@event.listens_for(Session, "before_commit")
def _chain_at_commit(tx: Session) -> None:
    pending: list[_Pending] | None = tx.info.pop(_PENDING, None)
    if pending:
        tx.flush()  # the transaction's other changes first: the head is locked last
        _append(tx, pending)


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(tx: Session, rolled_back: SessionTransaction) -> None:
    """Forget the events recorded in what was rolled back: the whole transaction, or only a
    savepoint (a check-in that lost a race), keeping those recorded before it."""
    pending: list[_Pending] = tx.info.pop(_PENDING, [])
    if rolled_back.parent is not None:  # a savepoint: what came before it stays
        kept = [item for item in pending if not _inside(item.within, rolled_back)]
        if kept:
            tx.info[_PENDING] = kept


def _inside(transaction: SessionTransaction | None, outer: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is outer:
            return True
        transaction = transaction.parent
    return False


def read_head(tx: Session, *, lock: bool = False) -> dict[str, Any] | None:
    """The chain's head: {"chain": newest chain value, "events": how many}; None when absent."""
    query = select(SharedSetting.value).where(SharedSetting.key == CHAIN_KEY)
    if lock:
        query = query.with_for_update()
    value = tx.execute(query).scalar_one_or_none()
    return dict(value) if value is not None else None


# PostgreSQL: lock the head, chain the events from it, write them and move the head, in one
# statement (`chained` is `link` in SQL; events are numbered in the order they were recorded).
_APPEND_ON_SERVER = text(
    """
WITH RECURSIVE head AS (
    SELECT value FROM shared_setting WHERE key = :key FOR UPDATE
),
incoming AS (
    SELECT * FROM unnest(
        CAST(:at AS timestamp[]), CAST(:staff_id AS integer[]), CAST(:action AS text[]),
        CAST(:entity AS text[]), CAST(:entity_id AS integer[]), CAST(:description AS text[]),
        CAST(:changes AS text[]), CAST(:digest AS text[])
    ) WITH ORDINALITY
        AS e(at, staff_id, action, entity, entity_id, description, changes, digest, n)
),
chained (n, chain) AS (
    SELECT CAST(0 AS bigint), COALESCE((SELECT value ->> 'chain' FROM head), :genesis)
    UNION ALL
    SELECT incoming.n, encode(sha256(convert_to(chained.chain || incoming.digest, 'UTF8')), 'hex')
    FROM chained JOIN incoming ON incoming.n = chained.n + 1
),
written AS (
    INSERT INTO audit_event
        (at, staff_id, action, entity, entity_id, description, changes, seals, digest, chain)
    SELECT incoming.at, incoming.staff_id, incoming.action, incoming.entity,
        incoming.entity_id, incoming.description, CAST(incoming.changes AS json),
        CAST('null' AS json), incoming.digest, chained.chain
    FROM incoming JOIN chained ON chained.n = incoming.n
    ORDER BY incoming.n
)
INSERT INTO shared_setting (key, value)
SELECT :key, json_build_object(
    'chain', (SELECT chain FROM chained ORDER BY n DESC LIMIT 1),
    'events', COALESCE((SELECT CAST(value ->> 'events' AS bigint) FROM head), 0) + :count
)
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
"""
)


def _append_on_server(tx: Session, pending: list[_Pending]) -> None:
    """The events of a transaction without seals, chained by the server under the head's lock."""
    contents = [item.content for item in pending]
    at = [
        content["at"].astimezone(UTC).replace(tzinfo=None)
        if content["at"].tzinfo is not None
        else content["at"]
        for content in contents
    ]
    queued(
        tx,
        _APPEND_ON_SERVER.bindparams(
            key=CHAIN_KEY,
            genesis=GENESIS,
            count=len(contents),
            at=at,
            staff_id=[content["staff_id"] for content in contents],
            action=[content["action"] for content in contents],
            entity=[content["entity"] for content in contents],
            entity_id=[content["entity_id"] for content in contents],
            description=[content["description"] for content in contents],
            changes=[json.dumps(content["changes"]) for content in contents],
            digest=[digest_of(content) for content in contents],
        ),
    )
    note_written(tx, Area.AUDIT)


def _append(tx: Session, pending: list[_Pending]) -> None:
    """Chain and write the transaction's events, holding the head's lock until commit."""
    if is_server(tx) and not any(item.rewrote for item in pending):
        _append_on_server(tx, pending)
        return
    events: Table = AuditEvent.__table__  # type: ignore[assignment]
    settings: Table = SharedSetting.__table__  # type: ignore[assignment]
    head = read_head(tx, lock=True)
    previous = head["chain"] if head else GENESIS
    # An event rewritten twice in one transaction is sealed by the later erasure.
    sealer = {old.id: index for index, item in enumerate(pending) for old in item.rewrote}
    rows = []
    for index, item in enumerate(pending):
        sealed = {old.id: old for old in item.rewrote if sealer[old.id] == index}
        if sealed:
            item.content["seals"] = {
                str(old_id): digest_of(content_of(old)) for old_id, old in sorted(sealed.items())
            }
        digest = digest_of(item.content)
        previous = link(previous, digest)
        rows.append({**item.content, "digest": digest, "chain": previous})
    new_head = {"chain": previous, "events": (head["events"] if head else 0) + len(rows)}
    # The head is a shared setting, but it moves with the log: the change is the log's.
    with_log = {AREA_OPTION: Area.AUDIT.value}
    move_head = (
        update(settings)
        .where(settings.c.key == CHAIN_KEY)
        .values(value=new_head)
        .execution_options(**with_log)
    )
    written = insert(events).returning(events.c.id)
    ids = [tx.execute(written.values(row)).scalar_one() for row in rows]
    if head is None:  # the head was removed by hand: the chain starts again, and verify says so
        tx.execute(
            insert(settings).values(key=CHAIN_KEY, value=new_head).execution_options(**with_log)
        )
    else:
        tx.execute(move_head)
    for index, item in enumerate(pending):
        rewritten = [old.id for old in item.rewrote if sealer[old.id] == index]
        if rewritten:
            tx.execute(
                update(events).where(events.c.id.in_(rewritten)).values(sealed_by=ids[index])
            )

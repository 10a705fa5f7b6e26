"""Sending the journal when the server answers again: in order, each entry through the same
use cases and rules as at the desk, and each exactly once.

Exactly once: while an entry is applied, its uid is written to the server's applied_entry
table inside the use case's own transaction (a hook on the commit, below), so the entry and
its effect commit together or not at all. The journal is marked afterwards; an entry found
applied already (the laptop was killed in between, or it is sent twice) only gets its mark.
A refusal changes nothing on the server and is kept in the journal with what was done
instead; it is decided again only if the laptop stopped before writing it down.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction

from db.attendance import check_in_card_in, check_in_in, undo_check_in
from db.audit_actions import AuditAction
from db.clock import now_utc
from db.database import Database, queued, replaying
from db.dates import moment_text
from db.desk import undo_lend
from db.equipment import undo_returns
from db.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    ItemAlreadyOut,
    ItemNotOut,
    SessionCancelled,
)
from db.loans import Borrower, lend_in, return_in
from db.models import (
    AppliedEntry,
    Attendance,
    AuditEvent,
    CheckInMethod,
    ConsentPurpose,
    Gender,
    Loan,
    Participant,
)
from db.offline.journal import (
    Entry,
    EntryKind,
    journal_refusals,
    marking,
    waiting_entries,
)
from db.people import ParticipantDetails, register_walk_in
from db.progress import Progress, go_on

_CHUNK = 500


class AlreadyCheckedIn(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{name} was already checked in to this session at {since}."
    )


class ChildErased(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The child's records were erased on the server meanwhile."
    )


class ChildNotOnServer(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The child's registration at this desk did not reach the server."
    )


class EntryClashed(DomainError):
    """A record the entry makes clashes with one already on the server (a walk-in's card
    code given twice): nothing of it is written."""

    template = QT_TRANSLATE_NOOP(
        "DomainError", "The server already has a record with this entry's identity or card code."
    )


class KitPartsLeftBehind(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{tag} was lent without {parts}: out or in repair on the server."
    )


# What was done instead of a refused entry, for the librarian to read beside the refusal.
KEPT_THEIRS = QT_TRANSLATE_NOOP(
    "DomainError", "Nothing was added: the check-in the server already had counts."
)
NOT_LENT = QT_TRANSLATE_NOOP(
    "DomainError", "Nothing was lent: the loan the server already had stays as it is."
)
NOTHING_TO_RETURN = QT_TRANSLATE_NOOP(
    "DomainError", "Nothing was changed: the server already had the item back."
)
NOTHING_FOR_ERASED = QT_TRANSLATE_NOOP(
    "DomainError", "Nothing was recorded for this child, and this journal keeps nothing of them."
)
NOT_CHECKED_IN = QT_TRANSLATE_NOOP(
    "DomainError", "Nobody was checked in: check the child in to another session if they came."
)
NOTHING_RECORDED = QT_TRANSLATE_NOOP("DomainError", "Nothing of this entry was recorded.")

_INSTEAD: tuple[tuple[type[DomainError], str], ...] = (
    (AlreadyCheckedIn, KEPT_THEIRS),
    (ItemAlreadyOut, NOT_LENT),
    (ItemNotOut, NOTHING_TO_RETURN),
    (ChildErased, NOTHING_FOR_ERASED),
    (SessionCancelled, NOT_CHECKED_IN),
)


def instead_of(refusal: DomainError) -> str:
    """What was done instead of an entry the server refused."""
    for kind, sentence in _INSTEAD:
        if isinstance(refusal, kind):
            return sentence
    return NOTHING_RECORDED


@dataclass(frozen=True)
class SendResult:
    """How a sending went: entries the server took now, took before, and refused."""

    sent: int = 0
    already_there: int = 0
    refused: int = 0
    refusals: list[Entry] = field(default_factory=list)


# --- the hook: the entry's uid commits with the entry's effect ---------------------------


@dataclass
class _Applying:
    entry: Entry
    laptop: str
    # A walk-in keeps the uid and card code the laptop gave the child.
    keep: dict[str, Any] | None = None
    written: list[object] = field(default_factory=list)
    # What a use case wrote with statements rather than a flush: its ids, by table.
    records: dict[str, list[int]] = field(default_factory=dict)
    recorded: bool = False  # one entry, one applied_entry row, however many commits


_applying: ContextVar[_Applying | None] = ContextVar("offline_entry_applying", default=None)


@contextmanager
def _applying_entry(applying: _Applying) -> Iterator[None]:
    token = _applying.set(applying)
    try:
        yield
    finally:
        _applying.reset(token)


@event.listens_for(OrmSession, "before_flush")
def _keep_the_laptops_identity(tx: OrmSession, _flush: UOWTransaction, _i: Any) -> None:
    applying = _applying.get()
    if applying is None or applying.keep is None:
        return
    for row in tx.new:
        if isinstance(row, Participant):
            row.uid = applying.keep["participant_uid"]
            row.card_code = applying.keep["card_code"] or row.card_code


@event.listens_for(OrmSession, "after_flush")
def _note_written(tx: OrmSession, _flush: UOWTransaction) -> None:
    applying = _applying.get()
    if applying is not None:
        changed = (*tx.new, *tx.dirty, *tx.deleted)
        applying.written += [row for row in changed if isinstance(row, Attendance | Loan)]


@event.listens_for(OrmSession, "before_commit")
def _record_applied(tx: OrmSession) -> None:
    applying = _applying.get()
    if applying is None or applying.recorded or tx.in_nested_transaction():
        return  # not sending, or only a savepoint of the use case ends here
    applying.recorded = True
    tx.flush()
    records: dict[str, list[int]] = {name: list(ids) for name, ids in applying.records.items()}
    for row in applying.written:
        state = inspect(row)
        if state.persistent or state.deleted:  # not a row of a savepoint rolled back
            name = "attendance" if isinstance(row, Attendance) else "loan"
            key = state.identity[0] if state.identity else None
            if key is not None and key not in records.setdefault(name, []):
                records[name].append(key)
    # Queued: it travels with the COMMIT, no round trip of its own (its key is the entry's).
    queued(
        tx,
        insert(AppliedEntry).values(
            uid=applying.entry.uid,
            kind=applying.entry.kind.value,
            laptop=applying.laptop[:100],
            records=records,
        ),
    )


# --- applying each kind of entry -----------------------------------------------------------


@dataclass
class _Children:
    """Children named by uid in the entries, as the server knows them (read once)."""

    ids: dict[str, int]
    erased: set[str]

    def id_of(self, uid: str) -> int:
        if uid in self.erased:
            raise ChildErased()
        if uid not in self.ids:
            raise ChildNotOnServer()
        return self.ids[uid]


def _read_children(db: Database, entries: Iterable[Entry]) -> _Children:
    named = {entry.arguments.get("participant_uid") for entry in entries}
    uids = sorted(uid for uid in named if uid is not None)
    ids: dict[str, int] = {}
    erased_ids: set[int] = set()
    with db.reading() as tx:
        for start in range(0, len(uids), _CHUNK):
            rows = tx.execute(
                select(Participant.uid, Participant.id).where(
                    Participant.uid.in_(uids[start : start + _CHUNK])
                )
            )
            found: dict[str, int] = {uid: key for uid, key in rows}
            ids.update(found)
            # Erased children, as db.privacy marks them: by the erasure's audit event.
            erased_ids |= set(
                tx.scalars(
                    select(AuditEvent.entity_id).where(
                        AuditEvent.action == AuditAction.PARTICIPANT_ERASED,
                        AuditEvent.entity == "participant",
                        AuditEvent.entity_id.in_(list(found.values())),
                    )
                )
            )
    return _Children(ids, {uid for uid, key in ids.items() if key in erased_ids})


def _already_applied(db: Database, entries: list[Entry]) -> dict[str, AppliedEntry]:
    found: dict[str, AppliedEntry] = {}
    uids = [entry.uid for entry in entries]
    with db.reading() as tx:
        for start in range(0, len(uids), _CHUNK):
            rows = tx.scalars(
                select(AppliedEntry).where(AppliedEntry.uid.in_(uids[start : start + _CHUNK]))
            )
            found.update({row.uid: row for row in rows})
    return found


def _already_here(db: Database, session_id: int, participant_id: int) -> AlreadyCheckedIn:
    with db.reading() as tx:
        row = tx.execute(
            select(Participant.first_name, Participant.last_name, Attendance.recorded_at)
            .join(Attendance, Attendance.participant_id == Participant.id)
            .where(Attendance.session_id == session_id, Participant.id == participant_id)
        ).first()
    if row is None:  # undone on the server a moment later
        return AlreadyCheckedIn(name="?", since="?")
    return AlreadyCheckedIn(
        name=f"{row.first_name} {row.last_name}", since=moment_text(row.recorded_at, full=True)
    )


def _aware(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _wrote(table: str, ids: list[int]) -> None:
    """Note the rows an entry's use case wrote, for its applied_entry (an undo finds them)."""
    applying = _applying.get()
    assert applying is not None
    applying.records.setdefault(table, []).extend(ids)


def _check_in(db: Database, entry: Entry, children: _Children) -> DomainError | None:
    arguments = entry.arguments
    session_id = arguments["session_id"]
    method = CheckInMethod(arguments.get("method", CheckInMethod.SCAN))
    uid = arguments.get("participant_uid")
    with db.unit_of_work() as uow:
        if uid is None:  # a card the laptop did not know: the server decides by the card alone
            card = arguments["card_code"]
            result = check_in_card_in(
                uow.tx, session_id, card, card, method, entry.staff_id, entry.at
            )
        else:
            child = children.id_of(uid)
            result = check_in_in(uow.tx, session_id, child, method, entry.staff_id, entry.at)
        if not result.already_here:
            _wrote("attendance", [result.attendance_id])
        uow.commit()
    return _already_here(db, session_id, result.participant_id) if result.already_here else None


def _walk_in(db: Database, entry: Entry, children: _Children) -> DomainError | None:
    arguments = entry.arguments
    details = dict(arguments["details"])
    if details.get("gender") is not None:
        details["gender"] = Gender(details["gender"])
    participant_id = register_walk_in(
        db,
        ParticipantDetails(**details),
        [ConsentPurpose(purpose) for purpose in arguments["consents"]],
        arguments["given_by"],
        date.fromisoformat(arguments["given_on"]),
        by=entry.staff_id,
    )
    children.ids[arguments["participant_uid"]] = participant_id
    return None


def _borrower(entry: Entry, children: _Children) -> Borrower:
    arguments = entry.arguments
    if arguments.get("participant_uid") is not None:
        return Borrower.child(children.id_of(arguments["participant_uid"]))
    if arguments.get("staff_id") is not None:
        return Borrower.librarian(arguments["staff_id"])
    return Borrower.in_session(arguments["session_id"])


def _lend(db: Database, entry: Entry, children: _Children) -> DomainError | None:
    arguments = entry.arguments
    to = _borrower(entry, children)
    due_at = _aware(arguments.get("due_at"))
    kit = entry.kind is EntryKind.LEND_KIT
    with db.unit_of_work() as uow:
        lent = lend_in(
            uow.tx, arguments["tag"], to, entry.staff_id, due_at, entry.at, False, kit=kit
        )
        _wrote("loan", [each.loan_id for each in lent.lent])
        uow.commit()
    if kit and lent.left_behind:
        parts = ", ".join(tag for tag, _why in lent.left_behind)
        return KitPartsLeftBehind(tag=lent.lent[0].tag, parts=parts)
    return None


def _return(db: Database, entry: Entry, children: _Children) -> DomainError | None:
    arguments = entry.arguments
    kit = entry.kind is EntryKind.RETURN_KIT
    note = arguments.get("note", "")
    with db.unit_of_work() as uow:
        back = return_in(uow.tx, arguments["tag"], entry.staff_id, note, entry.at, kit=kit)
        _wrote("loan", [each.loan_id for each in back])
        uow.commit()
    return None


def _undo(db: Database, entry: Entry, children: _Children) -> DomainError | None:
    with db.reading() as tx:
        undone = tx.get(AppliedEntry, entry.arguments["entry_uid"])
    if undone is None:  # the undone entry was refused: there is nothing to take back
        return None
    kind = EntryKind(undone.kind)
    if kind is EntryKind.CHECK_IN:
        for attendance_id in undone.records.get("attendance", []):
            undo_check_in(db, attendance_id, by=entry.staff_id)
    elif kind in (EntryKind.LEND, EntryKind.LEND_KIT):
        undo_lend(db, undone.records.get("loan", []), by=entry.staff_id)
    elif kind in (EntryKind.RETURN, EntryKind.RETURN_KIT):
        undo_returns(db, undone.records.get("loan", []), by=entry.staff_id)
    return None


_APPLY: dict[EntryKind, Callable[[Database, Entry, _Children], DomainError | None]] = {
    EntryKind.CHECK_IN: _check_in,
    EntryKind.WALK_IN: _walk_in,
    EntryKind.LEND: _lend,
    EntryKind.LEND_KIT: _lend,
    EntryKind.RETURN: _return,
    EntryKind.RETURN_KIT: _return,
    EntryKind.UNDO: _undo,
}


def _fields(refusal: DomainError) -> dict[str, Any]:
    # As JSON will hand them back: a refusal may carry rows (a list of overdue items).
    plain: dict[str, Any] = json.loads(json.dumps(refusal.fields, default=str))
    return plain


def _outcome_of_earlier(
    db: Database, entry: Entry, applied: AppliedEntry, children: _Children
) -> DomainError | None:
    """What an entry applied by an earlier sending did: a check-in that wrote nothing found
    the child already there."""
    if entry.kind is EntryKind.CHECK_IN and not applied.records.get("attendance"):
        uid = entry.arguments.get("participant_uid")
        participant_id = children.ids.get(uid) if uid else None
        if participant_id is not None:
            return _already_here(db, entry.arguments["session_id"], participant_id)
    return None


def _send_one(
    db: Database,
    entry: Entry,
    by_laptop: str,
    applied: AppliedEntry | None,
    children: _Children,
) -> tuple[bool, DomainError | None]:
    """Whether the server took the entry now (False: an earlier sending did), and what it
    did only in part or found done already; a refusal is raised as the DomainError."""
    if applied is None:
        try:
            with _applying_entry(_Applying(entry, by_laptop, _keep(entry))), replaying(entry.at):
                return True, _APPLY[entry.kind](db, entry, children)
        except IntegrityError:
            # Applied meanwhile by another sending of the same journal: that one counts.
            with db.reading() as tx:
                applied = tx.get(AppliedEntry, entry.uid)
            if applied is None:
                raise EntryClashed() from None
    return False, _outcome_of_earlier(db, entry, applied, children)


def send_journal(
    shared_db: Database, journal_path: Path, by_laptop: str, progress: Progress | None = None
) -> SendResult:
    """Send the waiting entries in order, each once; refusals stay in the journal, listed.

    `progress(done, total)` hears of each entry sent; False stops before the next one.
    A connection lost midway raises as it does in any use case: what was sent stays sent,
    marked or found applied next time, and the rest waits."""
    waiting = waiting_entries(journal_path)
    if not waiting:
        return SendResult()
    earlier = _already_applied(shared_db, waiting)
    children = _read_children(shared_db, waiting)
    sent = already = 0
    refused: set[str] = set()
    with marking(journal_path) as marks:
        for done, entry in enumerate(waiting):
            if not go_on(progress, done, len(waiting)):
                break
            refusal: DomainError | None
            try:
                now, partly = _send_one(
                    shared_db, entry, by_laptop, earlier.get(entry.uid), children
                )
                refusal = partly if isinstance(partly, AlreadyCheckedIn) else None
            except DomainError as error:
                now, partly, refusal = False, None, error
            if refusal is not None:
                refused.add(entry.uid)
                marks.refused(
                    entry.uid,
                    now_utc(),
                    refusal.template,
                    _fields(refusal),
                    instead_of(refusal),
                    forget_arguments=isinstance(refusal, ChildErased),
                )
                continue
            note, fields = (None, None) if partly is None else (partly.template, _fields(partly))
            marks.sent(entry.uid, now_utc(), note=note, fields=fields)
            if now:
                sent += 1
            else:
                already += 1
    go_on(progress, sent + already + len(refused), len(waiting))
    refusals = [entry for entry in journal_refusals(journal_path) if entry.uid in refused]
    return SendResult(sent, already, len(refused), refusals)


def _keep(entry: Entry) -> dict[str, Any] | None:
    if entry.kind is not EntryKind.WALK_IN:
        return None
    return {
        "participant_uid": entry.arguments["participant_uid"],
        "card_code": entry.arguments.get("card_code"),
    }

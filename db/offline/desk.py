"""The desk's scans while its server is away: the decisions of db/desk_scan, made on the
laptop's local copy and written to its journal (db/offline/at_the_desk), answered with the
same typed outcomes, so the desk shows them as it shows online ones, marked "saved on this
laptop, not yet sent".

`unless_away` tells the desk when the server stopped answering: the work comes back as
`ServerAway` instead of an error, and the desk does the same scan again here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from db.attendance import undo_check_in
from db.connection import server_away
from db.database import Database
from db.desk import DeskLists, desk_lists, undo_lend
from db.desk_scan import (
    NO_SESSION,
    NOBODY_TO_LEND_TO,
    AskLendAnyway,
    CheckedIn,
    DeskChange,
    DeskOutcome,
    DeskState,
    ItemBack,
    ItemLent,
    KitBack,
    KitWentOut,
    Refused,
    ScanOutcome,
    borrower_for,
    checked_in,
    due_for,
)
from db.equipment import undo_returns
from db.errors import QT_TRANSLATE_NOOP, BorrowerHasOverdue, DomainError, InvalidInput, UnknownCode
from db.loan_views import return_view
from db.loans import KitLent, KitReturned, Lent, Returned
from db.models import CheckInMethod, Participant
from db.offline.at_the_desk import (
    Recorded,
    check_in_card_offline,
    check_in_offline,
    lend_offline,
    return_offline,
    undo_offline,
)
from db.offline.journal import Entry, waiting_entries
from db.offline.sending import SendResult, send_journal
from db.scancodes import CardCode, ItemCode

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerAway:
    """The server did not answer: nothing was done there; the desk goes on without it."""

    change: DeskChange = field(default_factory=DeskChange)


def unless_away(work: Callable[[], T]) -> T | ServerAway:
    """The work's answer, or ServerAway when the server stopped answering meanwhile."""
    try:
        return work()
    except Exception as error:
        if server_away(error):
            return ServerAway()
        raise


def keep_in_step(
    copy: Database | None, outcome: object, again: Callable[[Database], object]
) -> None:
    """What the desk just did on the server, done on the local copy too: when the server
    goes away, the copy knows this laptop's own scans (who is here, what it lent). A step
    the copy cannot take is only logged: the copy is made fresh from the server now and
    then, and it decides nothing the server has not."""
    if copy is None or not isinstance(outcome, DeskOutcome):
        return
    try:
        again(copy)
    except Exception:
        log.warning("the local copy could not follow a scan at the desk", exc_info=True)


@dataclass(frozen=True)
class SavedHere:
    """A scan decided on this laptop's copy and written to its journal, not yet sent.

    `outcome`: as online; None when the copy could not decide (the entry's flag says why,
    the server decides when the journal is sent). `entry`: None when nothing waits to be
    sent (the child was here already, a refusal, a question)."""

    outcome: ScanOutcome | None
    entry: Entry | None


def _decided(recorded: Recorded[T], shown: Callable[[T], ScanOutcome]) -> SavedHere:
    result = recorded.result
    return SavedHere(None if result is None else shown(result), recorded.entry)


def _item_offline(
    copy: Database, journal: Path, tag: str, state: DeskState, by: int | None
) -> SavedHere:
    """Out on the copy → back; in → out, to the child scanned just before or the session."""
    with copy.reading() as tx:
        rows = tx.execute(return_view(tag, with_parts=True)).all()
    if not rows:
        raise UnknownCode(scanned=tag, what=QT_TRANSLATE_NOOP("DomainError", "item"))
    kit = len(rows) > 1
    if rows[0].loan_id is not None:
        back = return_offline(copy, journal, tag, kit=kit, by=by, at=state.at)
        return _decided(back, _shown_back)
    to = borrower_for(state, by)
    if to is None:
        raise InvalidInput(problem=NOBODY_TO_LEND_TO)
    went = lend_offline(
        copy,
        journal,
        tag,
        to,
        kit=kit,
        by=by,
        at=state.at,
        due_at=due_for(state, to),
        ask_if_overdue=not state.lend_anyway,
    )
    return _decided(went, _shown_out)


def _shown_back(back: Returned | KitReturned) -> ItemBack | KitBack:
    if isinstance(back, KitReturned):
        return KitBack(back, DeskChange())
    return ItemBack(back, DeskChange())


def _shown_out(went: Lent | KitLent) -> ItemLent | KitWentOut:
    if isinstance(went, KitLent):
        return KitWentOut(went, DeskChange())
    return ItemLent(went, DeskChange())


def scan_offline(
    copy: Database,
    journal: Path,
    code: CardCode | ItemCode,
    state: DeskState,
    *,
    scanned: str = "",
    by: int | None = None,
) -> SavedHere:
    """A scan while the server is away: as `scan_at_desk`, on the copy, into the journal.
    The outcomes carry no list changes: the desk reads its lists from the copy again."""
    try:
        if isinstance(code, ItemCode):
            return _item_offline(copy, journal, code.tag.upper(), state, by)
        if state.session_id is None:
            raise InvalidInput(problem=NO_SESSION)
        recorded = check_in_card_offline(
            copy, journal, state.session_id, code.code, scanned=scanned, by=by, at=state.at
        )
        return _decided(recorded, lambda result: checked_in(result, state.at))
    except BorrowerHasOverdue as asked:
        assert isinstance(code, ItemCode)
        name, overdue = str(asked.fields.get("name", "")), list(asked.fields.get("overdue", []))
        return SavedHere(AskLendAnyway(name, overdue, code.tag), None)
    except DomainError as refusal:
        return SavedHere(Refused(refusal), None)


def check_in_offline_at_desk(
    copy: Database,
    journal: Path,
    participant_id: int,
    state: DeskState,
    *,
    method: CheckInMethod = CheckInMethod.NAME_SEARCH,
    by: int | None = None,
) -> SavedHere:
    """A child chosen by name (or registered just now) checked in while the server is away."""
    try:
        if state.session_id is None:
            raise InvalidInput(problem=NO_SESSION)
        recorded = check_in_offline(
            copy, journal, state.session_id, participant_id, method=method, by=by, at=state.at
        )
        return _decided(recorded, lambda result: checked_in(result, state.at))
    except DomainError as refusal:
        return SavedHere(Refused(refusal), None)


def undo_offline_at_desk(
    copy: Database, journal: Path, saved: SavedHere, *, at: datetime, by: int | None = None
) -> None:
    """Take back a scan saved on this laptop: on the copy now, on the server when sent."""
    outcome, entry = saved.outcome, saved.entry
    assert entry is not None, "nothing was saved to take back"
    _undo_on_copy(copy, outcome, by)
    undo_offline(journal, entry, by=by, at=at)


def _undo_on_copy(copy: Database, outcome: ScanOutcome | None, by: int | None) -> None:
    if outcome is None:  # flagged: the copy did nothing, the server will do nothing either
        return
    if isinstance(outcome, CheckedIn):
        undo_check_in(copy, outcome.check_in.attendance_id, by=by)
    elif isinstance(outcome, ItemLent | KitWentOut):
        lent = [outcome.lent] if isinstance(outcome, ItemLent) else outcome.kit.lent
        undo_lend(copy, [each.loan_id for each in lent], by=by)
    elif isinstance(outcome, ItemBack | KitBack):
        returned = [outcome.returned] if isinstance(outcome, ItemBack) else outcome.kit.returned
        undo_returns(copy, [each.loan_id for each in returned], by=by)


def unsent_on_desk(copy: Database, entries: list[Entry]) -> tuple[set[int], set[str]]:
    """The children and items the desk's lists show that wait in the journal: the
    participants (copy ids) checked in offline and the tags lent offline."""
    uids = {e.arguments["participant_uid"] for e in entries if "participant_uid" in e.arguments}
    tags = {str(e.arguments["tag"]).upper() for e in entries if "tag" in e.arguments}
    if not uids:
        return set(), tags
    with copy.reading() as tx:
        ids = set(tx.scalars(select(Participant.id).where(Participant.uid.in_(uids))))
    return ids, tags


@dataclass(frozen=True)
class OfflineLists:
    """The desk's lists read from the copy, with what of them waits to be sent."""

    lists: DeskLists
    unsent_children: set[int]  # participants (copy ids) checked in on this laptop
    unsent_tags: set[str]  # items lent on this laptop
    waiting: int  # journal entries not yet sent


def offline_desk_lists(
    copy: Database,
    journal: Path,
    session_id: int | None,
    *,
    site_id: int | None,
    at: datetime,
    by: int | None,
) -> OfflineLists:
    """The desk's lists while the server is away: the copy's, marked where not yet sent."""
    waiting = waiting_entries(journal)
    children, tags = unsent_on_desk(copy, waiting)
    lists = desk_lists(copy, session_id, site_id=site_id, at=at, by=by)
    return OfflineLists(lists, children, tags, len(waiting))


@dataclass(frozen=True)
class SentPart:
    """A part of the journal sent: what the server made of it, and how many entries wait."""

    result: SendResult
    left: int


def send_part(shared_db: Database, journal: Path, by_laptop: str, entries: int) -> SentPart:
    """Send up to `entries` of the journal's waiting entries, oldest first: the desk sends
    its journal a part at a time, so a scan made meanwhile waits seconds, not a minute."""
    result = send_journal(shared_db, journal, by_laptop, lambda done, _total: done < entries)
    return SentPart(result, len(waiting_entries(journal)))


def sent_together(before: SendResult, part: SendResult) -> SendResult:
    """What the parts of one sending did, as one result."""
    return SendResult(
        before.sent + part.sent,
        before.already_there + part.already_there,
        before.refused + part.refused,
        before.refusals + part.refusals,
    )

"""Privacy by design: erasing a child, answering an access request, and retention.

Erasure keeps the funder's totals: the participant row stays as an anonymous tombstone
with only birth year, gender, site and the target-group mark (the indicators count by age
band, gender and target group; without a name these no longer point at anyone), and the
attendance rows, enrolments and loans keep pointing at it. Everything that names the child
or their guardian goes: name, contacts, notes, consents, card code, and the name in the
audit log's texts, which are rewritten. The erasure's own audit event seals the events it
rewrote, so the audit log's chain still checks out afterwards (see db.audit).

All three are admin actions (see db.accounts.require_admin); `by=None` is direct database
access (the command line), which is trusted.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, union
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from db import audit
from db.accounts import check_admin, require_admin
from db.audit_actions import AuditAction
from db.clock import local, now_utc
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.models import (
    CAME,
    Attendance,
    AuditEvent,
    Consent,
    Enrollment,
    Item,
    Loan,
    Participant,
    Program,
    Project,
    SharedSetting,
    Site,
    Staff,
)
from db.models import Session as ProgramSession
from db.people import get_participant
from db.progress import Progress, go_on

ERASED_FIRST_NAME = "(dzēsts)"  # "(erased)": what lists and reports show instead of a name
ERASED_TEXT = "(erased)"
DEFAULT_RETENTION_YEARS = 5

# What AdminOnly names, translated as fields of the DomainError context.
ERASE_CHILD = QT_TRANSLATE_NOOP("DomainError", "erase a child's records")
EXPORT_CHILD = QT_TRANSLATE_NOOP("DomainError", "export everything stored about a child")

# Fields of a participant's audit changes that hold personal text, erased whatever they say.
_PERSONAL_FIELDS = frozenset(
    {"first_name", "last_name", "search_name", "guardian_name", "guardian_phone", "notes"}
)


def _ids(session: Session, column: Any, participant_id: int) -> list[int]:
    table = column.class_
    return list(session.scalars(select(table.id).where(column == participant_id)))


def _names_in_history(session: Session, participant: Participant) -> set[str]:
    """Every name the record has had (from its edits), with the guardian's name and phone."""
    texts = {
        participant.full_name,
        participant.first_name,
        participant.last_name,
        participant.guardian_name,
        participant.guardian_phone,
    }
    texts.update(
        session.scalars(select(Consent.given_by).where(Consent.participant_id == participant.id))
    )
    for changes in _edits(session, participant.id):
        for key, values in changes.items():
            if key in _PERSONAL_FIELDS and key != "notes" and isinstance(values, list):
                texts.update(v for v in values if isinstance(v, str))
    texts.update(_full_names(session, participant))
    return {t.strip() for t in texts if len(t.strip()) >= 2 and t.strip() != ERASED_TEXT}


def _edits(session: Session, participant_id: int) -> list[dict[str, Any]]:
    events = session.scalars(
        select(AuditEvent.changes).where(
            AuditEvent.entity == "participant", AuditEvent.entity_id == participant_id
        )
    )
    return [changes for changes in events if changes]


def _full_names(session: Session, participant: Participant) -> set[str]:
    """The child's full name now and before each rename, as the audit texts wrote it."""
    if participant.first_name == ERASED_FIRST_NAME:
        return set()
    firsts, lasts = {participant.first_name}, {participant.last_name}
    for changes in _edits(session, participant.id):
        firsts.update(v for v in changes.get("first_name", []) if isinstance(v, str))
        lasts.update(v for v in changes.get("last_name", []) if isinstance(v, str))
    names = {f"{first} {last}".strip() for first in firsts for last in lasts}
    return {name for name in names if len(name) >= 2}


def _events_about(session: Session, participant: Participant) -> list[AuditEvent]:
    """The audit events about one child: of their record, consents, enrolments,
    attendance and loans, and any other whose text names them."""
    pid = participant.id
    linked = [
        ("participant", [pid]),
        ("consent", _ids(session, Consent.participant_id, pid)),
        ("enrollment", _ids(session, Enrollment.participant_id, pid)),
        ("attendance", _ids(session, Attendance.participant_id, pid)),
        ("loan", _ids(session, Loan.participant_id, pid)),
    ]
    clauses: list[ColumnElement[bool]] = [
        (AuditEvent.entity == entity) & AuditEvent.entity_id.in_(ids)
        for entity, ids in linked
        if ids
    ]
    # Undone check-ins and loans are deleted rows: only their text still names the child.
    names = _full_names(session, participant)
    clauses.extend(AuditEvent.description.contains(name, autoescape=True) for name in names)
    query = select(AuditEvent).where(or_(*clauses)).order_by(AuditEvent.id)
    events = list(session.scalars(query))
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


def _is_erased(session: Session, participant_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    AuditEvent.action == AuditAction.PARTICIPANT_ERASED,
                    AuditEvent.entity == "participant",
                    AuditEvent.entity_id == participant_id,
                )
            )
        )
    )


def _erase(
    session: Session, participant: Participant, by: int | None, why: str | None = None
) -> bool:
    """Erase one child inside the caller's transaction; False when already erased.

    `why`: the audit log's text when it is not the usual one."""
    if _is_erased(session, participant.id):
        return False
    placeholder = f"participant #{participant.id}"
    secrets = _names_in_history(session, participant)
    rewritten = []
    for event in _events_about(session, participant):
        before = audit.digest_of(audit.content_of(event))
        _anonymise_event(event, secrets, placeholder)
        if audit.digest_of(audit.content_of(event)) != before:
            rewritten.append(event)
    for loan in session.scalars(select(Loan).where(Loan.participant_id == participant.id)):
        loan.return_note = _scrub(loan.return_note, secrets, placeholder)
    session.execute(delete(Consent).where(Consent.participant_id == participant.id))
    participant.first_name = ERASED_FIRST_NAME
    participant.last_name = f"#{participant.id}"
    participant.search_name = ""
    participant.card_code = None
    participant.notes = ""
    participant.guardian_name = ""
    participant.guardian_phone = ""
    participant.archived = True
    session.flush()
    audit.record(
        session,
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


def erasure_register(session: Session) -> list[Erasure]:
    """Every erasure recorded in this database."""
    rows = session.execute(
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
            participant = uow.session.get(Participant, erasure.participant_id)
            if participant is None or participant.created_at != erasure.registered_at:
                continue
            erased_on = local(erasure.erased_at).date().isoformat()
            why = (
                f"Erased participant #{participant.id} again after a restore: the copy was "
                f"made before the erasure of {erased_on}"
            )
            if _erase(uow.session, participant, None, why):
                count += 1
        uow.commit()
    if count:
        db.checkpoint()
    return count


def erase_participant(db: Database, participant_id: int, *, by: int | None) -> bool:
    """Erase a child (admins only); attendance stays anonymous so the totals do not change.

    Returns False when the child was erased before (nothing is done then)."""
    with db.unit_of_work() as uow:
        require_admin(uow.session, by, ERASE_CHILD)
        participant = get_participant(uow.session, participant_id)
        erased = _erase(uow.session, participant, by)
        uow.commit()
    if erased:
        db.checkpoint()
    return erased


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return local(value).isoformat(timespec="seconds")
    return value.isoformat()


def access_request(db: Database, participant_id: int, *, by: int | None) -> dict[str, Any]:
    """Everything stored about one child (admins only), ready for JSON; the export is logged."""
    with db.unit_of_work() as uow:
        s = uow.session
        require_admin(s, by, EXPORT_CHILD)
        p = get_participant(s, participant_id)
        site = s.get(Site, p.site_id)
        consents = s.scalars(
            select(Consent).where(Consent.participant_id == p.id).order_by(Consent.id)
        )
        enrolments = s.execute(
            select(Program.name, Enrollment.joined_on, Enrollment.left_on)
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.participant_id == p.id)
            .order_by(Enrollment.joined_on, Enrollment.id)
        )
        attendance = s.execute(
            select(
                ProgramSession.day,
                ProgramSession.starts_at,
                Program.name,
                ProgramSession.theme,
                Attendance.status,
                Attendance.method,
                Attendance.recorded_at,
            )
            .join(ProgramSession, ProgramSession.id == Attendance.session_id)
            .join(Program, Program.id == ProgramSession.program_id)
            .where(Attendance.participant_id == p.id)
            .order_by(ProgramSession.day, ProgramSession.starts_at)
        )
        loans = s.execute(
            select(Item.tag, Item.name, Loan.lent_at, Loan.due_at, Loan.returned_at)
            .add_columns(Loan.return_note)
            .join(Item, Item.id == Loan.item_id)
            .where(Loan.participant_id == p.id)
            .order_by(Loan.lent_at, Loan.id)
        )
        usernames = {sid: name for sid, name in s.execute(select(Staff.id, Staff.username))}
        result: dict[str, Any] = {
            "participant": {
                "id": p.id,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "birth_year": p.birth_year,
                "gender": p.gender.value if p.gender else None,
                "site": site.name if site else None,
                "card_code": p.card_code,
                "target_group": p.target_group,
                "notes": p.notes,
                "guardian_name": p.guardian_name,
                "guardian_phone": p.guardian_phone,
                "archived": p.archived,
                "registered_at": _iso(p.created_at),
                "updated_at": _iso(p.updated_at),
            },
            "consents": [
                {
                    "purpose": c.purpose.value,
                    "given_by": c.given_by,
                    "given_on": _iso(c.given_on),
                    "withdrawn_on": _iso(c.withdrawn_on),
                }
                for c in consents
            ],
            "enrolments": [
                {"program": name, "joined_on": _iso(joined), "left_on": _iso(left)}
                for name, joined, left in enrolments
            ],
            "attendance": [
                {
                    "date": day.isoformat(),
                    "starts_at": starts.strftime("%H:%M"),
                    "program": program,
                    "theme": theme,
                    "status": status.value,
                    "method": method.value,
                    "recorded_at": _iso(recorded),
                }
                for day, starts, program, theme, status, method, recorded in attendance
            ],
            "loans": [
                {
                    "item_tag": tag,
                    "item_name": name,
                    "lent_at": _iso(lent),
                    "due_at": _iso(due),
                    "returned_at": _iso(returned),
                    "return_note": note,
                }
                for tag, name, lent, due, returned, note in loans
            ],
            "audit_events": [
                {
                    "at": _iso(e.at),
                    "by": usernames.get(e.staff_id) if e.staff_id is not None else None,
                    "action": e.action,
                    "description": e.description,
                    "changes": e.changes,
                }
                for e in _events_about(s, p)
            ],
        }
        audit.record(
            s,
            by,
            AuditAction.PARTICIPANT_EXPORTED,
            "participant",
            p.id,
            f"Exported everything stored about participant #{p.id} (access request)",
        )
        uow.commit()
        return result


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


class RetentionStart(enum.StrEnum):
    """What the retention period counts from."""

    LAST_ATTENDANCE = "last_attendance"
    # The end of the last project the child took part in, or their last attendance if later:
    # a funder may audit a project's records for years after it ends.
    PROJECT_END = "project_end"


@dataclass(frozen=True)
class RetentionRule:
    """How long a child's records are kept: `years` after `start`."""

    years: int = DEFAULT_RETENTION_YEARS
    start: RetentionStart = RetentionStart.LAST_ATTENDANCE


RETENTION_KEY = "retention"
SHORTEST_RETENTION, LONGEST_RETENTION = 1, 30
SET_RETENTION = QT_TRANSLATE_NOOP("DomainError", "change the retention period")


def retention_rule(db: Database) -> RetentionRule:
    """The library's retention rule; five years after the last attendance until one is set."""
    with db.reading() as s:
        setting = s.get(SharedSetting, RETENTION_KEY)
    if setting is None:
        return RetentionRule()
    try:
        return RetentionRule(int(setting.value["years"]), RetentionStart(setting.value["start"]))
    except (KeyError, TypeError, ValueError):  # written by a newer program: the default holds
        return RetentionRule()


def set_retention_rule(db: Database, rule: RetentionRule, *, by: int | None) -> None:
    """Change the library's retention rule (admins only); the change is logged old → new."""
    if not SHORTEST_RETENTION <= rule.years <= LONGEST_RETENTION:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError", "A retention period is between 1 and 30 years."
            )
        )
    with db.unit_of_work() as uow:
        s = uow.session
        require_admin(s, by, SET_RETENTION)
        value = {"years": rule.years, "start": rule.start.value}
        setting = s.get(SharedSetting, RETENTION_KEY)
        before = setting.value if setting is not None else {"years": None, "start": None}
        if setting is None:
            s.add(SharedSetting(key=RETENTION_KEY, value=value))
        elif setting.value == value:
            return
        else:
            setting.value = value
        s.flush()
        audit.record(
            s,
            by,
            AuditAction.RETENTION_CHANGED,
            "setting",
            None,
            f"Retention: {rule.years} years after the {rule.start.value.replace('_', ' ')}",
            audit.diff(before, value),
        )
        uow.commit()


@dataclass(frozen=True)
class PastRetention:
    """A child whose records are kept longer than the retention period allows."""

    participant_id: int
    first_name: str
    last_name: str
    last_seen: date  # the last session they came to, or the day they were registered
    came: bool  # False: registered, never came
    counted_from: date  # last_seen, or a later project end under RetentionStart.PROJECT_END

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _project_ends(s: Session) -> dict[int, date | None]:
    """For each child who took part in a project's program, when the last of those projects
    ended; None while one of them has no end date (it is still running)."""
    taken_part = union(
        select(Attendance.participant_id.label("pid"), Program.project_id.label("project"))
        .join(ProgramSession, ProgramSession.id == Attendance.session_id)
        .join(Program, Program.id == ProgramSession.program_id),
        select(Enrollment.participant_id, Program.project_id).join(
            Program, Program.id == Enrollment.program_id
        ),
    ).subquery()
    ends: dict[int, date | None] = {}
    rows = s.execute(
        select(taken_part.c.pid, Project.ends_on)
        .join(Project, Project.id == taken_part.c.project)
        .distinct()
    )
    for pid, ends_on in rows:
        if pid in ends and ends[pid] is None:
            continue
        ends[pid] = None if ends_on is None else max(ends_on, ends.get(pid) or ends_on)
    return ends


def past_retention(
    db: Database,
    rule: RetentionRule | None = None,
    today: date | None = None,
    *,
    by: int | None,
) -> list[PastRetention]:
    """Children not yet erased whose records are older than the rule allows, oldest first
    (the library's rule when none is given); the list of whom to erase is an admin's."""
    rule = rule or retention_rule(db)
    if rule.years < 0:
        raise ValueError("a retention period cannot be negative")
    # The library's today by the program's clock (the demo's and the tests' too).
    cutoff = _years_before(today or local(now_utc()).date(), rule.years)
    with db.reading() as s:
        require_admin(s, by, ERASE_CHILD)
        last_came: dict[int, date] = {
            pid: day
            for pid, day in s.execute(
                select(Attendance.participant_id, func.max(ProgramSession.day))
                .join(ProgramSession, ProgramSession.id == Attendance.session_id)
                .where(Attendance.status.in_(CAME))
                .group_by(Attendance.participant_id)
            )
        }
        project_ends = _project_ends(s) if rule.start == RetentionStart.PROJECT_END else {}
        erased = exists().where(
            AuditEvent.action == AuditAction.PARTICIPANT_ERASED,
            AuditEvent.entity == "participant",
            AuditEvent.entity_id == Participant.id,
        )
        rows = s.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.last_name,
                Participant.created_at,
            ).where(~erased)
        )
        past = []
        for pid, first, last, created in rows:
            last_seen = last_came.get(pid) or local(created).date()
            counted_from: date | None = last_seen
            if pid in project_ends:
                ended = project_ends[pid]
                counted_from = None if ended is None else max(ended, last_seen)
            if counted_from is not None and counted_from < cutoff:
                past.append(
                    PastRetention(pid, first, last, last_seen, pid in last_came, counted_from)
                )
    return sorted(past, key=lambda child: (child.counted_from, child.participant_id))


# Children erased per transaction: erasing a few thousand takes a minute or more, and one
# transaction that long would keep every other laptop from checking children in.
ERASE_BATCH = 25


def erase_past_retention(
    db: Database,
    rule: RetentionRule | None = None,
    *,
    by: int | None,
    today: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Erase every child past retention (admins only), a batch per transaction; how many.

    Each erasure is whole or not at all. `progress(done, total)` hears the count after each
    batch; when it returns False the work stops there: the batches done stay erased, the
    children not yet erased are kept (and listed again), and the audit log says how many."""
    check_admin(db, by, ERASE_CHILD)
    ids = [child.participant_id for child in past_retention(db, rule, today, by=by)]
    count = 0
    for start in range(0, len(ids), ERASE_BATCH):
        if not go_on(progress, start, len(ids)):
            _record_stop(db, by, count, len(ids) - start, len(ids))
            break
        with db.unit_of_work() as uow:
            require_admin(uow.session, by, ERASE_CHILD)
            for participant_id in ids[start : start + ERASE_BATCH]:
                participant = uow.session.get(Participant, participant_id)
                if participant is not None and _erase(uow.session, participant, by):
                    count += 1
            uow.commit()
    else:
        go_on(progress, len(ids), len(ids))  # all done: nothing is left to stop
    if count:
        db.checkpoint()
    return count


def _record_stop(db: Database, by: int | None, erased: int, kept: int, total: int) -> None:
    with db.unit_of_work() as uow:
        audit.record(
            uow.session,
            by,
            AuditAction.RETENTION_ERASE_STOPPED,
            "participant",
            None,
            f"Erasure past retention stopped: {erased} of {total} children erased, "
            f"the other {kept} kept",
        )
        uow.commit()

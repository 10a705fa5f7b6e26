"""Retention: how long the library keeps a child's records, which children are past it,
and erasing them a batch at a time. Admin actions, like every erasure (see db.privacy)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select, union
from sqlalchemy.orm import Session

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
    Enrollment,
    Participant,
    Program,
    Project,
    SharedSetting,
)
from db.models import Session as ProgramSession
from db.privacy import ERASE_CHILD, erase_child
from db.progress import Progress, go_on

DEFAULT_RETENTION_YEARS = 5


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
        s = uow.tx
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
            require_admin(uow.tx, by, ERASE_CHILD)
            for participant_id in ids[start : start + ERASE_BATCH]:
                participant = uow.tx.get(Participant, participant_id)
                if participant is not None and erase_child(uow.tx, participant, by):
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
            uow.tx,
            by,
            AuditAction.RETENTION_ERASE_STOPPED,
            "participant",
            None,
            f"Erasure past retention stopped: {erased} of {total} children erased, "
            f"the other {kept} kept",
        )
        uow.commit()

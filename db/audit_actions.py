"""What an audit event says was done: one code per action, written once here.

Every writer passes a member to `audit.record`; the log stores its value, the same text as
before there was an enum ("participant.registered"), so old events and their digests stay as
they are. The words for each action (the Audit log page, the access request) are in
desktop/audit_words.py.
"""

from __future__ import annotations

from enum import StrEnum

from db.models import SessionStatus


class AuditAction(StrEnum):
    PARTICIPANT_REGISTERED = "participant.registered"
    PARTICIPANT_EDITED = "participant.edited"
    PARTICIPANT_ARCHIVED = "participant.archived"
    PARTICIPANT_RESTORED = "participant.restored"
    PARTICIPANT_ERASED = "participant.erased"
    PARTICIPANT_EXPORTED = "participant.exported"
    CONSENT_GIVEN = "consent.given"
    CONSENT_WITHDRAWN = "consent.withdrawn"
    ENROLLMENT_ADDED = "enrollment.added"
    ATTENDANCE_CHECKED_IN = "attendance.checked_in"
    ATTENDANCE_MARKED = "attendance.marked"
    ATTENDANCE_UNDONE = "attendance.undone"
    ITEM_ADDED = "item.added"
    ITEM_EDITED = "item.edited"
    ITEM_STATUS = "item.status"
    LOAN_LENT = "loan.lent"
    LOAN_RETURNED = "loan.returned"
    LOAN_NOTE = "loan.note"
    LOAN_UNDONE = "loan.undone"
    LOAN_RETURN_UNDONE = "loan.return_undone"
    LOAN_PART_KEPT_OUT = "loan.part_kept_out"
    PROGRAM_CREATED = "program.created"
    SESSION_CREATED = "session.created"
    SESSION_SERIES_CREATED = "session.series_created"
    SESSION_PLANNED = "session.planned"
    SESSION_HELD = "session.held"
    SESSION_CANCELLED = "session.cancelled"
    SESSION_HEADCOUNT = "session.headcount"
    STAFF_ADDED = "staff.added"
    STAFF_PASSWORD = "staff.password"
    STAFF_DISABLED = "staff.disabled"
    STAFF_LOCKED = "staff.locked"
    SITE_ADDED = "site.added"
    PROJECT_ADDED = "project.added"
    RETENTION_CHANGED = "retention.changed"
    RETENTION_ERASE_STOPPED = "retention.erase_stopped"
    RECORDS_MOVED = "records.moved"
    DATABASE_UPGRADED = "database.upgraded"
    RECORDS_MERGED = "records.merged"


# A session marked planned, held or cancelled: the action says which.
SESSION_MARKED = {
    SessionStatus.PLANNED: AuditAction.SESSION_PLANNED,
    SessionStatus.HELD: AuditAction.SESSION_HELD,
    SessionStatus.CANCELLED: AuditAction.SESSION_CANCELLED,
}

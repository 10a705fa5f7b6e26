"""The audit log's codes in words: what happened, to which record, which field, old → new.

The core writes plain codes into the log: an action (db.audit_actions.AuditAction's value,
"participant.registered"), a kind of record ("loan"), changed fields ("guardian_phone").
The Audit log page shows them in the screen's language and the access request prints a
child's history in the document's, both through these functions and these words, so the
two read the same for the same event.

The words are in the printouts' gettext catalogue (desktop/words.py), in the context
"audit", rather than in Qt's: the access request is made without Qt and in a language that
need not be the screen's, and one catalogue keeps one wording per code. A value's words
(a status, a gender, yes/no) are desktop/code_words.py's. A code missing here shows as it
is (tests/unit/test_audit_words.py keeps the tables complete).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.audit_actions import AuditAction
from db.models import ItemStatus, SessionStatus
from desktop.code_words import (
    attendance_words,
    gender_words,
    item_category_words,
    item_status_words,
    retention_start_words,
    said,
    session_status_words,
    yes_no_words,
)
from desktop.words import NP_

CONTEXT = "audit"
EMPTY = "—"

# What happened, for each action the core records (db/audit_actions.py).
ACTIONS: dict[str, str] = {
    AuditAction.PARTICIPANT_REGISTERED: NP_("audit", "Child registered"),
    AuditAction.PARTICIPANT_EDITED: NP_("audit", "Child's details changed"),
    AuditAction.PARTICIPANT_ARCHIVED: NP_("audit", "Child archived"),
    AuditAction.PARTICIPANT_RESTORED: NP_("audit", "Child brought back from the archive"),
    AuditAction.PARTICIPANT_ERASED: NP_("audit", "Child's records erased"),
    AuditAction.PARTICIPANT_EXPORTED: NP_("audit", "Child's records exported"),
    AuditAction.CONSENT_GIVEN: NP_("audit", "Consent given"),
    AuditAction.CONSENT_WITHDRAWN: NP_("audit", "Consent withdrawn"),
    AuditAction.ENROLLMENT_ADDED: NP_("audit", "Enrolled in a training cycle"),
    AuditAction.ATTENDANCE_CHECKED_IN: NP_("audit", "Checked in"),
    AuditAction.ATTENDANCE_MARKED: NP_("audit", "Attendance marked"),
    AuditAction.ATTENDANCE_UNDONE: NP_("audit", "Check-in undone"),
    AuditAction.ITEM_ADDED: NP_("audit", "Item added"),
    AuditAction.ITEM_EDITED: NP_("audit", "Item's details changed"),
    AuditAction.ITEM_STATUS: NP_("audit", "Item's status changed"),
    AuditAction.LOAN_LENT: NP_("audit", "Item lent"),
    AuditAction.LOAN_RETURNED: NP_("audit", "Item returned"),
    AuditAction.LOAN_NOTE: NP_("audit", "Item's condition noted"),
    AuditAction.LOAN_UNDONE: NP_("audit", "Loan undone"),
    AuditAction.LOAN_RETURN_UNDONE: NP_("audit", "Return undone"),
    AuditAction.LOAN_PART_KEPT_OUT: NP_("audit", "Part kept out: not back with its kit"),
    AuditAction.PROGRAM_CREATED: NP_("audit", "Program created"),
    AuditAction.SESSION_CREATED: NP_("audit", "Session scheduled"),
    AuditAction.SESSION_SERIES_CREATED: NP_("audit", "Weekly sessions scheduled"),
    AuditAction.SESSION_PLANNED: NP_("audit", "Session planned again"),
    AuditAction.SESSION_HELD: NP_("audit", "Session held"),
    AuditAction.SESSION_CANCELLED: NP_("audit", "Session did not occur"),
    AuditAction.SESSION_HEADCOUNT: NP_("audit", "Headcount changed"),
    AuditAction.STAFF_ADDED: NP_("audit", "Account added"),
    AuditAction.STAFF_PASSWORD: NP_("audit", "Password changed"),
    AuditAction.STAFF_DISABLED: NP_("audit", "Account disabled"),
    AuditAction.STAFF_LOCKED: NP_("audit", "Account locked after wrong passwords"),
    AuditAction.SITE_ADDED: NP_("audit", "Site added"),
    AuditAction.PROJECT_ADDED: NP_("audit", "Project added"),
    AuditAction.RETENTION_CHANGED: NP_("audit", "Retention period changed"),
    AuditAction.RETENTION_ERASE_STOPPED: NP_("audit", "Erasure past retention stopped"),
    AuditAction.RECORDS_MOVED: NP_("audit", "A laptop's records moved to the shared database"),
    AuditAction.DATABASE_UPGRADED: NP_("audit", "Shared database upgraded"),
    AuditAction.RECORDS_MERGED: NP_("audit", "A laptop's records merged"),
}

# Entity (audit.record's fourth argument) → the kind of record, as in "Child #12".
ENTITIES: dict[str, str] = {
    "participant": NP_("audit", "Child"),
    "consent": NP_("audit", "Consent"),
    "enrollment": NP_("audit", "Enrolment"),
    "attendance": NP_("audit", "Attendance"),
    "item": NP_("audit", "Item"),
    "loan": NP_("audit", "Loan"),
    "program": NP_("audit", "Program"),
    "session": NP_("audit", "Session"),
    "staff": NP_("audit", "Account"),
    "site": NP_("audit", "Site"),
    "project": NP_("audit", "Project"),
    "setting": NP_("audit", "Setting"),
    "database": NP_("audit", "Database"),
}

# Field of an event's changes (audit.diff of a child or an item, and the fixed ones) → words.
FIELDS: dict[str, str] = {
    # a child (db/people.py _snapshot, set_archived)
    "first_name": NP_("audit", "First name"),
    "last_name": NP_("audit", "Last name"),
    "birth_year": NP_("audit", "Birth year"),
    "gender": NP_("audit", "Gender"),
    "site_id": NP_("audit", "Site"),
    "guardian_name": NP_("audit", "Guardian's name"),
    "guardian_phone": NP_("audit", "Guardian's phone"),
    "target_group": NP_("audit", "Target group"),
    "notes": NP_("audit", "Notes"),
    "archived": NP_("audit", "Archived"),
    # an item (db/equipment.py _snapshot)
    "name": NP_("audit", "Name"),
    "category": NP_("audit", "Category"),
    "serial_number": NP_("audit", "Serial number"),
    "project_id": NP_("audit", "Project"),
    "parent_id": NP_("audit", "Part of the kit"),
    # an item, a session or an attendance mark
    "status": NP_("audit", "Status"),
    # a session, an account
    "anonymous_headcount": NP_("audit", "Anonymous headcount"),
    "active": NP_("audit", "Active"),
    # the retention rule (db/retention.py set_retention_rule)
    "years": NP_("audit", "Years kept"),
    "start": NP_("audit", "Counted from"),
    # a laptop's records merged (db/merge _summary): how many, never who
    "children_added": NP_("audit", "Children added"),
    "children_matched": NP_("audit", "Children matched"),
    "children_left_out": NP_("audit", "Children left out"),
    "sessions_added": NP_("audit", "Sessions added"),
    "check_ins_added": NP_("audit", "Check-ins added"),
    "loans_added": NP_("audit", "Loans added"),
    "loans_updated": NP_("audit", "Loans brought up to date"),
    "consents_added": NP_("audit", "Consents added"),
    "items_added": NP_("audit", "Items added"),
}


def _translated(table: Mapping[str, str], code: str, language: str | None) -> str:
    source = table.get(code)
    if source is None:
        return code or EMPTY
    return said(CONTEXT, source, language)


def action_words(code: str, language: str | None = None) -> str:
    """What happened, e.g. "Child registered"; an unknown code as it is."""
    return _translated(ACTIONS, code, language)


def entity_words(code: str, language: str | None = None) -> str:
    """The kind of record, e.g. "Child"; an unknown one as it is."""
    return _translated(ENTITIES, code, language)


def record_words(entity: str, entity_id: int | None, language: str | None = None) -> str:
    """Which record, e.g. "Child #12"."""
    return entity_words(entity, language) + (f" #{entity_id}" if entity_id is not None else "")


def field_words(field: str, language: str | None = None) -> str:
    """A changed field, e.g. "Guardian's phone"; an unknown one as it is."""
    return _translated(FIELDS, field, language)


def value_words(field: str, value: Any, language: str | None = None) -> str:
    """One side of old → new: yes/no, statuses, categories, genders… in words; "—" for none."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return yes_no_words(value, language)
    if isinstance(value, str):
        if field == "status":
            return _status_words(value, language)
        if field == "category":
            return item_category_words(value, language)
        if field == "gender":
            return gender_words(value, language)
        if field == "start":
            return retention_start_words(value, language)
    return str(value)


def _status_words(value: str, language: str | None) -> str:
    """An item's, a session's or an attendance mark's status (their values differ)."""
    if value in set(ItemStatus):
        return item_status_words(value, language)
    if value in set(SessionStatus):
        return session_status_words(value, language)
    return attendance_words(value, language)  # an unknown one as it is


def changes_words(
    changes: Mapping[str, Any] | None, language: str | None = None, *, between: str = "; "
) -> str:
    """Old → new for each changed field, e.g. "Guardian's phone: — → 29111111; Active: yes → no"."""
    parts = []
    for field, value in (changes or {}).items():
        if isinstance(value, list | tuple) and len(value) == 2:
            old, new = (value_words(field, side, language) for side in value)
            parts.append(f"{field_words(field, language)}: {old} → {new}")
        else:
            parts.append(f"{field_words(field, language)}: {value_words(field, value, language)}")
    return between.join(parts)


def codes_shown_as(word: str) -> list[str]:
    """The action and record codes whose words on screen contain `word` (any case)."""
    folded = word.casefold()
    return [
        str(code)
        for table, words in ((ACTIONS, action_words), (ENTITIES, entity_words))
        for code in table
        if folded and folded in words(code).casefold()
    ]

"""The audit log's codes in the admin's words: what happened, to which record, which field.

The core writes plain codes ("participant.registered", "loan", "guardian_phone") into the
log; the page shows them through these tables, translated in the "audit" context. A code
missing here shows as it is (tests/unit/test_audit_words.py keeps the tables complete).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

# The core's typed marker (PySide6's own is typed as returning object); lupdate reads either.
from db.errors import QT_TRANSLATE_NOOP

CONTEXT = "audit"
EMPTY = "—"

# Action code (db/*.py, audit.record's third argument) → what happened.
ACTIONS: dict[str, str] = {
    "participant.registered": QT_TRANSLATE_NOOP("audit", "Child registered"),
    "participant.edited": QT_TRANSLATE_NOOP("audit", "Child's details changed"),
    "participant.archived": QT_TRANSLATE_NOOP("audit", "Child archived"),
    "participant.restored": QT_TRANSLATE_NOOP("audit", "Child brought back from the archive"),
    "participant.erased": QT_TRANSLATE_NOOP("audit", "Child's records erased"),
    "participant.exported": QT_TRANSLATE_NOOP("audit", "Child's records exported"),
    "consent.given": QT_TRANSLATE_NOOP("audit", "Consent given"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("audit", "Consent withdrawn"),
    "enrollment.added": QT_TRANSLATE_NOOP("audit", "Enrolled in a training cycle"),
    "attendance.checked_in": QT_TRANSLATE_NOOP("audit", "Checked in"),
    "attendance.marked": QT_TRANSLATE_NOOP("audit", "Attendance marked"),
    "attendance.undone": QT_TRANSLATE_NOOP("audit", "Check-in undone"),
    "item.added": QT_TRANSLATE_NOOP("audit", "Item added"),
    "item.edited": QT_TRANSLATE_NOOP("audit", "Item's details changed"),
    "item.status": QT_TRANSLATE_NOOP("audit", "Item's status changed"),
    "loan.lent": QT_TRANSLATE_NOOP("audit", "Item lent"),
    "loan.returned": QT_TRANSLATE_NOOP("audit", "Item returned"),
    "loan.note": QT_TRANSLATE_NOOP("audit", "Item's condition noted"),
    "loan.undone": QT_TRANSLATE_NOOP("audit", "Loan undone"),
    "loan.return_undone": QT_TRANSLATE_NOOP("audit", "Return undone"),
    "loan.part_kept_out": QT_TRANSLATE_NOOP("audit", "Part kept out: not back with its kit"),
    "program.created": QT_TRANSLATE_NOOP("audit", "Program created"),
    "session.created": QT_TRANSLATE_NOOP("audit", "Session scheduled"),
    "session.series_created": QT_TRANSLATE_NOOP("audit", "Weekly sessions scheduled"),
    "session.planned": QT_TRANSLATE_NOOP("audit", "Session planned again"),
    "session.held": QT_TRANSLATE_NOOP("audit", "Session held"),
    "session.cancelled": QT_TRANSLATE_NOOP("audit", "Session did not occur"),
    "session.headcount": QT_TRANSLATE_NOOP("audit", "Headcount changed"),
    "staff.added": QT_TRANSLATE_NOOP("audit", "Account added"),
    "staff.password": QT_TRANSLATE_NOOP("audit", "Password changed"),
    "staff.disabled": QT_TRANSLATE_NOOP("audit", "Account disabled"),
    "staff.locked": QT_TRANSLATE_NOOP("audit", "Account locked after wrong passwords"),
    "site.added": QT_TRANSLATE_NOOP("audit", "Site added"),
    "project.added": QT_TRANSLATE_NOOP("audit", "Project added"),
    "retention.changed": QT_TRANSLATE_NOOP("audit", "Retention period changed"),
    "retention.erase_stopped": QT_TRANSLATE_NOOP("audit", "Erasure past retention stopped"),
}

# Entity (audit.record's fourth argument) → the kind of record, as in "Child #12".
ENTITIES: dict[str, str] = {
    "participant": QT_TRANSLATE_NOOP("audit", "Child"),
    "consent": QT_TRANSLATE_NOOP("audit", "Consent"),
    "enrollment": QT_TRANSLATE_NOOP("audit", "Enrolment"),
    "attendance": QT_TRANSLATE_NOOP("audit", "Attendance"),
    "item": QT_TRANSLATE_NOOP("audit", "Item"),
    "loan": QT_TRANSLATE_NOOP("audit", "Loan"),
    "program": QT_TRANSLATE_NOOP("audit", "Program"),
    "session": QT_TRANSLATE_NOOP("audit", "Session"),
    "staff": QT_TRANSLATE_NOOP("audit", "Account"),
    "site": QT_TRANSLATE_NOOP("audit", "Site"),
    "project": QT_TRANSLATE_NOOP("audit", "Project"),
    "setting": QT_TRANSLATE_NOOP("audit", "Setting"),
}

# Field of an event's changes (audit.diff of a child or an item, and the fixed ones) → words.
FIELDS: dict[str, str] = {
    # a child (db/people.py _snapshot, set_archived)
    "first_name": QT_TRANSLATE_NOOP("audit", "First name"),
    "last_name": QT_TRANSLATE_NOOP("audit", "Last name"),
    "birth_year": QT_TRANSLATE_NOOP("audit", "Birth year"),
    "gender": QT_TRANSLATE_NOOP("audit", "Gender"),
    "site_id": QT_TRANSLATE_NOOP("audit", "Site"),
    "guardian_name": QT_TRANSLATE_NOOP("audit", "Guardian's name"),
    "guardian_phone": QT_TRANSLATE_NOOP("audit", "Guardian's phone"),
    "target_group": QT_TRANSLATE_NOOP("audit", "Target group"),
    "notes": QT_TRANSLATE_NOOP("audit", "Notes"),
    "archived": QT_TRANSLATE_NOOP("audit", "Archived"),
    # an item (db/equipment.py _snapshot)
    "name": QT_TRANSLATE_NOOP("audit", "Name"),
    "category": QT_TRANSLATE_NOOP("audit", "Category"),
    "serial_number": QT_TRANSLATE_NOOP("audit", "Serial number"),
    "project_id": QT_TRANSLATE_NOOP("audit", "Project"),
    "parent_id": QT_TRANSLATE_NOOP("audit", "Part of the kit"),
    # an item, a session or an attendance mark
    "status": QT_TRANSLATE_NOOP("audit", "Status"),
    # a session, an account
    "anonymous_headcount": QT_TRANSLATE_NOOP("audit", "Anonymous headcount"),
    "active": QT_TRANSLATE_NOOP("audit", "Active"),
    # the retention rule (db/privacy.py set_retention_rule)
    "years": QT_TRANSLATE_NOOP("audit", "Years kept"),
    "start": QT_TRANSLATE_NOOP("audit", "Counted from"),
}

YES = QT_TRANSLATE_NOOP("audit", "yes")
NO = QT_TRANSLATE_NOOP("audit", "no")
GENDERS: dict[str, str] = {
    "girl": QT_TRANSLATE_NOOP("audit", "girl"),
    "boy": QT_TRANSLATE_NOOP("audit", "boy"),
}
# What the retention period counts from (db/privacy.py RetentionStart).
STARTS: dict[str, str] = {
    "last_attendance": QT_TRANSLATE_NOOP("audit", "the last attendance"),
    "project_end": QT_TRANSLATE_NOOP("audit", "the project's end"),
}


def _translated(table: Mapping[str, str], code: str) -> str:
    source = table.get(code)
    if source is None:
        return code or EMPTY
    return QCoreApplication.translate(CONTEXT, source)


def action_words(code: str) -> str:
    """What happened, e.g. "Child registered"; an unknown code as it is."""
    return _translated(ACTIONS, code)


def entity_words(code: str) -> str:
    """The kind of record, e.g. "Child"; an unknown one as it is."""
    return _translated(ENTITIES, code)


def record_words(entity: str, entity_id: int | None) -> str:
    """Which record, e.g. "Child #12"."""
    return entity_words(entity) + (f" #{entity_id}" if entity_id is not None else "")


def field_words(field: str) -> str:
    """A changed field, e.g. "Guardian's phone"; an unknown one as it is."""
    return _translated(FIELDS, field)


def value_words(field: str, value: Any) -> str:
    """One side of old → new: yes/no, statuses, categories, genders… in words; "—" for none."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return QCoreApplication.translate(CONTEXT, YES if value else NO)
    if isinstance(value, str):
        if field == "status":
            return _status_words(value)
        if field == "category":
            return _category_words(value)
        if field == "gender" and value in GENDERS:
            return QCoreApplication.translate(CONTEXT, GENDERS[value])
        if field == "start" and value in STARTS:
            return QCoreApplication.translate(CONTEXT, STARTS[value])
    return str(value)


def _status_words(value: str) -> str:
    """An item's, a session's or an attendance mark's status (their values differ)."""
    from db.models import AttendanceStatus, ItemStatus, SessionStatus
    from desktop.dialogs.item_dialog import status_word
    from desktop.pages.session_words import attendance_text, status_text

    if value in _values(ItemStatus):
        return status_word(ItemStatus(value))
    if value in _values(SessionStatus):
        return status_text(SessionStatus(value))
    if value in _values(AttendanceStatus):
        return attendance_text(AttendanceStatus(value))
    return value


def _category_words(value: str) -> str:
    from db.models import ItemCategory
    from desktop.dialogs.item_dialog import category_word

    return category_word(ItemCategory(value)) if value in _values(ItemCategory) else value


def _values(kind: type[StrEnum]) -> set[str]:
    return {member.value for member in kind}


def changes_words(changes: Mapping[str, Any] | None) -> str:
    """Old → new for each changed field, e.g. "Guardian's phone: — → 29111111; Active: yes → no"."""
    parts = []
    for field, value in (changes or {}).items():
        if isinstance(value, list | tuple) and len(value) == 2:
            old, new = (value_words(field, side) for side in value)
            parts.append(f"{field_words(field)}: {old} → {new}")
        else:
            parts.append(f"{field_words(field)}: {value_words(field, value)}")
    return "; ".join(parts)


def codes_shown_as(word: str) -> list[str]:
    """The action and record codes whose words on screen contain `word` (any case)."""
    folded = word.casefold()
    return [
        code
        for table, words in ((ACTIONS, action_words), (ENTITIES, entity_words))
        for code in table
        if folded and folded in words(code).casefold()
    ]

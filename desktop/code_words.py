"""The words for the values of the core's enums, written once for the screens and the printouts.

A session's status, an attendance mark, how a child was checked in, an item's status and
category, a gender, a consent's purpose, yes and no: the Sessions page, the equipment
screens, the Audit log page and the access request all say them with these words.

They come from the printouts' gettext catalogue (desktop/words.py), not from Qt's tr(): a
printout speaks its own language, which need not be the screen's, and is made without Qt.
A screen asks in its own language (`language=None`: the one desktop.i18n.install chose), a
printout in the document's. Each kind has its context in the catalogue, so "Held" of a
session and any other "Held" may be translated apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from db.dates import current_language
from db.models import (
    AttendanceStatus,
    CheckInMethod,
    ConsentPurpose,
    Gender,
    ItemCategory,
    ItemStatus,
    SessionStatus,
)
from db.retention import RetentionStart
from desktop.words import NP_, words

SESSION_STATUS = "session status"
SESSION_STATUSES: dict[str, str] = {
    SessionStatus.PLANNED: NP_("session status", "Planned"),
    SessionStatus.HELD: NP_("session status", "Held"),
    SessionStatus.CANCELLED: NP_("session status", "Did not occur"),
}
ATTENDANCE_MARK = "attendance mark"
ATTENDANCE_MARKS: dict[str, str] = {
    AttendanceStatus.PRESENT: NP_("attendance mark", "Present"),
    AttendanceStatus.LATE: NP_("attendance mark", "Late"),
    AttendanceStatus.EXCUSED: NP_("attendance mark", "Excused"),
    AttendanceStatus.ABSENT: NP_("attendance mark", "Absent"),
}
CHECK_IN_METHOD = "check-in method"
CHECK_IN_METHODS: dict[str, str] = {
    CheckInMethod.SCAN: NP_("check-in method", "Card scanned at the desk"),
    CheckInMethod.NAME_SEARCH: NP_("check-in method", "Found by name at the desk"),
    CheckInMethod.KIOSK: NP_("check-in method", "Tapped own name at the kiosk"),
    CheckInMethod.AFTER_THE_FACT: NP_("check-in method", "Added afterwards"),
}
NOT_MARKED_YET = NP_("check-in method", "Not marked yet")
ITEM_STATUS = "item status"
ITEM_STATUSES: dict[str, str] = {
    ItemStatus.AVAILABLE: NP_("item status", "Available"),
    ItemStatus.IN_REPAIR: NP_("item status", "In repair"),
    ItemStatus.RETIRED: NP_("item status", "Retired"),
}
ITEM_CATEGORY = "item category"
ITEM_CATEGORIES: dict[str, str] = {
    ItemCategory.LAPTOP: NP_("item category", "Laptop"),
    ItemCategory.CAMERA: NP_("item category", "Camera"),
    ItemCategory.CONSOLE: NP_("item category", "Game console"),
    ItemCategory.CONTROLLER: NP_("item category", "Controller"),
    ItemCategory.GAME: NP_("item category", "Game"),
    ItemCategory.INTERACTIVE_TABLE: NP_("item category", "Interactive table"),
    ItemCategory.TV: NP_("item category", "TV"),
    ItemCategory.OTHER: NP_("item category", "Other"),
}
GENDER = "gender"
GENDERS: dict[str, str] = {
    Gender.GIRL: NP_("gender", "girl"),
    Gender.BOY: NP_("gender", "boy"),
}
CONSENT_PURPOSE = "consent purpose"
CONSENT_PURPOSES: dict[str, str] = {
    ConsentPurpose.PHOTO: NP_("consent purpose", "Photos"),
    ConsentPurpose.VIDEO: NP_("consent purpose", "Video"),
    ConsentPurpose.PUBLICATION: NP_("consent purpose", "Publication"),
    ConsentPurpose.DATA_PROCESSING: NP_("consent purpose", "Data processing"),
}
RETENTION_START = "retention start"
RETENTION_STARTS: dict[str, str] = {
    RetentionStart.LAST_ATTENDANCE: NP_("retention start", "the last attendance"),
    RetentionStart.PROJECT_END: NP_("retention start", "the project's end"),
}
ANSWER = "answer"
YES = NP_("answer", "yes")
NO = NP_("answer", "no")


def said(context: str, source: str, language: str | None = None) -> str:
    """One text of the catalogue in `language`, or in the screen's when none is given."""
    return words(language or current_language()).pgettext(context, source)


def _value(table: Mapping[str, str], context: str, value: str, language: str | None) -> str:
    """A value's words; a value the table does not know (a newer program's) as it is.
    The tables are keyed by the enums' members, which are their texts."""
    source = table.get(value)
    return said(context, source, language) if source is not None else value


def session_status_words(status: str, language: str | None = None) -> str:
    return _value(SESSION_STATUSES, SESSION_STATUS, status, language)


def attendance_words(mark: str, language: str | None = None) -> str:
    return _value(ATTENDANCE_MARKS, ATTENDANCE_MARK, mark, language)


def check_in_words(method: str | None, language: str | None = None) -> str:
    if method is None:
        return said(CHECK_IN_METHOD, NOT_MARKED_YET, language)
    return _value(CHECK_IN_METHODS, CHECK_IN_METHOD, method, language)


def item_status_words(status: str, language: str | None = None) -> str:
    return _value(ITEM_STATUSES, ITEM_STATUS, status, language)


def item_category_words(category: str, language: str | None = None) -> str:
    return _value(ITEM_CATEGORIES, ITEM_CATEGORY, category, language)


def gender_words(gender: str, language: str | None = None) -> str:
    return _value(GENDERS, GENDER, gender, language)


def consent_purpose_words(purpose: str, language: str | None = None) -> str:
    return _value(CONSENT_PURPOSES, CONSENT_PURPOSE, purpose, language)


def retention_start_words(start: str, language: str | None = None) -> str:
    return _value(RETENTION_STARTS, RETENTION_START, start, language)


def yes_no_words(answer: bool, language: str | None = None) -> str:
    return said(ANSWER, YES if answer else NO, language)

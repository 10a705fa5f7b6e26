"""How the Sessions page words a session's status, a child's attendance and how it was
recorded, and the plain cells of its tables (shared by the month list and the attendance sheet)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from db.models import AttendanceStatus, CheckInMethod, SessionStatus

INFO_STYLE = "color: #1b5e20;"
HELD_COLOUR = QColor("#2e7d32")
CANCELLED_COLOUR = QColor("#8a8a8a")


def status_text(status: SessionStatus) -> str:
    return {
        SessionStatus.PLANNED: QCoreApplication.translate("SessionsPage", "Planned"),
        SessionStatus.HELD: QCoreApplication.translate("SessionsPage", "Held"),
        SessionStatus.CANCELLED: QCoreApplication.translate("SessionsPage", "Did not occur"),
    }[status]


def attendance_text(status: AttendanceStatus) -> str:
    return {
        AttendanceStatus.PRESENT: QCoreApplication.translate("SessionsPage", "Present"),
        AttendanceStatus.LATE: QCoreApplication.translate("SessionsPage", "Late"),
        AttendanceStatus.EXCUSED: QCoreApplication.translate("SessionsPage", "Excused"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("SessionsPage", "Absent"),
    }[status]


def method_text(method: CheckInMethod | None) -> str:
    if method is None:
        return QCoreApplication.translate("SessionsPage", "Not marked yet")
    return {
        CheckInMethod.SCAN: QCoreApplication.translate("SessionsPage", "Card scanned at the desk"),
        CheckInMethod.NAME_SEARCH: QCoreApplication.translate(
            "SessionsPage", "Found by name at the desk"
        ),
        CheckInMethod.KIOSK: QCoreApplication.translate(
            "SessionsPage", "Tapped own name at the kiosk"
        ),
        CheckInMethod.AFTER_THE_FACT: QCoreApplication.translate(
            "SessionsPage", "Added afterwards"
        ),
    }[method]


def cell(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

"""Small widgets every page shares."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QPushButton

from db.dates import day_pattern

# The colours of a line that says what went wrong, and of one that says it went well.
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
DONE_STYLE = "color: #1b5e20;"


def page_title(text: str) -> QLabel:
    """A page's heading: bold and larger than the body text, the same on every page."""
    label = QLabel(text)
    label.setProperty("role", "title")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def problem_line() -> QLabel:
    """A dialog's line for what stops it, hidden until there is something to say."""
    line = QLabel()
    line.setObjectName("dialogMessage")
    line.setWordWrap(True)
    line.setStyleSheet(ERROR_STYLE)
    line.hide()
    return line


def ok_cancel(dialog: QDialog, name: str, text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named and worded for what it does) and Cancel, wired to the dialog."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(name)
    ok.setText(text)
    return buttons, ok


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def date_edit(value: date, name: str) -> QDateEdit:
    """A date field in the program's short format (dd.MM.yyyy; Lithuanian yyyy-MM-dd)."""
    edit = QDateEdit(to_qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(day_pattern())
    return edit


def no_photos_icon(size: int = 16) -> QIcon:
    """A red "no" sign: this child must not be photographed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#c62828"), 2))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.drawLine(4, size - 4, size - 4, 4)
    painter.end()
    return QIcon(pixmap)

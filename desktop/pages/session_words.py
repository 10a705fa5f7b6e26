"""The Sessions page's colours and the plain cells of its tables (shared by the month list and
the attendance sheet); the words for statuses and marks are desktop/code_words.py's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

INFO_STYLE = "color: #1b5e20;"
HELD_COLOUR = QColor("#2e7d32")
CANCELLED_COLOUR = QColor("#8a8a8a")


def cell(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

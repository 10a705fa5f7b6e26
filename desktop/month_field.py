"""A month typed the way librarians write it: `10.2018` (also `10/2018`, `2018-10`, `1 2019`),
shown as the screen's language writes dates (`10.2018`, Lithuanian `2018-10`).

QDateEdit with an `MM.yyyy` format drops a typed month (the keys land in the year
section), so the monthly report came out for the wrong month. A plain line edit that
parses the whole text does not; Up/Down step a month for those who prefer keys.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from db.dates import month_text

_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[./\- ]\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})\s*[./\-]\s*(\d{1,2})\s*$")


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a typed month, or None when it is not one."""
    if found := _MONTH_YEAR.match(text):
        month, year = int(found[1]), int(found[2])
    elif found := _YEAR_MONTH.match(text):
        year, month = int(found[1]), int(found[2])
    else:
        return None
    if not 1 <= month <= 12 or not 1900 <= year <= 2999:
        return None
    return year, month


class MonthField(QLineEdit):
    """Holds a month; `month()` is None while the text is not a month."""

    month_changed = Signal()

    def __init__(self, year: int, month: int) -> None:
        super().__init__(month_text(year, month))
        self.setPlaceholderText(self.tr("MM.YYYY"))
        self.setToolTip(self.tr("Month and year, e.g. 10.2018 (Up/Down: previous or next month)"))
        self.setMaxLength(10)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00.00000") + 24)
        self.textChanged.connect(self._typed)

    def month(self) -> tuple[int, int] | None:
        return parse_month(self.text())

    def set_month(self, year: int, month: int) -> None:
        self.setText(month_text(year, month))

    def _typed(self, _text: str) -> None:
        self.setStyleSheet("" if self.month() is not None else "border: 1px solid #b71c1c;")
        self.month_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        shown = self.month()
        if step is None or shown is None:
            super().keyPressEvent(event)
            return
        index = shown[0] * 12 + shown[1] - 1 + step
        self.set_month(index // 12, index % 12 + 1)

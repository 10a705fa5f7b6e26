"""The warning on a new child's form that the name and birth year are already registered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton

from db.search import FoundParticipant
from desktop.i18n import fill


class DuplicateNotice(QObject):
    """The warning (above the buttons) and "Open their record" (beside Save)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.found: list[FoundParticipant] = []
        self.warning = QLabel()
        self.warning.setObjectName("duplicateWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b44a; padding: 6px; color: #5a4300;"
        )
        self.open_button = QPushButton(self.tr("Open their record"))
        self.open_button.setObjectName("openDuplicate")

    def show_found(self, found: list[FoundParticipant]) -> None:
        """Point out the children found (none: the warning goes)."""
        self.found = found
        if found:
            names = ", ".join(
                f"{p.full_name} ({p.birth_year or '?'}, {p.card_code or '—'})" for p in found
            )
            self.warning.setText(
                fill(
                    self.tr(
                        "Already registered with this name and birth year: %1. "
                        "Open their record, or press “Register anyway” if this is another child."
                    ),
                    names,
                )
            )
        self.warning.setVisible(bool(found))
        self.open_button.setVisible(bool(found))

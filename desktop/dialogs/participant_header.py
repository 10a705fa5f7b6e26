"""The head of a child's form: their name and card, archived or not, and the buttons that
act on the whole record (archive or restore, an administrator's privacy work)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.participant_records import ParticipantRecord
from db.privacy import ERASED_FIRST_NAME
from desktop.i18n import fill
from desktop.widgets import page_title


class ChildHeader(QWidget):
    """Who the form shows; the form connects the buttons and menu entries to its actions."""

    def __init__(self) -> None:
        super().__init__()
        self.title = page_title("")
        self.title.setObjectName("formTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("formSubtitle")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.archived_badge = QLabel(self.tr("Archived"))
        self.archived_badge.setObjectName("archivedBadge")
        self.archived_badge.setStyleSheet(
            "background: #666; color: white; padding: 2px 8px; border-radius: 3px;"
        )
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archiveButton")
        # An administrator's privacy work on the child shown (see desktop/dialogs/privacy.py).
        self.privacy_button = QToolButton()
        self.privacy_button.setObjectName("privacyButton")
        self.privacy_button.setText(self.tr("Privacy"))
        self.privacy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.privacy_button)
        self.access_action = menu.addAction(
            self.tr("Everything stored about this child (access request)…")
        )
        self.erase_action = menu.addAction(self.tr("Erase this child's records…"))
        self.privacy_button.setMenu(menu)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(names, 1)
        row.addWidget(self.archived_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.privacy_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_nobody(self) -> None:
        self.title.clear()
        self.subtitle.clear()
        self._record_buttons(False)

    def show_new(self) -> None:
        self.title.setText(self.tr("New participant"))
        self.subtitle.setText(self.tr("A card code is given when the child is registered."))
        self._record_buttons(False)

    def show_record(self, record: ParticipantRecord) -> None:
        details = record.details
        self.title.setText(f"{details.first_name} {details.last_name}")
        card = record.card_code or "—"
        self.subtitle.setText(fill(self.tr("Card %1 · %2"), card, record.site_name))
        self.archived_badge.setVisible(record.archived)
        self.archive_button.show()
        self.archive_button.setText(self.tr("Restore") if record.archived else self.tr("Archive"))
        self.erase_action.setEnabled(details.first_name != ERASED_FIRST_NAME)

    def _record_buttons(self, shown: bool) -> None:
        """Archiving and privacy work need a registered child."""
        self.archived_badge.setVisible(shown)
        self.archive_button.setVisible(shown)
        self.privacy_button.setVisible(shown)

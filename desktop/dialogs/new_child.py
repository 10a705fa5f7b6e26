"""A walk-in: register a new child and check them in, in one short dialog.

At the desk while the shared server is away, the child is registered on this laptop's copy
and in its journal (db.offline), and reaches the server with the rest of the journal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.clock import now_utc
from db.database import Database
from db.errors import DomainError
from db.models import ConsentPurpose
from db.offline.at_the_desk import walk_in_offline
from db.offline.desk import ServerAway, unless_away
from db.people import ParticipantDetails, register_walk_in
from db.search import FoundParticipant, possible_duplicates
from desktop.code_words import consent_purpose_words
from desktop.context import AppContext, Work
from desktop.errors import server_unreachable, translate_error
from desktop.i18n import fill
from desktop.offline_desk import OfflineDesk


class NewChildDialog(QDialog):
    """First and last name, birth year, guardian and consents; a possible duplicate is shown."""

    registered = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, offline: OfflineDesk | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.offline = ctx, offline
        self.setObjectName("newChildDialog")
        self.setWindowTitle(self.tr("New child"))
        self.setMinimumWidth(460)

        self.first_name = QLineEdit()
        self.first_name.setObjectName("firstName")
        self.last_name = QLineEdit()
        self.last_name.setObjectName("lastName")
        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(1999, date.today().year)
        self.birth_year.setSpecialValueText(self.tr("unknown"))
        self.birth_year.setValue(1999)  # the special "unknown" value until typed
        self.guardian_name = QLineEdit()
        self.guardian_name.setObjectName("guardianName")
        self.guardian_phone = QLineEdit()
        self.guardian_phone.setObjectName("guardianPhone")
        self.guardian_phone.setPlaceholderText("+371 2…")
        self.consents = {
            purpose: QCheckBox(consent_purpose_words(purpose)) for purpose in ConsentPurpose
        }
        for purpose, box in self.consents.items():
            box.setObjectName(f"consent_{purpose.value}")

        self.duplicates = QLabel()
        self.duplicates.setObjectName("duplicateWarning")
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet("background: #fff3cd; padding: 6px; border-radius: 4px;")
        self.duplicates.hide()
        self.use_existing = QPushButton()
        self.use_existing.setObjectName("useExisting")
        self.use_existing.hide()
        self.use_existing.clicked.connect(self._check_in_existing)
        self._existing: list[FoundParticipant] = []

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("Birth year"), self.birth_year)
        form.addRow(self.tr("Guardian"), self.guardian_name)
        form.addRow(self.tr("Guardian's phone"), self.guardian_phone)
        consent_box = QVBoxLayout()
        for box in self.consents.values():
            consent_box.addWidget(box)
        form.addRow(self.tr("The guardian consents to"), consent_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save and check in"))
        save.setObjectName("saveChild")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.use_existing)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for field in (self.first_name, self.last_name):
            field.editingFinished.connect(self.look_for_duplicates)
        self.birth_year.valueChanged.connect(lambda _v: self.look_for_duplicates())

    def _year(self) -> int | None:
        year = self.birth_year.value()
        return None if year == self.birth_year.minimum() else year

    def look_for_duplicates(self) -> None:
        """Point out children already registered with this name and birth year (read on the
        worker; only the answer for the newest name typed is shown)."""
        first, last, year = (
            self.first_name.text().strip(),
            self.last_name.text().strip(),
            self._year(),
        )
        if not (first and last):
            self._show_duplicates([])
            return
        (self.offline or self.ctx).query(  # while the server is away: on the copy
            self, lambda db, by: possible_duplicates(db, first, last, year, by=by)
        ).latest("duplicates").success(self._show_duplicates).run()

    def _show_duplicates(self, found: list[FoundParticipant]) -> None:
        self._existing = found
        if not found:
            self.duplicates.hide()
            self.use_existing.hide()
            return
        names = ", ".join(f"{p.full_name} ({p.birth_year or '?'})" for p in found)
        self.duplicates.setText(
            fill(self.tr("Already registered: %1. Is this the same child?"), names)
        )
        self.use_existing.setText(fill(self.tr("Check in %1 instead"), found[0].full_name))
        self.duplicates.show()
        self.use_existing.show()

    def _check_in_existing(self) -> None:
        if self._existing:
            self.registered.emit(self._existing[0].id)
            self.accept()

    def details(self) -> ParticipantDetails:
        site_id = self.ctx.site_id
        assert site_id is not None
        return ParticipantDetails(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_year=self._year(),
            site_id=site_id,
            guardian_name=self.guardian_name.text(),
            guardian_phone=self.guardian_phone.text(),
        )

    def save(self) -> None:
        details = self.details()
        consents = [purpose for purpose, box in self.consents.items() if box.isChecked()]
        given_by = self.guardian_name.text().strip()
        self.buttons.setEnabled(False)

        today, offline = date.today(), self.offline

        def saved(participant_id: int | ServerAway) -> None:
            if not isinstance(participant_id, ServerAway):
                self.registered.emit(participant_id)
                self.accept()
            elif offline is not None and offline.go_away(now_utc()):
                # The same child, on this laptop's copy: once this operation has ended (its
                # `finally_` gives the buttons back first).
                QTimer.singleShot(0, self, self.save)
            else:
                self.problem.setText(server_unreachable())

        def refused(error: BaseException, _details: str) -> None:
            assert isinstance(error, DomainError)
            self.problem.setText(translate_error(error))

        work: Work[int | ServerAway]
        if offline is not None and offline.away:
            copy, journal = offline.database(), offline.journal

            def work(_db: Database, by: int | None) -> int | ServerAway:
                recorded = walk_in_offline(
                    copy, journal, details, consents, given_by, today, by=by, at=now_utc()
                )
                assert recorded.result is not None
                return recorded.result

        else:

            def work(db: Database, by: int | None) -> int | ServerAway:
                return unless_away(
                    lambda: register_walk_in(db, details, consents, given_by, today, by=by)
                )

        self.ctx.operation(self, work).success(saved).failure(refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

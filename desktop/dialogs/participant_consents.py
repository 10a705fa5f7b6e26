"""The consents section of a child's form: what the guardian agreed to, given and withdrawn.

The section shows a record and turns a click into the use case's work; the form runs it
(one action at a time, as the librarian who clicked) and shows the child again after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db import people
from db.dates import day_text
from db.models import ConsentPurpose
from db.participant_records import ParticipantRecord
from desktop.code_words import consent_purpose_words
from desktop.context import Work
from desktop.i18n import fill
from desktop.widgets import DONE_STYLE, ERROR_STYLE, date_edit, from_qdate

PURPOSES = (
    ConsentPurpose.PHOTO,
    ConsentPurpose.VIDEO,
    ConsentPurpose.PUBLICATION,
    ConsentPurpose.DATA_PROCESSING,
)
# The form's way to run a section's work: (work, what to say when it is done).
Act = Callable[[Work[Any], str], None]


class ConsentRow:
    """One purpose's line: its state, and the button that changes it."""

    def __init__(self, purpose: ConsentPurpose, title: str) -> None:
        key = purpose.value
        self.purpose = purpose
        self.title = QLabel(title)
        self.status = QLabel()
        self.status.setObjectName(f"consentStatus_{key}")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.give = QPushButton()
        self.give.setObjectName(f"giveConsent_{key}")
        self.withdraw = QPushButton()
        self.withdraw.setObjectName(f"withdrawConsent_{key}")


class ConsentSection(QGroupBox):
    """Who gave the consents and when, and one line per purpose with Give or Withdraw."""

    def __init__(self, act: Act, problem: Callable[[str], None]) -> None:
        super().__init__()
        self.setTitle(self.tr("Consents"))
        self.setObjectName("consentBox")
        self._act = act
        self._problem = problem
        self.participant_id: int | None = None

        self.given_by = QLineEdit()
        self.given_by.setObjectName("consentGivenBy")
        self.given_by.setMaxLength(160)
        self.given_by.setPlaceholderText(self.tr("the guardian who signed"))
        self.day = date_edit(date.today(), "consentDate")

        titles = {purpose: consent_purpose_words(purpose) for purpose in ConsentPurpose}
        self.rows: dict[ConsentPurpose, ConsentRow] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(QLabel(self.tr("Given by")), 0, 0)
        grid.addWidget(self.given_by, 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Date")), 1, 0)
        date_row = QHBoxLayout()
        date_row.addWidget(self.day)
        date_row.addStretch(1)
        grid.addLayout(date_row, 1, 1, 1, 2)
        for line, purpose in enumerate(PURPOSES, start=2):
            row = ConsentRow(purpose, titles[purpose])
            row.give.setText(self.tr("Give"))
            row.give.setToolTip(self.tr("Record the consent with the name and date above."))
            row.withdraw.setText(self.tr("Withdraw"))
            row.withdraw.setToolTip(self.tr("The consent ends on the date above."))
            row.give.clicked.connect(lambda _c=False, p=purpose: self.give(p))
            row.withdraw.clicked.connect(lambda _c=False, p=purpose: self.withdraw(p))
            grid.addWidget(row.title, line, 0)
            grid.addWidget(row.status, line, 1)
            grid.addWidget(row.give, line, 2)
            grid.addWidget(row.withdraw, line, 2)
            self.rows[purpose] = row

        box = QVBoxLayout(self)
        self.hint = QLabel(
            self.tr("Consents can be recorded once the new participant is registered.")
        )
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.grid = QWidget()
        self.grid.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.grid)

    def show_unregistered(self) -> None:
        """A child not registered yet has no consents to record."""
        self.participant_id = None
        self.hint.show()
        self.grid.hide()

    def show_record(self, record: ParticipantRecord) -> None:
        self.participant_id = record.id
        self.given_by.setText(record.details.guardian_name)
        self.hint.hide()
        self.grid.show()
        for purpose, row in self.rows.items():
            active = record.active_consent(purpose)
            if active is not None:
                text = fill(
                    self.tr("Given on %1 by %2"),
                    day_text(active.given_on),
                    active.given_by or self.tr("(name not written)"),
                )
                row.status.setStyleSheet(DONE_STYLE)
            else:
                last = next((c for c in reversed(record.consents) if c.purpose is purpose), None)
                if purpose is ConsentPurpose.PHOTO:
                    text = self.tr("Not given: no photos of this child")
                else:
                    text = self.tr("Not given")
                if last is not None and last.withdrawn_on is not None:
                    withdrawn = fill(self.tr("Withdrawn on %1"), day_text(last.withdrawn_on))
                    text = f"{text} · {withdrawn}"
                row.status.setStyleSheet(ERROR_STYLE if purpose is ConsentPurpose.PHOTO else "")
            row.status.setText(text)
            row.give.setVisible(active is None)
            row.withdraw.setVisible(active is not None)

    def give(self, purpose: ConsentPurpose) -> None:
        """Record a consent for one purpose, given by the named person on the chosen date."""
        participant_id = self.participant_id
        if participant_id is None:
            return
        given_by = " ".join(self.given_by.text().split())
        if not given_by:
            self._problem(self.tr("Write who gave the consent."))
            self.given_by.setFocus()
            return
        given_on = from_qdate(self.day.date())
        self._act(
            lambda db, by: people.record_consent(
                db, participant_id, purpose, given_by, given_on, by=by
            ),
            self.tr("Consent recorded."),
        )

    def withdraw(self, purpose: ConsentPurpose) -> None:
        """End a consent on the chosen date; that it was once given stays on record."""
        participant_id = self.participant_id
        if participant_id is None:
            return
        on = from_qdate(self.day.date())
        self._act(
            lambda db, by: people.withdraw_consent(db, participant_id, purpose, on, by=by),
            self.tr("Consent withdrawn."),
        )

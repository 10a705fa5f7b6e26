"""The enrolments section of a child's form: the closed training cycles they take part in.

Like the consents section, it shows a record and hands the form the work of a click.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import people
from db.dates import day_text
from db.participant_records import ParticipantRecord
from desktop.dialogs.participant_consents import Act
from desktop.i18n import fill
from desktop.widgets import date_edit, from_qdate


class EnrolmentSection(QGroupBox):
    """The cycles a child is enrolled in, and the choice of one more with its first day."""

    def __init__(self, act: Act) -> None:
        super().__init__()
        self.setTitle(self.tr("Closed training cycles"))
        self.setObjectName("enrolBox")
        self._act = act
        self.participant_id: int | None = None

        self.enrolment_list = QListWidget()
        self.enrolment_list.setObjectName("enrolmentList")
        self.enrolment_list.setMaximumHeight(90)
        self.program = QComboBox()
        self.program.setObjectName("enrolProgram")
        self.program.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.program.setMinimumContentsLength(12)
        self.day = date_edit(date.today(), "enrolDate")
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self.enrol_selected)
        self.hint = QLabel()
        self.hint.setObjectName("enrolHint")
        self.hint.setWordWrap(True)

        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addStretch(1)
        when.addWidget(self.enrol_button)
        row = QFormLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row.addRow(self.tr("Enrol in"), self.program)
        row.addRow(self.tr("From"), when)
        self.enrol_row = QWidget()
        self.enrol_row.setLayout(row)

        box = QVBoxLayout(self)
        box.addWidget(self.enrolment_list)
        box.addWidget(self.hint)
        box.addWidget(self.enrol_row)

    def show_unregistered(self) -> None:
        """A child not registered yet is enrolled after registering."""
        self.participant_id = None
        self.enrolment_list.clear()
        self.hide()

    def show_record(self, record: ParticipantRecord, choices: list[tuple[int, str]]) -> None:
        """`choices`: the cycles of the child's site they are not enrolled in (id, name)."""
        self.participant_id = record.id
        self.enrolment_list.clear()
        for enrolment in record.enrollments:
            name, joined = enrolment.program_name, day_text(enrolment.joined_on)
            if enrolment.left_on is None:
                line = fill(self.tr("%1, since %2"), name, joined)
            else:
                line = fill(self.tr("%1, %2 – %3"), name, joined, day_text(enrolment.left_on))
            self.enrolment_list.addItem(line)
        self.enrolment_list.setVisible(bool(record.enrollments))
        self.program.clear()
        for program_id, name in choices:
            self.program.addItem(name, program_id)
        self.enrol_row.setVisible(bool(choices))
        if not record.enrollments and not choices:
            self.hint.setText(self.tr("This site has no closed training cycle yet."))
        elif not record.enrollments:
            self.hint.setText(self.tr("Not enrolled in any training cycle."))
        elif not choices:
            self.hint.setText(self.tr("Enrolled in every training cycle of this site."))
        else:
            self.hint.clear()
        self.hint.setVisible(bool(self.hint.text()))
        self.show()

    def enrol_selected(self) -> None:
        """Enrol the child in the chosen closed training cycle from the chosen date."""
        participant_id, program_id = self.participant_id, self.program.currentData()
        if participant_id is None or program_id is None:
            return
        joined_on = from_qdate(self.day.date())
        self._act(
            lambda db, by: people.enrol(db, participant_id, program_id, joined_on, by=by),
            self.tr("Enrolled."),
        )

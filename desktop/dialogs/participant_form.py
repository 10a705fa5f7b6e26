"""The edit form of one child: details, consents and training-cycle enrolments.

Used by the Participants page. Writes go through Operation; refusals are shown in a red
line above the form, in the librarian's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import people
from db.dates import day_pattern, day_text
from db.errors import DomainError
from db.models import ConsentPurpose, Gender
from db.people import (
    OLDEST_BIRTH_YEAR,
    FoundParticipant,
    ParticipantDetails,
    ParticipantRecord,
)
from db.privacy import ERASED_FIRST_NAME
from desktop.context import AppContext
from desktop.dialogs.privacy import confirm_erasure, save_access_request
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.widgets import DONE_STYLE, ERROR_STYLE, page_title

# The spin box's lowest value stands for "birth year not known".
UNKNOWN_YEAR = OLDEST_BIRTH_YEAR - 1
PURPOSES = (
    ConsentPurpose.PHOTO,
    ConsentPurpose.VIDEO,
    ConsentPurpose.PUBLICATION,
    ConsentPurpose.DATA_PROCESSING,
)


def date_pattern() -> str:
    """The program's short date format (dd.MM.yyyy; Lithuanian yyyy-MM-dd)."""
    return day_pattern()


def date_text(day: date) -> str:
    return day_text(day)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setDisplayFormat(date_pattern())
    edit.setCalendarPopup(True)
    return edit


def _py_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _ConsentRow:
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


class ParticipantForm(QWidget):
    """Shows one child for editing, or a blank form for a new one."""

    # The child now shown (after opening or registering), for the list to select.
    opened = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("participantForm")
        self.record: ParticipantRecord | None = None
        self.is_new = False
        self.dirty = False
        self._loading = False
        self._busy = False
        # The name and year the duplicate warning was shown for: Save then registers anyway.
        self._warned_for: tuple[str, str, int | None] | None = None
        self.duplicates: list[FoundParticipant] = []
        # False while the form holds a record read for a librarian: the mark was not given.
        self._mark_known = True

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(300)
        self._duplicate_timer.timeout.connect(self.check_duplicates)

        self._build_header()
        self._build_details()
        self._build_consents()
        self._build_enrolments()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.details_box)
        column.addWidget(self.consent_box)
        column.addWidget(self.enrol_box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)

        self.empty_hint = QLabel(self.tr("Choose a child in the list, or add a new participant."))
        self.empty_hint.setObjectName("formEmptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.empty_hint, 1)
        self.clear()
        self._show_for_role()
        ctx.staff_changed.connect(self._signed_in)

    # --- building -------------------------------------------------------------------------

    def _build_header(self) -> None:
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
        self.archive_button.clicked.connect(self.archive_or_restore)
        # An administrator's privacy work on the child shown (see desktop/dialogs/privacy.py).
        self.privacy_button = QToolButton()
        self.privacy_button.setObjectName("privacyButton")
        self.privacy_button.setText(self.tr("Privacy"))
        self.privacy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.privacy_button)
        self.access_action = menu.addAction(
            self.tr("Everything stored about this child (access request)…")
        )
        self.access_action.triggered.connect(self.save_access_request)
        self.erase_action = menu.addAction(self.tr("Erase this child's records…"))
        self.erase_action.triggered.connect(self.erase)
        self.privacy_button.setMenu(menu)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        self.header = QHBoxLayout()
        self.header.addLayout(names, 1)
        self.header.addWidget(self.archived_badge, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.privacy_button, 0, Qt.AlignmentFlag.AlignTop)

        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.hide()

    def _build_details(self) -> None:
        self.first_name = QLineEdit()
        self.first_name.setObjectName("firstName")
        self.first_name.setMaxLength(80)
        self.last_name = QLineEdit()
        self.last_name.setObjectName("lastName")
        self.last_name.setMaxLength(80)
        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(UNKNOWN_YEAR, date.today().year)
        self.birth_year.setSpecialValueText(self.tr("not known"))
        self.birth_year.setValue(UNKNOWN_YEAR)
        self.birth_year.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no change by a stray wheel
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        self.gender.addItem(self.tr("not stated"), "")
        self.gender.addItem(self.tr("girl"), Gender.GIRL.value)
        self.gender.addItem(self.tr("boy"), Gender.BOY.value)
        self.site = QComboBox()
        self.site.setObjectName("formSite")
        for site_id, name, _country in self.ctx.sites:
            self.site.addItem(name, site_id)
        self.guardian_name = QLineEdit()
        self.guardian_name.setObjectName("guardianName")
        self.guardian_name.setMaxLength(160)
        self.guardian_phone = QLineEdit()
        self.guardian_phone.setObjectName("guardianPhone")
        self.guardian_phone.setMaxLength(40)
        self.target_group = QCheckBox(self.tr("Target group (social-risk family)"))
        self.target_group.setObjectName("targetGroup")
        self.target_group.setToolTip(
            self.tr(
                "Sensitive: shown only on this page and only ever counted in reports, "
                "never printed by name."
            )
        )
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)

        self.duplicate_warning = QLabel()
        self.duplicate_warning.setObjectName("duplicateWarning")
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b44a; padding: 6px; color: #5a4300;"
        )
        self.open_duplicate = QPushButton(self.tr("Open their record"))
        self.open_duplicate.setObjectName("openDuplicate")
        self.open_duplicate.clicked.connect(self._open_first_duplicate)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("Birth year"), self.birth_year)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Guardian"), self.guardian_name)
        form.addRow(self.tr("Guardian's phone"), self.guardian_phone)
        form.addRow("", self.target_group)
        form.addRow(self.tr("Notes"), self.notes)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_duplicate)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.details_box = QGroupBox(self.tr("Details"))
        box = QVBoxLayout(self.details_box)
        box.addLayout(form)
        box.addWidget(self.duplicate_warning)
        box.addLayout(buttons)
        # Only now, inside the box: a row shown before would flash up as a window of its own.
        form.setRowVisible(self.site, len(self.ctx.sites) > 1)

        for edit in (self.first_name, self.last_name, self.guardian_name, self.guardian_phone):
            edit.textEdited.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.birth_year.valueChanged.connect(self._changed)
        self.gender.currentIndexChanged.connect(self._changed)
        self.site.currentIndexChanged.connect(self._changed)
        self.target_group.toggled.connect(self._changed)
        for edit in (self.first_name, self.last_name):
            edit.textChanged.connect(self._name_or_year_changed)
        self.birth_year.valueChanged.connect(self._name_or_year_changed)

    def _build_consents(self) -> None:
        self.consent_given_by = QLineEdit()
        self.consent_given_by.setObjectName("consentGivenBy")
        self.consent_given_by.setMaxLength(160)
        self.consent_given_by.setPlaceholderText(self.tr("the guardian who signed"))
        self.consent_date = _date_edit("consentDate")

        titles = {
            ConsentPurpose.PHOTO: self.tr("Photos"),
            ConsentPurpose.VIDEO: self.tr("Video"),
            ConsentPurpose.PUBLICATION: self.tr("Publication"),
            ConsentPurpose.DATA_PROCESSING: self.tr("Data processing"),
        }
        self.consent_rows: dict[ConsentPurpose, _ConsentRow] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(QLabel(self.tr("Given by")), 0, 0)
        grid.addWidget(self.consent_given_by, 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Date")), 1, 0)
        date_row = QHBoxLayout()
        date_row.addWidget(self.consent_date)
        date_row.addStretch(1)
        grid.addLayout(date_row, 1, 1, 1, 2)
        for line, purpose in enumerate(PURPOSES, start=2):
            row = _ConsentRow(purpose, titles[purpose])
            row.give.setText(self.tr("Give"))
            row.give.setToolTip(self.tr("Record the consent with the name and date above."))
            row.withdraw.setText(self.tr("Withdraw"))
            row.withdraw.setToolTip(self.tr("The consent ends on the date above."))
            row.give.clicked.connect(lambda _c=False, p=purpose: self.give_consent(p))
            row.withdraw.clicked.connect(lambda _c=False, p=purpose: self.withdraw_consent(p))
            grid.addWidget(row.title, line, 0)
            grid.addWidget(row.status, line, 1)
            grid.addWidget(row.give, line, 2)
            grid.addWidget(row.withdraw, line, 2)
            self.consent_rows[purpose] = row

        self.consent_box = QGroupBox(self.tr("Consents"))
        self.consent_box.setObjectName("consentBox")
        box = QVBoxLayout(self.consent_box)
        self.consent_hint = QLabel(
            self.tr("Consents can be recorded once the new participant is registered.")
        )
        self.consent_hint.setWordWrap(True)
        box.addWidget(self.consent_hint)
        self.consent_grid = QWidget()
        self.consent_grid.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.consent_grid)

    def _build_enrolments(self) -> None:
        self.enrolment_list = QListWidget()
        self.enrolment_list.setObjectName("enrolmentList")
        self.enrolment_list.setMaximumHeight(90)
        self.enrol_program = QComboBox()
        self.enrol_program.setObjectName("enrolProgram")
        self.enrol_program.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.enrol_program.setMinimumContentsLength(12)
        self.enrol_date = _date_edit("enrolDate")
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self.enrol_selected)
        self.enrol_hint = QLabel()
        self.enrol_hint.setObjectName("enrolHint")
        self.enrol_hint.setWordWrap(True)

        when = QHBoxLayout()
        when.addWidget(self.enrol_date)
        when.addStretch(1)
        when.addWidget(self.enrol_button)
        row = QFormLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row.addRow(self.tr("Enrol in"), self.enrol_program)
        row.addRow(self.tr("From"), when)
        self.enrol_row = QWidget()
        self.enrol_row.setLayout(row)

        self.enrol_box = QGroupBox(self.tr("Closed training cycles"))
        self.enrol_box.setObjectName("enrolBox")
        box = QVBoxLayout(self.enrol_box)
        box.addWidget(self.enrolment_list)
        box.addWidget(self.enrol_hint)
        box.addWidget(self.enrol_row)

    # --- showing --------------------------------------------------------------------------

    @property
    def participant_id(self) -> int | None:
        return None if self.record is None else self.record.id

    def clear(self) -> None:
        """Nothing chosen: only a hint where the form would be."""
        self.record = None
        self.is_new = False
        self.dirty = False
        self.title.clear()
        self.subtitle.clear()
        self.archived_badge.hide()
        self.archive_button.hide()
        self.privacy_button.hide()
        self.scroll_area.hide()
        self.message.hide()
        self.empty_hint.show()

    def start_new(self, site_id: int | None) -> None:
        """A blank form for a child not yet registered."""
        self.record = None
        self.is_new = True
        self._fill(ParticipantDetails("", "", None, site_id or 0))
        self._show_for_role()
        self.title.setText(self.tr("New participant"))
        self.subtitle.setText(self.tr("A card code is given when the child is registered."))
        self.archived_badge.hide()
        self.archive_button.hide()
        self.privacy_button.hide()
        self.save_button.setText(self.tr("Register"))
        self.consent_hint.show()
        self.consent_grid.hide()
        self.enrolment_list.clear()
        self.enrol_box.hide()
        self.message.hide()
        self.empty_hint.hide()
        self.scroll_area.show()
        self.first_name.setFocus()

    def show_participant(self, participant_id: int) -> None:
        """Read one child and show them; the form then holds no unsaved changes."""
        record = people.participant_record(self.ctx.database, participant_id, by=self.ctx.staff_id)
        choices = people.enrolment_choices(self.ctx.database, participant_id)
        if self.record is None or self.record.id != participant_id:
            self.message.hide()
        self._show_record(record, choices)
        self.opened.emit(participant_id)

    def refresh(self) -> None:
        """Read the shown child again after a change elsewhere, unless edits are pending."""
        if self.record is None or self.dirty:
            return
        try:
            self.show_participant(self.record.id)
        except DomainError:  # gone from under us
            self.clear()

    def _show_record(self, record: ParticipantRecord, choices: list[tuple[int, str]]) -> None:
        self.record = record
        self.is_new = False
        self._fill(record.details)
        details = record.details
        self.title.setText(f"{details.first_name} {details.last_name}")
        card = record.card_code or "—"
        self.subtitle.setText(fill(self.tr("Card %1 · %2"), card, record.site_name))
        self.archived_badge.setVisible(record.archived)
        self.archive_button.show()
        self.archive_button.setText(self.tr("Restore") if record.archived else self.tr("Archive"))
        self._show_for_role()
        self.erase_action.setEnabled(record.details.first_name != ERASED_FIRST_NAME)
        self.save_button.setText(self.tr("Save"))
        self.consent_given_by.setText(details.guardian_name)
        self.consent_hint.hide()
        self.consent_grid.show()
        self._show_consents(record)
        self._show_enrolments(record, choices)
        self.empty_hint.hide()
        self.scroll_area.show()

    def _signed_in(self, _staff_id: int = 0) -> None:
        """Another account at the desk: read the shown child again as that account reads it."""
        self.refresh()
        self._show_for_role()

    def _show_for_role(self, _staff_id: int = 0) -> None:
        """Privacy work and the target-group mark are an administrator's (the use cases
        refuse others too)."""
        admin = self.ctx.is_admin
        self.privacy_button.setVisible(self.record is not None and admin)
        # The target-group mark is an administrator's to see and set; a librarian's save
        # keeps whatever it is.
        self.target_group.setVisible(admin and self._mark_known)

    def _fill(self, details: ParticipantDetails) -> None:
        self._loading = True
        try:
            self.first_name.setText(details.first_name)
            self.last_name.setText(details.last_name)
            self.birth_year.setValue(details.birth_year or UNKNOWN_YEAR)
            self.gender.setCurrentIndex(
                max(0, self.gender.findData(details.gender.value if details.gender else ""))
            )
            self.site.setCurrentIndex(max(0, self.site.findData(details.site_id)))
            self.guardian_name.setText(details.guardian_name)
            self.guardian_phone.setText(details.guardian_phone)
            self._mark_known = details.target_group is not None
            self.target_group.setChecked(bool(details.target_group))
            self.notes.setPlainText(details.notes)
        finally:
            self._loading = False
        self.dirty = False
        self._warned_for = None
        self._show_duplicates([])

    def _show_consents(self, record: ParticipantRecord) -> None:
        for purpose, row in self.consent_rows.items():
            active = record.active_consent(purpose)
            if active is not None:
                text = fill(
                    self.tr("Given on %1 by %2"),
                    date_text(active.given_on),
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
                    withdrawn = fill(self.tr("Withdrawn on %1"), date_text(last.withdrawn_on))
                    text = f"{text} · {withdrawn}"
                row.status.setStyleSheet(ERROR_STYLE if purpose is ConsentPurpose.PHOTO else "")
            row.status.setText(text)
            row.give.setVisible(active is None)
            row.withdraw.setVisible(active is not None)

    def _show_enrolments(self, record: ParticipantRecord, choices: list[tuple[int, str]]) -> None:
        self.enrolment_list.clear()
        for enrolment in record.enrollments:
            name, joined = enrolment.program_name, date_text(enrolment.joined_on)
            if enrolment.left_on is None:
                line = fill(self.tr("%1, since %2"), name, joined)
            else:
                line = fill(self.tr("%1, %2 – %3"), name, joined, date_text(enrolment.left_on))
            self.enrolment_list.addItem(line)
        self.enrolment_list.setVisible(bool(record.enrollments))
        self.enrol_program.clear()
        for program_id, name in choices:
            self.enrol_program.addItem(name, program_id)
        self.enrol_row.setVisible(bool(choices))
        if not record.enrollments and not choices:
            self.enrol_hint.setText(self.tr("This site has no closed training cycle yet."))
        elif not record.enrollments:
            self.enrol_hint.setText(self.tr("Not enrolled in any training cycle."))
        elif not choices:
            self.enrol_hint.setText(self.tr("Enrolled in every training cycle of this site."))
        else:
            self.enrol_hint.clear()
        self.enrol_hint.setVisible(bool(self.enrol_hint.text()))
        self.enrol_box.show()

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.message.show()

    # --- editing --------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.dirty = True

    def _name_or_year_changed(self, *_args: Any) -> None:
        if self.is_new and not self._loading:
            self._duplicate_timer.start()

    def details(self) -> ParticipantDetails:
        """What the form holds now, as the use cases take it."""
        year = self.birth_year.value()
        gender = self.gender.currentData()
        return ParticipantDetails(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_year=None if year == UNKNOWN_YEAR else year,
            site_id=self.site.currentData() or 0,
            gender=Gender(gender) if gender else None,
            guardian_name=self.guardian_name.text(),
            guardian_phone=self.guardian_phone.text(),
            # A mark not shown (to a librarian, or not read for this account) stays as it is.
            target_group=None if self.target_group.isHidden() else self.target_group.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def _duplicate_key(self) -> tuple[str, str, int | None]:
        d = self.details()
        return (" ".join(d.first_name.split()), " ".join(d.last_name.split()), d.birth_year)

    def check_duplicates(self) -> list[FoundParticipant]:
        """Children already registered with this name and birth year (a walk-in seen before?)."""
        first, last, year = self._duplicate_key()
        found: list[FoundParticipant] = []
        if self.is_new and first and last:
            found = people.possible_duplicates(
                self.ctx.database, first, last, year, by=self.ctx.staff_id
            )
        self._show_duplicates(found)
        return found

    def _show_duplicates(self, found: list[FoundParticipant]) -> None:
        self.duplicates = found
        if found:
            names = ", ".join(
                f"{p.full_name} ({p.birth_year or '?'}, {p.card_code or '—'})" for p in found
            )
            self.duplicate_warning.setText(
                fill(
                    self.tr(
                        "Already registered with this name and birth year: %1. "
                        "Open their record, or press “Register anyway” if this is another child."
                    ),
                    names,
                )
            )
        self.duplicate_warning.setVisible(bool(found))
        self.open_duplicate.setVisible(bool(found))
        if self.is_new:
            self.save_button.setText(self.tr("Register anyway") if found else self.tr("Register"))

    def _open_first_duplicate(self) -> None:
        if self.duplicates:
            self.show_participant(self.duplicates[0].id)

    def save(self) -> None:
        """Save the edits, or register the new child (after pointing out a possible duplicate)."""
        if self._busy:
            return
        details = self.details()
        if self.is_new:
            key = self._duplicate_key()
            if self._warned_for != key and self.check_duplicates():
                self._warned_for = key  # pointed out; the next Save registers anyway
                return
            self._run(
                lambda: people.register_participant(
                    self.ctx.database, details, by=self.ctx.staff_id
                ),
                self._registered,
            )
        elif self.record is not None:
            participant_id = self.record.id
            self._run(
                lambda: people.edit_participant(
                    self.ctx.database, participant_id, details, by=self.ctx.staff_id
                ),
                lambda _none: self._done(participant_id, self.tr("Saved.")),
            )

    def _registered(self, participant_id: int) -> None:
        self._done(participant_id, self.tr("Registered. Consents can be recorded now."))

    def archive_or_restore(self) -> None:
        """Archive a child who no longer comes, or bring an archived one back."""
        if self.record is None or self._busy:
            return
        participant_id, archive = self.record.id, not self.record.archived
        said = self.tr("Archived.") if archive else self.tr("Restored.")
        self._run(
            lambda: people.set_archived(
                self.ctx.database, participant_id, archive, by=self.ctx.staff_id
            ),
            lambda _none: self._done(participant_id, said),
        )

    def save_access_request(self) -> None:
        if self.record is not None:
            save_access_request(self, self.ctx, self.record.id, self.title.text())

    def erase(self) -> None:
        """Erase the child shown (an administrator, after confirming); the form shows what stays."""
        if self.record is None or self._busy:
            return
        participant_id = self.record.id
        confirm_erasure(
            self,
            self.ctx,
            participant_id,
            self.title.text(),
            lambda: self._done(participant_id, self.tr("Erased. Attendance stays, anonymous.")),
        )

    def give_consent(self, purpose: ConsentPurpose) -> None:
        """Record a consent for one purpose, given by the named person on the chosen date."""
        if self.record is None or self._busy:
            return
        given_by = " ".join(self.consent_given_by.text().split())
        if not given_by:
            self._say(self.tr("Write who gave the consent."), error=True)
            self.consent_given_by.setFocus()
            return
        participant_id, given_on = self.record.id, _py_date(self.consent_date)
        self._run(
            lambda: people.record_consent(
                self.ctx.database,
                participant_id,
                purpose,
                given_by,
                given_on,
                by=self.ctx.staff_id,
            ),
            lambda _id: self._done(participant_id, self.tr("Consent recorded.")),
        )

    def withdraw_consent(self, purpose: ConsentPurpose) -> None:
        """End a consent on the chosen date; that it was once given stays on record."""
        if self.record is None or self._busy:
            return
        participant_id, on = self.record.id, _py_date(self.consent_date)
        self._run(
            lambda: people.withdraw_consent(
                self.ctx.database, participant_id, purpose, on, by=self.ctx.staff_id
            ),
            lambda _none: self._done(participant_id, self.tr("Consent withdrawn.")),
        )

    def enrol_selected(self) -> None:
        """Enrol the child in the chosen closed training cycle from the chosen date."""
        program_id = self.enrol_program.currentData()
        if self.record is None or program_id is None or self._busy:
            return
        participant_id, joined_on = self.record.id, _py_date(self.enrol_date)
        self._run(
            lambda: people.enrol(
                self.ctx.database, participant_id, program_id, joined_on, by=self.ctx.staff_id
            ),
            lambda _id: self._done(participant_id, self.tr("Enrolled.")),
        )

    # --- running --------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self._set_busy(True)
        Operation(self, work).success(then).failure(self._refused).finally_(
            lambda: self._set_busy(False)
        ).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.save_button, self.archive_button, self.enrol_button):
            button.setEnabled(not busy)

    def _refused(self, error: BaseException, _details: str) -> None:
        if isinstance(error, DomainError):
            self._say(translate_error(error), error=True)

    def _done(self, participant_id: int, said: str) -> None:
        self.dirty = False
        self.show_participant(participant_id)
        self._say(said, error=False)

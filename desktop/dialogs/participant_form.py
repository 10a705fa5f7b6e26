"""The edit form of one child: details, consents and training-cycle enrolments.

Used by the Participants page. The child is read on the database worker and shown when
the record arrives; until then nothing in the form can be saved. Writes run as the
librarian who clicked (ctx.operation); refusals are shown in a red line above the form,
in the librarian's language. The consents and enrolments sections are modules of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import people
from db.database import Database
from db.errors import DomainError
from db.models import Gender
from db.participant_records import ParticipantRecord, enrolment_choices, participant_record
from db.people import OLDEST_BIRTH_YEAR, ParticipantDetails
from db.search import FoundParticipant, possible_duplicates
from desktop.code_words import gender_words
from desktop.context import AppContext, Work
from desktop.dialogs.participant_consents import ConsentSection
from desktop.dialogs.participant_duplicates import DuplicateNotice
from desktop.dialogs.participant_enrolments import EnrolmentSection
from desktop.dialogs.participant_header import ChildHeader
from desktop.dialogs.privacy import confirm_erasure, save_access_request
from desktop.errors import translate_error
from desktop.widgets import DONE_STYLE, ERROR_STYLE

# The spin box's lowest value stands for "birth year not known".
UNKNOWN_YEAR = OLDEST_BIRTH_YEAR - 1
# What the form reads to show one child: the record, and the cycles they may join.
Shown = tuple[ParticipantRecord, list[tuple[int, str]]]


def read_child(db: Database, participant_id: int, by: int | None) -> Shown:
    """One child as the form shows them, read as the account at the desk may read them."""
    record = participant_record(db, participant_id, by=by)
    return record, enrolment_choices(db, participant_id)


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
        self._filling = False  # the fields are being filled from a record, not edited
        self._busy = False  # a librarian's action is running
        # The child being read, shown when their record arrives; nothing is saved meanwhile.
        self._reading: int | None = None
        # The name and year the duplicate warning was shown for: Save then registers anyway.
        self._warned_for: tuple[str, str, int | None] | None = None
        # False while the form holds a record read for a librarian: the mark was not given.
        self._mark_known = True

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(300)
        self._duplicate_timer.timeout.connect(self.check_duplicates)

        self._build_header()
        self._build_details()
        self.consents = ConsentSection(self._act, lambda text: self._say(text, error=True))
        self.enrolments = EnrolmentSection(self._act)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.details_box)
        column.addWidget(self.consents)
        column.addWidget(self.enrolments)
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
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.empty_hint, 1)
        self.clear()
        self._show_for_role()
        ctx.staff_changed.connect(self._signed_in)

    # --- building -------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = ChildHeader()
        self.header.archive_button.clicked.connect(self.archive_or_restore)
        self.header.access_action.triggered.connect(self.save_access_request)
        self.header.erase_action.triggered.connect(self.erase)
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
        for gender in Gender:
            self.gender.addItem(gender_words(gender), gender.value)
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

        self.duplicates = DuplicateNotice(self)
        self.duplicates.open_button.clicked.connect(self._open_first_duplicate)
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
        buttons.addWidget(self.duplicates.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.details_box = QGroupBox(self.tr("Details"))
        box = QVBoxLayout(self.details_box)
        box.addLayout(form)
        box.addWidget(self.duplicates.warning)
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

    # --- showing --------------------------------------------------------------------------

    @property
    def participant_id(self) -> int | None:
        """The child shown, or being read to be shown."""
        if self._reading is not None:
            return self._reading
        return None if self.record is None else self.record.id

    def clear(self) -> None:
        """Nothing chosen: only a hint where the form would be."""
        self.record = None
        self._reading = None
        self.is_new = False
        self.dirty = False
        self.header.show_nobody()
        self.scroll_area.hide()
        self.message.hide()
        self.empty_hint.show()
        self._enable()

    def start_new(self, site_id: int | None) -> None:
        """A blank form for a child not yet registered."""
        self.record = None
        self._reading = None
        self.is_new = True
        self._fill(ParticipantDetails("", "", None, site_id or 0))
        self._show_for_role()
        self.header.show_new()
        self.save_button.setText(self.tr("Register"))
        self.consents.show_unregistered()
        self.enrolments.show_unregistered()
        self.message.hide()
        self.empty_hint.hide()
        self.scroll_area.show()
        self._enable()
        self.first_name.setFocus()

    def show_participant(self, participant_id: int, *, again: bool = False) -> None:
        """Read one child on the worker and show them when they arrive; the form then holds
        no unsaved changes. `again`: the child shown, read after a change elsewhere."""
        if self.participant_id != participant_id:
            self.message.hide()
        self._reading = participant_id
        self._enable()
        self.ctx.query(self, lambda db, by: read_child(db, participant_id, by)).latest(
            "child"
        ).success(self._arrived).failure(
            lambda error, _details: self._not_read(participant_id, error, again=again)
        ).run()

    def refresh(self) -> None:
        """Read the shown child again after a change elsewhere, unless edits are pending."""
        participant_id = self.participant_id
        if participant_id is not None and not self.dirty:
            self.show_participant(participant_id, again=True)

    def _arrived(self, shown: Shown) -> None:
        record, choices = shown
        if record.id != self._reading:
            return  # the librarian went on to another child, or to a new one, meanwhile
        self._reading = None
        if self.dirty and self.record is not None and self.record.id == record.id:
            self._enable()  # typed into while it was read again: the edits stay
            return
        self._show_record(record, choices)
        self._enable()
        self.opened.emit(record.id)

    def _not_read(self, participant_id: int, error: BaseException, *, again: bool) -> None:
        if participant_id != self._reading:
            return
        self.clear()  # gone from under us (or not this account's to read)
        if not again and isinstance(error, DomainError):
            self._say(translate_error(error), error=True)

    def _show_record(self, record: ParticipantRecord, choices: list[tuple[int, str]]) -> None:
        self.record = record
        self.is_new = False
        self._fill(record.details)
        self.header.show_record(record)
        self._show_for_role()
        self.save_button.setText(self.tr("Save"))
        self.consents.show_record(record)
        self.enrolments.show_record(record, choices)
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
        self.header.privacy_button.setVisible(self.record is not None and admin)
        # The target-group mark is an administrator's to see and set; a librarian's save
        # keeps whatever it is.
        self.target_group.setVisible(admin and self._mark_known)

    def _fill(self, details: ParticipantDetails) -> None:
        self._filling = True
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
            self._filling = False
        self.dirty = False
        self._warned_for = None
        self._show_duplicates([])

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.message.show()

    # --- editing --------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        if not self._filling:
            self.dirty = True

    def _name_or_year_changed(self, *_args: Any) -> None:
        if self.is_new and not self._filling:
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

    def check_duplicates(self) -> None:
        """Point out children already registered with this name and birth year (a walk-in
        seen before?), read on the worker: only the answer for the newest name is shown."""
        first, last, year = self._duplicate_key()
        if not (self.is_new and first and last):
            self._show_duplicates([])
            return
        self.ctx.query(
            self, lambda db, by: possible_duplicates(db, first, last, year, by=by)
        ).latest("duplicates").success(self._duplicates_read).run()

    def _duplicates_read(self, found: list[FoundParticipant]) -> None:
        if self.is_new:  # not after the child was registered or another opened meanwhile
            self._show_duplicates(found)

    def _show_duplicates(self, found: list[FoundParticipant]) -> None:
        self.duplicates.show_found(found)
        if self.is_new:
            self.save_button.setText(self.tr("Register anyway") if found else self.tr("Register"))

    def _open_first_duplicate(self) -> None:
        if self.duplicates.found:
            self.show_participant(self.duplicates.found[0].id)

    def save(self) -> None:
        """Save the edits, or register the new child (after pointing out a possible duplicate)."""
        if not self.save_button.isEnabled():
            return  # an action runs, or the child is still being read
        details = self.details()
        if self.is_new:
            key = self._duplicate_key()
            first, last, year = key
            look_first = self._warned_for != key and bool(first and last)

            def register(db: Database, by: int | None) -> int | list[FoundParticipant]:
                """The new child's id, or the children it may be (not registered then)."""
                if look_first:
                    found = possible_duplicates(db, first, last, year, by=by)
                    if found:
                        return found
                return people.register_participant(db, details, by=by)

            self._run(register, lambda result: self._registered(key, result))
        elif self.record is not None:
            participant_id = self.record.id
            self._run(
                lambda db, by: people.edit_participant(db, participant_id, details, by=by),
                lambda _none: self._done(participant_id, self.tr("Saved.")),
            )

    def _registered(
        self, key: tuple[str, str, int | None], result: int | list[FoundParticipant]
    ) -> None:
        if isinstance(result, list):
            self._warned_for = key  # pointed out; the next Save registers anyway
            self._show_duplicates(result)
            return
        self._done(result, self.tr("Registered. Consents can be recorded now."))

    def archive_or_restore(self) -> None:
        """Archive a child who no longer comes, or bring an archived one back."""
        if self.record is None or not self.header.archive_button.isEnabled():
            return
        participant_id, archive = self.record.id, not self.record.archived
        said = self.tr("Archived.") if archive else self.tr("Restored.")
        self._run(
            lambda db, by: people.set_archived(db, participant_id, archive, by=by),
            lambda _none: self._done(participant_id, said),
        )

    def save_access_request(self) -> None:
        if self.record is not None and self._reading is None:
            save_access_request(self, self.ctx, self.record.id, self.header.title.text())

    def erase(self) -> None:
        """Erase the child shown (an administrator, after confirming); the form shows what stays."""
        if self.record is None or self._busy or self._reading is not None:
            return
        participant_id = self.record.id
        confirm_erasure(
            self,
            self.ctx,
            participant_id,
            self.header.title.text(),
            lambda: self._done(participant_id, self.tr("Erased. Attendance stays, anonymous.")),
        )

    # --- running --------------------------------------------------------------------------

    def _act(self, work: Work[Any], said: str) -> None:
        """A section's action on the child shown: run it, then show the child and say `said`."""
        if self.record is None or self._busy or self._reading is not None:
            return
        participant_id = self.record.id
        self._run(work, lambda _result: self._done(participant_id, said))

    def _run(self, work: Work[Any], then: Callable[[Any], None]) -> None:
        """Run the work as the librarian who clicked, one action at a time."""
        self._busy = True
        self._enable()
        self.ctx.operation(self, work).success(then).failure(self._refused).finally_(
            self._finished
        ).run()

    def _finished(self) -> None:
        self._busy = False
        self._enable()

    def _enable(self) -> None:
        """Nothing is saved while an action runs or before the child being read is shown."""
        ready = not self._busy and self._reading is None
        header = self.header
        for button in (self.save_button, header.archive_button, self.enrolments.enrol_button):
            button.setEnabled(ready)
        header.privacy_button.setEnabled(ready)

    def _refused(self, error: BaseException, _details: str) -> None:
        if isinstance(error, DomainError):
            self._say(translate_error(error), error=True)

    def _done(self, participant_id: int, said: str) -> None:
        self.dirty = False
        self.show_participant(participant_id)
        self._say(said, error=False)

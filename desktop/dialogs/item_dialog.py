"""Dialogs of the Equipment page: describe an item, lend it by hand, take it back.

Each dialog only collects what the librarian chose and emits `submitted`; the page runs
the use case and closes the dialog when it succeeded, so a refusal can be shown in place.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.accounts import list_staff
from db.clock import LIBRARY_TZ, local, now_utc
from db.dates import moment_pattern, moment_text
from db.equipment import ItemDetails
from db.equipment_lists import ItemRow
from db.loans import Borrower
from db.models import ItemCategory, ItemStatus, Role
from db.search import FoundParticipant, search_participants
from desktop.code_words import item_category_words
from desktop.context import AppContext
from desktop.i18n import fill
from desktop.settings import LOAN_HOURS

PROBLEM_STYLE = "color: #b71c1c;"
HINT_STYLE = "color: #455a64;"
WARNING_STYLE = "background: #fde2e1; padding: 6px; border-radius: 4px;"


def when(at: datetime) -> str:
    """An instant as the library's wall clock shows it."""
    return moment_text(at)


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogProblem")
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class _SubmitDialog(QDialog):
    """A dialog whose OK button asks the page to act, and stays open if the act is refused."""

    def __init__(self, parent: QWidget | None, ok_text: str) -> None:
        super().__init__(parent)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.problem = _problem_label()

    def _submit(self) -> None:
        raise NotImplementedError

    def busy(self, on: bool) -> None:
        """While the page saves, a second click must not save twice."""
        self.ok_button.setEnabled(not on)
        if on:
            self.problem.hide()

    def show_refusal(self, text: str) -> None:
        self.busy(False)
        self.problem.setText(text)
        self.problem.show()


class ItemDialog(_SubmitDialog):
    """Add an item, or edit one; the tag is fixed once made, since it is on the label."""

    submitted = Signal(object)  # ItemDetails

    def __init__(
        self,
        parent: QWidget | None,
        sites: list[tuple[int, str, str]],
        kits: list[tuple[str, str]],
        *,
        item: ItemRow | None = None,
        has_parts: bool = False,
        site_id: int | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Save"))
        self.setObjectName("itemDialog")
        self.item = item
        self.setWindowTitle(
            self.tr("Add an item")
            if item is None
            else fill(self.tr("Edit %1 %2"), item.tag, item.name)
        )

        self.tag = QLineEdit()
        self.tag.setObjectName("itemTag")
        self.tag.setMaxLength(20)
        self.tag.setPlaceholderText(self.tr("e.g. LAP-04"))
        # Only what a QR label and every keyboard layout can carry.
        self.tag.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9-]{0,20}"), self.tag)
        )
        self.tag.textEdited.connect(self._upper_tag)
        tag_hint = QLabel(
            self.tr("The tag is printed on the item's label; it cannot change later.")
        )
        tag_hint.setStyleSheet(HINT_STYLE)
        tag_hint.setWordWrap(True)

        self.name = QLineEdit()
        self.name.setObjectName("itemName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Laptop Lenovo IdeaPad"))

        self.category = QComboBox()
        self.category.setObjectName("itemCategory")
        for category in ItemCategory:
            self.category.addItem(item_category_words(category), category)

        self.serial = QLineEdit()
        self.serial.setObjectName("itemSerial")
        self.serial.setMaxLength(100)

        self.site = QComboBox()
        self.site.setObjectName("itemSite")
        for each_id, name, _country in sites:
            self.site.addItem(name, each_id)

        self.kit = QComboBox()
        self.kit.setObjectName("itemKit")
        self.kit.addItem(self.tr("Not part of a kit"), "")
        for kit_tag, kit_name in kits:
            if item is None or kit_tag != item.tag:
                self.kit.addItem(f"{kit_tag}  {kit_name}", kit_tag)
        if item is not None and item.parent_tag and self.kit.findData(item.parent_tag) < 0:
            self.kit.addItem(item.parent_tag, item.parent_tag)  # a retired kit stays its kit
        if has_parts:
            # A kit cannot itself become a part: the core refuses kits within kits.
            self.kit.setEnabled(False)
            self.kit.setToolTip(self.tr("This item is a kit with parts of its own."))

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("itemNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("Tag"), self.tag)
        form.addRow("", tag_hint)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Serial number"), self.serial)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Part of the kit"), self.kit)
        form.addRow(self.tr("Notes"), self.notes)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        if item is None:
            self.site.setCurrentIndex(max(0, self.site.findData(site_id)))
        else:
            self.tag.setText(item.tag)
            self.tag.setReadOnly(True)
            self.tag.setStyleSheet("QLineEdit { background: #eceff1; }")
            self.name.setText(item.name)
            self.category.setCurrentIndex(max(0, self.category.findData(item.category)))
            self.serial.setText(item.serial_number)
            self.site.setCurrentIndex(max(0, self.site.findData(item.site_id)))
            self.kit.setCurrentIndex(max(0, self.kit.findData(item.parent_tag or "")))
            self.notes.setPlainText(item.notes)
        self.tag.textChanged.connect(self._check)
        self.name.textChanged.connect(self._check)
        self._check()
        (self.name if item else self.tag).setFocus()

    def _upper_tag(self, text: str) -> None:
        if text != text.upper():
            position = self.tag.cursorPosition()
            self.tag.setText(text.upper())
            self.tag.setCursorPosition(position)

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.tag.text().strip() and self.name.text().strip()))

    def details(self) -> ItemDetails:
        return ItemDetails(
            tag=self.tag.text().strip(),
            name=self.name.text(),
            # Qt hands an enum back as its plain string value.
            category=ItemCategory(self.category.currentData()),
            site_id=self.site.currentData(),
            serial_number=self.serial.text(),
            project_id=self.item.project_id if self.item else None,
            parent_tag=self.kit.currentData() or None,
            notes=self.notes.toPlainText(),
        )

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.busy(True)
        self.submitted.emit(self.details())


class LendDialog(_SubmitDialog):
    """Lend an item by hand (no label at hand): to a child found by name, or to a librarian."""

    submitted = Signal(object, object, bool)  # Borrower, due (UTC) or None, with its parts

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, item: ItemRow, parts: list[ItemRow]
    ) -> None:
        super().__init__(parent, self.tr("Lend"))
        self.setObjectName("lendDialog")
        self.ctx = ctx
        self.item = item
        self.setWindowTitle(fill(self.tr("Lend %1"), item.tag))

        heading = QLabel(fill(self.tr("Lend %1 %2 to:"), item.tag, item.name))
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)

        self.to_child = QRadioButton(self.tr("A child"))
        self.to_child.setObjectName("toChild")
        self.to_librarian = QRadioButton(self.tr("A librarian"))
        self.to_librarian.setObjectName("toLibrarian")
        group = QButtonGroup(self)
        group.addButton(self.to_child)
        group.addButton(self.to_librarian)
        self.to_child.setChecked(True)

        self.child_search = QLineEdit()
        self.child_search.setObjectName("childSearch")
        self.child_search.setPlaceholderText(self.tr("Type a few letters of the name"))
        self.child_search.setClearButtonEnabled(True)
        self.child_results = QListWidget()
        self.child_results.setObjectName("childResults")
        self.child_results.setMinimumHeight(120)
        self.child_search.textChanged.connect(self._search)
        self.child_search.returnPressed.connect(self._submit)
        self.child_results.itemDoubleClicked.connect(lambda _item: self._submit())
        self.child_results.currentRowChanged.connect(lambda _row: self._check())

        self.librarian = QComboBox()
        self.librarian.setObjectName("librarianChoice")
        # Filled when the accounts are read on the worker: no librarian to lend to before.
        ctx.query(self, lambda db, by: (list_staff(db), by)).success(self._show_librarians).run()

        self.to_child.toggled.connect(self._choose_kind)

        self.with_parts = QCheckBox()
        self.with_parts.setObjectName("withParts")
        lendable = [part.tag for part in parts if part.status is not ItemStatus.RETIRED]
        self.has_parts = bool(lendable)
        if lendable:
            self.with_parts.setText(fill(self.tr("Lend its parts too: %1"), ", ".join(lendable)))
            self.with_parts.setChecked(True)
        else:
            self.with_parts.hide()

        hours = ctx.settings.get(LOAN_HOURS)
        self.set_due = QCheckBox(self.tr("Due back at"))
        self.set_due.setObjectName("setDue")
        self.due = QDateTimeEdit()
        self.due.setObjectName("dueAt")
        self.due.setDisplayFormat(moment_pattern())
        self.due.setCalendarPopup(True)
        start = now_utc() + timedelta(hours=hours or 2)
        wall = local(start)
        self.due.setDateTime(
            QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute))
        )
        # Parented at once: _choose_due shows it before it is laid out (a window otherwise).
        self.due_hint = QLabel(
            self.tr("If not set: when the session running now ends, else at the end of today."),
            self,
        )
        self.due_hint.setStyleSheet(HINT_STYLE)
        self.due_hint.setWordWrap(True)
        self.set_due.toggled.connect(self._choose_due)
        self.set_due.setChecked(hours > 0)
        self._choose_due(hours > 0)

        grid = QGridLayout()
        grid.addWidget(self.to_child, 0, 0)
        grid.addWidget(self.child_search, 0, 1)
        grid.addWidget(self.child_results, 1, 1)
        grid.addWidget(self.to_librarian, 2, 0)
        grid.addWidget(self.librarian, 2, 1)
        grid.addWidget(self.set_due, 3, 0)
        grid.addWidget(self.due, 3, 1)
        grid.addWidget(self.due_hint, 4, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.with_parts)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._choose_kind(True)
        self.child_search.setFocus()

    def _choose_kind(self, to_child: bool) -> None:
        self.child_search.setEnabled(to_child)
        self.child_results.setEnabled(to_child)
        self.librarian.setEnabled(not to_child)
        self._check()

    def _choose_due(self, on: bool) -> None:
        self.due.setEnabled(on)
        self.due_hint.setVisible(not on)

    def _show_librarians(self, read: tuple[list[tuple[int, str, str, Role]], int | None]) -> None:
        staff, by = read
        for staff_id, _username, display_name, _role in staff:
            self.librarian.addItem(display_name, staff_id)
        # The librarian who opened the dialog is offered first.
        self.librarian.setCurrentIndex(max(0, self.librarian.findData(by or 0)))
        self._check()

    def _search(self, text: str) -> None:
        """Find children by name on the worker; the list shown stays until the newest
        answer replaces it (Enter lends to the child highlighted in it)."""
        site_id = self.item.site_id
        self.ctx.query(
            self, lambda db, by: search_participants(db, text, site_id=site_id, by=by)
        ).latest("search").success(self._show_children).run()

    def _show_children(self, found: list[FoundParticipant]) -> None:
        self.child_results.clear()
        for child in found:
            shown = child.full_name
            if child.birth_year:
                shown = f"{shown} ({child.birth_year})"
            row = QListWidgetItem(shown)
            row.setData(Qt.ItemDataRole.UserRole, child.id)
            self.child_results.addItem(row)
        if self.child_results.count():
            self.child_results.setCurrentRow(0)
        self._check()

    def borrower(self) -> Borrower | None:
        if self.to_librarian.isChecked():
            staff_id = self.librarian.currentData()
            return Borrower.librarian(staff_id) if staff_id else None
        chosen = self.child_results.currentItem()
        if chosen is None:
            return None
        return Borrower.child(chosen.data(Qt.ItemDataRole.UserRole))

    def due_at(self) -> datetime | None:
        if not self.set_due.isChecked():
            return None
        chosen = self.due.dateTime()
        day, clock = chosen.date(), chosen.time()
        wall_clock = datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=LIBRARY_TZ
        )
        return wall_clock.astimezone(UTC)

    def _check(self) -> None:
        self.ok_button.setEnabled(self.borrower() is not None)

    def _submit(self) -> None:
        borrower = self.borrower()
        if borrower is None or not self.ok_button.isEnabled():
            return
        due_at = self.due_at()
        if due_at is not None and due_at <= now_utc():
            self.show_refusal(self.tr("The due time has already passed."))
            return
        self.busy(True)
        self.submitted.emit(borrower, due_at, self.has_parts and self.with_parts.isChecked())


class ReturnDialog(_SubmitDialog):
    """Take an item back by hand, with a note on its condition if something is wrong."""

    submitted = Signal(str, bool)  # condition note, its parts come back too

    def __init__(self, parent: QWidget | None, item: ItemRow, parts_out: list[ItemRow]) -> None:
        super().__init__(parent, self.tr("Return"))
        self.setObjectName("returnDialog")
        self.setWindowTitle(fill(self.tr("Return %1"), item.tag))

        heading = QLabel(
            fill(
                self.tr("%1 %2 comes back from %3, lent %4."),
                item.tag,
                item.name,
                item.borrower or "",
                when(item.lent_at) if item.lent_at else "",
            )
        )
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if item.overdue and item.due_at is not None:
            late = QLabel(fill(self.tr("It was due back at %1."), when(item.due_at)))
            late.setObjectName("returnOverdue")
            late.setStyleSheet(WARNING_STYLE)
            layout.addWidget(late)

        self.note = QLineEdit()
        self.note.setObjectName("conditionNote")
        self.note.setMaxLength(2000)
        self.note.setPlaceholderText(self.tr("e.g. stick drifts, screen scratched"))
        self.note.returnPressed.connect(self._submit)
        form = QFormLayout()
        form.addRow(self.tr("Condition note (optional)"), self.note)
        layout.addLayout(form)

        self.with_parts = QCheckBox()
        self.with_parts.setObjectName("partsBack")
        self.has_parts = bool(parts_out)
        if parts_out:
            self.with_parts.setText(
                fill(
                    self.tr("Its parts come back too: %1"),
                    ", ".join(part.tag for part in parts_out),
                )
            )
            self.with_parts.setChecked(True)
            layout.addWidget(self.with_parts)
        else:
            self.with_parts.hide()
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.note.setFocus()

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.busy(True)
        self.submitted.emit(self.note.text(), self.has_parts and self.with_parts.isChecked())

"""What the Equipment page's buttons do to one item: add and edit it, send it to repair or
retire it, lend it or take it back by hand (with its kit's parts); each in a dialog of its
own, done on the database worker as the librarian who pressed the button.

The page shows the list; these actions tell it what they did (`said`, `refused`) and which
item to keep chosen when the list comes back (`chosen`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from db.database import Database
from db.equipment import ItemDetails, add_item, edit_item, set_item_status
from db.equipment_lists import ItemRow, list_items
from db.errors import DomainError, ItemNotAvailable, ItemNotOut
from db.loans import STATUS_WORDS, Borrower, KitLent, Lent, lend, lend_kit, return_item
from db.models import ItemStatus
from desktop.context import AppContext
from desktop.dialogs.item_dialog import ItemDialog, LendDialog, ReturnDialog, when
from desktop.errors import translate_error
from desktop.i18n import fill


def kits_to_join(db: Database, by: int | None) -> list[tuple[str, str]]:
    """Items a new part may join: any item that is not itself a part, nor retired."""
    return [
        (row.tag, row.name)
        for row in list_items(db, by=by)
        if row.parent_tag is None and row.status is not ItemStatus.RETIRED
    ]


class ItemActions(QObject):
    """The page's actions on one item, with their dialogs (parented to the page)."""

    said = Signal(str)  # done: what to tell the librarian
    refused = Signal(str)  # refused: why, over a fresh list
    chosen = Signal(str)  # the tag to keep chosen when the list comes back

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None

    def _open(self, dialog: QDialog) -> None:
        # Not exec(): the page stays responsive, and tests can fill the dialog.
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def _refused_in(self, dialog: QDialog) -> Callable[[BaseException, str], None]:
        """A refusal closes the dialog and is said on the page, over a fresh list."""

        def refused(error: BaseException, _details: str) -> None:
            assert isinstance(error, DomainError)
            dialog.reject()
            self.refused.emit(translate_error(error))

        return refused

    def _refused(self, error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        self.refused.emit(translate_error(error))

    # ----- adding and editing -------------------------------------------------------------

    def add_item(self, site_id: int | None) -> None:
        """The kits a new item may join are read first; the dialog opens when they arrive."""
        self.ctx.query(self.page, kits_to_join).latest("kits").success(
            lambda kits: self._add_item_with(kits, site_id)
        ).run()

    def _add_item_with(self, kits: list[tuple[str, str]], site_id: int | None) -> None:
        dialog = ItemDialog(self.page, self.ctx.sites, kits, site_id=site_id)
        dialog.submitted.connect(lambda details: self._save_new(dialog, details))
        self._open(dialog)

    def _save_new(self, dialog: ItemDialog, details: ItemDetails) -> None:
        self.ctx.operation(self.page, lambda db, by: add_item(db, details, by=by)).success(
            lambda _item_id: self._saved(
                dialog,
                details.tag.upper(),
                fill(self.tr("Added %1 %2."), details.tag.upper(), " ".join(details.name.split())),
            )
        ).failure(lambda error, _d: self._refused_here(dialog, error)).run()

    def edit_item(self, row: ItemRow, has_parts: bool) -> None:
        self.ctx.query(self.page, kits_to_join).latest("kits").success(
            lambda kits: self._edit_item_with(kits, row, has_parts)
        ).run()

    def _edit_item_with(self, kits: list[tuple[str, str]], row: ItemRow, has_parts: bool) -> None:
        dialog = ItemDialog(self.page, self.ctx.sites, kits, item=row, has_parts=has_parts)
        dialog.submitted.connect(lambda details: self._save_edit(dialog, row, details))
        self._open(dialog)

    def _save_edit(self, dialog: ItemDialog, row: ItemRow, details: ItemDetails) -> None:
        self.ctx.operation(self.page, lambda db, by: edit_item(db, row.id, details, by=by)).success(
            lambda _none: self._saved(
                dialog, row.tag, fill(self.tr("Saved the changes to %1."), row.tag)
            )
        ).failure(lambda error, _d: self._refused_here(dialog, error)).run()

    def _refused_here(self, dialog: ItemDialog, error: BaseException) -> None:
        # The librarian can correct what was typed, so the dialog stays open.
        assert isinstance(error, DomainError)
        dialog.show_refusal(translate_error(error))

    def _saved(self, dialog: QDialog, tag: str, text: str) -> None:
        dialog.accept()
        self.chosen.emit(tag)
        self.said.emit(text)

    # ----- status -------------------------------------------------------------------------

    def send_to_repair(self, row: ItemRow) -> None:
        self._set_status(
            row,
            ItemStatus.IN_REPAIR,
            self.tr("%1 %2 is in repair: it cannot be lent until it is back in service."),
        )

    def back_in_service(self, row: ItemRow) -> None:
        self._set_status(
            row, ItemStatus.AVAILABLE, self.tr("%1 %2 is back in service and can be lent.")
        )

    def retire(self, row: ItemRow) -> None:
        box = QMessageBox(self.page)
        box.setObjectName("retireConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Retire an item"))
        box.setText(
            fill(
                self.tr(
                    "Retire %1 %2? A retired item can no longer be lent; its loans stay on record."
                ),
                row.tag,
                row.name,
            )
        )
        confirm = box.addButton(self.tr("Retire"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))

        def decided(_result: int) -> None:
            if box.clickedButton() is confirm:
                self._set_status(
                    row, ItemStatus.RETIRED, self.tr("%1 %2 is retired: it is no longer lent.")
                )

        box.finished.connect(decided)
        self.confirm_box = box
        box.open()

    def _set_status(self, row: ItemRow, status: ItemStatus, said: str) -> None:
        text = fill(said, row.tag, row.name)
        self.ctx.operation(
            self.page, lambda db, by: set_item_status(db, row.tag, status, by=by)
        ).success(lambda _none: self.said.emit(text)).failure(self._refused).run()

    # ----- lending and taking back by hand ------------------------------------------------

    def lend(self, row: ItemRow, parts: list[ItemRow]) -> None:
        if row.on_loan:
            return
        if row.status is not ItemStatus.AVAILABLE:
            # Say why at once, in the core's own words, rather than after choosing a child.
            self.refused.emit(
                translate_error(
                    ItemNotAvailable(tag=row.tag, name=row.name, status=STATUS_WORDS[row.status])
                )
            )
            return
        dialog = LendDialog(self.page, self.ctx, row, parts)
        dialog.submitted.connect(
            lambda borrower, due_at, with_parts: self._lend(
                dialog, row, borrower, due_at, with_parts
            )
        )
        self._open(dialog)

    def _lend(
        self,
        dialog: LendDialog,
        row: ItemRow,
        borrower: Borrower,
        due_at: datetime | None,
        with_parts: bool,
    ) -> None:
        def work(db: Database, by: int | None) -> list[Lent] | KitLent:
            if with_parts:
                return lend_kit(db, row.tag, borrower, by=by, due_at=due_at)
            return [lend(db, row.tag, borrower, by=by, due_at=due_at)]

        def lent(result: list[Lent] | KitLent) -> None:
            dialog.accept()
            loans = result.lent if isinstance(result, KitLent) else result
            text = fill(
                self.tr("Lent %1 to %2, due back %3."),
                ", ".join(loan.tag for loan in loans),
                loans[0].borrower,
                when(loans[0].due_at),
            )
            if isinstance(result, KitLent) and result.left_behind:
                text = "\n".join(
                    [
                        text,
                        fill(
                            self.tr("Not lent, stays here: %1"),
                            ", ".join(tag for tag, _why in result.left_behind),
                        ),
                    ]
                )
            self.chosen.emit(row.tag)
            self.said.emit(text)

        self.ctx.operation(self.page, work).success(lent).failure(self._refused_in(dialog)).run()

    def take_back(self, row: ItemRow, parts: list[ItemRow]) -> None:
        if not row.on_loan:
            return
        parts_out = [part for part in parts if part.on_loan]
        dialog = ReturnDialog(self.page, row, parts_out)
        dialog.submitted.connect(
            lambda note, with_parts: self._take_back(
                dialog, row, note, [part.tag for part in parts_out] if with_parts else []
            )
        )
        self._open(dialog)

    def _take_back(self, dialog: ReturnDialog, row: ItemRow, note: str, parts: list[str]) -> None:
        def work(db: Database, by: int | None) -> list[str]:
            back = [return_item(db, row.tag, by=by, note=note).tag]
            for tag in parts:
                # A part scanned back at the desk meanwhile has nothing left to return.
                with suppress(ItemNotOut):
                    back.append(return_item(db, tag, by=by).tag)
            return back

        def done(back: list[str]) -> None:
            dialog.accept()
            self.chosen.emit(row.tag)
            self.said.emit(
                fill(self.tr("Returned: %1, from %2."), ", ".join(back), row.borrower or "")
            )

        self.ctx.operation(self.page, work).success(done).failure(self._refused_in(dialog)).run()

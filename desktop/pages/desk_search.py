"""The desk's name search: letters typed instead of a code find children as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from db.desk import DeskFound, search_at_desk
from db.errors import ScanRefused
from desktop.context import AppContext
from desktop.offline_desk import OfflineDesk
from desktop.pages.desk_lists import GREEN, LIST_ICON, list_font

LIMIT = 8


class NameSearch(QListWidget):
    """The children found for the letters in the scan field, the first one highlighted.

    Each keystroke asks the database worker; only the newest answer shows. Enter checks in
    the child highlighted in the list shown (`chosen`); pressed before the first names
    arrived, the first child found is the one meant, and no one found is `refused`.
    """

    chosen = Signal(int)
    refused = Signal(object)  # the ScanRefused of the text that found no one

    def __init__(
        self, ctx: AppContext, offline: OfflineDesk, field: QLineEdit, no_photos: QIcon
    ) -> None:
        super().__init__()
        self.ctx, self.offline, self.field, self.no_photos = ctx, offline, field, no_photos
        self.setObjectName("searchResults")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # As large as the here-now list below: the same names at the same size.
        self.setFont(list_font(self.font()))
        self.setIconSize(LIST_ICON)
        self.setSpacing(2)
        self.itemClicked.connect(lambda _item: self.choose_highlighted())
        self.hide()
        self._asking = ""  # the letters of the newest search not answered yet
        self._enter_waiting: tuple[str, ScanRefused] | None = None

    def search(self, typed: str, session_id: int | None) -> None:
        stripped = typed.strip()
        # A scanner's code arrives character by character: no search while it looks like one.
        if len(stripped) < 2 or stripped[:2].upper() in ("P-", "I-"):
            self._asking = ""
            self.hide_results()
            return
        self._asking = stripped
        site_id = self.ctx.site_id
        self.offline.query(  # while the server is away: the site's children on the copy
            self,
            lambda db, by: search_at_desk(
                db, stripped, session_id, site_id=site_id, limit=LIMIT, by=by
            ),
        ).latest("search").success(lambda found: self._found(stripped, found)).run()

    def enter(self, typed: str, refusal: ScanRefused) -> bool:
        """Enter on letters that are no code: whether a name answers it (now or soon)."""
        if self.isVisible() and self.currentItem():
            self.choose_highlighted()
            return True
        if self._asking and self._asking == typed.strip():
            self._enter_waiting = (self._asking, refusal)  # its names are on the way
            return True
        return False

    def _found(self, typed: str, found: list[DeskFound]) -> None:
        if typed == self._asking:
            self._asking = ""
        waiting = self._enter_waiting
        if waiting is not None and waiting[0] == typed:
            self._enter_waiting = None
            if found:
                self.chosen.emit(found[0].child.id)
            else:
                self.refused.emit(waiting[1])
            return
        if self.field.text().strip() != typed:
            return  # the field has moved on (Enter, Esc, a scan) since this search began
        self.clear()
        for each in found:
            self.addItem(self._item(each))
        if found:
            self.setCurrentRow(0)
            # Every name found shows at once, none behind a scroll bar.
            rows = sum(self.sizeHintForRow(r) for r in range(len(found)))
            spacing = 2 * self.spacing() * len(found)
            self.setFixedHeight(rows + spacing + 2 * self.frameWidth())
            self.show()
        else:
            self.hide()

    def _item(self, found: DeskFound) -> QListWidgetItem:
        child = found.child
        year = f" ({child.birth_year})" if child.birth_year else ""
        item = QListWidgetItem(child.full_name + year)
        item.setData(Qt.ItemDataRole.UserRole, child)
        if child.no_photos:
            item.setIcon(self.no_photos)
            item.setToolTip(self.tr("No photo consent: do not photograph this child."))
        if found.here:
            item.setText(item.text() + "   ✓ " + self.tr("already here"))
            item.setBackground(QBrush(QColor(GREEN)))
            item.setToolTip(self.tr("Already checked in to this session"))
        return item

    def hide_results(self) -> None:
        self._enter_waiting = None
        self.clear()
        self.hide()

    def move_highlight(self, step: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + step) % self.count())

    def choose_highlighted(self) -> None:
        item = self.currentItem()
        if item is None:
            return
        child = item.data(Qt.ItemDataRole.UserRole)
        self.field.clear()
        self.hide_results()
        self.chosen.emit(child.id)

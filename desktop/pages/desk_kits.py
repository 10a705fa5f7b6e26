"""A kit taken back at the desk: its message lists the parts that came back, each with a
"… not returned" link (Alt+1, Alt+2, … by keyboard) that keeps a missing part out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from db.desk_scan import DeskChange
from db.equipment import KitReturned, Lent, OpenLoan, keep_part_out
from desktop.pages.desk_message import AMBER, GREEN

if TYPE_CHECKING:
    from desktop.pages.desk import DeskPage


class KitBackMessage(QObject):
    """The kit taken back last, while its message shows, and the parts kept out since."""

    def __init__(self, page: DeskPage) -> None:
        super().__init__(page)
        self.page = page
        self.kit: KitReturned | None = None
        self.kept_out: list[Lent] = []

    def show(self, kit: KitReturned) -> None:
        self.kit, self.kept_out = kit, []
        self._say()

    def clear(self) -> None:
        """Another message took its place: its links are gone with it."""
        self.kit = None

    def _say(self) -> None:
        assert self.kit is not None
        text, links = self.page.words.kit_back(self.kit, self.kept_out)
        kept = bool(self.kept_out)
        self.page.say(text, AMBER if kept else GREEN, "refused" if kept else "ok", links)

    def keep_out_listed(self, number: int) -> None:
        """The Nth part the kit's return lists as back did not come back after all."""
        if self.kit is not None:
            kept = {lent.tag for lent in self.kept_out}
            back = [part.tag for part in self.kit.parts if part.tag not in kept]
            if number <= len(back):
                self.keep_out(back[number - 1])
        self.page.take_focus()

    def keep_out(self, tag: str) -> None:
        """A part of the kit just taken back did not come back: it stays out, as it was."""
        kit, page = self.kit, self.page
        if kit is None or tag not in {part.tag for part in kit.parts}:
            return
        lent_at = next(part.lent_at for part in kit.parts if part.tag == tag)
        session_id = page.session_id

        def kept(result: object) -> None:
            assert isinstance(result, Lent)
            row = OpenLoan(
                result.loan_id,
                result.tag,
                result.item_name,
                result.borrower,
                lent_at,
                result.due_at,
                result.due_at < page.clock(),
            )
            page.listing.apply(DeskChange(out=[row]), session_id, page.today())
            if self.kit is kit:  # its message still shows: say it again, with the part
                self.kept_out.append(result)
                self._say()

        page.act(lambda db, by: keep_part_out(db, tag, by=by), kept)

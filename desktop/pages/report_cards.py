"""Member cards: the children ticked, in each child's library's language or one chosen."""

from __future__ import annotations

from db.participant_records import ParticipantRow, list_participants
from desktop.context import AppContext
from desktop.pages.report_form import CheckList, ReportForm, tick_all_buttons


class CardsForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Member cards"),
            self.tr(
                "Cards with the child's QR code, first name and last initial — nothing more "
                "about the child. Ten to an A4 page, with cutting marks."
            ),
        )
        self.child_list = CheckList()
        self.child_list.setObjectName("cardChildren")
        self.form.addRow(self.tr("Children"), self.child_list)
        self.form.addRow("", tick_all_buttons(self, self.child_list))
        # A card speaks its child's library's language unless one is chosen for them all.
        self.language.insertItem(0, self.tr("Each child's library's language"), "")
        self.language.setCurrentIndex(0)
        self.form.addRow(self.tr("Language"), self.language)
        self.action.setText(self.tr("Preview…"))
        self.reload()

    def reload(self, ticked: list[int] | None = None) -> None:
        """The children with a card, read on the database worker; `ticked` alone ticked."""
        site_id = self.ctx.site_id
        self.ctx.query(
            self, lambda db, by: list_participants(db, site_id, by=by, limit=100_000)
        ).latest("list").success(lambda children: self._show_children(children, ticked)).run()

    def _show_children(self, children: list[ParticipantRow], ticked: list[int] | None) -> None:
        rows = [(f"{c.last_name} {c.first_name}", c.id) for c in children if c.card_code]
        self.child_list.fill(rows, set(ticked) if ticked else None)

    def run(self) -> None:
        from db.printing import cards_data
        from desktop.documents.cards import member_cards_pdf

        ids = [int(str(key)) for key in self.child_list.ticked()]
        if not ids:
            self.say(self.tr("Tick at least one child."), problem=True)
            return
        language = self.document_language() or None
        database, by = self.ctx.database, self.ctx.staff_id
        self.preview(
            lambda: member_cards_pdf(cards_data(database, ids, by=by), language),
            self.tr("Member cards"),
            "kartes.pdf",
        )

"""QR labels for equipment: the items ticked, the label sheet and its first free label."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox

from db.equipment_lists import list_items
from desktop.context import AppContext
from desktop.pages.report_form import CheckList, ReportForm, tick_all_buttons


class LabelsForm(ReportForm):
    def __init__(self, ctx: AppContext) -> None:
        from desktop.documents.labels import DEFAULT_TEMPLATE, TEMPLATES

        super().__init__(
            ctx,
            self.tr("QR labels for equipment"),
            self.tr(
                "Labels to stick on the equipment: scanning one lends or takes back the item. "
                "Start at the first free label of a half-used sheet."
            ),
        )
        self.templates = TEMPLATES
        self.template = QComboBox()
        self.template.setObjectName("labelTemplate")
        for name, template in TEMPLATES.items():
            self.template.addItem(template.description, name)
        self.template.setCurrentIndex(self.template.findData(DEFAULT_TEMPLATE))
        self.start = QSpinBox()
        self.start.setObjectName("labelStart")
        self.template.currentIndexChanged.connect(lambda _i: self._limit_start())
        self._limit_start()
        self.items = CheckList()
        self.items.setObjectName("labelItems")
        self.form.addRow(self.tr("Label sheet"), self.template)
        self.form.addRow(self.tr("First free label"), self.start)
        self.form.addRow(self.tr("Items"), self.items)
        self.form.addRow("", tick_all_buttons(self, self.items))
        self.action.setText(self.tr("Preview…"))
        self.reload()

    def _limit_start(self) -> None:
        self.start.setRange(1, self.templates[str(self.template.currentData())].per_page)

    def reload(self, ticked: list[str] | None = None) -> None:
        """The items to tick, read on the database worker; `ticked` alone ticked."""
        self.ctx.query(self, lambda db, by: list_items(db, by=by)).latest("list").success(
            lambda items: self.items.fill(
                [(f"{i.tag}  {i.name}", i.tag) for i in items], set(ticked) if ticked else None
            )
        ).run()

    def run(self) -> None:
        from db.printing import labels_data
        from desktop.documents.labels import labels_pdf

        tags = [str(tag) for tag in self.items.ticked()]
        if not tags:
            self.say(self.tr("Tick at least one item."), problem=True)
            return
        template, start, database = (
            str(self.template.currentData()),
            self.start.value(),
            self.ctx.database,
        )
        language = self.document_language()  # the app's: a label has only its file's title
        self.preview(
            lambda: labels_pdf(labels_data(database, tags), template, start, language=language),
            self.tr("QR labels for equipment"),
            "uzlimes.pdf",
        )

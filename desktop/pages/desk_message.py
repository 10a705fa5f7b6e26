"""The desk's message area: what the last scan did, in words and a colour, with the kit's
"… not returned" links; and the words for each outcome of a scan (db.desk_scan)."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import dates
from db.attendance import CheckIn
from db.clock import local
from db.loans import KitReturned, Lent, OverdueItem, Returned, SessionBorrower
from db.offline.journal import Entry, Flag
from db.offline.sending import SendResult
from desktop.i18n import fill
from desktop.scan_field import with_key

GREEN, RED, AMBER, CALM = "#d8f5dc", "#fde2e1", "#fff3cd", "#eef2f7"
SAVED_HERE = "#dbe8f8"  # done on this laptop while the server was away, not yet sent


class ScanMessage(QLabel):
    """Large enough to read from a step back; `links` (target, words) become actions below."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("scanMessage")
        self.setWordWrap(True)
        self.setMinimumHeight(48)
        self.paint(CALM)

    def paint(self, colour: str) -> None:
        self.setStyleSheet(
            f"QLabel#scanMessage {{ background: {colour}; border-radius: 6px; padding: 8px;"
            " font-size: 13pt; }"
        )

    def add_line(self, text: str) -> None:
        """One more line under what the message says (its links stay)."""
        if self.textFormat() == Qt.TextFormat.RichText:
            self.setText(self.text() + "<br>" + html.escape(text))
        else:
            self.setText(self.text() + "\n" + text)

    def show_text(self, text: str, colour: str, links: list[tuple[str, str]] | None) -> None:
        if links:
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setText(
                html.escape(text).replace("\n", "<br>")
                + "<br>"
                + " · ".join(
                    # Each action on one line of its own, never split between two.
                    f'<a href="{html.escape(target)}">'
                    f"{html.escape(words).replace(' ', '&nbsp;')}</a>"
                    for target, words in links
                )
            )
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text)
        self.paint(colour)


class DeskWords(QObject):
    """What the desk says after a scan, in the librarian's language."""

    def checked_in(self, result: CheckIn, today: date) -> str:
        notes = ("  " + self.tr("(no photos)")) if result.no_photos else ""
        if result.home_site:
            notes += "  " + fill(self.tr("(from %1)"), result.home_site)
        if result.overdue:
            notes += "\n" + fill(
                self.tr("Still has, overdue: %1"), self.overdue(result.overdue, today)
            )
        if result.already_here:
            return fill(self.tr("Already here: %1"), result.full_name) + notes
        return fill(self.tr("Checked in: %1"), result.full_name) + notes

    def overdue(self, overdue: list[OverdueItem], today: date) -> str:
        """ "LAP-03 since 27.11.": the tag and the day it went out, Latvian short form."""
        return ", ".join(
            fill(
                self.tr("%1 since %2"),
                item.tag,
                dates.day_text(local(item.lent_at).date(), today=today),
            )
            for item in overdue
        )

    def to_whom(self, borrower: str, session: SessionBorrower | None) -> str:
        """Who has an item, in words: a child's name, or the session and its start."""
        if session is None:
            return borrower
        return fill(
            self.tr("the session “%1” %2"), session.program, dates.time_text(session.starts_at)
        )

    def lent(self, lent: list[Lent], left_behind: list[str], today: date) -> str:
        first = lent[0]
        text = fill(
            self.tr("Lent: %1 to %2, due %3"),
            ", ".join(f"{x.tag} {x.item_name}" for x in lent),
            self.to_whom(first.borrower, first.session),
            dates.moment_or_time_text(first.due_at, today=today),
        )
        if left_behind:
            text += "\n" + fill(self.tr("Left behind: %1"), "; ".join(left_behind))
        return text

    def returned(self, result: Returned, what: str) -> str:
        """ "Returned: LAP-01 … from Jānis", or "(was out to the session “…” 16:00)"."""
        if result.session is not None:
            text = fill(
                self.tr("Returned: %1 (was out to %2)"),
                what,
                self.to_whom(result.borrower, result.session),
            )
        else:
            text = fill(self.tr("Returned: %1 from %2"), what, result.borrower)
        return text + (("  " + self.tr("(it was overdue)")) if result.was_overdue else "")

    def kit_back(
        self, result: KitReturned, kept_out: list[Lent]
    ) -> tuple[str, list[tuple[str, str]]]:
        """The kit's return, its parts that came back, and a link per part to keep it out."""
        kept = {lent.tag for lent in kept_out}
        back = [part for part in result.parts if part.tag not in kept]
        what = f"{result.kit.tag} {result.kit.item_name}"
        if back:
            what = fill(self.tr("%1 with %2"), what, ", ".join(part.tag for part in back))
        text = self.returned(result.kit, what)
        for lent in kept_out:
            text += "\n" + (
                fill(
                    self.tr("Not returned: %1, still out to %2"),
                    f"{lent.tag} {lent.item_name}",
                    self.to_whom(lent.borrower, lent.session),
                )
            )
        links = [
            (part.tag, with_key(fill(self.tr("%1 not returned"), part.tag), f"Alt+{n}"))
            for n, part in enumerate(back[:9], start=1)
        ] + [(part.tag, fill(self.tr("%1 not returned"), part.tag)) for part in back[9:]]
        return text, links

    def left_to_the_server(self, entry: Entry) -> str:
        """A scan this laptop's copy could not decide: written down for the server."""
        if entry.flag is Flag.CARD_UNKNOWN:
            what = fill(
                self.tr("Card %1 is not known on this laptop"), entry.arguments["card_code"]
            )
        elif entry.flag is Flag.ITEM_SEEN_OUT:
            what = fill(self.tr("%1 was out when this laptop last heard"), entry.arguments["tag"])
        else:
            what = fill(self.tr("%1 was in when this laptop last heard"), entry.arguments["tag"])
        return (
            what + ": " + self.tr("saved on this laptop; the server decides when it answers again.")
        )

    def journal_sent(self, result: SendResult) -> str:
        """The server answers again: what of the scans saved here it took."""
        text = fill(
            self.tr("The server answers again: %1 scans saved on this laptop were sent."),
            str(result.sent + result.already_there + result.refused),
        )
        if result.refused:
            text += "\n" + fill(
                self.tr("Not taken by the server: %1 (listed)."), str(result.refused)
            )
        return text

    def lend_anyway_box(
        self, parent: QWidget, question: str, tag: str
    ) -> tuple[QMessageBox, QAbstractButton]:
        """The child still has something overdue: Enter lends anyway, Esc does not."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Overdue items"),
            question + "\n\n" + fill(self.tr("Lend %1 anyway?"), tag),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        lend_button = box.button(QMessageBox.StandardButton.Yes)
        lend_button.setText(self.tr("Lend anyway (Enter)"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not lend (Esc)"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box, lend_button


class ReturnNote(QFrame):
    """The condition of an item just taken back ("stick drifts"), asked without holding up
    the next scan; `given` (tag, note) when the librarian saves one."""

    given = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notePanel")
        self.tag: str | None = None
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("returnNote")
        self.field.setPlaceholderText(self.tr("Condition (optional), e.g. stick drifts"))
        self.field.returnPressed.connect(self.save)
        save = QPushButton(self.tr("Save note"))
        save.setObjectName("saveNote")
        save.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        save.clicked.connect(self.save)
        # The label above the field, so the field's hint is read whole in every language.
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(save)
        box.addLayout(row)
        self.hide()

    def ask(self, tag: str) -> None:
        self.tag = tag
        self.label.setText(fill(self.tr("Note on %1:"), tag))
        self.field.clear()
        self.show()

    def save(self) -> None:
        note = self.field.text().strip()
        self.hide()
        self.given.emit(self.tag or "", note if self.tag else "")

"""About OpenUp Desk: the version, the database in use, and the licences of what is bundled."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from db.database import Database, describe
from desktop.about import (
    APP_ICON,
    PROGRAM_NAME,
    font_licences,
    library_licences,
    program_licence,
    program_version,
)
from desktop.i18n import fill


class AboutDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About OpenUp Desk"))
        self.setWindowIcon(QIcon(str(APP_ICON)))
        self.resize(620, 560)

        heading = QLabel(f"<h2>{PROGRAM_NAME}</h2>")
        self.version = QLabel(fill(self.tr("Version %1"), program_version()))
        self.version.setObjectName("aboutVersion")
        self.database = QLabel(fill(self.tr("Database: %1"), describe(database.url)))
        self.database.setObjectName("aboutDatabase")
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        runtime = QLabel(
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}"
        )

        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setOpenExternalLinks(False)
        self.licences.setHtml(self._licences_html())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.version)
        layout.addWidget(self.database)
        layout.addWidget(runtime)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)

    def _licences_html(self) -> str:
        """The program's licence, each library with its own, then each font licence in full."""
        parts = [
            "<p>"
            + html.escape(
                fill(
                    self.tr("OpenUp Desk is free software under the %1 licence."), program_licence()
                )
            )
            + "</p>",
            "<h3>" + html.escape(self.tr("Libraries")) + "</h3><table cellpadding='2'>",
        ]
        parts += [
            f"<tr><td>{html.escape(lib.name)}</td><td>{html.escape(lib.version)}</td>"
            f"<td>{html.escape(lib.licence)}</td></tr>"
            for lib in library_licences()
        ]
        parts.append("</table>")
        for font in font_licences():
            title = fill(self.tr("Font %1"), font.families)
            parts.append(f"<h3>{html.escape(title)}</h3><pre>{html.escape(font.text)}</pre>")
        return "".join(parts)

"""What a librarian is told when something goes wrong: refusals in plain words, bugs in a dialog.

The window never just vanishes: unexpected errors are logged to the data folder and shown.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import DomainError

log = logging.getLogger(__name__)


def translate_error(error: DomainError) -> str:
    """A refusal in the user's language: the template and its word-like fields translated."""
    fields = {
        key: QCoreApplication.translate("DomainError", value) if isinstance(value, str) else value
        for key, value in error.fields.items()
    }
    try:
        return QCoreApplication.translate("DomainError", error.template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return error.message


def plain_words(error: BaseException) -> str | None:
    """Known trouble with the database or the disk, said so a librarian can act on it."""
    from sqlalchemy.exc import OperationalError

    text = str(getattr(error, "orig", error)).lower()
    if isinstance(error, DomainError):
        return translate_error(error)
    if isinstance(error, OperationalError | OSError):
        if ("disk" in text and "full" in text) or "no space" in text:
            return QCoreApplication.translate(
                "errors", "The disk is full. Nothing more can be saved until space is freed."
            )
        if "readonly" in text or "read-only" in text:
            return QCoreApplication.translate(
                "errors", "The database cannot be written: the file or the disk is read-only."
            )
        if "locked" in text:
            return QCoreApplication.translate(
                "errors", "The database is busy on another computer. Please try again."
            )
        if "connection" in text or "could not connect" in text:
            return server_unreachable()
    return None


def server_unreachable() -> str:
    """The shared server did not answer (and the desk has no copy to go on with)."""
    return QCoreApplication.translate(
        "errors", "The database server cannot be reached. Check the network."
    )


class KnownTrouble(DomainError):
    """A full or read-only disk, a busy or unreachable database: not a bug, so a page says it
    where it says refusals (the desk in its red line, without a box that stops the scanner)."""

    template = "{words}"


def known_trouble(error: BaseException) -> KnownTrouble | None:
    words = None if isinstance(error, DomainError) else plain_words(error)
    return None if words is None else KnownTrouble(words=words)


def show_error(error: BaseException, details: str = "") -> None:
    words = plain_words(error)
    parent = QApplication.activeWindow()
    if words is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "OpenUp Desk"), words)
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "OpenUp Desk"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Something went wrong, and what you were doing may not have been saved. "
            "The program keeps running. The details were written to the log file.",
        )
    )
    box.setDetailedText(details or "".join(traceback.format_exception(error)))
    box.exec()


def install_excepthook() -> None:
    """Log and show any error that escapes a callback, instead of letting Qt abort."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error:\n%s", details)
        if QApplication.instance() is None or isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        show_error(error, details)

    sys.excepthook = hook

"""Refusals a librarian may meet, each with a message meant for them, not a traceback.

Messages are English source strings with named fields; the desktop translates the
template (Qt context "DomainError") and fills the fields, the CLI prints them as they are.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for Qt's lupdate without importing Qt into the core."""
    return text


class DomainError(Exception):
    """A use case refused to do something, for a reason the user can act on."""

    template = QT_TRANSLATE_NOOP("DomainError", "The action was refused.")

    def __init__(self, **fields: Any) -> None:
        self.fields = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.fields)


class NotFound(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "{what} {key} was not found.")


class InvalidInput(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "{problem}")


class ScanRefused(DomainError):
    """A scanned text is not a code this program printed, or was misread."""

    template = QT_TRANSLATE_NOOP("DomainError", "Scanned “{scanned}”: {reason}")


class UnknownCode(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "Scanned “{scanned}”: no {what} has this code in this database."
    )


class ItemNotAvailable(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "{tag} {name} cannot be lent: it is {status}.")


class ItemAlreadyOut(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{tag} {name} is already out: lent to {borrower} since {since}."
    )


class ItemOutWithSession(ItemAlreadyOut):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{tag} {name} is already out: with the session “{program}” since {since}."
    )


class ItemNotOut(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "{tag} {name} is not on loan.")


class SessionCancelled(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The session of {date} was cancelled: nobody can be checked in to it."
    )


class ParticipantArchived(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{name} is archived: restore the record before checking them in."
    )


class BorrowerHasOverdue(DomainError):
    """Asked before lending: the child still has something overdue (field `overdue` lists it)."""

    template = QT_TRANSLATE_NOOP(
        "DomainError", "{name} still has overdue items ({items}): lend only once they are back."
    )

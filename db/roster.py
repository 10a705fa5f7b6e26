"""Import of a roster: a CSV or XLSX list of children read into a preview with per-row
problems, then every valid row registered in one transaction (or nothing).

Reading the file is db.roster_file's, checking its rows db.roster_rows'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from db.accounts import require_admin
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.models import ConsentPurpose, Participant
from db.people import MARK_TARGET_GROUP, _add_participant, _give_consent
from db.progress import Progress, go_on
from db.roster_file import read_table
from db.roster_rows import Problem, RosterRow, identity, parse_roster, with_problem
from db.search import possible_duplicates

CONSENT_GIVEN_BY_DEFAULT = "roster import"


class RosterRowRefused(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "Nothing was imported: row {row} was refused: {reason}"
    )


# Reasons for RosterRowRefused, translated as fields of its template.
HAS_PROBLEMS = QT_TRANSLATE_NOOP(
    "DomainError", "it has problems; only rows without problems can be imported."
)
REGISTERED_MEANWHILE = QT_TRANSLATE_NOOP(
    "DomainError", "the child is already registered; check the file again."
)
DATABASE_REFUSED = QT_TRANSLATE_NOOP("DomainError", "the database did not accept it.")


class ImportStopped(DomainError):
    """The librarian stopped an import before it committed: nobody was registered."""

    template = QT_TRANSLATE_NOOP(
        "DomainError", "The import was stopped at row {row} of {total}: nobody was registered."
    )


@dataclass(frozen=True)
class RosterPreview:
    """What an import would do: every row with its problems, and how the file was read."""

    rows: tuple[RosterRow, ...]
    encoding: str  # "utf-8", "utf-8-sig" (with BOM), "utf-16", "cp1257" or "xlsx"
    separator: str | None  # ";", "," or a tab for CSV
    columns: tuple[str, ...]  # the fields recognised, in the file's order
    ignored_columns: tuple[str, ...]  # headers that name nothing we keep

    @property
    def valid_rows(self) -> tuple[RosterRow, ...]:
        return tuple(row for row in self.rows if row.valid)

    @property
    def problem_rows(self) -> tuple[RosterRow, ...]:
        return tuple(row for row in self.rows if not row.valid)


def preview_roster(db: Database, path: Path | str, *, by: int | None = None) -> RosterPreview:
    """Read a roster and say, row by row, what an import would do and what stops it."""
    path = Path(path)
    table, encoding, separator = read_table(path)
    children, columns, ignored = parse_roster(table, path.name)
    checked = []
    for child in children:
        if child.valid:
            for known in possible_duplicates(
                db, child.first_name, child.last_name, child.birth_year, by=by
            ):
                born = f", {known.birth_year}" if known.birth_year else ""
                child = with_problem(
                    child,
                    Problem(
                        QT_TRANSLATE_NOOP("Roster", "Already registered: {name}."),
                        {"name": f"{known.full_name}{born}"},
                    ),
                )
                break
        checked.append(child)
    return RosterPreview(tuple(checked), encoding, separator, columns, ignored)


def _registered(tx: Session, row: RosterRow) -> bool:
    query = select(Participant.id).where(
        Participant.search_name == identity(row.first_name, row.last_name)
    )
    if row.birth_year is not None:
        query = query.where(
            or_(Participant.birth_year == row.birth_year, Participant.birth_year.is_(None))
        )
    return tx.execute(query.limit(1)).first() is not None


def import_roster(
    db: Database,
    rows: Sequence[RosterRow],
    site_id: int,
    *,
    by: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Register every row (the valid rows of a preview) in one transaction: all or nothing.

    A row with problems, a child registered meanwhile, or a row the records refuse stops
    the whole import; returns how many children were registered. `progress(done, total)`
    hears each row; returning False stops the import before it commits (ImportStopped).
    """
    today = date.today()
    with db.unit_of_work() as uow:
        tx = uow.tx
        if any(row.target_group for row in rows):  # said once, not as every row's problem
            require_admin(tx, by, MARK_TARGET_GROUP)
        go_on(progress, 0, len(rows))
        for done, row in enumerate(rows, start=1):
            if not row.valid:
                raise RosterRowRefused(row=row.row, reason=HAS_PROBLEMS)
            if _registered(tx, row):
                raise RosterRowRefused(row=row.row, reason=REGISTERED_MEANWHILE)
            try:
                participant = _add_participant(tx, row.details(site_id), by)
                if row.photo_consent:
                    _give_consent(
                        tx,
                        participant,
                        ConsentPurpose.PHOTO,
                        row.guardian_name or CONSENT_GIVEN_BY_DEFAULT,
                        today,
                        by,
                    )
            except DomainError as refusal:
                raise RosterRowRefused(row=row.row, reason=refusal.message) from refusal
            except (IntegrityError, DataError) as error:
                raise RosterRowRefused(row=row.row, reason=DATABASE_REFUSED) from error
            if not go_on(progress, done, len(rows)):
                raise ImportStopped(row=done, total=len(rows))  # rolled back: nothing written
        uow.commit()
        return len(rows)

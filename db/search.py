"""Finding a child: by name as the librarian types (in the laptop's alphabet, with or
without diacritics), by card, and the possible duplicates of a new registration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, literal, or_, select, true
from sqlalchemy.orm import Session

from db.accounts import NotSignedIn, may_read, reader_is_admin
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, UnknownCode
from db.models import (
    Participant,
    Site,
)
from db.names import fold, list_language, person_key
from db.people import one_line, photo_consent_clause, search_name, without_control

SEARCH_LIMIT = 30
Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class FoundParticipant:
    """A row of a name search: enough to pick the right child and check them in."""

    id: int
    first_name: str
    last_name: str
    birth_year: int | None
    card_code: str | None
    no_photos: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _found_participants() -> Select[int, str, str, int | None, str | None, bool]:
    """The columns of a FoundParticipant, with "no photos" worked out in SQL."""
    no_photos = ~photo_consent_clause()
    return select(
        Participant.id,
        Participant.first_name,
        Participant.last_name,
        Participant.birth_year,
        Participant.card_code,
        no_photos,
    )


def search_participants(
    db: Database,
    typed: str,
    *,
    site_id: int | None = None,
    include_archived: bool = False,
    limit: int = SEARCH_LIMIT,
    by: int | None,
) -> list[FoundParticipant]:
    """Children whose first or last name starts with each typed word, ignoring diacritics.

    "kenins" finds Ķēniņš and Ķēniņa, "ja be" finds Jānis Bērziņš; sorted in the
    alphabetical order of the site's country (Latvian or Lithuanian).
    Names are the desk's work: any active account finds them.
    """
    found = search_marked(
        db, typed, false(), site_id=site_id, include_archived=include_archived, by=by
    )
    return [child for child, _marked in found[:limit]]


def search_marked(
    db: Database,
    typed: str,
    mark: ColumnElement[bool],
    *,
    site_id: int | None,
    include_archived: bool = False,
    by: int | None,
) -> list[tuple[FoundParticipant, bool]]:
    """`search_participants`, every match with `mark` (SQL on Participant) read with it in
    the same query, in alphabetical order: the desk marks who is already here."""
    typed = without_control(typed)
    if not fold(typed).split():
        return []
    query = _where_found(
        _found_participants()
        .join(Site, Site.id == Participant.site_id)
        .add_columns(Site.country, mark.label("marked")),
        typed,
        site_id,
        include_archived,
    )
    # One query, the account's check inside it: one round trip on a server per keystroke.
    with db.looking_up() as tx:
        rows = _read_by_signed_in(tx, query, by)
        language = _sorting_language(tx, {row[-2] for row in rows}, site_id)
    found = [(FoundParticipant(*row[:-2]), bool(row[-1])) for row in rows]
    # All matches, then sorted in Python: SQL's own order is neither Latvian nor
    # Lithuanian, and a SQL limit would drop the alphabetically first children of a
    # common surname.
    found.sort(key=lambda pair: person_key(pair[0].first_name, pair[0].last_name, language))
    return found


def _read_by_signed_in(tx: Session, query: Select[Any], by: int | None) -> list[Any]:
    """The rows of `query`, read in the same statement that checks the account `by` is
    active (as `reader_is_admin` does): a row that always comes, joined to what was found."""
    if by is None:
        return list(tx.execute(query).all())
    found = query.subquery("found")
    anchor = select(literal(1).label("one")).subquery("anchor")
    signed_in = may_read(by)
    rows = tx.execute(
        select(signed_in.label("signed_in"), *found.c).outerjoin_from(anchor, found, true())
    ).all()
    if not rows[0][0]:
        raise NotSignedIn()
    return [row[1:] for row in rows if row[1] is not None]


def _sorting_language(tx: Session, countries: set[str], viewer_site_id: int | None) -> str:
    """The alphabet a list sorts by: its children's sites' country, else the viewer's site's."""
    viewer = None
    if len(countries) > 1 and viewer_site_id is not None:
        viewer = tx.scalar(select(Site.country).where(Site.id == viewer_site_id))
    return list_language(countries, viewer)


def _where_found(query: Q, typed: str, site_id: int | None, include_archived: bool) -> Q:
    """Narrow a query on participants to those the typed words find, at a site."""
    for word in fold(without_control(typed)).split()[:4]:
        pattern = _escape_like(_without_gender_ending(word[:80]))
        query = query.where(
            or_(
                Participant.search_name.like(f"{pattern}%", escape="\\"),
                Participant.search_name.like(f"% {pattern}%", escape="\\"),
            )
        )
    if site_id is not None:
        query = query.where(Participant.site_id == site_id)
    if not include_archived:
        query = query.where(Participant.archived.is_(False))
    return query


def _without_gender_ending(word: str) -> str:
    """Ķēniņš and Ķēniņa are one family: a full surname also finds the other gender's form."""
    if len(word) >= 5 and word[-1] in "sae":
        return word[:-1]
    return word


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def possible_duplicates(
    db: Database, first_name: str, last_name: str, birth_year: int | None, *, by: int | None
) -> list[FoundParticipant]:
    """Children already registered with the same name and birth year (a walk-in seen before?)."""
    folded = search_name(one_line(first_name), one_line(last_name))
    query = _found_participants().where(Participant.search_name == folded)
    if birth_year is not None:
        query = query.where(
            or_(Participant.birth_year == birth_year, Participant.birth_year.is_(None))
        )
    with db.reading() as tx:
        reader_is_admin(tx, by)
        return [FoundParticipant(*row) for row in tx.execute(query).all()]


def find_by_card(
    db: Database, card_code: str, *, scanned: str = "", by: int | None
) -> FoundParticipant:
    """The child whose card was scanned; an unknown card is refused with what was scanned."""
    query = _found_participants().where(Participant.card_code == card_code)
    with db.reading() as tx:
        reader_is_admin(tx, by)
        row = tx.execute(query).first()
    if row is None:
        raise UnknownCode(
            scanned=scanned or card_code, what=QT_TRANSLATE_NOOP("DomainError", "child's card")
        )
    return FoundParticipant(*row)

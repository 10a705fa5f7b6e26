"""The self check-in on the interactive table: what the children see, and their check-ins.

Everyone in the room sees the table, so it learns no more about a child than the child's
own tile needs: a first name, the last name's initial and an id. Its check-ins are
recorded with the method "kiosk", by the librarian who opened it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.accounts import reader_is_admin
from db.attendance import CheckIn, check_in, check_in_card
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, NotFound
from db.models import CheckInMethod, Participant, Program, Session, SessionStatus, Site
from db.names import country_language, sort_key


@dataclass(frozen=True)
class KioskChild:
    """One tile: "Ilze Ķ." and the id the tap checks in."""

    id: int
    first_name: str
    initial: str

    @property
    def tile_text(self) -> str:
        return f"{self.first_name} {self.initial}." if self.initial else self.first_name


@dataclass(frozen=True)
class KioskScreen:
    """What the kiosk shows for a session: its program, theme and the children's tiles.

    `language`: the alphabet of the session's site ("lv" or "lt"), for the letter bar too.
    """

    session_id: int
    program: str
    theme: str
    language: str
    children: tuple[KioskChild, ...]


@dataclass(frozen=True)
class KioskWelcome:
    """What the kiosk says to the child who checked in: their first name, nothing else."""

    first_name: str
    already_here: bool


def _initial(last_name: str) -> str:
    stripped = last_name.strip()
    return stripped[0].upper() if stripped else ""


def kiosk_screen(db: Database, session_id: int, *, by: int | None) -> KioskScreen:
    """The tiles of a session's site's children, in its alphabet by first name, then initial.

    Checking in is the desk's work: any active account may open the kiosk.
    """
    with db.reading() as tx:
        reader_is_admin(tx, by)
        row = tx.execute(
            select(Session.site_id, Session.theme, Session.status, Program.name, Site.country)
            .join(Program, Program.id == Session.program_id)
            .join(Site, Site.id == Session.site_id)
            .where(Session.id == session_id)
        ).first()
        if row is None or row.status is SessionStatus.CANCELLED:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Session"), key=session_id)
        names = tx.execute(
            select(Participant.id, Participant.first_name, Participant.last_name).where(
                Participant.site_id == row.site_id, Participant.archived.is_(False)
            )
        ).all()
    language = country_language(row.country)
    children = [KioskChild(pid, first.strip(), _initial(last)) for pid, first, last in names]
    children.sort(key=lambda c: (sort_key(c.first_name, language), sort_key(c.initial, language)))
    return KioskScreen(session_id, row.name, row.theme, language, tuple(children))


def _welcome(result: CheckIn) -> KioskWelcome:
    return KioskWelcome(result.first_name, result.already_here)


def kiosk_check_in(
    db: Database,
    session_id: int,
    participant_id: int,
    *,
    by: int | None,
    at: datetime | None = None,
) -> KioskWelcome:
    """A child tapped their tile."""
    return _welcome(
        check_in(db, session_id, participant_id, method=CheckInMethod.KIOSK, by=by, at=at)
    )


def kiosk_check_in_card(
    db: Database,
    session_id: int,
    card_code: str,
    *,
    scanned: str = "",
    by: int | None,
    at: datetime | None = None,
) -> KioskWelcome:
    """A child held their card to the scanner or the camera."""
    return _welcome(
        check_in_card(
            db, session_id, card_code, scanned=scanned, method=CheckInMethod.KIOSK, by=by, at=at
        )
    )

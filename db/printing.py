"""What the equipment labels and the children's member cards print: read queries, no layout.

A card's data carries the child's first name and last initial only, so no full surname,
birth year or anything sensitive can reach a card by mistake.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, not_, select
from sqlalchemy.orm import Session as OrmSession

from db.accounts import reader_is_admin
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, UnknownCode
from db.models import (
    Attendance,
    Enrollment,
    Item,
    ItemStatus,
    Participant,
    Program,
    ProgramKind,
    Project,
    Session,
    Site,
)
from db.names import country_language, latvian_key, list_language, person_key
from db.scancodes import card_text, item_text, normalize_tag


@dataclass(frozen=True)
class LabelData:
    """One equipment label: the QR's text, the tag, the item's name and whose asset it is."""

    tag: str
    name: str
    code_text: str  # what the QR carries, e.g. I-LAP-01-V
    library_name: str
    funded_mark: str  # "OPEN UP LLI-263"; empty when no project is known


@dataclass(frozen=True)
class CardData:
    """One member card: nothing about the child beyond "Ilze Ķ." and the opaque code."""

    participant_id: int
    name_on_card: str
    code_text: str  # what the QR carries, e.g. P-7KQ2M9XH-4
    library_name: str
    project_name: str  # "OPEN UP"; empty when no project is known
    language: str = "lv"  # of the child's library's country: a Rokiškis child's card is "lt"


def _library(site: Site) -> str:
    return site.library_name or site.name


def _only_project(tx: OrmSession) -> Project | None:
    """The database's project when it holds exactly one (items added by hand name none)."""
    projects = tx.scalars(select(Project).order_by(Project.id).limit(2)).all()
    return projects[0] if len(projects) == 1 else None


def _funded_mark(project: Project | None) -> str:
    return f"{project.name} {project.number}".strip() if project else ""


def _tag_key(tag: str) -> tuple[object, ...]:
    # LAP-2 before LAP-10, as a librarian counts.
    return tuple(int(p) if p.isdigit() else latvian_key(p) for p in re.split(r"(\d+)", tag))


def labels_data(db: Database, tags: list[str] | None = None) -> list[LabelData]:
    """Labels for the given tags (in the order given), or for every item not retired."""
    with db.reading() as tx:
        query = (
            select(Item, Site, Project)
            .join(Site, Site.id == Item.site_id)
            .outerjoin(Project, Project.id == Item.project_id)
        )
        default_project = _only_project(tx)
        if tags is None:
            rows = sorted(
                tx.execute(query.where(Item.status != ItemStatus.RETIRED)).all(),
                key=lambda row: _tag_key(row[0].tag),
            )
        else:
            wanted = [normalize_tag(tag) for tag in tags]
            found = {
                row[0].tag: row for row in tx.execute(query.where(Item.tag.in_(set(wanted)))).all()
            }
            for tag, given in zip(wanted, tags, strict=True):
                if tag not in found:
                    raise UnknownCode(scanned=given, what=QT_TRANSLATE_NOOP("DomainError", "item"))
            rows = [found[tag] for tag in wanted]
        return [
            LabelData(
                tag=item.tag,
                name=item.name,
                code_text=item_text(item.tag),
                library_name=_library(site),
                funded_mark=_funded_mark(project or default_project),
            )
            for item, site, project in rows
        ]


def name_on_card(first_name: str, last_name: str) -> str:
    """ "Ilze Ķ.": first name and last initial, all a card may say about a child."""
    last = unicodedata.normalize("NFC", last_name.strip())
    return f"{first_name.strip()} {last[:1].upper()}." if last else first_name.strip()


def _only_at_seminars() -> ColumnElement[bool]:
    """SQL true for a librarian guest: came to seminars and to nothing for children."""
    seminar = (
        select(Attendance.id)
        .join(Session, Session.id == Attendance.session_id)
        .join(Program, Program.id == Session.program_id)
        .where(Attendance.participant_id == Participant.id, Program.kind == ProgramKind.SEMINAR)
    )
    other = (
        select(Attendance.id)
        .join(Session, Session.id == Attendance.session_id)
        .join(Program, Program.id == Session.program_id)
        .where(Attendance.participant_id == Participant.id, Program.kind != ProgramKind.SEMINAR)
    )
    enrolled = select(Enrollment.id).where(Enrollment.participant_id == Participant.id)
    return and_(seminar.exists(), not_(other.exists()), not_(enrolled.exists()))


def cards_data(
    db: Database, participant_ids: list[int] | None = None, *, by: int | None
) -> list[CardData]:
    """Cards for the given children, or for every active child with a card.

    In the alphabetical order of the children's country (Latvian for a mixed list).
    """
    with db.reading() as tx:
        reader_is_admin(tx, by)  # a child's name and card code: any active account
        query = select(Participant, Site).join(Site, Site.id == Participant.site_id)
        if participant_ids is None:
            query = query.where(
                Participant.archived.is_(False),
                Participant.card_code.is_not(None),
                not_(_only_at_seminars()),
            )
            rows = list(tx.execute(query).all())
        else:
            wanted = set(participant_ids)
            rows = list(tx.execute(query.where(Participant.id.in_(wanted))).all())
            missing = wanted - {row[0].id for row in rows}
            if missing:
                raise NotFound(
                    what=QT_TRANSLATE_NOOP("DomainError", "Participant"), key=min(missing)
                )
            for participant, _site in rows:
                if participant.card_code is None:
                    raise InvalidInput(
                        problem=QT_TRANSLATE_NOOP(
                            "DomainError", "A child without a card code cannot get a card."
                        )
                    )
        project = _only_project(tx)
        language = list_language(site.country for _participant, site in rows)
        rows.sort(key=lambda row: person_key(row[0].first_name, row[0].last_name, language))
        return [
            CardData(
                participant_id=participant.id,
                name_on_card=name_on_card(participant.first_name, participant.last_name),
                code_text=card_text(participant.card_code or ""),
                library_name=_library(site),
                project_name=project.name if project else "",
                language=country_language(site.country),
            )
            for participant, site in rows
        ]

"""Reads for the Participants page: the list of children and one child's whole record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select

from db.accounts import reader_is_admin
from db.database import Database
from db.models import (
    Consent,
    ConsentPurpose,
    Enrollment,
    Participant,
    Program,
    ProgramKind,
    Site,
)
from db.names import latvian_key, person_key
from db.people import ParticipantDetails, get_participant, photo_consent_clause
from db.search import _sorting_language, _where_found

PARTICIPANT_LIST_LIMIT = 500


@dataclass(frozen=True)
class ParticipantRow:
    """A row of the Participants page; the only list that shows the sensitive mark
    (to an administrator: None for anyone else)."""

    id: int
    first_name: str
    last_name: str
    birth_year: int | None
    site_name: str
    card_code: str | None
    no_photos: bool
    target_group: bool | None
    archived: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class ConsentRecord:
    """One consent a guardian gave, and when it was withdrawn if it was."""

    id: int
    purpose: ConsentPurpose
    given_by: str
    given_on: date
    withdrawn_on: date | None


@dataclass(frozen=True)
class EnrollmentRecord:
    """A child's place in a closed training cycle."""

    id: int
    program_id: int
    program_name: str
    joined_on: date
    left_on: date | None


@dataclass(frozen=True)
class ParticipantRecord:
    """Everything the edit form shows about one child."""

    id: int
    details: ParticipantDetails
    site_name: str
    card_code: str | None
    archived: bool
    consents: tuple[ConsentRecord, ...]  # every consent ever given, oldest first
    enrollments: tuple[EnrollmentRecord, ...]

    def active_consent(self, purpose: ConsentPurpose) -> ConsentRecord | None:
        """The consent for this purpose that holds today, if any."""
        for consent in reversed(self.consents):
            if consent.purpose is purpose and consent.withdrawn_on is None:
                return consent
        return None


def _participant_rows() -> Select[int, str, str, int | None, str, str | None, bool, bool, bool]:
    return select(
        Participant.id,
        Participant.first_name,
        Participant.last_name,
        Participant.birth_year,
        Site.name,
        Participant.card_code,
        ~photo_consent_clause(),
        Participant.target_group,
        Participant.archived,
    ).join(Site, Site.id == Participant.site_id)


def list_participants(
    db: Database,
    site_id: int | None,
    include_archived: bool = False,
    *,
    by: int | None,
    typed: str = "",
    limit: int = PARTICIPANT_LIST_LIMIT,
    viewer_site_id: int | None = None,
) -> list[ParticipantRow]:
    """The children of a site (all sites for None), or those a search finds.

    A typed search narrows the list exactly as the desk's search does. They sort in the
    alphabetical order of their site's country; children of several countries in the
    viewer's (the laptop's site), else in Latvian order.
    """
    query = _where_found(
        _participant_rows().add_columns(Site.country), typed, site_id, include_archived
    )
    with db.reading() as tx:
        admin = reader_is_admin(tx, by)
        rows = tx.execute(query).all()
        language = _sorting_language(tx, {row[-1] for row in rows}, viewer_site_id)
    result = [
        ParticipantRow(
            row.id,
            row.first_name,
            row.last_name,
            row.birth_year,
            row.name,
            row.card_code,
            row[6],  # no photo consent
            row.target_group if admin else None,
            row.archived,
        )
        for row in rows
    ]
    result.sort(key=lambda p: person_key(p.first_name, p.last_name, language))
    return result[:limit]


def participant_record(db: Database, participant_id: int, *, by: int | None) -> ParticipantRecord:
    """One child with their consents and enrolments, for the edit form."""
    with db.reading() as tx:
        admin = reader_is_admin(tx, by)
        p = get_participant(tx, participant_id)
        consents = tx.scalars(
            select(Consent).where(Consent.participant_id == participant_id).order_by(Consent.id)
        ).all()
        enrollments = tx.execute(
            select(
                Enrollment.id,
                Enrollment.program_id,
                Program.name,
                Enrollment.joined_on,
                Enrollment.left_on,
            )
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.participant_id == participant_id)
            .order_by(Enrollment.joined_on, Enrollment.id)
        ).all()
        return ParticipantRecord(
            id=p.id,
            details=ParticipantDetails(
                first_name=p.first_name,
                last_name=p.last_name,
                birth_year=p.birth_year,
                site_id=p.site_id,
                gender=p.gender,
                guardian_name=p.guardian_name,
                guardian_phone=p.guardian_phone,
                target_group=p.target_group if admin else None,
                notes=p.notes,
            ),
            site_name=p.site.name,
            card_code=p.card_code,
            archived=p.archived,
            consents=tuple(
                ConsentRecord(c.id, c.purpose, c.given_by, c.given_on, c.withdrawn_on)
                for c in consents
            ),
            enrollments=tuple(EnrollmentRecord(*row) for row in enrollments),
        )


def enrolment_choices(db: Database, participant_id: int) -> list[tuple[int, str]]:
    """Closed training cycles of the child's site they are not yet enrolled in: id, name."""
    with db.reading() as tx:
        p = get_participant(tx, participant_id)
        enrolled = select(Enrollment.program_id).where(Enrollment.participant_id == participant_id)
        rows = tx.execute(
            select(Program.id, Program.name).where(
                Program.site_id == p.site_id,
                Program.kind == ProgramKind.CLOSED,
                Program.id.not_in(enrolled),
            )
        ).all()
    choices = [(program_id, name) for program_id, name in rows]
    choices.sort(key=lambda choice: latvian_key(choice[1]))
    return choices

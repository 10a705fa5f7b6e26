"""Use cases for children: register, edit, archive, consents and enrolment (finding a child is
db/search.py; the Participants page's reads are db/participant_records.py)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit
from db.accounts import require_admin
from db.audit_actions import AuditAction
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    Consent,
    ConsentPurpose,
    Enrollment,
    Gender,
    Participant,
    Program,
    ProgramKind,
    Site,
)
from db.names import fold
from db.scancodes import new_card_code

OLDEST_BIRTH_YEAR = 1900
SEARCH_NAME_LENGTH = 170  # Participant.search_name's column


@dataclass(frozen=True)
class ParticipantDetails:
    """What a librarian types about a child; nothing more is collected."""

    first_name: str
    last_name: str
    birth_year: int | None
    site_id: int
    gender: Gender | None = None
    guardian_name: str = ""
    guardian_phone: str = ""
    # None: the mark is not shown to whoever edits (a librarian), and stays as it is.
    target_group: bool | None = False
    notes: str = ""


def get_participant(tx: Session, participant_id: int) -> Participant:
    participant = tx.get(Participant, participant_id)
    if participant is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Participant"), key=participant_id)
    return participant


# Control characters (pasted junk, a stray NUL PostgreSQL would refuse), line and paragraph
# separators, and format characters: bidirectional overrides and isolates (U+202A–U+202E,
# U+2066–U+2069) that turn a name around on screen and paper, zero-width characters
# (U+200B–U+200F, U+2060, U+FEFF) that make two names look alike but differ.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def without_control(text: str, keep: str = "") -> str:
    """Text without control, invisible or direction-changing characters."""
    return "".join(
        ch for ch in text if ch in keep or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )


def one_line(text: str) -> str:
    return " ".join(without_control(text).split())


def search_name(first_name: str, last_name: str) -> str:
    """The folded name searches match; cut to its column, as folding may lengthen it (Ǆ → dz)."""
    return fold(f"{first_name} {last_name}")[:SEARCH_NAME_LENGTH]


def _clean(details: ParticipantDetails, this_year: int) -> ParticipantDetails:
    first, last = one_line(details.first_name), one_line(details.last_name)
    if not first or not last:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "First name and last name are both needed.")
        )
    if len(first) > 80 or len(last) > 80:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "A name may be at most 80 characters long.")
        )
    if details.birth_year is not None and not (
        OLDEST_BIRTH_YEAR <= details.birth_year <= this_year
    ):
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError", "The birth year must be between 1900 and this year."
            )
        )
    if len(details.guardian_phone) > 40 or len(details.guardian_name) > 160:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "The guardian's name or phone is too long.")
        )
    return ParticipantDetails(
        first_name=first,
        last_name=last,
        birth_year=details.birth_year,
        site_id=details.site_id,
        gender=details.gender,
        guardian_name=one_line(details.guardian_name),
        guardian_phone=one_line(details.guardian_phone),
        target_group=details.target_group,
        notes=without_control(details.notes, keep="\n\t").strip(),
    )


def _snapshot(p: Participant) -> dict[str, object]:
    # The audit log keeps which fields changed; the sensitive mark only as "changed".
    return {
        "first_name": p.first_name,
        "last_name": p.last_name,
        "birth_year": p.birth_year,
        "gender": p.gender,
        "site_id": p.site_id,
        "guardian_name": p.guardian_name,
        "guardian_phone": p.guardian_phone,
        "target_group": p.target_group,
        "notes": p.notes,
    }


# The target-group mark says a child is from a social-risk family: only an admin sets it.
MARK_TARGET_GROUP = QT_TRANSLATE_NOOP(
    "DomainError", "mark a child as from a social-risk family (the target group)"
)


def _may_mark(tx: Session, by: int | None, before: bool, after: bool) -> None:
    if before != after:
        require_admin(tx, by, MARK_TARGET_GROUP)


def _require_site(tx: Session, site_id: int) -> None:
    if tx.get(Site, site_id) is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Site"), key=site_id)


def _add_participant(tx: Session, details: ParticipantDetails, by: int | None) -> Participant:
    clean = _clean(details, date.today().year)
    _require_site(tx, clean.site_id)
    _may_mark(tx, by, False, bool(clean.target_group))
    participant = Participant(
        first_name=clean.first_name,
        last_name=clean.last_name,
        search_name=search_name(clean.first_name, clean.last_name),
        birth_year=clean.birth_year,
        gender=clean.gender,
        site_id=clean.site_id,
        card_code=new_card_code(),
        target_group=bool(clean.target_group),
        notes=clean.notes,
        guardian_name=clean.guardian_name,
        guardian_phone=clean.guardian_phone,
    )
    tx.add(participant)
    tx.flush()
    audit.record(
        tx,
        by,
        AuditAction.PARTICIPANT_REGISTERED,
        "participant",
        participant.id,
        f"Registered {participant.full_name}",
    )
    return participant


def register_participant(
    db: Database, details: ParticipantDetails, *, by: int | None = None
) -> int:
    """Register a child and give them a new card code; returns the participant's id."""
    with db.unit_of_work() as uow:
        participant = _add_participant(uow.tx, details, by)
        uow.commit()
        return participant.id


def register_walk_in(
    db: Database,
    details: ParticipantDetails,
    consents: list[ConsentPurpose],
    given_by: str,
    given_on: date,
    *,
    by: int | None = None,
) -> int:
    """A new child at the desk: registered with the guardian's consents in one transaction."""
    with db.unit_of_work() as uow:
        participant = _add_participant(uow.tx, details, by)
        for purpose in consents:
            _give_consent(uow.tx, participant, purpose, given_by, given_on, by)
        uow.commit()
        return participant.id


def edit_participant(
    db: Database, participant_id: int, details: ParticipantDetails, *, by: int | None = None
) -> None:
    """Change what is recorded about a child; the audit log keeps old → new."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        clean = _clean(details, date.today().year)
        _require_site(uow.tx, clean.site_id)
        marked = participant.target_group if clean.target_group is None else clean.target_group
        _may_mark(uow.tx, by, participant.target_group, marked)
        before = _snapshot(participant)
        participant.first_name = clean.first_name
        participant.last_name = clean.last_name
        participant.search_name = search_name(clean.first_name, clean.last_name)
        participant.birth_year = clean.birth_year
        participant.gender = clean.gender
        participant.site_id = clean.site_id
        participant.guardian_name = clean.guardian_name
        participant.guardian_phone = clean.guardian_phone
        participant.target_group = marked
        participant.notes = clean.notes
        changes = audit.diff(before, _snapshot(participant))
        if changes:
            audit.record(
                uow.tx,
                by,
                AuditAction.PARTICIPANT_EDITED,
                "participant",
                participant.id,
                f"Edited {participant.full_name}: {', '.join(sorted(changes))}",
                changes,
            )
        uow.commit()


def set_archived(
    db: Database, participant_id: int, archived: bool = True, *, by: int | None = None
) -> None:
    """Archive a child who no longer comes (or bring them back); their history stays."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        if participant.archived == archived:
            return
        participant.archived = archived
        audit.record(
            uow.tx,
            by,
            AuditAction.PARTICIPANT_ARCHIVED if archived else AuditAction.PARTICIPANT_RESTORED,
            "participant",
            participant.id,
            f"{'Archived' if archived else 'Restored'} {participant.full_name}",
            {"archived": [not archived, archived]},
        )
        uow.commit()


def _give_consent(
    tx: Session,
    participant: Participant,
    purpose: ConsentPurpose,
    given_by: str,
    given_on: date,
    by: int | None,
) -> Consent:
    active = _active_consent(tx, participant.id, purpose)
    if active is not None:
        return active
    consent = Consent(
        participant_id=participant.id,
        purpose=purpose,
        given_by=given_by.strip()[:160],
        given_on=given_on,
    )
    tx.add(consent)
    tx.flush()
    audit.record(
        tx,
        by,
        AuditAction.CONSENT_GIVEN,
        "consent",
        consent.id,
        f"{purpose.value} consent for {participant.full_name} given by {consent.given_by}",
    )
    return consent


def record_consent(
    db: Database,
    participant_id: int,
    purpose: ConsentPurpose,
    given_by: str,
    given_on: date,
    *,
    by: int | None = None,
) -> int:
    """Record a guardian's consent for one purpose; an earlier active one stays as it was."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        consent = _give_consent(uow.tx, participant, purpose, given_by, given_on, by)
        uow.commit()
        return consent.id


def withdraw_consent(
    db: Database,
    participant_id: int,
    purpose: ConsentPurpose,
    withdrawn_on: date,
    *,
    by: int | None = None,
) -> None:
    """A guardian withdraws a consent; the record of it having been given stays."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        active = _active_consent(uow.tx, participant_id, purpose)
        if active is None:
            return
        active.withdrawn_on = withdrawn_on
        audit.record(
            uow.tx,
            by,
            AuditAction.CONSENT_WITHDRAWN,
            "consent",
            active.id,
            f"{purpose.value} consent for {participant.full_name} withdrawn",
        )
        uow.commit()


def _active_consent(tx: Session, participant_id: int, purpose: ConsentPurpose) -> Consent | None:
    return tx.scalars(
        select(Consent).where(
            Consent.participant_id == participant_id,
            Consent.purpose == purpose,
            Consent.withdrawn_on.is_(None),
        )
    ).first()


def photo_consent_clause() -> ColumnElement[bool]:
    """SQL true where a participant has an active photo consent (for lists and the desk)."""
    return exists().where(
        Consent.participant_id == Participant.id,
        Consent.purpose == ConsentPurpose.PHOTO,
        Consent.withdrawn_on.is_(None),
    )


def enrol(
    db: Database, participant_id: int, program_id: int, joined_on: date, *, by: int | None = None
) -> int:
    """Enrol a child in a closed training cycle from a date; enrolling twice changes nothing."""
    with db.unit_of_work() as uow:
        participant = get_participant(uow.tx, participant_id)
        program = uow.tx.get(Program, program_id)
        if program is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Program"), key=program_id)
        if program.kind is not ProgramKind.CLOSED:
            raise InvalidInput(
                problem=QT_TRANSLATE_NOOP(
                    "DomainError", "Only a closed training cycle takes enrolments."
                )
            )
        existing = uow.tx.scalars(
            select(Enrollment).where(
                Enrollment.program_id == program_id, Enrollment.participant_id == participant_id
            )
        ).first()
        if existing is not None:
            return existing.id
        enrollment = Enrollment(
            program_id=program_id, participant_id=participant_id, joined_on=joined_on
        )
        uow.tx.add(enrollment)
        try:
            uow.tx.flush()
        except IntegrityError:  # enrolled at the same moment from another laptop
            uow.tx.rollback()
            return enrol(db, participant_id, program_id, joined_on, by=by)
        audit.record(
            uow.tx,
            by,
            AuditAction.ENROLLMENT_ADDED,
            "enrollment",
            enrollment.id,
            f"Enrolled {participant.full_name} in {program.name} from {joined_on.isoformat()}",
        )
        uow.commit()
        return enrollment.id

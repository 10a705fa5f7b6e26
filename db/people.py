"""Use cases for children: register, edit, archive, consents, enrolment, and finding them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, exists, false, literal, or_, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit
from db.accounts import NotSignedIn, reader_is_admin, require_admin
from db.audit_actions import AuditAction
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, UnknownCode
from db.models import (
    Consent,
    ConsentPurpose,
    Enrollment,
    Gender,
    Participant,
    Program,
    ProgramKind,
    Site,
    Staff,
)
from db.names import fold, latvian_key, list_language, person_key
from db.scancodes import new_card_code

OLDEST_BIRTH_YEAR = 1900
SEARCH_NAME_LENGTH = 170  # Participant.search_name's column
SEARCH_LIMIT = 30
Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


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


def _one_line(text: str) -> str:
    return " ".join(without_control(text).split())


def search_name(first_name: str, last_name: str) -> str:
    """The folded name searches match; cut to its column, as folding may lengthen it (Ǆ → dz)."""
    return fold(f"{first_name} {last_name}")[:SEARCH_NAME_LENGTH]


def _clean(details: ParticipantDetails, this_year: int) -> ParticipantDetails:
    first, last = _one_line(details.first_name), _one_line(details.last_name)
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
        guardian_name=_one_line(details.guardian_name),
        guardian_phone=_one_line(details.guardian_phone),
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
    signed_in = exists().where(Staff.id == by, Staff.active.is_(True))
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
    folded = search_name(_one_line(first_name), _one_line(last_name))
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


# --- Reads for the Participants page -------------------------------------------------------

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

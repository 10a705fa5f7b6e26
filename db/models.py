"""The records of the OPEN UP project: who came to which session, and which equipment is where.

Rules that must hold when two laptops write at once live here as database constraints:
one open loan per item, one attendance row per child per session, unique tags and card codes.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.clock import now_utc

# Stable constraint names, so Alembic can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An instant, stored as naive UTC everywhere and always handed back time-zone aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum(cls: type[enum.Enum], name: str) -> SqlEnum:
    # Stored as plain text with a CHECK, so SQLite and PostgreSQL hold the same values.
    return SqlEnum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def new_uid() -> str:
    """A record's identity no other laptop can also give (records made at a desk offline)."""
    return str(uuid.uuid4())


UID_LENGTH = 36  # a UUID's text: 8-4-4-4-12 hex digits


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Role(enum.StrEnum):
    ADMIN = "admin"
    LIBRARIAN = "librarian"


class Gender(enum.StrEnum):
    GIRL = "girl"
    BOY = "boy"


class ConsentPurpose(enum.StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    PUBLICATION = "publication"
    DATA_PROCESSING = "data_processing"


class ProgramKind(enum.StrEnum):
    CLOSED = "closed"  # a training cycle with enrolment (the 20 sessions)
    OPEN = "open"  # "Nāc, pievienojies!": anyone may come
    CAMP = "camp"
    SEMINAR = "seminar"  # for librarians


# The order programs are listed in reports: the training cycle first, seminars (adults) last.
KIND_ORDER = (ProgramKind.CLOSED, ProgramKind.OPEN, ProgramKind.CAMP, ProgramKind.SEMINAR)


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"  # "did not occur"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"
    ABSENT = "absent"


# A child "came" when present or late; excused and absent marks are not attendances.
CAME = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class CheckInMethod(enum.StrEnum):
    SCAN = "scan"
    NAME_SEARCH = "name_search"
    KIOSK = "kiosk"
    AFTER_THE_FACT = "after_the_fact"


class ItemCategory(enum.StrEnum):
    LAPTOP = "laptop"
    CAMERA = "camera"
    CONSOLE = "console"
    CONTROLLER = "controller"
    GAME = "game"
    INTERACTIVE_TABLE = "interactive_table"
    TV = "tv"
    OTHER = "other"


class ItemStatus(enum.StrEnum):
    AVAILABLE = "available"
    IN_REPAIR = "in_repair"
    RETIRED = "retired"


class Site(Base):
    """A library taking part: Jēkabpils, Ludza or Rokiškis."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    country: Mapped[str] = mapped_column(String(2))  # LV or LT, for the funder's split
    library_name: Mapped[str] = mapped_column(String(200), default="")


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))  # OPEN UP
    number: Mapped[str] = mapped_column(String(40), unique=True)  # LLI-263
    title: Mapped[str] = mapped_column(Text, default="")
    programme: Mapped[str] = mapped_column(String(200), default="")
    funding_statement: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class Staff(Base):
    """A librarian's account."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(_enum(Role, "role"), default=Role.LIBRARIAN)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    # Wrong passwords in a row; the fifth locks the account until locked_until.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column()


class Participant(Base):
    """A child (or, at seminars, a librarian from elsewhere) who attends sessions."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Given where the child is registered, a desk offline too, and kept when it is sent on.
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, index=True, default=new_uid)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    # Folded "first last" without diacritics, for as-you-type search in SQL.
    search_name: Mapped[str] = mapped_column(String(170), index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[Gender | None] = mapped_column(_enum(Gender, "gender"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    # Random and opaque: the QR on a card must reveal nothing about the child.
    card_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    # Child of a social-risk family: sensitive, only ever counted, never printed.
    target_group: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    guardian_name: Mapped[str] = mapped_column(String(160), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    site: Mapped[Site] = relationship()
    consents: Mapped[list[Consent]] = relationship(
        back_populates="participant", order_by="Consent.id"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Consent(Base):
    """A guardian's consent for one purpose; refusing it never blocks attendance."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(_enum(ConsentPurpose, "consent_purpose"))
    given_by: Mapped[str] = mapped_column(String(160), default="")
    given_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)

    participant: Mapped[Participant] = relationship(back_populates="consents")


class Program(Base):
    """A training cycle, the open Friday sessions, a camp or a seminar."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProgramKind] = mapped_column(_enum(ProgramKind, "program_kind"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    planned_sessions: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("site_id", "name"),)


class Session(Base):
    """One meeting of a program; its date and times are local to the library."""

    __tablename__ = "session"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    theme: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[SessionStatus] = mapped_column(
        _enum(SessionStatus, "session_status"), default=SessionStatus.PLANNED
    )
    # Visitors counted but not registered (the open sessions' passers-by).
    anonymous_headcount: Mapped[int] = mapped_column(Integer, default=0)

    program: Mapped[Program] = relationship()
    leader: Mapped[Staff | None] = relationship()

    __table_args__ = (
        UniqueConstraint("program_id", "day", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("anonymous_headcount >= 0", name="headcount_not_negative"),
    )


class Enrollment(Base):
    """A child in a closed program since a date: earlier sessions are not their absences."""

    __tablename__ = "enrollment"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("program_id", "participant_id"),)


class Attendance(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, index=True, default=new_uid)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(
        _enum(AttendanceStatus, "attendance_status"), default=AttendanceStatus.PRESENT
    )
    recorded_at: Mapped[datetime] = mapped_column(default=now_utc)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    method: Mapped[CheckInMethod] = mapped_column(_enum(CheckInMethod, "check_in_method"))

    participant: Mapped[Participant] = relationship()

    # One row per child per session, even when two laptops scan the same card.
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)


class Item(Base):
    """A piece of equipment with a QR label; a kit is an item with parts (the Xbox)."""

    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    tag: Mapped[str] = mapped_column(String(20), unique=True)  # LAP-01
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[ItemCategory] = mapped_column(_enum(ItemCategory, "item_category"))
    serial_number: Mapped[str] = mapped_column(String(100), default="")
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    status: Mapped[ItemStatus] = mapped_column(
        _enum(ItemStatus, "item_status"), default=ItemStatus.AVAILABLE
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    parent: Mapped[Item | None] = relationship(remote_side=[id], back_populates="parts")
    parts: Mapped[list[Item]] = relationship(back_populates="parent", order_by="Item.tag")


class Loan(Base):
    """An item out with a child, a librarian, or in use during a session."""

    __tablename__ = "loan"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, index=True, default=new_uid)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))
    lent_at: Mapped[datetime] = mapped_column(default=now_utc)
    due_at: Mapped[datetime]
    returned_at: Mapped[datetime | None]
    lent_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    return_note: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship()
    participant: Mapped[Participant | None] = relationship()
    staff: Mapped[Staff | None] = relationship(foreign_keys=[staff_id])
    session: Mapped[Session | None] = relationship()

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN participant_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN staff_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN session_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_borrower",
        ),
        # At most one open loan per item: a partial unique index both databases enforce.
        Index(
            "uq_loan_open_item",
            "item_id",
            unique=True,
            sqlite_where=text("returned_at IS NULL"),
            postgresql_where=text("returned_at IS NULL"),
        ),
        Index("ix_loan_item_lent_at", "item_id", "lent_at"),
        Index("ix_loan_open_due", "returned_at", "due_at"),
    )


class AuditEvent(Base):
    """Who changed what, written in the same transaction as the change."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(60))  # e.g. "participant.registered"
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The chain (see db.audit): this event's digest, and the chain value binding it to
    # every event before it; an erasure's event seals the events it rewrote.
    digest: Mapped[str | None] = mapped_column(String(64))
    chain: Mapped[str | None] = mapped_column(String(64))
    seals: Mapped[dict[str, str] | None] = mapped_column(JSON)
    sealed_by: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)


class SharedSetting(Base):
    """A rule the whole library keeps, the same on every laptop (e.g. the retention period).

    A laptop's own choices (language, sounds) live in its settings file instead."""

    __tablename__ = "shared_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class AppliedEntry(Base):
    """An entry of a desk's offline journal that reached this database: written in the same
    transaction as what the entry did, so the entry is never applied twice."""

    __tablename__ = "applied_entry"

    uid: Mapped[str] = mapped_column(String(UID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    laptop: Mapped[str] = mapped_column(String(100), default="")
    applied_at: Mapped[datetime] = mapped_column(default=now_utc)
    # The ids of the records the entry wrote ({"attendance": [..], "loan": [..]}), for an
    # undo sent later, and whether a check-in found the child already there.
    records: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

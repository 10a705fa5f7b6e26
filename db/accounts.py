"""Librarians' accounts: Argon2 passwords, sign-in with a lockout, and who may do what.

Two roles: an admin manages accounts (and settings, exports of personal data, erasure,
restore); a librarian does the desk work. The rule lives here, in the use cases, so a
hidden button is not the only thing between a librarian and an admin action.

`by=None` means direct access to the database (the command line, the demo filler, tests):
whoever can open the database file or URL is trusted, which is how an admin who forgot a
password gets back in. The program itself always passes the signed-in account as `by`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TypeVarTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Row, Select, exists, func, select, text, true
from sqlalchemy.orm import Session

from db import audit
from db.audit_actions import AuditAction
from db.clock import local, now_utc
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, DomainError, InvalidInput, NotFound
from db.models import Role, Site, Staff

USERNAME = re.compile(r"^[a-z0-9._-]{2,60}$")
MIN_PASSWORD_LENGTH = 8
MAX_WRONG_TRIES = 5
LOCK_MINUTES = 5


class SignInRefused(DomainError):
    # The same words for an unknown name, a wrong password and a disabled account,
    # so the sign-in never tells a stranger which usernames exist.
    template = QT_TRANSLATE_NOOP("DomainError", "The username or the password is wrong.")


class AccountLocked(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "Too many wrong passwords: this account is locked until {until}. "
        "Try again then, or ask an administrator.",
    )


class AdminOnly(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "Only an administrator may {action}.")


class NotSignedIn(DomainError):
    # An account removed or disabled while its owner was still signed in, or a wrong id.
    template = QT_TRANSLATE_NOOP(
        "DomainError", "Children's records are shown only to an active account: sign in again."
    )


class AccountsExist(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "This database already has accounts: the first administrator is created only once.",
    )


class LastAdmin(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The last active administrator cannot be disabled: make another one first.",
    )


# What AdminOnly names, translated as fields of the DomainError context.
MANAGE_ACCOUNTS = QT_TRANSLATE_NOOP("DomainError", "add, change or disable accounts")
BACK_UP_OR_RESTORE = QT_TRANSLATE_NOOP("DomainError", "back up or restore the database")
EXPORT_PARTICIPANTS = QT_TRANSLATE_NOOP("DomainError", "export the participants' records")
CHANGE_OTHERS_PASSWORD = QT_TRANSLATE_NOOP("DomainError", "change another person's password")


@dataclass(frozen=True)
class SignedIn:
    """Who is at the desk after a successful sign-in."""

    staff_id: int
    username: str
    display_name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended costs


@cache
def _dummy_hash() -> str:
    """A hash to check unknown usernames against, so they take as long as known ones."""
    return _hasher().hash("no such account")


def hash_password(password: str) -> str:
    """An Argon2id hash of a password that is long enough."""
    check_password(password)
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether a password matches its stored hash (an account without one never matches)."""
    try:
        return _hasher().verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "A password needs at least 8 characters.")
        )


def _clean_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP(
                "DomainError",
                "A username is 2–60 characters: small letters, digits, dots, hyphens.",
            )
        )
    return username


def require_admin(tx: Session, staff_id: int | None, action: str = MANAGE_ACCOUNTS) -> None:
    """Refuse unless the account acting is an active admin (None: direct database access)."""
    if staff_id is None:
        return
    staff = tx.get(Staff, staff_id)
    if staff is None or not staff.active or staff.role is not Role.ADMIN:
        raise AdminOnly(action=action)


def reader_is_admin(tx: Session, staff_id: int | None) -> bool:
    """Whether who reads children's records may see an administrator's part of them.

    None is direct database access (the command line), trusted like an administrator;
    an unknown or disabled account is refused, so it reads nothing at all.
    """
    if staff_id is None:
        return True
    staff = tx.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise NotSignedIn()
    return staff.role is Role.ADMIN


Ts = TypeVarTuple("Ts")


def may_read(staff_id: int | None) -> ColumnElement[bool]:
    """SQL true while the account may read children's records: `reader_is_admin`'s refusal
    as a condition of the query that reads them (None, the command line, always may)."""
    if staff_id is None:
        return true()
    return exists().where(Staff.id == staff_id, Staff.active.is_(True))


def rows_for_reader(db: Database, query: Select[*Ts], by: int | None) -> list[Row[*Ts]]:
    """A list's one query read for an account, one statement in autocommit: one round trip
    to a server. An account that may not read gets no rows and is refused; telling it from
    an empty list costs a second query, made only when no row came back."""
    with db.looking_up() as tx:
        rows = list(tx.execute(query.where(may_read(by))))
        if not rows:
            reader_is_admin(tx, by)
    return rows


def check_admin(db: Database, staff_id: int | None, action: str) -> None:
    """require_admin for a use case that has no transaction of its own (backups, exports)."""
    with db.reading() as tx:
        require_admin(tx, staff_id, action)


def add_staff(
    db: Database,
    username: str,
    display_name: str,
    role: Role = Role.LIBRARIAN,
    *,
    site_id: int | None = None,
    password: str | None = None,
    by: int | None = None,
) -> int:
    """Add a librarian's account (admins only); an existing username returns that account."""
    username = _clean_username(username)
    password_hash = hash_password(password) if password is not None else None
    with db.unit_of_work() as uow:
        require_admin(uow.tx, by)
        existing = uow.tx.scalars(select(Staff).where(Staff.username == username)).first()
        if existing is not None:
            return existing.id
        staff = Staff(
            username=username,
            display_name=" ".join(display_name.split()) or username,
            role=role,
            site_id=site_id,
            password_hash=password_hash,
        )
        uow.tx.add(staff)
        uow.tx.flush()
        audit.record(
            uow.tx,
            by,
            AuditAction.STAFF_ADDED,
            "staff",
            staff.id,
            f"Added {role.value} {username}",
        )
        uow.commit()
        return staff.id


def has_staff(db: Database) -> bool:
    """Whether any account exists (none: the program starts with the first-run dialog)."""
    with db.reading() as tx:
        return bool(tx.scalar(select(func.count()).select_from(Staff)))


def create_first_admin(
    db: Database,
    username: str,
    display_name: str,
    password: str,
    site_name: str,
    library_name: str,
    *,
    country: str = "LV",
) -> int:
    """The first administrator and the site they work at, on a database with no accounts."""
    username = _clean_username(username)
    site_name = " ".join(site_name.split())
    if not site_name:
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "Name the site, e.g. Jēkabpils.")
        )
    if country not in ("LV", "LT"):
        raise InvalidInput(
            problem=QT_TRANSLATE_NOOP("DomainError", "A site's country is LV or LT.")
        )
    password_hash = hash_password(password)
    with db.unit_of_work() as uow:
        tx = uow.tx
        if not db.is_sqlite:
            # Two first-run dialogs at once must not both see "no accounts": the second waits
            # here until the first commits (SQLite's BEGIN IMMEDIATE already queues writers).
            tx.execute(text("LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE"))
        if tx.scalar(select(func.count()).select_from(Staff)):
            raise AccountsExist()
        site = tx.scalars(select(Site).where(Site.name == site_name)).first()
        if site is None:
            site = Site(name=site_name, country=country, library_name=library_name.strip())
            tx.add(site)
            tx.flush()
            audit.record(
                tx, None, AuditAction.SITE_ADDED, "site", site.id, f"Added site {site_name}"
            )
        elif library_name.strip():
            site.library_name = library_name.strip()
        staff = Staff(
            username=username,
            display_name=" ".join(display_name.split()) or username,
            role=Role.ADMIN,
            site_id=site.id,
            password_hash=password_hash,
        )
        tx.add(staff)
        tx.flush()
        audit.record(
            tx, staff.id, AuditAction.STAFF_ADDED, "staff", staff.id, f"First admin {username}"
        )
        uow.commit()
        return staff.id


def sign_in(db: Database, username: str, password: str, *, at: datetime | None = None) -> SignedIn:
    """Check a password; the fifth wrong one in a row locks the account for LOCK_MINUTES."""
    at = at or now_utc()
    name = username.strip().lower()
    with db.unit_of_work() as uow:
        staff = uow.tx.scalars(
            select(Staff).where(Staff.username == name).with_for_update()
        ).first()
        if staff is None or not staff.active:
            verify_password(None, password)  # as slow as a real check
            raise SignInRefused()
        if staff.locked_until is not None and staff.locked_until > at:
            raise AccountLocked(until=f"{local(staff.locked_until):%H:%M}")
        if not verify_password(staff.password_hash, password):
            staff.failed_sign_ins += 1
            if staff.failed_sign_ins >= MAX_WRONG_TRIES:
                staff.failed_sign_ins = 0
                staff.locked_until = at + timedelta(minutes=LOCK_MINUTES)
                audit.record(
                    uow.tx,
                    None,
                    AuditAction.STAFF_LOCKED,
                    "staff",
                    staff.id,
                    f"Locked {staff.username} after {MAX_WRONG_TRIES} wrong passwords",
                )
                until = staff.locked_until
                uow.commit()
                raise AccountLocked(until=f"{local(until):%H:%M}")
            uow.commit()
            raise SignInRefused()
        staff.failed_sign_ins = 0
        staff.locked_until = None
        assert staff.password_hash is not None
        if _hasher().check_needs_rehash(staff.password_hash):
            staff.password_hash = _hasher().hash(password)
        signed_in = SignedIn(staff.id, staff.username, staff.display_name, staff.role)
        uow.commit()
        return signed_in


def staff_id_of(db: Database, username: str) -> int:
    """The account with this username (the command line names accounts by username)."""
    name = username.strip().lower()
    with db.reading() as tx:
        found = tx.scalar(select(Staff.id).where(Staff.username == name))
    if found is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Account"), key=name)
    return found


def signed_in_as(db: Database, staff_id: int) -> SignedIn:
    """Who an account is, for the status bar and the idle lock."""
    with db.reading() as tx:
        staff = tx.get(Staff, staff_id)
        if staff is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Account"), key=staff_id)
        return SignedIn(staff.id, staff.username, staff.display_name, staff.role)


def may_administer(db: Database, staff_id: int | None) -> bool:
    """Whether the program offers admin actions to this account (None: direct access)."""
    if staff_id is None:
        return True
    with db.reading() as tx:
        staff = tx.get(Staff, staff_id)
        return staff is not None and staff.active and staff.role is Role.ADMIN


def set_password(
    db: Database,
    staff_id: int,
    password: str,
    *,
    by: int | None = None,
    command_line_user: str | None = None,
) -> None:
    """A new password; anyone may change their own, only an admin another person's.

    It also lifts a lockout, so an admin can let a locked-out librarian back in.
    `command_line_user`: the system account that set it from the command line (by=None).
    """
    password_hash = hash_password(password)
    with db.unit_of_work() as uow:
        if by != staff_id:
            require_admin(uow.tx, by, CHANGE_OTHERS_PASSWORD)
        staff = uow.tx.get(Staff, staff_id, with_for_update=True)
        if staff is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Account"), key=staff_id)
        staff.password_hash = password_hash
        staff.failed_sign_ins = 0
        staff.locked_until = None
        audit.record(
            uow.tx,
            by,
            AuditAction.STAFF_PASSWORD,
            "staff",
            staff.id,
            f"New password for {staff.username}"
            + (
                f", set from the command line by the system user {command_line_user}"
                if command_line_user is not None
                else ""
            ),
        )
        uow.commit()


def disable_staff(db: Database, staff_id: int, *, by: int | None = None) -> None:
    """Close an account (admins only); its name stays on the records it made."""
    with db.unit_of_work() as uow:
        require_admin(uow.tx, by)
        staff = uow.tx.get(Staff, staff_id, with_for_update=True)
        if staff is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("DomainError", "Account"), key=staff_id)
        if not staff.active:
            return
        if staff.role is Role.ADMIN:
            admins = uow.tx.scalar(
                select(func.count())
                .select_from(Staff)
                .where(Staff.role == Role.ADMIN, Staff.active.is_(True))
            )
            if admins == 1:
                raise LastAdmin()
        staff.active = False
        audit.record(
            uow.tx,
            by,
            AuditAction.STAFF_DISABLED,
            "staff",
            staff.id,
            f"Disabled {staff.username}",
            {"active": [True, False]},
        )
        uow.commit()


def list_staff(db: Database, *, active_only: bool = True) -> list[tuple[int, str, str, Role]]:
    """Accounts for choosers (session leader, borrower): id, username, display name, role."""
    query = select(Staff.id, Staff.username, Staff.display_name, Staff.role).order_by(
        Staff.display_name
    )
    if active_only:
        query = query.where(Staff.active.is_(True))
    with db.reading() as tx:
        return [(row[0], row[1], row[2], row[3]) for row in tx.execute(query)]

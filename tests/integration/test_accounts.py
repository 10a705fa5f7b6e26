"""Accounts: the first admin, Argon2 sign-in with a lockout, and admin-only use cases."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.accounts import (
    LOCK_MINUTES,
    AccountLocked,
    AccountsExist,
    AdminOnly,
    LastAdmin,
    SignInRefused,
    add_staff,
    create_first_admin,
    disable_staff,
    has_staff,
    set_password,
    sign_in,
    staff_id_of,
)
from db.database import Database
from db.errors import InvalidInput
from db.models import AuditEvent, Role, Site, Staff
from tests.conftest import Desk

ROOT = Path(__file__).resolve().parents[2]
FRIDAY = datetime(2018, 10, 5, 13, 0, tzinfo=UTC)  # 16:00 in Jēkabpils


def first_admin(db: Database) -> int:
    return create_first_admin(
        db, "ilze", "Ilze Kalniņa", "kalniņa-2018", "Jēkabpils", "Jēkabpils Galvenā bibliotēka"
    )


def staff_row(db: Database, staff_id: int) -> Staff:
    with db.reading() as tx:
        staff = tx.get(Staff, staff_id)
        assert staff is not None
        return staff


def audit_actions(db: Database) -> list[str]:
    with db.reading() as tx:
        return list(tx.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_first_admin_on_an_empty_database(any_db: Database) -> None:
    assert not has_staff(any_db)
    admin = first_admin(any_db)
    assert has_staff(any_db)
    row = staff_row(any_db, admin)
    assert row.role is Role.ADMIN and row.active
    assert row.password_hash is not None and row.password_hash.startswith("$argon2id$")
    assert "kalniņa-2018" not in row.password_hash
    with any_db.reading() as tx:
        site = tx.scalars(select(Site)).one()
    assert (site.name, site.library_name) == ("Jēkabpils", "Jēkabpils Galvenā bibliotēka")
    assert row.site_id == site.id
    signed = sign_in(any_db, "Ilze ", "kalniņa-2018")
    assert signed.staff_id == admin and signed.is_admin


def test_two_first_run_dialogs_at_once_make_one_admin(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two laptops on a new shared database: only one first admin, the other is refused."""
    import threading
    import time

    import db.accounts

    real_record = db.accounts.audit.record

    def slow_record(*args: Any, **kwargs: Any) -> None:
        time.sleep(0.3)  # a wide window between "no accounts yet" and the commit
        real_record(*args, **kwargs)

    monkeypatch.setattr(db.accounts.audit, "record", slow_record)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def first_run(username: str, site: str) -> None:
        start.wait()
        try:
            create_first_admin(any_db, username, username, f"{username}-2018-pw", site, "")
            outcomes[username] = "admin"
        except AccountsExist:
            outcomes[username] = "refused"

    threads = [
        threading.Thread(target=first_run, args=("ilze", "Jēkabpils")),
        threading.Thread(target=first_run, args=("rasa", "Ludza")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["admin", "refused"]
    with any_db.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(Staff)) == 1
        assert tx.scalar(select(func.count()).select_from(Site)) == 1


def test_first_admin_only_once(sqlite_db: Database) -> None:
    first_admin(sqlite_db)
    with pytest.raises(AccountsExist):
        create_first_admin(sqlite_db, "mallory", "Mallory", "mallory-2018", "Ludza", "")
    with sqlite_db.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(Staff)) == 1
        assert tx.scalar(select(func.count()).select_from(Site)) == 1


def test_first_admin_needs_a_real_password(sqlite_db: Database) -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        create_first_admin(sqlite_db, "ilze", "Ilze", "short", "Jēkabpils", "")
    assert not has_staff(sqlite_db)


def test_wrong_name_and_wrong_password_read_the_same(sqlite_db: Database) -> None:
    first_admin(sqlite_db)
    with pytest.raises(SignInRefused) as wrong_password:
        sign_in(sqlite_db, "ilze", "kalnina-2018")
    with pytest.raises(SignInRefused) as wrong_name:
        sign_in(sqlite_db, "ilse", "kalniņa-2018")
    assert wrong_password.value.message == wrong_name.value.message


def test_five_wrong_tries_lock_the_account_for_a_while(any_db: Database) -> None:
    admin = first_admin(any_db)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            sign_in(any_db, "ilze", "guess-guess", at=FRIDAY)
    assert staff_row(any_db, admin).failed_sign_ins == 4
    with pytest.raises(AccountLocked) as locked:
        sign_in(any_db, "ilze", "guess-guess", at=FRIDAY)
    assert "16:05" in locked.value.message  # until when, on the library's clock
    # Locked: even the right password is refused, and says until when.
    with pytest.raises(AccountLocked, match="16:05"):
        sign_in(any_db, "ilze", "kalniņa-2018", at=FRIDAY + timedelta(minutes=LOCK_MINUTES - 1))
    assert "staff.locked" in audit_actions(any_db)
    # After the lock, the right password works and the count starts again.
    later = FRIDAY + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert sign_in(any_db, "ilze", "kalniņa-2018", at=later).staff_id == admin
    row = staff_row(any_db, admin)
    assert row.failed_sign_ins == 0 and row.locked_until is None


def test_a_right_password_resets_the_count(sqlite_db: Database) -> None:
    admin = first_admin(sqlite_db)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            sign_in(sqlite_db, "ilze", "guess-guess", at=FRIDAY)
    sign_in(sqlite_db, "ilze", "kalniņa-2018", at=FRIDAY)
    with pytest.raises(SignInRefused):  # a fifth wrong try, but not in a row: no lock
        sign_in(sqlite_db, "ilze", "guess-guess", at=FRIDAY)
    assert staff_row(sqlite_db, admin).locked_until is None


def test_a_librarian_cannot_add_accounts(desk: Desk) -> None:
    """The role rule is in the use case: nothing is written, whatever the UI shows."""
    set_password(desk.db, desk.librarian_id, "anna-2018-anna")
    before = audit_actions(desk.db)
    with pytest.raises(AdminOnly, match="Only an administrator may"):
        add_staff(
            desk.db, "peteris", "Pēteris", Role.ADMIN, password="x" * 12, by=desk.librarian_id
        )
    with desk.db.reading() as tx:
        assert tx.scalar(select(Staff).where(Staff.username == "peteris")) is None
    assert audit_actions(desk.db) == before


def test_a_librarian_cannot_disable_or_reset_another_account(desk: Desk) -> None:
    admin = add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    old_hash = staff_row(desk.db, admin).password_hash
    with pytest.raises(AdminOnly):
        disable_staff(desk.db, admin, by=desk.librarian_id)
    with pytest.raises(AdminOnly):
        set_password(desk.db, admin, "taken-over!", by=desk.librarian_id)
    row = staff_row(desk.db, admin)
    assert row.active and row.password_hash == old_hash
    # Their own password they may change.
    set_password(desk.db, desk.librarian_id, "anna-new-2018", by=desk.librarian_id)
    assert sign_in(desk.db, "anna", "anna-new-2018").staff_id == desk.librarian_id


def test_an_admin_manages_accounts(desk: Desk) -> None:
    admin = add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    peteris = add_staff(desk.db, "peteris", "Pēteris Bērziņš", password="berzins-2018", by=admin)
    assert sign_in(desk.db, "peteris", "berzins-2018").role is Role.LIBRARIAN
    # An admin's new password also lifts a lock.
    for _ in range(5):
        with pytest.raises((SignInRefused, AccountLocked)):
            sign_in(desk.db, "peteris", "wrong-wrong")
    set_password(desk.db, peteris, "berzins-2019", by=admin)
    assert sign_in(desk.db, "peteris", "berzins-2019").staff_id == peteris
    disable_staff(desk.db, peteris, by=admin)
    with pytest.raises(SignInRefused):  # a closed account reads like a wrong password
        sign_in(desk.db, "peteris", "berzins-2019")
    actions = audit_actions(desk.db)
    assert {"staff.added", "staff.password", "staff.disabled", "staff.locked"} <= set(actions)


def test_a_disabled_admin_is_no_admin(desk: Desk) -> None:
    ilze = add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    maris = add_staff(desk.db, "maris", "Māris Liepa", Role.ADMIN, password="liepa-2018!", by=ilze)
    disable_staff(desk.db, maris, by=ilze)
    with pytest.raises(AdminOnly):
        add_staff(desk.db, "x-user", "X", by=maris)


def test_the_last_admin_cannot_be_disabled(desk: Desk) -> None:
    admin = add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN, password="kalniņa-2018")
    with pytest.raises(LastAdmin):
        disable_staff(desk.db, admin, by=admin)
    assert staff_row(desk.db, admin).active


def test_unknown_username_is_not_found(sqlite_db: Database) -> None:
    from db.errors import NotFound

    with pytest.raises(NotFound):
        staff_id_of(sqlite_db, "nobody")


def user_command(path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "user", *args, "--db", str(path)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XDG_DATA_HOME": str(path.parent), "PATH": "/usr/bin:/bin", "HOME": str(path.parent)},
        timeout=120,
    )


def test_the_admin_who_forgot_a_password_gets_back_in(tmp_path: Path) -> None:
    """`user add|passwd|disable` need no sign-in: only direct access to the database."""
    path = tmp_path / "desk.sqlite3"
    added = user_command(
        path,
        "add",
        "ilze",
        "--name",
        "Ilze Kalniņa",
        "--admin",
        "--password-stdin",
        stdin="kalniņa-2018\n",
    )
    assert added.returncode == 0, added.stderr
    assert "admin account ilze" in added.stdout
    database = Database(f"sqlite:///{path}")
    try:
        ilze = sign_in(database, "ilze", "kalniņa-2018")
        assert ilze.is_admin and ilze.display_name == "Ilze Kalniņa"
        for _ in range(5):  # she forgot it, and locked herself out
            with pytest.raises((SignInRefused, AccountLocked)):
                sign_in(database, "ilze", "kalnina-2018")
        again = user_command(path, "add", "ilze", "--password-stdin", stdin="other-password\n")
        assert again.returncode == 1 and "exists already" in again.stderr
        short = user_command(path, "passwd", "ilze", "--password-stdin", stdin="short\n")
        assert short.returncode == 1 and "at least 8" in short.stderr
        reset = user_command(path, "passwd", "ilze", "--password-stdin", stdin="jauna-parole-1\n")
        assert reset.returncode == 0, reset.stderr
        assert sign_in(database, "ilze", "jauna-parole-1").staff_id == ilze.staff_id  # unlocked
        anna = user_command(path, "add", "anna", "--password-stdin", stdin="anna-2018-x\n")
        assert anna.returncode == 0 and "librarian account anna" in anna.stdout
        disabled = user_command(path, "disable", "anna")
        assert disabled.returncode == 0, disabled.stderr
        with pytest.raises(SignInRefused):
            sign_in(database, "anna", "anna-2018-x")
        unknown = user_command(path, "passwd", "nobody", "--password-stdin", stdin="x" * 9)
        assert unknown.returncode == 1 and "nobody was not found" in unknown.stderr
    finally:
        database.dispose()

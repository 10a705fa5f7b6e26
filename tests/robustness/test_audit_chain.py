"""Tampering with the audit log by hand: a row deleted, edited or added is named by the
check; erasure and racing laptops leave the chain intact."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from db.accounts import AdminOnly, add_staff
from db.attendance import check_in
from db.audit_actions import AuditAction
from db.audit_log import Break, check_audit_log, check_sentence, last_audit_check
from db.clock import local
from db.database import QUEUED, Database, sqlite_path
from db.migrate import migrate
from db.models import AuditEvent, Role
from db.privacy import erase_participant
from tests.conftest import Desk, make_desk
from tests.integration.test_privacy import marta_with_history

ROOT = Path(__file__).resolve().parents[2]


def event_ids(db: Database) -> list[int]:
    with db.reading() as tx:
        return list(tx.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))


def tamper(db: Database, sql: str, **params: Any) -> None:
    """A change made by hand, outside the program (a database browser, an SQL console)."""
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def at_of(db: Database, event_id: int) -> Any:
    with db.reading() as tx:
        return tx.scalar(select(AuditEvent.at).where(AuditEvent.id == event_id))


def test_an_untouched_log_is_intact_and_the_check_is_kept(any_desk: Desk) -> None:
    db = any_desk.db
    check_in(db, any_desk.session_id, any_desk.ilze_id, by=any_desk.librarian_id)
    assert last_audit_check(db, by=None) is None

    found = check_audit_log(db, by=None)

    assert found.intact and found.events == len(event_ids(db)) >= 10
    assert check_sentence(found) == ("{events} events, chain intact.", {"events": found.events})
    kept = last_audit_check(db, by=None)
    assert kept is not None and kept.intact and kept.last_intact == found.checked_at
    with pytest.raises(AdminOnly):
        check_audit_log(db, by=any_desk.librarian_id)
    with pytest.raises(AdminOnly):
        last_audit_check(db, by=any_desk.librarian_id)


def test_an_edited_row_is_named(any_desk: Desk) -> None:
    db = any_desk.db
    edited = event_ids(db)[3]
    tamper(db, "UPDATE audit_event SET description = 'Nekas nenotika' WHERE id = :id", id=edited)

    found = check_audit_log(db, by=None)

    assert (found.broken, found.event_id, found.event_at) == (
        Break.CHANGED,
        edited,
        at_of(db, edited),
    )
    template, fields = check_sentence(found)
    assert template.format(**fields).startswith(f"The audit log is broken at event #{edited} (")


def test_an_edited_time_or_account_is_named(any_desk: Desk) -> None:
    db = any_desk.db
    moved = event_ids(db)[-2]
    tamper(db, "UPDATE audit_event SET staff_id = NULL, entity_id = 99 WHERE id = :id", id=moved)
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.CHANGED, moved)


def test_a_deleted_row_is_named_by_the_event_after_it(any_desk: Desk) -> None:
    db = any_desk.db
    ids = event_ids(db)
    tamper(db, "DELETE FROM audit_event WHERE id = :id", id=ids[4])

    found = check_audit_log(db, by=None)

    assert (found.broken, found.event_id) == (Break.LINK, ids[5])
    assert found.events == len(ids) - 1
    template, fields = check_sentence(found)
    assert "an event before it was removed" in template.format(**fields)


def test_deleting_the_newest_rows_is_found(any_desk: Desk) -> None:
    db = any_desk.db
    ids = event_ids(db)
    tamper(db, "DELETE FROM audit_event WHERE id >= :id", id=ids[-2])
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.REMOVED_NEWEST, ids[-3])

    tamper(db, "DELETE FROM audit_event")
    found = check_audit_log(db, by=None)
    assert found.broken is Break.REMOVED_NEWEST and found.event_id is None
    assert check_sentence(found)[0] == "The audit log is broken: all its events were removed."


def test_an_inserted_row_is_named(any_desk: Desk) -> None:
    db = any_desk.db
    tamper(
        db,
        "INSERT INTO audit_event (at, action, entity, entity_id, description) "
        "VALUES (:at, 'item.added', 'item', 1, 'Pievienots')",
        at=at_of(db, event_ids(db)[0]).replace(tzinfo=None),
    )
    inserted = event_ids(db)[-1]
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.UNSEALED, inserted)


def test_a_row_copied_with_its_hashes_is_named(any_desk: Desk) -> None:
    """Someone who copies a sealed row (digest and chain too) to make it look written."""
    db = any_desk.db
    first = event_ids(db)[0]
    tamper(
        db,
        "INSERT INTO audit_event (at, staff_id, action, entity, entity_id, description, "
        "changes, digest, chain, seals) SELECT at, staff_id, action, entity, entity_id, "
        "description, changes, digest, chain, seals FROM audit_event WHERE id = :id",
        id=first,
    )
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.LINK, event_ids(db)[-1])


def test_the_last_intact_check_outlives_a_broken_one(any_desk: Desk) -> None:
    db = any_desk.db
    intact = check_audit_log(db, by=None)
    tamper(db, "UPDATE audit_event SET action = 'site.removed' WHERE id = :id", id=event_ids(db)[0])
    broken = check_audit_log(db, by=None)
    kept = last_audit_check(db, by=None)
    assert kept is not None and not kept.intact
    assert (kept.broken, kept.event_id) == (Break.CHANGED, broken.event_id)
    assert kept.checked_at == broken.checked_at and kept.last_intact == intact.checked_at


def test_an_erasure_keeps_the_chain_intact(any_desk: Desk) -> None:
    db = any_desk.db
    marta = marta_with_history(any_desk)
    admin = add_staff(db, "dace", "Dace Admine", Role.ADMIN)
    assert erase_participant(db, marta, by=admin)
    with db.reading() as tx:
        rewritten = list(tx.scalars(select(AuditEvent).where(AuditEvent.sealed_by.is_not(None))))
        erasure = tx.scalar(select(AuditEvent).where(AuditEvent.action == "participant.erased"))
    assert erasure is not None and len(rewritten) >= 5
    assert all(e.sealed_by == erasure.id for e in rewritten)
    assert all("Marta" not in e.description for e in rewritten)
    assert erasure.seals is not None and set(erasure.seals) == {str(e.id) for e in rewritten}

    assert check_audit_log(db, by=None).intact
    # A second erasure of the same child changes nothing; a rewritten text edited is found.
    assert not erase_participant(db, marta, by=admin)
    assert check_audit_log(db, by=None).intact
    victim = rewritten[1].id
    tamper(db, "UPDATE audit_event SET description = 'Marta Kalēja' WHERE id = :id", id=victim)
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.CHANGED, victim)


def test_racing_laptops_keep_one_chain(any_desk: Desk) -> None:
    laptops = [Database(any_desk.db.url) for _ in range(4)]
    start = threading.Barrier(len(laptops))
    errors: list[BaseException] = []

    def desk_work(index: int) -> None:
        start.wait()
        try:
            for round_ in range(5):
                add_staff(laptops[index], f"l{index}x{round_}", f"Laptop {index}", Role.LIBRARIAN)
        except BaseException as error:  # collected and asserted on below
            errors.append(error)

    threads = [threading.Thread(target=desk_work, args=(i,)) for i in range(len(laptops))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for laptop in laptops:
        laptop.dispose()

    assert errors == []
    found = check_audit_log(any_desk.db, by=None)
    assert found.intact
    with any_desk.db.reading() as tx:
        added = tx.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "staff.added")
        )
    assert added == 20 + 1  # the desk's librarian too


@pytest.mark.postgres
def test_the_chain_is_one_statement_that_travels_with_the_commit_on_postgresql(
    postgres_url: str,
) -> None:
    """Round trips count on the network database: the chain adds one statement per write,
    which waits for no answer (it goes with the COMMIT)."""
    db = Database(postgres_url)
    migrate(db)
    desk = make_desk(db)
    statements: list[str] = []

    def seen(
        _conn: Any, _cursor: Any, statement: str, _parameters: Any, context: Any, *_args: Any
    ) -> None:
        statements.append(" ".join(statement.split()))
        if "audit_event" in statement:
            queued_options.append(bool(context.execution_options.get(QUEUED)))

    queued_options: list[bool] = []
    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        check_in(db, desk.session_id, desk.janis_id, by=desk.librarian_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)

    chained = [s for s in statements if "audit_event" in s or "shared_setting" in s]
    # Before the chain: one INSERT of the event. Now: one statement that locks the head,
    # chains and writes the event and moves the head.
    assert len(chained) == 1, chained
    assert chained[0].startswith("WITH RECURSIVE head AS")
    assert "FOR UPDATE" in chained[0] and "INSERT INTO audit_event" in chained[0]
    assert "INSERT INTO shared_setting" in chained[0]
    assert queued_options == [True]
    assert check_audit_log(db, by=None).intact
    db.dispose()


def audit_command(
    path: Path, *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", str(path)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={"XDG_DATA_HOME": str(path.parent), "PATH": "/usr/bin:/bin", "HOME": str(path.parent)}
        | (env or {}),
        timeout=120,
    )


def test_audit_verify_on_the_command_line(desk: Desk) -> None:
    path = sqlite_path(desk.db.url)
    assert path is not None
    events = len(event_ids(desk.db))

    intact = audit_command(path, "audit", "verify")

    assert (intact.returncode, intact.stdout, intact.stderr) == (
        0,
        f"{events} events, chain intact.\n",
        "",
    )
    kept = last_audit_check(desk.db, by=None)
    assert kept is not None and kept.intact and kept.events == events

    removed = event_ids(desk.db)[2]
    tamper(desk.db, "DELETE FROM audit_event WHERE id = :id", id=removed)
    broken = audit_command(path, "audit", "verify")

    after = removed + 1
    when = f"{local(at_of(desk.db, after)):%d.%m.%Y %H:%M}"
    assert broken.returncode == 1 and broken.stdout == ""
    assert broken.stderr == (
        f"The audit log is broken at event #{after} ({when}): an event before it was removed, "
        "or one was added outside the program.\n"
    )
    assert "Traceback" not in broken.stderr


def test_a_password_set_on_the_command_line_names_the_system_user(desk: Desk) -> None:
    path = sqlite_path(desk.db.url)
    assert path is not None
    reset = audit_command(
        path,
        "user",
        "passwd",
        "anna",
        "--password-stdin",
        env={"LOGNAME": "ilze-datorā"},
        stdin="jauna-parole-1\n",
    )
    assert reset.returncode == 0, reset.stderr
    with desk.db.reading() as tx:
        newest = tx.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert newest is not None and newest.action == "staff.password"
    assert newest.staff_id is None  # no account signed in: direct database access
    assert newest.description == (
        "New password for anna, set from the command line by the system user ilze-datorā"
    )
    assert check_audit_log(desk.db, by=None).intact


def test_the_system_user_never_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from desktop.cli import system_user

    monkeypatch.setenv("LOGNAME", "anna")
    assert system_user() == "anna"

    def nobody() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", nobody)
    assert system_user() == "?"


def test_a_savepoint_rolled_back_takes_only_its_own_events(sqlite_db: Database) -> None:
    """A check-in that lost a race rolls back its savepoint; the events before it stay."""
    from db import audit

    with sqlite_db.unit_of_work() as uow:
        audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", 1, "Before the savepoint")
        with pytest.raises(RuntimeError), uow.tx.begin_nested():
            audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", 2, "Inside the savepoint")
            raise RuntimeError("the other laptop won")
        audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", 3, "After the savepoint")
        uow.commit()
    with sqlite_db.unit_of_work() as uow:
        audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", 4, "Rolled back whole")
    with sqlite_db.reading() as tx:
        written = list(tx.scalars(select(AuditEvent.description).order_by(AuditEvent.id)))
    assert written == ["Before the savepoint", "After the savepoint"]
    assert check_audit_log(sqlite_db, by=None).intact


def test_an_event_forged_with_the_programs_own_hashes_is_named(any_desk: Desk) -> None:
    """Someone who knows how the chain is built and appends a well-linked event by hand
    still leaves the head behind: the check names the forged event."""
    from db.audit import GENESIS, digest_of, link

    db = any_desk.db
    with db.reading() as tx:
        newest = tx.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert newest is not None and newest.chain is not None and newest.chain != GENESIS
    content = {
        "at": newest.at,
        "staff_id": None,
        "action": "item.added",
        "entity": "item",
        "entity_id": 1,
        "description": "Pievienots LAP-09",
        "changes": None,
        "seals": None,
    }
    digest = digest_of(content)
    tamper(
        db,
        "INSERT INTO audit_event (at, action, entity, entity_id, description, digest, chain) "
        "VALUES (:at, 'item.added', 'item', 1, 'Pievienots LAP-09', :digest, :chain)",
        at=newest.at.replace(tzinfo=None),
        digest=digest,
        chain=link(newest.chain, digest),
    )
    forged = event_ids(db)[-1]
    found = check_audit_log(db, by=None)
    assert (found.broken, found.event_id) == (Break.ADDED_NEWEST, forged)
    template, fields = check_sentence(found)
    assert template.format(**fields).endswith("were added outside the program.")


def test_an_action_is_stored_as_the_code_logs_already_hold(sqlite_db: Database) -> None:
    """The enum changes no stored text: an event written with AuditAction has the digest of
    the plain code older versions wrote, so their chains keep verifying."""
    from db import audit

    with sqlite_db.unit_of_work() as uow:
        audit.record(uow.tx, None, AuditAction.SITE_ADDED, "site", 1, "Added site Ludza")
        uow.commit()
    with sqlite_db.reading() as tx:
        row = tx.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert row is not None
        assert type(row.action) is str and row.action == "site.added"
        as_written_before = {**audit.content_of(row), "action": "site.added"}
        assert row.digest == audit.digest_of(as_written_before)
    assert check_audit_log(sqlite_db, by=None).intact

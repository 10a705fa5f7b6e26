"""A laptop's records moved into the library's empty shared database (the real test server)."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from db.accounts import AdminOnly, add_staff
from db.audit_log import audit_events, check_audit_log
from db.database import Database
from db.demo import fill_demo
from db.models import Participant, Role
from db.move_records import SharedDatabaseNotEmpty, move_records
from db.people import ParticipantDetails, register_participant
from db.retention import RetentionRule, RetentionStart, retention_rule, set_retention_rule

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(postgres_url: str) -> Iterator[Database]:
    database = Database(postgres_url)
    yield database
    database.dispose()


def test_every_record_moves_with_its_numbers_and_the_counts_match(
    sqlite_db: Database, shared: Database
) -> None:
    fill_demo(sqlite_db, today=date(2018, 11, 30))
    rule = RetentionRule(7, RetentionStart.PROJECT_END)  # not the default: it must travel
    set_retention_rule(sqlite_db, rule, by=None)
    seen: list[int] = []

    moved = move_records(sqlite_db, shared, by=None, progress=lambda d, t: seen.append(d) or True)

    assert moved.counts["participant"] > 50 and moved.counts["attendance"] > 300
    assert moved.counts["audit_event"] > 0 and moved.counts["loan"] > 0
    assert seen[-1] == len(seen)
    with shared.reading() as there, sqlite_db.reading() as here:
        for model in (Participant,):
            assert there.scalar(select(func.count()).select_from(model)) == here.scalar(
                select(func.count()).select_from(model)
            )
        assert there.scalars(select(Participant.last_name).order_by(Participant.id)).all() == (
            here.scalars(select(Participant.last_name).order_by(Participant.id)).all()
        )
    found = check_audit_log(shared, by=None)
    # The moved events, and the move itself on the chain that came with them.
    assert found.intact and found.events == moved.counts["audit_event"] + 1
    newest = audit_events(shared, by=None, limit=1)[0]
    assert newest.action == "records.moved"
    assert f"{moved.counts['participant']} children" in newest.description
    assert retention_rule(shared) == rule
    # The server numbers the next child after the moved ones.
    with shared.reading() as tx:
        highest = tx.scalar(select(func.max(Participant.id)))
        site = tx.scalar(select(Participant.site_id).limit(1))
    assert site is not None
    new = register_participant(shared, ParticipantDetails("Laura", "Bērziņa", 2011, site))
    assert highest is not None and new > highest
    # The laptop's file is kept as a checked copy, readable by its owner only.
    assert moved.kept_file.exists() and "moved-to-server" in moved.kept_file.name
    assert stat.S_IMODE(moved.kept_file.stat().st_mode) == 0o600


def test_a_shared_database_with_records_is_refused_and_left_as_it_was(
    sqlite_db: Database, shared: Database
) -> None:
    from tests.conftest import make_desk

    make_desk(sqlite_db)
    move_records(sqlite_db, shared, by=None)
    with shared.reading() as tx:
        before = tx.scalar(select(func.count()).select_from(Participant))

    with pytest.raises(SharedDatabaseNotEmpty) as refused:
        move_records(sqlite_db, shared, by=None)

    assert "participant" in refused.value.message and "Nothing was copied" in refused.value.message
    with shared.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(Participant)) == before


def test_only_an_administrator_moves_records(sqlite_db: Database, shared: Database) -> None:
    librarian = add_staff(sqlite_db, "anna", "Anna Ozoliņa", Role.LIBRARIAN)
    with pytest.raises(AdminOnly):
        move_records(sqlite_db, shared, by=librarian)

"""Identities a desk gives offline cannot collide: a UUID on participants, attendance and loans."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from db.attendance import check_in
from db.database import Database
from db.loans import Borrower, lend
from db.migrate import current_revision, migrate
from db.models import Attendance, Loan, Participant
from db.people import ParticipantDetails, register_participant
from db.revisions import alembic_config
from tests.conftest import make_desk

UID_TABLES = (Participant, Attendance, Loan)


def _uids(db: Database) -> dict[str, list[str]]:
    with db.reading() as tx:
        return {model.__tablename__: list(tx.scalars(select(model.uid))) for model in UID_TABLES}


def test_rows_written_before_the_migration_get_a_uuid_each(any_db: Database) -> None:
    desk = make_desk(any_db)
    check_in(any_db, desk.session_id, desk.ilze_id, by=desk.librarian_id)
    check_in(any_db, desk.session_id, desk.janis_id, by=desk.librarian_id)
    lend(any_db, "LAP-01", Borrower.child(desk.ilze_id), by=desk.librarian_id)
    config = alembic_config()
    with any_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    with any_db.engine.connect() as connection:
        assert "uid" not in {c["name"] for c in inspect(connection).get_columns("participant")}
        assert "applied_entry" not in inspect(connection).get_table_names()

    migrate(any_db, confirmed=True)

    assert current_revision(any_db) == "0005"
    uids = _uids(any_db)
    assert [len(uids[name]) for name in ("participant", "attendance", "loan")] == [2, 2, 1]
    every = [uid for column in uids.values() for uid in column]
    assert len(set(every)) == len(every)
    assert all(uuid.UUID(uid).version == 4 for uid in every)


def test_new_records_get_a_fresh_uuid_and_a_taken_one_is_refused(any_db: Database) -> None:
    desk = make_desk(any_db)
    third = register_participant(any_db, ParticipantDetails("Anna", "Bērziņa", 2011, desk.site_id))
    with any_db.reading() as tx:
        ilze, anna = (tx.get(Participant, key) for key in (desk.ilze_id, third))
        assert ilze is not None and anna is not None
        assert ilze.uid != anna.uid and uuid.UUID(anna.uid).version == 4
        taken = ilze.uid
    with any_db.engine.connect() as connection:
        indexes = inspect(connection).get_indexes("participant")
    assert {"name": "ix_participant_uid", "unique": True} in [
        {"name": index["name"], "unique": bool(index["unique"])} for index in indexes
    ]
    with any_db.unit_of_work() as uow:
        row = uow.tx.get(Participant, third)
        assert row is not None
        row.uid = taken
        with pytest.raises(IntegrityError):
            uow.tx.flush()

"""Erased means gone from the files the program keeps: the database, its -wal, the log.

SQLite leaves a deleted row's bytes in the file's free pages unless `secure_delete` is on
(the stock build has it off, Debian's on), and keeps old page versions in the -wal until a
checkpoint. SQLAlchemy puts a failed statement's parameters (a child's name, the
guardian's phone, the target-group mark) into the error's text, and so into the log.
"""

from __future__ import annotations

import logging
import traceback
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError

import db.database
from db.accounts import add_staff
from db.attendance import check_in
from db.backups import back_up_now
from db.database import Database, sqlite_path
from db.migrate import migrate
from db.models import Role
from db.people import ParticipantDetails, register_participant
from db.privacy import erase_participant
from db.retention import RetentionRule, erase_past_retention
from tests.conftest import make_desk

GUARDIAN_PHONE = "29123456"
# How the child and her guardian are written in the file (UTF-8, as SQLite stores text).
TRACES = ("Marta", "Bērziņa", "Berzina", "Inga", GUARDIAN_PHONE)


@pytest.fixture
def insecure_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every engine starts its connections with secure_delete off, like SQLite's stock build,
    so the program must turn it on itself."""
    real = db.database.create_engine

    def engine_of_a_stock_build(*args: Any, **kwargs: Any) -> Engine:
        engine = real(*args, **kwargs)

        @event.listens_for(engine, "connect")
        def stock_default(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA secure_delete=OFF")

        return engine

    monkeypatch.setattr(db.database, "create_engine", engine_of_a_stock_build)


def files_of(database: Database) -> list[Path]:
    path = sqlite_path(database.url)
    assert path is not None
    return [found for found in (path, Path(f"{path}-wal")) if found.exists()]


def traces_in(database: Database) -> list[str]:
    """Which of the child's texts are still somewhere in the database file or its -wal."""
    found = []
    for path in files_of(database):
        data = path.read_bytes()
        found += [f"{text} in {path.name}" for text in TRACES if text.encode() in data]
    return found


def register_marta(database: Database, site_id: int) -> int:
    return register_participant(
        database,
        ParticipantDetails(
            "Marta",
            "Bērziņa",
            2011,
            site_id,
            guardian_name="Inga Bērziņa",
            guardian_phone=GUARDIAN_PHONE,
        ),
    )


def test_secure_delete_is_on_whatever_the_build(insecure_build: None, tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'openup.sqlite3'}")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    database.dispose()


def test_an_erased_child_is_in_neither_the_file_nor_its_wal(
    insecure_build: None, tmp_path: Path
) -> None:
    database = Database(f"sqlite:///{tmp_path / 'openup.sqlite3'}")
    migrate(database)
    desk = make_desk(database)
    marta = register_marta(database, desk.site_id)
    check_in(database, desk.session_id, marta)
    database.checkpoint()  # her name now in the file's pages, not only in the -wal
    assert traces_in(database), "the test must see the name before the erasure"
    register_participant(database, ParticipantDetails("Pēteris", "Kalns", 2010, desk.site_id))
    admin = add_staff(database, "dace", "Dace Admine", Role.ADMIN)

    assert erase_participant(database, marta, by=admin)

    assert traces_in(database) == []
    # and so in no copy made from now on (the online backup copies free pages too)
    copy = back_up_now(files_of(database)[0]).read_bytes()
    assert [text for text in TRACES if text.encode() in copy] == []
    database.dispose()


def test_children_erased_past_retention_leave_no_trace(
    insecure_build: None, tmp_path: Path
) -> None:
    database = Database(f"sqlite:///{tmp_path / 'openup.sqlite3'}")
    migrate(database)
    desk = make_desk(database)
    marta = register_marta(database, desk.site_id)
    check_in(database, desk.session_id, marta)  # 5 October 2018
    assert traces_in(database)

    erased = erase_past_retention(database, RetentionRule(years=1), by=None, today=date(2030, 1, 1))

    assert erased == 3  # Marta, and the desk's two children (Ilze, Jānis)
    assert traces_in(database) == []
    database.dispose()


def test_a_failed_write_puts_no_personal_data_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A roster import whose INSERT fails: the command says the database cannot be used, and
    the log has the error, without the children's names or the guardian's phone."""
    from desktop.cli import EXIT_DATABASE, main

    path = tmp_path / "openup.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate(database)
    make_desk(database)
    with database.engine.begin() as connection:  # SQLite itself fails the row's INSERT
        connection.exec_driver_sql(
            "CREATE TRIGGER lost_table BEFORE INSERT ON participant "
            "BEGIN INSERT INTO lost_table VALUES (1); END"
        )
    database.dispose()
    roster = tmp_path / "saraksts.csv"
    roster.write_text(
        "Vārds;Uzvārds;Dzimšanas gads;Dzimums;Aizbildnis;Tālrunis;Mērķa grupa\n"
        f"Marta;Bērziņa;2011;meitene;Inga Bērziņa;{GUARDIAN_PHONE};jā\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        with caplog.at_level(logging.INFO):
            code = main(
                ["--db", str(path), "import", "participants", str(roster), "--site", "Jēkabpils"]
            )
    finally:
        for handler in set(root.handlers) - set(handlers):  # the log file main() opened
            root.removeHandler(handler)
            handler.close()

    assert code == EXIT_DATABASE
    log_file = (tmp_path / "OpenUpDesk" / "logs" / "openup.log").read_text(encoding="utf-8")
    for logged in (log_file, caplog.text):
        assert "no such table: main.lost_table" in logged  # the failure is logged
        assert "INSERT INTO participant" in logged
        for secret in TRACES:
            assert secret not in logged


def test_a_refused_row_on_postgresql_is_not_quoted_in_the_error(any_db: Database) -> None:
    """PostgreSQL's DETAIL line quotes the whole failing row; the error keeps its first line."""
    make_desk(any_db)
    with pytest.raises(DBAPIError) as failed, any_db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO participant (first_name, last_name, search_name, site_id,"
                " target_group, notes, guardian_name, guardian_phone, archived, created_at,"
                " updated_at) VALUES (:first, :last, NULL, 1, true, '', :guardian, :phone,"
                " false, :now, :now)"
            ),
            {
                "first": "Marta",
                "last": "Bērziņa",
                "guardian": "Inga Bērziņa",
                "phone": GUARDIAN_PHONE,
                "now": datetime(2018, 10, 5, tzinfo=UTC),
            },
        )

    told = "".join(traceback.format_exception(failed.value))
    assert "INSERT INTO participant" in told and "search_name" in told
    for secret in TRACES:
        assert secret not in told

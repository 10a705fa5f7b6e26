"""`main.py server setup` on the real test server: the desk account does desk work only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from db.attendance import check_in
from db.audit_log import check_audit_log
from db.database import Database
from db.loans import Borrower, lend, return_item
from db.migrate import UpgradeNotAllowed, current_revision, migrate
from db.privacy import erase_participant
from db.revisions import HEAD, alembic_config
from db.server_setup import DatabaseNotEmpty, ServerAccounts, set_up_server
from desktop.cli import main
from tests.conftest import make_desk

pytestmark = pytest.mark.postgres


def _as(url: str, role: str, password: str) -> Database:
    return Database(make_url(url).set(username=role, password=password))


def _drop_roles(url: str, made: ServerAccounts) -> None:
    """Roles live in the whole cluster: leave the test server as it was."""
    admin = Database(url)
    with admin.engine.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{made.database}" OWNER TO CURRENT_USER'))
        for role in (made.owner, made.desk):
            connection.execute(text(f'DROP OWNED BY "{role}"'))
        connection.execute(text(f'DROP ROLE "{made.owner}", "{made.desk}"'))
        connection.commit()
    admin.dispose()


@pytest.fixture
def made(postgres_url: str) -> Iterator[ServerAccounts]:
    accounts = set_up_server(make_url(postgres_url))
    yield accounts
    _drop_roles(postgres_url, accounts)


def test_the_desk_account_does_desk_work(postgres_url: str, made: ServerAccounts) -> None:
    desk = _as(postgres_url, made.desk, made.desk_password)
    assert current_revision(desk) == HEAD
    found = make_desk(desk)  # sites, accounts, programs, children, items: all as the desk
    check_in(desk, found.session_id, found.ilze_id, by=found.librarian_id)
    lend(desk, "XBOX-01", Borrower.child(found.ilze_id), by=found.librarian_id)
    return_item(desk, "XBOX-01", by=found.librarian_id)
    erase_participant(desk, found.janis_id, by=None)  # deletes consents, rewrites the log
    with desk.reading() as tx:
        count = tx.execute(text("SELECT count(*) FROM attendance")).scalar()
    assert count == 1
    assert check_audit_log(desk, by=None).intact
    desk.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "DROP TABLE participant",
        "CREATE TABLE notes (text varchar)",
        "ALTER TABLE participant ADD COLUMN note varchar",
        "TRUNCATE attendance",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE SCHEMA elsewhere",
    ],
)
def test_the_desk_account_cannot_change_the_schema(
    postgres_url: str, made: ServerAccounts, statement: str
) -> None:
    desk = _as(postgres_url, made.desk, made.desk_password)
    with desk.engine.connect() as connection, pytest.raises(ProgrammingError) as refused:
        connection.execute(text(statement))
    assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value)
    desk.dispose()


def test_the_owner_migrates_and_new_tables_reach_the_desk(
    postgres_url: str, made: ServerAccounts
) -> None:
    owner = _as(postgres_url, made.owner, made.owner_password)
    with owner.engine.begin() as connection:  # what a later migration does
        connection.execute(text("CREATE TABLE later_table (id serial PRIMARY KEY, v int)"))
    owner.dispose()
    desk = _as(postgres_url, made.desk, made.desk_password)
    with desk.engine.begin() as connection:
        connection.execute(text("INSERT INTO later_table (v) VALUES (1)"))
    desk.dispose()


def test_a_database_that_holds_tables_is_refused(postgres_url: str, made: ServerAccounts) -> None:
    with pytest.raises(DatabaseNotEmpty):
        set_up_server(make_url(postgres_url), owner="second_owner", desk="second_desk")


def test_the_command_prints_the_accounts_and_the_pg_hba_lines(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "setup", "--db", postgres_url]) == 0
    out = capsys.readouterr().out
    name = make_url(postgres_url).database
    assert f"hostssl  {name}  {name}_desk  0.0.0.0/0  scram-sha-256" in out
    assert "ssl = on" in out and "verify-full" in out
    desk_password = out.split(f"{name}_desk  password: ")[1].split()[0]
    owner_password = out.split(f"{name}_owner  password: ")[1].split()[0]
    assert len(desk_password) >= 24
    _drop_roles(
        postgres_url,
        ServerAccounts(f"{name}_owner", owner_password, f"{name}_desk", desk_password, name),
    )


def test_a_sqlite_file_is_refused_in_one_sentence(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "setup", "--db", "sqlite:///laptop.sqlite3"]) == 1
    assert "Server set-up needs a PostgreSQL database" in capsys.readouterr().err


def test_the_desk_account_is_not_the_one_that_upgrades(
    postgres_url: str, made: ServerAccounts
) -> None:
    owner = _as(postgres_url, made.owner, made.owner_password)
    config = alembic_config()
    with owner.engine.begin() as connection:  # the shared database as an older program left it
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    owner.dispose()
    desk = _as(postgres_url, made.desk, made.desk_password)

    with pytest.raises(UpgradeNotAllowed) as refused:
        migrate(desk, confirmed=True)  # an administrator said yes at a desk laptop

    assert "main.py migrate" in refused.value.message
    assert current_revision(desk) == "0003"
    desk.dispose()

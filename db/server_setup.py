"""Prepare an empty PostgreSQL database for the program: an owner role that migrates the
schema and a desk role that may only read and write records (no DROP, no DDL)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import URL

from db.database import Database
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.migrate import migrate

# What the desk does to records: nothing that changes the schema or empties a table at once.
DESK_TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"


class NotAServerDatabase(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "Server set-up needs a PostgreSQL database (postgresql+psycopg://…), not {database}.",
    )


class DatabaseNotEmpty(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database {database} already holds tables: server set-up prepares an empty one only.",
    )


@dataclass(frozen=True)
class ServerAccounts:
    """The two roles made, with the passwords to hand over (shown once, stored nowhere)."""

    owner: str
    owner_password: str
    desk: str
    desk_password: str
    database: str


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _create_role(connection: Connection, role: str, password: str) -> None:
    # The password goes as a literal (CREATE ROLE takes no bind parameters); scram hashes it.
    literal = connection.exec_driver_sql("SELECT quote_literal(%(p)s)", {"p": password}).scalar()
    connection.exec_driver_sql(
        f"CREATE ROLE {_quoted(connection, role)} LOGIN PASSWORD {literal} "
        "NOSUPERUSER NOCREATEDB NOCREATEROLE"
    )


def set_up_server(
    admin_url: URL, *, owner: str | None = None, desk: str | None = None
) -> ServerAccounts:
    """Make the roles, hand the database to the owner, migrate as the owner, grant the desk.

    `admin_url`: an account that may create roles (e.g. postgres), on the empty database."""
    if admin_url.get_backend_name() != "postgresql" or not admin_url.database:
        raise NotAServerDatabase(database=admin_url.render_as_string(hide_password=True))
    name = admin_url.database
    accounts = ServerAccounts(
        owner=owner or f"{name}_owner",
        owner_password=secrets.token_urlsafe(24),
        desk=desk or f"{name}_desk",
        desk_password=secrets.token_urlsafe(24),
        database=name,
    )
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if inspect(connection).get_table_names():
                raise DatabaseNotEmpty(database=name)
            q = {role: _quoted(connection, role) for role in (accounts.owner, accounts.desk, name)}
            _create_role(connection, accounts.owner, accounts.owner_password)
            _create_role(connection, accounts.desk, accounts.desk_password)
            for statement in (
                f"REVOKE ALL ON DATABASE {q[name]} FROM PUBLIC",
                # The owner of the database owns its public schema (pg_database_owner).
                f"ALTER DATABASE {q[name]} OWNER TO {q[accounts.owner]}",
                f"ALTER SCHEMA public OWNER TO {q[accounts.owner]}",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                f"GRANT CONNECT ON DATABASE {q[name]} TO {q[accounts.desk]}",
                f"GRANT USAGE ON SCHEMA public TO {q[accounts.desk]}",
            ):
                connection.exec_driver_sql(statement)
        owner_url = admin_url.set(username=accounts.owner, password=accounts.owner_password)
        schema = Database(owner_url)
        try:
            migrate(schema, confirmed=True)
            with schema.engine.begin() as connection:
                grant_desk_rights(connection, accounts.owner, accounts.desk)
        finally:
            schema.dispose()
    finally:
        admin.dispose()
    return accounts


def grant_desk_rights(connection: Connection, owner: str, desk: str) -> None:
    """Rights on every table the owner has made and will make (later migrations too)."""
    o, d = _quoted(connection, owner), _quoted(connection, desk)
    for statement in (
        f"GRANT {DESK_TABLE_RIGHTS} ON ALL TABLES IN SCHEMA public TO {d}",
        # UPDATE: setval, when a laptop's records move in with their numbers.
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {d}",
        # The schema's revision is read by the desk, changed only by the owner's migrations.
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {d}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
        f"GRANT {DESK_TABLE_RIGHTS} ON TABLES TO {d}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {d}",
    ):
        connection.execute(text(statement))


def pg_hba_lines(accounts: ServerAccounts) -> list[str]:
    """The lines to copy into pg_hba.conf: TLS and scram passwords only, for both roles."""
    return [
        f"hostssl  {accounts.database}  {accounts.desk}  0.0.0.0/0  scram-sha-256",
        f"hostssl  {accounts.database}  {accounts.desk}  ::/0       scram-sha-256",
        f"hostssl  {accounts.database}  {accounts.owner}  127.0.0.1/32  scram-sha-256",
    ]

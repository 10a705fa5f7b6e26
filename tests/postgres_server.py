"""A real PostgreSQL server for the tests, started once per session by pytest-postgresql.

Import the fixtures in tests/conftest.py::

    from tests.postgres_server import pg_ctl_path, postgres_proc, postgres_server, postgres_url

Without PostgreSQL server binaries the fixtures skip; a server that fails to start
is an error.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from pytest_postgresql import factories
from pytest_postgresql.executors import PostgreSQLExecutor

__all__ = [
    "PostgresServer",
    "find_pg_ctl",
    "pg_ctl_path",
    "postgres_proc",
    "postgres_server",
    "postgres_url",
]

# pg_ctl refuses root; this wrapper runs it as the `postgres` user when needed.
PG_CTL_WRAPPER = Path(__file__).with_name("pg_ctl_as_postgres.sh")

SKIP_REASON = "PostgreSQL server binaries (pg_ctl) not found; install Debian package postgresql"

# Durability is worthless for throwaway test data, and every CREATE/DROP DATABASE
# forces a checkpoint; without fsync those stay cheap.
_FAST_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def find_pg_ctl() -> str | None:
    """The pg_ctl on PATH, else the newest one in Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_ctl")
    if found:
        return found

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.parent.name
        return tuple(int(part) for part in re.findall(r"\d+", name))

    candidates = [p for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl") if os.access(p, os.X_OK)]
    return max(candidates, key=version) if candidates else None


@dataclass(frozen=True)
class PostgresServer:
    """Where the session's server listens; its superuser needs no password (trust)."""

    host: str
    port: int
    user: str
    password: str | None = None

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL for a database on this server."""
        auth = self.user if self.password is None else f"{self.user}:{self.password}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{dbname}"

    def connect_admin(self) -> psycopg.Connection:
        """Autocommit connection to the `postgres` maintenance database."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        )


# The socket directory is per user so a root run cannot lock out a later non-root run.
postgres_proc = factories.postgresql_proc(
    executable=str(PG_CTL_WRAPPER),
    host="127.0.0.1",
    port=None,
    unixsocketdir=os.path.join(tempfile.gettempdir(), f"openup-desk-pg-{os.getuid()}"),
    postgres_options=_FAST_OPTIONS,
)


@pytest.fixture(scope="session")
def pg_ctl_path() -> Iterator[str]:
    """The real pg_ctl, exported as PG_CTL_REAL for the wrapper; skips if there is none."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        pytest.skip(SKIP_REASON)
    # Set up before postgres_proc, so torn down after it: `pg_ctl stop` still sees it.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PG_CTL_REAL", pg_ctl)
        yield pg_ctl


@pytest.fixture(scope="session")
def postgres_server(pg_ctl_path: str, request: pytest.FixtureRequest) -> PostgresServer:
    """The session's PostgreSQL server; a failed start is an error, never a skip."""
    # Requested lazily so a machine without binaries skips before pytest-postgresql runs.
    try:
        proc: PostgreSQLExecutor = request.getfixturevalue("postgres_proc")
    except pytest.FixtureLookupError as error:
        raise RuntimeError(
            "fixture postgres_proc not found: tests/conftest.py must import it too: "
            "from tests.postgres_server import "
            "pg_ctl_path, postgres_proc, postgres_server, postgres_url"
        ) from error
    return PostgresServer(host=proc.host, port=proc.port, user=proc.user, password=proc.password)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database, dropped after the test."""
    dbname = f"openup_test_{uuid.uuid4().hex[:12]}"
    with postgres_server.connect_admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    try:
        yield postgres_server.url(dbname)
    finally:
        # FORCE ends connections a test's engine pool may still hold.
        with postgres_server.connect_admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
            )

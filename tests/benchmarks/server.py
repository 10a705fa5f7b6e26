"""A throwaway PostgreSQL 15 server on loopback TCP, started and stopped by the benchmark.

It reuses the tests' way in (pytest-postgresql's executor around pg_ctl, through
tests/pg_ctl_as_postgres.sh, since pg_ctl refuses to run as root), but keeps PostgreSQL's
durable defaults: a benchmark with fsync off would flatter every commit.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import port_for
import psycopg
from psycopg import sql
from pytest_postgresql.executors import PostgreSQLExecutor

from tests.postgres_server import PG_CTL_WRAPPER, SKIP_REASON, find_pg_ctl

DEBIAN_PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl"
# pytest-postgresql starts postgres with -F (fsync off); these come after it and win.
DURABLE = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
SETTINGS_SHOWN = ("server_version", "fsync", "synchronous_commit", "shared_buffers", "jit")


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str = "postgres"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname=dbname, autocommit=True
        )

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        """The executor returns once the port is open, which is before "ready to accept"."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with self.connect():
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def create_database(self, dbname: str) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        with self.connect() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
        return self.url(dbname)


def settings(connection: psycopg.Connection) -> dict[str, str]:
    """The server settings that decide what a commit costs, for the report."""
    shown = {}
    for name in SETTINGS_SHOWN:
        row = connection.execute(sql.SQL("SHOW {}").format(sql.Identifier(name))).fetchone()
        shown[name] = str(row[0]) if row else "?"
    return shown


@contextmanager
def temporary_postgres() -> Iterator[PostgresServer]:
    """Start a fresh cluster in a temporary folder; stop it and delete the folder afterwards."""
    pg_ctl = find_pg_ctl() or (DEBIAN_PG_CTL if os.access(DEBIAN_PG_CTL, os.X_OK) else None)
    if pg_ctl is None:
        raise SystemExit(SKIP_REASON)
    saved = os.environ.get("PG_CTL_REAL")
    os.environ["PG_CTL_REAL"] = pg_ctl  # read by the wrapper
    base = Path(tempfile.mkdtemp(prefix="openup-bench-pg-"))
    port = port_for.get_port(None)
    assert port is not None
    executor = PostgreSQLExecutor(
        executable=str(PG_CTL_WRAPPER),
        host="127.0.0.1",
        port=port,
        datadir=str(base / "data"),
        unixsocketdir=str(base / "socket"),
        logfile=str(base / "postgresql.log"),
        startparams="-w",
        dbname="openup_bench",
        user="postgres",
        postgres_options=DURABLE,
    )
    try:
        executor.start()
        server = PostgresServer(executor.host, executor.port, executor.user)
        server.wait_until_ready()
        yield server
    finally:
        try:
            if executor.running():
                executor.stop()
        finally:
            shutil.rmtree(base, ignore_errors=True)
            if saved is None:
                os.environ.pop("PG_CTL_REAL", None)
            else:
                os.environ["PG_CTL_REAL"] = saved

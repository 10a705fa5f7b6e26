"""The library's shared database: its address as a laptop's settings hold it, the URL made
from that and a password (kept elsewhere: the keyring), and a connection test in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from db.database import CONNECT_TIMEOUT_S
from db.errors import QT_TRANSLATE_NOOP, DomainError

DEFAULT_PORT = 5432
# require: encrypted, the server's certificate not checked (a VPN, a trusted network);
# verify-full: encrypted, and the certificate must be the server's name, signed by the CA file.
TLS_MODES = ("require", "verify-full")
# A server that does not answer is said within this many seconds, not after the system's minutes.


@dataclass(frozen=True)
class ServerAddress:
    """Where the shared database is and who the laptop signs in as (no password here)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: str = "verify-full"
    ca_file: str = ""

    @property
    def keyring_name(self) -> str:
        """The name the password is kept under in the keyring: one per account and server."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def problem(self) -> str | None:
        """What is missing or wrong before anything connects (None: ready to try)."""
        if not self.host.strip():
            return QT_TRANSLATE_NOOP("DomainError", "Enter the server's name or address.")
        if not self.database.strip():
            return QT_TRANSLATE_NOOP("DomainError", "Enter the database's name.")
        if not self.user.strip():
            return QT_TRANSLATE_NOOP("DomainError", "Enter the user name.")
        if not 0 < self.port < 65536:
            return QT_TRANSLATE_NOOP("DomainError", "The port is a number from 1 to 65535.")
        if self.tls not in TLS_MODES:
            return QT_TRANSLATE_NOOP("DomainError", "Choose how the connection is encrypted.")
        if self.tls == "verify-full" and not Path(self.ca_file).is_file():
            return QT_TRANSLATE_NOOP(
                "DomainError", "Choose the CA file that checks the server's certificate."
            )
        return None

    def url(self, password: str | None) -> URL:
        query = {"sslmode": self.tls, "connect_timeout": str(CONNECT_TIMEOUT_S)}
        if self.tls == "verify-full":
            query["sslrootcert"] = self.ca_file
        return URL.create(
            "postgresql+psycopg",
            username=self.user.strip(),
            password=password or None,
            host=self.host.strip(),
            port=self.port,
            database=self.database.strip(),
            query=query,
        )


class ConnectionFailed(DomainError):
    """The shared database could not be reached or refused the laptop, said in plain words."""

    template = QT_TRANSLATE_NOOP("DomainError", "{reason}")


HOST_NOT_FOUND = QT_TRANSLATE_NOOP(
    "DomainError", "No server has this name: check the server's name, or the network."
)
REFUSED = QT_TRANSLATE_NOOP(
    "DomainError",
    "The server refused the connection: check the port, and that PostgreSQL runs there.",
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "DomainError", "The server does not answer: check the network, a VPN or a firewall."
)
WRONG_PASSWORD = QT_TRANSLATE_NOOP("DomainError", "The user name or the password is wrong.")
NO_SUCH_DATABASE = QT_TRANSLATE_NOOP("DomainError", "The server has no database of this name.")
TLS_REFUSED = QT_TRANSLATE_NOOP(
    "DomainError",
    "The encrypted connection (TLS) failed: the server does not offer it, or its certificate "
    "does not match the CA file and the server's name.",
)
NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "DomainError",
    "The server does not let this computer in (pg_hba.conf): ask the person who runs it.",
)


class ConnectionFailedOtherwise(ConnectionFailed):
    """A trouble without plain words of its own: the driver's first line says it."""

    template = QT_TRANSLATE_NOOP("DomainError", "The server could not be used: {detail}")


def connection_failure(error: BaseException) -> ConnectionFailed:
    """Which of the usual troubles a driver's error is (psycopg's and libpq's own words)."""
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
    words = str(getattr(error, "orig", error)).lower()
    checks = (
        (
            ("could not translate host name", "name or service not known", "nodename nor"),
            HOST_NOT_FOUND,
        ),
        (
            (
                "password authentication failed",
                "no password supplied",
                "password is required",
                'role "',
            ),
            WRONG_PASSWORD,
        ),
        (("no pg_hba.conf entry",), NOT_ALLOWED),
        (("connection refused",), REFUSED),
        (("ssl", "certificate", "tls"), TLS_REFUSED),
        (("timeout expired", "timed out", "no route to host", "network is unreachable"), NO_ANSWER),
        (("does not exist",), NO_SUCH_DATABASE),
    )
    for needles, reason in checks:
        if any(needle in words for needle in needles):
            return ConnectionFailed(reason=reason)
    return ConnectionFailedOtherwise(detail=detail)


# What libpq says while a server stops, starts or is out of reach (not a wrong password).
_AWAY_WORDS = (
    "connection refused",
    "server closed the connection",
    "terminating connection",
    "the database system is shutting down",
    "the database system is starting up",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
)


def server_away(error: BaseException) -> bool:
    """Whether a database error means the server did not answer (stopped, the network
    down), so the desk may go on with its local copy, rather than refused the work."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    words = str(getattr(error, "orig", error)).lower()
    return any(needle in words for needle in _AWAY_WORDS)


def server_answers(url: URL, timeout_s: int = 3) -> bool:
    """Whether the server takes a connection and a query now: asked by a desk working on
    its local copy, on a thread of its own, with a short wait (no pool kept)."""
    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": timeout_s})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        if server_away(error):
            return False
        raise
    finally:
        engine.dispose()
    return True


@dataclass(frozen=True)
class ServerState:
    """What a successful test found on the server."""

    server_version: str
    revision: str | None  # the schema's revision; None: no OpenUp Desk schema yet
    tables: int  # 0: an empty database, ready to take a laptop's records


def try_connection(url: URL) -> ServerState:
    """Connect once (no pool kept) and say what is there; ConnectionFailed in plain words."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar())
            tables = inspect(connection).get_table_names()
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
    except DBAPIError as error:
        raise connection_failure(error) from error
    finally:
        engine.dispose()
    return ServerState(version, revision, len(tables))

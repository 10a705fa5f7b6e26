"""Which database to use, how to connect to it, and the unit of work every use case runs in."""

from __future__ import annotations

import os
import select as io_select
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, Connection, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from db import areas
from db.clock import now_utc

APP_NAME = "OpenUpDesk"
ENV_VAR = "OPENUP_DB"
DEFAULT_FILE_NAME = "openup.sqlite3"
BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10  # a server that does not take a connection in this time is away
UNANSWERED_MS = 8_000  # data sent to a server and not acknowledged: the network is gone
# Written into a SQLite file's header (PRAGMA application_id, "OPNU") when the program creates
# or migrates it: how a restore or a start tells our database from another program's file.
APPLICATION_ID = 0x4F504E55

# The moment units of work act at while the demo replays its past (None: now, as always).
_replayed_moment: ContextVar[datetime | None] = ContextVar("replayed_moment", default=None)
_CLOCK = "clock"  # session.info key: the unit of work's clock
# An execution option: a write whose answer nobody waits for. On a server it travels with the
# next statement that is waited for, or with the COMMIT (psycopg's pipeline mode), so a unit
# of work's writes and its commit cost one network round trip together.
QUEUED = "openup_queued"
_PIPELINE = "openup_pipeline"  # connection.info key: the unit of work's open pipeline


def data_folder() -> Path:
    """The user's data folder, where the default database, backups and logs live."""
    import platformdirs  # imported here: only needed when no database was named

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_url(given: str | URL | None = None) -> URL:
    """The database named by --db, else by OPENUP_DB, else the file in the user's data folder.

    A name is a URL (sqlite:///…, postgresql+psycopg://…) or a plain file path; a URL
    already made (the server chosen in the program) is taken as it is.
    """
    if isinstance(given, URL):
        return given
    name = given or os.environ.get(ENV_VAR) or str(data_folder() / DEFAULT_FILE_NAME)
    if "://" in name:
        url = make_url(name)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(name).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (None for another database or an in-memory one)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database or "")


def make_private(path: Path) -> None:
    """Readable and writable by the owner only (children's data), where the system has modes."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner may read; an existing file is left as it is."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def mark_as_ours(path: Path) -> None:
    """Write the program's application_id into a SQLite file's header."""
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()


def describe(url: URL) -> str:
    """The database for a status bar or a log line, without any password."""
    path = sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def _prepare_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # WAL with NORMAL survives a killed process; only a power cut may lose the last commits.
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten with zeros, so an erased child's name does not stay in
        # the file's free pages (SQLite's own default is off; some builds turn it on).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Writers take the lock at BEGIN, so two laptops queue on busy_timeout instead of
        # one failing with "database is locked" when it upgrades a read to a write.
        mode = "DEFERRED" if connection.get_execution_options().get("read_only") else "IMMEDIATE"
        connection.exec_driver_sql(f"BEGIN {mode}")


def _hung_up(dbapi_connection: Any) -> bool:
    """Whether the server closed an idle pooled connection (a restart, a terminated session),
    seen without a round trip: an idle connection has nothing to read unless the server
    said goodbye. This replaces a pre-ping, which cost a round trip per transaction."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return True
    try:
        readable, _writable, _failed = io_select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _prepare_postgres(engine: Engine) -> None:
    event.listen(engine, "handle_error", _without_row_values)

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if _hung_up(dbapi_connection):
            # The pool drops this connection and hands out a new one.
            raise DisconnectionError("the server closed the connection")

    @event.listens_for(engine, "after_cursor_execute")
    def on_executed(
        connection: Connection,
        _cursor: Any,
        _statement: str,
        _parameters: Any,
        context: Any,
        _executemany: bool,
    ) -> None:
        # In a unit of work's pipeline a statement is only sent; wait for its answer now
        # (the ORM reads rows and row counts at once), unless nobody needs it.
        pipeline = _open_pipeline(connection)
        if pipeline is None or (context is not None and context.execution_options.get(QUEUED)):
            return
        pipeline.sync()

    @event.listens_for(engine, "commit")
    def on_commit(connection: Connection) -> None:
        _end_pipeline(connection, "COMMIT")

    @event.listens_for(engine, "rollback")
    def on_rollback(connection: Connection) -> None:
        _end_pipeline(connection, "ROLLBACK")


def _open_pipeline(connection: Connection) -> Any:
    """The pipeline a unit of work opened on this connection, if any."""
    opened: tuple[Any, Any, Any] | None = connection.info.get(_PIPELINE)
    if opened is None or opened[0] is not connection.connection.dbapi_connection:
        return None
    return opened[2]


def _start_pipeline(connection: Connection) -> None:
    """Put a unit of work's connection in pipeline mode: BEGIN then travels with the first
    statement, and the writes nobody waits for travel with the COMMIT.

    The BEGIN is our own: psycopg's implicit one waits for its answer in pipeline mode too,
    so the driver is in autocommit until the transaction ends."""
    raw: Any = connection.connection.dbapi_connection
    raw.autocommit = True
    manager = raw.pipeline()
    pipeline = manager.__enter__()
    connection.info[_PIPELINE] = (raw, manager, pipeline)
    raw.execute("BEGIN")


def _end_pipeline(connection: Connection, command: str) -> None:
    """Send COMMIT or ROLLBACK with whatever is still queued, and wait once for all of it.

    The driver's own commit or rollback then finds the transaction closed and sends nothing."""
    opened: tuple[Any, Any, Any] | None = connection.info.pop(_PIPELINE, None)
    if opened is None:
        return
    raw, manager, _pipeline = opened
    current: Any = connection.connection.dbapi_connection
    if raw is not current or raw.closed:
        return
    import psycopg  # only a server's connection has a pipeline

    failed: psycopg.Error | None = None
    # The first error is the one that says what failed (e.g. a unique key); what the pipeline
    # says after it is only "aborted".
    try:
        raw.execute(command)
    except psycopg.Error as error:
        failed = error
    try:
        manager.__exit__(None, None, None)
    except psycopg.Error as error:
        failed = failed or error
    if failed is not None:
        # As _without_row_values does for statements: the DETAIL may quote a failing row.
        failed.args = (str(failed).partition("\n")[0],)
    if raw.closed or raw.broken:
        if failed is not None and command == "COMMIT":
            raise DBAPIError.instance(command, None, failed, psycopg.Error) from failed
        return
    if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        raw.execute("ROLLBACK")  # a write failed and the pipeline skipped the rest
    raw.autocommit = False
    if failed is not None and command == "COMMIT":
        # A queued write failed (e.g. another laptop's row won a unique key): raised as
        # SQLAlchemy raises it, so use cases catch IntegrityError as they always have.
        raise DBAPIError.instance(command, None, failed, psycopg.Error) from failed


def _without_row_values(context: ExceptionContext) -> None:
    """Keep only the first line of a server's error: PostgreSQL's DETAIL quotes the failing
    row ("Failing row contains (…)", "Key (…)=(…)"), a child's name and phone among them,
    and the error's text goes to the log and to the screen."""
    original = context.original_exception
    text = str(original)
    first, _newline, rest = text.partition("\n")
    if not rest:
        return
    original.args = (first,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None and wrapped.args and isinstance(wrapped.args[0], str):
        wrapped.args = (wrapped.args[0].replace(text, first), *wrapped.args[1:])


class Database:
    """One open database: the engine and the sessions use cases run in."""

    def __init__(self, url: URL | str, *, echo: bool = False) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        path = sqlite_path(self.url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                # SQLite gives its -wal and -shm files the mode of the database file.
                create_private_file(path)
                # Marked at once: only a missing file is a new database, never an empty one.
                mark_as_ours(path)
        # hide_parameters: a failed write's error (and so the log) never carries the values,
        # which are children's names, guardians' phones and the target-group mark.
        # No pool pre-ping: it cost a round trip per transaction. A connection the server
        # closed is found at checkout without one (_hung_up).
        connect_args: dict[str, Any] = {}
        if self.url.get_backend_name() == "postgresql":
            # No server-side prepared statements: they save no round trip, and a pipeline that
            # a failed write cut short leaves psycopg believing in one the server never made.
            connect_args["prepare_threshold"] = None
            # A network that drops without a word (a cable, a Wi-Fi that fell asleep) ends a
            # statement in seconds, not the minutes TCP waits: the desk then goes on with its
            # local copy. keepalives find a pooled connection gone while the desk was idle.
            connect_args.update(
                connect_timeout=CONNECT_TIMEOUT_S,
                tcp_user_timeout=UNANSWERED_MS,
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=3,
                keepalives_count=3,
            )
        self.engine = create_engine(
            self.url, echo=echo, hide_parameters=True, connect_args=connect_args
        )
        if self.url.get_backend_name() == "sqlite":
            _prepare_sqlite(self.engine)
        elif self.url.get_backend_name() == "postgresql":
            _prepare_postgres(self.engine)
        else:
            event.listen(self.engine, "handle_error", _without_row_values)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        areas.watch(self._sessions)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(read_only=True), expire_on_commit=False
        )
        # One query that reads what it needs by itself: on a server it runs in autocommit,
        # so it costs its own round trip and no BEGIN or ROLLBACK around it.
        self._lookups = (
            self._read_sessions
            if self.is_sqlite
            else sessionmaker(
                self.engine.execution_options(read_only=True, isolation_level="AUTOCOMMIT"),
                expire_on_commit=False,
            )
        )

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def unit_of_work(self) -> UnitOfWork:
        moment = _replayed_moment.get()
        return UnitOfWork(
            self._sessions,
            now_utc if moment is None else lambda: moment,
            pipelined=self.url.get_backend_name() == "postgresql",
        )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries that change nothing (no write lock on SQLite)."""
        with self._read_sessions() as tx:
            yield tx

    @contextmanager
    def looking_up(self) -> Iterator[Session]:
        """A session for a lookup made of one query (a name search): one round trip on a
        server. Several queries in it would each see the records as they are at that moment."""
        with self._lookups() as tx:
            yield tx

    def dispose(self) -> None:
        self.engine.dispose()

    def checkpoint(self) -> None:
        """Move a SQLite file's write-ahead log into the file and empty it, so what was just
        erased is left in neither (the -wal keeps old page versions until then)."""
        if not self.is_sqlite:
            return
        connection = self.engine.raw_connection()
        try:
            # Outside any transaction (the driver runs in autocommit): a checkpoint cannot
            # run inside one.
            cursor = connection.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            connection.close()


class UnitOfWork:
    """One transaction: `with uow: ...; uow.commit()`; leaving without commit rolls back.

    `uow.tx` is the transaction's ORM session; it is not called "session", the word the
    library uses for the children's sessions (db.models.Session)."""

    tx: Session

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] = now_utc,
        *,
        pipelined: bool = False,
    ) -> None:
        self._sessions = sessions
        self.clock = clock
        self.pipelined = pipelined

    def __enter__(self) -> UnitOfWork:
        self.tx = self._sessions()
        self.tx.info[_CLOCK] = self.clock
        if self.pipelined:
            try:
                _start_pipeline(self.tx.connection())
            except BaseException:
                self.tx.close()
                raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.tx.rollback()
        areas.forget(self.tx)
        self.tx.close()

    def commit(self) -> None:
        """Commit, and tell whoever collects in this thread which areas were written."""
        self.tx.commit()
        areas.record(self.tx)


def is_server(tx: Session) -> bool:
    """Whether a session talks to a server over the network (PostgreSQL), not to a file."""
    return tx.get_bind().dialect.name == "postgresql"


def queued(tx: Session, statement: Any) -> None:
    """Execute a write whose answer the use case does not read: on a server it waits for the
    next statement or the COMMIT to travel with (no round trip of its own)."""
    tx.execute(statement.execution_options(**{QUEUED: True}))


def next_id(tx: Session, table: str) -> Any:
    """On a server, a column that draws the next id of `table` inside a query the use case
    sends anyway, so its INSERT can be queued (the id is known before the row is written);
    None on SQLite, where the INSERT hands the id back at no network cost."""
    if not is_server(tx):
        return None
    sequence = func.pg_get_serial_sequence(table, "id")
    return select(func.nextval(sequence)).scalar_subquery().label("next_id")


def insert_row(tx: Session, statement: Any, new_id: int | None) -> int:
    """Insert one row and give its id: with an id drawn by `next_id`, queued; else returned."""
    if new_id is not None:
        queued(tx, statement.values(id=new_id))
        return new_id
    table = statement.table
    return int(tx.execute(statement.returning(table.c.id)).scalar_one())


T = TypeVar("T")
RACE_ATTEMPTS = 3


def retried_if_raced(db: Database, work: Callable[[Session], T]) -> T:
    """`work` in a unit of work, run again when it lost a race at COMMIT: a unique key another
    laptop took a moment before (the same child checked in, the same item lent). The next
    attempt reads what they did, and says so; each loss means another laptop went ahead."""
    for attempt in range(1, RACE_ATTEMPTS + 1):
        try:
            with db.unit_of_work() as uow:
                result = work(uow.tx)
                uow.commit()
                return result
        except IntegrityError:
            if attempt == RACE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def acting_now(tx: Session) -> datetime:
    """The moment of the action a unit of work's session carries out (for its audit events)."""
    clock: Callable[[], datetime] = tx.info.get(_CLOCK, now_utc)
    return clock()


@contextmanager
def replaying(moment: datetime) -> Iterator[None]:
    """Units of work opened inside (in this thread) act at `moment`: the demo's past."""
    token = _replayed_moment.set(moment)
    try:
        yield
    finally:
        _replayed_moment.reset(token)

"""Time the desk's use cases, each called as the desk calls it, beside a bare-commit floor.

Every measured call is the real use case from db/ in its own transaction, on the app's
own `Database` (same engine options, same SQLite pragmas). The floor is what one
insert-and-commit costs with nothing of ours in between: `sqlite3` on the same file, or
psycopg over the same connection parameters.
"""

from __future__ import annotations

import gc
import math
import os
import platform
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from typing import Any

import sqlalchemy
from sqlalchemy import event, exists, select
from sqlalchemy.orm import aliased

from db.attendance import check_in_card, present_in_session
from db.clock import local, now_utc
from db.database import Database, sqlite_path
from db.desk import desk_lists
from db.desk_scan import DeskState, ItemBack, ItemLent, ScannedChild, scan_at_desk
from db.equipment import item_state, open_loans, overdue_loans
from db.loans import Borrower, lend, return_item
from db.models import Item, ItemStatus, Loan, Participant, ProgramKind, Role, Staff
from db.programs import SessionPlan, create_program, create_session
from db.scancodes import ItemCode, card_text, decode_scan
from db.search import search_participants

# p95 targets in ms; scans are the three things a librarian does with the scanner.
SCAN_TARGET_MS = {"sqlite": 15.0, "postgresql": 25.0}
SEARCH_TARGET_MS = 10.0
# What a librarian types into the name field: 2–4 letters, with and without diacritics.
TYPED = ("ber", "kal", "zur", "ozo", "lie", "an", "krū", "ivan", "ja", "pet")
DESK_LIMIT = 8  # rows the desk's search drop-down shows
# Tables big enough that a full scan of them is a finding, not the planner's choice.
BIG_TABLE_ROWS = 1_000


@dataclass
class Result:
    """One row of the report: a use case's timings and what it sent to the database."""

    key: str
    name: str
    measures: str
    target_ms: float | None = None
    samples: list[float] = field(default_factory=list)  # seconds
    statements: list[tuple[str, Any]] = field(default_factory=list)  # of one traced call
    plans: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    round_trips: list[int] = field(default_factory=list)  # per timed call, counted at the proxy

    @property
    def trips_text(self) -> str:
        """Round trips per call: one figure when every call took as many, else the range."""
        if not self.round_trips:
            return ""
        low, high = min(self.round_trips), max(self.round_trips)
        return str(low) if low == high else f"{low}–{high}"

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.samples, 95) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.samples) * 1000

    @property
    def verdict(self) -> str:
        if self.target_ms is None:
            return "—"
        return "ok" if self.p95_ms <= self.target_ms else "OVER"

    @property
    def full_scans(self) -> list[str]:
        return sorted({scan for plan in self.plans for scan in plan["full_scans"]})

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "measures": self.measures,
            "n": len(self.samples),
            "median_ms": round(self.median_ms, 3),
            "p95_ms": round(self.p95_ms, 3),
            "max_ms": round(self.max_ms, 3),
            "mean_ms": round(statistics.fmean(self.samples) * 1000, 3),
            "target_p95_ms": self.target_ms,
            "verdict": self.verdict,
            "sql_statements_per_call": len(self.statements),
            "round_trips_per_call": (
                {
                    "min": min(self.round_trips),
                    "median": statistics.median(self.round_trips),
                    "max": max(self.round_trips),
                }
                if self.round_trips
                else None
            ),
            "full_scans": self.full_scans,
            "plans": self.plans,
            "notes": self.notes,
        }


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile: the value q % of the samples do not exceed."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@contextmanager
def traced(database: Database, into: list[tuple[str, Any]]) -> Iterator[None]:
    """Collect every statement the engine sends (BEGIN and SAVEPOINT included)."""

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        into.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", before)
    try:
        yield
    finally:
        event.remove(database.engine, "before_cursor_execute", before)


Step = Callable[[int], Sequence[tuple[Result, Callable[[], object]]]]
# How many round trips the network has carried so far (the latency proxy's count).
TripCounter = Callable[[], int]


def run_series(
    database: Database, warmup: int, repeat: int, step: Step, trips: TripCounter | None = None
) -> None:
    """Call step(i)'s use cases warmup + repeat times; time the last `repeat` of them.

    The last warm-up call of each is traced, so the report can say what one call sends;
    with `trips`, each timed call's round trips are counted too.
    """
    gc.collect()
    for i in range(warmup + repeat):
        for result, call in step(i):
            if i == warmup - 1:
                result.statements.clear()
                with traced(database, result.statements):
                    call()
                continue
            trips_before = trips() if trips else 0
            started = time.perf_counter()
            call()
            elapsed = time.perf_counter() - started
            if i >= warmup:
                result.samples.append(elapsed)
                if trips:
                    result.round_trips.append(trips() - trips_before)


# --- the floor ---


def floor_sqlite(path: os.PathLike[str], warmup: int, repeat: int) -> Result:
    """One row inserted and committed with bare sqlite3, as the app's connections are set up."""
    result = Result(
        "floor",
        "floor: bare sqlite3 insert+commit",
        "BEGIN IMMEDIATE; INSERT one row into a scratch table; COMMIT — in the same file, "
        "WAL and synchronous=NORMAL as the app sets them",
    )
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA busy_timeout=10000")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, at TEXT)"
        )

        def insert_and_commit() -> None:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO bench_floor (at) VALUES (?)", (time.time(),))
            connection.execute("COMMIT")

        for i in range(warmup + repeat):
            started = time.perf_counter()
            insert_and_commit()
            if i >= warmup:
                result.samples.append(time.perf_counter() - started)
        connection.execute("DROP TABLE bench_floor")
    return result


def postgres_conninfo(database: Database) -> dict[str, Any]:
    url = database.url
    info = {"host": url.host, "port": url.port, "user": url.username, "dbname": url.database}
    if url.password:
        info["password"] = url.password
    return {key: value for key, value in info.items() if value is not None}


def floor_postgres(
    database: Database, warmup: int, repeat: int, trips: TripCounter | None = None
) -> tuple[Result, dict[str, str]]:
    """One row inserted and committed with bare psycopg, over the app's connection parameters."""
    import psycopg

    from tests.benchmarks.server import settings

    result = Result(
        "floor",
        "floor: bare psycopg insert+commit",
        "INSERT one row into a scratch table; COMMIT — one psycopg connection with the "
        "app's connection parameters (same host, port, database)",
    )
    with psycopg.connect(**postgres_conninfo(database)) as connection:
        shown = settings(connection)
        connection.commit()
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor (id serial PRIMARY KEY, at float8)"
        )
        connection.commit()
        for i in range(warmup + repeat):
            trips_before = trips() if trips else 0
            started = time.perf_counter()
            connection.execute("INSERT INTO bench_floor (at) VALUES (%s)", (time.time(),))
            connection.commit()
            if i >= warmup:
                result.samples.append(time.perf_counter() - started)
                if trips:
                    result.round_trips.append(trips() - trips_before)
        connection.execute("DROP TABLE bench_floor")
        connection.commit()
    return result, shown


# --- the desk as it is on a Friday ---


@dataclass(frozen=True)
class Desk:
    """The session running now at one site, its librarian, and what can be scanned there."""

    site_id: int
    librarian_id: int
    session_id: int
    cards: list[str]  # what the children's card QRs carry
    children: list[int]
    tags: list[str]  # items free to lend


def open_desk(database: Database, wanted: int, seed: int = 16) -> Desk:
    """Schedule a session running now and pick the children and items for the run."""
    rnd = random.Random(seed)
    with database.reading() as tx:
        librarian = tx.execute(
            select(Staff.id, Staff.site_id)
            .where(Staff.role == Role.LIBRARIAN, Staff.active.is_(True))
            .order_by(Staff.id)
        ).first()
        assert librarian is not None and librarian.site_id is not None, "no librarian"
        site_id = librarian.site_id
        children = tx.execute(
            select(Participant.id, Participant.card_code)
            .where(
                Participant.site_id == site_id,
                Participant.archived.is_(False),
                Participant.card_code.is_not(None),
            )
            .order_by(Participant.id)
        ).all()
        part = aliased(Item)
        tags = tx.scalars(
            select(Item.tag)
            .where(
                Item.site_id == site_id,
                Item.status == ItemStatus.AVAILABLE,
                ~exists().where(Loan.item_id == Item.id, Loan.returned_at.is_(None)),
                ~exists().where(part.parent_id == Item.id),  # a kit goes out with lend_kit
            )
            .order_by(Item.tag)
        ).all()
    assert children and tags, "the database holds no children or no free items at the site"
    picked = rnd.sample(children, min(wanted, len(children)))
    now = local(datetime.now(UTC))
    starts = max(now - timedelta(minutes=10), now.replace(hour=0, minute=0))
    ends = min(starts + timedelta(hours=2), now.replace(hour=23, minute=59))
    program_id = create_program(
        database,
        f"Mērījums {now:%Y-%m-%d %H:%M:%S.%f}",
        ProgramKind.OPEN,
        site_id,
        by=librarian.id,
    )
    session_id = create_session(
        database,
        program_id,
        SessionPlan(
            now.date(),
            clock_time(starts.hour, starts.minute),
            clock_time(ends.hour, ends.minute),
            theme="Galda spēļu vakars",
        ),
        by=librarian.id,
    )
    return Desk(
        site_id=site_id,
        librarian_id=librarian.id,
        session_id=session_id,
        cards=[card_text(code) for _, code in picked],
        children=[pid for pid, _ in picked],
        tags=list(tags),
    )


def targets(backend: str, latency_ms: float | None) -> tuple[float, float]:
    """p95 targets (scan, name search) in ms: the local ones, or the issue's over a network
    of `latency_ms` round trip (2.5 and 1.5 round trips, plus 10 ms)."""
    if latency_ms is None:
        return SCAN_TARGET_MS[backend], SEARCH_TARGET_MS
    return 2.5 * latency_ms + 10, 1.5 * latency_ms + 10


def measure_use_cases(
    database: Database,
    backend: str,
    warmup: int,
    repeat: int,
    *,
    trips: TripCounter | None = None,
    latency_ms: float | None = None,
) -> list[Result]:
    """The desk's scan, search and list use cases, each `repeat` times after `warmup`."""
    desk = open_desk(database, warmup + repeat)
    scan_target, search_target = targets(backend, latency_ms)
    check_in = Result(
        "check_in_card",
        "check-in by card",
        "db.attendance.check_in_card into the session running now, a different child "
        "(not yet here) each call",
        scan_target,
    )
    if len(desk.cards) < warmup + repeat:
        check_in.notes.append(
            f"only {len(desk.cards)} children at the site: later scans are 'already here'"
        )

    def check_in_step(i: int) -> list[tuple[Result, Callable[[], object]]]:
        code = decode_scan(desk.cards[i % len(desk.cards)])  # the desk decodes, then calls
        return [
            (
                check_in,
                lambda: check_in_card(
                    database,
                    desk.session_id,
                    code.code,  # type: ignore[union-attr]
                    scanned=desk.cards[i % len(desk.cards)],
                    by=desk.librarian_id,
                ),
            )
        ]

    run_series(database, warmup, repeat, check_in_step, trips)

    lent = Result(
        "lend",
        "lend (scan item, to a child)",
        "db.loans.lend of a free item (not a kit) at the site to a checked-in child, "
        "due at the session's end",
        scan_target,
    )
    returned = Result(
        "return_item",
        "return (scan item)",
        "db.loans.return_item of the item just lent",
        scan_target,
    )
    state = Result(
        "item_state",
        "item state (desk asks before each)",
        "db.equipment.item_state: what the Equipment page shows of one item",
    )

    def loan_step(i: int) -> list[tuple[Result, Callable[[], object]]]:
        tag = desk.tags[i % len(desk.tags)]
        child = desk.children[i % len(desk.children)]
        return [
            (state, lambda: item_state(database, tag, by=None)),
            (lent, lambda: lend(database, tag, Borrower.child(child), by=desk.librarian_id)),
            (returned, lambda: return_item(database, tag, by=desk.librarian_id)),
        ]

    run_series(database, warmup, repeat, loan_step, trips)
    scan = Result(
        "desk_item_scan",
        "desk item scan (lend or return)",
        "db.desk_scan.scan_at_desk of an item's label, as the desk sends it: one transaction "
        "that finds the item in or out and lends it to the child scanned just before, or "
        "takes it back",
        scan_target,
    )

    def desk_scan_step(i: int) -> list[tuple[Result, Callable[[], object]]]:
        tag = desk.tags[i % len(desk.tags)]

        def scanned() -> object:
            now = now_utc()
            child = ScannedChild(desk.children[i % len(desk.children)], "", now)
            state = DeskState(desk.site_id, desk.session_id, now, child, lend_anyway=True)
            outcome = scan_at_desk(database, ItemCode(tag), state, by=desk.librarian_id)
            assert isinstance(outcome, ItemLent | ItemBack), outcome
            return outcome

        return [(scan, scanned), (scan, scanned)]  # out, then back

    run_series(database, warmup, repeat, desk_scan_step, trips)

    search = Result(
        "search_participants",
        "name search (2–4 letters)",
        f"db.search.search_participants as the desk calls it (its site, limit={DESK_LIMIT}), "
        f"typed in turn: {', '.join(TYPED)}",
        search_target,
    )
    run_series(
        database,
        warmup,
        repeat,
        lambda i: [
            (
                search,
                lambda: search_participants(
                    database,
                    TYPED[i % len(TYPED)],
                    site_id=desk.site_id,
                    limit=DESK_LIMIT,
                    by=None,
                ),
            )
        ],
        trips,
    )
    search.notes.append(search_order_note(database, desk.site_id))

    present = Result(
        "present_in_session",
        "here-now list (after each check-in)",
        "db.attendance.present_in_session of the session the run checked children into",
    )
    lists = Result(
        "desk_lists",
        "desk lists reload (here now + out now)",
        "db.desk.desk_lists as the desk reloads its lists (after another laptop's change): "
        "the session's here-now list, the visitors counted and its library's out-now list, "
        "read for the librarian signed in",
    )
    run_series(
        database,
        warmup,
        repeat,
        lambda i: [
            (present, lambda: present_in_session(database, desk.session_id, by=None)),
            (
                lists,
                lambda: desk_lists(
                    database,
                    desk.session_id,
                    site_id=desk.site_id,
                    at=now_utc(),
                    by=desk.librarian_id,
                ),
            ),
        ],
        trips,
    )

    out = Result("open_loans", "open loans list", "db.equipment.open_loans (everything out now)")
    overdue = Result("overdue_loans", "overdue loans list", "db.equipment.overdue_loans")
    run_series(
        database,
        warmup,
        repeat,
        lambda i: [
            (out, lambda: open_loans(database, by=None)),
            (overdue, lambda: overdue_loans(database, by=None)),
        ],
        trips,
    )
    out.notes.append(f"{len(open_loans(database, by=None))} loans out")
    overdue.notes.append(f"{len(overdue_loans(database, by=None))} overdue")
    return [check_in, lent, returned, state, scan, search, present, lists, out, overdue]


def search_order_note(database: Database, site_id: int) -> str:
    """How many of the alphabetically first matches the desk's short list leaves out
    (it must be none: the search sorts every match before it cuts the list)."""
    misses = []
    for typed in TYPED:
        shown = search_participants(database, typed, site_id=site_id, limit=DESK_LIMIT, by=None)
        every = search_participants(database, typed, site_id=site_id, limit=10**6, by=None)
        first = every[:DESK_LIMIT]
        wrong = len({p.id for p in first} - {p.id for p in shown})
        misses.append(f"{typed}: {len(every)} match, {wrong}/{len(first)} of the first not shown")
    return "; ".join(misses)


# --- query plans of what one call sent ---


def explain(database: Database, results: Sequence[Result], big_tables: set[str]) -> None:
    """Attach the plan of each SELECT a traced call sent, and the big tables it scans whole."""
    raw = database.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for result in results:
            result.plans.clear()
            for statement, parameters in result.statements:
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                if database.is_sqlite:
                    cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
                    lines = [row[3] for row in cursor.fetchall()]
                else:
                    cursor.execute(f"EXPLAIN {statement}", parameters)
                    lines = [row[0] for row in cursor.fetchall()]
                result.plans.append(
                    {
                        "sql": " ".join(statement.split()),
                        "plan": lines,
                        "full_scans": _full_scans(lines, big_tables, database.is_sqlite),
                    }
                )
        raw.rollback()
    finally:
        raw.close()


def _full_scans(lines: Sequence[str], big_tables: set[str], is_sqlite: bool) -> list[str]:
    found = []
    for line in lines:
        words = line.strip().lstrip("->").split()
        if is_sqlite and len(words) >= 2 and words[0] == "SCAN":
            table = words[1]
            how = " ".join(words[2:]) or "table"
        elif not is_sqlite and "Seq Scan on" in line:
            table = line.split("Seq Scan on", 1)[1].split()[0]
            how = "Seq Scan"
        else:
            continue
        base = table.rstrip("0123456789").rstrip("_")
        if base in big_tables:
            found.append(f"{base} ({how})")
    return found


# --- the report ---


def environment(
    database: Database, pg_settings: dict[str, str] | None, load: Sequence[float]
) -> dict[str, Any]:
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        # Other work on the machine shows up in the p95; a load near the core count is noisy.
        "load_average_before_1_5_15_min": [round(x, 2) for x in load],
    }
    if database.is_sqlite:
        info["sqlite"] = sqlite3.sqlite_version
    else:
        import psycopg

        info["psycopg"] = psycopg.__version__
        info["postgresql"] = pg_settings or {}
    return info


def table(floor: Result, results: Sequence[Result]) -> str:
    """The report as text: one row per use case, the floor first."""
    header = (
        f"{'use case':<38} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} "
        f"{'× floor':>8} {'target p95':>11} {'':>5} {'SQL/call':>8} {'trips/call':>10}"
    )
    lines = [header, "-" * len(header)]
    floor_median = floor.median_ms
    for result in (floor, *results):
        target = f"≤ {result.target_ms:g} ms" if result.target_ms is not None else "—"
        statements = str(len(result.statements)) if result.statements else ""
        ratio = "" if result is floor else f"{result.median_ms / floor_median:.0f}×"
        lines.append(
            f"{result.name:<38} {len(result.samples):>5} {result.median_ms:>10.3f} "
            f"{result.p95_ms:>8.3f} {result.max_ms:>8.3f} {ratio:>8} {target:>11} "
            f"{result.verdict if result is not floor else '':>5} {statements:>8} "
            f"{result.trips_text:>10}"
        )
    findings = [r for r in results if r.full_scans or r.notes]
    if findings:
        lines.append("")
    for result in findings:
        for scan in result.full_scans:
            lines.append(f"  {result.name}: full scan of {scan}")
        for note in result.notes:
            lines.append(f"  {result.name}: {note}")
    return "\n".join(lines)


def plans_text(results: Sequence[Result]) -> str:
    lines = []
    for result in results:
        lines.append(f"== {result.name}: {len(result.statements)} statements per call")
        for statement, _ in result.statements:
            lines.append(f"   {' '.join(statement.split())[:160]}")
        for plan in result.plans:
            lines.append(f"-- {plan['sql'][:200]}")
            lines.extend(f"     {line}" for line in plan["plan"])
    return "\n".join(lines)


def sqlite_file(database: Database) -> os.PathLike[str]:
    path = sqlite_path(database.url)
    assert path is not None, "an in-memory SQLite database has no file for the floor"
    return path

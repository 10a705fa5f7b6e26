"""python -m tests.benchmarks [--db URL] [--postgres] [--latency-ms N] [--rebuild] [--json FILE]

Builds (or reuses) the ten-year dataset, times the desk's use cases on it beside a
bare-commit floor, prints a table and writes bench-results/latest-<backend>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from db.database import Database, describe, resolve_url
from tests.benchmarks import dataset, harness

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"  # git-ignored
CACHE = RESULTS / "dataset.sqlite3"
RUN_COPY = RESULTS / "run-sqlite.sqlite3"


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description="Time check-in, lend, return, name search and the loan lists on a "
        "ten-year database (SQLite by default).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        metavar="URL",
        help="measure this database instead (an empty one is filled; the run writes into it)",
    )
    where.add_argument(
        "--postgres",
        action="store_true",
        help="start a temporary PostgreSQL server on 127.0.0.1, fill it, measure, stop it",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        metavar="N",
        help="run on the temporary PostgreSQL (implies --postgres) through a proxy on loopback "
        "that delays each direction by N/2 ms, and count the round trips of each call",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="generate the dataset again, ignoring the cache"
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the results here")
    parser.add_argument("--repeat", type=int, default=300, help="timed calls per use case")
    parser.add_argument("--warmup", type=int, default=20, help="untimed calls first")
    parser.add_argument(
        "--explain", action="store_true", help="print each use case's SQL and query plans"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.warmup < 1:
        parser.error("--repeat and --warmup must be at least 1")
    if args.latency_ms is not None:
        if args.db:
            parser.error("--latency-ms runs on the temporary server: leave out --db")
        if args.latency_ms < 0:
            parser.error("--latency-ms cannot be negative")
        args.postgres = True
    return args


def cache_line(info: dataset.BuildInfo, how: str) -> str:
    total = info.generate_seconds + info.insert_seconds
    return (
        f"dataset v{info.version}: {CACHE.relative_to(ROOT)}, {how}; built {info.built_at} "
        f"in {total:.1f} s (generate {info.generate_seconds:.1f} s, "
        f"bulk insert {info.insert_seconds:.1f} s)"
    )


def load_line(info: dataset.BuildInfo, how: str, total: float, database: Database) -> str:
    insert = "bulk insert" if database.is_sqlite else "bulk insert + ANALYZE"
    return (
        f"dataset v{info.version} {how} in {total:.1f} s (migrate, read the cache "
        f"{info.generate_seconds:.1f} s, {insert} {info.insert_seconds:.1f} s)"
    )


def measure(
    database: Database,
    args: argparse.Namespace,
    build: dict[str, Any],
    trips: harness.TripCounter | None = None,
) -> dict[str, Any]:
    """Floor, use cases and plans on a ready database; prints the table, returns the report."""
    backend = "sqlite" if database.is_sqlite else "postgresql"
    latency = getattr(args, "latency_ms", None)
    load = os.getloadavg()  # before our own work adds to it
    pg_settings = None
    if database.is_sqlite:
        floor = harness.floor_sqlite(harness.sqlite_file(database), args.warmup, args.repeat)
    else:
        floor, pg_settings = harness.floor_postgres(database, args.warmup, args.repeat, trips)
    row_counts = dataset.counts(database)  # before the run adds its check-ins and loans
    started = time.perf_counter()
    results = harness.measure_use_cases(
        database, backend, args.warmup, args.repeat, trips=trips, latency_ms=latency
    )
    measuring_s = time.perf_counter() - started
    harness.explain(
        database,
        results,
        {table for table, n in row_counts.items() if n >= harness.BIG_TABLE_ROWS},
    )
    env = harness.environment(database, pg_settings, load)
    print()
    print(f"OpenUp Desk benchmark — {backend} — {describe(database.url)}")
    print("rows: " + " · ".join(f"{table} {n:,}" for table, n in row_counts.items()))
    for line in build["lines"]:
        print(line)
    versions = ", ".join(
        f"{k} {v}" for k, v in env.items() if k in ("python", "sqlalchemy", "sqlite", "psycopg")
    )
    print(f"{args.repeat} timed calls each after {args.warmup} warm-up; {versions}")
    print(
        f"{env['cpus']} CPUs; load average before the run {load[0]:.2f} / {load[1]:.2f} / "
        f"{load[2]:.2f} (1/5/15 min)"
    )
    if pg_settings:
        print("server: " + ", ".join(f"{k}={v}" for k, v in pg_settings.items()))
    if latency is not None:
        print(
            f"through a proxy on loopback adding {latency:g} ms per round trip "
            f"({latency / 2:g} ms each way); trips/call counted at the proxy"
        )
    print()
    print(harness.table(floor, results))
    if args.explain:
        print()
        print(harness.plans_text(results))
    return {
        "backend": backend,
        "database": describe(database.url),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "added_latency_ms": latency,
        "environment": env,
        "dataset": {**build, "rows": row_counts},
        "warmup": args.warmup,
        "repeat": args.repeat,
        "measuring_seconds": round(measuring_s, 1),
        "floor": floor.as_json(),
        "results": [result.as_json() for result in results],
    }


def write(report: dict[str, Any], extra: Path | None) -> None:
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(report, ensure_ascii=False, indent=2, default=str)
    targets = [RESULTS / f"latest-{report['backend']}.json"]
    if extra is not None:
        targets.append(extra)
    for target in targets:
        target.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {target}")


def cache_lines(rebuild: bool) -> tuple[dataset.BuildInfo, list[str]]:
    info, built = dataset.cached(CACHE, rebuild)
    return info, [cache_line(info, "built now" if built else "reused")]


def measure_delayed(
    server: Any, database: Database, args: argparse.Namespace, build: dict[str, Any]
) -> dict[str, Any]:
    """Measure through the delaying proxy: the same database, reached over a slow link."""
    from tests.benchmarks.latency import delayed

    with delayed(server.host, server.port, args.latency_ms) as proxy:
        url = database.url.set(host="127.0.0.1", port=proxy.port)
        through = Database(url)
        try:
            return measure(through, args, build, lambda: proxy.round_trips)
        finally:
            through.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    report: dict[str, Any]
    if args.postgres:
        from tests.benchmarks.server import temporary_postgres

        info, lines = cache_lines(args.rebuild)
        started = time.perf_counter()
        with temporary_postgres() as server:
            lines.append(f"PostgreSQL server started in {time.perf_counter() - started:.1f} s")
            database = Database(server.create_database("openup_bench"))
            try:
                started = time.perf_counter()
                loaded = dataset.fill_from_cache(database, CACHE)
                total = time.perf_counter() - started
                lines.append(load_line(loaded, "loaded into PostgreSQL", total, database))
                build = {"cache": info.as_json(), "loaded": loaded.as_json(), "lines": lines}
                if args.latency_ms is None:
                    report = measure(database, args, build)
                else:
                    report = measure_delayed(server, database, args, build)
            finally:
                database.dispose()
    elif args.db:
        database = Database(resolve_url(args.db))
        try:
            started = time.perf_counter()
            info, how = dataset.prepare_given(database, CACHE, args.rebuild)
            total = time.perf_counter() - started
            if how.startswith("reused"):
                lines = [f"dataset v{info.version} {how}, loaded {info.built_at}"]
            else:
                lines = [load_line(info, how, total, database)]
            report = measure(database, args, {"given": info.as_json(), "lines": lines})
        finally:
            database.dispose()
    else:
        info, lines = cache_lines(args.rebuild)
        started = time.perf_counter()
        dataset.fresh_copy(CACHE, RUN_COPY)
        copy_s = time.perf_counter() - started
        lines.append(f"working copy {RUN_COPY.relative_to(ROOT)} made in {copy_s:.1f} s")
        database = Database(URL.create("sqlite", database=str(RUN_COPY)))
        try:
            report = measure(database, args, {"cache": info.as_json(), "lines": lines})
        finally:
            database.dispose()
    if args.latency_ms is not None:
        report["backend"] = f"postgresql-{args.latency_ms:g}ms"
    write(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())

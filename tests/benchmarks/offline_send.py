"""How long a desk's offline journal of 500 scans takes to send, on a durable PostgreSQL.

    .venv/bin/python -m tests.benchmarks.offline_send [--scans 500] [--latency-ms 30]

The journal is made against a local copy as the desk makes it offline (card check-ins of
300 children to two sessions, the rest lends and returns of laptops), then sent to a fresh
temporary PostgreSQL 15 on loopback. Prints the wall-clock time, the time per entry, and the
statements and transactions sent per entry (each costs at least one network round trip,
which tells what the same journal costs at 10–40 ms per round trip). With --latency-ms the
sending goes through the delaying proxy of tests/benchmarks/latency.py, which counts the
round trips it carries.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from db.database import Database
from db.equipment import ItemDetails, add_item
from db.loans import Borrower
from db.migrate import migrate
from db.models import ItemCategory
from db.offline.at_the_desk import check_in_card_offline, lend_offline, return_offline
from db.offline.journal import Marks, entries
from db.offline.local_copy import open_local_copy, refresh_local_copy
from db.offline.sending import send_journal
from db.people import ParticipantDetails, register_participant
from db.programs import SessionPlan, create_session
from tests.benchmarks.latency import delayed
from tests.benchmarks.server import temporary_postgres
from tests.conftest import make_desk

TODAY = date(2018, 10, 5)
START = datetime(2018, 10, 5, 13, 0, tzinfo=UTC)
CHILDREN = 300  # two sessions of them: more check-ins than the scans, none twice


def make_journal(shared: Database, folder: Path, scans: int) -> Path:
    desk = make_desk(shared)
    second = create_session(
        shared,
        desk.program_id,
        SessionPlan(TODAY + timedelta(days=1), clock_time(16), clock_time(17)),
    )
    for n in range(CHILDREN - 2):
        register_participant(shared, ParticipantDetails(f"Bērns{n}", "Kļaviņš", 2010, desk.site_id))
    for n in range(2, 6):
        add_item(
            shared,
            ItemDetails(f"LAP-0{n}", "Portatīvais dators", ItemCategory.LAPTOP, desk.site_id),
        )
    refresh_local_copy(shared, desk.site_id, folder / "copy.sqlite3", TODAY)
    copy = open_local_copy(folder / "copy.sqlite3")
    journal = folder / "journal.sqlite3"
    try:
        from sqlalchemy import select

        from db.models import Participant

        with copy.reading() as tx:
            children = list(tx.execute(select(Participant.id, Participant.card_code)))
        made = 0
        at = START
        check_ins = [(s, c) for s in (desk.session_id, second) for c in children]
        while made < scans:
            session_id, (participant_id, card) = check_ins[made % len(check_ins)]
            at += timedelta(seconds=5)
            if made % 10 < 8 or made + 2 > scans:
                check_in_card_offline(copy, journal, session_id, card or "", by=None, at=at)
                made += 1
            else:
                tag = f"LAP-0{1 + made % 5}"
                lend_offline(copy, journal, tag, Borrower.child(participant_id), by=None, at=at)
                return_offline(copy, journal, tag, by=None, at=at + timedelta(seconds=1))
                made += 2
    finally:
        copy.dispose()
    return journal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument(
        "--latency-ms", type=float, default=None, help="send through a link this slow"
    )
    options = parser.parse_args()
    with temporary_postgres() as server, tempfile.TemporaryDirectory() as folder:
        shared = Database(server.create_database("offline_bench"))
        migrate(shared)
        journal = make_journal(shared, Path(folder), options.scans)
        total = len(entries(journal))
        counted = {"statements": 0, "transactions": 0}

        def statement(*_args: Any) -> None:
            counted["statements"] += 1

        def commit(*_args: Any) -> None:
            counted["transactions"] += 1

        event.listen(shared.engine, "before_cursor_execute", statement)
        event.listen(shared.engine, "commit", commit)
        # The journal's own marks (a local fsync each), timed apart from the server's part.
        marking = [0.0]
        real_mark = Marks._mark

        def timed_mark(*args: Any, **kwargs: Any) -> None:
            begun = time.perf_counter()
            real_mark(*args, **kwargs)
            marking[0] += time.perf_counter() - begun

        Marks._mark = timed_mark  # type: ignore[method-assign]
        with ExitStack() as link:
            target, trips = shared, None
            if options.latency_ms is not None:
                proxy = link.enter_context(delayed(server.host, server.port, options.latency_ms))
                target = Database(shared.url.set(host="127.0.0.1", port=proxy.port))
                link.callback(target.dispose)
                event.listen(target.engine, "before_cursor_execute", statement)
                event.listen(target.engine, "commit", commit)
                trips = proxy
            started = time.perf_counter()
            result = send_journal(target, journal, "bench")
            took = time.perf_counter() - started
            round_trips = None if trips is None else trips.round_trips
        Marks._mark = real_mark  # type: ignore[method-assign]
        shared.dispose()
    where = "loopback" if options.latency_ms is None else f"{options.latency_ms:g} ms round trip"
    print(f"{total} entries sent ({result.sent} applied, {result.refused} refused)")
    print(f"{took:.2f} s in all, {took / total * 1000:.1f} ms per entry ({where})")
    if round_trips is not None:
        print(f"{round_trips / total:.1f} round trips per entry, counted at the proxy")
    print(f"of which {marking[0]:.2f} s marking the journal on the laptop's disk")
    print(
        f"{counted['statements'] / total:.1f} statements and "
        f"{counted['transactions'] / total:.2f} commits per entry"
    )


if __name__ == "__main__":
    main()

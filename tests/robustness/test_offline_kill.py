"""A laptop killed (SIGKILL) while it sends its offline journal loses nothing and applies
nothing twice: the next sending picks up where the server's applied entries end.

The journal (check-ins of many children to three sessions, lends and returns) is made
against a local copy; a child process sends it and is killed at random moments, several
times; after each kill the server must hold exactly the entries it marked applied, in the
journal's order, each with its one effect; a last sending finishes, and the counts equal.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import func, select

from db.database import Database
from db.loans import Borrower
from db.models import AppliedEntry, Attendance, Loan, Participant
from db.offline.at_the_desk import check_in_card_offline, lend_offline, return_offline
from db.offline.journal import EntryKind, EntryState, entries
from db.offline.local_copy import open_local_copy, refresh_local_copy
from db.people import ParticipantDetails, register_participant
from db.programs import SessionPlan, create_session
from tests.conftest import Desk

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6
CHILDREN = 50
TODAY = date(2018, 10, 5)
START = datetime(2018, 10, 5, 13, 0, tzinfo=UTC)


def worker(url: str, journal: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.robustness.offline_send_worker", url, str(journal)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def offline_journal(desk: Desk, tmp_path: Path) -> Path:
    """Check-ins of every child to three sessions, and LAP-01 lent and back in between."""
    sessions = [desk.session_id] + [
        create_session(
            desk.db,
            desk.program_id,
            SessionPlan(TODAY + timedelta(days=day), clock_time(16), clock_time(17)),
        )
        for day in (1, 2)
    ]
    for n in range(CHILDREN - 2):
        register_participant(
            desk.db, ParticipantDetails(f"Bērns{n}", "Kļaviņš", 2010, desk.site_id)
        )
    refresh_local_copy(desk.db, desk.site_id, tmp_path / "copy.sqlite3", TODAY)
    copy = open_local_copy(tmp_path / "copy.sqlite3")
    journal = tmp_path / "journal.sqlite3"
    try:
        with copy.reading() as tx:
            children = list(tx.execute(select(Participant.id, Participant.card_code)))
        at = START
        for day, session_id in enumerate(sessions):
            for n, (participant_id, card) in enumerate(children):
                at = START + timedelta(days=day, seconds=n)
                assert card is not None
                check_in_card_offline(copy, journal, session_id, card, by=None, at=at)
                if n % 5 == 0:
                    to = Borrower.child(participant_id)
                    lend_offline(copy, journal, "LAP-01", to, by=None, at=at)
                    return_offline(copy, journal, "LAP-01", by=None, at=at + timedelta(seconds=1))
    finally:
        copy.dispose()
    return journal


def server_state(url: str) -> tuple[list[str], int, int, int]:
    """The applied entries' uids, attendance rows, loans, and loans returned."""
    database = Database(url)
    try:
        with database.reading() as tx:
            applied = list(tx.scalars(select(AppliedEntry.uid)))
            attendance = tx.scalar(select(func.count()).select_from(Attendance)) or 0
            loans = tx.scalar(select(func.count()).select_from(Loan)) or 0
            back = tx.scalar(
                select(func.count()).select_from(Loan).where(Loan.returned_at.is_not(None))
            )
    finally:
        database.dispose()
    return applied, attendance, loans, back or 0


def check_consistent(url: str, journal: Path, after: str) -> tuple[int, bool]:
    """How many entries the server has applied, and whether the kill fell between the
    server's commit of one and the journal's mark of it."""
    made = entries(journal)
    applied, attendance, loans, back = server_state(url)
    order = [entry.uid for entry in made]
    # Sent in the journal's order: what the server has is the journal's beginning, once each.
    assert len(set(applied)) == len(applied)
    assert sorted(applied, key=order.index) == order[: len(applied)], after
    kinds = [entry.kind for entry in made[: len(applied)]]
    # Each applied entry had its one effect: nothing lost, nothing twice.
    assert attendance == kinds.count(EntryKind.CHECK_IN), after
    assert loans == kinds.count(EntryKind.LEND), after
    assert back == kinds.count(EntryKind.RETURN), after
    # A mark in the journal never runs ahead of the server.
    marked = [entry.uid for entry in made if entry.state is EntryState.SENT]
    assert set(marked) <= set(applied), after
    assert len(applied) - len(marked) <= 1, after  # at most the entry the kill cut off
    return len(applied), len(applied) > len(marked)


def test_sigkill_while_sending_loses_nothing_and_duplicates_nothing(
    any_desk: Desk, tmp_path: Path
) -> None:
    journal = offline_journal(any_desk, tmp_path)
    total = len(entries(journal))
    assert total == 3 * CHILDREN + 3 * 2 * (CHILDREN // 5)
    url = any_desk.db.url.render_as_string(hide_password=False)
    any_desk.db.dispose()
    rng = random.Random(20181005)
    progress: list[int] = []
    unmarked = 0
    for kill in range(KILLS):
        child = worker(url, journal)
        assert child.stdout is not None
        assert child.stdout.readline() == "READY\n", child.stderr.read() if child.stderr else ""
        # Some entries in, then a moment more: the kill lands anywhere in an entry's sending.
        for _ in range(rng.randint(1, 30)):
            line = child.stdout.readline()
            assert line.startswith("SENT "), line
        time.sleep(rng.uniform(0.0, 0.02))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, (kill, out[-300:], err[-2000:])
        applied, cut_before_the_mark = check_consistent(url, journal, f"after kill {kill + 1}")
        progress.append(applied)
        unmarked += cut_before_the_mark
    # The kills landed while sending, and each sending went on from where the last stopped.
    assert 0 < progress[-1] < total, progress
    assert progress == sorted(progress)
    print(
        f"\n{KILLS} kills while sending {total} entries; applied after each: {progress};"
        f" {unmarked} between the server's commit and the journal's mark"
    )

    last = worker(url, journal)
    out, err = last.communicate(timeout=300)
    assert last.returncode == 0 and out.endswith("DONE\n"), err[-2000:]
    assert check_consistent(url, journal, "after the last sending") == (total, False)
    assert {entry.state for entry in entries(journal)} == {EntryState.SENT}
    _applied, attendance, loans, back = server_state(url)
    assert (attendance, loans, back) == (3 * CHILDREN, 3 * (CHILDREN // 5), 3 * (CHILDREN // 5))

"""A desk killed at any moment (power button, SIGKILL) loses no acknowledged check-in.

A child process checks children in as fast as it can on a SQLite file and prints an
acknowledgement after each commit; it is killed with SIGKILL at random moments, and after
each kill every acknowledged check-in must be in the file and the file must be intact.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import select, text

from db.database import Database
from db.models import Attendance, AuditEvent
from db.people import ParticipantDetails, register_participant
from db.programs import SessionPlan, create_session
from tests.conftest import Desk

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
SESSIONS, CHILDREN = 80, 100  # 8,000 possible check-ins: more than the runs can make


def worker(url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.robustness.checkin_worker", url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def acknowledged(lines: list[str]) -> list[tuple[int, int, int]]:
    """The check-ins the child reported as committed (a line cut by the kill is not one)."""
    acks = []
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "ACK" and line.endswith("\n"):
            acks.append((int(parts[1]), int(parts[2]), int(parts[3])))
    return acks


def fill(desk: Desk) -> None:
    for day in range(1, SESSIONS):
        create_session(
            desk.db,
            desk.program_id,
            SessionPlan(date(2018, 10, 5) + timedelta(days=day), clock_time(16), clock_time(17)),
        )
    for n in range(CHILDREN - 2):
        register_participant(
            desk.db, ParticipantDetails(f"Bērns{n}", "Kļaviņš", 2010, desk.site_id)
        )


def test_sigkill_at_random_moments_loses_no_acknowledged_check_in(desk: Desk) -> None:
    fill(desk)
    url = desk.db.url.render_as_string(hide_password=False)
    desk.db.dispose()
    rng = random.Random(20181005)
    confirmed: dict[int, tuple[int, int]] = {}
    kills = 0
    for _ in range(KILLS):
        child = worker(url)
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == "READY\n", ready + (child.stderr.read() if child.stderr else "")
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, (kills, len(confirmed), out[-300:], err)
        kills += 1
        acks = acknowledged(out.splitlines(keepends=True))
        for attendance_id, session_id, participant_id in acks:
            confirmed[attendance_id] = (session_id, participant_id)

        checker = Database(url)
        try:
            with checker.engine.connect() as connection:
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            with checker.reading() as s:
                stored = {
                    row.id: (row.session_id, row.participant_id)
                    for row in s.scalars(select(Attendance))
                }
                audited = set(
                    s.scalars(
                        select(AuditEvent.entity_id).where(
                            AuditEvent.action == "attendance.checked_in"
                        )
                    )
                )
        finally:
            checker.dispose()
        missing = {a: pair for a, pair in confirmed.items() if stored.get(a) != pair}
        assert not missing, f"after kill {kills}: acknowledged but not stored: {missing}"
        # Nothing half-written: each row came with its audit event, in one transaction.
        assert audited == set(stored), f"after kill {kills}: rows and audit events differ"
    print(f"\n{kills} kills, {len(confirmed)} acknowledged check-ins, all stored")
    assert kills == KILLS
    # The kills landed while check-ins were being made, not before the first or after the last.
    assert len(confirmed) > KILLS
    assert len(confirmed) < SESSIONS * CHILDREN

"""Several laptops (separate processes) at once on one SQLite file and on a real PostgreSQL.

Each process lends and returns the same few items and checks the same children in to the
same sessions for a few seconds, recording every outcome. Afterwards the database must
agree with what the processes were told, and every refusal must be a plain domain error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.audit_log import check_audit_log
from db.equipment import ItemDetails, add_item
from db.models import Attendance, AuditEvent, Item, ItemCategory, Loan
from db.people import ParticipantDetails, register_participant
from db.programs import SessionPlan, create_session
from tests.conftest import Desk

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4
OPERATIONS = 75  # per laptop
EXPECTED_REFUSALS = {"ItemAlreadyOut", "ItemNotOut"}


def run_laptops(url: str) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.time() + 2.5  # time for every process to import and connect first
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.robustness.race_worker",
                url,
                str(seed),
                str(start),
                str(OPERATIONS),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(PROCESSES)
    ]
    outcomes: list[dict[str, Any]] = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outcomes += [json.loads(line) for line in out.splitlines()]
    return outcomes


def test_laptops_racing_in_separate_processes_agree_with_the_database(any_desk: Desk) -> None:
    desk = any_desk
    create_session(
        desk.db, desk.program_id, SessionPlan(date(2018, 10, 12), clock_time(16), clock_time(17))
    )
    for first in ("Anna", "Roberts"):
        register_participant(desk.db, ParticipantDetails(first, "Bērziņa", 2011, desk.site_id))
    add_item(
        desk.db, ItemDetails("LAP-02", "Portatīvais dators", ItemCategory.LAPTOP, desk.site_id)
    )
    url = desk.db.url.render_as_string(hide_password=False)

    outcomes = run_laptops(url)

    errors = [o for o in outcomes if o["result"] == "error"]
    assert not errors, "\n\n".join(f"{o['op']}: {o['message']}" for o in errors[:3])
    refusals = [o for o in outcomes if o["result"] == "refused"]
    assert {o["type"] for o in refusals} <= EXPECTED_REFUSALS, Counter(o["type"] for o in refusals)
    for refusal in refusals:
        message = refusal["message"]
        assert message.isprintable() and 10 < len(message) < 300, message
        assert "locked" not in message.lower() and "integrity" not in message.lower()

    ok = [o for o in outcomes if o["result"] == "ok"]
    lends = Counter(o["tag"] for o in ok if o["op"] == "lend")
    returns = Counter(o["tag"] for o in ok if o["op"] == "return")
    check_ins = [o for o in ok if o["op"] == "check_in"]
    firsts = Counter((o["session"], o["child"]) for o in check_ins if o["first"])
    undone = Counter((o["session"], o["child"]) for o in check_ins if o.get("undone"))

    with desk.db.reading() as s:
        open_per_item = Counter(
            s.scalars(
                select(Item.tag)
                .join(Loan, Loan.item_id == Item.id)
                .where(Loan.returned_at.is_(None))
            )
        )
        rows = Counter(s.execute(select(Attendance.session_id, Attendance.participant_id)).all())
        audited = Counter(s.scalars(select(AuditEvent.action)))
        loans = s.scalar(select(func.count()).select_from(Loan))

    # The database's own rules held: one open loan per item, one row per child and session.
    assert all(n == 1 for n in open_per_item.values()), open_per_item
    assert all(n == 1 for n in rows.values()), rows
    # And it agrees with what every laptop was told: no lend, return or check-in lost or doubled.
    for tag in {"LAP-01", "LAP-02", "XBOX-01"}:
        assert lends[tag] - returns[tag] == open_per_item[tag], (tag, lends, returns)
    assert loans == sum(lends.values())
    assert audited["loan.lent"] == sum(lends.values())
    assert audited["loan.returned"] == sum(returns.values())
    assert {pair: n for pair, n in (firsts - undone).items() if n} == {
        tuple(pair): n for pair, n in rows.items()
    }
    assert audited["attendance.checked_in"] == sum(firsts.values())
    # Every laptop's events joined one audit chain: none forked it, none lost its place.
    chain = check_audit_log(desk.db, by=None)
    assert chain.intact and chain.events == sum(audited.values()), chain

    # The race really was one: many operations, contested.
    assert len(outcomes) == PROCESSES * OPERATIONS, len(outcomes)
    assert sum(lends.values()) > 10 and sum(returns.values()) > 10 and len(refusals) > 10
    assert sum(1 for o in check_ins if not o["first"]) > 10
    print(
        f"\n{desk.db.url.get_backend_name()}: {PROCESSES} processes, {len(outcomes)} operations:"
        f" {sum(lends.values())} lent, {sum(returns.values())} returned,"
        f" {len(check_ins)} check-ins ({sum(firsts.values())} first, {sum(undone.values())}"
        f" undone), {len(refusals)} refused {dict(Counter(o['type'] for o in refusals))}"
    )

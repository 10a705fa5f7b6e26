"""Race-test child: one laptop lending, returning and checking in, as fast as it can.

Run as `python -m tests.robustness.race_worker URL SEED START OPERATIONS`. It waits until
the wall-clock START (so all laptops begin together), then OPERATIONS times lends and returns
the same few items and checks the same children in to the same sessions (undoing some of
its own check-ins so the rows keep being contested). Every outcome is recorded: success,
DomainError with its message, or any other exception; one JSON object per line on stdout.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from typing import Any

from sqlalchemy import select

from db.attendance import check_in, check_in_card, undo_check_in
from db.database import Database
from db.errors import DomainError
from db.loans import Borrower, lend, return_item
from db.models import Item, Participant, Session


def main(url: str, seed: int, start: float, operations: int) -> None:
    rng = random.Random(seed)
    database = Database(url)
    with database.reading() as s:
        tags = sorted(s.scalars(select(Item.tag).where(Item.parent_id.is_(None))))
        sessions = list(s.scalars(select(Session.id)))
        children = list(s.execute(select(Participant.id, Participant.card_code)))
    outcomes: list[dict[str, Any]] = []
    time.sleep(max(0.0, start - time.time()))
    # A count, not a time: a busy machine makes a slower race, never a smaller one.
    while len(outcomes) < operations:
        choice = rng.random()
        outcome: dict[str, Any]
        try:
            if choice < 0.3:
                tag = rng.choice(tags)
                child = rng.choice(children)[0]
                outcome = {"op": "lend", "tag": tag}
                lend(database, tag, Borrower.child(child))
            elif choice < 0.6:
                tag = rng.choice(tags)
                outcome = {"op": "return", "tag": tag}
                return_item(database, tag)
            else:
                session_id = rng.choice(sessions)
                child, card = rng.choice(children)
                outcome = {"op": "check_in", "session": session_id, "child": child}
                if rng.random() < 0.5:
                    result = check_in(database, session_id, child)
                else:
                    result = check_in_card(database, session_id, card)
                outcome["first"] = not result.already_here
                outcome["attendance"] = result.attendance_id
                if not result.already_here and rng.random() < 0.9:
                    # The librarian's "undo last scan": only ever of a row this laptop made.
                    undo_check_in(database, result.attendance_id)
                    outcome["undone"] = True
            outcome["result"] = "ok"
        except DomainError as refusal:
            outcome["result"] = "refused"
            outcome["type"] = type(refusal).__name__
            outcome["message"] = refusal.message
        except Exception as error:  # recorded, and the test fails on it
            outcome["result"] = "error"
            outcome["type"] = type(error).__name__
            outcome["message"] = "".join(traceback.format_exception(error))[-8000:]
        outcomes.append(outcome)
    database.dispose()
    for outcome in outcomes:
        print(json.dumps(outcome, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]))

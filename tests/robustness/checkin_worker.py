"""Crash-test child: check children in as fast as possible, acknowledging each commit.

Run as `python -m tests.robustness.checkin_worker URL`. Prints READY once connected, then
`ACK attendance_id session_id participant_id` (flushed) after each committed check-in;
the parent kills it with SIGKILL at a random moment and checks every ACK is in the file.
"""

from __future__ import annotations

import sys

from sqlalchemy import select

from db.attendance import check_in, check_in_card
from db.database import Database
from db.models import Attendance, CheckInMethod, Participant, Session


def main(url: str) -> None:
    database = Database(url)
    with database.reading() as s:
        sessions = list(s.scalars(select(Session.id).order_by(Session.id)))
        children = list(s.execute(select(Participant.id, Participant.card_code)))
        done = {
            (a, b) for a, b in s.execute(select(Attendance.session_id, Attendance.participant_id))
        }
    print("READY", flush=True)
    count = 0
    for session_id in sessions:
        for participant_id, card_code in children:
            if (session_id, participant_id) in done:
                continue
            count += 1
            if count % 2 and card_code:
                result = check_in_card(database, session_id, card_code)
            else:
                result = check_in(database, session_id, participant_id, method=CheckInMethod.SCAN)
            print(f"ACK {result.attendance_id} {session_id} {participant_id}", flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])

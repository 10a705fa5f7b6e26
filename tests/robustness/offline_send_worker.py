"""Crash-test child: send an offline journal to the shared database, saying how far it got.

Run as `python -m tests.robustness.offline_send_worker URL JOURNAL`. Prints READY once
connected, `SENT done total` (flushed) after each entry, and DONE at the end; the parent
kills it with SIGKILL at a random moment and checks nothing was lost or applied twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db.database import Database
from db.offline.sending import send_journal


def main(url: str, journal: str) -> None:
    database = Database(url)
    with database.engine.connect():
        pass
    print("READY", flush=True)

    def sent(done: int, total: int) -> bool:
        print(f"SENT {done} {total}", flush=True)
        return True

    send_journal(database, Path(journal), "desk-killed", progress=sent)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

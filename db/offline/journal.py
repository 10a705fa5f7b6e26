"""The desk's journal: what it did while the server was away, kept until the server has it.

An owner-only SQLite file in the data folder. Each entry is a decided action — a check-in, a
walk-in child, a lend or return (of a kit too), an undo — with its arguments, the librarian
and the moment, written in its own transaction (synchronous=FULL: on the disk before the
desk says "saved on this laptop"). Entries are sent in the order they were made; an entry
the server refused stays, with the refusal and what was done instead, for the librarian.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from db.database import BUSY_TIMEOUT_MS, create_private_file, data_folder, make_private
from db.errors import QT_TRANSLATE_NOOP, DomainError
from db.models import new_uid

JOURNAL_FILE_NAME = "offline-journal.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    arguments TEXT NOT NULL,
    staff_id INTEGER,
    at TEXT NOT NULL,
    flag TEXT,
    state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'refused')),
    refusal TEXT,
    refusal_fields TEXT,
    instead TEXT,
    sent_at TEXT
)
"""


class JournalNotWritten(DomainError):
    """The laptop's journal could not take an entry: the desk must not say it was saved."""

    template = QT_TRANSLATE_NOOP("DomainError", "This was not saved on this laptop: {reason}.")


class EntryKind(enum.StrEnum):
    CHECK_IN = "check_in"
    WALK_IN = "walk_in"  # a new child registered at the desk, keeping the uid given offline
    LEND = "lend"
    LEND_KIT = "lend_kit"
    RETURN = "return"
    RETURN_KIT = "return_kit"
    UNDO = "undo"  # takes back an earlier entry of the journal, by its uid


class EntryState(enum.StrEnum):
    WAITING = "waiting"
    SENT = "sent"
    REFUSED = "refused"


class Flag(enum.StrEnum):
    """What the local copy could not decide; the server decides when the entry is sent."""

    ITEM_SEEN_OUT = "item_seen_out"  # lent, though the copy last saw the item out
    ITEM_SEEN_IN = "item_seen_in"  # taken back, though the copy last saw it in
    CARD_UNKNOWN = "card_unknown"  # a card the copy does not know (a child registered since)


@dataclass(frozen=True)
class Entry:
    seq: int
    uid: str
    kind: EntryKind
    arguments: dict[str, Any]
    staff_id: int | None
    at: datetime
    flag: Flag | None
    state: EntryState
    # A refusal: its sentence (the English source, translated by the desk, context
    # "DomainError"), the sentence's fields, and what was done instead.
    refusal: str | None = None
    refusal_fields: dict[str, Any] = field(default_factory=dict)
    instead: str | None = None
    sent_at: datetime | None = None


def journal_path(folder: Path | None = None) -> Path:
    """Where the laptop keeps its journal: the data folder."""
    return (folder or data_folder()) / JOURNAL_FILE_NAME


@contextmanager
def _opened(path: Path, synchronous: str = "FULL") -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private_file(path)  # children's names and card codes: owner-only
    make_private(path)
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as connection:
        connection.isolation_level = None  # transactions are begun here, explicitly
        connection.execute("PRAGMA journal_mode=WAL")
        # FULL: an entry the desk has confirmed survives a power cut, not only a kill.
        connection.execute(f"PRAGMA synchronous={synchronous}")
        connection.execute("PRAGMA secure_delete=ON")
        connection.execute(_SCHEMA)
        yield connection


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        seq=row["seq"],
        uid=row["uid"],
        kind=EntryKind(row["kind"]),
        arguments=json.loads(row["arguments"]),
        staff_id=row["staff_id"],
        at=datetime.fromisoformat(row["at"]),
        flag=None if row["flag"] is None else Flag(row["flag"]),
        state=EntryState(row["state"]),
        refusal=row["refusal"],
        refusal_fields=json.loads(row["refusal_fields"] or "{}"),
        instead=row["instead"],
        sent_at=None if row["sent_at"] is None else datetime.fromisoformat(row["sent_at"]),
    )


def _utc_text(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("naive datetime given for a journal entry")
    return at.isoformat()


def record(
    path: Path,
    kind: EntryKind,
    arguments: dict[str, Any],
    *,
    by: int | None,
    at: datetime,
    flag: Flag | None = None,
    uid: str | None = None,
) -> Entry:
    """Write one decided action, durably, in its own transaction; returns it as written."""
    uid = uid or new_uid()
    try:
        with _opened(path) as connection:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(
                "INSERT INTO entry (uid, kind, arguments, staff_id, at, flag)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    uid,
                    kind.value,
                    json.dumps(arguments, ensure_ascii=False, sort_keys=True),
                    by,
                    _utc_text(at),
                    None if flag is None else flag.value,
                ),
            )
            seq = cursor.lastrowid
            connection.execute("COMMIT")
    except (OSError, sqlite3.Error) as error:
        from db.backups import why_not_written

        reason = why_not_written(error)
        if reason is None:
            raise
        raise JournalNotWritten(reason=reason) from error
    assert seq is not None
    return Entry(seq, uid, kind, arguments, by, at, flag, EntryState.WAITING)


def entries(path: Path, state: EntryState | None = None) -> list[Entry]:
    """The journal's entries in the order they were made (of one state, when given)."""
    if not path.exists():
        return []
    with _opened(path) as connection:
        connection.row_factory = sqlite3.Row
        query = "SELECT * FROM entry"
        parameters: tuple[str, ...] = ()
        if state is not None:
            query += " WHERE state = ?"
            parameters = (state.value,)
        return [_entry(row) for row in connection.execute(query + " ORDER BY seq", parameters)]


def waiting_entries(path: Path) -> list[Entry]:
    """What the desk did offline that the server does not have yet, oldest first."""
    return entries(path, EntryState.WAITING)


def journal_refusals(path: Path) -> list[Entry]:
    """What the server refused (or did only in part), for the librarian to see, oldest first."""
    return [entry for entry in entries(path) if entry.refusal is not None]


class Marks:
    """Marks written as the server answers, on one connection for a whole sending.

    A mark lost to a power cut is harmless: the entry is sent again, found applied, and
    marked then; so marks skip the sync a new entry needs (synchronous=NORMAL)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def sent(
        self,
        uid: str,
        at: datetime,
        *,
        note: str | None = None,
        fields: dict[str, Any] | None = None,
    ) -> None:
        """The server has the entry. `note`: what it did only in part (a kit's part left
        behind). Its arguments (a walk-in's name, a card code) are dropped: the server has
        them now."""
        self._mark(uid, EntryState.SENT, at, note, fields, None, True)

    def refused(
        self,
        uid: str,
        at: datetime,
        refusal: str,
        fields: dict[str, Any],
        instead: str,
        *,
        forget_arguments: bool = False,
    ) -> None:
        """The server refused the entry: kept, with why and what was done instead.
        `forget_arguments`: the child was erased, so the entry keeps nothing of them."""
        self._mark(uid, EntryState.REFUSED, at, refusal, fields, instead, forget_arguments)

    def _mark(
        self,
        uid: str,
        state: EntryState,
        at: datetime,
        refusal: str | None,
        fields: dict[str, Any] | None,
        instead: str | None,
        forget_arguments: bool,
    ) -> None:
        self._connection.execute("BEGIN IMMEDIATE")
        self._connection.execute(
            "UPDATE entry SET state = ?, sent_at = ?, refusal = ?, refusal_fields = ?, instead = ?,"
            " arguments = CASE WHEN ? THEN '{}' ELSE arguments END WHERE uid = ?",
            (
                state.value,
                _utc_text(at),
                refusal,
                None if fields is None else json.dumps(fields, ensure_ascii=False, default=str),
                instead,
                forget_arguments,
                uid,
            ),
        )
        self._connection.execute("COMMIT")


@contextmanager
def marking(path: Path) -> Iterator[Marks]:
    """Marks for the entries of one sending."""
    with _opened(path, synchronous="NORMAL") as connection:
        yield Marks(connection)


def dismiss_refusal(path: Path, uid: str) -> None:
    """The librarian has dealt with a refusal: the entry leaves the journal."""
    with _opened(path) as connection:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM entry WHERE uid = ? AND state != 'waiting'", (uid,))
        connection.execute("COMMIT")

"""The desk without its server: when the shared server stops answering, the desk goes on
with this laptop's local copy and journal (db/offline), and sends the journal when the
server answers again — without the librarian having to do anything.

Only for a shared database: a database file on the laptop has no server to lose. While the
server answers, the copy is made fresh now and then; while it is away, the desk asks every
few seconds whether it is back. Both talk to the server on a thread of their own, beside
the database worker: a refresh over a slow link (a second or more) or a connect that waits
for its timeout must not hold up the scans. Only the copy's file is swapped on the worker,
where everything else that opens the copy runs, and the copy is opened there too.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from db.clock import local
from db.connection import server_answers
from db.database import Database
from db.offline.desk import SentPart, ServerAway, send_part, sent_together, unless_away
from db.offline.journal import journal_path, waiting_entries
from db.offline.local_copy import (
    CopyRows,
    local_copy_path,
    open_local_copy,
    read_for_local_copy,
    write_local_copy,
)
from db.offline.sending import SendResult
from desktop.context import AppContext, Work
from desktop.operations import Operation, Query

log = logging.getLogger(__name__)
T = TypeVar("T")


def _logged(error: BaseException, details: str) -> None:
    """The desk's own background work failed (the server refused the copy's read, the disk
    was full): the librarian's scans go on as before; the next try may do better."""
    log.warning("the desk's local copy or journal: %s\n%s", error, details)


class _Beside(QObject):
    """Calls run on a thread of their own, each answer handed to the UI thread (polled:
    the thread touches no Qt object)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None
        self._waiting: list[tuple[Future[Any], Callable[[Any], None]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._poll)

    def run(self, call: Callable[[], T], then: Callable[[T], None]) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offline-desk")
        self._waiting.append((self._pool.submit(call), then))
        self._timer.start()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def _poll(self) -> None:
        done = [(future, then) for future, then in self._waiting if future.done()]
        self._waiting = [each for each in self._waiting if not each[0].done()]
        if not self._waiting:
            self._timer.stop()
        for future, then in done:
            try:
                result = future.result()
            except Exception as error:
                log.warning("the desk's talk with its server failed: %s", error, exc_info=True)
                continue
            then(result)

    def close(self) -> None:
        self._timer.stop()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


class OfflineDesk(QObject):
    """Whether the desk works on the server or on this laptop, and the switch between them.

    `away_changed` when the server went away or came back; `sent(SendResult)` once the
    journal reached the server (refusals among it for the librarian to see)."""

    away_changed = Signal()
    sent = Signal(object)

    ASK_EVERY_MS = 5_000  # how often a desk on its copy asks whether the server is back
    REFRESH_EVERY_MS = 10 * 60_000  # how often a desk on the server refreshes its copy
    SEND_AT_ONCE = 25  # journal entries per part sent: under 2 s over a 30 ms link
    RETRY_AFTER_MS = 60_000  # a refresh the desk's scans overtook is tried again after this

    def __init__(self, ctx: AppContext, clock: Callable[[], datetime], parent: QObject) -> None:
        super().__init__(parent)
        self.ctx, self.clock = ctx, clock  # the desk's clock: its week's sessions in the copy
        folder = ctx.settings.folder
        self.copy_path, self.journal = local_copy_path(folder), journal_path(folder)
        self.away_since: datetime | None = None
        self.copy: Database | None = None  # opened on the worker, once it exists
        self.sending = False
        self._sent_so_far = SendResult()  # the parts sent so far of this sending
        self._scans = 0  # the desk's scans on the server so far
        self._beside = _Beside(self)
        self._ask_timer = QTimer(self)
        self._ask_timer.timeout.connect(self.ask_now)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.timeout.connect(self.refresh_copy)
        if self.shared:
            self._refresh_timer.start(self.REFRESH_EVERY_MS)

    @property
    def shared(self) -> bool:
        return not self.ctx.database.is_sqlite

    @property
    def away(self) -> bool:
        return self.away_since is not None

    def database(self) -> Database:
        """Where the desk reads now: the local copy while the server is away."""
        return self.copy if self.away and self.copy is not None else self.ctx.database

    def alongside(self) -> Database | None:
        """The copy to keep in step with the desk's own scan while the server answers
        (db.offline.desk.keep_in_step); None without a copy yet, or away."""
        if self.away or not self.shared:
            return None
        self._scans += 1  # a copy being read now may not have this scan: it is not used
        return self.copy

    def query(self, parent: QObject | None, work: Work[T]) -> Query[T]:
        """A read for the desk, from the server or, while it is away, from the copy."""
        database, by = self.database(), self.ctx.staff_id
        return Query(parent, lambda: work(database, by))

    # ----- going away and coming back -----------------------------------------------------

    def go_away(self, at: datetime) -> bool:
        """The server stopped answering: go on with the copy. False when there is no copy
        to go on with (the desk then says the server cannot be reached, as before)."""
        if self.away:
            return True
        if not self.shared or not self.copy_path.exists():
            return False
        log.warning("the database server does not answer: the desk goes on with its copy")
        if self.copy is None:  # the server went away before the copy's first refresh
            self.copy = open_local_copy(self.copy_path)
        self.away_since = at
        self.ctx.away_copy = self.copy
        self._ask_timer.start(self.ASK_EVERY_MS)
        self.away_changed.emit()
        return True

    def start(self) -> None:
        """At the desk's start: a journal left from an earlier day is sent first, then the
        copy is made fresh."""
        if self.shared:
            self.send()  # sends nothing when nothing waits, then makes the copy fresh

    def ask_now(self) -> None:
        """Ask the server, beside the worker, whether it answers again."""
        if not self._beside.busy and not self.sending:
            url = self.ctx.database.url
            self._beside.run(lambda: server_answers(url), self._heard)

    def _heard(self, answers: bool) -> None:
        if answers:
            self.send()

    def send(self) -> None:
        """Send the journal in order, each entry once, a part at a time (scans made meanwhile
        go between the parts, into the journal); back on the server once it is all sent."""
        if self.sending:
            return
        self.sending = True
        shared, journal, laptop = self.ctx.database, self.journal, socket.gethostname()
        # In parts while away: scans made meanwhile go into the journal, after what waits. A
        # journal left from an earlier start goes whole: the desk's scans already go to the
        # server, and none may slip in before an older entry of the same item or child.
        part = self.SEND_AT_ONCE if self.away else sys.maxsize
        Operation(
            self, lambda: unless_away(lambda: send_part(shared, journal, laptop, part))
        ).success(self._sent).failure(_logged).finally_(self._sending_ended).run()

    def _sending_ended(self) -> None:
        self.sending = False

    def _sent(self, sent: SentPart | ServerAway) -> None:
        self._sending_ended()  # before refresh_copy below, which waits for no sending
        if isinstance(sent, ServerAway):
            if not self.away:  # at the start: a journal waits, and the server is away too
                self.go_away(self.clock())
            return
        self._sent_so_far = sent_together(self._sent_so_far, sent.result)
        if sent.left:
            # The next part, after what the desk queued meanwhile, once this operation has
            # ended (its `finally_` says the sending is over; the next one says it again).
            QTimer.singleShot(0, self, self.send)
            return
        result, self._sent_so_far = self._sent_so_far, SendResult()
        was_away = self.away
        self._ask_timer.stop()
        self.away_since = None
        self.ctx.away_copy = None
        self.sent.emit(result)
        if was_away:
            self.away_changed.emit()
        self.refresh_copy()

    # ----- the copy -----------------------------------------------------------------------

    def refresh_copy(self) -> None:
        """Make the copy fresh from the server: read beside the worker, put in place on it
        (only with nothing waiting to be sent: the copy knows only what the server knows)."""
        site_id = self.ctx.site_id
        if not self.shared or self.away or self.sending or site_id is None:
            return
        shared, today, scans = self.ctx.database, local(self.clock()).date(), self._scans
        self._beside.run(
            lambda: unless_away(lambda: read_for_local_copy(shared, site_id, today)),
            lambda rows: self._read_for_copy(rows, scans),
        )

    def _read_for_copy(self, rows: CopyRows | ServerAway, scans_before: int) -> None:
        if isinstance(rows, ServerAway):
            self.go_away(self.clock())
            return
        if self.away or self.sending:
            return  # what was read may predate a scan now in the journal
        if self._scans != scans_before:
            # The desk scanned while the copy was read: the copy in use followed those scans
            # and the new one may not have them. Tried again after a quieter minute.
            QTimer.singleShot(self.RETRY_AFTER_MS, self, self.refresh_copy)
            return
        copy, path, journal = self.copy, self.copy_path, self.journal

        def put_in_place() -> Database | None:
            if journal.exists() and waiting_entries(journal):
                return None
            if copy is not None:  # its connections let go of the file being replaced
                copy.dispose()
            write_local_copy(rows, path)
            return copy or open_local_copy(path)

        Operation(self, put_in_place).success(self._copy_in_place).failure(_logged).run()

    def _copy_in_place(self, copy: Database | None) -> None:
        if copy is not None:
            self.copy = copy

    def close(self) -> None:
        """The desk is closing: stop asking, and let go of the copy."""
        self._ask_timer.stop()
        self._refresh_timer.stop()
        self._beside.close()
        if self.copy is not None:
            self.copy.dispose()
            self.copy = None

"""The desk without its server: when the shared server stops answering, the desk goes on
with this laptop's local copy and journal (db/offline), and sends the journal when the
server answers again — without the librarian having to do anything.

Only for a shared database: a database file on the laptop has no server to lose. While the
server answers, the local copy is made fresh now and then, on the database worker; while it
is away, a thread of its own asks it every few seconds (never the worker: a network that
hangs for the connect timeout must not hold up the scans saved meanwhile).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from db.clock import local
from db.connection import server_answers
from db.database import Database
from db.offline.desk import SentPart, ServerAway, send_part, sent_together, unless_away
from db.offline.journal import journal_path, waiting_entries
from db.offline.local_copy import LocalCopy, local_copy_path, open_local_copy, refresh_local_copy
from db.offline.sending import SendResult
from desktop.context import AppContext, Work
from desktop.operations import Operation, Query

log = logging.getLogger(__name__)
T = TypeVar("T")


def _logged(error: BaseException, details: str) -> None:
    """The desk's own background work failed (the server refused the copy's read, the disk
    was full): the librarian's scans go on as before; the next try may do better."""
    log.warning("the desk's local copy or journal: %s\n%s", error, details)


class OfflineDesk(QObject):
    """Whether the desk works on the server or on this laptop, and the switch between them.

    `away_changed` when the server went away or came back; `sent(SendResult)` once the
    journal reached the server (refusals among it for the librarian to see)."""

    away_changed = Signal()
    sent = Signal(object)

    ASK_EVERY_MS = 5_000  # how often a desk on its copy asks whether the server is back
    REFRESH_EVERY_MS = 10 * 60_000  # how often a desk on the server refreshes its copy
    SEND_AT_ONCE = 25  # journal entries per part sent: about 3 s over a 30 ms link

    def __init__(self, ctx: AppContext, clock: Callable[[], datetime], parent: QObject) -> None:
        super().__init__(parent)
        self.ctx, self.clock = ctx, clock  # the desk's clock: its week's sessions in the copy
        folder = ctx.settings.folder
        self.copy_path, self.journal = local_copy_path(folder), journal_path(folder)
        self.away_since: datetime | None = None
        self.copy: Database | None = None
        self.sending = False
        self._sent_so_far = SendResult()  # the parts sent so far of this sending
        self._asking: Future[bool] | None = None
        self._asker: ThreadPoolExecutor | None = None
        self._ask_timer = QTimer(self)
        self._ask_timer.timeout.connect(self.ask_now)
        self._answer_timer = QTimer(self)
        self._answer_timer.setInterval(200)
        self._answer_timer.timeout.connect(self._heard)
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
        """The copy to keep in step with the desk's own scans while the server answers
        (db.offline.desk.keep_in_step); None without a copy yet, or away."""
        if self.away or not self.shared:
            return None
        if self.copy is None and self.copy_path.exists():
            self.copy = open_local_copy(self.copy_path)
        return self.copy

    def query(self, parent: QObject | None, work: Work[T]) -> Query[T]:
        """A read for the desk, from the server or, while it is away, from the copy."""
        database, by = self.database(), self.ctx.staff_id
        return Query(parent, lambda: work(database, by))

    # ----- going away and coming back -----------------------------------------------------

    def can_go_on_without_server(self) -> bool:
        return self.shared and self.copy_path.exists()

    def go_away(self, at: datetime) -> bool:
        """The server stopped answering: go on with the copy. False when there is no copy
        to go on with (the desk then says the server cannot be reached, as before)."""
        if self.away:
            return True
        if not self.can_go_on_without_server():
            return False
        log.warning("the database server does not answer: the desk goes on with its copy")
        if self.copy is None:
            self.copy = open_local_copy(self.copy_path)
        self.away_since = at
        self._ask_timer.start(self.ASK_EVERY_MS)
        self.away_changed.emit()
        return True

    def start(self) -> None:
        """At the desk's start: a journal left from an earlier day is sent first, then the
        copy is made fresh."""
        if self.shared:
            self.send()  # sends nothing when nothing waits, then makes the copy fresh

    def ask_now(self) -> None:
        """Ask the server, on the asking thread, whether it answers again."""
        if self._asking is not None or self.sending:
            return
        if self._asker is None:
            self._asker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="server-asker")
        self._asking = self._asker.submit(server_answers, self.ctx.database.url)
        self._answer_timer.start()

    def _heard(self) -> None:
        asking = self._asking
        if asking is None or not asking.done():
            return
        self._answer_timer.stop()
        self._asking = None
        try:
            answers = asking.result()
        except Exception:  # a server that answers but refuses us: the send will say why
            log.exception("asking the server whether it is back failed")
            answers = True
        if answers:
            self.send()

    def send(self) -> None:
        """Send the journal in order, each entry once, a part at a time (scans made meanwhile
        go between the parts, into the journal); back on the server once it is all sent."""
        if self.sending:
            return
        self.sending = True
        shared, journal, laptop = self.ctx.database, self.journal, socket.gethostname()
        part = self.SEND_AT_ONCE
        Operation(
            self, lambda: unless_away(lambda: send_part(shared, journal, laptop, part))
        ).success(self._sent).failure(_logged).finally_(self._sending_ended).run()

    def _sending_ended(self) -> None:
        self.sending = False

    def _sent(self, sent: SentPart | ServerAway) -> None:
        self._sending_ended()
        if isinstance(sent, ServerAway):
            if not self.away:  # at the start: a journal waits, and the server is away too
                self.go_away(self.clock())
            return
        self._sent_so_far = sent_together(self._sent_so_far, sent.result)
        if sent.left:
            self.send()  # the next part, after what the desk queued meanwhile
            return
        result, self._sent_so_far = self._sent_so_far, SendResult()
        was_away = self.away
        self._ask_timer.stop()
        self.away_since = None
        self.sent.emit(result)
        if was_away:
            self.away_changed.emit()
        self.refresh_copy()

    def refresh_copy(self) -> None:
        """Make the copy fresh from the server (only with nothing waiting to be sent)."""
        if not self.shared or self.away or self.sending:
            return
        shared, site_id, path, journal, copy = (
            self.ctx.database,
            self.ctx.site_id,
            self.copy_path,
            self.journal,
            self.copy,
        )
        if site_id is None:
            return
        today = local(self.clock()).date()

        def refresh() -> LocalCopy | ServerAway | None:
            if journal.exists() and waiting_entries(journal):
                return None  # the copy must know only what the server knows
            if copy is not None:  # its connections let go of the file being replaced
                copy.dispose()
            return unless_away(lambda: refresh_local_copy(shared, site_id, path, today))

        Operation(self, refresh).success(self._refreshed).failure(_logged).run()

    def _refreshed(self, result: LocalCopy | ServerAway | None) -> None:
        if isinstance(result, ServerAway):
            self.go_away(self.clock())

    def close(self) -> None:
        """The desk is closing: stop asking, and let go of the copy."""
        self._ask_timer.stop()
        self._answer_timer.stop()
        self._refresh_timer.stop()
        if self._asker is not None:
            self._asker.shutdown(wait=False, cancel_futures=True)
        if self.copy is not None:
            self.copy.dispose()
            self.copy = None

"""Database work off the UI thread: one worker runs use cases in order, pages get the result.

Like Anki's CollectionOp: `Operation(parent, lambda: lend(...)).success(show).run()`.
Widgets are never touched inside the work; callbacks run on the UI thread. After them,
`changes.changed` tells every page which areas of the records the work's units of work
committed (db.areas; also when a later step failed), with the operation's parent as the
initiator, as Anki broadcasts its OpChanges. Work that committed nothing tells nothing.

Reads for a page go the same way as a `Query`: `Query(page, lambda: search(...)).latest("search")
.success(show).run()`. On the one worker they see every write the librarian made before; a newer
query with the same key makes an older one's result stale, and it is dropped (typing "Jān" does
not show the list for "Já" after it). Like Anki's QueryOp, a query broadcasts no change.

Long work reports how far it is: `Operation.tracked(parent, lambda progress: erase(...,
progress=progress)).show_progress(title, text, stopping=...).run()` hands the use case a
callback that sends each count to the UI thread and answers False once Cancel was pressed.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Generic, Self, TypeVar

from PySide6.QtCore import QLocale, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from db.areas import Area, collecting
from db.errors import DomainError

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Activity(QObject):
    """Tells the window when the database worker is busy, for its progress indicator."""

    busy = Signal(bool)


activity = _Activity()


class _Changes(QObject):
    """What an operation changed: (frozenset of db.areas.Area, the operation's parent)."""

    changed = Signal(frozenset, object)


changes = _Changes()


class _Relay(QObject):
    """Carries each job's end and progress to the UI thread, by the job's ticket.

    One for the program's life, made on the UI thread at import: a relay per job was at
    times freed by the worker, when the worker held its last reference, and Qt forbids
    destroying an object of the UI thread on another thread."""

    finished = Signal(int, object, frozenset)  # the ticket, the result, the areas written
    failed = Signal(int, object, str, frozenset)  # the ticket, the error, its traceback, areas
    progressed = Signal(int, int, int)  # the ticket, done, total

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def _finish(self, ticket: int, result: object, written: frozenset[Area]) -> None:
        operation = Operation._running.get(ticket)
        if operation is not None:
            operation._finished(result, written)

    def _fail(
        self, ticket: int, error: BaseException, details: str, written: frozenset[Area]
    ) -> None:
        operation = Operation._running.get(ticket)
        if operation is not None:
            operation._failed(error, details, written)

    def _progress(self, ticket: int, done: int, total: int) -> None:
        operation = Operation._running.get(ticket)
        if operation is not None:
            operation._progressed(done, total)


_relay = _Relay()


class _Reporter:
    """The progress callback a use case calls on the worker: sends the count to the UI
    thread, and answers False once the librarian asked the work to stop."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.ticket = 0

    def __call__(self, done: int, total: int) -> bool:
        # Decided before the count is sent: a Cancel pressed on seeing it stops the next step.
        go_on = not self.stop.is_set()
        if self.ticket:
            _relay.progressed.emit(self.ticket, done, total)
        return go_on


class _Job(QRunnable):
    """The work on the worker. It lets go of the work before handing the end over: what the
    work holds (the operation, its page, its progress window) is then let go of on the UI
    thread, where Qt objects must be destroyed."""

    def __init__(self, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ticket = ticket
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        written: set[Area] = set()
        try:
            with collecting() as written:
                result = work()
        except BaseException as error:  # handed to the UI thread, which decides what to show
            details = traceback.format_exc()
            del work
            _forget_frames(error)
            # Work of several units of work may have committed some before it failed.
            _relay.failed.emit(self._ticket, error, details, frozenset(written))
        else:
            del work
            _relay.finished.emit(self._ticket, result, frozenset(written))


def _forget_frames(error: BaseException | None) -> None:
    """Drop the error's tracebacks (already written out as text): their frames hold the work."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        error.__traceback__ = None
        error = error.__cause__ or error.__context__


def _default_failure(error: BaseException, details: str) -> None:
    from desktop.errors import show_error

    show_error(error, details)


class Operation(Generic[T]):
    """One user action's database work, run on the single database worker."""

    # One worker: use cases run one after another, in the order the librarian acted.
    _pool: ClassVar[QThreadPool | None] = None
    _running: ClassVar[dict[int, Operation[Any]]] = {}  # by ticket, until shown
    _tickets: ClassVar[Iterator[int]] = itertools.count(1)

    def __init__(self, parent: QObject | None, work: Callable[[], T]) -> None:
        self._parent = parent
        self._work = work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[BaseException, str], None] = _default_failure
        self._on_done: Callable[[], None] = lambda: None
        self._on_progress: list[Callable[[int, int], None]] = []
        self._reporter = _Reporter()
        self.window: ProgressWindow | None = None

    @classmethod
    def tracked(
        cls, parent: QObject | None, work: Callable[[Callable[[int, int], bool]], T]
    ) -> Operation[T]:
        """Long work that takes a progress callback (db.progress.Progress) and may be stopped."""
        operation: Operation[T] = cls(parent, lambda: work(operation._reporter))
        return operation

    def progress(self, callback: Callable[[int, int], None]) -> Self:
        """Hear each count (done, total) on the UI thread."""
        self._on_progress.append(callback)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point; it still ends through success or
        failure, as the use case decides (an erase returns what it did, an import refuses)."""
        self._reporter.stop.set()

    @property
    def cancelled(self) -> bool:
        return self._reporter.stop.is_set()

    def show_progress(
        self, title: str, text: str, *, stopping: str | None = None, unit: str = ""
    ) -> Self:
        """A small window with the count ("1 200 / 1 976") while the work runs; with
        `stopping` (what Cancel does, in the librarian's words) it has a Cancel button."""
        parent = self._parent if isinstance(self._parent, QWidget) else None
        self.window = ProgressWindow(self, parent, title, text, stopping=stopping, unit=unit)
        return self

    def success(self, callback: Callable[[T], None]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException, str], None]) -> Self:
        """Handle refusals (DomainError); anything else still goes to the error dialog."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Self:
        self._on_done = callback
        return self

    @classmethod
    def pool(cls) -> QThreadPool:
        # Set on Operation itself: a Query run first must not get a worker of its own (its
        # reads would run beside the writes, not after those the librarian made before).
        if Operation._pool is None:
            Operation._pool = QThreadPool()
            Operation._pool.setMaxThreadCount(1)
        return Operation._pool

    @classmethod
    def wait_for_all(cls, msecs: int = 10_000) -> bool:
        """Let queued work finish (at exit); results still wait for the UI thread's loop."""
        return cls.pool().waitForDone(msecs)

    @classmethod
    def idle(cls) -> bool:
        """Whether every operation started has ended, its callbacks run (tests wait on it)."""
        return not cls._running

    def run(self) -> None:
        self._ticket = next(Operation._tickets)
        self._reporter.ticket = self._ticket
        Operation._running[self._ticket] = self
        activity.busy.emit(True)
        self.pool().start(_Job(self._ticket, self._work))

    def _done(self) -> None:
        Operation._running.pop(self._ticket, None)
        if not Operation._running:
            activity.busy.emit(False)
        if self.window is not None:  # gone before a success or failure message shows
            self.window.finish()

    def _progressed(self, done: int, total: int) -> None:
        for callback in self._on_progress:
            callback(done, total)

    def _finished(self, result: T, written: frozenset[Area]) -> None:
        self._done()
        try:
            self._on_success(result)
        finally:
            try:
                self._on_done()
            finally:
                self._tell(written)

    def _tell(self, written: frozenset[Area]) -> None:
        """Broadcast what the work wrote, after the initiator's own callbacks."""
        if written:
            changes.changed.emit(written, self._parent)

    def _failed(self, error: BaseException, details: str, written: frozenset[Area]) -> None:
        self._done()
        from desktop.errors import known_trouble

        trouble = known_trouble(error)
        if trouble is not None:
            log.warning("operation failed: %s\n%s", trouble.message, details)
            error = trouble
        try:
            if isinstance(error, DomainError):
                self._on_failure(error, details)
            else:
                log.error("operation failed:\n%s", details)
                _default_failure(error, details)
        finally:
            try:
                self._on_done()
            finally:
                self._tell(written)


class Query(Operation[T]):
    """A read for a page: on the database worker, the result handed to the UI thread.

    `latest(key)` makes it one of a series (a search as the librarian types, a list
    reloaded after each change): when a newer query of the same page and key starts, this
    one's work is skipped if it has not begun and its result dropped if it has.
    """

    _newest: ClassVar[dict[tuple[int, str], int]] = {}
    _started: ClassVar[int] = 0

    def __init__(self, parent: QObject | None, work: Callable[[], T]) -> None:
        super().__init__(parent, self._unless_stale)
        self._read = work
        self._series: tuple[int, str] | None = None
        self._number = 0

    def latest(self, key: str) -> Self:
        self._series = (id(self._parent), key)
        return self

    @property
    def stale(self) -> bool:
        return self._series is not None and Query._newest.get(self._series) != self._number

    def _unless_stale(self) -> T:
        if self.stale:
            raise _Stale
        return self._read()

    def run(self) -> None:
        Query._started += 1
        self._number = Query._started
        if self._series is not None:
            Query._newest[self._series] = self._number
        super().run()

    def _finished(self, result: T, written: frozenset[Area]) -> None:
        if not self._dropped():
            super()._finished(result, written)

    def _failed(self, error: BaseException, details: str, written: frozenset[Area]) -> None:
        if not self._dropped():
            super()._failed(error, details, written)

    def _dropped(self) -> bool:
        """End a stale query quietly: a newer one of its series shows its own result. A
        query whose page is gone (closed, or rebuilt for another language) ends quietly too:
        there is nobody to show its result to."""
        if self.stale:
            self._done()
            self._on_done()
            return True
        if self._series is not None:
            del Query._newest[self._series]
        if self._parent is not None and not isValid(self._parent):
            self._done()
            return True
        return False


class _WhenIdle(QObject):
    def __init__(self, parent: QObject, call: Callable[[], object]) -> None:
        super().__init__(parent)
        self._call: Callable[[], object] | None = call
        activity.busy.connect(self._busy)  # bound: disconnected with this object
        if Operation.idle():
            self._busy(False)

    def _busy(self, busy: bool) -> None:
        if not busy:  # on the loop's next turn: the results that ended the work are shown first
            QTimer.singleShot(0, self, self._call_if_still_idle)

    def _call_if_still_idle(self) -> None:
        # Not between two reads of the start (the desk's session, then its lists).
        if self._call is None or not Operation.idle():
            return
        call, self._call = self._call, None
        activity.busy.disconnect(self._busy)
        self.deleteLater()
        call()


def when_idle(parent: QObject, call: Callable[[], object]) -> None:
    """Call once the database worker has run out of work, e.g. what the ready desk does not
    need, after its start-up reads are shown. Once; never if `parent` is gone by then."""
    _WhenIdle(parent, call)


class _Stale(Exception):
    """A query's work skipped: a newer query of its series was started before it began."""


def count_text(done: int, total: int, unit: str = "") -> str:
    """ "1 200 / 1 976" with the user's language's digit grouping."""
    locale = QLocale()
    text = f"{locale.toString(done)} / {locale.toString(total)}"
    return f"{text} {unit}" if unit else text


class ProgressWindow(QDialog):
    """How far an operation is, and Cancel where stopping halfway leaves the records whole.

    Shown only when the work takes longer than a moment, so a quick backup does not flash;
    closed when the work ends, whichever way."""

    SHOW_AFTER_MS = 400

    def __init__(
        self,
        operation: Operation[Any],
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        stopping: str | None,
        unit: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressWindow")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # Closing by the title bar or Esc would hide the count while the work goes on.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.operation, self.stopping, self.unit = operation, stopping, unit
        self.text = QLabel(text)
        self.text.setObjectName("progressText")
        self.text.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("progressCount")
        self.bar = QProgressBar()
        self.bar.setObjectName("progressBar")
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.count)
        self.cancel_button: QPushButton | None = None
        if stopping is not None:
            self.cancel_button = QPushButton(self.tr("Cancel"))
            self.cancel_button.setObjectName("cancelProgress")
            self.cancel_button.clicked.connect(self.cancel)
            layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(360)
        operation.progress(self.show_count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self._timer.start(self.SHOW_AFTER_MS)

    def finish(self) -> None:
        self._timer.stop()
        self.done(0)
        self.deleteLater()

    def show_count(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.count.setText(count_text(done, total, self.unit))

    def cancel(self) -> None:
        self.operation.cancel()
        assert self.cancel_button is not None and self.stopping is not None
        self.cancel_button.setEnabled(False)
        self.text.setText(self.stopping)

    def reject(self) -> None:
        """Esc asks to stop where that is safe, and otherwise does nothing."""
        if self.cancel_button is not None and self.cancel_button.isEnabled():
            self.cancel()

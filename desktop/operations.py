"""Database work off the UI thread: one worker runs use cases in order, pages get the result.

Like Anki's CollectionOp: `Operation(parent, lambda: lend(...)).success(show).run()`.
Widgets are never touched inside the work; callbacks run on the UI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from db.errors import DomainError

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object, str)


class _Activity(QObject):
    """Tells the window when the database worker is busy, for its progress indicator."""

    busy = Signal(bool)


activity = _Activity()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # handed to the UI thread, which decides what to show
            self._relay.failed.emit(error, traceback.format_exc())
        else:
            self._relay.finished.emit(result)


def _default_failure(error: BaseException, details: str) -> None:
    from desktop.errors import show_error

    show_error(error, details)


class Operation(Generic[T]):
    """One user action's database work, run on the single database worker."""

    # One worker: use cases run one after another, in the order the librarian acted.
    _pool: ClassVar[QThreadPool | None] = None
    _running: ClassVar[set[Operation[Any]]] = set()

    def __init__(self, parent: QObject | None, work: Callable[[], T]) -> None:
        self._parent = parent
        self._work = work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[BaseException, str], None] = _default_failure
        self._on_done: Callable[[], None] = lambda: None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException, str], None]) -> Operation[T]:
        """Handle refusals (DomainError); anything else still goes to the error dialog."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Operation[T]:
        self._on_done = callback
        return self

    @classmethod
    def pool(cls) -> QThreadPool:
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(1)
        return cls._pool

    @classmethod
    def wait_for_all(cls, msecs: int = 10_000) -> bool:
        """Let queued work finish (at exit, and in tests)."""
        return cls.pool().waitForDone(msecs)

    def run(self) -> None:
        relay = _Relay()
        relay.finished.connect(self._finished)
        relay.failed.connect(self._failed)
        self._relay = relay  # the relay lives on the UI thread; signals queue across
        Operation._running.add(self)
        activity.busy.emit(True)
        self.pool().start(_Job(self._work, relay))

    def _done(self) -> None:
        Operation._running.discard(self)
        if not Operation._running:
            activity.busy.emit(False)

    def _finished(self, result: T) -> None:
        self._done()
        try:
            self._on_success(result)
        finally:
            self._on_done()

    def _failed(self, error: BaseException, details: str) -> None:
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
            self._on_done()

"""Reads off the UI thread: a query's result reaches the page, a stale one never does."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from db.errors import NotFound
from desktop.context import AppContext
from desktop.operations import Operation, Query
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


def test_a_query_reads_on_the_worker_and_answers_on_the_ui_thread(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    threads: list[threading.Thread] = []
    shown: list[tuple[int | None, threading.Thread]] = []

    def read(_db: object, by: int | None) -> int | None:
        threads.append(threading.current_thread())
        return by

    ctx.query(None, read).success(lambda by: shown.append((by, threading.current_thread()))).run()
    wait_for_operations(qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert shown == [(desk.librarian_id, threading.main_thread())]


def test_the_staff_is_the_one_signed_in_when_the_librarian_acted(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    gate = threading.Event()
    done: list[int | None] = []
    Operation(None, lambda: gate.wait(5)).run()  # the worker is busy with an earlier action
    ctx.operation(None, lambda _db, by: by).success(done.append).run()
    ctx.set_staff(None)  # the lock signed the librarian out before the worker got to it
    gate.set()
    wait_for_operations(qtbot)
    assert done == [desk.librarian_id]


def test_a_newer_query_of_the_series_drops_the_older_result(ctx: AppContext, qtbot: QtBot) -> None:
    page = QObject()
    gate = threading.Event()
    read: list[str] = []
    shown: list[str] = []

    def search(typed: str) -> Query[str]:
        def work() -> str:
            read.append(typed)
            return typed

        return Query(page, work).latest("search").success(shown.append)

    Operation(None, lambda: gate.wait(5)).run()
    for typed in ("J", "Jā", "Jān"):
        search(typed).run()
    gate.set()
    wait_for_operations(qtbot)
    assert read == ["Jān"]  # the two typed before it were never read
    assert shown == ["Jān"]
    search("Jāni").run()  # and the series goes on after that
    wait_for_operations(qtbot)
    assert shown == ["Jān", "Jāni"]


def test_a_result_that_arrives_after_newer_typing_is_not_shown(qtbot: QtBot) -> None:
    page = QObject()
    started, go_on = threading.Event(), threading.Event()
    shown: list[str] = []

    def slow() -> str:
        started.set()
        go_on.wait(5)
        return "old"

    Query(page, slow).latest("search").success(shown.append).run()
    assert started.wait(5)
    Query(page, lambda: "new").latest("search").success(shown.append).run()
    go_on.set()
    wait_for_operations(qtbot)
    assert shown == ["new"]


def test_queries_of_different_pages_do_not_drop_each_other(qtbot: QtBot) -> None:
    shown: list[str] = []
    one, other = QObject(), QObject()
    Query(one, lambda: "one").latest("list").success(shown.append).run()
    Query(other, lambda: "other").latest("list").success(shown.append).run()
    wait_for_operations(qtbot)
    assert sorted(shown) == ["one", "other"]


def test_queries_and_operations_share_the_one_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whichever comes first after the start, a read waits for the writes before it."""
    monkeypatch.setattr(Operation, "_pool", None)
    assert Query.pool() is Operation.pool()
    assert Operation.pool().maxThreadCount() == 1


def test_a_result_for_a_page_that_is_gone_is_not_shown(qtbot: QtBot) -> None:
    """A page rebuilt for another language, or closed, while its read was on the worker."""
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    label = QLabel()
    gate = threading.Event()
    shown: list[str] = []

    def read() -> str:
        gate.wait(5)
        return "Anna Ozoliņa"

    def show(name: str) -> None:
        label.setText(name)  # raises on a deleted label
        shown.append(name)

    Query(label, read).latest("signed in").success(show).run()
    delete(label)
    gate.set()
    wait_for_operations(qtbot)
    assert shown == []


@pytest.mark.parametrize("ends", ["succeeds", "fails"])
def test_what_the_work_holds_is_let_go_of_on_the_ui_thread(ends: str, qtbot: QtBot) -> None:
    """A page's work holds Qt objects (the page, a progress window), which Qt allows to be
    destroyed only on their own thread: the worker never lets go of the last hold on one,
    nor does the error it hands over, whichever thread gets there first."""
    freed_on: list[threading.Thread] = []

    def work(held: QObject) -> None:
        if ends == "fails":  # an error raised while handling another: two tracebacks
            try:
                {}["LAP-03"]
            except KeyError:
                raise NotFound(what="Laptop", key="LAP-03") from None

    for _ in range(40):
        held = QObject()
        held.destroyed.connect(
            lambda: freed_on.append(threading.current_thread()), Qt.ConnectionType.DirectConnection
        )
        Operation(None, lambda held=held: work(held)).failure(lambda *_: None).run()
        del held
    wait_for_operations(qtbot)
    gc.collect()
    assert len(freed_on) == 40
    assert {thread.name for thread in freed_on} == {threading.main_thread().name}


def test_program_code_reading_on_the_ui_thread_is_caught(
    desk: Desk, no_database_on_ui_thread: list[str]
) -> None:
    """The guard every UI test runs under names the program's code that read, not the test's."""
    from db.programs import list_sites
    from desktop.documents.access_request import library_of

    site = list_sites(desk.db)[0][1]  # a test checking the records itself
    assert no_database_on_ui_thread == []
    library_of(desk.db, site)  # the program's code, on the UI thread
    assert no_database_on_ui_thread == ["documents/access_request.py:library_of"]
    no_database_on_ui_thread.clear()

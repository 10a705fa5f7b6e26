"""A scan costs at most two network round trips on the shared PostgreSQL server, a name
search one: counted at a proxy between the program and the real test server (the benchmark's,
without delay), from what crosses the wire, so a statement or a BEGIN more fails the test."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import URL, make_url

from db.attendance import check_in, check_in_card, present_in_session
from db.audit_log import check_audit_log
from db.database import Database, _hung_up
from db.desk import DeskFound, DeskLists, desk_lists, search_at_desk
from db.desk_scan import (
    DeskOutcome,
    DeskState,
    ItemBack,
    ItemLent,
    KitBack,
    KitWentOut,
    Refused,
    ScannedChild,
    scan_at_desk,
)
from db.equipment import open_loans, overdue_loans
from db.equipment_lists import list_items
from db.errors import ItemAlreadyOut, ItemNotOut, UnknownCode
from db.loans import Borrower, lend, lend_kit, return_item, return_kit
from db.migrate import migrate
from db.models import Attendance, Loan, Participant
from db.scancodes import ItemCode
from db.search import search_participants
from tests.benchmarks.latency import DelayProxy
from tests.conftest import Desk, make_desk

pytestmark = pytest.mark.postgres

DURING = datetime(2018, 10, 5, 13, 30, tzinfo=UTC)  # the desk's session, 16:30 in Riga


@dataclass
class Counted:
    """What one call sent: round trips seen at the proxy, and statements seen at the engine."""

    trips: int
    statements: list[str]
    result: Any = None


class Network:
    """The desk's database reached through the counting proxy."""

    def __init__(self, db: Database, proxy: DelayProxy) -> None:
        self.db = db
        self.proxy = proxy

    def count(self, call: Callable[[], Any]) -> Counted:
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(" ".join(statement.split())[:80])

        event.listen(self.db.engine, "before_cursor_execute", seen)
        before = self.proxy.round_trips
        try:
            result = call()
        finally:
            event.remove(self.db.engine, "before_cursor_execute", seen)
        return Counted(self.proxy.round_trips - before, statements, result)


@pytest.fixture
def network(postgres_url: str) -> Iterator[tuple[Network, Desk]]:
    direct = Database(postgres_url)
    migrate(direct)
    desk = make_desk(direct)
    direct.dispose()
    url = make_url(postgres_url)
    proxy = DelayProxy(url.host or "127.0.0.1", url.port or 5432, 0)
    proxy.start()
    db = Database(url.set(host="127.0.0.1", port=proxy.port))
    # The connection is made before counting: its start-up is not a scan's.
    search_participants(db, "ilze", by=None)
    try:
        yield Network(db, proxy), Desk(**{**desk.__dict__, "db": db})
    finally:
        db.dispose()
        proxy.stop()


def card_of(db: Database, participant_id: int) -> str:
    with db.reading() as tx:
        code = tx.scalar(select(Participant.card_code).where(Participant.id == participant_id))
    assert code
    return code


def test_a_card_scan_is_two_round_trips_and_already_here_two_as_well(
    network: tuple[Network, Desk],
) -> None:
    net, desk = network
    card = card_of(desk.db, desk.ilze_id)
    scan = lambda: check_in_card(  # noqa: E731
        desk.db, desk.session_id, card, by=desk.librarian_id, at=DURING
    )

    first = net.count(scan)
    assert first.trips == 2, first.statements
    again = net.count(scan)
    assert again.trips == 2, again.statements

    # BEGIN and the COMMIT aside: one query that reads, one INSERT, the audit chain.
    assert [s.split()[0] for s in first.statements] == ["SELECT", "INSERT", "WITH"]
    with desk.db.reading() as tx:
        rows = tx.scalar(select(func.count()).select_from(Attendance))
    assert rows == 1
    assert check_audit_log(desk.db, by=None).intact


def test_a_refused_card_costs_two_round_trips_and_writes_nothing(
    network: tuple[Network, Desk],
) -> None:
    net, desk = network

    def scan() -> None:
        with pytest.raises(UnknownCode):
            check_in_card(desk.db, desk.session_id, "P-NOSUCH", by=desk.librarian_id, at=DURING)

    assert net.count(scan).trips == 2


def test_a_check_in_by_name_is_two_round_trips(network: tuple[Network, Desk]) -> None:
    net, desk = network
    counted = net.count(
        lambda: check_in(desk.db, desk.session_id, desk.janis_id, by=desk.librarian_id, at=DURING)
    )
    assert counted.trips == 2, counted.statements


def test_lending_and_taking_back_are_two_round_trips_each(network: tuple[Network, Desk]) -> None:
    net, desk = network
    to = Borrower.child(desk.ilze_id)
    lent = net.count(lambda: lend(desk.db, "LAP-01", to, by=desk.librarian_id, at=DURING))
    assert lent.trips == 2, lent.statements
    asked = net.count(
        lambda: lend(desk.db, "CTL-01", to, by=desk.librarian_id, at=DURING, ask_if_overdue=True)
    )
    assert asked.trips == 2, asked.statements

    def lend_again() -> None:
        with pytest.raises(ItemAlreadyOut):
            lend(desk.db, "LAP-01", to, by=desk.librarian_id, at=DURING)

    assert net.count(lend_again).trips == 2
    back = net.count(lambda: return_item(desk.db, "LAP-01", by=desk.librarian_id, at=DURING))
    assert back.trips == 2, back.statements

    def back_again() -> None:
        with pytest.raises(ItemNotOut):
            return_item(desk.db, "LAP-01", by=desk.librarian_id, at=DURING)

    assert net.count(back_again).trips == 2
    assert check_audit_log(desk.db, by=None).intact


def test_a_kit_goes_out_and_comes_back_in_two_round_trips_each(
    network: tuple[Network, Desk],
) -> None:
    net, desk = network
    to = Borrower.child(desk.janis_id)
    out = net.count(lambda: lend_kit(desk.db, "XBOX-01", to, by=desk.librarian_id, at=DURING))
    assert out.trips == 2, out.statements
    back = net.count(lambda: return_kit(desk.db, "XBOX-01", by=desk.librarian_id, at=DURING))
    assert back.trips == 2, back.statements
    assert check_audit_log(desk.db, by=None).intact


def test_the_desks_item_scan_is_two_round_trips_whoever_changed_the_item_last(
    network: tuple[Network, Desk],
) -> None:
    """One read answers a lend and a return alike: an item another laptop lent or took back
    meanwhile costs no read more."""
    net, desk = network
    child = ScannedChild(desk.ilze_id, "Ilze Ķēniņa", DURING)

    def scan(tag: str) -> Counted:
        def scanned() -> DeskOutcome:
            state = DeskState(desk.site_id, desk.session_id, DURING, child)
            outcome = scan_at_desk(desk.db, ItemCode(tag), state, by=desk.librarian_id)
            assert not isinstance(outcome, Refused), outcome.error.message
            return outcome

        counted = net.count(scanned)
        # BEGIN and the COMMIT aside: the one read, then the writes and the audit chain.
        assert counted.trips == 2, counted.statements
        assert counted.statements[0].startswith("SELECT"), counted.statements
        assert not any(s.startswith("SELECT") for s in counted.statements[1:]), counted.statements
        return counted

    assert isinstance(scan("LAP-01").result, ItemLent)
    assert isinstance(scan("XBOX-01").result, KitWentOut)
    assert isinstance(scan("LAP-01").result, ItemBack)
    kit_back = scan("XBOX-01").result
    assert isinstance(kit_back, KitBack) and len(kit_back.kit.returned) > 1

    # Lent on another laptop: this desk takes it back from Jānis.
    lend(desk.db, "LAP-01", Borrower.child(desk.janis_id), by=desk.librarian_id, at=DURING)
    unseen = scan("LAP-01").result
    assert isinstance(unseen, ItemBack) and unseen.returned.borrower.startswith("Jānis")
    # Taken back on another laptop: this desk lends it to Ilze.
    lend(desk.db, "LAP-01", Borrower.child(desk.janis_id), by=desk.librarian_id, at=DURING)
    return_item(desk.db, "LAP-01", by=desk.librarian_id, at=DURING)
    again = scan("LAP-01").result
    assert isinstance(again, ItemLent) and again.lent.borrower.startswith("Ilze")
    # A kit lent on another laptop: every part it took comes back with it.
    lend_kit(desk.db, "XBOX-01", Borrower.child(desk.janis_id), by=desk.librarian_id, at=DURING)
    kit_unseen = scan("XBOX-01").result
    assert isinstance(kit_unseen, KitBack)
    assert [each.tag for each in kit_unseen.kit.returned] == [
        each.tag for each in kit_back.kit.returned
    ]
    assert check_audit_log(desk.db, by=None).intact


def until_waiting_on_a_lock(url: URL, scanning: threading.Thread) -> None:
    """Until a statement of the test's database waits on a lock (or the scan ended)."""
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    ) as watcher:
        for _ in range(600):
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            ).fetchone()
            if (waiting and waiting[0]) or not scanning.is_alive():
                return
            scanning.join(0.05)


def test_the_desks_item_scan_waits_for_another_laptops_return_then_lends_the_item(
    network: tuple[Network, Desk], postgres_url: str
) -> None:
    """The one read locks the item's open loan as a return's read does: while another laptop
    is taking the item back, the scan waits, then finds it in and lends it (not a second
    return of the same loan)."""
    _net, desk = network
    lent = lend(desk.db, "LAP-01", Borrower.child(desk.janis_id), by=desk.librarian_id, at=DURING)
    child = ScannedChild(desk.ilze_id, "Ilze Ķēniņa", DURING)
    state = DeskState(desk.site_id, desk.session_id, DURING, child)
    found: list[Any] = []
    url = make_url(postgres_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database
    ) as other_laptop:
        other_laptop.execute(
            "SELECT id FROM loan WHERE id = %s FOR UPDATE", (lent.loan_id,)
        ).fetchone()
        other_laptop.execute(
            "UPDATE loan SET returned_at = %s WHERE id = %s",
            (DURING.replace(tzinfo=None), lent.loan_id),
        )
        scanning = threading.Thread(
            target=lambda: found.append(
                scan_at_desk(desk.db, ItemCode("LAP-01"), state, by=desk.librarian_id)
            )
        )
        scanning.start()
        until_waiting_on_a_lock(url, scanning)
        assert not found, "the scan did not wait for the other laptop's return"
        other_laptop.commit()
        scanning.join()
    assert len(found) == 1 and isinstance(found[0], ItemLent), found
    assert found[0].lent.borrower.startswith("Ilze")
    with desk.db.reading() as tx:
        open_loans = tx.scalars(select(Loan.participant_id).where(Loan.returned_at.is_(None)))
        assert list(open_loans) == [desk.ilze_id]


def test_a_name_search_is_one_round_trip(network: tuple[Network, Desk]) -> None:
    net, desk = network
    for by in (None, desk.librarian_id):
        counted = net.count(
            lambda by=by: search_participants(  # type: ignore[misc]
                desk.db, "ken", site_id=desk.site_id, limit=8, by=by
            )
        )
        assert counted.trips == 1, counted.statements


def test_the_desks_name_search_marking_who_is_here_is_one_round_trip(
    network: tuple[Network, Desk],
) -> None:
    net, desk = network
    check_in(desk.db, desk.session_id, desk.ilze_id, by=desk.librarian_id, at=DURING)
    found: list[DeskFound] = []
    counted = net.count(
        lambda: found.extend(
            search_at_desk(
                desk.db, "ken", desk.session_id, site_id=desk.site_id, limit=8, by=desk.librarian_id
            )
        )
    )
    assert counted.trips == 1, counted.statements
    assert [(f.child.first_name, f.here) for f in found] == [("Ilze", True)]


def test_the_desks_lists_reload_is_one_round_trip(network: tuple[Network, Desk]) -> None:
    """Who is here, the visitors counted and what is out: one query, in autocommit (one
    statement is one snapshot), so no BEGIN or ROLLBACK travels with it."""
    net, desk = network
    check_in(desk.db, desk.session_id, desk.ilze_id, by=desk.librarian_id, at=DURING)
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), by=desk.librarian_id, at=DURING)
    for session_id in (desk.session_id, None):
        counted = net.count(
            lambda session_id=session_id: desk_lists(  # type: ignore[misc]
                desk.db, session_id, site_id=desk.site_id, at=DURING, by=desk.librarian_id
            )
        )
        assert counted.trips == 1, counted.statements
        assert len(counted.statements) == 1, counted.statements
        lists: DeskLists = counted.result
        assert [row.first_name for row in lists.present] == (["Ilze"] if session_id else [])
        assert [loan.tag for loan in lists.out] == ["LAP-01"]


def test_a_pages_list_is_one_round_trip_and_an_empty_one_two(
    network: tuple[Network, Desk],
) -> None:
    """The here-now, out-now and item lists as the Sessions and Equipment pages read them: one
    query in autocommit, the reader's account checked inside it; an empty list asks once
    more whether the account may read at all."""
    net, desk = network
    check_in(desk.db, desk.session_id, desk.ilze_id, by=desk.librarian_id, at=DURING)
    lend(desk.db, "LAP-01", Borrower.child(desk.ilze_id), by=desk.librarian_id, at=DURING)
    by = desk.librarian_id
    here = net.count(lambda: present_in_session(desk.db, desk.session_id, by=by))
    assert here.trips == 1 and [row.first_name for row in here.result] == ["Ilze"]
    out = net.count(lambda: open_loans(desk.db, at=DURING, by=by))
    assert out.trips == 1 and [loan.tag for loan in out.result] == ["LAP-01"]
    overdue = net.count(lambda: overdue_loans(desk.db, at=DURING, by=by))
    assert overdue.trips == 2 and overdue.result == [], overdue.statements
    items = net.count(lambda: list_items(desk.db, desk.site_id, at=DURING, by=by))
    assert items.trips == 1, items.statements
    assert {row.tag: row.borrower for row in items.result}["LAP-01"] == "Ilze Ķēniņa"


def test_a_connection_the_server_closed_is_replaced_before_a_scan(
    network: tuple[Network, Desk], postgres_url: str
) -> None:
    """No pre-ping: a server restart (here its sessions ended by an administrator) is noticed
    at checkout without a round trip, and the scan goes through on a new connection."""
    _net, desk = network
    url = make_url(postgres_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    ) as admin:
        ended = [
            pid
            for (pid,) in admin.execute(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        ]
        for pid in ended:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        # Ending a session is asynchronous: wait until the server has closed them all.
        for _ in range(600):
            left = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", (ended,)
            ).fetchone()
            if left is not None and left[0] == 0:
                break
            threading.Event().wait(0.05)
    assert ended, "the program held a connection to end"
    # And until the server's goodbye has reached this end of each pooled connection (through
    # the proxy, on a busy machine, that takes a moment): what the checkout looks for.
    pooled = [record.dbapi_connection for record in desk.db.engine.pool._pool.queue]  # type: ignore[attr-defined]
    for _ in range(600):
        if all(_hung_up(connection) for connection in pooled if connection is not None):
            break
        threading.Event().wait(0.01)
    card = card_of(desk.db, desk.ilze_id)  # a read on a fresh connection
    result = check_in_card(desk.db, desk.session_id, card, by=desk.librarian_id, at=DURING)
    assert result.first_name == "Ilze" and not result.already_here


def test_two_laptops_scanning_the_same_card_at_once_check_the_child_in_once(
    network: tuple[Network, Desk], postgres_url: str
) -> None:
    """The laptop that read before the other wrote loses on the unique key when its INSERT
    arrives; it tries once more and says "already here", as before, writing nothing."""
    _net, desk = network
    url = make_url(postgres_url)
    found: list[Any] = []
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database
    ) as other_laptop:
        other_id = other_laptop.execute(
            "INSERT INTO attendance (session_id, participant_id, status, recorded_at, method, uid)"
            " VALUES (%s, %s, 'present', %s, 'scan', %s) RETURNING id",
            (desk.session_id, desk.janis_id, DURING.replace(tzinfo=None), str(uuid.uuid4())),
        ).fetchone()
        card = card_of(desk.db, desk.janis_id)
        scanning = threading.Thread(
            target=lambda: found.append(
                check_in_card(desk.db, desk.session_id, card, by=desk.librarian_id, at=DURING)
            )
        )
        scanning.start()
        # Our INSERT waits on the other laptop's uncommitted row; then it commits.
        until_waiting_on_a_lock(url, scanning)
        other_laptop.commit()
        scanning.join()
    assert other_id is not None
    assert len(found) == 1 and found[0].already_here
    assert found[0].attendance_id == other_id[0]
    with desk.db.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(Attendance)) == 1
    assert check_audit_log(desk.db, by=None).intact

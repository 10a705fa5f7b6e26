"""A camp laptop's own file merged back into the database in use (a shared PostgreSQL server
or another SQLite file): matched by what each record is, once, all or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from db.accounts import add_staff
from db.attendance import check_in
from db.audit_actions import AuditAction
from db.database import Database
from db.equipment import ItemDetails, add_item
from db.loans import Borrower, lend, return_item
from db.merge import merge_laptop
from db.merge.report import (
    BY_CARD,
    BY_DECISION,
    BY_NAME,
    BY_REGISTRATION,
    CHILD_LEFT_OUT,
    ERASED_HERE,
    ERASED_ON_LAPTOP,
    ITEM_OUT,
    SAME_NAME,
    Decisions,
    Fate,
    Kind,
    LaptopFileInUse,
    LaptopFileRefused,
    MergeReport,
    NoSuchChildToMatch,
)
from db.migrate import migrate
from db.models import (
    Attendance,
    AuditEvent,
    Consent,
    ConsentPurpose,
    Item,
    ItemCategory,
    Loan,
    Participant,
    Program,
    ProgramKind,
    Role,
    Site,
)
from db.models import Session as ProgramSession
from db.people import ParticipantDetails, record_consent, register_participant
from db.privacy import erase_participant
from db.programs import SessionPlan, add_site, create_program, create_session
from tests.conftest import Desk, make_desk

CAMP_DAY = datetime(2018, 8, 6, 9, tzinfo=UTC)


@dataclass(frozen=True)
class Camp:
    """The database in use and the camp laptop's file, with the children of both sides."""

    shared: Desk
    path: Path
    marta_shared: int
    erik_shared: int
    ilze: int  # the laptop's numbers
    janis: int
    peteris: int
    marta: int
    erik: int


def tables(database: Database) -> dict[str, int]:
    counted = (Site, Program, ProgramSession, Participant, Consent, Attendance, Item, Loan)
    with database.reading() as tx:
        found = {
            model.__tablename__: tx.scalar(select(func.count()).select_from(model))
            for model in counted
        }
        found["audit_event"] = tx.scalar(select(func.count()).select_from(AuditEvent))
    return {name: int(number or 0) for name, number in found.items()}


def copy_child(source: Database, target: Database, participant_id: int) -> None:
    """The laptop had this child before it left for the camp: same number, same registration."""
    with source.reading() as tx:
        child = tx.get(Participant, participant_id)
        assert child is not None
        row = {column.name: getattr(child, column.key) for column in Participant.__table__.columns}
    with target.unit_of_work() as uow:
        uow.tx.add(Participant(**row))
        uow.commit()


def make_camp(shared_db: Database, tmp_path: Path, shared: Desk | None = None) -> Camp:
    """The camp laptop's file beside the database in use (its small desk made, unless given)."""
    shared = shared or make_desk(shared_db)
    marta_shared = register_participant(
        shared_db, ParticipantDetails("Marta", "Liepa", 2011, shared.site_id)
    )
    erik_shared = register_participant(
        shared_db, ParticipantDetails("Ēriks", "Kalns", 2008, shared.site_id)
    )
    lend(shared_db, "LAP-01", Borrower.child(shared.janis_id), at=CAMP_DAY)

    path = tmp_path / "camp-laptop.sqlite3"
    camp = Database(f"sqlite:///{path}")
    migrate(camp)
    site = add_site(camp, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    copy_child(shared_db, camp, erik_shared)  # number 4 on both sides
    add_staff(camp, "anna", "Anna Ozoliņa", Role.LIBRARIAN, site_id=site)
    program = create_program(camp, "Be active! Be positive!", ProgramKind.CAMP, site)
    monday = create_session(
        camp, program, SessionPlan(date(2018, 8, 6), time(10), time(13), "Iepazīšanās")
    )
    tuesday = create_session(
        camp, program, SessionPlan(date(2018, 8, 7), time(10), time(13), "Filmas")
    )
    open_friday = create_program(camp, "Nāc, pievienojies!", ProgramKind.OPEN, site)
    friday = create_session(
        camp, open_friday, SessionPlan(date(2018, 10, 5), time(16), time(17), "Laukos")
    )

    def child(first: str, last: str, born: int | None) -> int:
        return register_participant(camp, ParticipantDetails(first, last, born, site))

    ilze, janis = child("Ilze", "Ķēniņa", 2009), child("Jānis", "Žūriņš", 2010)
    peteris, marta = child("Pēteris", "Bērziņš", 2011), child("Marta", "Liepa", None)
    with shared_db.reading() as tx:
        ilze_card = tx.get(Participant, shared.ilze_id).card_code  # type: ignore[union-attr]
    with camp.unit_of_work() as uow:
        uow.tx.execute(
            update(Participant).where(Participant.id == ilze).values(card_code=ilze_card)
        )
        uow.commit()
    for session_id in (monday, tuesday):
        for someone in (ilze, janis, peteris, marta, erik_shared):
            check_in(camp, session_id, someone, at=CAMP_DAY)
    check_in(camp, friday, ilze, at=CAMP_DAY)
    check_in(shared_db, shared.session_id, shared.ilze_id, at=CAMP_DAY)
    record_consent(camp, peteris, ConsentPurpose.PHOTO, "Inese Bērziņa", date(2018, 8, 6))
    add_item(camp, ItemDetails("LAP-01", "Portatīvais dators", ItemCategory.LAPTOP, site))
    add_item(camp, ItemDetails("CAM-01", "Kamera", ItemCategory.CAMERA, site))
    lend(camp, "LAP-01", Borrower.child(peteris), at=datetime(2018, 8, 6, 10, tzinfo=UTC))
    return_item(camp, "LAP-01", at=datetime(2018, 8, 6, 12, tzinfo=UTC))
    lend(camp, "LAP-01", Borrower.child(ilze), at=datetime(2018, 8, 7, 10, tzinfo=UTC))
    lend(camp, "CAM-01", Borrower.in_session(monday), at=datetime(2018, 8, 6, 10, tzinfo=UTC))
    camp.dispose()
    # Ēriks is erased in the shared database while the laptop is away.
    assert erase_participant(shared_db, erik_shared, by=None)
    return Camp(shared, path, marta_shared, erik_shared, ilze, janis, peteris, marta, erik_shared)


def child_line(report: MergeReport, laptop_id: int) -> tuple[Fate, str | None]:
    (line,) = [x for x in report.lines if x.kind is Kind.CHILD and x.laptop_id == laptop_id]
    return line.fate, None if line.why is None else line.why.template


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_dry_run_says_what_would_happen_and_writes_nothing(
    any_db: Database, tmp_path: Path
) -> None:
    camp = make_camp(any_db, tmp_path)
    before, file_before = tables(any_db), digest(camp.path)

    report = merge_laptop(any_db, camp.path, by=None, dry_run=True)

    assert tables(any_db) == before and digest(camp.path) == file_before
    assert not report.written
    assert child_line(report, camp.ilze) == (Fate.MATCHED, BY_CARD)
    assert child_line(report, camp.janis) == (Fate.MATCHED, BY_NAME)
    assert child_line(report, camp.peteris) == (Fate.ADDED, None)
    assert child_line(report, camp.marta) == (Fate.NEEDS_DECISION, SAME_NAME)
    assert child_line(report, camp.erik) == (Fate.LEFT_OUT, ERASED_HERE)
    (marta,) = report.undecided
    assert [c.participant_id for c in marta.candidates] == [camp.marta_shared]
    assert "Marta Liepa, 2011" in marta.why.text  # type: ignore[union-attr]
    erik = next(x for x in report.lines if x.kind is Kind.CHILD and x.laptop_id == camp.erik)
    assert "Ēriks" not in erik.what and "Kalns" not in erik.what
    assert report.count(Kind.CHECK_IN, Fate.ADDED) == 6  # Ilze, Jānis, Pēteris on two days
    assert report.count(Kind.CHECK_IN, Fate.MATCHED) == 1  # Ilze on the Friday, on both sides
    left_out = [x for x in report.lines if x.kind is Kind.CHECK_IN and x.fate is Fate.LEFT_OUT]
    assert len(left_out) == 4 and {x.why.template for x in left_out} == {CHILD_LEFT_OUT}  # type: ignore[union-attr]
    assert report.count(Kind.SESSION, Fate.ADDED) == 2
    assert report.count(Kind.SESSION, Fate.MATCHED) == 1
    assert (report.count(Kind.ITEM, Fate.MATCHED), report.count(Kind.ITEM, Fate.ADDED)) == (1, 1)
    assert report.count(Kind.LOAN, Fate.ADDED) == 2  # the laptop returned at camp, the camera
    out = [x for x in report.lines if x.kind is Kind.LOAN and x.fate is Fate.LEFT_OUT]
    assert len(out) == 1 and out[0].why is not None and out[0].why.template == ITEM_OUT
    assert report.count(Kind.CONSENT, Fate.ADDED) == 1


def test_the_merge_adds_once_and_a_second_run_adds_nothing(
    any_db: Database, tmp_path: Path
) -> None:
    camp = make_camp(any_db, tmp_path)
    before = tables(any_db)

    first = merge_laptop(any_db, camp.path, by=None)

    after = tables(any_db)
    assert first.written
    assert after["participant"] == before["participant"] + 1  # Pēteris
    assert after["session"] == before["session"] + 2
    assert after["program"] == before["program"] + 1
    assert after["attendance"] == before["attendance"] + 6
    assert after["loan"] == before["loan"] + 2 and after["item"] == before["item"] + 1
    assert after["consent"] == before["consent"] + 1
    assert after["audit_event"] == before["audit_event"] + 1
    with any_db.reading() as tx:
        event = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.RECORDS_MERGED)
        ).one()
        peteris = tx.scalars(select(Participant).where(Participant.first_name == "Pēteris")).one()
        janis_days = tx.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.participant_id == camp.shared.janis_id)
        )
    assert event.changes is not None
    assert event.changes["children_added"] == 1 and event.changes["check_ins_added"] == 6
    assert event.changes["children_left_out"] == 2  # Marta undecided, Ēriks erased
    said = f"{event.description} {event.changes}"
    for name in ("Ilze", "Jānis", "Pēteris", "Marta", "Ēriks", "Liepa", "Kalns"):
        assert name not in said
    assert janis_days == 2 and peteris.card_code is not None

    second = merge_laptop(any_db, camp.path, by=None)

    again = tables(any_db)
    assert {k: v for k, v in again.items() if k != "audit_event"} == {
        k: v for k, v in after.items() if k != "audit_event"
    }
    assert not any(line.fate in (Fate.ADDED, Fate.UPDATED) for line in second.lines)
    assert child_line(second, camp.peteris) == (Fate.MATCHED, BY_CARD)


def test_an_administrators_decisions_match_or_add_the_unsure_child(
    any_db: Database, tmp_path: Path
) -> None:
    camp = make_camp(any_db, tmp_path)
    with pytest.raises(NoSuchChildToMatch):
        merge_laptop(
            any_db, camp.path, by=None, decisions=Decisions(matches={camp.marta: camp.erik_shared})
        )

    decided = Decisions(matches={camp.marta: camp.marta_shared})
    report = merge_laptop(any_db, camp.path, by=None, decisions=decided)

    assert child_line(report, camp.marta) == (Fate.MATCHED, BY_DECISION)
    with any_db.reading() as tx:
        marta_days = tx.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.participant_id == camp.marta_shared)
        )
    assert marta_days == 2
    assert (
        merge_laptop(any_db, camp.path, by=None, decisions=decided).count(Kind.CHECK_IN, Fate.ADDED)
        == 0
    )


def test_a_child_added_as_decided_is_the_same_registration_next_time(
    sqlite_db: Database, tmp_path: Path
) -> None:
    camp = make_camp(sqlite_db, tmp_path)
    with sqlite_db.unit_of_work() as uow:  # the laptop's Marta has no card either
        uow.tx.execute(
            update(Participant).where(Participant.id == camp.marta_shared).values(card_code=None)
        )
        uow.commit()
    laptop = Database(f"sqlite:///{camp.path}")
    with laptop.unit_of_work() as uow:
        uow.tx.execute(
            update(Participant).where(Participant.id == camp.marta).values(card_code=None)
        )
        uow.commit()
    laptop.dispose()

    first = merge_laptop(sqlite_db, camp.path, by=None, decisions=Decisions(add_unmatched=True))
    second = merge_laptop(sqlite_db, camp.path, by=None)

    assert child_line(first, camp.marta)[0] is Fate.ADDED
    assert child_line(second, camp.marta) == (Fate.MATCHED, BY_REGISTRATION)
    assert second.count(Kind.CHECK_IN, Fate.ADDED) == 0


def test_a_child_erased_on_the_laptop_is_left_out(sqlite_db: Database, tmp_path: Path) -> None:
    camp = make_camp(sqlite_db, tmp_path)
    laptop = Database(f"sqlite:///{camp.path}")
    erase_participant(laptop, camp.peteris, by=None)
    laptop.dispose()

    report = merge_laptop(sqlite_db, camp.path, by=None, dry_run=True)

    assert child_line(report, camp.peteris) == (Fate.LEFT_OUT, ERASED_ON_LAPTOP)


def test_a_laptop_file_of_an_older_schema_is_merged_from_a_copy(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from alembic import command

    from db.revisions import alembic_config

    camp = make_camp(sqlite_db, tmp_path)
    laptop = Database(f"sqlite:///{camp.path}")
    config = alembic_config()
    with laptop.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    laptop.dispose()
    kept = digest(camp.path)

    report = merge_laptop(sqlite_db, camp.path, by=None)

    assert report.count(Kind.CHILD, Fate.ADDED) == 1 and digest(camp.path) == kept


def test_files_that_cannot_be_merged_are_refused_in_one_sentence(
    sqlite_db: Database, tmp_path: Path
) -> None:
    import sqlite3
    from contextlib import closing

    from db.backups import NoDatabaseFile

    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("Nometnes saraksts\n", encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
    before = tables(sqlite_db)

    with pytest.raises(NoDatabaseFile):
        merge_laptop(sqlite_db, tmp_path / "missing.sqlite3", by=None)
    with pytest.raises(LaptopFileRefused, match=r"notes\.sqlite3 cannot be merged"):
        merge_laptop(sqlite_db, text_file, by=None)
    with pytest.raises(LaptopFileRefused, match="it is not an OpenUp Desk database"):
        merge_laptop(sqlite_db, other, by=None)
    own = Path(str(sqlite_db.url.database))
    with pytest.raises(LaptopFileInUse):
        merge_laptop(sqlite_db, own, by=None)
    assert tables(sqlite_db) == before


def test_a_newer_laptop_file_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    camp = make_camp(sqlite_db, tmp_path)
    laptop = Database(f"sqlite:///{camp.path}")
    with laptop.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    laptop.dispose()

    with pytest.raises(LaptopFileRefused) as refused:
        merge_laptop(sqlite_db, camp.path, by=None)
    assert refused.value.message == (
        "camp-laptop.sqlite3 cannot be merged: it was made by a newer version of OpenUp Desk "
        "than this one. Nothing was changed."
    )


def test_a_librarian_may_not_merge(sqlite_db: Database, tmp_path: Path) -> None:
    from db.accounts import AdminOnly

    camp = make_camp(sqlite_db, tmp_path)
    with pytest.raises(AdminOnly):
        merge_laptop(sqlite_db, camp.path, by=camp.shared.librarian_id, dry_run=True)
    with pytest.raises(AdminOnly):  # refused before the file is looked at
        merge_laptop(sqlite_db, tmp_path / "missing.sqlite3", by=camp.shared.librarian_id)


def test_each_kind_of_record_is_looked_up_once_not_once_per_record(
    any_db: Database, tmp_path: Path
) -> None:
    """A shared server may be 40 ms away: the dry run's round trips do not grow with the file."""
    from sqlalchemy import event

    camp = make_camp(any_db, tmp_path)
    statements: list[str] = []
    event.listen(any_db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    report = merge_laptop(any_db, camp.path, by=None, dry_run=True)

    assert len(report.lines) > 25
    assert len(statements) <= 15, statements


def test_a_return_and_a_withdrawal_made_at_camp_reach_the_shared_records(
    any_db: Database, tmp_path: Path
) -> None:
    """The laptop left with the Xbox out to Ilze and her photo consent given: both changed
    at the camp, and the merge brings the changes, once."""
    from db.people import withdraw_consent

    camp = make_camp(any_db, tmp_path)
    lent_at = datetime(2018, 8, 3, 15, tzinfo=UTC)
    lend(any_db, "XBOX-01", Borrower.child(camp.shared.ilze_id), at=lent_at)
    given = date(2018, 8, 1)
    record_consent(any_db, camp.shared.ilze_id, ConsentPurpose.PHOTO, "Ilzes mamma", given)
    laptop = Database(f"sqlite:///{camp.path}")
    with laptop.reading() as tx:
        site_id = tx.scalars(select(Site.id)).one()
    add_item(laptop, ItemDetails("XBOX-01", "Xbox One S", ItemCategory.CONSOLE, site_id))
    lend(laptop, "XBOX-01", Borrower.child(camp.ilze), at=lent_at)
    return_item(laptop, "XBOX-01", note="viens kontrolieris klibo", at=CAMP_DAY)
    record_consent(laptop, camp.ilze, ConsentPurpose.PHOTO, "Ilzes mamma", given)
    withdraw_consent(laptop, camp.ilze, ConsentPurpose.PHOTO, date(2018, 8, 7))
    laptop.dispose()

    first = merge_laptop(any_db, camp.path, by=None)
    second = merge_laptop(any_db, camp.path, by=None)

    assert (
        first.count(Kind.LOAN, Fate.UPDATED) == 1 and first.count(Kind.CONSENT, Fate.UPDATED) == 1
    )
    assert (
        second.count(Kind.LOAN, Fate.UPDATED) == 0 and second.count(Kind.CONSENT, Fate.UPDATED) == 0
    )
    with any_db.reading() as tx:
        xbox = tx.scalars(
            select(Loan).join(Item).where(Item.tag == "XBOX-01", Loan.lent_at == lent_at)
        ).one()
        photo = tx.scalars(
            select(Consent).where(Consent.participant_id == camp.shared.ilze_id)
        ).one()
    assert xbox.returned_at == CAMP_DAY and xbox.return_note == "viens kontrolieris klibo"
    assert photo.withdrawn_on == date(2018, 8, 7)


def test_a_merge_that_fails_half_way_leaves_nothing(
    any_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Children, sessions and check-ins are written before the loans: a failure at the loans
    (here the server going away) takes them all back, and the audit log says nothing."""
    import db.merge

    camp = make_camp(any_db, tmp_path)
    before = tables(any_db)

    def server_gone(_walk: object) -> None:
        raise ConnectionError("the server went away")

    monkeypatch.setattr(db.merge, "merge_loans", server_gone)
    with pytest.raises(ConnectionError):
        merge_laptop(any_db, camp.path, by=None)

    assert tables(any_db) == before

"""Privacy by design: erasure keeps the totals and leaves no trace of the name; access
requests; retention. Admin-only at the use-case level."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.access_request import access_request
from db.accounts import AdminOnly, add_staff
from db.attendance import check_in, mark_attendance, undo_check_in
from db.database import Database
from db.errors import InvalidInput
from db.indicators import indicators_data
from db.loans import Borrower, lend, return_item
from db.models import (
    AttendanceStatus,
    AuditEvent,
    Base,
    Consent,
    ConsentPurpose,
    Gender,
    Participant,
    ProgramKind,
    Role,
)
from db.people import (
    ParticipantDetails,
    edit_participant,
    enrol,
    record_consent,
    register_participant,
)
from db.privacy import ERASED_FIRST_NAME, erase_participant
from db.programs import SessionPlan, add_project, create_program, create_session
from db.reports import monthly_attendance_data
from db.retention import (
    RetentionRule,
    RetentionStart,
    erase_past_retention,
    past_retention,
    retention_rule,
    set_retention_rule,
)
from db.search import search_participants
from tests.conftest import Desk, make_desk

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2019, 1, 1, tzinfo=UTC)
# Every text that names the child or the guardian, and the folded search forms of them.
SECRETS = ("Marta", "Bērziņa", "Berzina", "Kalēja", "Kaleja", "Inga", "29123456")


def admin(db: Database) -> int:
    return add_staff(db, "dace", "Dace Admine", Role.ADMIN)


def marta_with_history(desk: Desk) -> int:
    """A child with everything the program can record about her, renamed once."""
    db = desk.db
    marta = register_participant(
        db,
        ParticipantDetails(
            "Marta",
            "Bērziņa",
            2011,
            desk.site_id,
            Gender.GIRL,
            guardian_name="Inga Bērziņa",
            guardian_phone="+371 29123456",
            notes="Marta ir alerģiska pret riekstiem",
        ),
        by=desk.librarian_id,
    )
    record_consent(db, marta, ConsentPurpose.PHOTO, "Inga Bērziņa", date(2018, 9, 1))
    check_in(db, desk.session_id, marta, by=desk.librarian_id)
    # A check-in taken back: its row is gone, only the audit text still names her.
    second = create_session(
        db, desk.program_id, SessionPlan(date(2018, 10, 12), time(16), time(17), "Spēles")
    )
    undo_check_in(db, check_in(db, second, marta).attendance_id)
    edit_participant(
        db,
        marta,
        ParticipantDetails(
            "Marta",
            "Kalēja",
            2011,
            desk.site_id,
            Gender.GIRL,
            guardian_name="Inga Bērziņa",
            guardian_phone="+371 29123456",
            target_group=True,
            notes="Marta ir alerģiska pret riekstiem",
        ),
    )
    cycle = create_program(db, "Digitālās prasmes", ProgramKind.CLOSED, desk.site_id)
    enrol(db, marta, cycle, date(2018, 10, 1))
    third = create_session(db, cycle, SessionPlan(date(2018, 10, 8), time(15), time(16), "Roboti"))
    mark_attendance(db, third, marta, AttendanceStatus.LATE)
    lend(db, "LAP-01", Borrower.child(marta))
    return_item(db, "LAP-01", note="Marta Kalēja atdeva ar saskrāpētu vāku")
    check_in(db, desk.session_id, desk.ilze_id)
    return marta


def totals(db: Database) -> tuple[Any, ...]:
    indicators = indicators_data(db, date(2018, 1, 1), date(2018, 12, 31), now=NOW)
    month = monthly_attendance_data(db, 2018, 10, by=None)
    rows = sorted((r.participant_id, r.marks, r.first_time) for r in _rows(month))
    return indicators, month.summary, rows


def _rows(month: Any) -> list[Any]:
    return [row for program in month.programs for row in program.rows]


def texts_in_database(db: Database) -> list[tuple[str, str]]:
    """Every text value in every table, JSON values included, as (table, text)."""
    found: list[tuple[str, str]] = []
    with db.reading() as tx:
        for table in Base.metadata.sorted_tables:
            for row in tx.execute(select(table)):
                for value in row:
                    if isinstance(value, dict | list):
                        found.append((table.name, json.dumps(value, ensure_ascii=False)))
                    elif isinstance(value, str):
                        found.append((table.name, value))
    return found


def traces(db: Database) -> list[tuple[str, str]]:
    return [
        (table, text)
        for table, text in texts_in_database(db)
        if any(secret.casefold() in text.casefold() for secret in SECRETS)
    ]


def test_erasure_keeps_the_totals_and_leaves_no_trace_of_the_name(any_desk: Desk) -> None:
    db = any_desk.db
    marta = marta_with_history(any_desk)
    boss = admin(db)
    before = totals(db)
    assert before[0].attendances == 3 and before[0].target_group == 1
    assert traces(db), "the scan must see the name before the erasure"

    assert erase_participant(db, marta, by=boss) is True

    assert totals(db) == before
    assert traces(db) == []
    with db.reading() as tx:
        row = tx.get(Participant, marta)
        assert row is not None
        assert row.first_name == ERASED_FIRST_NAME and row.card_code is None
        assert (row.birth_year, row.gender, row.target_group) == (2011, Gender.GIRL, True)
        assert row.archived
        assert tx.scalar(select(func.count()).select_from(Consent)) == 0
        erased = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "participant.erased")
        ).one()
        assert erased.entity_id == marta and erased.staff_id == boss
    assert search_participants(db, "Marta", by=None) == []
    # The other child's history is untouched.
    assert any("Ilze Ķēniņa" in text for _, text in texts_in_database(db))
    # A second erasure finds nothing left to do.
    assert erase_participant(db, marta, by=boss) is False


def test_a_librarian_can_neither_erase_nor_export(any_desk: Desk) -> None:
    db = any_desk.db
    marta = marta_with_history(any_desk)
    before = texts_in_database(db)
    with pytest.raises(AdminOnly):
        erase_participant(db, marta, by=any_desk.librarian_id)
    with pytest.raises(AdminOnly):
        access_request(db, marta, by=any_desk.librarian_id)
    with pytest.raises(AdminOnly):
        erase_past_retention(db, RetentionRule(0), by=any_desk.librarian_id, today=date(2030, 1, 1))
    assert texts_in_database(db) == before


def test_access_request_holds_everything_about_the_child(any_desk: Desk) -> None:
    db = any_desk.db
    # Jānis's check-in taken back: on SQLite, Marta's check-in gets its row id again.
    undo_check_in(db, check_in(db, any_desk.session_id, any_desk.janis_id).attendance_id)
    marta = marta_with_history(any_desk)
    boss = admin(db)
    data = access_request(db, marta, by=boss)
    json.dumps(data, ensure_ascii=False)  # JSON-ready as it is
    person = data["participant"]
    assert (person["first_name"], person["last_name"]) == ("Marta", "Kalēja")
    assert person["guardian_phone"] == "+371 29123456" and person["target_group"] is True
    assert [c["purpose"] for c in data["consents"]] == ["photo"]
    assert [e["program"] for e in data["enrolments"]] == ["Digitālās prasmes"]
    assert [(a["date"], a["program"], a["status"]) for a in data["attendance"]] == [
        ("2018-10-05", "Nāc, pievienojies!", "present"),
        ("2018-10-08", "Digitālās prasmes", "late"),
    ]
    assert [(loan["item_tag"], loan["return_note"]) for loan in data["loans"]] == [
        ("LAP-01", "Marta Kalēja atdeva ar saskrāpētu vāku")
    ]
    actions = [e["action"] for e in data["audit_events"]]
    for action in (
        "participant.registered",
        "consent.given",
        "attendance.checked_in",
        "attendance.undone",
        "participant.edited",
        "enrollment.added",
        "attendance.marked",
        "loan.lent",
        "loan.returned",
    ):
        assert action in actions
    # Nothing about the other children.
    assert "Ilze" not in json.dumps(data, ensure_ascii=False)
    assert "Jānis" not in json.dumps(data, ensure_ascii=False)
    with db.reading() as tx:
        exported = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "participant.exported")
        ).one()
        assert exported.entity_id == marta and "Marta" not in exported.description


def test_retention_lists_and_erases_only_the_old_ones(desk: Desk) -> None:
    db = desk.db
    boss = admin(db)
    # Ilze came on 5 October 2018; Jānis never came (registered today); Marta came later.
    check_in(db, desk.session_id, desk.ilze_id)
    marta = register_participant(db, ParticipantDetails("Marta", "Bērziņa", 2011, desk.site_id))
    later = create_session(
        db, desk.program_id, SessionPlan(date(2020, 3, 6), time(16), time(17), "Spēles")
    )
    check_in(db, later, marta)

    assert past(db, 5, date(2023, 10, 5)) == []
    assert past(db, 5, date(2023, 10, 6)) == [desk.ilze_id]
    assert past(db, 5, date(2025, 3, 7)) == [desk.ilze_id, marta]
    registered = date.today().year
    assert desk.janis_id not in past(db, 5, date(registered + 5, 1, 1))
    assert desk.janis_id in past(db, 5, date(registered + 6, 1, 1))

    assert erase_past_retention(db, RetentionRule(5), by=boss, today=date(2023, 10, 6)) == 1
    with db.reading() as tx:
        ilze = tx.get(Participant, desk.ilze_id)
        others = tx.scalars(select(Participant.first_name).where(Participant.id != desk.ilze_id))
        assert ilze is not None and ilze.first_name == ERASED_FIRST_NAME
        assert sorted(others) == ["Jānis", "Marta"]
    # Erased children are not listed again.
    assert past(db, 5, date(2023, 10, 6)) == []
    assert past(db, 5, date(2025, 3, 7)) == [marta]


def test_retention_counts_from_the_programs_today(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ilze came on 5 October 2018: on the program's 15 November 2019 five years are not
    over, whatever the machine's calendar says; on 6 October 2023 they are."""
    check_in(desk.db, desk.session_id, desk.ilze_id)
    rule = RetentionRule(5)
    monkeypatch.setattr("db.retention.now_utc", lambda: datetime(2019, 11, 15, 14, 20, tzinfo=UTC))
    assert past_retention(desk.db, rule, by=None) == []
    monkeypatch.setattr("db.retention.now_utc", lambda: datetime(2023, 10, 5, 22, 30, tzinfo=UTC))
    # 01:30 on 6 October in Riga, still the 5th by UTC: the library's day counts.
    assert [c.participant_id for c in past_retention(desk.db, rule, by=None)] == [desk.ilze_id]


def test_the_retention_rule_is_the_librarys_and_only_an_admin_changes_it(any_desk: Desk) -> None:
    db = any_desk.db
    boss = admin(db)
    assert retention_rule(db) == RetentionRule(5, RetentionStart.LAST_ATTENDANCE)
    with pytest.raises(AdminOnly):
        set_retention_rule(db, RetentionRule(3), by=any_desk.librarian_id)
    with pytest.raises(InvalidInput):
        set_retention_rule(db, RetentionRule(0), by=boss)
    assert retention_rule(db) == RetentionRule()

    set_retention_rule(db, RetentionRule(7, RetentionStart.PROJECT_END), by=boss)
    set_retention_rule(db, RetentionRule(7, RetentionStart.PROJECT_END), by=boss)  # no change
    assert retention_rule(db) == RetentionRule(7, RetentionStart.PROJECT_END)
    with db.reading() as tx:
        events = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "retention.changed")
        ).all()
    assert len(events) == 1 and events[0].staff_id == boss
    assert events[0].changes == {"years": [None, 7], "start": [None, "project_end"]}


def test_retention_after_the_project_end_keeps_records_until_the_project_is_years_over(
    desk: Desk,
) -> None:
    db = desk.db
    boss = admin(db)
    # Ilze came to the open sessions of OPEN UP (no end date yet) on 5 October 2018.
    check_in(db, desk.session_id, desk.ilze_id)
    ended = add_project(db, "Lasīsim kopā", "LV-2015-7", ends_on=date(2019, 12, 31))
    camp = create_program(db, "Vasaras nometne", ProgramKind.CAMP, desk.site_id, project_id=ended)
    camp_day = create_session(
        db, camp, SessionPlan(date(2018, 8, 6), time(10), time(15), "Be active!")
    )
    marta = register_participant(db, ParticipantDetails("Marta", "Bērziņa", 2011, desk.site_id))
    check_in(db, camp_day, marta)
    after_end = RetentionRule(5, RetentionStart.PROJECT_END)

    # Counted from the last attendance both are long past five years by 2025...
    assert set(past(db, 5, date(2025, 1, 1))) == {desk.ilze_id, marta}
    # ...but the camp's project ended on 31 December 2019, and OPEN UP has not ended.
    assert [
        c.participant_id for c in past_retention(db, after_end, date(2024, 12, 31), by=None)
    ] == []
    found = past_retention(db, after_end, date(2025, 1, 1), by=None)
    assert [(c.participant_id, c.counted_from, c.last_seen) for c in found] == [
        (marta, date(2019, 12, 31), date(2018, 8, 6))
    ]
    # The library's rule is what applies when none is named.
    set_retention_rule(db, after_end, by=boss)
    assert erase_past_retention(db, by=boss, today=date(2025, 1, 1)) == 1
    with db.reading() as tx:
        kept = tx.get(Participant, desk.ilze_id)
        assert kept is not None and kept.first_name == "Ilze"


def past(db: Database, years: int, today: date) -> list[int]:
    return [
        child.participant_id for child in past_retention(db, RetentionRule(years), today, by=None)
    ]


def run_cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url, "privacy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_privacy_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'openup.sqlite3'}"
    from db.migrate import migrate

    db = Database(url)
    migrate(db)
    desk = make_desk(db)
    marta = marta_with_history(desk)
    db.dispose()

    out = tmp_path / "marta.json"
    done = run_cli(url, "export", str(marta), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (out.stat().st_mode & 0o777) == 0o600
    text = out.read_text(encoding="utf-8")
    assert "Kalēja" in text  # UTF-8, not \\u escapes
    assert json.loads(text)["participant"]["id"] == marta

    refused = run_cli(url, "erase", str(marta))
    assert refused.returncode != 0 and "--yes" in refused.stderr
    done = run_cli(url, "erase", str(marta), "--yes")
    assert done.returncode == 0, done.stderr
    assert traces(Database(url)) == []

    listed = run_cli(url, "retention", "--years", "0")
    assert listed.returncode == 0, listed.stderr
    # Ilze came in 2018; Jānis was registered today; Marta is erased already.
    assert f"#{desk.ilze_id}" in listed.stdout and f"#{desk.janis_id}" not in listed.stdout
    assert "Ilze Ķēniņa" in listed.stdout
    done = run_cli(url, "retention", "--years", "0", "--erase", "--yes")
    assert done.returncode == 0, done.stderr
    db = Database(url)
    with db.reading() as tx:
        names = set(tx.scalars(select(Participant.first_name)))
    db.dispose()
    assert names == {ERASED_FIRST_NAME, "Jānis"}

"""The demo fills a believable OPEN UP year through the use cases, and a rerun adds nothing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.clock import at_local, local, now_utc
from db.database import Database, replaying
from db.demo import DemoSummary, fill_demo, summarize
from db.demo_data import SET_UP
from db.desk import current_session
from db.equipment import open_loans
from db.migrate import migrate
from db.models import (
    Attendance,
    AttendanceStatus,
    AuditEvent,
    Base,
    CheckInMethod,
    Consent,
    ConsentPurpose,
    Enrollment,
    Item,
    ItemStatus,
    Loan,
    Participant,
    Program,
    ProgramKind,
    Project,
    Role,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.programs import add_site

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Filled:
    db: Database
    today: date
    filled_at: datetime
    summary: DemoSummary
    printed: str  # what `main.py demo` said


def new_database(folder: Path) -> Database:
    db = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    migrate(db)
    return db


def main_py_demo(folder: Path) -> subprocess.CompletedProcess[str]:
    """`main.py demo` as a librarian runs it, its log kept in the test's folder."""
    return subprocess.run(
        [sys.executable, "main.py", "--db", str(folder / "demo.sqlite3"), "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={"XDG_DATA_HOME": str(folder), "HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    """One demo database for the module, filled by `main.py demo`: it takes a few seconds."""
    folder = tmp_path_factory.mktemp("demo")
    db = new_database(folder)
    filled_at = now_utc()
    run = main_py_demo(folder)
    assert run.returncode == 0, run.stderr
    today = local(filled_at).date()
    summary = fill_demo(db, today)  # adds nothing: what the database holds
    yield Filled(db, today, filled_at, summary, run.stdout)
    db.dispose()


def row_counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {
            table.name: s.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def program_id(db: Database, name: str) -> int:
    with db.reading() as s:
        found = s.scalar(select(Program.id).where(Program.name == name))
        assert found is not None
        return found


def test_the_three_sites(filled: Filled) -> None:
    with filled.db.reading() as s:
        sites = {(x.name, x.country, x.library_name) for x in s.scalars(select(Site))}
    assert sites == {
        ("Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka"),
        ("Ludza", "LV", "Ludzas novada bibliotēka"),
        ("Rokiškis", "LT", "Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka"),
    }


def test_the_project(filled: Filled) -> None:
    with filled.db.reading() as s:
        project = s.scalars(select(Project)).one()
    assert (project.name, project.number) == ("OPEN UP", "LLI-263")
    assert project.title.startswith("Interaktīvās izglītības telpa – efektīvs")
    assert project.programme == (
        "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014.–2020. gadam"
    )
    assert "Eiropas Savienības finansiālo atbalstu" in project.funding_statement
    assert (project.starts_on, project.ends_on) == (date(2018, 4, 1), date(2020, 3, 31))


def test_an_admin_and_a_librarian_at_jekabpils(filled: Filled) -> None:
    with filled.db.reading() as s:
        rows = s.execute(
            select(Staff.username, Staff.display_name, Staff.role, Site.name).join(
                Site, Site.id == Staff.site_id
            )
        ).all()
    assert {tuple(row) for row in rows} == {
        ("admin", "Ilze Kalniņa", Role.ADMIN, "Jēkabpils"),
        ("anna", "Anna Ozoliņa", Role.LIBRARIAN, "Jēkabpils"),
    }


def test_the_four_programs_at_jekabpils(filled: Filled) -> None:
    with filled.db.reading() as s:
        rows = s.execute(
            select(Program.name, Program.kind, Program.planned_sessions, Site.name).join(
                Site, Site.id == Program.site_id
            )
        ).all()
        project_ids = set(s.scalars(select(Program.project_id)))
    assert {(name, kind) for name, kind, _, _ in rows} == {
        ("Apmācību cikls", ProgramKind.CLOSED),
        ("Nāc, pievienojies!", ProgramKind.OPEN),
        ("Be active! Be positive!", ProgramKind.CAMP),
        ("Seminārs bibliotekāriem", ProgramKind.SEMINAR),
    }
    assert {site for *_, site in rows} == {"Jēkabpils"}
    assert {name: planned for name, _, planned, _ in rows}["Apmācību cikls"] == 20
    assert len(project_ids) == 1 and None not in project_ids


def test_the_friday_open_sessions_with_their_october_themes(filled: Filled) -> None:
    open_id = program_id(filled.db, "Nāc, pievienojies!")
    with filled.db.reading() as s:
        fridays = list(
            s.scalars(
                select(Session)
                .where(
                    Session.program_id == open_id,
                    Session.day.between(date(2018, 9, 14), date(2019, 12, 20)),
                )
                .order_by(Session.day)
            )
        )
    assert 65 <= len(fridays) <= 70
    assert (fridays[0].day, fridays[-1].day) == (date(2018, 9, 14), date(2019, 12, 20))
    assert {row.day.weekday() for row in fridays} == {4}
    assert {(row.starts_at, row.ends_at) for row in fridays} == {(time(16), time(17))}
    themes = {row.day: row.theme for row in fridays}
    assert themes[date(2018, 10, 5)] == "Iespējas dzīvojot laukos"
    assert themes[date(2018, 10, 12)] == "Piedzīvojumu pasaule"
    assert themes[date(2018, 10, 19)] == "Jūties droši uz ceļa!"
    assert themes[date(2018, 10, 26)] == "Mani supervaroņi"
    assert all(themes.values())
    statuses = [row.status for row in fridays if row.day < filled.today]
    assert statuses.count(SessionStatus.CANCELLED) == 2
    assert statuses.count(SessionStatus.HELD) == len(statuses) - 2
    headcounts = [row.anonymous_headcount for row in fridays]
    assert 5 <= sum(1 for n in headcounts if n > 0) < len(headcounts)


def test_open_sessions_had_8_to_20_children_checked_in_at_the_session_time(
    filled: Filled,
) -> None:
    open_id = program_id(filled.db, "Nāc, pievienojies!")
    with filled.db.reading() as s:
        held = list(
            s.scalars(
                select(Session).where(
                    Session.program_id == open_id,
                    Session.status == SessionStatus.HELD,
                    Session.day < date(2020, 1, 1),
                )
            )
        )
        for row in held:
            rows = list(s.scalars(select(Attendance).where(Attendance.session_id == row.id)))
            assert 8 <= len(rows) <= 20 or row.day < date(2018, 10, 1), row.day
            for attendance in rows:
                assert attendance.method in (CheckInMethod.SCAN, CheckInMethod.NAME_SEARCH)
                start = at_local(row.day, row.starts_at)
                assert (
                    start - timedelta(minutes=30)
                    <= attendance.recorded_at
                    <= start + (timedelta(hours=1))
                )
        methods = set(s.scalars(select(Attendance.method)))
    assert {CheckInMethod.SCAN, CheckInMethod.NAME_SEARCH} <= methods


def test_the_training_cycle(filled: Filled) -> None:
    cycle_id = program_id(filled.db, "Apmācību cikls")
    with filled.db.reading() as s:
        sessions = list(s.scalars(select(Session).where(Session.program_id == cycle_id)))
        held = [row for row in sessions if row.status is SessionStatus.HELD]
        joined = list(
            s.scalars(select(Enrollment.joined_on).where(Enrollment.program_id == cycle_id))
        )
        statuses = set(
            s.scalars(
                select(Attendance.status)
                .join(Session, Session.id == Attendance.session_id)
                .where(Session.program_id == cycle_id)
            )
        )
        themes = [row.theme for row in sorted(sessions, key=lambda r: r.day)]
    assert len(held) == 20
    assert (max(r.day for r in held) - min(r.day for r in held)).days < 10 * 31
    assert any(theme.startswith("Vizīte uzņēmumā") for theme in themes[:6])
    assert len(joined) == 12 and len(set(joined)) >= 3
    assert set(AttendanceStatus) == statuses


def test_the_camp_and_the_seminar(filled: Filled) -> None:
    camp_id = program_id(filled.db, "Be active! Be positive!")
    seminar_id = program_id(filled.db, "Seminārs bibliotekāriem")
    with filled.db.reading() as s:
        camp_days = sorted(s.scalars(select(Session.day).where(Session.program_id == camp_id)))
        seminar = list(s.scalars(select(Session.id).where(Session.program_id == seminar_id)))
        seminar_guests = s.scalar(select(func.count()).where(Attendance.session_id.in_(seminar)))
    assert camp_days[0].year == 2018 and camp_days[0].month == 8
    assert [(d - camp_days[0]).days for d in camp_days] == list(range(len(camp_days)))
    assert len(camp_days) >= 3
    assert seminar and seminar_guests


def test_about_sixty_children_with_latvian_and_lithuanian_names(filled: Filled) -> None:
    with filled.db.reading() as s:
        children = list(
            s.scalars(select(Participant).where(Participant.birth_year.between(2003, 2012)))
        )
        sites = {site.id: site.name for site in s.scalars(select(Site))}
        photo = set(
            s.scalars(select(Consent.participant_id).where(Consent.purpose == ConsentPurpose.PHOTO))
        )
        data = set(
            s.scalars(
                select(Consent.participant_id).where(
                    Consent.purpose == ConsentPurpose.DATA_PROCESSING
                )
            )
        )
        given_by = {
            (c.participant.guardian_name, c.given_by)
            for c in s.scalars(select(Consent).join(Consent.participant))
            if c.participant.birth_year and c.participant.birth_year >= 2003
        }
    assert len(children) >= 55
    names = {child.full_name for child in children}
    assert {"Kārlis Ķēniņš", "Elza Ķēniņa", "Marta Žūriņa", "Jonas Kazlauskas"} <= names
    assert {"Gabija Petrauskaitė", "Ūla Žukauskaitė"} <= names
    assert sum(not name.isascii() for name in names) >= 40
    per_site = {name: 0 for name in sites.values()}
    for child in children:
        per_site[sites[child.site_id]] += 1
    assert per_site["Jēkabpils"] > 40 and per_site["Ludza"] >= 3 and per_site["Rokiškis"] >= 3
    assert all(child.gender is not None and child.guardian_name for child in children)
    assert all(child.guardian_phone.startswith(("+371 2", "+370 6")) for child in children)
    assert all(len(child.guardian_phone) == 13 for child in children)
    assert len(children) / 4 < sum(child.target_group for child in children) < len(children) / 2
    with_photo = sum(child.id in photo for child in children)
    assert len(children) * 0.8 < with_photo < len(children)
    assert sum(child.id in data for child in children) > len(children) * 0.9
    assert all(guardian == given for guardian, given in given_by)


def test_the_equipment_and_its_history(filled: Filled) -> None:
    with filled.db.reading() as s:
        items = {item.tag: item for item in s.scalars(select(Item))}
        xbox = items["XBOX-01"]
        parts = sorted(part.tag for part in xbox.parts)
        notes = set(s.scalars(select(Loan.return_note).where(Loan.return_note != "")))
        returned = s.scalar(select(func.count()).where(Loan.returned_at.is_not(None)))
    assert set(items) == {
        "LAP-01",
        "LAP-02",
        "LAP-03",
        "CAM-01",
        "XBOX-01",
        "CTL-01",
        "CTL-02",
        "GAME-01",
        "GAME-02",
        "GAME-03",
        "TAB-01",
        "TV-01",
    }
    assert items["LAP-01"].name == "Portatīvais dators Lenovo ThinkPad"
    assert items["LAP-01"].serial_number
    assert items["CAM-01"].name == "Fotokamera Canon EOS"
    assert (xbox.name, items["TAB-01"].name, items["TV-01"].name) == (
        "Xbox One S",
        "Interaktīvais galds",
        "3D televizors LG",
    )
    assert parts == ["CTL-01", "CTL-02", "GAME-01", "GAME-02", "GAME-03"]
    assert all(item.project_id is not None for item in items.values())
    assert "Kociņš velk uz sāniem" in notes
    assert items["CTL-02"].status is ItemStatus.IN_REPAIR
    assert (returned or 0) > 100


def test_loans_out_now_with_one_overdue(filled: Filled) -> None:
    out = {loan.tag: loan for loan in open_loans(filled.db, by=None)}
    assert len(out) >= 2
    assert any(loan.overdue for loan in out.values())
    assert out["LAP-03"].overdue
    assert out["CAM-01"].borrower == "Anna Ozoliņa" and not out["CAM-01"].overdue
    assert "LAP-02" in out


def test_a_session_is_running_now_with_children_in_it(filled: Filled) -> None:
    open_id = program_id(filled.db, "Nāc, pievienojies!")
    with filled.db.reading() as s:
        today = list(
            s.scalars(
                select(Session).where(Session.program_id == open_id, Session.day == filled.today)
            )
        )
        assert len(today) == 1
        present = s.scalar(select(func.count()).where(Attendance.session_id == today[0].id))
    assert (present or 0) >= 5
    assert filled.summary.current_session_id == today[0].id
    clock = local(filled.filled_at).time()
    if clock < time(23, 59):  # the demo's session ends at 23:59 at the latest
        assert today[0].starts_at <= clock < today[0].ends_at
        assert current_session(filled.db, None, filled.filled_at) == today[0].id
    with filled.db.reading() as s:
        lap = s.scalars(
            select(Loan).join(Loan.item).where(Item.tag == "LAP-02", Loan.returned_at.is_(None))
        ).one()
        assert lap.due_at == at_local(filled.today, today[0].ends_at)


def test_the_summary_counts_what_is_there(filled: Filled) -> None:
    counts = row_counts(filled.db)
    summary = summarize(filled.db, filled.summary.current_session_id)
    assert summary == filled.summary
    assert (summary.sites, summary.projects, summary.staff, summary.programs) == (3, 1, 2, 4)
    assert summary.sessions == counts["session"]
    assert summary.attendance == counts["attendance"] > 1000
    assert summary.loans == counts["loan"]
    assert summary.held_sessions + summary.cancelled_sessions + 1 == summary.sessions
    assert summary.overdue_loans >= 1 and summary.open_loans >= 2


def test_the_audit_log_tells_the_year_as_it_happened(filled: Filled) -> None:
    with filled.db.reading() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)))
        checked_in = {
            row_id: at for row_id, at in s.execute(select(Attendance.id, Attendance.recorded_at))
        }
        loans = {loan.id: loan for loan in s.scalars(select(Loan))}
        sessions = {row.id: row for row in s.scalars(select(Session))}
    assert events[0].action == "site.added" and events[0].at == SET_UP
    midnight = at_local(filled.today, time(0))
    past = [event for event in events if event.at < midnight]
    # Only today's session, its check-ins and the loans of the last days are recent.
    assert len(past) > len(events) - 40
    assert len({local(event.at).strftime("%Y-%m") for event in past}) >= 18
    assert all(event.at <= filled.filled_at + timedelta(minutes=5) for event in events)
    seen = {"attendance.checked_in": 0, "loan.lent": 0, "loan.returned": 0, "session.held": 0}
    for event in events:
        if event.action == "attendance.checked_in":
            assert event.at == checked_in[event.entity_id]
        elif event.action == "loan.lent":
            assert event.at == loans[event.entity_id].lent_at
        elif event.action == "loan.returned":
            assert event.at == loans[event.entity_id].returned_at
        elif event.action == "session.held":
            row = sessions[event.entity_id]
            assert event.at > at_local(row.day, row.ends_at)
            assert local(event.at).date() == row.day
        else:
            continue
        seen[event.action] += 1
    assert seen["attendance.checked_in"] > 1000 and seen["loan.returned"] > 100
    assert seen["session.held"] == filled.summary.held_sessions


def test_main_py_demo_says_what_it_added_in_words(filled: Filled) -> None:
    summary = filled.summary
    first, out_now, accounts = filled.printed.splitlines()
    where = str(filled.db.url.database)
    thousands = f"{summary.attendance // 1000} {summary.attendance % 1000:03d}"
    assert first == (
        f"The demo year was added to {where}: 3 sites, 4 programs, {summary.sessions} sessions, "
        f"{summary.participants} participants, {thousands} check-ins, 12 items, 1 kit, "
        f"{summary.loans} loans."
    )
    assert out_now == f"Out now: {summary.open_loans} items, {summary.overdue_loans} overdue."
    assert accounts == (
        "Accounts (name / password): admin / admin-demo-2018, anna / anna-demo-2018."
    )
    assert "DemoSummary" not in filled.printed


def test_main_py_demo_again_says_nothing_was_added(filled: Filled) -> None:
    run = main_py_demo(Path(str(filled.db.url.database)).parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        f"The demo year is already in {filled.db.url.database}: nothing was added.\n"
    )


def test_running_it_again_adds_nothing(filled: Filled) -> None:
    before = row_counts(filled.db)
    again = fill_demo(filled.db, filled.today)
    assert row_counts(filled.db) == before
    assert again == filled.summary


def test_a_later_day_adds_only_that_days_session(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    try:
        first = fill_demo(db, date(2025, 3, 14))
        before = row_counts(db)
        later = fill_demo(db, date(2025, 3, 21))
        after = row_counts(db)
    finally:
        db.dispose()
    assert later.current_session_id != first.current_session_id
    assert after["session"] == before["session"] + 1
    for table in ("site", "project", "staff", "program", "participant", "consent", "item"):
        assert after[table] == before[table], table
    # The loans still out from the first day stay out; nothing is lent twice.
    assert later.open_loans == first.open_loans


def test_only_the_demos_replayed_actions_carry_a_past_moment(sqlite_db: Database) -> None:
    moment = at_local(date(2018, 9, 14), time(15, 40))
    with replaying(moment):
        add_site(sqlite_db, "Ludza", "LV", "Ludzas novada bibliotēka")
    before = now_utc()
    add_site(sqlite_db, "Rokiškis", "LT", "Rokiškio viešoji biblioteka")
    after = now_utc()
    with sqlite_db.reading() as s:
        at = {
            text: moment
            for text, moment in s.execute(select(AuditEvent.description, AuditEvent.at))
        }
    assert at["Added site Ludza"] == moment
    assert before <= at["Added site Rokiškis"] <= after

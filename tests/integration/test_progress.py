"""Long work says how far it is and stops, when asked, only where the records stay whole:
the retention erase between batches, a roster import before it commits, a backup by pages."""

from __future__ import annotations

import contextlib
import os
import pty
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.accounts import add_staff
from db.attendance import check_in
from db.audit_actions import AuditAction
from db.backup_checks import integrity_problem
from db.backups import back_up
from db.database import Database
from db.exports import AttendanceExportRow, ExportStopped
from db.models import AttendanceStatus, AuditEvent, Participant, Role
from db.people import ParticipantDetails, register_participant
from db.privacy import ERASED_FIRST_NAME
from db.retention import ERASE_BATCH, RetentionRule, erase_past_retention, past_retention
from db.roster import ImportStopped, import_roster, preview_roster
from desktop.documents.exports import write_export
from tests.conftest import Desk
from tests.integration.test_backups import ROOT, file_of, participants_in

# Every child registered today is past a one-year rule two years from now.
LATER = date(date.today().year + 2, 1, 1)
RULE = RetentionRule(1)


def register_many(desk: Desk, count: int) -> None:
    for n in range(count):
        register_participant(
            desk.db, ParticipantDetails(f"Bērns{n:03}", "Liepiņa", 2010, desk.site_id)
        )


def erased_count(db: Database) -> int:
    with db.reading() as s:
        query = select(func.count()).where(Participant.first_name == ERASED_FIRST_NAME)
        return s.scalar(query) or 0


def test_the_erase_reports_each_batch_and_erases_everyone(desk: Desk) -> None:
    register_many(desk, 58)  # with Ilze and Jānis: 60 children, batches of 25, 25, 10
    boss = add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN)
    seen: list[tuple[int, int]] = []

    def watch(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    assert erase_past_retention(desk.db, RULE, by=boss, today=LATER, progress=watch) == 60
    assert seen == [(0, 60), (25, 60), (50, 60), (60, 60)]
    assert erased_count(desk.db) == 60


def test_stopping_the_erase_keeps_the_batches_done_and_says_so(any_desk: Desk) -> None:
    db = any_desk.db
    register_many(any_desk, 58)
    boss = add_staff(db, "dace", "Dace Admine", Role.ADMIN)
    first_two_batches = [c.participant_id for c in past_retention(db, RULE, LATER, by=None)][
        : 2 * ERASE_BATCH
    ]

    # The librarian presses Cancel while the second batch is being erased.
    erased = erase_past_retention(
        db, RULE, by=boss, today=LATER, progress=lambda done, _total: done < 2 * ERASE_BATCH
    )

    assert erased == 2 * ERASE_BATCH
    with db.reading() as s:
        gone = set(
            s.scalars(select(Participant.id).where(Participant.first_name == ERASED_FIRST_NAME))
        )
        kept = s.scalars(
            select(Participant).where(Participant.first_name != ERASED_FIRST_NAME)
        ).all()
        stop = s.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.RETENTION_ERASE_STOPPED)
        ).one()
    assert gone == set(first_two_batches)
    # The rest are untouched: names, and not archived, and listed again for the next time.
    assert len(kept) == 10 and all(p.last_name and not p.archived for p in kept)
    assert len(past_retention(db, RULE, LATER, by=None)) == 10
    assert "50 of 60 children erased" in stop.description
    assert "other 10 kept" in stop.description
    assert stop.staff_id == boss


def stops(db: Database) -> list[str]:
    with db.reading() as s:
        query = select(AuditEvent.description).where(
            AuditEvent.action == AuditAction.RETENTION_ERASE_STOPPED
        )
        return list(s.scalars(query))


def test_a_cancel_before_the_first_batch_erases_nobody(desk: Desk) -> None:
    boss = add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN)
    assert erase_past_retention(desk.db, RULE, by=boss, today=LATER, progress=lambda *_: False) == 0
    assert erased_count(desk.db) == 0
    assert stops(desk.db) == [
        "Erasure past retention stopped: 0 of 2 children erased, the other 2 kept"
    ]


def test_a_cancel_heard_after_the_last_batch_changes_nothing(desk: Desk) -> None:
    boss = add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN)
    erased = erase_past_retention(
        desk.db, RULE, by=boss, today=LATER, progress=lambda done, total: done < total
    )
    assert erased == 2 and erased_count(desk.db) == 2 and stops(desk.db) == []


def roster_file(tmp_path: Path, count: int) -> Path:
    lines = ["Vārds;Uzvārds;Dzimšanas gads"]
    lines += [f"Anna{n:03};Kalniņa;2011" for n in range(count)]
    path = tmp_path / "saraksts.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_import_reports_each_row(desk: Desk, tmp_path: Path) -> None:
    rows = preview_roster(desk.db, roster_file(tmp_path, 4)).valid_rows
    seen: list[tuple[int, int]] = []

    def watch(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    registered = import_roster(desk.db, rows, desk.site_id, progress=watch)
    assert registered == 4
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("stop_at", [2, 5])  # half-way, and after the last row, before commit
def test_a_stopped_import_registers_nobody(any_desk: Desk, tmp_path: Path, stop_at: int) -> None:
    db = any_desk.db
    rows = preview_roster(db, roster_file(tmp_path, 5)).valid_rows
    with db.reading() as s:
        before = (
            s.scalar(select(func.count()).select_from(Participant)),
            s.scalar(select(func.count()).select_from(AuditEvent)),
        )

    with pytest.raises(ImportStopped) as stopped:
        import_roster(db, rows, any_desk.site_id, progress=lambda done, _total: done < stop_at)

    assert stopped.value.message == (
        f"The import was stopped at row {stop_at} of 5: nobody was registered."
    )
    with db.reading() as s:
        after = (
            s.scalar(select(func.count()).select_from(Participant)),
            s.scalar(select(func.count()).select_from(AuditEvent)),
        )
    assert after == before


def test_a_backup_reports_the_kilobytes_copied_step_by_step(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.backups.BACKUP_STEP_PAGES", 4)  # a small database, several steps
    register_many(desk, 40)
    with sqlite3.connect(file_of(desk.db)) as connection:
        pages, page_size = (
            connection.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "page_size")
        )
    seen: list[tuple[int, int]] = []

    def watch(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    copy = back_up(desk.db.url, tmp_path / "copy.sqlite3", progress=watch)

    total_kb = round(pages * page_size / 1024)
    assert len(seen) == -(-pages // 4)  # one report a step
    assert seen[-1] == (total_kb, total_kb)
    assert [done for done, _ in seen] == sorted({done for done, _ in seen})
    assert {total for _, total in seen} == {total_kb}
    assert integrity_problem(copy) is None and participants_in(copy) == 42


def run_main(url: str, *args: str, stderr: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_command_line_shows_a_progress_line_on_a_terminal(desk: Desk) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    for n in range(28):  # 29 children came in 2018, past five years: batches of 25 and 4
        child = register_participant(
            desk.db, ParticipantDetails(f"Bērns{n:02}", "Liepiņa", 2010, desk.site_id)
        )
        check_in(desk.db, desk.session_id, child)
    url = str(desk.db.url.render_as_string(hide_password=False))
    desk.db.dispose()
    watcher, terminal = pty.openpty()
    try:
        done = run_main(url, "privacy", "retention", "--erase", "--yes", stderr=terminal)
        os.close(terminal)
        shown = b""
        with contextlib.suppress(OSError):  # the terminal's other end closed: all is read
            while chunk := os.read(watcher, 4096):
                shown += chunk
    finally:
        os.close(watcher)
    assert done.returncode == 0, shown
    assert "Erased 29 children" in done.stdout
    # The terminal turns "\n" into "\r\n"; the line is rewritten in place with "\r".
    assert shown.decode() == "\rErasing: 0 / 29\rErasing: 25 / 29\rErasing: 29 / 29\r\n"


def test_the_command_line_prints_no_progress_into_a_file(desk: Desk, tmp_path: Path) -> None:
    url = str(desk.db.url.render_as_string(hide_password=False))
    desk.db.dispose()
    done = run_main(
        url,
        "import",
        "participants",
        str(roster_file(tmp_path, 3)),
        "--site",
        "Jēkabpils",
        stderr=subprocess.PIPE,
    )
    assert done.returncode == 0 and "Imported 3 children" in done.stdout
    assert done.stderr == ""


def attendance_export(count: int) -> list[AttendanceExportRow]:
    return [
        AttendanceExportRow(
            date(2018, 10, 5),
            time(16),
            time(17),
            "Nāc, pievienojies!",
            "Iespējas dzīvojot laukos",
            "Jēkabpils",
            f"Bērns{n:04}",
            "Liepiņa",
            AttendanceStatus.PRESENT,
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_reports_the_rows_written(tmp_path: Path, suffix: str) -> None:
    seen: list[tuple[int, int]] = []

    def watch(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    path = write_export("attendance", attendance_export(2500), tmp_path / f"a{suffix}", "lv", watch)
    assert seen == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]
    if suffix == ".csv":
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 2501 and lines[-1].endswith("Bērns2499;Liepiņa;piedalījās")
    else:
        sheet = load_workbook(path, read_only=True).active
        assert sheet is not None
        values = list(sheet.values)
        assert len(values) == 2501 and values[-1][6] == "Bērns2499"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_stopped_export_leaves_the_older_file_as_it_was(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # openpyxl streams the rows through a temporary file of its own: it must go too.
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / f"apmeklejums{suffix}"
    path.write_bytes(b"last month's export")

    with pytest.raises(ExportStopped) as stopped:
        write_export("attendance", attendance_export(2500), path, "lv", lambda d, _t: d < 1000)

    assert stopped.value.message == "The export was stopped: no file was saved."
    assert path.read_bytes() == b"last month's export"
    assert [p.name for p in folder.iterdir()] == [path.name]  # no half-written file beside
    assert list(temporary.iterdir()) == []

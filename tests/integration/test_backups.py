"""Backups that restore: real SQLite files, real writers, real damage, the real command line."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db import backups, clock
from db.backup_checks import integrity_problem
from db.backup_folder import backup_path, list_backups, newest_good_backup, prune, to_delete
from db.backups import (
    BackupFailed,
    DatabaseDamaged,
    NotAGoodCopy,
    ServerBackups,
    back_up,
    back_up_now,
    backup_if_due,
    backup_to,
    check_at_start,
)
from db.database import Database, sqlite_path
from db.migrate import migrate
from db.models import Participant
from db.people import ParticipantDetails, register_participant
from db.restore import restore
from tests.conftest import Desk, make_desk

ROOT = Path(__file__).resolve().parents[2]


def main_py(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XDG_DATA_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(home)},
        timeout=120,
    )


def file_of(database: Database) -> Path:
    path = sqlite_path(database.url)
    assert path is not None
    return path


def participants_in(path: Path) -> int:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return int(connection.execute("SELECT count(*) FROM participant").fetchone()[0])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def damage(path: Path, *, whole: bool) -> None:
    """Write garbage into a database file: all of it, or pages in the middle (header kept)."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        if whole:
            file.write(b"this is not a database \x00\xff" * (size // 24 + 1))
        else:
            file.seek(4096 * 2)
            file.write(bytes(range(256)) * (4096 * 3 // 256))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- making copies -------------------------------------------------------------------------


def test_backup_while_another_connection_writes(desk: Desk) -> None:
    path = file_of(desk.db)
    before = participants_in(path)
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        writing = Database(desk.db.url)  # its own engine and connections
        try:
            while not stop.is_set():
                written.append(
                    register_participant(
                        writing, ParticipantDetails("Rakstītājs", str(len(written)), 2011, 1)
                    )
                )
        except BaseException as error:  # reported by the assertion below
            failures.append(error)
        finally:
            writing.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    copies = []
    try:
        while len(written) < 5:
            pass
        start = datetime(2030, 1, 1, 9)
        for day in range(8):  # on different days, so retention keeps every one
            copies.append(back_up_now(path, now=start + timedelta(days=day)))
    finally:
        stop.set()
        thread.join()
    assert failures == []
    after = participants_in(path)
    assert after == before + len(written)
    counts = [participants_in(copy) for copy in copies]
    for copy in copies:
        assert integrity_problem(copy) is None
        assert mode(copy) == 0o600
        assert not Path(f"{copy}-wal").exists()
    assert counts == sorted(counts), "each later copy holds at least what an earlier one did"
    assert before < counts[0] and counts[-1] <= after  # taken while the writer was writing


def test_a_failed_verification_deletes_the_copy_and_says_why(desk: Desk, tmp_path: Path) -> None:
    """Pages damaged in the source are copied as they are: the check after writing fails."""
    source = tmp_path / "damaged-source.sqlite3"
    backup_to(file_of(desk.db), source)
    damage(source, whole=False)
    target = tmp_path / "copies" / "copy.sqlite3"
    with pytest.raises(BackupFailed) as refused:
        backup_to(source, target)
    assert str(target) in refused.value.message
    assert list(target.parent.iterdir()) == []  # neither the copy nor a partial file is left


def test_a_corrupted_backup_fails_verification(desk: Desk) -> None:
    path = file_of(desk.db)
    older = back_up_now(path, now=datetime(2030, 3, 1, 8))
    newer = back_up_now(path, now=datetime(2030, 3, 2, 8))
    assert integrity_problem(newer) is None
    damage(newer, whole=False)
    assert integrity_problem(newer) is not None
    newest = newest_good_backup(path)
    assert newest is not None and newest.path == older
    with pytest.raises(NotAGoodCopy):
        restore(desk.db.url, newer, desk.db)
    assert integrity_problem(path) is None


# --- keeping 14 daily and 12 monthly copies ------------------------------------------------


def test_retention_keeps_the_last_14_days_and_12_months() -> None:
    first = datetime(2023, 1, 1, 9, 30)
    made = [first + timedelta(days=n) for n in range(548)]  # to 2024-07-01, one a day
    made += [datetime(2024, 6, 30, 17), datetime(2024, 6, 25, 12)]  # manual extra copies
    gone = to_delete(made)
    kept = sorted(set(made) - gone)
    daily = sorted({max(s for s in kept if s.date() == day.date()) for day in kept})[-14:]
    assert [s.date() for s in daily] == [
        (datetime(2024, 7, 1) - timedelta(days=n)).date() for n in range(13, -1, -1)
    ]
    assert datetime(2024, 6, 30, 17) in kept and datetime(2024, 6, 30, 9, 30) not in kept
    assert datetime(2024, 6, 25, 12) in kept and datetime(2024, 6, 25, 9, 30) not in kept
    months = {(s.year, s.month) for s in kept}
    assert months == {(2023, m) for m in range(8, 13)} | {(2024, m) for m in range(1, 8)}
    # the newest copy of each earlier month is the one kept for it
    assert datetime(2024, 5, 31, 9, 30) in kept and datetime(2023, 8, 31, 9, 30) in kept
    assert len(kept) == 14 + 10  # July's and June's newest are among the daily ones
    assert to_delete(kept) == set()  # pruning again removes nothing more


def test_retention_counts_days_with_copies_not_calendar_days() -> None:
    """A laptop off all summer still keeps its last 14 copies, not an empty fortnight."""
    made = [datetime(2024, 5, 1) + timedelta(days=n, hours=10) for n in range(20)]
    made.append(datetime(2024, 9, 2, 10))
    gone = to_delete(made)
    assert sorted(set(made) - gone) == sorted(made[-14:])
    assert to_delete([]) == set()


def test_prune_deletes_only_routine_copies_of_this_database(tmp_path: Path) -> None:
    database = tmp_path / "openup.sqlite3"
    database.touch()
    folder = tmp_path / "backups"
    folder.mkdir()
    routine = [datetime(2024, 1, 1, 8) + timedelta(days=n) for n in range(60)]  # to Feb 29
    for made in routine:
        backup_path(database, made).touch()
    safety = [backup_path(database, datetime(2023, 1, n), "before-restore") for n in range(1, 6)]
    migration = backup_path(database, datetime(2022, 1, 1), "before-migration-0001")
    old_safety = backup_path(database, datetime(2021, 1, 1), "before-restore")
    damaged = backup_path(database, datetime(2020, 6, 1), "damaged")
    foreign = folder / "other-2020-01-01-080000.sqlite3"
    for path in (*safety, migration, old_safety, damaged, foreign):
        path.touch()
    removed = prune(database)
    left = {backup.made for backup in list_backups(database) if not backup.reason}
    assert left == set(routine) - to_delete(routine)
    assert len(left) == 14 + 1  # + January's newest
    # The newest five safety copies stay; a damaged file's copy and other files are not ours.
    assert all(path.exists() for path in safety)
    assert not migration.exists() and not old_safety.exists()
    assert len(removed) == 60 - len(left) + 2
    assert damaged.exists() and foreign.exists()


def test_the_automatic_backup_is_taken_at_most_once_a_day(desk: Desk) -> None:
    path = file_of(desk.db)
    morning = datetime(2030, 5, 4, 8)
    first = backup_if_due(path, now=morning)
    assert first is not None and integrity_problem(first) is None
    assert backup_if_due(path, now=morning + timedelta(hours=6)) is None
    assert backup_if_due(path, now=morning + timedelta(days=1)) is not None
    assert len(list_backups(path)) == 2


def test_a_copy_is_stamped_by_the_programs_clock(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Friday afternoon in Jēkabpils (14:20 UTC is 16:20 in Riga): the copy taken at start
    carries that moment, not another clock's, and is the newest shown on Settings."""
    monkeypatch.setattr(clock, "now_utc", lambda: datetime(2019, 11, 15, 14, 20, tzinfo=UTC))
    path = file_of(desk.db)
    made = backup_if_due(path)
    assert made is not None
    assert list_backups(path)[0].made == datetime(2019, 11, 15, 16, 20)
    assert backup_if_due(path) is None  # that day has its copy


# --- restoring -----------------------------------------------------------------------------


def test_a_restore_keeps_the_newest_five_safety_copies(desk: Desk) -> None:
    path = file_of(desk.db)
    copy = back_up(desk.db.url)
    older = [backup_path(path, datetime(2024, 3, n), "before-restore") for n in range(1, 6)]
    for old in older:
        old.touch()
    kept = restore(desk.db.url, copy, desk.db)
    safety = [backup.path for backup in list_backups(path) if backup.reason]
    assert kept is not None and safety == [kept, *reversed(older[1:])]
    assert not older[0].exists()


def test_restore_round_trip(desk: Desk) -> None:
    path = file_of(desk.db)
    copy = back_up(desk.db.url)
    late = register_participant(desk.db, ParticipantDetails("Vēlā", "Rinda", 2012, desk.site_id))
    assert Path(f"{path}-wal").exists()  # the program is "running": WAL and all

    kept = restore(desk.db.url, copy, desk.db)

    assert kept is not None and kept.parent == path.parent / "backups"
    assert "before-restore" in kept.name and mode(kept) == 0o600
    with sqlite3.connect(kept) as before:
        assert before.execute("SELECT id FROM participant WHERE id = ?", (late,)).fetchall()
    assert mode(path) == 0o600 and integrity_problem(path) is None
    # the same Database object goes on, now on the restored file
    with desk.db.reading() as tx:
        assert tx.get(Participant, late) is None
        assert tx.scalar(select(func.count()).select_from(Participant)) == 2
    assert not list(path.parent.glob(".*restoring*")) and not list(path.parent.glob("*.partial"))


def test_restore_over_a_damaged_file_keeps_the_damaged_bytes(desk: Desk) -> None:
    path = file_of(desk.db)
    copy = back_up(desk.db.url)
    desk.db.dispose()
    damage(path, whole=True)
    damaged = path.read_bytes()
    kept = restore(desk.db.url, copy)
    assert kept is not None and kept.read_bytes() == damaged and mode(kept) == 0o600
    assert integrity_problem(path) is None and participants_in(path) == 2
    # a copy of a damaged file is never offered as the good backup
    newest = newest_good_backup(path)
    assert newest is not None and newest.path == copy


# --- a damaged database at start -----------------------------------------------------------


@pytest.mark.parametrize("whole", [True, False], ids=["garbage-file", "garbage-pages"])
def test_a_damaged_database_is_refused_at_start_and_left_untouched(
    desk: Desk, tmp_path: Path, whole: bool
) -> None:
    path = file_of(desk.db)
    good = back_up_now(path, now=datetime(2030, 6, 1, 9))
    bad = back_up_now(path, now=datetime(2030, 6, 2, 9))
    damage(bad, whole=False)  # a newer copy that is itself damaged is passed over
    desk.db.dispose()
    damage(path, whole=whole)
    fingerprint = sha(path)
    neighbours = sorted(p.name for p in path.parent.iterdir())
    home = tmp_path / "home"

    with pytest.raises(DatabaseDamaged) as refused:
        check_at_start(desk.db.url)
    assert refused.value.fields["backup"] == str(good)

    result = main_py("--db", str(path), "migrate", home=home)
    assert result.returncode == 1
    assert "damaged" in result.stderr and str(good) in result.stderr
    assert f"restore {good}" in result.stderr and "Traceback" not in result.stderr
    assert str(bad) not in result.stderr

    assert sha(path) == fingerprint  # byte for byte as it was
    # SQLite's read-only check may leave an empty -wal and its index, never a journal
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    around = {p.name for p in path.parent.iterdir()} - {wal.name, f"{path.name}-shm", "home"}
    assert sorted(around) == neighbours

    # the advice printed works
    restored = main_py("--db", str(path), "restore", str(good), home=home)
    assert restored.returncode == 0, restored.stderr
    assert integrity_problem(path) is None
    assert main_py("--db", str(path), "migrate", home=home).returncode == 0


def test_the_program_shows_the_damage_in_a_message_box(
    desk: Desk, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop import app, errors, i18n

    # run() as it is, without leaving a translator or an excepthook behind for other tests
    monkeypatch.setattr(i18n, "install", lambda _language: None)
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)
    path = file_of(desk.db)
    good = back_up_now(path, now=datetime(2030, 7, 1, 9))
    desk.db.dispose()
    damage(path, whole=True)
    fingerprint = sha(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app.run(str(path)) == 2
    assert len(shown) == 1 and str(good) in shown[0] and "restore" in shown[0]
    assert sha(path) == fingerprint


def test_the_check_begun_before_the_imports_refuses_as_the_one_at_start(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk starts the integrity check on a thread of its own while it imports; what it
    finds is raised when the database is opened, and a damaged file stays untouched."""
    from db import backup_checks
    from db.startup import StartCheck, open_database

    path = file_of(desk.db)
    good = back_up_now(path, now=datetime(2030, 8, 1, 9))
    desk.db.dispose()
    damage(path, whole=True)
    fingerprint = sha(path)
    with pytest.raises(DatabaseDamaged) as refused:
        open_database(str(path), check=StartCheck(str(path)))
    assert refused.value.fields["backup"] == str(good)
    assert sha(path) == fingerprint

    def unreadable(_path: Path) -> str | None:
        raise PermissionError(13, "Permission denied", str(_path))

    monkeypatch.setattr(backup_checks, "start_problem", unreadable)
    with pytest.raises(PermissionError):  # an error on the thread comes out where it waits
        StartCheck(str(path)).wait()


def test_a_sound_database_on_a_read_only_disk_is_not_called_damaged(desk: Desk) -> None:
    """SQLite cannot make the -shm of a WAL file on a read-only disk; that is no damage."""
    path = file_of(desk.db)
    desk.db.dispose()
    assert not Path(f"{path}-wal").exists()
    folder = path.parent
    probe = (
        "import sys; from pathlib import Path; from db.backup_checks import integrity_problem; "
        "print(integrity_problem(Path(sys.argv[1])))"
    )
    if os.geteuid() == 0:  # root writes through folder modes: mount the folder read-only
        command = [
            "unshare",
            "-m",
            "sh",
            "-c",
            'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
            'touch "$1/probe" 2>/dev/null && exit 99; exec "$2" -c "$3" "$4"',
            "sh",
            str(folder),
            sys.executable,
            probe,
            str(path),
        ]
    else:
        folder.chmod(0o555)
        command = [sys.executable, "-c", probe, str(path)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    finally:
        folder.chmod(0o755)
    if os.geteuid() == 0 and result.returncode != 0 and "None" not in result.stdout:
        pytest.skip(f"cannot mount a read-only folder here: {result.stderr.strip()}")
    assert result.stdout.strip() == "None", result.stderr
    assert not Path(f"{path}-shm").exists()


# --- files only the owner may read ---------------------------------------------------------


def test_database_backups_and_logs_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "fresh" / "openup.sqlite3"
        database = Database(f"sqlite:///{path}")
        migrate(database)
        make_desk(database)
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert mode(name) == 0o600, name
        copy = back_up_now(path)
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
        database.dispose()

        from desktop.cli import _PrivateLogFile

        log_file = tmp_path / "logs" / "openup.log"
        log_file.parent.mkdir()
        handler = _PrivateLogFile(log_file, maxBytes=200, backupCount=3, encoding="utf-8")
        record = logging.LogRecord("t", logging.INFO, __file__, 1, "Ķēniņa " * 20, None, None)
        for _ in range(5):
            handler.emit(record)
        handler.close()
        logs = sorted(log_file.parent.iterdir())
        assert len(logs) == 4  # rotated three times
        assert {mode(name) for name in logs} == {0o600}
    finally:
        os.umask(old_umask)


def test_the_program_logs_owner_only(tmp_path: Path) -> None:
    database = tmp_path / "cli.sqlite3"
    assert main_py("--db", str(database), "migrate", home=tmp_path).returncode == 0
    log_file = tmp_path / "OpenUpDesk" / "logs" / "openup.log"
    assert mode(log_file) == 0o600 and mode(log_file.parent) == 0o700
    assert mode(database) == 0o600


# --- the command line ----------------------------------------------------------------------


def test_backup_and_restore_commands(desk: Desk, tmp_path: Path) -> None:
    path = file_of(desk.db)
    out = tmp_path / "kopija.sqlite3"
    made = main_py("--db", str(path), "backup", "--out", str(out), home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert str(out) in made.stdout and integrity_problem(out) is None and mode(out) == 0o600

    again = main_py("--db", str(path), "backup", "--out", str(out), home=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr

    to_folder = main_py("backup", "--db", f"sqlite:///{path}", home=tmp_path)
    assert to_folder.returncode == 0, to_folder.stderr
    assert len(list_backups(path)) == 1

    register_participant(desk.db, ParticipantDetails("Pēc", "Kopijas", 2013, desk.site_id))
    desk.db.dispose()
    done = main_py("--db", str(path), "restore", str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "before-restore" in done.stdout and participants_in(path) == 2

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    refused = main_py("--db", str(path), "restore", str(garbage), home=tmp_path)
    assert refused.returncode == 1 and "nothing was restored" in refused.stderr
    assert participants_in(path) == 2


def test_opening_the_program_takes_the_daily_backup(desk: Desk) -> None:
    from db.startup import daily_backup, open_database

    path = file_of(desk.db)
    for _ in range(2):
        database = open_database(str(path))
        daily_backup(database)
        database.dispose()
    assert len(list_backups(path)) == 1
    open_database(str(path)).dispose()  # any command takes none
    assert len(list_backups(path)) == 1


def test_the_daily_backup_waits_until_the_desk_has_shown_its_lists(
    desk: Desk, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's first copy takes about a second on ten years of records: the desk's own
    start-up reads go first on the database worker and are shown, the backup after them."""
    from desktop.app import DeskApplication, open_context
    from desktop.operations import Operation

    path = file_of(desk.db)
    desk.db.dispose()
    running_beside: list[int] = []
    real = backups.backup_if_due

    def watched(database_file: Path, *, now: datetime | None = None) -> Path | None:
        running_beside.append(len(Operation._running) - 1)  # on the worker: the others started
        return real(database_file, now=now)

    monkeypatch.setattr(backups, "backup_if_due", watched)
    ini = tmp_path / "settings.ini"
    ini.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    ctx = open_context(str(path), str(ini))
    assert list_backups(path) == []  # opening the database took none
    desk_app = DeskApplication(ctx, staff_id=desk.librarian_id)
    qtbot.addWidget(desk_app.window)
    desk_app.window.show()
    assert not Operation.idle()  # the desk's and the status bar's reads are under way

    qtbot.waitUntil(lambda: len(list_backups(path)) == 1)
    qtbot.waitUntil(Operation.idle)
    assert running_beside == [0]  # every read of the start had ended and was shown
    assert desk_app.window.signed_in.text() == "Anna Ozoliņa"
    ctx.database.dispose()


def test_the_program_ends_after_the_work_still_on_the_database_worker(
    desk: Desk, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed a moment after it opened, the program lets the day's backup (or a last scan)
    on the database worker finish before it ends."""
    import time

    from PySide6.QtWidgets import QApplication

    from desktop import app, errors, i18n
    from desktop.main_window import MainWindow
    from desktop.operations import Operation

    monkeypatch.setattr(i18n, "install", lambda _language: None)
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)
    monkeypatch.setattr("desktop.settings.data_folder", lambda: tmp_path)
    monkeypatch.setattr(app, "sign_in_at_start", lambda _ctx: desk.librarian_id)
    path = file_of(desk.db)
    desk.db.dispose()
    ended: list[str] = []

    def slow_work() -> None:
        time.sleep(0.3)
        ended.append("the work")

    def closed_at_once(_app: QApplication) -> int:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                qtbot.addWidget(window)  # closed and deleted after the test, as by the librarian
        Operation(None, slow_work).run()
        return 0

    monkeypatch.setattr(QApplication, "exec", closed_at_once)
    assert app.run(str(path)) == 0
    assert ended == ["the work"]


def test_a_postgresql_database_is_not_backed_up_by_pretending(tmp_path: Path) -> None:
    url = "postgresql+psycopg://openup:Slepens-123@db.example.lv:5433/openup"
    for command in (("backup", "--out", str(tmp_path / "x.sqlite3")), ("restore", __file__)):
        result = main_py("--db", url, *command, home=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "server's job" in result.stderr
        assert "pg_dump --format=custom" in result.stderr
        assert "postgresql://openup@db.example.lv:5433/openup" in result.stderr
        assert "Slepens" not in result.stderr + result.stdout
    assert not (tmp_path / "x.sqlite3").exists()
    with pytest.raises(ServerBackups):
        backups.database_file(Database(url).url)


# --- the settings page ---------------------------------------------------------------------


def test_settings_page_backs_up_and_restores(
    desk: Desk, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.programs import list_sites
    from desktop import operations
    from desktop.context import AppContext
    from desktop.operations import Operation
    from desktop.pages.settings_page import SettingsPage
    from desktop.settings import Settings
    from tests.ui.conftest import wait_for_operations

    errors: list[BaseException] = []
    monkeypatch.setattr(operations, "_default_failure", lambda error, _d: errors.append(error))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    ctx = AppContext(desk.db, Settings(str(tmp_path / "s.ini")), list_sites(desk.db))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    group = page.backups
    path = file_of(desk.db)
    assert group.folder.text() == str(path.parent / "backups")
    assert group.newest.text() == group.tr("none yet")  # whatever language a test installed

    group.back_up_button.click()
    wait_for_operations(qtbot)
    assert errors == []
    (copy,) = list_backups(path)
    assert group.newest.text() == copy.made.strftime("%d.%m.%Y %H:%M")
    assert str(copy.path) in told[-1]

    register_participant(desk.db, ParticipantDetails("Pēc", "Pogas", 2013, desk.site_id))
    group.restore(copy.path)
    wait_for_operations(qtbot)
    Operation.wait_for_all()
    assert errors == [] and quits == [True]
    assert participants_in(path) == 2 and "before-restore" in told[-1]


def test_settings_page_on_postgresql_shows_the_pg_dump_command(
    tmp_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.context import AppContext
    from desktop.pages.settings_page import SettingsPage
    from desktop.settings import Settings

    database = Database("postgresql+psycopg://openup:Slepens-123@db.example.lv/openup")
    page = SettingsPage(AppContext(database, Settings(str(tmp_path / "s.ini")), []))
    qtbot.addWidget(page)
    command = page.findChild(QLabel, "pgDumpCommand")
    assert isinstance(command, QLabel)
    text = command.text()
    assert text.startswith("pg_dump ") and "openup@db.example.lv/openup" in text
    assert "Slepens" not in text
    assert not hasattr(page.backups, "back_up_button")

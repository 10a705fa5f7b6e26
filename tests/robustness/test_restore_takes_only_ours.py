"""A restore takes only an OpenUp Desk database, and never costs the last copy of the records.

Seen before: `restore other.sqlite3` (a sound SQLite file of another program, or a 0-byte
file) reported success, the next start migrated an empty database, and after five such
restores the safety copies held only empty databases; a 0-byte database file at start was
taken for a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from db.accounts import add_staff
from db.backup_checks import holds_records
from db.backup_folder import BEFORE_RESTORE, KEEP_SAFETY, list_backups
from db.backups import DatabaseDamaged, NotAGoodCopy, back_up_now, check_at_start
from db.database import APPLICATION_ID, Database
from db.migrate import migrate
from db.models import Role
from db.programs import add_site
from db.restore import restore
from tests.conftest import Desk
from tests.integration.test_backups import file_of, main_py, participants_in, sha


def another_programs_file(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("create table t(x)")
        connection.execute("insert into t values (1)")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def marked_by_another_program(path: Path) -> None:
    """Our tables, but the header says the file is another program's."""
    with sqlite3.connect(path) as connection:
        for table in ("alembic_version", "site", "staff", "participant", "session"):
            connection.execute(f"create table {table}(x)")
        connection.execute("PRAGMA application_id=1")


def application_id(path: Path) -> int:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return int(connection.execute("PRAGMA application_id").fetchone()[0])


def fresh_database(path: Path) -> Path:
    """An OpenUp Desk database of today's schema after its first run: a site and an
    administrator, and not a single child, session or item."""
    database = Database(f"sqlite:///{path}")
    migrate(database)
    site = add_site(database, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka")
    add_staff(database, "dace", "Dace Admine", Role.ADMIN, site_id=site)
    database.dispose()
    return path


FOREIGN = (
    "is not a sound copy of the database (it is not an OpenUp Desk database), so nothing was "
    "restored."
)
EMPTY = "is not a sound copy of the database (the file is empty), so nothing was restored."


@pytest.mark.parametrize(
    ("make", "refusal"),
    [
        (another_programs_file, FOREIGN),
        (empty_file, EMPTY),
        (marked_by_another_program, FOREIGN),
    ],
    ids=["another-program", "empty", "marked-by-another-program"],
)
def test_restore_refuses_a_file_that_is_not_our_database(
    desk: Desk, tmp_path: Path, make: Callable[[Path], None], refusal: str
) -> None:
    path = file_of(desk.db)
    desk.db.dispose()
    other = tmp_path / "other.sqlite3"
    make(other)
    before = sha(path)

    result = main_py("--db", str(path), "restore", str(other), home=tmp_path / "home")

    assert result.returncode == 1
    assert result.stderr.strip() == f"{other} {refusal}"
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sha(path) == before and participants_in(path) == 2
    assert list_backups(path) == []  # refused before anything was touched


def test_restore_refuses_a_copy_from_a_newer_program(desk: Desk, tmp_path: Path) -> None:
    path = file_of(desk.db)
    newer = back_up_now(path)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")

    with pytest.raises(NotAGoodCopy) as refused:
        restore(desk.db.url, newer, desk.db)

    assert refused.value.message == (
        f"{newer} is not a sound copy of the database (it was made by a newer version of "
        "OpenUp Desk than this one), so nothing was restored."
    )
    assert participants_in(path) == 2


def test_a_database_is_marked_as_ours_and_older_copies_still_restore(
    desk: Desk, tmp_path: Path
) -> None:
    path = file_of(desk.db)
    assert application_id(path) == APPLICATION_ID  # set when the program created it
    older = back_up_now(path)
    with sqlite3.connect(older) as connection:  # as copies made before the mark
        connection.execute("PRAGMA application_id=0")

    restore(desk.db.url, older, desk.db)
    assert participants_in(path) == 2
    assert application_id(path) == 0
    migrate(desk.db)  # the next time it is opened for writing
    assert application_id(path) == APPLICATION_ID


def test_restores_of_empty_databases_never_prune_the_last_copy_of_the_records(
    desk: Desk, tmp_path: Path
) -> None:
    path = file_of(desk.db)
    empty = fresh_database(tmp_path / "tukša.sqlite3")

    for _ in range(KEEP_SAFETY + 3):
        restore(desk.db.url, empty, desk.db)

    safety = [backup for backup in list_backups(path) if backup.reason == BEFORE_RESTORE]
    with_records = [backup.path for backup in safety if holds_records(backup.path)]
    assert len(with_records) == 1 and participants_in(with_records[0]) == 2
    assert len(safety) == KEEP_SAFETY + 1  # the five newest, and the one with the records
    assert with_records[0] == safety[-1].path  # the oldest, kept past the five


def test_pruning_keeps_the_newest_routine_copy_with_records(tmp_path: Path, desk: Desk) -> None:
    """A month of daily copies of an emptied database would push the real one out too."""
    path = file_of(desk.db)
    real = back_up_now(path, now=datetime(2029, 1, 1, 9))
    desk.db.dispose()
    path.unlink()
    Path(f"{path}-wal").unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)
    fresh_database(path)
    for month in range(2, 13):
        for day in range(1, 29, 7):
            back_up_now(path, now=datetime(2029, month, day, 9))
    back_up_now(path, now=datetime(2030, 1, 1, 9))

    assert real.exists() and holds_records(real)
    assert sum(holds_records(backup.path) for backup in list_backups(path)) == 1


@pytest.mark.parametrize(
    ("make", "problem"),
    [(empty_file, "the file is empty"), (another_programs_file, "not an OpenUp Desk database")],
    ids=["empty", "another-program"],
)
def test_an_empty_or_foreign_database_file_at_start_is_reported_with_the_newest_good_backup(
    desk: Desk, tmp_path: Path, make: Callable[[Path], None], problem: str
) -> None:
    path = file_of(desk.db)
    good = back_up_now(path, now=datetime(2030, 6, 1, 9))
    desk.db.dispose()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm"), path):
        leftover.unlink(missing_ok=True)
    make(path)
    before = sha(path)

    with pytest.raises(DatabaseDamaged) as refused:
        check_at_start(desk.db.url)
    assert refused.value.fields["problem"].endswith(problem)
    assert refused.value.fields["backup"] == str(good)

    result = main_py("--db", str(path), "migrate", home=tmp_path / "home")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert problem in result.stderr and f"restore {good}" in result.stderr
    assert sha(path) == before  # neither migrated nor marked

    restored = main_py("--db", str(path), "restore", str(good), home=tmp_path / "home")
    assert restored.returncode == 0, restored.stderr
    assert participants_in(path) == 2


def test_the_program_says_in_latvian_that_an_empty_database_file_is_damaged(
    desk: Desk, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop import app, errors, i18n

    monkeypatch.setattr(errors, "install_excepthook", lambda: None)
    path = file_of(desk.db)
    good = back_up_now(path, now=datetime(2030, 7, 1, 9))
    desk.db.dispose()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    empty_file(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    try:
        assert app.run(str(path)) == 2  # the settings' language: Latvian, the default
    finally:
        i18n.install("en")

    assert len(shown) == 1
    assert shown[0].startswith(
        f"Datubāzes fails {path} ir bojāts vai to nevar atvērt (fails ir tukšs)."
    )
    assert str(good) in shown[0] and f"restore {good}" in shown[0]
    assert path.stat().st_size == 0  # neither migrated nor marked
    # the copy named restores; the empty file is kept byte for byte, as a damaged file is
    restore(desk.db.url, good)
    assert participants_in(path) == 2
    kept = [backup.path for backup in list_backups(path) if backup.reason == "damaged"]
    assert len(kept) == 1 and kept[0].stat().st_size == 0


def test_a_mark_that_cannot_be_written_now_does_not_stop_the_program(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.migrate

    path = file_of(desk.db)
    with sqlite3.connect(path) as connection:  # a database from before the mark
        connection.execute("PRAGMA application_id=0")

    def busy(_path: Path) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(db.migrate, "mark_as_ours", busy)
    assert migrate(desk.db) is None
    check_at_start(desk.db.url)  # still known as ours by its tables and revision
    monkeypatch.undo()
    migrate(desk.db)
    assert application_id(path) == APPLICATION_ID

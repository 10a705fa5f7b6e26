"""The command line, run as a librarian's admin would: a real process on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.database import Database
from db.loans import Borrower, lend
from db.people import get_participant
from db.scancodes import card_text, item_text
from tests.conftest import make_desk

ROOT = Path(__file__).resolve().parents[2]


def main_py(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XDG_DATA_HOME": str(env_home), "PATH": "/usr/bin:/bin", "HOME": str(env_home)},
        timeout=120,
    )


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Database]:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    from db.migrate import migrate

    migrate(database)
    desk = make_desk(database)
    lend(database, "LAP-01", Borrower.child(desk.janis_id))
    return path, database


def test_scan_an_item_that_is_out(filled: tuple[Path, Database], tmp_path: Path) -> None:
    path, _ = filled
    result = main_py("scan", item_text("LAP-01"), "--db", str(path), "--json", env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["tag"] == "LAP-01" and answer["status"] == "available"
    assert answer["on_loan"]["borrower"] == "Jānis Žūriņš"


def test_scan_a_card_in_plain_words(filled: tuple[Path, Database], tmp_path: Path) -> None:
    path, database = filled
    with database.reading() as s:
        code = get_participant(s, 1).card_code
    assert code is not None
    result = main_py("--db", f"sqlite:///{path}", "scan", card_text(code), env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Ilze Ķēniņa" in result.stdout and "no photos" in result.stdout


@pytest.mark.parametrize(
    ("scanned", "says"),
    [
        ("I-LAP-01-Q", "check character does not match"),
        ("hello", "not a member card or an equipment label"),
        (item_text("NOPE-9"), "no item has this code"),
    ],
)
def test_a_refused_scan_exits_non_zero_with_the_reason(
    filled: tuple[Path, Database], tmp_path: Path, scanned: str, says: str
) -> None:
    path, _ = filled
    result = main_py("scan", scanned, "--db", str(path), env_home=tmp_path)
    assert result.returncode == 1
    assert says in result.stderr
    assert "Traceback" not in result.stderr


def test_env_var_chooses_the_database(filled: tuple[Path, Database], tmp_path: Path) -> None:
    path, _ = filled
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "scan", item_text("XBOX-01")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path), "OPENUP_DB": str(path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "XBOX-01 Xbox One S: available, in the library" in result.stdout


def test_migrate_creates_the_default_file_in_the_data_folder(tmp_path: Path) -> None:
    result = main_py("migrate", env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "OpenUpDesk" / "openup.sqlite3").exists()
    assert (tmp_path / "OpenUpDesk" / "logs" / "openup.log").exists()


def test_an_unreachable_database_is_said_in_plain_words(tmp_path: Path) -> None:
    result = main_py(
        "migrate", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", env_home=tmp_path
    )
    assert result.returncode == 2
    assert "Cannot use the database" in result.stderr
    assert "Traceback" not in result.stderr

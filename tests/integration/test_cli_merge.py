"""`main.py merge FILE`: a real process merges a camp laptop's file, says what it did in
words, and refuses a bad file in one sentence (exit 1), never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.database import Database
from db.migrate import migrate
from db.models import Attendance, AuditEvent, Participant
from tests.integration.test_cli import main_py
from tests.integration.test_merge import Camp, make_camp


@pytest.fixture
def camp(tmp_path: Path) -> tuple[Camp, Path]:
    path = tmp_path / "shared.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate(database)
    made = make_camp(database, tmp_path)
    database.dispose()
    return made, path


def counts(path: Path) -> tuple[int, int, int]:
    database = Database(f"sqlite:///{path}")
    with database.reading() as tx:
        found = tuple(
            int(tx.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Participant, Attendance, AuditEvent)
        )
    database.dispose()
    return found  # type: ignore[return-value]


def test_the_dry_run_lists_the_children_and_what_is_left_out(
    camp: tuple[Camp, Path], tmp_path: Path
) -> None:
    made, shared = camp
    before = counts(shared)

    result = main_py("merge", str(made.path), "--dry-run", "--db", str(shared), env_home=tmp_path)

    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert f"#{made.ilze} Ilze Ķēniņa, 2009: matched (matched by card with #1)" in said
    assert f"#{made.janis} Jānis Žūriņš, 2010: matched (matched by name and birth year" in said
    assert f"#{made.peteris} Pēteris Bērziņš, 2011: new" in said
    assert f"#{made.marta} Marta Liepa: needs a decision (the same name as #3 Marta Liepa" in said
    assert f"#{made.erik}: left out (erased in the database in use on" in said
    assert "Ēriks" not in said and "Kalns" not in said
    assert "LAP-01 is out in the database in use since" in said
    assert "Would be new:\n  program Be active! Be positive!\n  session Be active!" in said
    assert "Would add: 1 program, 2 sessions, 1 child, 1 consent, 6 check-ins" in said
    assert f"--match {made.marta}=3" in said
    assert "Dry run: nothing was written from camp-laptop.sqlite3." in said
    assert counts(shared) == before


def test_the_merge_with_a_decision_then_again_adds_nothing(
    camp: tuple[Camp, Path], tmp_path: Path
) -> None:
    made, shared = camp
    before = counts(shared)
    decided = ("--match", f"{made.marta}=3")

    first = main_py("merge", str(made.path), *decided, "--db", str(shared), env_home=tmp_path)
    after = counts(shared)
    second = main_py("merge", str(made.path), *decided, "--db", str(shared), env_home=tmp_path)

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "Added: 1 program, 2 sessions, 1 child, 1 consent, 8 check-ins" in first.stdout
    assert f"#{made.marta} Marta Liepa: matched (matched with #3, as decided)" in first.stdout
    assert "Merged camp-laptop.sqlite3 in one go; the audit log holds the counts." in first.stdout
    assert after[:2] == (before[0] + 1, before[1] + 8) and after[2] == before[2] + 1
    assert "Added:" not in second.stdout
    assert counts(shared)[:2] == after[:2]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.sqlite3", None, "There is no database file at"),
        ("notes.sqlite3", "Nometnes saraksts", "notes.sqlite3 cannot be merged: file is not a"),
        ("empty.sqlite3", "", "empty.sqlite3 cannot be merged: the file is empty."),
    ],
)
def test_a_bad_file_is_one_sentence_and_exit_1(
    camp: tuple[Camp, Path], tmp_path: Path, name: str, content: str | None, says: str
) -> None:
    _made, shared = camp
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")

    result = main_py("merge", str(path), "--db", str(shared), env_home=tmp_path)

    assert result.returncode == 1
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_another_programs_database_is_refused(camp: tuple[Camp, Path], tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    _made, shared = camp
    other = tmp_path / "recipes.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")

    result = main_py("merge", str(other), "--db", str(shared), env_home=tmp_path)

    assert result.returncode == 1
    assert result.stderr == (
        "recipes.sqlite3 cannot be merged: it is not an OpenUp Desk database. "
        "Nothing was changed.\n"
    )


def test_a_match_that_is_not_two_numbers_is_refused_by_the_parser(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "merge", "x.sqlite3", "--match", "Marta=3"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 2 and "--match takes two child numbers" in result.stderr

"""Backups, restores and the participants export refuse a librarian in the core itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.accounts import AdminOnly
from db.backups import back_up, list_backups, restore
from db.database import sqlite_path
from db.exports import participant_rows
from db.models import Role
from tests.conftest import Desk


def admin_of(desk: Desk) -> int:
    from db.accounts import add_staff

    return add_staff(desk.db, "ilze", "Ilze Kalniņa", Role.ADMIN)


def test_a_librarian_cannot_back_up_or_restore(desk: Desk, tmp_path: Path) -> None:
    path = sqlite_path(desk.db.url)
    assert path is not None
    with pytest.raises(AdminOnly):
        back_up(desk.db.url, database=desk.db, by=desk.librarian_id)
    assert list_backups(path) == []
    copy = back_up(desk.db.url, tmp_path / "copy.sqlite3", database=desk.db, by=admin_of(desk))
    before = path.read_bytes()
    with pytest.raises(AdminOnly):
        restore(desk.db.url, copy, desk.db, by=desk.librarian_id)
    assert path.read_bytes() == before


def test_a_librarian_cannot_export_the_participants(desk: Desk) -> None:
    with pytest.raises(AdminOnly, match="administrator"):
        participant_rows(desk.db, by=desk.librarian_id)
    assert {row.last_name for row in participant_rows(desk.db, by=admin_of(desk))} == {
        "Ķēniņa",
        "Žūriņš",
    }

"""Fixtures of the offline tests: the laptop's copy of a module's `shared` desk, made on a
Friday of October 2018, and the laptop's journal beside it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from db.database import Database
from db.offline.local_copy import open_local_copy, refresh_local_copy
from tests.conftest import Desk

TODAY = date(2018, 10, 5)


@pytest.fixture
def copy(shared: Desk, tmp_path: Path) -> Iterator[Database]:
    """The copy of the test module's own `shared` desk, as the laptop keeps it."""
    refresh_local_copy(shared.db, shared.site_id, tmp_path / "copy.sqlite3", TODAY)
    database = open_local_copy(tmp_path / "copy.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"

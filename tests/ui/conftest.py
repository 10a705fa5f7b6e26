"""UI tests: the real window on a real database file, offscreen; fail on Qt warnings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.programs import list_sites
from desktop import operations
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.settings import Settings
from tests.conftest import Desk


@pytest.fixture(autouse=True)
def no_unexpected_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """A bug in an operation fails the test, instead of waiting on a modal error dialog."""
    errors: list[BaseException] = []
    monkeypatch.setattr(
        operations, "_default_failure", lambda error, _details: errors.append(error)
    )
    yield errors
    assert errors == []


@pytest.fixture
def ctx(desk: Desk, tmp_path: Path, qapp: object) -> Iterator[AppContext]:
    """An app context on the small desk of tests/conftest.py, with settings in tmp_path."""
    context = AppContext(desk.db, Settings(str(tmp_path / "settings.ini")), list_sites(desk.db))
    context.set_staff(desk.librarian_id)
    yield context
    Operation.wait_for_all()


def wait_for_operations(qtbot: object) -> None:
    """Let the database worker finish, then deliver its results to the UI thread."""
    Operation.wait_for_all()
    qtbot.wait(20)  # type: ignore[attr-defined]

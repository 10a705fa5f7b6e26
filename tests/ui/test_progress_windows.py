"""Long work shows its count while it runs, and Cancel stops it only where the records stay
whole: the retention erase between batches, a roster import before it commits, an export
before its file is saved."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db import retention
from db.accounts import add_staff
from db.attendance import check_in
from db.audit_actions import AuditAction
from db.backup_folder import list_backups
from db.models import AuditEvent, Participant, Role
from db.people import ParticipantDetails, register_participant
from db.privacy import ERASED_FIRST_NAME
from db.retention import ERASE_BATCH
from desktop.context import AppContext
from desktop.dialogs import import_dialog
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.privacy import RetentionDialog
from desktop.documents import exports as document_exports
from desktop.operations import ProgressWindow, count_text
from desktop.pages.reports import ReportsPage
from desktop.pages.settings_page import SettingsPage
from tests.conftest import Desk
from tests.integration.test_backups import file_of
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def boss(ctx: AppContext, desk: Desk) -> int:
    admin = add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN, site_id=desk.site_id)
    ctx.set_staff(admin)
    return admin


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every count a progress window showed, as it showed it."""
    shown: list[str] = []
    show_count = ProgressWindow.show_count

    def recorded(window: ProgressWindow, done: int, total: int) -> None:
        show_count(window, done, total)
        shown.append(window.count.text())

    monkeypatch.setattr(ProgressWindow, "show_count", recorded)
    return shown


def held_at(use_case: Callable[..., Any], step: int, gate: threading.Event) -> Callable[..., Any]:
    """The use case, its worker waiting at count `step` until the test has pressed Cancel:
    without it the work could be over before the click."""

    def held(*args: Any, progress: Callable[[int, int], bool], **kwargs: Any) -> Any:
        def watched(done: int, total: int) -> bool:
            if done == step:
                assert gate.wait(10)
            return progress(done, total)

        return use_case(*args, progress=watched, **kwargs)

    return held


def erased(desk: Desk) -> int:
    with desk.db.reading() as s:
        query = select(func.count()).where(Participant.first_name == ERASED_FIRST_NAME)
        return s.scalar(query) or 0


def window_of(parent: QWidget) -> ProgressWindow:
    window = parent.findChild(ProgressWindow)
    assert window is not None
    return window


def test_cancel_stops_the_retention_erase_between_batches(
    ctx: AppContext,
    desk: Desk,
    boss: int,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    counts: list[str],
) -> None:
    # 59 children came on 5 October 2018, past five years: batches of 25, 25 and 9.
    check_in(desk.db, desk.session_id, desk.ilze_id)
    for n in range(58):
        child = register_participant(
            desk.db, ParticipantDetails(f"Bērns{n:02}", "Liepiņa", 2010, desk.site_id)
        )
        check_in(desk.db, desk.session_id, child)
    dialog = RetentionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_operations(qtbot)
    assert len(dialog.model.rows) == 59
    gate = threading.Event()
    monkeypatch.setattr(
        retention,
        "erase_past_retention",
        held_at(retention.erase_past_retention, 2 * ERASE_BATCH, gate),
    )

    dialog.erase()
    window = window_of(dialog)
    qtbot.waitUntil(lambda: counts == ["0 / 59", "25 / 59"])
    qtbot.waitUntil(window.isVisible)  # the erase takes long enough to be watched
    assert (window.bar.value(), window.bar.maximum()) == (25, 59)
    assert window.cancel_button is not None and window.cancel_button.isEnabled()
    window.cancel_button.click()
    assert not window.cancel_button.isEnabled()
    assert window.text.text().startswith("Stopping after this batch")
    gate.set()
    wait_for_operations(qtbot)

    # The batch under way when Cancel came was finished; the third never began.
    assert not dialog.findChildren(ProgressWindow)  # closed
    assert erased(desk) == 2 * ERASE_BATCH
    assert counts == ["0 / 59", "25 / 59", "50 / 59"]
    assert dialog.said.text() == "Stopped: 50 children erased, 9 kept."
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 9)
    with desk.db.reading() as s:
        stop = s.scalars(
            select(AuditEvent.description).where(
                AuditEvent.action == AuditAction.RETENTION_ERASE_STOPPED
            )
        ).one()
    assert stop == "Erasure past retention stopped: 50 of 59 children erased, the other 9 kept"


def test_cancel_stops_an_import_before_it_commits(
    ctx: AppContext, desk: Desk, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "saraksts.csv"
    lines = ["Vārds;Uzvārds;Dzimšanas gads"] + [f"Anna{n};Kalniņa;2011" for n in range(6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    wait_for_operations(qtbot)
    assert dialog.import_button.text() == "Import 6 children"
    gate = threading.Event()
    real = import_dialog.import_roster
    monkeypatch.setattr(import_dialog, "import_roster", held_at(real, 3, gate))

    dialog.import_button.click()
    window = window_of(dialog)
    qtbot.waitUntil(lambda: window.count.text() == "2 / 6")
    assert window.cancel_button is not None
    window.cancel_button.click()
    assert window.text.text() == "Stopping: nobody from this roster is registered."
    gate.set()
    wait_for_operations(qtbot)

    assert dialog.summary.text() == ("The import was stopped at row 3 of 6: nobody was registered.")
    with desk.db.reading() as s:
        assert s.scalar(select(func.count()).where(Participant.last_name == "Kalniņa")) == 0
    # The same rows can be imported after all.
    monkeypatch.setattr(import_dialog, "import_roster", real)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    wait_for_operations(qtbot)
    assert dialog.summary.text() == "Imported 6 children."


def test_a_backup_shows_the_kilobytes_copied_without_a_cancel(
    ctx: AppContext,
    desk: Desk,
    boss: int,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    counts: list[str],
) -> None:
    monkeypatch.setattr("db.backups.BACKUP_STEP_PAGES", 4)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    page.backups.back_up_button.click()
    wait_for_operations(qtbot)

    copy = list_backups(file_of(desk.db))[0].path
    assert told == [f"Backed up and checked: {copy}"]
    size_kb = round(copy.stat().st_size / 1024)
    assert len(counts) > 1 and counts[-1] == f"{size_kb} / {size_kb} kB"
    qtbot.waitUntil(lambda: not page.findChildren(ProgressWindow))  # closed, never a Cancel
    assert page.backups.back_up_button.isEnabled()


@pytest.mark.parametrize(
    ("language", "written"),
    [
        # Latvian groups from five digits on (CLDR), Lithuanian from four.
        ("lv", "1200 / 12\u00a0000"),
        ("lt", "1\u00a0200 / 12\u00a0000"),
        ("en", "1,200 / 12,000"),
    ],
)
def test_the_count_is_written_as_the_language_writes_numbers(language: str, written: str) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(language))
        assert count_text(1200, 12000) == written
        assert count_text(1200, 12000, "kB") == f"{written} kB"
    finally:
        QLocale.setDefault(before)


def test_cancel_stops_an_export_and_saves_no_file(
    ctx: AppContext,
    desk: Desk,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    counts: list[str],
) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "apmeklejums.xlsx"
    gate = threading.Event()
    real = document_exports.write_export
    monkeypatch.setattr(document_exports, "write_export", held_at(real, 1, gate))

    page.export.export_to(path)
    window = window_of(page.export)
    qtbot.waitUntil(lambda: counts == ["0 / 1"])
    assert window.cancel_button is not None
    window.cancel_button.click()
    assert window.text.text() == "Stopping: no file is saved."
    gate.set()
    wait_for_operations(qtbot)

    assert page.export.message.text() == "The export was stopped: no file was saved."
    assert list(folder.iterdir()) == []
    monkeypatch.setattr(document_exports, "write_export", real)
    counts.clear()
    page.export.export_to(path)
    wait_for_operations(qtbot)
    assert counts == ["0 / 1", "1 / 1"]
    assert page.export.message.text() == f"Saved 1 rows to {path}."
    assert path.exists()

"""Settings → Merge a laptop's records…: the dry run's lists, a decision per unsure child, then
the merge, off the UI thread, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.accounts import add_staff
from db.models import Attendance, Participant, Role
from desktop import i18n
from desktop.context import AppContext
from desktop.dialogs.merge_dialog import ADD_NEW, MergeDialog
from desktop.pages.settings_page import SettingsPage
from tests.conftest import Desk
from tests.integration.test_merge import Camp, make_camp
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def camp(desk: Desk, tmp_path: Path) -> Camp:
    return make_camp(desk.db, tmp_path, desk)


@pytest.fixture
def admin_ctx(ctx: AppContext, desk: Desk) -> AppContext:
    ctx.set_staff(add_staff(desk.db, "maija", "Maija Bērziņa", Role.ADMIN, site_id=desk.site_id))
    return ctx


def counted(desk: Desk) -> tuple[int, int]:
    with desk.db.reading() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Participant)) or 0),
            int(s.scalar(select(func.count()).select_from(Attendance)) or 0),
        )


def column(dialog: MergeDialog, number: int) -> list[str]:
    table = dialog.child_table
    return [table.item(row, number).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def test_the_dry_run_then_a_decision_then_the_merge(
    admin_ctx: AppContext, desk: Desk, camp: Camp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SettingsPage(admin_ctx)
    qtbot.addWidget(page)
    assert not page.database.merge_button.isHidden()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(camp.path), ""))
    dialog = page.database.merge_laptop()
    before = counted(desk)

    dialog.choose_button.click()
    wait_for_operations(qtbot)

    assert dialog.file_label.text() == "camp-laptop.sqlite3"
    children = column(dialog, MergeDialog.CHILD)
    assert f"#{camp.ilze} Ilze Ķēniņa, 2009" in children and f"#{camp.erik}" in children
    assert "Ēriks Kalns" not in " ".join(children)
    fates = dict(zip(children, column(dialog, MergeDialog.FATE), strict=True))
    assert fates[f"#{camp.peteris} Pēteris Bērziņš, 2011"] == "new"
    assert fates[f"#{camp.marta} Marta Liepa"] == "needs your decision"
    assert fates[f"#{camp.erik}"] == "left out"
    assert "LAP-01 is out in the database in use since" in dialog.others.toPlainText()
    assert "Children that need your decision: 1." in dialog.summary.text()
    assert counted(desk) == before  # the dry run wrote nothing

    choice = dialog.findChild(QComboBox, f"decision{camp.marta}")
    assert choice is not None
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Leave out for now",
        f"The same child as #{camp.marta_shared} Marta Liepa, 2011",
        "Add as a new child",
    ]
    choice.setCurrentIndex(choice.findData(ADD_NEW))
    merged: list[object] = []
    dialog.merged.connect(merged.append)

    dialog.merge_button.click()
    wait_for_operations(qtbot)

    assert len(merged) == 1 and not dialog.merge_button.isEnabled()
    assert counted(desk) == (before[0] + 2, before[1] + 8)  # Pēteris and Marta, their days
    assert dialog.summary.text().startswith("Merged, new:")


def test_a_librarian_sees_no_merge(ctx: AppContext, qtbot: QtBot) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.database.merge_button.isHidden()


def test_a_bad_file_is_said_in_latvian(admin_ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    i18n.install("lv")
    dialog = MergeDialog(admin_ctx)
    qtbot.addWidget(dialog)
    notes = tmp_path / "saraksts.sqlite3"
    notes.write_text("", encoding="utf-8")

    dialog.load(notes)
    wait_for_operations(qtbot)

    assert dialog.summary.text() == (
        "saraksts.sqlite3 nevar apvienot: fails ir tukšs. Nekas netika mainīts."
    )
    assert not dialog.merge_button.isEnabled()

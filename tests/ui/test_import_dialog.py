"""The Import dialog: a roster previewed row by row, then imported, on a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.areas import Area
from db.models import Participant
from db.people import ParticipantDetails, register_participant
from desktop import i18n
from desktop.context import AppContext
from desktop.dialogs.import_dialog import PROBLEM_BACKGROUND, ImportDialog, RosterModel
from desktop.pages.participants import ParticipantsPage
from tests.conftest import Desk
from tests.robustness.test_bad_input import dimension_bomb
from tests.ui.conftest import wait_for_operations

ROSTER = (
    "Vārds;Uzvārds;Dzimšanas gads;Dzimums;Foto piekrišana\n"
    "Žanis;Ūdris;2010;zēns;jā\n"
    "Ilze;Ķēniņa;2009;meitene;\n"  # already registered in tests/conftest.py
    "Līga;Čakste;1850;meitene;\n"
    "Ance;Bērziņa;2011;meitene;nē\n"
)


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    path = tmp_path / "saraksts.csv"
    path.write_bytes(ROSTER.encode("cp1257"))
    return path


@pytest.fixture
def dialog(ctx: AppContext, qtbot: QtBot) -> ImportDialog:
    window = ImportDialog(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def names(desk: Desk) -> list[str]:
    with desk.db.reading() as s:
        return [f"{p.first_name} {p.last_name}" for p in s.scalars(select(Participant))]


def cell(window: ImportDialog, row: int, column: int, role: int = 0) -> object:
    model = window.model
    return model.data(model.index(row, column), Qt.ItemDataRole(role))


def test_previews_every_row_and_imports_the_valid_ones(
    dialog: ImportDialog, ctx: AppContext, desk: Desk, roster_file: Path, qtbot: QtBot
) -> None:
    dialog.load(roster_file)
    wait_for_operations(qtbot)
    assert dialog.file_label.text() == "saraksts.csv"
    assert [cell(dialog, r, RosterModel.ROW) for r in range(4)] == ["2", "3", "4", "5"]
    assert cell(dialog, 0, RosterModel.FIRST_NAME) == "Žanis"  # Windows-1257 read right
    assert cell(dialog, 0, RosterModel.PHOTOS) == "✓"
    assert cell(dialog, 0, RosterModel.PROBLEMS) == ""
    assert cell(dialog, 1, RosterModel.PROBLEMS) == "Already registered: Ilze Ķēniņa, 2009."
    assert cell(dialog, 2, RosterModel.PROBLEMS) == (
        f"Birth year 1850 is impossible: it must be between 1900 and {date.today().year}."
    )
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(dialog, 0, RosterModel.FIRST_NAME, background) is None
    for problem_row in (1, 2):
        brush = cell(dialog, problem_row, RosterModel.LAST_NAME, background)
        assert brush.color() == PROBLEM_BACKGROUND  # type: ignore[attr-defined]
    assert dialog.summary.text() == "Rows: 4, ready to import: 2, with problems: 2."
    assert dialog.import_button.text() == "Import 2 children"
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(ctx.changed) as told:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        wait_for_operations(qtbot)
    assert told.args == [frozenset({Area.PARTICIPANTS, Area.AUDIT}), dialog]
    assert dialog.summary.text() == "Imported 2 children."
    assert not dialog.import_button.isEnabled()
    assert names(desk) == ["Ilze Ķēniņa", "Jānis Žūriņš", "Žanis Ūdris", "Ance Bērziņa"]


def test_an_unreadable_file_is_said_in_plain_words(
    dialog: ImportDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "vecs.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog.load(path)
    wait_for_operations(qtbot)
    assert "old Excel files (XLS) cannot be read" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.model.rowCount() == 0


def test_a_refused_import_stores_nothing_and_says_why(
    dialog: ImportDialog, desk: Desk, roster_file: Path, qtbot: QtBot
) -> None:
    dialog.load(roster_file)
    wait_for_operations(qtbot)
    # Another laptop registers Ance between the preview and the click.
    register_participant(desk.db, ParticipantDetails("Ance", "Bērziņa", 2011, desk.site_id))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert dialog.summary.text() == (
        "Nothing was imported: row 5 was refused: "
        "the child is already registered; check the file again."
    )
    assert "Žanis Ūdris" not in names(desk)
    assert dialog.choose_button.isEnabled()


def test_the_participants_page_opens_the_dialog_and_shows_the_new_children(
    ctx: AppContext,
    qtbot: QtBot,
    roster_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = ParticipantsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.import_button.isVisible()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    window = page.findChild(ImportDialog)
    assert window is not None and window.isVisible()
    # The file dialog answers with the roster instead of waiting for a person.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(roster_file), ""))
    )
    qtbot.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    assert window.import_button.text() == "Import 2 children"
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)
    shown = [row.full_name for row in page.model.rows]
    assert "Žanis Ūdris" in shown and "Ance Bērziņa" in shown
    window.close()


def test_a_hostile_file_after_a_good_one_leaves_nothing_to_import(
    dialog: ImportDialog, desk: Desk, roster_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    dialog.load(roster_file)
    wait_for_operations(qtbot)
    assert dialog.model.rowCount() == 4 and dialog.import_button.isEnabled()
    bomb = dimension_bomb(tmp_path / "bumba\x1b[2J.xlsx")
    for path, sentence in (
        (bomb, "its sheet goes on past row 10,010, too far for a roster."),
        (Path("/dev/zero"), "it is not an ordinary file but a folder, a device or a pipe."),
    ):
        dialog.load(path)
        wait_for_operations(qtbot)
        name = path.name.replace("\x1b", "\\x1b")
        assert dialog.file_label.text() == name
        assert dialog.summary.text() == f"The file {name} cannot be read: {sentence}"
        assert dialog.model.rowCount() == 0 and dialog.preview is None
        assert not dialog.import_button.isEnabled()
        assert dialog.import_button.text() == "Import"
    assert names(desk) == ["Ilze Ķēniņa", "Jānis Žūriņš"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("lv", "Failu zero nevar nolasīt: tas nav parasts fails, bet mape, ierīce vai kanāls."),
        (
            "lt",
            "Failo zero nepavyksta perskaityti: "
            "tai ne įprastas failas, o aplankas, įrenginys arba kanalas.",
        ),
    ],
)
def test_the_refusal_is_in_the_librarians_language(
    ctx: AppContext, qtbot: QtBot, language: str, sentence: str
) -> None:
    i18n.install(language)
    try:
        window = ImportDialog(ctx)
        qtbot.addWidget(window)
        window.load("/dev/zero")
        wait_for_operations(qtbot)
        assert window.summary.text() == sentence
    finally:
        i18n.install("en")

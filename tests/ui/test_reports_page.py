"""The Reports page and the print buttons: each builds the real document and previews it."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import dates
from db.attendance import check_in
from desktop.context import AppContext
from desktop.dialogs.pdf_preview import PdfPreview
from desktop.main_window import MainWindow
from desktop.month_field import MonthField, parse_month
from desktop.pages.reports import ReportsPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


def shown_pdf(qtbot: QtBot) -> str:
    """The text of the document the preview dialog shows (waiting for it to be built)."""
    wait_for_operations(qtbot)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview))
    reader = pypdf.PdfReader(io.BytesIO(preview.pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert preview.document.pageCount() == len(reader.pages)
    preview.close()
    return text


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot, desk: Desk) -> ReportsPage:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    reports = ReportsPage(ctx)
    qtbot.addWidget(reports)
    reports.show()
    wait_for_operations(qtbot)
    return reports


def test_monthly_attendance_preview(page: ReportsPage, qtbot: QtBot) -> None:
    page.monthly.month.set_month(2018, 10)
    page.monthly.run()
    text = shown_pdf(qtbot)
    assert "2018. gada oktobris" in text and "Ķēniņa" in text


def test_a_typed_month_is_the_month_of_the_report(page: ReportsPage, qtbot: QtBot) -> None:
    field = page.monthly.month
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "10.2018")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    text = shown_pdf(qtbot)
    assert "2018. gada oktobris" in text and "novembris" not in text


def test_up_and_down_step_a_month_and_a_garbled_month_is_refused(
    page: ReportsPage, qtbot: QtBot
) -> None:
    field = page.monthly.month
    field.set_month(2018, 12)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.month() == (2019, 1)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "11.2018"
    field.setText("13.2018")
    page.monthly.run()
    assert field.month() is None
    assert "10.2018" in page.monthly.message.text()
    assert not any(isinstance(w, PdfPreview) for w in QApplication.topLevelWidgets())


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("10.2018", (2018, 10)),
        ("1.2019", (2019, 1)),
        ("10/2018", (2018, 10)),
        ("2018-10", (2018, 10)),
        (" 09 2019 ", (2019, 9)),
        ("13.2018", None),
        ("10.18", None),
        ("oktobris", None),
        ("", None),
    ],
)
def test_months_as_librarians_type_them(typed: str, month: tuple[int, int] | None) -> None:
    assert parse_month(typed) == month


@pytest.mark.parametrize(
    ("language", "shown", "next_month"),
    [
        ("lv", "11.2019", "12.2019"),
        ("lt", "2019-11", "2019-12"),
    ],
)
def test_a_month_is_shown_as_the_screens_dates_are(
    qtbot: QtBot, language: str, shown: str, next_month: str
) -> None:
    before = dates.current_language()
    dates.use_language(language)
    try:
        field = MonthField(2019, 11)
        qtbot.addWidget(field)
        assert field.text() == shown and field.month() == (2019, 11)
        qtbot.keyClick(field, Qt.Key.Key_Up)
        assert field.text() == next_month
    finally:
        dates.use_language(before)


def test_signin_sheet_of_the_chosen_day(page: ReportsPage, qtbot: QtBot) -> None:
    page.signin.day.setDate(QDate(2018, 10, 5))
    wait_for_operations(qtbot)
    assert page.signin.session.count() == 1
    page.signin.run()
    text = shown_pdf(qtbot)
    assert "Ilze" in text and "Iespējas dzīvojot laukos" in text


def test_labels_of_the_ticked_items(page: ReportsPage, qtbot: QtBot) -> None:
    page.prepare("labels", ["LAP-01"])
    wait_for_operations(qtbot)
    assert page.stack.currentWidget() is page.labels
    assert page.labels.items.ticked() == ["LAP-01"]
    page.labels.run()
    text = shown_pdf(qtbot)
    assert "LAP-01" in text and "XBOX-01" not in text


def test_member_cards_show_first_name_and_initial_only(
    page: ReportsPage, qtbot: QtBot, desk: Desk
) -> None:
    page.prepare("cards", [desk.ilze_id])
    wait_for_operations(qtbot)
    page.cards.run()
    text = shown_pdf(qtbot)
    assert "Ilze Ķ." in text and "Ķēniņa" not in text


def test_nothing_ticked_is_said(page: ReportsPage) -> None:
    page.labels.items.tick_all(False)
    page.labels.run()
    assert "at least one" in page.labels.message.text()


def test_export_writes_the_file(page: ReportsPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.export.first.setDate(QDate(2018, 10, 1))
    page.export.last.setDate(QDate(2018, 10, 31))
    page.export.export_to(tmp_path / "apmeklejums.csv")
    wait_for_operations(qtbot)
    assert page.export.message.text().startswith("Saved 1 rows to ")
    raw = (tmp_path / "apmeklejums.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Ķēniņa".encode() in raw


def test_print_buttons_lead_to_the_documents(ctx: AppContext, qtbot: QtBot, desk: Desk) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page(3)
    wait_for_operations(qtbot)
    window.equipment.print_labels()
    assert window.stack.currentWidget() is window.reports
    assert window.reports.stack.currentWidget() is window.reports.labels
    window.desk.session_id = desk.session_id
    window.desk.print_signin_sheet()
    assert "Iespējas dzīvojot laukos" in shown_pdf(qtbot)


def test_a_rokiskis_laptop_prints_its_childrens_cards_in_lithuanian(
    desk: Desk, qtbot: QtBot, tmp_path: Path, qapp: object
) -> None:
    from db.people import ParticipantDetails, register_participant
    from db.programs import add_site, list_sites
    from desktop.settings import SITE, Settings

    library = "Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka"
    rokiskis = add_site(desk.db, "Rokiškis", "LT", library)
    ona = register_participant(desk.db, ParticipantDetails("Ona", "Jankutė", 2009, rokiskis))
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.set(SITE, "Rokiškis")
    ctx = AppContext(desk.db, settings, list_sites(desk.db))
    reports = ReportsPage(ctx)
    qtbot.addWidget(reports)
    reports.prepare("cards", [ona])
    wait_for_operations(qtbot)
    assert reports.cards.child_list.ticked() == [ona]
    reports.cards.run()
    text = " ".join(shown_pdf(qtbot).split())
    assert "Dalyvio kortelė" in text and library in text and "Dalībnieka" not in text
    # A language chosen for the run holds for every card (the first preview gone first).
    for shown in QApplication.topLevelWidgets():
        if isinstance(shown, PdfPreview):
            shown.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    reports.cards.language.setCurrentIndex(reports.cards.language.findData("en"))
    reports.cards.run()
    assert "Member card" in shown_pdf(qtbot)

"""The Participants page: search, edit, consents, archive, enrolment, new child; on the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.areas import Area
from db.dates import day_text as date_text
from db.equipment import set_item_status
from db.models import (
    AuditEvent,
    Consent,
    ConsentPurpose,
    Enrollment,
    ItemStatus,
    Participant,
    ProgramKind,
)
from db.participant_records import list_participants
from db.people import ParticipantDetails, register_participant
from db.programs import add_site, create_program, list_sites
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.pages.participants import ParticipantsModel, ParticipantsPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def page(participants_page: ParticipantsPage) -> ParticipantsPage:
    return participants_page


def click(qtbot: QtBot, page: ParticipantsPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot)


def choose(qtbot: QtBot, page: ParticipantsPage, participant_id: int) -> None:
    row = page.model.row_of(participant_id)
    assert row >= 0
    page.table.selectRow(row)
    assert page.form.participant_id == participant_id
    # Read on the worker: nothing can be saved until the child is shown.
    assert not page.form.save_button.isEnabled()
    wait_for_operations(qtbot)
    assert page.form.record is not None and page.form.record.id == participant_id
    assert page.form.save_button.isEnabled()


def shown(page: ParticipantsPage) -> list[str]:
    return [row.full_name for row in page.model.rows]


def participant(desk: Desk, participant_id: int) -> Participant:
    with desk.db.reading() as s:
        row = s.get(Participant, participant_id)
        assert row is not None
        return row


def count(desk: Desk, model: type) -> int:
    with desk.db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_empty_search_lists_the_sites_children_in_latvian_order(page: ParticipantsPage) -> None:
    assert shown(page) == ["Ilze Ķēniņa", "Jānis Žūriņš"]
    assert page.count.text().endswith("2")


def test_search_without_diacritics_finds_the_child(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    def search(typed: str) -> None:
        page.search.setText(typed)
        wait_for_operations(qtbot)

    search("kenin")
    assert shown(page) == ["Ilze Ķēniņa"]
    search("ilze kenina")
    assert [row.id for row in page.model.rows] == [desk.ilze_id]
    # A full surname finds the family: "kenins" is Ķēniņš and his sister Ķēniņa.
    register_participant(desk.db, ParticipantDetails("Kārlis", "Ķēniņš", 2008, desk.site_id))
    search("kenins")
    assert shown(page) == ["Ilze Ķēniņa", "Kārlis Ķēniņš"]
    search("zurin")
    assert [row.id for row in page.model.rows] == [desk.janis_id]
    search("nobody")
    assert shown(page) == []
    assert page.count.text().endswith("0")


def test_search_enter_opens_the_first_child(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    page.search.setText("kenin")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # before the list for "kenin" arrived
    wait_for_operations(qtbot)
    assert page.form.participant_id == desk.ilze_id
    wait_for_operations(qtbot)  # the child is read on the worker
    assert page.form.first_name.text() == "Ilze"


def test_editing_a_name_saves_the_row_and_an_audit_event(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(qtbot, page, desk.ilze_id)
    page.form.last_name.setText("Ķēniņa-Ozola")
    page.form.guardian_phone.setText("+371 20000000")
    click(qtbot, page, "saveButton")

    saved = participant(desk, desk.ilze_id)
    assert saved.last_name == "Ķēniņa-Ozola"
    assert saved.search_name == "ilze kenina-ozola"
    assert saved.guardian_phone == "+371 20000000"
    with desk.db.reading() as s:
        event = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "participant.edited", AuditEvent.entity_id == desk.ilze_id
            )
        ).one()
    assert event.staff_id == desk.librarian_id
    assert event.changes is not None
    assert event.changes["last_name"] == ["Ķēniņa", "Ķēniņa-Ozola"]
    assert "Ilze Ķēniņa-Ozola" in shown(page)
    assert page.form.header.title.text() == "Ilze Ķēniņa-Ozola"
    assert page.form.message.text() == "Saved."
    assert not page.form.dirty


def test_a_refused_edit_is_shown_and_changes_nothing(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(qtbot, page, desk.ilze_id)
    page.form.first_name.setText("   ")
    click(qtbot, page, "saveButton")
    assert page.form.message.isVisible()
    assert page.form.message.text() == "First name and last name are both needed."
    assert participant(desk, desk.ilze_id).first_name == "Ilze"


def test_giving_photo_consent_clears_the_no_photos_mark(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    row = page.model.row_of(desk.ilze_id)
    photos = page.model.index(row, ParticipantsModel.PHOTOS)
    assert "no photos" in page.model.data(photos)
    choose(qtbot, page, desk.ilze_id)
    status = page.form.consents.rows[ConsentPurpose.PHOTO].status
    assert "no photos" in status.text()

    page.form.consents.given_by.setText("Inese Ķēniņa")
    page.form.consents.day.setDate(QDate(2018, 9, 14))
    click(qtbot, page, "giveConsent_photo")

    with desk.db.reading() as s:
        consent = s.scalars(select(Consent).where(Consent.participant_id == desk.ilze_id)).one()
    assert consent.purpose is ConsentPurpose.PHOTO
    assert consent.given_by == "Inese Ķēniņa"
    assert consent.given_on == date(2018, 9, 14)
    assert consent.withdrawn_on is None
    row = page.model.row_of(desk.ilze_id)
    assert page.model.rows[row].no_photos is False
    assert page.model.data(page.model.index(row, ParticipantsModel.PHOTOS)) == "✓"
    assert "Inese Ķēniņa" in status.text()
    assert page.form.consents.rows[ConsentPurpose.PHOTO].withdraw.isVisible()

    page.form.consents.day.setDate(QDate(2019, 3, 1))
    click(qtbot, page, "withdrawConsent_photo")
    with desk.db.reading() as s:
        withdrawn = s.get(Consent, consent.id)
        assert withdrawn is not None and withdrawn.withdrawn_on == date(2019, 3, 1)
    assert page.model.rows[page.model.row_of(desk.ilze_id)].no_photos is True
    assert "no photos" in status.text()


def test_a_consent_needs_the_name_of_who_gave_it(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(qtbot, page, desk.ilze_id)
    page.form.consents.given_by.setText("  ")
    click(qtbot, page, "giveConsent_video")
    assert page.form.message.text() == "Write who gave the consent."
    assert count(desk, Consent) == 0


def test_archiving_hides_the_child_unless_archived_are_shown(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    choose(qtbot, page, desk.ilze_id)
    click(qtbot, page, "archiveButton")
    assert participant(desk, desk.ilze_id).archived is True
    assert shown(page) == ["Jānis Žūriņš"]
    assert page.form.header.archived_badge.isVisible()
    assert page.form.header.archive_button.text() == "Restore"

    page.show_archived.setChecked(True)
    wait_for_operations(qtbot)
    assert shown(page) == ["Ilze Ķēniņa", "Jānis Žūriņš"]
    assert page.table.currentIndex().row() == page.model.row_of(desk.ilze_id)

    click(qtbot, page, "archiveButton")
    assert participant(desk, desk.ilze_id).archived is False
    page.show_archived.setChecked(False)
    wait_for_operations(qtbot)
    assert shown(page) == ["Ilze Ķēniņa", "Jānis Žūriņš"]


def test_enrolling_in_a_closed_cycle_adds_an_enrollment(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    cycle = create_program(desk.db, "Apmācību cikls", ProgramKind.CLOSED, desk.site_id)
    page = ParticipantsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_for_operations(qtbot)
    choose(qtbot, page, desk.janis_id)
    programs = page.form.enrolments.program
    # The open Friday sessions take no enrolment, so only the cycle is offered.
    assert [programs.itemText(i) for i in range(programs.count())] == ["Apmācību cikls"]
    page.form.enrolments.day.setDate(QDate(2018, 10, 1))
    click(qtbot, page, "enrolButton")

    with desk.db.reading() as s:
        enrolment = s.scalars(select(Enrollment)).one()
    assert (enrolment.program_id, enrolment.participant_id) == (cycle, desk.janis_id)
    assert enrolment.joined_on == date(2018, 10, 1)
    assert page.form.enrolments.enrolment_list.count() == 1
    assert "Apmācību cikls" in page.form.enrolments.enrolment_list.item(0).text()
    assert date_text(date(2018, 10, 1)) in page.form.enrolments.enrolment_list.item(0).text()
    assert not page.form.enrolments.enrol_row.isVisible()  # nothing left to enrol in


def test_a_new_child_with_a_known_name_and_year_is_pointed_out(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    click(qtbot, page, "newParticipant")
    form = page.form
    assert form.is_new and form.header.title.text() == "New participant"
    form.first_name.setText("ilze")
    form.last_name.setText("Kenina")  # typed without diacritics: still the same child
    form.birth_year.setValue(2009)
    click(qtbot, page, "saveButton")

    assert count(desk, Participant) == 2  # not saved: the duplicate is pointed out first
    assert form.duplicates.warning.isVisible()
    assert "Ilze Ķēniņa" in form.duplicates.warning.text()
    assert [p.id for p in form.duplicates.found] == [desk.ilze_id]
    assert form.save_button.text() == "Register anyway"

    click(qtbot, page, "saveButton")
    assert count(desk, Participant) == 3
    new_id = form.participant_id
    assert new_id is not None and new_id != desk.ilze_id
    assert not form.is_new
    assert participant(desk, new_id).card_code


def test_the_pointed_out_duplicate_can_be_opened(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    click(qtbot, page, "newParticipant")
    page.form.first_name.setText("Jānis")
    page.form.last_name.setText("Žūriņš")
    page.form.birth_year.setValue(2010)
    page.form.check_duplicates()
    wait_for_operations(qtbot)  # looked for on the worker
    assert [p.id for p in page.form.duplicates.found] == [desk.janis_id]
    assert page.form.duplicates.warning.isVisible()
    click(qtbot, page, "openDuplicate")
    assert page.form.participant_id == desk.janis_id
    assert page.table.currentIndex().row() == page.model.row_of(desk.janis_id)
    assert count(desk, Participant) == 2


def test_a_child_read_after_new_was_pressed_does_not_replace_the_blank_form(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    page.table.selectRow(page.model.row_of(desk.ilze_id))  # read on the worker…
    page.new_participant()  # …while the librarian already starts a new child
    page.form.first_name.setText("Marta")
    wait_for_operations(qtbot)
    assert page.form.is_new and page.form.record is None
    assert page.form.header.title.text() == "New participant"
    assert page.form.first_name.text() == "Marta"
    assert page.form.save_button.isEnabled()


def test_a_new_child_is_registered_and_shown(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    click(qtbot, page, "newParticipant")
    form = page.form
    form.first_name.setText("Marta")
    form.last_name.setText("Bērziņa")
    form.birth_year.setValue(2011)
    form.gender.setCurrentIndex(form.gender.findData("girl"))
    form.guardian_name.setText("Inga Bērziņa")
    assert not form.target_group.isVisible()  # an administrator's mark
    click(qtbot, page, "saveButton")

    with desk.db.reading() as s:
        marta = s.scalars(select(Participant).where(Participant.first_name == "Marta")).one()
        registered = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "participant.registered")
        ).all()
    assert (marta.last_name, marta.birth_year, marta.guardian_name) == (
        "Bērziņa",
        2011,
        "Inga Bērziņa",
    )
    assert marta.target_group is False and marta.gender is not None
    assert registered[-1].entity_id == marta.id and registered[-1].staff_id == desk.librarian_id
    assert shown(page) == ["Marta Bērziņa", "Ilze Ķēniņa", "Jānis Žūriņš"]
    assert page.table.currentIndex().row() == 0
    assert form.participant_id == marta.id
    assert marta.card_code and marta.card_code in form.header.subtitle.text()
    assert form.consents.given_by.text() == "Inga Bērziņa"  # consents can follow at once
    assert page.table.isColumnHidden(ParticipantsModel.TARGET_GROUP)


def test_the_list_reloads_when_another_page_registers_a_child(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    details = ParticipantDetails("Anna", "Ābele", 2012, desk.site_id)
    with qtbot.waitSignal(page.ctx.changed) as told:
        Operation(None, lambda: register_participant(desk.db, details)).run()
    assert told.args[0] >= {Area.PARTICIPANTS} and told.args[1] is None
    wait_for_operations(qtbot)
    assert shown(page)[0] == "Anna Ābele"


def test_the_list_stays_as_it_is_for_a_change_it_does_not_show(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    register_participant(desk.db, ParticipantDetails("Anna", "Ābele", 2012, desk.site_id))
    with qtbot.waitSignal(page.ctx.changed) as told:
        Operation(None, lambda: set_item_status(desk.db, "LAP-01", ItemStatus.RETIRED)).run()
    assert Area.PARTICIPANTS not in told.args[0]
    wait_for_operations(qtbot)
    assert "Anna Ābele" not in shown(page)


def test_unsaved_edits_are_kept_unless_discarded(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, page, desk.ilze_id)
    qtbot.keyClicks(page.form.notes, "likes robots")  # a real edit marks the form
    assert page.form.dirty
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))

    page.table.selectRow(page.model.row_of(desk.janis_id))
    assert page.form.participant_id == desk.ilze_id  # kept
    assert page.form.notes.toPlainText() == "likes robots"
    assert page.table.currentIndex().row() == page.model.row_of(desk.ilze_id)

    page.table.selectRow(page.model.row_of(desk.janis_id))
    assert page.form.participant_id == desk.janis_id
    assert participant(desk, desk.ilze_id).notes == ""


def test_the_site_filter_shows_other_sites_with_their_name(
    ctx: AppContext, desk: Desk, qtbot: QtBot
) -> None:
    ludza = add_site(desk.db, "Ludza", "LV")
    register_participant(desk.db, ParticipantDetails("Ieva", "Čakste", 2010, ludza))
    ctx.sites = list_sites(desk.db)
    page = ParticipantsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_for_operations(qtbot)
    assert shown(page) == ["Ilze Ķēniņa", "Jānis Žūriņš"]
    assert page.table.isColumnHidden(ParticipantsModel.SITE)

    page.site_filter.setCurrentIndex(page.site_filter.findData(None))
    wait_for_operations(qtbot)
    assert shown(page) == ["Ieva Čakste", "Ilze Ķēniņa", "Jānis Žūriņš"]
    assert not page.table.isColumnHidden(ParticipantsModel.SITE)
    assert page.model.data(page.model.index(0, ParticipantsModel.SITE)) == "Ludza"


def test_list_participants_uses_the_desk_search(desk: Desk) -> None:
    rows = list_participants(desk.db, desk.site_id, typed="ja zu", by=None)
    assert [(r.full_name, r.site_name, r.no_photos) for r in rows] == [
        ("Jānis Žūriņš", "Jēkabpils", True)
    ]

"""An administrator's privacy screens: a child's access request and erasure on the
Participants page, the retention rule and the children past it in Settings."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.accounts import add_staff
from db.attendance import check_in
from db.models import Attendance, AuditEvent, Participant, Role
from db.privacy import ERASED_FIRST_NAME
from db.retention import RetentionRule, RetentionStart, retention_rule
from desktop.context import AppContext
from desktop.dialogs.privacy import RetentionDialog
from desktop.pages.participants import ParticipantsPage
from desktop.pages.settings_page import SettingsPage
from tests.conftest import Desk
from tests.ui.conftest import wait_for_operations


@pytest.fixture
def boss(desk: Desk) -> int:
    return add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN, site_id=desk.site_id)


@pytest.fixture
def page(participants_page: ParticipantsPage) -> ParticipantsPage:
    return participants_page


def open_child(qtbot: QtBot, page: ParticipantsPage, participant_id: int) -> None:
    page.table.selectRow(page.model.row_of(participant_id))
    assert page.form.participant_id == participant_id
    wait_for_operations(qtbot)  # the child is read on the worker
    assert page.form.record is not None and page.form.record.id == participant_id


def answer_with(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    """Make the next QMessageBox.exec() press the button with this text; what it asked."""
    asked: list[str] = []

    def press(box: QMessageBox) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press)
    return asked


def test_a_librarian_sees_no_privacy_actions(
    page: ParticipantsPage, desk: Desk, qtbot: QtBot
) -> None:
    open_child(qtbot, page, desk.ilze_id)
    assert not page.form.header.privacy_button.isVisible()


def test_an_admin_erases_a_child_after_confirming(
    page: ParticipantsPage,
    ctx: AppContext,
    desk: Desk,
    boss: int,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    ctx.set_staff(boss)
    open_child(qtbot, page, desk.ilze_id)
    assert page.form.header.privacy_button.isVisible()

    asked = answer_with(monkeypatch, "Cancel")
    page.form.header.erase_action.trigger()
    wait_for_operations(qtbot)
    assert "Ilze Ķēniņa" in asked[0] and "cannot be undone" in asked[0]
    with desk.db.reading() as s:
        kept = s.get(Participant, desk.ilze_id)
        assert kept is not None and kept.first_name == "Ilze"

    answer_with(monkeypatch, "Erase")
    page.form.header.erase_action.trigger()
    wait_for_operations(qtbot)
    with desk.db.reading() as s:
        erased = s.get(Participant, desk.ilze_id)
        assert erased is not None and erased.first_name == ERASED_FIRST_NAME
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1  # stays, anonymous
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "participant.erased"))
        assert event.one().staff_id == boss
    # The form shows what stayed, says so, and offers no second erasure.
    assert page.form.header.title.text() == f"{ERASED_FIRST_NAME} #{desk.ilze_id}"
    assert "Erased" in page.form.message.text()
    assert not page.form.header.erase_action.isEnabled()
    assert "Ilze Ķēniņa" not in [row.full_name for row in page.model.rows]


@pytest.mark.parametrize("suffix", [".pdf", ".json"])
def test_an_admin_saves_everything_stored_about_a_child(
    page: ParticipantsPage,
    ctx: AppContext,
    desk: Desk,
    boss: int,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    ctx.set_staff(boss)
    open_child(qtbot, page, desk.ilze_id)
    out = tmp_path / f"ilze{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    page.form.header.access_action.trigger()
    wait_for_operations(qtbot)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert str(out) in told[0]
    assert out.stat().st_mode & 0o777 == 0o600
    if suffix == ".json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["participant"]["last_name"] == "Ķēniņa"
        assert [a["date"] for a in data["attendance"]] == ["2018-10-05"]
    else:
        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
        assert "Ķēniņa" in text and "05.10.2018" in text
    with desk.db.reading() as s:
        exported = s.scalars(select(AuditEvent).where(AuditEvent.action == "participant.exported"))
        assert exported.one().staff_id == boss


def settings_page(ctx: AppContext, qtbot: QtBot) -> SettingsPage:
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.resize(900, 700)
    settings.show()
    wait_for_operations(qtbot)
    return settings


def test_only_an_admin_sets_the_retention_rule(
    ctx: AppContext, desk: Desk, boss: int, qtbot: QtBot
) -> None:
    settings = settings_page(ctx, qtbot)
    group = settings.privacy
    assert not group.years.isEnabled() and group.admin_only_note.isVisible()
    assert not group.past_button.isVisible()
    # No empty row where an administrator's buttons would be: the note follows the rule.
    rule_bottom = group.years.geometry().bottom()
    gap = group.admin_only_note.geometry().top() - rule_bottom
    assert gap <= 2 * group.form.verticalSpacing() + 4, gap

    ctx.set_staff(boss)
    assert group.years.isEnabled() and not group.admin_only_note.isVisible()
    assert not group.save_button.isVisible()  # nothing changed yet
    group.years.setValue(7)
    group.start.setCurrentIndex(group.start.findData(RetentionStart.PROJECT_END.value))
    assert group.save_button.isVisible()
    group.save_button.click()
    wait_for_operations(qtbot)
    assert retention_rule(desk.db) == RetentionRule(7, RetentionStart.PROJECT_END)
    assert not group.save_button.isVisible() and group.said.text()


def test_the_children_past_retention_are_listed_and_erased_after_confirming(
    ctx: AppContext,
    desk: Desk,
    boss: int,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ilze came in October 2018, more than five years ago; Jānis was registered today.
    check_in(desk.db, desk.session_id, desk.ilze_id)
    ctx.set_staff(boss)
    settings = settings_page(ctx, qtbot)
    dialog = settings.privacy.show_past_retention()
    qtbot.waitUntil(dialog.isVisible)
    wait_for_operations(qtbot)
    assert isinstance(dialog, RetentionDialog)
    assert [row.participant_id for row in dialog.model.rows] == [desk.ilze_id]
    assert "5 years after the last attendance" in dialog.summary.text()
    assert dialog.model.data(dialog.model.index(0, 0)) == "Ilze Ķēniņa"
    assert dialog.model.data(dialog.model.index(0, 1)) == "05.10.2018"
    assert dialog.erase_button.isEnabled() and "1" in dialog.erase_button.text()

    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: QMessageBox.StandardButton.Cancel)
    dialog.erase_button.click()
    wait_for_operations(qtbot)
    assert len(dialog.model.rows) == 1

    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: QMessageBox.StandardButton.Yes)
    dialog.erase_button.click()
    wait_for_operations(qtbot)
    assert dialog.model.rows == [] and not dialog.erase_button.isEnabled()
    assert dialog.said.text() == "Erased: 1 children."
    with desk.db.reading() as s:
        names = set(s.scalars(select(Participant.first_name)))
    assert names == {ERASED_FIRST_NAME, "Jānis"}


def test_the_target_group_mark_is_shown_to_an_admin_only(
    page: ParticipantsPage, ctx: AppContext, desk: Desk, boss: int, qtbot: QtBot
) -> None:
    from desktop.pages.participants import ParticipantsModel

    open_child(qtbot, page, desk.ilze_id)
    assert page.table.isColumnHidden(ParticipantsModel.TARGET_GROUP)
    assert not page.form.target_group.isVisible()
    ctx.set_staff(boss)
    wait_for_operations(qtbot)  # the child read again as the administrator reads them
    assert not page.table.isColumnHidden(ParticipantsModel.TARGET_GROUP)
    assert page.form.target_group.isVisible()


def test_the_form_reads_the_mark_again_for_whoever_signs_in(
    page: ParticipantsPage, ctx: AppContext, desk: Desk, boss: int, qtbot: QtBot
) -> None:
    from db.participant_records import participant_record
    from db.people import edit_participant

    marked = replace(participant_record(desk.db, desk.ilze_id, by=boss).details, target_group=True)
    edit_participant(desk.db, desk.ilze_id, marked, by=boss)
    page.reload()
    open_child(qtbot, page, desk.ilze_id)
    # Read for the librarian: the mark is not in the form, the list or its row at all.
    assert page.form.record is not None and page.form.record.details.target_group is None
    assert {row.target_group for row in page.model.rows} == {None}

    ctx.set_staff(boss)  # the coordinator takes over the laptop
    wait_for_operations(qtbot)
    assert page.form.record.details.target_group is True
    assert page.form.target_group.isVisible() and page.form.target_group.isChecked()
    assert {row.last_name: row.target_group for row in page.model.rows}["Ķēniņa"] is True
    page.form.last_name.setText("Ķēniņa-Ozola")
    page.form.save()
    wait_for_operations(qtbot)
    saved = participant_record(desk.db, desk.ilze_id, by=boss).details
    assert (saved.last_name, saved.target_group) == ("Ķēniņa-Ozola", True)


def test_edits_begun_by_a_librarian_keep_the_mark_they_never_read(
    page: ParticipantsPage, ctx: AppContext, desk: Desk, boss: int, qtbot: QtBot
) -> None:
    from db.participant_records import participant_record
    from db.people import edit_participant

    marked = replace(participant_record(desk.db, desk.ilze_id, by=boss).details, target_group=True)
    edit_participant(desk.db, desk.ilze_id, marked, by=boss)
    page.reload()
    open_child(qtbot, page, desk.ilze_id)
    page.form.notes.setPlainText("Nāk kopā ar brāli.")  # unsaved when the coordinator signs in
    ctx.set_staff(boss)
    wait_for_operations(qtbot)
    assert page.form.dirty and not page.form.target_group.isVisible()
    page.form.save()
    wait_for_operations(qtbot)
    saved = participant_record(desk.db, desk.ilze_id, by=boss).details
    assert (saved.notes, saved.target_group) == ("Nāk kopā ar brāli.", True)


def test_a_librarian_cannot_set_the_target_group_mark(desk: Desk, boss: int) -> None:
    from db.accounts import AdminOnly
    from db.people import ParticipantDetails, edit_participant, register_participant

    marked = ParticipantDetails("Marta", "Bērziņa", 2011, desk.site_id, target_group=True)
    with pytest.raises(AdminOnly):
        register_participant(desk.db, marked, by=desk.librarian_id)
    ilze = ParticipantDetails("Ilze", "Ķēniņa", 2009, desk.site_id, target_group=True)
    with pytest.raises(AdminOnly):
        edit_participant(desk.db, desk.ilze_id, ilze, by=desk.librarian_id)
    edit_participant(desk.db, desk.ilze_id, ilze, by=boss)
    # A librarian's edit of other fields keeps the mark as it is.
    renamed = ParticipantDetails("Ilze", "Ķēniņa-Ozola", 2009, desk.site_id, target_group=True)
    edit_participant(desk.db, desk.ilze_id, renamed, by=desk.librarian_id)
    with desk.db.reading() as s:
        row = s.get(Participant, desk.ilze_id)
        assert row is not None and row.target_group and row.last_name == "Ķēniņa-Ozola"
        assert s.scalar(select(func.count()).select_from(Participant)) == 2

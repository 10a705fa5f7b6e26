"""The audit log read query: admins only, newest first, filtered by kind, account, words, dates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.accounts import AdminOnly, add_staff, disable_staff, may_administer
from db.attendance import check_in
from db.audit_log import audit_entities, audit_events
from db.clock import now_utc
from db.models import Role
from db.people import ParticipantDetails, edit_participant, register_participant
from tests.conftest import Desk


def admin_of(desk: Desk) -> int:
    return add_staff(desk.db, "maija", "Maija Bērziņa", Role.ADMIN, site_id=desk.site_id)


def test_an_admin_reads_the_log_newest_first_and_filters_it(any_desk: Desk) -> None:
    db, admin = any_desk.db, admin_of(any_desk)
    check_in(db, any_desk.session_id, any_desk.ilze_id, by=any_desk.librarian_id)
    edit_participant(
        db,
        any_desk.janis_id,
        ParticipantDetails("Jānis", "Žūriņš", 2011, any_desk.site_id, guardian_phone="29111111"),
        by=admin,
    )

    everything = audit_events(db, by=admin)
    assert everything[0].action == "participant.edited"  # the newest first
    assert [row.at for row in everything] == sorted((row.at for row in everything), reverse=True)
    assert {"site", "item", "participant", "attendance", "staff"} <= set(audit_entities(db))

    (checked_in,) = audit_events(db, by=admin, text="CHECKED in ilze")
    assert checked_in.action == "attendance.checked_in"
    assert checked_in.entity == "attendance" and checked_in.entity_id is not None
    assert checked_in.staff_id == any_desk.librarian_id and checked_in.who == "Anna Ozoliņa"
    assert audit_events(db, by=admin, text="no such words") == []
    assert audit_events(db, by=admin, text="100%_") == []  # LIKE wildcards are plain text

    (edited,) = audit_events(db, by=admin, staff_id=admin, entity="participant")
    assert edited.entity_id == any_desk.janis_id and edited.who == "Maija Bērziņa"
    assert edited.changes is not None
    assert edited.changes["birth_year"] == [2010, 2011]
    assert audit_events(db, by=admin, staff_id=any_desk.librarian_id, entity="participant") == []
    assert {row.action for row in audit_events(db, by=admin, entity="item")} == {"item.added"}
    # Events the tests' fixture made without an account (direct access) have no name.
    assert all(row.who == "" for row in audit_events(db, by=admin, entity="item"))

    now = now_utc()
    assert len(audit_events(db, by=admin, since=now - timedelta(hours=1), until=now)) == len(
        everything
    )
    assert audit_events(db, by=admin, since=now + timedelta(hours=1)) == []
    assert audit_events(db, by=admin, until=now - timedelta(hours=1)) == []
    assert len(audit_events(db, by=admin, limit=2)) == 2
    assert audit_events(db, by=None) == everything  # direct database access


def test_the_words_search_ignores_case_in_latvian_and_lithuanian_too(any_desk: Desk) -> None:
    """SQLite's lower() and LIKE fold A–Z only: "ķēniņa" has to find "Ķēniņa" all the same."""
    db, admin = any_desk.db, admin_of(any_desk)
    check_in(db, any_desk.session_id, any_desk.ilze_id, by=any_desk.librarian_id)
    lithuanian = register_participant(
        db, ParticipantDetails("Česlava", "Ąžuolaitė-Ėmužienė", 2012, any_desk.site_id), by=admin
    )

    def found(text: str) -> list[str]:
        return [row.description for row in audit_events(db, by=admin, text=text)]

    ilze = ["Checked in Ilze Ķēniņa to session", "Registered Ilze Ķēniņa"]
    for typed in ("Ķēniņa", "ķēniņa", "ĶĒNIŅA", "ĶēNiŅa", "ilze ķēn"):
        assert [text[:33] for text in found(typed)] == [ilze[0], ilze[1]], typed
    assert found("žūriņš") == found("ŽŪRIŅŠ") == ["Registered Jānis Žūriņš"]
    assert found("ĢALVENĀ") == []  # the site's library name is not in the log
    assert found("jēkabpils") == found("JĒKABPILS") == ["Added site Jēkabpils"]
    for typed in ("česlava ąžuolaitė-ėmužienė", "ČESLAVA ĄŽUOLAITĖ-ĖMUŽIENĖ", "ąŽuOlAiTė"):
        (registered,) = audit_events(db, by=admin, text=typed)
        assert registered.entity_id == lithuanian, typed
    # The account's name too: the librarian who checked Ilze in.
    (by_anna,) = audit_events(db, by=admin, text="OZOLIŅA checked")
    assert by_anna.action == "attendance.checked_in"
    (by_maija,) = audit_events(db, by=admin, text="bērziņa ĄŽUOLAITĖ")
    assert by_maija.entity_id == lithuanian
    # A capital with no one-letter small form (ẞ → ß, İ) changes nothing else.
    assert found("ẞ") == found("İ") == []


def test_the_words_on_the_page_find_their_codes(any_desk: Desk) -> None:
    """The page names codes in the reader's words; those words find the events too."""
    db, admin = any_desk.db, admin_of(any_desk)
    words = {"child": ["participant.registered", "participant"], "registered": []}

    def shown_as(word: str) -> list[str]:
        return words.get(word, [])

    rows = audit_events(db, by=admin, text="Child", codes_shown_as=shown_as)
    assert {row.entity for row in rows} == {"participant"} and len(rows) == 2
    both = audit_events(db, by=admin, text="child jānis", codes_shown_as=shown_as)
    assert [row.entity_id for row in both] == [any_desk.janis_id]
    assert audit_events(db, by=admin, text="child") == []  # without the page's words
    assert audit_events(db, by=admin, text="child zebra", codes_shown_as=shown_as) == []


def test_a_librarian_may_not_read_the_log(any_desk: Desk) -> None:
    admin = admin_of(any_desk)
    with pytest.raises(AdminOnly) as refused:
        audit_events(any_desk.db, by=any_desk.librarian_id)
    assert "read the audit log" in str(refused.value)
    assert not may_administer(any_desk.db, any_desk.librarian_id)
    assert may_administer(any_desk.db, admin) and may_administer(any_desk.db, None)

    # A disabled administrator reads it no more either.
    other = add_staff(any_desk.db, "juris", "Juris Admins", Role.ADMIN, site_id=any_desk.site_id)
    disable_staff(any_desk.db, other, by=admin)
    with pytest.raises(AdminOnly):
        audit_events(any_desk.db, by=other)
    assert not may_administer(any_desk.db, other)

from __future__ import annotations

from db.people import ParticipantDetails, register_participant
from db.search import search_participants
from tests.conftest import Desk


def names(desk: Desk, typed: str) -> list[str]:
    return [p.full_name for p in search_participants(desk.db, typed, by=None)]


def test_search_ignores_diacritics_and_case(desk: Desk) -> None:
    register_participant(desk.db, ParticipantDetails("Kārlis", "Ķēniņš", 2008, desk.site_id))
    assert names(desk, "kenins") == ["Ilze Ķēniņa", "Kārlis Ķēniņš"]
    assert names(desk, "ZURIN") == ["Jānis Žūriņš"]
    assert names(desk, "ja zu") == ["Jānis Žūriņš"]
    assert names(desk, "ilze kenina") == ["Ilze Ķēniņa"]


def test_search_sorts_in_latvian_order(desk: Desk) -> None:
    for first, last in [
        ("Anna", "Žagars"),
        ("Pēteris", "Zariņš"),
        ("Līga", "Čaks"),
        ("Toms", "Cīrulis"),
    ]:
        register_participant(desk.db, ParticipantDetails(first, last, 2010, desk.site_id))
    found = [p.last_name for p in search_participants(desk.db, "z", by=None)]
    assert found == ["Zariņš", "Žagars", "Žūriņš"]
    assert [p.last_name for p in search_participants(desk.db, "c", by=None)] == ["Cīrulis", "Čaks"]


def test_search_is_safe_with_quotes_and_wildcards(desk: Desk) -> None:
    register_participant(desk.db, ParticipantDetails("D'Artanjans", "O'Konors", 2010, desk.site_id))
    assert names(desk, "o'kon") == ["D'Artanjans O'Konors"]
    assert names(desk, "%") == []
    assert names(desk, "_") == []
    assert names(desk, "'; DROP TABLE participant; --") == []
    assert len(names(desk, "i")) >= 1  # the table is still there


def test_the_first_matches_in_latvian_order_are_shown_however_many_match(desk: Desk) -> None:
    # Registered in reverse order: a limit applied before sorting would show the wrong ones.
    for number in range(40, 0, -1):
        register_participant(
            desk.db, ParticipantDetails("Anna", f"Ozola{number:02d}", 2010, desk.site_id)
        )
    found = search_participants(desk.db, "ozo", limit=5, by=None)
    assert [p.last_name for p in found] == [f"Ozola{n:02d}" for n in range(1, 6)]


def test_the_desk_search_marks_who_is_already_here(any_desk: Desk) -> None:
    from datetime import date, time

    from db.attendance import check_in, mark_attendance, undo_check_in
    from db.desk import search_at_desk
    from db.models import AttendanceStatus
    from db.programs import SessionPlan, create_session

    desk = any_desk
    karlis = register_participant(
        desk.db, ParticipantDetails("Kārlis", "Ķēniņš", 2008, desk.site_id)
    )

    def here(session_id: int | None) -> list[tuple[str, bool]]:
        found = search_at_desk(
            desk.db, "kenin", session_id, site_id=desk.site_id, limit=8, by=desk.librarian_id
        )
        return [(each.child.full_name, each.here) for each in found]

    assert here(desk.session_id) == [("Ilze Ķēniņa", False), ("Kārlis Ķēniņš", False)]
    checked = check_in(desk.db, desk.session_id, desk.ilze_id)
    assert here(desk.session_id) == [("Ilze Ķēniņa", True), ("Kārlis Ķēniņš", False)]
    # Late counts as here; excused does not; another session's check-in says nothing here.
    mark_attendance(desk.db, desk.session_id, karlis, AttendanceStatus.LATE)
    assert here(desk.session_id) == [("Ilze Ķēniņa", True), ("Kārlis Ķēniņš", True)]
    mark_attendance(desk.db, desk.session_id, karlis, AttendanceStatus.EXCUSED)
    other = create_session(
        desk.db, desk.program_id, SessionPlan(date(2018, 10, 12), time(16), time(17), "")
    )
    assert here(other) == [("Ilze Ķēniņa", False), ("Kārlis Ķēniņš", False)]
    assert here(None) == [("Ilze Ķēniņa", False), ("Kārlis Ķēniņš", False)]
    undo_check_in(desk.db, checked.attendance_id)
    assert here(desk.session_id) == [("Ilze Ķēniņa", False), ("Kārlis Ķēniņš", False)]

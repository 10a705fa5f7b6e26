"""A restore never brings an erased child back.

Every daily, monthly and safety copy made before an erasure still holds the child; seen
before: restoring one brought the child back. A restore now reads the erasure register
(the audit log's erasure events: a number and two times, no names) from the database it
replaces and from the safety copies, and erases those children again in the restored copy
before anyone uses it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from db.attendance import check_in
from db.audit_actions import AuditAction
from db.backup_folder import list_backups
from db.backups import back_up_now
from db.database import Database
from db.migrate import migrate
from db.models import Attendance, AuditEvent, Participant
from db.privacy import ERASED_FIRST_NAME, erase_participant
from db.restore import restore
from tests.conftest import Desk, make_desk
from tests.integration.test_backups import damage, file_of, main_py
from tests.robustness.test_erased_leaves_no_trace import TRACES, register_marta, traces_in


def state_of(database: Database, participant_id: int) -> tuple[str, int, list[str]]:
    """The child's first name, their attendance rows, and the audit texts of erasures."""
    with database.reading() as s:
        child = s.get(Participant, participant_id)
        assert child is not None
        came = s.scalar(select(func.count()).where(Attendance.participant_id == participant_id))
        erasures = s.scalars(
            select(AuditEvent.description)
            .where(
                AuditEvent.action == AuditAction.PARTICIPANT_ERASED,
                AuditEvent.entity_id == participant_id,
            )
            .order_by(AuditEvent.id)
        )
        return child.first_name, int(came or 0), list(erasures)


def test_a_restored_copy_made_before_an_erasure_comes_back_without_the_child(
    desk: Desk, tmp_path: Path
) -> None:
    marta = register_marta(desk.db, desk.site_id)
    check_in(desk.db, desk.session_id, marta)
    copy = back_up_now(file_of(desk.db))  # Marta is in the copy, by name
    assert erase_participant(desk.db, marta, by=None)
    desk.db.dispose()

    restored = main_py("--db", str(file_of(desk.db)), "restore", str(copy), home=tmp_path)

    assert restored.returncode == 0, restored.stderr
    first_name, came, erasures = state_of(desk.db, marta)
    assert first_name == ERASED_FIRST_NAME and came == 1  # the totals stay
    assert erasures == [
        f"Erased participant #{marta} again after a restore: the copy was made before the "
        f"erasure of {erasures[0][-10:]}"
    ]
    assert traces_in(desk.db) == []
    with desk.db.reading() as s:  # the other children are as the copy had them
        ilze = s.get(Participant, desk.ilze_id)
        assert ilze is not None and ilze.last_name == "Ķēniņa"


def test_the_safety_copies_hold_the_register_when_the_database_is_damaged(
    desk: Desk, tmp_path: Path
) -> None:
    path = file_of(desk.db)
    marta = register_marta(desk.db, desk.site_id)
    copy = back_up_now(path)
    erase_participant(desk.db, marta, by=None)
    restore(desk.db.url, copy, desk.db)  # its safety copy holds the erasure
    desk.db.dispose()
    damage(path, whole=True)  # the database itself can no longer tell

    restore(desk.db.url, copy, desk.db)

    assert any(backup.reason == "damaged" for backup in list_backups(path))
    assert state_of(desk.db, marta)[0] == ERASED_FIRST_NAME
    assert traces_in(desk.db) == []


def test_a_child_of_another_database_who_shares_the_number_is_not_erased(
    desk: Desk, tmp_path: Path
) -> None:
    """Ludza's database restored on a laptop of Jēkabpils: its child #1 is someone else."""
    ludza = Database(f"sqlite:///{tmp_path / 'ludza.sqlite3'}")
    migrate(ludza)
    make_desk(ludza)
    copy = back_up_now(file_of(ludza))
    ludza.dispose()
    erase_participant(desk.db, desk.ilze_id, by=None)

    restore(desk.db.url, copy, desk.db)

    first_name, _came, erasures = state_of(desk.db, desk.ilze_id)
    assert first_name == "Ilze" and erasures == []


def test_a_copy_made_after_the_erasure_is_restored_as_it_is(desk: Desk) -> None:
    marta = register_marta(desk.db, desk.site_id)
    erase_participant(desk.db, marta, by=None)
    copy = back_up_now(file_of(desk.db))

    restore(desk.db.url, copy, desk.db)

    _first_name, _came, erasures = state_of(desk.db, marta)
    assert len(erasures) == 1 and "again" not in erasures[0]  # erased once, not twice
    assert all(text not in erasures[0] for text in TRACES)

"""A parent's access request: everything stored about one child, ready for JSON (the
document for the parent is desktop.documents.access_request's). An admin action, logged."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from db import audit
from db.accounts import require_admin
from db.audit_actions import AuditAction
from db.clock import local
from db.database import Database
from db.errors import QT_TRANSLATE_NOOP
from db.models import (
    Attendance,
    Consent,
    Enrollment,
    Item,
    Loan,
    Program,
    Site,
    Staff,
)
from db.models import Session as ProgramSession
from db.people import get_participant
from db.privacy import events_about

# What AdminOnly names, translated as a field of the DomainError context.
EXPORT_CHILD = QT_TRANSLATE_NOOP("DomainError", "export everything stored about a child")


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return local(value).isoformat(timespec="seconds")
    return value.isoformat()


def access_request(db: Database, participant_id: int, *, by: int | None) -> dict[str, Any]:
    """Everything stored about one child (admins only), ready for JSON; the export is logged."""
    with db.unit_of_work() as uow:
        s = uow.tx
        require_admin(s, by, EXPORT_CHILD)
        p = get_participant(s, participant_id)
        site = s.get(Site, p.site_id)
        consents = s.scalars(
            select(Consent).where(Consent.participant_id == p.id).order_by(Consent.id)
        )
        enrolments = s.execute(
            select(Program.name, Enrollment.joined_on, Enrollment.left_on)
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.participant_id == p.id)
            .order_by(Enrollment.joined_on, Enrollment.id)
        )
        attendance = s.execute(
            select(
                ProgramSession.day,
                ProgramSession.starts_at,
                Program.name,
                ProgramSession.theme,
                Attendance.status,
                Attendance.method,
                Attendance.recorded_at,
            )
            .join(ProgramSession, ProgramSession.id == Attendance.session_id)
            .join(Program, Program.id == ProgramSession.program_id)
            .where(Attendance.participant_id == p.id)
            .order_by(ProgramSession.day, ProgramSession.starts_at)
        )
        loans = s.execute(
            select(Item.tag, Item.name, Loan.lent_at, Loan.due_at, Loan.returned_at)
            .add_columns(Loan.return_note)
            .join(Item, Item.id == Loan.item_id)
            .where(Loan.participant_id == p.id)
            .order_by(Loan.lent_at, Loan.id)
        )
        usernames = {sid: name for sid, name in s.execute(select(Staff.id, Staff.username))}
        result: dict[str, Any] = {
            "participant": {
                "id": p.id,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "birth_year": p.birth_year,
                "gender": p.gender.value if p.gender else None,
                "site": site.name if site else None,
                "card_code": p.card_code,
                "target_group": p.target_group,
                "notes": p.notes,
                "guardian_name": p.guardian_name,
                "guardian_phone": p.guardian_phone,
                "archived": p.archived,
                "registered_at": _iso(p.created_at),
                "updated_at": _iso(p.updated_at),
            },
            "consents": [
                {
                    "purpose": c.purpose.value,
                    "given_by": c.given_by,
                    "given_on": _iso(c.given_on),
                    "withdrawn_on": _iso(c.withdrawn_on),
                }
                for c in consents
            ],
            "enrolments": [
                {"program": name, "joined_on": _iso(joined), "left_on": _iso(left)}
                for name, joined, left in enrolments
            ],
            "attendance": [
                {
                    "date": day.isoformat(),
                    "starts_at": starts.strftime("%H:%M"),
                    "program": program,
                    "theme": theme,
                    "status": status.value,
                    "method": method.value,
                    "recorded_at": _iso(recorded),
                }
                for day, starts, program, theme, status, method, recorded in attendance
            ],
            "loans": [
                {
                    "item_tag": tag,
                    "item_name": name,
                    "lent_at": _iso(lent),
                    "due_at": _iso(due),
                    "returned_at": _iso(returned),
                    "return_note": note,
                }
                for tag, name, lent, due, returned, note in loans
            ],
            "audit_events": [
                {
                    "at": _iso(e.at),
                    "by": usernames.get(e.staff_id) if e.staff_id is not None else None,
                    "action": e.action,
                    "description": e.description,
                    "changes": e.changes,
                }
                for e in events_about(s, p)
            ],
        }
        audit.record(
            s,
            by,
            AuditAction.PARTICIPANT_EXPORTED,
            "participant",
            p.id,
            f"Exported everything stored about participant #{p.id} (access request)",
        )
        uow.commit()
        return result

"""One walk through a laptop's file against the database in use: each record looked up by
what it is (its natural key), added when missing; written only in the real run. Sites,
programs, sessions, children, consents and check-ins are here; the equipment is in
db.merge.equipment."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import day_text, time_text
from db.merge.report import (
    ADDED_AS_DECIDED,
    BY_CARD,
    BY_DECISION,
    BY_NAME,
    BY_REGISTRATION,
    CHILD_LEFT_OUT,
    ERASED_HERE,
    ERASED_ON_LAPTOP,
    GETS_CARD,
    MARKED,
    SAME_NAME,
    STATUS_WORDS,
    WITHDRAWN,
    Candidate,
    Decisions,
    Fate,
    Kind,
    MergeLine,
    NoSuchChildToMatch,
    NoSuchLaptopChild,
    Note,
)
from db.models import (
    Attendance,
    Consent,
    Loan,
    Participant,
    Program,
    Project,
    SessionStatus,
    Site,
    Staff,
)
from db.models import Session as ProgramSession


def _session_words(program: str, session: ProgramSession) -> str:
    return f"{program} · {day_text(session.day)} {time_text(session.starts_at)}"


class Walk:
    """One walk through the laptop's file against the database in use; writes only when
    `write` (a dry run hands out made-up negative numbers for what it would add)."""

    def __init__(
        self, laptop: Session, target: Session, decisions: Decisions, *, write: bool
    ) -> None:
        self.laptop, self.target, self.decisions, self.write = laptop, target, decisions, write
        self.lines: list[MergeLine] = []
        self._made_up = 0
        self.sites: dict[int, int] = {}
        self.programs: dict[int, int] = {}
        self.sessions: dict[int, int] = {}
        self.session_words: dict[int, str] = {}
        self.children: dict[int, int | None] = {}  # None: left out
        self.child_words: dict[int, str] = {}
        self.items: dict[int, int] = {}
        self.item_tags: dict[int, str] = {}
        self.staff: dict[int, int | None] = {}
        self.staff_names: dict[int, str] = {}
        # What is here already, read in one query per kind (a round trip to a server costs).
        self.by_card: dict[str | None, Participant] = {}
        self.by_name: dict[str, list[Participant]] = {}
        self.new_children: list[tuple[int, Any]] = []
        self.known_loans: dict[tuple[int, datetime], Loan] = {}
        self.out_since: dict[int, datetime] = {}

    def note(
        self,
        kind: Kind,
        laptop_id: int,
        what: str,
        fate: Fate,
        why: Note | None = None,
        candidates: tuple[Candidate, ...] = (),
    ) -> None:
        self.lines.append(MergeLine(kind, laptop_id, what, fate, why, candidates))

    def numbered(self, records: list[tuple[int, Any]], into: dict[int, Any]) -> None:
        """New records that others point at, all in one go: `into` maps each laptop number to
        the record's number here (real when writing, made up and negative in a dry run)."""
        if self.write:
            self.target.add_all([record for _laptop_id, record in records])
            self.target.flush()  # one statement per kind of record, not one per record
        for laptop_id, record in records:
            if self.write:
                into[laptop_id] = int(record.id)
            else:
                self._made_up -= 1
                into[laptop_id] = self._made_up

    def later(self, record: Any) -> None:
        """A new record nothing points at: written with the others when the merge commits."""
        if self.write:
            self.target.add(record)

    def people_and_sessions(self) -> None:
        """Everything but the equipment (db.merge.equipment), in the order records point."""
        self._staff()
        self._sites()
        self._programs()
        self._sessions()
        self._children()
        self._consents()
        self._check_ins()

    def _staff(self) -> None:
        """Accounts are matched by username; none is brought from a laptop (passwords)."""
        known = {
            name: number for name, number in self.target.execute(select(Staff.username, Staff.id))
        }
        for staff_id, username in self.laptop.execute(select(Staff.id, Staff.username)):
            self.staff[staff_id] = known.get(username)
            self.staff_names[staff_id] = username

    def account(self, laptop_staff_id: int | None) -> int | None:
        return None if laptop_staff_id is None else self.staff.get(laptop_staff_id)

    def _sites(self) -> None:
        known = {name: number for name, number in self.target.execute(select(Site.name, Site.id))}
        added: list[tuple[int, Any]] = []
        for site in self.laptop.scalars(select(Site).order_by(Site.id)):
            found = known.get(site.name)
            if found is not None:
                self.sites[site.id] = found
                self.note(Kind.SITE, site.id, site.name, Fate.MATCHED)
                continue
            copy = Site(name=site.name, country=site.country, library_name=site.library_name)
            added.append((site.id, copy))
            self.note(Kind.SITE, site.id, site.name, Fate.ADDED)
        self.numbered(added, self.sites)

    def _programs(self) -> None:
        known = {
            (site_id, name): number
            for site_id, name, number in self.target.execute(
                select(Program.site_id, Program.name, Program.id)
            )
        }
        projects_here = {
            number: project_id
            for number, project_id in self.target.execute(select(Project.number, Project.id))
        }
        projects = {
            project_id: projects_here.get(number)
            for project_id, number in self.laptop.execute(select(Project.id, Project.number))
        }
        added: list[tuple[int, Any]] = []
        for program in self.laptop.scalars(select(Program).order_by(Program.id)):
            site_id = self.sites[program.site_id]
            found = known.get((site_id, program.name))
            if found is not None:
                self.programs[program.id] = found
                self.note(Kind.PROGRAM, program.id, program.name, Fate.MATCHED)
                continue
            copy = Program(
                name=program.name,
                kind=program.kind,
                project_id=None if program.project_id is None else projects[program.project_id],
                site_id=site_id,
                planned_sessions=program.planned_sessions,
            )
            added.append((program.id, copy))
            self.note(Kind.PROGRAM, program.id, program.name, Fate.ADDED)
        self.numbered(added, self.programs)

    def _sessions(self) -> None:
        names = {
            number: name for number, name in self.laptop.execute(select(Program.id, Program.name))
        }
        here = self.target.scalars(
            select(ProgramSession).where(ProgramSession.program_id.in_(self.programs.values()))
        )
        known = {(found.program_id, found.day, found.starts_at): found for found in here}
        added: list[tuple[int, Any]] = []
        query = select(ProgramSession).order_by(ProgramSession.day, ProgramSession.starts_at)
        for session in self.laptop.scalars(query):
            program_id = self.programs[session.program_id]
            what = _session_words(names[session.program_id], session)
            self.session_words[session.id] = what
            found = known.get((program_id, session.day, session.starts_at))
            if found is not None:
                self.sessions[session.id] = found.id
                if found.status is SessionStatus.PLANNED and session.status is not found.status:
                    if self.write:
                        found.status = session.status
                    why = Note(MARKED, {"status": STATUS_WORDS[session.status.value]})
                    self.note(Kind.SESSION, session.id, what, Fate.UPDATED, why)
                else:
                    self.note(Kind.SESSION, session.id, what, Fate.MATCHED)
                continue
            copy = ProgramSession(
                program_id=program_id,
                site_id=self.sites[session.site_id],
                day=session.day,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                theme=session.theme,
                place=session.place,
                leader_id=self.account(session.leader_id),
                status=session.status,
                anonymous_headcount=session.anonymous_headcount,
            )
            added.append((session.id, copy))
            self.note(Kind.SESSION, session.id, what, Fate.ADDED)
        self.numbered(added, self.sessions)

    # --- children

    def _children(self) -> None:
        from db.privacy import erasure_register

        erased_here = {
            (erasure.participant_id, erasure.registered_at): erasure.erased_at
            for erasure in erasure_register(self.target)
        }
        erased_on_laptop = {erasure.participant_id for erasure in erasure_register(self.laptop)}
        children = list(self.laptop.scalars(select(Participant).order_by(Participant.id)))
        known = {child.id for child in children}
        for laptop_id in (*self.decisions.matches, *self.decisions.added):
            if laptop_id not in known:
                raise NoSuchLaptopChild(laptop=laptop_id)
        cards = [child.card_code for child in children if child.card_code]
        self.by_card = {
            found.card_code: found
            for found in self.target.scalars(
                select(Participant).where(Participant.card_code.in_(cards))
            )
        }
        names = {child.search_name for child in children if child.search_name}
        query = select(Participant).where(Participant.search_name.in_(names))
        for found in self.target.scalars(query.order_by(Participant.id)):
            self.by_name.setdefault(found.search_name, []).append(found)
        for child in children:
            erased_at = erased_here.get((child.id, child.created_at))
            if child.id in erased_on_laptop or erased_at is not None:
                # Nothing that names an erased child is shown, not even the laptop's copy.
                self.children[child.id] = None
                self.child_words[child.id] = f"#{child.id}"
                why = (
                    Note(ERASED_ON_LAPTOP)
                    if erased_at is None
                    else Note(ERASED_HERE, {"day": day_text(erased_at)})
                )
                self.note(Kind.CHILD, child.id, "", Fate.LEFT_OUT, why)
                continue
            self._child(child)
        self.numbered(self.new_children, self.children)

    def _child(self, child: Participant) -> None:
        born = f", {child.birth_year}" if child.birth_year else ""
        what = f"{child.full_name}{born}"
        self.child_words[child.id] = child.full_name
        by_card = self.by_card.get(child.card_code) if child.card_code else None
        if by_card is not None:
            self._matched(child, by_card, what, Note(BY_CARD, {"id": str(by_card.id)}))
            return
        candidates = self.by_name.get(child.search_name, [])
        same = next((c for c in candidates if c.created_at == child.created_at), None)
        if same is not None:
            self._matched(child, same, what, Note(BY_REGISTRATION, {"id": str(same.id)}))
            return
        if len(candidates) == 1 and self._surely(child, candidates[0]):
            one = candidates[0]
            self._matched(child, one, what, Note(BY_NAME, {"id": str(one.id)}))
            return
        if not candidates:
            self._added(child, what, None)
            return
        offered = tuple(Candidate(c.id, c.full_name, c.birth_year) for c in candidates)
        labels = ", ".join(candidate.label for candidate in offered)
        chosen = self.decisions.matches.get(child.id)
        if chosen is not None:
            target = self.target.get(Participant, chosen)
            if target is None or not target.search_name:  # missing, or erased
                raise NoSuchChildToMatch(shared=chosen, laptop=child.id)
            self._matched(child, target, what, Note(BY_DECISION, {"id": str(chosen)}))
        elif child.id in self.decisions.added or self.decisions.add_unmatched:
            self._added(child, what, Note(ADDED_AS_DECIDED))
        else:
            self.children[child.id] = None
            why = Note(SAME_NAME, {"candidates": labels})
            self.note(Kind.CHILD, child.id, what, Fate.NEEDS_DECISION, why, offered)

    @staticmethod
    def _surely(child: Participant, candidate: Participant) -> bool:
        """The same name and the same birth year (a walk-in at camp gets a card of its own)."""
        return child.birth_year is not None and candidate.birth_year == child.birth_year

    def _matched(self, child: Participant, target: Participant, what: str, why: Note) -> None:
        self.children[child.id] = target.id
        card = child.card_code
        if card and not target.card_code and card not in self.by_card:
            if self.write:
                target.card_code = card
            self.by_card[card] = target  # a card goes to one child only
            why = Note(GETS_CARD, {"id": str(target.id)})
            self.note(Kind.CHILD, child.id, what, Fate.UPDATED, why)
            return
        self.note(Kind.CHILD, child.id, what, Fate.MATCHED, why)

    def _added(self, child: Participant, what: str, why: Note | None) -> None:
        copy = Participant(
            first_name=child.first_name,
            last_name=child.last_name,
            search_name=child.search_name,
            birth_year=child.birth_year,
            gender=child.gender,
            site_id=self.sites[child.site_id],
            card_code=child.card_code,
            target_group=child.target_group,
            notes=child.notes,
            guardian_name=child.guardian_name,
            guardian_phone=child.guardian_phone,
            archived=child.archived,
            # Kept: the next merge knows this child as the same registration.
            created_at=child.created_at,
            updated_at=child.updated_at,
        )
        self.new_children.append((child.id, copy))
        self.note(Kind.CHILD, child.id, what, Fate.ADDED, why)

    def _left_out_with_child(self, kind: Kind, laptop_id: int, what: str) -> None:
        self.note(kind, laptop_id, what, Fate.LEFT_OUT, Note(CHILD_LEFT_OUT))

    def _consents(self) -> None:
        here = self.target.scalars(
            select(Consent).where(
                Consent.participant_id.in_([i for i in self.children.values() if i is not None])
            )
        )
        known = {(found.participant_id, found.purpose, found.given_on): found for found in here}
        for consent in self.laptop.scalars(select(Consent).order_by(Consent.id)):
            child_id = self.children.get(consent.participant_id)
            what = (
                f"{self.child_words[consent.participant_id]} · {consent.purpose.value} · "
                f"{day_text(consent.given_on)}"
            )
            if child_id is None:
                self._left_out_with_child(Kind.CONSENT, consent.id, what)
                continue
            found = known.get((child_id, consent.purpose, consent.given_on))
            if found is None:
                copy = Consent(
                    participant_id=child_id,
                    purpose=consent.purpose,
                    given_by=consent.given_by,
                    given_on=consent.given_on,
                    withdrawn_on=consent.withdrawn_on,
                )
                self.later(copy)
                self.note(Kind.CONSENT, consent.id, what, Fate.ADDED)
            elif found.withdrawn_on is None and consent.withdrawn_on is not None:
                if self.write:
                    found.withdrawn_on = consent.withdrawn_on
                self.note(Kind.CONSENT, consent.id, what, Fate.UPDATED, Note(WITHDRAWN))
            else:
                self.note(Kind.CONSENT, consent.id, what, Fate.MATCHED)

    def _check_ins(self) -> None:
        here = select(Attendance.session_id, Attendance.participant_id).where(
            Attendance.session_id.in_(self.sessions.values())
        )
        known = {(session_id, child_id) for session_id, child_id in self.target.execute(here)}
        query = select(Attendance).order_by(Attendance.recorded_at, Attendance.id)
        for check_in in self.laptop.scalars(query):
            child_id = self.children.get(check_in.participant_id)
            what = (
                f"{self.child_words[check_in.participant_id]} · "
                f"{self.session_words[check_in.session_id]}"
            )
            if child_id is None:
                self._left_out_with_child(Kind.CHECK_IN, check_in.id, what)
                continue
            session_id = self.sessions[check_in.session_id]
            if (session_id, child_id) in known:
                self.note(Kind.CHECK_IN, check_in.id, what, Fate.MATCHED)
                continue
            known.add((session_id, child_id))  # one row per child and session
            copy = Attendance(
                session_id=session_id,
                participant_id=child_id,
                status=check_in.status,
                recorded_at=check_in.recorded_at,
                recorded_by_id=self.account(check_in.recorded_by_id),
                method=check_in.method,
            )
            self.later(copy)
            self.note(Kind.CHECK_IN, check_in.id, what, Fate.ADDED)

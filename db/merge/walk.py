"""One walk through a laptop's file against the database in use: each record looked up by
what it is (its natural key), added when missing; written only in the real run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import day_text, moment_text, time_text
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
    ITEM_OUT,
    MARKED,
    NO_ACCOUNT,
    RETURNED,
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
    Item,
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

    def add(self, record: Any) -> int:
        """The new record's number: real when writing, made up (negative) in a dry run."""
        if not self.write:
            self._made_up -= 1
            return self._made_up
        self.target.add(record)
        self.target.flush()
        return int(record.id)

    def run(self) -> None:
        self._staff()
        self._sites()
        self._programs()
        self._sessions()
        self._children()
        self._consents()
        self._check_ins()
        self._items()
        self._loans()

    def _staff(self) -> None:
        """Accounts are matched by username; none is brought from a laptop (passwords)."""
        known = {
            name: number for name, number in self.target.execute(select(Staff.username, Staff.id))
        }
        for staff_id, username in self.laptop.execute(select(Staff.id, Staff.username)):
            self.staff[staff_id] = known.get(username)
            self.staff_names[staff_id] = username

    def _account(self, laptop_staff_id: int | None) -> int | None:
        return None if laptop_staff_id is None else self.staff.get(laptop_staff_id)

    def _sites(self) -> None:
        for site in self.laptop.scalars(select(Site).order_by(Site.id)):
            found = self.target.scalar(select(Site.id).where(Site.name == site.name))
            if found is not None:
                self.sites[site.id] = found
                self.note(Kind.SITE, site.id, site.name, Fate.MATCHED)
                continue
            copy = Site(name=site.name, country=site.country, library_name=site.library_name)
            self.sites[site.id] = self.add(copy)
            self.note(Kind.SITE, site.id, site.name, Fate.ADDED)

    def _programs(self) -> None:
        for program in self.laptop.scalars(select(Program).order_by(Program.id)):
            site_id = self.sites[program.site_id]
            what = program.name
            found = self.target.scalar(
                select(Program.id).where(Program.site_id == site_id, Program.name == program.name)
            )
            if found is not None:
                self.programs[program.id] = found
                self.note(Kind.PROGRAM, program.id, what, Fate.MATCHED)
                continue
            project_id = None
            if program.project_id is not None:
                number = self.laptop.scalar(
                    select(Project.number).where(Project.id == program.project_id)
                )
                project_id = self.target.scalar(select(Project.id).where(Project.number == number))
            copy = Program(
                name=program.name,
                kind=program.kind,
                project_id=project_id,
                site_id=site_id,
                planned_sessions=program.planned_sessions,
            )
            self.programs[program.id] = self.add(copy)
            self.note(Kind.PROGRAM, program.id, what, Fate.ADDED)

    def _sessions(self) -> None:
        names = {
            number: name for number, name in self.laptop.execute(select(Program.id, Program.name))
        }
        query = select(ProgramSession).order_by(ProgramSession.day, ProgramSession.starts_at)
        for session in self.laptop.scalars(query):
            program_id = self.programs[session.program_id]
            what = _session_words(names[session.program_id], session)
            self.session_words[session.id] = what
            found = self.target.scalar(
                select(ProgramSession).where(
                    ProgramSession.program_id == program_id,
                    ProgramSession.day == session.day,
                    ProgramSession.starts_at == session.starts_at,
                )
            )
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
                leader_id=self._account(session.leader_id),
                status=session.status,
                anonymous_headcount=session.anonymous_headcount,
            )
            self.sessions[session.id] = self.add(copy)
            self.note(Kind.SESSION, session.id, what, Fate.ADDED)

    # --- children

    def _children(self) -> None:
        from db.privacy import erasure_register

        erased_here = {
            (erasure.participant_id, erasure.registered_at): erasure.erased_at
            for erasure in erasure_register(self.target)
        }
        erased_on_laptop = {erasure.participant_id for erasure in erasure_register(self.laptop)}
        known = set(self.laptop.scalars(select(Participant.id)))
        for laptop_id in (*self.decisions.matches, *self.decisions.added):
            if laptop_id not in known:
                raise NoSuchLaptopChild(laptop=laptop_id)
        for child in self.laptop.scalars(select(Participant).order_by(Participant.id)):
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

    def _candidates(self, child: Participant) -> list[Participant]:
        query = select(Participant).where(Participant.search_name == child.search_name)
        return list(self.target.scalars(query.order_by(Participant.id)))

    def _child(self, child: Participant) -> None:
        born = f", {child.birth_year}" if child.birth_year else ""
        what = f"{child.full_name}{born}"
        self.child_words[child.id] = child.full_name
        by_card = None
        if child.card_code:
            by_card = self.target.scalar(
                select(Participant).where(Participant.card_code == child.card_code)
            )
        if by_card is not None:
            self._matched(child, by_card, what, Note(BY_CARD, {"id": str(by_card.id)}))
            return
        same = self.target.scalar(
            select(Participant).where(
                Participant.created_at == child.created_at,
                Participant.search_name == child.search_name,
            )
        )
        if same is not None:
            self._matched(child, same, what, Note(BY_REGISTRATION, {"id": str(same.id)}))
            return
        candidates = self._candidates(child)
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
        if child.card_code and not target.card_code:
            if self.write:
                target.card_code = child.card_code
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
        self.children[child.id] = self.add(copy)
        self.note(Kind.CHILD, child.id, what, Fate.ADDED, why)

    def _left_out_with_child(self, kind: Kind, laptop_id: int, what: str) -> None:
        self.note(kind, laptop_id, what, Fate.LEFT_OUT, Note(CHILD_LEFT_OUT))

    def _consents(self) -> None:
        for consent in self.laptop.scalars(select(Consent).order_by(Consent.id)):
            child_id = self.children.get(consent.participant_id)
            what = (
                f"{self.child_words[consent.participant_id]} · {consent.purpose.value} · "
                f"{day_text(consent.given_on)}"
            )
            if child_id is None:
                self._left_out_with_child(Kind.CONSENT, consent.id, what)
                continue
            found = self.target.scalar(
                select(Consent).where(
                    Consent.participant_id == child_id,
                    Consent.purpose == consent.purpose,
                    Consent.given_on == consent.given_on,
                )
            )
            if found is None:
                copy = Consent(
                    participant_id=child_id,
                    purpose=consent.purpose,
                    given_by=consent.given_by,
                    given_on=consent.given_on,
                    withdrawn_on=consent.withdrawn_on,
                )
                self.add(copy)
                self.note(Kind.CONSENT, consent.id, what, Fate.ADDED)
            elif found.withdrawn_on is None and consent.withdrawn_on is not None:
                if self.write:
                    found.withdrawn_on = consent.withdrawn_on
                self.note(Kind.CONSENT, consent.id, what, Fate.UPDATED, Note(WITHDRAWN))
            else:
                self.note(Kind.CONSENT, consent.id, what, Fate.MATCHED)

    def _check_ins(self) -> None:
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
            found = self.target.scalar(
                select(Attendance.id).where(
                    Attendance.session_id == session_id, Attendance.participant_id == child_id
                )
            )
            if found is not None:
                self.note(Kind.CHECK_IN, check_in.id, what, Fate.MATCHED)
                continue
            copy = Attendance(
                session_id=session_id,
                participant_id=child_id,
                status=check_in.status,
                recorded_at=check_in.recorded_at,
                recorded_by_id=self._account(check_in.recorded_by_id),
                method=check_in.method,
            )
            self.add(copy)
            self.note(Kind.CHECK_IN, check_in.id, what, Fate.ADDED)

    # --- equipment

    def _items(self) -> None:
        # Kits before their parts, so a part finds its kit.
        query = select(Item).order_by(Item.parent_id.is_not(None), Item.id)
        for item in self.laptop.scalars(query):
            self.item_tags[item.id] = item.tag
            what = f"{item.tag} {item.name}"
            found = self.target.scalar(select(Item.id).where(Item.tag == item.tag))
            if found is not None:
                self.items[item.id] = found
                self.note(Kind.ITEM, item.id, what, Fate.MATCHED)
                continue
            copy = Item(
                tag=item.tag,
                name=item.name,
                category=item.category,
                serial_number=item.serial_number,
                site_id=self.sites[item.site_id],
                status=item.status,
                parent_id=None if item.parent_id is None else self.items.get(item.parent_id),
                notes=item.notes,
            )
            self.items[item.id] = self.add(copy)
            self.note(Kind.ITEM, item.id, what, Fate.ADDED)

    def _loans(self) -> None:
        for loan in self.laptop.scalars(select(Loan).order_by(Loan.lent_at, Loan.id)):
            self._loan(loan)

    def _borrower(self, loan: Loan) -> tuple[str, dict[str, int | None], Note | None]:
        """Who has it, in words; the loan's borrower in the database in use; why not."""
        if loan.participant_id is not None:
            child_id = self.children.get(loan.participant_id)
            why = None if child_id is not None else Note(CHILD_LEFT_OUT)
            words = self.child_words[loan.participant_id]
            return words, {"participant_id": child_id}, why
        if loan.staff_id is not None:
            username = self.staff_names[loan.staff_id]
            staff_id = self.staff.get(loan.staff_id)
            why = None if staff_id is not None else Note(NO_ACCOUNT, {"username": username})
            return username, {"staff_id": staff_id}, why
        assert loan.session_id is not None  # one borrower: a database constraint
        words = self.session_words[loan.session_id]
        return words, {"session_id": self.sessions[loan.session_id]}, None

    def _loan(self, loan: Loan) -> None:
        tag = self.item_tags[loan.item_id]
        borrower, holder, why = self._borrower(loan)
        what = f"{tag} → {borrower} · {moment_text(loan.lent_at, full=True)}"
        if why is not None:
            self.note(Kind.LOAN, loan.id, what, Fate.LEFT_OUT, why)
            return
        item_id = self.items[loan.item_id]
        found = self.target.scalar(
            select(Loan).where(Loan.item_id == item_id, Loan.lent_at == loan.lent_at)
        )
        if found is not None:
            if found.returned_at is None and loan.returned_at is not None:
                if self.write:
                    found.returned_at = loan.returned_at
                    found.received_by_id = self._account(loan.received_by_id)
                    found.return_note = loan.return_note
                self.note(Kind.LOAN, loan.id, what, Fate.UPDATED, Note(RETURNED))
            else:
                self.note(Kind.LOAN, loan.id, what, Fate.MATCHED)
            return
        if loan.returned_at is None:
            out_since = self.target.scalar(
                select(Loan.lent_at).where(Loan.item_id == item_id, Loan.returned_at.is_(None))
            )
            if out_since is not None:  # one open loan per item: the other laptop's stands
                fields = {"tag": tag, "moment": moment_text(out_since, full=True)}
                self.note(Kind.LOAN, loan.id, what, Fate.LEFT_OUT, Note(ITEM_OUT, fields))
                return
        copy = Loan(
            item_id=item_id,
            lent_at=loan.lent_at,
            due_at=loan.due_at,
            returned_at=loan.returned_at,
            lent_by_id=self._account(loan.lent_by_id),
            received_by_id=self._account(loan.received_by_id),
            return_note=loan.return_note,
            **holder,
        )
        self.add(copy)
        self.note(Kind.LOAN, loan.id, what, Fate.ADDED)

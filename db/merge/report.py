"""What a merge says: the kinds of records and their fates, why (as translatable texts), the
children it offers instead of deciding, and the administrator's decisions."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from db.errors import QT_TRANSLATE_NOOP, DomainError

MERGE_RECORDS = QT_TRANSLATE_NOOP("DomainError", "merge a laptop's records")


class LaptopFileRefused(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "{path} cannot be merged: {problem}. Nothing was changed."
    )


class LaptopFileInUse(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "{path} is the database in use itself: choose the laptop's file. Nothing was changed.",
    )


class NoSuchLaptopChild(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "The laptop's file has no child #{laptop}. Nothing was changed."
    )


class NoSuchChildToMatch(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database in use has no child #{shared} to match the laptop's child #{laptop} "
        "with. Nothing was changed.",
    )


class Kind(enum.StrEnum):
    """The kinds of records a merge brings, in the order they are merged."""

    SITE = "site"
    PROGRAM = "program"
    SESSION = "session"
    CHILD = "child"
    CONSENT = "consent"
    CHECK_IN = "check_in"
    ITEM = "item"
    LOAN = "loan"


class Fate(enum.StrEnum):
    ADDED = "added"
    MATCHED = "matched"  # already there: nothing to add
    UPDATED = "updated"  # already there, and the laptop knew more (a return, a withdrawal)
    LEFT_OUT = "left_out"
    NEEDS_DECISION = "needs_decision"


@dataclass(frozen=True)
class Note:
    """Why or how, as a source text (translated in the "Merge" context) and its fields."""

    template: str
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**self.fields)


BY_CARD = QT_TRANSLATE_NOOP("Merge", "matched by card with #{id}")
BY_REGISTRATION = QT_TRANSLATE_NOOP("Merge", "the same registration as #{id}")
BY_NAME = QT_TRANSLATE_NOOP("Merge", "matched by name and birth year with #{id}")
BY_DECISION = QT_TRANSLATE_NOOP("Merge", "matched with #{id}, as decided")
ADDED_AS_DECIDED = QT_TRANSLATE_NOOP("Merge", "a new child, as decided")
GETS_CARD = QT_TRANSLATE_NOOP("Merge", "matched with #{id}, who gets the card made on the laptop")
SAME_NAME = QT_TRANSLATE_NOOP("Merge", "the same name as {candidates}: the same child?")
ERASED_HERE = QT_TRANSLATE_NOOP(
    "Merge", "erased in the database in use on {day}: the laptop's copy does not bring it back"
)
ERASED_ON_LAPTOP = QT_TRANSLATE_NOOP("Merge", "erased on the laptop")
CHILD_LEFT_OUT = QT_TRANSLATE_NOOP("Merge", "the child is left out")
NO_ACCOUNT = QT_TRANSLATE_NOOP(
    "Merge", "lent to the account {username}, which the database in use does not have"
)
ITEM_OUT = QT_TRANSLATE_NOOP("Merge", "{tag} is out in the database in use since {moment}")
RETURNED = QT_TRANSLATE_NOOP("Merge", "returned on the laptop")
WITHDRAWN = QT_TRANSLATE_NOOP("Merge", "withdrawn on the laptop")
MARKED = QT_TRANSLATE_NOOP("Merge", "marked on the laptop as {status}")
# A session's status in MARKED's words (a planned one is never marked on the laptop).
STATUS_WORDS = {
    "held": QT_TRANSLATE_NOOP("Merge", "held"),
    "cancelled": QT_TRANSLATE_NOOP("Merge", "did not occur"),
}


@dataclass(frozen=True)
class Candidate:
    """A child of the database in use that a laptop's child may be."""

    participant_id: int
    full_name: str
    birth_year: int | None

    @property
    def label(self) -> str:
        born = f", {self.birth_year}" if self.birth_year else ""
        return f"#{self.participant_id} {self.full_name}{born}"


@dataclass(frozen=True)
class MergeLine:
    """One record of the laptop's file and what the merge does (or would do) with it."""

    kind: Kind
    laptop_id: int
    what: str  # the record in its own words: names, tags, days and times
    fate: Fate
    why: Note | None = None
    candidates: tuple[Candidate, ...] = ()

    @property
    def one_by_one(self) -> bool:
        """Listed on its own: what is left out or changed, and the few new sites, programs,
        sessions and items; new check-ins, loans and consents are only counted."""
        if self.fate is Fate.ADDED:
            return self.kind in (Kind.SITE, Kind.PROGRAM, Kind.SESSION, Kind.ITEM)
        return self.fate in (Fate.UPDATED, Fate.LEFT_OUT)


@dataclass(frozen=True)
class MergeReport:
    file_name: str
    written: bool  # False: a dry run, or nothing to write
    lines: tuple[MergeLine, ...]

    def count(self, kind: Kind, fate: Fate) -> int:
        return sum(1 for line in self.lines if line.kind is kind and line.fate is fate)

    def counts(self) -> Counter[tuple[Kind, Fate]]:
        return Counter((line.kind, line.fate) for line in self.lines)

    @property
    def undecided(self) -> list[MergeLine]:
        return [line for line in self.lines if line.fate is Fate.NEEDS_DECISION]


@dataclass(frozen=True)
class Decisions:
    """An administrator's answers for the children that need one: the laptop's child is the
    database's child (matches), or a new child (added, or every undecided one)."""

    matches: Mapping[int, int] = field(default_factory=dict)
    added: Collection[int] = ()
    add_unmatched: bool = False

"""The command that merges a camp laptop's file into the database in use, or says what it would."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from db.startup import open_database

if TYPE_CHECKING:
    from db.merge import Fate, MergeLine, MergeReport

# How each kind of record is counted in words (one, many).
_KINDS = {
    "site": ("site", "sites"),
    "program": ("program", "programs"),
    "session": ("session", "sessions"),
    "child": ("child", "children"),
    "consent": ("consent", "consents"),
    "check_in": ("check-in", "check-ins"),
    "item": ("item", "items"),
    "loan": ("loan", "loans"),
}


def match_choice(text: str) -> tuple[int, int]:
    """--match LAPTOP_ID=SHARED_ID: the laptop's child is this child of the database in use."""
    laptop, _, shared = text.partition("=")
    try:
        return int(laptop), int(shared)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--match takes two child numbers, the laptop's and the database's: 12=40, not {text!r}"
        ) from None


def _counted(number: int, kind: str) -> str:
    one, many = _KINDS[kind]
    return f"{number} {one if number == 1 else many}"


def _line(line: MergeLine) -> str:
    why = f": {line.why.text}" if line.why is not None else ""
    return f"  {_KINDS[line.kind.value][0]} {line.what}{why}"


def _summary(report: MergeReport, fate: Fate, heading: str) -> str | None:
    from db.merge import Kind

    parts = [_counted(number, kind.value) for kind in Kind if (number := report.count(kind, fate))]
    return f"{heading}: {', '.join(parts)}." if parts else None


def print_report(report: MergeReport) -> None:
    """The children one by one, what is left out and why, and the counts of everything."""
    from db.merge import Fate, Kind

    children = [line for line in report.lines if line.kind is Kind.CHILD]
    if children:
        print("Children of the laptop:")
        for line in children:
            what = {
                Fate.ADDED: "new",
                Fate.MATCHED: "matched",
                Fate.UPDATED: "matched",
                Fate.LEFT_OUT: "left out",
                Fate.NEEDS_DECISION: "needs a decision",
            }[line.fate]
            why = f" ({line.why.text})" if line.why is not None else ""
            name = f" {line.what}" if line.what else ""  # an erased child has none
            print(f"  #{line.laptop_id}{name}: {what}{why}")
    others = [line for line in report.lines if line.kind is not Kind.CHILD and line.one_by_one]
    for fate, heading in (
        (Fate.ADDED, "New" if report.written else "Would be new"),
        (Fate.UPDATED, "Brought up to date"),
        (Fate.LEFT_OUT, "Left out"),
    ):
        shown = [line for line in others if line.fate is fate]
        if shown:
            print(f"{heading}:")
            for line in shown:
                print(_line(line))
    conditional = not report.written
    for fate, done, would in (
        (Fate.ADDED, "Added", "Would add"),
        (Fate.MATCHED, "Already there", "Already there"),
        (Fate.UPDATED, "Brought up to date", "Would bring up to date"),
        (Fate.LEFT_OUT, "Left out", "Would leave out"),
    ):
        said = _summary(report, fate, would if conditional else done)
        if said is not None:
            print(said)
    undecided = report.undecided
    if undecided:
        example = undecided[0]
        need = "needs" if len(undecided) == 1 else "need"
        left = (
            "would be" if conditional else "was" if len(undecided) == 1 else "were"
        ) + " left out"
        print(
            f"{_counted(len(undecided), 'child')} {need} a decision and {left} with their records: "
            f"--match {example.laptop_id}={example.candidates[0].participant_id} says the "
            "laptop's child is that child, --add-unmatched adds them as new children."
        )


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge a camp laptop's file (administrators: whoever may open the database directly)."""
    from db.merge import Decisions, merge_laptop

    database = open_database(args.db)
    decisions = Decisions(matches=dict(args.match or ()), add_unmatched=args.add_unmatched)
    report = merge_laptop(database, args.file, by=None, decisions=decisions, dry_run=args.dry_run)
    print_report(report)
    if args.dry_run:
        print(f"Dry run: nothing was written from {report.file_name}.")
    else:
        print(f"Merged {report.file_name} in one go; the audit log holds the counts.")
    return 0

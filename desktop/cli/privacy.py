"""Commands for children's records: erase a child, export what is stored, apply retention."""

from __future__ import annotations

import argparse
import sys

from db.startup import open_database
from desktop.cli.common import EXIT_REFUSED, progress_line


def cmd_privacy_erase(args: argparse.Namespace) -> int:
    from db.privacy import erase_participant

    if not args.yes:
        print(
            f"Erasing participant #{args.participant} cannot be undone: add --yes to confirm.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if erase_participant(open_database(args.db), args.participant, by=None):
        print(f"Erased participant #{args.participant}; their attendance stays, anonymous.")
    else:
        print(f"Participant #{args.participant} was erased before: nothing left to erase.")
    return 0


def cmd_privacy_export(args: argparse.Namespace) -> int:
    """An access request: a PDF to hand over when the file ends in .pdf, JSON otherwise."""
    from desktop.documents.access_request import write_access_request

    database = open_database(args.db)
    write_access_request(database, args.participant, args.out, by=None, language=args.language)
    print(f"Wrote everything stored about participant #{args.participant} to {args.out}")
    return 0


def cmd_privacy_retention(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from db.dates import day_text
    from db.retention import erase_past_retention, past_retention, retention_rule

    database = open_database(args.db)
    rule = retention_rule(database)
    if args.years is not None:
        rule = replace(rule, years=args.years)
    past = past_retention(database, rule, by=None)
    for child in past:
        seen = "last came" if child.came else "registered, never came"
        print(f"#{child.participant_id} {child.full_name}: {seen} {day_text(child.last_seen)}")
    start = rule.start.value.replace("_", " ")
    print(f"{len(past)} children are past the retention of {rule.years} years after the {start}.")
    if not args.erase or not past:
        return 0
    if not args.yes:
        print("Erasing cannot be undone: add --yes to confirm.", file=sys.stderr)
        return EXIT_REFUSED
    count = erase_past_retention(database, rule, by=None, progress=progress_line("Erasing"))
    print(f"Erased {count} children; their attendance stays, anonymous.")
    return 0

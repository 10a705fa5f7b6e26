"""Commands that print, export or import: reports, labels, cards, exports, a roster."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from db.startup import open_database
from desktop.cli.common import EXIT_REFUSED, progress_line, write_pdf


def cmd_report_signin(args: argparse.Namespace) -> int:
    from db.reports import signin_sheet_data
    from desktop.documents.signin import signin_sheet_pdf

    data = signin_sheet_data(open_database(args.db), args.session, by=None)
    return write_pdf(signin_sheet_pdf(data, args.language), args.out)


def cmd_report_monthly(args: argparse.Namespace) -> int:
    from db.reports import monthly_attendance_data
    from desktop.documents.monthly import monthly_report_pdf

    year, month = args.month
    data = monthly_attendance_data(
        open_database(args.db), year, month, program_id=args.program, site_name=args.site, by=None
    )
    return write_pdf(monthly_report_pdf(data, args.language), args.out)


def cmd_report_indicators(args: argparse.Namespace) -> int:
    from db.indicators import indicators_data
    from desktop.documents.indicators import indicators_pdf

    data = indicators_data(open_database(args.db), args.first, args.last, site_name=args.site)
    return write_pdf(indicators_pdf(data, args.language), args.out)


def cmd_labels(args: argparse.Namespace) -> int:
    from db.printing import labels_data
    from desktop.documents.labels import TEMPLATES, labels_pdf

    per_page = TEMPLATES[args.template].per_page
    if not 1 <= args.start <= per_page:
        print(f"--start must be 1 to {per_page} on the {args.template} template", file=sys.stderr)
        return EXIT_REFUSED
    labels = labels_data(open_database(args.db), args.items)
    pdf = labels_pdf(labels, args.template, args.start, language=args.language)
    return write_pdf(pdf, args.out)


def cmd_cards(args: argparse.Namespace) -> int:
    from db.printing import cards_data
    from desktop.documents.cards import member_cards_pdf

    ids = None
    if args.participants is not None:
        try:
            ids = [int(part) for part in args.participants]
        except ValueError:
            print("--participants takes participant numbers: 12,15,40", file=sys.stderr)
            return EXIT_REFUSED
    cards = cards_data(open_database(args.db), ids, by=None)
    return write_pdf(member_cards_pdf(cards, args.language), args.out)


def cmd_export(args: argparse.Namespace) -> int:
    from db import exports
    from desktop.documents.exports import write_export

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        print("--out must end in .csv or .xlsx", file=sys.stderr)
        return EXIT_REFUSED
    database = open_database(args.db)
    rows: Sequence[object]
    # by=None: whoever may open the database file or URL reads as an administrator.
    if args.kind == "attendance":
        rows = exports.attendance_rows(
            database, args.first, args.last, site_name=args.site, by=None
        )
    elif args.kind == "participants":
        rows = exports.participant_rows(
            database, args.first, args.last, site_name=args.site, by=None
        )
    else:
        rows = exports.loan_rows(database, args.first, args.last, site_name=args.site, by=None)
    write_export(args.kind, rows, args.out, args.language, progress_line("Writing"))
    print(f"Wrote {args.out} ({len(rows)} rows)")
    return 0


def cmd_import_participants(args: argparse.Namespace) -> int:
    """Read a roster, print each row's problems, and register the valid rows in one go."""
    from db.names import fold
    from db.programs import list_sites
    from db.roster import import_roster, preview_roster

    database = open_database(args.db)
    sites = list_sites(database)
    chosen = [s for s in sites if args.site is None or fold(s[1]) == fold(args.site)]
    if len(chosen) != 1:
        names = ", ".join(name for _id, name, _country in sites) or "none yet"
        wanted = "name one of the sites with --site" if args.site is None else "no such site"
        print(f"Which site do the children belong to? {wanted} ({names})", file=sys.stderr)
        return EXIT_REFUSED
    preview = preview_roster(database, args.file)
    where = "XLSX" if preview.separator is None else f"{preview.encoding}, '{preview.separator}'"
    print(f"{args.file.name} ({where}): {len(preview.rows)} rows")
    if preview.ignored_columns:
        print(f"Columns not imported: {', '.join(preview.ignored_columns)}")
    for row in preview.problem_rows:
        problems = " ".join(problem.message for problem in row.problems)
        print(f"row {row.row}: {row.full_name or '(no name)'}: {problems}")
    valid = preview.valid_rows
    if not valid:
        print("Nothing to import: no row is valid.", file=sys.stderr)
        return EXIT_REFUSED
    if args.dry_run:
        print(f"{len(valid)} children would be imported into {chosen[0][1]} (--dry-run).")
        return 0
    count = import_roster(database, valid, chosen[0][0], progress=progress_line("Importing"))
    print(f"Imported {count} children into {chosen[0][1]}.")
    return 0

"""The command line: the argument parser and the dispatch; one thin function per command over
the records core (in this package's modules, one per group of commands), plain words on errors."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop.cli.backups import cmd_backup, cmd_restore
from desktop.cli.common import (
    EXIT_DATABASE,
    EXIT_REFUSED,
    _PrivateLogFile,
    chosen_database,
    progress_line,
    start_logging,
    system_user,
)
from desktop.cli.desk import cmd_demo, cmd_migrate, cmd_scan
from desktop.cli.documents import (
    cmd_cards,
    cmd_export,
    cmd_import_participants,
    cmd_labels,
    cmd_report_indicators,
    cmd_report_monthly,
    cmd_report_signin,
)
from desktop.cli.merge import cmd_merge, match_choice
from desktop.cli.privacy import cmd_privacy_erase, cmd_privacy_export, cmd_privacy_retention
from desktop.cli.server import cmd_audit_verify, cmd_server_setup
from desktop.cli.users import cmd_user_add, cmd_user_disable, cmd_user_passwd

# What the tests and main.py take from desktop.cli.
__all__ = [
    "EXIT_DATABASE",
    "EXIT_REFUSED",
    "_PrivateLogFile",
    "main",
    "parser",
    "progress_line",
    "start_logging",
    "system_user",
]

log = logging.getLogger("openup")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}") from None
    return year, month


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def cmd_open(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(args.db)


def cmd_kiosk(args: argparse.Namespace) -> int:
    from desktop.app import run_kiosk

    return run_kiosk(args.db)


def parser() -> argparse.ArgumentParser:
    from desktop.about import version_line

    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: a file path, sqlite:///FILE or postgresql+psycopg://… (default: "
        "$OPENUP_DB, else the database chosen in the program, else a file in the user's data "
        "folder)",
    )
    top = argparse.ArgumentParser(
        prog="main.py",
        description="OpenUp Desk: attendance and equipment loans for the OPEN UP project. "
        "Without a command, the program opens.",
        parents=[database],
    )
    top.add_argument("--version", action="version", version=version_line())
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[database], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    command(
        "migrate",
        cmd_migrate,
        "bring the database's schema up to date (a SQLite file is backed up first; running it "
        "is the administrator's confirmation to upgrade a shared database)",
    )
    command(
        "demo", cmd_demo, "fill the database with a believable OPEN UP year (safe to run again)"
    )
    scan = command(
        "scan", cmd_scan, "say what a scanned code is: an item and who has it, or a child's card"
    )
    scanned = scan.add_mutually_exclusive_group(required=True)
    scanned.add_argument("code", nargs="?", help="the text the scanner typed, e.g. I-LAP-01-V")
    scanned.add_argument(
        "--image",
        type=Path,
        metavar="PHOTO",
        help="read the QR code in a photo or screenshot (PNG, JPEG) instead",
    )
    scan.add_argument("--json", action="store_true", help="print one JSON object for scripts")

    document = argparse.ArgumentParser(add_help=False, parents=[database])
    document.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to write")
    document.add_argument(
        "--language", choices=("lv", "en", "lt"), default="lv", help="the document's language"
    )
    report = commands.add_parser("report", help="print a report to a PDF file")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    signin = reports.add_parser(
        "signin", parents=[document], help="the sign-in sheet of one session"
    )
    signin.add_argument("--session", type=int, required=True, metavar="ID")
    signin.set_defaults(run=cmd_report_signin)
    monthly = reports.add_parser(
        "monthly", parents=[document], help="the monthly attendance report"
    )
    monthly.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    monthly.add_argument("--program", type=int, metavar="ID", help="only this program")
    monthly.add_argument("--site", metavar="NAME", help="only this site, e.g. Jēkabpils")
    monthly.set_defaults(run=cmd_report_monthly)
    indicators = reports.add_parser(
        "indicators", parents=[document], help="the project's indicators for the funder"
    )
    indicators.add_argument("--from", dest="first", type=_day, required=True, metavar="DATE")
    indicators.add_argument("--to", dest="last", type=_day, required=True, metavar="DATE")
    indicators.add_argument("--site", metavar="NAME", help="only this site")
    indicators.set_defaults(run=cmd_report_indicators)

    from desktop.documents.labels import DEFAULT_TEMPLATE, TEMPLATES

    labels = command("labels", cmd_labels, "QR labels for equipment, on a label sheet")
    labels.add_argument("--template", choices=sorted(TEMPLATES), default=DEFAULT_TEMPLATE)
    labels.add_argument("--items", type=_list, metavar="TAG,…", help="default: every item")
    labels.add_argument("--start", type=int, default=1, help="first free label on the sheet")
    labels.add_argument("--out", type=Path, required=True, metavar="FILE")
    labels.add_argument("--language", choices=("lv", "en", "lt"), default="lv")
    cards = command("cards", cmd_cards, "member cards for children, 10 to an A4 page")
    cards.add_argument(
        "--participants", type=_list, metavar="ID,…", help="default: every active child"
    )
    cards.add_argument("--out", type=Path, required=True, metavar="FILE")
    cards.add_argument(
        "--language",
        choices=("lv", "en", "lt"),
        help="default: each card in its child's library's language (Lithuanian in Rokiškis)",
    )
    export = command("export", cmd_export, "attendance, participants or loans as CSV or XLSX")
    export.add_argument("kind", choices=("attendance", "participants", "loans"))
    export.add_argument("--from", dest="first", type=_day, metavar="DATE")
    export.add_argument("--to", dest="last", type=_day, metavar="DATE")
    export.add_argument("--site", metavar="NAME")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    export.add_argument("--language", choices=("lv", "en", "lt"), default="lv")
    importing = commands.add_parser("import", help="import records from a file")
    imports = importing.add_subparsers(dest="what", metavar="WHAT", required=True)
    roster = imports.add_parser(
        "participants",
        parents=[database],
        help="register the children of a roster (CSV or XLSX), all valid rows or none",
        description="Register the children of a roster (CSV in UTF-8 or Windows-1257 with ; "
        "or , between columns, or XLSX). Rows with problems are listed and left out; "
        "the valid rows are imported in one transaction.",
    )
    roster.add_argument("file", type=Path, metavar="FILE", help="the roster: .csv or .xlsx")
    roster.add_argument("--site", metavar="NAME", help="the children's site, e.g. Jēkabpils")
    roster.add_argument(
        "--dry-run", action="store_true", help="only show the problems, import nothing"
    )
    roster.set_defaults(run=cmd_import_participants)
    backup = command(
        "backup",
        cmd_backup,
        "copy the SQLite database safely (also while the program runs) and check the copy",
    )
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="a new file (default: the backups folder)"
    )
    restore = command(
        "restore",
        cmd_restore,
        "replace the SQLite database with a checked backup, keeping a copy of the current state "
        "(close the program on every computer using the file first)",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    user = commands.add_parser(
        "user",
        help="add an account, set a password, or disable an account (direct database access)",
    )
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    password_stdin = argparse.ArgumentParser(add_help=False)
    password_stdin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (for scripts)",
    )
    user_add = users.add_parser(
        "add",
        parents=[database, password_stdin],
        help="add an account; the password is asked twice",
    )
    user_add.add_argument("username", help="2–60 small letters, digits, dots, hyphens")
    user_add.add_argument("--name", metavar="NAME", help='the name people see, e.g. "Anna Ozoliņa"')
    user_add.add_argument("--admin", action="store_true", help="an administrator, not a librarian")
    user_add.set_defaults(run=cmd_user_add)
    user_passwd = users.add_parser(
        "passwd",
        parents=[database, password_stdin],
        help="set a new password (also unlocks an account locked after wrong passwords)",
    )
    user_passwd.add_argument("username")
    user_passwd.set_defaults(run=cmd_user_passwd)
    user_disable = users.add_parser(
        "disable", parents=[database], help="close an account; its records keep its name"
    )
    user_disable.add_argument("username")
    user_disable.set_defaults(run=cmd_user_disable)
    privacy = commands.add_parser(
        "privacy",
        help="erase a child, export everything about a child, or apply the retention period",
    )
    privacies = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    erase = privacies.add_parser(
        "erase",
        parents=[database],
        help="erase a child's name, contacts, notes, consents and card code; "
        "attendance stays as anonymous rows, so the totals do not change",
    )
    erase.add_argument("participant", type=int, metavar="PARTICIPANT_ID")
    erase.add_argument("--yes", action="store_true", help="confirm: erasure cannot be undone")
    erase.set_defaults(run=cmd_privacy_erase)
    access = privacies.add_parser(
        "export",
        parents=[database],
        help="write everything stored about a child to a JSON or PDF file (an access request)",
    )
    access.add_argument("participant", type=int, metavar="PARTICIPANT_ID")
    access.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="where to write: a PDF to hand over when the name ends in .pdf, JSON otherwise",
    )
    access.add_argument(
        "--language",
        choices=("lv", "en", "lt"),
        default="lv",
        help="the PDF's language",
    )
    access.set_defaults(run=cmd_privacy_export)
    retention = privacies.add_parser(
        "retention",
        parents=[database],
        help="list the children kept longer than the library's retention rule allows; "
        "with --erase --yes, erase them",
    )
    retention.add_argument(
        "--years",
        type=int,
        metavar="N",
        help="the retention period in years (default: the library's rule, set in Settings)",
    )
    retention.add_argument("--erase", action="store_true", help="erase the children listed")
    retention.add_argument("--yes", action="store_true", help="confirm the erasure")
    retention.set_defaults(run=cmd_privacy_retention)
    server = commands.add_parser(
        "server", help="for the person who runs the shared PostgreSQL server"
    )
    servers = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    setup = servers.add_parser(
        "setup",
        parents=[database],
        help="prepare an empty PostgreSQL database: a schema owner that migrates and a desk "
        "account without DROP or DDL rights; prints the pg_hba lines and TLS advice",
        description="Prepare an empty PostgreSQL database for OpenUp Desk. --db names the "
        "database with an account that may create roles, e.g. "
        "postgresql+psycopg://postgres@localhost/openup.",
    )
    setup.add_argument("--owner", metavar="ROLE", help="schema owner (default: DATABASE_owner)")
    setup.add_argument("--desk", metavar="ROLE", help="desk account (default: DATABASE_desk)")
    setup.set_defaults(run=cmd_server_setup)
    audit = commands.add_parser("audit", help="check that the audit log was not changed")
    audits = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audits.add_parser(
        "verify",
        parents=[database],
        help="check every event of the audit log against the chain; exits with 1 and names "
        "the first broken link when an event was removed, changed or added outside the program",
    )
    verify.set_defaults(run=cmd_audit_verify)
    merge = command(
        "merge",
        cmd_merge,
        "merge a camp laptop's own database file (sessions, check-ins, walk-in children, "
        "loans, consents) into the database in use, in one go; running it again adds nothing",
    )
    merge.add_argument("file", type=Path, metavar="FILE", help="the laptop's .sqlite3 file")
    merge.add_argument(
        "--dry-run",
        action="store_true",
        help="only say what would be added, matched and left out, and why; write nothing",
    )
    merge.add_argument(
        "--match",
        type=match_choice,
        action="append",
        metavar="LAPTOP_ID=SHARED_ID",
        help="a child the merge was unsure of is this child of the database in use (repeat it)",
    )
    merge.add_argument(
        "--add-unmatched",
        action="store_true",
        help="add the children the merge was unsure of (and not --match-ed) as new children",
    )
    command(
        "kiosk",
        cmd_kiosk,
        "open the self check-in for the interactive table, full screen, for the session "
        "running now (a librarian signs in first; leaving it asks for a password)",
    )
    top.set_defaults(run=cmd_open)
    return top


def main(argv: Sequence[str]) -> int:
    from db.errors import DomainError

    args = parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    try:
        start_logging()
    except OSError as error:  # a read-only home must not stop the desk
        print(f"Cannot write the log file: {error}", file=sys.stderr)
    try:
        if args.run not in (cmd_open, cmd_kiosk):  # the window asks and chooses for itself
            args.db = chosen_database(args.db)
        return int(args.run(args))
    except DomainError as refusal:
        from db.connection import ConnectionFailed

        if isinstance(refusal, ConnectionFailed):  # the database, not the command, is the trouble
            log.warning("cannot reach the database: %s", refusal.message)
            print(f"Cannot use the database: {refusal.message}", file=sys.stderr)
            return EXIT_DATABASE
        if getattr(args, "json", False):
            print(json.dumps({"refused": refusal.message}, ensure_ascii=False))
        print(refusal.message, file=sys.stderr)
        return EXIT_REFUSED
    except Exception as error:
        from sqlalchemy.exc import ArgumentError, DBAPIError

        if not isinstance(error, DBAPIError | ArgumentError):
            raise
        log.exception("database error")
        print(
            f"Cannot use the database: {error.__class__.__name__}: {getattr(error, 'orig', error)}",
            file=sys.stderr,
        )
        return EXIT_DATABASE

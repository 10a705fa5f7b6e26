"""The command line: one thin function per command over the records core, plain words on errors."""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

from db.startup import open_database

log = logging.getLogger("openup")

EXIT_REFUSED = 1
EXIT_DATABASE = 2


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """Log files (the current one and each rotated one) created readable by the owner only."""

    def _open(self) -> Any:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def start_logging() -> Path:
    """Log to a file in the user's data folder, readable by the owner only."""
    from db.database import data_folder

    folder = data_folder() / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "openup.log"
    handler = _PrivateLogFile(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if os.name == "posix":
        path.chmod(0o600)
    return path


def progress_line(what: str, unit: str = "") -> Callable[[int, int], bool] | None:
    """A progress line on stderr ("Erasing: 1200 / 1976"), rewritten in place, when a person
    watches the terminal; nothing when stderr goes to a file or another program."""
    if not sys.stderr.isatty():
        return None
    suffix = f" {unit}" if unit else ""

    def show(done: int, total: int) -> bool:
        end = "\n" if done >= total else ""
        print(f"\r{what}: {done} / {total}{suffix}", end=end, file=sys.stderr, flush=True)
        return True

    return show


def cmd_migrate(args: argparse.Namespace) -> int:
    from db.database import describe
    from db.migrate import current_revision

    # Running the command is the administrator's confirmation to upgrade a shared database.
    database = open_database(args.db, confirmed=True)
    print(f"{describe(database.url)}: schema at revision {current_revision(database)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill the demo year and say in words what it added (a rerun adds nothing)."""
    from db.database import describe
    from db.demo import fill_demo, summarize
    from db.demo_data import DEMO_PASSWORDS

    def counted(number: int, one: str, many: str) -> str:
        # Thousands apart by a plain space, as Latvian writes them ("1 279"); any console prints it.
        return f"{number:,}".replace(",", " ") + " " + (one if number == 1 else many)

    database = open_database(args.db)
    before = summarize(database)
    after = fill_demo(database)
    where = describe(database.url)
    changes = (
        (after.sites - before.sites, "site", "sites"),
        (after.programs - before.programs, "program", "programs"),
        (after.sessions - before.sessions, "session", "sessions"),
        (after.participants - before.participants, "participant", "participants"),
        (after.attendance - before.attendance, "check-in", "check-ins"),
        (after.items - before.items, "item", "items"),
        (after.kits - before.kits, "kit", "kits"),
        (after.loans - before.loans, "loan", "loans"),
    )
    added = [counted(number, one, many) for number, one, many in changes if number]
    if not added:
        print(f"The demo year is already in {where}: nothing was added.")
        return 0
    what = "The demo year" if before.sessions == 0 else "Today's demo session"
    print(f"{what} was added to {where}: {', '.join(added)}.")
    print(f"Out now: {counted(after.open_loans, 'item', 'items')}, {after.overdue_loans} overdue.")
    if after.staff > before.staff:
        accounts = ", ".join(f"{name} / {password}" for name, password in DEMO_PASSWORDS.items())
        print(f"Accounts (name / password): {accounts}.")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    """Say what a scanned code is: an item with its status and borrower, or a child's card."""
    from db.dates import moment_text
    from db.equipment import item_state
    from db.people import find_by_card
    from db.scancodes import CardCode, decode_scan
    from desktop.qr_reader import code_in_image_file

    if args.image is not None:
        code = code_in_image_file(args.image)
        scanned = code.text
    else:
        code = decode_scan(args.code)
        scanned = args.code
    database = open_database(args.db)
    if isinstance(code, CardCode):
        child = find_by_card(database, code.code, scanned=scanned, by=None)
        answer: dict[str, Any] = {
            "kind": "card",
            "code": code.text,
            "participant_id": child.id,
            "name": child.full_name,
            "birth_year": child.birth_year,
            "no_photos": child.no_photos,
        }
        text = f"{code.text}: member card of {child.full_name}" + (
            " (no photos)" if child.no_photos else ""
        )
    else:
        item = item_state(database, code.tag, by=None)
        loan = item.loan
        answer = {
            "kind": "item",
            "code": code.text,
            "tag": item.tag,
            "name": item.name,
            "category": item.category.value,
            "status": item.status.value,
            "parts": item.parts,
            "on_loan": None
            if loan is None
            else {
                "borrower": loan.borrower,
                "lent_at": loan.lent_at.isoformat(),
                "due_at": loan.due_at.isoformat(),
                "overdue": loan.overdue,
            },
        }
        where = (
            "in the library"
            if loan is None
            else f"lent to {loan.borrower}, due {moment_text(loan.due_at)}"
            + (" — OVERDUE" if loan.overdue else "")
        )
        text = f"{item.tag} {item.name}: {item.status.value}, {where}"
    print(json.dumps(answer, ensure_ascii=False) if args.json else text)
    return 0


def _write_pdf(pdf: bytes, out: Path) -> int:
    from db.files import write_file

    write_file(out, pdf)  # CannotWriteFile, a refusal, if the system will not have it
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    print(f"Wrote {out} ({pages} {'page' if pages == 1 else 'pages'})")
    return 0


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


def cmd_report_signin(args: argparse.Namespace) -> int:
    from db.reports import signin_sheet_data
    from desktop.documents.signin import signin_sheet_pdf

    data = signin_sheet_data(open_database(args.db), args.session, by=None)
    return _write_pdf(signin_sheet_pdf(data, args.language), args.out)


def cmd_report_monthly(args: argparse.Namespace) -> int:
    from db.reports import monthly_attendance_data
    from desktop.documents.monthly import monthly_report_pdf

    year, month = args.month
    data = monthly_attendance_data(
        open_database(args.db), year, month, program_id=args.program, site_name=args.site, by=None
    )
    return _write_pdf(monthly_report_pdf(data, args.language), args.out)


def cmd_report_indicators(args: argparse.Namespace) -> int:
    from db.indicators import indicators_data
    from desktop.documents.indicators import indicators_pdf

    data = indicators_data(open_database(args.db), args.first, args.last, site_name=args.site)
    return _write_pdf(indicators_pdf(data, args.language), args.out)


def cmd_labels(args: argparse.Namespace) -> int:
    from db.printing import labels_data
    from desktop.documents.labels import TEMPLATES, labels_pdf

    per_page = TEMPLATES[args.template].per_page
    if not 1 <= args.start <= per_page:
        print(f"--start must be 1 to {per_page} on the {args.template} template", file=sys.stderr)
        return EXIT_REFUSED
    labels = labels_data(open_database(args.db), args.items)
    pdf = labels_pdf(labels, args.template, args.start, language=args.language)
    return _write_pdf(pdf, args.out)


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
    return _write_pdf(member_cards_pdf(cards, args.language), args.out)


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


def cmd_backup(args: argparse.Namespace) -> int:
    from db.backups import back_up
    from db.database import resolve_url

    copy = back_up(resolve_url(args.db), args.out, progress=progress_line("Copying", "kB"))
    print(f"Backed up to {copy} (integrity check: ok)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from db.database import describe, resolve_url
    from db.restore import restore

    url = resolve_url(args.db)
    kept = restore(url, args.file)
    print(f"Restored {describe(url)} from {args.file}")
    if kept is not None:
        print(f"The state before the restore was kept in {kept}")
    return 0


def _new_password(args: argparse.Namespace) -> str | None:
    """The password from stdin (--password-stdin), else typed twice; None: refused, said why."""
    from db.accounts import MIN_PASSWORD_LENGTH

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(f"New password for {args.username}: ")
        if getpass.getpass("The same password again: ") != password:
            print("The two passwords differ; nothing was changed.", file=sys.stderr)
            return None
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.", file=sys.stderr)
        return None
    return password


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add an account with direct access to the database (no sign-in: that is the point)."""
    from db.accounts import add_staff, list_staff
    from db.models import Role

    database = open_database(args.db)
    username = args.username.strip().lower()
    if any(row[1] == username for row in list_staff(database, active_only=False)):
        print(
            f"The account {username} exists already: use `user passwd {username}`.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    password = _new_password(args)
    if password is None:
        return EXIT_REFUSED
    role = Role.ADMIN if args.admin else Role.LIBRARIAN
    add_staff(database, username, args.name or username, role, password=password)
    print(f"Added the {role.value} account {username}.")
    return 0


def system_user() -> str:
    """Who is at the computer, for the audit log; never fails (a service may have no name)."""
    import getpass

    try:
        return getpass.getuser() or "?"
    except Exception:  # getuser raises OSError or KeyError where the system knows no name
        return "?"


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """A new password (which also lifts a lockout), for whoever forgot theirs."""
    from db.accounts import set_password, staff_id_of

    database = open_database(args.db)
    staff_id = staff_id_of(database, args.username)
    password = _new_password(args)
    if password is None:
        return EXIT_REFUSED
    set_password(database, staff_id, password, command_line_user=system_user())
    print(f"New password set for {args.username.strip().lower()}.")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from db.accounts import disable_staff, staff_id_of

    database = open_database(args.db)
    disable_staff(database, staff_id_of(database, args.username))
    print(f"The account {args.username.strip().lower()} can no longer sign in.")
    return 0


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
    from db.privacy import erase_past_retention, past_retention, retention_rule

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


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Check the audit log's chain; exit 0 when intact, else name the first broken link."""
    from db.audit_log import check_audit_log, check_sentence

    found = check_audit_log(open_database(args.db), by=None)
    template, fields = check_sentence(found)
    print(template.format(**fields), file=sys.stdout if found.intact else sys.stderr)
    return 0 if found.intact else EXIT_REFUSED


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Prepare an empty PostgreSQL database: the roles, the schema, and what to copy where."""
    from db.database import resolve_url
    from db.server_setup import pg_hba_lines, set_up_server

    url = resolve_url(args.db)
    made = set_up_server(url, owner=args.owner, desk=args.desk)
    host = url.host or "SERVER"
    print(f"The database {made.database} is ready for OpenUp Desk.")
    print(f"  schema owner (migrations only): {made.owner}  password: {made.owner_password}")
    print(f"  desk account (every laptop):    {made.desk}  password: {made.desk_password}")
    print(
        "Keep these passwords safe: they are shown only now. On each laptop, Settings → "
        "Database takes the server, the desk account and its password (kept in the "
        "laptop's keyring)."
    )
    print()
    print("Copy into pg_hba.conf (before any broader line), then reload the server:")
    for line in pg_hba_lines(made):
        print(f"  {line}")
    print()
    print(
        "TLS: in postgresql.conf set ssl = on, ssl_cert_file and ssl_key_file (a certificate "
        f"for {host}), password_encryption = scram-sha-256; give the laptops the CA file and "
        "choose verify-full. Over the internet allow only port 5432 with TLS, or reach the "
        "server through a VPN."
    )
    print(
        f"Upgrades: run `main.py --db postgresql+psycopg://{made.owner}@{host}/{made.database} "
        "migrate` with the new version before the laptops get it."
    )
    return 0


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
        "$OPENUP_DB, else a file in the user's data folder)",
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

"""Commands for accounts, for the administrator with direct access to the database."""

from __future__ import annotations

import argparse
import sys

from db.startup import open_database
from desktop.cli.common import EXIT_REFUSED, system_user


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

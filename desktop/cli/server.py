"""Commands for the shared server and the audit log: prepare a database, check the chain."""

from __future__ import annotations

import argparse
import sys

from db.startup import open_database
from desktop.cli.common import EXIT_REFUSED


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

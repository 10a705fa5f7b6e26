"""Commands that copy a SQLite database and put a copy back."""

from __future__ import annotations

import argparse

from desktop.cli.common import progress_line


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

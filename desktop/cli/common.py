"""What every command shares: exit codes, the private log file, progress on a terminal, PDFs
written whole."""

from __future__ import annotations

import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

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


def system_user() -> str:
    """Who is at the computer, for the audit log; never fails (a service may have no name)."""
    import getpass

    try:
        return getpass.getuser() or "?"
    except Exception:  # getuser raises OSError or KeyError where the system knows no name
        return "?"


def write_pdf(pdf: bytes, out: Path) -> int:
    from db.files import write_file

    write_file(out, pdf)  # CannotWriteFile, a refusal, if the system will not have it
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    print(f"Wrote {out} ({pages} {'page' if pages == 1 else 'pages'})")
    return 0


def chosen_database(given: str | None) -> str | URL | None:
    """The database a command works on: --db, else OPENUP_DB (None: resolve_url reads it),
    else the shared server chosen in the program with its password from the keyring, else
    None, the laptop's own file: the same order as the program's window."""
    from desktop.shared_database import chosen_url, named_outside

    if named_outside(given):
        return given
    from desktop.settings import Settings

    return chosen_url(Settings())

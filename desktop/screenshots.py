"""Grab the windows to PNG, offscreen, on a demo database: `python -m desktop.screenshots`.

Every page as the demo librarian sees it, then the Audit log as the demo administrator does.

Rerun it when the look changes; the README shows the pictures it writes. The pictures show
the same moment on every run: a Friday afternoon of the demo year, its open session running,
the demo database named as a librarian's would be.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import chdir
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "screenshots"
# Friday 15 November 2019, 16:20 in Jēkabpils (UTC+2): "Lāčplēša stāsti" began at 16:00 and
# the children have come; a year of sessions and loans lies behind it.
FRIDAY_AFTERNOON = datetime(2019, 11, 15, 14, 20, tzinfo=UTC)
DATABASE_FILE = "openup.sqlite3"  # the status bar names it as it would a librarian's


def freeze_clock(at: datetime) -> None:
    """Every "now" of the program is `at`: the demo's today, the desk's running session.

    Modules bind db.clock.now_utc when they are imported, so this must come first."""
    import db.clock

    early = [
        name
        for name in sys.modules
        if name.startswith(("db.", "desktop.")) and name not in ("db.clock", "desktop.screenshots")
    ]
    if early:
        raise RuntimeError(f"the clock must be frozen before these are imported: {early}")
    db.clock.now_utc = lambda: at


def child_without_photos(database: object, session_id: int | None) -> str:
    """The card code of a child at the desk's site with no photo consent, not yet here."""
    from sqlalchemy import select

    from db.models import Attendance, Participant
    from db.people import photo_consent_clause

    with database.reading() as tx:  # type: ignore[attr-defined]
        code = tx.scalars(
            select(Participant.card_code)
            .where(~photo_consent_clause(), Participant.archived.is_(False))
            .where(
                ~Participant.id.in_(
                    select(Attendance.participant_id).where(Attendance.session_id == session_id)
                )
            )
            .order_by(Participant.id)
        ).first()
    return str(code)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--language", default="lv")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()  # the database is made in a folder of its own, entered below
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    freeze_clock(FRIDAY_AFTERNOON)

    from PySide6.QtWidgets import QApplication

    from db.accounts import staff_id_of
    from db.clock import local
    from db.database import Database
    from db.demo import fill_demo
    from db.migrate import migrate
    from db.scancodes import card_text
    from desktop.app import DeskApplication, load_fonts, open_context
    from desktop.operations import Operation
    from desktop.settings import LANGUAGE, Settings

    app = QApplication(sys.argv)
    load_fonts(app)

    def settle() -> None:
        """Until every read and write started has shown its result (pages read on the worker)."""
        while not Operation.idle():
            Operation.wait_for_all()
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    with tempfile.TemporaryDirectory() as folder, chdir(folder):
        url = f"sqlite:///{DATABASE_FILE}"  # relative: the status bar shows the plain name
        database = Database(url)
        migrate(database)
        fill_demo(database, local(FRIDAY_AFTERNOON).date())
        database.dispose()
        settings_path = str(Path(folder) / "settings.ini")
        Settings(settings_path).set(LANGUAGE, args.language)
        ctx = open_context(url, settings_path)
        # Signed in as the demo librarian, without the sign-in dialog.
        desk_app = DeskApplication(ctx, staff_id=staff_id_of(ctx.database, "anna"))
        window = desk_app.window
        window.resize(1280, 800)
        window.show()
        settle()  # the desk's session and lists arrive
        args.out.mkdir(parents=True, exist_ok=True)
        pages = ["desk", "participants", "sessions", "equipment", "reports", "settings"]
        # A child without photo consent arrives, as a scanner would type their card.
        window.desk.scan_input.setText(
            card_text(child_without_photos(desk_app.ctx.database, window.desk.session_id))
        )
        window.desk.scan_input.returnPressed.emit()
        settle()
        # A busy month for the Sessions picture: the October 2018 themes.
        window.sessions.month_view.show_month(2018, 10)
        for index, name in enumerate(pages):
            window.show_page(index)
            settle()
            path = args.out / f"{name}.png"
            window.grab().save(str(path))
            print(path)
        # The Audit log is the administrator's: signed in as the demo admin, the chain checked.
        desk_app.ctx.set_staff(staff_id_of(desk_app.ctx.database, "admin"))
        window.show_page(window.page_keys().index("audit"))
        window.audit_log.check_now()
        settle()
        path = args.out / "audit.png"
        window.grab().save(str(path))
        print(path)
        window.close()
        desk_app.ctx.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

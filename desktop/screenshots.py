"""Grab the windows to PNG, offscreen, on a demo database: `python -m desktop.screenshots`.

Rerun it when the look changes; the README shows the pictures it writes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "screenshots"


def child_without_photos(database: object, session_id: int | None) -> str:
    """The card code of a child at the desk's site with no photo consent, not yet here."""
    from sqlalchemy import select

    from db.models import Attendance, Participant
    from db.people import photo_consent_clause

    with database.reading() as session:  # type: ignore[attr-defined]
        code = session.scalars(
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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from db.accounts import staff_id_of
    from db.database import Database
    from db.demo import fill_demo
    from db.migrate import migrate
    from db.scancodes import card_text
    from desktop.app import Program, load_fonts, open_context
    from desktop.operations import Operation
    from desktop.settings import LANGUAGE, Settings

    app = QApplication(sys.argv)
    load_fonts(app)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        database = Database(url)
        migrate(database)
        fill_demo(database)
        database.dispose()
        settings_path = str(Path(folder) / "settings.ini")
        Settings(settings_path).set(LANGUAGE, args.language)
        ctx = open_context(url, settings_path)
        # Signed in as the demo librarian, without the sign-in dialog.
        program = Program(ctx, staff_id=staff_id_of(ctx.database, "anna"))
        window = program.window
        window.resize(1280, 800)
        window.show()
        args.out.mkdir(parents=True, exist_ok=True)
        pages = ["desk", "participants", "sessions", "equipment", "reports", "settings"]
        # A child without photo consent arrives, as a scanner would type their card.
        window.desk.scan_input.setText(
            card_text(child_without_photos(program.ctx.database, window.desk.session_id))
        )
        window.desk.scan_input.returnPressed.emit()
        Operation.wait_for_all()
        app.processEvents()
        # A busy month for the Sessions picture: the October 2018 themes.
        window.sessions.month_view.show_month(2018, 10)
        for index, name in enumerate(pages):
            window.show_page(index)
            Operation.wait_for_all()
            for _ in range(5):
                app.processEvents()
            path = args.out / f"{name}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        program.ctx.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

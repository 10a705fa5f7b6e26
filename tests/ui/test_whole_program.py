"""The whole program in its own process, on the demo year: it opens, works and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.app import DeskApplication, load_fonts, open_context
from desktop.operations import Operation
app = QApplication([])
load_fonts(app)
from db.accounts import staff_id_of
ctx = open_context(sys.argv[1], sys.argv[2])
# Signed in as the demo librarian without the dialog (the sign-in has its own tests).
desk_app = DeskApplication(ctx, staff_id=staff_id_of(ctx.database, "anna"))


def settle():
    # Until every read and write started has shown its result, as tests' wait_for_operations.
    import time
    deadline = time.monotonic() + 60
    while not Operation.idle() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


window = desk_app.window
window.show()
for page in range(6):
    window.show_page(page)
    settle()
print("librarian", desk_app.window.signed_in.text())
desk = window.desk
print("session", desk.session_id, "here", desk.present_list.count(),
      "out", desk.out_list.rowCount())
desk.scan_input.setText("nonsense")
desk.scan_input.returnPressed.emit()
settle()
print("message", desk.scan_message.text())
desk_app.switch_language("en")
app.processEvents()
print("sidebar", desk_app.window.sidebar.item(0).text())
desk_app.window.close()
"""


def test_the_program_opens_on_the_demo_year_and_exits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    database = tmp_path / "demo.sqlite3"
    demo = subprocess.run(
        [sys.executable, "main.py", "--db", str(database), "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(database), str(tmp_path / "settings.ini")],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Fatal Python error" not in run.stderr
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines())
    session, _here, here, _out, out = lines["session"].split()
    assert session != "None" and int(here) >= 5 and int(out) == 3
    assert "nonsense" in lines["message"]
    assert lines["sidebar"] == "Desk"
    assert lines["librarian"] == "Anna Ozoliņa"

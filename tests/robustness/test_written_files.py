"""Every file the program writes (exports, printouts, labels, cards, access requests) is
written whole or not at all, readable by its owner only, and a refusal is one sentence.

A missing folder is real everywhere. A full disk and a read-only one are real where the
tests run as root (a 64 KB tmpfs, remounted read-only; chmod would not stop root), and
simulated always, by the system calls failing with ENOSPC and EROFS.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import db.files
from db.attendance import check_in
from db.database import sqlite_path
from db.files import CannotWriteFile, staged, write_file
from db.programs import list_sites
from desktop import cli, i18n
from desktop.context import AppContext
from desktop.dialogs import privacy
from desktop.dialogs.pdf_preview import PdfPreview
from desktop.settings import Settings
from tests.conftest import Desk
from tests.integration.test_privacy import admin
from tests.ui.test_pdf_preview import two_pages

ROOT = Path(__file__).resolve().parents[2]
OLD = b"last month's file, still wanted"

FOLDER_MISSING = "the folder does not exist"
DISK_FULL = "the disk is full"
READ_ONLY = "the disk is read-only"

# Each command that writes a file, with the file's suffix (the desk's ids filled in later).
WRITERS: dict[str, tuple[list[str], str]] = {
    "sign-in sheet": (["report", "signin", "--session", "{session}"], ".pdf"),
    "monthly report": (["report", "monthly", "--month", "2018-10"], ".pdf"),
    "indicators": (["report", "indicators", "--from", "2018-04-01", "--to", "2018-12-31"], ".pdf"),
    "labels": (["labels"], ".pdf"),
    "cards": (["cards"], ".pdf"),
    "attendance CSV": (["export", "attendance"], ".csv"),
    "participants XLSX": (["export", "participants"], ".xlsx"),
    "loans XLSX": (["export", "loans"], ".xlsx"),
    "access request PDF": (["privacy", "export", "{ilze}"], ".pdf"),
    "access request JSON": (["privacy", "export", "{ilze}"], ".json"),
}


def sentence(path: Path, reason: str) -> str:
    return f"The file {path} was not saved: {reason}."


def write_with_cli(
    desk: Desk, writer: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run the writer's command in this process (so a failure can be simulated): exit, stderr."""
    words, _suffix = WRITERS[writer]
    args = [w.format(session=desk.session_id, ilze=desk.ilze_id) for w in words]
    capsys.readouterr()
    code = cli.main([*args, "--out", str(out), "--db", str(sqlite_path(desk.db.url))])
    return code, capsys.readouterr().err


@pytest.fixture(autouse=True)
def no_log_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The commands log into the test's folder, not the user's (and add no handler each run)."""
    monkeypatch.setattr(cli, "start_logging", lambda: tmp_path / "openup.log")


@pytest.fixture
def attended(desk: Desk) -> Desk:
    check_in(desk.db, desk.session_id, desk.ilze_id)
    return desk


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the librarian saves documents (the database lives beside it)."""
    documents = tmp_path / "documents"
    documents.mkdir()
    return documents


def left_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# --- owner-only, whole -------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="Windows has no file modes")
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_document_and_export_is_readable_by_its_owner_only(
    attended: Desk, writer: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / f"file{WRITERS[writer][1]}"
    out.write_bytes(OLD)
    out.chmod(0o644)  # a file saved by an older version, readable by everyone
    previous = os.umask(0o022)
    try:
        code, err = write_with_cli(attended, writer, out, capsys)
    finally:
        os.umask(previous)
    assert (code, err) == (0, "")
    assert mode(out) == 0o600
    assert out.read_bytes() != OLD and out.stat().st_size > 100
    assert left_in(folder) == {out.name}  # no temporary file stays beside it


# --- a missing folder, a full disk, a read-only disk: simulated and real -------------------------


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_missing_folder_is_one_sentence_and_no_file(
    attended: Desk, writer: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "no such folder" / f"file{WRITERS[writer][1]}"
    code, err = write_with_cli(attended, writer, out, capsys)
    assert (code, err) == (cli.EXIT_REFUSED, sentence(out, FOLDER_MISSING) + "\n")
    assert left_in(folder) == set()


def fail_with(number: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(number, os.strerror(number))

    return fail


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_full_disk_keeps_the_old_file_and_leaves_no_part(
    attended: Desk,
    writer: str,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = folder / f"file{WRITERS[writer][1]}"
    out.write_bytes(OLD)
    # The content went into the page cache; the disk says it is full when it is forced out.
    monkeypatch.setattr(db.files.os, "fsync", fail_with(errno.ENOSPC))
    code, err = write_with_cli(attended, writer, out, capsys)
    assert (code, err) == (cli.EXIT_REFUSED, sentence(out, DISK_FULL) + "\n")
    assert out.read_bytes() == OLD
    assert left_in(folder) == {out.name}


@pytest.mark.parametrize("writer", ["monthly report", "participants XLSX", "access request JSON"])
def test_a_read_only_disk_keeps_the_old_file(
    attended: Desk,
    writer: str,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = folder / f"file{WRITERS[writer][1]}"
    out.write_bytes(OLD)
    monkeypatch.setattr(db.files.tempfile, "mkstemp", fail_with(errno.EROFS))
    code, err = write_with_cli(attended, writer, out, capsys)
    assert (code, err) == (cli.EXIT_REFUSED, sentence(out, READ_ONLY) + "\n")
    assert out.read_bytes() == OLD
    assert left_in(folder) == {out.name}


def test_a_failure_while_writing_removes_the_part_and_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "apmeklejums.xlsx"
    out.write_bytes(OLD)
    with pytest.raises(CannotWriteFile) as refused, staged(out) as temporary:
        temporary.write_bytes(b"PK\x03\x04 half a workbook")
        assert mode(temporary) == 0o600 or os.name != "posix"
        raise OSError(errno.EIO, os.strerror(errno.EIO))
    assert refused.value.message == sentence(out, os.strerror(errno.EIO))
    assert out.read_bytes() == OLD
    assert left_in(tmp_path) == {out.name}


def test_a_folder_of_that_name_is_said(tmp_path: Path) -> None:
    (tmp_path / "atskaite.pdf").mkdir()
    with pytest.raises(CannotWriteFile, match="a folder has that name"):
        write_file(tmp_path / "atskaite.pdf", b"%PDF-1.4")
    assert left_in(tmp_path) == {"atskaite.pdf"}


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB file system (tmpfs), unmounted after the test."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a file system needs root; the simulated tests cover the same")
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine lets no tmpfs be mounted: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Fill the disk to its last byte."""
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    assert os.statvfs(folder).f_bavail == 0


@pytest.mark.parametrize("writer", ["monthly report", "participants XLSX", "attendance CSV"])
def test_a_really_full_disk(
    attended: Desk,
    writer: str,
    tiny_disk: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tiny_disk / f"file{WRITERS[writer][1]}"
    out.write_bytes(OLD)
    fill(tiny_disk)
    code, err = write_with_cli(attended, writer, out, capsys)
    assert (code, err) == (cli.EXIT_REFUSED, sentence(out, DISK_FULL) + "\n")
    assert out.read_bytes() == OLD
    assert left_in(tiny_disk) == {out.name, "filler"}


@pytest.mark.parametrize("writer", ["sign-in sheet", "loans XLSX", "access request PDF"])
def test_a_really_read_only_disk(
    attended: Desk,
    writer: str,
    tiny_disk: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tiny_disk / f"file{WRITERS[writer][1]}"
    out.write_bytes(OLD)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    code, err = write_with_cli(attended, writer, out, capsys)
    assert (code, err) == (cli.EXIT_REFUSED, sentence(out, READ_ONLY) + "\n")
    assert out.read_bytes() == OLD
    assert left_in(tiny_disk) == {out.name}


def test_main_py_says_a_missing_folder_without_a_traceback(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "nonexistent" / "x.csv"
    database = str(sqlite_path(desk.db.url))
    result = subprocess.run(
        [sys.executable, "main.py", "export", "attendance", "--out", str(out), "--db", database],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == cli.EXIT_REFUSED
    assert result.stderr == sentence(out, FOLDER_MISSING) + "\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert not out.parent.exists()


# --- the screens ---------------------------------------------------------------------------------


@pytest.fixture
def latvian(qapp: object) -> Iterator[None]:
    i18n.install("lv")
    yield
    i18n.install("en")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    return told


def test_the_preview_says_in_latvian_why_the_pdf_was_not_saved(
    qtbot: QtBot,
    folder: Path,
    latvian: None,
    warnings: list[str],
) -> None:
    preview = PdfPreview(two_pages(), "Parakstu lapa", "parakstu-lapa.pdf")
    qtbot.addWidget(preview)
    out = folder / "nav mapes" / "lapa.pdf"
    assert preview.save_to(out) is False
    assert warnings == [f"Fails {out} netika saglabāts: mape nepastāv."]
    assert left_in(folder) == set()


def test_the_reports_page_says_the_disk_is_full_on_its_message_line(
    attended: Desk,
    qtbot: QtBot,
    tmp_path: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    from desktop.pages.reports import ReportsPage

    ctx = AppContext(attended.db, Settings(str(tmp_path / "settings.ini")), list_sites(attended.db))
    ctx.set_staff(attended.librarian_id)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    out = folder / "apmeklejums.xlsx"
    out.write_bytes(OLD)
    monkeypatch.setattr(db.files.os, "fsync", fail_with(errno.ENOSPC))
    page.export.export_to(out)
    qtbot.waitUntil(lambda: DISK_FULL in page.export.message.text(), timeout=5000)
    assert page.export.message.text() == sentence(out, DISK_FULL)
    assert page.export.action.isEnabled()
    assert warnings == []
    assert out.read_bytes() == OLD
    assert left_in(folder) == {out.name}


def test_an_access_request_that_cannot_be_saved_is_said_in_a_box(
    attended: Desk,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    ctx = AppContext(attended.db, Settings(str(tmp_path / "settings.ini")), list_sites(attended.db))
    ctx.set_staff(admin(attended.db))
    out = tmp_path / "nav mapes" / "Ilze Ķēniņa.json"
    monkeypatch.setattr(
        privacy.QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(out), "")
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    privacy.save_access_request(parent, ctx, attended.ilze_id, "Ilze Ķēniņa")
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert warnings == [sentence(out, FOLDER_MISSING)]
    assert not out.parent.exists()

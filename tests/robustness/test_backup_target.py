"""A backup onto a read-only or full disk: one sentence, and no half-written copy left.

Seen before: `backup` onto a read-only file system printed a Python traceback. The tests
run as root, whom a chmod'ed folder does not stop: a real read-only (or tiny) tmpfs is
mounted where the test may mount, and the same failures are also simulated.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db import backups
from db import restore as restoring
from db.backup_folder import list_backups
from db.backups import BackupNotWritten, back_up, backup_to
from tests.conftest import Desk
from tests.integration.test_backups import file_of, main_py, participants_in, sha

Mount = Callable[[Path, str], Path]


@pytest.fixture
def mount_tmpfs() -> Iterator[Mount]:
    """Mount a tmpfs with these options on a folder (unmounted after the test)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a read-only or full file system needs root")
    mounted: list[Path] = []

    def mount(folder: Path, options: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"this machine does not let the test mount a tmpfs: {done.stderr}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", str(folder)], check=False)


def test_backup_onto_a_read_only_file_system(
    desk: Desk, tmp_path: Path, mount_tmpfs: Mount
) -> None:
    folder = mount_tmpfs(tmp_path / "usb", "ro")
    out = folder / "kopija.sqlite3"

    result = main_py("--db", str(file_of(desk.db)), "backup", "--out", str(out), home=tmp_path)

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == (
        f"No backup could be written in {folder}: the disk or the folder is read-only. "
        "Nothing was left there."
    )
    assert list(folder.iterdir()) == []


def test_backup_onto_a_full_disk_leaves_no_half_written_copy(
    desk: Desk, tmp_path: Path, mount_tmpfs: Mount
) -> None:
    size = file_of(desk.db).stat().st_size
    folder = mount_tmpfs(tmp_path / "usb", f"size={size // 2}")
    out = folder / "kopija.sqlite3"

    result = main_py("--db", str(file_of(desk.db)), "backup", "--out", str(out), home=tmp_path)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"No backup could be written in {folder}: the disk is full. Nothing was left there."
    )
    assert list(folder.iterdir()) == []


def test_the_daily_copy_into_a_read_only_backups_folder(
    desk: Desk, tmp_path: Path, mount_tmpfs: Mount
) -> None:
    path = file_of(desk.db)
    folder = mount_tmpfs(path.parent / "backups", "ro")

    with pytest.raises(BackupNotWritten) as refused:
        back_up(desk.db.url)

    assert refused.value.fields == {"folder": str(folder), "reason": backups.READ_ONLY}
    assert list(folder.iterdir()) == []


def test_a_restore_that_cannot_keep_the_state_before_changes_nothing(
    desk: Desk, tmp_path: Path, mount_tmpfs: Mount
) -> None:
    path = file_of(desk.db)
    copy = backup_to(path, tmp_path / "kopija.sqlite3")
    mount_tmpfs(path.parent / "backups", "ro")
    desk.db.dispose()
    before = sha(path)

    result = main_py("--db", str(path), "restore", str(copy), home=tmp_path / "home")

    assert result.returncode == 1 and "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert sha(path) == before and participants_in(path) == 2


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (errno.EROFS, backups.READ_ONLY),
        (errno.ENOSPC, backups.DISK_FULL),
        (errno.EACCES, backups.NOT_ALLOWED),
    ],
    ids=["read-only", "full", "forbidden"],
)
@pytest.mark.parametrize("where", ["creating", "renaming"])
def test_a_copy_that_cannot_be_written_is_refused_in_one_sentence_and_removed(
    desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: int,
    reason: str,
    where: str,
) -> None:
    """The same failures simulated, for machines where the test cannot mount."""
    target = tmp_path / "copies" / "kopija.sqlite3"

    def fail(*_args: object) -> None:
        raise OSError(failure, os.strerror(failure))

    if where == "creating":
        monkeypatch.setattr(backups, "create_private_file", fail)
    else:
        monkeypatch.setattr(backups.os, "replace", fail)

    with pytest.raises(BackupNotWritten) as refused:
        backup_to(file_of(desk.db), target)

    assert refused.value.message == (
        f"No backup could be written in {target.parent}: {reason}. Nothing was left there."
    )
    assert list(target.parent.iterdir()) == []
    assert list_backups(file_of(desk.db)) == []


def test_a_database_file_that_cannot_be_replaced_is_refused_in_one_sentence(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows another program holding the file open makes the rename fail."""
    path = file_of(desk.db)
    copy = backup_to(path, tmp_path / "kopija.sqlite3")
    real_replace = os.replace

    def held_open(source: Path, target: Path) -> None:
        if Path(target) == path:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(restoring.os, "replace", held_open)
    desk.db.dispose()
    before = sha(path)

    with pytest.raises(backups.DatabaseNotReplaced) as refused:
        restoring.restore(desk.db.url, copy, desk.db)

    assert refused.value.message == (
        f"The database {path} could not be replaced (this user may not write there). Close "
        "the program on every computer that uses it, then restore again."
    )
    assert sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []

"""Files the program writes (exports, printouts, access requests): whole or not at all.

Each is written to a temporary file beside its final name, readable by the owner only, forced
to the disk, and only then renamed into place (os.replace: atomic on POSIX and on Windows'
NTFS). A full disk, a missing folder or a read-only one leaves no half file behind and an
older file of that name as it was; the librarian is told why in one sentence.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from db.errors import QT_TRANSLATE_NOOP, DomainError

FOLDER_MISSING = QT_TRANSLATE_NOOP("DomainError", "the folder does not exist")
DISK_FULL = QT_TRANSLATE_NOOP("DomainError", "the disk is full")
READ_ONLY = QT_TRANSLATE_NOOP("DomainError", "the disk is read-only")
NO_PERMISSION = QT_TRANSLATE_NOOP(
    "DomainError", "writing there is not allowed, or the file is open in another program"
)
IS_FOLDER = QT_TRANSLATE_NOOP("DomainError", "a folder has that name")

_REASONS = {
    errno.ENOENT: FOLDER_MISSING,
    errno.ENOTDIR: FOLDER_MISSING,
    errno.ENOSPC: DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): DISK_FULL,  # a user's quota
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EISDIR: IS_FOLDER,
}


class CannotWriteFile(DomainError):
    """The system refused to write a file; nothing of it was left behind."""

    template = QT_TRANSLATE_NOOP("DomainError", "The file {path} was not saved: {reason}.")

    @classmethod
    def because(cls, path: Path, error: OSError) -> CannotWriteFile:
        reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
        return cls(path=str(path), reason=reason)


@contextmanager
def staged(path: Path) -> Iterator[Path]:
    """A new empty owner-only file beside `path` to write into; it becomes `path` when the
    block ends, and is removed if the block fails. An OSError becomes CannotWriteFile.

    For writers that need a file name (SQLite's backup, openpyxl); others use write_file.
    """
    try:
        # mkstemp: mode 0600 and a name no other writer of the same file can take.
        descriptor, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".partial", dir=path.parent
        )
        os.close(descriptor)
    except OSError as error:
        raise CannotWriteFile.because(path, error) from error
    temporary = Path(name)
    try:
        yield temporary
        to_disk(temporary)
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise CannotWriteFile.because(path, error) from error
        raise
    folder_to_disk(path.parent)


def write_file(path: Path, content: bytes) -> Path:
    """Write `content` to `path` whole or not at all, readable by the owner only."""
    with staged(path) as temporary, temporary.open("wb") as file:
        file.write(content)
    return path


def to_disk(path: Path) -> None:
    # Windows' fsync needs a descriptor open for writing.
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def folder_to_disk(folder: Path) -> None:
    """Make the rename itself survive a power cut, where the system lets a folder be synced."""
    if os.name != "posix":
        return
    with suppress(OSError):  # the file is in place; a folder that cannot sync is no failure
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

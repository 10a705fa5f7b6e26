"""Refresh the translations after changing the texts: `python resources/translations/update.py`.

lupdate reads every Python file of desktop/ and db/ (tracked or new, tests aside) into
openup_lv.ts and openup_lt.ts, keeping the translations already made and dropping texts
the program no longer has; lrelease then compiles each .ts into the .qm the program loads.
New texts arrive marked unfinished: translate them (Qt Linguist, or by hand in the .ts,
removing type="unfinished"), then run this again so the .qm files follow.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("lv", "lt")
SOURCE_FOLDERS = ("desktop", "db")


def tool(name: str) -> str:
    """A Qt tool of the PySide6 in this Python's environment, else the first on the PATH."""
    beside_python = Path(sys.executable).parent
    found = shutil.which(f"pyside6-{name}", path=str(beside_python)) or shutil.which(
        f"pyside6-{name}"
    )
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[str]:
    """The program's Python files, relative to the checkout: tracked and untracked, no tests."""
    patterns = [f"{folder}/*.py" for folder in SOURCE_FOLDERS]
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *patterns],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):  # not a git checkout
        listed = [
            path.relative_to(ROOT).as_posix()
            for folder in SOURCE_FOLDERS
            for path in (ROOT / folder).rglob("*.py")
        ]
    return sorted(
        {path for path in listed if (ROOT / path).is_file() and "tests" not in Path(path).parts}
    )


def ts_file(language: str, folder: Path = HERE) -> Path:
    return folder / f"openup_{language}.ts"


def lupdate(ts_files: list[Path], *, silent: bool = False) -> None:
    """Extract the texts into the given .ts files, keeping what is translated already."""
    command = [tool("lupdate"), *source_files(), "-no-obsolete", "-locations", "none"]
    command += ["-source-language", "en", "-ts", *[str(path) for path in ts_files]]
    if silent:
        command.append("-silent")
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path, *, silent: bool = False) -> None:
    command = [tool("lrelease"), str(ts), "-qm", str(qm)]
    if silent:
        command.append("-silent")
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> int:
    files = [ts_file(language) for language in LANGUAGES]
    # A new .ts file takes its target language from its name (openup_lt.ts: Lithuanian).
    lupdate(files)
    unfinished = 0
    for ts in files:
        lrelease(ts, ts.with_suffix(".qm"))
        unfinished += ts.read_text(encoding="utf-8").count('type="unfinished"')
    if unfinished:
        print(f'{unfinished} texts wait for a translation: look for type="unfinished" in the .ts')
    return 0


if __name__ == "__main__":
    sys.exit(main())

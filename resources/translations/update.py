"""Refresh the translations after changing the texts: `python resources/translations/update.py`.

Two catalogues per language, both from every Python file of desktop/ and db/ (tracked or
new, tests aside), keeping the translations already made and dropping texts the program no
longer has:

- the screens' (Qt's tr()): lupdate into openup_lv.ts and openup_lt.ts, lrelease into the
  .qm the program loads. New texts arrive marked unfinished: translate them (Qt Linguist,
  or by hand in the .ts, removing type="unfinished").
- the printouts' (gettext, desktop/words.py): Babel extracts `_()`, `.gettext()`,
  `.pgettext()`, `N_()` and `NP_()` into resources/locale/<language>/LC_MESSAGES/openup.po
  and compiles each into its .mo. New texts arrive with an empty msgstr: fill it in.

Then run this again so the compiled files follow.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("lv", "lt")
SOURCE_FOLDERS = ("desktop", "db")
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "openup"
# How desktop/words.py's callers mark a printout's text: _ = words(language).gettext, or
# words(language).pgettext("indicators", "Site"); N_ and NP_ where it is only written down.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "N_": None,
    "NP_": ((1, "c"), 2),
}


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


def po_file(language: str, folder: Path = LOCALE) -> Path:
    return folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def printed_texts() -> Catalog:
    """Every text the printouts ask the catalogue for, in the order the code has them."""
    template = Catalog(domain=DOMAIN, project="OpenUp Desk", fuzzy=False)
    for path in source_files():
        with (ROOT / path).open("rb") as source:
            found = extract("python", source, KEYWORDS, comment_tags=("Translators:",))
            for lineno, message, comments, context in found:
                template.add(
                    message,
                    locations=[(path, lineno)],
                    auto_comments=comments,
                    context=context,
                )
    return template


def read_catalogue(po: Path, language: str | None = None) -> Catalog:
    """A .po as Babel holds it (its language from its header when not given)."""
    if not po.exists():
        return Catalog(locale=language, domain=DOMAIN, project="OpenUp Desk", fuzzy=False)
    with po.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def update_catalogue(po: Path, language: str) -> None:
    """Bring the texts of a .po up to the code's, keeping the translations already made."""
    catalogue = read_catalogue(po, language)
    # No guessing from similar texts (a guess would be fuzzy, i.e. unfinished), and a
    # creation date that stays put: the file changes only when the texts do.
    catalogue.update(printed_texts(), no_fuzzy_matching=True, update_creation_date=False)
    catalogue.obsolete.clear()
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as file:
        write_po(file, catalogue, width=100, no_location=True, sort_output=True)


def compile_catalogue(po: Path, mo: Path) -> None:
    with mo.open("wb") as file:
        write_mo(file, read_catalogue(po))


def untranslated_printed(po: Path) -> list[str]:
    """The texts of a .po still waiting for a translation (empty or fuzzy)."""
    catalogue = read_catalogue(po)
    return [
        f"{message.context + ': ' if message.context else ''}{message.id!r}"
        for message in catalogue
        if message.id and (message.fuzzy or not message.string)
    ]


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
    waiting = 0
    for language in LANGUAGES:
        po = po_file(language)
        update_catalogue(po, language)
        compile_catalogue(po, po.with_suffix(".mo"))
        waiting += len(untranslated_printed(po))
    if waiting:
        print(f'{waiting} printed texts wait for a translation: look for msgstr "" in the .po')
    return 0


if __name__ == "__main__":
    sys.exit(main())

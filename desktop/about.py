"""What the About window and `--version` tell: the program's version and what it bundles.

Qt-free, so `main.py --version` answers without loading Qt. Everything is read where it is
kept (pyproject.toml, resources/fonts, the installed distributions' metadata): no list here
can drift from what is shipped.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from desktop.resources import FONTS, RESOURCES, ROOT

PROGRAM_NAME = "OpenUp Desk"
# The one place the version is written; the Windows installer's build reads it too.
PROJECT_FILE = ROOT / "pyproject.toml"
# The window's icon; the .ico beside it (same drawing, 16–256 px) serves the Windows shortcuts.
APP_ICON = RESOURCES / "icons" / "openup-desk.png"


@dataclass(frozen=True)
class Licence:
    """One bundled part: a library or a font family, its version, and the licence it comes under."""

    name: str
    version: str
    licence: str


@cache
def _project(path: Path = PROJECT_FILE) -> dict[str, Any]:
    with path.open("rb") as file:
        project: dict[str, Any] = tomllib.load(file)["project"]
    return project


def program_version() -> str:
    """The version in pyproject.toml (shipped beside main.py in the Windows installer too)."""
    return str(_project()["version"])


def program_licence() -> str:
    return str(_project().get("license", ""))


def _name_and_extras(requirement: str) -> tuple[str, set[str]]:
    """ "psycopg[binary]>=3.2" → ("psycopg", {"binary"})."""
    name = re.split(r"[\s;<>=!~\[(@]", requirement.strip(), maxsplit=1)[0]
    extras = re.match(r"[^\[;]*\[([^\]]*)\]", requirement)
    return name, {extra.strip() for extra in extras.group(1).split(",")} if extras else set()


def _wanted(requirement: str, extras: set[str]) -> bool:
    """A plain requirement, or one of an extra the program asks for (never a test extra)."""
    extra = re.search(r"\bextra\s*==\s*[\"']([^\"']+)", requirement)
    return extra is None or extra.group(1) in extras


def _licence_of(distribution: metadata.Distribution) -> str:
    """The SPDX expression when given, else a short License field, else the trove classifier."""
    # .json: a missing field is simply absent (indexing warns, and will raise, on Python 3.12+).
    meta = distribution.metadata.json
    expression = meta.get("license_expression")
    if isinstance(expression, str) and expression:
        return expression
    field = str(meta.get("license") or "").strip()
    if field and "\n" not in field and len(field) <= 60:  # some put the whole text here
        return field
    classifiers = [
        value.split("::")[-1].strip()
        for value in meta.get("classifier") or []
        if value.startswith("License ::") and value.count("::") >= 2
    ]
    return ", ".join(classifiers) or "?"


def library_licences() -> list[Licence]:
    """The libraries the program runs on: its dependencies and theirs, as installed.

    Follows the requirements of each installed distribution, with only the extras asked for
    (a test tool installed beside it is not part of the program); a requirement for another
    platform is not installed here and so is not listed.
    """
    found: dict[str, Licence] = {}
    waiting = [_name_and_extras(requirement) for requirement in _project().get("dependencies", [])]
    while waiting:
        name, extras = waiting.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = Licence(distribution.name, distribution.version, _licence_of(distribution))
        waiting.extend(
            _name_and_extras(requirement)
            for requirement in distribution.requires or []
            if _wanted(requirement, extras)
        )
    return sorted(found.values(), key=lambda licence: licence.name.lower())


@dataclass(frozen=True)
class FontLicence:
    """A bundled font's licence file: the families it covers and its whole text."""

    families: str
    text: str


def font_licences(folder: Path = FONTS) -> list[FontLicence]:
    """Each LICENSE-<family>.txt beside the bundled fonts (the notice must travel with them)."""
    return [
        FontLicence(path.stem.removeprefix("LICENSE-"), path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("LICENSE-*.txt"))
    ]


def version_line() -> str:
    return f"{PROGRAM_NAME} {program_version()}"

"""The program knows its version (one place: pyproject.toml) and what it bundles."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from PIL import Image

from desktop.about import APP_ICON, font_licences, library_licences, program_version

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_version_on_the_command_line_without_loading_qt() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit as done:\n"
            "    loaded = [m for m in ('PySide6', 'PySide6.QtCore') if m in sys.modules]\n"
            "    print('loaded:', loaded, done.code)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.splitlines() == [f"OpenUp Desk {pyproject_version()}", "loaded: [] 0"]


def test_main_py_prints_the_version() -> None:
    run = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True
    )
    assert (run.returncode, run.stdout.strip()) == (0, f"OpenUp Desk {pyproject_version()}")
    assert program_version() == pyproject_version()


def test_libraries_are_the_programs_dependencies_with_their_licences() -> None:
    libraries = {library.name.lower(): library for library in library_licences()}
    assert libraries["sqlalchemy"].licence == "MIT"
    assert "LGPL-3.0" in libraries["pyside6_essentials"].licence
    assert "psycopg-binary" in libraries  # asked for as psycopg[binary]
    assert "shiboken6" in libraries  # a dependency of a dependency
    assert not {"pytest", "mypy", "ruff", "pypdf"} & set(libraries)  # test tools stay out
    assert all(library.version and library.licence for library in libraries.values())


def test_every_bundled_font_licence_is_found_in_full() -> None:
    fonts = font_licences()
    assert [font.families for font in fonts] == ["DejaVu"]
    assert "Bitstream Vera" in fonts[0].text
    assert fonts[0].text == (ROOT / "resources/fonts/LICENSE-DejaVu.txt").read_text("utf-8")


def test_the_icon_has_every_size_windows_asks_for() -> None:
    with Image.open(APP_ICON) as png:
        assert png.size == (256, 256)
    with Image.open(APP_ICON.with_suffix(".ico")) as ico:
        sizes = ico.info["sizes"]
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= sizes

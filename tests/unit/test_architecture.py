"""The records core stays free of Qt, so the CLI, the tests and the documents can use it alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_anywhere_under_db() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in imported_modules(path) if n.startswith(("PySide6", "shiboken6"))
        )
        for path in (ROOT / "db").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "db").rglob("*.py")
        if "migrations" not in path.parts
    ]
    probe = (
        f"import sys; import {', '.join(modules)}; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_no_two_core_modules_import_each_other() -> None:
    """A cycle (db.accounts ↔ db.audit was one) forces imports inside functions and breaks
    as soon as one of them moves to the top: each pair imports one way only."""

    def core_imports(path: Path) -> set[str]:
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "db":
                names.update(f"db.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom | ast.Import):
                names.update(n for n in imported_modules_of(node) if n.startswith("db."))
        return names

    def imported_modules_of(node: ast.Import | ast.ImportFrom) -> set[str]:
        if isinstance(node, ast.Import):
            return {alias.name for alias in node.names}
        return {node.module} if node.module else set()

    graph = {f"db.{path.stem}": core_imports(path) for path in (ROOT / "db").glob("*.py")}
    mutual = sorted(
        (module, other)
        for module, others in graph.items()
        for other in others
        if module < other and module in graph.get(other, set())
    )
    assert mutual == []
    assert "db.accounts" in graph["db.audit_log"] and "db.audit" in graph["db.accounts"]

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


def module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module of the project and the project's modules it imports anywhere in it: at the
    top, inside functions, under TYPE_CHECKING (`from a import b` counts a.b when b is one)."""
    files = {
        module_name(root, path): path
        for path in root.rglob("*.py")
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    }

    def ours(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        wanted: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                wanted += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from . import x, from ..y import z
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                wanted += [f"{base}.{alias.name}" for alias in node.names]
        graph[module] = {found for name in wanted if (found := ours(name))} - {module}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other through imports (Tarjan's components)."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in order:
                visit(other)
                lowest[module] = min(lowest[module], lowest[other])
            elif other in stack:
                lowest[module] = min(lowest[module], order[other])
        if lowest[module] == order[module]:
            group = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return sorted(cycles)


def test_no_module_of_the_project_imports_itself_through_others() -> None:
    """A cycle (db.accounts ↔ db.audit, desktop.app ↔ desktop.cli were two) forces imports
    inside functions and breaks as soon as one of them moves to the top."""
    graph = import_graph(ROOT)
    assert import_cycles(graph) == []
    # The graph sees imports inside functions too (both of these are).
    assert "db.startup" in graph["desktop.app"] and "desktop.app" in graph["desktop.cli"]
    assert "db.accounts" in graph["db.audit_log"] and "db.audit" in graph["db.accounts"]


def test_a_cycle_through_a_function_level_or_relative_import_is_found(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    (shop / "desk").mkdir(parents=True)
    (shop / "__init__.py").write_text("")
    (shop / "desk" / "__init__.py").write_text("")
    (shop / "loans.py").write_text("from shop import items\n")
    (shop / "items.py").write_text("def later():\n    from shop.desk import scan\n")
    (shop / "desk" / "scan.py").write_text("from ..loans import lend\n")
    (shop / "people.py").write_text("import shop.loans\n")
    assert import_cycles(import_graph(tmp_path)) == [["shop.desk.scan", "shop.items", "shop.loans"]]

"""The architecture's rules, checked from the code's own imports (every ``import``, also inside functions):

* :mod:`graph` never imports Dash or :mod:`ui`, except :mod:`graph.cli.serve` (the ``fardplan serve`` command);
* a page (``ui/pages/``) never imports callbacks (``ui/callbacks/``): :mod:`ui.app` pairs them;
* no import circles among the modules of ``graph``, ``ui`` and ``bench``;
* no private name (``_name``) is used across modules: neither imported nor read as ``module._name`` or
  ``obj._name`` (outside ``self``/``cls``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from tests.support.paths import ROOT

PACKAGES = ("graph", "ui", "bench")
# Names with a leading underscore that are public API of the standard library.
PUBLIC_UNDERSCORED = {("os", "_exit"), ("sys", "_getframe")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
TREES: dict[str, ast.Module] = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def _imports(name: str) -> set[str]:
    """The modules ``name`` imports (a ``from pkg import mod`` counts as ``pkg.mod`` when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{name}: relative import of {node.module}"
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_every_module_is_seen():
    assert {"graph.cli.serve", "ui.app", "bench.run"} <= set(MODULES)
    assert len(MODULES) > 60


def test_the_core_never_imports_dash_or_the_ui():
    offenders = {(name, imp) for name in MODULES if _in(name, "graph") and name != "graph.cli.serve"
                 for imp in _imports(name) if _in(imp, "dash") or _in(imp, "dash_cytoscape") or _in(imp, "ui")}
    assert offenders == set()
    assert any(_in(imp, "ui") for imp in _imports("graph.cli.serve"))


def test_pages_never_import_callbacks():
    offenders = {(name, imp) for name in MODULES if _in(name, "ui.pages")
                 for imp in _imports(name) if _in(imp, "ui.callbacks")}
    assert offenders == set()


def test_no_import_circles():
    graph = nx.DiGraph()
    for name in MODULES:
        graph.add_node(name)
        for imp in _imports(name):
            # a module importing its own package's __init__ (or a package its submodule) is no circle of concern
            if imp in MODULES and imp != name and not name.startswith(imp + "."):
                graph.add_edge(name, imp)
    circles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert circles == []


def _private_uses(name: str) -> list[str]:
    uses = []
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES + ("tests",):
            uses += [f"from {node.module} import {a.name}" for a in node.names
                     if a.name.startswith("_") and not a.name.startswith("__")]
        elif (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
              and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
              and not (isinstance(node.value, ast.Name) and (node.value.id, node.attr) in PUBLIC_UNDERSCORED)
              and not (isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "super")):
            uses.append(f"line {node.lineno}: .{node.attr}")
    return uses


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_across_modules(name):
    assert _private_uses(name) == []

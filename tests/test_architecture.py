"""The shape of the code, checked from its source (no Django needed): the rooms of `emulation/`,
the direction of the imports between them, module sizes and import cycles.

Imports are read with `ast`, the ones inside functions included, so a function-level import
cannot hide a dependency or a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = ("cum4", "emulation", "inspections", "complaints")
# The rooms of emulation/, from the bottom up: each may read only those before it.
FEATURES = ("staff", "movements", "awards", "scoring", "dossier")
# What may stay at the top of emulation/: Django's entry points...
TOP_LEVEL_MODULES = {"__init__.py", "apps.py", "models.py", "urls.py"}
# ...and the packages Django looks for by name (they are packages, not modules).
DJANGO_PACKAGES = {"migrations", "management", "templatetags"}
MAX_LINES = 400
# Known offenders, each with the branch that removes it; delete the entry when it lands.
LONG_MODULES_ALLOWED: set[str] = set()  # none: every module keeps under the limit


def _python_files(package: str) -> list[Path]:
    return sorted(
        path
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_modules() -> dict[str, Path]:
    return {
        _module_name(path): path for package in PROJECT_PACKAGES for path in _python_files(package)
    }


def _imports(path: Path, modules: dict[str, Path], name: str | None = None) -> set[str]:
    """Project modules `path` imports, at any depth of its code. `from a.b import c` reads
    `a.b.c` when that is a module, else `a.b`; a package's `__init__` is counted only when it
    is imported by name (not as the parent of a submodule), so re-exports make no false cycle."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = name or _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _project_modules()
    return {name: _imports(path, modules) for name, path in modules.items()}


def _feature_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "emulation" and len(parts) > 1 and parts[1] in FEATURES:
        return parts[1]
    return None


def test_emulation_top_level_holds_only_django_entry_points_and_the_features():
    top = ROOT / "emulation"
    modules = sorted(p.name for p in top.glob("*.py") if p.name not in TOP_LEVEL_MODULES)
    packages = sorted(
        p.name
        for p in top.iterdir()
        if p.is_dir() and p.name != "__pycache__" and p.name not in {*FEATURES, *DJANGO_PACKAGES}
    )
    assert modules == [], f"move these into a feature of emulation/: {modules}"
    assert packages == [], f"emulation/ holds only {FEATURES} and {DJANGO_PACKAGES}: {packages}"
    for feature in FEATURES:
        assert (top / feature / "__init__.py").exists(), feature


def test_each_feature_imports_only_the_features_below_it():
    """staff < movements < awards < scoring < dossier; staff reads only cum4. A feature never reads the
    app's gathering modules (emulation.models, emulation.urls, emulation.apps): they read it."""
    rank = {feature: index for index, feature in enumerate(FEATURES)}
    wrong = []
    for module, imported in _graph().items():
        feature = _feature_of(module)
        if feature is None:
            continue
        for target in sorted(imported):
            other = _feature_of(target)
            if other is not None and rank[other] > rank[feature]:
                wrong.append(f"{module} -> {target}")
            elif other is None and target.split(".")[0] == "emulation":
                wrong.append(f"{module} -> {target} (the top of emulation/)")
    assert wrong == []


def test_the_core_and_the_other_apps_never_import_emulation():
    """cum4 reads emulation only through its registry; inspections and complaints not at all."""
    wrong = [
        f"{module} -> {target}"
        for module, imported in _graph().items()
        if module.split(".")[0] in {"cum4", "inspections", "complaints"}
        for target in sorted(imported)
        if target.split(".")[0] == "emulation"
    ]
    assert wrong == []


def test_no_python_module_is_over_400_lines():
    too_long = []
    for package in PROJECT_PACKAGES:
        for path in _python_files(package):
            relative = path.relative_to(ROOT).as_posix()
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES and relative not in LONG_MODULES_ALLOWED:
                too_long.append(f"{relative}: {lines}")
    assert too_long == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from pkg import other\n", encoding="utf-8")
    fake = {"pkg": module, "pkg.other": module, "m": module}
    assert _imports(module, fake, name="m") == {"pkg.other"}


def test_no_import_cycle_between_project_modules():
    assert _cycles(_graph()) == []

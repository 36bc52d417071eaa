"""The package's layers: the pure core never reaches up to the CLI, the renderers, the use cases or the writer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

# Lowest first. A package may import the packages before it in this list, never one after it.
CORE = ("i18n", "inputs", "model", "checks", "referential", "declaration", "evaluation")
# Above the core: features and edges. None of them is imported by the core.
EDGE = ("render", "matrix", "portfolio", "probe", "app", "cli")
# What each edge package may not import (the CLI is the top; renderers only turn values into bytes).
EDGE_FORBIDDEN = {
    "render": {"app", "cli"},  # the format registry names the matrix and portfolio renderers (imported on use)
    "matrix": {"app", "cli", "portfolio"},
    "portfolio": {"app", "cli"},
    "probe": {"render", "matrix", "portfolio", "app", "cli"},  # network I/O: the probes, used by app/probe.py
    "app": {"cli"},
    "cli": set(),
}
SHARED = {"errors", "__init__"}  # checker/errors.py and checker/__init__.py (the version): used by every layer


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imported_packages(path: Path) -> set[str]:
    """The first-level ``checker.<x>`` packages a module imports (at any depth, lazily or not)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "checker":
                names = [f"checker.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "checker" and len(parts) > 1:
                found.add(parts[1])
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("checker."):
            found.add(node.value.split(".")[1].split(":")[0])  # "module:function" targets resolved on use
    return found


def _violations() -> list[str]:
    violations: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _package_of(path)
        if here in SHARED or here == "__main__":
            continue
        for target in sorted(_imported_packages(path) - {here} - SHARED - {"__version__"}):
            if here in CORE:
                allowed = set(CORE[: CORE.index(here)])
                if target not in allowed:
                    violations.append(f"{path.relative_to(PACKAGE.parent)}: core `{here}` imports `{target}`")
            elif target in EDGE_FORBIDDEN.get(here, set()):
                violations.append(f"{path.relative_to(PACKAGE.parent)}: `{here}` imports `{target}`")
    return violations


def test_every_package_has_a_place() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(CORE) | set(EDGE), packages ^ (set(CORE) | set(EDGE))
    for name in packages:
        doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"checker/{name}/__init__.py has no docstring saying its place in the pipeline"


def test_layers_are_one_way() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("package", "source", "expected"),
    [
        ("evaluation", "from checker.render.console import render_console\n", "core `evaluation` imports `render`"),
        ("model", "import checker.cli.main\n", "core `model` imports `cli`"),
        ("referential", "def f():\n    from checker.app.write import write_atomic\n", "imports `app`"),
        ("inputs", "from checker.evaluation import evaluate\n", "core `inputs` imports `evaluation`"),
        ("render", "from checker.app import write\n", "`render` imports `app`"),
        ("matrix", "from checker.cli.common import x\n", "`matrix` imports `cli`"),
        ("checks", "TARGET = 'checker.matrix.writer:render'\n", "core `checks` imports `matrix`"),
    ],
)
def test_a_reverse_import_is_caught(
    package: str, source: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule bites: a module planted in a copy of the tree with one reverse import is reported."""
    fake = tmp_path / "checker"
    (fake / package).mkdir(parents=True)
    (fake / package / "__init__.py").write_text('"""x"""\n', encoding="utf-8")
    (fake / package / "planted.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert any(expected in v for v in _violations()), _violations()

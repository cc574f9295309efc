"""The layers of ../shared/design/ARCHITECTURE.md, stated as a test: data flows one way (files -> articles ->
records -> triples -> store -> analysis -> views -> API -> command line), and no module imports a layer above its
own, wherever in the module the import is written. kg's own imports are written at the top of a module, where a
reader sees them; one inside a function (or behind ``if TYPE_CHECKING``) is lazy on purpose and says why in a
comment on its line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

# lowest first; a module may import its own layer and the layers below it
LAYERS: list[set[str]] = [
    {"kg.errors", "kg.vocab", "kg.gazetteer", "kg.data", "kg.queries", "kg.guard",
     "kg.terms", "kg.sparql"},  # RDF terms converted; SPARQL text scanned and parameters bound
    {"kg.records", "kg.resolved", "kg.resources", "kg.identity"},  # identity: actor keys, used by extract and triples
    {"kg.loaders", "kg.extract"},  # files -> Article; Article -> ArticleRecord
    {"kg.triples", "kg.validate"},  # ArticleRecord -> RDF; the shapes
    {"kg.prepared"},  # a record's triples checked and split, ready to store
    {"kg.remote", "kg.embedded", "kg.endpoint"},  # the store's two backends; kg serve's front
    {"kg.backend"},  # the one place that picks a backend
    {"kg.store"},
    {"kg.ingestion", "kg.curate"},
    {"kg.analysis"},
    {"kg.viz"},
    {"kg.api", "kg"},
    {"kg.cli", "kg.__main__"},
]
# pairs that the order above allows but the design forbids
FORBIDDEN = {("kg.extract", "kg.loaders"), ("kg.loaders", "kg.extract")}  # the extractor never walks files


def _module(path: Path) -> str:
    parts = path.with_suffix("").parts
    parts = parts[max((i for i, part in enumerate(parts[:-1]) if part == "kg"), default=len(parts) - 1):]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    """The module's place in LAYERS: a package's submodules sit with the package (kg.extract.speech -> kg.extract)."""
    known = set().union(*LAYERS)
    while module not in known and module.count(".") > 1:
        module = module.rsplit(".", 1)[0]
    return module


def _rank(module: str) -> int:
    unit = _unit(module)
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def _targets(node: ast.Import | ast.ImportFrom, here: str, package: bool) -> set[str]:
    """The kg modules an import statement names (relative imports resolved from ``here``); empty for others."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name.split(".")[0] == "kg"}
    module = node.module or ""
    if node.level:
        base = here.split(".")[: len(here.split(".")) - node.level + (1 if package else 0)]
        module = ".".join([*base, module] if module else base)
    if module.split(".")[0] != "kg":
        return set()
    return {f"{module}.{a.name}" for a in node.names} if module == "kg" else {module}


def _imports(path: Path) -> set[str]:
    here, package = _module(path), path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= _targets(node, here, package)
    return {m for m in out if m != "kg.__version__"}


def _hidden_imports(path: Path) -> list[str]:
    """kg imports written inside a function or behind ``if TYPE_CHECKING`` without a comment on their line."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    scopes = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    scopes += [n for n in tree.body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)]
    found = {n for scope in scopes for n in ast.walk(scope) if isinstance(n, (ast.Import, ast.ImportFrom))}
    here, package = _module(path), path.name == "__init__.py"
    return [f"line {n.lineno}: {ast.unparse(n)}" for n in sorted(found, key=lambda n: n.lineno)
            if _targets(n, here, package) and not any("#" in line for line in lines[n.lineno - 1:n.end_lineno])]


MODULES = sorted(KG.rglob("*.py"))


def test_every_module_has_a_layer():
    missing = {_module(p) for p in MODULES if _unit(_module(p)) not in set().union(*LAYERS)}
    assert not missing, f"give these modules a layer in tests/test_layers.py: {sorted(missing)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module(p))
def test_no_import_runs_upward(path):
    here = _module(path)
    wrong = []
    for target in _imports(path):
        if _unit(target) == _unit(here):
            continue
        if _rank(target) > _rank(here) or (_unit(here), _unit(target)) in FORBIDDEN:
            wrong.append(target)
    assert not wrong, f"{here} imports {sorted(wrong)}, above its layer or across a forbidden line"


def test_the_check_sees_an_upward_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from kg.cli import main\n    import kg.viz\n")
    assert _imports(sample) == {"kg.cli", "kg.viz"}
    assert _rank("kg.cli") > _rank("kg.store") > _rank("kg.triples") > _rank("kg.extract.speech")


IMPORTS_NOT_YET_CHECKED: set[str] = set()


@pytest.mark.parametrize("path", [p for p in MODULES if _unit(_module(p)) not in IMPORTS_NOT_YET_CHECKED],
                         ids=lambda p: _module(p))
def test_kg_imports_are_at_the_top_or_say_why_not(path):
    hidden = _hidden_imports(path)
    assert not hidden, (f"{_module(path)} imports kg modules inside functions: {hidden}; move them to the top of the "
                        "module (a cycle is fixed, not hidden), or say on the line why the import is lazy")


def test_the_check_sees_a_lazy_import(tmp_path):
    sample = tmp_path / "kg" / "x.py"
    sample.parent.mkdir()
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kg.store import Store\n"
                      "def f():\n    import json\n    from . import api\n    from kg import viz  # lazy: networkx\n")
    assert _hidden_imports(sample) == ["line 3: from kg.store import Store", "line 6: from . import api"]

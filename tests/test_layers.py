"""The layers of ../shared/design/ARCHITECTURE.md, stated as a test: data flows one way (files -> articles ->
records -> triples -> store -> analysis -> views -> API -> command line), and no module imports a layer above its
own, wherever in the module the import is written."""

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
    parts = path.relative_to(KG.parent).with_suffix("").parts
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


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "kg":
            out |= {f"kg.{a.name}" for a in node.names} if node.module == "kg" else {node.module}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "kg"}
    return {m for m in out if m != "kg.__version__"}


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

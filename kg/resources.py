"""The files kg ships: the ontology (kg.ttl, abuses.ttl, shapes.ttl) and the named SPARQL queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from rdflib import Graph

from kg.errors import KgError
from kg.resolved import expand
from kg.vocab import bind_prefixes


def ontology_dir() -> Traversable:
    """ontology/ inside the installed package, or at the top of a source checkout."""
    packaged = resources.files("kg").joinpath("ontology")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "ontology"
    if checkout.is_dir():
        return checkout
    raise KgError("the ontology files are missing from this installation of kg")


def ontology_text(name: str) -> str:
    return ontology_dir().joinpath(name).read_text("utf-8")


@cache
def _parsed(name: str) -> Graph:
    g = Graph()
    bind_prefixes(g)
    g.parse(data=ontology_text(name), format="turtle")
    return g


def abuse_scheme() -> Graph:
    """The SKOS scheme of abuse types (read-only: do not add to it)."""
    return _parsed("abuses.ttl")


def ontology_graph() -> Graph:
    """kg.ttl and abuses.ttl together: what the store keeps in its ontology graph."""
    g = Graph()
    bind_prefixes(g)
    for name in ("kg.ttl", "abuses.ttl"):
        g += _parsed(name)
    return g


def shapes_graph() -> Graph:
    return _parsed("shapes.ttl")


def query_names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files("kg.queries").iterdir() if p.name.endswith(".rq"))


def query_source(name: str) -> str:
    """A shipped query as written, its ``{{fragments}}`` of ``kg.resolved`` not yet expanded."""
    path = resources.files("kg.queries").joinpath(f"{name}.rq")
    if not path.is_file() or not name.replace("-", "").isalnum():
        raise KgError(f"no shipped query named {name!r}; there are: {', '.join(query_names())}")
    return path.read_text("utf-8")


def query_text(name: str) -> str:
    """A shipped query, ready to run: the corrections read through ``kg.resolved``'s fragments."""
    return expand(query_source(name))


@dataclass(frozen=True)
class QueryParam:
    """A parameter a shipped query declares in a comment line: ``# param NAME ?variable (required|optional): what``."""

    name: str
    variable: str
    required: bool
    help: str


_PARAM = re.compile(r"^#\s*param\s+([\w-]+)\s+\?(\w+)\s+\((required|optional)\):\s*(.*)$")


def query_params(name: str) -> dict[str, QueryParam]:
    """The parameters a shipped query takes, by name."""
    found = (_PARAM.match(line) for line in query_source(name).splitlines())
    return {m[1]: QueryParam(m[1], m[2], m[3] == "required", m[4].strip()) for m in found if m}


def query_description(name: str) -> str:
    """The first comment line of a shipped query, which says what it answers."""
    for line in query_source(name).splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""

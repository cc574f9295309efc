"""SHACL validation of article graphs against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import RDF, SKOS, Graph

from kg.resources import abuse_scheme, shapes_graph


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    graph: str | None = None  # which article graph, when a store was validated

    def __str__(self) -> str:
        return self.text


def validate_graph(data: Graph, name: str | None = None) -> Report:
    """Check one graph against the shapes; the abuse scheme is mixed in so its concepts resolve."""
    import pyshacl

    mixed = Graph()
    mixed += data
    mixed += _concept_types()
    conforms, _, text = pyshacl.validate(
        mixed, shacl_graph=shapes_graph(), inference="none",
        allow_warnings=True, advanced=True,
    )
    return Report(bool(conforms), str(text), name)


@cache
def _concept_types() -> Graph:
    """The rdf:type triples of the abuse scheme's concepts, so ``sh:class skos:Concept`` holds."""
    g = Graph()
    for concept in abuse_scheme().subjects(RDF.type, SKOS.Concept):
        g.add((concept, RDF.type, SKOS.Concept))
    return g

"""The ontology files: closed vocabulary matches kg.ttl, the abuse scheme covers the taxonomy, shapes by example."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import DATA, SHARED
from rdflib import OWL, RDF, SKOS, Graph

from kg.resources import abuse_scheme, ontology_graph
from kg.validate import validate_graph
from kg.vocab import ABUSE, KG


def test_vocab_lists_exactly_the_terms_of_kg_ttl():
    g = ontology_graph()
    declared = {str(s).split("#")[1] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in g.subjects(RDF.type, t) if str(s).startswith(str(KG._NS))}
    assert declared == set(KG.__annotations__)


def test_abuse_scheme_has_every_code_with_definition_and_labels():
    g = abuse_scheme()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == 25
    for c in concepts:
        assert g.value(c, SKOS.definition) is not None, c
        assert g.value(c, SKOS.prefLabel) is not None, c
        assert len(list(g.objects(c, SKOS.altLabel))) >= 5, c
        assert str(c) == str(ABUSE[str(g.value(c, SKOS.notation))])


def test_abuse_scheme_matches_the_evaluation_taxonomy():
    tsv = SHARED / "eval" / "abuse-codes.tsv"
    if not tsv.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    with tsv.open(encoding="utf-8") as f:
        codes = {row["code"] for row in csv.DictReader(f, delimiter="\t")}
    assert codes == {str(o) for o in abuse_scheme().objects(None, SKOS.notation)}


@pytest.mark.parametrize("path", sorted((DATA / "shapes" / "conforming").glob("*.ttl")), ids=lambda p: p.name)
def test_conforming_examples_conform(path: Path):
    report = validate_graph(Graph().parse(path))
    assert report.conforms, report.text


@pytest.mark.parametrize("path", sorted((DATA / "shapes" / "violating").glob("*.ttl")), ids=lambda p: p.name)
def test_violating_examples_are_reported_with_their_message(path: Path):
    expected = next(line for line in path.read_text("utf-8").splitlines() if line.startswith("# expect:"))
    report = validate_graph(Graph().parse(path))
    assert not report.conforms
    assert expected.removeprefix("# expect:").strip() in report.text

"""Record -> RDF: a golden file, deterministic IRIs, shared actor nodes, provenance on every item."""

from __future__ import annotations

import dataclasses

from helpers import DATA
from rdflib import Graph
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF

from kg.records import Actor, Article, ArticleRecord, Statement
from kg.triples import country_iri, government_iri, record_to_graph
from kg.vocab import KG, OA, SCHEMA


def test_small_record_matches_the_golden_turtle(small_record):
    # regenerate with: python tools/regen_golden.py
    golden = Graph().parse(DATA / "golden" / "small.ttl")
    built = record_to_graph(small_record)
    if not isomorphic(built, golden):
        diff = set(to_isomorphic(built)) ^ set(to_isomorphic(golden))
        raise AssertionError(f"{len(diff)} triples differ, e.g. {sorted(diff)[:3]}")


def test_same_input_gives_the_same_triples(small_record):
    assert set(record_to_graph(small_record)) == set(record_to_graph(small_record))


def test_same_actor_in_two_articles_is_one_node():
    def record(aid: str, name: str) -> ArticleRecord:
        return ArticleRecord(Article(aid), actors=(Actor(name=name, type="NGO"), Actor(name="Russia", type="Country")),
                             statements=(Statement(speaker=name, text="words", about=("Russia",)),))

    a, b = record_to_graph(record("one", "Amnesty International")), record_to_graph(record("two", "Amnesty International"))
    speakers = {o for g in (a, b) for o in g.objects(None, KG.speaker)}
    assert len(speakers) == 1
    assert {o for g in (a, b) for o in g.objects(None, KG.about)} == {country_iri("RU")}


def test_country_and_government_are_separate_nodes(small_record):
    g = record_to_graph(small_record)
    assert (government_iri("AZ"), KG.governs, country_iri("AZ")) in g
    assert (country_iri("AZ"), RDF.type, SCHEMA.Country) in g
    assert (government_iri("AZ"), RDF.type, KG.Government) in g
    # "Baku" stands for the government, the speaker of the denial
    assert government_iri("AZ") in set(g.objects(None, KG.speaker))


def test_every_item_carries_provenance(small_record):
    g = record_to_graph(small_record)
    items = [s for cls in (KG.Statement, KG.AbuseClaim, KG.Figure, SCHEMA.Legislation) for s in g.subjects(RDF.type, cls)]
    assert len(items) == 6
    for item in items:
        assert g.value(item, PROV.wasDerivedFrom) is not None, item
        assert g.value(item, KG.extractedBy) is not None, item
        assert g.value(item, KG.confidence) is not None, item
    spanned = [s for s in items if g.value(s, KG.evidence) is not None]
    assert len(spanned) == 5  # the denial has no span in the record


def test_a_record_without_offsets_keeps_the_quote_as_evidence(small_record):
    st = dataclasses.replace(small_record.statements[0], spans=())
    g = record_to_graph(dataclasses.replace(small_record, statements=(st,), claims=()))
    exact = [str(o) for o in g.objects(None, OA.exact)]
    assert st.text in exact


def test_one_official_named_three_ways_in_two_articles_is_one_node_and_namesakes_stay_two():
    from kg.extract import extract

    one = extract(Article("one", text="Prime Minister Hun Sen said the election was fair. Hun Sen added that "
                                      "critics were paid by foreigners."))
    two = extract(Article("two", text="“We will win,” Mr. Hun Sen told supporters. Separately, Anna Sen, a "
                                      "lawyer, said the vote was rigged."))
    speakers = {o for r in (one, two) for o in record_to_graph(r).objects(None, KG.speaker)}
    names = {str(record_to_graph(r).value(s, SCHEMA.name)) for r in (one, two) for s in speakers
             if record_to_graph(r).value(s, SCHEMA.name)}
    assert names == {"Hun Sen", "Anna Sen"}
    assert len(speakers) == 2


def test_two_claims_on_the_same_words_are_two_nodes_and_pass_the_shapes(small_record):
    """One sentence can carry a claim and its denial ("the ministry denied that guards beat inmates"): two claims
    on the same span, told apart by stance and claimant, must not merge into one node with two stances (the shapes
    would then refuse the whole article)."""
    from kg.prepared import prepare
    from kg.records import Claim

    accused = small_record.claims[0]
    assert accused.spans  # the case: an item named by its spans
    denial = Claim(abuse=accused.abuse, country=accused.country, claimant="Government of Azerbaijan",
                   stance="denies", statement=1, spans=accused.spans, rule="claim.denial", confidence=0.6)
    record = dataclasses.replace(small_record, claims=(accused, denial, dataclasses.replace(denial)))
    prepare(record)  # raises RecordError if any claim node holds two stances or two confidences
    g = record_to_graph(record)
    claims = set(g.subjects(RDF.type, KG.AbuseClaim))
    assert len(claims) == 3
    assert all(len(set(g.objects(c, KG.stance))) == 1 for c in claims)
    # the first claim on a span keeps the name it had before any second one came
    alone = record_to_graph(dataclasses.replace(small_record, claims=(accused,)))
    assert set(alone.subjects(RDF.type, KG.AbuseClaim)) <= claims


def test_a_confidence_literal_is_the_same_made_anew_or_kept():
    """Confidences' literals are kept once made (floats but zeros): each is the one ``literal`` makes, every time,
    also for values equal as numbers but written apart (1 and 1.0, 0.0 and -0.0)."""
    from decimal import Decimal

    from kg.terms import literal
    from kg.triples import XSD, _confidence

    for value in (0.9, 0.85, 1, 1.0, 0, 0.0, -0.0, 0.123456, 0.9, 1.0, 0.0, -0.0, 1, 2.5e-05):
        for _ in range(2):
            assert _confidence(value) == literal(Decimal(str(round(value, 4))), datatype=XSD.decimal)


def test_an_int_literal_is_the_same_made_anew_or_kept():
    """``_lit`` keeps the literals of the ints it meets: each is the one ``literal`` makes (bools stay xsd:boolean)."""
    from kg.terms import literal
    from kg.triples import _lit

    for value in (0, 7, 7, -3, 65535, 2 ** 70, True, False, 1, 0, "7", "x"):
        for _ in range(2):
            term = _lit(value)
            assert term == literal(value) and term.datatype == literal(value).datatype

"""The fast write path stores exactly what the rdflib route stored: the same N-Quads, graph by graph, for the same
records; literals written as rdflib wrote them; batches that keep input order and replace repeated articles."""

from __future__ import annotations

import functools
import hashlib
import json
from decimal import Decimal

import pyoxigraph as ox
import pytest
from helpers import DATA, write_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD
from rdflib import Literal as RLiteral

from kg import ingestion
from kg.store import Store
from kg.terms import literal, to_ox
from kg.triples import article_graph, to_ntriples

GOLDEN = DATA / "golden" / "sample_records.graphs.json"


def graph_digests(store: Store) -> dict[str, dict]:
    """Per named graph (the ontology's left out): its number of quads and the SHA-256 of its sorted N-Quads, the
    file and line each article came from left aside (its path depends on where the checkout is)."""
    graphs: dict[str, list[str]] = {}
    for line in store.export_bytes("nq").decode("utf-8").splitlines():
        if line.strip() and "#sourceLocation>" not in line:
            graphs.setdefault(line.rsplit(" ", 2)[-2].strip("<>"), []).append(line)
    return {g: {"quads": len(set(lines)), "sha256": hashlib.sha256(("\n".join(sorted(set(lines))) + "\n").encode()).hexdigest()}
            for g, lines in sorted(graphs.items()) if not g.endswith("/graph/ontology")}


@pytest.mark.parametrize("validate", [True, False])
def test_records_are_stored_as_the_rdflib_route_stored_them(tmp_path, validate):
    """The golden digests were made by kg before the write path built quads without rdflib (commit 60baf30).
    After a deliberate change to the mapping, regenerate them: python tests/test_throughput.py"""
    with Store(tmp_path / "store") as store:
        report = store.load_file(DATA / "golden" / "sample_records.jsonl", validate=validate)
        assert not report.errors and len(report.loaded) == 12
        assert graph_digests(store) == json.loads(GOLDEN.read_text("utf-8"))


def test_an_article_twice_in_one_batch_is_stored_as_its_later_version(tmp_path):
    def record(aid: str, speaker: str) -> dict:
        return {"article": {"id": aid}, "actors": [{"name": speaker, "type": "Person"}],
                "statements": [{"speaker": speaker, "text": "words", "kind": "direct"}]}

    path = write_jsonl(tmp_path / "r.jsonl", [record("a", "Jane Roe"), record("b", "Ann Poe"), record("a", "Joe Doe")])
    with Store(tmp_path / "one") as once, Store(tmp_path / "two") as twice:
        assert twice.load_file(path).loaded == ["a", "b", "a"]
        once.load_file(write_jsonl(tmp_path / "s.jsonl", [record("b", "Ann Poe"), record("a", "Joe Doe")]))
        graph = ox.NamedNode(str(article_graph("a")))

        def held(store: Store) -> set:  # the file and line it came from left aside
            return {q for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
                    if not q.predicate.value.endswith("#sourceLocation")}

        assert held(twice) == held(once)
        assert any(q.object.value == "Joe Doe" for q in twice.oxigraph.quads_for_pattern(None, None, None, None))


def test_in_order_keeps_the_input_order_and_a_bounded_window():
    from concurrent.futures import ThreadPoolExecutor

    in_flight, most = [0], [0]

    def work(x: int) -> int:
        return x * x

    def submit(fn, item):
        in_flight[0] += 1
        most[0] = max(most[0], in_flight[0])
        return pool.submit(fn, item)

    with ThreadPoolExecutor(2) as pool:
        results = []
        for r in ingestion.in_order(submit, work, range(100), window=5):
            in_flight[0] -= 1
            results.append(r)
    assert results == [x * x for x in range(100)] and most[0] <= 5


@settings(deadline=None)
@given(st.one_of(st.integers(), st.booleans(), st.text(), st.decimals(allow_nan=False, allow_infinity=False, places=6)))
def test_literals_are_written_as_rdflib_writes_them(value):
    theirs = RLiteral(value, datatype=XSD.decimal) if isinstance(value, Decimal) else RLiteral(value)
    mine = literal(value, datatype=XSD.decimal) if isinstance(value, Decimal) else literal(value)
    assert mine == to_ox(theirs)


def test_a_minted_name_that_is_not_an_iri_is_refused():
    with pytest.raises(ValueError):
        to_ntriples([("https://w3id.org/kg/id/person/a b", "http://schema.org/name", literal("x"))])
    text = to_ntriples([("https://w3id.org/kg/id/person/zoë", "http://schema.org/name", literal('a "quoted"\nline'))])
    assert {str(q.object) for q in ox.parse(text, ox.RdfFormat.N_TRIPLES)} == {'"a \\"quoted\\"\\nline"'}


PIECES = [*"ab Z.!?;,\n\"'()-1…。؟", "Mr.", "U.S.", "...", "  ", "Word", "3.5"]


@settings(deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_sentences_are_cut_where_spacys_sentencizer_cuts(text):

    from kg.extract.text import _nlp, _sentence_spans

    nlp = _sentencizer()
    assert _sentence_spans(_nlp().tokenizer(text)) == [(s.start_char, s.end_char) for s in nlp(text).sents]


@functools.cache
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_copies_of_articles_are_skipped_with_a_bounded_memory_of_recent_ones(tmp_path):
    """An ingest keeps the keys of the last ``recent`` articles only: a copy of an article stored already is found in
    the store however far back it was; a copy of a recent one is skipped before it is stored."""
    def art(i: int) -> dict:
        return {"id": f"a{i}", "title": f"T{i}", "text": f"Officials in Freedonia detained writer number {i}."}

    path = write_jsonl(tmp_path / "in.jsonl", [art(i) for i in range(6)] + [art(0), art(4)])
    with Store(tmp_path / "store") as store:
        report = ingestion.LoadReport()
        ids = [a.id for a in ingestion._new_articles(store, [path], report, None, recent=3)]
        assert ids == [f"a{i}" for i in range(6)] + ["a0"]  # a0 fell out of the recent ones and is not stored
        assert report.skipped == ["a4"]  # a4 is recent
        report = ingestion.LoadReport()
        ingestion.ingest(store, [write_jsonl(tmp_path / "first.jsonl", [art(i) for i in range(6)])], report)
        assert len(report.loaded) == 6
        report = ingestion.LoadReport()
        assert list(ingestion._new_articles(store, [path], report, None, recent=3)) == []
        assert len(report.skipped) == 8  # all stored: found in the store, recent or not


if __name__ == "__main__":  # regenerate the golden digests after a deliberate change to the mapping
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        store.load_file(DATA / "golden" / "sample_records.jsonl")
        GOLDEN.write_text(json.dumps(graph_digests(store), indent=1, sort_keys=True), "utf-8")

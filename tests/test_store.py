"""The embedded store: idempotent loads, atomic per-article graphs, bound parameters, exports."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from helpers import write_jsonl
from rdflib import Dataset

from kg.errors import QueryError, StoreError
from kg.resources import query_names, query_text
from kg.store import Store
from kg.triples import article_graph


def record(aid: str, speaker: str = "Jane Doe", text: str = "They were tortured") -> dict:
    return {"article": {"id": aid, "title": f"Title {aid}"},
            "actors": [{"name": speaker, "type": "Person"}, {"name": "Azerbaijan", "type": "Country"}],
            "statements": [{"speaker": speaker, "text": text, "kind": "direct", "about": ["Azerbaijan"]}],
            "claims": [{"abuse": "torture", "country": "Azerbaijan", "claimant": speaker}]}


def test_loading_twice_changes_nothing(tmp_path, store_dir):
    path = write_jsonl(tmp_path / "r.jsonl", [record("a"), record("b")])
    with Store(store_dir) as st:
        st.load_file(path)
        first = st.stats()
        quads = set(st.oxigraph)
        st.load_file(path)
        assert st.stats() == first
        assert set(st.oxigraph) == quads
    assert first["articles"] == 2 and first["statements"] == 2


def test_reloading_an_article_replaces_its_graph(tmp_path, store_dir):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "1.jsonl", [record("a", text="first words")]))
        st.load_file(write_jsonl(tmp_path / "2.jsonl", [record("a", text="second words")]))
        rows = st.query("SELECT ?c WHERE { ?s kg:content ?c }").rows
    assert rows == [["second words"]]


def test_a_bad_line_mid_file_leaves_the_store_intact(tmp_path, store_dir):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "ok.jsonl", [record("old")]))
        before = set(st.oxigraph)
        bad = write_jsonl(tmp_path / "bad.jsonl", [record("new1"), "{broken", {"article": {"id": "x"},
                                                   "claims": [{"abuse": "torture"}]}, record("new2")])
        report = st.load_file(bad)
        assert report.loaded == ["new1", "new2"]
        assert [e.split(": ")[0] for e in report.errors] == [f"{bad}:2", f"{bad}:3"]
        assert before <= set(st.oxigraph)
        assert st.stats()["articles"] == 3


def test_a_record_breaking_the_shapes_is_refused_before_it_touches_the_store(tmp_path, store_dir):
    bad = record("bad")
    bad["claims"][0]["abuse"] = "jaywalking"
    with Store(store_dir) as st:
        report = st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("good"), bad]))
        assert report.loaded == ["good"]
        assert "jaywalking" in report.errors[0] and ":2:" in report.errors[0]
        assert not st.oxigraph.contains_named_graph(ox.NamedNode(str(article_graph("bad"))))


@pytest.mark.parametrize("hostile", ['"} ; DROP ALL ; #', "x' } DROP ALL { '", "} ; DROP ALL", '{"}"}', "\\\" ) }"])
def test_query_parameters_are_bound_never_pasted(tmp_path, store_dir, hostile):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a", speaker=hostile)]))
        before = set(st.oxigraph)
        rows = st.query(query_text("statements-about"), {"actor": "Azerbaijan"}).records()
        assert [r["speaker"] for r in rows] == [hostile]
        found = st.query("SELECT ?s ?name WHERE { ?s schema:name ?name }", {"name": hostile}).rows
        assert len(found) == 1
        assert set(st.oxigraph) == before


def test_every_shipped_query_runs(tmp_path, store_dir):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a"), record("b", speaker="John Roe")]))
        params = {"statements-about": {"actor": "Azerbaijan"}, "accusations-against": {"accused": "Azerbaijan"},
                  "speaker-profile": {"by": "Jane Doe"}}
        for name in query_names():
            result = st.query(query_text(name), params.get(name))
            assert result.rows or name == "denials", name  # the records deny nothing
        speakers = {r["speaker"] for r in st.query(query_text("who-said-what")).records()}
        assert speakers == {"Jane Doe", "John Roe"}
        accusation = st.query(query_text("accusations")).records()[0]
        assert (accusation["country"], accusation["abuse"]) == ("Azerbaijan", "torture")


def test_malformed_query_is_a_clear_error(store_dir):
    with Store(store_dir) as st, pytest.raises(QueryError, match="malformed"):
        st.query("SELEKT nothing")


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_dataset_exports_keep_the_article_graphs(tmp_path, store_dir, fmt):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a")]))
        data = st.export_bytes(fmt)
        n = len(st.oxigraph)
    ds = Dataset()
    ds.parse(data=data, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(ds) == n
    assert str(article_graph("a")) in {str(g.identifier) for g in ds.graphs()}


def test_turtle_export_and_rdf_load_round_trip(tmp_path, store_dir):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a")]))
        st.export(tmp_path / "all.trig", "trig")
        st.export(tmp_path / "all.ttl", "ttl")
        quads = set(st.oxigraph)
    with Store(tmp_path / "copy") as other:
        other.load_file(tmp_path / "all.trig")
        assert set(other.oxigraph) == quads
        other.load_file(tmp_path / "all.ttl")  # triples outside graphs go to a graph named after the file
        assert any(g.endswith("all.ttl") for g in (x.value for x in other.oxigraph.named_graphs()))


def test_an_rdf_syntax_error_names_the_line_and_stores_nothing(tmp_path, store_dir):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> oops .\n", "utf-8")
    with Store(store_dir) as st:
        with pytest.raises(Exception, match=r"bad\.ttl") as err:
            st.load_file(bad)
        assert "2" in str(err.value)
        assert len(st.oxigraph) == 0


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "nowhere", read_only=True)


def test_store_location_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    with Store() as st:
        assert st.path == tmp_path / "env-store"
    assert json.dumps(str(st.path))


def test_statements_about_returns_only_that_actor_and_its_government(tmp_path, store_dir):
    other = record("b", speaker="John Roe")
    other["actors"].append({"name": "Georgia", "type": "Country"})
    other["statements"][0]["about"] = ["Georgia"]
    gov = record("c", speaker="Ann Poe")
    gov["actors"].append({"name": "Azerbaijani government", "type": "GovernmentBody", "stands_for": "Azerbaijan"})
    gov["statements"][0]["about"] = ["Azerbaijani government"]
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a"), other, gov]))
        rows = st.query(query_text("statements-about"), {"actor": "azerbaijan"}).records()
        assert sorted(r["speaker"] for r in rows) == ["Ann Poe", "Jane Doe"]
        actors = {r["name"]: r for r in st.query(query_text("actors")).records()}
        assert actors["Azerbaijan"]["received"] == 1 and actors["Azerbaijan"]["articles"] == 3
        assert actors["Jane Doe"]["made"] == 1


def test_a_bulk_load_cut_short_is_undone_when_the_store_opens_again(tmp_path, store_dir):
    from kg.embedded import JOURNAL_GRAPH, PENDING

    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("kept")]))
        half = ox.NamedNode("https://example.org/half-loaded")
        # what a process killed in the middle of a bulk load leaves behind: a journal entry and part of a graph
        st.oxigraph.extend([ox.Quad(JOURNAL_GRAPH, PENDING, half, JOURNAL_GRAPH),
                            ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                    ox.Literal("partial"), half)])
    with Store(store_dir) as st:
        assert st.recovered == ["https://example.org/half-loaded"]
        assert not st.oxigraph.contains_named_graph(half)
        assert st.stats()["articles"] == 1


def test_bulk_and_transactional_rdf_loads_store_the_same(tmp_path, store_dir):
    with Store(store_dir) as st:
        st.load_file(write_jsonl(tmp_path / "r.jsonl", [record("a"), record("b")]))
        st.export(tmp_path / "all.nq", "nq")
        quads = set(st.oxigraph)
    with Store(tmp_path / "fresh") as fresh:  # new graphs: the journaled bulk path
        fresh.load_file(tmp_path / "all.nq")
        assert set(fresh.oxigraph) == quads
        articles = tmp_path / "articles.nq"  # the store's own graphs load only into an empty store
        articles.write_text("".join(line for line in (tmp_path / "all.nq").read_text("utf-8").splitlines(True)
                                    if "/graph/article/" in line.rsplit(" ", 2)[-2]), "utf-8")
        assert fresh.load_file(articles).ok  # existing graphs: replaced one by one
        assert set(fresh.oxigraph) == quads


def test_a_write_that_did_not_finish_is_dropped_at_the_next_open_and_said_so(tmp_path, caplog):
    import logging

    import pyoxigraph as ox

    from kg.embedded import JOURNAL_GRAPH, PENDING

    where = tmp_path / "store"
    graph = ox.NamedNode("https://w3id.org/kg/graph/article/half-written")
    with Store(where):
        pass
    raw = ox.Store(str(where))  # as a bulk load killed midway leaves it: the graph written, its journal entry kept
    raw.add(ox.Quad(ox.NamedNode("https://w3id.org/kg/id/x"), ox.NamedNode("https://schema.org/name"), ox.Literal("x"), graph))
    raw.add(ox.Quad(JOURNAL_GRAPH, PENDING, graph, JOURNAL_GRAPH))
    raw.flush()
    del raw
    with caplog.at_level(logging.WARNING, logger="kg.store"), Store(where) as st:
        assert st.recovered == [graph.value]
        assert not st.oxigraph.contains_named_graph(graph)
    assert "dropped 1 article graph(s)" in caplog.text and "half-written" in caplog.text

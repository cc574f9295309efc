"""Attacks on the store through files and corrections (issue 16): the store's own graphs are written by the store
alone, and a correction that would corrupt the answers is refused with a clear message, nothing stored changed."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import HERE, write_jsonl

from kg import api
from kg.cli import main
from kg.store import Store
from kg.triples import article_graph
from kg.vocab import ACTORS_GRAPH

RDF = HERE / "hostile" / "rdf"


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def records() -> list[dict]:
    base = {"actors": [{"name": "Lena Moroz", "type": "Person"}, {"name": "Moroz", "type": "Person"},
                       {"name": "Karl Weiss", "type": "Person"}, {"name": "Norland", "type": "Country"}]}
    return [{**base, "article": {"id": "first", "title": "First"},
             "statements": [{"speaker": "Lena Moroz", "text": "The court ignored the evidence", "kind": "direct",
                             "about": ["Norland"]},
                            {"speaker": "Moroz", "text": "Two editors were held without charge", "kind": "indirect"}]},
            {**base, "article": {"id": "second", "title": "Second"},
             "statements": [{"speaker": "Karl Weiss", "text": "The border is open", "kind": "direct"}]}]


@pytest.fixture
def store(tmp_path) -> str:
    where = str(tmp_path / "store")
    with Store(where) as st:
        assert st.load_file(write_jsonl(tmp_path / "r.jsonl", records())).ok
        api.resolve_surnames(st)  # the machine's resolution graph, as an ingest makes it
    return where


def quads(where: str) -> set:
    return set(ox.Store.read_only(where))


def actor(where: str, name: str) -> str:
    rows = json.loads(run("query", "--name", "actors", "--format", "json", "--store", where).stdout)
    return next(r["node"] for r in rows if r["name"] == name)


# -- 1 and 2: the store's own graphs ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["actors-graph.trig", "ontology-graph.trig", "resolution-graph.trig",
                                  "curated-graph.nq", "journal-pending.nq"])
def test_kg_load_refuses_a_file_naming_the_stores_own_graphs(store, name):
    before = quads(store)
    result = run("load", str(RDF / name), "--store", store, code=1)
    assert "names the store's own graph <https://w3id.org/kg/graph/" in result.stderr and name in result.stderr
    assert quads(store) == before
    run("validate", "--store", store)


def test_the_actors_graph_keeps_its_triples_and_validation_passes_after_the_attack(store):
    with Store(store, read_only=True) as st:
        actors = len(st.graph(ACTORS_GRAPH))
    run("load", str(RDF / "actors-graph.trig"), "--store", store, code=1)
    with Store(store, read_only=True) as st:
        assert len(st.graph(ACTORS_GRAPH)) == actors > 1
        assert not st.oxigraph.contains_named_graph(ox.NamedNode("https://w3id.org/kg/graph/article/hostile-rdf"))


def test_a_poisoned_journal_entry_cannot_delete_an_article_at_the_next_open(store, tmp_path):
    target = str(article_graph("first"))
    poison = tmp_path / "poison.nq"
    poison.write_text(f"<https://w3id.org/kg/graph/journal> <https://w3id.org/kg/graph/journal#pending> <{target}> "
                      "<https://w3id.org/kg/graph/journal> .\n", "utf-8")
    run("load", str(poison), "--store", store, code=1)
    with Store(store) as st:  # a writable open runs the recovery
        assert st.recovered == []
        assert st.oxigraph.contains_named_graph(ox.NamedNode(target))


def test_a_whole_export_still_loads_into_an_empty_store(store, tmp_path):
    run("export", "--format", "trig", "-o", str(tmp_path / "all.trig"), "--store", store)
    copy = str(tmp_path / "copy")
    run("load", str(tmp_path / "all.trig"), "--store", copy)
    assert quads(copy) == quads(store)
    run("load", str(tmp_path / "all.trig"), "--store", copy, code=1)  # into a store that holds graphs: refused


def test_curate_apply_writes_corrections_and_nothing_else(store, tmp_path):
    run("curate", "reject", actor(store, "Karl Weiss"), "--store", store)
    run("curate", "export", "-o", str(tmp_path / "c.trig"), "--store", store)
    run("curate", "apply", str(tmp_path / "c.trig"), "--store", store)
    run("curate", "apply", str(RDF / "actors-graph.trig"), "--store", store, code=1)


# -- 3: corrections that corrupt answers -----------------------------------------------------------

def test_a_merge_back_is_refused_as_a_cycle(store):
    lena, karl = actor(store, "Lena Moroz"), actor(store, "Karl Weiss")
    run("curate", "merge", karl, lena, "--store", store)
    before = quads(store)
    result = run("curate", "merge", lena, karl, "--store", store, code=1)
    assert "cycle" in result.output and quads(store) == before
    names = {r["name"] for r in json.loads(run("query", "--name", "actors", "--format", "json", "--store", store).stdout)}
    assert "Lena Moroz" in names


def test_a_second_merge_of_the_same_actor_is_refused(store):
    lena, karl = actor(store, "Lena Moroz"), actor(store, "Karl Weiss")
    norland = actor(store, "Norland")
    run("curate", "merge", karl, lena, "--store", store)
    assert "already" in run("curate", "merge", karl, norland, "--store", store, code=1).output


def test_a_merge_into_an_iri_that_is_not_an_actor_is_refused(store):
    before = quads(store)
    lena = actor(store, "Lena Moroz")
    result = run("curate", "merge", lena, "https://w3id.org/kg/id/person/nobody-at-all", "--store", store, code=1)
    assert "is not an actor" in result.output and quads(store) == before
    assert "is not an actor" in run("curate", "set-speaker", lena, "https://example.org/ghost", "--store", store,
                                    code=1).output


def test_the_machine_resolution_graph_cannot_be_undone_as_a_correction(store):
    with Store(store, read_only=True) as st:
        assert st.oxigraph.contains_named_graph(ox.NamedNode("https://w3id.org/kg/graph/curated/resolution"))
    before = quads(store)
    result = run("curate", "undo", "resolution", "--store", store, code=1)
    assert "no correction 'resolution'" in result.output and quads(store) == before


@pytest.mark.parametrize("name", ["   ", "\u200b", "\u200b\u200d \u2060", "\t\n", "\u202e"])
def test_a_rename_to_nothing_visible_is_refused(store, name):
    before = quads(store)
    result = run("curate", "rename", actor(store, "Karl Weiss"), name, "--store", store, code=1)
    assert "visible name" in result.output and quads(store) == before


def test_a_rename_keeps_a_real_name_trimmed(store):
    run("curate", "rename", actor(store, "Karl Weiss"), "  Karl B. Weiss ", "--store", store)
    assert actor(store, "Karl B. Weiss")


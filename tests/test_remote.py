"""`--store URL`: the same commands against an Oxigraph SPARQL server that the tests start, and the
parameter binding that remote queries use."""

from __future__ import annotations

import json
import re
import subprocess

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from helpers import REPO, free_port, wait_for_http
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.api import oxigraph_binary
from kg.cli import main
from kg.errors import StoreError
from kg.remote import split_location
from kg.sparql import bind_values
from kg.store import Store

HOSTILE = ['x"} ; DROP ALL #', "'''", "<http://evil/>", "a\\\"b", "\n} } INSERT DATA { <a> <b> <c> }", "Azerbaijan"]


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.stderr + result.stdout
    return result


# -- binding ---------------------------------------------------------------------------------------

QUERIES = [
    "SELECT ?s ?v WHERE { ?s <http://e/p> ?v }",
    "SELECT * { ?s <http://e/p> ?v }",
    "SELECT ?s ?v WHERE { ?s <http://e/p> ?o FILTER (STR(?o) = STR(?v)) }",
    "SELECT ?s ?v WHERE { { SELECT ?s ?v WHERE { ?s <http://e/p> ?o FILTER (?o = ?v) } } }",
    "PREFIX ex: <http://e/> SELECT ?s ?v WHERE { ?s ex:p ?v . FILTER (?v != \"WHERE { \") } # WHERE {",
    "ASK { ?s <http://e/p> ?v }",
]


@settings(max_examples=60, deadline=None)
@given(value=st.one_of(st.sampled_from(HOSTILE), st.text(min_size=0, max_size=30)))
def test_values_binding_gives_what_substitution_gives(value):
    store = ox.Store()
    for i, text in enumerate([value, "other", value + "!"]):
        store.add(ox.Quad(ox.NamedNode(f"http://e/s{i}"), ox.NamedNode("http://e/p"), ox.Literal(text)))
    subs = {ox.Variable("v"): ox.Literal(value)}
    for sparql in QUERIES:
        expected = store.query(sparql, substitutions=subs)
        got = store.query(bind_values(sparql, subs))
        if isinstance(expected, ox.QueryBoolean):
            assert bool(got) == bool(expected)
        else:
            assert sorted(str(s["s"]) for s in got) == sorted(str(s["s"]) for s in expected), sparql
    assert len(store) == 3  # nothing the value said was run


def test_layouts_are_read_from_the_url():
    assert split_location("http://h:7878/")[0] == "http://h:7878"
    assert split_location("http://h:7200/repositories/kg")[1].update == "/statements"
    assert split_location("http://h:3030/kg?layout=fuseki")[1].graphs == "/data"
    with pytest.raises(StoreError, match="unknown server layout"):
        split_location("http://h/x?layout=nope")


def _quads(store: Store) -> set:
    return set(store.oxigraph.quads_for_pattern(None, None, None))


# -- against a server ---------------------------------------------------------------------------------

def test_remote_store_matches_the_embedded_one(oxigraph_server, store_dir, gold_file):
    url = oxigraph_server
    for where in (url, str(store_dir)):
        run("load", str(gold_file), "--store", where)
        run("load", str(gold_file), "--store", where)  # again: graphs are replaced, nothing doubles
    remote_stats = json.loads(run("stats", "--format", "json", "--store", url).stdout)
    local_stats = json.loads(run("stats", "--format", "json", "--store", str(store_dir)).stdout)
    assert remote_stats == local_stats and remote_stats["articles"] == 27
    for name in ("who-said-what", "accusations", "actors", "claims-by-country"):
        remote = run("query", "--name", name, "--format", "json", "--store", url).stdout
        assert remote == run("query", "--name", name, "--format", "json", "--store", str(store_dir)).stdout, name
    for value in HOSTILE:
        args = ("query", "--name", "statements-about", "--param", f"actor={value}", "--format", "json")
        assert run(*args, "--store", url).stdout == run(*args, "--store", str(store_dir)).stdout
    assert json.loads(run("stats", "--format", "json", "--store", url).stdout) == remote_stats
    with Store(url) as remote, Store(store_dir, read_only=True) as local:
        assert _quads(remote) == _quads(local)
        assert remote.article_graphs() == local.article_graphs()
    checked = run("validate", "--store", url)
    assert "27 graph(s) checked, 0 with violations" in checked.stderr
    export = run("export", "--format", "nq", "--store", url).stdout_bytes
    assert len(list(ox.parse(export, ox.RdfFormat.N_QUADS))) == remote_stats["quads"]


def test_ingest_curate_and_explain_on_a_server(oxigraph_server, store_dir, tmp_path):
    url = oxigraph_server
    lines = (REPO / "data" / "sample" / "articles.jsonl").read_text("utf-8").splitlines(keepends=True)[:4]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "four.jsonl").write_text("".join(lines), "utf-8")
    for where in (url, str(store_dir)):
        run("ingest", str(tmp_path / "in"), "--store", where)
    again = run("ingest", str(tmp_path / "in"), "--store", url)
    assert "skipped 4" in again.stderr + again.stdout
    with Store(url) as remote, Store(store_dir, read_only=True) as local:
        assert _quads(remote) == _quads(local)
    rows = [json.loads(line) for line in
        run("query", "--name", "who-said-what", "--format", "ndjson", "--store", url).stdout.splitlines()]
    node = rows[0]["node"]
    run("curate", "reject", node, "--why", "not a statement", "--store", url)
    after = [json.loads(line) for line in
        run("query", "--name", "who-said-what", "--format", "ndjson", "--store", url).stdout.splitlines()]
    assert node not in {r["node"] for r in after} and len(after) == len(rows) - 1
    trail = run("explain", node, "--store", url).stdout
    found = re.search(r"correction (\w+): reject by ", trail)
    assert found, trail
    run("curate", "undo", found.group(1), "--store", url)
    assert len([json.loads(line) for line in
        run("query", "--name", "who-said-what", "--format", "ndjson", "--store", url).stdout.splitlines()]) == len(rows)


def test_read_only_and_missing_servers_give_clear_errors(tmp_path, gold_file):
    missing = run("stats", "--store", f"http://127.0.0.1:{free_port()}", ok=False)
    assert missing.exit_code == 1 and "cannot reach the SPARQL store" in missing.stderr
    assert "Traceback" not in missing.stderr + missing.stdout
    store = tmp_path / "ro"
    run("load", str(gold_file), "--store", str(store))
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", proc)
        url = f"http://127.0.0.1:{port}"
        assert json.loads(run("stats", "--format", "json", "--store", url).stdout)["articles"] == 27
        refused = run("load", str(gold_file), "--store", url, ok=False)
        assert refused.exit_code == 1 and "refuses writes" in refused.stderr and "Traceback" not in refused.stderr
        assert json.loads(run("stats", "--format", "json", "--store", url).stdout)["articles"] == 27
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_row_a_server_repeats_under_select_distinct_is_dropped():
    import json as _json

    import pyoxigraph as ox

    from kg.remote import _solutions

    row = {"a": {"type": "literal", "value": "x"}}
    doc = _json.dumps({"head": {"vars": ["a"]}, "results": {"bindings": [row, row]}}).encode()

    def parsed():
        return ox.parse_query_results(doc, ox.QueryResultsFormat.JSON)

    assert len(_solutions(parsed(), distinct=True)) == 1
    assert len(_solutions(parsed())) == 2  # without DISTINCT, repeated rows are the answer

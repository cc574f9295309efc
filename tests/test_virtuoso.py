"""`--store URL` against a second real SPARQL server: Virtuoso (Debian's virtuoso-opensource), started by
tools/virtuoso.sh on free loopback ports with a fresh database, reached with Digest authentication. The whole remote
path (ingest --jobs 2, load, query with parameters, export, curate) gives the answers the embedded store gives."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from helpers import REPO, write_jsonl

pytestmark = pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                                reason="Virtuoso is not installed (tools/install-system-deps.sh installs it)")

DATA = REPO / "data"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A running Virtuoso: (URL with layout, user, password); stopped, with its database, after the module."""
    folder = tmp_path_factory.mktemp("virtuoso")
    proc = subprocess.Popen(["bash", str(REPO / "tools" / "virtuoso.sh"), str(folder / "db")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        if not line.startswith("READY "):
            proc.wait(timeout=30)
            pytest.fail(f"Virtuoso did not start: {line}{proc.stderr.read()}")
        _, url, user, password = line.split()
        yield f"{url}?layout=virtuoso", user, password
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert not _running(folder / "db"), "Virtuoso outlived its test"


def _running(folder) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "virtuoso-t" in cmdline and str(folder) in cmdline:
                return True
    return False


def kg(*args: str, env: dict | None = None, ok: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})
    assert "Traceback" not in proc.stderr, proc.stderr
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def stores(virtuoso, tmp_path_factory):
    """data/ ingested into Virtuoso (--jobs 2, credentials from the environment) and into an embedded store."""
    url, user, password = virtuoso
    env = {"KG_STORE_USER": user, "KG_STORE_PASSWORD": password}
    embedded = str(tmp_path_factory.mktemp("embedded") / "store")
    start = time.monotonic()
    remote = kg("ingest", str(DATA), "--jobs", "2", "--no-validate", "--store", url, env=env)
    print(f"ingest of data/ into Virtuoso: {time.monotonic() - start:.1f} s")
    local = kg("ingest", str(DATA), "--no-validate", "--store", embedded)

    def summary(proc) -> str:
        return re.sub(r" \([\d.]+/s\)", "", proc.stderr.strip().splitlines()[-1])

    assert summary(remote) == summary(local) and "ingested 50 article(s), skipped 0" in summary(remote)
    return url, env, embedded


def rows(store: str, env: dict, *args: str) -> list[dict]:
    out = kg("query", *args, "--format", "ndjson", "--store", store, env=env).stdout
    return [json.loads(line) for line in out.splitlines()]


def same_rows(a: list[dict], b: list[dict], names: dict[str, str] | None = None) -> bool:
    """The same answers, where SPARQL leaves a choice to the server: a GROUP_CONCAT's order (parts compared sorted),
    its value over no rows ("" on Virtuoso, unbound on Oxigraph), and which of an actor's names SAMPLE or a join
    shows first (``names`` maps each name to one chosen for all of them)."""
    names = names or {}

    def value(v):
        if v is None or v == "":
            return None
        if isinstance(v, str):
            return "; ".join(sorted({names.get(p, p) for p in v.split("; ")}))
        return v

    def norm(r: dict) -> str:
        return json.dumps({k: value(v) for k, v in r.items()}, sort_keys=True)

    return len(a) == len(b) and sorted(set(map(norm, a))) == sorted(set(map(norm, b)))


def canonical_names(store: str) -> dict[str, str]:
    """Each actor name -> the least of the names of its node."""
    by_node: dict[str, set[str]] = {}
    for r in rows(store, {}, "SELECT ?node ?n WHERE { ?node a kg:Actor ; schema:name|skos:prefLabel ?n }"):
        by_node.setdefault(r["node"], set()).add(r["n"])
    return {n: min(group) for group in by_node.values() for n in group}


QUERIES = [("--name", "who-said-what"), ("--name", "actors"), ("--name", "accusations"),
           ("--name", "claims-by-country"), ("--name", "statements-about", "--param", "actor=russia"),
           ("--name", "statements-about", "--param", "actor=United States"),
           ("SELECT ?name WHERE { ?a schema:name ?name FILTER (CONTAINS(?name, ?part)) }", "--param", "part=Minist")]


@pytest.mark.parametrize("query", QUERIES, ids=[" ".join(q)[:40] for q in QUERIES])
def test_shipped_queries_answer_as_the_embedded_store(stores, query):
    url, env, embedded = stores
    expected = rows(embedded, {}, *query)
    assert expected and same_rows(rows(url, env, *query), expected, canonical_names(embedded))


def test_stats_explain_and_export_match(stores, tmp_path):
    url, env, embedded = stores
    stats = [json.loads(kg("stats", "--format", "json", "--store", s, env=env).stdout) for s in (url, embedded)]
    assert stats[0] == stats[1] and stats[0]["articles"] == 50
    node = rows(embedded, {}, "--name", "actors")[0]["node"]
    assert same_rows(rows(url, env, "--name", "explain-actor", "--param", f"node=<{node}>"),
                     rows(embedded, {}, "--name", "explain-actor", "--param", f"node=<{node}>"))
    for store, name in ((url, "v.nq"), (embedded, "e.nq")):
        kg("export", "--format", "nq", "-o", str(tmp_path / name), "--store", store, env=env)
    assert sorted((tmp_path / "v.nq").read_text("utf-8").splitlines()) == \
        sorted((tmp_path / "e.nq").read_text("utf-8").splitlines())


def test_reingest_skips_and_load_replaces_on_virtuoso(stores, tmp_path):
    url, env, _ = stores
    again = kg("ingest", str(DATA / "sample"), "--store", url, env=env)
    assert "ingested 0 article(s)" in again.stderr and "skipped 26" in again.stderr
    record = {"article": {"id": "virtuoso-probe", "title": "Probe"}, "actors": [{"name": "Tova Lind", "type": "Person"}]}
    path = write_jsonl(tmp_path / "r.jsonl", [record])
    kg("load", str(path), "--store", url, env=env)
    kg("load", str(path), "--store", url, env=env)
    names = rows(url, env, "SELECT ?n WHERE { ?a schema:name ?n FILTER (?n = 'Tova Lind') }")
    assert names == [{"n": "Tova Lind"}]
    refused = kg("load", str(REPO / "tests" / "hostile" / "rdf" / "actors-graph.trig"), "--store", url, env=env, ok=False)
    assert refused.returncode == 1 and "names the store's own graph" in refused.stderr


def test_corrections_on_virtuoso(stores):
    url, env, embedded = stores
    before = rows(url, env, "--name", "who-said-what")
    statement = before[0]["node"]
    kg("curate", "reject", statement, "--why", "a test", "--store", url, env=env)
    assert statement not in {r["node"] for r in rows(url, env, "--name", "who-said-what")}
    out = kg("curate", "list", "--format", "ndjson", "--store", url, env=env).stdout
    listed = [json.loads(line) for line in out.splitlines()]
    assert [c["action"] for c in listed] == ["reject"]
    kg("curate", "undo", listed[0]["id"], "--store", url, env=env)
    assert same_rows(rows(url, env, "--name", "who-said-what"), rows(embedded, {}, "--name", "who-said-what"),
                     canonical_names(embedded))


def test_a_wrong_password_is_refused_and_never_printed(virtuoso, tmp_path):
    url, user, password = virtuoso
    parts = urllib.parse.urlsplit(url)
    wrong = parts._replace(netloc=f"{user}:not-{password}@{parts.netloc}").geturl()
    record = write_jsonl(tmp_path / "r.jsonl", [{"article": {"id": "x"}}])
    result = kg("load", str(record), "--store", wrong, ok=False)
    assert result.returncode == 1 and "401" in result.stderr and f"not-{password}" not in result.stderr

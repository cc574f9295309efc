"""Faults: an ingest of 1,000 articles killed with SIGKILL, queries answered while an ingest writes, a disk that
fills up and a store folder that cannot be written. Each article is wholly present or absent, and what was stored
before a fault stays as it was."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import REPO

from kg import api
from kg.errors import KgError
from kg.extract import extract
from kg.loaders import jsonl, load_path
from kg.store import Store
from kg.terms import to_ox
from kg.triples import article_graph, partition, record_to_graph
from kg.vocab import ACTORS_GRAPH


@dataclasses.dataclass
class Corpus:
    path: Path
    own: dict[str, frozenset]  # article graph IRI -> its triples, as one uninterrupted extraction makes them
    shared: frozenset  # the actors graph's triples


@pytest.fixture(scope="module")
def thousand(tmp_path_factory) -> Corpus:
    """1,000 real articles (the bundled ones under new ids) and the graphs an ingest must make of them."""
    unique = {a.id: a for a in load_path([REPO / "data" / "sample", REPO / "data" / "corpus"]) if not isinstance(a, KgError)}
    articles = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(1000 // len(unique) + 1) for a in unique.values()]
    articles = articles[:1000]
    path = tmp_path_factory.mktemp("thousand") / "articles.jsonl"
    assert jsonl.write(path, articles) == 1000
    own, shared = {}, set()
    with ProcessPoolExecutor(2) as pool:
        for iri, mine, theirs in pool.map(_expected, jsonl.load(path), chunksize=20):
            own[iri] = frozenset(mine)
            shared.update(theirs)
    return Corpus(path, own, frozenset(shared))


def _expected(article) -> tuple[str, list, list]:
    """One article's graph IRI, own triples and shared triples, as pyoxigraph triples."""
    mine, theirs = partition(record_to_graph(extract(article)))
    return str(article_graph(article.id)), *[[ox.Triple(*map(to_ox, t)) for t in part] for part in (mine, theirs)]


def _graph(st: Store, iri: str) -> frozenset:
    return frozenset(ox.Triple(q.subject, q.predicate, q.object)
                     for q in st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(iri)))


def _kg(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def test_kill_9_mid_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path, thousand):
    store = tmp_path / "store"
    proc = _kg("ingest", str(thousand.path), "--no-validate", "--jobs", "2", "--store", str(store),
               start_new_session=True)  # its own process group: the kill takes the extraction workers too
    try:
        for line in proc.stderr:
            found = re.search(r"(\d+) stored", line)
            if found and int(found.group(1)) >= 150:
                break
        else:
            pytest.fail("the ingest ended before it could be killed")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Store(store) as st:  # opens after the kill
        present = st.article_graphs()
        assert 150 <= len(present) < 1000
        for iri in present:
            assert _graph(st, iri) == thousand.own[iri], f"{iri} is not whole"
    rerun = _kg("ingest", str(thousand.path), "--no-validate", "--jobs", "2", "--store", str(store))
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    assert f"ingested {1000 - len(present)} article(s)" in err and f"skipped {len(present)} unchanged" in err
    with Store(store, read_only=True) as st:
        assert st.article_graphs() == sorted(thousand.own)
        for iri, triples in thousand.own.items():
            assert _graph(st, iri) == triples
        assert _graph(st, str(ACTORS_GRAPH)) == thousand.shared


def test_queries_keep_answering_while_an_ingest_writes(tmp_path, thousand):
    """In one process (a reader thread beside the writer) and through a SPARQL server (another process)."""
    part = tmp_path / "part.jsonl"
    lines = thousand.path.read_text("utf-8").splitlines(keepends=True)
    part.write_text("".join(lines[:60]), "utf-8")
    answers: list[int] = []
    torn: list[str] = []
    done = threading.Event()

    def check(st: Store) -> None:
        rows = st.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), ?base) }"
                        " GROUP BY ?g", {"base": "https://w3id.org/kg/graph/article/"}).rows
        torn.extend(g for g, n in rows if n != len(thousand.own[g]))
        answers.append(len(rows))

    failures: list[BaseException] = []
    with Store(tmp_path / "embedded") as st:
        def reader() -> None:
            try:
                while not done.is_set():
                    check(st)
                    time.sleep(0.05)
            except BaseException as err:  # reported by the test below
                failures.append(err)

        thread = threading.Thread(target=reader)
        thread.start()
        try:
            api.ingest(st, [part], validate=False)
        finally:
            done.set()
            thread.join()
    assert not failures and not torn and answers == sorted(answers) and any(0 < n < 60 for n in answers), answers


def test_queries_through_a_server_during_a_remote_ingest(tmp_path, thousand, oxigraph_server):
    part = tmp_path / "part.jsonl"
    part.write_text("".join(thousand.path.read_text("utf-8").splitlines(keepends=True)[:80]), "utf-8")
    proc = _kg("ingest", str(part), "--no-validate", "--store", oxigraph_server)
    answers: list[int] = []
    with Store(oxigraph_server) as st:
        while proc.poll() is None:
            rows = st.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
            articles = {g: n for g, n in rows if g.startswith("https://w3id.org/kg/graph/article/")}
            assert all(n == len(thousand.own[g]) for g, n in articles.items())  # never half an article
            answers.append(len(articles))
            time.sleep(0.1)
    assert proc.returncode == 0, proc.stderr.read()
    assert answers == sorted(answers) and any(0 < n < 80 for n in answers), answers


@pytest.mark.skipif(not shutil.which("unshare"), reason="needs util-linux unshare")
def test_a_full_disk_and_a_read_only_folder_give_clear_errors_and_lose_nothing():
    """tests/disk_scenario.py runs in its own user and mount namespace, with a 160 MB tmpfs as the disk."""
    proc = subprocess.run(["unshare", "--map-root-user", "--mount", sys.executable, str(REPO / "tests" / "disk_scenario.py"),
                           str(REPO / "data" / "sample"), str(REPO / "data" / "corpus")],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout)
    more = 3 * sum(1 for line in (REPO / "data" / "corpus" / "articles.jsonl").open() if line.strip())  # the corpus x3
    assert seen["first"]["rc"] == 0 and seen["before"]["articles"] == 26
    full = seen["full"]
    assert full["rc"] == 1 and "No space left on device" in full["err"] and "the disk is full" in full["err"]
    assert "Traceback" not in full["err"]
    assert seen["after_full_digest"] == seen["before_digest"]  # the articles stored before are untouched
    assert 26 < seen["after_full"]["articles"] < 26 + more  # some were stored before the disk filled
    assert seen["after_free"] == seen["after_full"]
    assert seen["resumed"]["rc"] == 0 and seen["resumed_stats"]["articles"] == 26 + more
    assert seen["validate"]["rc"] == 0
    ro = seen["ro_ingest"]
    assert ro["rc"] == 1 and "Read-only file system" in ro["err"] and "cannot be written" in ro["err"]
    assert "Traceback" not in ro["err"]
    assert seen["ro_query"]["rc"] == 0 and json.loads(seen["ro_query"]["out"])
    assert seen["ro_stats"] == seen["resumed_stats"] and seen["final_digest"] == seen["before_digest"]

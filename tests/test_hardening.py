"""Attacks on the store through files and corrections (issue 16): the store's own graphs are written by the store
alone, and a correction that would corrupt the answers is refused with a clear message, nothing stored changed."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from helpers import HERE, free_port, wait_for_http, write_jsonl

from kg import api
from kg.cli import main
from kg.embedded import EmbeddedBackend
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
    out = run("query", "--name", "actors", "--format", "ndjson", "--store", where).stdout
    rows = [json.loads(line) for line in out.splitlines()]
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
    out = run("query", "--name", "actors", "--format", "ndjson", "--store", store).stdout
    names = {json.loads(line)["name"] for line in out.splitlines()}
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



# -- 9 and 10: a one-line error where a traceback was, and no silent damage ---------------------------

TEXT = "Deputy minister Oskar Brandt said that the police detained 12 students after the march.\n"


def test_rdf_file_names_with_spaces_quotes_and_brackets_load(tmp_path):
    path = tmp_path / 'a b">\'.ttl'
    path.write_text("<https://example.org/s> <https://example.org/p> \"o\" .\n", "utf-8")
    assert "loaded 1 graph" in run("load", str(path), "--store", str(tmp_path / "s")).stderr


def test_a_blank_node_graph_name_is_refused(tmp_path):
    result = run("load", str(RDF / "blank-graph.trig"), "--store", str(tmp_path / "s"), code=1)
    assert "blank-graph.trig: a graph is named by a blank node" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--param", "bad name=1"], "is not a SPARQL variable name"),
    (["--param", "x=caf\udcc3"], "the value of parameter 'x' is not valid UTF-8"),
    (["SELECT ?x WHERE { ?x ?p \"\udcff\" }"], "the query is not valid UTF-8"),
    (["SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "--allow-service"], "the query failed"),
])
def test_bad_query_input_is_a_one_line_error(store, args, message):
    query = [] if not args[0].startswith("--") else ["SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"]
    result = run("query", *query, *args, "--store", store, code=1)
    assert message in result.output


def test_query_file_of_invalid_utf8_is_a_one_line_error(store, tmp_path):
    (tmp_path / "q.rq").write_bytes(b'SELECT * WHERE { ?s ?p "\xff" }')
    assert "not valid UTF-8" in run("query", "--file", str(tmp_path / "q.rq"), "--store", store, code=1).output


@pytest.mark.parametrize("args", [["reject", "http://x y"], ["merge", "https://e.org/<a>", "Karl Weiss"],
                                  ["undo", "a b<>"], ["undo", "../../actors"]])
def test_invalid_iris_in_curate_are_one_line_errors(store, args):
    before = quads(store)
    assert "Error:" in run("curate", *args, "--store", store, code=1).output
    assert quads(store) == before


@pytest.mark.parametrize("url", ["http://x y/", "http://host:notaport/", "http://[::1/"])
def test_a_malformed_store_url_is_a_one_line_error(url):
    assert "not a server address" in run("stats", "--store", url, code=1).output


def test_a_server_answering_unexpected_json_is_a_one_line_error():
    import http.server
    import threading

    class Odd(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "nonsense"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Odd)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run("query", "SELECT ?x WHERE { ?x ?p ?o }", "--store", f"http://127.0.0.1:{server.server_port}", code=1)
        assert "what is not SPARQL results" in result.output
    finally:
        server.shutdown()
        server.server_close()


def test_a_number_beyond_a_float_does_not_crash_the_ingest(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The ministry said the police detained 1" + "0" * 400 + " people and 40 journalists.\n", "utf-8")
    result = run("ingest", str(path), "--store", str(tmp_path / "s"))
    assert "ingested 1 article" in result.stderr


def test_a_figure_that_is_not_finite_is_a_record_error():
    from kg.errors import RecordError
    from kg.records import Figure

    with pytest.raises(RecordError, match="not a finite number"):
        Figure(value=float("inf"))


def test_an_unreadable_subfolder_is_an_error_not_a_silent_skip(tmp_path, monkeypatch):
    import os

    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "in" / "locked" / "b.txt").write_text(TEXT, "utf-8")
    real = os.scandir

    def scandir(path="."):  # what a folder without read permission does (the tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "s"), code=1)
    assert "locked: cannot read the folder: Permission denied" in result.stderr
    assert "ingested 1 article" in result.stderr


@pytest.mark.parametrize("value", [["a", "b"], {"x": 1}, True])
def test_a_title_that_is_not_text_is_refused_with_its_line(tmp_path, value):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "ok", "text": TEXT},
                                              {"id": "t", "title": value, "text": TEXT}])
    result = run("ingest", str(path), "--store", str(tmp_path / "s"), code=1)
    assert f"a.jsonl:2: 'title' must be a string, not a {type(value).__name__}" in result.stderr


def test_an_empty_feed_file_is_an_error(tmp_path):
    (tmp_path / "empty.xml").write_bytes(b"")
    result = run("ingest", str(tmp_path / "empty.xml"), "--store", str(tmp_path / "s"), code=1)
    assert "empty.xml: no entries" in result.stderr


# -- 4 to 8: the endpoint ------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _gone(pids, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def dense_store(tmp_path_factory) -> str:
    """3,000 triples: enough for a three-way cartesian query to run for hours."""
    folder = tmp_path_factory.mktemp("dense")
    path = folder / "dense.nt"
    path.write_text("".join(f"<https://example.org/s{i}> <https://example.org/p> \"{i}\" .\n" for i in range(3000)),
                    "utf-8")
    where = str(folder / "store")
    run("load", str(path), "--store", where)
    return where


@contextlib.contextmanager
def serving(where: str, *flags: str):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", where, "--port", str(port), *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", proc)
        yield f"http://127.0.0.1:{port}", proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None,
         timeout: float = 60) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def ask(base: str, query: str, **kw) -> tuple[int, bytes]:
    return http(base + "/query", query.encode(), {"Content-Type": "application/sparql-query",
                                                   "Accept": "application/sparql-results+json"}, **kw)


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DEEP = "SELECT * WHERE " + "{" * 3000 + "}" * 3000


def test_serve_refuses_a_deeply_nested_query_and_keeps_answering(dense_store):
    with serving(dense_store) as (base, proc):
        status, body = ask(base, DEEP)
        assert status == 400 and b"nests brackets more than 100 deep" in body
        assert ask(base, COUNT)[0] == 200 and proc.poll() is None


def test_embedded_query_refuses_a_deeply_nested_query(dense_store):
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", deep, "--store", dense_store],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "nests brackets more than 100 deep" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_serve_stops_a_query_past_its_timeout_and_keeps_answering(dense_store):
    with serving(dense_store, "--timeout", "2") as (base, _proc):
        start = time.monotonic()
        status, body = ask(base, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and b"2 s limit" in body and time.monotonic() - start < 30
        assert ask(base, COUNT)[0] == 200


def test_serve_refuses_a_request_larger_than_its_limit(dense_store):
    big = "SELECT * WHERE { ?s ?p ?o FILTER (?o IN (" + ",".join(f'"v{i}"' for i in range(200_000)) + ")) }"
    with serving(dense_store, "--max-query-bytes", "100000") as (base, _proc):
        status, body = ask(base, big)
        assert status == 413 and b"larger than the 100,000" in body


def test_serve_answers_413_to_a_client_that_sends_its_whole_body_first(dense_store):
    # urllib writes the whole body before it reads; 16 MB is more than loopback buffers hold, so a server
    # that closed without reading would leave this client with a broken pipe instead of the answer
    huge = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (16 * 1024 * 1024)
    with serving(dense_store, "--max-query-bytes", "100000") as (base, proc):
        status, body = http(base + "/query", huge, {"Content-Type": "application/sparql-query"})
        assert status == 413 and b"larger than the 100,000" in body
        assert ask(base, COUNT)[0] == 200 and proc.poll() is None


SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


def test_service_is_refused_by_default_and_allowed_by_a_flag(dense_store):
    with serving(dense_store) as (base, _proc):
        status, body = ask(base, SERVICE)
        assert status == 400 and b"uses SERVICE" in body
        # a brace or the word inside a string is data
        assert ask(base, 'SELECT * WHERE { ?s ?p "SERVICE { <x> }" }')[0] == 200
    with serving(dense_store, "--allow-service") as (base, _proc):
        status, body = ask(base, SERVICE)
        assert b"uses SERVICE" not in body  # passed on: Oxigraph tries (and fails to reach) the address
    result = run("query", SERVICE, "--store", dense_store, code=1)
    assert "uses SERVICE" in result.output


UPDATE = b"update=" + urllib.parse.quote_plus(
    "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> 'c' } }").encode()
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_a_writable_server_refuses_cross_origin_writes(tmp_path):
    where = str(tmp_path / "rw")
    with serving(where, "--allow-update") as (base, _proc):
        assert http(base + "/update", UPDATE, {**FORM, "Origin": "http://evil.example"})[0] == 403
        assert http(base + "/store?graph=https://example.org/h", b"<https://e.org/a> <https://e.org/b> 'c' .\n",
                    {"Content-Type": "application/n-triples", "Origin": "null"}, method="PUT")[0] == 403
        assert http(base + "/update", UPDATE, {**FORM, "Host": "rebound.example:80"})[0] == 403
        assert json.loads(ask(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1])["results"]["bindings"][0]["n"][
            "value"] == "0"
        assert http(base + "/update", UPDATE, {**FORM, "Origin": base})[0] == 204  # the server's own page
        assert http(base + "/update", UPDATE, FORM)[0] == 204  # a client that is no browser
        # reads from anywhere are still answered (a browser keeps the answer from the other page)
        assert http(base + "/query?query=" + urllib.parse.quote(COUNT), headers={"Origin": "http://evil.example"})[0] == 200
    with serving(where, "--allow-update", "--allow-origin", "http://tool.example") as (base, _proc):
        assert http(base + "/update", UPDATE, {**FORM, "Origin": "http://tool.example"})[0] == 204


def test_sigterm_and_kill_9_of_kg_serve_end_its_oxigraph(dense_store):
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with serving(dense_store) as (_base, proc):
            children = _children(proc.pid)
            assert children
            os.kill(proc.pid, sig)
            proc.wait(timeout=30)
            assert _gone(children), f"oxigraph outlived kg serve after {sig!r}"


def test_kill_9_of_a_parallel_ingest_ends_its_workers(tmp_path):
    path = write_jsonl(tmp_path / "many.jsonl", [{"id": f"a{i}", "text": TEXT * 40} for i in range(3000)])
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", str(path), "--jobs", "2", "--no-validate",
                             "--store", str(tmp_path / "s")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        for line in proc.stderr:
            if re.search(r"[1-9]\d* stored", line):
                break
        workers = _children(proc.pid)
        assert len(workers) >= 2
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert _gone(workers, 10), "the extraction workers outlived the killed ingest"


# -- authentication for --store URL --------------------------------------------------------------------

class _Guarded:
    """A SPARQL server stand-in that answers ASK with true once the client proves it knows user u, password p
    (Basic or Digest, as ``scheme`` says); it records the Authorization headers it saw."""

    def __init__(self, scheme: str):
        import hashlib
        import http.server
        import threading

        seen: list[str] = []

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        def good(header: str) -> bool:
            if scheme == "Basic":
                import base64

                return header == "Basic " + base64.b64encode("u:s3cr\u00e9t".encode()).decode()
            fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
            ha1, ha2 = md5("u:kg:s3cr\u00e9t"), md5(f"POST:{fields.get('uri')}")
            return fields.get("response") == md5(f"{ha1}:{fields.get('nonce')}:{fields.get('nc')}:"
                                                 f"{fields.get('cnonce')}:{fields.get('qop')}:{ha2}")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                header = self.headers.get("Authorization") or ""
                seen.append(header)
                ok = good(header)
                body = b'{"head": {}, "boolean": true}' if ok else b"authentication needed"
                self.send_response(200 if ok else 401)
                if not ok:
                    self.send_header("WWW-Authenticate", 'Basic realm="kg"' if scheme == "Basic" else
                                     'Digest realm="kg", nonce="n0nce", qop="auth", algorithm=MD5')
                self.send_header("Content-Type", "application/sparql-results+json" if ok else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_):
                pass

        self.seen = seen
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PASSWORD = "s3cr\u00e9t"


@pytest.mark.parametrize("scheme", ["Basic", "Digest"])
def test_credentials_from_the_url_or_the_environment(scheme, monkeypatch):
    server = _Guarded(scheme)
    try:
        quoted = urllib.parse.quote(PASSWORD)
        assert run("query", "ASK {}", "--store", f"http://u:{quoted}@127.0.0.1:{server.port}").stdout.strip() == "true"
        assert server.seen[-1].startswith(scheme)
        monkeypatch.setenv("KG_STORE_USER", "u")
        monkeypatch.setenv("KG_STORE_PASSWORD", PASSWORD)
        assert run("query", "ASK {}", "--store", f"http://127.0.0.1:{server.port}").stdout.strip() == "true"
        assert not any(PASSWORD in h for h in server.seen if h.startswith("Digest"))  # digest never sends it
    finally:
        server.close()


@pytest.mark.parametrize("scheme", ["Basic", "Digest"])
def test_a_wrong_or_missing_password_is_a_clear_error_that_never_prints_it(scheme, monkeypatch):
    server = _Guarded(scheme)
    try:
        url = f"http://u:wrong-{PASSWORD}@127.0.0.1:{server.port}"
        for command in (["query", "ASK {}"], ["load", str(RDF / "blank-graph.trig")], ["serve"]):
            result = run(*command, "--store", url, code=1)
            assert PASSWORD not in result.output and "wrong-" not in result.output, result.output
        assert "answered 401" in run("stats", "--store", url, code=1).output
        monkeypatch.setenv("KG_STORE_USER", "u")
        monkeypatch.setenv("KG_STORE_PASSWORD", "wrong-" + PASSWORD)
        result = run("stats", "--store", f"http://127.0.0.1:{server.port}", code=1)
        assert "wrong user or password" in result.output and PASSWORD not in result.output
        monkeypatch.delenv("KG_STORE_USER")
        assert "KG_STORE_USER" in run("stats", "--store", f"http://127.0.0.1:{server.port}", code=1).output
    finally:
        server.close()


# -- 11: re-loading a large RDF file -------------------------------------------------------------------

@pytest.mark.parametrize("way", ["difference", "staged"])
def test_reloading_rdf_replaces_the_graphs_exactly_and_leaves_no_staging(tmp_path, monkeypatch, way):
    if way == "staged":  # what a file that differs in more than 50,000 quads takes
        monkeypatch.setattr(EmbeddedBackend, "_replace_difference", lambda *_args: False)
    old = tmp_path / "g.nq"
    new = tmp_path / "g2.nq"
    graph = "<https://w3id.org/kg/graph/article/big>"
    old.write_text("".join(f'<https://e.org/s{i}> <https://e.org/p> "old {i}" {graph} .\n' for i in range(500)), "utf-8")
    new.write_text("".join(f'<https://e.org/s{i}> <https://e.org/p> "new {i}" {graph} .\n' for i in range(300)), "utf-8")
    with Store(tmp_path / "s") as st:
        assert st.load_file(old).ok
        before = {q for q in st.oxigraph if q.graph_name.value != graph[1:-1]}
        assert st.load_file(new).ok
        mine = {q.object.value for q in st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph[1:-1]))}
        assert mine == {f"new {i}" for i in range(300)}
        assert {q for q in st.oxigraph if q.graph_name.value != graph[1:-1]} == before  # no staging graph left


def test_a_reload_killed_midway_leaves_the_old_graph(tmp_path):
    from kg.embedded import JOURNAL_GRAPH, PENDING, STAGING_BASE

    graph = ox.NamedNode("https://w3id.org/kg/graph/article/kept")
    with Store(tmp_path / "s") as st:
        st.replace_graph(graph.value, [ox.Triple(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"),
                                                 ox.Literal("old"))])
        staging = ox.NamedNode(STAGING_BASE + "half")  # what a kill during the bulk load leaves
        st.oxigraph.extend([ox.Quad(JOURNAL_GRAPH, PENDING, staging, JOURNAL_GRAPH),
                            ox.Quad(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"), ox.Literal("new"),
                                    staging)])
    with Store(tmp_path / "s") as st:
        assert st.recovered == [staging.value]
        assert [q.object.value for q in st.oxigraph] == ["old"]

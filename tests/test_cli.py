"""The `kg` commands, driven through click's CliRunner, and `kg serve` as a real HTTP endpoint."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from helpers import write_jsonl

from kg.api import server_command
from kg.cli import main


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_gold_file_acceptance(gold_file, store_dir):
    store = str(store_dir)
    run("load", str(gold_file), "--store", store)
    stats = json.loads(run("stats", "--format", "json", "--store", store).stdout)
    assert stats["articles"] == sum(1 for line in gold_file.open() if line.strip())
    rows = [json.loads(line) for line in
        run("query", "--name", "who-said-what", "--format", "ndjson", "--store", store).stdout.splitlines()]
    assert len(rows) >= stats["statements"]
    attributed = sum(1 for line in gold_file.open() for st in json.loads(line)["statements"] if st.get("speaker"))
    assert sum(1 for r in rows if r["speaker"]) == attributed
    run("validate", "--store", store)
    trig = run("export", "--format", "trig", "--store", store).stdout
    assert "GRAPH" in trig or "{" in trig
    run("load", str(gold_file), "--store", store)
    assert json.loads(run("stats", "--format", "json", "--store", store).stdout) == stats


def test_load_reports_bad_lines_and_exits_1(tmp_path, store_dir):
    path = write_jsonl(tmp_path / "r.jsonl", [{"article": {"id": "a"}}, "{nope"])
    result = run("load", str(path), "--store", str(store_dir), ok=False)
    assert result.exit_code == 1
    assert f"{path}:2: not valid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_query_formats_and_params(tmp_path, store_dir):
    path = write_jsonl(tmp_path / "r.jsonl", [{"article": {"id": "a"}, "actors": [{"name": "A B", "type": "Person"}]}])
    run("load", str(path), "--store", str(store_dir))
    q = "SELECT ?n ?x WHERE { ?a schema:name ?n FILTER(?n = ?x) }"
    out = run("query", q, "--param", "x=A B", "--format", "csv", "--store", str(store_dir)).stdout
    assert out.splitlines() == ["n,x", "A B,A B"]
    assert "A B" in run("query", q, "--param", "x=A B", "--store", str(store_dir)).stdout
    assert "who-said-what" in run("query", "--list").stdout
    bad = run("query", "SELEKT", "--store", str(store_dir), ok=False)
    assert bad.exit_code == 1 and "malformed" in bad.stderr


def test_commands_on_a_missing_store_say_so(tmp_path):
    result = run("stats", "--store", str(tmp_path / "none"), ok=False)
    assert result.exit_code == 1 and "no store at" in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_sparql_and_refuses_updates(tmp_path, store_dir):
    path = write_jsonl(tmp_path / "r.jsonl", [{"article": {"id": "a"}, "actors": [{"name": "Jane", "type": "Person"}]}])
    run("load", str(path), "--store", str(store_dir))
    port = _free_port()
    assert server_command(store_dir, port=port)[1] == "serve-read-only"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None else "no server") from None
                time.sleep(0.2)
        query = "SELECT ?n WHERE { GRAPH ?g { ?a <http://schema.org/name> ?n } }"
        req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
        body = json.loads(urllib.request.urlopen(req, timeout=10).read())
        assert "Jane" in {b["n"]["value"] for b in body["results"]["bindings"]}
        update = urllib.request.Request(base + "/update", data=b"DROP ALL", method="POST",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(update, timeout=10)
        assert err.value.code in (403, 404, 405)
        body = json.loads(urllib.request.urlopen(req, timeout=10).read())
        assert body["results"]["bindings"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_explain_and_suggest_merges(tmp_path, store_dir):
    rec = {"article": {"id": "a", "title": "Trial of editors", "url": "https://example.org/a", "length": 120},
           "actors": [{"name": "Maria Lopes", "type": "Person"}, {"name": "Maria Lopez", "type": "Person"},
                      {"name": "Belarus", "type": "Country"}],
           "statements": [{"speaker": "Maria Lopes", "text": "The trial was a farce", "kind": "direct",
                           "about": ["Belarus"], "rule": "quote.after", "confidence": 0.85,
                           "spans": [{"start": 1, "end": 22, "sentence": 0, "text": "The trial was a farce"}]}]}
    run("load", str(write_jsonl(tmp_path / "r.jsonl", [rec])), "--store", str(store_dir))
    rows = [json.loads(line) for line in
            run("query", "--name", "who-said-what", "--format", "ndjson", "--store", str(store_dir)).stdout.splitlines()]
    out = run("explain", rows[0]["node"], "--store", str(store_dir)).stdout
    assert "by: Maria Lopes" in out and "https://example.org/a" in out and "chars 1-22, sentence 0" in out
    assert "[[The trial was a farce]]" in out
    assert "rule: quote.after; confidence: 0.85" in out
    assert "«Maria Lopes»" not in out and "Person" in run("explain", "maria lopes", "--store", str(store_dir)).stdout
    pairs = run("actors", "--suggest-merges", "--format", "ndjson", "--store", str(store_dir)).stdout
    assert {tuple(sorted((p["a"], p["b"]))) for p in map(json.loads, pairs.splitlines())} == {("Maria Lopes", "Maria Lopez")}
    assert run("explain", "nobody at all", "--store", str(store_dir), ok=False).exit_code == 1


def test_explain_a_denial_shows_country_stance_accuser_and_statement(tmp_path, store_dir):
    text = ("The Brightwater Legal Forum said police in Malawi tortured detainees in Zomba. "
            "The Malawian Home Affairs Ministry denied the allegations on Monday.")
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "title": "Denial", "text": text}])
    run("ingest", str(path), "--store", str(store_dir))
    rows = run("query", "--format", "ndjson", "--store", str(store_dir),
               "SELECT ?c WHERE { ?c a kg:AbuseClaim ; kg:stance 'denies' }").stdout.splitlines()
    assert len(rows) == 1
    out = run("explain", json.loads(rows[0])["c"], "--store", str(store_dir)).stdout
    assert "by: Malawian Home Affairs Ministry" in out and "says: torture" in out
    assert "country: Malawi; stance: denies; answering: Brightwater Legal Forum" in out
    assert "made in: https://w3id.org/kg/id/statement/" in out


def test_a_table_of_iris_only_says_how_to_see_them(store_dir, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "title": "T", "text": "Police in Malawi tortured detainees, "
                                                                                "the Brightwater Legal Forum said."}])
    run("ingest", str(path), "--store", str(store_dir))
    out = run("query", "--store", str(store_dir), "SELECT ?c WHERE { ?c a kg:AbuseClaim }").stdout
    assert out.strip().startswith("(1 row)") and "--wide" in out
    wide = run("query", "--wide", "--store", str(store_dir), "SELECT ?c WHERE { ?c a kg:AbuseClaim }").stdout
    assert "https://w3id.org/kg/id/claim/" in wide

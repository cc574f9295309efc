"""Corrections: recorded with who/when/why, seen by the queries, kept across re-ingest, undone exactly, and
exported and re-applied as a plain file."""

from __future__ import annotations

import json

from click.testing import CliRunner
from helpers import write_jsonl

from kg.cli import main


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def records() -> list[dict]:
    base = {"actors": [{"name": "Anna Petrova", "type": "Person"}, {"name": "A. Petrova", "type": "Person"},
                       {"name": "Belarus", "type": "Country"}]}
    return [{**base, "article": {"id": "one", "title": "One"},
             "statements": [{"speaker": "Anna Petrova", "text": "The trial was unfair", "kind": "direct",
                             "about": ["Belarus"]}]},
            {**base, "article": {"id": "two", "title": "Two"},
             "statements": [{"speaker": "A. Petrova", "text": "The prisoners were beaten", "kind": "direct",
                             "about": ["Belarus"]},
                            {"speaker": "Belarus", "text": "Nobody was beaten in custody", "kind": "indirect"}]}]


def store_quads(store: str) -> set:
    import pyoxigraph as ox

    return set(ox.Store.read_only(store))


def who_said_what(store: str) -> list[dict]:
    return [json.loads(line) for line in
        run("query", "--name", "who-said-what", "--format", "ndjson", "--store", store).stdout.splitlines()]


def test_corrections_survive_reingest_and_undo_restores_exactly(tmp_path):
    store = str(tmp_path / "store")
    path = write_jsonl(tmp_path / "r.jsonl", records())
    run("load", str(path), "--store", store)
    before = who_said_what(store)
    quads_before = store_quads(store)
    denial = next(r["node"] for r in before if r["speaker"] == "Belarus")
    beaten = next(r["node"] for r in before if "beaten" in r["statement"] and r["speaker"] == "A. Petrova")

    reject = run("curate", "reject", denial, "--why", "a quotation of the report, not a statement",
                 "--store", store).stdout.split()[0]
    run("curate", "set-speaker", beaten, "Anna Petrova", "--why", "the text quotes her", "--store", store)
    run("curate", "merge", "A. Petrova", "Anna Petrova", "--why", "same person", "--store", store)

    def check():
        rows = who_said_what(store)
        assert {r["speaker"] for r in rows} == {"Anna Petrova"} and len(rows) == 2
        actors = {r["name"]: r for r in [json.loads(line) for line in run("query", "--name", "actors", "--format", "ndjson",
                                                       "--store", store).stdout.splitlines()]}
        assert "A. Petrova" not in actors and actors["Anna Petrova"]["made"] == 2

    check()
    run("load", str(path), "--store", store)  # re-ingest: the article graphs are replaced, corrections stay
    check()
    listed = [json.loads(line) for line in run("curate", "list", "--format", "ndjson", "--store", store).stdout.splitlines()]
    assert [c["action"] for c in listed] == ["reject", "set-speaker", "merge"]
    assert all(c["who"] and c["when"] and c["why"] for c in listed)

    exported = tmp_path / "corrections.trig"
    run("curate", "export", "-o", str(exported), "--store", store)
    for c in listed:
        run("curate", "undo", c["id"], "--store", store)
    assert who_said_what(store) == before and store_quads(store) == quads_before  # the store as it was
    assert reject in exported.read_text("utf-8")

    run("curate", "apply", str(exported), "--store", store)  # the file brings them all back
    check()


def test_bad_corrections_are_refused_clearly(tmp_path):
    store = str(tmp_path / "store")
    run("load", str(write_jsonl(tmp_path / "r.jsonl", records())), "--store", store)
    assert "no item" in run("curate", "reject", "nonsense", "--store", store, ok=False).stderr
    assert "itself" in run("curate", "merge", "Belarus", "Belarus", "--store", store, ok=False).stderr
    assert "no correction" in run("curate", "undo", "feedface", "--store", store, ok=False).stderr
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://x/a> <http://x/b> <http://x/c> .\n", "utf-8")
    assert "not a corrections file" in run("curate", "apply", str(bad), "--store", store, ok=False).stderr


def test_retype_explain_and_views_see_corrections(tmp_path):
    from kg import analysis
    from kg.store import Store

    store = str(tmp_path / "store")
    run("load", str(write_jsonl(tmp_path / "r.jsonl", records())), "--store", store)
    run("curate", "retype", "A. Petrova", "Group", "--why", "a collective signature", "--store", store)
    actors = {r["name"]: r for r in [json.loads(line) for line in run("query", "--name", "actors", "--format", "ndjson",
                                                   "--store", store).stdout.splitlines()]}
    assert actors["A. Petrova"]["type"] == "Group"
    run("curate", "merge", "A. Petrova", "Anna Petrova", "--store", store)
    out = run("explain", "A. Petrova", "--store", store).stdout
    assert "retype" in out and "a collective signature" in out and "merge" in out
    with Store(store, read_only=True) as st:
        g = analysis.statement_graph(st)
    assert {g.nodes[u]["label"] for u, _ in g.edges()} == {"Anna Petrova"}


def test_surname_only_people_link_to_the_one_full_name_and_bodies_key_by_country(tmp_path):
    from kg import api
    from kg.store import Store

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("President Daniel Ortega said the protests in Nicaragua were a coup attempt.", "utf-8")
    (docs / "b.txt").write_text("Ortega said the Cambodia National Rescue Party had no role. The Cambodian National "
                                "Rescue Party said its leaders in Cambodia were jailed.", "utf-8")
    (docs / "c.txt").write_text("Ana Sen and Hun Sen spoke. Sen said the vote in Cambodia was rigged.", "utf-8")
    with Store(tmp_path / "store") as st:
        api.ingest(st, [docs], validate=False)
        actors = [r["name"] for r in st.query(api.query_text("actors")).records()]
    assert "Daniel Ortega" in actors and "Ortega" not in actors  # linked across articles
    parties = [a for a in actors if "National Rescue Party" in a]
    assert len(parties) == 1

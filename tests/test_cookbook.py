"""The SPARQL cookbook (docs/cookbook.md) and the issue's acceptance, run against the bundled articles of data/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main

REPO = Path(__file__).resolve().parent.parent
COOKBOOK = REPO / "docs" / "cookbook.md"


def cookbook_queries() -> list[tuple[str, str]]:
    text = COOKBOOK.read_text("utf-8")
    found = []
    for match in re.finditer(r"^## (\d+)\. (.+?)\n(.*?)(?=^## |\Z)", text, re.S | re.M):
        block = re.search(r"```sparql\n(.*?)```", match.group(3), re.S)
        if block:
            found.append((f"{match.group(1)}. {match.group(2)}", block.group(1)))
    return found


@pytest.fixture(scope="module")
def data_store(tmp_path_factory) -> str:
    where = str(tmp_path_factory.mktemp("data") / "store")
    report = kg.ingest(where, [REPO / "data"], validate=False)
    assert len(report.loaded) == 50 and not report.skipped and not report.errors
    return where


def test_the_cookbook_answers_ten_questions():
    assert len(cookbook_queries()) == 10


@pytest.mark.parametrize("question,sparql", cookbook_queries(), ids=[q for q, _ in cookbook_queries()])
def test_each_cookbook_query_answers_on_the_bundled_articles(data_store, question, sparql):
    result = kg.query(data_store, sparql)
    assert result.rows, question
    assert all(any(v is not None for v in row) for row in result.rows)


def test_who_said_what_fits_120_columns_with_one_row_per_statement(data_store):
    out = CliRunner().invoke(main, ["query", "--name", "who-said-what", "--store", data_store], env={"COLUMNS": "120"})
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert max(len(line) for line in lines) <= 120
    statements = kg.query(data_store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }").rows[0][0]
    assert lines[-1] == f"({statements} rows)"
    rows = kg.query(data_store, name="who-said-what").records()
    assert len(rows) == len({r["node"] for r in rows}) == statements


def test_the_state_departments_spokespeople_on_russia(data_store):
    out = CliRunner().invoke(main, ["query", "--name", "statements-about", "--param", "actor=Russia", "--param",
                                    "speaker=U.S. Department of State", "--format", "ndjson", "--store", data_store])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["speaker"] not in ("U.S. Department of State", "United States") for r in rows)
    people = {r[0] for r in kg.query(data_store, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }").rows}
    assert {r["speaker"] for r in rows} <= people


GUIDE = REPO / "docs" / "user-guide.md"


def guide_commands() -> list[list[str]]:
    import shlex

    text = GUIDE.read_text("utf-8")
    lines = [line[2:] for block in re.findall(r"```console\n(.*?)```", text, re.S) for line in block.splitlines()
             if line.startswith("$ kg ")]
    return [shlex.split(line, comments=True)[1:] for line in lines if "not run here" not in line]


def test_the_user_guide_shows_every_command():
    from kg.cli import curate

    shown = {(args[0], args[1] if args[0] == "curate" else None) for args in guide_commands()}
    text = GUIDE.read_text("utf-8")
    for name in main.commands:
        assert f"$ kg {name}" in text, name
    for name in curate.commands:
        assert f"$ kg curate {name}" in text, name
    assert len(shown) >= 15


def test_the_user_guide_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(REPO / "data")
    runner = CliRunner()
    for args in guide_commands():
        result = runner.invoke(main, args, env={"KG_STORE": str(tmp_path / "kg-store"), "COLUMNS": "120"})
        assert result.exit_code == 0, (args, result.output)


def test_the_ontology_page_names_every_term_of_kg_ttl_and_holds_its_diagram():
    from rdflib import OWL, RDF, Graph

    page = (REPO / "docs" / "ontology.html").read_text("utf-8")
    g = Graph().parse(REPO / "ontology" / "kg.ttl")
    terms = {s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in g.subjects(RDF.type, kind)}
    assert len(terms) > 30
    missing = [t for t in terms if str(t).rsplit("#", 1)[-1] not in page]
    assert not missing, f"docs/ontology.html is older than kg.ttl: run python tools/ontology_html.py ({missing[:3]})"
    assert '<div class="section" id="diagram">' in page and "<svg" in page
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', page)  # works offline

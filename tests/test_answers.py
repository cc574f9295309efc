"""Answers a researcher can read: one row per statement, corrections read in one place, affiliations, parameters
checked, output formats, standard input, dates, the library API, folded names and the bundled data."""

from __future__ import annotations

import csv
import doctest
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_jsonl

import kg
from kg import api
from kg.cli import format_table, main
from kg.records import iso_date
from kg.resources import query_names

REPO = Path(__file__).resolve().parent.parent


def run(*args, ok: bool = True, stdin: str | None = None, env: dict | None = None):
    result = CliRunner().invoke(main, list(args), input=stdin, env=env)
    if ok:
        assert result.exit_code == 0, (args, result.output, result.exception)
    return result


def article(aid: str, actors: list, statements: list, claims: list = (), published: str = "2024-05-02") -> dict:
    return {"article": {"id": aid, "title": f"Report {aid}", "published": published, "publisher": "Example Wire",
                        "url": f"https://example.org/{aid}"},
            "actors": actors, "statements": statements, "claims": list(claims)}


def person(name: str, **more) -> dict:
    return {"name": name, "type": "Person", **more}


def body(name: str, kind: str = "GovernmentBody") -> dict:
    return {"name": name, "type": kind}


COUNTRIES = [{"name": "Russia", "type": "Country"}, {"name": "Belarus", "type": "Country"}]


def said(speaker: str | None, text: str, about: list[str], kind: str = "indirect") -> dict:
    return {"speaker": speaker, "text": text, "kind": kind, "about": about}


@pytest.fixture
def records() -> list[dict]:
    first = article("t1", [
        person("Lena Marsh", roles=["State Department Spokesperson"]),
        person("Tom Reyes", affiliation="U.S. Department of State"),
        body("U.S. Department of State"), body("Russian Ministry of Justice"), body("U.S. Embassy"),
        body("Amnesty International", "NGO"), *COUNTRIES,
    ], [
        said("Lena Marsh", "Moscow should let the detained editors go home today", ["Russia"], "direct"),
        said("Tom Reyes", "the ministry's new register of undesirable groups is arbitrary", ["Russian Ministry of Justice"]),
        said("Amnesty International", "the courts in Minsk handed down eleven sentences in one week", ["Belarus"]),
        said("U.S. Embassy", "the embassy is following the case of the two editors closely", ["Russia"]),
    ], [
        {"abuse": "torture", "country": "Russia", "claimant": "Amnesty International", "stance": "asserts"},
        {"abuse": "arbitrary_detention", "country": "Russia", "claimant": "Lena Marsh", "statement": 0},
        {"abuse": "arbitrary_detention", "country": "Belarus", "claimant": "Amnesty International"},
    ])
    second = article("t2", [body("US Embassy"), body("Russian Ministry of Justice"), person("Lena A. Marsh"), *COUNTRIES], [
        said("US Embassy", "the embassy urges the release of the lawyers held in Minsk", ["Belarus"]),
        said("Russian Ministry of Justice", "no one in the colonies is mistreated", ["Russia"]),
    ], [
        {"abuse": "torture", "country": "Russia", "claimant": "Russian Ministry of Justice", "stance": "denies",
         "statement": 1},
        {"abuse": "arbitrary_detention", "country": "Belarus"},
    ], published="2 March 2023")
    return [first, second]


@pytest.fixture
def store(tmp_path, records) -> str:
    where = str(tmp_path / "store")
    run("load", str(write_jsonl(tmp_path / "r.jsonl", records)), "--store", where)
    return where


def ndjson(*args) -> list[dict]:
    return [json.loads(line) for line in run("query", *args, "--format", "ndjson").stdout.splitlines()]


# -- one row per statement, canonical names, a table that fits ----------------------------------------------------

def test_one_row_per_statement_with_the_speakers_canonical_name(store):
    rows = ndjson("--name", "who-said-what", "--store", store)
    assert len(rows) == len({r["node"] for r in rows}) == 6
    embassy = [r for r in rows if "embassy" in r["statement"]]
    assert {r["speaker"] for r in embassy} == {"U.S. Embassy"}  # two spellings, one node, its longest name


def test_the_table_wraps_text_and_hides_iris_and_confidence_unless_wide(store):
    table = run("query", "--name", "who-said-what", "--store", store, env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "https://" not in table and "confidence" not in table and "(6 rows)" in table
    wide = run("query", "--name", "who-said-what", "--wide", "--store", store, env={"COLUMNS": "400"}).stdout
    assert "https://w3id.org/kg/id/statement/" in wide and "confidence" in wide.splitlines()[0]


def test_format_table_escapes_nothing_into_markup():
    text = format_table(["statement"], [["[bold]not markup[/bold] and a long " + "word " * 40]], width=60)
    assert "[bold]not markup[/bold]" in text.replace("\n", " ") and max(map(len, text.splitlines())) <= 60


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "ndjson"])
def test_formats_and_output_file(store, tmp_path, fmt):
    out = tmp_path / f"rows.{fmt}"
    run("query", "--name", "actors", "--format", fmt, "-o", str(out), "--store", store)
    text = out.read_text("utf-8")
    if fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0] == ["name", "type", "made", "received", "articles", "node"] and len(rows) > 5
    elif fmt == "json":  # W3C SPARQL 1.1 query results JSON: typed terms
        data = json.loads(text)
        assert data["head"]["vars"][0] == "name"
        first = data["results"]["bindings"][0]
        assert first["node"]["type"] == "uri" and first["made"]["datatype"].endswith("#integer")
    else:
        assert all(set(json.loads(line)) >= {"name", "node"} for line in text.splitlines())


def test_ask_and_construct_results(store):
    assert run("query", "ASK { ?s a kg:Statement }", "--format", "json", "--store", store).stdout.strip() == \
        '{"head": {}, "boolean": true}'
    triples = run("query", "CONSTRUCT { ?s a kg:Statement } WHERE { ?s a kg:Statement }", "--store", store).stdout
    assert len(triples.splitlines()) == 6


def test_standard_input_for_extract_load_and_query(tmp_path):
    where = str(tmp_path / "store")
    line = json.dumps({"id": "s1", "text": "Amnesty International said the police in Belarus beat two students."})
    records = run("extract", "-", stdin=line + "\n").stdout
    assert json.loads(records)["article"]["id"] == "s1"
    run("load", "-", "--store", where, stdin=records)
    out = run("query", "--file", "-", "--format", "ndjson", "--store", where,
              stdin="SELECT ?id WHERE { ?a schema:identifier ?id }").stdout
    assert json.loads(out) == {"id": "s1"}


# -- parameters ------------------------------------------------------------------------------------------------

def test_a_missing_or_unknown_parameter_is_a_one_line_error(store):
    missing = run("query", "--name", "statements-about", "--store", store, ok=False)
    assert missing.exit_code == 1 and missing.output.strip().count("\n") == 0
    assert "needs --param actor=" in missing.output
    unknown = run("query", "--name", "who-said-what", "--param", "actor=Russia", "--store", store, ok=False)
    assert unknown.exit_code == 1 and "no parameter 'actor'" in unknown.output and "speaker" in unknown.output
    with pytest.raises(kg.KgError, match="needs"):
        kg.query(store, name="accusations-against")


def test_every_query_parameter_is_listed():
    listing = run("query", "--list").stdout
    for name in query_names():
        assert name in listing
        for p in api.shipped_query_params(name):
            assert f"--param {p}=" in listing


# -- affiliations ------------------------------------------------------------------------------------------------

def test_a_body_speaks_through_its_members_and_a_country_through_its_bodies(store):
    rows = ndjson("--name", "statements-about", "--param", "actor=Russia", "--param",
                  "speaker=U.S. Department of State", "--store", store)
    assert sorted(r["speaker"] for r in rows) == ["Lena Marsh", "Tom Reyes"]  # the post, the affiliation
    everyone = ndjson("--name", "statements-about", "--param", "actor=Russia", "--store", store)
    assert {r["speaker"] for r in everyone} == {"Lena Marsh", "Tom Reyes", "U.S. Embassy", "Russian Ministry of Justice"}
    profile = ndjson("--name", "speaker-profile", "--param", "speaker=United States", "--store", store)
    assert {r["speaker"] for r in profile} == {"Lena Marsh", "Tom Reyes", "U.S. Embassy"} and len(profile) == 4


def test_accusations_against_denials_and_claims_by_country(store):
    against = ndjson("--name", "accusations-against", "--param", "country=russia", "--store", store)
    assert {(r["claimant"], r["abuse"], r["stance"]) for r in against} == {
        ("Amnesty International", "torture", "asserts"), ("Lena Marsh", "arbitrary_detention", "asserts"),
        ("Russian Ministry of Justice", "torture", "denies")}
    assert next(r for r in against if r["claimant"] == "Lena Marsh")["statement"].startswith("Moscow should")
    denials = ndjson("--name", "denials", "--store", store)
    assert [(r["denier"], r["country"], r["abuse"]) for r in denials] == [("Russian Ministry of Justice", "Russia", "torture")]
    by_country = ndjson("--name", "claims-by-country", "--store", store)
    counts = [r["claims"] for r in by_country]
    assert counts == sorted(counts, reverse=True) and by_country[0]["claims"] == 2
    unnamed = ndjson("--name", "accusations", "--param", "country=Belarus", "--store", store)
    assert "Example Wire (publisher)" in {r["claimant"] for r in unnamed}


# -- corrections, read in one place ---------------------------------------------------------------------------------

def test_every_shipped_query_reads_the_corrections_through_the_fragments():
    for name in query_names():
        text = api.query_text(name)
        assert "{{" not in text, name
        source = (REPO / "kg" / "queries" / f"{name}.rq").read_text("utf-8")
        assert "isReplacedBy" not in source and "correctedSpeaker" not in source, name  # only kg/resolved.py says how


def test_merges_names_and_rejections_reach_every_query(store):
    run("curate", "merge", "Russian Ministry of Justice", "Amnesty International", "--store", store)  # a test's merge
    run("curate", "rename", "Russia", "Russian Federation", "--store", store)
    node = next(r["node"] for r in ndjson("--name", "who-said-what", "--store", store) if r["speaker"] == "Tom Reyes")
    run("curate", "reject", node, "--store", store)
    rows = ndjson("--name", "who-said-what", "--store", store)
    assert "Tom Reyes" not in {r["speaker"] for r in rows} and "Russian Ministry of Justice" not in {r["speaker"] for r in rows}
    assert {r["country"] for r in ndjson("--name", "claims-by-country", "--store", store)} == {"Russian Federation",
                                                                                              "Belarus"}
    denials = ndjson("--name", "denials", "--store", store)
    assert [(r["denier"], r["country"]) for r in denials] == [("Amnesty International", "Russian Federation")]
    own = kg.query(store, "SELECT ?who WHERE { ?s a kg:Statement . {{kept ?s}} {{speaker ?s ?sp}} {{name ?sp ?who}} }")
    assert len(own.rows) == 5 and "Tom Reyes" not in {r[0] for r in own.rows}


# -- dates --------------------------------------------------------------------------------------------------------

def test_published_dates_are_iso_and_typed(store, tmp_path):
    assert [iso_date(x) for x in ("2 March 2023", "March 2023", "2023", "Tue, 07 Mar 2023 09:00:00 +0000", "not a date")] \
        == ["2023-03-02", "2023-03", "2023", "2023-03-07", None]
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "d1", "text": "A text.", "published": "7 March 2023"}])
    from kg.loaders import load_path

    assert next(load_path([path])).published == "2023-03-07"
    typed = kg.query(store, "SELECT ?d (DATATYPE(?d) AS ?t) WHERE { ?a dcterms:issued ?d }").rows
    assert sorted(typed) == [["2023-03-02", "http://www.w3.org/2001/XMLSchema#date"],  # as "2 March 2023"
                             ["2024-05-02", "http://www.w3.org/2001/XMLSchema#date"]]


def test_viz_refuses_a_date_it_cannot_read(store, tmp_path):
    bad = run("viz", "-o", str(tmp_path / "v.html"), "--since", "the other day", "--store", store, ok=False)
    assert bad.exit_code == 1 and "--since 'the other day' is not a date" in bad.output
    assert bad.output.strip().count("\n") == 0 and not (tmp_path / "v.html").exists()
    run("viz", "-o", str(tmp_path / "v.html"), "--since", "March 2023", "--store", store)


# -- the library API ----------------------------------------------------------------------------------------------

def test_python_dash_m_kg():
    out = subprocess.run([sys.executable, "-m", "kg", "query", "--list"], capture_output=True, text=True, check=True)
    assert "who-said-what" in out.stdout


def test_no_submodule_is_shadowed_and_the_names_complete():
    import kg.extract

    assert type(kg.extract).__name__ == "module" and callable(kg.extract_article)
    assert kg.Article.__name__ == "Article" and {"ingest", "query", "Article", "extract", "open_store"} <= set(dir(kg))


def test_a_path_stands_for_a_store_and_results_become_dataframes(store, tmp_path):
    pytest.importorskip("pandas")
    frame = kg.query(store, name="who-said-what").to_pandas()
    assert list(frame.columns)[:3] == ["speaker", "kind", "statement"] and len(frame) == 6
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Amnesty International said the police in Belarus detained two students.")
    report = kg.ingest(str(tmp_path / "other"), [folder], validate=False)
    assert report.loaded == ["one"]
    assert kg.build_graph(store).number_of_edges() > 0


def test_the_docstring_examples_run(store):
    import kg.api
    import kg.gazetteer
    import kg.identity
    import kg.records
    import kg.resolved
    import kg.sparql
    import kg.store
    import kg.terms

    with kg.open_store(store) as opened:
        for module in (kg.api, kg.resolved, kg.records, kg.gazetteer, kg.identity, kg.store, kg.terms,
                       kg.sparql, sys.modules["kg.cli"]):
            failed, tried = doctest.testmod(module, extraglobs={"store": opened}, optionflags=doctest.ELLIPSIS)
            assert failed == 0 and tried > 0, module.__name__


# -- names folded across scripts ----------------------------------------------------------------------------------

def _old_fold(text: str) -> str:  # the folding before transliteration, for ASCII names
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"[^\w\s]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", ["Robert Gilchrist", "the U.S.'s", "O'Neill-Smith", "  Amnesty  International ",
                                  "Ministry of Justice (Belarus)", "J. R. R. Tolkien", "ACLU"])
def test_ascii_names_keep_their_keys(name):
    from kg.gazetteer import fold

    assert fold(name) == _old_fold(name)


def test_latin_diacritic_and_cyrillic_forms_meet():
    from kg.gazetteer import fold

    assert fold("Đặng Văn Minh") == fold("Dang Van Minh") == "dang van minh"
    assert fold("Алексей Смирнов") == fold("Aleksey Smirnov")
    assert fold("Łukasz Wróbel") == "lukasz wrobel"


# -- data, docs, packaging ------------------------------------------------------------------------------------------

def test_no_article_is_bundled_twice_and_each_has_its_source():
    ids: list[str] = []
    for folder in ("sample", "corpus"):
        sources = (REPO / "data" / folder / "SOURCES.md").read_text("utf-8")
        for line in (REPO / "data" / folder / "articles.jsonl").read_text("utf-8").splitlines():
            a = json.loads(line)
            ids.append(a["id"])
            assert a.get("url") and a.get("license") and f"`{a['id']}`" in sources and a["url"] in sources
    assert len(ids) == len(set(ids))


def test_articles_are_counted_for_the_progress_bar(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"text": "One."}, {"text": "Two."}])
    (tmp_path / "b.rss").write_text("<rss><channel><item><title>x</title></item><item><title>y</title></item>"
                                    "</channel></rss>")
    assert api.count_articles([tmp_path]) == 4
    assert api.count_articles([REPO / "data"]) == 50


def test_readme_lists_every_shipped_query_and_the_notebook_extra():
    readme = (REPO / "README.md").read_text("utf-8")
    for name in query_names():
        if not name.startswith("explain-"):
            assert f"| `{name}` |" in readme, name
    assert "pip install 'kg[notebook]'" in readme
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert re.search(r'notebook = \[.*jupyterlab.*pandas.*matplotlib.*\]', pyproject)
    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License")


def test_a_narrow_table_never_cuts_a_code_or_a_word_it_can_keep():
    rows = [["Voice of America (publisher)", "political_participation_restrictions", "asserts",
             "A long headline about a court in a capital that sentenced two editors to prison " * 2]]
    text = format_table(["claimant", "abuse", "stance", "article"], rows, width=80)
    assert "political_participation_restrictions" in text and max(map(len, text.splitlines())) <= 80
    assert "Voice of" in text and "(publisher)" in text


def test_an_error_in_standard_input_names_its_line():
    bad = run("extract", "-", stdin='{"id": "s1", "text": "A line."}\nnot json\n', ok=False)
    assert bad.exit_code == 1 and "error: stdin.jsonl:2: not valid JSON" in bad.output

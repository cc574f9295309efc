"""Views and analysis: networkx graphs from the store and the HTML page they make (the page in a browser:
tests/test_view_browser.py)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import write_jsonl

from kg import analysis
from kg.store import Store
from kg.viz import filter_graph, render_html

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTE = "They said </script><script>alert(2)</script> and walked out of the court"
HOSTILE_TITLE = "<b onmouseover=alert(5)>Report</b>"
HOSTILE_URL = "javascript:alert(4)"


def records() -> list[dict]:
    def rec(aid, speaker, about, text, date, abuse="torture", url=None, title=None):
        return {"article": {"id": aid, "title": title or f"Report {aid}", "published": date,
                            "url": url or f"https://example.org/{aid}"},
                "actors": [{"name": speaker, "type": "NGO"}, {"name": about, "type": "Country"}],
                "statements": [{"speaker": speaker, "text": text, "kind": "direct", "about": [about]}],
                "claims": [{"abuse": abuse, "country": about, "claimant": speaker, "statement": 0}]}
    belarus = {
        "article": {"id": "b1", "title": "Lawyers held in Minsk", "published": "2024-05-02", "url": "https://example.org/b1"},
        "actors": [{"name": "Human Rights Watch", "type": "NGO"}, {"name": "Government of Belarus", "type": "Government",
                                                                   "country": "BY"},
                   {"name": "Belarusian Interior Ministry", "type": "Government Body"},
                   {"name": "Olga Petrenko", "type": "Person", "roles": ["Belarusian lawyer"]},
                   {"name": "Pavel Sidorov", "type": "Person", "affiliation": "Government of Belarus"},
                   {"name": "Irina Volkova", "type": "Person", "affiliation": "Belarusian Bar Council"},
                   {"name": "Belarusian Bar Council", "type": "Government Body"}],
        "statements": [{"speaker": "Human Rights Watch", "text": "The authorities must free the lawyers they hold",
                        "kind": "indirect", "about": ["Government of Belarus"]},
                       {"speaker": "Belarusian Interior Ministry", "text": "Nobody was tortured in our cells",
                        "kind": "direct", "about": ["Olga Petrenko"]},
                       {"speaker": "Pavel Sidorov", "text": "The lawyers broke the rules of the bar", "kind": "direct",
                        "about": ["Olga Petrenko"]},
                       {"speaker": "Irina Volkova", "text": "Our members will appeal", "kind": "indirect",
                        "about": ["Olga Petrenko"]}],
        "claims": [{"abuse": "torture", "country": "Belarus", "claimant": "Government of Belarus", "stance": "denies"}]}
    return [rec("a1", "Amnesty International", "Belarus", "Detainees in Belarus were beaten", "2023-01-05"),
            rec("a2", "Amnesty International", "Iran", "Protesters in Iran were executed", "2023-06-01", "unlawful_killing"),
            rec("a3", "Human Rights Watch", "Iran", "Iran jails critics for their posts", "2024-02-01",
                "expression_restrictions"),
            rec("a4", HOSTILE_NAME, "Iran", HOSTILE_QUOTE, "2024-03-01", url=HOSTILE_URL, title=HOSTILE_TITLE),
            belarus]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store") as st:
        report = st.load_file(write_jsonl(tmp_path / "r.jsonl", records()))
        assert report.ok, report.errors
        yield st


def labels(g) -> set[str]:
    return {g.nodes[n]["label"] for n in g}


def test_statement_and_accusation_graphs(store):
    g = analysis.statement_graph(store)
    assert g.number_of_edges() == 8
    speakers = analysis.top_speakers(g)
    assert {(s["name"], s["statements"]) for s in speakers[:2]} == {("Amnesty International", 2), ("Human Rights Watch", 2)}
    acc = analysis.accusation_graph(store)
    assert analysis.most_accused(acc)[0]["name"] == "Iran"
    rows = analysis.who_accuses_whom(acc)
    assert {"claimant": "Human Rights Watch", "accused": "Iran", "abuse": "expression_restrictions",
            "claims": 1, "articles": 1} in rows
    assert analysis.centrality(g)[0]["name"] in ("Iran", "Olga Petrenko")
    assert any("Iran" in c for c in analysis.communities(acc))
    drawn = json.loads(ScriptBlocks.data_of(render_html(acc)))["edges"]
    assert sorted((e["abuse"], e["claims"]) for e in drawn) == sorted(
        (code, n) for *_, d in acc.edges(data=True) for code, n in d["abuses"].items())
    assert labels(analysis.ego(g, "iran", 1)) == {"Iran", "Amnesty International", "Human Rights Watch", HOSTILE_NAME}
    assert analysis.statement_graph(store, since="2024-01-01").number_of_edges() == 6


def test_the_detailed_statement_graph_links_claims_sentences_and_countries(store):
    g = analysis.statement_graph(store, details=True)
    by_label = {d["label"]: n for n, d in g.nodes(data=True)}
    belarus = by_label["Belarus"]
    # a country's own actors: its government, a body and a person named after it, a person affiliated to it
    # (the Bar Council is no node of the statement graph: its member belongs to Belarus by the body's name)
    assert analysis.country_members(g, belarus) == {belarus, *(by_label[x] for x in (
        "Government of Belarus", "Belarusian Interior Ministry", "Olga Petrenko", "Pavel Sidorov", "Irina Volkova"))}
    edge = next(d for u, v, d in g.edges(data=True) if d["text"] == "Detainees in Belarus were beaten")
    assert edge["abuses"] == {"torture": "asserts"} and "[[Detainees in Belarus were beaten]]" in edge["evidence"]
    assert g.nodes[by_label["Amnesty International"]]["statements"] == 2


def test_the_abuse_filter_follows_claims_linked_to_statements_not_words(store):
    g = analysis.statement_graph(store, details=True)
    kept = filter_graph(g, abuse="torture")
    # the two statements a torture claim is linked to; not "Nobody was tortured", which no claim links to
    assert sorted(d["text"] for *_, d in kept.edges(data=True)) == ["Detainees in Belarus were beaten", HOSTILE_QUOTE]


def test_focus_on_a_country_brings_its_government_bodies_officials_and_nationals(store):
    g = analysis.statement_graph(store, details=True)
    around = labels(filter_graph(g, focus="Belarus"))
    assert {"Belarus", "Government of Belarus", "Belarusian Interior Ministry", "Olga Petrenko", "Pavel Sidorov",
            "Human Rights Watch", "Amnesty International"} <= around
    assert "Iran" not in around
    assert labels(filter_graph(g, country="Belarus")) == around


def test_the_claim_graph_keeps_denials_apart(store):
    g = analysis.claim_graph(store)
    stances = {(g.nodes[u]["label"], g.nodes[v]["label"], d["abuse"], d["stance"]) for u, v, d in g.edges(data=True)}
    assert ("Government of Belarus", "Belarus", "torture", "denies") in stances
    assert ("Amnesty International", "Belarus", "torture", "asserts") in stances
    data = json.loads(ScriptBlocks.data_of(render_html(g)))
    assert data["accusations"] and {e["stance"] for e in data["edges"]} == {"asserts", "denies"}


def test_co_mention_and_actor_abuse_graphs(store):
    assert analysis.co_mention_graph(store).number_of_edges() >= 3
    g = analysis.actor_abuse_graph(store)
    assert g.has_node("abuse:torture")
    render_html(g)  # edges without statements draw too


def test_the_page_holds_no_external_resource_and_escapes_article_strings(store):
    page = render_html(analysis.statement_graph(store, details=True))
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page):
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", tag), tag
    assert HOSTILE_NAME not in page and "</script><script>alert(2)" not in page and HOSTILE_TITLE not in page
    parser = ScriptBlocks()
    parser.feed(page)
    assert len(parser.blocks) == 3  # data, vis-network, the page's own script: nothing broke out
    data = json.loads(parser.blocks[0])
    assert HOSTILE_NAME in {n["label"] for n in data["nodes"]}
    assert HOSTILE_QUOTE in {s["text"] for s in data["statements"]}


class ScriptBlocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._in = False

    @classmethod
    def data_of(cls, page: str) -> str:
        parser = cls()
        parser.feed(page)
        return parser.blocks[0]

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def test_the_view_reads_claims_from_the_graph_and_never_imports_the_extractor():
    import ast

    import kg.analysis
    import kg.viz

    for module in (kg.viz, kg.analysis):
        tree = ast.parse(Path(module.__file__).read_text("utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m for m in imported if m and m.startswith("kg.extract")}, module.__name__

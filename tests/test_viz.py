"""Views and analysis: networkx graphs from the store, and the HTML view in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from conftest import write_jsonl

from kg import analysis
from kg.store import Store
from kg.viz import render_html

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTE = "They said </script><script>alert(2)</script> and walked out of the court"


def records() -> list[dict]:
    def rec(aid, speaker, about, text, date, abuse="torture"):
        return {"article": {"id": aid, "title": f"Report {aid}", "published": date, "url": f"https://example.org/{aid}"},
                "actors": [{"name": speaker, "type": "NGO"}, {"name": about, "type": "Country"}],
                "statements": [{"speaker": speaker, "text": text, "kind": "direct", "about": [about]}],
                "claims": [{"abuse": abuse, "country": about, "claimant": speaker}]}
    return [rec("a1", "Amnesty International", "Belarus", "Detainees in Belarus were beaten", "2023-01-05"),
            rec("a2", "Amnesty International", "Iran", "Protesters in Iran were executed", "2023-06-01", "unlawful_killing"),
            rec("a3", "Human Rights Watch", "Iran", "Iran jails critics for their posts", "2024-02-01",
                "expression_restrictions"),
            rec("a4", HOSTILE_NAME, "Iran", HOSTILE_QUOTE, "2024-03-01")]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store") as st:
        report = st.load_file(write_jsonl(tmp_path / "r.jsonl", records()))
        assert report.ok, report.errors
        yield st


def test_statement_and_accusation_graphs(store):
    g = analysis.statement_graph(store)
    assert g.number_of_edges() == 4
    speakers = analysis.top_speakers(g)
    assert speakers[0]["name"] == "Amnesty International" and speakers[0]["statements"] == 2
    acc = analysis.accusation_graph(store)
    assert analysis.most_accused(acc)[0]["name"] == "Iran"
    rows = analysis.who_accuses_whom(acc)
    assert {"claimant": "Human Rights Watch", "accused": "Iran", "abuse": "expression_restrictions",
            "claims": 1, "articles": 1} in rows
    assert analysis.centrality(g)[0]["name"] == "Iran"
    assert any("Iran" in c for c in analysis.communities(acc))
    assert set(analysis.ego(g, "belarus", 1).nodes) == {n for n in g if g.nodes[n]["label"] in ("Belarus",
                                                                                               "Amnesty International")}
    assert analysis.statement_graph(store, since="2024-01-01").number_of_edges() == 2


def test_co_mention_and_actor_abuse_graphs(store):
    assert analysis.co_mention_graph(store).number_of_edges() >= 3
    g = analysis.actor_abuse_graph(store)
    assert g.has_node("abuse:torture")


def test_the_page_holds_no_external_resource_and_escapes_article_strings(store):
    page = render_html(analysis.statement_graph(store))
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page):
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", tag), tag
    assert HOSTILE_NAME not in page and "</script><script>alert(2)" not in page
    parser = ScriptBlocks()
    parser.feed(page)
    assert len(parser.blocks) == 3  # data, vis-network, the page's own script: nothing broke out
    data = json.loads(parser.blocks[0])
    assert HOSTILE_NAME in {n["label"] for n in data["nodes"]}
    assert HOSTILE_QUOTE in {e.get("text") for e in data["edges"]}


class ScriptBlocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._in = False

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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (tools/install-system-deps.sh)")
def test_view_in_headless_chromium(store, tmp_path):
    from playwright.sync_api import sync_playwright

    from kg.api import view

    path = view(store, tmp_path / "view.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        page = browser.new_page(bypass_csp=True)  # the page forbids eval; Playwright's probes use it
        errors, requests, dialogs = [], [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgDrawn === true", timeout=30000)
        # the network is drawn: the canvas has coloured pixels
        painted = page.evaluate("""() => {
            const c = document.querySelector('#graph canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) n++;
            return n; }""")
        assert painted > 500
        # the hostile name is text in the page, never markup
        page.fill("#search", "onerror")
        assert page.evaluate("window.kgFound") == [HOSTILE_NAME]
        assert page.inner_text("#matches") == HOSTILE_NAME
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        page.fill("#search", "bela")
        assert page.evaluate("window.kgFound") == ["Belarus"]
        assert page.evaluate("window.kgNetwork.getSelectedNodes().length") == 1
        page.wait_for_timeout(300)
        browser.close()
    assert not errors, errors
    assert not dialogs, dialogs
    assert all(u.startswith(("file://", "data:", "about:")) for u in requests), requests

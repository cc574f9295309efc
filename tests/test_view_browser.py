"""The HTML view in a real headless Chromium: drawn, offline, the side panel, hostile strings, labels, focus."""

from __future__ import annotations

import shutil

import pytest
from helpers import REPO, write_jsonl
from test_viz import HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_TITLE, HOSTILE_URL, records

from kg.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (tools/install-system-deps.sh)")]
OVERLAP_BOUND = 0.01  # labels drawn at the default zoom: overlapping area / their total area


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


class Page:
    """One view opened in its own browser context, with what it logs, requests and pops up."""

    def __init__(self, browser, path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # probes use eval
        self.errors, self.requests, self.dialogs = [], [], []
        self.page = page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgDrawn === true", timeout=60000)

    def node_xy(self, name: str) -> tuple[float, float]:
        return tuple(self.page.evaluate("""name => {
            const d = JSON.parse(document.getElementById('kg-data').textContent);
            const n = d.nodes.find(x => x.label === name);
            const p = window.kgNetwork.canvasToDOM(window.kgNetwork.getPositions([n.id])[n.id]);
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""", name))

    def click_node(self, name: str) -> None:
        self.page.mouse.click(*self.node_xy(name))
        self.page.wait_for_selector("#panel:not([hidden])")

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        offline = [u for u in self.requests if not u.startswith(("file://", "data:", "about:"))]
        assert not offline, offline


@pytest.fixture
def fixture_view(tmp_path):
    from kg.api import view

    with Store(tmp_path / "store") as st:
        assert st.load_file(write_jsonl(tmp_path / "r.jsonl", records())).ok
        return view(st, tmp_path / "view.html")


@pytest.fixture(scope="module")
def data_view(tmp_path_factory):
    """The view of the articles in data/, as `kg ingest data/ && kg viz` makes it."""
    from kg import api

    folder = tmp_path_factory.mktemp("data-view")
    with api.open_store(folder / "store") as st:
        report = api.ingest(st, [REPO / "data"])
        assert not report.errors
        return api.view(st, folder / "view.html")


def test_the_panel_opens_on_a_click_and_lists_statements_with_working_article_links(browser, fixture_view):
    view = Page(browser, fixture_view)
    page = view.page
    painted = page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) n++;
        return n; }""")
    assert painted > 500
    assert page.is_hidden("#panel")
    view.click_node("Amnesty International")
    assert page.inner_text("#details h3") == "Amnesty International"
    said = page.locator("#details .stmt q").all_inner_texts()
    assert sorted(said) == ["Detainees in Belarus were beaten", "Protesters in Iran were executed"]
    links = page.eval_on_selector_all("#details .stmt a", "as => as.map(a => [a.textContent, a.href])")
    assert sorted(links) == [["Report a1", "https://example.org/a1"], ["Report a2", "https://example.org/a2"]]
    assert "[[" not in page.inner_text("#details") and page.locator("#details .evidence mark").count() == 2
    view.assert_clean()
    # the link opens the article (served here by the test, so that nothing leaves the machine)
    view.context.route("https://example.org/**", lambda route: route.fulfill(body="the article", content_type="text/plain"))
    with view.context.expect_page() as opened:
        page.click("#details .stmt a >> nth=0")
    article = opened.value
    article.wait_for_load_state()
    assert article.url in ("https://example.org/a1", "https://example.org/a2") and "the article" in article.content()
    # an edge, clicked halfway between its ends: the statements behind it
    (x1, y1), (x2, y2) = view.node_xy("Human Rights Watch"), view.node_xy("Iran")
    page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2)
    assert page.inner_text("#details h3") == "Human Rights Watch → Iran"
    assert page.locator("#details .stmt q").all_inner_texts() == ["Iran jails critics for their posts"]
    view.context.close()


def test_hostile_strings_stay_text_in_the_panel(browser, fixture_view):
    view = Page(browser, fixture_view)
    page = view.page
    view.click_node(HOSTILE_NAME)
    details = page.inner_text("#details")
    assert HOSTILE_NAME in details and HOSTILE_QUOTE in details and HOSTILE_TITLE in details
    assert page.locator("#details a").count() == 0  # a javascript: URL is no link
    assert page.evaluate("document.querySelectorAll('[href], [src]').length") == 0, HOSTILE_URL
    page.hover("#details .stmt")
    page.click("#details .stmt .meta >> nth=-1")
    page.fill("#search", "onerror")
    assert page.evaluate("window.kgFound") == [HOSTILE_NAME] and page.inner_text("#matches") == HOSTILE_NAME
    page.click("button.match")
    assert page.evaluate("document.querySelectorAll('img, b, script[src]').length") == 0
    page.wait_for_timeout(200)
    view.assert_clean()
    view.context.close()


def test_date_range_and_abuse_filters_in_the_page(browser, fixture_view):
    view = Page(browser, fixture_view)
    page = view.page
    everyone = page.evaluate("window.kgVisible()")
    assert "Amnesty International" in everyone
    page.fill("#since", "2024-01-01")  # Amnesty spoke in 2023 only
    after = page.evaluate("window.kgVisible()")
    assert "Amnesty International" not in after and "Human Rights Watch" in after
    page.select_option("#abuse", "torture")  # the claims linked to statements: of 2024, only the hostile one
    assert page.evaluate("window.kgVisible()") == sorted([HOSTILE_NAME, "Iran"])
    page.fill("#since", "")
    assert page.evaluate("window.kgVisible()") == sorted([HOSTILE_NAME, "Iran", "Amnesty International", "Belarus"])
    page.select_option("#abuse", "")
    assert page.evaluate("window.kgVisible()") == everyone
    view.assert_clean()
    view.context.close()


def overlap(boxes: list[dict]) -> float:
    """Area where labels overlap one another, over the labels' total area."""
    total = sum(b["w"] * b["h"] for b in boxes)
    shared = 0.0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if w > 0 and h > 0:
                shared += w * h
    return shared / total if total else 1.0


def test_labels_at_the_default_zoom_on_data_do_not_overlap_and_come_biggest_first(browser, data_view):
    view = Page(browser, data_view)
    page = view.page
    drawn = page.evaluate("window.kgLabels")
    nodes = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes")
    print(f"labels drawn at the default zoom: {len(drawn)} of {len(nodes)}, overlap {overlap(drawn):.4f}")
    assert overlap(drawn) < OVERLAP_BOUND
    assert len(drawn) >= 40
    biggest = sorted(nodes, key=lambda n: -n["weight"])[:8]
    assert {n["label"] for n in biggest} <= {b["label"] for b in drawn}
    # zoomed in, every node on the screen has its label
    page.evaluate("""() => { const net = window.kgNetwork;
        net.moveTo({ scale: net.getScale() * 8, position: net.getViewPosition() }); }""")
    page.wait_for_timeout(300)
    shown = {b["label"] for b in page.evaluate("window.kgLabels")}
    on_screen = page.evaluate("""() => {
        const d = JSON.parse(document.getElementById('kg-data').textContent), net = window.kgNetwork;
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return d.nodes.filter(n => { const p = net.canvasToDOM({ x: n.x, y: n.y });
            return p.x > 80 && p.x < r.width - 80 && p.y > 10 && p.y < r.height - 20; }).map(n => n.label); }""")
    assert on_screen and set(on_screen) <= shown
    view.assert_clean()
    view.context.close()


def test_focus_on_a_country_includes_its_government(browser, data_view):
    view = Page(browser, data_view)
    page = view.page
    everyone = page.evaluate("window.kgVisible()")
    page.fill("#search", "Azerbaijan")
    page.click('button.match >> text="Azerbaijan"')
    headings = page.locator("#details h4").all_inner_texts()
    own = [h for h in headings if h.startswith("What was said about its government, bodies and people")]
    assert own and not own[0].endswith("(0)"), headings  # e.g. calls on the Government of Azerbaijan
    page.click("#focus")
    around = page.evaluate("window.kgVisible()")
    assert "Government of Azerbaijan" in around and "Azerbaijan" in around
    assert len(around) < len(everyone) / 3
    page.click("#showall")
    assert page.evaluate("window.kgVisible()") == everyone
    view.assert_clean()
    view.context.close()

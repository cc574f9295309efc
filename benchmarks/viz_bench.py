"""View benchmark: kg's HTML view against pyvis's defaults on the same synthetic graphs, in one run.

    python benchmarks/viz_bench.py [--sizes 500 2000 10000] [--timeout 180]

For graphs of 500, 2,000 and 10,000 nodes (two edges a node, statement-like attributes) it times the
Python build of each page and the time until the network is drawn in headless Chromium (Debian's
`chromium`): for kg, the first frame after its fixed layout (or after stabilisation below 300 nodes);
for pyvis's defaults, the first frame after physics stabilisation. Targets: kg's build + draw takes under
3 s at 2,000 nodes and under 10 s at 10,000, each at least 5x faster than pyvis's defaults.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.viz import render_html

TYPES = ["Person", "Country", "GovernmentBody", "NGO", "MediaOutlet", "InternationalOrganization", "Group"]
HOOK = """<script>(function wait() {
  if (typeof network === "undefined") return setTimeout(wait, 10);
  const done = () => network.once("afterDrawing", () => { window.kgDrawn = true; });
  if (network.physics && network.physics.stabilized) done();
  network.once("stabilizationIterationsDone", done);
  network.once("stabilized", done);
})();</script></body>"""


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"n{i}", label=f"Actor {i}", type=rng.choice(TYPES))
    for j in range(2 * n):
        u, v = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
        g.add_edge(u, v, key=f"s{j}", text=f"statement {j} about abuses", kind=rng.choice(["direct", "indirect"]),
                   title=f"Article {j % 97}", url="https://example.org/a", date="2024-01-01", cue="said")
    return g


def pyvis_page(g: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node, data in g.nodes(data=True):
        net.add_node(node, label=data["label"], title=data["type"])
    for u, v, data in g.edges(data=True):
        net.add_edge(u, v, title=data["text"])
    net.write_html(str(path))
    path.write_text(path.read_text("utf-8").replace("</body>", HOOK, 1), "utf-8")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def time_to_draw(playwright, chromium: str, path: Path, timeout: float) -> float | None:
    """Seconds from navigation to the first frame drawn after layout, in a browser of its own."""
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # the probe evaluates JS
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout * 1000)
        page.wait_for_function("window.kgDrawn === true", timeout=timeout * 1000, polling=50)
        return time.perf_counter() - start
    except Exception as err:  # playwright's TimeoutError: did not draw within the limit
        print(f"  {path.name}: not drawn ({type(err).__name__}: {str(err).splitlines()[0][:120]})", flush=True)
        return None
    finally:
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--screenshot", type=Path, help="also save a screenshot of kg's view of the first size")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    results = []
    with sync_playwright() as p:
        for n in args.sizes:
            g = synthetic(n)
            t = time.perf_counter()
            kg_path = work / f"kg-{n}.html"
            kg_path.write_text(render_html(g, title=f"{n} nodes"), "utf-8")
            kg_build = time.perf_counter() - t
            t = time.perf_counter()
            pv_path = work / f"pyvis-{n}.html"
            pyvis_page(g, pv_path)
            pv_build = time.perf_counter() - t
            kg_draw = time_to_draw(p, args.chromium, kg_path, args.timeout)
            if args.screenshot and n == args.sizes[0]:
                browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # the probe evaluates JS
                page.goto(kg_path.as_uri())
                page.wait_for_function("window.kgDrawn === true", timeout=args.timeout * 1000)
                page.screenshot(path=str(args.screenshot))
                browser.close()
            pv_draw = time_to_draw(p, args.chromium, pv_path, args.timeout)
            results.append({"nodes": n, "kg_build_s": round(kg_build, 2), "kg_draw_s": kg_draw and round(kg_draw, 2),
                            "pyvis_build_s": round(pv_build, 2), "pyvis_draw_s": pv_draw and round(pv_draw, 2)})
            print(json.dumps(results[-1]), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'nodes':>7}{'kg build':>10}{'kg draw':>10}{'kg total':>10}{'pyvis build':>13}{'pyvis draw':>12}"
          f"{'speed-up':>10}")
    ok = True
    for r in results:
        kd, pd = r["kg_draw_s"], r["pyvis_draw_s"]
        total = r["kg_build_s"] + kd if kd else float("nan")
        speedup = ((pd or args.timeout) + r["pyvis_build_s"]) / total if kd else 0.0
        limit = {2000: 3.0, 10000: 10.0}.get(r["nodes"])
        ok &= kd is not None and (limit is None or total < limit) and speedup >= 5
        pds = f"{pd:.2f}" if pd else f">{args.timeout:.0f}"
        print(f"{r['nodes']:>7}{r['kg_build_s']:>10.2f}{(kd or float('nan')):>10.2f}{total:>10.2f}"
              f"{r['pyvis_build_s']:>13.2f}{pds:>12}{speedup:>9.1f}x")
    print("targets (build + draw: 2,000 < 3 s, 10,000 < 10 s; >= 5x pyvis):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

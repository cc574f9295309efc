"""Interactive HTML views of the graphs: one self-contained file, offline, every article string escaped.

The page uses vis-network as shipped inside the pyvis package (inlined, so it makes no network
request), with the layout computed in Python (networkx) and physics switched off beyond a few hundred
nodes. Node and edge data travel as JSON inside a ``<script type="application/json">`` block whose
``<``, ``>`` and ``&`` are escaped, and the page writes every text into the DOM as text, never as HTML.
"""

from __future__ import annotations

import html
import json
import math
import zlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

PHYSICS_LIMIT = 300  # above this many nodes the layout is fixed, not simulated in the browser
TYPE_STYLE = {  # actor type -> (colour, vis-network shape)
    "Person": ("#4e79a7", "dot"),
    "Country": ("#e15759", "diamond"),
    "Government": ("#ff9d9a", "diamond"),
    "GovernmentBody": ("#f28e2b", "square"),
    "NGO": ("#59a14f", "triangle"),
    "MediaOutlet": ("#b07aa1", "star"),
    "InternationalOrganization": ("#76b7b2", "hexagon"),
    "Organization": ("#edc948", "triangle"),
    "Group": ("#9c755f", "dot"),
    "Abuse": ("#bab0ac", "box"),
}
OTHER_STYLE = ("#79706e", "dot")


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as pyvis ships them."""
    lib = resources.files("pyvis").joinpath("lib")
    folder = max((p for p in lib.iterdir() if p.name.startswith("vis-")), key=lambda p: p.name)
    return folder.joinpath("vis-network.min.js").read_text("utf-8"), folder.joinpath("vis-network.css").read_text("utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that can sit inside <script> whatever the strings hold ("</script>", "<!--")."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


CORE_LIMIT = 1500  # above this many nodes the spring layout runs on the best-connected ones only


def layout(g: nx.Graph, seed: int = 7, scale: float | None = None) -> dict[Any, tuple[float, float]]:
    """Node positions in pixels: a spring layout, with fewer iterations for big graphs.

    The spring layout costs the square of the nodes; beyond ``CORE_LIMIT`` it lays out the best-connected
    nodes and puts every other one beside the neighbours already placed (a news graph's many one-article
    actors hang off a few hubs), so 10,000 nodes take seconds instead of minutes.
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    scale = scale or max(300.0, 40.0 * n ** 0.5)
    undirected = nx.Graph(g)
    if n <= CORE_LIMIT:
        iterations = 50 if n <= 1000 else 25
        pos = nx.spring_layout(undirected, seed=seed, iterations=iterations, scale=scale)
        return {k: (float(x), float(y)) for k, (x, y) in pos.items()}
    order = sorted(undirected.nodes, key=lambda v: (-undirected.degree(v), str(v)))
    core = undirected.subgraph(order[:CORE_LIMIT])
    placed = {k: (float(x), float(y)) for k, (x, y) in
              nx.spring_layout(core, seed=seed, iterations=25, scale=scale).items()}
    step = scale / (CORE_LIMIT ** 0.5)  # about the distance between neighbours in the core
    rest = order[CORE_LIMIT:]
    while rest:
        waiting = []
        for v in rest:
            near = [placed[u] for u in undirected.neighbors(v) if u in placed]
            if not near:
                waiting.append(v)
                continue
            angle = (zlib.crc32(str(v).encode()) % 3600) / 3600 * 2 * math.pi
            cx, cy = sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near)
            placed[v] = (cx + step * math.cos(angle), cy + step * math.sin(angle))
        if len(waiting) == len(rest):  # pieces not connected to anything placed: a ring outside the picture
            for i, v in enumerate(waiting):
                angle = 2 * math.pi * i / len(waiting)
                placed[v] = (1.15 * scale * math.cos(angle), 1.15 * scale * math.sin(angle))
            break
        rest = waiting
    return placed


def graph_data(g: nx.Graph, positions: dict | None = None) -> dict[str, Any]:
    """The plain node and edge lists the page draws (strings untouched: the page treats them as text)."""
    fixed = g.number_of_nodes() > PHYSICS_LIMIT
    positions = positions if positions is not None else (layout(g) if fixed or g.number_of_nodes() else {})
    ids = {node: i for i, node in enumerate(g.nodes)}
    nodes = []
    for node, data in g.nodes(data=True):
        type_ = data.get("type", "Actor")
        color, shape = TYPE_STYLE.get(type_, OTHER_STYLE)
        item = {"id": ids[node], "iri": str(node), "label": str(data.get("label", node)), "type": type_,
                "color": color, "shape": shape, "degree": g.degree(node)}
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    edges = []
    iterator = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for i, (u, v, _key, data) in enumerate(iterator):
        edge = {"id": i, "from": ids[u], "to": ids[v]}
        if "text" in data:  # a statement
            edge.update(kind=data.get("kind") or "", text=data.get("text") or "", title=data.get("title") or "",
                        url=data.get("url") or "", date=data.get("date") or "", cue=data.get("cue") or "")
        if "abuses" in data:  # an accusation
            edge.update(abuses=sorted(data["abuses"]), claims=data.get("claims", 1), articles=data.get("articles", 1),
                        kind="accusation", value=data.get("claims", 1))
        edges.append(edge)
    return {"nodes": nodes, "edges": edges, "fixed": fixed}


def render_html(g: nx.Graph, *, title: str = "kg graph", positions: dict | None = None) -> str:
    """One self-contained HTML page drawing ``g``."""
    script, css = _vis_assets()
    data = graph_data(g, positions)
    legend = {t: {"color": c, "shape": s} for t, (c, s) in TYPE_STYLE.items()
              if any(n["type"] == t for n in data["nodes"])}
    return PAGE.format(
        title=html.escape(title), css=css, vis=script,
        data=_json_for_script({**data, "legend": legend, "title": title}),
        app=APP_SCRIPT,
    )


def write_html(g: nx.Graph, path: str | Path, *, title: str = "kg graph") -> Path:
    path = Path(path)
    path.write_text(render_html(g, title=title), "utf-8")
    return path


def filter_graph(g: nx.Graph, *, focus: str | None = None, depth: int = 1, abuse: str | None = None,
                 country: str | None = None) -> nx.Graph:
    """The part of ``g`` a view asks for: around one actor, about one abuse, or touching one country."""
    from kg.analysis import ego, find_node

    out = g
    if abuse:
        from kg.extract.claims import abuse_matches

        def about_abuse(data: dict) -> bool:  # an accusation of that code, or a statement naming that abuse
            return abuse in (data.get("abuses") or {}) or abuse in {m[2] for m in abuse_matches(data.get("text") or "")}

        if out.is_multigraph():
            keep = [(u, v, k) for u, v, k, d in out.edges(keys=True, data=True) if about_abuse(d)]
        else:
            keep = [(u, v) for u, v, d in out.edges(data=True) if about_abuse(d)]
        out = out.edge_subgraph(keep).copy()
    if country:
        node = find_node(out, country)
        out = ego(out, country, 1) if node else out.subgraph([]).copy()
    if focus:
        out = ego(out, focus, depth)
    return out


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}</style>
<style>
  body {{ margin: 0; font: 14px system-ui, sans-serif; display: flex; height: 100vh; }}
  #side {{ width: 300px; padding: 10px; overflow: auto; border-right: 1px solid #ddd; box-sizing: border-box; }}
  #graph {{ flex: 1; }}
  #legend div {{ margin: 2px 0; }} #legend span.swatch {{ display: inline-block; width: 12px; height: 12px; margin-right: 6px; }}
  #details {{ white-space: pre-wrap; margin-top: 10px; }}
  label {{ display: block; }} input[type=search] {{ width: 100%; box-sizing: border-box; }}
</style>
</head>
<body>
<div id="side">
  <h3 id="heading"></h3>
  <input id="search" type="search" placeholder="Find an actor" aria-label="Find an actor">
  <div id="matches"></div>
  <h4>Filters</h4>
  <div id="types"></div>
  <label><input type="checkbox" class="kind" value="direct" checked> direct quotes</label>
  <label><input type="checkbox" class="kind" value="indirect" checked> reported speech</label>
  <label>abuse <select id="abuse"><option value="">any</option></select></label>
  <h4>Legend</h4><div id="legend"></div>
  <div id="details"></div>
</div>
<div id="graph"></div>
<script type="application/json" id="kg-data">{data}</script>
<script>{vis}</script>
<script>{app}</script>
</body>
</html>
"""

APP_SCRIPT = r"""
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  document.getElementById("heading").textContent = data.title;
  const text = (el, s) => { el.textContent = s; return el; };
  const nodes = new vis.DataSet(data.nodes.map(n => ({
    id: n.id, label: n.label, x: n.x, y: n.y, shape: n.shape, color: n.color,
    value: 1 + Math.log(1 + n.degree), title: text(document.createElement("div"), n.label + " (" + n.type + ")"),
    type: n.type,
  })));
  const edgeTitle = e => {
    const div = document.createElement("div");
    if (e.text) {
      div.appendChild(text(document.createElement("q"), e.text));
      const src = document.createElement("div");
      text(src, (e.title || "") + (e.date ? " — " + e.date : ""));
      div.appendChild(src);
    } else if (e.abuses) {
      text(div, e.abuses.join(", ") + " — " + e.claims + " claim(s), " + e.articles + " article(s)");
    }
    return div;
  };
  const edges = new vis.DataSet(data.edges.map(e => ({
    id: e.id, from: e.from, to: e.to, arrows: "to", title: edgeTitle(e), kind: e.kind || "",
    abuses: e.abuses || [], value: e.value, dashes: e.kind === "indirect",
  })));
  const options = {
    physics: data.fixed ? false : { stabilization: { iterations: 150 } },
    nodes: { scaling: { min: 8, max: 30 }, font: { size: 12 } },
    edges: { smooth: data.fixed ? false : { type: "continuous" }, color: { opacity: 0.5 } },
    interaction: { hideEdgesOnDrag: data.fixed, tooltipDelay: 150 },
    layout: { improvedLayout: !data.fixed && data.nodes.length < 150 },
  };
  const types = new Set(data.nodes.map(n => n.type));
  const abuseCodes = new Set(data.edges.flatMap(e => e.abuses || []));
  const typeBox = document.getElementById("types");
  for (const t of [...types].sort()) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.className = "type"; box.value = t; box.checked = true;
    label.appendChild(box); label.appendChild(document.createTextNode(" " + t));
    typeBox.appendChild(label);
  }
  const select = document.getElementById("abuse");
  for (const code of [...abuseCodes].sort()) {
    const opt = document.createElement("option"); opt.value = code; opt.textContent = code; select.appendChild(opt);
  }
  const legend = document.getElementById("legend");
  for (const [t, style] of Object.entries(data.legend)) {
    const row = document.createElement("div");
    const sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = style.color;
    row.appendChild(sw); row.appendChild(document.createTextNode(t + " (" + style.shape + ")"));
    legend.appendChild(row);
  }
  const visibleTypes = () => new Set([...document.querySelectorAll("input.type:checked")].map(b => b.value));
  const visibleKinds = () => new Set([...document.querySelectorAll("input.kind:checked")].map(b => b.value));
  const nodeView = new vis.DataView(nodes, { filter: n => visibleTypes().has(n.type) });
  const edgeView = new vis.DataView(edges, { filter: e => {
    const kinds = visibleKinds();
    if (e.kind === "direct" || e.kind === "indirect") { if (!kinds.has(e.kind)) return false; }
    return !select.value || e.abuses.includes(select.value);
  } });
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, options);
  window.kgNetwork = network;
  const markDrawn = () => { window.kgDrawn = true; };
  if (data.fixed) network.once("afterDrawing", markDrawn);
  else network.once("stabilizationIterationsDone", () => network.once("afterDrawing", markDrawn));
  if (!data.fixed && data.nodes.length === 0) markDrawn();
  for (const box of document.querySelectorAll("input.type, input.kind")) {
    box.addEventListener("change", () => { nodeView.refresh(); edgeView.refresh(); });
  }
  select.addEventListener("change", () => edgeView.refresh());
  const details = document.getElementById("details");
  network.on("click", params => {
    details.textContent = "";
    if (params.edges.length && !params.nodes.length) {
      const e = data.edges.find(x => x.id === params.edges[0]);
      if (e && e.text) {
        details.appendChild(text(document.createElement("q"), e.text));
        if (e.url && /^https?:\/\//.test(e.url)) {
          const a = document.createElement("a"); a.href = e.url; a.rel = "noopener noreferrer";
          text(a, e.title || e.url); details.appendChild(document.createElement("br")); details.appendChild(a);
        }
      }
    } else if (params.nodes.length) {
      const n = data.nodes.find(x => x.id === params.nodes[0]);
      if (n) text(details, n.label + " — " + n.type + "\n" + n.iri);
    }
  });
  const search = document.getElementById("search");
  const matches = document.getElementById("matches");
  search.addEventListener("input", () => {
    matches.textContent = "";
    const q = search.value.trim().toLowerCase();
    if (!q) return;
    const found = data.nodes.filter(n => n.label.toLowerCase().includes(q)).slice(0, 20);
    for (const n of found) {
      const b = document.createElement("button"); b.type = "button"; b.className = "match";
      text(b, n.label);
      b.addEventListener("click", () => { network.selectNodes([n.id]); network.focus(n.id, { scale: 1.2 }); });
      matches.appendChild(b);
    }
    if (found.length) { network.selectNodes([found[0].id]); }
    window.kgFound = found.map(n => n.label);
  });
})();
"""

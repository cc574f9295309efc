"""Interactive HTML views of the graphs: one self-contained file, offline, every article string escaped.

The page uses vis-network as shipped inside the pyvis package (inlined, so it makes no network
request), with the layout computed in Python (networkx, each connected piece on its own) and no physics in
the browser. Node, edge and statement data travel as JSON inside a ``<script type="application/json">``
block whose ``<``, ``>`` and ``&`` are escaped, and the page (kg/data/view-page.tmpl and view.js) writes every
text into the DOM as text, never as HTML; article links only for http(s) URLs. The page draws the labels
itself, biggest nodes first, each only where it overlaps no label already drawn, and shows in a side panel
the statements of a clicked actor or edge.
"""

from __future__ import annotations

import html
import json
import math
import re
import zlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis import country_members, find_node

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
    "Publisher": ("#d37295", "box"),
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


CORE_LIMIT = 300  # above this many nodes the spring layout runs on the best-connected ones only


def layout(g: nx.Graph, seed: int = 7, scale: float | None = None) -> dict[Any, tuple[float, float]]:
    """Node positions in pixels: each connected piece laid out on its own (a spring layout, its crowded middle
    spread out), the biggest on the left and the others packed beside it, so that small pieces pushed away by
    the spring forces do not squeeze the core into a knot.

    The spring layout costs the square of the nodes; beyond ``CORE_LIMIT`` a piece's best-connected nodes are
    laid out and every other one is put beside the neighbours already placed (a news graph's many one-article
    actors hang off a few hubs), so 10,000 nodes take a second or two instead of minutes.
    """
    if g.number_of_nodes() == 0:
        return {}
    undirected = nx.Graph()  # the shape only: copying the edges' data would cost more than the layout
    undirected.add_nodes_from(g)
    undirected.add_edges_from((u, v) for u, v, *_ in g.edges)
    pieces = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    return _pack([_piece_layout(undirected, piece, seed) for piece in pieces], scale)


def _piece_layout(g: nx.Graph, piece: set, seed: int) -> dict[Any, tuple[float, float]]:
    """One connected piece of ``g``, with about 70 pixels between neighbours whatever its size."""
    n = len(piece)
    if n == 1:
        return {next(iter(piece)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(piece, key=str)
        return {a: (-35.0, 0.0), b: (35.0, 0.0)}
    size = 70.0 * n ** 0.5
    if n <= CORE_LIMIT:
        pos = nx.spring_layout(g.subgraph(piece), seed=seed, iterations=60, scale=size)
        return _spread({k: (float(x), float(y)) for k, (x, y) in pos.items()}, size)
    order = sorted(piece, key=lambda v: (-len(g[v]), str(v)))  # g itself, not a sub-graph view: views are slow
    core = g.subgraph(order[:CORE_LIMIT])
    placed = _spread({k: (float(x), float(y)) for k, (x, y) in
                      nx.spring_layout(core, seed=seed, iterations=30, scale=size).items()}, size)
    step = size / (CORE_LIMIT ** 0.5)  # about the distance between neighbours in the core
    rest = order[CORE_LIMIT:]
    while rest:
        waiting = []
        for v in rest:
            near = [placed[u] for u in g.neighbors(v) if u in placed]
            if not near:
                waiting.append(v)
                continue
            angle = (zlib.crc32(str(v).encode()) % 3600) / 3600 * 2 * math.pi
            cx, cy = sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near)
            placed[v] = (cx + step * math.cos(angle), cy + step * math.sin(angle))
        if len(waiting) == len(rest):  # cannot happen in a connected piece; kept as a guard
            for i, v in enumerate(waiting):
                placed[v] = (size * math.cos(i), size * math.sin(i))
            break
        rest = waiting
    return placed


def _spread(pos: dict[Any, tuple[float, float]], size: float) -> dict[Any, tuple[float, float]]:
    """Spread a hub-and-spokes layout's crowded middle: keep each node's direction from the centre and give it
    a distance by its rank, so that nodes are about evenly dense over the disc (labels find room)."""
    n = len(pos)
    if n < 20:
        return pos
    cx, cy = sum(x for x, _ in pos.values()) / n, sum(y for _, y in pos.values()) / n
    ranked = sorted(pos, key=lambda k: (math.hypot(pos[k][0] - cx, pos[k][1] - cy), str(k)))
    out = {}
    for i, k in enumerate(ranked):
        x, y = pos[k][0] - cx, pos[k][1] - cy
        r = math.hypot(x, y) or 1.0
        target = size * math.sqrt((i + 0.5) / n)
        out[k] = (x / r * target, y / r * target)
    return out


def _pack(pieces: list[dict], scale: float | None) -> dict[Any, tuple[float, float]]:
    """The biggest piece on the left, the others in rows beside it on the right (a screen is wider than
    tall), each in a box of its own size."""
    gap = 60.0
    first = pieces[0]
    xs, ys = [x for x, _ in first.values()], [y for _, y in first.values()]
    width = max(0.4 * (max(xs) - min(xs)), 300.0)
    placed = dict(first)
    x0, y = max(xs) + 2 * gap, min(ys)
    x, row_height = x0, 0.0
    for pos in pieces[1:]:
        pxs, pys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = max(pxs) - min(pxs), max(pys) - min(pys)
        if x > x0 and x + w > x0 + width:
            x, y, row_height = x0, y + row_height + gap, 0.0
        placed.update({k: (px - min(pxs) + x, py - min(pys) + y) for k, (px, py) in pos.items()})
        x += w + gap * 2
        row_height = max(row_height, h)
    if scale:
        factor = scale / max(1.0, max(max(abs(a), abs(b)) for a, b in placed.values()))
        placed = {k: (a * factor, b * factor) for k, (a, b) in placed.items()}
    return placed


def _node_items(g: nx.Graph, positions: dict, ids: dict) -> list[dict[str, Any]]:
    nodes = []
    for node, data in g.nodes(data=True):
        type_ = data.get("type", "Actor")
        color, shape = TYPE_STYLE.get(type_, OTHER_STYLE)
        item = {"id": ids[node], "iri": str(node), "label": str(data.get("label", node)), "type": type_,
                "color": color, "shape": shape, "weight": data.get("statements") or g.degree(node),
                "countries": [ids[c] for c in data.get("countries") or () if c in ids and c != node]}
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    return nodes


def _statement(data: dict, speaker: int | None, about: list[int]) -> dict[str, Any]:
    abuses = data.get("abuses") or {}
    return {"text": data.get("text") or "", "kind": data.get("kind") or "", "date": data.get("date") or "",
            "title": data.get("title") or "", "url": data.get("url") or "", "evidence": data.get("evidence") or "",
            "abuses": {code: abuses[code] for code in sorted(abuses)}, "speaker": speaker, "about": about}


def _statement_edges(g: nx.Graph, ids: dict) -> tuple[list[dict], list[dict]]:
    """One drawn edge per (speaker, target) pair listing its statements; each statement once, with its targets."""
    statements: list[dict[str, Any]] = []
    index: dict[Any, int] = {}
    pairs: dict[tuple[int, int], list[int]] = {}
    iterator = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, (u, v), d) for u, v, d in g.edges(data=True))
    for u, v, key, data in iterator:
        if "text" not in data:  # a co-mention or actor-abuse edge: no statement behind it
            pairs.setdefault((ids[u], ids[v]), [])
            continue
        if key not in index:
            index[key] = len(statements)
            statements.append(_statement(data, ids[u], []))
        statements[index[key]]["about"].append(ids[v])
        pairs.setdefault((ids[u], ids[v]), []).append(index[key])
    for speaker, items in (g.graph.get("unaddressed") or {}).items():
        for data in items:
            if speaker in ids:
                statements.append(_statement(data, ids[speaker], []))
    edges = [{"id": i, "from": a, "to": b, "items": items} for i, ((a, b), items) in enumerate(pairs.items())]
    return edges, statements


def _accusation_edges(g: nx.Graph, ids: dict) -> list[dict]:
    edges = []
    iterator = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, _key, data in iterator:
        codes = data.get("abuses") or {data.get("abuse"): data.get("claims", 1)}  # code -> claims
        for code in sorted(codes):
            edges.append({"id": len(edges), "from": ids[u], "to": ids[v], "abuse": code,
                          "stance": data.get("stance") or "asserts", "claims": codes[code],
                          "articles": data.get("articles", 1), "sources": data.get("sources") or []})
    return edges


def graph_data(g: nx.Graph, positions: dict | None = None) -> dict[str, Any]:
    """The plain node, edge and statement lists the page draws (strings untouched: the page treats them as text)."""
    positions = positions if positions is not None else layout(g)
    ids = {node: i for i, node in enumerate(g.nodes)}
    accusations = any("abuse" in d or "claims" in d for *_, d in g.edges(data=True))
    if accusations:
        edges, statements = _accusation_edges(g, ids), []
    else:
        edges, statements = _statement_edges(g, ids)
    return {"nodes": _node_items(g, positions, ids), "edges": edges, "statements": statements,
            "accusations": accusations}


def render_html(g: nx.Graph, *, title: str = "kg graph", positions: dict | None = None) -> str:
    """One self-contained HTML page drawing ``g``."""
    script, css = _vis_assets()
    data = graph_data(g, positions)
    legend = {t: {"color": c, "shape": s} for t, (c, s) in TYPE_STYLE.items()
              if any(n["type"] == t for n in data["nodes"])}
    parts = {"TITLE": html.escape(title), "CSS": css, "VIS": script, "APP": _page_file("view.js"),
             "DATA": _json_for_script({**data, "legend": legend, "title": title})}
    # one pass, so that nothing inserted is read again as a placeholder
    return re.sub(r"@@(TITLE|CSS|VIS|APP|DATA)@@", lambda m: parts[m.group(1)], _page_file("view-page.tmpl"))


@cache
def _page_file(name: str) -> str:
    """The page's template and script, kept as files in kg/data (view-page.tmpl, view.js)."""
    return resources.files("kg.data").joinpath(name).read_text("utf-8")


def write_html(g: nx.Graph, path: str | Path, *, title: str = "kg graph") -> Path:
    path = Path(path)
    path.write_text(render_html(g, title=title), "utf-8")
    return path


def neighbourhood(g: nx.Graph, sources: set, depth: int = 1) -> nx.Graph:
    """The sub-graph within ``depth`` steps (either direction) of any of ``sources``."""
    seen, frontier = set(sources), set(sources)
    undirected = g.to_undirected(as_view=True)
    for _ in range(depth):
        frontier = {n for v in frontier for n in undirected.neighbors(v)} - seen
        seen |= frontier
    return g.subgraph(seen).copy()


def focus_nodes(g: nx.Graph, name: str) -> set:
    """The actor named ``name`` and, for a country, its government, bodies, officials and nationals."""
    node = find_node(g, name)
    if node is None:
        return set()
    return country_members(g, node) if g.nodes[node].get("type") == "Country" else {node}


def filter_graph(g: nx.Graph, *, focus: str | None = None, depth: int = 1, abuse: str | None = None,
                 country: str | None = None) -> nx.Graph:
    """The part of ``g`` a view asks for: around one actor, about one abuse (the claims linked to each
    statement, or an accusation's code), or touching one country (its government, bodies and people too)."""
    out = g
    if abuse:
        def about_abuse(data: dict) -> bool:
            return abuse in (data.get("abuses") or {}) or data.get("abuse") == abuse

        if out.is_multigraph():
            keep = [(u, v, k) for u, v, k, d in out.edges(keys=True, data=True) if about_abuse(d)]
        else:
            keep = [(u, v) for u, v, d in out.edges(data=True) if about_abuse(d)]
        sub = _with_graph_attrs(out.edge_subgraph(keep).copy(), out)
        if "unaddressed" in sub.graph:
            sub.graph["unaddressed"] = {k: [d for d in v if about_abuse(d)] for k, v in sub.graph["unaddressed"].items()}
        out = sub
    if country:
        out = _with_graph_attrs(neighbourhood(out, focus_nodes(out, country), 1), out)
    if focus:
        out = _with_graph_attrs(neighbourhood(out, focus_nodes(out, focus), depth), out)
    return out


def _with_graph_attrs(sub: nx.Graph, g: nx.Graph) -> nx.Graph:
    """Keep the statements about no actor of the speakers still in the sub-graph."""
    if "unaddressed" in g.graph:
        sub.graph["unaddressed"] = {k: v for k, v in g.graph["unaddressed"].items() if k in sub}
    return sub

"""Write docs/ontology.html (pyLODE's page for ontology/kg.ttl, with a diagram) and docs/ontology.svg.

Run after a change to the ontology:  pip install 'kg[docs]' && python tools/ontology_html.py
The diagram is drawn from kg.ttl itself: its classes, what they are subclasses of, and each object property
whose domain and range it names (an arrow from domain to range). Layout by networkx, so no graphviz is needed.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import networkx as nx
from rdflib import OWL, RDF, RDFS, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "ontology" / "kg.ttl"
DOCS = ROOT / "docs"
WIDTH, HEIGHT, BOX_H = 1100, 760, 26


def ontology_graph(g: Graph) -> nx.MultiDiGraph:
    """Classes as nodes; subclass links and object properties (domain -> range) as labelled edges."""
    def short(term: URIRef) -> str:
        return g.namespace_manager.normalizeUri(term).replace("schema1:", "schema:")

    d = nx.MultiDiGraph()
    for cls in g.subjects(RDF.type, OWL.Class):
        d.add_node(short(cls), own=True)
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            d.add_edge(short(sub), short(sup), label="subClassOf", kind="sub")
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        for dom in g.objects(prop, RDFS.domain):
            for rng in g.objects(prop, RDFS.range):
                d.add_edge(short(dom), short(rng), label=short(prop), kind="property")
    for n in d:
        d.nodes[n].setdefault("own", False)
    return d


def svg(d: nx.MultiDiGraph) -> str:
    """The diagram as one SVG element (text escaped; no script, no external reference)."""
    pos = nx.kamada_kawai_layout(nx.Graph(d))
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    at = {n: [90 + (x - min(xs)) / ((max(xs) - min(xs)) or 1) * (WIDTH - 180),
              40 + (y - min(ys)) / ((max(ys) - min(ys)) or 1) * (HEIGHT - 80)] for n, (x, y) in pos.items()}
    half = {n: (4 + 3.5 * len(n) + 12, BOX_H / 2 + 10) for n in d}  # half sizes with a margin
    for _ in range(200):  # push overlapping boxes apart
        moved = False
        for a in d:
            for b in d:
                if a < b:
                    dx, dy = at[b][0] - at[a][0], at[b][1] - at[a][1]
                    ox, oy = half[a][0] + half[b][0] - abs(dx), half[a][1] + half[b][1] - abs(dy)
                    if ox > 0 and oy > 0:
                        moved = True
                        if ox < oy:
                            step = ox / 2 * (1 if dx >= 0 else -1)
                            at[a][0] -= step
                            at[b][0] += step
                        else:
                            step = oy / 2 * (1 if dy >= 0 else -1)
                            at[a][1] -= step
                            at[b][1] += step
        if not moved:
            break
    for n in at:
        at[n][0] = min(max(at[n][0], half[n][0] + 5), WIDTH - half[n][0] - 5)
        at[n][1] = min(max(at[n][1], 20), HEIGHT - 20)

    def place(n: str) -> tuple[float, float]:
        return at[n][0], at[n][1]

    def clip(n: str, x: float, y: float, towards: tuple[float, float]) -> tuple[float, float]:
        """Where the line from the centre of n's box towards a point leaves the box."""
        dx, dy = towards[0] - x, towards[1] - y
        w, h = 4 + 3.5 * len(n), BOX_H / 2
        t = min(w / abs(dx) if dx else math.inf, h / abs(dy) if dy else math.inf)
        return x + dx * t, y + dy * t

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" font-family="sans-serif" font-size="12" role="img" aria-label="kg ontology diagram">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>']
    seen: dict[tuple[str, str], int] = {}
    for u, v, data in d.edges(data=True):
        (x1, y1), (x2, y2) = place(u), place(v)
        k = seen[(u, v)] = seen.get((u, v), -1) + 1
        dash = ' stroke-dasharray="5,4"' if data["kind"] == "sub" else ""
        if u == v:  # a property from a class to itself: a loop above the box
            parts.append(f'<path d="M {x1 - 20:.0f} {y1 - 13:.0f} C {x1 - 40:.0f} {y1 - 70 - 14 * k:.0f} '
                         f'{x1 + 40:.0f} {y1 - 70 - 14 * k:.0f} {x1 + 20:.0f} {y1 - 13:.0f}" fill="none" stroke="#555" '
                         f'marker-end="url(#arrow)"/>')
            lx, ly = x1, y1 - 62 - 14 * k
        else:
            sx, sy = clip(u, x1, y1, (x2, y2))
            ex, ey = clip(v, x2, y2, (x1, y1))
            parts.append(f'<line x1="{sx:.0f}" y1="{sy:.0f}" x2="{ex:.0f}" y2="{ey:.0f}" stroke="#555"{dash} '
                         'marker-end="url(#arrow)"/>')
            lx, ly = (x1 + x2) / 2, (y1 + y2) / 2 + 12 * k
        if data["kind"] != "sub":
            parts.append(f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" fill="#333" font-size="10">'
                         f'{escape(data["label"])}</text>')
    for n, data in d.nodes(data=True):
        x, y = place(n)
        w = 8 + 7 * len(n)
        fill = "#dbe9f6" if data["own"] else "#f2f2f2"
        parts.append(f'<rect x="{x - w / 2:.0f}" y="{y - BOX_H / 2:.0f}" width="{w}" height="{BOX_H}" rx="5" '
                     f'fill="{fill}" stroke="#3b6ea5"/>')
        parts.append(f'<text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle">{escape(n)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def main() -> None:
    from pylode import OntPub

    g = Graph().parse(SOURCE)
    drawing = svg(ontology_graph(g))
    DOCS.mkdir(exist_ok=True)
    (DOCS / "ontology.svg").write_text(drawing + "\n", "utf-8")
    html = OntPub(SOURCE).make_html()
    section = ('<div class="section" id="diagram"><h2>Diagram</h2><p>kg\'s classes (blue) and the classes they '
               'reuse (grey); dashed arrows: subclass of; solid arrows: an object property from its domain to its '
               f'range. Drawn from kg.ttl by tools/ontology_html.py.</p>{drawing}</div>\n')
    marker = '<div class="section" id="classes">'
    html = html.replace(marker, section + marker, 1) if marker in html else html.replace("</body>", section + "</body>")
    (DOCS / "ontology.html").write_text(html, "utf-8")
    print(f"wrote {DOCS / 'ontology.html'} and {DOCS / 'ontology.svg'}")


if __name__ == "__main__":
    main()

"""The library API that the command line and the notebooks call: open a store, load, query, validate, serve."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError, StoreError
from kg.records import ArticleRecord
from kg.resources import query_description, query_names, query_text
from kg.store import LoadReport, QueryResult, Store, store_address, store_location
from kg.validate import Report, validate_graph


def extract_paths(paths: Iterable[str | os.PathLike]) -> Iterator[ArticleRecord | KgError]:
    """Article records of every file and folder given; an unreadable input yields its error instead."""
    from kg.extract import extract_paths as run

    return run(paths)


def record_to_rdf(record: ArticleRecord, fmt: str = "ttl") -> str:
    """One record's triples as Turtle or JSON-LD text."""
    from kg.triples import record_to_graph

    return record_to_graph(record).serialize(format={"ttl": "turtle", "jsonld": "json-ld"}[fmt])


def count_files(paths: Iterable[str | os.PathLike]) -> int:
    from kg.loaders import iter_files

    return sum(1 for _ in iter_files(paths))


def ingest(store: Store, paths: Iterable[str | os.PathLike], *, validate: bool = True, jobs: int = 1,
           cluster: str | None = None, progress: Callable[[int], None] | None = None,
           report: LoadReport | None = None) -> LoadReport:
    """Extract every article of ``paths`` and store it (each in its own graph, replaced atomically).

    Articles whose text the store holds already are skipped (``report.skipped``), so an interrupted ingest
    resumes where it stopped. With ``jobs`` > 1 the extraction and the SHACL check run in that many processes;
    with ``cluster`` (a Dask scheduler address, ``pip install 'kg[cluster]'``) they run on that cluster's workers.
    Either way this process writes the records in input order, so the store ends up the same as with one job.
    ``progress`` is called with 1 when a file is done and with 0 after each article is handed to the store, which
    writes them in batches; ``report`` (``report.loaded`` grows batch by batch) lets a caller show counts while it
    runs. The pipeline itself is ``kg.ingest``.
    """
    from kg import ingest as pipeline

    report = report if report is not None else LoadReport()
    pipeline.ingest(store, paths, report, validate=validate, jobs=jobs, cluster=cluster, progress=progress)
    if report.loaded or report.skipped:
        resolve_surnames(store)  # also after a resumed ingest that had nothing left to store
    return report


def open_store(location: str | os.PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``location`` (else $KG_STORE, else ./kg-store); read-only stores must exist."""
    return Store(location, read_only=read_only)


def query(store: Store, sparql: str | None = None, *, name: str | None = None,
          params: dict[str, Any] | None = None) -> QueryResult:
    """Run SPARQL text, or a shipped query by ``name``, with ``params`` bound as RDF terms."""
    if (sparql is None) == (name is None):
        raise KgError("give a SPARQL string or the name of a shipped query, not both")
    return store.query(query_text(name) if name else sparql, params)


def shipped_queries() -> dict[str, str]:
    """Name -> what the query answers, for every query kg ships."""
    return {name: query_description(name) for name in query_names()}


def validate_store(store: Store) -> list[Report]:
    """SHACL reports for each article graph, one graph at a time (never the whole store in memory)."""
    return [validate_graph(store.graph(g, with_actors=True), g) for g in store.article_graphs()]


def format_table(columns: list[str], rows: list[list], width: int = 60) -> str:
    """A plain-text table, long cells cut to ``width`` characters."""
    def cell(v: Any) -> str:
        text = "" if v is None else str(v).replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(v) for v in r] for r in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def oxigraph_binary() -> str:
    """The `oxigraph` server executable of the package installed beside pyoxigraph."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise KgError("the `oxigraph` server is not installed: pip install 'oxigraph==0.5.*'")
    return found


def server_command(location: str | os.PathLike | None = None, *, host: str = "127.0.0.1", port: int = 7878,
                   allow_update: bool = False) -> list[str]:
    from kg.remote import is_url

    if is_url(store_address(location)):
        raise StoreError(f"{location}: kg serve serves a store folder; this one is a server already")
    path = store_location(location)
    if not path.exists() and not allow_update:
        raise StoreError(f"no store at {path}: load something first (kg load / kg ingest)")
    mode = "serve" if allow_update else "serve-read-only"
    # queries see the union of the article graphs, as `kg query` does
    return [oxigraph_binary(), mode, "--location", str(path), "--bind", f"{host}:{port}", "--union-default-graph"]


def serve(location: str | os.PathLike | None = None, *, host: str = "127.0.0.1", port: int = 7878,
          allow_update: bool = False) -> int:
    """Run Oxigraph's HTTP server over the store until interrupted; returns its exit status."""
    command = server_command(location, host=host, port=port, allow_update=allow_update)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0


GRAPH_KINDS = ("statements", "accusations", "actor-abuse", "co-mentions")


def build_graph(store: Store, kind: str = "statements", *, since: str | None = None, until: str | None = None):
    """A networkx graph of the store: statements, accusations, actor-abuse or co-mentions."""
    from kg import analysis

    if kind == "statements":
        return analysis.statement_graph(store, since=since, until=until)
    if kind == "accusations":
        return analysis.accusation_graph(store, since=since, until=until)
    if kind == "actor-abuse":
        return analysis.actor_abuse_graph(store)
    if kind == "co-mentions":
        return analysis.co_mention_graph(store)
    raise KgError(f"unknown graph {kind!r}: one of {', '.join(GRAPH_KINDS)}")


def view(store: Store, output: str | os.PathLike, *, graph: str = "statements", focus: str | None = None,
         depth: int = 1, abuse: str | None = None, country: str | None = None, since: str | None = None,
         until: str | None = None) -> Path:
    """Write the interactive HTML view of one graph of the store, narrowed as asked."""
    from kg.viz import filter_graph, write_html

    g = filter_graph(build_graph(store, graph, since=since, until=until), focus=focus, depth=depth, abuse=abuse,
                     country=country)
    title = f"kg: {graph}" + (f" around {focus}" if focus else "") + (f", {abuse}" if abuse else "")
    return write_html(g, output, title=title)


def export_graph(store: Store, output: str | os.PathLike, fmt: str, *, graph: str = "statements") -> Path:
    """Write one graph as GraphML, GEXF or CSV (an edge list with the edges' attributes)."""
    import csv

    import networkx as nx

    g = build_graph(store, graph)
    plain = nx.MultiDiGraph() if g.is_multigraph() else nx.DiGraph() if g.is_directed() else nx.Graph()
    plain.add_nodes_from((n, {k: str(v) for k, v in d.items() if v is not None}) for n, d in g.nodes(data=True))
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    rows = []
    for u, v, key, d in edges:
        attrs = {k: (";".join(sorted(val)) if isinstance(val, dict) else val) for k, val in d.items() if val is not None}
        if key is not None:
            plain.add_edge(u, v, key=key, **attrs)
        else:
            plain.add_edge(u, v, **attrs)
        rows.append({"source": g.nodes[u].get("label", u), "target": g.nodes[v].get("label", v), **attrs})
    path = Path(output)
    if fmt == "graphml":
        nx.write_graphml(plain, path)
    elif fmt == "gexf":
        nx.write_gexf(plain, path)
    elif fmt == "csv":
        columns = sorted({k for r in rows for k in r} - {"source", "target"})
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, ["source", "target", *columns])
            writer.writeheader()
            writer.writerows(rows)
    else:
        raise KgError(f"unknown graph export format {fmt!r}: graphml, gexf or csv")
    return path


def explain(store: Store, node: str) -> dict[str, Any]:
    """The provenance trail of a statement, claim, figure, law or actor: its article(s), spans, rule, confidence.

    ``node`` is an IRI (with or without angle brackets) or, for an actor, a name or alias.
    """
    iri = node.strip("<>")
    if not iri.startswith(("http://", "https://", "urn:")):
        rows = store.query("SELECT DISTINCT ?node ?label WHERE { ?node a kg:Actor ; schema:name|skos:altLabel ?l . "
                           "FILTER (LCASE(STR(?l)) = LCASE(STR(?label))) }", {"label": node}).rows
        if not rows:
            raise KgError(f"no statement, claim or actor named {node!r} in the store")
        iri = rows[0][0]
    params = {"node": f"<{iri}>"}
    corrections = store.query("""
        SELECT ?c ?action ?value ?who ?when ?why ?node WHERE {
          ?c a kg:Correction ; kg:target ?node ; kg:action ?action ; prov:wasAssociatedWith ?who ;
             prov:endedAtTime ?when .
          OPTIONAL { ?c kg:value ?value } OPTIONAL { ?c rdfs:comment ?why }
        } ORDER BY ?when""", params).records()
    rows = store.query(query_text("explain-item"), params).records()
    if rows:
        return {"kind": rows[0]["type"], "node": iri, "rows": rows, "corrections": corrections}
    rows = store.query(query_text("explain-actor"), params).records()
    if rows:
        return {"kind": "Actor", "node": iri, "rows": rows, "corrections": corrections}
    raise KgError(f"nothing in the store is {iri}")


def suggest_merges(store: Store, threshold: float = 88.0) -> list[dict[str, Any]]:
    """Pairs of actors of the same kind whose names are probably the same (rapidfuzz), for a person to decide."""
    from rapidfuzz import fuzz, process

    rows = store.query("SELECT ?node (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) WHERE { ?node a kg:Actor ; "
                       "schema:name ?n . OPTIONAL { ?node a ?t . FILTER (?t != kg:Actor) } "
                       "FILTER NOT EXISTS { ?node dcterms:isReplacedBy ?other } } GROUP BY ?node").records()
    by_type: dict[str, list[dict]] = {}
    for r in rows:
        by_type.setdefault((r["type"] or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1], []).append(r)
    pairs = []
    for type_, group in by_type.items():
        if type_ in ("Country", "Government", "Group"):
            continue  # countries and governments are one node per ISO code already; groups are unnamed
        names = [r["name"] for r in group]
        for i, r in enumerate(group):
            for _, score, j in process.extract(r["name"], names, scorer=fuzz.token_set_ratio, limit=5):
                if (j > i and score >= threshold and names[i].casefold() != names[j].casefold()) or (
                        j > i and names[i].casefold() == names[j].casefold() and r["node"] != group[j]["node"]):
                    pairs.append({"type": type_, "a": r["name"], "b": names[j], "score": round(score, 1),
                                  "a_node": r["node"], "b_node": group[j]["node"]})
    return sorted(pairs, key=lambda p: (-p["score"], p["a"], p["b"]))


def resolve_surnames(store: Store) -> list[tuple[str, str]]:
    """Link a person known only by one name ("Holm") to the one person of the store whose full name ends with
    it ("Ivan Holm"), as a machine correction in the resolution graph (rule, confidence). A name shared by
    two full names stays unresolved: `kg actors --suggest-merges` lists it."""
    import pyoxigraph as ox

    from kg.curate import CURATED

    graph = CURATED + "resolution"
    # people merged away by a curator are left out; this rule's own earlier links are not (it runs again)
    rows = store.query("SELECT DISTINCT ?node ?name WHERE { ?node a schema:Person ; schema:name ?name . "
                       f"FILTER NOT EXISTS {{ GRAPH ?by {{ ?node dcterms:isReplacedBy ?x }} FILTER (?by != <{graph}>) }} }}").rows
    full: dict[str, set[str]] = {}
    for node, name in rows:
        if len(name.split()) > 1:
            full.setdefault(name.split()[-1].casefold(), set()).add(node)
    links = []
    for node, name in rows:
        if len(name.split()) == 1:
            targets = full.get(name.casefold(), set()) - {node}
            if len(targets) == 1:
                links.append((node, next(iter(targets))))
    replaced = ox.NamedNode("http://purl.org/dc/terms/isReplacedBy")
    triples = [ox.Triple(ox.NamedNode(a), replaced, ox.NamedNode(b)) for a, b in links]
    if triples:
        activity = ox.NamedNode(graph + "#surname-rule")
        triples += [ox.Triple(activity, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                              ox.NamedNode("http://www.w3.org/ns/prov#Activity")),
                    ox.Triple(activity, ox.NamedNode("https://w3id.org/kg/ontology#extractedBy"),
                              ox.Literal("resolve.surname")),
                    ox.Triple(activity, ox.NamedNode("https://w3id.org/kg/ontology#confidence"),
                              ox.Literal("0.8", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))]
    store.replace_graph(graph, triples)
    return links

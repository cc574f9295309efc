"""The library API that the command line and the notebooks call: open a store, load, query, validate, serve."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg import identity
from kg import ingestion as pipeline
from kg.endpoint import Policy, run
from kg.errors import KgError, StoreError
from kg.extract import extract_or_error
from kg.loaders import SUFFIXES, iter_files, load_path
from kg.records import ArticleRecord
from kg.remote import is_url, redact
from kg.resolved import expand
from kg.resources import QueryParam, query_description, query_names, query_params, query_text
from kg.store import LoadReport, QueryResult, Store, store_address, store_location
from kg.triples import record_to_graph
from kg.validate import Report, validate_graph


def accepts_path(read_only: bool):
    """Let a function whose first argument is a ``Store`` take a store's folder or URL as well (opened for the
    call and closed after it)."""
    def wrap(func):
        @functools.wraps(func)
        def call(store, *args, **kwargs):
            if isinstance(store, Store):
                return func(store, *args, **kwargs)
            with open_store(store, read_only=read_only) as opened:
                return func(opened, *args, **kwargs)

        return call

    return wrap


def extract_paths(paths: Iterable[str | os.PathLike]) -> Iterator[ArticleRecord | KgError]:
    """Article records of every file and folder given; an unreadable input yields its error instead.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> _ = path.write_text("Rights groups said the court jailed two bloggers.")
    >>> [record.article.id for record in extract_paths([path])]
    ['note']
    """
    for item in load_path(paths):  # the loaders walk the files; the extractor sees articles only
        yield item if isinstance(item, KgError) else extract_or_error(item)


def record_to_rdf(record: ArticleRecord, fmt: str = "ttl") -> str:
    """One record's triples as Turtle or JSON-LD text.

    >>> from kg.records import ArticleRecord
    >>> "schema:NewsArticle" in record_to_rdf(ArticleRecord.from_dict({"article": {"id": "a1"}}))
    True
    """
    return record_to_graph(record).serialize(format={"ttl": "turtle", "jsonld": "json-ld"}[fmt])


def count_files(paths: Iterable[str | os.PathLike]) -> int:
    return sum(1 for _ in iter_files(paths))


def count_articles(paths: Iterable[str | os.PathLike]) -> int:
    """How many articles the inputs hold, counted cheaply (for a progress bar): the non-blank lines of JSON Lines,
    the entries of feeds, one for any other file.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "One."}\\n\\n{"text": "Two."}\\n')
    >>> _ = (folder / "b.txt").write_text("Three.")
    >>> count_articles([folder])
    3
    """
    total = 0
    for path in iter_files(paths):
        kind = None if isinstance(path, KgError) else SUFFIXES.get(path.suffix.lower())
        try:
            if kind == "jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind == "feed":
                total += max(len(re.findall(rb"<(?:item|entry)[\s>]", path.read_bytes())), 1)
            else:
                total += 1
        except OSError:
            total += 1  # the ingest reports it
    return total


@accepts_path(read_only=False)
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
    report = report if report is not None else LoadReport()
    pipeline.ingest(store, paths, report, validate=validate, jobs=jobs, cluster=cluster, progress=progress)
    if report.loaded or report.skipped:
        resolve_surnames(store)  # also after a resumed ingest that had nothing left to store
    return report


def open_store(location: str | os.PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``location`` (else $KG_STORE, else ./kg-store); read-only stores must exist.

    >>> import tempfile
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     store.stats()["articles"]
    0
    """
    return Store(location, read_only=read_only)


@accepts_path(read_only=True)
def query(store: Store, sparql: str | None = None, *, name: str | None = None,
          params: dict[str, Any] | None = None, allow_service: bool = False) -> QueryResult:
    """Run SPARQL text, or a shipped query by ``name``, with ``params`` bound as RDF terms (never pasted in).

    A shipped query checks its parameters (``shipped_queries`` lists them): a missing required one or an
    unknown one is a ``KgError``. ``{{fragments}}`` of ``kg.resolved`` in SPARQL text are expanded, so a query
    of one's own reads the corrections as the shipped ones do. ``store`` may be a store or its folder/URL.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> open_store(folder).close()  # an empty store
    >>> query(folder, name="who-said-what").rows
    []
    >>> query(folder, name="statements-about")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: query 'statements-about' needs --param actor=... (the actor (a name or alias, any case))
    """
    if (sparql is None) == (name is None):
        raise KgError("give a SPARQL string or the name of a shipped query, not both")
    if name:
        return store.query(query_text(name), bind_params(name, params or {}), allow_service=allow_service)
    return store.query(expand(sparql), params, allow_service=allow_service)


def bind_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """The variables that the parameters of shipped query ``name`` bind; a missing required parameter or an
    unknown one is a ``KgError`` in one line.

    >>> bind_params("statements-about", {"actor": "Russia", "speaker": "U.S. Department of State"})
    {'actor': 'Russia', 'by': 'U.S. Department of State'}
    """
    declared = query_params(name)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        takes = ", ".join(declared) or "no parameters"
        raise KgError(f"query {name!r} has no parameter {unknown[0]!r}; it takes: {takes}")
    for p in declared.values():
        if p.required and params.get(p.name) in (None, ""):
            raise KgError(f"query {name!r} needs --param {p.name}=... ({p.help})")
    return {declared[k].variable: v for k, v in params.items()}


def shipped_queries() -> dict[str, str]:
    """Name -> what the query answers, for every query kg ships.

    >>> shipped_queries()["who-said-what"].startswith("Who said what")
    True
    """
    return {name: query_description(name) for name in query_names()}


def shipped_query_params(name: str) -> dict[str, QueryParam]:
    """The parameters of one shipped query, by name (with whether each is required and what it means).

    >>> [(p.name, p.required) for p in shipped_query_params("statements-about").values()]
    [('actor', True), ('speaker', False)]
    """
    return query_params(name)


@accepts_path(read_only=True)
def validate_store(store: Store) -> list[Report]:
    """SHACL reports for each article graph, one graph at a time (never the whole store in memory).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> open_store(folder).close()
    >>> validate_store(folder)
    []
    """
    return [validate_graph(store.graph(g, with_actors=True), g) for g in store.article_graphs()]


def oxigraph_binary() -> str:
    """The `oxigraph` server executable of the package installed beside pyoxigraph."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise KgError("the `oxigraph` server is not installed: pip install 'oxigraph==0.5.*'")
    return found


def server_command(location: str | os.PathLike | None = None, *, host: str = "127.0.0.1", port: int = 7878,
                   allow_update: bool = False, timeout: float = 60.0) -> list[str]:
    """The command line of Oxigraph's server over the store (``kg serve`` runs it on a private port, behind its front)."""
    if is_url(store_address(location)):
        raise StoreError(f"{redact(store_address(location))}: kg serve serves a store folder; this one is a server already")
    path = store_location(location)
    if not path.exists() and not allow_update:
        raise StoreError(f"no store at {path}: load something first (kg load / kg ingest)")
    mode = "serve" if allow_update else "serve-read-only"
    # queries see the union of the article graphs, as `kg query` does
    return [oxigraph_binary(), mode, "--location", str(path), "--bind", f"{host}:{port}", "--union-default-graph",
            "--timeout-s", str(max(1, round(timeout)))]


def serve(location: str | os.PathLike | None = None, *, host: str = "127.0.0.1", port: int = 7878,
          allow_update: bool = False, allow_service: bool = False, allow_origins: tuple[str, ...] = (),
          timeout: float = 60.0, max_query_bytes: int = 1_000_000, max_upload_bytes: int = 512_000_000) -> int:
    """Serve the store as a SPARQL endpoint until SIGTERM or Ctrl-C; returns the exit status. Oxigraph's server
    listens on a private loopback port behind ``kg.endpoint``'s front, which refuses what it must not see."""
    server_command(location, allow_update=allow_update)  # a missing store is an error before anything starts
    policy = Policy(("127.0.0.1", 0), host, port, allow_update=allow_update, allow_service=allow_service,
                    allow_origins=allow_origins, max_query_bytes=max_query_bytes, max_upload_bytes=max_upload_bytes,
                    timeout=timeout)
    return run(lambda inner: server_command(location, port=inner, allow_update=allow_update, timeout=timeout), policy)


GRAPH_KINDS = ("statements", "accusations", "actor-abuse", "co-mentions")


@accepts_path(read_only=True)
def build_graph(store: Store, kind: str = "statements", *, since: str | None = None, until: str | None = None):
    """A networkx graph of the store: statements, accusations, actor-abuse or co-mentions.

    ``store`` may be a store or its folder/URL (as for every function here taking a store). The examples of
    this module use ``store``, a store holding a few articles (the tests provide one).

    >>> g = build_graph(store, "statements")
    >>> g.number_of_edges() > 0
    True
    """
    from kg import analysis  # lazy: networkx takes a quarter of a second to import, and only graphs need it

    if kind == "statements":
        return analysis.statement_graph(store, since=since, until=until)
    if kind == "accusations":
        return analysis.accusation_graph(store, since=since, until=until)
    if kind == "actor-abuse":
        return analysis.actor_abuse_graph(store)
    if kind == "co-mentions":
        return analysis.co_mention_graph(store)
    raise KgError(f"unknown graph {kind!r}: one of {', '.join(GRAPH_KINDS)}")


@accepts_path(read_only=True)
def view(store: Store, output: str | os.PathLike, *, graph: str = "statements", focus: str | None = None,
         depth: int = 1, abuse: str | None = None, country: str | None = None, since: str | None = None,
         until: str | None = None) -> Path:
    """Write the interactive HTML view of one graph of the store, narrowed as asked.

    >>> import tempfile
    >>> view(store, tempfile.mkdtemp() + "/view.html", focus="Azerbaijan").suffix
    '.html'
    """
    from kg import analysis  # lazy, as in build_graph: networkx
    from kg.viz import filter_graph, write_html  # lazy: networkx

    if graph == "statements":  # with what the page shows: the sentences, claims and countries of actors
        g = analysis.statement_graph(store, since=since, until=until, details=True)
    elif graph == "accusations":  # an edge per abuse and stance, denials apart
        g = analysis.claim_graph(store, since=since, until=until)
    else:
        g = build_graph(store, graph, since=since, until=until)
    g = filter_graph(g, focus=focus, depth=depth, abuse=abuse, country=country)
    title = f"kg: {graph}" + (f" around {focus}" if focus else "") + (f", {abuse}" if abuse else "")
    return write_html(g, output, title=title)


@accepts_path(read_only=True)
def export_graph(store: Store, output: str | os.PathLike, fmt: str, *, graph: str = "statements") -> Path:
    """Write one graph as GraphML, GEXF or CSV (an edge list with the edges' attributes).

    >>> import tempfile
    >>> path = export_graph(store, tempfile.mkdtemp() + "/edges.csv", "csv")
    >>> path.read_text().splitlines()[0].startswith("source,target")
    True
    """
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


@accepts_path(read_only=True)
def explain(store: Store, node: str) -> dict[str, Any]:
    """The provenance trail of a statement, claim, figure, law or actor: its article(s), spans, rule, confidence.

    ``node`` is an IRI (with or without angle brackets) or, for an actor, a name or alias.

    >>> explain(store, "Lena Marsh")["kind"]
    'Actor'
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


@accepts_path(read_only=True)
def suggest_merges(store: Store, threshold: float = 88.0) -> list[dict[str, Any]]:
    """Pairs of actors of the same kind whose names are probably the same, for a person to decide
    (``kg.identity.suggest_merges``).

    >>> sorted(sorted((p["a"], p["b"])) for p in suggest_merges(store))
    [['Lena A. Marsh', 'Lena Marsh']]
    """
    return identity.suggest_merges(store, threshold)


def resolve_surnames(store: Store) -> list[tuple[str, str]]:
    """Link people known by one name to the one full name that ends with it (``kg.identity.resolve_surnames``)."""
    return identity.resolve_surnames(store)

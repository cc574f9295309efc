"""The store: one named graph per article, in an embedded Oxigraph folder or on a SPARQL 1.1 server (the backends of
``kg.backend``; the logic here is the same for both).

An article's graph is replaced atomically, so loading the same record twice changes nothing and a failure leaves
what was stored before intact. Queries see the union of the named graphs as their default graph. Parameters of a
query are bound as RDF terms (SEP-0007 substitutions, or a VALUES block for variables the SELECT does not
list and on remote stores), never pasted into its text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import os
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.backend import Backend, open_backend
from kg.embedded import JOURNAL_GRAPH
from kg.errors import KgError, QueryError, RecordError, StoreError
from kg.guard import check_query
from kg.prepared import PreparedArticle, prepare
from kg.records import ArticleRecord, read_record_lines
from kg.resources import ontology_graph
from kg.terms import json_term, rdflib_triple, to_python, to_quad, to_term
from kg.triples import article_graph
from kg.vocab import ACTORS_GRAPH, ARTICLE_GRAPH_BASE, CURATED_BASE, KG, ONTOLOGY_GRAPH, PREFIXES, sparql_prefixes

DEFAULT_STORE = "kg-store"
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD, "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML,
}
FILE_GRAPH_BASE = "https://w3id.org/kg/graph/file/"
KG_GRAPHS = "https://w3id.org/kg/graph/"  # the store's own graphs live here, beside the article and file graphs
WRITE_WAIT = 5.0  # seconds an article may wait for its batch: a slow ingest still shows its progress

log = logging.getLogger(__name__)


def store_address(location: str | os.PathLike | None = None) -> str:
    """Explicit argument first, then $KG_STORE, then ./kg-store: a folder, or a server's URL."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_STORE)


def store_location(location: str | os.PathLike | None = None) -> Path:
    """The store folder (see ``store_address``)."""
    return Path(store_address(location))


@dataclass
class LoadReport:
    """What a load did: graphs written, and the errors of the records or files it refused."""

    loaded: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged since the last ingest

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class QueryResult:
    """A SELECT result as plain Python values (str, int, float, bool, or None for unbound)."""

    columns: list[str]
    rows: list[list[Any]]
    terms: list[list[Any]] | None = field(default=None, repr=False, compare=False)  # the RDF terms, for to_sparql_json

    def records(self) -> list[dict[str, Any]]:
        """One dict a row, column -> value.

        >>> QueryResult(["name"], [["Amnesty International"]]).records()
        [{'name': 'Amnesty International'}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_pandas(self):
        """The rows as a pandas DataFrame (``pip install 'kg[notebook]'`` brings pandas).

        >>> QueryResult(["name", "made"], [["Amnesty International", 3]]).to_pandas().shape
        (1, 2)
        """
        try:
            import pandas as pd
        except ImportError:
            raise KgError("QueryResult.to_pandas needs pandas: pip install 'kg[notebook]'") from None
        return pd.DataFrame(self.rows, columns=self.columns)

    def to_sparql_json(self) -> dict[str, Any]:
        """The result in the W3C SPARQL 1.1 Query Results JSON format (IRIs, typed and tagged literals kept).

        >>> QueryResult(["n"], [["x"]], [[ox.Literal("x")]]).to_sparql_json()["results"]["bindings"]
        [{'n': {'type': 'literal', 'value': 'x'}}]
        """
        terms = self.terms if self.terms is not None else [[to_term(v) if v is not None else None for v in r]
                                                           for r in self.rows]
        return {"head": {"vars": list(self.columns)},
                "results": {"bindings": [{c: json_term(t) for c, t in zip(self.columns, row, strict=True) if t is not None}
                                         for row in terms]}}


class Store:
    """A kg store: a directory (``Store("kg-store")``, ``Store(read_only=True)`` for queries) holding an embedded
    Oxigraph, or the URL of a SPARQL 1.1 server (``Store("http://127.0.0.1:7878")``, see ``kg.remote``). Which of the
    two is ``kg.backend.open_backend``'s choice; the store's logic is the same over both."""

    def __init__(self, location: str | os.PathLike | None = None, *, read_only: bool = False,
                 create: bool = True):
        self.read_only = read_only
        self._backend: Backend | None = open_backend(store_address(location), read_only=read_only, create=create)
        self.path = self._backend.path  # a folder, or a server's URL without its user and password
        self.recovered: list[str] = self._backend.recovered
        self._ontology_checked = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        backend, self._backend = self._backend, None
        if backend is None:
            return
        if not self.read_only:
            with contextlib.suppress(OSError, StoreError):
                backend.flush()
        backend.close()

    @property
    def backend(self) -> Backend:
        """Where the quads are: the embedded Oxigraph or the server (``StoreError`` once the store is closed)."""
        if self._backend is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._backend

    @property
    def remote(self) -> bool:
        """True for a store on a SPARQL server."""
        return self.backend.remote

    @property
    def oxigraph(self) -> Any:
        """The underlying pyoxigraph store, for bulk work (on a server: its client, which has the reading methods)."""
        return self._backend.oxigraph if self._backend is not None else None

    # -- writing ------------------------------------------------------------------------------
    def _write_ontology(self) -> None:
        if self._ontology_checked:
            return
        self._ontology_checked = True
        self.replace_graph(ONTOLOGY_GRAPH, ontology_graph())

    def replace_graph(self, graph: URIRef | str, triples: Iterable) -> int:
        """Make named graph ``graph`` hold exactly ``triples`` (rdflib or pyoxigraph), in one transaction."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        g = ox.NamedNode(str(graph))
        quads = [to_quad(t, g) for t in triples]
        self.backend.replace_graph(g, quads)
        return len(quads)

    def remove_graph(self, graph: URIRef | str) -> None:
        g = ox.NamedNode(str(graph))
        if self.backend.contains_named_graph(g):
            self.backend.remove_graph(g)

    def put_record(self, record: ArticleRecord, validate: bool = True) -> URIRef:
        """Store one record as its article's graph, replacing what was there; returns the graph IRI.

        With ``validate`` the graph is checked against the SHACL shapes first, and a record that
        breaks them raises ``RecordError`` before the store is touched.
        """
        return self.put_prepared(prepare(record, validate))

    def put_prepared(self, prepared: PreparedArticle) -> URIRef:
        """Store an article's triples made by ``prepare`` (in this process or in a worker)."""
        self._write_ontology()
        self.add_shared(ox.parse(prepared.shared, ox.RdfFormat.N_TRIPLES))
        name = article_graph(prepared.article_id)
        self.replace_graph(name, ox.parse(prepared.own, ox.RdfFormat.N_TRIPLES))
        return name

    def add_shared(self, triples: Iterable) -> None:
        """Add descriptions of shared nodes (actors, countries) to the actors graph; adding twice is a no-op."""
        self.backend.extend([to_quad(t, ox.NamedNode(str(ACTORS_GRAPH))) for t in triples])

    def load_records(self, items: Iterable[ArticleRecord | PreparedArticle | KgError], validate: bool = True,
                     report: LoadReport | None = None) -> LoadReport:
        """Store each record (an error in the stream, or a record the store refuses, is noted and the rest go
        on). A record's error names its source file and line when the record knows them. Articles are written in
        batches (see ``_write_batch``); ``report.loaded`` grows as each batch is stored."""
        report = report if report is not None else LoadReport()
        batch: list[PreparedArticle] = []
        in_batch: set[str] = set()  # the article ids of ``batch``
        most = self.backend.max_batch
        started, size = time.monotonic(), min(8, most)  # batches grow to the most: the first articles show up soon
        for item in items:
            if isinstance(item, KgError):
                report.errors.append(str(item))
                continue
            try:
                prepared = item if isinstance(item, PreparedArticle) else prepare(item, validate)
            except RecordError as err:
                report.errors.append(str(RecordError(err.reason, err.source or item.source)))
                continue
            if prepared.article_id in in_batch:
                self._write_batch(batch, report)  # the same article twice: the later one replaces the first
                in_batch.clear()
            if not batch:
                started = time.monotonic()
            batch.append(prepared)
            in_batch.add(prepared.article_id)
            if len(batch) >= size or time.monotonic() - started > WRITE_WAIT:
                self._write_batch(batch, report)
                in_batch.clear()
                size = min(2 * size, most)
        self._write_batch(batch, report)
        return report

    def _write_batch(self, batch: list[PreparedArticle], report: LoadReport) -> None:
        """Store prepared articles and empty ``batch``. Graphs the store does not hold yet go in bulk where the backend
        can (the embedded one: Oxigraph's bulk loader in one call, under its journal); a graph that replaces one
        stored before is written in a transaction of its own, and so is every article the bulk write left out."""
        if not batch:
            return
        self._write_ontology()
        graphs = [ox.NamedNode(str(article_graph(p.article_id))) for p in batch]
        written = self.backend.bulk_write([(g, p.own, p.shared) for p, g in zip(batch, graphs, strict=True)],
                                          ox.NamedNode(str(ACTORS_GRAPH)))
        for p, g in zip(batch, graphs, strict=True):
            if g not in written:
                self.put_prepared(p)
            report.loaded.append(p.article_id)
        batch.clear()

    def load_file(self, path: str | os.PathLike, validate: bool = True) -> LoadReport:
        """Load a records file (.jsonl/.json) or an RDF file (.ttl, .nt, .trig, .nq, .jsonld, .rdf)."""
        path = Path(path)
        suffix = path.suffix.lower().lstrip(".")
        if suffix in ("jsonl", "json", "ndjson"):
            return self._load_records_file(path, validate)
        if suffix in RDF_FORMATS:
            return self.load_rdf(path, RDF_FORMATS[suffix])
        raise KgError(f"{path}: unknown kind of file (expected .jsonl records or an RDF file)")

    def _load_records_file(self, path: Path, validate: bool) -> LoadReport:
        def located():  # each record carries its file and line, for the errors
            for lineno, item in read_record_lines(path):
                if isinstance(item, RecordError):
                    yield item
                else:
                    yield dataclasses.replace(item, article=dataclasses.replace(item.article, source=f"{path}:{lineno}"))

        return self.load_records(located(), validate)

    def load_rdf(self, path: str | os.PathLike, fmt: ox.RdfFormat | None = None, *, curated: bool = False) -> LoadReport:
        """Load an RDF file; each named graph in it replaces the store's graph of that name.

        A file may write article graphs and graphs of its own, never the store's own graphs (actors, ontology,
        journal, corrections: ``curated`` lets ``kg curate apply`` write corrections), except into an empty store
        (a whole ``kg export`` restored); a file naming one is refused whole, nothing stored.

        Triples outside any named graph go to a graph named after the file. The whole file is parsed
        before anything is written, so a syntax error (reported with its line) stores nothing. A file
        whose graphs are all new goes through Oxigraph's bulk loader under a journal: if the process
        dies midway, the next opening of the store removes the partly loaded graphs.
        """
        path = Path(path)
        fmt = fmt or RDF_FORMATS.get(path.suffix.lower().lstrip("."))
        if fmt is None:
            raise KgError(f"{path}: unknown RDF format")
        default = ox.NamedNode(FILE_GRAPH_BASE + urllib.parse.quote(path.name, safe=""))
        base_iri = path.resolve().as_uri()
        names: set = set()
        try:  # first pass: syntax and graph names only
            with path.open("rb") as handle:
                for q in ox.parse(handle, fmt, base_iri=base_iri):
                    names.add(default if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name)
        except SyntaxError as err:
            raise KgError(f"{path}: {err}") from None
        except OSError as err:
            raise KgError(f"{path}: cannot read: {err.strerror or err}") from None
        refused = self._refused_graph(names, curated)
        if refused:
            return LoadReport(errors=[f"{path}: {refused}; nothing was loaded"])
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        self._write_ontology()
        self.backend.load_file(path, fmt, base_iri, default, names)
        return LoadReport(loaded=sorted(g.value for g in names))

    def _refused_graph(self, names: set, curated: bool) -> str | None:
        """Why a file naming these graphs may not be loaded (None: it may)."""
        if any(isinstance(g, ox.BlankNode) for g in names):
            return "a graph is named by a blank node (kg stores named graphs with IRIs only)"
        own = sorted(g.value for g in names if g.value.startswith(KG_GRAPHS) and not g.value.startswith(
            (ARTICLE_GRAPH_BASE, FILE_GRAPH_BASE)) and not (curated and g.value.startswith(CURATED_BASE)))
        if not own:
            return None
        if JOURNAL_GRAPH.value not in own and not self._has_graphs():
            return None  # a whole export into an empty store: nothing there to damage
        return (f"it names the store's own graph <{own[0]}>, which only the store writes "
                "(kg load writes article graphs; corrections go through kg curate apply)")

    def _has_graphs(self) -> bool:
        return any(g != ox.NamedNode(str(ONTOLOGY_GRAPH)) for g in self.backend.named_graphs())

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, params: dict[str, Any] | None = None, *, with_prefixes: bool = True,
              allow_service: bool = False):
        """Run SPARQL over the union of the graphs; ``params`` bind variables to values.

        SELECT gives a ``QueryResult``, ASK a bool, CONSTRUCT/DESCRIBE a list of pyoxigraph triples. Text nested
        too deep, or using SERVICE unless ``allow_service``, is refused before parsing (see ``kg.guard``).
        """
        substitutions = _substitutions(params)
        _check_text("the query", sparql)
        check_query(sparql, allow_service=allow_service)
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if with_prefixes else None
        try:
            result = self.backend.query(sparql, use_default_graph_as_union=True, substitutions=substitutions or None,
                                        prefixes=prefixes)
            if isinstance(result, ox.QuerySolutions) or hasattr(result, "variables"):  # remote: read already
                columns = [v.value for v in result.variables]
                terms = [[sol[c] for c in columns] for sol in result]
                return QueryResult(columns, [[to_python(t) for t in row] for row in terms], terms)
            return bool(result) if isinstance(result, (ox.QueryBoolean, bool)) else list(result)
        except SyntaxError as err:
            raise QueryError(f"the SPARQL query is malformed: {err}") from None
        except (OSError, RuntimeError, ValueError) as err:  # also what breaks while the results are read
            raise QueryError(f"the query failed: {err}") from None

    def has_content(self, article_id: str, digest: str) -> bool:
        """True when the store holds this article with exactly this text already."""
        graph = ox.NamedNode(str(article_graph(article_id)))
        return any(True for _ in self.backend.quads_for_pattern(None, ox.NamedNode(str(KG.contentHash)),
                                                             ox.Literal(digest), graph))

    def quads(self, subject=None, predicate=None, object=None, graph=None) -> Iterator[ox.Quad]:
        """The quads matching a pattern of pyoxigraph terms (None matches anything), from every graph."""
        return self.backend.quads_for_pattern(subject, predicate, object, graph)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return self.backend.named_graphs()

    def article_graphs(self) -> list[str]:
        return sorted(g.value for g in self.backend.named_graphs() if g.value.startswith(ARTICLE_GRAPH_BASE))

    def graph(self, name: str | URIRef, with_actors: bool = False) -> Graph:
        """One named graph as an in-memory rdflib graph (for validation or inspection).

        ``with_actors`` adds the descriptions, from the actors graph, of the nodes it refers to.
        """
        g = Graph()
        graph = ox.NamedNode(str(name))
        for q in self.backend.quads_for_pattern(None, None, None, graph):
            g.add(rdflib_triple(q))
        if with_actors:
            actors = ox.NamedNode(str(ACTORS_GRAPH))
            nodes = {o for o in g.objects() if isinstance(o, URIRef)} | {s for s in g.subjects() if isinstance(s, URIRef)}
            for node in nodes:
                for q in self.backend.quads_for_pattern(ox.NamedNode(str(node)), None, None, actors):
                    g.add(rdflib_triple(q))
        return g

    def stats(self) -> dict[str, int]:
        counts = self.query(sparql_prefixes() + """
            SELECT
              (COUNT(DISTINCT ?article) AS ?articles)
              (COUNT(DISTINCT ?actor) AS ?actors)
              (COUNT(DISTINCT ?statement) AS ?statements)
              (COUNT(DISTINCT ?claim) AS ?claims)
              (COUNT(DISTINCT ?law) AS ?laws)
              (COUNT(DISTINCT ?figure) AS ?figures)
            WHERE {
              { ?article a schema:NewsArticle } UNION { ?actor a kg:Actor } UNION
              { ?statement a kg:Statement } UNION { ?claim a kg:AbuseClaim } UNION
              { ?law a schema:Legislation } UNION { ?figure a kg:Figure }
            }""", with_prefixes=False).records()[0]
        counts["graphs"] = sum(1 for _ in self.backend.named_graphs())
        counts["quads"] = len(self.backend)
        return counts

    def export(self, out: IO[bytes] | str | os.PathLike, fmt: str = "trig") -> None:
        """Write the whole store: dataset formats keep the named graphs, Turtle/N-Triples merge them."""
        rdf_format = RDF_FORMATS.get(fmt.lower())
        if rdf_format is None:
            raise KgError(f"unknown export format {fmt!r}")
        target = str(out) if isinstance(out, (str, os.PathLike)) else out
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        try:
            if rdf_format.supports_datasets:
                self.backend.dump(target, rdf_format, prefixes=prefixes if rdf_format != ox.RdfFormat.N_QUADS else None)
            else:
                triples = self.backend.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
                ox.serialize(triples, target, rdf_format,
                             prefixes=prefixes if rdf_format == ox.RdfFormat.TURTLE else None)
        except OSError as err:
            raise KgError(f"cannot write the export: {err}") from None

    def export_bytes(self, fmt: str = "trig") -> bytes:
        buf = io.BytesIO()
        self.export(buf, fmt)
        return buf.getvalue()


def _check_text(what: str, text: str) -> None:
    """Refuse text that is not Unicode (bytes a terminal passed through undecoded), naming where it came from."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise QueryError(f"{what} is not valid UTF-8 (at character {err.start})") from None


def _substitutions(params: dict[str, Any] | None) -> dict:
    """Query parameters as pyoxigraph variables and terms; a name that is no SPARQL variable, or a value that is not
    text, is a clear error."""
    out = {}
    for key, value in (params or {}).items():
        name = str(key).lstrip("?$")
        try:
            variable = ox.Variable(name)
        except ValueError:
            raise QueryError(f"parameter {key!r} is not a SPARQL variable name (letters, digits and _)") from None
        if isinstance(value, str):
            _check_text(f"the value of parameter {name!r}", value)
        try:
            out[variable] = to_term(value)
        except (ValueError, TypeError) as err:
            raise QueryError(f"the value of parameter {name!r} cannot be bound: {err}") from None
    return out

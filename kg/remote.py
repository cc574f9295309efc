"""The store's backend on a SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, Virtuoso) over HTTP: the interface
of ``kg.backend`` (pyoxigraph's ``Store`` methods that kg uses, and the store's own writes), so the store logic is
the same for both backends.

Reads go through the SPARQL 1.1 Protocol, writes through the Graph Store Protocol (a graph is replaced
by one PUT, which servers run as one transaction) and SPARQL Update. Query parameters are bound with a
``VALUES`` block placed at the start of each ``WHERE`` group (``kg.sparql.bind_values``).
"""

from __future__ import annotations

import io
import json
import os
import re
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.sparql import bind_values, query_form, selects_distinct


@dataclass(frozen=True)
class Layout:
    """Where a server kind keeps its endpoints, relative to the URL the user gives, and how a query asks
    for the union of the named graphs as its default graph."""

    query: str
    update: str
    graphs: str
    union: tuple[tuple[str, str], ...]
    form: bool = False  # queries sent as an HTML form (query=…), not as application/sparql-query
    hidden: tuple[str, ...] = ()  # graphs the server keeps for itself, left out of kg's reads
    rewrites: tuple[tuple[str, str], ...] = ()  # (pattern, replacement) for what the server's SPARQL cannot parse


LAYOUTS = {
    # oxigraph serve --location DIR: http://host:7878
    "oxigraph": Layout("/query", "/update", "/store", (("union-default-graph", ""),)),
    # Fuseki dataset: http://host:3030/DATASET
    "fuseki": Layout("/query", "/update", "/data", (("default-graph-uri", "urn:x-arq:UnionGraph"),)),
    # GraphDB repository: http://host:7200/repositories/REPO (its default graph is the union already)
    "graphdb": Layout("", "/statements", "/rdf-graphs/service", ()),
    # Virtuoso: http://host:8890?layout=virtuoso (its default graph is the union already; writes go to the -auth
    # endpoints, which ask for Digest authentication by a user granted SPARQL_UPDATE)
    "virtuoso": Layout("/sparql", "/sparql-auth", "/sparql-graph-crud-auth", (), form=True,
                       hidden=("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/"),
                       # Virtuoso 7.2 fails on an aggregate inside COALESCE ("Bad dfe in sqlo_place_exp"); the same
                       # value when the first variable is bound on every row of the group or on none (kg's queries)
                       rewrites=((r"COALESCE\(\s*SAMPLE\((\?\w+)\)\s*,\s*SAMPLE\((\?\w+)\)\s*\)",
                                  r"SAMPLE(COALESCE(\1, \2))"),)),
}

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"


def is_url(location: Any) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def split_location(url: str) -> tuple[str, Layout]:
    """``http://host:port/path[?layout=fuseki]`` -> (base URL, layout). GraphDB is recognised by its
    ``/repositories/`` path, anything else is taken for an Oxigraph server unless ``layout`` says."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as err:
        raise StoreError(f"{url}: not a server address ({err})") from None
    options = dict(urllib.parse.parse_qsl(parts.query))
    kind = options.get("layout") or ("graphdb" if "/repositories/" in parts.path else "oxigraph")
    if kind not in LAYOUTS:
        raise StoreError(f"{url}: unknown server layout {kind!r} (known: {', '.join(LAYOUTS)})")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
    return base, LAYOUTS[kind]


class AnyAuth(httpx.Auth):
    """HTTP authentication by the scheme the server asks for: Basic or Digest (read from its first 401)."""

    def __init__(self, user: str, password: str):
        self._basic, self._digest = httpx.BasicAuth(user, password), httpx.DigestAuth(user, password)
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request):
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        self._chosen = self._digest if challenge.startswith("digest") else self._basic
        yield from self._chosen.auth_flow(request)


def credentials(url: str) -> tuple[str, str] | None:
    """User and password for a store: from the URL (``http://user:password@host/``), else from $KG_STORE_USER and
    $KG_STORE_PASSWORD."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None  # not an address: split_location says so
    if parts.username is not None:
        return urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")
    user = os.environ.get("KG_STORE_USER")
    return (user, os.environ.get("KG_STORE_PASSWORD", "")) if user else None


def redact(url: str) -> str:
    """The URL without its user and password, for messages."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return re.sub(r"//[^/@]*@", "//", url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


class RemoteBackend:
    """HTTP client for one SPARQL store, with the methods of ``pyoxigraph.Store`` that kg calls and the store's writes
    (see ``kg.backend``)."""

    remote = True
    max_batch = 1  # each article is written as it comes: one PUT a graph, no bulk loader to share

    def __init__(self, url: str, timeout: float = 300.0):
        shown = redact(url)
        login = credentials(url)
        self.url, self.layout = split_location(shown)
        self.path = self.url  # where, in messages: without a user and password
        self.recovered: list[str] = []  # every request is committed by the server when it answers: nothing to recover
        try:
            parts = urllib.parse.urlsplit(self.url)
            parts.port  # noqa: B018 -- a port that is not a number raises here
        except ValueError as err:
            raise StoreError(f"{shown}: not a server address ({err})") from None
        if not parts.hostname or re.search(r"[\s<>\"{}|\\^`]", self.url):
            raise StoreError(f"{shown}: not a server address")
        self._secret = login[1] if login and login[1] else None
        self._client = httpx.Client(auth=AnyAuth(*login) if login else None, timeout=httpx.Timeout(timeout, connect=30),
                                    follow_redirects=False)

    # -- HTTP -------------------------------------------------------------------------------------
    def _hide(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text

    def _request(self, method: str, endpoint: str, params: Iterable[tuple[str, str]] = (), body: bytes | None = None,
                 headers: dict[str, str] | None = None) -> tuple[str, bytes]:
        try:
            response = self._client.request(method, self.url + endpoint, params=list(params), content=body,
                                            headers=headers or {})
        except httpx.TimeoutException:
            raise StoreError(f"cannot reach the SPARQL store at {self.url}: timed out") from None
        except (httpx.HTTPError, OSError) as err:
            reason = self._hide(str(err.__context__ or err) or type(err).__name__)
            raise StoreError(f"cannot reach the SPARQL store at {self.url}: {reason}") from None
        if response.status_code >= 400:
            raise self._error(method, endpoint, response)
        return response.headers.get("Content-Type", "").split(";")[0].strip().lower(), response.content

    def _error(self, method: str, endpoint: str, response: httpx.Response) -> StoreError:
        message = response.text.strip().splitlines()
        detail = self._hide(message[0][:300] if message else response.reason_phrase)
        if response.status_code == 401:
            detail += (" (wrong user or password)" if self._client.auth else
                       " (give a user and password: http://USER:PASSWORD@HOST/…, or $KG_STORE_USER and $KG_STORE_PASSWORD)")
        elif response.status_code in (403, 405) and method != "GET":
            detail += " (the server refuses writes: is it read-only? `kg serve --allow-update` starts a writable one)"
        error = QueryError if response.status_code == 400 and endpoint == self.layout.query else StoreError
        return error(f"the SPARQL store at {self.url} answered {response.status_code} to {method} "
                     f"{endpoint or '/'}: {detail}")

    @property
    def oxigraph(self) -> RemoteBackend:
        """What stands for the pyoxigraph store: this client, which has its reading methods."""
        return self

    def close(self) -> None:
        self._client.close()

    def _update(self, text: str) -> None:
        self._request("POST", self.layout.update, body=text.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update"})

    def _select(self, text: str) -> list:
        result = self.query(text, use_default_graph_as_union=False)
        if not hasattr(result, "variables"):
            raise StoreError(f"the SPARQL store at {self.url} answered a SELECT with no solutions table")
        return result

    # -- the pyoxigraph.Store methods kg uses --------------------------------------------------------
    def query(self, query: str, *, use_default_graph_as_union: bool = False,
              substitutions: dict[ox.Variable, Any] | None = None, prefixes: dict[str, str] | None = None):
        text = bind_values(query, substitutions or {})
        if prefixes:
            declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", text)}
            text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items() if p.lower() not in declared) + text
        for pattern, replacement in self.layout.rewrites:
            text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
        params = list(self.layout.union) if use_default_graph_as_union else []
        graph_form = query_form(text) in ("CONSTRUCT", "DESCRIBE")
        accept = f"{N_TRIPLES}, text/turtle;q=0.8" if graph_form else f"{RESULTS_JSON}, {N_TRIPLES};q=0.5"
        if self.layout.form:
            body, content_type = urllib.parse.urlencode([("query", text)]).encode(), "application/x-www-form-urlencoded"
        else:
            body, content_type = text.encode("utf-8"), "application/sparql-query"
        kind, data = self._request("POST", self.layout.query, params, body, {"Content-Type": content_type,
                                                                            "Accept": accept})
        try:
            if kind in (RESULTS_JSON, "application/json"):
                return _solutions(ox.parse_query_results(_standard_json(data), ox.QueryResultsFormat.JSON),
                                  distinct=selects_distinct(text))
            if kind in (N_TRIPLES, "text/plain"):
                return list(ox.parse(data, ox.RdfFormat.N_TRIPLES))
            if kind == "text/turtle":
                return list(ox.parse(data, ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"the SPARQL store at {self.url} answered a query with what is not SPARQL results: "
                             f"{str(err)[:200]}") from None
        raise StoreError(f"the SPARQL store at {self.url} answered a query with {kind or 'no content type'}")

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", substitutions={ox.Variable("g"): graph}))

    def _visible(self) -> str:
        """A FILTER leaving out the graphs the server keeps for itself (none on most servers)."""
        return "".join(f' FILTER (!STRSTARTS(STR(?g), "{prefix}"))' for prefix in self.layout.hidden)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        for solution in self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{self._visible()} }}"):
            yield solution["g"]

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        bound = {ox.Variable(n): t for n, t in (("s", subject), ("p", predicate), ("o", object), ("g", graph_name))
                 if t is not None}
        for sol in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{self._visible()} }}",
                              substitutions=bound):
            yield ox.Quad(sol["s"], sol["p"], sol["o"], sol["g"])

    def replace_graph(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``: one Graph Store Protocol PUT, which the server runs atomically."""
        self._request("PUT", self.layout.graphs, [("graph", graph.value)], _ntriples(quads),
                      {"Content-Type": N_TRIPLES})

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        by_graph: dict[Any, list[ox.Quad]] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        for graph, group in by_graph.items():
            self._request("POST", self.layout.graphs, [("graph", graph.value)], _ntriples(group),
                          {"Content-Type": N_TRIPLES})

    def bulk_write(self, articles: list[tuple[ox.NamedNode, bytes, bytes]], shared: ox.NamedNode) -> set[ox.NamedNode]:
        """No bulk loader over HTTP: none written, the store writes each article by itself."""
        return set()

    def load_file(self, path: Path, fmt: ox.RdfFormat, base_iri: str, default: ox.NamedNode, names: set) -> None:
        """Replace each graph of the RDF file by what it says of it (triples outside a named graph go to ``default``)."""
        graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
        with path.open("rb") as handle:
            for q in ox.parse(handle, fmt, base_iri=base_iri):
                g = default if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
                graphs.setdefault(g, []).append(ox.Quad(q.subject, q.predicate, q.object, g))
        for g, quads in graphs.items():
            self.replace_graph(g, quads)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self._update(f"DROP SILENT GRAPH {graph}")

    def update(self, text: str) -> None:
        self._update(text)

    def dump(self, output: Any, format: ox.RdfFormat, *, prefixes: dict[str, str] | None = None) -> None:
        quads = list(self.quads_for_pattern())
        if prefixes:
            ox.serialize(quads, output, format, prefixes=prefixes)
        else:
            ox.serialize(quads, output, format)

    def __len__(self) -> int:
        rows = list(self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{self._visible()} }}"))
        return int(rows[0]["n"].value) if rows else 0

    def flush(self) -> None:
        """Every request is committed by the server when it answers."""

    def ping(self) -> None:
        """Fail now, with a clear message, if the server is not there."""
        self.query("ASK {}")


def _standard_json(data: bytes) -> bytes:
    """SPARQL JSON results as the W3C format has them: Virtuoso writes ``typed-literal`` (a draft's term) and answers
    ASK with a one-row table of ``__ASK_RETVAL``."""
    if b"typed-literal" not in data and b"__ASK_RETVAL" not in data:
        return data
    doc = json.loads(data)
    if doc.get("head", {}).get("vars") == ["__ASK_RETVAL"]:
        rows = doc.get("results", {}).get("bindings", [])
        return json.dumps({"head": {}, "boolean": bool(rows and int(rows[0]["__ASK_RETVAL"]["value"]))}).encode()
    for row in doc.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
    return json.dumps(doc).encode()


class _Solutions(list):
    """Query solutions read to the end (so a malformed answer fails here, as one error), with their variables."""

    def __init__(self, variables, solutions):
        super().__init__(solutions)
        self.variables = variables


def _solutions(result, distinct: bool = False):
    """Solutions read to the end; for a SELECT DISTINCT, a row the server repeats is dropped (Virtuoso 7.2 repeats
    one now and then despite DISTINCT; the answer must not depend on the server)."""
    if not isinstance(result, ox.QuerySolutions):
        return result
    rows, seen = [], set()
    for row in result:
        key = tuple(row[v] for v in result.variables)
        if not (distinct and key in seen):
            rows.append(row)
            seen.add(key)
    return _Solutions(result.variables, rows)


def _ntriples(quads: Iterable[ox.Quad]) -> bytes:
    out = io.BytesIO()
    ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], out, ox.RdfFormat.N_TRIPLES)
    return out.getvalue()

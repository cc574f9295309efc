"""Where a store keeps its quads: the small interface ``kg.store.Store`` writes and reads through, and the one place
that decides between an embedded Oxigraph in a folder (``kg.embedded``) and a SPARQL 1.1 server (``kg.remote``).

The reading methods are pyoxigraph's ``Store`` methods of the same names, so ``Store.oxigraph`` is the pyoxigraph
store itself or the server's client standing for it. The writing methods are the store's own: a graph replaced in one
transaction, new article graphs in bulk where a backend can, an RDF file's graphs replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

import pyoxigraph as ox

from kg.embedded import EmbeddedBackend
from kg.remote import RemoteBackend, is_url


class Backend(Protocol):
    path: Path | str  # where the quads are, for messages (a server's URL without its user and password)
    remote: bool
    max_batch: int  # articles a load hands over together at most (1: each as it comes)
    recovered: list[str]  # the graphs of a write that did not finish, dropped when the backend opened

    @property
    def oxigraph(self) -> Any: ...

    def close(self) -> None: ...

    def flush(self) -> None: ...

    # -- reading: pyoxigraph's names and meanings
    def query(self, query: str, *, use_default_graph_as_union: bool = False,
              substitutions: dict[ox.Variable, Any] | None = None, prefixes: dict[str, str] | None = None) -> Any: ...

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]: ...

    def named_graphs(self) -> Iterator[ox.NamedNode]: ...

    def contains_named_graph(self, graph: ox.NamedNode) -> bool: ...

    def __len__(self) -> int: ...

    def dump(self, output: IO[bytes] | str, format: ox.RdfFormat, *, prefixes: dict[str, str] | None = None) -> None: ...

    # -- writing (``StoreError`` when a write fails)
    def replace_graph(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, atomically."""

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (adding one twice is a no-op)."""

    def remove_graph(self, graph: ox.NamedNode) -> None: ...

    def bulk_write(self, articles: list[tuple[ox.NamedNode, bytes, bytes]], shared: ox.NamedNode) -> set[ox.NamedNode]:
        """Write what it can of new articles (graph, own N-Triples, N-Triples for ``shared``) in bulk; returns the
        graphs written (the store writes the rest one by one)."""

    def load_file(self, path: Path, fmt: ox.RdfFormat, base_iri: str, default: ox.NamedNode, names: set) -> None:
        """Replace the graphs ``names`` of an RDF file (parsed once already) by what it says of them."""


def open_backend(location: str, *, read_only: bool = False, create: bool = True) -> Backend:
    """The backend at ``location``: a server when it is an http(s) URL (answering now, or a ``StoreError``), else a
    folder (made when missing unless ``read_only`` or not ``create``)."""
    if is_url(location):
        backend = RemoteBackend(location)
        backend.ping()
        return backend
    return EmbeddedBackend(Path(location), read_only=read_only, create=create)

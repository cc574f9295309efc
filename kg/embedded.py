"""The store's embedded backend: a persistent Oxigraph in a folder (see ``kg.backend`` for the interface).

A graph is replaced in one transaction (one SPARQL update, or one transactional insert for a new graph). New graphs
in bulk (a batch of articles, a whole file) go through Oxigraph's bulk loader under a journal: a process killed
midway leaves journal entries, and the next opening drops the graphs they name. A file that replaces graphs
writes only what differs, or loads beside them into staging graphs moved over them one by one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import StoreError
from kg.prepared import TABBED_END
from kg.sparql import bind_values

JOURNAL_GRAPH = ox.NamedNode("https://w3id.org/kg/graph/journal")
PENDING = ox.NamedNode("https://w3id.org/kg/graph/journal#pending")
STAGING_BASE = "https://w3id.org/kg/graph/staging/"  # a large file's graphs, loaded beside the ones they replace
WRITE_BATCH = 512  # articles stored by one bulk load at most (the loader's cost per call is high, and every few calls it
# compacts what the calls before wrote: 512 articles a call cost 0.3-0.9 ms less per article than 256 over 1,000-4,000
# articles, with the same peak memory of an ingest)

log = logging.getLogger("kg.store")  # the store's messages, whichever backend writes them


class EmbeddedBackend:
    """An Oxigraph store in the folder ``path`` (made when missing unless ``read_only`` or not ``create``); a writable
    one drops at opening what a write that did not finish left (``recovered`` names the graphs)."""

    remote = False
    max_batch = WRITE_BATCH

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True):
        self.path = path
        self.recovered: list[str] = []
        if not path.exists() and (read_only or not create):
            raise StoreError(f"no store at {path}: load something first (kg load / kg ingest)")
        try:
            if read_only:
                self._ox = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(path))
        except OSError as err:
            raise StoreError(f"cannot open the store at {path}: {reason(err)}") from None
        if not read_only:
            self.recovered = self.recover()

    @property
    def oxigraph(self) -> ox.Store:
        return self._ox

    def close(self) -> None:
        """Nothing to do: the folder is released when the pyoxigraph store is dropped."""

    def flush(self) -> None:
        self._ox.flush()

    # -- reading ------------------------------------------------------------------------------------
    def query(self, query: str, *, use_default_graph_as_union: bool = False,
              substitutions: dict[ox.Variable, Any] | None = None, prefixes: dict[str, str] | None = None) -> Any:
        try:
            return self._ox.query(query, use_default_graph_as_union=use_default_graph_as_union,
                                  substitutions=substitutions or None, prefixes=prefixes)
        except RuntimeError as err:  # Oxigraph substitutes only the variables the SELECT lists
            if not substitutions or "projection" not in str(err):
                raise
            return self._ox.query(bind_values(query, substitutions), use_default_graph_as_union=use_default_graph_as_union,
                                  prefixes=prefixes)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        return self._ox.quads_for_pattern(subject, predicate, object, graph_name)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return self._ox.named_graphs()

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return self._ox.contains_named_graph(graph)

    def __len__(self) -> int:
        return len(self._ox)

    def dump(self, output: IO[bytes] | str, format: ox.RdfFormat, *, prefixes: dict[str, str] | None = None) -> None:
        self._ox.dump(output, format, prefixes=prefixes)

    # -- writing ------------------------------------------------------------------------------------
    def replace_graph(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, in one transaction."""
        try:
            if not self._ox.contains_named_graph(graph):
                self._ox.extend(quads)  # transactional: all of it or nothing
                self._ox.add_graph(graph)
            else:
                body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
                self._ox.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} }} }}")
        except OSError as err:
            raise StoreError(f"writing graph <{graph.value}> to {self.path} failed: {reason(err)}") from None

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        try:
            self._ox.extend(quads)
        except OSError as err:
            raise StoreError(f"writing to {self.path} failed: {reason(err)}") from None

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self._ox.remove_graph(graph)

    def bulk_write(self, articles: list[tuple[ox.NamedNode, bytes, bytes]], shared: ox.NamedNode) -> set[ox.NamedNode]:
        """Write the articles (graph, own N-Triples, N-Triples describing shared nodes) whose graphs the store does not
        hold yet through the bulk loader in one call, under the journal (a process killed midway leaves them for
        ``recover`` to drop); returns the graphs written. The caller writes the others, each in a transaction of its
        own, and so every article of a batch the bulk loader could not write (a full disk: as many are stored as
        fit, then the error)."""
        fresh = [article for article in articles if not self._ox.contains_named_graph(article[0])]
        if not fresh:
            return set()
        try:
            self._bulk_write(fresh, shared)
        except OSError:
            with contextlib.suppress(OSError):
                self.recover()  # drops what the bulk loader wrote of them
            return set()
        return {graph for graph, _, _ in fresh}

    def _bulk_write(self, fresh: list[tuple[ox.NamedNode, bytes, bytes]], shared: ox.NamedNode) -> None:
        data = b"".join(in_graph(own, g) + in_graph(theirs, shared) for g, own, theirs in fresh)
        # N-Triples as ``kg.triples.split_ntriples`` writes them (lines ending in a tab and a full stop) hold IRIs it
        # checked and literals pyoxigraph wrote: the loader need not check them again (a fifth of its time)
        written = all(part.endswith(TABBED_END) for _, own, theirs in fresh for part in (own, theirs) if part)
        # the journal goes to the write-ahead log only: flushing it first, as ``_journal`` does for a file, costs
        # more than the batch on a small store and cannot be done at all on a nearly full disk
        self._ox.extend([ox.Quad(JOURNAL_GRAPH, PENDING, g, JOURNAL_GRAPH) for g, _, _ in fresh])
        self._ox.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=written)
        for g, _, _ in fresh:
            self._ox.add_graph(g)
        self._ox.remove_graph(JOURNAL_GRAPH)

    def load_file(self, path: Path, fmt: ox.RdfFormat, base_iri: str, default: ox.NamedNode, names: set) -> None:
        """Make each graph of ``names`` hold what the RDF file says of it (triples outside a named graph go to
        ``default``). A file whose graphs are all new goes through the bulk loader under the journal; one that
        replaces graphs writes what differs (``_replace_difference``) or stages them (``_replace_staged``)."""
        plain_triples = not fmt.supports_datasets
        if any(self._ox.contains_named_graph(g) for g in names) or not (plain_triples or default not in names):
            if not self._replace_difference(path, fmt, base_iri, default, names):
                self._replace_staged(path, fmt, base_iri, default, names)
            return
        self._journal(names)
        try:
            self._ox.bulk_load(path=str(path), format=fmt, base_iri=base_iri, to_graph=default if plain_triples else None)
            for g in names:
                self._ox.add_graph(g)
            self._ox.flush()
        except OSError as err:
            raise StoreError(f"writing {path} to {self.path} failed: {reason(err)}") from None
        self._ox.remove_graph(JOURNAL_GRAPH)

    def _replace_difference(self, path: Path, fmt: ox.RdfFormat, base_iri: str, default: ox.NamedNode, names: set,
                            limit: int = 50_000) -> bool:
        """Replace graphs by writing only what differs from what they hold, in one transaction (re-loading a file
        that changed little, or not at all, writes little or nothing). False, with nothing written, when more than
        ``limit`` quads differ: then ``_replace_staged`` does it."""
        keys: set[int] = set()
        added: list[ox.Quad] = []
        with path.open("rb") as handle:
            for q in ox.parse(handle, fmt, base_iri=base_iri):
                quad = ox.Quad(q.subject, q.predicate, q.object,
                               default if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name)
                keys.add(hash(str(quad)))
                if quad not in self._ox:
                    added.append(quad)
                    if len(added) > limit:
                        return False
        removed = []
        for g in names:
            for quad in self._ox.quads_for_pattern(None, None, None, g):
                if hash(str(quad)) not in keys:
                    removed.append(quad)
                    if len(removed) > limit:
                        return False
        if any(isinstance(t, ox.BlankNode) for q in added + removed for t in (q.subject, q.object)):
            return False  # DELETE DATA takes no blank nodes
        if added or removed:
            def block(quads) -> str:
                return " .\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)

            try:
                self._ox.update(f"DELETE DATA {{ {block(removed)} }} ;\nINSERT DATA {{ {block(added)} }}")
            except OSError as err:
                raise StoreError(f"writing {path} to {self.path} failed: {reason(err)}") from None
        return True

    def _replace_staged(self, path: Path, fmt: ox.RdfFormat, base_iri: str, default: ox.NamedNode, names: set) -> None:
        """Replace graphs that exist already: the file is streamed by the bulk loader into journaled staging graphs,
        then each is moved over its target in one transaction (readers see the old graph or the new one; a process
        killed midway leaves staging graphs that the next opening drops). Memory stays flat whatever the size."""
        staging = {g: ox.NamedNode(STAGING_BASE + hashlib.sha256(g.value.encode()).hexdigest()[:32]) for g in names}
        self._journal(staging.values())
        try:
            with path.open("rb") as handle:
                self._ox.bulk_extend(
                    ox.Quad(q.subject, q.predicate, q.object,
                            staging[default if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name])
                    for q in ox.parse(handle, fmt, base_iri=base_iri))
            self._ox.flush()
            for g, temporary in staging.items():
                self._ox.update(f"MOVE SILENT GRAPH {temporary} TO {g}")
            self._ox.flush()
        except OSError as err:
            raise StoreError(f"writing {path} to {self.path} failed: {reason(err)}") from None
        self._ox.remove_graph(JOURNAL_GRAPH)

    # -- the journal --------------------------------------------------------------------------------
    def _journal(self, graphs: Iterable[ox.NamedNode]) -> None:
        """Note the graphs a bulk load is about to write (see ``recover``)."""
        self._ox.extend([ox.Quad(JOURNAL_GRAPH, PENDING, g, JOURNAL_GRAPH) for g in graphs])
        self._ox.flush()

    def recover(self) -> list[str]:
        """Drop the graphs of a bulk load that did not finish (the process died midway)."""
        pending = [q.object for q in self._ox.quads_for_pattern(None, PENDING, None, JOURNAL_GRAPH)]
        for g in pending:
            self._ox.remove_graph(g)
        if pending:
            self._ox.remove_graph(JOURNAL_GRAPH)
            self._ox.flush()
            log.warning("%s: dropped %d article graph(s) of a write that did not finish (%s); ingest them again",
                        self.path, len(pending), ", ".join(g.value.rsplit("/", 1)[-1] for g in pending[:5]))
        return [g.value for g in pending]


def in_graph(ntriples: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples as N-Quads in ``graph``. Lines that end in a tab and a full stop (as ``kg.prepared`` writes them:
    nothing else in them is a tab) get the graph name at their tab, a quick replace of one byte; others at " .\n"."""
    if ntriples.endswith(TABBED_END):
        return ntriples.replace(b"\t", f" {graph}\t".encode())
    return ntriples.replace(b" .\n", f" {graph} .\n".encode())


def reason(err: OSError) -> str:
    """An OS error in words, with a hint for the ones a user can fix (a full disk, a read-only folder)."""
    text = str(err)
    low = text.lower()
    if "no space left" in low or getattr(err, "errno", None) == errno.ENOSPC:
        return f"{text} (the disk is full: free some space and run the command again; what was stored is intact)"
    if "read-only file system" in low or "permission denied" in low or getattr(err, "errno", None) in (errno.EACCES,
                                                                                                   errno.EROFS):
        return f"{text} (the store folder cannot be written: check its permissions, or query it with a read-only command)"
    return text

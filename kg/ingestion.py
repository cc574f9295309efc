"""The pipeline between the API and the store: articles -> records -> checked triples, in N processes or on a
Dask cluster, written by this process in input order; articles whose text the store holds already are skipped.

``kg.prepared.prepare``, the CPU-heavy half of a write, runs where the extraction runs and sends back compact
N-Triples; the store only parses and writes what comes back.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.errors import KgError, RecordError
from kg.extract import extract_or_error
from kg.loaders import iter_files, load_file
from kg.prepared import PreparedArticle, prepare
from kg.records import Article, content_hash
from kg.store import LoadReport, Store

CHUNK = 8  # articles per task sent to a worker process (fewer round trips, same order)
RECENT = 20_000  # articles whose keys an ingest keeps to skip a second copy in its input (see ``_new_articles``)


def ingest(store: Store, paths: Iterable[str | os.PathLike], report: LoadReport, *, validate: bool = True,
           jobs: int = 1, cluster: str | None = None, progress: Callable[[int], None] | None = None) -> LoadReport:
    """Extract every article of ``paths`` and store it; see ``kg.api.ingest``."""
    # a copy of an article stored already is found in the store; the keys of recent articles cover the copies of those
    # not stored yet: those in flight (in a window, in a batch) and those whose extraction failed not long before
    in_flight = _window(jobs, store.backend.max_batch) * CHUNK + store.backend.max_batch
    articles = _new_articles(store, paths, report, progress, recent=max(RECENT, 4 * in_flight))

    def stored(results):
        for result in results:
            yield result
            if progress:
                progress(0)

    work = functools.partial(extract_checked, validate=validate)
    with executor(jobs, cluster) as submit:
        if submit is None:
            results: Iterator = map(work, articles)
        else:
            batches = in_order(submit, functools.partial(_each, work), _chunks(articles, CHUNK),
                               window=_window(jobs, store.backend.max_batch))
            results = (r for batch in batches for r in batch)
        store.load_records(stored(results), False, report)
    return report


def _window(jobs: int, batch: int) -> int:
    """Chunks of articles in flight: enough for the workers to make a whole batch of the store's while this process
    writes the one before (in the bulk loader, which takes a second or more for 256 articles; with two chunks a worker
    the workers stood idle most of that time)."""
    return 2 * max(jobs, 4) + -(-batch // CHUNK)


def _new_articles(store: Store, paths, report: LoadReport, progress, recent: int = RECENT) -> Iterator[Article]:
    """The articles of ``paths`` that the store does not hold with the same text (nor the last ``recent`` articles of
    this input). The keys of at most ``recent`` articles are kept: the memory of an ingest stays flat however long."""
    seen: OrderedDict[bytes, None] = OrderedDict()  # 16-byte digests of (id, text digest), oldest first
    for item in iter_files(paths):
        if isinstance(item, KgError):
            report.errors.append(str(item))
        else:
            for article in load_file(item):
                if isinstance(article, KgError):
                    report.errors.append(str(article))
                    continue
                digest = content_hash(article.text or "")
                key = hashlib.blake2b(f"{article.id}\x1f{digest}".encode(), digest_size=16).digest()
                if key in seen or store.has_content(article.id, digest):
                    report.skipped.append(article.id)  # stored already, or twice in this input
                else:
                    seen[key] = None
                    if len(seen) > recent:
                        seen.popitem(last=False)
                    yield article
        if progress:
            progress(1)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _each(fn: Callable, items: list) -> list:
    return [fn(item) for item in items]


@contextlib.contextmanager
def executor(jobs: int, cluster: str | None):
    """A function submitting work to N local processes or to a Dask cluster (None: run in this process)."""
    if cluster:
        try:
            from distributed import Client
        except ImportError:
            raise KgError("--cluster needs Dask's distributed package: pip install 'kg[cluster]'") from None
        try:
            client = Client(cluster, timeout=10)
        except (OSError, TimeoutError) as err:
            raise KgError(f"cannot reach the Dask scheduler at {cluster}: {err}") from None
        with client:
            yield lambda fn, item: client.submit(fn, item, pure=False)
    elif jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
            yield pool.submit
    else:
        yield None


def _watch_parent(parent: int) -> None:
    """In a worker: end when the ingest that started it is gone (killed with -9, it cannot stop its workers)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def in_order(submit, fn, items, window: int) -> Iterator[Any]:
    """``fn`` over ``items`` through ``submit``, results in input order, at most ``window`` items in flight
    (so a folder of a million articles is never all in memory)."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_checked(article: Article, validate: bool = True) -> PreparedArticle | KgError:
    """Extract one article, build its triples and check them against the shapes: the part of an ingest that runs
    in parallel (in worker processes or on a cluster); the writer only stores what comes back."""
    record = extract_or_error(article)
    if isinstance(record, KgError):
        return record
    try:
        return prepare(record, validate)
    except RecordError as err:
        return KgError(f"{article.source}: {err}")

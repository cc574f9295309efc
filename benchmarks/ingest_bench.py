"""Ingest benchmark: articles/s with --jobs 1 and --jobs 2 on the same corpus, in one run, and whether the two
stores hold the same quads; then the same ingest (--jobs 2) into an Oxigraph SPARQL server that the benchmark
starts, against the embedded store.

    python benchmarks/ingest_bench.py [--copies 5] [--no-validate]

The corpus is the bundled articles (data/sample and data/corpus) repeated --copies times under new ids.
Target (issue #6): --jobs 2 at >= 1.7x --jobs 1 on a 2-core machine, identical store contents.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kg import api
from kg.loaders import jsonl, load_path
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--no-validate", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-ingest-bench-"))
    try:
        corpus = work / "articles.jsonl"
        articles = [a for a in load_path([ROOT / "data" / "sample", ROOT / "data" / "corpus"]) if hasattr(a, "text")]
        jsonl.write(corpus, (dataclasses.replace(a, id=f"{a.id}-{copy}") for copy in range(args.copies) for a in articles))
        n = args.copies * len(articles)
        rates = {}
        for jobs in (1, 2):
            t = time.perf_counter()
            with Store(work / f"jobs{jobs}") as st:
                report = api.ingest(st, [corpus], validate=not args.no_validate, jobs=jobs)
            elapsed = time.perf_counter() - t
            assert not report.errors, report.errors[:3]
            rates[jobs] = len(report.loaded) / elapsed
            print(f"--jobs {jobs}: {len(report.loaded)} articles in {elapsed:.1f} s, {rates[jobs]:.1f} articles/s",
                  flush=True)
        same = set(ox.Store.read_only(str(work / "jobs1"))) == set(ox.Store.read_only(str(work / "jobs2")))
        ratio = rates[2] / rates[1]
        verdict = "ok" if ratio >= 1.7 else "MISSED"
        print(f"{n} articles ({len(report.skipped)} repeated); --jobs 2 / --jobs 1 = {ratio:.2f}x "
              f"(target >= 1.7x: {verdict}); identical stores: {same}", flush=True)
        remote_rate, remote_same = remote(work, corpus, validate=not args.no_validate)
        print(f"remote Oxigraph server, --jobs 2: {remote_rate:.1f} articles/s = {remote_rate / rates[2]:.2f}x the "
              f"embedded store; same quads as embedded: {remote_same}")
        return 0 if same and remote_same and ratio >= 1.7 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def remote(work: Path, corpus: Path, validate: bool) -> tuple[float, bool]:
    """Ingest into an `oxigraph serve` over its own folder; articles/s and whether it holds the embedded quads."""
    port = _free_port()
    server = subprocess.Popen([api.oxigraph_binary(), "serve", "--location", str(work / "server"),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        t = time.perf_counter()
        with Store(url) as st:
            report = api.ingest(st, [corpus], validate=validate, jobs=2)
            elapsed = time.perf_counter() - t
            quads = set(st.oxigraph.quads_for_pattern(None, None, None))
        print(f"--jobs 2 --store {url}: {len(report.loaded)} articles in {elapsed:.1f} s", flush=True)
        embedded = set(ox.Store.read_only(str(work / "jobs2")).quads_for_pattern(None, None, None))
        return len(report.loaded) / elapsed, quads == embedded
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())

"""Ingest benchmark, in one run: articles/s of `kg ingest` with and without the shape checks, --jobs 1 and 2,
against spaCy's blank tokenizer on the same texts, per second and per CPU-second (the rate of one core, whatever
else a shared machine runs); `kg load` of records against pyoxigraph's bulk loader of the
same quads; the peak memory of an ingest after 10,000 articles and after all of them.

    python benchmarks/ingest_bench.py [--articles 10000] [--remote]
    python benchmarks/ingest_bench.py --articles 100000 --memory-only    # the peak at 10,000 and at 100,000
    python benchmarks/ingest_bench.py --articles 100000 --memory-records # the same for `kg load` of records

The articles are the bundled ones (data/sample and data/corpus) repeated under new ids ("synthetic" articles
with real texts); the extraction forgets its work on whole sentences before each article (``--warm`` keeps it): a real
archive seldom repeats a sentence, and the copies would otherwise cost less than new text. Targets (issue #13):
--jobs 1 >= 60 articles/s per core with the checks; --jobs 2 >= 1.8x --jobs 1; loading records <= 3x the bulk
loader's CPU time with the checks, <= 2x without; peak memory after all articles within 1.2x the peak after 10,000.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg import api
from kg.loaders import jsonl, load_path
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent


def bundled() -> list:
    return [a for a in load_path([ROOT / "data" / "sample", ROOT / "data" / "corpus"]) if hasattr(a, "text")]


def write_corpus(folder: Path, n: int, per_file: int = 10_000) -> None:
    """``n`` articles in JSON Lines files of ``per_file`` each (kg reads files of up to 50 MB)."""
    articles = bundled()
    folder.mkdir()
    for first in range(0, n, per_file):
        jsonl.write(folder / f"part-{first // per_file:04d}.jsonl",
                    (dataclasses.replace(articles[i % len(articles)], id=f"{articles[i % len(articles)].id}-{i}")
                     for i in range(first, min(n, first + per_file))))


def tokenizer_rate() -> float:
    """Articles/s of spaCy's blank English tokenizer alone on the same texts (best of 3 passes)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    texts = [a.text for a in bundled()]
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for text in texts:
            nlp.tokenizer(text)
        best = min(best, time.perf_counter() - t)
    return len(texts) / best


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children: the cores' work, whatever else
    the machine runs meanwhile."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ingest_rate(corpus: Path, store: Path, validate: bool, jobs: int) -> tuple[float, float]:
    """Articles per second of wall-clock time, and per CPU-second (the rate of one core)."""
    t, cpu = time.perf_counter(), cpu_seconds()
    with Store(store) as st:
        report = api.ingest(st, [corpus], validate=validate, jobs=jobs)
    elapsed, used = time.perf_counter() - t, cpu_seconds() - cpu
    assert not report.errors, report.errors[:3]
    return len(report.loaded) / elapsed, len(report.loaded) / used


def new_texts() -> None:
    """Make every synthetic article cost what a new text would: the extraction forgets its work on whole sentences
    before each article (worker processes fork from this one and inherit the change)."""
    from kg import ingestion
    from kg.extract import extract_or_error, forget_sentences

    def extract_new(article):
        forget_sentences()
        return extract_or_error(article)

    ingestion.extract_or_error = extract_new


def fingerprint(path: Path) -> tuple[int, int]:
    """(number of quads, a sum of their hashes): equal for stores holding the same quads, read as a stream
    (a set of a few million quads would not fit in memory)."""
    dump = path.with_suffix(".nq")
    ox.Store.read_only(str(path)).dump(str(dump), ox.RdfFormat.N_QUADS)
    try:
        return line_fingerprint(dump)
    finally:
        dump.unlink()


def line_fingerprint(path: Path) -> tuple[int, int]:
    count = total = 0
    with path.open("rb") as lines:
        for line in lines:
            count += 1
            total = (total + hash(line)) & 0xFFFFFFFFFFFFFFFF
    return count, total


def load_ratios(work: Path, records: Path) -> dict[str, float]:
    """CPU-seconds of `kg load RECORDS` with and without the checks, and of pyoxigraph's bulk load of the quads
    the first one stored (exported as N-Quads beforehand, outside the timing)."""
    times = {}
    for validate in (True, False):
        cpu = cpu_seconds()
        with Store(work / f"load-{validate}") as st:
            report = st.load_file(records, validate=validate)
        times[validate] = cpu_seconds() - cpu
        assert not report.errors, report.errors[:3]
    nq = work / "load.nq"
    with Store(work / "load-True", read_only=True) as st:
        st.export(nq, "nq")
    raw = ox.Store(str(work / "raw"))
    cpu = cpu_seconds()
    raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    times["raw"] = cpu_seconds() - cpu
    return times


PEAK = """
def peak_mib():  # the high-water mark of this process's own memory: ru_maxrss would start at the peak of the process
    try:         # that started it (Linux carries it over exec), and the bench's own process is large by then
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


def memory_child(corpus: Path, store: Path, mark: int) -> dict[str, float]:
    """Ingest in a child process; the peak resident memory (MiB) when ``mark`` articles are stored and at the end."""
    code = f"""
import json, resource, sys
from kg import api
from kg.store import Store
{PEAK}
peak = {{}}
with Store({str(store)!r}) as st:
    report = api.LoadReport()
    def progress(n):
        if len(report.loaded) >= {mark} and "mark" not in peak:
            peak["mark"] = peak_mib()
        if len(report.loaded) >= peak.get("next", {mark}):
            rss = peak_mib()
            print(f"peak after {{len(report.loaded):,}} articles: {{rss:.0f}} MiB", file=sys.stderr, flush=True)
            peak["next"] = peak.get("next", {mark}) + {mark}
    api.ingest(st, [{str(corpus)!r}], jobs=1, progress=progress, report=report)
peak["end"] = peak_mib()
peak.setdefault("mark", peak["end"])
peak.pop("next", None)
peak["articles"] = len(report.loaded)
print(json.dumps(peak))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def memory_records_child(records: Path, store: Path, mark: int) -> dict[str, float]:
    """The same as ``memory_child`` for `kg load` of records (the write path without extraction: quicker to run
    to 100,000 on a shared machine)."""
    code = f"""
import json, resource, sys
from kg.records import read_record_lines
from kg.store import LoadReport, Store
peak = {{}}
{PEAK}
rss = peak_mib
def items():
    for i, (_, record) in enumerate(read_record_lines({str(records)!r}), start=1):
        yield record
        if i % {mark} == 0:
            peak.setdefault("mark", rss())
            print(f"peak after {{i:,}} records read: {{rss():.0f}} MiB", file=sys.stderr, flush=True)
with Store({str(store)!r}) as st:
    report = st.load_records(items())
peak["end"] = rss()
peak.setdefault("mark", peak["end"])
peak["articles"] = len(report.loaded)
print(json.dumps(peak))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--records", type=int, default=0, help="records to load (default: as many as --articles)")
    ap.add_argument("--memory-only", action="store_true", help="only the peak memory of an ingest")
    ap.add_argument("--memory-records", action="store_true", help="the peak memory of `kg load` of records instead")
    ap.add_argument("--remote", action="store_true", help="also --jobs 2 into an Oxigraph server")
    ap.add_argument("--load-only", action="store_true", help="only kg load of records against the bulk loader")
    ap.add_argument("--warm", action="store_true", help="let the copies of a text reuse the work on its sentences")
    args = ap.parse_args()
    if not args.warm:
        new_texts()
    work = Path(tempfile.mkdtemp(prefix="kg-ingest-bench-"))
    try:
        mark = min(10_000, args.articles)
        if args.load_only:
            run_load(work, args.records or args.articles)
            return 0
        if args.memory_records:
            write_records(work / "records.jsonl", args.articles)
            peak = memory_records_child(work / "records.jsonl", work / "memory", mark)
            what = "kg load of records"
        else:
            corpus = work / "articles"
            write_corpus(corpus, args.articles)
            if not args.memory_only:
                run_speed(work, corpus, args)
            peak = memory_child(corpus, work / "memory", mark)
            what = "one ingest (--jobs 1)"
        ratio = peak["end"] / peak["mark"]
        print(f"peak memory of {what}: {peak['mark']:.0f} MiB after {mark:,} articles, {peak['end']:.0f} MiB "
              f"after {peak['articles']:,}: {ratio:.2f}x (target <= 1.2x: {'ok' if ratio <= 1.2 else 'MISSED'})", flush=True)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_speed(work: Path, corpus: Path, args) -> None:
    tok = tokenizer_rate()
    print(f"{args.articles:,} articles; spaCy's blank tokenizer alone: {tok:,.0f} articles/s; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    rates, per_core = {}, {}
    for validate in (True, False):
        for jobs in (1, 2):
            rates[validate, jobs], per_core[validate, jobs] = ingest_rate(
                corpus, work / f"ingest-{validate}-{jobs}", validate, jobs)
            print(f"kg ingest --jobs {jobs} {'with the shape checks' if validate else '--no-validate':<22}: "
                  f"{rates[validate, jobs]:6.1f} articles/s = 1/{tok / rates[validate, jobs]:.0f} of the tokenizer; "
                  f"{per_core[validate, jobs]:6.1f} articles per CPU-second", flush=True)
    for validate in (True, False):
        r = rates[validate, 2] / rates[validate, 1]
        print(f"--jobs 2 / --jobs 1 {'with checks' if validate else 'without'}: {r:.2f}x (target >= 1.8x: "
              f"{'ok' if r >= 1.8 else 'MISSED'})", flush=True)
    one = fingerprint(work / "ingest-True-1")
    same = all(fingerprint(work / f"ingest-{v}-{j}") == one for v in (True, False) for j in (1, 2))
    verdict = "ok" if per_core[True, 1] >= 60 else "MISSED"
    print(f"--jobs 1 with checks: {per_core[True, 1]:.1f} articles per CPU-second (target >= 60 per core: {verdict}); "
          f"load average {os.getloadavg()[0]:.1f}; all four stores hold the same quads: {same}", flush=True)
    run_load(work, args.records or args.articles)
    if args.remote:
        remote(work, corpus)


def run_load(work: Path, n: int) -> None:
    records = work / "records.jsonl"
    write_records(records, n)
    times = load_ratios(work, records)
    print(f"kg load of {n:,} records: {times[True]:.1f} CPU-s with the checks = {times[True] / times['raw']:.2f}x the "
          f"bulk loader's {times['raw']:.1f} CPU-s on the same quads (target <= 3x); {times[False]:.1f} CPU-s without = "
          f"{times[False] / times['raw']:.2f}x (target <= 2x)", flush=True)


def write_records(path: Path, n: int) -> None:
    """``n`` records: those of the bundled articles, repeated under new ids."""
    from kg.extract import extract

    records = [extract(a) for a in bundled()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            r = records[i % len(records)]
            f.write(dataclasses.replace(r, article=dataclasses.replace(r.article, id=f"{r.id}-{i}")).to_json() + "\n")


def remote(work: Path, corpus: Path) -> None:
    """Ingest into an `oxigraph serve` over its own folder, against the embedded store."""
    import socket
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
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
            report = api.ingest(st, [corpus], jobs=2)
            rate = len(report.loaded) / (time.perf_counter() - t)
            st.export(work / "remote.nq", "nq")
            same = line_fingerprint(work / "remote.nq") == fingerprint(work / "ingest-True-2")
        print(f"--jobs 2 --store {url}: {rate:.1f} articles/s; same quads as embedded: {same}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
